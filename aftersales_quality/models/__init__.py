# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import aftersales_complaint
from . import aftersales_return
from . import aftersales_return_line

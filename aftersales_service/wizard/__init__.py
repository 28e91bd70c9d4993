# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import aftersales_warranty_void_wizard
from . import aftersales_warranty_extend_wizard
from . import aftersales_warranty_backfill_wizard
from . import aftersales_dispatch_wizard
from . import aftersales_appointment_wizard

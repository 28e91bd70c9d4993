# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import res_company
from . import res_config_settings
from . import aftersales_request
from . import aftersales_return_approval_rule
from . import aftersales_return_approval
from . import aftersales_return
from . import aftersales_return_line
from . import res_partner
from . import stock_move
from . import stock_picking

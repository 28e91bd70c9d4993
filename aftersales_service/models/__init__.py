# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import res_company
from . import res_config_settings
from . import aftersales_request
from . import aftersales_tariff
from . import repair_order
from . import stock_location
from . import stock_move
from . import stock_picking
from . import sale_order
from . import sale_order_line
from . import account_move
from . import account_move_line
from . import aftersales_request_repair

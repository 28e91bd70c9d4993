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
from . import aftersales_sla_policy
from . import aftersales_technician_certification
from . import hr_employee
from . import aftersales_work_log
from . import aftersales_warranty_policy
from . import aftersales_warranty_policy_line
from . import aftersales_warranty
from . import aftersales_warranty_line
from . import aftersales_warranty_extension
from . import aftersales_contract
from . import product_category
from . import product_template
from . import product_pricelist
from . import sale_order
from . import stock_lot

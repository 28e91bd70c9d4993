# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import aftersales_loan
from . import res_company
from . import res_config_settings
from . import product_template
from . import aftersales_abc_run
from . import aftersales_abc_line
from . import aftersales_reorder_proposal
from . import repair_order
from . import stock_quant
from . import maintenance_equipment
from . import aftersales_tool_custody
from . import aftersales_tool_incident
from . import hr_employee
from . import hr_employee_public
from . import stock_move
from . import stock_picking
from . import aftersales_supplier_scorecard
from . import aftersales_request

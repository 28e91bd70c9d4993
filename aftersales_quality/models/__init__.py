# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import aftersales_complaint_route
from . import aftersales_complaint
from . import aftersales_return
from . import aftersales_return_approval
from . import aftersales_return_line
from . import aftersales_fault_code
from . import aftersales_survey
from . import aftersales_technician_kpi
from . import aftersales_request
from . import hr_employee
from . import res_company
from . import res_config_settings
from . import repair_order
from . import stock_move
from . import aftersales_knowledge_document
from . import aftersales_partner_evaluation

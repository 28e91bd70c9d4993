# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import res_company
from . import res_config_settings
from . import aftersales_request
from . import res_company_request
from . import res_config_settings_request
from . import res_partner
from . import aftersales_sla_policy
from . import aftersales_technician_certification
from . import hr_employee
from . import aftersales_work_log

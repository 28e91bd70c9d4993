# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import aftersales_survey_campaign
from . import aftersales_technician_kpi_decision

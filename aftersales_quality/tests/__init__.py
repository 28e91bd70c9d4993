# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import test_complaint
from . import test_complaint_collisions
from . import test_tour
from . import test_complaint_bad_input
from . import test_return_qc
from . import test_return_stock
from . import test_return_story
from . import test_query_counts
from . import test_kpi
from . import test_survey
from . import test_fault_code
from . import test_survey_concurrency
from . import test_first_time_fix
from . import test_complaint_return
from . import test_dashboard
from . import test_return_links
from . import test_complaint_activity
from . import test_kpi_no_data
from . import test_demo
from . import test_fault_code_coverage
from . import test_role_journeys
from . import test_complaint_deadline_watch
from . import test_repeat_fault_code
from . import test_partner_evaluation

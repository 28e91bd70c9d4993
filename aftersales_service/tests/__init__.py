# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import test_request_flow
from . import test_access_matrix
from . import test_multi_company
from . import test_concurrency
from . import test_cron_safety
from . import test_bad_input
from . import test_return
from . import test_repair_charging
from . import test_repair_workshop
from . import test_repair_tariff
from . import test_warranty
from . import test_contract
from . import test_request_intake
from . import test_sla
from . import test_dispatch
from . import test_work_log
from . import test_follow_up
from . import test_portal
from . import test_portal_access
from . import test_request_coverage
from . import test_technician_job
from . import test_bad_documents
from . import test_state_mixin
from . import test_translations
from . import test_query_counts
from . import test_request_acknowledgment

# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import test_request_flow
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
from . import test_query_counts
from . import test_request_coverage
from . import test_request_acknowledgment

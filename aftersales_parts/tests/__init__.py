# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import test_loan
from . import test_loan_bad_input
from . import test_parts_warehouse
from . import test_abc
from . import test_reorder_proposal
from . import test_cycle_count
from . import test_loan_overdue
from . import test_tool_custody
from . import test_inbound_inspection
from . import test_loan_concurrency
from . import test_tool_bad_input
from . import test_loan_request
from . import test_portal_offers

# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import test_complaint
from . import test_return_qc
from . import test_query_counts
from . import test_kpi
from . import test_survey
from . import test_fault_code

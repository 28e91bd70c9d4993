# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Query budgets of the key after-sales actions, pinned so that they cannot creep up.

Each test runs twice under ``warmup`` (caches warm, as on a running server) and the second
run is counted. Where a document has lines, it is measured with few and with many lines:
the count must be the same (set-based reads, no query per line).
"""

from odoo import Command
from odoo.tests import tagged
from odoo.tests.common import warmup

from .warranty_common import WarrantyCommon

# pinned figures (post-install, warm caches); lower is fine, higher fails the test
QUERIES = {
    # the serial, its warranties, their components, the customer, a running contract; plus
    # one read of the user's record rules on a cold test cache (bench/run.py counts 5 warm)
    "coverage_by_serial": 6,
}


@tagged("post_install", "-at_install")
class TestWarrantyQueryCounts(WarrantyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lots = cls._lots(cls.product, "QC-SN-0001", "QC-SN-0002")
        cls._sell_and_deliver(cls.lots)
        many = cls.env["aftersales.warranty"].search([("lot_id", "=", cls.lots[1].id)])
        many.line_ids = [
            Command.create({"component": f"Part {index}", "months": 24}) for index in range(9)
        ]

    @warmup
    def test_coverage_lookup_by_serial_costs_the_same_for_1_and_10_components(self):
        """Looking a serial up costs a fixed number of queries, however many components its
        warranty has: the warranties and their components are read in one query each."""
        # a user's request: the web client always sends the time zone in the context, the
        # user and their companies are known before the lookup starts
        user_env = self.env(
            user=self.env.ref("base.user_admin"),
            context=dict(self.env.context, tz="Asia/Shanghai"),
        )
        self.assertTrue(user_env.companies)
        for lot in self.lots:
            self.env.invalidate_all()
            with self.assertQueryCount(QUERIES["coverage_by_serial"]):
                found = user_env["stock.lot"].search_fetch(
                    [("name", "=", lot.name)], ["product_id"], limit=1
                )
                coverage = user_env["aftersales.warranty"]._get_coverage(
                    found.product_id, lot=found, component="Compressor"
                )
            self.assertEqual(coverage["warranty"].lot_id, lot)

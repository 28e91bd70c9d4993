# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import PartsCommon


@tagged("post_install", "-at_install")
class TestCycleCount(PartsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.board = cls._part("Control Board", 100.0)
        cls.filter = cls._part("Air Filter", 1.0)
        cls._consume(cls.board, 10, date(2026, 6, 1))
        cls._consume(cls.filter, 10, date(2026, 6, 1))
        cls.env["aftersales.abc.run"]._compute_classes(
            date_to=date(2026, 6, 30), company=cls.company
        )
        cls._stock(cls.board, 100)
        cls._stock(cls.filter, 100)
        cls.quants = cls.env["stock.quant"].search(
            [
                ("location_id", "=", cls.stock_location.id),
                ("product_id", "in", (cls.board | cls.filter).ids),
            ]
        )

    @freeze_time("2026-07-01")
    def test_next_count_date_follows_class(self):
        """A parts are counted after 30 days, C parts after 365 (settings defaults)."""
        self.env["stock.quant"]._aftersales_plan_cycle_counts(self.company)
        dates = {q.product_id: q.inventory_date for q in self.quants}
        self.assertEqual(dates[self.board], date(2026, 7, 31))
        self.assertEqual(dates[self.filter], date(2027, 7, 1))

    def test_large_variance_needs_a_reason(self):
        """A count 10 % off (threshold 5 %) is refused without a reason, applied with one."""
        quant = self.quants.filtered(lambda q: q.product_id == self.board)
        quant.inventory_quantity = 90
        with self.assertRaisesRegex(UserError, "Explain the count variance"):
            quant.action_apply_inventory()
        self.assertEqual(quant.quantity, 100)
        quant.aftersales_variance_reason = "Two boards found damaged in quarantine"
        quant.action_apply_inventory()
        self.assertEqual(quant.quantity, 90)

    def test_small_variance_needs_no_reason(self):
        """A count within the threshold is applied as is."""
        quant = self.quants.filtered(lambda q: q.product_id == self.filter)
        quant.inventory_quantity = 98
        quant.action_apply_inventory()
        self.assertEqual(quant.quantity, 98)

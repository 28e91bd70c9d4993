# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import PartsCommon


@tagged("post_install", "-at_install")
class TestAbcClassification(PartsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # consumption values: 600, 250, 80, 50, 20 (total 1000)
        cls.board = cls._part("Control Board", 100.0)
        cls.motor = cls._part("Fan Motor", 50.0)
        cls.valve = cls._part("Expansion Valve", 20.0)
        cls.sensor = cls._part("Temperature Sensor", 10.0)
        cls.filter = cls._part("Air Filter", 2.0)
        cls.unused = cls._part("Drain Pump", 30.0)
        day = date(2026, 3, 10)
        cls._consume(cls.board, 6, day)
        cls._consume(cls.motor, 5, day)
        cls._consume(cls.valve, 4, day)
        cls._consume(cls.sensor, 5, day)
        cls._consume(cls.filter, 10, day)
        # outside the 365-day window: ignored
        cls._consume(cls.filter, 1000, date(2024, 1, 1))

    def _run(self):
        return self.env["aftersales.abc.run"]._compute_classes(
            date_to=date(2026, 6, 30), company=self.company
        )

    def test_classes_match_hand_computed_pareto(self):
        """Cumulative shares 0/60/85/93/98 % give A, A, B, B, C with 80/15/5 thresholds;
        a spare part without consumption is C."""
        run = self._run()
        got = {
            p: p.aftersales_abc_class
            for p in (self.board, self.motor, self.valve, self.sensor, self.filter, self.unused)
        }
        self.assertEqual(
            list(got.values()), ["A", "A", "B", "B", "C", "C"], "classes of the known set"
        )
        self.assertAlmostEqual(run.total_value, 1000.0)
        line = run.line_ids.filtered(lambda ln: ln.product_tmpl_id == self.valve.product_tmpl_id)
        self.assertAlmostEqual(line.value, 80.0)
        self.assertAlmostEqual(line.quantity, 4.0)
        self.assertAlmostEqual(line.cumulative_share, 93.0)
        self.assertEqual(self.board.aftersales_abc_date, date(2026, 6, 30))
        self.assertAlmostEqual(self.board.aftersales_abc_value, 600.0)

    def test_thresholds_come_from_settings(self):
        """With a 50 % A band only the biggest part is A."""
        self.company.aftersales_abc_threshold_a = 50.0
        self._run()
        self.assertEqual(self.board.aftersales_abc_class, "A")
        self.assertEqual(self.motor.aftersales_abc_class, "B")

    def test_history_is_kept(self):
        """Each computation is a new run; earlier runs stay."""
        first = self._run()
        second = self._run()
        self.assertNotEqual(first, second)
        self.assertTrue(first.exists())
        self.assertEqual(first.count_a, 2)
        self.assertEqual(second.count_b, 2)

    def test_classification_is_one_grouped_query_whatever_the_parts(self):
        """Reading the consumption does not grow with the number of parts."""
        self._run()  # warm caches
        with self.assertQueryCount(__system__=40):
            self._run()

    @freeze_time("2026-06-30")
    def test_cron_classifies_every_company(self):
        """The weekly job classifies up to today."""
        self.env.ref("aftersales_parts.ir_cron_aftersales_abc").method_direct_trigger()
        run = self.env["aftersales.abc.run"].search([("company_id", "=", self.company.id)], limit=1)
        self.assertEqual(run.date_to, date(2026, 6, 30))
        self.assertEqual(self.board.aftersales_abc_class, "A")

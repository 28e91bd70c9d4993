# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math
from datetime import date, timedelta

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import PartsCommon


@tagged("post_install", "-at_install")
class TestReorderProposal(PartsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write({"aftersales_abc_window_days": 10, "aftersales_service_level_z": 2.0})
        cls.board = cls._part("Control Board", 100.0)
        cls.filter = cls._part("Air Filter", 0.5)
        cls.env["product.supplierinfo"].create(
            {
                "partner_id": cls.vendor.id,
                "product_tmpl_id": cls.board.product_tmpl_id.id,
                "delay": 16,
            }
        )
        cls.date_to = date(2026, 6, 30)
        # board: 4 units on day 1, 2 on day 2, nothing the other 8 days of the window
        cls._consume(cls.board, 4, cls.date_to - timedelta(days=1))
        cls._consume(cls.board, 2, cls.date_to - timedelta(days=2))
        cls._consume(cls.filter, 2, cls.date_to - timedelta(days=2))
        cls.abc_run = cls.env["aftersales.abc.run"]._compute_classes(
            date_to=cls.date_to, company=cls.company
        )

    def test_a_part_proposal_uses_documented_formula(self):
        """avg = 6/10, sigma = sqrt((16+4)/10 - 0.36), safety = z*sigma*sqrt(16),
        min = avg*16 + safety, max = min + avg*order cycle, rounded up to units."""
        self.assertEqual(self.board.aftersales_abc_class, "A")
        self.assertEqual(self.filter.aftersales_abc_class, "C")
        self.abc_run.action_propose_reordering()
        proposal = self.env["aftersales.reorder.proposal"].search(
            [("run_id", "=", self.abc_run.id)]
        )
        self.assertEqual(proposal.product_id, self.board, "C parts are bought on demand")
        avg = 0.6
        sigma = math.sqrt(2.0 - avg**2)
        safety = 2.0 * sigma * math.sqrt(16)
        self.assertAlmostEqual(proposal.avg_daily, avg, places=4)
        self.assertAlmostEqual(proposal.sigma_daily, sigma, places=4)
        self.assertEqual(proposal.lead_days, 16)
        self.assertAlmostEqual(proposal.safety_stock, safety, places=2)
        self.assertEqual(proposal.product_min_qty, math.ceil(avg * 16 + safety))
        self.assertEqual(proposal.product_max_qty, math.ceil(avg * 16 + safety + avg * 30))
        self.assertEqual(proposal.state, "draft")
        self.assertFalse(
            self.env["stock.warehouse.orderpoint"].search([("product_id", "=", self.board.id)]),
            "a proposal is not applied silently",
        )

    def test_applying_creates_the_reordering_rule(self):
        """Applying a reviewed proposal creates the min/max rule in the parts stock."""
        self.abc_run.action_propose_reordering()
        proposal = self.env["aftersales.reorder.proposal"].search(
            [("run_id", "=", self.abc_run.id)]
        )
        proposal.product_min_qty = 20
        proposal.action_apply()
        orderpoint = proposal.orderpoint_id
        self.assertEqual(orderpoint.location_id, self.stock_location)
        self.assertEqual(orderpoint.product_min_qty, 20)
        self.assertEqual(orderpoint.product_max_qty, proposal.product_max_qty)
        with self.assertRaisesRegex(UserError, "still to review"):
            proposal.action_apply()
        with self.assertRaises(UserError):
            proposal.write({"state": "draft"})

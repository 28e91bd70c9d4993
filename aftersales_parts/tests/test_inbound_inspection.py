# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tests import tagged

from .common import PartsCommon


@tagged("post_install", "-at_install")
class TestInboundInspection(PartsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.motor = cls._part("Fan Motor FM-12", 45.0)
        order = cls.env["purchase.order"].create(
            {
                "partner_id": cls.vendor.id,
                "company_id": cls.company.id,
                "picking_type_id": cls.warehouse.in_type_id.id,
                "order_line": [
                    Command.create(
                        {"product_id": cls.motor.id, "product_qty": 10, "price_unit": 42.0}
                    )
                ],
            }
        )
        order.button_confirm()
        cls.receipt = order.picking_ids
        cls.receipt.move_ids.quantity = 10

    def test_receipt_needs_inspection_before_validation(self):
        """A vendor receipt into the parts warehouse is refused until inspected."""
        self.assertTrue(self.receipt.aftersales_needs_inspection)
        with self.assertRaisesRegex(UserError, "Inspect the parts"):
            self.receipt.button_validate()
        self.assertNotEqual(self.receipt.state, "done")

    def test_rejected_quantity_goes_to_quarantine_and_scorecard(self):
        """2 of 10 rejected: they move to quarantine and the vendor's rejected rate is 20 %."""
        self.receipt.move_ids.aftersales_qty_rejected = 2
        self.assertEqual(self.receipt.move_ids.aftersales_qty_passed, 8)
        self.receipt.action_aftersales_inspect()
        self.receipt.button_validate()
        self.assertEqual(self.receipt.state, "done")
        quarantine = self.receipt.aftersales_quarantine_picking_id
        self.assertEqual(
            quarantine.location_dest_id, self.company.aftersales_quarantine_location_id
        )
        self.assertEqual(quarantine.move_ids.product_uom_qty, 2)
        self.env.flush_all()
        score = self.env["aftersales.supplier.scorecard"].search(
            [("partner_id", "=", self.vendor.id)]
        )
        self.assertEqual(score.receipt_count, 1)
        self.assertEqual(score.qty_received, 10)
        self.assertAlmostEqual(score.rejected_rate, 20.0)
        self.assertEqual(score.on_time_rate, 100.0)

    def test_rejecting_more_than_received_is_refused(self):
        """The rejected quantity cannot exceed the received quantity."""
        with self.assertRaises(UserError):
            self.receipt.move_ids.aftersales_qty_rejected = 11

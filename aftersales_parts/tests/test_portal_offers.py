# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import tagged

from odoo.addons.aftersales_service.tests.common import AftersalesCommon


@tagged("post_install", "-at_install")
class TestPortalOffers(AftersalesCommon):
    """The portal's new-request form offers the customer's units, not parts or loaners."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Product = cls.env["product.product"]
        cls.unit = Product.create({"name": "Dehumidifier DH-20", "type": "consu"})
        cls.part = Product.create(
            {"name": "Drain Pump DP-1", "type": "consu", "aftersales_is_spare_part": True}
        )
        cls.loaner = Product.create(
            {
                "name": "Loaner Fan LF-1",
                "is_storable": True,
                "tracking": "serial",
                "aftersales_is_loaner": True,
            }
        )
        order = cls.env["sale.order"].create(
            {
                "partner_id": cls.customer.id,
                "order_line": [
                    Command.create({"product_id": product.id}) for product in cls.unit | cls.part
                ],
            }
        )
        order.action_confirm()
        order.picking_ids.move_ids.picked = True
        order.picking_ids.button_validate()

    def test_spare_parts_and_loaners_are_not_offered(self):
        """Delivered spare parts and loaner units are not offered for a service request; the
        delivered unit is."""
        offered = self.env["aftersales.request"]._aftersales_portal_products(self.customer)
        self.assertIn(self.unit, offered)
        self.assertNotIn(self.part, offered)
        Request = self.env["aftersales.request"]
        everything = self.unit | self.part | self.loaner
        self.assertEqual(Request._aftersales_portal_offers(everything), self.unit)

# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.tests import Form, tagged

from .warranty_common import WarrantyCommon


@tagged("post_install", "-at_install")
class TestRequestSerial(WarrantyCommon):
    """The serial number tells who bought the unit and when it was delivered."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit = cls._lots(cls.product, "AC-SER-01")
        cls._sell_and_deliver(cls.unit, when="2025-06-15 10:00:00")

    def test_serial_fills_customer_and_purchase_date_on_the_form(self):
        """The agent types only the serial: customer, product and purchase date follow."""
        form = Form(self.env["aftersales.request"].with_user(self.agent))
        form.lot_id = self.unit
        self.assertEqual(form.partner_id, self.customer)
        self.assertEqual(form.product_id, self.product)
        self.assertEqual(form.date_purchase, date(2025, 6, 15))
        request = form.save()
        self.assertEqual(request.date_purchase, date(2025, 6, 15))

    def test_serial_without_customer_over_rpc(self):
        """Created with a serial and no customer (import, RPC): the delivery fills both."""
        request = (
            self.env["aftersales.request"]
            .with_user(self.agent)
            .create({"lot_id": self.unit.id, "product_id": self.product.id})
        )
        self.assertEqual(request.partner_id, self.customer)
        self.assertEqual(request.date_purchase, date(2025, 6, 15))

    def test_purchase_date_typed_for_units_not_delivered_by_us(self):
        """Without a delivery the purchase date stays as typed."""
        other = self._lots(self.product, "AC-SER-02")
        request = (
            self.env["aftersales.request"]
            .with_user(self.agent)
            .create(
                {
                    "partner_id": self.customer.id,
                    "lot_id": other.id,
                    "product_id": self.product.id,
                    "date_purchase": date(2024, 1, 5),
                }
            )
        )
        self.assertEqual(request.date_purchase, date(2024, 1, 5))

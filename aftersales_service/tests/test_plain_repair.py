# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.base.tests.common import new_test_user

from .common import AftersalesCommon


@tagged("post_install", "-at_install")
class TestPlainRepair(AftersalesCommon):
    """Repairs that are no after-sales work behave as in Odoo; the quotation gate applies
    only to paid after-sales repairs of a customer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a company's own repair desk: Odoo's Inventory and Sales users, no after-sales role
        cls.stock_user = new_test_user(
            cls.env,
            login="as_plain_stock",
            groups="stock.group_stock_user,sales_team.group_sale_salesman",
        )
        # the same desk handling service requests too (After-Sales: All Documents)
        cls.keeper = new_test_user(
            cls.env,
            login="as_plain_keeper",
            groups="stock.group_stock_user,sales_team.group_sale_salesman,"
            "aftersales_service.group_aftersales_user",
        )
        cls.part = cls.env["product.product"].create(
            {"name": "Plain Fan Motor", "type": "consu", "list_price": 50.0}
        )
        cls.lot = cls.env["stock.lot"].create({"name": "PLAIN-0001", "product_id": cls.product.id})

    def _repair_vals(self, **vals):
        return {
            "product_id": self.product.id,
            "move_ids": [
                Command.create(
                    {"product_id": self.part.id, "product_uom_qty": 1.0, "repair_line_type": "add"}
                )
            ],
            **vals,
        }

    def _service_repair(self, **vals):
        """A repair opened from a service request, as the keeper responsible for it."""
        request = self.env["aftersales.request"].create(
            {
                "partner_id": self.customer.id,
                "product_id": self.product.id,
                "lot_id": self.lot.id,
                "user_id": self.keeper.id,
            }
        )
        repair = request._create_repairs("workshop")
        repair.write(self._repair_vals(lot_id=self.lot.id, **vals))
        repair.action_validate()
        return repair.with_user(self.keeper)

    def test_plain_repair_of_a_customer_starts_without_quotation(self):
        """A repair without a service request starts at once, as in Odoo, customer or not."""
        Repair = self.env["repair.order"].with_user(self.stock_user)
        repairs = Repair.create(
            [self._repair_vals(partner_id=self.customer.id), self._repair_vals()]
        )
        for repair in repairs:
            repair.action_validate()
        repairs.action_repair_start()
        self.assertEqual(repairs.mapped("state"), ["under_repair", "under_repair"])
        self.assertFalse(repairs.sale_order_id)

    def test_plain_repair_under_warranty_keeps_odoo_free_parts(self):
        """Odoo's Under Warranty on a plain repair still makes its quoted parts free."""
        repair = (
            self.env["repair.order"]
            .with_user(self.stock_user)
            .create(self._repair_vals(partner_id=self.customer.id))
        )
        repair.action_create_sale_order()
        line = repair.sale_order_id.order_line
        self.assertAlmostEqual(line.price_unit, 50.0)
        repair.under_warranty = True
        self.assertAlmostEqual(line.price_unit, 0.0)

    def test_paid_service_repair_still_waits_for_the_quotation(self):
        """An out-of-warranty after-sales repair of a customer waits for the accepted quote."""
        repair = self._service_repair()
        self.assertEqual(repair.aftersales_quote_state, "to_quote")
        with self.assertRaises(UserError):
            repair.action_repair_start()

    def test_service_repair_without_customer_starts(self):
        """An after-sales repair without a customer cannot be quoted, so it is not held."""
        repair = self._service_repair(partner_id=False)
        self.assertEqual(repair.aftersales_quote_state, "not_needed")
        repair.action_repair_start()
        self.assertEqual(repair.state, "under_repair")

    def test_odoo_under_warranty_honoured_without_warranty_record(self):
        """Ticking Under Warranty on a service repair no warranty answers for makes it free."""
        repair = self._service_repair()
        repair.under_warranty = True
        self.assertEqual(repair.aftersales_quote_state, "not_needed")
        repair.action_create_sale_order()
        part_line = repair.sale_order_id.order_line.filtered(
            lambda line: line.product_id == self.part
        )
        self.assertAlmostEqual(part_line.price_unit, 0.0)
        repair.action_repair_start()
        self.assertEqual(repair.state, "under_repair")

    def test_expired_warranty_record_overrides_under_warranty_tick(self):
        """A warranty record that ended decides: the tick does not make the repair free."""
        self.env["aftersales.warranty"].create(
            {
                "partner_id": self.customer.id,
                "product_id": self.product.id,
                "lot_id": self.lot.id,
                "date_start": fields.Date.add(fields.Date.today(), years=-5),
                "months": 12,
            }
        )
        repair = self._service_repair()
        self.assertEqual(repair.aftersales_coverage, "not_covered")
        repair.under_warranty = True
        self.assertEqual(repair.aftersales_quote_state, "to_quote")
        with self.assertRaises(UserError):
            repair.action_repair_start()

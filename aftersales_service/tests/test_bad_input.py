# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .trust_common import TrustCommon


@tagged("post_install", "-at_install")
class TestBadInput(TrustCommon):
    """Wrong data is refused with a sentence a clerk understands, and leaves nothing behind."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_customer = cls.env["res.partner"].create({"name": "Incheon Foods"})
        cls.lot = cls.env["stock.lot"].create({"name": "AC300-0001", "product_id": cls.product.id})
        cls.other_product = cls.env["product.product"].create(
            {"name": "Dehumidifier DH-20", "is_storable": True, "tracking": "serial"}
        )
        cls._deliver(cls.lot, cls.customer)

    @classmethod
    def _deliver(cls, lot, partner):
        """Put ``lot`` in stock and deliver it to ``partner``."""
        warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.env.company.id)], limit=1
        )
        cls.env["stock.quant"]._update_available_quantity(
            lot.product_id, warehouse.lot_stock_id, 1, lot_id=lot
        )
        picking = cls.env["stock.picking"].create(
            {
                "partner_id": partner.id,
                "picking_type_id": warehouse.out_type_id.id,
                "location_id": warehouse.lot_stock_id.id,
                "location_dest_id": cls.env.ref("stock.stock_location_customers").id,
                "move_ids": [
                    (
                        0,
                        0,
                        {
                            "name": lot.product_id.name,
                            "product_id": lot.product_id.id,
                            "product_uom_qty": 1,
                            "location_id": warehouse.lot_stock_id.id,
                            "location_dest_id": cls.env.ref("stock.stock_location_customers").id,
                        },
                    )
                ],
            }
        )
        picking.action_confirm()
        picking.action_assign()
        picking.move_ids.move_line_ids.write({"lot_id": lot.id, "quantity": 1})
        picking.move_ids.picked = True
        picking.button_validate()
        return picking

    def _count(self, model):
        return self.env[model].search_count([])

    def test_serial_of_another_customer_is_refused(self):
        """A request quoting a serial delivered to someone else is refused and not created."""
        count = self._count("aftersales.request")
        # a savepoint stands for the transaction the server rolls back on the error
        with (
            self.assertRaisesRegex(ValidationError, "was delivered to Hangzhou Cooling"),
            self.env.cr.savepoint(),
        ):
            self.env["aftersales.request"].with_user(self.agent).create(
                {
                    "partner_id": self.other_customer.id,
                    "product_id": self.product.id,
                    "lot_id": self.lot.id,
                }
            )
        self.assertEqual(self._count("aftersales.request"), count)

    def test_serial_of_the_customer_is_accepted(self):
        """The customer the serial was delivered to can open a request on it."""
        request = (
            self.env["aftersales.request"]
            .with_user(self.agent)
            .create(
                {
                    "partner_id": self.customer.id,
                    "product_id": self.product.id,
                    "lot_id": self.lot.id,
                }
            )
        )
        self.assertEqual(request.lot_id, self.lot)

    def test_serial_of_another_product_is_refused(self):
        """A serial number of another product is refused on a request."""
        with self.assertRaisesRegex(ValidationError, "is a Air Conditioner"):
            self.env["aftersales.request"].with_user(self.agent).create(
                {
                    "partner_id": self.customer.id,
                    "product_id": self.other_product.id,
                    "lot_id": self.lot.id,
                }
            )

    def test_serial_changed_later_to_another_customers_is_refused(self):
        """Changing the customer of a request to one who does not own its serial is refused."""
        request = (
            self.env["aftersales.request"]
            .with_user(self.agent)
            .create({"partner_id": self.customer.id, "lot_id": self.lot.id})
        )
        with self.assertRaises(ValidationError):
            request.write({"partner_id": self.other_customer.id})
        self.assertEqual(request.partner_id, self.customer)

    def test_request_with_history_cannot_be_deleted(self):
        """Deleting an assessed request is refused, even for a manager; it stays."""
        request = self._new_fixture("aftersales.request")
        request.action_assess()
        with self.assertRaisesRegex(UserError, "has history"):
            request.with_user(self.manager).unlink()
        self.assertTrue(request.exists())

    @mute_logger("odoo.sql_db")
    def test_import_with_a_bad_row_creates_nothing(self):
        """Importing requests where one row names an unknown customer imports no row at all."""
        count = self._count("aftersales.request")
        result = (
            self.env["aftersales.request"]
            .with_user(self.agent)
            .load(
                ["partner_id", "product_id", "channel"],
                [
                    [self.customer.name, self.product.name, "phone"],
                    ["Nobody Such Ltd.", self.product.name, "phone"],
                    [self.customer.name, self.product.name, "phone"],
                ],
            )
        )
        self.assertFalse(result["ids"])
        self.assertTrue([m for m in result["messages"] if m["type"] == "error"])
        self.assertEqual(self._count("aftersales.request"), count)

    @mute_logger("odoo.sql_db")
    def test_import_cannot_set_a_stage(self):
        """An import cannot put requests straight into a stage; they start as New."""
        result = (
            self.env["aftersales.request"]
            .with_user(self.agent)
            .load(
                ["partner_id", "product_id", "state"],
                [[self.customer.name, self.product.name, "done"]],
            )
        )
        requests = self.env["aftersales.request"].browse(result["ids"] or [])
        self.assertTrue(all(r.state == "new" for r in requests))

    @mute_logger("odoo.sql_db")
    def test_import_of_a_serial_not_owned_creates_nothing(self):
        """A CSV row quoting another customer's serial fails the whole import with a message."""
        count = self._count("aftersales.request")
        result = (
            self.env["aftersales.request"]
            .with_user(self.env.ref("base.user_admin"))
            .load(
                ["partner_id", "product_id", "lot_id"],
                [
                    [self.customer.name, self.product.name, self.lot.name],
                    [self.other_customer.name, self.product.name, self.lot.name],
                ],
            )
        )
        self.assertFalse(result["ids"])
        messages = " ".join(m["message"] for m in result["messages"])
        self.assertIn("was delivered to", messages)
        self.assertEqual(self._count("aftersales.request"), count)

# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import ValidationError

from .return_common import AftersalesReturnCommon


class TestReturnOfDelivery(AftersalesReturnCommon):
    """The pickup is a return of the original delivery, as Odoo's return wizard makes it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit = cls.env["product.product"].create(
            {
                "name": "Chiller CH-9",
                "is_storable": True,
                "tracking": "serial",
                "list_price": 100.0,
            }
        )
        cls.unit_order, cls.lots = cls._sell_and_deliver_serials(
            cls.unit, ["CH9-001", "CH9-002", "CH9-003"]
        )
        cls.other_customer = cls.env["res.partner"].create({"name": "Busan Freezers Co."})
        cls.other_order, cls.other_lots = cls._sell_and_deliver_serials(
            cls.unit, ["CH9-901"], partner=cls.other_customer
        )

    def _empty_return(self, outcome="refund"):
        return (
            self.env["aftersales.return"]
            .with_user(self.agent)
            .create({"partner_id": self.customer.id, "desired_outcome": outcome})
            .sudo()
        )

    def _approve(self, record):
        record.action_submit()
        self._sign_chain(record)
        self.assertEqual(record.state, "approved")

    def test_pickup_moves_return_the_delivery_moves(self):
        """Each stock-in move returns its delivery move, on its sale line, to_refund as the
        refund asks; the receipt is a return of the delivery in the sale's warehouse."""
        record = self._new_return(quantity=2, reason_kind="quality", outcome="refund")
        self.assertEqual(record.warehouse_id, self.sale_order.warehouse_id)
        self._approve(record)
        delivery = self.sale_order.picking_ids.filtered(lambda p: p.picking_type_code == "outgoing")
        move = record.pickup_picking_id.move_ids
        self.assertEqual(move.origin_returned_move_id, delivery.move_ids)
        self.assertEqual(move.sale_line_id, self.sale_line)
        self.assertTrue(move.to_refund)
        self.assertEqual(record.pickup_picking_id.return_id, delivery)
        self.assertEqual(record.pickup_picking_id.sale_id, self.sale_order)
        self.assertIn(record.pickup_picking_id, self.sale_order.picking_ids)

    def test_exchange_stock_in_does_not_update_the_sale(self):
        """An exchange takes the goods back without lowering the delivered quantity; turning
        it into a refund flips to_refund on the moves."""
        record = self._new_return(quantity=2, reason_kind="quality", outcome="exchange")
        self._approve(record)
        move = record.pickup_picking_id.move_ids
        self.assertFalse(move.to_refund)
        record.desired_outcome = "refund"
        self.assertTrue(move.to_refund)

    def test_one_return_holds_lines_of_two_sale_orders(self):
        """Lines of two sale orders of one customer: one return of each delivery."""
        record = self._empty_return()
        self._return_lines(
            record, [(self.sale_line, 2, None), (self.unit_order.order_line, 1, self.lots[0])]
        )
        self.assertEqual(record.sale_order_ids, self.sale_order | self.unit_order)
        self._approve(record)
        pickings = record.pickup_picking_ids
        self.assertEqual(len(pickings), 2)
        self.assertEqual(pickings.sale_id, self.sale_order | self.unit_order)
        for picking in pickings:
            self.assertEqual(
                picking.move_ids.origin_returned_move_id.sale_line_id,
                picking.move_ids.sale_line_id,
            )
        unit_move = pickings.move_ids.filtered(lambda m: m.product_id == self.unit)
        self.assertEqual(unit_move.move_line_ids.lot_id, self.lots[0])

    def test_sale_order_of_another_customer_is_refused(self):
        """A return holds only sale orders of its own customer."""
        record = self._empty_return()
        with self.assertRaises(ValidationError):
            self._return_lines(record, [(self.other_order.order_line, 1, self.other_lots)])

    def test_serial_delivered_to_another_customer_is_refused(self):
        """A serial is returned only by the customer it was delivered to."""
        record = self._empty_return()
        with self.assertRaises(ValidationError) as caught:
            record.write(
                {
                    "line_ids": [
                        Command.create(
                            {
                                "product_id": self.unit.id,
                                "lot_id": self.other_lots.id,
                                "quantity": 1,
                                "reason_kind": "quality",
                            }
                        )
                    ]
                }
            )
        self.assertIn("CH9-901", str(caught.exception))

    def test_serial_on_two_returns_is_refused(self):
        """A serial already on an open return cannot be returned again, nor twice at once."""
        first = self._empty_return()
        self._return_lines(first, [(self.unit_order.order_line, 1, self.lots[1])])
        second = self._empty_return()
        with self.assertRaises(ValidationError) as caught:
            self._return_lines(second, [(self.unit_order.order_line, 1, self.lots[1])])
        self.assertIn("CH9-002", str(caught.exception))
        with self.assertRaises(ValidationError) as caught:
            self._return_lines(
                second,
                [
                    (self.unit_order.order_line, 1, self.lots[2]),
                    (self.unit_order.order_line, 1, self.lots[2]),
                ],
            )
        self.assertIn("CH9-003", str(caught.exception))
        first.action_submit()
        first.action_cancel()
        self._return_lines(second, [(self.unit_order.order_line, 1, self.lots[1])])

    def test_returnable_quantity_per_sale_line(self):
        """A line never returns more than its sale line delivered minus the open returns."""
        record = self._empty_return()
        with self.assertRaises(ValidationError):
            self._return_lines(record, [(self.unit_order.order_line, 4, None)])
        self._return_lines(record, [(self.unit_order.order_line, 1, self.lots[0])])
        with self.assertRaises(ValidationError):
            self._return_lines(self._empty_return(), [(self.unit_order.order_line, 3, None)])

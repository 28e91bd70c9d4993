# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, fields
from odoo.tests import tagged

from odoo.addons.aftersales_service.tests.return_common import AftersalesReturnCommon
from odoo.addons.base.tests.common import new_test_user


@tagged("post_install", "-at_install")
class TestReturnStory(AftersalesReturnCommon):
    """Sale, delivery, invoice on delivered quantities, return, stock-in, QC, settlement:
    each story played by the README matrix's roles, asserting Odoo's own figures."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.department = cls.env["hr.department"].create({"name": "Final Assembly"})
        # the README matrix's roles, with exactly their groups
        cls.keeper = new_test_user(
            cls.env,
            login="as_story_keeper",
            groups="stock.group_stock_user,aftersales_service.group_aftersales_user_own",
        )
        cls.matrix_accountant = new_test_user(
            cls.env,
            login="as_story_accountant",
            groups="account.group_account_invoice,aftersales_service.group_aftersales_user_own",
        )
        cls.signers = dict(cls.signers, finance=cls.matrix_accountant)
        cls.env.company.aftersales_return_accountant_id = cls.matrix_accountant
        cls.goods.invoice_policy = "delivery"
        cls.invoice = cls.sale_order._create_invoices()
        cls.invoice.action_post()
        cls.warehouse = cls.sale_order.warehouse_id

    @classmethod
    def _sell_and_deliver(cls, product_name, quantity, **product_vals):
        return super()._sell_and_deliver(product_name, quantity, is_storable=True, **product_vals)

    def _quants(self, product):
        quants = self.env["stock.quant"].search(
            [("product_id", "=", product.id), ("quantity", ">", 0)]
        )
        return {
            (q.location_id, q.lot_id): q.quantity
            for q in quants
            if q.location_id.usage == "internal"
        }

    def _validate(self, pickings, user):
        for picking in pickings.with_user(user):
            picking.move_ids.picked = True
            picking.button_validate()

    def _play(self, record, verdict, **qc_vals):
        """Submit (agent), sign (each step's role), collect, QC, stock-in and put-away
        (warehouse keeper)."""
        record.with_user(self.agent).action_submit()
        self._sign_chain(record)
        self.assertEqual(record.state, "approved")
        record.pickup_picking_ids.with_user(self.keeper).aftersales_driver_name = "Wang Lei"
        record.with_user(self.agent).action_collect()
        record.line_ids.write(
            dict(
                {
                    "qc_verdict": verdict,
                    "qc_department_id": self.department.id,
                    "qc_corrective_action": "Check the compressor mounts",
                },
                **qc_vals,
            )
        )
        record.with_user(self.qc_user).action_qc_sign()
        self._validate(record.pickup_picking_ids, self.keeper)
        self.assertEqual(record.state, "received")
        self._validate(
            record.picking_ids.filtered(lambda p: p.aftersales_return_kind == "putaway"),
            self.keeper,
        )
        return record

    def test_quality_refund_story(self):
        """Refund of 2 of 100 delivered and invoiced: delivered 98, invoiced 98, invoiced
        status; the goods in the defective location; a posted credit note of 200 reversing
        the invoice on its sale line."""
        record = self._new_return(quantity=2, reason_kind="quality", outcome="refund")
        self._play(record, "company_fault")
        record.with_user(self.matrix_accountant).action_settle()
        self.assertEqual(self.sale_line.qty_delivered, 98.0)
        self.assertEqual(self.sale_line.qty_invoiced, 98.0)
        # Odoo's "nothing to invoice": the returned goods are not billed again
        self.assertEqual(self.sale_line.invoice_status, "no")
        self.assertEqual(self.sale_order.invoice_status, "no")
        defective = self.warehouse.aftersales_return_defective_location_id
        self.assertEqual(self._quants(self.goods), {(defective, self.env["stock.lot"]): 2.0})
        credit_note = record.invoice_ids
        self.assertEqual(credit_note, record.credit_note_id)
        self.assertEqual(credit_note.move_type, "out_refund")
        self.assertEqual(credit_note.state, "posted")
        self.assertEqual(credit_note.amount_untaxed, 200.0)
        self.assertEqual(credit_note.reversed_entry_id, self.invoice)
        self.assertEqual(credit_note.invoice_line_ids.sale_line_ids, self.sale_line)
        self.assertIn(record.pickup_picking_id, self.sale_order.picking_ids)

    def test_credit_note_left_in_draft_for_the_accountant(self):
        """With the draft setting the credit note waits, with an activity for the accountant
        that is done when the credit note is posted."""
        self.env.company.aftersales_return_credit_note_policy = "draft"
        record = self._new_return(quantity=1, reason_kind="quality", outcome="refund")
        self._play(record, "company_fault")
        record.with_user(self.matrix_accountant).action_settle()
        credit_note = record.credit_note_id
        self.assertEqual(credit_note.state, "draft")
        activity = credit_note.activity_ids
        self.assertEqual(activity.user_id, self.matrix_accountant)
        self.assertEqual(activity.date_deadline, fields.Date.context_today(record))
        # a draft credit note already counts in Odoo's invoiced quantity
        self.assertEqual(self.sale_line.qty_invoiced, 99.0)
        self.assertEqual(self.sale_line.invoice_status, "no")
        credit_note.with_user(self.matrix_accountant).action_post()
        self.assertEqual(credit_note.state, "posted")
        self.assertFalse(credit_note.activity_ids)
        self.assertEqual(activity.sudo().exists().state if activity.exists() else "done", "done")

    def test_serial_refund_story(self):
        """Serial-numbered units: the returned serial ends in the defective location, the
        sale line counts one unit less delivered and invoiced."""
        unit = self.env["product.product"].create(
            {
                "name": "Chiller CH-9",
                "is_storable": True,
                "tracking": "serial",
                "invoice_policy": "delivery",
            }
        )
        order, lots = self._sell_and_deliver_serials(unit, ["CH9-101", "CH9-102"])
        invoice = order._create_invoices()
        invoice.action_post()
        record = self._return_lines(
            self.env["aftersales.return"]
            .with_user(self.agent)
            .create({"partner_id": self.customer.id, "desired_outcome": "refund"})
            .sudo(),
            [(order.order_line, 1, lots[1])],
        )
        self._play(record, "company_fault")
        record.with_user(self.matrix_accountant).action_settle()
        line = order.order_line
        self.assertEqual((line.qty_delivered, line.qty_invoiced), (1.0, 1.0))
        self.assertEqual(line.invoice_status, "no")
        defective = self.warehouse.aftersales_return_defective_location_id
        self.assertEqual(self._quants(unit), {(defective, lots[1]): 1.0})
        self.assertEqual(record.credit_note_id.amount_untaxed, 100.0)
        self.assertEqual(record.credit_note_id.state, "posted")

    def test_return_across_two_sale_orders_story(self):
        """One return over two sale orders: each order's line, delivery and invoice are
        corrected by its own return receipt and credit note."""
        other = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "order_line": [
                    Command.create(
                        {"product_id": self.goods.id, "product_uom_qty": 10, "price_unit": 90.0}
                    )
                ],
            }
        )
        self.env["stock.quant"]._update_available_quantity(
            self.goods, self.warehouse.lot_stock_id, 10
        )
        other.action_confirm()
        other.picking_ids.button_validate()
        other_invoice = other._create_invoices()
        other_invoice.action_post()
        record = self._return_lines(
            self.env["aftersales.return"]
            .with_user(self.agent)
            .create({"partner_id": self.customer.id, "desired_outcome": "refund"})
            .sudo(),
            [(self.sale_line, 3, None), (other.order_line, 4, None)],
        )
        self._play(record, "company_fault")
        self.assertEqual(len(record.pickup_picking_ids), 2)
        record.with_user(self.matrix_accountant).action_settle()
        for line, delivered in ((self.sale_line, 97.0), (other.order_line, 6.0)):
            self.assertEqual((line.qty_delivered, line.qty_invoiced), (delivered, delivered))
            self.assertEqual(line.invoice_status, "no")
        notes = record.invoice_ids
        self.assertEqual(notes.reversed_entry_id, self.invoice | other_invoice)
        self.assertEqual(sorted(notes.mapped("amount_untaxed")), [300.0, 360.0])
        self.assertEqual(set(notes.mapped("state")), {"posted"})

    def test_exchange_same_product_ships_without_invoicing_twice(self):
        """An unsaleable exchange: the goods go back to saleable stock, the replacement is
        shipped on the sale line, and the sale stays delivered 100 and invoiced 100."""
        record = self._new_return(quantity=2)
        self._play(record, "undamaged")
        record.with_user(self.matrix_accountant).action_settle()
        self.assertFalse(record.invoice_ids)
        replacement = record.replacement_picking_id
        self.assertEqual(replacement.move_ids.sale_line_id, self.sale_line)
        self.assertIn(replacement, self.sale_order.picking_ids)
        self._validate(replacement, self.keeper)
        self.assertEqual(self.sale_line.qty_delivered, 100.0)
        self.assertEqual(self.sale_line.invoice_status, "invoiced")
        self.assertFalse(self._quants(self.goods))

    def test_exchange_for_another_product_settles_the_difference(self):
        """Exchange 2 X (100) for 2 Y (120): X comes back off its sale line, Y is shipped, and
        one invoice charges the 40 difference; a cheaper Y gives a credit note instead."""
        dearer = self.env["product.product"].create(
            {"name": "Dehumidifier DH-30", "is_storable": True, "list_price": 120.0}
        )
        cheaper = self.env["product.product"].create(
            {"name": "Dehumidifier DH-10", "is_storable": True, "list_price": 70.0}
        )
        for product in dearer | cheaper:
            self.env["stock.quant"]._update_available_quantity(
                product, self.warehouse.lot_stock_id, 5
            )
        record = self._new_return(quantity=2)
        record.line_ids.replacement_product_id = dearer
        self.assertEqual(record.line_ids.replacement_price_unit, 120.0)
        self._play(record, "undamaged")
        record.with_user(self.matrix_accountant).action_settle()
        invoice = record.invoice_ids
        self.assertEqual(invoice.move_type, "out_invoice")
        self.assertEqual(invoice.amount_untaxed, 40.0)
        self.assertEqual(invoice.state, "posted")
        replacement = record.replacement_picking_id
        self.assertEqual(replacement.move_ids.product_id, dearer)
        self._validate(replacement, self.keeper)
        self.assertEqual(self.sale_line.qty_delivered, 98.0)
        self.assertEqual(self.sale_line.qty_invoiced, 98.0)
        self.assertEqual(self.sale_line.invoice_status, "no")
        self.assertEqual(
            self._quants(self.goods), {(self.warehouse.lot_stock_id, self.env["stock.lot"]): 2.0}
        )
        self.assertEqual(
            self._quants(dearer), {(self.warehouse.lot_stock_id, self.env["stock.lot"]): 3.0}
        )

        record = self._new_return(quantity=1)
        record.line_ids.replacement_product_id = cheaper
        self._play(record, "undamaged")
        record.with_user(self.matrix_accountant).action_settle()
        credit_note = record.invoice_ids
        self.assertEqual(credit_note.move_type, "out_refund")
        self.assertEqual(credit_note.amount_untaxed, 30.0)
        self.assertEqual(credit_note.reversed_entry_id, self.invoice)
        self.assertEqual(self.sale_line.qty_invoiced, 97.0)
        self.assertEqual(self.sale_line.invoice_status, "no")

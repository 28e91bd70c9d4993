# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo import fields
from odoo.tests import tagged

from odoo.addons.aftersales_service.tests.return_common import AftersalesReturnCommon


@tagged("post_install", "-at_install")
class TestReturnStock(AftersalesReturnCommon):
    """Odoo's own figures tell the truth after a return: delivered quantities, invoice
    status, quants."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.department = cls.env["hr.department"].create({"name": "Final Assembly"})
        cls.goods.invoice_policy = "delivery"

    @classmethod
    def _sell_and_deliver(cls, product_name, quantity, **product_vals):
        # stocked goods: their quants say where the returned units are
        return super()._sell_and_deliver(product_name, quantity, is_storable=True, **product_vals)

    def _through_qc(self, record, verdict="company_fault", **vals):
        record.action_submit()
        self._sign_chain(record)
        self._collect(record)
        record.line_ids.write(
            dict(
                {
                    "qc_verdict": verdict,
                    "qc_department_id": self.department.id,
                    "qc_corrective_action": "Check the compressor mounts",
                },
                **vals,
            )
        )
        record.with_user(self.qc_user).action_qc_sign()
        return record

    def test_refund_stock_in_lowers_the_delivered_quantity(self):
        """The stock-in of a refund counts in the sale line's delivered quantity."""
        invoice = self.sale_order._create_invoices()
        invoice.action_post()
        self.assertEqual(self.sale_line.invoice_status, "invoiced")
        record = self._through_qc(
            self._new_return(quantity=2, reason_kind="quality", outcome="refund")
        )
        record.pickup_picking_id.button_validate()
        self.assertEqual(record.state, "received")
        self.assertEqual(self.sale_line.qty_delivered, 98.0)

    def test_exchange_stock_in_keeps_the_delivered_quantity(self):
        """Goods exchanged come back without touching what the sale delivered."""
        record = self._through_qc(
            self._new_return(quantity=2, reason_kind="quality", outcome="exchange")
        )
        record.pickup_picking_id.button_validate()
        self.assertEqual(self.sale_line.qty_delivered, 100.0)

    def _quants(self, product=None):
        quants = self.env["stock.quant"].search(
            [("product_id", "=", (product or self.goods).id), ("quantity", ">", 0)]
        )
        return {q.location_id: q.quantity for q in quants if q.location_id.usage == "internal"}

    def _done(self, pickings):
        for picking in pickings:
            picking.move_ids.picked = True
            picking.button_validate()

    def test_goods_arrive_in_inspection_and_go_where_the_verdict_says(self):
        """Collected goods come into the inspection location; after the stock-in, undamaged
        exchanges go to saleable stock, company-fault defects to the defective location."""
        warehouse = self.sale_order.warehouse_id
        exchange = self._through_qc(self._new_return(quantity=2), verdict="undamaged")
        quality = self._through_qc(
            self._new_return(quantity=3, reason_kind="quality", outcome="refund")
        )
        inspection = warehouse.aftersales_return_inspection_location_id
        self.assertEqual(exchange.pickup_picking_id.location_dest_id, inspection)
        self.assertFalse(self._quants())
        exchange.pickup_picking_id.button_validate()
        quality.pickup_picking_id.button_validate()
        self.assertEqual(self._quants(), {inspection: 5.0})
        putaways = (exchange | quality).picking_ids.filtered(
            lambda p: p.aftersales_return_kind == "putaway"
        )
        self.assertEqual(putaways.mapped("state"), ["assigned", "assigned"])
        self._done(putaways)
        defective = warehouse.aftersales_return_defective_location_id
        self.assertEqual(self._quants(), {warehouse.lot_stock_id: 2.0, defective: 3.0})
        self.assertTrue(quality.has_defective_goods)
        self.assertFalse(exchange.has_defective_goods)
        quality.action_scrap_defective()
        self.assertEqual(self._quants(), {warehouse.lot_stock_id: 2.0})
        self.assertFalse(quality.has_defective_goods)

    def test_defective_goods_go_back_to_the_supplier_in_one_click(self):
        """From the defective location one button ships the goods to their vendor."""
        vendor = self.env["res.partner"].create({"name": "Ningbo Compressors"})
        self.goods.seller_ids = [fields.Command.create({"partner_id": vendor.id})]
        record = self._through_qc(
            self._new_return(quantity=1, reason_kind="quality", outcome="refund")
        )
        record.pickup_picking_id.button_validate()
        self._done(record.picking_ids.filtered(lambda p: p.aftersales_return_kind == "putaway"))
        record.action_return_to_supplier()
        to_vendor = record.picking_ids.filtered(lambda p: p.aftersales_return_kind == "supplier")
        self.assertEqual(to_vendor.partner_id, vendor)
        self.assertEqual(to_vendor.state, "assigned")
        self.assertFalse(record.has_defective_goods)

    @freeze_time("2026-06-03 09:00:00")  # a Wednesday
    def test_customer_damage_goes_back_on_a_transfer_dated_in_the_mail(self):
        """Goods refused for customer damage are received, then shipped back on a transfer
        created and linked automatically, on the date the customer's mail gives."""
        self.env.company.aftersales_return_sendback_days = 2
        record = self._through_qc(
            self._new_return(quantity=2, reason_kind="quality"),
            verdict="customer_damage",
            qc_refusal_reason="Casing cracked by a fall",
        )
        self.assertEqual(record.state, "refused")
        self.assertEqual(record.date_sendback.date(), fields.Date.to_date("2026-06-05"))
        mail = record.message_ids.filtered(lambda m: self.customer in m.partner_ids)[:1]
        self.assertIn("06/05/2026", mail.body)
        record.pickup_picking_id.button_validate()
        self.assertEqual(record.pickup_picking_id.state, "done")
        self.assertFalse(record.pickup_picking_id.move_ids.to_refund)
        sendback = record.picking_ids.filtered(lambda p: p.aftersales_return_kind == "sendback")
        self.assertEqual(sendback.picking_type_code, "outgoing")
        self.assertEqual(sendback.partner_id, self.customer)
        self.assertEqual(sendback.scheduled_date, record.date_sendback)
        self.assertEqual(sendback.state, "assigned")
        self._done(sendback)
        self.assertFalse(self._quants())
        self.assertEqual(self.sale_line.qty_delivered, 100.0)

    def test_inspectors_then_the_warehouse_are_called(self):
        """Collected goods call the QC inspectors; once QC signed, the receipt's responsible
        gets the stock-in to validate, done with the validation."""
        record = self._new_return(quantity=2, reason_kind="quality", outcome="refund")
        record.action_submit()
        self._sign_chain(record)
        qc_type = self.env.ref("aftersales_service.mail_activity_type_return_signature")
        self.assertFalse(record.activity_ids.filtered(lambda a: a.activity_type_id == qc_type))
        self._collect(record)
        qc_activities = record.activity_ids.filtered(lambda a: a.activity_type_id == qc_type)
        self.assertIn(self.qc_user, qc_activities.user_id)
        stock_in_type = self.env.ref("aftersales_service.mail_activity_type_return_stock_in")
        picking = record.pickup_picking_id
        self.assertFalse(picking.activity_ids)
        record.line_ids.write(
            {
                "qc_verdict": "company_fault",
                "qc_department_id": self.department.id,
                "qc_corrective_action": "Check the compressor mounts",
            }
        )
        record.with_user(self.qc_user).action_qc_sign()
        self.assertFalse(record.activity_ids.filtered(lambda a: a.activity_type_id == qc_type))
        activity = picking.activity_ids
        self.assertEqual(activity.activity_type_id, stock_in_type)
        self.assertEqual(activity.user_id, record.user_id)
        record._notify_signers()
        self.assertEqual(picking.activity_ids, activity)
        picking.button_validate()
        self.assertFalse(picking.activity_ids)

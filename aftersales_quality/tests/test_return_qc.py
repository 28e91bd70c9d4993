# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.aftersales_service.tests.return_common import AftersalesReturnCommon
from odoo.addons.base.tests.common import new_test_user


@tagged("post_install", "-at_install")
class TestReturnQc(AftersalesReturnCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.department = cls.env["hr.department"].create({"name": "Compressor Assembly"})

    def _approved_and_collected(self, **kwargs):
        record = self._new_return(**kwargs)
        record.action_submit()
        self._sign_chain(record)
        self._collect(record)
        return record

    def _qc(self, record, verdict, **vals):
        record.line_ids.write(dict(vals, qc_verdict=verdict))
        record.with_user(self.qc_user).action_qc_sign()

    def test_unsaleable_exchange_within_limits_ends_in_a_replacement(self):
        """Unsaleable exchange: approve, collect, QC undamaged, stock-in, slip, replacement."""
        record = self._approved_and_collected(quantity=2)
        self._qc(record, "undamaged")
        self.assertEqual(record.state, "inspected")
        self.assertFalse(record._aftersales_missing_signatures())
        record.pickup_picking_id.button_validate()
        self.assertEqual(record.state, "received")
        self.assertEqual(record.pickup_picking_id.state, "done")
        record.action_send_slip()
        self.assertTrue(record.date_slip_sent)
        slip = record.message_ids.filtered(lambda m: self.customer in m.partner_ids)
        self.assertTrue(slip.attachment_ids)
        record.action_settle()
        self.assertEqual(record.state, "done")
        self.assertEqual(record.replacement_picking_id.move_ids.product_uom_qty, 2.0)

    def test_quality_return_with_company_fault_ends_in_a_credit_note(self):
        """Quality return: company fault with department and action, credit note as refund."""
        invoice = self.sale_order._create_invoices()
        invoice.action_post()
        record = self._approved_and_collected(quantity=3, reason_kind="quality", outcome="refund")
        with self.assertRaises(UserError):
            self._qc(record, "company_fault")
        self._qc(
            record,
            "company_fault",
            qc_department_id=self.department.id,
            qc_corrective_action="Tighten the compressor mounts at assembly",
        )
        record.pickup_picking_id.button_validate()
        record.action_settle()
        credit_note = record.credit_note_id
        self.assertEqual(credit_note.move_type, "out_refund")
        self.assertEqual(credit_note.invoice_line_ids.quantity, 3.0)
        self.assertEqual(credit_note.amount_untaxed, 300.0)
        self.assertEqual(credit_note.invoice_line_ids.sale_line_ids, self.sale_line)
        self.assertEqual(credit_note.reversed_entry_id, invoice)

    def test_price_concession_makes_a_partial_credit_note(self):
        """A price concession credits only the agreed amount."""
        record = self._approved_and_collected(
            quantity=1, reason_kind="quality", outcome="concession", concession_amount=25.0
        )
        self._qc(
            record,
            "company_fault",
            qc_department_id=self.department.id,
            qc_corrective_action="Repaint",
        )
        record.pickup_picking_id.button_validate()
        record.action_settle()
        self.assertEqual(record.credit_note_id.amount_untaxed, 25.0)

    def test_over_ratio_exception_approved_by_the_leader(self):
        """Beyond policy the leader's approval lets the exchange go through."""
        record = self._new_return(quantity=8)
        record.action_submit()
        self.assertEqual(self._button_steps(record)[-1].step, "leader")
        self._sign_chain(record)
        self.assertEqual(self._button_steps(record)[-1].user_id, self.leader)
        self.assertEqual(record.state, "approved")

    def test_over_ratio_refused_by_the_leader(self):
        """Beyond policy a leader's refusal ends the return and tells the customer why."""
        record = self._new_return(quantity=8)
        record.action_submit()
        self._sign_chain(record, refuse_step="leader", comment="Beyond the contract ratio")
        self.assertEqual(record.state, "refused")
        self.assertFalse(record.pickup_picking_id)
        mail = record.message_ids.filtered(lambda m: self.customer in m.partner_ids)
        self.assertIn("Beyond the contract ratio", mail.body)

    def test_customer_damage_is_refused_with_a_mail(self):
        """Customer damage refuses the goods and mails the written reason to the customer."""
        record = self._approved_and_collected(quantity=2, reason_kind="quality")
        self._qc(record, "customer_damage", qc_refusal_reason="Casing cracked by a fall")
        self.assertEqual(record.state, "refused")
        self.assertTrue(record.line_ids.is_refused)
        self.assertEqual(record.line_ids.accepted_qty, 0.0)
        mail = record.message_ids.filtered(lambda m: self.customer in m.partner_ids)
        self.assertIn("Casing cracked by a fall", mail[-1:].body)
        # the collected goods still come in, to be sent back (see test_return_stock)
        self.assertEqual(record.pickup_picking_id.state, "assigned")
        self.assertTrue(record.date_sendback)

    def test_inspection_signed_once_and_only_when_collected(self):
        """The QC signature needs collected goods (a whole sentence otherwise); the same
        inspector's retried click (a request replayed after a concurrent update) does
        nothing, another inspector's is refused."""
        record = self._new_return()
        record.action_submit()
        self._sign_chain(record)
        record.line_ids.qc_verdict = "undamaged"
        with self.assertRaisesRegex(
            UserError, f"Only a collected return can be inspected; {record.name} is not"
        ):
            record.with_user(self.qc_user).action_qc_sign()
        self._collect(record)
        record.with_user(self.qc_user).action_qc_sign()
        signed_on = record.date_qc
        record.with_user(self.qc_user).action_qc_sign()
        self.assertEqual(record.state, "inspected")
        self.assertEqual(record.date_qc, signed_on)
        second = new_test_user(
            self.env, login="as_qc_2", groups="aftersales_service.group_aftersales_qc_inspector"
        )
        with self.assertRaisesRegex(UserError, "Only a collected return can be inspected"):
            record.with_user(second).action_qc_sign()

    def test_only_qc_inspectors_sign_the_inspection(self):
        """Someone outside the QC inspectors cannot sign the verdict."""
        record = self._approved_and_collected()
        record.line_ids.qc_verdict = "undamaged"
        with self.assertRaises(AccessError):
            record.with_user(self.reviewer).action_qc_sign()
        with self.assertRaises(UserError):
            record.with_user(self.reviewer).write({"qc_user_id": self.qc_user.id})
        self.assertIn("QC", record.missing_signatures)

    def test_stock_in_without_qc_refused_on_button_rpc_and_batch(self):
        """Validation without the QC signature fails from the button, RPC and a batch."""
        record = self._approved_and_collected()
        picking = record.pickup_picking_id
        self.assertIn("QC", record.missing_signatures)
        with self.assertRaisesRegex(UserError, "QC"):
            picking.with_user(self.env.ref("base.user_admin")).button_validate()
        with self.assertRaisesRegex(UserError, "QC"):
            self.env["stock.picking"].browse(picking.ids).button_validate()
        other = self.env["stock.picking"].create(
            {
                "picking_type_id": picking.picking_type_id.id,
                "location_id": picking.location_id.id,
                "location_dest_id": picking.location_dest_id.id,
                "move_ids": [
                    (
                        0,
                        0,
                        {
                            "name": "other",
                            "product_id": self.goods.id,
                            "product_uom_qty": 1,
                            "product_uom": self.goods.uom_id.id,
                            "location_id": picking.location_id.id,
                            "location_dest_id": picking.location_dest_id.id,
                        },
                    )
                ],
            }
        )
        with self.assertRaisesRegex(UserError, "QC"):
            (other | picking).button_validate()
        with self.assertRaisesRegex(UserError, "QC"):
            (other | picking)._action_done()
        self.assertEqual(picking.state, "assigned")
        self.assertNotEqual(other.state, "done")

    def test_late_slip_raises_one_activity(self):
        """A slip not sent by noon of the next working day is flagged once."""
        with freeze_time("2026-06-05 08:00:00"):  # a Friday
            record = self._approved_and_collected()
            self._qc(record, "undamaged")
            record.pickup_picking_id.button_validate()
        self.assertEqual(record.date_slip_due.weekday(), 0)
        cron = self.env.ref("aftersales_service.ir_cron_aftersales_return_late_slips")
        with freeze_time(datetime(2026, 6, 6, 9)):
            cron.method_direct_trigger()
            self.assertFalse(record.activity_ids, "not late on the Saturday")
        with freeze_time(datetime(2026, 6, 9, 9)):
            cron.method_direct_trigger()
            cron.method_direct_trigger()
        self.assertEqual(len(record.activity_ids), 1)

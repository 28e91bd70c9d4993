# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
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

# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from odoo.addons.aftersales_service.tests.return_common import AftersalesReturnCommon
from odoo.addons.base.tests.common import new_test_user


@tagged("post_install", "-at_install")
class TestReturnLinks(AftersalesReturnCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.department = cls.env["hr.department"].create({"name": "Dehumidifier Line"})
        # settles returns without being an after-sales user
        cls.settler = new_test_user(
            cls.env,
            login="as_settler",
            groups="aftersales_service.group_aftersales_return_approver,"
            "account.group_account_invoice",
        )
        cls.lot = cls.env["stock.lot"].create({"name": "DH20-0042", "product_id": cls.goods.id})
        cls.other_lot = cls.env["stock.lot"].create(
            {"name": "DH20-0043", "product_id": cls.goods.id}
        )
        cls.warranty, cls.other_warranty = cls.env["aftersales.warranty"].create(
            [
                {
                    "partner_id": cls.customer.id,
                    "product_id": cls.goods.id,
                    "lot_id": lot.id,
                    "months": 24,
                    "date_start": "2026-01-05",
                }
                for lot in (cls.lot, cls.other_lot)
            ]
        )

    def _settled(self, reason_kind, outcome, user=None):
        record = self._new_return(quantity=1, reason_kind=reason_kind, outcome=outcome)
        record.line_ids.write({"lot_id": self.lot.id, "reason": "Compressor rattles"})
        record.action_submit()
        self._sign_chain(record)
        self._collect(record)
        record.line_ids.write(
            {
                "qc_verdict": "company_fault",
                "qc_department_id": self.department.id,
                "qc_corrective_action": "Check compressor mounts",
            }
        )
        record.with_user(self.qc_user).action_qc_sign()
        record.pickup_picking_id.button_validate()
        record.with_user(user or self.accountant).action_settle()
        self.assertEqual(record.state, "done")
        return record

    def test_quality_refund_voids_the_serial_warranty_with_the_reason(self):
        """A quality return settled by refund voids the returned serial's warranty, even when
        the person settling it is no after-sales user; other serials keep theirs."""
        invoice = self.sale_order._create_invoices()
        invoice.action_post()
        self.assertFalse(self.settler.has_group("aftersales_service.group_aftersales_user"))
        record = self._settled("quality", "refund", user=self.settler)
        self.assertEqual(self.warranty.state, "void")
        self.assertIn(record.name, self.warranty.void_reason)
        self.assertIn("Compressor rattles", self.warranty.void_reason)
        self.assertEqual(self.other_warranty.state, "active")

    def test_quality_exchange_keeps_the_warranty(self):
        """An exchange is no refund: the warranty of the returned serial stays."""
        self._settled("quality", "exchange")
        self.assertEqual(self.warranty.state, "active")

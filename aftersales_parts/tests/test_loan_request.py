# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import Form, tagged

from .common import LoanerCommon


@tagged("post_install", "-at_install")
class TestLoanFromRequest(LoanerCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.request = cls.env["aftersales.request"].create(
            {"partner_id": cls.customer.id, "company_id": cls.company.id}
        )
        cls.other_request = cls.env["aftersales.request"].create(
            {"partner_id": cls.customer.id, "company_id": cls.company.id}
        )

    def test_lend_loaner_from_request_lends_to_its_customer(self):
        """The request's Lend Loaner Unit button opens a loan for the request's customer; the
        loans then show on the request's smart button, and only that request's."""
        self.assertEqual(self.request.loan_count, 0)
        action = self.request.action_lend_loaner()
        self.assertEqual(action["res_model"], "aftersales.loan")
        Loan = self.env["aftersales.loan"].with_context(**action["context"])
        with Form(Loan) as form:
            self.assertEqual(form.partner_id, self.customer)
            self.assertEqual(form.request_id, self.request)
            form.product_id = self.loaner
            form.lot_id = self.serial
        loan = form.record
        loan.action_lend()
        self.assertEqual(loan.state, "lent")
        self.assertEqual(loan.company_id, self.company)
        self.assertEqual(self.request.loan_ids, loan)
        self.assertEqual(self.request.loan_count, 1)
        self.assertEqual(self.other_request.loan_count, 0)
        listed = self.request.action_view_loans()
        self.assertEqual(self.env["aftersales.loan"].search(listed["domain"]), loan)

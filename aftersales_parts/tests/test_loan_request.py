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

    def test_lost_loaner_is_written_off_and_charged(self):
        """A lent loaner marked lost by the manager leaves the loaner stock by an inventory
        loss move and is charged to the customer (setting on)."""
        loan = self.env["aftersales.loan"].create(
            {
                "partner_id": self.customer.id,
                "company_id": self.company.id,
                "product_id": self.loaner.id,
                "lot_id": self.serial.id,
            }
        )
        loan.action_lend()
        self.manager.company_ids |= self.company
        loan.with_user(self.manager).with_company(self.company).action_mark_lost()
        self.assertEqual(loan.state, "lost")
        self.assertEqual(set(loan.picking_ids.mapped("state")), {"cancel"})
        loss = self.loaner.with_company(self.company).property_stock_inventory
        written_off = self.env["stock.move"].search(
            [("origin", "=", loan.name), ("location_dest_id", "=", loss.id), ("state", "=", "done")]
        )
        self.assertEqual(written_off.move_line_ids.lot_id, self.serial)
        on_hand = self.env["stock.quant"]._get_available_quantity(
            self.loaner, self.company.aftersales_loaner_location_id, lot_id=self.serial
        )
        self.assertEqual(on_hand, 0)
        order = self.env["sale.order"].search([("origin", "=", loan.name)])
        self.assertEqual(order.partner_id, self.customer)
        self.assertEqual(order.order_line.product_id, self.loaner)

# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError

from odoo.addons.aftersales_service.tests.common import AftersalesCommon


class TestLoanBadInput(AftersalesCommon):
    """Loans refuse impossible dates and keep their history."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lot = cls.env["stock.lot"].create(
            {"name": "LOANER-BAD-1", "product_id": cls.product.id}
        )

    def _loan(self, **vals):
        return (
            self.env["aftersales.loan"]
            .with_user(self.agent)
            .create(
                {
                    "partner_id": self.customer.id,
                    "product_id": self.product.id,
                    "lot_id": self.lot.id,
                    **vals,
                }
            )
        )

    def test_return_expected_before_lending_is_refused(self):
        """A loan expected back before it goes out cannot be lent; it stays a draft."""
        loan = self._loan(date_expected_return=fields.Date.today() - timedelta(days=3))
        with self.assertRaises(UserError):  # ValidationError is a UserError
            loan.action_lend()
        self.assertEqual(loan.state, "draft")
        self.assertFalse(loan.date_lent)

    def test_lent_loan_cannot_be_deleted(self):
        """A loan that went out to a customer cannot be deleted, even by a manager."""
        loan = self._loan()
        loan.action_lend()
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            loan.with_user(self.manager).unlink()
        self.assertTrue(loan.exists())

    def test_draft_loan_can_be_deleted(self):
        """A loan typed by mistake, never lent, can be deleted by a manager."""
        loan = self._loan()
        loan.with_user(self.manager).unlink()
        self.assertFalse(loan.exists())

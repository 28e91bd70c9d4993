# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import IntegrityError

from odoo.exceptions import UserError
from odoo.tools import mute_logger

from odoo.addons.aftersales_service.tests.common import AftersalesCommon


class TestLoan(AftersalesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lot = cls.env["stock.lot"].create({"name": "LOANER-001", "product_id": cls.product.id})

    def _loan(self, **vals):
        return (
            self.env["aftersales.loan"]
            .with_user(self.agent)
            .create({"partner_id": self.customer.id, "product_id": self.product.id, **vals})
        )

    def test_loan_is_lent_and_returned(self):
        """A loaner unit goes out with its serial and comes back."""
        loan = self._loan(lot_id=self.lot.id)
        self.assertTrue(loan.name.startswith("LOAN/"))
        loan.action_lend()
        self.assertEqual(loan.state, "lent")
        self.assertTrue(loan.date_lent)
        loan.action_return()
        self.assertEqual(loan.state, "returned")

    def test_each_step_refused_out_of_order_with_a_sentence(self):
        """A step out of order is refused with its own whole sentence naming the loan."""
        loan = self._loan(lot_id=self.lot.id)
        with self.assertRaisesRegex(
            UserError, f"Only a loan that is out can be returned; {loan.name} is not out"
        ):
            loan.action_return()
        loan.action_lend()
        with self.assertRaisesRegex(UserError, f"Only a draft loan can be lent; {loan.name}"):
            loan.action_lend()
        with self.assertRaisesRegex(UserError, "Only a draft loan can be cancelled"):
            loan.action_cancel()
        self.assertEqual(loan.state, "lent")
        with self.assertRaisesRegex(UserError, "changes only through its buttons"):
            loan.write({"state": "returned"})

    def test_lending_needs_a_serial(self):
        """A loan without the loaner's serial number cannot go out."""
        loan = self._loan()
        with self.assertRaisesRegex(UserError, "serial number"):
            loan.action_lend()
        self.assertEqual(loan.state, "draft")

    def test_only_manager_writes_off_lost_unit(self):
        """An agent cannot write a lent unit off as lost; a manager can."""
        loan = self._loan(lot_id=self.lot.id)
        loan.action_lend()
        with self.assertRaisesRegex(UserError, "Only an after-sales manager"):
            loan.action_mark_lost()
        loan.with_user(self.manager).action_mark_lost()
        self.assertEqual(loan.state, "lost")

    def test_loaner_serial_is_out_on_one_loan_at_most(self):
        """A second loan of a serial already out is refused by the button and, underneath,
        by the database (a unique index on lent loans), whatever path writes it."""
        first = self._loan(lot_id=self.lot.id)
        first.action_lend()
        second = self._loan(lot_id=self.lot.id)
        with self.assertRaisesRegex(UserError, "already out on loan"):
            second.action_lend()
        self.assertEqual(second.state, "draft")
        with (
            self.assertRaises(IntegrityError),
            mute_logger("odoo.sql_db"),
            self.env.cr.savepoint(),
        ):
            second._aftersales_write_transition({"state": "lent"})
            second.flush_recordset()
        first.action_return()
        second.action_lend()
        self.assertEqual(second.state, "lent")

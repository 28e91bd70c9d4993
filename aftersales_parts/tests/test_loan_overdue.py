# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import LoanerCommon


@tagged("post_install", "-at_install")
class TestLoanOverdue(LoanerCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.activity_type = cls.env.ref("aftersales_parts.mail_activity_type_loan_overdue")

    def _lend(self):
        with freeze_time("2026-05-01"):
            loan = self.env["aftersales.loan"].create(
                {
                    "company_id": self.company.id,
                    "partner_id": self.customer.id,
                    "product_id": self.loaner.id,
                    "lot_id": self.serial.id,
                    "date_expected_return": date(2026, 5, 15),
                }
            )
            loan.action_lend()
        return loan

    def test_lending_creates_outgoing_transfer_from_loaner_location(self):
        """Lending moves the serial out of the loaner stock to the customer."""
        loan = self._lend()
        picking = loan.picking_ids
        self.assertEqual(picking.location_id, self.company.aftersales_loaner_location_id)
        self.assertEqual(picking.move_ids.move_line_ids.lot_id, self.serial)
        self.assertEqual(picking.picking_type_id, self.warehouse.out_type_id)

    def test_overdue_loan_raises_exactly_one_activity(self):
        """The daily job flags an overdue loan once, even when it runs twice."""
        loan = self._lend()
        with freeze_time("2026-05-14"):
            self.env.ref("aftersales_parts.ir_cron_aftersales_loan_overdue").method_direct_trigger()
            self.assertFalse(loan.activity_ids, "not overdue yet")
        with freeze_time("2026-05-20"):
            self.assertTrue(loan.is_overdue)
            self.env.ref("aftersales_parts.ir_cron_aftersales_loan_overdue").method_direct_trigger()
            self.env.ref("aftersales_parts.ir_cron_aftersales_loan_overdue").method_direct_trigger()
            activities = loan.activity_ids.filtered(
                lambda a: a.activity_type_id == self.activity_type
            )
            self.assertEqual(len(activities), 1)
            loan.action_return()
        self.assertFalse(loan.activity_ids)
        self.assertEqual(len(loan.picking_ids), 2, "a return transfer is created")

    def test_loaner_products_are_serial_tracked(self):
        """A product without serial numbers cannot be flagged as a loaner unit."""
        with self.assertRaisesRegex(ValidationError, "tracked by serial"):
            self.env["product.product"].create(
                {"name": "Loaner Remote", "is_storable": True, "aftersales_is_loaner": True}
            )

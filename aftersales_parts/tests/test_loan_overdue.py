# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import PartsCommon


@tagged("post_install", "-at_install")
class TestLoanOverdue(PartsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.loaner = cls.env["product.product"].create(
            {
                "name": "Loaner AC-300",
                "is_storable": True,
                "tracking": "serial",
                "aftersales_is_loaner": True,
            }
        )
        cls.serial = cls.env["stock.lot"].create(
            {"name": "LN-0001", "product_id": cls.loaner.id, "company_id": cls.company.id}
        )
        cls._stock(
            cls.loaner, 1, lot=cls.serial, location=cls.company.aftersales_loaner_location_id
        )
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
            self.env["aftersales.loan"]._cron_flag_overdue()
            self.assertFalse(loan.activity_ids, "not overdue yet")
        with freeze_time("2026-05-20"):
            self.assertTrue(loan.is_overdue)
            self.env["aftersales.loan"]._cron_flag_overdue()
            self.env["aftersales.loan"]._cron_flag_overdue()
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

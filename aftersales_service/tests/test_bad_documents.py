# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from psycopg2 import IntegrityError

from odoo import Command, fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .trust_common import TrustCommon


@tagged("post_install", "-at_install")
class TestBadDocuments(TrustCommon):
    """Impossible quantities and dates are refused and leave no document behind."""

    def _return_vals(self, quantity):
        return {
            "partner_id": self.customer.id,
            "line_ids": [
                Command.create(
                    {
                        "product_id": self.goods.id,
                        "sale_line_id": self.sale_line.id,
                        "quantity": quantity,
                        "reason_kind": "unsaleable",
                        "reason": "Slow-moving stock",
                    }
                )
            ],
        }

    def test_zero_or_negative_return_quantity_is_refused(self):
        """A return of zero or fewer units is refused; no return is created."""
        count = self.env["aftersales.return"].search_count([])
        for quantity in (0, -3):
            with self.subTest(quantity=quantity), self.assertRaises(ValidationError):
                self.env["aftersales.return"].with_user(self.agent).create(
                    self._return_vals(quantity)
                )
        self.assertEqual(self.env["aftersales.return"].search_count([]), count)

    def test_returning_more_than_delivered_is_refused(self):
        """The customer received 50: a return of 51 is refused, one of 50 is accepted."""
        with (
            self.assertRaisesRegex(ValidationError, "cannot exceed what was delivered"),
            self.env.cr.savepoint(),
        ):
            self.env["aftersales.return"].with_user(self.agent).create(self._return_vals(51))
        accepted = self.env["aftersales.return"].with_user(self.agent).create(self._return_vals(50))
        self.assertEqual(accepted.line_ids.quantity, 50)

    @mute_logger("odoo.sql_db")
    def test_import_of_return_lines_with_one_bad_row_imports_nothing(self):
        """An import of return lines where one row returns too much imports no row."""
        record = self._new_fixture("aftersales.return")
        before = len(record.line_ids)
        result = (
            self.env["aftersales.return.line"]
            .with_user(self.agent)
            .load(
                ["return_id/.id", "product_id/.id", "sale_line_id/.id", "quantity", "reason"],
                [
                    [record.id, self.goods.id, self.sale_line.id, "1", "Dented"],
                    [record.id, self.goods.id, self.sale_line.id, "500", "Dented"],
                ],
            )
        )
        self.assertFalse(result["ids"])
        self.assertTrue([m for m in result["messages"] if m["type"] == "error"])
        record.invalidate_recordset()
        self.assertEqual(len(record.line_ids), before)

    def test_appointment_ending_before_it_starts_is_refused(self):
        """An appointment whose end is before its start is refused."""
        request = self._new_fixture("aftersales.request")
        start = fields.Datetime.now() + timedelta(days=1)
        with self.assertRaisesRegex(UserError, "cannot end before it starts"):
            request.with_user(self.agent).write(
                {"date_appointment": start, "date_appointment_end": start - timedelta(hours=2)}
            )

    @mute_logger("odoo.sql_db")
    def test_contract_ending_before_it_starts_is_refused(self):
        """A service contract cannot end before it starts."""
        today = fields.Date.today()
        with self.assertRaises(IntegrityError), self.env.cr.savepoint():
            self.env["aftersales.contract"].with_user(self.agent).create(
                {
                    "partner_id": self.customer.id,
                    "product_ids": [Command.link(self.product.id)],
                    "date_start": today,
                    "date_end": today - timedelta(days=1),
                }
            )

    def test_zero_month_warranty_extension_is_refused(self):
        """A warranty extension adds at least one month."""
        warranty = self._new_fixture("aftersales.warranty")
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.env.cr.savepoint():
            self.env["aftersales.warranty.extension"].create(
                {"warranty_id": warranty.id, "months": 0, "reason": "Promotion"}
            )

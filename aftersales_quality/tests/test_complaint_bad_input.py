# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tools import mute_logger

from odoo.addons.aftersales_service.tests.common import AftersalesCommon


class TestComplaintBadInput(AftersalesCommon):
    """Complaints keep their history; a bad import leaves nothing behind."""

    def _complaint(self):
        return (
            self.env["aftersales.complaint"]
            .with_user(self.agent)
            .create({"partner_id": self.customer.id, "content": "<p>Noisy fan.</p>"})
        )

    def test_handled_complaint_cannot_be_deleted(self):
        """An acknowledged complaint counts in the analysis and cannot be deleted."""
        complaint = self._complaint()
        complaint.action_acknowledge()
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            complaint.with_user(self.manager).unlink()
        self.assertTrue(complaint.exists())

    @mute_logger("odoo.sql_db")
    def test_import_with_a_bad_row_creates_nothing(self):
        """A complaint import with a row of unknown category imports none of the rows."""
        count = self.env["aftersales.complaint"].search_count([])
        result = (
            self.env["aftersales.complaint"]
            .with_user(self.agent)
            .load(
                ["partner_id", "category", "content"],
                [
                    [self.customer.name, "quality", "Leaks"],
                    [self.customer.name, "no such category", "Leaks"],
                ],
            )
        )
        self.assertFalse(result["ids"])
        self.assertTrue([m for m in result["messages"] if m["type"] == "error"])
        self.assertEqual(self.env["aftersales.complaint"].search_count([]), count)

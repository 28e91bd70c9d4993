# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from odoo.addons.aftersales_service.tests.return_common import AftersalesReturnCommon


@tagged("post_install", "-at_install")
class TestComplaintReturn(AftersalesReturnCommon):
    def test_complaint_about_a_return_shows_on_the_return(self):
        """A complaint linked to a return is counted and opened from the return."""
        record = self._new_return()
        complaint = (
            self.env["aftersales.complaint"]
            .with_user(self.agent)
            .create(
                {
                    "partner_id": self.customer.id,
                    "return_id": record.id,
                    "content": "<p>Pickup driver never came</p>",
                }
            )
        )
        self.assertEqual(record.complaint_ids, complaint)
        self.assertEqual(record.complaint_count, 1)
        action = record.action_view_complaints()
        self.assertEqual(self.env["aftersales.complaint"].search(action["domain"]), complaint)
        self.assertEqual(action["context"]["default_return_id"], record.id)

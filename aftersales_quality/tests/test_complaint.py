# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError

from odoo.addons.aftersales_service.tests.common import AftersalesCommon


class TestComplaint(AftersalesCommon):
    def _complaint(self):
        return (
            self.env["aftersales.complaint"]
            .with_user(self.agent)
            .create(
                {"partner_id": self.customer.id, "category": "quality", "content": "<p>Leaks</p>"}
            )
        )

    def test_complaint_is_answered_and_closed(self):
        """A complaint is acknowledged, decided, answered, then closed by a manager."""
        complaint = self._complaint()
        self.assertTrue(complaint.name.startswith("CMP/"))
        complaint.action_acknowledge()
        complaint.write({"decision": "founded", "reply": "<p>We replace the seal.</p>"})
        complaint.action_resolve()
        self.assertEqual(complaint.state, "resolved")
        complaint.with_user(self.manager).action_close()
        self.assertEqual(complaint.state, "closed")

    def test_resolving_needs_decision_and_reply(self):
        """A complaint is not resolved before it is decided and answered."""
        complaint = self._complaint()
        complaint.action_acknowledge()
        with self.assertRaisesRegex(UserError, "Decide whether"):
            complaint.action_resolve()
        self.assertEqual(complaint.state, "acknowledged")

    def test_agent_cannot_close(self):
        """Closing a complaint is a manager's decision."""
        complaint = self._complaint()
        complaint.action_acknowledge()
        complaint.write({"decision": "unfounded", "reply": "<p>Normal noise level.</p>"})
        complaint.action_resolve()
        with self.assertRaisesRegex(UserError, "Only an after-sales manager"):
            complaint.action_close()
        self.assertEqual(complaint.state, "resolved")

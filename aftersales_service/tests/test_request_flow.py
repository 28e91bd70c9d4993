# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError

from .common import AftersalesCommon


class TestRequestFlow(AftersalesCommon):
    def _request(self, **vals):
        return (
            self.env["aftersales.request"]
            .with_user(self.agent)
            .create({"partner_id": self.customer.id, "product_id": self.product.id, **vals})
        )

    def test_reference_comes_from_sequence(self):
        """A new request gets its own SR/ reference the customer can quote."""
        first, second = self._request(), self._request()
        self.assertTrue(first.name.startswith("SR/"))
        self.assertNotEqual(first.name, second.name)

    def test_request_moves_from_new_to_done(self):
        """An agent assesses and schedules, the technician starts and finishes."""
        request = self._request(technician_id=self.technician.id)
        request.action_assess()
        request.action_schedule()
        self.assertEqual(request.state, "scheduled")
        as_tech = request.with_user(self.tech_user)
        as_tech.action_start()
        as_tech.action_done()
        self.assertEqual(request.state, "done")
        self.assertTrue(request.date_done)

    def test_schedule_needs_a_technician(self):
        """Scheduling without a technician is refused with a clear message."""
        request = self._request()
        request.action_assess()
        with self.assertRaisesRegex(UserError, "Assign a technician"):
            request.action_schedule()
        self.assertEqual(request.state, "assessed")

    def test_skipping_a_stage_is_refused(self):
        """A new request cannot be marked done without being worked on."""
        request = self._request()
        with self.assertRaisesRegex(UserError, "cannot be moved"):
            request.action_done()
        self.assertEqual(request.state, "new")

    def test_state_cannot_be_written_directly(self):
        """Writing the stage over RPC is refused; the buttons are the only way."""
        request = self._request()
        with self.assertRaisesRegex(UserError, "only through its buttons"):
            request.write({"state": "done"})
        self.assertEqual(request.state, "new")

    def test_only_manager_cancels(self):
        """An agent cannot cancel a request; a manager can."""
        request = self._request()
        with self.assertRaisesRegex(UserError, "Only an after-sales manager"):
            request.action_cancel()
        request.with_user(self.manager).action_cancel()
        self.assertEqual(request.state, "cancelled")

    def test_technician_sees_only_own_requests(self):
        """A technician reads requests assigned to them, not a colleague's."""
        mine = self._request(technician_id=self.technician.id)
        other = self._request()
        visible = self.env["aftersales.request"].with_user(self.tech_user).search([])
        self.assertIn(mine, visible)
        self.assertNotIn(other, visible)
        with self.assertRaises(AccessError):
            other.with_user(self.tech_user).read(["name"])

    def test_request_with_history_cannot_be_deleted(self):
        """Once worked on, a request cannot be deleted, even by a manager."""
        request = self._request(technician_id=self.technician.id)
        request.action_assess()
        with self.assertRaisesRegex(UserError, "has history"):
            request.with_user(self.manager).unlink()

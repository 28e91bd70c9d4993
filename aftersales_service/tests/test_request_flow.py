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

    def _started(self):
        request = self._request(technician_id=self.technician.id)
        request.action_assess()
        request.action_schedule()
        request.action_start()
        return request

    def test_waiting_for_parts_and_back_is_open_to_agents(self):
        """An agent parks a request in progress for parts and starts it again."""
        request = self._started().with_user(self.agent)
        request.action_wait_parts()
        self.assertEqual(request.state, "waiting_parts")
        request.action_start()
        self.assertEqual(request.state, "in_progress")

    def test_going_back_is_refused_even_to_a_manager(self):
        """Neither a scheduled request (New only) nor a done one is cancelled or restarted:
        each button says in one sentence why the request cannot move."""
        request = self._started().with_user(self.manager)
        request.action_done()
        with self.assertRaisesRegex(UserError, "cannot be moved to Cancelled"):
            request.action_cancel()
        with self.assertRaisesRegex(UserError, "cannot be moved to In Progress"):
            request.action_start()
        with self.assertRaisesRegex(UserError, "cannot be moved to New"):
            request.action_reset()
        self.assertEqual(request.state, "done")

    def test_closing_and_resetting_need_a_manager(self):
        """An agent cannot close a done request nor reset a cancelled one; a manager can."""
        request = self._started()
        request.action_done()
        request.action_log_callback()
        with self.assertRaisesRegex(UserError, "Only an after-sales manager may close"):
            request.with_user(self.agent).action_close()
        request.with_user(self.manager).action_close()
        self.assertEqual(request.state, "closed")
        cancelled = self._request()
        cancelled.with_user(self.manager).action_cancel()
        with self.assertRaisesRegex(UserError, "Only an after-sales manager may reset"):
            cancelled.with_user(self.agent).action_reset()
        cancelled.with_user(self.manager).action_reset()
        self.assertEqual(cancelled.state, "new")

    def test_every_stage_but_new_is_reached_by_a_button(self):
        """The moves cover every stage of the request, from stages that exist."""
        Request = self.env["aftersales.request"]
        stages = {value for value, _label in Request._fields["state"].selection}
        transitions = Request._aftersales_transitions()
        self.assertEqual(set(transitions), stages)
        for sources in transitions.values():
            self.assertLessEqual(sources, stages)
        self.assertLessEqual(set(Request._aftersales_manager_only_targets()), stages)

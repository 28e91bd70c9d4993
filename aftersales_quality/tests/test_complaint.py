# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import new_test_user

from .common import QualityCommon


class TestComplaint(QualityCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.leader = new_test_user(
            cls.env, login="as_leader", groups="aftersales_service.group_aftersales_manager"
        )
        cls.env.company.aftersales_escalation_user_id = cls.leader
        cls.rd_head = new_test_user(
            cls.env, login="as_rd_head", groups="aftersales_service.group_aftersales_user"
        )
        cls.route_quality = cls.env.ref("aftersales_quality.complaint_route_quality")
        cls.route_quality.user_id = cls.rd_head
        # Monday 2 March 2026, 10:00 UTC
        cls.received = datetime(2026, 3, 2, 10, 0)

    def _complaint(self, **vals):
        return (
            self.env["aftersales.complaint"]
            .with_user(self.agent)
            .create(
                dict(
                    {
                        "partner_id": self.customer.id,
                        "category": "quality",
                        "content": "<p>Leaks</p>",
                        "date_received": self.received,
                    },
                    **vals,
                )
            )
        )

    def test_complaint_is_answered_and_closed(self):
        """A complaint is acknowledged, decided, answered by mail, then closed by a manager."""
        complaint = self._complaint()
        self.assertTrue(complaint.name.startswith("CMP/"))
        complaint.action_acknowledge()
        self.assertTrue(complaint.date_acknowledged)
        complaint.write({"decision": "founded", "reply": "<p>We replace the seal.</p>"})
        complaint.action_resolve()
        self.assertEqual(complaint.state, "resolved")
        self.assertTrue(complaint.date_reply_sent)
        reply = complaint.message_ids.filtered(lambda m: "replace the seal" in (m.body or ""))
        self.assertEqual(reply.partner_ids, self.customer, "the reply is mailed to the customer")
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

    def test_steps_out_of_order_are_refused_with_a_sentence(self):
        """Each step out of order is refused with its own whole sentence."""
        complaint = self._complaint()
        with self.assertRaisesRegex(
            UserError, f"Only a resolved complaint can be closed; {complaint.name} is not"
        ):
            complaint.with_user(self.manager).action_close()
        complaint.action_acknowledge()
        with self.assertRaisesRegex(UserError, "Only a new complaint can be acknowledged"):
            complaint.action_acknowledge()
        complaint.write({"decision": "founded", "reply": "<p>We replace the seal.</p>"})
        complaint.action_resolve()
        with self.assertRaisesRegex(UserError, "Only an acknowledged complaint can be resolved"):
            complaint.action_resolve()
        replies = complaint.message_ids.filtered(lambda m: "replace the seal" in (m.body or ""))
        self.assertEqual(len(replies), 1, "the customer gets one reply")

    def test_deadline_budgets_come_from_the_route(self):
        """The route gives 8 working hours to acknowledge (4 when urgent) and 5 working
        days of the calendar's hours to propose a solution."""
        complaint = self._complaint()
        self.assertEqual(complaint._aftersales_deadline_hours(), (8.0, 40.0))
        complaint.priority = "1"
        self.assertEqual(complaint._aftersales_deadline_hours(), (4.0, 40.0))

    def test_state_cannot_be_written_directly(self):
        """The state changes only through the buttons, also over RPC."""
        complaint = self._complaint()
        with self.assertRaises(UserError):
            complaint.write({"state": "closed"})

    def test_quality_complaint_routes_to_rd_with_five_working_days(self):
        """Product quality goes to R&D/production and its route's person; 1 working day to
        acknowledge and 5 working days to propose a solution, counted on the calendar."""
        complaint = self._complaint()
        self.assertEqual(
            complaint.department_id, self.env.ref("aftersales_quality.hr_department_rd_production")
        )
        self.assertEqual(complaint.user_id, self.rd_head)
        # 8 working hours from Monday 10:00: 6 h on Monday, 2 h on Tuesday
        self.assertEqual(complaint.date_ack_deadline, datetime(2026, 3, 3, 10, 0))
        # 40 working hours: next Monday 10:00
        self.assertEqual(complaint.date_solution_deadline, datetime(2026, 3, 9, 10, 0))

    def test_logistics_complaint_routes_to_warehouse_with_two_days_and_holiday(self):
        """Transport damage goes to warehouse/logistics with 2 working days; a public holiday
        pauses the clock."""
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Public holiday",
                "calendar_id": self.calendar.id,
                "date_from": datetime(2026, 3, 3, 0, 0),
                "date_to": datetime(2026, 3, 3, 23, 59),
            }
        )
        complaint = self._complaint(category="logistics")
        self.assertEqual(
            complaint.department_id, self.env.ref("aftersales_quality.hr_department_logistics")
        )
        # 16 h: Monday 6 h, Tuesday holiday, Wednesday 8 h, Thursday 2 h
        self.assertEqual(complaint.date_solution_deadline, datetime(2026, 3, 5, 10, 0))

    def test_staff_and_dealer_complaints_route_to_their_departments(self):
        """Staff complaints go to sales/marketing management, dealer ones to channel
        management, both with 3 working days."""
        staff = self._complaint(category="staff")
        dealer = self._complaint(category="dealer")
        self.assertEqual(
            staff.department_id,
            self.env.ref("aftersales_quality.hr_department_sales_management"),
        )
        self.assertEqual(
            dealer.department_id,
            self.env.ref("aftersales_quality.hr_department_channel_management"),
        )
        self.assertEqual(staff.date_solution_deadline, datetime(2026, 3, 5, 10, 0))

    def test_urgent_complaint_is_acknowledged_within_four_hours(self):
        """An urgent complaint must be acknowledged within 4 hours of clock time (the lunch
        break counts; 4 working hours would be 15:00)."""
        complaint = self._complaint(priority="1")
        self.assertEqual(complaint.date_ack_deadline, datetime(2026, 3, 2, 14, 0))

    def test_route_deadlines_are_configurable(self):
        """Changing the route's working days changes the deadline of new complaints."""
        self.route_quality.solution_days = 1
        complaint = self._complaint()
        self.assertEqual(complaint.date_solution_deadline, datetime(2026, 3, 3, 10, 0))

    @freeze_time("2026-03-02 10:00:00")
    def test_serious_complaint_escalates_to_leadership(self):
        """A serious case becomes a priority case and the leader gets an activity."""
        complaint = self._complaint(is_serious=True, serious_reason="lawsuit")
        self.assertEqual(complaint.priority, "1")
        self.assertTrue(complaint.date_escalated)
        activity = complaint.activity_ids.filtered(lambda a: a.user_id == self.leader)
        self.assertEqual(len(activity), 1)
        self.assertIn("Lawsuit", activity.note)

    def test_complaint_marked_serious_later_escalates_once(self):
        """Marking an open complaint serious escalates it; saving it again does not."""
        complaint = self._complaint()
        self.assertFalse(complaint.activity_ids.filtered(lambda a: a.user_id == self.leader))
        complaint.write({"is_serious": True, "serious_reason": "media"})
        complaint.write({"is_serious": True})
        self.assertEqual(
            len(complaint.activity_ids.filtered(lambda a: a.user_id == self.leader)), 1
        )

    def test_third_complaint_within_period_escalates_as_repeated(self):
        """A customer's third complaint within 90 days is a serious, repeated case; an older
        complaint does not count."""
        self._complaint(date_received=datetime(2025, 10, 1, 10, 0))
        first = self._complaint()
        second = self._complaint(category="staff")
        self.assertFalse(first.is_serious or second.is_serious)
        third = self._complaint(category="logistics")
        self.assertTrue(third.is_serious)
        self.assertEqual(third.serious_reason, "repeated")
        self.assertEqual(third.priority, "1")
        self.assertEqual(len(third.activity_ids.filtered(lambda a: a.user_id == self.leader)), 1)

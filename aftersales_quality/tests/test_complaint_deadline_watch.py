# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from freezegun import freeze_time

from odoo.tests import tagged

from .common import QualityCommon


@tagged("post_install", "-at_install")
class TestComplaintDeadlineWatch(QualityCommon):
    """The deadline watch job keeps complaint deadlines true and tells the route's person."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.route = cls.env.ref("aftersales_quality.complaint_route_quality")
        cls.route.overdue_user_id = cls.manager
        cls.cron = cls.env.ref("aftersales_quality.ir_cron_complaint_deadlines")

    def _complaint(self, when, **vals):
        with freeze_time(when):
            complaint = (
                self.env["aftersales.complaint"]
                .with_user(self.agent)
                .create(
                    {
                        "partner_id": self.customer.id,
                        "category": "quality",
                        "content": "<p>The compressor is loud.</p>",
                        **vals,
                    }
                )
            )
            complaint.flush_recordset()
        return complaint

    def _overdue_activities(self, complaint):
        return complaint.activity_ids.filtered(lambda a: "by its deadline" in (a.summary or ""))

    def test_urgent_acknowledgment_counts_clock_hours(self):
        """Urgent: 4 hours round the clock (a Friday 16:00 complaint is due at 20:00); with
        the setting off, 4 working hours (Monday 11:00)."""
        urgent = self._complaint("2026-03-06 16:00:00", priority="1")
        self.assertEqual(urgent.date_ack_deadline, datetime(2026, 3, 6, 20, 0))
        self.env.company.aftersales_complaint_urgent_clock = False
        working = self._complaint("2026-03-06 16:00:00", priority="1")
        self.assertEqual(working.date_ack_deadline, datetime(2026, 3, 9, 11, 0))

    def test_watch_flags_and_escalates_overdue_steps_once(self):
        """Not acknowledged within 1 working day: flagged and escalated to the route's
        person once; acknowledged but no solution within 5 working days: the same."""
        complaint = self._complaint("2026-03-02 09:00:00")
        self.assertEqual(complaint.date_ack_deadline, datetime(2026, 3, 3, 9, 0))
        self.assertEqual(complaint.date_solution_deadline, datetime(2026, 3, 9, 9, 0))
        self.assertFalse(complaint.is_ack_late)
        with freeze_time("2026-03-03 10:00:00"):
            self.cron.method_direct_trigger()
            self.assertTrue(complaint.is_ack_late)
            self.assertFalse(complaint.is_solution_late)
            escalated = self._overdue_activities(complaint)
            self.assertEqual(len(escalated), 1)
            self.assertEqual(escalated.user_id, self.manager)
            self.cron.method_direct_trigger()
            self.assertEqual(len(self._overdue_activities(complaint)), 1)
            complaint.with_user(self.agent).action_acknowledge()
        with freeze_time("2026-03-09 10:00:00"):
            self.cron.method_direct_trigger()
            self.assertTrue(complaint.is_solution_late)
            self.assertEqual(len(self._overdue_activities(complaint)), 2)
            self.cron.method_direct_trigger()
            self.assertEqual(len(self._overdue_activities(complaint)), 2)
        self.assertTrue(
            self.env["aftersales.complaint"].search_count(
                [("id", "=", complaint.id), ("is_solution_late", "=", True)]
            )
        )

    def test_holiday_added_later_moves_the_solution_deadline(self):
        """A public holiday declared after the complaint moves its solution deadline at the
        next run of the job, so it is not flagged overdue on the old date."""
        complaint = self._complaint("2026-03-02 09:00:00")
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Public holiday",
                "calendar_id": self.calendar.id,
                "date_from": datetime(2026, 3, 5, 0, 0),
                "date_to": datetime(2026, 3, 5, 23, 59, 59),
            }
        )
        complaint.with_user(self.agent).action_acknowledge()
        with freeze_time("2026-03-09 10:00:00"):
            self.cron.method_direct_trigger()
        self.assertEqual(complaint.date_solution_deadline, datetime(2026, 3, 10, 9, 0))
        self.assertFalse(complaint.is_solution_late)

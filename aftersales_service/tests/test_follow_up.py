# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import AftersalesCommon


@tagged("post_install", "-at_install")
class TestFollowUp(AftersalesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.director = cls.manager
        cls.env.company.write(
            {
                "aftersales_director_id": cls.director.id,
                "aftersales_callback_hours": 24,
                "aftersales_revisit_days": "7,30,90",
            }
        )

    def _started_request(self):
        request = self.env["aftersales.request"].create(
            {
                "partner_id": self.customer.id,
                "product_id": self.product.id,
                "technician_id": self.technician.id,
                "user_id": self.agent.id,
            }
        )
        request.action_assess()
        request.action_schedule()
        request.action_start()
        return request

    @freeze_time("2026-01-13 15:00:00")
    def test_done_plans_callback_and_revisits(self):
        """Completion plans a callback within 24 h and visits after 7, 30 and 90 days."""
        request = self._started_request()
        request.action_done()
        callback_type = self.env.ref("aftersales_service.mail_activity_type_callback")
        revisit_type = self.env.ref("aftersales_service.mail_activity_type_revisit")
        callback = request.activity_ids.filtered(lambda a: a.activity_type_id == callback_type)
        self.assertEqual(callback.date_deadline, date(2026, 1, 14))
        self.assertEqual(callback.user_id, self.agent)
        revisits = request.activity_ids.filtered(lambda a: a.activity_type_id == revisit_type)
        self.assertEqual(
            sorted(revisits.mapped("date_deadline")),
            [date(2026, 1, 20), date(2026, 2, 12), date(2026, 4, 13)],
        )

    def test_closing_requires_the_callback(self):
        """A done request cannot be closed until the callback is logged."""
        request = self._started_request()
        request.action_done()
        with self.assertRaisesRegex(UserError, "log the callback"):
            request.with_user(self.manager).action_close()
        self.assertEqual(request.state, "done")
        request.action_log_callback()
        self.assertTrue(request.date_callback)
        callback_type = self.env.ref("aftersales_service.mail_activity_type_callback")
        self.assertFalse(
            request.activity_ids.filtered(lambda a: a.activity_type_id == callback_type)
        )
        request.with_user(self.manager).action_close()
        self.assertEqual(request.state, "closed")

    def test_callback_only_after_completion(self):
        """A callback cannot be logged before the work is done."""
        request = self._started_request()
        with self.assertRaisesRegex(UserError, "not completed"):
            request.action_log_callback()

    def test_revisit_days_are_validated(self):
        """The follow-up visit list accepts only positive whole days."""
        with self.assertRaises(ValidationError):
            self.env.company.aftersales_revisit_days = "7, one month"
        self.env.company.aftersales_revisit_days = "14, 60"
        self.assertEqual(self.env.company._aftersales_revisit_days(), [14, 60])

    def test_technician_escalates_to_director(self):
        """A technician who cannot finish on time escalates; the director gets an activity."""
        request = self._started_request()
        request.with_user(self.tech_user).action_escalate()
        self.assertTrue(request.date_escalated)
        self.assertIn(self.director, request.activity_ids.user_id)

    def test_escalation_needs_a_director(self):
        """Without a director in the settings the escalation is refused with a clear message."""
        self.env.company.aftersales_director_id = False
        request = self._started_request()
        with self.assertRaisesRegex(UserError, "No service director"):
            request.action_escalate()

    def test_unfinished_requests_carry_over_once(self):
        """At end of day, dispatched requests not done are flagged and raised in priority once."""
        with freeze_time("2026-01-13 09:00:00"):
            request = self._started_request()
            request.write(
                {
                    "date_appointment": "2026-01-13 09:00:00",
                    "date_appointment_end": "2026-01-13 11:00:00",
                }
            )
            finished = self._started_request()
            finished.write({"date_appointment": "2026-01-13 09:00:00"})
            finished.action_done()
        with freeze_time("2026-01-13 18:00:00"):
            self.env.ref("aftersales_service.ir_cron_aftersales_carry_over").method_direct_trigger()
            self.assertTrue(request.is_carried_over)
            self.assertEqual(request.priority, "1")
            request.priority = "0"
            self.env.ref("aftersales_service.ir_cron_aftersales_carry_over").method_direct_trigger()
        self.assertEqual(request.priority, "0", "the cron flags a request only once")
        self.assertFalse(finished.is_carried_over)

    def test_done_query_budget(self):
        """Marking a request done stays within a fixed query budget."""
        request = self._started_request()
        request.env.invalidate_all()
        # 26: one more than before for the row lock that keeps two clicks from both counting;
        # 40: the assigned technician's job activity is marked done (Odoo posts the message)
        with self.assertQueryCount(__system__=40):
            request.action_done()
            request.flush_recordset()

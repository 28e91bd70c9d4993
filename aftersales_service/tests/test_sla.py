# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from freezegun import freeze_time

from odoo.tests import tagged

from .common import AftersalesCommon


@tagged("post_install", "-at_install")
class TestSla(AftersalesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        attendances = [
            (
                0,
                0,
                {
                    "name": f"{day} {start}",
                    "dayofweek": str(day),
                    "hour_from": start,
                    "hour_to": end,
                },
            )
            for day in range(5)
            for start, end in ((8, 12), (13, 17))
        ]
        cls.calendar = cls.env["resource.calendar"].create(
            {
                "name": "Service hours (UTC)",
                "tz": "UTC",
                "hours_per_day": 8.0,
                "attendance_ids": [(5, 0, 0), *attendances],
            }
        )
        # Monday 12 January 2026 is a public holiday.
        cls.env["resource.calendar.leaves"].create(
            {
                "name": "Public holiday",
                "calendar_id": cls.calendar.id,
                "date_from": "2026-01-12 00:00:00",
                "date_to": "2026-01-12 23:59:59",
            }
        )
        cls.env.company.write(
            {"aftersales_calendar_id": cls.calendar.id, "aftersales_sla_risk_ratio": 0.8}
        )
        cls.dispatcher = cls.manager
        cls.env.company.aftersales_dispatcher_id = cls.dispatcher

    def _request(self, **vals):
        return self.env["aftersales.request"].create(
            {"partner_id": self.customer.id, "product_id": self.product.id, **vals}
        )

    def test_deadlines_skip_weekend_and_public_holiday(self):
        """An e-mail on Friday 16:00 is answered by Tuesday 09:00: weekend and holiday pause."""
        request = self._request(
            channel="email",
            complexity="complex",
            zone="city",
            date_request=datetime(2026, 1, 9, 16, 0),
        )
        self.assertEqual(request.deadline_response, datetime(2026, 1, 13, 9, 0))
        self.assertEqual(request.deadline_arrival, datetime(2026, 1, 13, 14, 0))
        self.assertEqual(request.deadline_appointment, datetime(2026, 1, 10, 16, 0))
        self.assertEqual(request.deadline_resolution, datetime(2026, 1, 19, 16, 0))
        self.assertEqual(request.sla_policy_id, self.env.ref("aftersales_service.sla_policy_city"))

    def test_zone_and_complexity_choose_the_promise(self):
        """Suburb arrival is 7 working hours, system customers 12 clock hours, simple 2 h remote."""
        start = datetime(2026, 1, 13, 8, 0)
        suburb = self._request(complexity="complex", zone="suburb", date_request=start)
        system = self._request(complexity="complex", zone="system", date_request=start)
        simple = self._request(complexity="simple", zone="city", date_request=start)
        self.assertEqual(suburb.deadline_arrival, datetime(2026, 1, 13, 16, 0))
        self.assertEqual(system.deadline_arrival, datetime(2026, 1, 13, 20, 0))
        self.assertEqual(simple.deadline_arrival, datetime(2026, 1, 13, 10, 0))
        self.assertEqual(simple.deadline_resolution, datetime(2026, 1, 14, 17, 0))

    def test_answer_after_deadline_is_a_breach(self):
        """A phone request answered two hours later has breached its one-hour promise."""
        with freeze_time("2026-01-13 11:00:00"):
            request = self._request(channel="phone", date_request=datetime(2026, 1, 13, 9, 0))
            request.action_assess()
            self.assertEqual(request.date_responded, datetime(2026, 1, 13, 11, 0))
            self.assertEqual(request.sla_state, "breached")
            self.assertTrue(request.is_sla_breached)

    def test_unmet_deadline_passing_is_detected_by_the_cron(self):
        """A request left untouched is found breached once a deadline has passed."""
        with freeze_time("2026-01-13 09:00:00"):
            request = self._request(channel="phone", date_request=datetime(2026, 1, 13, 9, 0))
            self.assertEqual(request.sla_state, "on_track")
        with freeze_time("2026-01-13 10:30:00"):
            self.env.ref("aftersales_service.ir_cron_aftersales_sla").method_direct_trigger()
        self.assertEqual(request.sla_state, "breached")
        self.assertTrue(request.is_sla_breached)

    def test_answer_in_time_keeps_the_request_on_track(self):
        """Answered within the hour, the request stays on track."""
        with freeze_time("2026-01-13 09:20:00"):
            request = self._request(channel="phone", date_request=datetime(2026, 1, 13, 9, 0))
            request.action_assess()
            self.assertEqual(request.sla_state, "on_track")
            self.assertFalse(request.is_sla_breached)

    def test_at_risk_request_warns_the_dispatcher_once(self):
        """At 80 % of the first-answer time the dispatcher gets one activity, not one per run."""
        with freeze_time("2026-01-13 09:00:00"):
            request = self._request(channel="phone", date_request=datetime(2026, 1, 13, 9, 0))
        sla_type = self.env.ref("aftersales_service.mail_activity_type_sla_risk")
        with freeze_time("2026-01-13 09:50:00"):
            self.env.ref("aftersales_service.ir_cron_aftersales_sla").method_direct_trigger()
            self.env.ref("aftersales_service.ir_cron_aftersales_sla").method_direct_trigger()
        self.assertEqual(request.sla_state, "at_risk")
        activities = request.activity_ids.filtered(lambda a: a.activity_type_id == sla_type)
        self.assertEqual(len(activities), 1)
        self.assertEqual(activities.user_id, self.dispatcher)

    def test_cancelled_request_is_not_breached(self):
        """A cancelled request no longer counts against the promises."""
        with freeze_time("2026-01-13 12:00:00"):
            request = self._request(channel="phone", date_request=datetime(2026, 1, 13, 9, 0))
            self.assertTrue(request.is_sla_breached)
            request.with_user(self.manager).action_cancel()
            request.flush_recordset()
        self.assertFalse(request.is_sla_breached)
        self.assertEqual(request.sla_state, "on_track")

# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from freezegun import freeze_time

from odoo import Command
from odoo.tests import tagged

from .common import AftersalesCommon


@tagged("post_install", "-at_install")
class TestPromiseWatch(AftersalesCommon):
    """Customers are told when a holiday moves a promise, and how complex work progresses."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls.env["resource.calendar"].create(
            {
                "name": "After-sales UTC (promises)",
                "tz": "UTC",
                "hours_per_day": 8,
                "attendance_ids": [(5, 0, 0)]
                + [
                    Command.create(
                        {
                            "name": f"{day} {start}",
                            "dayofweek": str(day),
                            "hour_from": start,
                            "hour_to": end,
                            "day_period": period,
                        }
                    )
                    for day in range(5)
                    for start, end, period in ((8, 12, "morning"), (13, 17, "afternoon"))
                ],
            }
        )
        cls.env.company.aftersales_calendar_id = cls.calendar
        cls.env.company.aftersales_progress_days = 2
        cls.customer.email = "cooling@example.com"
        cls.cron = cls.env.ref("aftersales_service.ir_cron_aftersales_promises")

    def _request(self, when, **vals):
        with freeze_time(when):
            return (
                self.env["aftersales.request"]
                .with_user(self.agent)
                .create(
                    {
                        "partner_id": self.customer.id,
                        "product_id": self.product.id,
                        "date_request": when,
                        **vals,
                    }
                )
            )

    def _customer_messages(self, request, text):
        return request.message_ids.filtered(
            lambda m: self.customer in m.partner_ids and text in (m.body or "")
        )

    def test_holiday_that_moves_the_promise_tells_the_customer(self):
        """A public holiday declared after the request moves its resolution date; the job
        tells the customer the new date, once."""
        request = self._request(datetime(2026, 3, 2, 9, 0), complexity="complex")
        promised = request.deadline_resolution
        self.assertTrue(promised)
        with freeze_time("2026-03-03 09:00:00"):
            self.env["resource.calendar.leaves"].create(
                {
                    "name": "Public holiday",
                    "calendar_id": self.calendar.id,
                    "date_from": datetime(2026, 3, 4, 0, 0),
                    "date_to": datetime(2026, 3, 4, 23, 59, 59),
                }
            )
            self.assertEqual(request.deadline_resolution_told, promised)
            self.cron.method_direct_trigger()
            self.assertGreater(request.deadline_resolution, promised)
            told = self._customer_messages(request, "public holiday")
            self.assertEqual(len(told), 1)
            self.assertIn(request._aftersales_customer_date(request.deadline_resolution), told.body)
            self.assertIn(request._aftersales_customer_date(promised), told.body)
            self.cron.method_direct_trigger()
            self.assertEqual(len(self._customer_messages(request, "public holiday")), 1)

    def test_complex_request_sends_progress_every_two_working_days(self):
        """An open complex request sends a progress message 2 working days after the request,
        then 2 working days after the last one; a simple one sends none."""
        complex_request = self._request(datetime(2026, 3, 2, 9, 0), complexity="complex")
        simple = self._request(datetime(2026, 3, 2, 9, 0), complexity="simple")
        (complex_request | simple).action_assess()
        with freeze_time("2026-03-04 08:30:00"):
            self.cron.method_direct_trigger()
            self.assertFalse(self._customer_messages(complex_request, "Progress of your"))
        with freeze_time("2026-03-04 09:30:00"):
            self.cron.method_direct_trigger()
            self.cron.method_direct_trigger()
            self.assertEqual(len(self._customer_messages(complex_request, "Progress of your")), 1)
        with freeze_time("2026-03-06 10:00:00"):
            self.cron.method_direct_trigger()
            self.assertEqual(len(self._customer_messages(complex_request, "Progress of your")), 2)
        self.assertFalse(self._customer_messages(simple, "Progress of your"))

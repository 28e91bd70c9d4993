# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from odoo.addons.base.tests.common import new_test_user

from .common import AftersalesCommon
from .screen_common import ScreenClient


@tagged("post_install", "-at_install")
class TestCareLevel(AftersalesCommon):
    """VIP care: own SLA promises and priority, dedicated contact, free checks, greetings."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dispatcher = new_test_user(
            cls.env, login="as_dispatcher_vip", groups="aftersales_service.group_aftersales_user"
        )
        cls.contact_user = new_test_user(
            cls.env, login="as_vip_contact", groups="aftersales_service.group_aftersales_user"
        )
        cls.level = (
            cls.env["aftersales.care.level"]
            .with_user(cls.manager)
            .create(
                {
                    "name": "VIP Platinum",
                    "priority": "2",
                    "check_interval_months": 3,
                    "greet_birthday": True,
                    "greet_anniversary": True,
                    "greeting_ids": [
                        Command.create({"name": "the Spring Festival", "month": "2", "day": 10})
                    ],
                    "sla_policy_ids": [
                        Command.create(
                            {
                                "name": "VIP: answer in 15 minutes",
                                "response_time": 0.25,
                                "response_unit": "hours",
                            }
                        )
                    ],
                }
            )
        )
        cls.vip = cls.env["res.partner"].create(
            {
                "name": "Grand Lotus Hotel",
                "is_company": True,
                "email": "care@lotus.example.com",
                "aftersales_care_level_id": cls.level.id,
                "aftersales_care_user_id": cls.contact_user.id,
                "aftersales_birthday": "1970-06-15",
                "aftersales_customer_since": "2020-09-01",
            }
        )

    def _request(self, partner, **vals):
        return (
            self.env["aftersales.request"]
            .with_user(self.agent)
            .create({"partner_id": partner.id, "date_request": "2026-03-02 09:00:00", **vals})
        )

    def test_vip_request_takes_the_level_promise_priority_and_contact(self):
        """A VIP customer's request gets the level's SLA policy, its priority and contact."""
        vip_request = self._request(self.vip)
        plain = self._request(self.customer)
        self.assertEqual(vip_request.care_level_id, self.level)
        self.assertTrue(vip_request.is_vip)
        self.assertEqual(vip_request.priority, "2")
        self.assertEqual(vip_request.care_user_id, self.contact_user)
        self.assertEqual(vip_request.sla_policy_id, self.level.sla_policy_ids)
        self.assertEqual(vip_request.deadline_response, datetime(2026, 3, 2, 9, 15))
        self.assertEqual(plain.priority, "0")
        self.assertFalse(plain.is_vip)
        self.assertNotEqual(plain.sla_policy_id, self.level.sla_policy_ids)
        self.assertGreater(plain.deadline_response, vip_request.deadline_response)

    def test_level_change_leaves_recorded_requests_alone(self):
        """Changing a customer's level later does not move the promises already made."""
        vip_request = self._request(self.vip)
        deadline = vip_request.deadline_response
        self.vip.aftersales_care_level_id = False
        self.assertEqual(vip_request.care_level_id, self.level)
        self.assertEqual(vip_request.deadline_response, deadline)

    def test_dispatcher_sees_vip_requests_first(self):
        """The dispatcher's request list shows the VIP request above older urgent ones."""
        urgent = self._request(self.customer, priority="2", date_request="2026-03-03 08:00:00")
        vip_request = self._request(self.vip, date_request="2026-03-01 08:00:00")
        client = ScreenClient(self.env, self.dispatcher)
        ids = [row["id"] for row in client.list("aftersales.request")]
        self.assertLess(ids.index(vip_request.id), ids.index(urgent.id))
        vip_only = [row["id"] for row in client.list("aftersales.request", [("is_vip", "=", True)])]
        self.assertIn(vip_request.id, vip_only)
        self.assertNotIn(urgent.id, vip_only)

    def test_only_the_manager_defines_care_levels(self):
        """Agents read care levels; creating or changing one is the manager's."""
        self.assertTrue(self.level.with_user(self.agent).read(["name"]))
        with self.assertRaises(AccessError):
            self.env["aftersales.care.level"].with_user(self.agent).create({"name": "Silver"})
        with self.assertRaises(AccessError):
            self.level.with_user(self.dispatcher).write({"priority": "0"})

    def test_cron_schedules_free_checks_once_per_interval(self):
        """The cron plans the first check an interval ahead, then makes it as a request."""
        cron = self.env.ref("aftersales_service.ir_cron_aftersales_care_checks")
        requests = self.env["aftersales.request"]
        domain = [("partner_id", "=", self.vip.id), ("is_care_check", "=", True)]
        with freeze_time("2026-01-10"):
            cron.method_direct_trigger()
        self.assertEqual(self.vip.aftersales_date_next_check, date(2026, 4, 10))
        self.assertFalse(requests.search(domain))
        with freeze_time("2026-04-10"):
            cron.method_direct_trigger()
            cron.method_direct_trigger()
        check = requests.search(domain)
        self.assertEqual(len(check), 1)
        self.assertEqual(check.request_type, "maintenance")
        self.assertEqual(check.user_id, self.contact_user)
        self.assertEqual(check.priority, "2")
        self.assertEqual(self.vip.aftersales_date_next_check, date(2026, 7, 10))

    def _greetings(self):
        return self.env["mail.mail"].search(
            [("recipient_ids", "in", self.vip.ids), ("subject", "ilike", "Best wishes")]
        )

    def test_greetings_go_out_on_the_chosen_dates_once(self):
        """Birthday, anniversary and the level's dates each send one greeting that day."""
        cron = self.env.ref("aftersales_service.ir_cron_aftersales_care_greetings")
        for day, occasion in (
            ("2026-06-15", "your birthday"),
            ("2026-09-01", "the anniversary of our partnership"),
            ("2026-02-10", "the Spring Festival"),
        ):
            with freeze_time(day):
                before = self._greetings()
                cron.method_direct_trigger()
                cron.method_direct_trigger()
                sent = self._greetings() - before
            self.assertEqual(len(sent), 1, day)
            self.assertIn(occasion, sent.body_html)
        with freeze_time("2026-03-03"):
            before = self._greetings()
            cron.method_direct_trigger()
            self.assertFalse(self._greetings() - before)

    def test_greeting_date_must_exist(self):
        """A greeting on a day the month does not have is refused with a sentence."""
        with self.assertRaisesRegex(ValidationError, "falls on a day the month does not have"):
            self.env["aftersales.care.greeting"].create(
                {"care_level_id": self.level.id, "name": "Nowhere", "month": "4", "day": 31}
            )

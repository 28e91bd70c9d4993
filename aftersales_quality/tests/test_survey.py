# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo import fields
from odoo.tests import HttpCase, tagged

from .common import QualityCommon


@tagged("post_install", "-at_install")
class TestSurveyPortal(HttpCase, QualityCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_customer = cls.env["res.partner"].create({"name": "Busan Fresh Foods"})
        cls.request = cls._done_request()
        cls.other_request = cls._done_request(partner=cls.other_customer)
        cls.survey = cls.request.survey_ids
        cls.other_survey = cls.other_request.survey_ids

    def _answer(self, survey, grades, comment="Thanks"):
        self.authenticate(None, None)
        url = f"/aftersales/survey/{survey.id}/{survey.access_token}"
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200)
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        names = ("grade_attitude", "grade_skill", "grade_punctuality", "grade_promise")
        data = dict(zip(names, grades, strict=True), csrf_token=csrf, comment=comment)
        response = self.url_open(f"{url}/submit", data=data)
        self.assertEqual(response.status_code, 200)
        self.env.invalidate_all()
        return response

    def test_done_request_queues_its_survey(self):
        """Completing a request queues its survey; the queue creates it once."""
        request = self.env["aftersales.request"].create(
            {"partner_id": self.customer.id, "technician_id": self.technician.id}
        )
        request.action_assess()
        request.action_schedule()
        request.action_start()
        request.action_done()
        self.assertTrue(request.is_survey_pending)
        self.assertFalse(request.survey_ids)
        self.env.ref("aftersales_quality.ir_cron_survey_pending").method_direct_trigger()
        self.assertFalse(request.is_survey_pending)
        self.assertEqual(len(request.survey_ids), 1)
        self.env.ref("aftersales_quality.ir_cron_survey_pending").method_direct_trigger()
        self.assertEqual(len(request.survey_ids), 1)

    def test_done_request_sends_a_survey_link(self):
        """Every done request gets one survey for its customer and technician, mailed with
        its token link."""
        self.assertEqual(len(self.survey), 1)
        self.assertEqual(self.survey.partner_id, self.customer)
        self.assertEqual(self.survey.technician_id, self.technician)
        self.assertEqual(self.survey.state, "sent")
        mail = self.survey.message_ids.filtered(
            lambda m: self.survey.access_token in (m.body or "")
        )
        self.assertEqual(mail.partner_ids, self.customer)

    def test_answer_without_login_updates_technician_kpi(self):
        """A customer answers through the token URL without logging in; the score and band
        are stored and the technician's KPI of the month counts the survey."""
        response = self._answer(self.survey, ["4", "4", "4", "3"])
        self.assertIn("Thank you", response.text)
        self.assertEqual(self.survey.state, "answered")
        self.assertEqual(self.survey.score, 95)
        self.assertEqual(self.survey.band, "very_satisfied")
        self.assertEqual(self.survey.comment, "Thanks")
        today = fields.Date.today()
        kpi = self.env["aftersales.technician.kpi"].search(
            [("employee_id", "=", self.technician.id), ("date_month", "=", today.replace(day=1))]
        )
        self.assertEqual(kpi.survey_count, 1)
        self.assertEqual(kpi.satisfaction_avg, 95.0)
        self.assertEqual(kpi.requests_done, 2)
        action = kpi.action_view_surveys()
        self.assertEqual(self.env["aftersales.survey"].search(action["domain"]), self.survey)

    def test_dissatisfied_answer_opens_follow_up_activity(self):
        """A dissatisfied answer puts the survey in follow-up and gives the request's owner an
        activity on the request."""

        def follow_ups():
            return self.request.activity_ids.filtered(
                lambda a: a.summary == "Dissatisfied customer: follow up"
            )

        self.assertFalse(follow_ups())
        self._answer(self.survey, ["1", "2", "1", "2"])
        self.assertEqual(self.survey.band, "dissatisfied")
        self.assertEqual(self.survey.state, "follow_up")
        activity = follow_ups()
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.request.user_id)
        self.survey.action_follow_up_done()
        self.assertEqual(self.survey.state, "done")

    def test_token_cannot_open_another_customers_survey(self):
        """The token of one survey does not open another survey, and a wrong token is 404."""
        self.authenticate(None, None)
        crossed = self.url_open(
            f"/aftersales/survey/{self.other_survey.id}/{self.survey.access_token}"
        )
        self.assertEqual(crossed.status_code, 404)
        wrong = self.url_open(f"/aftersales/survey/{self.survey.id}/not-the-token")
        self.assertEqual(wrong.status_code, 404)
        self.assertNotIn(self.other_customer.name, crossed.text)

    def test_survey_is_answered_once(self):
        """A second answer through the same link is refused politely."""
        self._answer(self.survey, ["4", "4", "4", "4"])
        page = self.url_open(f"/aftersales/survey/{self.survey.id}/{self.survey.access_token}")
        self.assertIn("already been answered", page.text)
        self.assertNotIn('name="grade_attitude"', page.text)
        self.assertEqual(self.survey.score, 100)

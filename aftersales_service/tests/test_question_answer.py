# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import AftersalesCommon


@tagged("post_install", "-at_install")
class TestQuestionAnswer(AftersalesCommon):
    """Usage and policy questions: the agent answers on the phone and closes them."""

    def _question(self, request_type="usage", **vals):
        return (
            self.env["aftersales.request"]
            .with_user(self.agent)
            .create(
                {
                    "partner_id": self.customer.id,
                    "product_id": self.product.id,
                    "request_type": request_type,
                    "channel": "phone",
                    **vals,
                }
            )
        )

    def test_agent_answers_a_usage_question_and_closes_it(self):
        """The agent writes the answer and presses Answer & Close: the answer is in the
        chatter, the SLA first answer is met, the question is closed without a technician
        and without a callback, and it never lands in the breach lists."""
        with freeze_time("2026-03-02 09:00:00"):
            question = self._question(description="<p>How do I clean the filter?</p>")
        with freeze_time("2026-03-02 09:20:00"):
            question.answer = "<p>Open the front panel, slide the filter out, rinse it.</p>"
            question.action_answer_close()
        self.assertEqual(question.state, "closed")
        self.assertFalse(question.technician_id)
        self.assertFalse(question.date_callback)
        self.assertEqual(question.date_responded, datetime(2026, 3, 2, 9, 20))
        self.assertEqual(question.date_done, datetime(2026, 3, 2, 9, 20))
        self.assertLessEqual(question.date_responded, question.deadline_response)
        self.assertTrue(
            any("slide the filter out" in (m.body or "") for m in question.message_ids),
            "the answer is logged in the chatter",
        )
        with freeze_time("2026-04-30 09:00:00"):
            self.env.ref("aftersales_service.ir_cron_aftersales_sla").method_direct_trigger()
            breached = self.env["aftersales.request"].search([("is_sla_breached", "=", True)])
        self.assertNotIn(question, breached)
        self.assertEqual(question.sla_state, "on_track")

    def test_policy_question_already_assessed_is_answered_too(self):
        """A policy question the dispatcher assessed is answered and closed the same way;
        assessing already counted as the first answer, which is kept."""
        question = self._question("policy")
        question.action_assess()
        first_answer = question.date_responded
        question.answer = "<p>Five years on the compressor, one year on the rest.</p>"
        question.action_answer_close()
        self.assertEqual(question.state, "closed")
        self.assertEqual(question.date_responded, first_answer)

    def test_answer_and_close_refusals(self):
        """No answer written, a repair request, or a question already closed: refused."""
        question = self._question()
        with self.assertRaisesRegex(UserError, "Write the answer"):
            question.action_answer_close()
        repair = self._question("repair", answer="<p>Restart it.</p>")
        with self.assertRaisesRegex(UserError, "not a usage or policy question"):
            repair.action_answer_close()
        question.answer = "<p>Use the eco mode.</p>"
        question.action_answer_close()
        with self.assertRaisesRegex(UserError, "only a new or assessed question"):
            question.action_answer_close()

    def test_answered_question_needs_no_callback_to_close(self):
        """A question that went the long way to Done closes without a callback; a repair
        still needs its callback."""
        question = self._question(technician_id=self.technician.id)
        repair = self._question("repair", technician_id=self.technician.id)
        for request in question | repair:
            request.action_assess()
            request.action_schedule()
            request.action_start()
            request.action_done()
        question.with_user(self.manager).action_close()
        self.assertEqual(question.state, "closed")
        with self.assertRaisesRegex(UserError, "Call the customer back"):
            repair.with_user(self.manager).action_close()

    def test_agent_sees_answer_and_button_on_the_form(self):
        """The agent's form shows the answer field and the Answer & Close button."""
        Request = self.env["aftersales.request"].with_user(self.agent)
        arch = Request.get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn('name="action_answer_close"', arch)
        self.assertIn('name="answer"', arch)
        question = self._question(answer="<p>Yes.</p>")
        data = Request.browse(question.id).web_read({"answer": {}, "request_type": {}})
        self.assertEqual(data[0]["request_type"], "usage")

# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import errors

from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError
from odoo.service.model import PG_CONCURRENCY_EXCEPTIONS_TO_RETRY
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.aftersales_service.tests.concurrency_common import ConcurrencyCase

POOR = {
    "grade_attitude": "1",
    "grade_skill": "1",
    "grade_punctuality": "1",
    "grade_promise": "1",
    "comment": "Nobody came.",
}


@tagged("post_install", "-at_install")
class TestSurveyConcurrency(ConcurrencyCase):
    """A customer submitting the survey form twice at once (double click, two tabs)."""

    @mute_logger("odoo.sql_db")
    def test_double_submission_records_one_answer_and_one_follow_up(self):
        """The second submission waits for the first (row lock) and fails with a concurrency
        error Odoo's retry replays; the replay is refused; one answer, one follow-up."""
        env = self.committed_env()
        partner = self.remember(env["res.partner"].create({"name": f"Cc survey {self.tag}"}))
        survey = self.remember(env["aftersales.survey"].create({"partner_id": partner.id}))
        env.cr.commit()  # pylint: disable=invalid-commit
        public = env.ref("base.public_user")
        # the token routes run as superuser on the survey found by its token
        env1 = api.Environment(self.session(public).cr, SUPERUSER_ID, {})
        env2 = api.Environment(self.session(public).cr, SUPERUSER_ID, {})
        env1["aftersales.survey"].browse(survey.id)._submit_answers(dict(POOR))
        with self.assertRaises(errors.LockNotAvailable) as caught:
            env2["aftersales.survey"].browse(survey.id)._submit_answers(dict(POOR))
        self.assertIsInstance(caught.exception, PG_CONCURRENCY_EXCEPTIONS_TO_RETRY)
        env1.cr.commit()  # pylint: disable=invalid-commit
        env2.cr.rollback()
        with self.assertRaisesRegex(UserError, "already been answered"):
            env2["aftersales.survey"].browse(survey.id)._submit_answers(dict(POOR))
        env2.cr.rollback()
        check = self.committed_env()
        answered = check["aftersales.survey"].browse(survey.id)
        self.assertEqual(answered.state, "follow_up")
        follow_ups = check["mail.activity"].search_count(
            [("res_model", "=", "aftersales.survey"), ("res_id", "=", survey.id)]
        )
        self.assertEqual(follow_ups, 1, "the dissatisfied answer opened two follow-ups")

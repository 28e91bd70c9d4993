# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import errors

from odoo.exceptions import UserError
from odoo.service.model import PG_CONCURRENCY_EXCEPTIONS_TO_RETRY
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.aftersales_service.tests.concurrency_common import ConcurrencyCase


@tagged("post_install", "-at_install")
class TestComplaintConcurrency(ConcurrencyCase):
    """Two agents answering the same complaint at the same moment."""

    @mute_logger("odoo.sql_db")
    def test_two_agents_resolving_send_one_reply(self):
        """The second 'Resolve' waits for the first (the complaint's row lock) and fails with
        a concurrency error Odoo's retry replays; the replay is refused: one reply."""
        env = self.committed_env()
        partner = self.remember(env["res.partner"].create({"name": f"Cc complaint {self.tag}"}))
        complaint = self.remember(
            env["aftersales.complaint"].create(
                {
                    "partner_id": partner.id,
                    "category": "quality",
                    "content": "<p>Leaks</p>",
                    "decision": "founded",
                    "reply": f"<p>We replace the seal {self.tag}.</p>",
                }
            )
        )
        complaint.action_acknowledge()
        first = self.new_user(env, "aftersales_service.group_aftersales_user")
        second = self.new_user(env, "aftersales_service.group_aftersales_user")
        env.cr.commit()  # pylint: disable=invalid-commit
        env1, env2 = self.session(first), self.session(second)
        env1["aftersales.complaint"].browse(complaint.id).action_resolve()
        with self.assertRaises(errors.LockNotAvailable) as caught:
            env2["aftersales.complaint"].browse(complaint.id).action_resolve()
        self.assertIsInstance(caught.exception, PG_CONCURRENCY_EXCEPTIONS_TO_RETRY)
        env1.cr.commit()  # pylint: disable=invalid-commit
        env2.cr.rollback()
        with self.assertRaisesRegex(UserError, "Only an acknowledged complaint can be resolved"):
            env2["aftersales.complaint"].browse(complaint.id).action_resolve()
        env2.cr.rollback()
        check = self.committed_env()
        resolved = check["aftersales.complaint"].browse(complaint.id)
        self.assertEqual(resolved.state, "resolved")
        replies = check["mail.message"].search_count(
            [
                ("model", "=", "aftersales.complaint"),
                ("res_id", "=", complaint.id),
                ("body", "ilike", f"replace the seal {self.tag}"),
            ]
        )
        self.assertEqual(replies, 1, "the customer got two replies")

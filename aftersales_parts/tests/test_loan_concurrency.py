# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import errors

from odoo.exceptions import UserError
from odoo.service.model import PG_CONCURRENCY_EXCEPTIONS_TO_RETRY
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.aftersales_service.tests.concurrency_common import ConcurrencyCase


@tagged("post_install", "-at_install")
class TestLoanConcurrency(ConcurrencyCase):
    """Two warehouse clerks lending the same loaner unit at the same moment."""

    @mute_logger("odoo.sql_db")
    def test_one_loaner_is_lent_once(self):
        """The second 'Lend' while the first runs waits for it and fails with a concurrency
        error, which Odoo's request retry replays; the replay sees the loan out and is refused."""
        env = self.committed_env()
        partner = self.remember(env["res.partner"].create({"name": f"Cc loan {self.tag}"}))
        product = env["product.product"].create(
            {"name": f"Cc loaner {self.tag}", "is_storable": True, "tracking": "serial"}
        )
        self.remember(product.product_tmpl_id)
        self.remember(product)
        lot = self.remember(
            env["stock.lot"].create({"name": f"CC-{self.tag}", "product_id": product.id})
        )
        loan = self.remember(
            env["aftersales.loan"].create(
                {"partner_id": partner.id, "product_id": product.id, "lot_id": lot.id}
            )
        )
        first = self.new_user(env, "aftersales_service.group_aftersales_user")
        second = self.new_user(env, "aftersales_service.group_aftersales_user")
        env.cr.commit()  # pylint: disable=invalid-commit
        env1, env2 = self.session(first), self.session(second)
        env1["aftersales.loan"].browse(loan.id).action_lend()
        # not turned into a UserError: odoo.service.model.retrying replays the request
        with self.assertRaises(errors.LockNotAvailable) as caught:
            env2["aftersales.loan"].browse(loan.id).action_lend()
        self.assertIsInstance(caught.exception, PG_CONCURRENCY_EXCEPTIONS_TO_RETRY)
        env1.cr.commit()  # pylint: disable=invalid-commit
        env2.cr.rollback()
        with self.assertRaisesRegex(UserError, "Only a draft loan can be lent"):
            env2["aftersales.loan"].browse(loan.id).action_lend()
        env2.cr.rollback()
        check = self.committed_env()
        lent = check["aftersales.loan"].browse(loan.id)
        self.remember(lent.picking_ids)  # the loaner transfer, removed at the end
        self.assertEqual(lent.state, "lent")
        self.assertLessEqual(len(lent.picking_ids), 1, "two transfers for one loan")
        lent_changes = check["mail.tracking.value"].search_count(
            [
                ("mail_message_id.model", "=", "aftersales.loan"),
                ("mail_message_id.res_id", "=", loan.id),
                ("field_id.name", "=", "state"),
            ]
        )
        self.assertEqual(lent_changes, 1, "the loaner unit was lent twice")

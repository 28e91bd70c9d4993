# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import errors

from odoo.exceptions import UserError
from odoo.service.model import PG_CONCURRENCY_EXCEPTIONS_TO_RETRY, retrying
from odoo.tests import tagged
from odoo.tools import mute_logger

from .concurrency_common import ConcurrencyCase


@tagged("post_install", "-at_install")
class TestRequestConcurrency(ConcurrencyCase):
    """Two agents finishing the same request at the same moment."""

    def _started_request(self):
        env = self.committed_env()
        partner = self.remember(env["res.partner"].create({"name": f"Cc {self.tag}"}))
        product = env["product.product"].create({"name": f"Cc unit {self.tag}"})
        self.remember(product.product_tmpl_id)
        self.remember(product)
        employee = env["hr.employee"].create({"name": f"Cc tech {self.tag}", "is_technician": True})
        self.remember(employee.work_contact_id)
        self.remember(employee.resource_id)
        self.remember(employee)
        self.remember(
            env["aftersales.technician.certification"].create(
                {
                    "employee_id": employee.id,
                    "product_category_id": product.categ_id.id,
                    "date_expiry": "2099-12-31",
                }
            )
        )
        request = self.remember(
            env["aftersales.request"].create(
                {
                    "partner_id": partner.id,
                    "product_id": product.id,
                    "technician_id": employee.id,
                }
            )
        )
        request.action_assess()
        request.action_schedule()
        request.action_start()
        first = self.new_user(env, "aftersales_service.group_aftersales_user")
        second = self.new_user(env, "aftersales_service.group_aftersales_user")
        env.cr.commit()  # pylint: disable=invalid-commit
        return request.id, first, second

    def _done_changes(self, env, request_id):
        return env["mail.tracking.value"].search_count(
            [
                ("mail_message_id.model", "=", "aftersales.request"),
                ("mail_message_id.res_id", "=", request_id),
                ("field_id.name", "=", "state"),
                ("new_value_char", "=", "Done"),
            ]
        )

    @mute_logger("odoo.sql_db", "odoo.service.model")
    def test_second_click_while_first_runs_waits_and_is_retried(self):
        """While one agent's 'Done' is in flight, the other's waits for it: the database's
        concurrency error reaches Odoo's retry (no error message of ours in between), and
        the retried click, once the first has finished, sees the request is done already."""
        request_id, first, second = self._started_request()
        env1, env2 = self.session(first), self.session(second)
        env1["aftersales.request"].browse(request_id).action_done()
        env1.flush_all()
        # the lock timeout of the test session stands for the wait; Odoo retries this error
        self.assertIn(errors.LockNotAvailable, PG_CONCURRENCY_EXCEPTIONS_TO_RETRY)
        with self.assertRaises(errors.LockNotAvailable):
            env2["aftersales.request"].browse(request_id).action_done()
            env2.flush_all()
        env1.cr.commit()  # pylint: disable=invalid-commit
        env2.cr.rollback()
        env2.reset()
        # what Odoo's retry does next: the same click on the request as it is now
        with self.assertRaisesRegex(UserError, "cannot be moved to Done"):
            env2["aftersales.request"].browse(request_id).action_done()
        env2.cr.rollback()
        check = self.committed_env()
        self.assertEqual(check["aftersales.request"].browse(request_id).state, "done")
        self.assertEqual(self._done_changes(check, request_id), 1, "finished twice")

    @mute_logger("odoo.sql_db", "odoo.service.model")
    def test_second_click_on_an_old_snapshot_is_retried_then_refused(self):
        """A transaction that read the request before the first one committed cannot finish
        it: its update fails with a serialization error, Odoo's request retry runs the click
        again on the committed request, which refuses it in a whole sentence."""
        request_id, first, second = self._started_request()
        env1, env2 = self.session(first), self.session(second)
        env2["aftersales.request"].browse(request_id).read(["state"])  # snapshot taken
        env1["aftersales.request"].browse(request_id).action_done()
        env1.cr.commit()  # pylint: disable=invalid-commit
        tries = []

        def click():
            tries.append(True)
            return env2["aftersales.request"].browse(request_id).action_done()

        with self.assertRaisesRegex(UserError, "cannot be moved to Done"):
            retrying(click, env2)
        self.assertEqual(len(tries), 2, "the stale click was not retried by Odoo")
        check = self.committed_env()
        self.assertEqual(check["aftersales.request"].browse(request_id).state, "done")
        self.assertEqual(self._done_changes(check, request_id), 1, "finished twice")

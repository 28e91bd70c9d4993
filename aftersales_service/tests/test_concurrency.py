# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import errors

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .concurrency_common import ConcurrencyCase

CONCURRENCY_ERRORS = (UserError, errors.SerializationFailure)


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

    @mute_logger("odoo.sql_db")
    def test_second_click_while_first_runs_gets_a_clear_error(self):
        """While one agent's 'Done' is in flight, the other's is refused, not queued or doubled."""
        request_id, first, second = self._started_request()
        env1, env2 = self.session(first), self.session(second)
        env1["aftersales.request"].browse(request_id).action_done()
        with self.assertRaisesRegex(UserError, "someone else"):
            env2["aftersales.request"].browse(request_id).action_done()
        env1.cr.commit()  # pylint: disable=invalid-commit
        env2.cr.rollback()
        # once the first has finished, the second sees the request is done already
        with self.assertRaisesRegex(UserError, "cannot be moved"):
            env2["aftersales.request"].browse(request_id).action_done()
        env2.cr.rollback()
        check = self.committed_env()
        request = check["aftersales.request"].browse(request_id)
        self.assertEqual(request.state, "done")
        done_changes = check["mail.tracking.value"].search_count(
            [
                ("mail_message_id.model", "=", "aftersales.request"),
                ("mail_message_id.res_id", "=", request_id),
                ("field_id.name", "=", "state"),
                ("new_value_char", "=", "Done"),
            ]
        )
        self.assertEqual(done_changes, 1, "the request was finished twice")

    @mute_logger("odoo.sql_db")
    def test_second_click_on_an_old_snapshot_is_refused(self):
        """A transaction that read the request before the first one committed cannot finish it."""
        request_id, first, second = self._started_request()
        env1, env2 = self.session(first), self.session(second)
        env2["aftersales.request"].browse(request_id).read(["state"])  # snapshot taken
        env1["aftersales.request"].browse(request_id).action_done()
        env1.cr.commit()  # pylint: disable=invalid-commit
        refused = None
        try:
            env2["aftersales.request"].browse(request_id).action_done()
        except CONCURRENCY_ERRORS as error:
            refused = error
        env2.cr.rollback()
        self.assertIsNotNone(refused, "the request was finished on a stale snapshot")

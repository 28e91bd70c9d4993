# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Two real transactions on one document: what two users (or workers) clicking at once do.

The data lives in committed transactions (a test transaction is invisible to a second
cursor), so every test removes what it committed when it ends.
"""

import uuid
from contextlib import ExitStack

from odoo import SUPERUSER_ID, api
from odoo.tests import TransactionCase
from odoo.tools import SQL

from odoo.addons.base.tests.common import new_test_user


class ConcurrencyCase(TransactionCase):
    """Helpers to commit setup data, open two user sessions and clean everything up."""

    # how long the second transaction waits for a row lock before it fails with the
    # LockNotAvailable Odoo's request retry handles; a test drives both transactions from
    # one thread, so the second would otherwise wait for the first one forever
    lock_timeout = "3s"

    def setUp(self):
        super().setUp()
        self._committed = []  # (model, ids) to delete at the end, in reverse order
        self._stack = ExitStack()
        self.addCleanup(self._cleanup)
        self.tag = uuid.uuid4().hex[:8]

    def committed_env(self):
        """A superuser environment on a fresh cursor; commit with ``env.cr.commit()``."""
        cr = self._stack.enter_context(self.registry.cursor())
        return api.Environment(cr, SUPERUSER_ID, {})

    def remember(self, records):
        self._committed.append((records._name, records.ids))
        return records

    def new_user(self, env, role_groups):
        user = new_test_user(
            env, login=f"trust_cc_{self.tag}_{len(self._committed)}", groups=role_groups
        )
        self.remember(user.partner_id)
        return self.remember(user)

    def session(self, user):
        """A new transaction acting as ``user``, waiting at most ``lock_timeout`` for a lock."""
        cr = self._stack.enter_context(self.registry.cursor())
        cr.execute(SQL("SET lock_timeout = %s", self.lock_timeout))
        # a SET in a transaction that is rolled back would be undone
        cr.commit()  # pylint: disable=invalid-commit
        return api.Environment(cr, user.id, {})

    def _cleanup(self):
        self._stack.close()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            for model, ids in reversed(self._committed):
                table = env[model]._table
                cr.execute(
                    "DELETE FROM mail_message WHERE model = %s AND res_id = ANY(%s)",
                    [model, ids],
                )
                cr.execute(
                    "DELETE FROM mail_activity WHERE res_model = %s AND res_id = ANY(%s)",
                    [model, ids],
                )
                cr.execute(
                    "DELETE FROM mail_followers WHERE res_model = %s AND res_id = ANY(%s)",
                    [model, ids],
                )
                if model == "res.partner":
                    cr.execute("DELETE FROM mail_message WHERE author_id = ANY(%s)", [ids])
                if model == "stock.picking":
                    cr.execute("DELETE FROM stock_move_line WHERE picking_id = ANY(%s)", [ids])
                    cr.execute("DELETE FROM stock_move WHERE picking_id = ANY(%s)", [ids])
                if model in ("stock.lot", "product.product"):
                    column = "lot_id" if model == "stock.lot" else "product_id"
                    for stock_table in ("stock_move_line", "stock_quant"):
                        cr.execute(
                            SQL(
                                "DELETE FROM %s WHERE %s = ANY(%s)",
                                SQL.identifier(stock_table),
                                SQL.identifier(column),
                                ids,
                            )
                        )
                cr.execute(SQL("DELETE FROM %s WHERE id = ANY(%s)", SQL.identifier(table), ids))
            env.registry.clear_cache()

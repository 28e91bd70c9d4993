# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import errors

from odoo import SUPERUSER_ID, api
from odoo.tests import tagged
from odoo.tools import SQL, mute_logger

from .concurrency_common import ConcurrencyCase

ADDONS = ("aftersales_service", "aftersales_parts", "aftersales_quality")
# what a cron must never produce twice
EFFECT_MODELS = ("mail.mail", "mail.message", "mail.activity", "mail.notification")


@tagged("post_install", "-at_install")
class TestCronSafety(ConcurrencyCase):
    """Each of our scheduled jobs, run twice or by two workers at once, acts once."""

    def _crons(self, env):
        data = env["ir.model.data"].search([("module", "in", ADDONS), ("model", "=", "ir.cron")])
        return env["ir.cron"].browse(data.mapped("res_id")).exists()

    def _tracked_models(self, env):
        return list(EFFECT_MODELS) + sorted(
            name
            for name, model in env.registry.items()
            if name.startswith("aftersales.") and not model._transient and not model._abstract
        )

    def _counts(self, env):
        env.flush_all()
        counts = {}
        for name in self._tracked_models(env):
            env.cr.execute(SQL("SELECT count(*) FROM %s", SQL.identifier(env[name]._table)))
            counts[name] = env.cr.fetchone()[0]
        return counts

    def _run(self, env, cron_id):
        cron = env["ir.cron"].browse(cron_id)
        cron.with_user(cron.user_id).with_context(lastcall=cron.lastcall).ir_actions_server_id.run()
        env.flush_all()

    def test_each_cron_run_twice_acts_once(self):
        """A second run right after the first sends no mail, schedules no activity, adds no row."""
        crons = self._crons(self.env)
        for cron in crons:
            with self.subTest(cron=cron.name):
                self._run(self.env, cron.id)
                before = self._counts(self.env)
                self._run(self.env, cron.id)
                after = self._counts(self.env)
                grown = {k: after[k] - before[k] for k in after if after[k] != before[k]}
                self.assertFalse(grown, f"{cron.name} acted again on its second run")

    @mute_logger("odoo.sql_db")
    def test_each_cron_in_two_workers_acts_once(self):
        """Two workers running a job at once: the second skips what the first holds (or fails
        and rolls back); it never produces the same mail, activity or row a second time."""
        env = self.committed_env()
        cron_ids = self._crons(env).ids
        root = env.ref("base.user_root")
        env1 = api.Environment(self.session(root).cr, SUPERUSER_ID, {})
        env2 = api.Environment(self.session(root).cr, SUPERUSER_ID, {})
        for cron_id in cron_ids:
            with self.subTest(cron=env["ir.cron"].browse(cron_id).name):
                try:
                    start1, start2 = self._counts(env1), self._counts(env2)
                    self._run(env1, cron_id)
                    try:
                        self._run(env2, cron_id)
                    except (errors.LockNotAvailable, errors.SerializationFailure):
                        continue  # the second worker stopped and rolls back: no effect
                    end2 = self._counts(env2)
                    grown = {k: end2[k] - start2[k] for k in end2 if end2[k] != start2[k]}
                    end1 = self._counts(env1)
                    first = {k: end1[k] - start1[k] for k in end1 if end1[k] != start1[k]}
                    doubled = {k: v for k, v in grown.items() if k in first}
                    self.assertFalse(doubled, "the second worker repeated the first one's work")
                finally:
                    # nothing of this test is kept: the workers' transactions are rolled back
                    env1.cr.rollback()
                    env2.cr.rollback()

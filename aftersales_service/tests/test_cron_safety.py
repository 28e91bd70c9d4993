# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from freezegun import freeze_time

from odoo import SUPERUSER_ID, api, fields
from odoo.exceptions import UserError
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
        """Run the job the way the scheduler's "Run Manually" does, under ``ir.cron``'s lock."""
        env["ir.cron"].browse(cron_id).method_direct_trigger()
        env.flush_all()

    def _bait(self):
        """Documents the jobs have to act on: a contract near its end, an overdue loaner,
        a finished request waiting for its survey."""
        env = self.env
        today = fields.Date.today()
        partner = env["res.partner"].create({"name": "Cron Bait Co.", "email": "bait@example.com"})
        product = env["product.product"].create({"name": "Bait unit", "is_storable": True})
        contract = env["aftersales.contract"].create(
            {
                "partner_id": partner.id,
                "product_ids": [(4, product.id)],
                "date_start": today - timedelta(days=300),
                "date_end": today + timedelta(days=10),
            }
        )
        contract.action_activate()
        if "aftersales.loan" in env:
            loaner = env["product.product"].create(
                {"name": "Bait loaner", "is_storable": True, "tracking": "serial"}
            )
            lot = env["stock.lot"].create({"name": "BAIT-LOANER", "product_id": loaner.id})
            with freeze_time(today - timedelta(days=10)):
                loan = env["aftersales.loan"].create(
                    {
                        "partner_id": partner.id,
                        "product_id": loaner.id,
                        "lot_id": lot.id,
                        "date_expected_return": today - timedelta(days=5),
                    }
                )
                loan.action_lend()
        request = env["aftersales.request"].create(
            {"partner_id": partner.id, "product_id": product.id}
        )
        if "is_survey_pending" in request._fields:
            request.write({"is_survey_pending": True})

    def test_each_cron_run_twice_acts_once(self):
        """A second run right after the first sends no mail, schedules no activity, adds no row."""
        self._bait()
        crons = self._crons(self.env)
        self.assertTrue(crons)
        acted = 0
        for cron in crons:
            with self.subTest(cron=cron.name):
                start = self._counts(self.env)
                self._run(self.env, cron.id)
                before = self._counts(self.env)
                acted += sum(before[k] - start[k] for k in before)
                self._run(self.env, cron.id)
                after = self._counts(self.env)
                grown = {k: after[k] - before[k] for k in after if after[k] != before[k]}
                self.assertFalse(grown, f"{cron.name} acted again on its second run")
        self.assertGreater(acted, 0, "no job found anything to do: the check would prove nothing")

    @mute_logger("odoo.sql_db", "odoo.addons.base.models.ir_cron")
    def test_each_cron_in_two_workers_acts_once(self):
        """Two workers running a job at once: ``ir.cron``'s job lock lets only the first one
        run it; the second is told the job is running and produces nothing."""
        env = self.committed_env()
        cron_ids = self._crons(env).ids
        root = env.ref("base.user_root")
        env1 = api.Environment(self.session(root).cr, SUPERUSER_ID, {})
        env2 = api.Environment(self.session(root).cr, SUPERUSER_ID, {})
        for cron_id in cron_ids:
            with self.subTest(cron=env["ir.cron"].browse(cron_id).name):
                try:
                    start2 = self._counts(env2)
                    env2.cr.commit()  # pylint: disable=invalid-commit
                    self._run(env1, cron_id)
                    with self.assertRaisesRegex(UserError, "currently being executed"):
                        self._run(env2, cron_id)
                    env2.reset()
                    self.assertEqual(self._counts(env2), start2, "the second worker acted")
                finally:
                    # nothing of this test is kept: the workers' transactions are rolled back
                    env1.cr.rollback()
                    env2.cr.rollback()

# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import QualityCommon


@tagged("post_install", "-at_install")
class TestAppraisal(QualityCommon):
    """The monthly sheet proposes rewards and penalties by the settings' rule, the manager
    decides, a technician under target gets coaching, and the sheet prints."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.good_tech = cls.env["hr.employee"].create({"name": "Park Ji-woo"})
        cls._certify(cls.good_tech)
        with freeze_time("2026-03-10 09:00:00"):
            # requested weeks ago: every SLA promise of the first technician's job is broken
            cls._done_request(date_request=datetime(2026, 2, 2, 9, 0))
            cls._done_request(technician=cls.good_tech)
        with freeze_time("2026-03-10 12:00:00"):
            cls.env["aftersales.request"].search(
                [("technician_id", "in", (cls.technician | cls.good_tech).ids)]
            ).action_log_callback()
        cls.kpis = cls.env["aftersales.technician.kpi"]._compute_month(2026, 3)
        cls.weak = cls.kpis.filtered(lambda k: k.employee_id == cls.technician)
        cls.good = cls.kpis.filtered(lambda k: k.employee_id == cls.good_tech)

    def test_rule_proposes_penalty_for_misses_and_reward_for_targets_met(self):
        """A missed SLA costs the penalty per miss; a clean month earns a reward within the
        technicians' range, both read from the settings."""
        company = self.env.company
        self.assertFalse(self.weak.is_sla_ok)
        missed = len(self.weak._appraisal_missed())
        self.assertGreaterEqual(missed, 1)
        self.assertEqual(
            self.weak.penalty_proposed, company.aftersales_appraisal_penalty_per_miss * missed
        )
        self.assertEqual(self.weak.reward_proposed, 0)
        self.assertIn("SLA compliance", self.weak.missed_figures)
        self.assertFalse(self.good._appraisal_missed())
        self.assertEqual(self.good.penalty_proposed, 0)
        self.assertGreaterEqual(self.good.reward_proposed, company.aftersales_appraisal_bonus_min)
        self.assertLessEqual(self.good.reward_proposed, company.aftersales_appraisal_bonus_max)
        company.aftersales_appraisal_penalty_max = 10
        self.weak.invalidate_recordset()
        self.assertEqual(self.weak.penalty_proposed, 10)

    def test_service_staff_bonus_range_applies_to_non_technicians(self):
        """An employee who is not a technician is proposed the service staff's range."""
        company = self.env.company
        company.aftersales_appraisal_staff_bonus_max = company.aftersales_appraisal_staff_bonus_min
        self.good_tech.is_technician = False
        self.good.invalidate_recordset()
        self.assertEqual(self.good.reward_proposed, company.aftersales_appraisal_staff_bonus_min)

    def test_manager_decides_and_the_technician_gets_coaching(self):
        """The manager records reward and penalty with a reason; the technician under target
        gets one coaching activity listing the figures that missed."""
        action = self.weak.with_user(self.manager).action_decide()
        wizard = Form(
            self.env[action["res_model"]].with_user(self.manager).with_context(**action["context"])
        )
        self.assertEqual(wizard.penalty_amount, self.weak.penalty_proposed)
        wizard.penalty_amount = 30
        wizard.note = "SLA missed twice; coaching on planning."
        wizard.save().action_confirm()
        self.assertEqual(self.weak.state, "decided")
        self.assertEqual(self.weak.penalty_amount, 30)
        self.assertEqual(self.weak.decided_by_id, self.manager)
        coaching = self.weak.activity_ids.filtered(
            lambda a: (
                a.activity_type_id
                == self.env.ref("aftersales_quality.mail_activity_type_kpi_coaching")
            )
        )
        self.assertEqual(len(coaching), 1)
        self.assertEqual(coaching.user_id, self.tech_user)
        self.assertIn("SLA compliance", coaching.note)
        # the technician reads his own sheet with the decision and the activity
        self.assertEqual(self.weak.with_user(self.tech_user).penalty_amount, 30)
        with self.assertRaisesRegex(UserError, "already decided"):
            self.weak.with_user(self.manager)._aftersales_decide(0, 0, "Again")
        # a decided sheet keeps its figures when the month is computed again
        requests_done = self.weak.requests_done
        with freeze_time("2026-03-20 09:00:00"):
            self._done_request()
        self.env["aftersales.technician.kpi"]._compute_month(2026, 3)
        self.assertEqual(self.weak.requests_done, requests_done)

    def test_only_the_manager_decides(self):
        """The technician and an agent cannot decide, nor write the decision directly."""
        for user in (self.tech_user, self.agent):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.weak.with_user(user).action_decide()
        with self.assertRaisesRegex(UserError, "only through Decide"):
            self.weak.with_user(self.manager).write({"reward_amount": 500})

    def test_closing_month_schedules_coaching_once(self):
        """The nightly KPI job, once the month is over, gives coaching to the technicians
        under target, once."""
        cron = self.env.ref("aftersales_quality.ir_cron_technician_kpi")
        coaching = self.env.ref("aftersales_quality.mail_activity_type_kpi_coaching")
        with freeze_time("2026-04-02 03:00:00"):
            cron.method_direct_trigger()
            cron.method_direct_trigger()
        weak_coaching = self.weak.activity_ids.filtered(lambda a: a.activity_type_id == coaching)
        self.assertEqual(len(weak_coaching), 1)
        self.assertFalse(self.good.activity_ids.filtered(lambda a: a.activity_type_id == coaching))

    def test_sheet_prints_with_the_appraisal(self):
        """The appraisal sheet renders with the proposal and the decision."""
        self.weak.with_user(self.manager)._aftersales_decide(0, 40, "Coaching on SLA")
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("aftersales_quality.report_technician_kpi", self.weak.ids)[0]
            .decode()
        )
        self.assertIn("Coaching on SLA", html)
        self.assertIn("SLA compliance", html)
        report = self.env["ir.actions.report"]
        if report.get_wkhtmltopdf_state() != "ok":
            self.skipTest("wkhtmltopdf is not available")
        # wkhtmltopdf built on unpatched Qt warns about header options it ignores
        with mute_logger("odoo.addons.base.models.ir_actions_report"):
            pdf, kind = report.with_context(force_report_rendering=True)._render_qweb_pdf(
                "aftersales_quality.action_report_technician_kpi", self.weak.ids
            )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))

# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.aftersales_service.tests.access_matrix import ROLES
from odoo.addons.aftersales_service.tests.repair_common import SIGNATURE_PNG
from odoo.addons.base.tests.common import new_test_user

from .common import QualityCommon


@tagged("post_install", "-at_install")
class TestPartnerEvaluation(QualityCommon):
    """A service partner's month: the technicians' KPI figures counted on the requests
    dispatched to it, against the targets, and the decision that moves its state."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dispatcher = new_test_user(
            cls.env, login="pe_dispatcher", groups=",".join(ROLES["dispatcher"][1])
        )
        cls.boss = new_test_user(cls.env, login="pe_manager", groups=",".join(ROLES["manager"][1]))
        cls.partner = cls.env["res.partner"].create(
            {
                "name": "Evaluated Service Co.",
                "is_company": True,
                "aftersales_partner_state": "active",
            }
        )
        contact = cls.env["res.partner"].create({"name": "Eval Tech", "parent_id": cls.partner.id})
        cls.partner_user = new_test_user(
            cls.env, login="pe_partner", groups="base.group_portal", partner_id=contact.id
        )
        cls.env["aftersales.partner.agreement"].create(
            {
                "name": "Evaluated area",
                "partner_id": cls.partner.id,
                "date_start": "2026-01-01",
                "date_end": "2099-12-31",
                "product_category_ids": [Command.set(cls.product.categ_id.ids)],
            }
        )
        cls.env.company.aftersales_partner_complaint_limit = 1
        with freeze_time("2026-03-10 09:00:00"):
            cls.p1 = cls._partner_done()
            cls.p2 = cls._partner_done(revisit_count=1)
            # requested weeks ago: the SLA promises are broken when it is done
            cls.p3 = cls._partner_done(date_request=datetime(2026, 2, 2, 9, 0))
            cls.in_house = cls._done_request()
        with freeze_time("2026-03-12 09:00:00"):
            grades = {
                f"grade_{name}": "4" for name in ("attitude", "skill", "punctuality", "promise")
            }
            cls.p1.survey_ids._submit_answers(grades)
            cls.env["aftersales.complaint"].create(
                [
                    {
                        "partner_id": cls.customer.id,
                        "request_id": cls.p3.id,
                        "category": "staff",
                        "content": f"<p>Late {n}</p>",
                        "decision": "founded",
                    }
                    for n in range(2)
                ]
            )
        cls.evaluation = cls.env["aftersales.partner.evaluation"]._compute_month(2026, 3)

    @classmethod
    def _partner_done(cls, **vals):
        request = cls.env["aftersales.request"].create(
            {"partner_id": cls.customer.id, "product_id": cls.product.id, **vals}
        )
        request.with_user(cls.dispatcher).service_partner_id = cls.partner
        work = request.with_user(cls.partner_user).sudo()
        work._aftersales_partner_accept()
        work._aftersales_partner_schedule(datetime(2026, 3, 10, 10, 0))
        work._aftersales_partner_start()
        work._aftersales_partner_log_work(1.0, "C", "Repaired")
        work._aftersales_partner_done("Customer", SIGNATURE_PNG)
        cls.env["aftersales.survey"]._cron_send_pending()
        return request

    def test_figures_are_the_technician_kpis_on_the_dispatched_requests(self):
        evaluation = self.evaluation
        self.assertEqual(evaluation.partner_id, self.partner)
        self.assertEqual(evaluation.date_month, date(2026, 3, 1))
        # the in-house technician's request is not the partner's
        self.assertEqual(evaluation.requests_done, 3)
        self.assertEqual(evaluation.first_fix_count, 2)
        self.assertEqual(evaluation.first_fix_rate, 66.7)
        self.assertEqual(evaluation.sla_breached, 1)
        self.assertEqual(evaluation.sla_rate, 66.7)
        self.assertEqual(evaluation.survey_count, 1)
        self.assertEqual(evaluation.satisfaction_avg, self.p1.survey_ids.score)
        self.assertEqual(evaluation.complaint_founded, 2)
        self.assertFalse(evaluation.is_on_target)
        self.assertIn("First-Time Fix", evaluation.missed_targets)
        self.assertIn("SLA Compliance", evaluation.missed_targets)
        self.assertIn("Founded Complaints", evaluation.missed_targets)
        # the setting moves the target: three founded complaints allowed
        self.env.company.aftersales_partner_complaint_limit = 3
        self.evaluation.invalidate_recordset(["missed_targets"])
        self.assertNotIn("Founded Complaints", self.evaluation.missed_targets)
        # computing again updates the same evaluation
        again = self.env["aftersales.partner.evaluation"]._compute_month(2026, 3)
        self.assertEqual(again, evaluation)

    def test_decision_moves_the_partners_state(self):
        evaluation = self.evaluation
        with self.assertRaises(AccessError):
            evaluation.with_user(self.dispatcher).action_warn()
        as_boss = evaluation.with_user(self.boss)
        with self.assertRaisesRegex(UserError, "reason"):
            as_boss.action_warn()
        as_boss.decision_reason = "First-time fix and SLA under target, two founded complaints."
        with self.assertRaisesRegex(UserError, "Reward, Warning and Suspension"):
            as_boss.write({"decision": "reward"})
        as_boss.action_warn()
        self.assertEqual((evaluation.state, evaluation.decision), ("decided", "warning"))
        self.assertEqual(evaluation.user_decided_id, self.boss)
        self.assertEqual(self.partner.aftersales_partner_state, "warned")
        self.assertIn("two founded complaints", self.partner.message_ids[:1].body)
        with self.assertRaisesRegex(UserError, "already decided"):
            as_boss.action_suspend()
        # a decided evaluation keeps its figures when the month is computed again
        self.env["aftersales.partner.evaluation"]._compute_month(2026, 3)
        self.assertEqual(evaluation.decision, "warning")

    def test_suspended_partner_gets_no_new_dispatch(self):
        as_boss = self.evaluation.with_user(self.boss)
        as_boss.decision_reason = "Repeated founded complaints."
        as_boss.action_suspend()
        self.assertEqual(self.partner.aftersales_partner_state, "suspended")
        request = self.env["aftersales.request"].create(
            {"partner_id": self.customer.id, "product_id": self.product.id}
        )
        with self.assertRaisesRegex(ValidationError, "not an active authorised service partner"):
            request.with_user(self.dispatcher).service_partner_id = self.partner
        # a reward later makes it active again
        next_month = self.env["aftersales.partner.evaluation"]._compute_month(
            2026, 4, partners=self.partner
        )
        next_month.with_user(self.boss).decision_reason = "Back on target."
        next_month.with_user(self.boss).action_reward()
        self.assertEqual(self.partner.aftersales_partner_state, "active")
        request.with_user(self.dispatcher).service_partner_id = self.partner
        self.assertEqual(request.service_partner_id, self.partner)

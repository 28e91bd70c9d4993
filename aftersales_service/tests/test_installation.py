# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .repair_common import SIGNATURE_PNG
from .warranty_common import WarrantyCommon


@tagged("post_install", "-at_install")
class TestInstallationAcceptance(WarrantyCommon):
    """Warranties that start at installation acceptance: not covered before it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.chiller = cls.env["product.product"].create(
            {
                "name": "Chiller CH-50",
                "is_storable": True,
                "tracking": "serial",
                "categ_id": cls.product.categ_id.id,
            }
        )
        cls.chiller.product_tmpl_id.aftersales_warranty_policy_id = cls.env[
            "aftersales.warranty.policy"
        ].create({"name": "Chillers", "months": 24, "basis": "installation"})
        cls.env.company.aftersales_installation_grace_days = 30
        cls.unit = cls._lots(cls.chiller, "CH-ACC-01")
        cls._sell_and_deliver(cls.unit, when="2026-03-02 10:00:00")
        cls.warranty = cls.unit.aftersales_warranty_ids

    def _coverage(self, on):
        return self.env["aftersales.warranty"]._get_coverage(self.chiller, lot=self.unit, date=on)

    def test_awaiting_acceptance_is_not_covered(self):
        """Delivered but not accepted: the warranty says so and covers nothing."""
        self.assertEqual(self.warranty.state, "pending")
        answer = self._coverage(date(2026, 3, 10))
        self.assertEqual(answer["status"], "not_covered")
        self.assertEqual(answer["reason"], "Not covered: awaiting installation acceptance")

    def test_installation_job_accepted_by_the_customer_starts_the_warranty(self):
        """The agent opens the installation job, agrees the appointment, the checklist is
        ticked and the customer signs: the warranty starts on the acceptance day."""
        with freeze_time("2026-03-04 09:00:00"):
            job = (
                self.env["aftersales.request"]
                .with_user(self.agent)
                .create(
                    {
                        "partner_id": self.customer.id,
                        "product_id": self.chiller.id,
                        "lot_id": self.unit.id,
                        "request_type": "installation",
                    }
                )
            )
            self.assertIn("o_checklist", job.commissioning_checklist)
            job.write(
                {
                    "technician_id": self.technician.id,
                    "date_appointment": datetime(2026, 3, 5, 1, 0),
                    "date_appointment_end": datetime(2026, 3, 5, 3, 0),
                }
            )
            job.action_agree_appointment()
            job.action_assess()
            job.action_schedule()
        with freeze_time("2026-03-05 03:00:00"):
            job.with_user(self.tech_user).action_start()
            with self.assertRaisesRegex(UserError, "commissioning checklist"):
                job.action_accept_installation()
            # the technician ticks every item in the editor
            job.commissioning_checklist = str(job.commissioning_checklist).replace(
                "<li>", '<li class="o_checked">'
            )
            with self.assertRaisesRegex(UserError, "signs the joint acceptance"):
                job.action_accept_installation()
            job.write({"installation_signature": SIGNATURE_PNG, "installation_signed_by": "Li Wei"})
            job.action_accept_installation()
        self.assertEqual(self.warranty.state, "active")
        self.assertEqual(self.warranty.date_start, date(2026, 3, 5))
        self.assertTrue(job.date_installation_accepted)
        self.assertEqual(self._coverage(date(2026, 3, 10))["status"], "covered")

    def test_not_accepted_within_grace_period_starts_anyway(self):
        """No acceptance 30 days (setting) after delivery: the daily job starts the
        warranty on the last day of grace, once."""
        cron = self.env.ref("aftersales_service.ir_cron_aftersales_warranty_expire")
        with freeze_time("2026-03-31"):
            cron.method_direct_trigger()
        self.assertEqual(self.warranty.state, "pending")
        with freeze_time("2026-04-01"):
            cron.method_direct_trigger()
            cron.method_direct_trigger()
        self.assertEqual(self.warranty.state, "active")
        self.assertEqual(self.warranty.date_start, date(2026, 4, 1))
        self.assertEqual(self._coverage(date(2026, 4, 2))["status"], "covered")

    def test_installation_acceptance_refused_for_other_requests(self):
        """Only an installation job records an installation acceptance."""
        request = (
            self.env["aftersales.request"]
            .with_user(self.agent)
            .create({"partner_id": self.customer.id, "product_id": self.chiller.id})
        )
        with self.assertRaisesRegex(UserError, "not an installation job"):
            request.action_accept_installation()

# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemoShowsTheProduct(TransactionCase):
    """The demo database tells the product's story (skipped without demo data)."""

    def setUp(self):
        super().setUp()
        self.covered = self.env.ref(
            "aftersales_service.aftersales_request_ac_covered_demo", raise_if_not_found=False
        )
        if not self.covered:
            self.skipTest("installed without demo data")

    def test_requests_on_serials_with_every_kind_of_warranty(self):
        """Air conditioner requests: one covered, one whose compressor only is still
        covered, one expired."""
        Warranty = self.env["aftersales.warranty"]
        compressor = self.env.ref("aftersales_service.aftersales_request_ac_compressor_demo")
        expired = self.env.ref("aftersales_service.aftersales_request_ac_expired_demo")
        for request in self.covered | compressor | expired:
            self.assertEqual(request.lot_id.product_id.tracking, "serial")
        self.assertEqual(self.covered.warranty_status, "covered")

        def status(request, component=None):
            coverage = Warranty._get_coverage(
                request.product_id, lot=request.lot_id, component=component
            )
            return coverage["status"]

        self.assertEqual(status(compressor), "not_covered")
        self.assertEqual(status(compressor, "Compressor"), "covered")
        self.assertEqual(status(expired), "not_covered")
        self.assertEqual(status(expired, "Compressor"), "not_covered")

    def test_people_are_set(self):
        """The dispatcher, the service director and the escalation leader are set, and every
        request has a responsible person (not the system user)."""
        company = self.env.ref("base.main_company")
        self.assertTrue(company.aftersales_dispatcher_id)
        self.assertTrue(company.aftersales_director_id)
        self.assertTrue(company.aftersales_escalation_user_id)
        requests = self.env["aftersales.request"].search([("company_id", "=", company.id)])
        self.assertFalse(requests.filtered(lambda r: r.user_id.id in (False, SUPERUSER_ID)))
        # the demo technician with a login has their job waiting in their activities
        expired = self.env.ref("aftersales_service.aftersales_request_ac_expired_demo")
        job_type = self.env.ref("aftersales_service.mail_activity_type_technician_job")
        jobs = expired.activity_ids.filtered(lambda a: a.activity_type_id == job_type)
        self.assertEqual(jobs.user_id, expired.technician_id.user_id)

    def test_kpi_snapshot_present_after_install(self):
        """The KPI screen has this month's snapshot right after install."""
        self.assertTrue(self.env["aftersales.technician.kpi"].search_count([]))

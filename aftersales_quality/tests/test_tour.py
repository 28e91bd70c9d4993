# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields
from odoo.tests import HttpCase, tagged

from odoo.addons.aftersales_service.tests.tour_common import TourMixin, stocked_part


@tagged("post_install", "-at_install")
class TestServiceTour(TourMixin, HttpCase):
    """A request taken from intake to done in a real (headless Chromium) browser."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create({"name": "Tour Cooling Customer"})
        # the customer's unit is repaired on site: it is not in our stock
        cls.product = cls.env["product.product"].create({"name": "Tour Chiller TC-9"})
        cls.technician = cls.env["hr.employee"].create(
            {"name": "Tour Technician Park", "is_technician": True}
        )
        cls.env["aftersales.technician.certification"].create(
            {
                "employee_id": cls.technician.id,
                "product_category_id": cls.product.categ_id.id,
                "date_expiry": "2099-12-31",
            }
        )

        cls.part = stocked_part(cls.env, "Tour Fan Motor FM-1")
        # the unit is in warranty: the repair is free and needs no quotation
        cls.env["aftersales.warranty"].create(
            {
                "partner_id": cls.customer.id,
                "product_id": cls.product.id,
                "date_start": fields.Date.add(fields.Date.today(), months=-2),
            }
        )

    def test_request_from_intake_to_done(self):
        """A request goes from intake through dispatch and an on-site repair with a part
        to done, and its customer answers the survey, in the browser."""
        self._start_tour("/odoo", "aftersales_service_tour", "admin", timeout=240)
        request = self.env["aftersales.request"].search([("partner_id", "=", self.customer.id)])
        self.assertEqual(len(request), 1)
        self.assertEqual(request.state, "done")
        self.assertEqual(request.technician_id, self.technician)
        repair = request.repair_ids
        self.assertEqual(repair.state, "done")
        self.assertEqual(repair.move_ids.product_id, self.part)
        self.assertEqual(repair.move_ids.state, "done")
        # every completed request gets its survey; the customer answers it from the link
        self.env.ref("aftersales_quality.ir_cron_survey_pending").method_direct_trigger()
        survey = request.survey_ids
        self.assertEqual(len(survey), 1)
        self._start_tour(survey._survey_path(), "aftersales_survey_tour", None, timeout=240)
        self.assertEqual(survey.state, "answered")
        self.assertEqual(survey.grade_punctuality, "3")
        self.assertTrue(survey.score)

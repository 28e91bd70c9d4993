# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, fields, http
from odoo.tests import HttpCase, new_test_user, tagged

from .access_matrix import ROLES
from .tour_common import TourMixin


@tagged("post_install", "-at_install")
class TestServicePartnerTour(TourMixin, HttpCase):
    """The portal user of an authorised service partner works a dispatched request to done
    in a real browser; another partner's user does not reach it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dispatcher = new_test_user(
            cls.env, login="sp_tour_dispatcher", groups=",".join(ROLES["dispatcher"][1])
        )
        cls.service_partner = cls.env["res.partner"].create(
            {
                "name": "SP Tour Service Co.",
                "is_company": True,
                "aftersales_partner_state": "active",
            }
        )
        technician = cls.env["res.partner"].create(
            {"name": "SP Tour Technician", "parent_id": cls.service_partner.id}
        )
        cls.partner_user = new_test_user(
            cls.env,
            login="sp_tour_partner",
            groups="base.group_portal",
            partner_id=technician.id,
            tz="Asia/Seoul",
        )
        cls.product = cls.env["product.product"].create({"name": "SP Tour Chiller"})
        cls.part = cls.env["product.product"].create({"name": "SP Tour Capacitor"})
        cls.env["aftersales.partner.agreement"].create(
            {
                "name": "SP Tour agreement",
                "partner_id": cls.service_partner.id,
                "date_end": fields.Date.add(fields.Date.today(), years=1),
                "product_category_ids": [Command.set(cls.product.categ_id.ids)],
                "technician_ids": [Command.set(technician.ids)],
            }
        )
        customer = cls.env["res.partner"].create({"name": "SP Tour Customer"})
        cls.request = (
            cls.env["aftersales.request"]
            .with_user(cls.dispatcher)
            .create(
                {
                    "name": "SP-TOUR-1",
                    "partner_id": customer.id,
                    "product_id": cls.product.id,
                    "description": "<p>Trips the breaker at start.</p>",
                }
            )
        )
        cls.request.with_user(cls.dispatcher).service_partner_id = cls.service_partner

    def test_partner_user_works_dispatched_request_to_done(self):
        self._start_tour("/my/dispatched", "aftersales_service_partner_tour", "sp_tour_partner")
        request = self.request
        self.assertEqual(request.state, "done")
        self.assertEqual(request.partner_user_id, self.partner_user)
        # 10:00 in Seoul
        self.assertEqual(fields.Datetime.to_string(request.date_appointment), "2030-01-07 01:00:00")
        log = request.work_log_ids
        self.assertEqual(
            (log.hours, log.category, log.service_partner_id), (1.5, "C", self.service_partner)
        )
        self.assertEqual(request.part_ids.product_id, self.part)
        self.assertEqual(request.part_ids.reason, "Capacitor swollen")
        self.assertEqual(request.partner_signed_by, "SP Tour Customer")
        self.assertTrue(request.partner_signature)

    def test_other_users_do_not_reach_the_page(self):
        other = self.env["res.partner"].create({"name": "SP Other Co.", "is_company": True})
        new_test_user(
            self.env,
            login="sp_tour_other",
            groups="base.group_portal",
            partner_id=self.env["res.partner"]
            .create({"name": "SP Other Tech", "parent_id": other.id})
            .id,
        )
        url = f"/my/dispatched/{self.request.id}"
        for login in ("sp_tour_other", "sp_tour_partner"):
            with self.subTest(login=login):
                self.authenticate(login, login)
                response = self.url_open(url)
                self.assertEqual(response.status_code, 200)
                reached = response.url.endswith(url)
                self.assertEqual(reached, login == "sp_tour_partner")
                if reached:
                    self.assertIn("SP-TOUR-1", response.text)
        # a step posted by another partner's user changes nothing
        self.authenticate("sp_tour_other", "sp_tour_other")
        response = self.url_open(
            f"{url}/accept", data={"csrf_token": http.Request.csrf_token(self)}
        )
        self.assertTrue(response.url.endswith("/my"))
        self.assertFalse(self.request.date_partner_accepted)
        # the partner's own user accepts it the same way
        self.authenticate("sp_tour_partner", "sp_tour_partner")
        self.url_open(f"{url}/accept", data={"csrf_token": http.Request.csrf_token(self)})
        self.assertTrue(self.request.date_partner_accepted)

    def test_dispatched_requests_stay_out_of_the_customer_list(self):
        """The partner's user finds the dispatched request under /my/dispatched, not among
        the requests its company files as a customer (/my/requests), nor in that count."""
        self.authenticate("sp_tour_partner", "sp_tour_partner")
        self.assertIn("SP-TOUR-1", self.url_open("/my/dispatched").text)
        self.assertNotIn("SP-TOUR-1", self.url_open("/my/requests").text)
        own = self.env["aftersales.request"].create(
            {
                "name": "SP-TOUR-OWN",
                "partner_id": self.service_partner.id,
                "product_id": self.product.id,
                "description": "<p>Our own chiller.</p>",
            }
        )
        self.assertIn(own.name, self.url_open("/my/requests").text)

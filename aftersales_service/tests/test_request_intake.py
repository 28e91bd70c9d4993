# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import AftersalesCommon

RAW_EMAIL = """Return-Path: <lee@seoul-foods.example.com>
To: service@example.com
From: "Lee Ji-woo" <lee@seoul-foods.example.com>
Subject: Freezer alarm keeps beeping
Message-ID: <freezer-alarm-1@seoul-foods.example.com>
Date: Mon, 12 Jan 2026 09:00:00 +0000
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"

Our freezer alarm beeps every ten minutes since this morning.
"""


@tagged("post_install", "-at_install")
class TestRequestIntake(AftersalesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer.email = "buyer@hangzhou-cooling.example.com"

    def test_email_to_alias_opens_a_request(self):
        """An e-mail processed for the request model opens an e-mail request with a reference."""
        Request = self.env["aftersales.request"]
        res_id = self.env["mail.thread"].message_process("aftersales.request", RAW_EMAIL)
        request = Request.browse(res_id)
        self.assertTrue(request.name.startswith("SR/"))
        self.assertEqual(request.channel, "email")
        self.assertEqual(request.partner_id.email, "lee@seoul-foods.example.com")
        self.assertIn("Freezer alarm", request.description)
        self.assertIn("beeps every ten minutes", request.description)

    def test_alias_routes_to_requests(self):
        """The shipped service alias creates service requests."""
        alias = self.env.ref("aftersales_service.mail_alias_service")
        self.assertEqual(alias.alias_model_id.model, "aftersales.request")

    def test_acknowledgment_tells_the_reference(self):
        """A customer with an e-mail receives the reference of the new request."""
        request = self.env["aftersales.request"].create({"partner_id": self.customer.id})
        self.env.ref("aftersales_service.ir_cron_aftersales_acknowledgment").method_direct_trigger()
        message = request.message_ids.filtered(lambda m: request.name in (m.subject or ""))
        self.assertTrue(message, "no acknowledgment posted")
        self.assertIn(self.customer, message.partner_ids)
        self.assertIn(request.name, message.body)

    def test_no_acknowledgment_without_email(self):
        """A customer without e-mail is told the reference by phone, no mail is sent."""
        walk_in = self.env["res.partner"].create({"name": "Walk-in customer"})
        request = self.env["aftersales.request"].create({"partner_id": walk_in.id})
        self.assertFalse(request.is_acknowledgment_pending)
        self.env.ref("aftersales_service.ir_cron_aftersales_acknowledgment").method_direct_trigger()
        self.assertFalse(request.message_ids.filtered(lambda m: request.name in (m.subject or "")))

    def test_zone_follows_the_address_or_the_customer(self):
        """Same city as the company: city; another city: suburb; system customers keep theirs."""
        self.env.company.city = "Hangzhou"
        self.customer.city = "Hangzhou"
        Request = self.env["aftersales.request"]
        self.assertEqual(Request.create({"partner_id": self.customer.id}).zone, "city")
        site = self.env["res.partner"].create(
            {"name": "Plant", "parent_id": self.customer.id, "type": "other", "city": "Yuhang"}
        )
        request = Request.create({"partner_id": self.customer.id, "address_id": site.id})
        self.assertEqual(request.zone, "suburb")
        self.customer.aftersales_zone = "system"
        self.assertEqual(Request.create({"partner_id": self.customer.id}).zone, "system")
        request.zone = "city"
        self.assertEqual(request.zone, "city", "the zone can be set by hand")

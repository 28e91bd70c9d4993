# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import AftersalesCommon


@tagged("post_install", "-at_install")
class TestPortalIsolation(AftersalesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_customer = cls.env["res.partner"].create({"name": "Busan Marine Co."})
        cls.portal_a = new_test_user(cls.env, login="portal_a", groups="base.group_portal")
        cls.portal_a.partner_id.parent_id = cls.customer
        cls.portal_b = new_test_user(cls.env, login="portal_b", groups="base.group_portal")
        cls.portal_b.partner_id.parent_id = cls.other_customer
        Request = cls.env["aftersales.request"]
        cls.request_a = Request.create({"partner_id": cls.customer.id})
        cls.request_b = Request.create({"partner_id": cls.other_customer.id})

    def test_portal_customer_sees_only_own_company_requests(self):
        """A portal user reads the requests of their company and nothing of another customer."""
        visible = self.env["aftersales.request"].with_user(self.portal_a).search([])
        self.assertIn(self.request_a, visible)
        self.assertNotIn(self.request_b, visible)
        with self.assertRaises(AccessError):
            self.request_b.with_user(self.portal_a).read(["name"])
        visible_b = self.env["aftersales.request"].with_user(self.portal_b).search([])
        self.assertEqual(visible_b, self.request_b)

    def test_portal_customer_cannot_write(self):
        """A portal user cannot change a request directly."""
        with self.assertRaises(AccessError):
            self.request_a.with_user(self.portal_a).write({"priority": "2"})


@tagged("post_install", "-at_install")
class TestPortalIntake(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create({"name": "Incheon Bakery"})
        cls.other = cls.env["res.partner"].create({"name": "Daegu Hotel"})
        cls.portal_user = new_test_user(
            cls.env, login="portal_intake", password="portal_intake", groups="base.group_portal"
        )
        cls.portal_user.partner_id.parent_id = cls.customer
        cls.product = cls.env["product.product"].create({"name": "Oven OV-7", "sale_ok": True})
        # the form offers what the customer bought and had delivered
        order = cls.env["sale.order"].create(
            {
                "partner_id": cls.customer.id,
                "order_line": [Command.create({"product_id": cls.product.id})],
            }
        )
        order.action_confirm()
        order.picking_ids.move_ids.picked = True
        order.picking_ids.button_validate()
        cls.foreign = cls.env["aftersales.request"].create({"partner_id": cls.other.id})

    def test_customer_submits_and_follows_a_request(self):
        """A portal customer opens a request at /my/requests/new and finds it at /my/requests."""
        self.authenticate("portal_intake", "portal_intake")
        page = self.url_open("/my/requests/new")
        self.assertEqual(page.status_code, 200)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        response = self.url_open(
            "/my/requests/new",
            data={
                "csrf_token": token,
                "product_id": self.product.id,
                "description": "The oven does not heat above 100 degrees.",
            },
        )
        self.assertEqual(response.status_code, 200)
        request = self.env["aftersales.request"].search([("partner_id", "=", self.customer.id)])
        self.assertEqual(len(request), 1)
        self.assertEqual(request.channel, "portal")
        self.assertEqual(request.product_id, self.product)
        self.assertEqual(request.contact_id, self.portal_user.partner_id)
        listing = self.url_open("/my/requests")
        self.assertIn(request.name, listing.text)
        self.assertNotIn(self.foreign.name, listing.text)
        detail = self.url_open(f"/my/requests/{request.id}")
        self.assertIn(request.name, detail.text)
        foreign = self.url_open(f"/my/requests/{self.foreign.id}")
        self.assertNotIn(self.foreign.name, foreign.text)

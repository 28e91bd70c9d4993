# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo.tests import HttpCase, tagged

from .warranty_common import WarrantyCommon


@tagged("post_install", "-at_install")
class TestPortalIntakeChoices(HttpCase, WarrantyCommon):
    """The portal customer files a request on what they bought, and is answered there."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_user.password = "as_portal_pw"
        cls.portal_user.partner_id.email = "buyer.portal@example.com"
        cls.lots = cls._lots(cls.product, "PORTAL-SN-1", "PORTAL-SN-2")
        cls._sell_and_deliver(cls.lots[:1])
        cls._sell_and_deliver(cls.lots[1:], partner=cls.other_customer)
        cls.catalogue_only = cls.env["product.product"].create(
            {"name": "Catalogue Freezer FZ-9", "is_storable": True, "sale_ok": True}
        )
        cls.service = cls.env["product.product"].create(
            {"name": "Installation Service", "type": "service", "sale_ok": True}
        )
        cls._sell(cls.service, 1)

    def _form(self):
        page = self.url_open("/my/requests/new")
        self.assertEqual(page.status_code, 200)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        return page, token

    def _requests(self):
        return self.env["aftersales.request"].search(
            [("partner_id", "in", (self.customer | self.other_customer).ids)]
        )

    def test_form_offers_only_the_units_the_customer_bought(self):
        """The new-request form lists the customer's delivered unit and its serial, not the
        catalogue, a service, or another customer's serial."""
        self.authenticate("as_portal", "as_portal_pw")
        page, _token = self._form()
        self.assertIn(self.product.display_name, page.text)
        self.assertIn(f'value="{self.lots[0].id}"', page.text)
        self.assertNotIn("PORTAL-SN-2", page.text)
        self.assertNotIn(self.catalogue_only.display_name, page.text)
        self.assertNotIn(self.service.display_name, page.text)

    def test_forged_post_is_refused_with_a_sentence(self):
        """Posting another customer's serial or a product never bought is refused and says
        why; nothing is created."""
        self.authenticate("as_portal", "as_portal_pw")
        before = self._requests()
        _page, token = self._form()
        forged_lot = self.url_open(
            "/my/requests/new",
            data={"csrf_token": token, "lot_id": self.lots[1].id, "description": "Broken"},
        )
        self.assertIn("not one of the units delivered to you", forged_lot.text)
        forged_product = self.url_open(
            "/my/requests/new",
            data={
                "csrf_token": token,
                "product_id": self.catalogue_only.id,
                "description": "Broken",
            },
        )
        self.assertIn("not one you bought from us", forged_product.text)
        self.assertEqual(self._requests(), before)

    def test_acknowledgment_shows_in_the_portal_conversation(self):
        """After filing a request on their unit, the customer reads the acknowledgment with
        the reference in the request's conversation on the portal."""
        self.authenticate("as_portal", "as_portal_pw")
        _page, token = self._form()
        self.url_open(
            "/my/requests/new",
            data={"csrf_token": token, "lot_id": self.lots[0].id, "description": "Noisy fan"},
        )
        request = self._requests()
        self.assertEqual(len(request), 1)
        self.assertEqual(request.lot_id, self.lots[0])
        # the acknowledgment job, triggered when the request was saved, posts it
        self.env.ref("aftersales_service.ir_cron_aftersales_acknowledgment").method_direct_trigger()
        fetched = self.make_jsonrpc_request(
            "/mail/chatter_fetch",
            {"thread_model": "aftersales.request", "thread_id": request.id},
        )
        bodies = " ".join(m["body"] for m in fetched["data"]["mail.message"])
        self.assertIn("We have recorded your service request", bodies)
        self.assertIn(request.name, bodies)

    def test_home_tiles_count_what_the_lists_show(self):
        """The /my counters of requests and warranties equal the rows of their lists."""
        self.env["aftersales.request"].create(
            [{"partner_id": self.customer.id}, {"partner_id": self.other_customer.id}]
        )
        self.authenticate("as_portal", "as_portal_pw")
        counters = self.make_jsonrpc_request(
            "/my/counters",
            {"counters": ["aftersales_request_count", "aftersales_warranty_count"]},
        )
        requests_page = self.url_open("/my/requests").text
        request_rows = set(re.findall(r'href="/my/requests/(\d+)', requests_page))
        self.assertEqual(counters["aftersales_request_count"], len(request_rows))
        self.assertEqual(counters["aftersales_request_count"], 1)
        warranties_page = self.url_open("/my/warranties").text
        self.assertEqual(counters["aftersales_warranty_count"], 1)
        self.assertIn("PORTAL-SN-1", warranties_page)
        self.assertNotIn("PORTAL-SN-2", warranties_page)
        # the three tiles look alike: ordinary document tiles with the add-on's icon
        home = self.url_open("/my").text
        for url in ("/my/requests", "/my/warranties", "/my/contracts"):
            tile = re.search(
                rf'<div class="o_portal_index_card([^"]*)">\s*<a href="{url}"(.*?)</a>',
                home,
                re.DOTALL,
            )
            self.assertTrue(tile, url)
            self.assertIn("col-md-6 order-2", tile.group(1), url)
            self.assertIn("/aftersales_service/static/description/icon.png", tile.group(2), url)

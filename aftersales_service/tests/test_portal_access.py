# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from odoo.addons.base.tests.common import new_test_user

from .access_matrix import load_matrix

# model -> the field path from a record to the customer it belongs to
CUSTOMER_PATH = {
    "aftersales.warranty.line": "warranty_id.partner_id",
    "aftersales.warranty.extension": "warranty_id.partner_id",
    "aftersales.return.line": "return_id.partner_id",
}
# models a portal customer reads by a level rather than by owner: the domain of its documents
READABLE_BY_LEVEL = {
    "aftersales.knowledge.document": lambda case: [
        "|",
        ("level", "=", "public"),
        "&",
        ("level", "=", "customer"),
        ("owner_partner_ids", "in", [case.own_partner.id]),
    ],
}
# portal pages: path -> (model of the documents it lists, field that tells them apart)
PORTAL_PAGES = {
    "/my/requests": ("aftersales.request", "name"),
    "/my/warranties": ("aftersales.warranty", "lot_id.name"),
    "/my/contracts": ("aftersales.contract", "name"),
}


@tagged("post_install", "-at_install")
class TestPortalAccess(HttpCase):
    """A portal customer reaches their own documents only, by page and by JSON-RPC."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.own_partner = cls.env["res.partner"].create({"name": "Ulsan Bakery"})
        cls.other_partner = cls.env["res.partner"].create({"name": "Suwon Precision Parts"})
        cls.portal_user = new_test_user(
            cls.env,
            login="trust_portal_web",
            groups="base.group_portal",
            partner_id=cls.own_partner.id,
        )
        product = cls.env["product.product"].create({"name": "Ice Maker IM-5"})
        requests = cls.env["aftersales.request"].create(
            [
                {"partner_id": cls.own_partner.id, "product_id": product.id},
                {"partner_id": cls.other_partner.id, "product_id": product.id},
            ]
        )
        cls.own_request, cls.other_request = requests
        serial = cls.env["product.product"].create(
            {"name": "Chiller CH-1", "is_storable": True, "tracking": "serial"}
        )
        for partner, lot_name in (
            (cls.own_partner, "CH1-OWN-77"),
            (cls.other_partner, "CH1-XX-99"),
        ):
            lot = cls.env["stock.lot"].create({"name": lot_name, "product_id": serial.id})
            cls.env["aftersales.warranty"].create(
                {
                    "partner_id": partner.id,
                    "product_id": serial.id,
                    "lot_id": lot.id,
                    "date_start": "2026-01-01",
                }
            )
            cls.env["aftersales.contract"].create(
                {
                    "partner_id": partner.id,
                    "date_start": "2026-01-01",
                    "date_end": "2027-12-31",
                }
            )
        cls.models = sorted({row["model"] for row in load_matrix()})

    def _belongs_to_portal_customer(self, model, ids):
        if model in READABLE_BY_LEVEL:
            # product knowledge (aftersales_quality): public documents, and customer ones of
            # what the customer bought (test_knowledge.py checks every level and role)
            return set(ids) <= set(self.env[model].search(READABLE_BY_LEVEL[model](self)).ids)
        path = CUSTOMER_PATH.get(model, "partner_id")
        records = self.env[model].browse(ids)
        if path.split(".")[0] not in records._fields:
            return not ids
        owners = records.mapped(path).commercial_partner_id
        return owners <= self.own_partner.commercial_partner_id

    def _call_kw(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    @mute_logger("odoo.http")
    def test_jsonrpc_search_read_returns_nothing_of_others(self):
        """search_read over JSON-RPC is refused or returns only the customer's own documents."""
        self.authenticate("trust_portal_web", "trust_portal_web")
        for model in self.models:
            with self.subTest(model=model):
                try:
                    rows = self._call_kw(model, "search_read", [[]], {"fields": ["id"]})
                except JsonRpcException:
                    continue  # refused
                ids = [row["id"] for row in rows]
                self.assertTrue(
                    self._belongs_to_portal_customer(model, ids),
                    f"the portal customer reads others' {model}",
                )

    @mute_logger("odoo.http")
    def test_jsonrpc_read_of_another_customers_request_is_refused(self):
        """Reading another customer's request by its id over JSON-RPC is refused."""
        self.authenticate("trust_portal_web", "trust_portal_web")
        with self.assertRaises(JsonRpcException):
            self._call_kw("aftersales.request", "read", [[self.other_request.id], ["name"]])
        for method, args in (
            ("write", [[self.other_request.id], {"description": "<p>hacked</p>"}]),
            ("unlink", [[self.other_request.id]]),
            ("action_cancel", [[self.other_request.id]]),
        ):
            with self.subTest(method=method), self.assertRaises(JsonRpcException):
                self._call_kw("aftersales.request", method, args)
        self.assertTrue(self.other_request.exists())
        self.assertEqual(self.other_request.state, "new")

    @mute_logger("odoo.http")
    def test_portal_pages_list_only_own_documents(self):
        """The /my pages show the customer's documents and nothing of another customer."""
        self.authenticate("trust_portal_web", "trust_portal_web")
        for path, model in PORTAL_PAGES.items():
            if model not in self.env:
                continue
            with self.subTest(path=path):
                response = self.url_open(path)
                self.assertEqual(response.status_code, 200, path)
                others = self.env[model].search([("partner_id", "=", self.other_partner.id)])
                for name in others.mapped("name"):
                    self.assertNotIn(name, response.text)
        response = self.url_open("/my/requests")
        self.assertIn(self.own_request.name, response.text)

    @mute_logger("odoo.http")
    def test_portal_page_of_another_customers_request_is_refused(self):
        """Opening another customer's request page by its id shows nothing of it."""
        self.authenticate("trust_portal_web", "trust_portal_web")
        response = self.url_open(f"/my/requests/{self.other_request.id}")
        self.assertNotIn(self.other_request.name, response.text)
        own = self.url_open(f"/my/requests/{self.own_request.id}")
        self.assertEqual(own.status_code, 200)
        self.assertIn(self.own_request.name, own.text)

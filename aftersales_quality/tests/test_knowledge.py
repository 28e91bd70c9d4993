# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.aftersales_service.tests.common import AftersalesCommon
from odoo.addons.aftersales_service.tests.repair_common import SIGNATURE_PNG
from odoo.addons.aftersales_service.tests.screen_common import ScreenClient
from odoo.addons.base.tests.common import new_test_user


class KnowledgeCommon(AftersalesCommon):
    """A product family with two products, their documents at every level, and readers:
    a customer who bought the first product, one who bought nothing, the users of an active
    and of a suspended service partner."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Category = cls.env["product.category"]
        cls.family = Category.create({"name": "Chillers"})
        cls.categ_a = Category.create({"name": "Water Chillers", "parent_id": cls.family.id})
        cls.categ_b = Category.create({"name": "Kitchen Appliances"})
        cls.product_a = cls.env["product.product"].create(
            {"name": "Chiller WC-9", "categ_id": cls.categ_a.id, "type": "consu"}
        )
        cls.product_b = cls.env["product.product"].create(
            {"name": "Ice Maker IM-2", "categ_id": cls.categ_b.id, "type": "consu"}
        )
        cls.docs = cls._documents(
            ("manual", "public", cls.product_a),
            ("parts_list", "customer", cls.product_a),
            ("repair_guide", "network", cls.product_a),
            ("price_list", "internal", cls.product_a),
            ("manual", "customer", cls.family),
            ("parts_list", "customer", cls.product_b),
        )
        (
            cls.manual_a,
            cls.parts_a,
            cls.guide_a,
            cls.prices_a,
            cls.family_manual,
            cls.parts_b,
        ) = cls.docs
        cls.buyer = cls.env["res.partner"].create({"name": "Daegu Ice Rink", "is_company": True})
        cls.stranger = cls.env["res.partner"].create({"name": "Nanjing Tea House"})
        order = cls.env["sale.order"].create(
            {
                "partner_id": cls.buyer.id,
                "order_line": [Command.create({"product_id": cls.product_a.id})],
            }
        )
        order.action_confirm()
        cls.network = cls.env["res.partner"].create(
            {
                "name": "Busan Cooling Service",
                "is_company": True,
                "email": "service@busan-cooling.example.com",
                "aftersales_partner_state": "active",
            }
        )
        cls.suspended = cls.env["res.partner"].create(
            {
                "name": "Wuxi Repair Shop",
                "is_company": True,
                "email": "shop@wuxi-repair.example.com",
                "aftersales_partner_state": "suspended",
            }
        )
        cls.portal_buyer = cls._portal_user("kn_buyer", cls.buyer)
        cls.portal_stranger = cls._portal_user("kn_stranger", cls.stranger)
        cls.portal_network = cls._portal_user("kn_network", cls.network)
        cls.portal_suspended = cls._portal_user("kn_suspended", cls.suspended)
        cls.public_user = cls.env.ref("base.public_user")

    @classmethod
    def _documents(cls, *specs):
        vals_list = []
        for kind, level, target in specs:
            vals = {
                "name": f"{target.name} {kind} ({level})",
                "kind": kind,
                "level": level,
                "file": SIGNATURE_PNG,
                "file_name": f"{kind}-{level}.png",
            }
            if target._name == "product.category":
                vals["product_categ_id"] = target.id
            else:
                vals["product_tmpl_id"] = target.product_tmpl_id.id
            vals_list.append(vals)
        return cls.env["aftersales.knowledge.document"].with_user(cls.manager).create(vals_list)

    @classmethod
    def _portal_user(cls, login, company):
        """A portal user who is a contact of ``company``."""
        contact = cls.env["res.partner"].create(
            {"name": f"{login} contact", "parent_id": company.id, "email": f"{login}@ex.com"}
        )
        return new_test_user(
            cls.env, login=login, groups="base.group_portal", partner_id=contact.id
        )


@tagged("post_install", "-at_install")
class TestKnowledgeReaders(KnowledgeCommon):
    """Documents reach exactly the readers their confidentiality level allows."""

    def _visible(self, user):
        return (
            self.env["aftersales.knowledge.document"]
            .with_user(user)
            .search([("id", "in", self.docs.ids)])
        )

    def test_each_role_reads_exactly_its_levels(self):
        """Staff read all; a buyer public and customer documents of what it bought; the
        service network also network documents; others public ones only."""
        everything = self.docs
        expected = {
            "manager": (self.manager, everything),
            "agent": (self.agent, everything),
            "technician": (self.tech_user, everything),
            "portal buyer": (self.portal_buyer, self.manual_a | self.parts_a | self.family_manual),
            "portal stranger": (self.portal_stranger, self.manual_a),
            "service partner": (self.portal_network, everything - self.prices_a),
            "suspended partner": (self.portal_suspended, self.manual_a),
            "public": (self.public_user, self.manual_a),
        }
        for role, (user, documents) in expected.items():
            with self.subTest(role=role):
                self.assertEqual(self._visible(user), documents)
                # read by id: the rules evaluated on the records themselves agree
                self.assertEqual(
                    len(documents.with_user(user).read(["name", "file"])), len(documents)
                )
                for hidden in everything - documents:
                    with self.assertRaises(AccessError):
                        hidden.with_user(user).read(["name", "file"])

    def test_suspension_closes_the_service_network_documents_at_once(self):
        """A partner suspended after reading loses its network documents on the next search."""
        self.assertIn(self.guide_a, self._visible(self.portal_network))
        self.network.aftersales_partner_state = "suspended"
        self.assertNotIn(self.guide_a, self._visible(self.portal_network))
        self.assertFalse(self.guide_a.with_user(self.portal_network).has_access("read"))
        self.network.aftersales_partner_state = "warned"
        self.assertIn(self.guide_a, self._visible(self.portal_network))

    def test_readers_cannot_change_documents(self):
        """Portal users and after-sales users other than the manager only read."""
        for user in (self.portal_network, self.agent, self.tech_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.manual_a.with_user(user).write({"name": "Changed"})
        with self.assertRaises(AccessError):
            self.manual_a.with_user(self.tech_user).action_new_version()


@tagged("post_install", "-at_install")
class TestKnowledgeWork(KnowledgeCommon):
    """The technician finds the documents on the request and repair; versions; bulletins."""

    def test_technician_opens_the_documents_of_the_request_product(self):
        """The request form counts the current documents of its product and its families;
        the button lists exactly those."""
        self.env["aftersales.technician.certification"].create(
            {
                "employee_id": self.technician.id,
                "product_category_id": self.categ_a.id,
                "date_expiry": "2099-12-31",
            }
        )
        service_request = self.env["aftersales.request"].create(
            {
                "partner_id": self.buyer.id,
                "product_id": self.product_a.id,
                "technician_id": self.technician.id,
            }
        )
        client = ScreenClient(self.env, self.tech_user)
        form = client.form("aftersales.request", service_request.id)
        of_a = self.manual_a | self.parts_a | self.guide_a | self.prices_a | self.family_manual
        self.assertEqual(form["knowledge_count"], len(of_a))
        _action, shown = client.click(
            "aftersales.request", service_request.id, "action_view_knowledge"
        )
        listed = {row["id"] for row in shown["list"]["records"]}
        self.assertEqual(listed, set(of_a.ids))

    def test_repair_form_shows_the_documents_of_the_repaired_product(self):
        """A repair of the product counts the same documents for the technician."""
        repair = self.env["repair.order"].create(
            {"product_id": self.product_a.id, "partner_id": self.buyer.id}
        )
        self.assertEqual(repair.with_user(self.tech_user).aftersales_knowledge_count, 5)
        action = repair.with_user(self.tech_user).action_view_aftersales_knowledge()
        found = self.env["aftersales.knowledge.document"].with_user(self.tech_user)
        self.assertEqual(len(found.search(action["domain"])), 5)

    def test_new_version_supersedes_the_old_one(self):
        """New Version makes the next version current; the old one stays, superseded."""
        action = self.manual_a.with_user(self.manager).action_new_version()
        new = self.env["aftersales.knowledge.document"].browse(action["res_id"])
        self.assertEqual(new.previous_id, self.manual_a)
        self.assertEqual(new.version, "2.0")
        self.assertEqual(new.level, "public")
        self.assertTrue(new.file)
        self.assertTrue(new.is_current)
        self.assertFalse(self.manual_a.is_current)
        service_request = self.env["aftersales.request"].create(
            {"partner_id": self.buyer.id, "product_id": self.product_a.id}
        )
        self.assertEqual(service_request.knowledge_count, 5)

    def test_bulletin_is_mailed_to_the_service_network(self):
        """A new service bulletin goes to the active and warned service partners whose
        agreement covers the product's family, no one else."""
        warned = self.env["res.partner"].create(
            {
                "name": "Ningbo Air Service",
                "is_company": True,
                "email": "air@ningbo.example.com",
                "aftersales_partner_state": "warned",
            }
        )
        candidate = self.env["res.partner"].create(
            {
                "name": "Jeonju HVAC",
                "is_company": True,
                "email": "hvac@jeonju.example.com",
                "aftersales_partner_state": "candidate",
            }
        )
        other_family = self.env["res.partner"].create(
            {
                "name": "Daegu Ice Machines",
                "is_company": True,
                "email": "ice@daegu.example.com",
                "aftersales_partner_state": "active",
            }
        )
        Agreement = self.env["aftersales.partner.agreement"]
        for partner, family in (
            (self.network, self.family),  # the chillers' family covers the water chillers
            (warned, self.categ_a),
            (candidate, self.categ_a),
            (self.suspended, self.categ_a),
            (other_family, self.categ_b),
        ):
            Agreement.create(
                {
                    "name": f"{partner.name} 2026",
                    "partner_id": partner.id,
                    "date_end": "2099-12-31",
                    "product_category_ids": [Command.set(family.ids)],
                }
            )
        bulletin = self._documents(("bulletin", "network", self.product_a))
        self.assertTrue(bulletin.date_bulletin_sent)
        message = bulletin.message_ids.filtered(lambda m: "Service bulletin" in (m.subject or ""))
        self.assertEqual(len(message), 1)
        self.assertIn(self.network, message.partner_ids)
        self.assertIn(warned, message.partner_ids)
        self.assertNotIn(self.suspended, message.partner_ids)
        self.assertNotIn(candidate, message.partner_ids)
        # an agreement for other products: the bulletin does not concern that partner
        self.assertNotIn(other_family, message.partner_ids)
        internal = self._documents(("bulletin", "internal", self.product_a))
        self.assertFalse(internal.date_bulletin_sent)


@tagged("post_install", "-at_install")
class TestKnowledgePortal(KnowledgeCommon, HttpCase):
    """/my/knowledge lists and downloads what the portal user may read, nothing more."""

    @mute_logger("odoo.http")
    def test_portal_page_lists_and_downloads_by_level(self):
        """The buyer sees and downloads its documents; an internal file is refused."""
        self.authenticate("kn_buyer", "kn_buyer")
        page = self.url_open("/my/knowledge")
        self.assertEqual(page.status_code, 200)
        for shown in (self.manual_a, self.parts_a, self.family_manual):
            self.assertIn(shown.name, page.text)
        for hidden in (self.guide_a, self.prices_a, self.parts_b):
            self.assertNotIn(hidden.name, page.text)
        url = "/web/content/aftersales.knowledge.document/%s/file?download=true"
        self.assertEqual(self.url_open(url % self.parts_a.id).status_code, 200)
        self.assertIn(self.url_open(url % self.prices_a.id).status_code, (403, 404))

# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from lxml import etree

from odoo.tests import new_test_user, tagged

from .repair_common import AftersalesRepairCommon


@tagged("post_install", "-at_install")
class TestRequestScreens(AftersalesRepairCommon):
    """Small things users noticed on the request screens and on invoices."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dispatcher = new_test_user(
            cls.env, login="as_dispatcher_ui", groups="aftersales_service.group_aftersales_user"
        )

    def _arch(self, view_type):
        views = (
            self.env["aftersales.request"]
            .with_user(self.dispatcher)
            .get_views([(False, view_type)])["views"]
        )
        return etree.fromstring(views[view_type]["arch"])

    def test_reference_column_is_wide_enough(self):
        """The list keeps the whole reference (SR/2026/00001) visible: its column has a width."""
        name = self._arch("list").xpath("//field[@name='name']")[0]
        self.assertTrue(name.get("width"), "the reference column has a fixed width")
        self.assertGreaterEqual(int(name.get("width").removesuffix("px")), 130)

    def test_kanban_card_shows_the_due_date(self):
        """A kanban card shows when the request is due."""
        request = self.env["aftersales.request"].create({"partner_id": self.customer.id})
        self.assertTrue(request.deadline_resolution)
        arch = self._arch("kanban")
        self.assertTrue(arch.xpath("//templates//field[@name='deadline_resolution']"))
        records = (
            self.env["aftersales.request"]
            .with_user(self.dispatcher)
            .web_search_read(
                [("id", "=", request.id)],
                {"name": {}, "state": {}, "deadline_resolution": {}},
            )["records"]
        )
        self.assertTrue(records[0]["deadline_resolution"])

    def test_stage_is_named_one_way(self):
        """The request's progress is called "Stage" in its field, filters and group-bys."""
        Request = self.env["aftersales.request"].with_user(self.dispatcher)
        self.assertEqual(Request.fields_get(["state"])["state"]["string"], "Stage")
        labels = {
            node.get("string")
            for node in self._arch("search").xpath("//filter[@context]")
            if "'state'" in node.get("context")
        }
        self.assertEqual(labels, {"Stage"})
        for view_type in ("list", "form", "kanban", "calendar"):
            for node in self._arch(view_type).xpath("//field[@name='state']"):
                self.assertIn(node.get("string"), (None, "Stage"), view_type)

    def test_invoice_line_labels_have_no_stray_slash(self):
        """A paid repair's invoice lines name the request and the repair once, without a "/"
        standing between them."""
        request, repair = self._make_repair()
        repair.action_create_sale_order()
        repair.sale_order_id.action_confirm()
        self._finish(repair, hours=1.5)
        invoice = request.invoice_ids
        self.assertTrue(invoice.invoice_line_ids)
        for line in invoice.with_user(self.accountant).invoice_line_ids:
            self.assertFalse(re.search(r"(^|\s)/(\s|$)", line.name), line.name)
            product = line.product_id.display_name
            self.assertEqual(line.name.count(product), 1, f"{line.name}: the product once")
            self.assertEqual(line.name.count(request.name), 1, line.name)
            self.assertEqual(line.name.count(repair.name), 1, line.name)

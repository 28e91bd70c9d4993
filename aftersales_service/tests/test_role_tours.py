# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged

from .access_matrix import ROLES
from .return_common import submitted_return
from .tour_common import TourMixin, stocked_part


@tagged("post_install", "-at_install")
class TestRoleTours(TourMixin, HttpCase):
    """The roles' screens in a real (headless Chromium) browser, each logged in as a user
    holding exactly the access matrix's groups of that role."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = {
            role: new_test_user(
                cls.env,
                login=f"tour_{role}",
                groups=",".join(groups),
                name=f"Tour {role.replace('_', ' ').title()}",
            )
            for role, (_label, groups, _who) in ROLES.items()
            if role not in ("portal", "public")
        }
        company = cls.env.company
        if not company.chart_template:
            cls.env["account.chart.template"].try_loading(
                "generic_coa", company=company, install_demo=False
            )

    def test_agent_takes_a_call_and_dispatches(self):
        """The agent records a request, assesses it, assigns the suggested technician and
        schedules the visit."""
        customer = self.env["res.partner"].create({"name": "Agent Tour Customer"})
        product = self.env["product.product"].create({"name": "Agent Tour Chiller"})
        technician = self.env["hr.employee"].create(
            {"name": "Agent Tour Technician", "is_technician": True}
        )
        self.env["aftersales.technician.certification"].create(
            {
                "employee_id": technician.id,
                "product_category_id": product.categ_id.id,
                "date_expiry": "2099-12-31",
            }
        )
        self._start_tour(
            "/odoo/action-aftersales_service.aftersales_request_action/new",
            "aftersales_agent_tour",
            self.users["agent"].login,
        )
        request = self.env["aftersales.request"].search([("partner_id", "=", customer.id)])
        self.assertEqual(len(request), 1)
        self.assertEqual(request.technician_id, technician)
        self.assertEqual(request.state, "scheduled")

    def test_technician_repairs_on_site_with_a_part(self):
        """The technician starts their request, repairs the unit under warranty on site with
        a spare part and finishes the request."""
        customer = self.env["res.partner"].create({"name": "Technician Tour Customer"})
        product = self.env["product.product"].create({"name": "Technician Tour Chiller"})
        technician = self.env["hr.employee"].create(
            {
                "name": "Technician Tour Park",
                "is_technician": True,
                "user_id": self.users["technician"].id,
            }
        )
        self.env["aftersales.technician.certification"].create(
            {
                "employee_id": technician.id,
                "product_category_id": product.categ_id.id,
                "date_expiry": "2099-12-31",
            }
        )
        part = stocked_part(self.env, "Technician Tour Motor")
        self.env["aftersales.warranty"].create(
            {
                "partner_id": customer.id,
                "product_id": product.id,
                "date_start": fields.Date.add(fields.Date.today(), months=-2),
            }
        )
        request = self.env["aftersales.request"].create(
            {"partner_id": customer.id, "product_id": product.id, "technician_id": technician.id}
        )
        request.action_assess()
        request.action_schedule()
        self._start_tour(
            f"/odoo/action-aftersales_service.aftersales_request_action/{request.id}",
            "aftersales_technician_tour",
            self.users["technician"].login,
        )
        self.assertEqual(request.state, "done")
        self.assertEqual(request.repair_ids.state, "done")
        self.assertIn(part, request.repair_ids.move_ids.product_id)

    def test_accountant_links_an_invoice_to_the_request(self):
        """The accountant links a call-out fee invoice to its customer's request and opens the
        request from the invoice."""
        customer = self.env["res.partner"].create({"name": "Accountant Tour Customer"})
        request = self.env["aftersales.request"].create({"partner_id": customer.id})
        fee = self.env["product.product"].create({"name": "Tour Call-out Fee", "type": "service"})
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": customer.id,
                "invoice_line_ids": [
                    Command.create({"product_id": fee.id, "quantity": 1, "price_unit": 60})
                ],
            }
        )
        self._start_tour(
            f"/odoo/action-account.action_move_out_invoice_type/{invoice.id}",
            "aftersales_accountant_tour",
            self.users["accountant"].login,
        )
        self.assertEqual(invoice.aftersales_request_id, request)
        self.assertEqual(request.invoice_payment_state, "draft")

    def test_return_approver_signs_their_step(self):
        """The sales head opens a return signed by after-sales and finance and signs it."""
        record = submitted_return(self.env, self.users, "Approver Tour")
        signers = {"aftersales": "manager", "finance": "accountant"}
        for approval in record.approval_ids.sorted("sequence"):
            if approval.step in signers:
                approval.with_user(self.users[signers[approval.step]]).action_approve()
        self.assertEqual(
            record.approval_ids.filtered(lambda a: a.state == "pending" and a.step != "qc").step,
            "sales_head",
        )
        self._start_tour(
            f"/odoo/action-aftersales_service.aftersales_return_action/{record.id}",
            "aftersales_approver_tour",
            self.users["return_approver"].login,
        )
        self.assertEqual(record.state, "approved")

    def test_portal_customer_files_a_request(self):
        """A portal customer files a request for a product they bought."""
        customer = self.env["res.partner"].create({"name": "Portal Tour Clinic"})
        portal = new_test_user(
            self.env, login="tour_portal", groups="base.group_portal", partner_id=customer.id
        )
        goods = self.env["product.product"].create(
            {"name": "Portal Tour Dehumidifier", "type": "consu", "list_price": 300.0}
        )
        order = self.env["sale.order"].create(
            {
                "partner_id": customer.id,
                "order_line": [Command.create({"product_id": goods.id, "product_uom_qty": 1})],
            }
        )
        order.action_confirm()
        order.picking_ids.button_validate()
        self._start_tour("/my/requests/new", "aftersales_portal_tour", portal.login)
        request = self.env["aftersales.request"].search([("partner_id", "=", customer.id)])
        self.assertEqual(len(request), 1)
        self.assertEqual(request.product_id, goods)
        self.assertEqual(request.channel, "portal")

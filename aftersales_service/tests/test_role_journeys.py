# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import tagged

from .screen_common import ScreenClient
from .trust_common import TrustCommon


@tagged("post_install", "-at_install")
class TestRoleJourneys(TrustCommon):
    """Each role's working day through the calls the web client makes, as a user holding
    exactly the access matrix's groups: the form or list opened with its own view's fields,
    then the buttons the role presses."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.write(
            {
                "aftersales_return_ratio_allowed": 5.0,
                "aftersales_return_days_allowed": 180,
                "aftersales_return_ratio_window_days": 365,
                "aftersales_return_sales_head_id": cls.role_users["return_approver"].id,
                "aftersales_return_accountant_id": cls.role_users["accountant"].id,
            }
        )
        cls.tech_employee = cls.env["hr.employee"].create(
            {
                "name": "Journey Technician",
                "user_id": cls.role_users["technician"].id,
                "is_technician": True,
            }
        )
        cls.env["aftersales.technician.certification"].create(
            {
                "employee_id": cls.tech_employee.id,
                "product_category_id": cls.product.categ_id.id,
                "date_expiry": "2099-12-31",
            }
        )
        cls.env["aftersales.tariff"].create(
            {
                "service_type": "onsite",
                "product_tmpl_id": cls.product.product_tmpl_id.id,
                "labour_price": 150.0,
            }
        )
        cls.part = cls.env["product.product"].create(
            {"name": "Journey Fan Motor", "type": "consu", "list_price": 50.0}
        )
        cls.unit = cls.env["stock.lot"].create(
            {"name": "JOURNEY-0001", "product_id": cls.product.id}
        )

    def _client(self, role):
        return ScreenClient(self.env, self.role_users[role])

    def _new_request(self, client, **values):
        """The agent's intake: a new request form filled in and saved."""
        defaults = client.form("aftersales.request")
        self.assertIn("partner_id", defaults)
        saved = client.save(
            "aftersales.request",
            False,
            dict(
                {
                    "partner_id": self.customer.id,
                    "product_id": self.product.id,
                    "lot_id": self.unit.id,
                    "description": "The unit does not cool.",
                },
                **values,
            ),
        )
        return self.env["aftersales.request"].browse(saved["id"])

    def _dispatch(self, client, request):
        """Suggest Technician, then Assign in the wizard, as ``client``'s user."""
        action, wizard = client.click("aftersales.request", request.id, "action_suggest_technician")
        self.assertEqual(action["res_model"], "aftersales.dispatch.wizard")
        suggested = [line["employee_id"]["id"] for line in wizard["line_ids"]]
        self.assertIn(self.tech_employee.id, suggested)
        client.save(
            "aftersales.dispatch.wizard", wizard["id"], {"employee_id": self.tech_employee.id}
        )
        client.click("aftersales.dispatch.wizard", wizard["id"], "action_assign")
        self.assertEqual(request.technician_id, self.tech_employee)

    # -- agent and dispatcher ---------------------------------------------------------------
    def test_agent_takes_a_call_and_dispatches(self):
        """The agent records the call, opens the request, assesses it and dispatches it with
        Suggest Technician (which once crashed without HR rights)."""
        agent = self._client("agent")
        request = self._new_request(agent)
        form = agent.form("aftersales.request", request.id)
        self.assertEqual(form["invoice_payment_state"], "none")
        self.assertNotIn("invoice_ids", form, "invoices belong to invoicing users")
        agent.click("aftersales.request", request.id, "action_assess")
        self._dispatch(agent, request)
        records = agent.list("aftersales.request", [("id", "=", request.id)])
        self.assertEqual(records[0]["id"], request.id)

    def test_dispatcher_schedules_the_technician(self):
        """The dispatcher opens the assessed request, suggests and assigns the technician,
        proposes a slot of the technician's calendar, records the customer's agreement and
        schedules the visit."""
        dispatcher = self._client("dispatcher")
        request = self._new_request(self._client("agent"))
        request.action_assess()
        dispatcher.form("aftersales.request", request.id)
        self._dispatch(dispatcher, request)
        self.assertFalse(request.date_appointed, "no appointment is fixed by assigning")
        action, wizard = dispatcher.click(
            "aftersales.request", request.id, "action_propose_appointment"
        )
        self.assertEqual(action["res_model"], "aftersales.appointment.wizard")
        self.assertTrue(wizard["slot_id"], "a free slot of the technician's calendar is proposed")
        dispatcher.click("aftersales.appointment.wizard", action["res_id"], "action_agree")
        self.assertTrue(request.date_appointment)
        self.assertTrue(request.date_appointed)
        dispatcher.click("aftersales.request", request.id, "action_schedule")
        self.assertEqual(request.state, "scheduled")

    def test_agent_submits_a_return_over_the_customer_ratio(self):
        """A return that takes the customer over the allowed ratio is submitted by the agent
        (the ratio watch writes the customer, which the agent may not edit)."""
        agent = self._client("agent")
        saved = agent.save(
            "aftersales.return",
            False,
            {
                "partner_id": self.customer.id,
                "line_ids": [
                    Command.create(
                        {
                            "product_id": self.goods.id,
                            "sale_line_id": self.sale_line.id,
                            "quantity": 20,
                            "reason_kind": "unsaleable",
                            "reason": "Slow-moving stock",
                        }
                    )
                ],
            },
        )
        record = self.env["aftersales.return"].browse(saved["id"])
        self.assertTrue(agent.form("aftersales.return", record.id)["is_policy_breach"])
        agent.click("aftersales.return", record.id, "action_submit")
        self.assertEqual(record.state, "submitted")
        self.assertTrue(self.customer.commercial_partner_id.aftersales_ratio_alert_sent)

    # -- technician -------------------------------------------------------------------------
    def test_technician_repairs_on_site_and_quotes_the_paid_work(self):
        """The technician opens the request assigned to them, starts it, opens the on-site
        job, adds the part and makes the quotation of the paid repair."""
        technician = self._client("technician")
        request = self._new_request(self._client("agent"), technician_id=self.tech_employee.id)
        request.action_assess()
        request.action_schedule()
        arch, _spec = technician.form_view("aftersales.request")
        self.assertFalse(
            arch.xpath("//button[@name='action_suggest_technician']"),
            "dispatching belongs to agents and dispatchers",
        )
        technician.form("aftersales.request", request.id)
        technician.click("aftersales.request", request.id, "action_start")
        action, job = technician.click("aftersales.request", request.id, "action_create_onsite_job")
        self.assertEqual(action["res_model"], "repair.order")
        technician.save(
            "repair.order",
            job["id"],
            {
                "move_ids": [
                    Command.create(
                        {
                            "product_id": self.part.id,
                            "product_uom_qty": 1.0,
                            "repair_line_type": "add",
                            "aftersales_part_reason": "Fan motor burnt",
                        }
                    )
                ]
            },
        )
        repair = self.env["repair.order"].browse(job["id"])
        self.assertTrue(repair.aftersales_charge_labour or repair.aftersales_charge_parts)
        technician.click("repair.order", repair.id, "action_create_sale_order")
        self.assertTrue(repair.sale_order_id)
        self.assertIn(self.part, repair.sale_order_id.order_line.product_id)
        technician.form("repair.order", repair.id)

    # -- manager ----------------------------------------------------------------------------
    def test_manager_follows_the_payment_of_a_request(self):
        """The manager opens a request with invoices and reads their state honestly: a draft
        invoice is a draft, a posted one is not paid yet."""
        manager = self._client("manager")
        request = self._new_request(self._client("agent"))
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.customer.id,
                "aftersales_request_id": request.id,
                "invoice_line_ids": [
                    Command.create({"product_id": self.part.id, "quantity": 1, "price_unit": 80})
                ],
            }
        )
        form = manager.form("aftersales.request", request.id)
        self.assertEqual(form["invoice_payment_state"], "draft")
        invoice.action_post()
        request.invalidate_recordset()
        form = manager.form("aftersales.request", request.id)
        self.assertEqual(form["invoice_payment_state"], "not_paid")
        for amount, state in ((40.0, "partial"), (invoice.amount_residual - 40.0, "paid")):
            self.env["account.payment.register"].with_context(
                active_model="account.move", active_ids=invoice.ids
            ).create({"amount": amount})._create_payments()
            request.invalidate_recordset()
            form = manager.form("aftersales.request", request.id)
            self.assertEqual(form["invoice_payment_state"], state)
        manager.click("aftersales.request", request.id, "action_cancel")
        self.assertEqual(request.state, "cancelled")

    # -- return approval chain --------------------------------------------------------------
    def test_return_approver_opens_and_signs_the_return(self):
        """After the manager's and the accountant's signatures, the sales head (a return
        approver without Sales or Inventory rights) opens the return and signs."""
        record = self._new_fixture("aftersales.return")
        self._client("agent").click("aftersales.return", record.id, "action_submit")
        signers = {
            "aftersales": "manager",
            "finance": "accountant",
            "sales_head": "return_approver",
        }
        # the chain ends with the QC step, signed by the QC verdict after the stock-in
        self.assertEqual(record.approval_ids.sorted("sequence")[-1:].step, "qc")
        for approval in record.approval_ids.filtered(lambda a: a.step != "qc").sorted("sequence"):
            client = self._client(signers[approval.step])
            form = client.form("aftersales.return", record.id)
            self.assertTrue(form["sale_order_ids"])
            client.form("aftersales.return.approval", approval.id)
            client.save("aftersales.return.approval", approval.id, {"comment": "Checked"})
            client.click("aftersales.return.approval", approval.id, "action_approve")
        self.assertEqual(record.state, "approved")
        approver = self._client("return_approver")
        approver.form("aftersales.return", record.id)
        self.assertTrue(record.pickup_picking_id)
        approver.form("stock.picking", record.pickup_picking_id.id)

    # -- accountant -------------------------------------------------------------------------
    def _paid_repair_invoice(self):
        """A finished paid on-site repair, its quotation accepted and invoiced (as admin)."""
        request = self._new_request(self._client("agent"), technician_id=self.tech_employee.id)
        repair = request._create_repairs("onsite")
        repair.write(
            {
                "aftersales_planned_hours": 1.0,
                "move_ids": [
                    Command.create(
                        {
                            "product_id": self.part.id,
                            "product_uom_qty": 1.0,
                            "repair_line_type": "add",
                            "aftersales_part_reason": "Fan motor burnt",
                        }
                    )
                ],
            }
        )
        repair.action_create_sale_order()
        repair.sale_order_id.action_confirm()
        repair.aftersales_hours = 1.0
        repair.action_repair_start()
        for move in repair.move_ids:
            move.quantity = move.product_uom_qty
            move.picked = True
        repair.action_repair_end()
        self.assertTrue(request.invoice_ids)
        return request, repair, request.invoice_ids[:1]

    def test_accountant_finds_the_request_and_repair_of_an_invoice(self):
        """The accountant filters the after-sales invoices, shows their request column, and
        opens the request and the repair from the invoice's smart buttons."""
        accountant = self._client("accountant")
        request, repair, invoice = self._paid_repair_invoice()
        self.assertEqual(invoice.aftersales_repair_id, repair)
        action = self.env.ref("account.action_move_out_invoice_type")
        shown = accountant.open(accountant.load_action(action))
        self.assertIn(invoice.id, [record["id"] for record in shown["list"]["records"]])
        search = (
            self.env["account.move"]
            .with_user(self.role_users["accountant"])
            .get_views([[False, "search"]])["views"]["search"]["arch"]
        )
        self.assertIn('name="aftersales"', search)
        self.assertIn('name="aftersales_request_id"', search)
        found = accountant.list(
            "account.move",
            [("aftersales_request_id", "ilike", request.name), ("move_type", "=", "out_invoice")],
        )
        self.assertEqual([record["id"] for record in found], [invoice.id])
        self.assertEqual(found[0]["aftersales_request_id"]["id"], request.id)
        _action, request_form = accountant.click(
            "account.move", invoice.id, "action_aftersales_view_request"
        )
        self.assertEqual(request_form["id"], request.id)
        self.assertEqual(request_form["invoice_payment_state"], "draft")
        _action, repair_form = accountant.click(
            "account.move", invoice.id, "action_aftersales_view_repair"
        )
        self.assertEqual(repair_form["id"], repair.id)

    def test_accountant_links_a_call_out_fee_invoice_to_the_request(self):
        """An invoice made by hand (a call-out fee collected on site) is linked to the
        customer's request by the accountant; one made from the request's Invoices button is
        linked from the start."""
        accountant = self._client("accountant")
        request = self._new_request(self._client("agent"))
        other = self.env["res.partner"].create({"name": "Another Customer"})
        other_request = self.env["aftersales.request"].create({"partner_id": other.id})
        context = {"default_move_type": "out_invoice"}
        accountant.form("account.move", context=context)
        values = {
            "partner_id": self.customer.id,
            "invoice_line_ids": [
                Command.create({"product_id": self.part.id, "quantity": 1, "price_unit": 60})
            ],
        }
        saved = accountant.save("account.move", False, values, context)
        field = self.env["account.move"]._fields["aftersales_request_id"]
        choices = (
            self.env["aftersales.request"]
            .with_user(self.role_users["accountant"])
            .name_search(
                "",
                args=[("commercial_partner_id", "=", self.customer.commercial_partner_id.id)],
            )
        )
        self.assertIn("commercial_partner_id", field.domain)
        self.assertIn(request.id, [rid for rid, _name in choices])
        self.assertNotIn(other_request.id, [rid for rid, _name in choices])
        saved = accountant.save(
            "account.move", saved["id"], {"aftersales_request_id": request.id}, context
        )
        self.assertEqual(saved["aftersales_request_id"]["id"], request.id)
        self.assertEqual(request.invoice_payment_state, "draft")
        # the request's Invoices button: a new invoice there is the request's
        request.invalidate_recordset()
        action, _shown = accountant.click("aftersales.request", request.id, "action_view_invoices")
        new = accountant.form("account.move", context=action["context"])
        self.assertEqual(new["aftersales_request_id"]["id"], request.id)
        self.assertEqual(new["partner_id"]["id"], self.customer.id)

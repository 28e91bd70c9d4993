# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class AftersalesRequest(models.Model):
    _inherit = "aftersales.request"

    repair_ids = fields.One2many("repair.order", "aftersales_request_id", string="Repairs")
    # the repairs the user may read (a return approver or an accountant without
    # Inventory rights opens the request all the same)
    repair_count = fields.Integer(compute="_compute_repair_count", compute_sudo=True)
    # the invoices themselves belong to invoicing users; every reader of the request sees
    # how many there are and how far they are paid
    invoice_ids = fields.One2many(
        "account.move",
        "aftersales_request_id",
        string="Invoices",
        groups="account.group_account_invoice,account.group_account_readonly",
    )
    invoice_count = fields.Integer(compute="_compute_invoice_state", compute_sudo=True)
    invoice_payment_state = fields.Selection(
        [
            ("none", "Nothing to Invoice"),
            ("draft", "Draft Invoice"),
            ("not_paid", "Invoiced, Not Paid"),
            ("partial", "Partially Paid"),
            ("paid", "Paid"),
        ],
        string="Payment",
        compute="_compute_invoice_state",
        compute_sudo=True,
        help="Draft: invoiced on paper only, nothing is due yet. Invoiced, not paid: a posted "
        "invoice waits for its payment. Partially paid: part of what is invoiced is paid.",
    )
    repair_parts_cost = fields.Monetary(
        string="Parts Cost",
        currency_field="repair_currency_id",
        compute="_compute_repair_parts_cost",
        compute_sudo=True,
        help="Cost of the parts used by the repairs of this request, charged or not.",
    )
    repair_currency_id = fields.Many2one(related="company_id.currency_id")
    customer_signature = fields.Image(copy=False, max_width=1024, max_height=1024)

    def _aftersales_visible_repairs(self):
        """The request's repairs the current user may read (computed as superuser)."""
        self.ensure_one()
        return self.repair_ids.with_user(self.env.uid)._filtered_access("read").sudo()

    @api.depends("repair_ids")
    def _compute_repair_count(self):
        for request in self:
            request.repair_count = len(request._aftersales_visible_repairs())

    @api.depends("invoice_ids.payment_state", "invoice_ids.state")
    def _compute_invoice_state(self):
        for request in self:
            invoices = request.invoice_ids.filtered(lambda m: m.state != "cancel")
            request.invoice_count = len(invoices)
            posted = invoices.filtered(lambda m: m.state == "posted")
            states = set(posted.mapped("payment_state"))
            if not invoices:
                request.invoice_payment_state = "none"
            elif not posted:
                request.invoice_payment_state = "draft"
            elif posted == invoices and states <= {"paid", "in_payment", "reversed"}:
                request.invoice_payment_state = "paid"
            elif states & {"paid", "in_payment", "partial", "reversed"}:
                request.invoice_payment_state = "partial"
            else:
                request.invoice_payment_state = "not_paid"

    @api.depends("repair_ids.move_ids.product_uom_qty")
    def _compute_repair_parts_cost(self):
        for request in self:
            request.repair_parts_cost = sum(
                request._aftersales_visible_repairs().mapped("aftersales_parts_cost")
            )

    def write(self, vals):
        res = super().write(vals)
        if vals.get("customer_signature"):
            # the customer's signature on the request accepts its pending repair quotes
            self.repair_ids._aftersales_accept_signed_quote()
        return res

    def _aftersales_work_category(self):
        """Hours are booked to the category the charging rule gave the latest repair."""
        self.ensure_one()
        repairs = self.repair_ids.filtered(
            lambda r: r.state != "cancel" and r.aftersales_charge_category
        )
        if repairs:
            return repairs.sorted("id")[-1].aftersales_charge_category
        return super()._aftersales_work_category()

    def _prepare_repair_vals(self, service_type):
        self.ensure_one()
        return {
            "aftersales_request_id": self.id,
            "aftersales_service_type": service_type,
            "partner_id": self.partner_id.id,
            "product_id": self.product_id.id,
            "lot_id": self.lot_id.id,
            "company_id": self.company_id.id,
            "internal_notes": self.description,
        }

    def _create_repairs(self, service_type):
        repairs = self.env["repair.order"].create(
            [request._prepare_repair_vals(service_type) for request in self]
        )
        return repairs

    def action_create_onsite_job(self):
        return self._create_repairs("onsite")._get_aftersales_form_action()

    def action_create_workshop_repair(self):
        return self._create_repairs("workshop")._get_aftersales_form_action()

    def action_view_repairs(self):
        self.ensure_one()
        return self.repair_ids._get_aftersales_form_action()

    def action_view_invoices(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Invoices"),
            "res_model": "account.move",
            "view_mode": "list,form",
            "domain": [("aftersales_request_id", "=", self.id)],
            # an invoice created from here (a call-out fee collected on site) is the request's
            "context": {
                "default_move_type": "out_invoice",
                "default_partner_id": self.partner_id.id,
                "default_aftersales_request_id": self.id,
            },
        }

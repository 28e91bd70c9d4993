# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AftersalesFaultCode(models.Model):
    _name = "aftersales.fault.code"
    _description = "Fault Code"
    _order = "code, id"
    _rec_names_search = ["code", "name", "component", "symptom"]

    code = fields.Char(required=True, index=True)
    name = fields.Char(string="Description", required=True, translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", index=True, help="Empty: shared by all companies.")
    product_tmpl_id = fields.Many2one(
        "product.template",
        string="Product",
        help="Product the fault occurs on; empty for a fault common to several products.",
    )
    product_categ_id = fields.Many2one("product.category", string="Product Category")
    component = fields.Char(
        help="Component of the unit that fails, e.g. compressor, control board."
    )
    symptom = fields.Char(help="What the customer sees, e.g. no cooling, noise.")
    request_ids = fields.One2many("aftersales.request", "fault_code_id", string="Requests")
    request_count = fields.Integer(compute="_compute_request_count")

    _sql_constraints = [
        ("code_company_uniq", "unique(code, company_id)", "A fault code must be unique."),
    ]

    def _compute_display_name(self):
        for fault in self:
            fault.display_name = f"[{fault.code}] {fault.name}" if fault.code else fault.name

    def _compute_request_count(self):
        counts = dict(
            self.env["aftersales.request"]._read_group(
                [("fault_code_id", "in", self.ids)], ["fault_code_id"], ["__count"]
            )
        )
        for fault in self:
            fault.request_count = counts.get(fault, 0)

    def action_view_requests(self):
        """The requests behind this fault code's count."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_service.aftersales_request_action"
        )
        action.update(
            domain=[("fault_code_id", "=", self.id)],
            context={"default_fault_code_id": self.id},
            name=self.env._("Requests with %(code)s", code=self.display_name),
        )
        return action

# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class AftersalesToolIncident(models.Model):
    _name = "aftersales.tool.incident"
    _description = "Tool Loss or Damage Report"
    _inherit = ["aftersales.state.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Reference", required=True, copy=False, readonly=True, default="New")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    equipment_id = fields.Many2one(
        "maintenance.equipment",
        string="Tool",
        required=True,
        check_company=True,
        domain="[('aftersales_is_tool', '=', True)]",
        tracking=True,
    )
    employee_id = fields.Many2one(
        "hr.employee",
        string="Technician",
        required=True,
        check_company=True,
        tracking=True,
        help="The custodian of the tool when it was lost or damaged.",
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    incident_type = fields.Selection(
        [("loss", "Loss"), ("damage", "Damage")], string="Type", required=True, default="damage"
    )
    description = fields.Text(string="What Happened")
    decision = fields.Selection(
        [("wear", "Normal Wear"), ("charged", "Charged to the Technician")],
        readonly=True,
        tracking=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount_charged = fields.Monetary(
        currency_field="currency_id",
        tracking=True,
        help="Amount recorded against the technician when the loss or damage is charged.",
    )
    state = fields.Selection(
        [("reported", "Reported"), ("decided", "Decided")],
        default="reported",
        required=True,
        readonly=True,
        tracking=True,
    )

    @api.onchange("equipment_id")
    def _onchange_equipment_id(self):
        for incident in self.filtered("equipment_id.aftersales_custodian_id"):
            incident.employee_id = incident.equipment_id.aftersales_custodian_id

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not self._aftersales_in_transition():
                vals.pop("decision", None)
            if vals.get("name", "New") == "New":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("aftersales.tool.incident") or "New"
                )
        return super().create(vals_list)

    def _aftersales_transition_fields(self):
        return super()._aftersales_transition_fields() | {"decision"}

    def _aftersales_field_refusal(self, field_names):
        return self.env._("A loss or damage report is decided with its buttons.")

    def _aftersales_transition_refusals(self):
        refusals = super()._aftersales_transition_refusals()
        refusals["decided"] = self.env._("This report has already been decided.")
        return refusals

    def _aftersales_protected_fields(self):
        return super()._aftersales_protected_fields() | {"amount_charged"}

    def _aftersales_is_frozen(self):
        self.ensure_one()
        return self.state == "decided"

    def _aftersales_frozen_refusal(self, fields_changed):
        return self.env._("The charged amount of a decided report cannot change.")

    def _decide(self, decision, vals=None):
        if not self.env.user.has_group("aftersales_service.group_aftersales_manager"):
            raise UserError(self.env._("Only an after-sales manager decides on a tool incident."))
        self._aftersales_transition(("reported",), "decided", dict(vals or {}, decision=decision))

    def action_decide_wear(self):
        """Normal wear: nothing is charged."""
        self._decide("wear", {"amount_charged": 0.0})
        return True

    def action_decide_charged(self):
        """Charged: the amount is recorded against the technician."""
        missing = self.filtered(lambda i: i.amount_charged <= 0)
        if missing:
            raise UserError(
                self.env._(
                    "Enter the amount charged to the technician on %(names)s.",
                    names=", ".join(missing.mapped("name")),
                )
            )
        self._decide("charged")
        lost_tools = self.filtered(lambda i: i.incident_type == "loss").equipment_id
        # the decision is the manager's; the custody change follows from it
        lost_tools.sudo().action_aftersales_hand_over(False, self.env._("Lost"))
        return True

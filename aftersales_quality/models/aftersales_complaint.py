# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.aftersales_service.models.record_lock import lock_records


class AftersalesComplaint(models.Model):
    _name = "aftersales.complaint"
    _description = "Customer Complaint"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "priority desc, date_received desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Reference", required=True, copy=False, readonly=True, default="New")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, check_company=True, tracking=True
    )
    request_id = fields.Many2one(
        "aftersales.request", string="Service Request", check_company=True, index=True
    )
    user_id = fields.Many2one(
        "res.users", string="Responsible", default=lambda self: self.env.user, tracking=True
    )
    category = fields.Selection(
        [
            ("quality", "Product Quality"),
            ("logistics", "Packaging or Transport Damage"),
            ("staff", "Staff Attitude or Negligence"),
            ("dealer", "Dealer / Retailer"),
            ("other", "Other"),
        ],
        required=True,
        default="quality",
        tracking=True,
    )
    priority = fields.Selection([("0", "Normal"), ("1", "Urgent")], default="0")
    date_received = fields.Datetime(default=fields.Datetime.now, required=True)
    content = fields.Html(required=True)
    decision = fields.Selection(
        [("founded", "Founded"), ("unfounded", "Unfounded")],
        tracking=True,
        help="Decide first whether the complaint is founded; an unfounded one is answered "
        "politely with the reason.",
    )
    reply = fields.Html(string="Reply to Customer")
    state = fields.Selection(
        [
            ("new", "New"),
            ("acknowledged", "Acknowledged"),
            ("resolved", "Resolved"),
            ("closed", "Closed"),
        ],
        default="new",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            vals.pop("state", None)
            if vals.get("name", "New") == "New":
                vals["name"] = self.env["ir.sequence"].next_by_code("aftersales.complaint") or "New"
        return super().create(vals_list)

    def write(self, vals):
        if "state" in vals and not self.env.context.get("aftersales_complaint_state_change"):
            raise UserError(
                self.env._("The state of a complaint changes only through its buttons.")
            )
        return super().write(vals)

    def _set_state(self, allowed_from, target):
        lock_records(self)
        labels = dict(self._fields["state"]._description_selection(self.env))
        for complaint in self:
            if complaint.state not in allowed_from:
                raise UserError(
                    self.env._(
                        "Complaint %(name)s is %(state)s; this step is not possible now.",
                        name=complaint.name,
                        state=labels[complaint.state],
                    )
                )
        self.with_context(aftersales_complaint_state_change=True).write({"state": target})
        return True

    def action_acknowledge(self):
        return self._set_state({"new"}, "acknowledged")

    def action_resolve(self):
        undecided = self.filtered(lambda c: not c.decision or not c.reply)
        if undecided:
            raise UserError(
                self.env._(
                    "Decide whether %(names)s is founded and write the reply to the customer "
                    "before resolving it.",
                    names=", ".join(undecided.mapped("name")),
                )
            )
        return self._set_state({"acknowledged"}, "resolved")

    def action_close(self):
        if not self.env.user.has_group("aftersales_service.group_aftersales_manager"):
            raise UserError(self.env._("Only an after-sales manager may close a complaint."))
        return self._set_state({"resolved"}, "closed")

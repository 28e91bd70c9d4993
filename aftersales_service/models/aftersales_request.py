# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from ..rules.request_flow import transition_error
from .record_lock import lock_records

STATE_CONTEXT_KEY = "aftersales_request_state_change"


class AftersalesRequest(models.Model):
    _name = "aftersales.request"
    _description = "Service Request"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "priority desc, date_request desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference", required=True, copy=False, readonly=True, default="New", index="trigram"
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        tracking=True,
        check_company=True,
        index=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        tracking=True,
        help="The agent or dispatcher who owns the request.",
    )
    technician_id = fields.Many2one("hr.employee", tracking=True, check_company=True, index=True)
    technician_user_id = fields.Many2one(
        related="technician_id.user_id", store=True, string="Technician User", index=True
    )
    channel = fields.Selection(
        [
            ("phone", "Phone"),
            ("email", "E-mail"),
            ("portal", "Web / Portal"),
            ("walk_in", "Walk-in"),
            ("partner", "Service Partner"),
        ],
        default="phone",
        required=True,
    )
    request_type = fields.Selection(
        [
            ("usage", "Usage Question"),
            ("repair", "Fault Repair"),
            ("installation", "Installation"),
            ("maintenance", "Cleaning / Maintenance"),
            ("policy", "Policy Question"),
            ("complaint", "Complaint"),
            ("return", "Return / Exchange"),
        ],
        string="Type",
        default="repair",
        required=True,
        tracking=True,
    )
    priority = fields.Selection(
        [("0", "Normal"), ("1", "High"), ("2", "Urgent")], default="0", index=True
    )
    product_id = fields.Many2one("product.product", check_company=True, tracking=True)
    lot_id = fields.Many2one(
        "stock.lot",
        string="Serial Number",
        check_company=True,
        domain="[('product_id', '=?', product_id)]",
        tracking=True,
    )
    description = fields.Html(string="Fault Symptoms")
    date_request = fields.Datetime(
        string="Requested On", default=fields.Datetime.now, required=True, index=True
    )
    date_done = fields.Datetime(string="Completed On", readonly=True, copy=False)
    state = fields.Selection(
        [
            ("new", "New"),
            ("assessed", "Assessed"),
            ("scheduled", "Scheduled"),
            ("in_progress", "In Progress"),
            ("waiting_parts", "Waiting for Parts"),
            ("done", "Done"),
            ("closed", "Closed"),
            ("cancelled", "Cancelled"),
        ],
        default="new",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
        group_expand="_group_expand_states",
    )
    color = fields.Integer()

    @api.model
    def _group_expand_states(self, states, domain):
        return [key for key, _label in self._fields["state"].selection]

    @api.onchange("lot_id")
    def _onchange_lot_id(self):
        for request in self.filtered("lot_id"):
            request.product_id = request.lot_id.product_id

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not self.env.context.get(STATE_CONTEXT_KEY):
                vals.pop("state", None)
            if vals.get("name", "New") == "New":
                company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
                vals["name"] = (
                    self.env["ir.sequence"].with_company(company).next_by_code("aftersales.request")
                    or "New"
                )
        return super().create(vals_list)

    def write(self, vals):
        if "state" in vals and not self.env.context.get(STATE_CONTEXT_KEY):
            raise UserError(
                self.env._(
                    "The stage of a service request changes only through its buttons "
                    "(Assess, Schedule, Start, Done, Close, Cancel)."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_started(self):
        for request in self:
            if request.state not in ("new", "cancelled"):
                raise UserError(
                    self.env._(
                        "Service request %(name)s has history and cannot be deleted; "
                        "cancel it instead.",
                        name=request.name,
                    )
                )

    # ------------------------------------------------------------------
    # Stage changes
    # ------------------------------------------------------------------
    def _is_aftersales_manager(self):
        return self.env.user.has_group("aftersales_service.group_aftersales_manager")

    def _move_to(self, target, extra_vals=None):
        """Move every request to ``target`` after checking the rule and the user's right."""
        lock_records(self)
        labels = dict(self._fields["state"]._description_selection(self.env))
        is_manager = self._is_aftersales_manager()
        for request in self:
            error = transition_error(request.state, target, is_manager)
            if error == "manager_only":
                raise UserError(
                    self.env._(
                        "Only an after-sales manager may move %(name)s to '%(target)s'.",
                        name=request.name,
                        target=labels[target],
                    )
                )
            if error:
                raise UserError(
                    self.env._(
                        "%(name)s is '%(current)s' and cannot be moved to '%(target)s'.",
                        name=request.name,
                        current=labels.get(request.state, request.state),
                        target=labels[target],
                    )
                )
        vals = dict(extra_vals or {}, state=target)
        self.with_context(**{STATE_CONTEXT_KEY: True}).write(vals)
        return True

    def action_assess(self):
        return self._move_to("assessed")

    def action_schedule(self):
        missing = self.filtered(lambda r: not r.technician_id)
        if missing:
            raise UserError(
                self.env._(
                    "Assign a technician to %(names)s before scheduling.",
                    names=", ".join(missing.mapped("name")),
                )
            )
        return self._move_to("scheduled")

    def action_start(self):
        return self._move_to("in_progress")

    def action_wait_parts(self):
        return self._move_to("waiting_parts")

    def action_done(self):
        return self._move_to("done", {"date_done": fields.Datetime.now()})

    def action_close(self):
        return self._move_to("closed")

    def action_cancel(self):
        return self._move_to("cancelled")

    def action_reset(self):
        return self._move_to("new", {"date_done": False})

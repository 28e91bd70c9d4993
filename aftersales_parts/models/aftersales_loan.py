# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.aftersales_service.models.record_lock import lock_records


class AftersalesLoan(models.Model):
    _name = "aftersales.loan"
    _description = "Loaner Unit Loan"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_lent desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Reference", required=True, copy=False, readonly=True, default="New")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    request_id = fields.Many2one(
        "aftersales.request", string="Service Request", check_company=True, index=True
    )
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, check_company=True, tracking=True
    )
    product_id = fields.Many2one(
        "product.product", string="Loaner Product", required=True, check_company=True
    )
    lot_id = fields.Many2one(
        "stock.lot",
        string="Loaner Serial",
        check_company=True,
        domain="[('product_id', '=', product_id)]",
        tracking=True,
    )
    date_lent = fields.Date(readonly=True, copy=False, tracking=True)
    date_expected_return = fields.Date(string="Expected Back", tracking=True)
    date_returned = fields.Date(readonly=True, copy=False, tracking=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("lent", "Lent"),
            ("returned", "Returned"),
            ("lost", "Lost"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )

    @api.onchange("request_id")
    def _onchange_request_id(self):
        for loan in self.filtered("request_id"):
            loan.partner_id = loan.request_id.partner_id

    @api.constrains("date_lent", "date_expected_return")
    def _check_dates(self):
        for loan in self:
            if (
                loan.date_lent
                and loan.date_expected_return
                and (loan.date_expected_return < loan.date_lent)
            ):
                raise UserError(
                    self.env._(
                        "The expected return date of %(name)s is before the lending date.",
                        name=loan.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            vals.pop("state", None)
            if vals.get("name", "New") == "New":
                vals["name"] = self.env["ir.sequence"].next_by_code("aftersales.loan") or "New"
        return super().create(vals_list)

    def write(self, vals):
        if "state" in vals and not self.env.context.get("aftersales_loan_state_change"):
            raise UserError(self.env._("The state of a loan changes only through its buttons."))
        return super().write(vals)

    def _set_state(self, allowed_from, target, extra=None):
        lock_records(self)
        for loan in self:
            if loan.state not in allowed_from:
                raise UserError(
                    self.env._(
                        "Loan %(name)s is %(state)s; this step is not possible now.",
                        name=loan.name,
                        state=dict(self._fields["state"]._description_selection(self.env))[
                            loan.state
                        ],
                    )
                )
        self.with_context(aftersales_loan_state_change=True).write(dict(extra or {}, state=target))
        return True

    def action_lend(self):
        missing = self.filtered(lambda loan: not loan.lot_id)
        if missing:
            raise UserError(
                self.env._(
                    "Choose the serial number of the loaner unit for %(names)s.",
                    names=", ".join(missing.mapped("name")),
                )
            )
        return self._set_state({"draft"}, "lent", {"date_lent": fields.Date.context_today(self)})

    def action_return(self):
        return self._set_state(
            {"lent"}, "returned", {"date_returned": fields.Date.context_today(self)}
        )

    def action_mark_lost(self):
        if not self.env.user.has_group("aftersales_service.group_aftersales_manager"):
            raise UserError(self.env._("Only an after-sales manager may write off a loaner unit."))
        return self._set_state({"lent"}, "lost")

    def action_cancel(self):
        return self._set_state({"draft"}, "cancelled")

# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError


class AftersalesWarrantyExtendWizard(models.TransientModel):
    _name = "aftersales.warranty.extend.wizard"
    _description = "Extend Warranties"

    warranty_ids = fields.Many2many("aftersales.warranty", string="Warranties", required=True)
    months = fields.Integer(string="Extra Months", required=True, default=1)
    reason = fields.Char(required=True)

    def action_confirm(self):
        self.ensure_one()
        if self.months <= 0:
            raise UserError(self.env._("An extension adds at least one month."))
        void = self.warranty_ids.filtered(lambda w: w.state == "void")
        if void:
            raise UserError(
                self.env._(
                    "Warranty %(name)s is void and cannot be extended.",
                    name=", ".join(void.mapped("display_name")),
                )
            )
        self.env["aftersales.warranty.extension"].create(
            [
                {
                    "warranty_id": warranty.id,
                    "months": self.months,
                    "reason": self.reason,
                    "source": "manual",
                }
                for warranty in self.warranty_ids
            ]
        )
        self.warranty_ids._refresh_expiry()
        return {"type": "ir.actions.act_window_close"}

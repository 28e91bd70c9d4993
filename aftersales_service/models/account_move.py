# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    aftersales_request_id = fields.Many2one(
        "aftersales.request",
        string="Service Request",
        index="btree_not_null",
        copy=False,
        tracking=True,
    )
    aftersales_charge_reason = fields.Char(
        string="Service Charging Reason",
        copy=False,
        help="Why the customer pays for this after-sales work.",
    )

    def action_aftersales_view_request(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "aftersales.request",
            "views": [[False, "form"]],
            "res_id": self.aftersales_request_id.id,
        }

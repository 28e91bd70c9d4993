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
    aftersales_return_id = fields.Many2one(
        "aftersales.return",
        string="After-Sales Return",
        index="btree_not_null",
        copy=False,
        readonly=True,
    )
    aftersales_charge_reason = fields.Char(
        string="Service Charging Reason",
        copy=False,
        help="Why the customer pays for this after-sales work.",
    )

    def _post(self, soft=True):
        posted = super()._post(soft=soft)
        # the accountant's activity to post a return's settlement is done once it is posted
        settlements = posted.filtered("aftersales_return_id")
        if settlements:
            settlements.activity_feedback(
                ["aftersales_service.mail_activity_type_return_settlement"]
            )
        return posted

    def action_aftersales_view_request(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "aftersales.request",
            "views": [[False, "form"]],
            "res_id": self.aftersales_request_id.id,
        }

# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    aftersales_request_id = fields.Many2one(
        "aftersales.request",
        string="Service Request",
        index="btree_not_null",
        copy=False,
        tracking=True,
        domain="[('commercial_partner_id', '=', commercial_partner_id)]",
        help="The service request this invoice bills (a request of the invoice's customer).",
    )
    aftersales_repair_id = fields.Many2one(
        "repair.order",
        string="Repair",
        compute="_compute_aftersales_repair_id",
        store=True,
        readonly=False,
        index="btree_not_null",
        copy=False,
        tracking=True,
        domain="[('partner_id', 'child_of', commercial_partner_id), "
        "('aftersales_request_id', '!=', False)]",
        help="The after-sales repair this invoice bills (a repair of the invoice's customer).",
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

    @api.depends("line_ids.aftersales_repair_id")
    def _compute_aftersales_repair_id(self):
        # the repair the invoice lines bill, unless the accountant linked one by hand
        for move in self:
            move.aftersales_repair_id = (
                move.aftersales_repair_id or move.line_ids.aftersales_repair_id[:1]
            )

    @api.onchange("aftersales_repair_id")
    def _onchange_aftersales_repair_id(self):
        request = self.aftersales_repair_id.aftersales_request_id
        if request and not self.aftersales_request_id:
            self.aftersales_request_id = request

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
        return self.aftersales_request_id._get_records_action()

    def action_aftersales_view_repair(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "repair.order",
            "views": [[False, "form"]],
            "res_id": self.aftersales_repair_id.id,
        }

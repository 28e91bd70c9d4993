# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class AftersalesRequest(models.Model):
    _inherit = "aftersales.request"

    loan_ids = fields.One2many(
        "aftersales.loan",
        "request_id",
        string="Loaner Units",
        groups="aftersales_service.group_aftersales_user_own",
    )
    loan_count = fields.Integer(
        string="Loans",
        compute="_compute_loan_count",
        groups="aftersales_service.group_aftersales_user_own",
    )

    def _compute_loan_count(self):
        counts = dict(
            self.env["aftersales.loan"]._read_group(
                [("request_id", "in", self.ids)], ["request_id"], ["__count"]
            )
        )
        for request in self:
            request.loan_count = counts.get(request, 0)

    def _loan_action(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_parts.aftersales_loan_action"
        )
        action["context"] = {
            "default_request_id": self.id,
            "default_partner_id": self.partner_id.id,
            "default_company_id": self.company_id.id,
        }
        return action

    def action_lend_loaner(self):
        """A new loan of a loaner unit to the request's customer, to complete and lend."""
        action = self._loan_action()
        action.update(views=[(False, "form")], view_mode="form", target="current")
        return action

    def action_view_loans(self):
        action = self._loan_action()
        action["domain"] = [("request_id", "=", self.id)]
        return action

    @api.model
    def _aftersales_portal_offers(self, products):
        """Spare parts and loaner units are not the customer's equipment: no request on them."""
        return (
            super()
            ._aftersales_portal_offers(products)
            .filtered(lambda p: not p.aftersales_is_spare_part and not p.aftersales_is_loaner)
        )

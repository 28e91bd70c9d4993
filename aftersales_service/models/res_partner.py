# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    aftersales_zone = fields.Selection(
        [("city", "City"), ("suburb", "Suburb"), ("system", "System Customer")],
        string="Service Zone",
        help="Decides the on-site arrival promise of this customer's requests. "
        "Empty: taken from the service address.",
    )
    aftersales_warranty_count = fields.Integer(
        string="Warranties", compute="_compute_aftersales_warranty_count"
    )
    aftersales_contract_count = fields.Integer(
        string="Service Contracts", compute="_compute_aftersales_warranty_count"
    )

    def _compute_aftersales_warranty_count(self):
        commercial = self.commercial_partner_id
        warranty_groups = (
            self.env["aftersales.warranty"]
            .sudo()
            ._read_group([("partner_id", "in", commercial.ids)], ["partner_id"], ["__count"])
        )
        contract_groups = (
            self.env["aftersales.contract"]
            .sudo()
            ._read_group([("partner_id", "in", commercial.ids)], ["partner_id"], ["__count"])
        )
        warranties = {partner.id: count for partner, count in warranty_groups}
        contracts = {partner.id: count for partner, count in contract_groups}
        for partner in self:
            partner.aftersales_warranty_count = warranties.get(partner.commercial_partner_id.id, 0)
            partner.aftersales_contract_count = contracts.get(partner.commercial_partner_id.id, 0)

    def action_view_aftersales_warranties(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_service.aftersales_warranty_action"
        )
        action["domain"] = [("partner_id", "child_of", self.commercial_partner_id.id)]
        return action

    def action_view_aftersales_contracts(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_service.aftersales_contract_action"
        )
        action["domain"] = [("partner_id", "child_of", self.commercial_partner_id.id)]
        action["context"] = {"default_partner_id": self.commercial_partner_id.id}
        return action

# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    aftersales_warranty_policy_id = fields.Many2one(
        "aftersales.warranty.policy",
        string="Warranty Policy",
        help="Warranty given when a unit is delivered. Empty: the policy of the product "
        "category applies.",
    )
    aftersales_effective_policy_id = fields.Many2one(
        "aftersales.warranty.policy",
        string="Applied Warranty Policy",
        compute="_compute_aftersales_effective_policy_id",
    )
    aftersales_warranty_count = fields.Integer(
        string="Warranties", compute="_compute_aftersales_warranty_count"
    )

    @api.depends("aftersales_warranty_policy_id", "categ_id")
    def _compute_aftersales_effective_policy_id(self):
        policies = self._aftersales_warranty_policy_map()
        Policy = self.env["aftersales.warranty.policy"]
        for template in self:
            template.aftersales_effective_policy_id = policies.get(template.id, Policy)

    def _compute_aftersales_warranty_count(self):
        groups = (
            self.env["aftersales.warranty"]
            .sudo()
            ._read_group([("product_tmpl_id", "in", self.ids)], ["product_tmpl_id"], ["__count"])
        )
        counts = {template.id: count for template, count in groups}
        for template in self:
            template.aftersales_warranty_count = counts.get(template.id, 0)

    def _aftersales_warranty_policy_map(self):
        """``{template id: policy}`` for the templates of ``self`` that carry a policy,
        their own or the nearest one up their category tree."""
        result = {}
        for template in self:
            policy = template.aftersales_warranty_policy_id
            if not policy:
                policy = template.categ_id._aftersales_warranty_policy()
            if policy:
                result[template.id] = policy
        return result

    def action_view_aftersales_warranties(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_service.aftersales_warranty_action"
        )
        action["domain"] = [("product_tmpl_id", "=", self.id)]
        action["context"] = {"search_default_group_state": 0}
        return action

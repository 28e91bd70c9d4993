# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class AftersalesWarrantyPolicy(models.Model):
    _name = "aftersales.warranty.policy"
    _description = "Warranty Policy"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", index=True, help="Empty: the policy is shared by every company."
    )
    months = fields.Integer(
        string="Warranty (months)",
        required=True,
        default=12,
        help="Length of the warranty of the whole unit, for every part without its own line.",
    )
    basis = fields.Selection(
        [("delivery", "Delivery"), ("installation", "Installation Acceptance")],
        string="Starts At",
        required=True,
        default="delivery",
        help="Delivery: the warranty starts on the day the serial is delivered. "
        "Installation acceptance: it starts when after-sales records the acceptance.",
    )
    line_ids = fields.One2many(
        "aftersales.warranty.policy.line", "policy_id", string="Component Overrides", copy=True
    )
    product_tmpl_count = fields.Integer(compute="_compute_product_tmpl_count", string="Products")

    _sql_constraints = [
        ("months_positive", "CHECK(months > 0)", "A warranty lasts at least one month."),
    ]

    def _compute_product_tmpl_count(self):
        groups = self.env["product.template"]._read_group(
            [("aftersales_warranty_policy_id", "in", self.ids)],
            ["aftersales_warranty_policy_id"],
            ["__count"],
        )
        counts = {policy.id: count for policy, count in groups}
        for policy in self:
            policy.product_tmpl_count = counts.get(policy.id, 0)

    @api.constrains("line_ids")
    def _check_unique_components(self):
        for policy in self:
            names = [line.component.strip().casefold() for line in policy.line_ids]
            if len(names) != len(set(names)):
                raise ValidationError(
                    self.env._("Policy %(name)s lists the same component twice.", name=policy.name)
                )

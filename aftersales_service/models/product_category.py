# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ProductCategory(models.Model):
    _inherit = "product.category"

    aftersales_warranty_policy_id = fields.Many2one(
        "aftersales.warranty.policy",
        string="Warranty Policy",
        help="Warranty of the products of this category (and its sub-categories) that have "
        "no policy of their own.",
    )

    def _aftersales_warranty_policy(self):
        """The policy of this category or of its nearest parent that has one."""
        category = self
        while category:
            if category.aftersales_warranty_policy_id:
                return category.aftersales_warranty_policy_id
            category = category.parent_id
        return self.env["aftersales.warranty.policy"]

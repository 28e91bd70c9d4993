# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ProductPricelist(models.Model):
    _inherit = "product.pricelist"

    aftersales_warranty_extra_months = fields.Integer(
        string="Warranty Extension (months)",
        help="Promotion: units sold with this pricelist get this many extra warranty months.",
    )

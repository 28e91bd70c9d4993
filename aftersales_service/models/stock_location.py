# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class StockLocation(models.Model):
    _inherit = "stock.location"

    aftersales_is_customer_goods = fields.Boolean(
        string="Customer Goods Location",
        help="Units customers leave for repair are kept here; they stay the customer's property.",
    )

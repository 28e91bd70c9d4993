# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class StockScrap(models.Model):
    _inherit = "stock.scrap"

    aftersales_return_line_id = fields.Many2one(
        "aftersales.return.line", string="Return Line", index="btree_not_null", copy=False
    )

# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class StockMove(models.Model):
    _inherit = "stock.move"

    aftersales_parts_spend = fields.Float(
        string="Parts Spend",
        compute="_compute_aftersales_parts_spend",
        store=True,
        digits="Product Price",
        help="Cost of the spare part added by a repair (quantity times the part's cost when "
        "the move was recorded), charged to the customer or not.",
    )

    @api.depends("repair_id", "repair_line_type", "product_qty", "state", "product_id")
    def _compute_aftersales_parts_spend(self):
        for move in self:
            used = move.repair_id and move.repair_line_type == "add" and move.state != "cancel"
            move.aftersales_parts_spend = (
                move.product_id.with_company(move.company_id).standard_price * move.product_qty
                if used
                else 0.0
            )

# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class StockMove(models.Model):
    _inherit = "stock.move"

    aftersales_qty_rejected = fields.Float(
        string="Rejected Quantity",
        digits="Product Unit of Measure",
        copy=False,
        help="Quantity rejected at the inbound inspection; it goes to quarantine.",
    )
    aftersales_qty_passed = fields.Float(
        string="Passed Quantity",
        digits="Product Unit of Measure",
        compute="_compute_aftersales_qty_passed",
    )

    @api.depends("quantity", "aftersales_qty_rejected")
    def _compute_aftersales_qty_passed(self):
        for move in self:
            move.aftersales_qty_passed = move.quantity - move.aftersales_qty_rejected

    @api.constrains("aftersales_qty_rejected", "quantity")
    def _check_aftersales_qty_rejected(self):
        for move in self:
            if move.aftersales_qty_rejected < 0 or (
                move.state != "draft" and move.aftersales_qty_rejected > move.quantity
            ):
                raise ValidationError(
                    self.env._(
                        "The rejected quantity of %(part)s must be between zero and the "
                        "received quantity.",
                        part=move.product_id.display_name,
                    )
                )

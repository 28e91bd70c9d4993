# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class StockMove(models.Model):
    _inherit = "stock.move"

    aftersales_return_line_id = fields.Many2one(
        "aftersales.return.line", string="Return Line", index="btree_not_null", copy=False
    )
    aftersales_part_reason = fields.Char(
        string="Replacement Reason", help="Why the part is replaced; told to the customer."
    )
    aftersales_is_original = fields.Boolean(
        string="Original Part",
        default=True,
        help="Original manufacturer parts are used first; untick for a compatible part.",
    )

    def _action_done(self, cancel_backorder=False):
        moves = super()._action_done(cancel_backorder=cancel_backorder)
        # delivery staff need no after-sales rights for the warranty to start
        self.env["aftersales.warranty"].sudo()._create_from_moves(moves)
        return moves

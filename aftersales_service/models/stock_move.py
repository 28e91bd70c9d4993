# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class StockMove(models.Model):
    _inherit = "stock.move"

    aftersales_part_reason = fields.Char(
        string="Replacement Reason", help="Why the part is replaced; told to the customer."
    )
    aftersales_is_original = fields.Boolean(
        string="Original Part",
        default=True,
        help="Original manufacturer parts are used first; untick for a compatible part.",
    )

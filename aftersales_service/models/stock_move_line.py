# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class StockMoveLine(models.Model):
    _inherit = "stock.move.line"

    # a serial's deliveries are looked up on every request saved with it (purchase date, owner
    # check, coverage) and on every return of serials: without an index each lookup reads all
    # the move lines of the database
    lot_id = fields.Many2one(index="btree_not_null")

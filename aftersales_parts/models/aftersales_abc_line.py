# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .product_template import ABC_CLASSES


class AftersalesAbcLine(models.Model):
    _name = "aftersales.abc.line"
    _description = "ABC Classification Line"
    _order = "run_id desc, value desc, id"

    run_id = fields.Many2one("aftersales.abc.run", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="run_id.company_id", store=True, index=True)
    date_to = fields.Date(related="run_id.date_to", string="Computed On", store=True)
    product_tmpl_id = fields.Many2one(
        "product.template", string="Part", required=True, ondelete="cascade", index=True
    )
    quantity = fields.Float(string="Consumed Quantity", digits="Product Unit of Measure")
    value = fields.Float(string="Consumption Value")
    share = fields.Float(string="Share (%)", aggregator=False)
    cumulative_share = fields.Float(string="Cumulative Share (%)", aggregator=False)
    abc_class = fields.Selection(ABC_CLASSES, string="ABC Class", required=True)

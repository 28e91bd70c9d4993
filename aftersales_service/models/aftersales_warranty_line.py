# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..rules.warranty import last_covered_day


class AftersalesWarrantyLine(models.Model):
    _name = "aftersales.warranty.line"
    _description = "Warranty Component"
    _order = "warranty_id, sequence, id"

    warranty_id = fields.Many2one(
        "aftersales.warranty", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    component = fields.Char(required=True)
    months = fields.Integer(string="Warranty (months)", required=True)
    date_end = fields.Date(
        string="Covered Until",
        compute="_compute_date_end",
        store=True,
        help="Last day this component is covered, extensions included.",
    )

    @api.depends("months", "warranty_id.date_start", "warranty_id.extension_months")
    def _compute_date_end(self):
        for line in self:
            start = line.warranty_id.date_start
            line.date_end = (
                last_covered_day(start, line.months + line.warranty_id.extension_months)
                if start and line.months > 0
                else False
            )

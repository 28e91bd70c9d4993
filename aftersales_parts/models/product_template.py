# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

ABC_CLASSES = [("A", "A"), ("B", "B"), ("C", "C")]


class ProductTemplate(models.Model):
    _inherit = "product.template"

    aftersales_is_spare_part = fields.Boolean(
        string="Spare Part",
        help="Stocked in the after-sales parts warehouse and classified A/B/C.",
    )
    aftersales_is_loaner = fields.Boolean(
        string="Loaner Unit",
        help="Serial-tracked units of this product are lent to customers during repairs.",
    )
    aftersales_abc_class = fields.Selection(
        ABC_CLASSES,
        string="ABC Class",
        readonly=True,
        copy=False,
        index=True,
        help="A: few parts making most of the consumption value, tightly planned. "
        "C: many parts of little value, bought on demand.",
    )
    aftersales_abc_date = fields.Date(string="ABC Computed On", readonly=True, copy=False)
    aftersales_abc_value = fields.Float(
        string="Consumption Value",
        readonly=True,
        copy=False,
        help="Consumption value over the ABC window at the last classification.",
    )

    @api.constrains("aftersales_is_loaner", "tracking", "is_storable")
    def _check_aftersales_loaner_tracking(self):
        for template in self.filtered("aftersales_is_loaner"):
            if template.tracking != "serial" or not template.is_storable:
                raise ValidationError(
                    self.env._(
                        "Loaner unit %(product)s must be a stored product tracked by serial "
                        "number, so that each unit lent can be followed.",
                        product=template.display_name,
                    )
                )

# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class HrEmployeePublic(models.Model):
    _inherit = "hr.employee.public"

    # users without HR rights read employees through this model; the ORM prefetches every
    # stored column of hr.employee, so this one must be public too
    aftersales_van_location_id = fields.Many2one(
        "stock.location", string="Van Stock", readonly=True
    )

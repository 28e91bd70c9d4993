# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class HrEmployeePublic(models.Model):
    _inherit = "hr.employee.public"

    # Users without HR rights read employees through this model, and Odoo reads every stored
    # field of an employee at once: a stored field of ours that is missing here refuses any
    # read of a technician (their name on a request included) to agents and dispatchers.
    aftersales_van_location_id = fields.Many2one(
        "stock.location", string="Van Stock", readonly=True
    )

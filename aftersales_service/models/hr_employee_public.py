# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class HrEmployeePublic(models.Model):
    _inherit = "hr.employee.public"

    # users without HR rights search employees through this model: dispatching a request
    # looks for the company's technicians
    is_technician = fields.Boolean(string="After-Sales Technician", readonly=True)

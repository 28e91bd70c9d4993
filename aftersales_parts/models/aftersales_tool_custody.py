# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AftersalesToolCustody(models.Model):
    _name = "aftersales.tool.custody"
    _description = "Tool Custody Log"
    _order = "date_from desc, id desc"
    _rec_name = "equipment_id"

    equipment_id = fields.Many2one(
        "maintenance.equipment", string="Tool", required=True, ondelete="cascade", index=True
    )
    employee_id = fields.Many2one("hr.employee", string="Custodian", required=True, index=True)
    company_id = fields.Many2one(
        "res.company",
        related="equipment_id.company_id",
        store=True,
        index=True,
    )
    date_from = fields.Datetime(string="Received", required=True)
    date_to = fields.Datetime(string="Handed Back")
    note = fields.Char()

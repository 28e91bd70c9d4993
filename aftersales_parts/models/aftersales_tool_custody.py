# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


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

    @api.constrains("date_from", "date_to")
    def _check_custody_dates(self):
        for custody in self:
            if custody.date_to and custody.date_to < custody.date_from:
                raise ValidationError(
                    self.env._(
                        "A tool cannot be handed back (%(back)s) before it was received "
                        "(%(received)s).",
                        back=custody.date_to,
                        received=custody.date_from,
                    )
                )

# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class AftersalesTechnicianCertification(models.Model):
    _name = "aftersales.technician.certification"
    _description = "Technician Certification"
    _order = "employee_id, date_expiry desc"
    _rec_name = "product_category_id"

    employee_id = fields.Many2one(
        "hr.employee", string="Technician", required=True, ondelete="cascade", index=True
    )
    product_category_id = fields.Many2one(
        "product.category",
        required=True,
        help="Covers this category and every category below it.",
    )
    date_obtained = fields.Date(string="Obtained On")
    date_expiry = fields.Date(string="Expires On", required=True)
    company_id = fields.Many2one(
        related="employee_id.company_id", store=True, index=True, string="Company"
    )
    is_valid = fields.Boolean(string="Valid Today", compute="_compute_is_valid")

    @api.depends("date_expiry")
    def _compute_is_valid(self):
        today = fields.Date.context_today(self)
        for certification in self:
            certification.is_valid = certification.date_expiry >= today

# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    aftersales_calendar_id = fields.Many2one(
        related="company_id.aftersales_calendar_id", readonly=False
    )
    aftersales_repair_warranty_days = fields.Integer(
        related="company_id.aftersales_repair_warranty_days", readonly=False
    )
    aftersales_contract_notice_months = fields.Integer(
        related="company_id.aftersales_contract_notice_months", readonly=False
    )

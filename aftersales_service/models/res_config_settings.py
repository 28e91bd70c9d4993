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
    aftersales_installation_grace_days = fields.Integer(
        related="company_id.aftersales_installation_grace_days", readonly=False
    )
    aftersales_commissioning_checklist = fields.Text(
        related="company_id.aftersales_commissioning_checklist", readonly=False
    )
    aftersales_return_ratio_allowed = fields.Float(
        related="company_id.aftersales_return_ratio_allowed", readonly=False
    )
    aftersales_return_days_allowed = fields.Integer(
        related="company_id.aftersales_return_days_allowed", readonly=False
    )
    aftersales_return_ratio_window_days = fields.Integer(
        related="company_id.aftersales_return_ratio_window_days", readonly=False
    )
    aftersales_return_slip_hour = fields.Float(
        related="company_id.aftersales_return_slip_hour", readonly=False
    )
    aftersales_return_sendback_days = fields.Integer(
        related="company_id.aftersales_return_sendback_days", readonly=False
    )
    aftersales_return_credit_note_policy = fields.Selection(
        related="company_id.aftersales_return_credit_note_policy", readonly=False
    )
    aftersales_return_sales_head_id = fields.Many2one(
        related="company_id.aftersales_return_sales_head_id", readonly=False
    )
    aftersales_return_accountant_id = fields.Many2one(
        related="company_id.aftersales_return_accountant_id", readonly=False
    )

    aftersales_sla_risk_ratio = fields.Float(
        related="company_id.aftersales_sla_risk_ratio", readonly=False
    )
    aftersales_dispatcher_id = fields.Many2one(
        related="company_id.aftersales_dispatcher_id", readonly=False
    )
    aftersales_director_id = fields.Many2one(
        related="company_id.aftersales_director_id", readonly=False
    )
    aftersales_callback_hours = fields.Integer(
        related="company_id.aftersales_callback_hours", readonly=False
    )
    aftersales_revisit_days = fields.Char(
        related="company_id.aftersales_revisit_days", readonly=False
    )
    aftersales_appointment_hours = fields.Float(
        related="company_id.aftersales_appointment_hours", readonly=False
    )
    aftersales_progress_days = fields.Integer(
        related="company_id.aftersales_progress_days", readonly=False
    )
    aftersales_appointment_horizon_days = fields.Integer(
        related="company_id.aftersales_appointment_horizon_days", readonly=False
    )
    aftersales_contract_notice_months = fields.Integer(
        related="company_id.aftersales_contract_notice_months", readonly=False
    )

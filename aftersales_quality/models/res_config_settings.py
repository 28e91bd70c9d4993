# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    aftersales_escalation_user_id = fields.Many2one(
        related="company_id.aftersales_escalation_user_id", readonly=False
    )
    aftersales_complaint_repeat_count = fields.Integer(
        related="company_id.aftersales_complaint_repeat_count", readonly=False
    )
    aftersales_complaint_repeat_days = fields.Integer(
        related="company_id.aftersales_complaint_repeat_days", readonly=False
    )
    aftersales_complaint_urgent_clock = fields.Boolean(
        related="company_id.aftersales_complaint_urgent_clock", readonly=False
    )
    aftersales_survey_very_satisfied_from = fields.Integer(
        related="company_id.aftersales_survey_very_satisfied_from", readonly=False
    )
    aftersales_survey_satisfied_from = fields.Integer(
        related="company_id.aftersales_survey_satisfied_from", readonly=False
    )
    aftersales_survey_average_from = fields.Integer(
        related="company_id.aftersales_survey_average_from", readonly=False
    )
    aftersales_kpi_first_fix_target = fields.Float(
        related="company_id.aftersales_kpi_first_fix_target", readonly=False
    )
    aftersales_kpi_diagnosis_target = fields.Float(
        related="company_id.aftersales_kpi_diagnosis_target", readonly=False
    )
    aftersales_kpi_answer_target = fields.Float(
        related="company_id.aftersales_kpi_answer_target", readonly=False
    )
    aftersales_kpi_response_target = fields.Float(
        related="company_id.aftersales_kpi_response_target", readonly=False
    )
    aftersales_kpi_sla_target = fields.Float(
        related="company_id.aftersales_kpi_sla_target", readonly=False
    )
    aftersales_kpi_callback_target = fields.Float(
        related="company_id.aftersales_kpi_callback_target", readonly=False
    )
    aftersales_kpi_satisfaction_target = fields.Float(
        related="company_id.aftersales_kpi_satisfaction_target", readonly=False
    )

    # appraisal that acts (issue 19)
    aftersales_appraisal_bonus_min = fields.Float(
        related="company_id.aftersales_appraisal_bonus_min", readonly=False
    )
    aftersales_appraisal_bonus_max = fields.Float(
        related="company_id.aftersales_appraisal_bonus_max", readonly=False
    )
    aftersales_appraisal_staff_bonus_min = fields.Float(
        related="company_id.aftersales_appraisal_staff_bonus_min", readonly=False
    )
    aftersales_appraisal_staff_bonus_max = fields.Float(
        related="company_id.aftersales_appraisal_staff_bonus_max", readonly=False
    )
    aftersales_appraisal_penalty_per_miss = fields.Float(
        related="company_id.aftersales_appraisal_penalty_per_miss", readonly=False
    )
    aftersales_appraisal_penalty_max = fields.Float(
        related="company_id.aftersales_appraisal_penalty_max", readonly=False
    )
    aftersales_partner_complaint_limit = fields.Integer(
        related="company_id.aftersales_partner_complaint_limit", readonly=False
    )

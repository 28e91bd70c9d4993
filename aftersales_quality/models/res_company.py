# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    aftersales_escalation_user_id = fields.Many2one(
        "res.users",
        string="Complaint Escalation Leader",
        help="Leader who receives an activity when a serious complaint (crisis, media, "
        "lawsuit, repeated dissatisfaction) is escalated.",
    )
    aftersales_complaint_repeat_count = fields.Integer(
        string="Repeated Complaints",
        default=3,
        help="A customer's complaint is escalated as repeated dissatisfaction when it is at "
        "least this many within the period below (0: never).",
    )
    aftersales_complaint_repeat_days = fields.Integer(string="Repeat Period (days)", default=90)
    aftersales_complaint_urgent_clock = fields.Boolean(
        string="Urgent Acknowledgment in Clock Hours",
        default=True,
        help="Urgent complaints are acknowledged within the route's urgent hours counted round "
        "the clock (nights and holidays included), as the rulebook's 4 hours; unticked, they "
        "are counted in working hours.",
    )
    aftersales_survey_very_satisfied_from = fields.Integer(string="Very Satisfied From", default=90)
    aftersales_survey_satisfied_from = fields.Integer(string="Satisfied From", default=80)
    aftersales_survey_average_from = fields.Integer(
        string="Average From",
        default=60,
        help="Scores below this are dissatisfied and reopen the follow-up.",
    )
    aftersales_kpi_first_fix_target = fields.Float(string="First-Time Fix Target (%)", default=95)
    aftersales_kpi_diagnosis_target = fields.Float(
        string="Diagnosis Accuracy Target (%)", default=90
    )
    aftersales_kpi_answer_target = fields.Float(string="Answer Accuracy Target (%)", default=95)
    aftersales_kpi_response_target = fields.Float(
        string="Consultation Response Target (min)", default=2
    )
    aftersales_kpi_sla_target = fields.Float(string="SLA Compliance Target (%)", default=95)
    aftersales_kpi_callback_target = fields.Float(string="Callback Target (%)", default=95)
    aftersales_kpi_satisfaction_target = fields.Float(
        string="Satisfaction Target (score)", default=90
    )

    # appraisal that acts (issue 19): the rulebook's monthly reward and penalty amounts
    aftersales_appraisal_bonus_min = fields.Float(string="Technician Bonus from", default=50)
    aftersales_appraisal_bonus_max = fields.Float(string="Technician Bonus up to", default=200)
    aftersales_appraisal_staff_bonus_min = fields.Float(
        string="Service Staff Bonus from", default=20
    )
    aftersales_appraisal_staff_bonus_max = fields.Float(
        string="Service Staff Bonus up to", default=100
    )
    aftersales_appraisal_penalty_per_miss = fields.Float(
        string="Penalty per Missed Target",
        default=20,
        help="Proposed for each figure under target and each founded complaint of the month.",
    )
    aftersales_appraisal_penalty_max = fields.Float(string="Monthly Penalty at Most", default=100)
    aftersales_partner_complaint_limit = fields.Integer(
        string="Founded Complaints Allowed per Partner and Month",
        default=1,
        help="A service partner with more founded complaints in a month misses its target.",
    )

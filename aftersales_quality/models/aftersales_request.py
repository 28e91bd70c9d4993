# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class AftersalesRequest(models.Model):
    _inherit = "aftersales.request"

    fault_code_id = fields.Many2one(
        "aftersales.fault.code",
        tracking=True,
        index=True,
        help="Coded fault found by the technician; recurring faults are reported to R&D.",
    )
    fault_component = fields.Char(
        related="fault_code_id.component", store=True, string="Failed Component"
    )
    fault_symptom = fields.Char(related="fault_code_id.symptom", store=True, string="Symptom")
    product_tmpl_id = fields.Many2one(
        related="product_id.product_tmpl_id", store=True, string="Product Model", index=True
    )
    revisit_count = fields.Integer(
        string="Revisits",
        default=0,
        copy=False,
        tracking=True,
        help="Extra visits the dispatcher records for the same fault. Any revisit means the "
        "request was not fixed the first time.",
    )
    is_first_time_fix = fields.Boolean(
        string="Fixed First Time",
        compute="_compute_is_first_time_fix",
        store=True,
        help="Done without any revisit for the same fault (first-time fix rate KPI).",
    )
    diagnosis_review = fields.Selection(
        [("confirmed", "Confirmed"), ("wrong", "Wrong")],
        string="Diagnosis Check",
        tracking=True,
        copy=False,
        help="Set by QC or at closing: was the technician's first diagnosis right? Only "
        "checked requests count in the diagnosis accuracy KPI.",
    )
    is_survey_pending = fields.Boolean(
        string="Survey to Send",
        copy=False,
        readonly=True,
        help="Set when the request is done; the survey queue sends the customer the "
        "satisfaction survey link within minutes.",
    )
    survey_ids = fields.One2many("aftersales.survey", "request_id", string="Surveys")
    survey_count = fields.Integer(compute="_compute_survey_count")
    complaint_ids = fields.One2many("aftersales.complaint", "request_id", string="Complaints")
    complaint_count = fields.Integer(compute="_compute_complaint_count")

    @api.depends("revisit_count")
    def _compute_is_first_time_fix(self):
        for request in self:
            request.is_first_time_fix = request.revisit_count <= 0

    def _compute_survey_count(self):
        counts = dict(
            self.env["aftersales.survey"]._read_group(
                [("request_id", "in", self.ids)], ["request_id"], ["__count"]
            )
        )
        for request in self:
            request.survey_count = counts.get(request, 0)

    def _compute_complaint_count(self):
        counts = dict(
            self.env["aftersales.complaint"]._read_group(
                [("request_id", "in", self.ids)], ["request_id"], ["__count"]
            )
        )
        for request in self:
            request.complaint_count = counts.get(request, 0)

    def action_done(self):
        """Queue the satisfaction survey of every completed request (sent by the survey queue,
        so completing a request stays cheap and no mail is sent from the user's click)."""
        res = super().action_done()
        self.write({"is_survey_pending": True})
        return res

    def action_view_surveys(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_quality.aftersales_survey_action"
        )
        action.update(domain=[("request_id", "=", self.id)], context={})
        return action

    def action_view_complaints(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_quality.aftersales_complaint_action"
        )
        action.update(
            domain=[("request_id", "=", self.id)],
            context={"default_request_id": self.id, "default_partner_id": self.partner_id.id},
        )
        return action

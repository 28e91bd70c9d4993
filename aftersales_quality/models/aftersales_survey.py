# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import secrets

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..rules.satisfaction import score_band, survey_score

GRADES = [("4", "Very Good"), ("3", "Good"), ("2", "Fair"), ("1", "Poor")]
DIMENSIONS = ("grade_attitude", "grade_skill", "grade_punctuality", "grade_promise")


class AftersalesSurvey(models.Model):
    _name = "aftersales.survey"
    _description = "Satisfaction Survey"
    _inherit = ["aftersales.state.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_sent desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    request_id = fields.Many2one(
        "aftersales.request",
        string="Service Request",
        index=True,
        check_company=True,
        ondelete="cascade",
    )
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, check_company=True
    )
    technician_id = fields.Many2one(
        "hr.employee", index=True, check_company=True, help="Technician rated by this survey."
    )
    campaign = fields.Char(help="Periodic campaign the survey was sent in, e.g. 2026-Q1.")
    access_token = fields.Char(
        required=True, copy=False, readonly=True, default=lambda self: secrets.token_urlsafe(24)
    )
    survey_url = fields.Char(string="Survey Link", compute="_compute_survey_url")
    grade_attitude = fields.Selection(GRADES, string="Attitude")
    grade_skill = fields.Selection(GRADES, string="Skill")
    grade_punctuality = fields.Selection(GRADES, string="Punctuality")
    grade_promise = fields.Selection(GRADES, string="Keeping Promises")
    comment = fields.Text()
    score = fields.Integer(compute="_compute_score", store=True, aggregator="avg")
    band = fields.Selection(
        [
            ("very_satisfied", "Very Satisfied"),
            ("satisfied", "Satisfied"),
            ("average", "Average"),
            ("dissatisfied", "Dissatisfied"),
        ],
        compute="_compute_score",
        store=True,
    )
    date_sent = fields.Datetime(readonly=True, copy=False)
    date_answered = fields.Datetime(readonly=True, copy=False, index=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("sent", "Sent"),
            ("answered", "Answered"),
            ("follow_up", "Follow-up"),
            ("done", "Resolved"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        help="A dissatisfied answer puts the survey in follow-up until the follow-up is resolved.",
    )

    _sql_constraints = [
        ("access_token_uniq", "unique(access_token)", "A survey link must be unique."),
    ]

    @api.depends("partner_id", "request_id", "campaign")
    def _compute_name(self):
        for survey in self:
            survey.name = " / ".join(
                filter(None, [survey.request_id.name or survey.campaign, survey.partner_id.name])
            )

    def _compute_survey_url(self):
        for survey in self:
            survey.survey_url = f"{survey.get_base_url()}{survey._survey_path()}"

    def _survey_path(self):
        self.ensure_one()
        return f"/aftersales/survey/{self.id}/{self.access_token}"

    @api.depends(*DIMENSIONS, "company_id")
    def _compute_score(self):
        for survey in self:
            company = survey.company_id or self.env.company
            score = survey_score([int(survey[f] or 0) for f in DIMENSIONS])
            survey.score = score or 0
            survey.band = score_band(
                score,
                company.aftersales_survey_very_satisfied_from,
                company.aftersales_survey_satisfied_from,
                company.aftersales_survey_average_from,
            )

    def _aftersales_field_refusal(self, field_names):
        return self.env._("The state of a survey changes only through its buttons.")

    def _aftersales_transition_fields(self):
        return super()._aftersales_transition_fields() | {"date_sent", "date_answered"}

    def _aftersales_transition_refusals(self):
        refusals = super()._aftersales_transition_refusals()
        refusals.update(
            sent=self.env._("Only a draft survey can be sent; %(name)s has been sent already."),
            answered=self.env._("This survey has already been answered. Thank you!"),
            follow_up=self.env._("Only an answered survey can be followed up."),
            done=self.env._("Only a survey in follow-up can be resolved."),
        )
        return refusals

    @api.model
    def _create_for_requests(self, requests):
        """One survey per completed request (not a sample), sent at once."""
        with_survey = set(
            self.search([("request_id", "in", requests.ids), ("campaign", "=", False)])
            .mapped("request_id")
            .ids
        )
        vals_list = [
            {
                "request_id": request.id,
                "partner_id": request.partner_id.id,
                "technician_id": request.technician_id.id,
                "company_id": request.company_id.id,
            }
            for request in requests
            if request.id not in with_survey
        ]
        surveys = self.sudo().create(vals_list)
        surveys._send()
        return surveys

    @api.model
    def _cron_send_pending(self, limit=500):
        """Create and send the surveys of the requests completed since the last run."""
        requests = self.env["aftersales.request"].search(
            [("is_survey_pending", "=", True)], limit=limit, order="date_done, id"
        )
        # ir.cron runs one job at a time: no request gets two surveys
        surveys = self._create_for_requests(requests)
        requests.write({"is_survey_pending": False})
        return surveys

    def _send(self):
        """Post the survey link to the customer (by mail) and mark the surveys sent."""
        for survey in self:
            body = self.env._(
                "Dear customer, please tell us how we did: %(url)s",
                url=survey.survey_url,
            )
            survey.message_post(
                body=body,
                subject=self.env._("How satisfied are you with our service?"),
                partner_ids=survey.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        self._aftersales_transition(("draft",), "sent", {"date_sent": fields.Datetime.now()})
        return True

    def action_send(self):
        # a survey sent meanwhile (a second click, the scheduled job) is not sent twice
        drafts = self.filtered(lambda s: s.state == "draft")
        return drafts._send()

    def _submit_answers(self, answers):
        """Record the customer's answers; a dissatisfied answer opens the follow-up."""
        self.ensure_one()
        # a double submission (double click, two tabs): the second waits for the first,
        # then finds the survey answered
        self._aftersales_lock()
        if self.state not in ("draft", "sent"):
            raise UserError(self._aftersales_transition_refusal("answered"))
        grades = dict(GRADES)
        vals = {f: answers.get(f) if answers.get(f) in grades else False for f in DIMENSIONS}
        if not all(vals.values()):
            raise UserError(self.env._("Please grade all four points."))
        vals.update(comment=answers.get("comment") or False, date_answered=fields.Datetime.now())
        self._aftersales_transition(("draft", "sent"), "answered", vals)
        if self.band == "dissatisfied":
            self._open_follow_up()
        self._refresh_kpi()
        return True

    def _open_follow_up(self):
        for survey in self:
            target = survey.request_id or survey
            user = (
                survey.request_id.user_id
                or survey.company_id.aftersales_escalation_user_id
                or self.env.ref("base.user_admin", raise_if_not_found=False)
            )
            target.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=fields.Date.context_today(survey),
                summary=self.env._("Dissatisfied customer: follow up"),
                note=self.env._(
                    "%(customer)s rated the service %(score)s/100. Call back and resolve.",
                    customer=survey.partner_id.name,
                    score=survey.score,
                ),
                user_id=user.id if user else self.env.uid,
            )
        self._aftersales_transition(("answered",), "follow_up")

    def action_follow_up_done(self):
        self._aftersales_transition(("follow_up",), "done")
        return True

    def _refresh_kpi(self):
        """Recompute the KPI snapshot of the rated technicians for the answer's month."""
        for survey in self.filtered("technician_id"):
            date = survey.date_answered
            self.env["aftersales.technician.kpi"].sudo()._compute_month(
                date.year, date.month, employees=survey.technician_id
            )

    def action_view_request(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "aftersales.request",
            "res_id": self.request_id.id,
            "view_mode": "form",
        }

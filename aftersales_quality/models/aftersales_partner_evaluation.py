# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..rules import kpi as kpi_rules

# decision -> the service partner's state it leads to
DECISION_STATES = {"reward": "active", "warning": "warned", "suspension": "suspended"}


class AftersalesPartnerEvaluation(models.Model):
    """Monthly evaluation of an authorised service partner: the technicians' KPI figures
    counted on the requests dispatched to it, its targets, and the manager's decision."""

    _name = "aftersales.partner.evaluation"
    _description = "Service Partner Evaluation"
    _inherit = ["aftersales.state.mixin", "mail.thread"]
    _order = "date_month desc, partner_id"
    _rec_names_search = ["partner_id"]
    _check_company_auto = True

    _sql_constraints = [
        (
            "partner_month_uniq",
            "unique(partner_id, date_month, company_id)",
            "One evaluation per service partner and month.",
        ),
    ]

    partner_id = fields.Many2one(
        "res.partner", string="Service Partner", required=True, index=True, readonly=True
    )
    partner_state = fields.Selection(related="partner_id.aftersales_partner_state")
    date_month = fields.Date(string="Month", required=True, index=True, readonly=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    state = fields.Selection(
        [("draft", "To Decide"), ("decided", "Decided")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )
    requests_done = fields.Integer(readonly=True)
    first_fix_count = fields.Integer(string="Fixed First Time", readonly=True)
    first_fix_rate = fields.Float(string="First-Time Fix (%)", digits=(5, 1), readonly=True)
    sla_breached = fields.Integer(string="SLA Breaches", readonly=True)
    sla_rate = fields.Float(string="SLA Compliance (%)", digits=(5, 1), readonly=True)
    survey_count = fields.Integer(string="Surveys Answered", readonly=True)
    satisfaction_avg = fields.Float(string="Average Satisfaction", digits=(5, 1), readonly=True)
    complaint_founded = fields.Integer(string="Founded Complaints", readonly=True)
    target_first_fix = fields.Float(related="company_id.aftersales_kpi_first_fix_target")
    target_sla = fields.Float(related="company_id.aftersales_kpi_sla_target")
    target_satisfaction = fields.Float(related="company_id.aftersales_kpi_satisfaction_target")
    target_complaints = fields.Integer(
        related="company_id.aftersales_partner_complaint_limit", string="Founded Complaints Allowed"
    )
    missed_targets = fields.Char(compute="_compute_missed_targets")
    is_on_target = fields.Boolean(string="On Target", compute="_compute_missed_targets")
    decision = fields.Selection(
        [("reward", "Reward"), ("warning", "Warning"), ("suspension", "Suspension")],
        readonly=True,
        tracking=True,
        copy=False,
    )
    decision_reason = fields.Text(
        string="Reason", tracking=True, help="Why the manager rewards, warns or suspends."
    )
    date_decided = fields.Datetime(string="Decided On", readonly=True, copy=False)
    user_decided_id = fields.Many2one("res.users", string="Decided By", readonly=True, copy=False)

    @api.depends(
        "requests_done",
        "first_fix_rate",
        "sla_rate",
        "survey_count",
        "satisfaction_avg",
        "complaint_founded",
        "company_id",
    )
    def _compute_missed_targets(self):
        for evaluation in self:
            missed = []
            checks = (
                ("first_fix_rate", "target_first_fix", evaluation.requests_done),
                ("sla_rate", "target_sla", evaluation.requests_done),
                ("satisfaction_avg", "target_satisfaction", evaluation.survey_count),
            )
            for figure, target, base in checks:
                if base and evaluation[figure] < evaluation[target]:
                    missed.append(evaluation._fields[figure]._description_string(self.env))
            if evaluation.complaint_founded > evaluation.target_complaints:
                missed.append(evaluation._fields["complaint_founded"]._description_string(self.env))
            evaluation.missed_targets = ", ".join(missed)
            evaluation.is_on_target = not missed

    @api.depends("partner_id", "date_month")
    def _compute_display_name(self):
        for evaluation in self:
            month = evaluation.date_month and evaluation.date_month.strftime("%Y-%m") or ""
            evaluation.display_name = f"{evaluation.partner_id.display_name} {month}".strip()

    # ------------------------------------------------------------------ figures
    @api.model
    def _partner_figures(self, start, end, partners=None):
        """{partner id: {figure: value}} of the month [start, end): the technician KPI's
        domains (``aftersales.technician.kpi._kpi_domains``) counted per service partner
        instead of per technician."""
        shared = self.env["aftersales.technician.kpi"]._kpi_domains(start, end)
        on_partner = ("service_partner_id", "!=", False)
        if partners is not None:
            on_partner = ("service_partner_id", "in", partners.ids)
        figures = {}

        def add(partner_id, key, value):
            figures.setdefault(partner_id, {}).setdefault(key, 0)
            figures[partner_id][key] += value

        Request = self.env["aftersales.request"]
        for key in ("requests_done", "first_fix_count", "sla_breached"):
            _model, _field, domain = shared[key]
            domain = [leaf for leaf in domain if leaf != ("technician_id", "!=", False)]
            for partner, count in Request._read_group(
                domain + [on_partner], ["service_partner_id"], ["__count"]
            ):
                add(partner.id, key, count)
        # surveys and complaints: through the request they are about
        via_request = ("request_id." + on_partner[0], *on_partner[1:])
        _model, _field, domain = shared["survey_count"]
        domain = [leaf for leaf in domain if leaf != ("technician_id", "!=", False)]
        for request, count, score in self.env["aftersales.survey"]._read_group(
            domain + [via_request], ["request_id"], ["__count", "score:sum"]
        ):
            add(request.service_partner_id.id, "survey_count", count)
            add(request.service_partner_id.id, "score_sum", score)
        _model, _field, domain = shared["complaint_founded"]
        for request, count in self.env["aftersales.complaint"]._read_group(
            domain + [via_request], ["request_id"], ["__count"]
        ):
            add(request.service_partner_id.id, "complaint_founded", count)
        return figures

    @api.model
    def _prepare_vals(self, counts):
        done = counts.get("requests_done", 0)
        return {
            "requests_done": done,
            "first_fix_count": counts.get("first_fix_count", 0),
            "first_fix_rate": kpi_rules.rate(counts.get("first_fix_count", 0), done) or 0.0,
            "sla_breached": counts.get("sla_breached", 0),
            "sla_rate": kpi_rules.rate(done - counts.get("sla_breached", 0), done) or 0.0,
            "survey_count": counts.get("survey_count", 0),
            "satisfaction_avg": kpi_rules.mean(
                counts.get("score_sum", 0), counts.get("survey_count", 0)
            )
            or 0.0,
            "complaint_founded": counts.get("complaint_founded", 0),
        }

    @api.model
    def _compute_month(self, year, month, partners=None):
        """Create or update the evaluations of ``year``-``month`` of every service partner with
        dispatched work in it (and of ``partners``); decided evaluations stay as decided."""
        start, end = self.env["aftersales.technician.kpi"]._month_bounds(year, month)
        figures = self._partner_figures(start, end, partners)
        month_date = date(year, month, 1)
        partner_ids = set(figures) | set(partners.ids if partners else [])
        partner_ids.discard(False)
        existing = {
            evaluation.partner_id.id: evaluation
            for evaluation in self.search(
                [("date_month", "=", month_date), ("partner_id", "in", list(partner_ids))]
            )
        }
        to_create = []
        for partner in self.env["res.partner"].browse(sorted(partner_ids)):
            vals = self._prepare_vals(figures.get(partner.id, {}))
            evaluation = existing.get(partner.id)
            if evaluation and evaluation.state == "draft":
                evaluation.write(vals)
            elif not evaluation:
                to_create.append(
                    dict(
                        vals,
                        partner_id=partner.id,
                        date_month=month_date,
                        company_id=(partner.company_id or self.env.company).id,
                    )
                )
        self.create(to_create)
        return self.search(
            [("date_month", "=", month_date), ("partner_id", "in", list(partner_ids))]
        )

    @api.model
    def _cron_evaluate_previous_month(self):
        previous = fields.Date.context_today(self) - relativedelta(months=1)
        partners = self.env["res.partner"].search(
            [("aftersales_partner_state", "in", ("active", "warned"))]
        )
        self._compute_month(previous.year, previous.month, partners)

    # ------------------------------------------------------------------ decision
    def _aftersales_transition_refusals(self):
        refusals = super()._aftersales_transition_refusals()
        refusals["decided"] = self.env._(
            "The evaluation %(name)s is already decided; its decision stays as recorded."
        )
        return refusals

    def _aftersales_field_refusal(self, field_names):
        return self.env._(
            "An evaluation is decided only through its Reward, Warning and Suspension buttons."
        )

    def _aftersales_transition_fields(self):
        return {"state", "decision", "date_decided", "user_decided_id"}

    def _aftersales_decide(self, decision):
        self.check_access("write")
        for evaluation in self:
            if not (evaluation.decision_reason or "").strip():
                raise UserError(
                    self.env._(
                        "Write the reason of the decision on %(name)s first.",
                        name=evaluation.display_name,
                    )
                )
        self._aftersales_transition(
            ("draft",),
            "decided",
            {
                "decision": decision,
                "date_decided": fields.Datetime.now(),
                "user_decided_id": self.env.uid,
            },
        )
        labels = dict(self._fields["decision"]._description_selection(self.env))
        for evaluation in self:
            # the manager's decision moves the partner's state (no contact-editing right needed)
            partner = evaluation.partner_id.sudo()
            partner.aftersales_partner_state = DECISION_STATES[decision]
            body = self.env._(
                "%(decision)s after the evaluation of %(month)s: %(reason)s",
                decision=labels[decision],
                month=evaluation.date_month.strftime("%Y-%m"),
                reason=evaluation.decision_reason,
            )
            evaluation.message_post(body=body, subtype_xmlid="mail.mt_note")
            partner.message_post(
                body=body, author_id=self.env.user.partner_id.id, subtype_xmlid="mail.mt_note"
            )
        return True

    def action_reward(self):
        return self._aftersales_decide("reward")

    def action_warn(self):
        return self._aftersales_decide("warning")

    def action_suspend(self):
        return self._aftersales_decide("suspension")

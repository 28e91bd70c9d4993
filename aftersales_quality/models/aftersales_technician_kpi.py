# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import api, fields, models

from ..rules.kpi import mean, rate

WORK_CATEGORIES = ("A", "B", "C", "D")


class AftersalesTechnicianKpi(models.Model):
    """Monthly KPI snapshot of one technician.

    Every count is made by ``_compute_month`` from a domain returned by ``_kpi_domains``; the
    drill-down buttons open exactly those domains, so each figure is traceable to its records.
    """

    _name = "aftersales.technician.kpi"
    _description = "Technician Monthly KPI"
    _inherit = ["aftersales.state.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_month desc, employee_id"
    _rec_name = "employee_id"
    _check_company_auto = True

    date_month = fields.Date(string="Month", required=True, index=True)
    employee_id = fields.Many2one(
        "hr.employee", string="Technician", required=True, index=True, ondelete="cascade"
    )
    department_id = fields.Many2one("hr.department", string="Team", index=True)
    company_id = fields.Many2one("res.company", required=True, index=True)
    requests_done = fields.Integer()
    first_fix_count = fields.Integer(string="Fixed First Time")
    first_fix_rate = fields.Float(string="First-Time Fix (%)", aggregator="avg", digits=(5, 1))
    diagnosis_checked = fields.Integer(string="Diagnoses Checked")
    diagnosis_confirmed = fields.Integer(string="Diagnoses Confirmed")
    diagnosis_rate = fields.Float(string="Diagnosis Accuracy (%)", aggregator="avg", digits=(5, 1))
    sla_breached = fields.Integer(string="SLA Breaches")
    sla_rate = fields.Float(string="SLA Compliance (%)", aggregator="avg", digits=(5, 1))
    callback_in_time = fields.Integer(string="Callbacks in Time")
    callback_rate = fields.Float(string="Callback Rate (%)", aggregator="avg", digits=(5, 1))
    survey_count = fields.Integer(string="Surveys Answered")
    satisfaction_avg = fields.Float(string="Average Satisfaction", aggregator="avg", digits=(5, 1))
    complaint_founded = fields.Integer(string="Founded Complaints")
    hours_a = fields.Float(string="Hours A (paid)")
    hours_b = fields.Float(string="Hours B (contract)")
    hours_c = fields.Float(string="Hours C (warranty)")
    hours_d = fields.Float(string="Hours D (internal)")
    hours_total = fields.Float(string="Hours")
    target_first_fix = fields.Float(related="company_id.aftersales_kpi_first_fix_target")
    target_diagnosis = fields.Float(related="company_id.aftersales_kpi_diagnosis_target")
    target_sla = fields.Float(related="company_id.aftersales_kpi_sla_target")
    target_callback = fields.Float(related="company_id.aftersales_kpi_callback_target")
    target_satisfaction = fields.Float(related="company_id.aftersales_kpi_satisfaction_target")
    target_answer = fields.Float(related="company_id.aftersales_kpi_answer_target")
    target_response = fields.Float(related="company_id.aftersales_kpi_response_target")
    is_first_fix_ok = fields.Boolean(string="First-Time Fix on Target", compute="_compute_ok")
    is_diagnosis_ok = fields.Boolean(string="Diagnosis on Target", compute="_compute_ok")
    is_sla_ok = fields.Boolean(string="SLA on Target", compute="_compute_ok")
    is_callback_ok = fields.Boolean(string="Callback on Target", compute="_compute_ok")
    is_satisfaction_ok = fields.Boolean(string="Satisfaction on Target", compute="_compute_ok")
    # a rate over nothing is no data, not 0 % (shown as "no data", never in red)
    has_first_fix_data = fields.Boolean(compute="_compute_has_data")
    has_diagnosis_data = fields.Boolean(compute="_compute_has_data")
    has_sla_data = fields.Boolean(compute="_compute_has_data")
    has_callback_data = fields.Boolean(compute="_compute_has_data")
    has_satisfaction_data = fields.Boolean(compute="_compute_has_data")

    _sql_constraints = [
        (
            "employee_month_uniq",
            "unique(employee_id, date_month)",
            "One KPI snapshot per technician and month.",
        ),
    ]

    def _compute_ok(self):
        checks = (
            ("is_first_fix_ok", "first_fix_rate", "target_first_fix", "requests_done"),
            ("is_diagnosis_ok", "diagnosis_rate", "target_diagnosis", "diagnosis_checked"),
            ("is_sla_ok", "sla_rate", "target_sla", "requests_done"),
            ("is_callback_ok", "callback_rate", "target_callback", "requests_done"),
            ("is_satisfaction_ok", "satisfaction_avg", "target_satisfaction", "survey_count"),
        )
        for kpi in self:
            for flag, value, target, base in checks:
                # no figure (nothing counted) reaches no target
                kpi[flag] = bool(kpi[base]) and kpi[value] >= kpi[target]

    @api.depends("requests_done", "diagnosis_checked", "survey_count")
    def _compute_has_data(self):
        for kpi in self:
            kpi.has_first_fix_data = bool(kpi.requests_done)
            kpi.has_diagnosis_data = bool(kpi.diagnosis_checked)
            kpi.has_sla_data = bool(kpi.requests_done)
            kpi.has_callback_data = bool(kpi.requests_done)
            kpi.has_satisfaction_data = bool(kpi.survey_count)

    # ------------------------------------------------------------------
    # Computation
    # ------------------------------------------------------------------
    @api.model
    def _month_bounds(self, year, month):
        start = datetime(year, month, 1)
        return start, start + relativedelta(months=1)

    @api.model
    def _kpi_domains(self, start, end):
        """Domains (without the technician) behind each figure of the month [start, end)."""
        done = [
            ("technician_id", "!=", False),
            ("state", "in", ("done", "closed")),
            ("date_done", ">=", start),
            ("date_done", "<", end),
        ]
        domains = {
            "requests_done": ("aftersales.request", "technician_id", done),
            "first_fix_count": (
                "aftersales.request",
                "technician_id",
                done + [("is_first_time_fix", "=", True)],
            ),
            "diagnosis_checked": (
                "aftersales.request",
                "technician_id",
                done + [("diagnosis_review", "!=", False)],
            ),
            "diagnosis_confirmed": (
                "aftersales.request",
                "technician_id",
                done + [("diagnosis_review", "=", "confirmed")],
            ),
            "survey_count": (
                "aftersales.survey",
                "technician_id",
                [
                    ("technician_id", "!=", False),
                    ("date_answered", ">=", start),
                    ("date_answered", "<", end),
                ],
            ),
            "complaint_founded": (
                "aftersales.complaint",
                "employee_ids",
                [
                    ("decision", "=", "founded"),
                    ("date_received", ">=", start),
                    ("date_received", "<", end),
                ],
            ),
            "sla_breached": (
                "aftersales.request",
                "technician_id",
                done + [("is_sla_breached", "=", True)],
            ),
            "hours_total": (
                "aftersales.work.log",
                "employee_id",
                [("date", ">=", start.date()), ("date", "<", end.date())],
            ),
        }
        return domains

    @api.model
    def _compute_month(self, year, month, employees=None):
        """Compute (create or update) the snapshots of ``year``-``month``.

        Set-based: one grouped query per figure over all technicians. ``employees`` limits
        the snapshots to these technicians (used when one survey is answered).
        """
        start, end = self._month_bounds(year, month)
        domains = self._kpi_domains(start, end)
        emp_filter = employees.ids if employees else None
        counts = {}
        for key, (model, emp_field, domain) in domains.items():
            if emp_filter is not None:
                domain = domain + [(emp_field, "in", emp_filter)]
            if key == "hours_total":
                continue
            counts[key] = {
                emp.id: count
                for emp, count in self.env[model]._read_group(domain, [emp_field], ["__count"])
            }
        score_sum = {}
        _m, emp_field, domain = domains["survey_count"]
        if emp_filter is not None:
            domain = domain + [(emp_field, "in", emp_filter)]
        for emp, total in self.env["aftersales.survey"]._read_group(
            domain, ["technician_id"], ["score:sum"]
        ):
            score_sum[emp.id] = total
        hours = {}
        _m, emp_field, domain = domains["hours_total"]
        if emp_filter is not None:
            domain = domain + [(emp_field, "in", emp_filter)]
        for emp, category, total in self.env["aftersales.work.log"]._read_group(
            domain, ["employee_id", "category"], ["hours:sum"]
        ):
            hours.setdefault(emp.id, {})[category] = total
        callbacks = self._count_callbacks(start, end, emp_filter)

        emp_ids = set(emp_filter or [])
        for values in counts.values():
            emp_ids |= set(values)
        emp_ids |= set(hours)
        emp_ids.discard(False)
        employees = self.env["hr.employee"].browse(sorted(emp_ids))
        month_date = date(year, month, 1)
        existing = {
            kpi.employee_id.id: kpi
            for kpi in self.search(
                [("date_month", "=", month_date), ("employee_id", "in", employees.ids)]
            )
        }
        to_create = []
        for employee in employees:
            vals = self._prepare_kpi_vals(employee, counts, score_sum, hours, callbacks)
            if employee.id in existing:
                if existing[employee.id].state == "decided":
                    continue  # the manager decided on these figures: the sheet stays as signed
                existing[employee.id].write(vals)
            else:
                vals.update(date_month=month_date, employee_id=employee.id)
                to_create.append(vals)
        if to_create:
            self.create(to_create)
        return self.search([("date_month", "=", month_date), ("employee_id", "in", employees.ids)])

    @api.model
    def _count_callbacks(self, start, end, emp_filter):
        """Requests called back within the configured delay, per technician."""
        return {
            emp_id: len(ids)
            for emp_id, ids in self._callback_request_ids(start, end, emp_filter).items()
        }

    @api.model
    def _callback_request_ids(self, start, end, emp_filter):
        _m, _f, domain = self._kpi_domains(start, end)["requests_done"]
        domain = domain + [("date_callback", "!=", False)]
        if emp_filter is not None:
            domain += [("technician_id", "in", emp_filter)]
        result = {}
        companies = self.env["res.company"].sudo().search([])
        delays = {c.id: timedelta(hours=c.aftersales_callback_hours) for c in companies}
        for row in self.env["aftersales.request"].search_read(
            domain, ["technician_id", "date_done", "date_callback", "company_id"], load=None
        ):
            if row["date_callback"] - row["date_done"] <= delays[row["company_id"]]:
                result.setdefault(row["technician_id"], []).append(row["id"])
        return result

    @api.model
    def _prepare_kpi_vals(self, employee, counts, score_sum, hours, callbacks):
        emp = employee.id

        def get(key):
            return counts.get(key, {}).get(emp, 0)

        done = get("requests_done")
        emp_hours = hours.get(emp, {})
        vals = {
            "department_id": employee.department_id.id,
            "company_id": employee.company_id.id or self.env.company.id,
            "requests_done": done,
            "first_fix_count": get("first_fix_count"),
            "first_fix_rate": rate(get("first_fix_count"), done) or 0.0,
            "diagnosis_checked": get("diagnosis_checked"),
            "diagnosis_confirmed": get("diagnosis_confirmed"),
            "diagnosis_rate": rate(get("diagnosis_confirmed"), get("diagnosis_checked")) or 0.0,
            "sla_breached": get("sla_breached"),
            "sla_rate": rate(done - get("sla_breached"), done) or 0.0,
            "callback_in_time": callbacks.get(emp, 0),
            "callback_rate": rate(callbacks.get(emp, 0), done) or 0.0,
            "survey_count": get("survey_count"),
            "satisfaction_avg": mean(score_sum.get(emp, 0), get("survey_count")) or 0.0,
            "complaint_founded": get("complaint_founded"),
        }
        for category in WORK_CATEGORIES:
            vals[f"hours_{category.lower()}"] = emp_hours.get(category, 0.0)
        vals["hours_total"] = sum(emp_hours.values())
        return vals

    @api.model
    def _cron_compute_previous_month(self):
        previous = fields.Date.context_today(self) - relativedelta(months=1)
        # the previous month is over: its technicians under target get their coaching
        self._compute_month(previous.year, previous.month)._aftersales_schedule_coaching()
        today = fields.Date.context_today(self)
        self._compute_month(today.year, today.month)

    # ------------------------------------------------------------------
    # Drill-down: every figure opens the records it was counted from
    # ------------------------------------------------------------------
    def _open_figure(self, key, name):
        self.ensure_one()
        start, end = self._month_bounds(self.date_month.year, self.date_month.month)
        domains = self._kpi_domains(start, end)
        if key == "callback_in_time":
            ids = self._callback_request_ids(start, end, [self.employee_id.id]).get(
                self.employee_id.id, []
            )
            model, domain = "aftersales.request", [("id", "in", ids)]
        elif key in domains:
            model, emp_field, domain = domains[key]
            domain = domain + [(emp_field, "in", self.employee_id.ids)]
        else:
            model, domain = "aftersales.request", [("id", "=", 0)]
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "view_mode": "list,form",
            "domain": domain,
            "context": {"create": False},
        }

    def action_view_requests_done(self):
        return self._open_figure("requests_done", self.env._("Requests Done"))

    def action_view_first_fix(self):
        return self._open_figure("first_fix_count", self.env._("Fixed First Time"))

    def action_view_diagnosis_checked(self):
        return self._open_figure("diagnosis_checked", self.env._("Diagnoses Checked"))

    def action_view_diagnosis_confirmed(self):
        return self._open_figure("diagnosis_confirmed", self.env._("Diagnoses Confirmed"))

    def action_view_sla_breached(self):
        return self._open_figure("sla_breached", self.env._("SLA Breaches"))

    def action_view_callbacks(self):
        return self._open_figure("callback_in_time", self.env._("Callbacks in Time"))

    def action_view_surveys(self):
        return self._open_figure("survey_count", self.env._("Surveys Answered"))

    def action_view_complaints(self):
        return self._open_figure("complaint_founded", self.env._("Founded Complaints"))

    def action_view_work_logs(self):
        return self._open_figure("hours_total", self.env._("Work Logs"))

    # ------------------------------------------------------------------
    # Appraisal that acts (issue 19): rewards, penalties, the manager's decision, coaching
    # ------------------------------------------------------------------
    state = fields.Selection(
        [("open", "To Decide"), ("decided", "Decided")],
        string="Appraisal",
        default="open",
        required=True,
        readonly=True,
        copy=False,
        index=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    missed_figures = fields.Text(
        string="Figures under Target", compute="_compute_appraisal_proposal"
    )
    reward_proposed = fields.Monetary(
        string="Proposed Reward", compute="_compute_appraisal_proposal"
    )
    penalty_proposed = fields.Monetary(
        string="Proposed Penalty", compute="_compute_appraisal_proposal"
    )
    reward_amount = fields.Monetary(string="Reward", readonly=True, copy=False)
    penalty_amount = fields.Monetary(string="Penalty", readonly=True, copy=False)
    decision_note = fields.Text(string="Decision", readonly=True, copy=False)
    decided_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    date_decided = fields.Datetime(string="Decided On", readonly=True, copy=False)
    date_coaching = fields.Datetime(string="Coaching Scheduled On", readonly=True, copy=False)

    def _aftersales_transition_fields(self):
        return super()._aftersales_transition_fields() | {
            "reward_amount",
            "penalty_amount",
            "decision_note",
            "decided_by_id",
            "date_decided",
        }

    def _aftersales_transition_refusals(self):
        return dict(
            super()._aftersales_transition_refusals(),
            decided=self.env._(
                "The appraisal %(name)s is already decided; its reward and penalty stand."
            ),
        )

    def _aftersales_field_refusal(self, field_names):
        return self.env._("The manager's decision on an appraisal is recorded only through Decide.")

    def _appraisal_checks(self):
        """(label, value, target, has data, on target) of each figure with a target."""
        self.ensure_one()
        env = self.env
        return [
            (
                env._("First-time fix rate (%)"),
                self.first_fix_rate,
                self.target_first_fix,
                self.has_first_fix_data,
                self.is_first_fix_ok,
            ),
            (
                env._("Diagnosis accuracy (%)"),
                self.diagnosis_rate,
                self.target_diagnosis,
                self.has_diagnosis_data,
                self.is_diagnosis_ok,
            ),
            (
                env._("SLA compliance (%)"),
                self.sla_rate,
                self.target_sla,
                self.has_sla_data,
                self.is_sla_ok,
            ),
            (
                env._("Callbacks in time (%)"),
                self.callback_rate,
                self.target_callback,
                self.has_callback_data,
                self.is_callback_ok,
            ),
            (
                env._("Average satisfaction"),
                self.satisfaction_avg,
                self.target_satisfaction,
                self.has_satisfaction_data,
                self.is_satisfaction_ok,
            ),
        ]

    def _appraisal_missed(self):
        """(label, value, target) of the figures with data that missed their target."""
        return [
            (label, value, target)
            for label, value, target, has_data, ok in self._appraisal_checks()
            if has_data and not ok
        ]

    def _appraisal_proposal(self):
        """(reward, penalty) the settings' rule proposes; the manager decides.

        Penalty: the amount per missed target for each missed figure and each founded
        complaint, at most the monthly maximum. Reward (only with no miss and no founded
        complaint): the range of the employee's kind (technicians or service staff), from
        its minimum up to its maximum as more figures are shown on target.
        """
        self.ensure_one()
        company = self.company_id
        checks = self._appraisal_checks()
        faults = len(self._appraisal_missed()) + self.complaint_founded
        if faults:
            penalty = min(
                company.aftersales_appraisal_penalty_per_miss * faults,
                company.aftersales_appraisal_penalty_max,
            )
            return 0.0, penalty
        shown = sum(1 for check in checks if check[3])
        if not shown:
            return 0.0, 0.0
        if self.employee_id.is_technician:
            low = company.aftersales_appraisal_bonus_min
            high = company.aftersales_appraisal_bonus_max
        else:
            low = company.aftersales_appraisal_staff_bonus_min
            high = company.aftersales_appraisal_staff_bonus_max
        return low + (high - low) * shown / len(checks), 0.0

    def _compute_appraisal_proposal(self):
        for kpi in self:
            kpi.reward_proposed, kpi.penalty_proposed = kpi._appraisal_proposal()
            kpi.missed_figures = "\n".join(
                self.env._(
                    "%(figure)s: %(value)s, target %(target)s",
                    figure=label,
                    value=round(value, 1),
                    target=round(target, 1),
                )
                for label, value, target in kpi._appraisal_missed()
            )

    def action_decide(self):
        """Open the decision on the proposed reward and penalty (managers only)."""
        self.ensure_one()
        self.check_access("write")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Appraisal Decision"),
            "res_model": "aftersales.technician.kpi.decision",
            "view_mode": "form",
            "target": "new",
            "context": {"default_kpi_id": self.id},
        }

    def _aftersales_decide(self, reward, penalty, note):
        """Record the manager's decision; a technician under target gets coaching."""
        self.check_access("write")
        self._aftersales_transition(
            ("open",),
            "decided",
            {
                "reward_amount": reward,
                "penalty_amount": penalty,
                "decision_note": note,
                "decided_by_id": self.env.user.id,
                "date_decided": fields.Datetime.now(),
            },
        )
        self._aftersales_schedule_coaching()
        return True

    def _aftersales_coach_user(self):
        """Who the coaching activity goes to: the technician, else their coach or manager
        when those may read the sheet, else the service director."""
        self.ensure_one()
        employee = self.employee_id
        for user in (employee.user_id, employee.coach_id.user_id, employee.parent_id.user_id):
            if user and self.with_user(user).has_access("read"):
                return user
        return self.company_id.aftersales_director_id

    def _aftersales_schedule_coaching(self):
        """One coaching activity per sheet with figures under target, listing them."""
        activity_type = self.env.ref(
            "aftersales_quality.mail_activity_type_kpi_coaching", raise_if_not_found=False
        )
        for kpi in self.filtered(lambda k: not k.date_coaching):
            missed = kpi._appraisal_missed()
            user = kpi._aftersales_coach_user()
            if not missed or not user or not activity_type:
                continue
            kpi.activity_schedule(
                activity_type_id=activity_type.id,
                user_id=user.id,
                summary=self.env._(
                    "Coaching: %(employee)s under target in %(month)s",
                    employee=kpi.employee_id.name,
                    month=kpi.date_month.strftime("%Y-%m"),
                ),
                note=Markup("<ul>%s</ul>")
                % Markup().join(
                    Markup("<li>%s</li>")
                    % self.env._(
                        "%(figure)s: %(value)s, target %(target)s",
                        figure=label,
                        value=round(value, 1),
                        target=round(target, 1),
                    )
                    for label, value, target in missed
                ),
            )
            kpi.date_coaching = fields.Datetime.now()

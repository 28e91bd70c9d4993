# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta

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
        self._compute_month(previous.year, previous.month)
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

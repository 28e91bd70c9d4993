# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

CATEGORIES = [
    ("A", "A - Paid"),
    ("B", "B - Contract"),
    ("C", "C - Free (in warranty)"),
    ("D", "D - Internal"),
]


class AftersalesWorkLog(models.Model):
    _name = "aftersales.work.log"
    _description = "Technician Work Log"
    _order = "date desc, employee_id, id desc"
    _check_company_auto = True

    request_id = fields.Many2one(
        "aftersales.request",
        string="Service Request",
        index=True,
        check_company=True,
        ondelete="restrict",
        help="Empty only for internal work (category D).",
    )
    employee_id = fields.Many2one(
        "hr.employee",
        string="Technician",
        index=True,
        check_company=True,
        default=lambda self: self.env.user.employee_id,
        help="The in-house technician; empty on the work of a service partner.",
    )
    service_partner_id = fields.Many2one(
        "res.partner",
        index="btree_not_null",
        readonly=True,
        help="The authorised service partner whose user logged this work from the portal.",
    )
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    hours = fields.Float(required=True)
    category = fields.Selection(
        CATEGORIES,
        required=True,
        compute="_compute_category",
        store=True,
        readonly=False,
        precompute=True,
        help="A paid, B under a service contract, C free in warranty, D internal work "
        "(inspection, parts management, tool upkeep, training).",
    )
    description = fields.Char(required=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    @api.depends("request_id")
    def _compute_category(self):
        for log in self:
            if not log.request_id:
                log.category = "D"
            elif not log.category or log.category == "D":
                log.category = log.request_id._aftersales_work_category()

    @api.constrains("hours")
    def _check_hours(self):
        for log in self:
            if log.hours <= 0 or log.hours > 24:
                raise ValidationError(
                    self.env._(
                        "A work log books between 0 and 24 hours, not %(hours)s.", hours=log.hours
                    )
                )

    @api.constrains("employee_id", "service_partner_id")
    def _check_worker(self):
        for log in self:
            if not log.employee_id and not log.service_partner_id:
                raise ValidationError(
                    self.env._("A work log names the technician or the service partner who worked.")
                )

    @api.constrains("request_id", "category")
    def _check_request_for_service_work(self):
        for log in self:
            if log.category != "D" and not log.request_id:
                raise ValidationError(
                    self.env._(
                        "Paid, contract and warranty hours belong to a service request; "
                        "only internal work (D) may be logged without one."
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_finished_request(self):
        finished = self.filtered(lambda log: log.request_id.state in ("done", "closed"))
        if finished:
            raise UserError(
                self.env._(
                    "The hours of %(names)s are part of a finished request's history "
                    "(service certificate, invoice, KPIs) and cannot be deleted.",
                    names=", ".join(finished.request_id.mapped("name")),
                )
            )

    @api.model
    def _aftersales_daily_summary(self, date, employees=None):
        """{employee: {category: hours, "total": hours}} of the work logged on ``date``."""
        domain = [("date", "=", date), ("employee_id", "!=", False)]
        if employees:
            domain.append(("employee_id", "in", employees.ids))
        summary = defaultdict(lambda: dict.fromkeys(["A", "B", "C", "D", "total"], 0.0))
        for employee, category, hours in self._read_group(
            domain, ["employee_id", "category"], ["hours:sum"]
        ):
            summary[employee][category] += hours
            summary[employee]["total"] += hours
        return dict(summary)

    def _aftersales_report_days(self):
        """Per day of these logs: the technicians' hours per category and the day's totals."""
        reports = []
        for day in sorted(set(self.mapped("date"))):
            day_logs = self.filtered(lambda log, d=day: log.date == d)
            summary = self._aftersales_daily_summary(day, employees=day_logs.employee_id)
            totals = dict.fromkeys(["A", "B", "C", "D", "total"], 0.0)
            for hours in summary.values():
                for key in totals:
                    totals[key] += hours[key]
            reports.append(
                {
                    "date": day,
                    "rows": sorted(summary.items(), key=lambda item: item[0].name),
                    "totals": totals,
                    "requests": day_logs.request_id,
                }
            )
        return reports

# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

import pytz

from odoo import fields, models

from ..rules import dispatch


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    is_technician = fields.Boolean(string="After-Sales Technician")
    aftersales_certification_ids = fields.One2many(
        "aftersales.technician.certification",
        "employee_id",
        string="Certifications",
    )
    aftersales_open_request_count = fields.Integer(
        string="Open Requests",
        compute="_compute_aftersales_open_request_count",
    )

    def _compute_aftersales_open_request_count(self):
        counts = dict(
            self.env["aftersales.request"]
            .sudo()
            ._read_group(
                [
                    ("technician_id", "in", self.ids),
                    ("state", "in", self.env["aftersales.request"]._aftersales_job_open_states()),
                ],
                ["technician_id"],
                ["__count"],
            )
        )
        for employee in self:
            employee.aftersales_open_request_count = counts.get(employee, 0)

    def _aftersales_certification_error(self, product):
        """A sentence saying why this technician may not work on ``product``, or False."""
        self.ensure_one()
        employee = self.sudo()
        if not employee.is_technician:
            return self.env._("%(name)s is not an after-sales technician.", name=self.name)
        if not product:
            return False
        category = product.categ_id
        covering = employee.aftersales_certification_ids.filtered(
            lambda c: (
                c.product_category_id.parent_path
                and category.parent_path.startswith(c.product_category_id.parent_path)
            )
        )
        if not covering:
            return self.env._(
                "%(name)s holds no certification for %(category)s and cannot be assigned.",
                name=self.name,
                category=category.display_name,
            )
        if not covering.filtered("is_valid"):
            return self.env._(
                "The certification of %(name)s for %(category)s expired on %(date)s; "
                "renew it before assigning them.",
                name=self.name,
                category=category.display_name,
                date=max(covering.mapped("date_expiry")),
            )
        return False

    def _aftersales_free_slots(self, date_from, count=1, horizon_days=None, exclude=None):
        """Appointment slots each technician of ``self`` can offer from ``date_from`` (naive
        UTC): ``{employee id: [(start, end), ...]}``, earliest first.

        Slots lie in the technician's working hours (their working calendar, else the
        company's after-sales calendar) with their leaves and public holidays removed
        (``_work_intervals_batch``), and overlap none of their open appointments (the
        request ``exclude`` aside); each lasts the company's appointment length."""
        company = self.env.company
        length = timedelta(hours=company.aftersales_appointment_hours)
        horizon = timedelta(days=horizon_days or company.aftersales_appointment_horizon_days)
        busy = {}
        domain = [
            ("technician_id", "in", self.ids),
            ("state", "in", self.env["aftersales.request"]._aftersales_job_open_states()),
            ("date_appointment", "!=", False),
            ("date_appointment_end", ">", date_from),
        ]
        if exclude:
            domain.append(("id", "not in", exclude.ids))
        appointments = (
            self.env["aftersales.request"]
            .sudo()
            .search_fetch(domain, ["technician_id", "date_appointment", "date_appointment_end"])
        )
        for appointment in appointments:
            busy.setdefault(appointment.technician_id.id, []).append(
                (appointment.date_appointment, appointment.date_appointment_end)
            )
        start = pytz.utc.localize(date_from)
        end = pytz.utc.localize(date_from + horizon)
        slots = {}
        employees = self.sudo()
        by_calendar = {}
        for employee in employees:
            calendar = (
                employee.resource_calendar_id
                or (employee.company_id or company)._aftersales_calendar()
            )
            by_calendar.setdefault(calendar, employees.browse())
            by_calendar[calendar] |= employee
        for calendar, group in by_calendar.items():
            if not calendar:
                for employee in group:
                    work = [(date_from, date_from + horizon)]
                    slots[employee.id] = dispatch.free_slots(
                        work, busy.get(employee.id, []), length, count
                    )
                continue
            intervals = calendar._work_intervals_batch(start, end, resources=group.resource_id)
            for employee in group:
                work = [
                    (
                        begin.astimezone(pytz.utc).replace(tzinfo=None),
                        stop.astimezone(pytz.utc).replace(tzinfo=None),
                    )
                    for begin, stop, _records in intervals[employee.resource_id.id]
                ]
                slots[employee.id] = dispatch.free_slots(
                    work, busy.get(employee.id, []), length, count
                )
        return slots

    def _aftersales_dispatch_order(self, product, next_free):
        """The technicians of ``self`` to suggest for a job on ``product``, best first:
        certified ones only, fewest open requests, then free soonest (``next_free``:
        {employee id: datetime}), then by name. Add-ons change the choice with ``super()``."""
        eligible = self.filtered(
            lambda employee: not employee._aftersales_certification_error(product)
        )
        return eligible.sorted(
            lambda employee: (
                employee.aftersales_open_request_count,
                next_free[employee.id],
                employee.name,
                employee.id,
            )
        )

    def action_aftersales_open_requests(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_service.aftersales_request_action"
        )
        action["domain"] = [("technician_id", "=", self.id)]
        action["context"] = {"search_default_open": 1}
        return action

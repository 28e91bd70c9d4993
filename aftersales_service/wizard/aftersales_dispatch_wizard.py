# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models

from ..rules import dispatch


class AftersalesDispatchWizard(models.TransientModel):
    _name = "aftersales.dispatch.wizard"
    _description = "Technician Suggestion"

    request_id = fields.Many2one("aftersales.request", required=True, ondelete="cascade")
    line_ids = fields.One2many("aftersales.dispatch.wizard.line", "wizard_id", string="Technicians")
    employee_id = fields.Many2one(
        "hr.employee",
        string="Technician",
        help="Suggested: certified for the product, fewest open requests, free soonest.",
    )
    suggested_employee_ids = fields.Many2many(
        "hr.employee",
        string="Suggested Technicians",
        compute="_compute_suggested_employee_ids",
        help="The technicians of the suggestion list (the choice is limited to them).",
    )

    @api.depends("line_ids.employee_id")
    def _compute_suggested_employee_ids(self):
        for wizard in self:
            wizard.suggested_employee_ids = wizard.line_ids.employee_id

    @api.model_create_multi
    def create(self, vals_list):
        wizards = super().create(vals_list)
        for wizard in wizards:
            wizard._fill_suggestions()
        return wizards

    def _fill_suggestions(self):
        self.ensure_one()
        request = self.request_id
        # the dispatcher searches technicians with their own rights (through the public
        # employee directory without HR rights); their load and certifications are read as
        # superuser, as they are shown to anyone who dispatches
        employees = (
            self.env["hr.employee"]
            .search(
                [
                    ("is_technician", "=", True),
                    ("company_id", "in", [request.company_id.id, False]),
                ]
            )
            .sudo()
        )
        now = fields.Datetime.now()
        appointments = self.env["aftersales.request"].search(
            [
                ("technician_id", "in", employees.ids),
                ("state", "in", ("scheduled", "in_progress", "waiting_parts")),
                ("date_appointment", "!=", False),
                ("date_appointment_end", ">", now),
            ]
        )
        busy = {}
        for appointment in appointments:
            busy.setdefault(appointment.technician_id.id, []).append(
                (appointment.date_appointment, appointment.date_appointment_end)
            )
        length = timedelta(hours=request.company_id.aftersales_appointment_hours or 2.0)
        candidates = [
            dispatch.Candidate(
                key=employee.id,
                name=employee.name,
                certified=not employee._aftersales_certification_error(request.product_id),
                load=employee.aftersales_open_request_count,
                next_free=dispatch.next_free_slot(busy.get(employee.id, []), now, length),
            )
            for employee in employees
        ]
        ranked = dispatch.rank(candidates)
        self.line_ids = [
            fields.Command.create(
                {
                    "sequence": position,
                    "employee_id": candidate.key,
                    "open_request_count": candidate.load,
                    "date_next_free": candidate.next_free,
                }
            )
            for position, candidate in enumerate(ranked, start=1)
        ]
        self.employee_id = ranked[0].key if ranked else False

    def action_assign(self):
        self.ensure_one()
        values = {"technician_id": self.employee_id.id}
        line = self.line_ids.filtered(lambda ln: ln.employee_id == self.employee_id)[:1]
        if line and not self.request_id.date_appointment:
            length = timedelta(hours=self.request_id.company_id.aftersales_appointment_hours or 2.0)
            values["date_appointment"] = line.date_next_free
            values["date_appointment_end"] = line.date_next_free + length
        self.request_id.write(values)
        return {"type": "ir.actions.act_window_close"}


class AftersalesDispatchWizardLine(models.TransientModel):
    _name = "aftersales.dispatch.wizard.line"
    _description = "Technician Suggestion Line"
    _order = "sequence"

    wizard_id = fields.Many2one("aftersales.dispatch.wizard", required=True, ondelete="cascade")
    sequence = fields.Integer(string="Rank")
    employee_id = fields.Many2one("hr.employee", string="Technician", required=True)
    open_request_count = fields.Integer(string="Open Requests")
    date_next_free = fields.Datetime(string="Free From")

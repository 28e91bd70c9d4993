# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models


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
        # next free slot in each technician's working calendar (hours, leaves, appointments)
        free = employees._aftersales_free_slots(now)
        horizon = timedelta(days=request.company_id.aftersales_appointment_horizon_days)
        next_free = {
            employee.id: (free.get(employee.id) or [(now + horizon, None)])[0][0]
            for employee in employees
        }
        ranked = employees._aftersales_dispatch_order(request.product_id, next_free)
        self.line_ids = [
            fields.Command.create(
                {
                    "sequence": position,
                    "employee_id": employee.id,
                    "open_request_count": employee.aftersales_open_request_count,
                    "date_next_free": next_free[employee.id],
                }
            )
            for position, employee in enumerate(ranked, start=1)
        ]
        self.employee_id = ranked[:1]

    def action_assign(self):
        """Assign the technician; the appointment is agreed with the customer afterwards
        (Propose Appointment on the request), never invented here."""
        self.ensure_one()
        self.request_id.write({"technician_id": self.employee_id.id})
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

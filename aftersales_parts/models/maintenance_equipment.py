# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError


class MaintenanceEquipment(models.Model):
    _inherit = "maintenance.equipment"

    aftersales_is_tool = fields.Boolean(
        string="After-Sales Tool", help="A test or repair tool held by a field technician."
    )
    aftersales_custodian_id = fields.Many2one(
        "hr.employee",
        string="Custodian",
        tracking=True,
        index=True,
        check_company=True,
        help="The technician who holds the tool and answers for it. Change it only through "
        "a hand-over, which is logged.",
    )
    aftersales_custody_ids = fields.One2many(
        "aftersales.tool.custody", "equipment_id", string="Custody Log"
    )
    aftersales_incident_ids = fields.One2many(
        "aftersales.tool.incident", "equipment_id", string="Loss and Damage Reports"
    )
    aftersales_calibration_days = fields.Integer(
        string="Calibration Every (days)",
        help="Calibration interval. A recurring preventive maintenance request is planned "
        "with this period.",
    )
    aftersales_last_calibration = fields.Date(string="Last Calibration", tracking=True)
    aftersales_calibration_due = fields.Date(
        string="Calibration Due",
        compute="_compute_aftersales_calibration_due",
        store=True,
    )

    @api.depends("aftersales_calibration_days", "aftersales_last_calibration")
    def _compute_aftersales_calibration_due(self):
        self.aftersales_calibration_due = False
        for tool in self.filtered(
            lambda t: t.aftersales_calibration_days and t.aftersales_last_calibration
        ):
            tool.aftersales_calibration_due = tool.aftersales_last_calibration + timedelta(
                days=tool.aftersales_calibration_days
            )

    @api.model_create_multi
    def create(self, vals_list):
        tools = super().create(vals_list)
        tools.filtered("aftersales_custodian_id")._aftersales_log_custody(
            self.env._("Initial assignment")
        )
        return tools

    def write(self, vals):
        """Every change of custodian closes the open custody entry and opens a new one."""
        if "aftersales_custodian_id" not in vals:
            return super().write(vals)
        changed = self.filtered(
            lambda t: t.aftersales_custodian_id.id != vals["aftersales_custodian_id"]
        )
        changed.aftersales_custody_ids.filtered(lambda c: not c.date_to).write(
            {"date_to": fields.Datetime.now()}
        )
        res = super().write(vals)
        changed.filtered("aftersales_custodian_id")._aftersales_log_custody(
            self.env.context.get("aftersales_handover_note") or self.env._("Hand-over")
        )
        return res

    def _aftersales_log_custody(self, note):
        now = fields.Datetime.now()
        self.env["aftersales.tool.custody"].sudo().create(
            [
                {
                    "equipment_id": tool.id,
                    "employee_id": tool.aftersales_custodian_id.id,
                    "date_from": now,
                    "note": note,
                }
                for tool in self
            ]
        )

    def action_aftersales_hand_over(self, employee, note=False):
        """Hand the tools over to ``employee`` (empty: back to the tool store); logged."""
        self.with_context(aftersales_handover_note=note).write(
            {"aftersales_custodian_id": employee.id if employee else False}
        )
        return True

    def action_aftersales_plan_calibration(self):
        """Plan the calibration as a recurring preventive maintenance request."""
        Request = self.env["maintenance.request"]
        vals_list = []
        for tool in self:
            if not tool.aftersales_calibration_days:
                raise UserError(
                    self.env._("Set the calibration interval of %(tool)s first.", tool=tool.name)
                )
            due = tool.aftersales_calibration_due or fields.Date.context_today(self)
            vals_list.append(
                {
                    "name": self.env._("Calibration of %(tool)s", tool=tool.name),
                    "equipment_id": tool.id,
                    "maintenance_type": "preventive",
                    "schedule_date": fields.Datetime.to_datetime(due),
                    "recurring_maintenance": True,
                    "repeat_interval": tool.aftersales_calibration_days,
                    "repeat_unit": "day",
                    "repeat_type": "forever",
                    "company_id": tool.company_id.id,
                }
            )
        return Request.create(vals_list)

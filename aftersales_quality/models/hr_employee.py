# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    aftersales_kpi_ids = fields.One2many(
        "aftersales.technician.kpi",
        "employee_id",
        string="After-Sales KPIs",
        groups="aftersales_service.group_aftersales_user_own",
    )
    aftersales_kpi_count = fields.Integer(
        compute="_compute_aftersales_kpi_count",
        string="KPI Count",
        groups="aftersales_service.group_aftersales_user_own",
    )

    def _compute_aftersales_kpi_count(self):
        counts = dict(
            self.env["aftersales.technician.kpi"]._read_group(
                [("employee_id", "in", self.ids)], ["employee_id"], ["__count"]
            )
        )
        for employee in self:
            employee.aftersales_kpi_count = counts.get(employee, 0)

    def action_view_aftersales_kpis(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_quality.aftersales_technician_kpi_action"
        )
        action.update(domain=[("employee_id", "=", self.id)], context={})
        return action

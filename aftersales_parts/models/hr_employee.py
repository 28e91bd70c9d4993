# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    aftersales_tool_ids = fields.One2many(
        "maintenance.equipment", "aftersales_custodian_id", string="Tools Held"
    )
    aftersales_tool_count = fields.Integer(
        string="Tools", compute="_compute_aftersales_tool_stats", compute_sudo=True
    )
    aftersales_tool_charge_total = fields.Monetary(
        string="Tool Charges",
        compute="_compute_aftersales_tool_stats",
        compute_sudo=True,
        currency_field="aftersales_currency_id",
        help="Total of the tool losses and damages charged to this technician.",
    )
    aftersales_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Tool Charges Currency"
    )
    aftersales_van_location_id = fields.Many2one(
        "stock.location",
        string="Van Stock",
        check_company=True,
        help="Stock location of the technician's van, replenished from the parts warehouse.",
    )

    @api.depends("aftersales_tool_ids")
    def _compute_aftersales_tool_stats(self):
        tools = self.env["maintenance.equipment"]._read_group(
            [("aftersales_custodian_id", "in", self.ids)], ["aftersales_custodian_id"], ["__count"]
        )
        tool_count = {employee.id: count for employee, count in tools}
        charges = self.env["aftersales.tool.incident"]._read_group(
            [("employee_id", "in", self.ids), ("decision", "=", "charged")],
            ["employee_id"],
            ["amount_charged:sum"],
        )
        charge_total = {employee.id: total for employee, total in charges}
        for employee in self:
            employee.aftersales_tool_count = tool_count.get(employee.id, 0)
            employee.aftersales_tool_charge_total = charge_total.get(employee.id, 0.0)

    def write(self, vals):
        guarded = {"active", "job_id", "department_id"} & set(vals)
        if guarded:
            # sudo: whoever edits the employee, every tool held counts
            holding = self.sudo().filtered(
                lambda e: (
                    e.aftersales_tool_ids
                    and (
                        ("active" in vals and not vals["active"] and e.active)
                        or ("job_id" in vals and e.job_id.id != vals["job_id"])
                        or ("department_id" in vals and e.department_id.id != vals["department_id"])
                    )
                )
            )
            if holding:
                raise UserError(
                    self.env._(
                        "%(names)s still hold after-sales tools (%(tools)s). Hand the tools "
                        "over before archiving or changing job or department.",
                        names=", ".join(holding.mapped("name")),
                        tools=", ".join(holding.aftersales_tool_ids.mapped("name")),
                    )
                )
        return super().write(vals)

    def action_aftersales_create_van(self):
        """Create the van stock location of the technician under the parts warehouse."""
        for employee in self.filtered(lambda e: not e.aftersales_van_location_id):
            employee.aftersales_van_location_id = (
                employee.company_id._aftersales_create_van_location(employee)
            )
        return True

    def action_view_aftersales_tools(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Tools Held"),
            "res_model": "maintenance.equipment",
            "view_mode": "list,form",
            "domain": [("aftersales_custodian_id", "=", self.id)],
            "context": {
                "default_aftersales_custodian_id": self.id,
                "default_aftersales_is_tool": True,
            },
        }

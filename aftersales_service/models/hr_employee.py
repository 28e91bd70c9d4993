# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

OPEN_STATES = ("new", "assessed", "scheduled", "in_progress", "waiting_parts")


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
                [("technician_id", "in", self.ids), ("state", "in", OPEN_STATES)],
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

    def action_aftersales_open_requests(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_service.aftersales_request_action"
        )
        action["domain"] = [("technician_id", "=", self.id)]
        action["context"] = {"search_default_open": 1}
        return action

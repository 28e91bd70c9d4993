# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

COMPLAINT_CATEGORIES = [
    ("quality", "Product Quality"),
    ("logistics", "Packaging or Transport Damage"),
    ("staff", "Staff Attitude or Negligence"),
    ("dealer", "Dealer / Retailer"),
    ("other", "Other"),
]


class AftersalesComplaintRoute(models.Model):
    _name = "aftersales.complaint.route"
    _description = "Complaint Routing and Deadline Policy"
    _order = "sequence, id"
    _check_company_auto = True

    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    category = fields.Selection(COMPLAINT_CATEGORIES, required=True)
    department_id = fields.Many2one(
        "hr.department",
        check_company=True,
        help="Department a complaint of this category is routed to.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible Person",
        help="Person in charge of complaints of this category; empty: the department's manager.",
    )
    ack_hours = fields.Float(
        string="Acknowledge Within (working hours)",
        default=8,
        help="Working hours to acknowledge a normal complaint (1 working day = 8 hours).",
    )
    urgent_ack_hours = fields.Float(
        string="Urgent: Acknowledge Within (hours)",
        default=4,
        help="Hours to acknowledge an urgent complaint: clock hours, or working hours when the "
        "setting Urgent Acknowledgment in Clock Hours is off.",
    )
    solution_days = fields.Float(
        string="Propose Solution Within (working days)",
        default=3,
        help="Working days, counted on the after-sales calendar, to propose a solution.",
    )

    overdue_user_id = fields.Many2one(
        "res.users",
        string="Escalate Overdue To",
        help="Who is told when a complaint of this category is not acknowledged, or has no "
        "solution, by its deadline; empty: the department's manager, else the company's "
        "escalation leader.",
    )

    _sql_constraints = [
        (
            "category_company_uniq",
            "unique(company_id, category)",
            "Each complaint category has one route per company.",
        ),
    ]

    def _compute_display_name(self):
        labels = dict(self._fields["category"]._description_selection(self.env))
        for route in self:
            route.display_name = labels.get(route.category, "")

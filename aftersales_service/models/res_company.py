# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    aftersales_calendar_id = fields.Many2one(
        "resource.calendar",
        string="After-Sales Working Hours",
        help="Working calendar on which service deadlines are counted. Its public holidays "
        "pause the clock. Empty: the company's working hours.",
    )
    aftersales_repair_warranty_days = fields.Integer(
        string="Repair Warranty (days)",
        default=90,
        help="The same fault on the same unit within this many days after a repair is "
        "re-done free of charge.",
    )
    aftersales_contract_notice_months = fields.Integer(
        string="Contract Renewal Notice (months)",
        default=1,
        help="This many months before a service contract ends, the responsible gets a "
        "renewal activity and the customer a renewal e-mail.",
    )

    aftersales_return_ratio_allowed = fields.Float(
        string="Allowed Return Ratio (%)",
        default=5.0,
        help="Default share of a customer's purchases (in percent) that may come back as "
        "unsaleable exchanges; a customer may have a contractual ratio of its own.",
    )
    aftersales_return_days_allowed = fields.Integer(
        string="Exchange Time Limit (days)",
        default=180,
        help="Default number of days after the sale within which goods may be exchanged.",
    )
    aftersales_return_ratio_window_days = fields.Integer(
        string="Return Ratio Window (days)",
        default=365,
        help="Returns and purchases of this many past days make the customer's ratio.",
    )
    aftersales_return_slip_hour = fields.Float(
        string="Return Slip Due Hour",
        default=12.0,
        help="The return slip is due by this hour of the working day after the stock-in.",
    )
    aftersales_return_sales_head_id = fields.Many2one(
        "res.users",
        string="Sales Head",
        help="Alerted when a customer's return ratio passes the allowed one.",
    )
    aftersales_return_accountant_id = fields.Many2one(
        "res.users",
        string="Return Ratio Accountant",
        help="Accountant alerted when a customer's return ratio passes the allowed one.",
    )

    def _aftersales_calendar(self):
        """The working calendar after-sales deadlines are counted on."""
        self.ensure_one()
        return self.aftersales_calendar_id or self.resource_calendar_id

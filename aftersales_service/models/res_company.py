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

    def _aftersales_calendar(self):
        """The working calendar after-sales deadlines are counted on."""
        self.ensure_one()
        return self.aftersales_calendar_id or self.resource_calendar_id

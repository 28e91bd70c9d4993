# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AftersalesReturnLine(models.Model):
    _inherit = "aftersales.return.line"

    qc_verdict = fields.Selection(
        [
            ("undamaged", "Undamaged"),
            ("company_fault", "Company Fault"),
            ("customer_damage", "Customer Damage"),
        ],
        string="QC Verdict",
        copy=False,
        help="Unsaleable exchanges must be undamaged; customer damage refuses the line.",
    )
    qc_department_id = fields.Many2one(
        "hr.department",
        string="Responsible Department",
        copy=False,
        help="The department whose fault it is, when the verdict is company fault.",
    )
    qc_corrective_action = fields.Text(string="Corrective Action", copy=False)
    qc_refusal_reason = fields.Text(
        string="Refusal Reason",
        copy=False,
        help="Written reason sent to the customer when the goods were damaged by the customer.",
    )

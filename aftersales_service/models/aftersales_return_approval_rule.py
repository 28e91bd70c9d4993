# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

APPROVAL_STEPS = [
    ("aftersales", "After-Sales Review"),
    ("finance", "Finance Ratio Check"),
    ("sales_head", "Sales Head"),
    ("leader", "Company Leader"),
]


class AftersalesReturnApprovalRule(models.Model):
    _name = "aftersales.return.approval.rule"
    _description = "Return Approval Rule"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(
        "res.company",
        help="Empty: the rule applies in every company.",
    )
    step = fields.Selection(APPROVAL_STEPS, required=True)
    reason_kind = fields.Selection(
        [("any", "Any Reason"), ("unsaleable", "Unsaleable Exchange"), ("quality", "Quality")],
        required=True,
        default="any",
        help="The step is needed when the return has a line of this kind.",
    )
    min_amount = fields.Float(
        string="From Amount",
        help="The step is needed when the return's amount reaches this threshold.",
    )
    policy_breach = fields.Selection(
        [
            ("any", "Always"),
            ("breach", "Only Beyond Policy"),
            ("within", "Only Within Policy"),
        ],
        string="Policy Condition",
        required=True,
        default="any",
        help="Whether the step applies only to returns that break the customer's return "
        "ratio or time limit, only to those within, or to all.",
    )
    group_id = fields.Many2one(
        "res.groups",
        string="Signing Group",
        required=True,
        help="Only members of this group may sign the step.",
    )
    is_distinct_signer = fields.Boolean(
        string="Distinct Signer",
        default=True,
        help="Whoever signed another step of the same return may not sign this one.",
    )

    def _aftersales_applies_to(self, aftersales_return):
        """Whether this rule adds its step to the chain of ``aftersales_return``.

        Add-ons extend it (``super()``) to route on their own conditions."""
        self.ensure_one()
        if self.reason_kind != "any" and self.reason_kind not in aftersales_return.line_ids.mapped(
            "reason_kind"
        ):
            return False
        if aftersales_return.amount_total < self.min_amount:
            return False
        breach = aftersales_return.is_policy_breach
        if self.policy_breach == "breach" and not breach:
            return False
        return not (self.policy_breach == "within" and breach)

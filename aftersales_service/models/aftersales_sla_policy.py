# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

TARGETS = ("response", "appointment", "arrival", "resolution")
UNITS = [
    ("hours", "Hours (round the clock)"),
    ("working_hours", "Working Hours"),
    ("working_days", "Working Days"),
]
CRITERIA = ("channel", "request_type", "priority", "zone", "complexity", "care_level_id")


class AftersalesSlaPolicy(models.Model):
    _name = "aftersales.sla.policy"
    _description = "SLA Policy"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", help="Empty: the policy applies to every company.", index=True
    )
    channel = fields.Selection(
        selection=lambda self: self.env["aftersales.request"]._fields["channel"].selection,
        help="Empty: any channel.",
    )
    request_type = fields.Selection(
        selection=lambda self: self.env["aftersales.request"]._fields["request_type"].selection,
        string="Type",
        help="Empty: any type.",
    )
    priority = fields.Selection(
        selection=lambda self: self.env["aftersales.request"]._fields["priority"].selection,
        help="Empty: any priority.",
    )
    zone = fields.Selection(
        selection=lambda self: self.env["aftersales.request"]._fields["zone"].selection,
        help="Empty: any zone.",
    )
    complexity = fields.Selection(
        selection=lambda self: self.env["aftersales.request"]._fields["complexity"].selection,
        help="Empty: any complexity.",
    )
    care_level_id = fields.Many2one(
        "aftersales.care.level",
        help="Empty: any customer. Set: the promise of that care level's customers.",
        index="btree_not_null",
    )
    response_time = fields.Float(
        string="First Answer", help="0: this policy leaves the promise to a more general one."
    )
    response_unit = fields.Selection(UNITS, string="First Answer Unit", default="hours")
    appointment_time = fields.Float(
        string="Appointment Fixed", help="0: this policy leaves the promise to a more general one."
    )
    appointment_unit = fields.Selection(UNITS, default="hours")
    arrival_time = fields.Float(
        string="Arrival / Remote Help",
        help="On-site arrival, or start of remote help for simple problems. "
        "0: this policy leaves the promise to a more general one.",
    )
    arrival_unit = fields.Selection(UNITS, default="working_hours")
    resolution_time = fields.Float(
        string="Resolution", help="0: this policy leaves the promise to a more general one."
    )
    resolution_unit = fields.Selection(UNITS, default="working_days")
    specificity = fields.Integer(
        compute="_compute_specificity",
        store=True,
        help="How many criteria the policy sets; the most specific matching policy wins.",
    )

    @api.model
    def _aftersales_criteria(self):
        """The request fields a policy may match on (a field of the same name on both
        models); add-ons add theirs with ``super()``."""
        return list(CRITERIA)

    @api.depends(lambda self: self._aftersales_criteria())
    def _compute_specificity(self):
        criteria = self._aftersales_criteria()
        for policy in self:
            policy.specificity = sum(1 for fname in criteria if policy[fname])

    def _aftersales_matches(self, request):
        self.ensure_one()
        if self.company_id and self.company_id != request.company_id:
            return False
        return all(
            not self[fname] or self[fname] == request[fname]
            for fname in self._aftersales_criteria()
        )

    def _aftersales_targets(self, request):
        """For each promise, (duration, unit, policy) from the most specific matching policy."""
        matching = self.filtered(lambda p: p._aftersales_matches(request)).sorted(
            lambda p: (-p.specificity, p.sequence, p.id)
        )
        targets = {}
        for target in TARGETS:
            policy = next((p for p in matching if p[f"{target}_time"] > 0), None)
            if policy:
                targets[target] = (
                    policy[f"{target}_time"],
                    policy[f"{target}_unit"],
                    policy,
                )
            else:
                targets[target] = (0.0, "hours", None)
        return targets

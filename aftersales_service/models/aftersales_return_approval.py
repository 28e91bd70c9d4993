# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .aftersales_return_approval_rule import APPROVAL_STEPS

SIGNATURE_FIELDS = ("state", "user_id", "date_signed")


class AftersalesReturnApproval(models.Model):
    _name = "aftersales.return.approval"
    _description = "Return Approval Step"
    _inherit = ["aftersales.state.mixin"]
    _order = "return_id, sequence, id"

    return_id = fields.Many2one("aftersales.return", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="return_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    step = fields.Selection(APPROVAL_STEPS, required=True)
    rule_id = fields.Many2one("aftersales.return.approval.rule", ondelete="set null")
    group_id = fields.Many2one("res.groups", string="Signing Group", required=True)
    is_distinct_signer = fields.Boolean(string="Distinct Signer", default=True)
    state = fields.Selection(
        [("pending", "Pending"), ("approved", "Approved"), ("refused", "Refused")],
        string="Decision",
        default="pending",
        required=True,
        readonly=True,
    )
    user_id = fields.Many2one("res.users", string="Approver", readonly=True)
    date_signed = fields.Datetime(string="Signed On", readonly=True)
    comment = fields.Text()
    can_sign = fields.Boolean(compute="_compute_can_sign")

    _sql_constraints = [
        (
            "return_step_unique",
            "UNIQUE(return_id, step)",
            "A return's approval chain holds each step once.",
        ),
    ]

    def _compute_can_sign(self):
        groups = self.env.user.groups_id
        for approval in self:
            approval.can_sign = (
                approval.state == "pending"
                and approval.group_id in groups
                and approval._is_signed_with_buttons()
            )

    def _is_signed_with_buttons(self):
        """Whether the step is signed with the chain's Approve/Refuse buttons.

        Add-ons put steps in the chain that their own action signs (QC adds its inspection):
        they count among the signatures the stock-in waits for, not among the approvals
        that issue the pickup."""
        self.ensure_one()
        return True

    def _aftersales_transition_fields(self):
        return super()._aftersales_transition_fields() | {
            *SIGNATURE_FIELDS,
            "return_id",
            "step",
            "group_id",
        }

    def _aftersales_field_refusal(self, field_names):
        return self.env._("An approval step is signed only with its Approve or Refuse button.")

    @api.model_create_multi
    def create(self, vals_list):
        if not self._aftersales_in_transition():
            for vals in vals_list:
                for name in SIGNATURE_FIELDS:
                    vals.pop(name, None)
        return super().create(vals_list)

    def action_approve(self):
        return self._sign("approved")

    def action_refuse(self):
        return self._sign("refused")

    def _sign(self, decision):
        labels = dict(self._fields["step"]._description_selection(self.env))
        # two approvers clicking at once: the second waits, then sees the first's signature
        self._aftersales_lock()
        user = self.env.user
        for approval in self:
            chain = approval.return_id
            step = labels[approval.step]
            if not approval._is_signed_with_buttons():
                raise UserError(
                    self.env._(
                        "The step '%(step)s' of %(name)s is signed by its own action, "
                        "not with the approval buttons.",
                        step=step,
                        name=chain.name,
                    )
                )
            if approval.group_id not in user.groups_id:
                raise AccessError(
                    self.env._(
                        "Only members of '%(group)s' may sign the step '%(step)s' of %(name)s.",
                        group=approval.group_id.full_name,
                        step=step,
                        name=chain.name,
                    )
                )
            if approval.state == decision and approval.user_id == user:
                continue  # the same click replayed (e.g. retried after a concurrent update)
            if approval.state != "pending":
                raise UserError(
                    self.env._(
                        "The step '%(step)s' of %(name)s was already signed by %(user)s.",
                        step=step,
                        name=chain.name,
                        user=approval.user_id.name,
                    )
                )
            if chain.state not in ("submitted", "under_approval"):
                raise UserError(
                    self.env._("%(name)s is not waiting for approval.", name=chain.name)
                )
            earlier = chain.approval_ids.filtered(
                lambda a, approval=approval: (
                    a.sequence < approval.sequence and a.state != "approved"
                )
            )
            if earlier:
                raise UserError(
                    self.env._(
                        "Sign the step '%(earlier)s' of %(name)s first.",
                        earlier=labels[earlier[0].step],
                        name=chain.name,
                    )
                )
            if approval.is_distinct_signer and user in (chain.approval_ids - approval).user_id:
                raise UserError(
                    self.env._(
                        "You already signed another step of %(name)s; "
                        "the step '%(step)s' needs a different approver.",
                        name=chain.name,
                        step=step,
                    )
                )
            if decision == "refused" and not approval.comment:
                raise UserError(
                    self.env._(
                        "Write the reason of the refusal in the comment of the step '%(step)s'; "
                        "it is sent to the customer.",
                        step=step,
                    )
                )
            approval._aftersales_write_transition(
                {"state": decision, "user_id": user.id, "date_signed": fields.Datetime.now()}
            )
            # the pickup order and the customer mail go out whoever signs last
            chain.sudo()._on_approval_signed(approval)
        return True

# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, fields, models
from odoo.exceptions import AccessError, UserError

QC_FIELDS = {"qc_user_id", "date_qc"}


class AftersalesReturn(models.Model):
    _inherit = "aftersales.return"

    qc_user_id = fields.Many2one("res.users", string="QC Inspector", readonly=True, copy=False)
    date_qc = fields.Datetime(string="Inspected On", readonly=True, copy=False)
    complaint_ids = fields.One2many(
        "aftersales.complaint",
        "return_id",
        string="Complaints",
        groups="aftersales_service.group_aftersales_user_own",
    )
    complaint_count = fields.Integer(
        compute="_compute_complaint_count", groups="aftersales_service.group_aftersales_user_own"
    )

    def _compute_complaint_count(self):
        counts = dict(
            self.env["aftersales.complaint"]._read_group(
                [("return_id", "in", self.ids)], ["return_id"], ["__count"]
            )
        )
        for record in self:
            record.complaint_count = counts.get(record, 0)

    def action_view_complaints(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_quality.aftersales_complaint_action"
        )
        action.update(
            domain=[("return_id", "=", self.id)],
            context={"default_return_id": self.id, "default_partner_id": self.partner_id.id},
        )
        return action

    def _aftersales_transition_fields(self):
        return super()._aftersales_transition_fields() | QC_FIELDS

    def _aftersales_field_refusal(self, field_names):
        if QC_FIELDS & set(field_names):
            return self.env._("The QC signature is given only with the Sign QC Inspection button.")
        return super()._aftersales_field_refusal(field_names)

    def action_submit(self):
        res = super().action_submit()
        # the QC inspection closes every chain: the stock-in waits for it like for the others
        qc_group = self.env.ref("aftersales_service.group_aftersales_qc_inspector")
        for record in self.filtered(lambda r: r.approval_ids and r.state != "refused"):
            record.approval_ids = [
                Command.create(
                    {
                        "sequence": max(record.approval_ids.mapped("sequence")) + 1,
                        "step": "qc",
                        "group_id": qc_group.id,
                        "is_distinct_signer": False,
                    }
                )
            ]
        return res

    def _aftersales_missing_signatures(self):
        missing = super()._aftersales_missing_signatures()
        steps = self.approval_ids.mapped("step")
        # a chain started before the QC step was part of it
        if steps and "qc" not in steps and not self.qc_user_id:
            missing.append(self.env._("QC Inspection"))
        return missing

    def _step_is_open(self, step):
        if step.step == "qc":
            # the inspectors are called once the goods are collected
            return self.state == "collected"
        return super()._step_is_open(step)

    def action_collect(self):
        res = super().action_collect()
        self._notify_signers()
        return res

    def _line_destination(self, line):
        if not line.is_refused and line.qc_verdict == "company_fault":
            return "defective"
        return super()._line_destination(line)

    def _sendback_date(self):
        """When goods refused at inspection leave for the customer: the configured number
        of working days after the inspection."""
        self.ensure_one()
        days = self.company_id.aftersales_return_sendback_days
        calendar = self.company_id._aftersales_calendar()
        now = fields.Datetime.now()
        if not days:
            return now
        # plan_days counts today as the first working day: N days after is day N + 1
        return calendar.plan_days(days + 1, now, compute_leaves=True) or now

    def _sign_qc_step(self, decision):
        self.ensure_one()
        self.approval_ids.filtered(
            lambda a: a.step == "qc" and a.state == "pending"
        )._aftersales_write_transition(
            {"state": decision, "user_id": self.env.user.id, "date_signed": fields.Datetime.now()}
        )

    def _check_qc_verdicts(self):
        labels = dict(
            self.env["aftersales.return.line"]
            ._fields["qc_verdict"]
            ._description_selection(self.env)
        )
        for line in self.line_ids:
            product = line.product_id.display_name
            if not line.qc_verdict:
                raise UserError(
                    self.env._("Give a QC verdict for %(product)s first.", product=product)
                )
            if line.reason_kind == "unsaleable" and line.qc_verdict == "company_fault":
                raise UserError(
                    self.env._(
                        "%(product)s is an unsaleable exchange: it is either undamaged or "
                        "damaged by the customer, not '%(verdict)s'.",
                        product=product,
                        verdict=labels[line.qc_verdict],
                    )
                )
            if line.qc_verdict == "company_fault" and not (
                line.qc_department_id and line.qc_corrective_action
            ):
                raise UserError(
                    self.env._(
                        "Name the responsible department and the corrective action for "
                        "%(product)s.",
                        product=product,
                    )
                )
            if line.qc_verdict == "customer_damage" and not line.qc_refusal_reason:
                raise UserError(
                    self.env._(
                        "Write the reason sent to the customer for refusing %(product)s.",
                        product=product,
                    )
                )

    def _aftersales_transition_refusals(self):
        refusals = super()._aftersales_transition_refusals()
        refusals["inspected"] = self.env._(
            "Only a collected return can be inspected; %(name)s is not waiting for its "
            "QC inspection."
        )
        return refusals

    def action_qc_sign(self):
        """The QC inspector signs the verdicts; damaged goods are refused to the customer."""
        if not self.env.user.has_group("aftersales_service.group_aftersales_qc_inspector"):
            raise AccessError(
                self.env._("Only a QC inspector may sign the inspection of a return.")
            )
        # two inspectors may sign at once: the second waits for the first, then is refused;
        # the same inspector's retried click finds the return signed and does nothing
        self._aftersales_lock()
        to_sign = self.filtered(lambda r: r.state == "collected" or r.qc_user_id != self.env.user)
        wrong = to_sign.filtered(lambda r: r.state != "collected")[:1]
        if wrong:
            raise UserError(wrong._aftersales_transition_refusal("inspected"))
        for record in to_sign:
            record._check_qc_verdicts()
            refused = record.line_ids.filtered(lambda line: line.qc_verdict == "customer_damage")
            if refused:
                refused._aftersales_write_transition({"is_refused": True})
                # the refused goods still come in (they were collected), without touching
                # the sale, and go back on a transfer dated in the mail
                record.sudo()._sync_to_refund()
                record.write({"date_sendback": record._sendback_date()})
                record.message_post_with_source(
                    "aftersales_quality.mail_template_aftersales_return_qc_refused",
                    subtype_xmlid="mail.mt_comment",
                    message_type="comment",
                )
            vals = {"qc_user_id": self.env.user.id, "date_qc": fields.Datetime.now()}
            record.sudo()._sign_qc_step("approved")
            if refused == record.line_ids:
                vals["refusal_reason"] = "\n".join(refused.mapped("qc_refusal_reason"))
                record._aftersales_transition(("collected",), "refused", vals)
            else:
                record._aftersales_transition(("collected",), "inspected", vals)
        to_sign._notify_signers()
        return True

# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
from collections import defaultdict
from datetime import datetime, time, timedelta

import pytz

from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from ..rules.return_routing import breaks_policy, ratio
from .aftersales_return_approval_rule import APPROVAL_STEPS

# the step a signature activity asks for, in its note
STEP_MARKER = re.compile(r"#step-(\d+)\b")

OPEN_STATES = ("draft", "submitted", "under_approval", "approved")
APPROVAL_CONTEXT_KEY = "aftersales_approval_id"


class AftersalesReturn(models.Model):
    _name = "aftersales.return"
    _description = "Return / Exchange"
    _inherit = ["aftersales.state.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_request desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference", required=True, copy=False, readonly=True, default="New", index="trigram"
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    # stored: the list shows amounts in it, read with the rows instead of through the company
    currency_id = fields.Many2one(related="company_id.currency_id", store=True, precompute=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        tracking=True,
        check_company=True,
        index=True,
    )
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id", store=True, index=True, precompute=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        tracking=True,
    )
    date_request = fields.Date(
        string="Requested On", default=fields.Date.context_today, required=True, index=True
    )
    line_ids = fields.One2many("aftersales.return.line", "return_id", string="Lines", copy=True)
    sale_order_ids = fields.Many2many(
        "sale.order", string="Sale Orders", compute="_compute_sale_order_ids"
    )
    desired_outcome = fields.Selection(
        [("exchange", "Exchange"), ("refund", "Refund"), ("concession", "Price Concession")],
        required=True,
        default="exchange",
        tracking=True,
    )
    concession_amount = fields.Monetary(
        help="Amount credited to the customer when the outcome is a price concession."
    )
    amount_total = fields.Monetary(string="Amount", compute="_compute_amounts", store=True)
    amount_accepted = fields.Monetary(string="Accepted Amount", compute="_compute_accepted")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("under_approval", "Under Approval"),
            ("approved", "Approved"),
            ("refused", "Refused"),
            ("collected", "Collected"),
            ("inspected", "Inspected"),
            ("received", "Received"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    refusal_reason = fields.Text(readonly=True, copy=False, tracking=True)
    approval_ids = fields.One2many(
        "aftersales.return.approval", "return_id", string="Approval Chain", copy=False
    )
    warehouse_id = fields.Many2one(
        "stock.warehouse",
        compute="_compute_warehouse_id",
        store=True,
        readonly=False,
        check_company=True,
        help="Where the goods come back to; by default the warehouse of the original delivery.",
    )
    picking_ids = fields.One2many("stock.picking", "aftersales_return_id", string="Transfers")
    pickup_picking_ids = fields.Many2many(
        "stock.picking",
        string="Return Transport Orders",
        compute="_compute_pickings",
        help="One return of the original delivery per sale order of the return.",
    )
    pickup_picking_id = fields.Many2one(
        "stock.picking", string="Return Transport Order", compute="_compute_pickings"
    )
    replacement_picking_id = fields.Many2one(
        "stock.picking", string="Replacement Delivery", compute="_compute_pickings"
    )
    picking_count = fields.Integer(compute="_compute_pickings")
    credit_note_id = fields.Many2one("account.move", readonly=True, copy=False)
    invoice_ids = fields.One2many(
        "account.move",
        "aftersales_return_id",
        string="Credit Notes and Invoices",
        help="The settlement in accounting: reversals of the original invoices, a price "
        "concession, or the price difference of an exchange for another product.",
    )
    date_collected = fields.Datetime(string="Collected On", readonly=True, copy=False)
    date_received = fields.Datetime(string="Received On", readonly=True, copy=False)
    date_sendback = fields.Datetime(
        string="Send Back On",
        readonly=True,
        copy=False,
        help="When goods refused at inspection are shipped back to the customer.",
    )
    has_defective_goods = fields.Boolean(
        compute="_compute_has_defective_goods",
        help="Goods found faulty by our fault wait in the defective location.",
    )
    date_slip_due = fields.Datetime(string="Slip Due By", readonly=True, copy=False)
    date_slip_sent = fields.Datetime(string="Slip Sent On", readonly=True, copy=False)
    is_slip_late_flagged = fields.Boolean(readonly=True, copy=False)
    partner_return_ratio = fields.Float(
        string="Customer Return Ratio (%)",
        compute="_compute_policy",
        digits=(16, 2),
        help="The customer's returns as a share of its purchases over the window, "
        "without this return.",
    )
    ratio_with_return = fields.Float(
        string="Ratio with this Return (%)", compute="_compute_policy", digits=(16, 2)
    )
    ratio_allowed = fields.Float(
        string="Allowed Ratio (%)", compute="_compute_policy", digits=(16, 2)
    )
    is_policy_breach = fields.Boolean(
        string="Beyond Policy",
        compute="_compute_policy",
        help="The unsaleable exchange passes the customer's allowed ratio or time limit.",
    )
    missing_signatures = fields.Char(
        compute="_compute_missing_signatures",
        help="The steps of the approval chain not signed yet: the stock-in waits for them.",
    )
    next_approval_id = fields.Many2one(
        "aftersales.return.approval",
        string="Step to Sign",
        compute="_compute_can_sign_step",
        help="The step the Approve and Refuse buttons sign: the click carries it.",
    )
    can_sign_step = fields.Boolean(compute="_compute_can_sign_step")

    @api.depends("line_ids.sale_line_id")
    def _compute_sale_order_ids(self):
        for record in self:
            record.sale_order_ids = record.line_ids.sudo().sale_line_id.order_id

    @api.depends("line_ids.sale_line_id", "company_id")
    def _compute_warehouse_id(self):
        todo = self.filtered(lambda r: not r.warehouse_id)
        orders = todo.line_ids.sudo().sale_line_id.order_id
        orders.fetch(["warehouse_id"])  # a sale order is a wide row
        orders.warehouse_id.fetch(["company_id"])
        for record in todo:
            record.warehouse_id = record.line_ids.sudo().sale_line_id.order_id.warehouse_id[
                :1
            ] or self.env["stock.warehouse"].search(
                [("company_id", "=", record.company_id.id)], limit=1
            )

    @api.depends("line_ids.price_subtotal")
    def _compute_amounts(self):
        for record in self:
            record.amount_total = sum(record.line_ids.mapped("price_subtotal"))

    @api.depends("line_ids.accepted_amount")
    def _compute_accepted(self):
        for record in self:
            record.amount_accepted = sum(record.line_ids.mapped("accepted_amount"))

    @api.depends("picking_ids.picking_type_code", "picking_ids.state")
    def _compute_pickings(self):
        for record in self:
            pickings = record.picking_ids.filtered(lambda p: p.state != "cancel")
            record.pickup_picking_ids = pickings.filtered(
                lambda p: p.aftersales_return_kind == "pickup"
            )
            record.pickup_picking_id = record.pickup_picking_ids[:1]
            record.replacement_picking_id = pickings.filtered(
                lambda p: p.aftersales_return_kind == "replacement"
            )[:1]
            record.picking_count = len(record.picking_ids)

    def _compute_has_defective_goods(self):
        for record in self:
            record.has_defective_goods = bool(record._defective_moves_to_handle())

    @api.depends("line_ids.price_subtotal", "line_ids.reason_kind", "partner_id", "date_request")
    def _compute_policy(self):
        self.partner_return_ratio = self.ratio_with_return = self.ratio_allowed = 0.0
        self.is_policy_breach = False
        for record in self.filtered("partner_id"):
            commercial = record.commercial_partner_id
            returned, purchased = commercial._aftersales_return_figures(
                record.date_request, exclude_return_ids=record._origin.ids
            ).get(commercial.id, (0.0, 0.0))
            unsaleable = record.line_ids.filtered(lambda line: line.reason_kind == "unsaleable")
            amount = sum(unsaleable.mapped("price_subtotal"))
            record.partner_return_ratio = ratio(returned, purchased)
            record.ratio_with_return = ratio(returned + amount, purchased)
            record.ratio_allowed = commercial._aftersales_ratio_allowed()
            sale_dates = [
                fields.Date.to_date(order.date_order)
                for order in unsaleable.sudo().sale_line_id.order_id
            ]
            record.is_policy_breach = bool(unsaleable) and breaks_policy(
                returned + amount,
                purchased,
                record.ratio_allowed,
                sale_dates,
                record.date_request,
                commercial._aftersales_days_allowed(),
            )

    def _compute_missing_signatures(self):
        for record in self:
            record.missing_signatures = ", ".join(record._aftersales_missing_signatures())

    @api.depends("approval_ids.state")
    @api.depends_context("uid")
    def _compute_can_sign_step(self):
        for record in self:
            step = record._next_step()
            record.next_approval_id = step
            record.can_sign_step = bool(step.can_sign)

    @api.model_create_multi
    def create(self, vals_list):
        # only what a new return reads of its customer and company (the related fields it
        # stores; the company check, which reads the companies' parent paths; as superuser,
        # as those do): both are wide rows
        self.env["res.partner"].sudo().browse(
            {vals["partner_id"] for vals in vals_list if vals.get("partner_id")}
        ).fetch(["commercial_partner_id", "company_id"])
        self.env["res.company"].sudo().browse(
            {vals.get("company_id") or self.env.company.id for vals in vals_list}
        ).fetch(["currency_id", "parent_path"])
        for vals in vals_list:
            if vals.get("name", "New") == "New":
                company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
                vals["name"] = (
                    self.env["ir.sequence"].with_company(company).next_by_code("aftersales.return")
                    or "New"
                )
        return super().create(vals_list)

    def write(self, vals):
        res = super().write(vals)
        if "desired_outcome" in vals:
            self._sync_to_refund()
        return res

    def _aftersales_field_refusal(self, field_names):
        return self.env._("The state of a return changes only through its buttons.")

    def _aftersales_transition_refusals(self):
        refusals = super()._aftersales_transition_refusals()
        refusals.update(
            {
                "submitted": self.env._(
                    "%(name)s was already submitted: only a draft return can be submitted."
                ),
                "collected": self.env._(
                    "The goods of %(name)s can be collected only once the return is approved."
                ),
                "cancelled": self.env._(
                    "%(name)s can no longer be cancelled: only a return whose goods are not "
                    "collected yet, and not refused, can be cancelled."
                ),
                "draft": self.env._(
                    "%(name)s is not cancelled: only a cancelled return can be reset to draft."
                ),
                "done": self.env._(
                    "%(name)s cannot be settled: only a return whose goods are received can "
                    "be settled, once."
                ),
            }
        )
        return refusals

    @api.ondelete(at_uninstall=False)
    def _unlink_except_submitted(self):
        for record in self:
            if record.state not in ("draft", "cancelled"):
                raise UserError(
                    self.env._(
                        "Return %(name)s has history and cannot be deleted; cancel it instead.",
                        name=record.name,
                    )
                )

    # ------------------------------------------------------------------
    # State changes
    # ------------------------------------------------------------------
    def action_submit(self):
        empty = self.filtered(lambda r: not r.line_ids)
        if empty:
            raise UserError(
                self.env._("Add the returned products to %(name)s first.", name=empty[0].name)
            )
        self._aftersales_transition(("draft",), "submitted")
        for record in self:
            rules = record._aftersales_approval_rules()
            refusal = record._aftersales_routing_refusal(rules)
            if refusal:
                record._refuse(refusal)
                continue
            record.approval_ids = [
                Command.create(
                    {
                        "sequence": index,
                        "step": rule.step,
                        "rule_id": rule.id,
                        "group_id": rule.group_id.id,
                        "is_distinct_signer": rule.is_distinct_signer,
                    }
                )
                for index, rule in enumerate(rules, start=1)
            ]
        self.partner_id._aftersales_check_return_ratio()
        self._notify_signers()
        return True

    def _aftersales_approval_rules(self):
        """The rules whose steps make this return's approval chain: those of its company
        that apply (``aftersales.return.approval.rule._aftersales_applies_to``), in sequence
        order, each step once (the first rule of a step wins)."""
        self.ensure_one()
        step_order = [step for step, _label in APPROVAL_STEPS]
        rules = self.env["aftersales.return.approval.rule"].search(
            [("company_id", "in", (False, self.company_id.id))]
        )
        chain = rules.browse()
        steps = set()
        for rule in rules.sorted(lambda r: (r.sequence, step_order.index(r.step), r.id)):
            if rule.step not in steps and rule._aftersales_applies_to(self):
                steps.add(rule.step)
                chain |= rule
        return chain

    def _aftersales_routing_refusal(self, rules):
        """The sentence refusing this return at submission, given the ``rules`` of its
        chain, or ``None``: no step applies, or a return beyond the customer's policy has no
        company leader to make the exception."""
        self.ensure_one()
        if not rules:
            return self.env._("No approval path applies to this return.")
        if self.is_policy_breach and "leader" not in rules.mapped("step"):
            return self.env._(
                "The return goes beyond your contractual exchange ratio or time limit."
            )
        return None

    def _next_step(self):
        self.ensure_one()
        return self.approval_ids.filtered(
            lambda a: a.state == "pending" and a._is_signed_with_buttons()
        ).sorted("sequence")[:1]

    def _step_to_sign(self):
        """The step the user saw when clicking: its id travels in the click's context, so
        a click replayed after a concurrent update never signs another step."""
        self.ensure_one()
        step_id = self.env.context.get(APPROVAL_CONTEXT_KEY)
        step = self.approval_ids.filtered(lambda a: a.id == step_id)
        if not step:
            raise UserError(
                self.env._(
                    "Reload %(name)s and click again: the click did not say which step of "
                    "the approval chain you sign.",
                    name=self.name,
                )
            )
        return step

    def action_approve_step(self):
        """Sign the step of the chain the user saw (``aftersales_approval_id`` in context)."""
        for record in self:
            record._step_to_sign().action_approve()
        return True

    def action_refuse_step(self):
        """Refuse the step the user saw; its comment goes to the customer."""
        for record in self:
            record._step_to_sign().action_refuse()
        return True

    def _on_approval_signed(self, approval):
        self.ensure_one()
        if approval.state == "refused":
            self._refuse(approval.comment)
        elif all(
            a.state == "approved"
            for a in self.approval_ids.filtered(lambda a: a._is_signed_with_buttons())
        ):
            self._aftersales_write_transition({"state": "approved"})
            self._create_pickup_picking()
        elif self.state == "submitted":
            self._aftersales_write_transition({"state": "under_approval"})
        self._notify_signers()

    # ------------------------------------------------------------------
    # Work reaches the right person (activities)
    # ------------------------------------------------------------------
    def _step_is_open(self, step):
        """Whether ``step`` (pending) can be signed now: the chain's button steps while the
        return is under approval. Add-ons open their own steps (QC once goods are collected)."""
        return step._is_signed_with_buttons() and self.state in ("submitted", "under_approval")

    def _step_waiting(self):
        self.ensure_one()
        pending = self.approval_ids.filtered(lambda a: a.state == "pending").sorted("sequence")
        return pending[:1] if pending[:1] and self._step_is_open(pending[:1]) else pending[:0]

    def _notify_signers(self):
        """One activity per member of the group of the step waiting for a signature (those
        who may sign it), with the activity type's deadline. Once a step is signed, its
        signer's activity is marked done (the chatter says who signed) and the other members'
        activities for it go: nothing is left for them to do. Nobody gets the same activity
        twice. Once nothing is missing, the receipt's responsible gets the stock-in to
        validate."""
        activity_type = "aftersales_service.mail_activity_type_return_signature"
        # the id from the registry's cache: no existence query for each activity compared
        activity_type_id = self.env["ir.model.data"]._xmlid_to_res_id(activity_type)

        def step_id(activity):
            found = STEP_MARKER.search(activity.note or "")
            return int(found.group(1)) if found else None

        for record in self.sudo():
            step = record._step_waiting()
            open_activities = record.activity_ids.filtered(
                lambda a: a.activity_type_id.id == activity_type_id
            )
            current = open_activities.filtered(lambda a, step=step: step and step_id(a) == step.id)
            stale = open_activities - current
            signer_of = {
                approval.id: approval.user_id
                for approval in record.approval_ids
                if approval.state != "pending"
            }
            done = stale.filtered(
                lambda a, signer_of=signer_of: (
                    step_id(a) in signer_of and a.user_id == signer_of[step_id(a)]
                )
            )
            done.action_feedback()
            # the other members' activities for a signed step, and those of a step nobody
            # will sign (the chain ended): they go, not marked done
            (stale - done).unlink()
            if step:
                signers = record._step_signers(step) - current.user_id
                labels = dict(step._fields["step"]._description_selection(self.env))
                activity = self.env["mail.activity.type"].browse(activity_type_id)
                summary = self.env._(
                    "Sign the step '%(step)s' of %(name)s",
                    step=labels[step.step],
                    name=record.name,
                )
                # one create for every signer (Odoo still tells each assignee)
                self.env["mail.activity"].create(
                    [
                        {
                            "res_model_id": self.env["ir.model"]._get_id(record._name),
                            "res_id": record.id,
                            "activity_type_id": activity.id,
                            "user_id": user.id,
                            "summary": summary,
                            "note": f"<p>#step-{step.id}</p>",
                            "date_deadline": activity._get_date_deadline(),
                        }
                        for user in signers
                    ]
                )
            record._notify_stock_in()

    def _step_signers(self, step):
        """Users who may sign ``step``: members of its group in the return's company, minus
        those a distinct-signer step refuses."""
        self.ensure_one()
        users = step.group_id.users.filtered(
            lambda u: not u.share and self.company_id in u.company_ids
        )
        if step.is_distinct_signer:
            users -= (self.approval_ids - step).user_id
        return users

    def _notify_stock_in(self):
        """When the stock-in waits for no signature any more, whoever is responsible for the
        receipt (else the return's responsible) gets an activity to validate it."""
        self.ensure_one()
        if self.state in ("refused", "cancelled") and not self.date_sendback:
            return
        if self._aftersales_missing_signatures():
            return
        activity_type = self.env.ref("aftersales_service.mail_activity_type_return_stock_in")
        for picking in self.pickup_picking_ids.filtered(
            lambda p: p.state not in ("done", "cancel")
        ):
            if picking.activity_ids.filtered(lambda a: a.activity_type_id == activity_type):
                continue
            picking.activity_schedule(
                "aftersales_service.mail_activity_type_return_stock_in",
                user_id=(picking.user_id or self.user_id or self.env.user).id,
                summary=self.env._(
                    "Validate the stock-in of return %(name)s: every signature is there.",
                    name=self.name,
                ),
            )

    def _refuse(self, reason):
        """End the return with ``reason`` and send it to the customer."""
        self.ensure_one()
        self._aftersales_write_transition({"state": "refused", "refusal_reason": reason})
        self._notify_signers()
        self.picking_ids.filtered(lambda p: p.state not in ("done", "cancel")).action_cancel()
        self.message_post_with_source(
            "aftersales_service.mail_template_aftersales_return_refused",
            subtype_xmlid="mail.mt_comment",
            message_type="comment",
        )

    def action_collect(self):
        self._aftersales_check_transition(("approved",), "collected")
        for record in self:
            pickings = record.pickup_picking_ids
            if not pickings or not all(pickings.mapped("aftersales_driver_name")):
                raise UserError(
                    self.env._(
                        "Goods of %(name)s may be collected only against its return transport "
                        "order, with the driver's name on it.",
                        name=record.name,
                    )
                )
        return self._aftersales_transition(
            ("approved",), "collected", {"date_collected": fields.Datetime.now()}
        )

    def action_cancel(self):
        self._aftersales_check_transition(OPEN_STATES, "cancelled")
        self.picking_ids.filtered(lambda p: p.state not in ("done", "cancel")).action_cancel()
        res = self._aftersales_transition(OPEN_STATES, "cancelled")
        self._notify_signers()
        return res

    def action_reset_draft(self):
        self._aftersales_check_transition(("cancelled",), "draft")
        self.sudo().approval_ids.unlink()
        return self._aftersales_transition(("cancelled",), "draft", {"refusal_reason": False})

    def _aftersales_missing_signatures(self):
        """Labels of the signatures the stock-in of this return still waits for: exactly
        the steps of its approval chain not signed yet (add-ons put their own steps in the
        chain, as QC does with its inspection)."""
        self.ensure_one()
        if not self.approval_ids:
            return [self.env._("the approval chain")]
        labels = dict(
            self.env["aftersales.return.approval"]._fields["step"]._description_selection(self.env)
        )
        return [
            labels[approval.step]
            for approval in self.approval_ids.sorted("sequence")
            if approval.state != "approved"
        ]

    # ------------------------------------------------------------------
    # Pickup and stock-in
    # ------------------------------------------------------------------
    def _warehouse(self):
        self.ensure_one()
        return self.warehouse_id or self.env["stock.warehouse"].search(
            [("company_id", "=", self.company_id.id)], limit=1
        )

    def _pickup_destination(self, picking_type):
        """Where the collected goods arrive: the warehouse's inspection location, where
        nothing is sold until the QC verdict sends the goods on."""
        return self._warehouse()._aftersales_return_location("inspection")

    def _prepare_pickup_move_vals(self, line, delivery_move, picking_type, location_dest):
        """A move returning ``delivery_move``, as Odoo's return wizard makes it."""
        return {
            "name": line.product_id.display_name,
            "product_id": line.product_id.id,
            "product_uom": line.product_id.uom_id.id,
            "product_uom_qty": line.quantity,
            "location_id": self.partner_id.property_stock_customer.id,
            "location_dest_id": location_dest.id,
            "picking_type_id": picking_type.id,
            "warehouse_id": picking_type.warehouse_id.id,
            "origin_returned_move_id": delivery_move.id,
            "sale_line_id": line.sale_line_id.id or delivery_move.sale_line_id.id,
            "to_refund": line._aftersales_to_refund(),
            "procure_method": "make_to_stock",
            "group_id": delivery_move.group_id.id,
            "partner_id": self.partner_id.id,
            "aftersales_return_line_id": line.id,
            "company_id": self.company_id.id,
        }

    def _create_pickup_picking(self):
        """Issue the return transport order: a return of the original delivery (one per sale
        order, as Odoo's return wizard returns one delivery), into the return's warehouse."""
        self.ensure_one()
        picking_type = self._warehouse().in_type_id
        if not picking_type:
            raise UserError(self.env._("Configure a warehouse with receipts first."))
        location_dest = self._pickup_destination(picking_type)
        by_group = defaultdict(list)
        for line in self.line_ids.filtered(lambda line: not line.is_refused):
            delivery_move = line._aftersales_delivery_move()
            by_group[delivery_move.group_id].append((line, delivery_move))
        pickings = self.env["stock.picking"]
        for group, pairs in by_group.items():
            deliveries = self.env["stock.move"].concat(*(move for _line, move in pairs))
            pickings |= self.env["stock.picking"].create(
                {
                    "picking_type_id": picking_type.id,
                    "partner_id": self.partner_id.id,
                    "location_id": self.partner_id.property_stock_customer.id,
                    "location_dest_id": location_dest.id,
                    "origin": self.name,
                    # as Odoo's return wizard: nobody is responsible by default (not the
                    # last signer, who issued it)
                    "user_id": False,
                    "group_id": group.id,
                    "return_id": deliveries.picking_id.id
                    if len(deliveries.picking_id) == 1
                    else False,
                    "aftersales_return_id": self.id,
                    "aftersales_return_kind": "pickup",
                    "company_id": self.company_id.id,
                    "move_ids": [
                        Command.create(
                            self._prepare_pickup_move_vals(
                                line, delivery_move, picking_type, location_dest
                            )
                        )
                        for line, delivery_move in pairs
                    ],
                }
            )
        pickings.action_confirm()
        pickings.action_assign()
        for move in pickings.move_ids.filtered(lambda m: m.aftersales_return_line_id.lot_id):
            move.move_line_ids.lot_id = move.aftersales_return_line_id.lot_id
        return pickings

    def _sync_to_refund(self):
        """``to_refund`` of the stock-in moves follows the settlement; the sale lines'
        delivered quantities (and invoice status) are recomputed from it."""
        for line in self.line_ids:
            to_refund = line._aftersales_to_refund()
            moves = line.move_ids.filtered(
                lambda m, to_refund=to_refund: (
                    m.location_id.usage == "customer" and m.to_refund != to_refund
                )
            )
            if moves:
                moves.sudo().write({"to_refund": to_refund})
                # sale_stock computes qty_delivered from to_refund without depending on it
                moves.sudo().modified(["quantity"])

    def _on_stock_in(self, pickings=None):
        """A receipt of the return is booked: its goods leave the inspection location as the
        verdict says; once every receipt is in, the return is received and its slip falls due.
        """
        now = fields.Datetime.now()
        for record in self:
            record._dispatch_inspected_goods(pickings or record.pickup_picking_ids)
            if record.state == "refused" or any(
                p.state != "done" for p in record.pickup_picking_ids
            ):
                continue
            record._aftersales_write_transition(
                {
                    "state": "received",
                    "date_received": now,
                    "date_slip_due": record._slip_due(now),
                }
            )

    def _line_destination(self, line):
        """Where the goods of ``line`` go after the inspection: ``stock`` (saleable),
        ``defective`` (our fault: scrap or supplier) or ``customer`` (refused, sent back).
        Add-ons with a QC verdict extend it."""
        return "customer" if line.is_refused else "stock"

    def _prepare_aftersales_onward_move_vals(self, move, source, location_dest, picking_type):
        """A move taking the goods ``move`` received on from ``source`` to ``location_dest``,
        chained to it and kept on its return line."""
        self.ensure_one()
        return {
            "name": move.product_id.display_name,
            "product_id": move.product_id.id,
            "product_uom": move.product_uom.id,
            "product_uom_qty": move.quantity,
            "location_id": source.id,
            "location_dest_id": location_dest.id,
            "picking_type_id": picking_type.id,
            "move_orig_ids": [Command.link(move.id)],
            "aftersales_return_line_id": move.aftersales_return_line_id.id,
            "company_id": self.company_id.id,
        }

    def _dispatch_inspected_goods(self, pickings):
        """One transfer per destination out of the inspection location, chained to the
        receipt's moves so Odoo reserves the goods that came in."""
        self.ensure_one()
        warehouse = self._warehouse()
        customer = self.partner_id.property_stock_customer
        targets = {
            "stock": ("putaway", warehouse.int_type_id, warehouse.lot_stock_id),
            "defective": (
                "putaway",
                warehouse.int_type_id,
                warehouse._aftersales_return_location("defective"),
            ),
            "customer": ("sendback", warehouse.out_type_id, customer),
        }
        by_target = defaultdict(lambda: self.env["stock.move"])
        for move in pickings.move_ids.filtered(lambda m: m.state == "done" and m.quantity):
            by_target[self._line_destination(move.aftersales_return_line_id)] |= move
        created = self.env["stock.picking"]
        for target, moves in by_target.items():
            kind, picking_type, location_dest = targets[target]
            source = moves.location_dest_id[:1]
            picking = self.env["stock.picking"].create(
                {
                    "picking_type_id": picking_type.id,
                    "partner_id": self.partner_id.id,
                    "location_id": source.id,
                    "location_dest_id": location_dest.id,
                    "origin": self.name,
                    "aftersales_return_id": self.id,
                    "aftersales_return_kind": kind,
                    "scheduled_date": (
                        self.date_sendback if kind == "sendback" and self.date_sendback else False
                    )
                    or fields.Datetime.now(),
                    "company_id": self.company_id.id,
                    "move_ids": [
                        Command.create(
                            dict(
                                self._prepare_aftersales_onward_move_vals(
                                    move, source, location_dest, picking_type
                                ),
                                procure_method="make_to_order",
                                partner_id=self.partner_id.id,
                            )
                        )
                        for move in moves
                    ],
                }
            )
            created |= picking
        created.action_confirm()
        created.action_assign()
        return created

    def _defective_moves_to_handle(self):
        """Done put-away moves into the defective location not yet scrapped or returned."""
        self.ensure_one()
        moves = self.picking_ids.filtered(lambda p: p.aftersales_return_kind == "putaway").move_ids
        handled = (
            self.picking_ids.filtered(
                lambda p: p.aftersales_return_kind == "supplier" and p.state != "cancel"
            ).move_ids.aftersales_return_line_id
            | self.env["stock.scrap"]
            .sudo()
            .search(
                [("aftersales_return_line_id", "in", self.line_ids.ids), ("state", "=", "done")]
            )
            .aftersales_return_line_id
        )
        return moves.filtered(
            lambda m: (
                m.state == "done"
                and m.location_dest_id
                == m.picking_id.picking_type_id.warehouse_id.aftersales_return_defective_location_id
                and m.aftersales_return_line_id not in handled
            )
        )

    def action_scrap_defective(self):
        """Scrap the defective goods of the return, from the defective location."""
        for record in self:
            moves = record._check_defective_goods()
            scraps = self.env["stock.scrap"].create(
                [
                    {
                        "product_id": move.product_id.id,
                        "product_uom_id": move.product_uom.id,
                        "scrap_qty": move.quantity,
                        "lot_id": move.move_line_ids.lot_id[:1].id,
                        "location_id": move.location_dest_id.id,
                        "origin": record.name,
                        "aftersales_return_line_id": move.aftersales_return_line_id.id,
                        "company_id": record.company_id.id,
                    }
                    for move in moves
                ]
            )
            scraps.action_validate()
        self.invalidate_recordset(["has_defective_goods"])
        return True

    def action_return_to_supplier(self):
        """Send the defective goods back to their supplier: one delivery per vendor."""
        supplier_location = self.env.ref("stock.stock_location_suppliers")
        for record in self:
            moves = record._check_defective_goods()
            by_vendor = defaultdict(lambda: self.env["stock.move"])
            for move in moves:
                vendor = move.product_id.seller_ids.partner_id[:1]
                if not vendor:
                    raise UserError(
                        self.env._(
                            "%(product)s has no vendor: add one on the product, or scrap it.",
                            product=move.product_id.display_name,
                        )
                    )
                by_vendor[vendor] |= move
            picking_type = record._warehouse().out_type_id
            pickings = self.env["stock.picking"].create(
                [
                    {
                        "picking_type_id": picking_type.id,
                        "partner_id": vendor.id,
                        "location_id": vendor_moves.location_dest_id[:1].id,
                        "location_dest_id": supplier_location.id,
                        "origin": record.name,
                        "aftersales_return_id": record.id,
                        "aftersales_return_kind": "supplier",
                        "company_id": record.company_id.id,
                        "move_ids": [
                            Command.create(
                                record._prepare_aftersales_onward_move_vals(
                                    move, move.location_dest_id, supplier_location, picking_type
                                )
                            )
                            for move in vendor_moves
                        ],
                    }
                    for vendor, vendor_moves in by_vendor.items()
                ]
            )
            pickings.action_confirm()
            pickings.action_assign()
        self.invalidate_recordset(["has_defective_goods"])
        return True

    def _check_defective_goods(self):
        self.ensure_one()
        moves = self._defective_moves_to_handle()
        if not moves:
            raise UserError(
                self.env._(
                    "No defective goods of %(name)s wait in the defective location.",
                    name=self.name,
                )
            )
        return moves

    def _slip_due(self, received):
        """The slip of goods received at ``received`` (UTC) is due at the company's slip hour
        of the next working day of the after-sales calendar, its public holidays skipped."""
        self.ensure_one()
        company = self.company_id
        calendar = company._aftersales_calendar()
        tz = pytz.timezone(calendar.tz or self.env.user.tz or "UTC")
        next_day = pytz.utc.localize(received).astimezone(tz).date() + timedelta(days=1)
        start = tz.localize(datetime.combine(next_day, time.min))
        # the first working day from the next day on
        working = calendar.plan_days(1, start, compute_leaves=True)
        due_day = working.astimezone(tz).date() if working else next_day
        hour = company.aftersales_return_slip_hour
        local_due = datetime.combine(due_day, time(int(hour), round((hour - int(hour)) * 60)))
        return tz.localize(local_due).astimezone(pytz.utc).replace(tzinfo=None)

    def action_send_slip(self):
        not_received = self.filtered(lambda record: record.state not in ("received", "done"))
        if not_received:
            raise UserError(
                self.env._(
                    "The return slip of %(name)s can be sent only once its goods are received.",
                    name=not_received[0].name,
                )
            )
        for record in self:
            record.message_post_with_source(
                "aftersales_service.mail_template_aftersales_return_slip",
                subtype_xmlid="mail.mt_comment",
                message_type="comment",
            )
        return self.write({"date_slip_sent": fields.Datetime.now()})

    @api.model
    def _cron_flag_late_slips(self):
        """One activity per return whose slip was not sent in time."""
        late = self.search(
            [
                ("state", "in", ("received", "done")),
                ("date_slip_sent", "=", False),
                ("is_slip_late_flagged", "=", False),
                ("date_slip_due", "<", fields.Datetime.now()),
            ]
        )
        for record in late:
            record.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=record.user_id.id or self.env.uid,
                summary=self.env._("Send the return slip"),
                note=self.env._(
                    "The return slip of %(name)s was due by %(due)s.",
                    name=record.name,
                    due=record.date_slip_due,
                ),
            )
        late.write({"is_slip_late_flagged": True})
        return late

    # ------------------------------------------------------------------
    # Settlement
    # ------------------------------------------------------------------
    def action_settle(self):
        """Ship the replacement, or credit the customer, as the return asks."""
        self._aftersales_check_transition(("received",), "done")
        self._sync_to_refund()
        for record in self:
            moves = self.env["account.move"]
            if record.desired_outcome == "exchange":
                # whoever settles (often the accountant) needs no inventory rights for the
                # replacement delivery the settlement issues
                record.sudo()._create_replacement_picking()
                moves = record._create_exchange_difference()
            elif record.desired_outcome == "refund":
                moves = record._create_credit_note()
                record._void_refunded_warranties()
            else:
                moves = record._create_concession_note()
            if moves:
                record.credit_note_id = moves[:1]
                record._finalize_settlement_moves(moves)
        return self._aftersales_transition(("received",), "done")

    def _finalize_settlement_moves(self, moves):
        """Post at once, or leave in draft with an activity for the accountant (setting)."""
        self.ensure_one()
        company = self.company_id
        if company.aftersales_return_credit_note_policy == "post":
            moves.action_post()
            return
        accountant = company.aftersales_return_accountant_id or self.user_id or self.env.user
        for move in moves:
            move.activity_schedule(
                "aftersales_service.mail_activity_type_return_settlement",
                user_id=accountant.id,
                date_deadline=fields.Date.context_today(self),
                note=self.env._(
                    "Check and post the settlement of return %(name)s.", name=self.name
                ),
            )

    def _void_refunded_warranties(self):
        """A unit returned for quality and refunded loses its warranty, with the reason."""
        self.ensure_one()
        lines = self.line_ids.filtered(
            lambda line: line.reason_kind == "quality" and line.lot_id and line.accepted_qty
        )
        if not lines:
            return
        # the approver settling the return may not be an after-sales user
        warranties = (
            self.env["aftersales.warranty"]
            .sudo()
            .search([("lot_id", "in", lines.lot_id.ids), ("state", "!=", "void")])
        )
        for line in lines:
            line_warranties = warranties.filtered(lambda w, lot=line.lot_id: w.lot_id == lot)
            if line_warranties:
                line_warranties._aftersales_void(
                    self.env._(
                        "Returned for quality and refunded by %(name)s: %(reason)s",
                        name=self.name,
                        reason=line.reason or "",
                    )
                )

    def _create_replacement_picking(self):
        """Ship the replacements from saleable stock. The same product goes out as a return of
        the stock-in move, on the sale line and without updating it (the sale delivered and
        invoiced it once); another product goes out on its own, its price settled apart."""
        self.ensure_one()
        warehouse = self._warehouse()
        picking_type = warehouse.out_type_id
        customer = self.partner_id.property_stock_customer
        source = picking_type.default_location_src_id or warehouse.lot_stock_id
        by_group = defaultdict(list)
        for line in self.line_ids.filtered("accepted_qty"):
            stock_in = line.move_ids.filtered(
                lambda m: m.state == "done" and m.location_id.usage == "customer"
            )[:1]
            same = line._replacement_product() == line.product_id
            by_group[stock_in.group_id if same else self.env["procurement.group"]].append(
                (line, stock_in if same else self.env["stock.move"])
            )
        pickings = self.env["stock.picking"]
        for group, pairs in by_group.items():
            pickings |= self.env["stock.picking"].create(
                {
                    "picking_type_id": picking_type.id,
                    "partner_id": self.partner_id.id,
                    "location_id": source.id,
                    "location_dest_id": customer.id,
                    "origin": self.name,
                    "group_id": group.id,
                    "aftersales_return_id": self.id,
                    "aftersales_return_kind": "replacement",
                    "company_id": self.company_id.id,
                    "move_ids": [
                        Command.create(
                            {
                                "name": line._replacement_product().display_name,
                                "product_id": line._replacement_product().id,
                                "product_uom": line._replacement_product().uom_id.id,
                                "product_uom_qty": line._replacement_qty(),
                                "location_id": source.id,
                                "location_dest_id": customer.id,
                                "picking_type_id": picking_type.id,
                                "origin_returned_move_id": stock_in.id,
                                "sale_line_id": line.sale_line_id.id if stock_in else False,
                                "to_refund": False,
                                "group_id": group.id,
                                "partner_id": self.partner_id.id,
                                "aftersales_return_line_id": line.id,
                                "company_id": self.company_id.id,
                            }
                        )
                        for line, stock_in in pairs
                    ],
                }
            )
        pickings.action_confirm()
        pickings.action_assign()
        return pickings

    def _settlement_vals(self):
        return {
            "ref": self.env._("Return %(name)s", name=self.name),
            "invoice_origin": self.name,
            "aftersales_return_id": self.id,
        }

    def _reverse_invoice_lines(self, quantities):
        """Credit notes that reverse the original invoices (Odoo's reversal, which keeps the
        links to the sale lines), cut down to ``quantities`` {sale line: qty to credit}.
        What was never invoiced needs no credit note: the sale line's delivered quantity
        already went down with the stock-in."""
        self.ensure_one()
        wanted = {line: qty for line, qty in quantities.items() if qty > 0}
        sale_lines = self.env["sale.order.line"].concat(*wanted)
        invoices = sale_lines.invoice_lines.move_id.filtered(
            lambda m: m.move_type == "out_invoice" and m.state == "posted"
        ).sorted(lambda m: (m.invoice_date or m.date, m.id))
        credit_notes = self.env["account.move"]
        for invoice in invoices:
            if not any(wanted.get(sl, 0) > 0 for sl in invoice.invoice_line_ids.sale_line_ids):
                continue
            reversal = invoice._reverse_moves([self._settlement_vals()])
            commands = []
            for inv_line in reversal.invoice_line_ids:
                sale_line = inv_line.sale_line_ids[:1]
                left = wanted.get(sale_line, 0.0)
                if inv_line.display_type != "product" or left <= 0:
                    commands.append(Command.delete(inv_line.id))
                    continue
                qty = min(inv_line.quantity, left)
                wanted[sale_line] = left - qty
                commands.append(Command.update(inv_line.id, {"quantity": qty}))
            reversal.write({"invoice_line_ids": commands})
            credit_notes |= reversal
        return credit_notes

    def _create_credit_note(self):
        """Credit notes reversing the original invoice lines for the accepted quantities."""
        self.ensure_one()
        quantities = defaultdict(float)
        for line in self.line_ids.filtered(lambda line: line.accepted_qty and line.sale_line_id):
            quantities[line.sale_line_id.sudo()] += line.accepted_qty
        return self._reverse_invoice_lines(quantities)

    def _create_exchange_difference(self):
        """An exchange for another product settles the price difference: the returned
        product is credited against its sale line, the replacement charged, on one credit
        note (the customer gets money back) or one invoice (the customer pays)."""
        self.ensure_one()
        lines = self.line_ids.filtered(
            lambda line: line.accepted_qty and line._replacement_product() != line.product_id
        )
        if not lines:
            return self.env["account.move"]
        returned = sum(line.accepted_amount for line in lines)
        charged = sum(line._replacement_qty() * line.replacement_price_unit for line in lines)
        if self.currency_id.compare_amounts(charged, returned) < 0:
            quantities = defaultdict(float)
            for line in lines.filtered("sale_line_id"):
                quantities[line.sale_line_id.sudo()] += line.accepted_qty
            moves = self._reverse_invoice_lines(quantities)
            if moves:
                moves[:1].write(
                    {
                        "invoice_line_ids": [
                            Command.create(vals) for vals in self._charge_vals(lines, -1)
                        ]
                    }
                )
                return moves
        sign = 1
        move = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.partner_id.id,
                "company_id": self.company_id.id,
                **self._settlement_vals(),
                "invoice_line_ids": [
                    Command.create(vals) for vals in self._charge_vals(lines, sign)
                ]
                + [
                    Command.create(
                        {
                            "product_id": line.product_id.id,
                            "quantity": -line.accepted_qty,
                            "price_unit": line.price_unit,
                            "tax_ids": [Command.set(line.sale_line_id.sudo().tax_id.ids)],
                            "sale_line_ids": [Command.set(line.sale_line_id.ids)],
                        }
                    )
                    for line in lines
                ],
            }
        )
        return move

    def _charge_vals(self, lines, sign):
        """Invoice lines charging the replacement products (``sign`` -1 on a credit note)."""
        return [
            {
                "product_id": line._replacement_product().id,
                "quantity": sign * line._replacement_qty(),
                "price_unit": line.replacement_price_unit,
                "tax_ids": [Command.set(line.sale_line_id.sudo().tax_id.ids)]
                if line.sale_line_id
                else False,
            }
            for line in lines
        ]

    def _create_concession_note(self):
        """A price concession: a partial credit note on the original invoice."""
        self.ensure_one()
        if self.concession_amount <= 0:
            raise UserError(
                self.env._("Enter the price concession granted on %(name)s.", name=self.name)
            )
        invoices = self.line_ids.sale_line_id.sudo().invoice_lines.move_id.filtered(
            lambda m: m.move_type == "out_invoice" and m.state == "posted"
        )
        return self.env["account.move"].create(
            {
                "move_type": "out_refund",
                "partner_id": self.partner_id.id,
                "company_id": self.company_id.id,
                "reversed_entry_id": invoices[:1].id,
                **self._settlement_vals(),
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": self.env._(
                                "Price concession on return %(name)s", name=self.name
                            ),
                            "quantity": 1.0,
                            "price_unit": self.concession_amount,
                        }
                    )
                ],
            }
        )

    def action_view_pickings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("stock.action_picking_tree_all")
        action["domain"] = [("aftersales_return_id", "=", self.id)]
        action["context"] = {"create": False}
        return action

    def _slip_lines(self):
        """Accepted lines grouped for the return slip."""
        self.ensure_one()
        grouped = defaultdict(lambda: [0.0, 0.0])
        for line in self.line_ids.filtered("accepted_qty"):
            grouped[line.product_id][0] += line.accepted_qty
            grouped[line.product_id][1] += line.accepted_amount
        return [(product, qty, amount) for product, (qty, amount) in grouped.items()]

# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..rules.charging import same_fault, within_repair_warranty
from .aftersales_tariff import SERVICE_TYPES


class RepairOrder(models.Model):
    _name = "repair.order"
    _inherit = ["repair.order", "aftersales.state.mixin"]

    aftersales_request_id = fields.Many2one(
        "aftersales.request",
        string="Service Request",
        index="btree_not_null",
        check_company=True,
        copy=False,
        tracking=True,
    )
    aftersales_service_type = fields.Selection(
        SERVICE_TYPES,
        string="Service Type",
        default="workshop",
        help="On-site jobs are done at the customer's; workshop repairs bring the unit in "
        "with a customer goods receipt.",
    )
    aftersales_currency_id = fields.Many2one(related="company_id.currency_id")
    aftersales_coverage = fields.Selection(
        [("covered", "In Warranty"), ("not_covered", "Not Covered"), ("void", "Warranty Void")],
        string="Warranty Coverage",
        readonly=True,
        copy=False,
    )
    aftersales_coverage_reason = fields.Char(string="Coverage Detail", readonly=True, copy=False)
    aftersales_component = fields.Char(
        string="Failed Component",
        compute="_compute_aftersales_component",
        store=True,
        readonly=False,
        help="The part of the unit that failed (from the service request, or found by the "
        "technician). A component with its own warranty line is covered for its own period.",
    )
    aftersales_has_contract = fields.Boolean(
        string="Under Service Contract", readonly=True, copy=False
    )
    aftersales_contract_labour = fields.Boolean(
        string="Contract Includes Labour", readonly=True, copy=False
    )
    aftersales_contract_parts = fields.Boolean(
        string="Contract Includes Parts", readonly=True, copy=False
    )
    aftersales_damage_reason = fields.Selection(
        [
            ("customer_damage", "Customer Damage"),
            ("misuse", "Misuse"),
            ("force_majeure", "Force Majeure"),
        ],
        string="Chargeable Cause",
        tracking=True,
        help="Recorded by the technician: damage caused by the customer, misuse or force "
        "majeure makes an in-warranty repair paid.",
    )
    aftersales_damage_note = fields.Text(
        string="Cause Explanation", help="Told to the customer and printed on the invoice."
    )
    aftersales_fault_code = fields.Char(
        string="Fault",
        help="Short fault description; the same fault on the same serial within the repair "
        "warranty is re-done free.",
    )
    aftersales_repeat_of_id = fields.Many2one(
        "repair.order",
        string="Repeat of Repair",
        compute="_compute_aftersales_repeat_of_id",
        store=True,
        help="Earlier repair of the same unit and fault, still under repair warranty.",
    )
    aftersales_is_repeat = fields.Boolean(
        string="Repeat Fault", compute="_compute_aftersales_repeat_of_id", store=True
    )
    aftersales_charge_category = fields.Selection(
        [("A", "A - Paid"), ("B", "B - Contract"), ("C", "C - Free")],
        string="Service Category",
        compute="_compute_aftersales_charge",
        store=True,
    )
    aftersales_charge_labour = fields.Boolean(
        string="Labour Charged", compute="_compute_aftersales_charge", store=True
    )
    aftersales_charge_parts = fields.Boolean(
        string="Parts Charged", compute="_compute_aftersales_charge", store=True
    )
    aftersales_charge_reason = fields.Char(
        string="Charging Reason", compute="_compute_aftersales_charge", store=True
    )
    under_warranty = fields.Boolean(
        compute="_compute_under_warranty", store=True, readonly=False, copy=False
    )
    aftersales_tariff_id = fields.Many2one(
        "aftersales.tariff",
        string="Tariff",
        compute="_compute_aftersales_tariff_id",
        store=True,
        readonly=False,
        check_company=True,
    )
    aftersales_planned_hours = fields.Float(string="Estimated Hours", default=1.0)
    aftersales_hours = fields.Float(
        string="Actual Hours", help="Hours actually worked, from the repair card."
    )
    aftersales_parts_cost = fields.Monetary(
        string="Parts Cost",
        currency_field="aftersales_currency_id",
        compute="_compute_aftersales_parts_cost",
        help="Cost of the parts added, also when the customer is not charged.",
    )
    aftersales_quote_state = fields.Selection(
        [
            ("not_needed", "Free - No Quote"),
            ("to_quote", "To Quote"),
            ("sent", "Waiting for Customer"),
            ("accepted", "Accepted"),
        ],
        string="Quote",
        compute="_compute_aftersales_quote_state",
    )
    aftersales_work_done = fields.Html(string="Work Done")
    aftersales_signature = fields.Image(
        string="Customer Signature", copy=False, max_width=1024, max_height=1024
    )
    aftersales_signed_by = fields.Char(string="Signed By", copy=False)
    aftersales_signed_on = fields.Datetime(string="Signed On", copy=False)
    aftersales_date_repaired = fields.Datetime(string="Repaired On", readonly=True, copy=False)
    aftersales_qc_user_id = fields.Many2one(
        "res.users", string="Released by QC", readonly=True, copy=False, tracking=True
    )
    aftersales_qc_date = fields.Datetime(string="QC Release Date", readonly=True, copy=False)
    aftersales_picking_ids = fields.One2many(
        "stock.picking", "aftersales_repair_id", string="Customer Goods Transfers"
    )
    aftersales_date_in = fields.Datetime(
        string="Unit Logged In", compute="_compute_aftersales_dates_in_out"
    )
    aftersales_date_out = fields.Datetime(
        string="Unit Logged Out", compute="_compute_aftersales_dates_in_out"
    )
    aftersales_invoice_ids = fields.Many2many(
        "account.move", string="Invoices", compute="_compute_aftersales_invoice_ids"
    )
    aftersales_invoice_count = fields.Integer(compute="_compute_aftersales_invoice_ids")

    def _aftersales_repeat_depends(self):
        """Fields the repeat-fault detection depends on; add-ons add theirs with ``super()``."""
        return [
            "lot_id",
            "aftersales_fault_code",
            "company_id",
            "schedule_date",
            "aftersales_request_id.date_request",
        ]

    @api.depends(lambda self: self._aftersales_repeat_depends())
    def _compute_aftersales_repeat_of_id(self):
        self.aftersales_repeat_of_id = False
        self.aftersales_is_repeat = False
        candidates = self._aftersales_repeat_candidates()
        if not candidates:
            return
        reported = {repair: repair._aftersales_date_reported() for repair in candidates}
        days = max(candidates.company_id.mapped("aftersales_repair_warranty_days") or [0])
        since = min(reported.values()) - timedelta(days=days)
        previous = self.search(
            candidates._aftersales_repeat_domain(since), order="aftersales_date_repaired desc"
        )
        for repair in candidates:
            match = previous.filtered(
                lambda p, r=repair: r._aftersales_is_repeat_of(p, reported[r])
            )[:1]
            repair.aftersales_repeat_of_id = match
            repair.aftersales_is_repeat = bool(match)

    def _aftersales_repeat_candidates(self):
        """The repairs that may repeat an earlier one: a known unit and a described fault."""
        return self.filtered(lambda repair: repair.lot_id and repair.aftersales_fault_code)

    def _aftersales_date_reported(self):
        """When the fault was reported: the request's date, else the repair's."""
        self.ensure_one()
        return self.aftersales_request_id.date_request or self.schedule_date

    def _aftersales_repeat_domain(self, since):
        """Done repairs that ``self`` (repeat candidates) may repeat: same units, repaired
        since ``since``, with a fault to compare."""
        return [
            ("lot_id", "in", self.lot_id.ids),
            ("state", "=", "done"),
            ("aftersales_fault_code", "!=", False),
            ("aftersales_date_repaired", ">=", since),
        ]

    def _aftersales_is_repeat_of(self, previous, reported):
        """Whether this repair, reported at ``reported``, repeats the done repair ``previous``:
        the same unit and fault, within the company's repair warranty."""
        self.ensure_one()
        return (
            previous.lot_id == self.lot_id
            and previous.company_id == self.company_id
            and previous.id != self._origin.id
            and self._aftersales_same_fault(previous)
            and within_repair_warranty(
                previous.aftersales_date_repaired,
                reported,
                self.company_id.aftersales_repair_warranty_days,
            )
        )

    def _aftersales_same_fault(self, previous):
        """The fault of this repair is the one ``previous`` repaired (text compared)."""
        self.ensure_one()
        return same_fault(self.aftersales_fault_code, previous.aftersales_fault_code)

    @api.depends("aftersales_request_id.component")
    def _compute_aftersales_component(self):
        for repair in self:
            repair.aftersales_component = (
                repair.aftersales_request_id.component or repair.aftersales_component
            )

    def _aftersales_reason_labels(self):
        return {
            "repeat_fault": self.env._("Repeat fault within the repair warranty: re-done free."),
            "customer_damage": self.env._("Customer damage: not covered by the warranty."),
            "misuse": self.env._("Misuse: not covered by the warranty."),
            "force_majeure": self.env._("Force majeure: not covered by the warranty."),
            "warranty": self.env._("In warranty: labour and parts free."),
            "contract": self.env._("Service contract terms."),
            "warranty_void": self.env._("Warranty void: paid repair."),
            "out_of_warranty": self.env._("Out of warranty: paid repair."),
            "care_check": self.env._(
                "Free periodic check of the customer's care level: the visit is free."
            ),
        }

    def _aftersales_damage_reasons(self):
        """Chargeable causes: they make an in-warranty repair paid."""
        return {value for value, _label in self._fields["aftersales_damage_reason"].selection}

    def _aftersales_charge_decision(self):
        """What the customer pays for this repair: the service category (A paid, B contract,
        C free), whether labour and parts are charged, and the reason (a key of
        ``_aftersales_reason_labels``).

        Precedence: a repeat fault within the repair warranty is re-done free; then a
        chargeable cause (customer damage, misuse, force majeure) makes everything paid; then
        the warranty makes it free; then a service contract decides per its terms; otherwise
        the repair is paid. The labour of a care level's free periodic check is free unless a
        chargeable cause is found. Add-ons change it with ``super()``.
        """
        self.ensure_one()
        coverage = self.aftersales_coverage or "not_covered"
        if self.aftersales_is_repeat:
            category, labour, parts, reason = "C", False, False, "repeat_fault"
        elif self.aftersales_damage_reason:
            category, labour, parts, reason = "A", True, True, self.aftersales_damage_reason
        elif coverage == "covered":
            category, labour, parts, reason = "C", False, False, "warranty"
        elif self.aftersales_has_contract:
            category, reason = "B", "contract"
            labour = not self.aftersales_contract_labour
            parts = not self.aftersales_contract_parts
        elif coverage == "void":
            category, labour, parts, reason = "A", True, True, "warranty_void"
        else:
            category, labour, parts, reason = "A", True, True, "out_of_warranty"
        care_check = self.aftersales_request_id.is_care_check
        if labour and care_check and not self.aftersales_damage_reason:
            # the care level's free periodic check: the visit is free, parts as decided above
            # (a chargeable cause found on the visit still makes the repair paid)
            labour, reason = False, "care_check"
            category = category if parts else "C"
        return {
            "category": category,
            "charge_labour": labour,
            "charge_parts": parts,
            "reason": reason,
        }

    @api.depends(
        "aftersales_request_id",
        "aftersales_coverage",
        "aftersales_damage_reason",
        "aftersales_has_contract",
        "aftersales_contract_labour",
        "aftersales_contract_parts",
        "aftersales_is_repeat",
        "aftersales_request_id.is_care_check",
    )
    def _compute_aftersales_charge(self):
        labels = self._aftersales_reason_labels()
        for repair in self:
            decision = repair._aftersales_charge_decision()
            repair.aftersales_charge_category = decision["category"]
            repair.aftersales_charge_labour = decision["charge_labour"]
            repair.aftersales_charge_parts = decision["charge_parts"]
            reason = labels[decision["reason"]]
            if decision["reason"] in self._aftersales_damage_reasons() and (
                repair.aftersales_damage_note
            ):
                reason = f"{reason} {repair.aftersales_damage_note}"
            repair.aftersales_charge_reason = reason

    @api.depends("aftersales_charge_parts", "aftersales_request_id")
    def _compute_under_warranty(self):
        for repair in self:
            if repair.aftersales_request_id:
                repair.under_warranty = not repair.aftersales_charge_parts
            else:
                repair.under_warranty = repair.under_warranty

    @api.depends("aftersales_service_type", "product_id", "company_id")
    def _compute_aftersales_tariff_id(self):
        tariff_model = self.env["aftersales.tariff"]
        for repair in self:
            if repair.product_id and repair.aftersales_service_type:
                repair.aftersales_tariff_id = tariff_model._find_tariff(
                    repair.aftersales_service_type, repair.product_id, repair.company_id
                )
            else:
                repair.aftersales_tariff_id = False

    @api.depends("move_ids.product_uom_qty", "move_ids.repair_line_type", "move_ids.product_id")
    def _compute_aftersales_parts_cost(self):
        for repair in self:
            repair.aftersales_parts_cost = sum(
                move.product_id.standard_price * move.product_qty
                for move in repair.move_ids
                if move.repair_line_type == "add" and move.state != "cancel"
            )

    @api.depends(
        "aftersales_charge_category",
        "sale_order_id.state",
        "aftersales_charge_labour",
        "aftersales_charge_parts",
        "aftersales_request_id",
        "partner_id",
        "under_warranty",
    )
    def _compute_aftersales_quote_state(self):
        quoted = self._aftersales_needs_quote()
        for repair in self:
            if repair not in quoted:
                repair.aftersales_quote_state = "not_needed"
            elif repair.sale_order_id.state == "sale":
                repair.aftersales_quote_state = "accepted"
            elif repair.sale_order_id:
                repair.aftersales_quote_state = "sent"
            else:
                repair.aftersales_quote_state = "to_quote"

    @api.depends("aftersales_picking_ids.state", "aftersales_picking_ids.date_done")
    def _compute_aftersales_dates_in_out(self):
        for repair in self:
            done = repair.aftersales_picking_ids.filtered(lambda p: p.state == "done")
            ins = done.filtered(lambda p: p.aftersales_goods_kind == "receipt")
            outs = done.filtered(lambda p: p.aftersales_goods_kind == "return")
            repair.aftersales_date_in = max(ins.mapped("date_done"), default=False)
            repair.aftersales_date_out = max(outs.mapped("date_done"), default=False)

    @api.depends("sale_order_id.invoice_ids")
    def _compute_aftersales_invoice_ids(self):
        for repair in self:
            repair.aftersales_invoice_ids = repair.sale_order_id.invoice_ids
            repair.aftersales_invoice_count = len(repair.sale_order_id.invoice_ids)

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self._aftersales_in_transition():
            for vals in vals_list:
                for field in self._aftersales_transition_fields():
                    vals.pop(field, None)
        vals_list = [self._aftersales_date_signature(vals) for vals in vals_list]
        repairs = super().create(vals_list)
        repairs.filtered("aftersales_request_id")._aftersales_check_coverage()
        return repairs

    def _aftersales_transition_fields(self):
        """Only the QC release writes who released the unit and when; the repair's state
        stays Odoo's (its own action methods)."""
        return {"aftersales_qc_user_id", "aftersales_qc_date"}

    def _aftersales_field_refusal(self, field_names):
        return self.env._("A unit is released only through the QC inspector's Release button.")

    def write(self, vals):
        if vals.get("state") == "under_repair":
            self._aftersales_check_quote_accepted()
        vals = self._aftersales_date_signature(vals)
        res = super().write(vals)
        if "aftersales_component" in vals:
            self.filtered(
                lambda r: r.aftersales_request_id and r.state not in ("done", "cancel")
            )._aftersales_check_coverage()
        if {"aftersales_damage_reason", "aftersales_component"} & set(vals):
            self.filtered("sale_order_id")._aftersales_apply_prices()
        if vals.get("aftersales_signature"):
            self._aftersales_accept_signed_quote()
        return res

    @api.model
    def _aftersales_date_signature(self, vals):
        """``vals`` with the signature's date: a signature drawn on the form dates itself;
        erased, it is no longer dated (unless the date is written with it)."""
        if "aftersales_signature" in vals and "aftersales_signed_on" not in vals:
            return dict(
                vals,
                aftersales_signed_on=vals["aftersales_signature"] and fields.Datetime.now(),
            )
        return vals

    def _aftersales_service_repairs(self):
        """The repairs after-sales rules apply to: those opened for a service request.

        Any other repair is a plain Odoo repair and behaves as without the add-ons; add-ons
        that open repairs from other after-sales documents extend this.
        """
        return self.filtered("aftersales_request_id")

    def _aftersales_warranty_decided(self):
        """The repairs whose unit has a warranty record answering for it (in warranty, void
        or expired), as the add-on's warranty check finds it."""
        decided = self.filtered(lambda r: r.aftersales_coverage in ("covered", "void"))
        rest = (self - decided).filtered(lambda r: r.product_id or r.lot_id)
        if not rest:
            return decided
        answers = self.env["aftersales.warranty"]._get_coverage_batch(
            [
                {
                    "product": repair.product_id,
                    "lot": repair.lot_id or None,
                    "component": repair.aftersales_component or None,
                    "partner": repair.partner_id or None,
                    "date": repair.aftersales_request_id.date_request or repair.schedule_date,
                }
                for repair in rest
            ]
        )
        for repair, answer in zip(rest, answers, strict=True):
            if answer["warranty"]:
                decided |= repair
        return decided

    def _aftersales_needs_quote(self):
        """The repairs that start only once the customer accepted the quotation.

        After-sales repairs of a customer that charging makes paid work; Odoo's "Under
        Warranty", ticked on a repair no warranty record answers for, makes it free.
        """
        paid = self._aftersales_service_repairs().filtered(
            lambda r: r.partner_id and (r.aftersales_charge_labour or r.aftersales_charge_parts)
        )
        return paid - paid._aftersales_odoo_warranty()

    def _aftersales_odoo_warranty(self):
        """After-sales repairs where a user ticked Odoo's "Under Warranty" although charging
        says the parts are paid, and no warranty record answers for the unit: the user's
        tick is honoured, the repair is free as in Odoo."""
        ticked = self._aftersales_service_repairs().filtered(
            lambda r: r.under_warranty and r.aftersales_charge_parts
        )
        return ticked - ticked._aftersales_warranty_decided()

    def _aftersales_check_quote_accepted(self):
        for repair in self._aftersales_needs_quote():
            if repair.aftersales_quote_state in ("to_quote", "sent"):
                raise UserError(
                    self.env._(
                        "Repair %(name)s is paid work: the customer must accept the quotation "
                        "(portal or signature) before the repair starts.",
                        name=repair.name,
                    )
                )

    def _aftersales_accept_signed_quote(self):
        """A signature given on the repair accepts its pending quotation."""
        quotes = self.sale_order_id.filtered(lambda so: so.state in ("draft", "sent"))
        if quotes:
            quotes.action_confirm()

    # ------------------------------------------------------------------
    # Coverage and pricing
    # ------------------------------------------------------------------
    def _aftersales_get_coverage(self):
        """Warranty and contract coverage of the repaired unit (warranty check of the add-on).

        A contract answer of the warranty check ("covered" with source "contract") is not a
        warranty: the unit is then out of warranty and the contract terms decide.
        """
        self.ensure_one()
        result = {
            "status": "not_covered",
            "reason": "",
            "has_contract": False,
            "includes_labour": False,
            "includes_parts": False,
        }
        product = self.product_id or self.aftersales_request_id.product_id
        if not product:
            return result
        date = (
            self.aftersales_request_id.date_request or self.schedule_date or fields.Datetime.now()
        )
        coverage = self.env["aftersales.warranty"]._get_coverage(
            product,
            lot=self.lot_id or None,
            component=self.aftersales_component or None,
            date=fields.Date.to_date(date),
            partner=self.partner_id or None,
        )
        status = coverage.get("status") or "not_covered"
        if coverage.get("source") == "contract":
            status = "not_covered"
        result.update(status=status, reason=coverage.get("reason") or "")
        contract = coverage.get("contract")
        if contract:
            result.update(
                has_contract=True,
                includes_labour=contract.includes_labour,
                includes_parts=contract.includes_parts,
            )
        return result

    def _aftersales_check_coverage(self):
        for repair in self:
            coverage = repair._aftersales_get_coverage()
            repair.write(
                {
                    "aftersales_coverage": coverage["status"],
                    "aftersales_coverage_reason": coverage["reason"],
                    "aftersales_has_contract": coverage["has_contract"],
                    "aftersales_contract_labour": coverage["includes_labour"],
                    "aftersales_contract_parts": coverage["includes_parts"],
                }
            )
        return True

    def _aftersales_labour_product(self):
        return self.env.ref("aftersales_service.product_aftersales_labour")

    def _aftersales_callout_product(self):
        return self.env.ref("aftersales_service.product_aftersales_callout")

    def _prepare_aftersales_fee_lines(self):
        """Sale order line values for labour and call-out fees of the repair."""
        self.ensure_one()
        tariff = self.aftersales_tariff_id
        labour_price = tariff.labour_price if self.aftersales_charge_labour else 0.0
        # the product first (Odoo prefixes it on the invoice otherwise), then the references,
        # which carry slashes of their own (SR/2026/00001, WH/RO/00001): no "/" between them
        labels = {}
        for key, product in (
            ("labour", self._aftersales_labour_product()),
            ("callout", self._aftersales_callout_product()),
        ):
            if self.aftersales_request_id:
                labels[key] = self.env._(
                    "%(product)s for %(request)s (repair %(repair)s)",
                    product=product.display_name,
                    request=self.aftersales_request_id.name,
                    repair=self.name,
                )
            else:
                labels[key] = self.env._(
                    "%(product)s for repair %(repair)s",
                    product=product.display_name,
                    repair=self.name,
                )
        lines = [
            {
                "order_id": self.sale_order_id.id,
                "product_id": self._aftersales_labour_product().id,
                "name": labels["labour"],
                "product_uom_qty": self.aftersales_hours or self.aftersales_planned_hours or 1.0,
                "price_unit": labour_price,
            }
        ]
        if self.aftersales_service_type == "onsite" and tariff.callout_price:
            lines.append(
                {
                    "order_id": self.sale_order_id.id,
                    "product_id": self._aftersales_callout_product().id,
                    "name": labels["callout"],
                    "product_uom_qty": 1.0,
                    "price_unit": tariff.callout_price if self.aftersales_charge_labour else 0.0,
                }
            )
        return lines

    def _aftersales_fee_lines(self):
        products = self._aftersales_labour_product() | self._aftersales_callout_product()
        return self.sale_order_id.order_line.filtered(lambda line: line.product_id in products)

    def _aftersales_apply_prices(self):
        """Parts are free unless the charging rule says the customer pays for them."""
        odoo_warranty = self._aftersales_odoo_warranty()
        for repair in self.filtered("aftersales_request_id"):
            part_lines = repair.move_ids.filtered(
                lambda m: m.repair_line_type == "add" and m.sale_line_id
            ).sale_line_id
            if not repair.aftersales_charge_parts or repair in odoo_warranty:
                part_lines.write({"price_unit": 0.0, "technical_price_unit": 0.0})
            else:
                for line in part_lines:
                    move = line.move_ids.filtered(lambda m, r=repair: m.repair_id == r)[:1]
                    if move.price_unit:
                        line.price_unit = move.price_unit
                    else:
                        line._compute_price_unit()

    def _update_sale_order_line_price(self):
        res = super()._update_sale_order_line_price()
        self._aftersales_apply_prices()
        return res

    def action_create_sale_order(self):
        free = self.filtered(
            lambda r: (
                r.aftersales_request_id
                and not (r.aftersales_charge_labour or r.aftersales_charge_parts)
            )
        )
        if free:
            raise UserError(
                self.env._(
                    "%(names)s is free of charge for the customer: no quotation is needed.",
                    names=", ".join(free.mapped("name")),
                )
            )
        linked = self.filtered("aftersales_request_id")
        if not linked:
            return super().action_create_sale_order()
        # Whoever may work on an after-sales repair makes its quotation (technicians, agents
        # and dispatchers hold no Sales rights): the quotation is written as superuser once
        # the user's right to change the repairs is checked.
        self.check_access("write")
        res = super(RepairOrder, self.sudo()).action_create_sale_order()
        linked = linked.sudo()
        fee_vals = [vals for repair in linked for vals in repair._prepare_aftersales_fee_lines()]
        self.env["sale.order.line"].sudo().create(fee_vals)
        linked._aftersales_apply_prices()
        linked._aftersales_describe_parts()
        if not self.env.user.has_group("sales_team.group_sale_salesman"):
            # the quotation's own screen is the Sales app's; the repair shows it
            return True
        return res

    def _aftersales_describe_parts(self):
        """Show the customer, on the quote, why each part is replaced and if it is original."""
        for move in self.move_ids.filtered(
            lambda m: m.sale_line_id and m.repair_line_type == "add"
        ):
            notes = [move.sale_line_id.name or move.product_id.display_name]
            if move.aftersales_part_reason:
                notes.append(self.env._("Reason: %(reason)s", reason=move.aftersales_part_reason))
            if not move.aftersales_is_original:
                notes.append(self.env._("Compatible (non-original) part"))
            move.sale_line_id.name = "\n".join(notes)

    # ------------------------------------------------------------------
    # Repair steps
    # ------------------------------------------------------------------
    def _aftersales_logged_hours(self):
        """Hours technicians logged on the request (work logs), when that add-on part exists."""
        self.ensure_one()
        if "aftersales.work.log" not in self.env or not self.aftersales_request_id:
            return 0.0
        logs = self.env["aftersales.work.log"].search(
            [("request_id", "=", self.aftersales_request_id.id), ("category", "!=", "D")]
        )
        return sum(logs.mapped("hours"))

    def action_repair_done(self):
        for repair in self.filtered(lambda r: r.aftersales_request_id and not r.aftersales_hours):
            hours = repair._aftersales_logged_hours()
            if hours:
                repair.aftersales_hours = hours
        res = super().action_repair_done()
        self.write({"aftersales_date_repaired": fields.Datetime.now()})
        for repair in self.filtered(lambda r: r.aftersales_request_id and r.aftersales_hours):
            labour = repair._aftersales_fee_lines().filtered(
                lambda line, r=repair: line.product_id == r._aftersales_labour_product()
            )
            if labour and repair.sale_order_id.state == "sale":
                # keep the quoted price: a new quantity would otherwise reprice the line
                labour.write(
                    {"product_uom_qty": repair.aftersales_hours, "price_unit": labour.price_unit}
                )
        to_invoice = self.filtered(
            lambda r: (
                r.aftersales_request_id
                and r.sale_order_id.state == "sale"
                and r.aftersales_quote_state == "accepted"
            )
        )
        if to_invoice:
            to_invoice.action_aftersales_create_invoice()
        return res

    def action_aftersales_create_invoice(self):
        """Invoice the accepted quotation of finished paid repairs."""
        orders = self.sale_order_id.filtered(
            lambda so: so.state == "sale" and so.invoice_status == "to invoice"
        )
        if not orders:
            raise UserError(self.env._("There is nothing to invoice on these repairs."))
        invoices = orders._create_invoices()
        return invoices

    def action_aftersales_sign(self):
        """Stamp who signed and when; the signature itself comes from the form widget."""
        for repair in self:
            if not repair.aftersales_signature:
                raise UserError(
                    self.env._("Let the customer sign %(name)s first.", name=repair.name)
                )
        self.write({"aftersales_signed_on": fields.Datetime.now()})
        return True

    def action_aftersales_qc_release(self):
        if not self.env.user.has_group("aftersales_service.group_aftersales_qc_inspector"):
            raise AccessError(self.env._("Only a QC inspector may release a repaired unit."))
        not_done = self.filtered(lambda r: r.state != "done")
        if not_done:
            raise UserError(
                self.env._(
                    "%(names)s is not repaired yet and cannot be released.",
                    names=", ".join(not_done.mapped("name")),
                )
            )
        self.sudo()._aftersales_write_transition(
            {"aftersales_qc_user_id": self.env.user.id, "aftersales_qc_date": fields.Datetime.now()}
        )
        return True

    # ------------------------------------------------------------------
    # Customer goods (workshop path)
    # ------------------------------------------------------------------
    def _aftersales_customer_goods_location(self):
        """The company's customer goods location (flagged ``aftersales_is_customer_goods``),
        the one of the repair's warehouse first; created beside its stock if there is none."""
        self.ensure_one()
        warehouse = self.picking_type_id.warehouse_id
        locations = self.env["stock.location"].search(
            [
                ("aftersales_is_customer_goods", "=", True),
                ("company_id", "=", self.company_id.id),
            ]
        )
        location = (locations.filtered(lambda loc: loc.warehouse_id == warehouse) or locations)[:1]
        if not location:
            location = (
                self.env["stock.location"]
                .sudo()
                .create(
                    {
                        "name": self.env._("Customer Goods"),
                        "usage": "internal",
                        "location_id": warehouse.view_location_id.id,
                        "company_id": self.company_id.id,
                        "aftersales_is_customer_goods": True,
                    }
                )
            )
        return location

    def _prepare_aftersales_unit_picking_vals(self, kind):
        self.ensure_one()
        warehouse = self.picking_type_id.warehouse_id
        goods = self._aftersales_customer_goods_location()
        customer = self.partner_id.property_stock_customer
        if kind == "receipt":
            picking_type, src, dest = warehouse.in_type_id, customer, goods
        else:
            picking_type, src, dest = warehouse.out_type_id, goods, customer
        return {
            "picking_type_id": picking_type.id,
            "partner_id": self.partner_id.id,
            "owner_id": self.partner_id.id,
            "location_id": src.id,
            "location_dest_id": dest.id,
            "origin": self.name,
            "aftersales_repair_id": self.id,
            "aftersales_goods_kind": kind,
            "company_id": self.company_id.id,
            "move_ids": [
                Command.create(
                    {
                        "name": self.name,
                        "product_id": self.product_id.id,
                        "product_uom": self.product_uom.id or self.product_id.uom_id.id,
                        "product_uom_qty": self.product_qty or 1.0,
                        "location_id": src.id,
                        "location_dest_id": dest.id,
                        "company_id": self.company_id.id,
                    }
                )
            ],
        }

    def _aftersales_create_unit_picking(self, kind):
        self.ensure_one()
        if not self.product_id:
            raise UserError(self.env._("Set the product of %(name)s first.", name=self.name))
        picking = self.env["stock.picking"].create(self._prepare_aftersales_unit_picking_vals(kind))
        picking.action_confirm()
        for move in picking.move_ids:
            move.move_line_ids.unlink()
            move.write(
                {
                    "move_line_ids": [
                        Command.create(
                            {
                                "product_id": move.product_id.id,
                                "lot_id": self.lot_id.id,
                                "quantity": move.product_uom_qty,
                                "location_id": move.location_id.id,
                                "location_dest_id": move.location_dest_id.id,
                                "owner_id": self.partner_id.id,
                                "picking_id": picking.id,
                            }
                        )
                    ],
                }
            )
        return picking

    def action_aftersales_receive_unit(self):
        """Customer goods receipt: the unit comes into the customer-goods location."""
        self.ensure_one()
        if self.aftersales_picking_ids.filtered(
            lambda p: p.aftersales_goods_kind == "receipt" and p.state != "cancel"
        ):
            raise UserError(self.env._("The unit of %(name)s is already received.", name=self.name))
        picking = self._aftersales_create_unit_picking("receipt")
        goods = picking.location_dest_id
        self.write({"product_location_src_id": goods.id, "product_location_dest_id": goods.id})
        return picking._get_records_action()

    def action_aftersales_return_unit(self):
        """Return delivery of the repaired unit; only after QC release."""
        self.ensure_one()
        self._aftersales_check_released()
        picking = self._aftersales_create_unit_picking("return")
        return picking._get_records_action()

    def _aftersales_check_released(self):
        for repair in self:
            if not repair.aftersales_qc_user_id:
                raise UserError(
                    self.env._(
                        "The unit of %(name)s cannot go back to the customer before a QC "
                        "inspector releases it.",
                        name=repair.name,
                    )
                )

    def action_aftersales_view_pickings(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Customer Goods"),
            "res_model": "stock.picking",
            "view_mode": "list,form",
            "domain": [("aftersales_repair_id", "=", self.id)],
        }

    def action_aftersales_view_request(self):
        self.ensure_one()
        return self.aftersales_request_id._get_records_action()

    def action_aftersales_view_invoices(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Invoices"),
            "res_model": "account.move",
            "view_mode": "list,form",
            "domain": [("id", "in", self.aftersales_invoice_ids.ids)],
        }

    def action_aftersales_print_certificate(self):
        return self.env.ref("aftersales_service.action_report_service_certificate").report_action(
            self
        )

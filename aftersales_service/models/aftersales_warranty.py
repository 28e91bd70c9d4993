# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..rules import warranty as rules

VOIDABLE_STATES = ("pending", "active", "expired")


class AftersalesWarranty(models.Model):
    _name = "aftersales.warranty"
    _description = "Warranty"
    _inherit = ["aftersales.state.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True
    _rec_names_search = ["lot_id.name", "product_id", "partner_id"]

    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, tracking=True
    )
    product_id = fields.Many2one(
        "product.product", required=True, index=True, check_company=True, tracking=True
    )
    product_tmpl_id = fields.Many2one(
        related="product_id.product_tmpl_id", store=True, index=True, string="Product Template"
    )
    lot_id = fields.Many2one(
        "stock.lot",
        string="Serial Number",
        index="btree_not_null",
        check_company=True,
        tracking=True,
        domain="[('product_id', '=', product_id)]",
    )
    quantity = fields.Float(default=1.0, digits="Product Unit of Measure")
    sale_line_id = fields.Many2one(
        "sale.order.line", string="Sales Order Line", index="btree_not_null", readonly=True
    )
    sale_order_id = fields.Many2one(
        related="sale_line_id.order_id", store=True, index="btree_not_null", string="Sales Order"
    )
    picking_id = fields.Many2one("stock.picking", string="Delivery", readonly=True)
    origin = fields.Selection(
        [("sale", "Sale"), ("repair", "Repair"), ("manual", "Manual")],
        required=True,
        default="manual",
        help="Sale: created when the serial was delivered. Repair: the warranty on work "
        "done by a repair. Manual: entered by after-sales.",
    )
    origin_ref = fields.Char(
        string="Source Document", help="Reference of the repair or document it comes from."
    )
    policy_id = fields.Many2one("aftersales.warranty.policy", readonly=True)
    basis = fields.Selection(
        [("delivery", "Delivery"), ("installation", "Installation Acceptance")],
        string="Starts At",
        required=True,
        default="delivery",
    )
    months = fields.Integer(
        string="Warranty (months)", help="Length for every part without its own component line."
    )
    days = fields.Integer(
        string="Warranty (days)", help="Extra days, used by repair warranties counted in days."
    )
    date_delivered = fields.Date(string="Delivered On", readonly=True)
    date_start = fields.Date(string="Start", tracking=True, index=True)
    extension_months = fields.Integer(
        compute="_compute_extension_months", store=True, string="Extended By (months)"
    )
    date_end = fields.Date(
        string="Covered Until",
        compute="_compute_date_end",
        store=True,
        index=True,
        help="Last day of cover of the unit, for parts without their own component line.",
    )
    date_end_max = fields.Date(
        string="Last Covered Day",
        compute="_compute_date_end",
        store=True,
        index=True,
        help="Last day any component is still covered.",
    )
    line_ids = fields.One2many("aftersales.warranty.line", "warranty_id", string="Components")
    extension_ids = fields.One2many(
        "aftersales.warranty.extension", "warranty_id", string="Extensions"
    )
    state = fields.Selection(
        [
            ("pending", "Awaiting Installation Acceptance"),
            ("active", "Active"),
            ("expired", "Expired"),
            ("void", "Void"),
        ],
        default="active",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    void_reason = fields.Char(readonly=True, tracking=True)
    date_void = fields.Date(readonly=True)
    note = fields.Html()

    _sql_constraints = [
        (
            "lot_sale_line_unique",
            "UNIQUE(lot_id, sale_line_id)",
            "A delivered serial has one warranty per sales order line.",
        ),
    ]

    @api.depends("product_id", "lot_id")
    def _compute_display_name(self):
        for warranty in self:
            parts = [warranty.product_id.display_name or ""]
            if warranty.lot_id:
                parts.append(warranty.lot_id.name)
            warranty.display_name = " / ".join(p for p in parts if p)

    @api.depends("extension_ids.months")
    def _compute_extension_months(self):
        for warranty in self:
            warranty.extension_months = sum(warranty.extension_ids.mapped("months"))

    @api.depends("date_start", "months", "days", "extension_months", "line_ids.date_end")
    def _compute_date_end(self):
        for warranty in self:
            warranty.date_end = False
            warranty.date_end_max = False
            if not warranty.date_start or (warranty.months <= 0 and warranty.days <= 0):
                continue
            end = rules.last_covered_day(
                warranty.date_start,
                max(warranty.months, 0) + warranty.extension_months,
                max(warranty.days, 0),
            )
            warranty.date_end = end
            warranty.date_end_max = max([end] + [d for d in warranty.line_ids.mapped("date_end")])

    @api.constrains("months", "days")
    def _check_period(self):
        for warranty in self:
            if warranty.months < 0 or warranty.days < 0 or not (warranty.months or warranty.days):
                raise UserError(
                    self.env._(
                        "Warranty %(name)s needs a period of at least one month or one day.",
                        name=warranty.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        if self._aftersales_in_transition():
            records = super().create(vals_list)
        else:
            for vals in vals_list:
                vals.pop("state", None)
                if not vals.get("date_start"):
                    vals["state"] = "pending"
            # the initial state above is the create's own transition
            records = super(
                AftersalesWarranty, self.with_context(aftersales_transition=self._name)
            ).create(vals_list)
        records._refresh_expiry()
        return records.with_env(self.env)

    def _aftersales_transition_fields(self):
        return super()._aftersales_transition_fields() | {"void_reason", "date_void"}

    def _aftersales_transition_refusals(self):
        refusals = super()._aftersales_transition_refusals()
        refusals.update(
            {
                "active": self.env._("Warranty %(name)s is not awaiting installation."),
                "void": self.env._("Warranty %(name)s is already void."),
            }
        )
        return refusals

    def _aftersales_field_refusal(self, field_names):
        return self.env._(
            "The state of a warranty changes only through its buttons "
            "(Accept Installation, Void, Restore) or when it expires."
        )

    # ------------------------------------------------------------------
    # State changes
    # ------------------------------------------------------------------
    def action_accept_installation(self, date=None):
        """Start the warranty of units whose warranty runs from installation acceptance."""
        today = fields.Date.context_today(self)
        for warranty in self:
            warranty._aftersales_transition(
                ("pending",), "active", {"date_start": date or warranty.date_start or today}
            )
        self._refresh_expiry()
        return True

    @api.model
    def _start_after_grace(self, today):
        """Start the pending warranties whose installation was not accepted within the
        company's grace period after delivery (0: wait for the acceptance for ever)."""
        pending = self.search([("state", "=", "pending"), ("date_delivered", "!=", False)])
        for warranty in pending:
            grace = warranty.company_id.aftersales_installation_grace_days
            if grace <= 0:
                continue
            start = warranty.date_delivered + relativedelta(days=grace)
            if start > today:
                continue
            warranty.action_accept_installation(date=start)
            warranty.message_post(
                body=self.env._(
                    "Installation not accepted within %(days)s days of delivery: the warranty "
                    "starts on %(date)s.",
                    days=grace,
                    date=fields.Date.to_string(start),
                ),
                subtype_xmlid="mail.mt_note",
            )

    def action_void(self, reason):
        """Void warranties (e.g. unit returned and refunded); the reason is kept."""
        if not self.env.user.has_group("aftersales_service.group_aftersales_user"):
            raise UserError(self.env._("Only after-sales users may void a warranty."))
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason why the warranty becomes void."))
        self._aftersales_void(reason)
        return True

    def _aftersales_void(self, reason):
        """Void on behalf of another document (a refunded return): no user check here."""
        self._aftersales_transition(
            VOIDABLE_STATES,
            "void",
            {"void_reason": reason.strip(), "date_void": fields.Date.context_today(self)},
        )

    def action_restore(self):
        """Undo a void decided by mistake (after-sales managers only)."""
        if not self.env.user.has_group("aftersales_service.group_aftersales_manager"):
            raise UserError(self.env._("Only an after-sales manager may restore a void warranty."))
        not_void = self.filtered(lambda w: w.state != "void")
        if not_void:
            raise UserError(
                self.env._(
                    "Warranty %(name)s is not void.",
                    name=", ".join(not_void.mapped("display_name")),
                )
            )
        for warranty in self:
            warranty._aftersales_write_transition(
                {
                    "state": "active" if warranty.date_start else "pending",
                    "void_reason": False,
                    "date_void": False,
                }
            )
        self._refresh_expiry()
        return True

    def _aftersales_best(self):
        """Among these warranties of one unit, the one a coverage check uses: an active or
        pending one before an expired one, before a void one; then the latest last covered
        day, then the newest. Add-ons may rank otherwise (``super()``)."""
        rank = {"active": 3, "pending": 3, "expired": 2, "void": 1}
        return max(
            self,
            key=lambda w: (rank.get(w.state, 0), w.date_end_max or date.max, w.id),
            default=self.browse(),
        )

    def action_open_void_wizard(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Void Warranty"),
            "res_model": "aftersales.warranty.void.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_warranty_ids": self.ids},
        }

    def action_open_extend_wizard(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Extend Warranty"),
            "res_model": "aftersales.warranty.extend.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_warranty_ids": self.ids},
        }

    def _refresh_expiry(self, today=None):
        """Expire active warranties past their last covered day, and revive extended ones."""
        today = today or fields.Date.context_today(self)
        expired = self.filtered(
            lambda w: w.state == "active" and w.date_end_max and w.date_end_max < today
        )
        revived = self.filtered(
            lambda w: w.state == "expired" and w.date_end_max and w.date_end_max >= today
        )
        expired._aftersales_write_transition({"state": "expired"})
        revived._aftersales_write_transition({"state": "active"})

    @api.model
    def _cron_expire(self):
        """Daily: warranties awaiting installation acceptance past the company's grace period
        start on its last day; active warranties whose last covered day is past expire."""
        today = fields.Date.context_today(self)
        self._start_after_grace(today)
        warranties = self.search([("state", "=", "active"), ("date_end_max", "<", today)])
        warranties._aftersales_write_transition({"state": "expired"})
        return warranties

    # ------------------------------------------------------------------
    # Creation from deliveries
    # ------------------------------------------------------------------
    @api.model
    def _warranty_moves(self, moves):
        """Done deliveries of sold products to a customer (returns excluded)."""
        return moves.filtered(
            lambda m: (
                m.state == "done"
                and m.sale_line_id
                and m.location_dest_id.usage == "customer"
                and m.location_id.usage != "customer"
            )
        )

    @api.model
    def _prepare_extension_vals(self, order):
        months = order.aftersales_warranty_extra_months
        if months <= 0:
            return []
        from_pricelist = order.pricelist_id.aftersales_warranty_extra_months == months
        return [
            fields.Command.create(
                {
                    "months": months,
                    "source": "pricelist" if from_pricelist else "sale_order",
                    "reason": self.env._(
                        "Promotion %(promo)s on %(order)s",
                        promo=order.pricelist_id.name if from_pricelist else order.name,
                        order=order.name,
                    ),
                    "pricelist_id": order.pricelist_id.id if from_pricelist else False,
                    "sale_order_id": order.id,
                    "user_id": order.user_id.id or self.env.user.id,
                }
            )
        ]

    @api.model
    def _prepare_sale_vals(self, move, policy, date_delivered):
        order = move.sale_line_id.order_id
        return {
            "company_id": move.company_id.id,
            "partner_id": order.partner_id.commercial_partner_id.id,
            "product_id": move.product_id.id,
            "sale_line_id": move.sale_line_id.id,
            "picking_id": move.picking_id.id,
            "origin": "sale",
            "origin_ref": order.name,
            "policy_id": policy.id,
            "basis": policy.basis,
            "months": policy.months,
            "date_delivered": date_delivered,
            "date_start": date_delivered if policy.basis == "delivery" else False,
            "line_ids": [
                fields.Command.create(
                    {"component": line.component, "months": line.months, "sequence": line.sequence}
                )
                for line in policy.line_ids
            ],
            "extension_ids": self._prepare_extension_vals(order),
        }

    @api.model
    def _create_from_moves(self, moves):
        """Warranties for delivered serials (one per serial) or untracked sale lines.

        Idempotent: a serial already under warranty for the same sales order line, or a
        sale line already holding its untracked warranty, gets nothing new.
        """
        # warehouse staff validating a delivery may not read sales orders
        moves = self._warranty_moves(moves.sudo())
        policies = moves.product_id.product_tmpl_id._aftersales_warranty_policy_map()
        moves = moves.filtered(lambda m: m.product_id.product_tmpl_id.id in policies)
        if not moves:
            return self.browse()
        Warranty = self.sudo().with_context(active_test=False)
        existing = Warranty.search_fetch(
            [("sale_line_id", "in", moves.sale_line_id.ids)],
            ["lot_id", "sale_line_id", "quantity"],
        )
        seen = {(w.sale_line_id.id, w.lot_id.id) for w in existing if w.lot_id}
        untracked = {w.sale_line_id.id: w for w in existing if not w.lot_id}
        vals_list, new_untracked, more_qty = [], {}, {}
        for move in moves:
            policy = policies[move.product_id.product_tmpl_id.id]
            date_delivered = fields.Date.context_today(self, move.date)
            line_id = move.sale_line_id.id
            if move.has_tracking == "none" or not move.move_line_ids.lot_id:
                if line_id in untracked:
                    more_qty[line_id] = more_qty.get(line_id, 0.0) + move.quantity
                elif line_id in new_untracked:
                    new_untracked[line_id]["quantity"] += move.quantity
                else:
                    vals = self._prepare_sale_vals(move, policy, date_delivered)
                    vals["quantity"] = move.quantity
                    new_untracked[line_id] = vals
                    vals_list.append(vals)
                continue
            for lot in move.move_line_ids.lot_id:
                if (line_id, lot.id) in seen:
                    continue
                seen.add((line_id, lot.id))
                vals = self._prepare_sale_vals(move, policy, date_delivered)
                vals.update(lot_id=lot.id, quantity=1.0)
                vals_list.append(vals)
        for line_id, qty in more_qty.items():
            warranty = untracked[line_id]
            warranty.quantity += qty
        # thousands of serials at once: no creation message or follower per warranty
        created = Warranty.with_context(tracking_disable=True).create(vals_list)
        return created.with_env(self.env)

    @api.model
    def _create_repair_warranties(self, vals_list):
        """Warranties on repair work. Each vals: ``partner_id``, ``product_id``, ``date_start``
        and optionally ``lot_id``, ``origin_ref``; the period is the company's repair
        warranty (``aftersales_repair_warranty_days``) unless ``days``/``months`` are given."""
        for vals in vals_list:
            company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
            vals.setdefault("origin", "repair")
            vals.setdefault("months", 0)
            vals.setdefault("days", company.aftersales_repair_warranty_days)
        return self.sudo().create(vals_list).with_env(self.env)

    @api.model
    def _backfill(self, batch_size=1000):
        """Warranties for deliveries validated before this module existed, by batches.

        Running it again creates nothing twice. Returns the warranties created.
        """
        policy_categs = (
            self.env["product.category"]
            .sudo()
            .search([("aftersales_warranty_policy_id", "!=", False)])
        )
        domain = [
            ("state", "=", "done"),
            ("sale_line_id", "!=", False),
            ("location_dest_id.usage", "=", "customer"),
            ("location_id.usage", "!=", "customer"),
            "|",
            ("product_id.product_tmpl_id.aftersales_warranty_policy_id", "!=", False),
            ("product_id.categ_id", "child_of", policy_categs.ids),
        ]
        Move = self.env["stock.move"].sudo()
        created_ids = []
        last_id = 0
        while True:
            moves = Move.search(domain + [("id", ">", last_id)], order="id", limit=batch_size)
            if not moves:
                break
            created_ids += self._create_from_moves(moves).ids
            last_id = moves[-1].id
            self.env.invalidate_all()
        return self.browse(created_ids)

    # ------------------------------------------------------------------
    # Coverage
    # ------------------------------------------------------------------
    def _coverage_reason(self, answer, product, contract=None):
        """The sentence a clerk reads for a coverage ``answer`` (a rules.Coverage)."""
        date = fields.Date.to_string(answer.date_end) if answer.date_end else ""
        if contract:
            return self.env._(
                "Covered by service contract %(name)s until %(date)s",
                name=contract.name,
                date=fields.Date.to_string(contract.date_end),
            )
        if answer.reason == "no_warranty":
            return self.env._("No warranty found for %(product)s", product=product.display_name)
        if answer.reason == "void":
            return self.env._(
                "Void: %(reason)s",
                reason=answer.params.get("reason") or self.env._("no reason given"),
            )
        if answer.reason == "pending":
            return self.env._("Not covered: awaiting installation acceptance")
        if answer.reason == "not_started":
            return self.env._("Not covered: the warranty starts on %(date)s", date=date)
        if answer.reason == "covered":
            if answer.component:
                return self.env._(
                    "%(component)s covered until %(date)s", component=answer.component, date=date
                )
            return self.env._("Covered until %(date)s", date=date)
        if answer.component:
            return self.env._(
                "%(component)s expired %(days)s days ago (covered until %(date)s)",
                component=answer.component,
                days=answer.days,
                date=date,
            )
        return self.env._(
            "Expired %(days)s days ago (covered until %(date)s)", days=answer.days, date=date
        )

    @api.model
    def _get_coverage(self, product, lot=None, component=None, date=None, partner=None):
        """Whether ``product`` (serial ``lot``, part ``component``) is covered on ``date``.

        Returns ``{"status": "covered"|"not_covered"|"void", "reason": str,
        "warranty": aftersales.warranty, "contract": aftersales.contract,
        "date_end": date or False, "source": "warranty"|"contract"|False}``.
        A warranty that covers wins; otherwise an active service contract covering the
        serial or product makes it ``covered`` with ``source == "contract"`` (category B).
        """
        item = {"product": product, "lot": lot, "component": component, "date": date}
        return self._get_coverage_batch([dict(item, partner=partner)])[0]

    @api.model
    def _get_coverage_batch(self, items):
        """``_get_coverage`` for many units at once, in a fixed number of queries.

        ``items``: dicts with ``product``, ``lot``, ``component``, ``date``, ``partner`` (each
        optional, as the arguments of ``_get_coverage``); returns one result per item, in order.
        """
        today = fields.Date.context_today(self)
        Partner, Lot = self.env["res.partner"], self.env["stock.lot"]
        units = []
        for item in items:
            product = item.get("product") or self.env["product.product"]
            if product and product._name == "product.template":
                product = product.product_variant_ids[:1]
            lot = item.get("lot") or Lot
            if lot and not product:
                product = lot.product_id
            component = item.get("component")
            component = getattr(component, "name", component) or None
            date = fields.Date.to_date(item.get("date")) or today
            partner = item.get("partner")
            partner = partner.commercial_partner_id if partner else Partner
            units.append((product, lot, component, date, partner))
        by_lot, by_product = self._coverage_candidates(units)
        answers_of_units = []
        for product, lot, component, date, partner in units:
            if lot:
                candidates = by_lot.get(lot.id, [])
            else:
                candidates = [
                    (warranty, ends)
                    for warranty, ends in by_product.get(product.id, [])
                    if not partner or warranty.partner_id == partner
                ]
            answers = [
                (
                    warranty.id,
                    rules.coverage(
                        date,
                        state=warranty.state,
                        date_start=warranty.date_start,
                        base_end=warranty.date_end or None,
                        component_ends=ends,
                        component=component,
                        void_reason=warranty.void_reason,
                    ),
                )
                for warranty, ends in candidates
            ]
            best = rules.best_answer(answers)
            if best:
                warranty, answer = self.browse(best[0]), best[1]
            else:
                warranty = self.browse()
                answer = rules.coverage(date, state="none", date_start=None, base_end=None)
            answers_of_units.append((warranty, answer))
        # the customer: the one asked about, else the warranty holder (read in one query)
        contracts = self.env["aftersales.contract"]._find_for_batch(
            [
                (partner or warranty.sudo().partner_id, product, lot, date)
                for (product, lot, _component, date, partner), (warranty, _answer) in zip(
                    units, answers_of_units, strict=True
                )
            ]
        )
        results = []
        for (product, _lot, _c, _d, _p), (warranty, answer), contract in zip(
            units, answers_of_units, contracts, strict=True
        ):
            result = {
                "status": answer.status,
                "reason": self._coverage_reason(answer, product),
                "warranty": warranty.with_env(self.env),
                "contract": contract,
                "date_end": answer.date_end or False,
                "source": "warranty" if answer.status == rules.COVERED else False,
            }
            if answer.status != rules.COVERED and contract:
                result.update(
                    status=rules.COVERED,
                    reason=self._coverage_reason(answer, product, contract=contract),
                    date_end=contract.date_end,
                    source="contract",
                )
            results.append(result)
        return results

    @api.model
    def _coverage_candidates(self, units):
        """Warranties of the units' serials (or products, for units without serial) with
        their component end dates: one query for the warranties, one for the components."""
        lot_ids = {lot.id for _product, lot, *_rest in units if lot}
        product_ids = {product.id for product, lot, *_rest in units if not lot and product}
        scope = []
        if lot_ids:
            scope.append(("lot_id", "in", list(lot_ids)))
        if product_ids:
            scope.append(("product_id", "in", list(product_ids)))
        if not scope:
            return {}, {}
        domain = [("company_id", "in", self.env.companies.ids)]
        domain += ["|"] * (len(scope) - 1) + scope
        warranties = self.sudo().search_fetch(
            domain,
            [
                "state",
                "date_start",
                "date_end",
                "void_reason",
                "partner_id",
                "lot_id",
                "product_id",
            ],
        )
        ends = {warranty_id: {} for warranty_id in warranties.ids}
        if warranties:
            for line in (
                self.env["aftersales.warranty.line"]
                .sudo()
                .search_fetch(
                    [("warranty_id", "in", warranties.ids), ("date_end", "!=", False)],
                    ["warranty_id", "component", "date_end"],
                    order="id",
                )
            ):
                ends[line.warranty_id.id][line.component] = line.date_end
        by_lot, by_product = {}, {}
        for warranty in warranties:
            pair = (warranty, ends[warranty.id])
            if warranty.lot_id.id in lot_ids:
                by_lot.setdefault(warranty.lot_id.id, []).append(pair)
            if warranty.product_id.id in product_ids:
                by_product.setdefault(warranty.product_id.id, []).append(pair)
        return by_lot, by_product

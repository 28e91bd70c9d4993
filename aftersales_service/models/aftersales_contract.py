# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class AftersalesContract(models.Model):
    _name = "aftersales.contract"
    _description = "Service Contract"
    _inherit = ["aftersales.state.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_end desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference", required=True, copy=False, readonly=True, default="New", index="trigram"
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, tracking=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        tracking=True,
        help="Receives the renewal activity before the contract ends.",
    )
    date_start = fields.Date(string="Start", required=True, default=fields.Date.context_today)
    date_end = fields.Date(string="End", required=True, tracking=True)
    lot_ids = fields.Many2many(
        "stock.lot",
        string="Covered Serials",
        check_company=True,
        domain="[('product_id.is_storable', '=', True)]",
    )
    product_ids = fields.Many2many(
        "product.product",
        string="Covered Products",
        check_company=True,
        help="Every unit of these products the customer owns is covered.",
    )
    includes_labour = fields.Boolean(string="Labour Included", default=True)
    includes_parts = fields.Boolean(string="Parts Included")
    visits_per_year = fields.Integer(
        string="Visits per Year", help="Preventive maintenance visits included each year."
    )
    price = fields.Monetary(tracking=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("active", "Running"),
            ("expired", "Expired"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    date_renewal_notice = fields.Date(
        string="Renewal Notice Sent",
        readonly=True,
        copy=False,
        help="Day the renewal reminder went out; it goes out once per contract.",
    )
    terms = fields.Html()
    visit_request_ids = fields.One2many(
        "aftersales.request", "visit_contract_id", string="Planned Visits"
    )

    _sql_constraints = [
        ("dates_order", "CHECK(date_end >= date_start)", "A contract cannot end before it starts."),
        ("visits_positive", "CHECK(visits_per_year >= 0)", "Visits per year cannot be negative."),
    ]

    @api.constrains("lot_ids", "product_ids")
    def _check_scope(self):
        for contract in self:
            if not contract.lot_ids and not contract.product_ids:
                raise ValidationError(
                    self.env._(
                        "Contract %(name)s must cover at least one serial or one product.",
                        name=contract.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "New") == "New":
                company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
                vals["name"] = (
                    self.env["ir.sequence"]
                    .with_company(company)
                    .next_by_code("aftersales.contract")
                    or "New"
                )
        return super().create(vals_list)

    def _aftersales_transition_fields(self):
        return super()._aftersales_transition_fields() | {"state", "date_renewal_notice"}

    def _aftersales_field_refusal(self, field_names):
        return self.env._(
            "The state of a service contract changes only through its buttons "
            "(Activate, Cancel) or when it expires."
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_draft(self):
        for contract in self:
            if contract.state != "draft":
                raise UserError(
                    self.env._(
                        "Service contract %(name)s has been running and cannot be deleted; "
                        "cancel it instead.",
                        name=contract.name,
                    )
                )

    # ------------------------------------------------------------------
    # State changes
    # ------------------------------------------------------------------
    def _aftersales_transition_refusals(self):
        refusals = super()._aftersales_transition_refusals()
        refusals.update(
            {
                "active": self.env._(
                    "Contract %(name)s cannot be activated: only a draft contract is activated."
                ),
                "cancelled": self.env._(
                    "Contract %(name)s cannot be cancelled: only a draft or running contract "
                    "is cancelled."
                ),
                "draft": self.env._(
                    "Contract %(name)s cannot be reset to draft: only a cancelled contract is "
                    "reset."
                ),
            }
        )
        return refusals

    def action_activate(self):
        self._aftersales_transition(("draft",), "active")
        today = fields.Date.context_today(self)
        self.filtered(lambda c: c.date_end < today)._aftersales_write_transition(
            {"state": "expired"}
        )
        self.filtered(lambda c: c.state == "active")._schedule_visits()
        return True

    def _visit_dates(self):
        """The contract's visit days: ``visits_per_year`` a year, evenly spread over each
        contract year, within the contract's dates."""
        self.ensure_one()
        if self.visits_per_year <= 0:
            return []
        dates, year = [], 0
        while True:
            first = self.date_start + relativedelta(years=year)
            if first > self.date_end:
                return dates
            for index in range(self.visits_per_year):
                day = first + relativedelta(months=12 * index // self.visits_per_year)
                if day <= self.date_end:
                    dates.append(day)
            year += 1

    def _schedule_visits(self):
        """One maintenance request per visit included in the contract (none twice)."""
        vals_list = []
        for contract in self:
            planned = set(contract.visit_request_ids.mapped("date_request"))
            lot = contract.lot_ids[:1] if len(contract.lot_ids) == 1 else self.env["stock.lot"]
            product = lot.product_id or contract.product_ids[:1]
            for day in contract._visit_dates():
                moment = datetime.combine(day, time(9, 0))
                if moment in planned:
                    continue
                vals_list.append(
                    {
                        "partner_id": contract.partner_id.id,
                        "company_id": contract.company_id.id,
                        "request_type": "maintenance",
                        "visit_contract_id": contract.id,
                        "product_id": product.id,
                        "lot_id": lot.id,
                        "date_request": moment,
                        "description": self.env._(
                            "Maintenance visit %(day)s of service contract %(name)s.",
                            day=fields.Date.to_string(day),
                            name=contract.name,
                        ),
                    }
                )
        return self.env["aftersales.request"].create(vals_list)

    def action_cancel(self):
        if not self.env.user.has_group("aftersales_service.group_aftersales_manager"):
            raise UserError(self.env._("Only an after-sales manager may cancel a contract."))
        return self._aftersales_transition(("draft", "active"), "cancelled")

    def action_reset_draft(self):
        if not self.env.user.has_group("aftersales_service.group_aftersales_manager"):
            raise UserError(
                self.env._("Only an after-sales manager may reset a contract to draft.")
            )
        return self._aftersales_transition(("cancelled",), "draft", {"date_renewal_notice": False})

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    @api.model
    def _find_for(self, partner, product, lot=None, date=None):
        """The running contract covering ``lot`` (or ``product``) of ``partner`` on ``date``."""
        date = fields.Date.to_date(date) or fields.Date.context_today(self)
        if product and product._name == "product.template":
            product = product.product_variant_ids
        scope = []
        if lot:
            scope.append(("lot_ids", "in", lot.ids))
        if product:
            scope.append(("product_ids", "in", product.ids))
        if not scope:
            return self.browse()
        domain = [
            ("state", "=", "active"),
            ("date_start", "<=", date),
            ("date_end", ">=", date),
        ]
        if partner:
            # same company group, as one sub-select (no search of the partner's children first)
            domain.append(
                ("partner_id.commercial_partner_id", "=", partner.commercial_partner_id.id)
            )
        domain += ["|"] * (len(scope) - 1) + scope
        contract = self.sudo().search(domain, order="date_end desc, id desc", limit=1)
        return contract.with_env(self.env)

    @api.model
    def _find_for_batch(self, keys):
        """``_find_for`` for many ``(partner, product, lot, date)`` at once: one search of the
        running contracts of those customers and units, matched here; one contract (or an
        empty recordset) per key, in order."""
        empty = self.browse()
        keys = [
            (
                partner,
                product.product_variant_ids
                if product and product._name == "product.template"
                else product,
                lot,
                fields.Date.to_date(date) or fields.Date.context_today(self),
            )
            for partner, product, lot, date in keys
        ]
        lot_ids = {lot_id for _p, _pr, lot, _d in keys if lot for lot_id in lot.ids}
        product_ids = {pid for _p, product, _l, _d in keys if product for pid in product.ids}
        if not keys or not (lot_ids or product_ids):
            return [empty] * len(keys)
        # the customer's company group only scopes the contracts (read without record rules)
        keys = [(partner.sudo(), *rest) for partner, *rest in keys]
        commercial = {partner.commercial_partner_id.id for partner, *_rest in keys if partner}
        dates = [date for *_rest, date in keys]
        domain = [
            ("state", "=", "active"),
            ("date_start", "<=", max(dates)),
            ("date_end", ">=", min(dates)),
        ]
        if all(partner for partner, *_rest in keys):
            domain.append(("partner_id.commercial_partner_id", "in", list(commercial)))
        scope = []
        if lot_ids:
            scope.append(("lot_ids", "in", list(lot_ids)))
        if product_ids:
            scope.append(("product_ids", "in", list(product_ids)))
        domain += ["|"] * (len(scope) - 1) + scope
        contracts = self.sudo().search(domain, order="date_end desc, id desc")
        found = []
        for partner, product, lot, date in keys:
            match = empty
            for contract in contracts:
                if not contract.date_start <= date <= contract.date_end:
                    continue
                if partner and (
                    contract.partner_id.commercial_partner_id != partner.commercial_partner_id
                ):
                    continue
                if (lot and lot & contract.lot_ids) or (product and product & contract.product_ids):
                    match = contract
                    break
            found.append(match.with_env(self.env))
        return found

    @api.model
    def _cron_renewal_notice(self):
        """Daily: a renewal activity and an e-mail for contracts ending within the notice.

        Idempotent: the notice date is stamped on the contract and such contracts are skipped.
        """
        today = fields.Date.context_today(self)
        contracts = self.browse()
        for company in self.env["res.company"].search([]):
            limit = today + relativedelta(months=company.aftersales_contract_notice_months)
            contracts |= self.search(
                [
                    ("company_id", "=", company.id),
                    ("state", "=", "active"),
                    ("date_renewal_notice", "=", False),
                    ("date_end", ">=", today),
                    ("date_end", "<=", limit),
                ]
            )
        if not contracts:
            return contracts
        contracts._aftersales_write_transition({"date_renewal_notice": today})
        template = self.env.ref(
            "aftersales_service.mail_template_contract_renewal", raise_if_not_found=False
        )
        for contract in contracts:
            contract.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=contract.date_end,
                summary=self.env._("Renew contract %(name)s", name=contract.name),
                note=self.env._(
                    "Contract %(name)s of %(customer)s ends on %(date)s: propose the renewal "
                    "and plan the renewal visit.",
                    name=contract.name,
                    customer=contract.partner_id.display_name,
                    date=fields.Date.to_string(contract.date_end),
                ),
                user_id=(contract.user_id or self.env.user).id,
            )
        if template:
            contracts.message_post_with_source(
                template, subtype_xmlid="mail.mt_comment", message_type="comment"
            )
        return contracts

    @api.model
    def _cron_expire(self):
        """Daily: running contracts past their end date become expired."""
        today = fields.Date.context_today(self)
        contracts = self.search([("state", "=", "active"), ("date_end", "<", today)])
        contracts._aftersales_write_transition({"state": "expired"})
        return contracts

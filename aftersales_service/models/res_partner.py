# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models

from ..rules.return_routing import ratio

COUNTED_RETURN_STATES = (
    "submitted",
    "under_approval",
    "approved",
    "collected",
    "inspected",
    "received",
    "done",
)


class ResPartner(models.Model):
    _inherit = "res.partner"

    aftersales_return_ratio_allowed = fields.Float(
        string="Contract Return Ratio (%)",
        help="Share of purchases this customer may exchange; 0 uses the company default.",
    )
    aftersales_return_days_allowed = fields.Integer(
        string="Contract Exchange Limit (days)",
        help="Days after the sale within which this customer may exchange goods; "
        "0 uses the company default.",
    )
    aftersales_return_ratio = fields.Float(
        string="Current Return Ratio (%)",
        compute="_compute_aftersales_return_ratio",
        digits=(16, 2),
    )
    aftersales_is_over_ratio = fields.Boolean(
        string="Over Return Ratio",
        compute="_compute_aftersales_return_ratio",
        search="_search_aftersales_is_over_ratio",
    )
    aftersales_ratio_alert_sent = fields.Boolean(
        string="Return Ratio Alert Sent",
        copy=False,
        help="Set once the sales head and the accountant were alerted; cleared when the "
        "ratio is back within the allowed one.",
    )

    aftersales_zone = fields.Selection(
        [("city", "City"), ("suburb", "Suburb"), ("system", "System Customer")],
        string="Service Zone",
        help="Decides the on-site arrival promise of this customer's requests. "
        "Empty: taken from the service address.",
    )
    aftersales_warranty_count = fields.Integer(
        string="Warranties", compute="_compute_aftersales_warranty_count"
    )
    aftersales_contract_count = fields.Integer(
        string="Service Contracts", compute="_compute_aftersales_warranty_count"
    )

    # authorised service partner (issue 19): False = not a service partner
    aftersales_partner_state = fields.Selection(
        [
            ("candidate", "Candidate"),
            ("active", "Active"),
            ("warned", "Warned"),
            ("suspended", "Suspended"),
        ],
        string="Service Partner State",
        tracking=True,
        index=True,
        copy=False,
        help="Authorised service partner: active and warned partners receive dispatched "
        "requests; a candidate is being screened; a suspended one gets no new dispatch. "
        "Empty: not a service partner.",
    )
    aftersales_partner_licence = fields.Char(
        string="Service Licence Number", copy=False, tracking=True
    )
    aftersales_partner_licence_until = fields.Date(
        string="Service Licence Valid Until", copy=False, tracking=True
    )

    def _compute_aftersales_return_ratio(self):
        figures = self._aftersales_return_figures()
        for partner in self:
            commercial = partner.commercial_partner_id
            returned, purchased = figures.get(commercial.id, (0.0, 0.0))
            partner.aftersales_return_ratio = ratio(returned, purchased)
            partner.aftersales_is_over_ratio = (
                partner.aftersales_return_ratio > commercial._aftersales_ratio_allowed()
            )

    def _search_aftersales_is_over_ratio(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return [("id", "=", 0)]
        returned = self.env["aftersales.return.line"]._read_group(
            self._aftersales_return_line_domain(), ["commercial_partner_id"]
        )
        partners = self.browse([partner.id for (partner,) in returned])
        over = partners.filtered("aftersales_is_over_ratio")
        positive = (operator == "=") == value
        return [("commercial_partner_id", "in" if positive else "not in", over.ids)]

    def _aftersales_ratio_allowed(self):
        self.ensure_one()
        return (
            self.aftersales_return_ratio_allowed
            or (self.company_id or self.env.company).aftersales_return_ratio_allowed
        )

    def _aftersales_days_allowed(self):
        self.ensure_one()
        return (
            self.aftersales_return_days_allowed
            or (self.company_id or self.env.company).aftersales_return_days_allowed
        )

    @api.model
    def _aftersales_window(self, date=None):
        end = fields.Date.to_date(date) or fields.Date.context_today(self)
        return end - timedelta(days=self.env.company.aftersales_return_ratio_window_days), end

    def _aftersales_return_line_domain(self, date=None, exclude_return_ids=()):
        start, end = self._aftersales_window(date)
        domain = [
            ("return_state", "in", COUNTED_RETURN_STATES),
            ("is_refused", "=", False),
            # the exchange ratio is about unsaleable goods: quality returns are our fault
            ("reason_kind", "=", "unsaleable"),
            ("return_date", ">=", start),
            ("return_date", "<=", end),
        ]
        if self:
            domain.append(("commercial_partner_id", "in", self.commercial_partner_id.ids))
        if exclude_return_ids:
            domain.append(("return_id", "not in", list(exclude_return_ids)))
        return domain

    def _aftersales_return_figures(self, date=None, exclude_return_ids=()):
        """{commercial partner id: (returned amount, purchased amount)} over the window,
        read set-based: one grouped query on return lines, one on delivered sale lines."""
        commercials = self.commercial_partner_id
        if not commercials:
            return {}
        start, end = self._aftersales_window(date)
        figures = defaultdict(lambda: [0.0, 0.0])
        for partner, amount in self.env["aftersales.return.line"]._read_group(
            commercials._aftersales_return_line_domain(date, exclude_return_ids),
            ["commercial_partner_id"],
            ["price_subtotal:sum"],
        ):
            figures[partner.id][0] += amount
        for partner, amount in (
            self.env["sale.order.line"]
            .sudo()
            ._read_group(
                [
                    ("order_partner_id.commercial_partner_id", "in", commercials.ids),
                    ("state", "=", "sale"),
                    ("qty_delivered", ">", 0),
                    ("order_id.date_order", ">=", fields.Datetime.to_datetime(start)),
                    (
                        "order_id.date_order",
                        "<",
                        fields.Datetime.to_datetime(end + timedelta(days=1)),
                    ),
                ],
                ["order_partner_id"],
                ["price_subtotal:sum"],
            )
        ):
            figures[partner.commercial_partner_id.id][1] += amount
        return {key: tuple(value) for key, value in figures.items()}

    def _aftersales_return_ratio(self, date=None):
        """The customer's return ratio (percent of purchases) over the configured window
        ending on ``date`` (today by default)."""
        self.ensure_one()
        commercial = self.commercial_partner_id
        returned, purchased = self._aftersales_return_figures(date).get(commercial.id, (0.0, 0.0))
        return ratio(returned, purchased)

    def _aftersales_check_return_ratio(self):
        """Alert the sales head and the accountant once for every customer over its ratio.

        Whoever submits a return may not edit customers: the alert flag and the activities
        on the customer are written as superuser."""
        commercials = self.commercial_partner_id
        over = commercials.filtered("aftersales_is_over_ratio").sudo()
        commercials = commercials.sudo()
        to_alert = over.filtered(lambda p: not p.aftersales_ratio_alert_sent)
        (commercials - over).filtered("aftersales_ratio_alert_sent").write(
            {"aftersales_ratio_alert_sent": False}
        )
        for partner in to_alert:
            company = partner.company_id or self.env.company
            users = (
                company.aftersales_return_sales_head_id | company.aftersales_return_accountant_id
            )
            for user in users:
                partner.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=user.id,
                    summary=self.env._("Return ratio exceeded"),
                    note=self.env._(
                        "%(name)s returns %(ratio)s%% of its purchases; %(allowed)s%% is allowed.",
                        name=partner.display_name,
                        ratio=round(partner.aftersales_return_ratio, 1),
                        allowed=round(partner._aftersales_ratio_allowed(), 1),
                    ),
                )
        to_alert.write({"aftersales_ratio_alert_sent": True})
        return to_alert

    @api.model
    def _cron_aftersales_return_ratio_watch(self):
        partners = self.browse(
            {
                partner.id
                for (partner,) in self.env["aftersales.return.line"]._read_group(
                    self._aftersales_return_line_domain(), ["commercial_partner_id"]
                )
            }
        )
        partners |= self.search([("aftersales_ratio_alert_sent", "=", True)])
        partners._aftersales_check_return_ratio()

    def _compute_aftersales_warranty_count(self):
        commercial = self.commercial_partner_id
        warranty_groups = (
            self.env["aftersales.warranty"]
            .sudo()
            ._read_group([("partner_id", "in", commercial.ids)], ["partner_id"], ["__count"])
        )
        contract_groups = (
            self.env["aftersales.contract"]
            .sudo()
            ._read_group([("partner_id", "in", commercial.ids)], ["partner_id"], ["__count"])
        )
        warranties = {partner.id: count for partner, count in warranty_groups}
        contracts = {partner.id: count for partner, count in contract_groups}
        for partner in self:
            partner.aftersales_warranty_count = warranties.get(partner.commercial_partner_id.id, 0)
            partner.aftersales_contract_count = contracts.get(partner.commercial_partner_id.id, 0)

    def action_view_aftersales_warranties(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_service.aftersales_warranty_action"
        )
        action["domain"] = [("partner_id", "child_of", self.commercial_partner_id.id)]
        return action

    def action_view_aftersales_contracts(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_service.aftersales_contract_action"
        )
        action["domain"] = [("partner_id", "child_of", self.commercial_partner_id.id)]
        action["context"] = {"default_partner_id": self.commercial_partner_id.id}
        return action

    # ------------------------------------------------------------------
    # Customer care levels (issue 19)
    # ------------------------------------------------------------------
    aftersales_care_level_id = fields.Many2one(
        "aftersales.care.level",
        string="Care Level",
        index="btree_not_null",
        help="E.g. VIP: its own SLA promises and priority, free periodic checks, greetings.",
    )
    aftersales_care_user_id = fields.Many2one(
        "res.users",
        string="Dedicated Contact",
        help="The employee this customer calls first; free checks are assigned to them.",
    )
    aftersales_date_next_check = fields.Date(
        string="Next Free Check",
        help="When the next free periodic check of the care level is scheduled as a request.",
    )
    aftersales_birthday = fields.Date(string="Birthday")
    aftersales_customer_since = fields.Date(string="Customer Since")
    aftersales_date_last_greeting = fields.Date(
        string="Last Greeting Sent On", copy=False, readonly=True
    )

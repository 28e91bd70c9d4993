# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class AftersalesCareLevel(models.Model):
    """A customer care level (e.g. VIP): its SLA promises, priority, free periodic checks
    and greetings. Customers carry it on ``res.partner.aftersales_care_level_id``."""

    _name = "aftersales.care.level"
    _description = "Customer Care Level"
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", help="Empty: the level is offered in every company.", index=True
    )
    is_vip = fields.Boolean(
        string="VIP",
        default=True,
        help="Requests of VIP customers come first in the dispatcher's lists.",
    )
    priority = fields.Selection(
        selection=lambda self: self.env["aftersales.request"]._fields["priority"].selection,
        string="Minimum Priority",
        default="1",
        required=True,
        help="A new request of such a customer gets at least this priority.",
    )
    sla_policy_ids = fields.One2many(
        "aftersales.sla.policy",
        "care_level_id",
        string="SLA Promises",
        help="SLA policies of this level; they win over the general ones for its customers.",
    )
    check_interval_months = fields.Integer(
        string="Free Check Every (months)",
        help="A free maintenance visit is scheduled as a service request every so many "
        "months. 0: no periodic check.",
    )
    greet_birthday = fields.Boolean(string="Greet on Birthday")
    greet_anniversary = fields.Boolean(
        string="Greet on Customer Anniversary",
        help="Every year on the date the customer became a customer.",
    )
    greeting_ids = fields.One2many(
        "aftersales.care.greeting", "care_level_id", string="Greeting Dates", copy=True
    )
    partner_count = fields.Integer(string="Customers", compute="_compute_partner_count")

    _sql_constraints = [
        (
            "check_interval_positive",
            "CHECK(check_interval_months >= 0)",
            "The interval of free checks cannot be negative.",
        ),
    ]

    def _compute_partner_count(self):
        counts = dict(
            self.env["res.partner"]._read_group(
                [("aftersales_care_level_id", "in", self.ids)],
                ["aftersales_care_level_id"],
                ["__count"],
            )
        )
        for level in self:
            level.partner_count = counts.get(level, 0)

    def action_view_partners(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.name,
            "res_model": "res.partner",
            "view_mode": "list,form",
            "domain": [("aftersales_care_level_id", "=", self.id)],
            "context": {"default_aftersales_care_level_id": self.id},
        }

    # ------------------------------------------------------------------
    # Free periodic checks
    # ------------------------------------------------------------------
    @api.model
    def _prepare_check_request_vals(self, partner):
        """Values of the free periodic check request of ``partner`` (a commercial partner)."""
        level = partner.aftersales_care_level_id
        company = partner.company_id or self.env.company
        return {
            "partner_id": partner.id,
            "company_id": company.id,
            "request_type": "maintenance",
            "is_care_check": True,
            # the dedicated contact owns it, else the dispatcher (never the cron's user)
            "user_id": (partner.aftersales_care_user_id or company.aftersales_dispatcher_id).id,
            "description": self.env._(
                "<p>Free periodic check of the care level %(level)s.</p>", level=level.name
            ),
        }

    @api.model
    def _cron_schedule_checks(self):
        """Schedule the due free checks as requests and move each customer's next check on.

        A customer without a next check date gets one an interval from today; the date moves
        on when its request is made, so a second run the same day makes nothing.
        """
        today = fields.Date.context_today(self)
        partners = self.env["res.partner"].search(
            [
                ("aftersales_care_level_id.check_interval_months", ">", 0),
                ("is_company", "=", True),
                "|",
                ("aftersales_date_next_check", "=", False),
                ("aftersales_date_next_check", "<=", today),
            ]
        )
        first = partners.filtered(lambda p: not p.aftersales_date_next_check)
        for partner in first:
            months = partner.aftersales_care_level_id.check_interval_months
            partner.aftersales_date_next_check = today + relativedelta(months=months)
        due = partners - first
        if not due:
            return
        self.env["aftersales.request"].create(
            [self._prepare_check_request_vals(partner) for partner in due]
        )
        for partner in due:
            step = relativedelta(months=partner.aftersales_care_level_id.check_interval_months)
            next_date = partner.aftersales_date_next_check + step
            while next_date <= today:
                next_date += step
            partner.aftersales_date_next_check = next_date

    # ------------------------------------------------------------------
    # Greetings
    # ------------------------------------------------------------------
    def _greeting_occasion(self, partner, day):
        """The occasion (a sentence part) for which ``partner`` is greeted on ``day``, or None."""
        self.ensure_one()
        birthday = partner.aftersales_birthday
        if (
            self.greet_birthday
            and birthday
            and (birthday.month, birthday.day)
            == (
                day.month,
                day.day,
            )
        ):
            return self.env._("your birthday")
        since = partner.aftersales_customer_since
        if (
            self.greet_anniversary
            and since
            and since.year < day.year
            and (since.month, since.day) == (day.month, day.day)
        ):
            return self.env._("the anniversary of our partnership")
        for greeting in self.greeting_ids:
            if (int(greeting.month), greeting.day) == (day.month, day.day):
                return greeting.name
        return None

    @api.model
    def _cron_send_greetings(self):
        """Mail the greeting of the day to customers of a level that greets on it (once a day)."""
        today = fields.Date.context_today(self)
        template = self.env.ref(
            "aftersales_service.mail_template_aftersales_care_greeting", raise_if_not_found=False
        )
        if not template:
            return
        partners = self.env["res.partner"].search(
            [
                ("aftersales_care_level_id", "!=", False),
                ("email", "!=", False),
                # also matches customers never greeted (Odoo adds IS NULL to '!=')
                ("aftersales_date_last_greeting", "!=", today),
            ]
        )
        for partner in partners:
            occasion = partner.aftersales_care_level_id._greeting_occasion(partner, today)
            if not occasion:
                continue
            template.with_context(aftersales_occasion=occasion).send_mail(partner.id)
            partner.aftersales_date_last_greeting = today

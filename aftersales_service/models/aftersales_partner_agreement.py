# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class AftersalesPartnerAgreement(models.Model):
    """What an authorised service partner may service, where and until when."""

    _name = "aftersales.partner.agreement"
    _description = "Service Partner Agreement"
    _inherit = ["mail.thread"]
    _order = "date_end desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Agreement", required=True, tracking=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Service Partner",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        domain="[('is_company', '=', True), ('aftersales_partner_state', '!=', False)]",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)
    date_start = fields.Date(
        string="Valid From", required=True, default=fields.Date.context_today, tracking=True
    )
    date_end = fields.Date(string="Valid Until", required=True, tracking=True)
    country_ids = fields.Many2many("res.country", string="Countries", help="Empty: every country.")
    state_ids = fields.Many2many(
        "res.country.state",
        string="States",
        help="Empty: every state of the countries above.",
    )
    city_names = fields.Char(
        string="Cities",
        help="City names separated by commas; empty: every city of the states above.",
    )
    product_category_ids = fields.Many2many(
        "product.category",
        string="Product Families",
        required=True,
        help="The partner services products of these categories and of every category below.",
    )
    technician_ids = fields.Many2many(
        "res.partner",
        "aftersales_partner_agreement_technician_rel",
        "agreement_id",
        "partner_id",
        string="Certified Technicians",
        domain="[('parent_id', '=', partner_id), ('user_ids', '!=', False)]",
        help="Contacts of the partner, each with a portal user, certified to work "
        "the dispatched requests.",
    )
    note = fields.Html(string="Terms")

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for agreement in self:
            if agreement.date_end < agreement.date_start:
                raise ValidationError(
                    self.env._(
                        "The agreement %(name)s cannot end before it starts.",
                        name=agreement.name,
                    )
                )

    @api.constrains("technician_ids", "partner_id")
    def _check_technicians(self):
        for agreement in self:
            strangers = agreement.technician_ids.filtered(
                lambda contact, a=agreement: (
                    contact.commercial_partner_id != a.partner_id or not contact.user_ids
                )
            )
            if strangers:
                raise ValidationError(
                    self.env._(
                        "The certified technicians of %(name)s are contacts of %(partner)s with "
                        "a portal user; %(contacts)s is not.",
                        name=agreement.name,
                        partner=agreement.partner_id.display_name,
                        contacts=", ".join(strangers.mapped("display_name")),
                    )
                )

    def _aftersales_covers(self, request, day=None):
        """Whether this agreement covers the request: valid on ``day``, the request's service
        address in its area and its product in its product families."""
        self.ensure_one()
        day = day or fields.Date.context_today(self)
        if not (self.active and self.date_start <= day <= self.date_end):
            return False
        address = request.address_id or request.partner_id
        if self.country_ids and address.country_id not in self.country_ids:
            return False
        if self.state_ids and address.state_id not in self.state_ids:
            return False
        cities = {city.strip().casefold() for city in (self.city_names or "").split(",")} - {""}
        if cities and (address.city or "").strip().casefold() not in cities:
            return False
        category = request.product_id.categ_id
        return bool(
            category
            and any(
                category.parent_path.startswith(family.parent_path)
                for family in self.product_category_ids
            )
        )

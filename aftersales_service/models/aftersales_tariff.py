# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

SERVICE_TYPES = [
    ("onsite", "On-site"),
    ("remote", "Remote"),
    ("workshop", "Workshop"),
    ("part", "Part Replacement"),
]


class AftersalesTariff(models.Model):
    _name = "aftersales.tariff"
    _description = "Service Tariff"
    _order = "service_type, sequence, id"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    service_type = fields.Selection(SERVICE_TYPES, required=True, default="workshop")
    product_categ_id = fields.Many2one(
        "product.category",
        string="Product Category",
        help="Applies to every product of this category (and its sub-categories) unless a "
        "tariff for the exact model exists. Empty: any product.",
    )
    product_tmpl_id = fields.Many2one(
        "product.template",
        string="Product Model",
        check_company=True,
        help="Applies to this model only; it wins over a category tariff.",
    )
    labour_price = fields.Monetary(
        string="Labour Price per Hour", currency_field="currency_id", required=True
    )
    callout_price = fields.Monetary(
        string="Call-out Price",
        currency_field="currency_id",
        help="Flat fee charged once per on-site visit.",
    )

    @api.depends("service_type", "product_categ_id", "product_tmpl_id")
    def _compute_name(self):
        labels = dict(self._fields["service_type"]._description_selection(self.env))
        for tariff in self:
            target = (
                tariff.product_tmpl_id.display_name
                or tariff.product_categ_id.display_name
                or self.env._("All products")
            )
            tariff.name = f"{labels.get(tariff.service_type, '')} / {target}"

    @api.model
    def _find_tariff(self, service_type, product, company=None):
        """The most specific active tariff for a service type and a product, or empty.

        A tariff for the product's model wins over one for its category (the nearest
        category first), which wins over a tariff for all products.
        """
        company = company or self.env.company
        tariffs = self.search(
            [
                ("service_type", "=", service_type),
                ("company_id", "=", company.id),
            ]
        )
        if not tariffs:
            return tariffs
        template = product.product_tmpl_id
        exact = tariffs.filtered(lambda t: t.product_tmpl_id == template)
        if exact:
            return exact[0]
        categ = product.categ_id
        while categ:
            by_categ = tariffs.filtered(
                lambda t, c=categ: not t.product_tmpl_id and t.product_categ_id == c
            )
            if by_categ:
                return by_categ[0]
            categ = categ.parent_id
        generic = tariffs.filtered(lambda t: not t.product_tmpl_id and not t.product_categ_id)
        return generic[:1]

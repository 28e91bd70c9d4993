# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class AftersalesRequestPart(models.Model):
    """A spare part a service partner used on a dispatched request, with the reason told to
    the customer before the replacement."""

    _name = "aftersales.request.part"
    _description = "Part Used on a Service Request"
    _order = "request_id, id"
    _check_company_auto = True

    request_id = fields.Many2one(
        "aftersales.request",
        string="Service Request",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(
        related="request_id.company_id", store=True, index=True, string="Company"
    )
    service_partner_id = fields.Many2one(
        related="request_id.service_partner_id", store=True, string="Service Partner"
    )
    product_id = fields.Many2one("product.product", string="Part", required=True)
    quantity = fields.Float(default=1.0, required=True, digits="Product Unit of Measure")
    reason = fields.Char(
        required=True, help="Why the part was replaced, as told to the customer beforehand."
    )

    @api.constrains("quantity")
    def _check_quantity(self):
        for part in self:
            if part.quantity <= 0:
                raise ValidationError(
                    self.env._(
                        "A part used on %(request)s counts at least some quantity, not "
                        "%(quantity)s.",
                        request=part.request_id.name,
                        quantity=part.quantity,
                    )
                )

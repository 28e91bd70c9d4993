# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AftersalesWarrantyExtension(models.Model):
    _name = "aftersales.warranty.extension"
    _description = "Warranty Extension"
    _order = "warranty_id, date desc, id desc"

    warranty_id = fields.Many2one(
        "aftersales.warranty", required=True, ondelete="cascade", index=True
    )
    months = fields.Integer(string="Extra Months", required=True)
    source = fields.Selection(
        [
            ("pricelist", "Pricelist Promotion"),
            ("sale_order", "Sales Order Promotion"),
            ("manual", "Manual"),
        ],
        required=True,
        default="manual",
    )
    reason = fields.Char(required=True)
    pricelist_id = fields.Many2one("product.pricelist", string="Promotion Pricelist")
    sale_order_id = fields.Many2one("sale.order", string="Sales Order")
    user_id = fields.Many2one("res.users", string="Granted By", default=lambda self: self.env.user)
    date = fields.Date(default=fields.Date.context_today, required=True)

    _sql_constraints = [
        ("months_positive", "CHECK(months > 0)", "An extension adds at least one month."),
    ]

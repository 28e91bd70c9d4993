# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AftersalesWarrantyPolicyLine(models.Model):
    _name = "aftersales.warranty.policy.line"
    _description = "Warranty Policy Component"
    _order = "policy_id, sequence, id"

    policy_id = fields.Many2one(
        "aftersales.warranty.policy", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    component = fields.Char(
        required=True,
        translate=True,
        help="Part of the unit with its own warranty, e.g. Compressor.",
    )
    months = fields.Integer(string="Warranty (months)", required=True)

    _sql_constraints = [
        ("months_positive", "CHECK(months > 0)", "A component warranty lasts at least one month."),
    ]

# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    aftersales_request_id = fields.Many2one(
        "aftersales.request", string="Service Request", index="btree_not_null", copy=False
    )
    aftersales_repair_id = fields.Many2one(
        "repair.order", string="Repair Order", index="btree_not_null", copy=False
    )

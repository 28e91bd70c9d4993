# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    aftersales_repair_id = fields.Many2one(
        "repair.order",
        string="Repair Order",
        index="btree_not_null",
        check_company=True,
        copy=False,
        readonly=True,
    )
    aftersales_goods_kind = fields.Selection(
        [("receipt", "Customer Goods Receipt"), ("return", "Return to Customer")],
        string="Customer Goods Movement",
        readonly=True,
        copy=False,
    )

    def _action_done(self):
        self.filtered(
            lambda p: p.aftersales_goods_kind == "return"
        ).aftersales_repair_id._aftersales_check_released()
        return super()._action_done()

    def action_aftersales_print_receipt(self):
        return self.env.ref(
            "aftersales_service.action_report_customer_goods_receipt"
        ).report_action(self)

# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _prepare_invoice(self):
        vals = super()._prepare_invoice()
        repairs = self.sudo().repair_order_ids.filtered("aftersales_request_id")
        if repairs:
            vals["aftersales_request_id"] = repairs[0].aftersales_request_id.id
            reasons = [r.aftersales_charge_reason for r in repairs if r.aftersales_charge_reason]
            if reasons:
                vals["aftersales_charge_reason"] = " ".join(reasons)
        return vals

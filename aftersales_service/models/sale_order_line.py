# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    def _prepare_invoice_line(self, **optional_values):
        vals = super()._prepare_invoice_line(**optional_values)
        repair = self.sudo().move_ids.repair_id[:1] or self.sudo().order_id.repair_order_ids[:1]
        if repair.aftersales_request_id:
            vals["aftersales_repair_id"] = repair.id
            vals["aftersales_request_id"] = repair.aftersales_request_id.id
            ref = f"[{repair.aftersales_request_id.name} / {repair.name}]"
            if ref not in (vals.get("name") or ""):
                vals["name"] = f"{ref} {vals.get('name') or ''}".strip()
        return vals

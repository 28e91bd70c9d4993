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
            label = vals.get("name") or self.product_id.display_name or ""
            request = repair.aftersales_request_id
            if request.name not in label:
                # the fee lines name the request already; parts get it in parentheses (the
                # references have slashes of their own: no "/" as a separator)
                label = self.env._(
                    "%(label)s (service request %(request)s, repair %(repair)s)",
                    label=label,
                    request=request.name,
                    repair=repair.name,
                )
            vals["name"] = label
        return vals

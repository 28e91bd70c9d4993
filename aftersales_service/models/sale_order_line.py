# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

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

    def _aftersales_returnable_base(self):
        """{sale line id: quantity delivered to the customer (product unit), less what came
        back outside the after-sales returns}: what after-sales returns may take back.

        Read set-based: one grouped query on the lines' done moves."""
        base = defaultdict(float)
        if not self:
            return base
        moves = self.env["stock.move"].sudo()
        groups = moves._read_group(
            [("sale_line_id", "in", self.ids), ("state", "=", "done")],
            [
                "sale_line_id",
                "product_uom",
                "location_id",
                "location_dest_id",
                "aftersales_return_line_id",
            ],
            ["quantity:sum"],
        )
        # the locations and the inter-company transit one (_is_outgoing) read at once
        inter_company = self.env["ir.model.data"]._xmlid_to_res_id(
            "stock.stock_location_inter_company"
        )
        location_ids = {row[index].id for row in groups for index in (2, 3)}
        if inter_company:
            location_ids.add(inter_company)
        self.env["stock.location"].sudo().browse(location_ids).fetch(["usage", "parent_path"])
        for sale_line, uom, location, location_dest, is_ours, qty in groups:
            qty = uom._compute_quantity(qty, sale_line.product_id.uom_id)
            if location_dest._is_outgoing() and not location._is_outgoing():
                base[sale_line.id] += qty
            elif location._is_outgoing() and not is_ours:
                base[sale_line.id] -= qty
        return base

# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.tools import SQL


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

    @api.model
    def _aftersales_returnable_base(self, partner_ids, product_ids):
        """{sale line id: (commercial partner id, product id, quantity)} for the confirmed
        sale lines of these customers (commercial partners) and products: the quantity
        delivered to the customer (product unit), less what came back outside the
        after-sales returns, what after-sales returns may take back.

        One query over the lines and their done moves (grouped by unit and locations), run
        on every return line saved; the locations are then judged by ``_is_outgoing``."""
        if not partner_ids or not product_ids:
            return {}
        self.env["sale.order.line"].flush_model(["order_partner_id", "product_id", "state"])
        self.env["res.partner"].flush_model(["commercial_partner_id"])
        self.env["stock.move"].flush_model(
            [
                "sale_line_id",
                "state",
                "product_uom",
                "location_id",
                "location_dest_id",
                "aftersales_return_line_id",
                "quantity",
            ]
        )
        self.env.cr.execute(
            SQL(
                """
                SELECT line.id, partner.commercial_partner_id, line.product_id, template.uom_id,
                       move.product_uom, move.location_id, move.location_dest_id,
                       move.aftersales_return_line_id IS NOT NULL, SUM(move.quantity)
                  FROM sale_order_line line
                  JOIN res_partner partner ON partner.id = line.order_partner_id
                  JOIN product_product product ON product.id = line.product_id
                  JOIN product_template template ON template.id = product.product_tmpl_id
             LEFT JOIN stock_move move ON move.sale_line_id = line.id AND move.state = 'done'
                 WHERE partner.commercial_partner_id = ANY(%s)
                   AND line.product_id = ANY(%s)
                   AND line.state = 'sale'
              GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
                """,
                list(partner_ids),
                list(product_ids),
            )
        )
        rows = self.env.cr.fetchall()
        # the locations and the inter-company transit one (_is_outgoing) read at once
        Location = self.env["stock.location"].sudo()
        location_ids = {row[index] for row in rows for index in (5, 6) if row[index]}
        inter_company = self.env["ir.model.data"]._xmlid_to_res_id(
            "stock.stock_location_inter_company"
        )
        Location.browse(location_ids | ({inter_company} if inter_company else set())).fetch(
            ["usage", "parent_path"]
        )
        outgoing = {
            location.id: location._is_outgoing() for location in Location.browse(location_ids)
        }
        Uom = self.env["uom.uom"].sudo()
        base = {}
        for line_id, partner_id, product_id, product_uom, uom, source, dest, is_ours, qty in rows:
            delivered = base.get(line_id, (partner_id, product_id, 0.0))[2]
            if qty and uom != product_uom:
                qty = Uom.browse(uom)._compute_quantity(qty, Uom.browse(product_uom))
            if qty and outgoing[dest] and not outgoing[source]:
                delivered += qty
            elif qty and outgoing[source] and not is_ours:
                delivered -= qty
            base[line_id] = (partner_id, product_id, delivered)
        return base

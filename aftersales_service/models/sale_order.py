# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    aftersales_warranty_extra_months = fields.Integer(
        string="Warranty Extension (months)",
        compute="_compute_aftersales_warranty_extra_months",
        store=True,
        readonly=False,
        precompute=True,
        help="Promotion: extra warranty months for the units of this order. Comes from the "
        "pricelist and may be changed on the order.",
    )
    aftersales_warranty_count = fields.Integer(
        string="Warranties", compute="_compute_aftersales_warranty_count"
    )

    @api.depends("pricelist_id")
    def _compute_aftersales_warranty_extra_months(self):
        for order in self:
            order.aftersales_warranty_extra_months = (
                order.pricelist_id.aftersales_warranty_extra_months
            )

    def _compute_aftersales_warranty_count(self):
        groups = (
            self.env["aftersales.warranty"]
            .sudo()
            ._read_group([("sale_order_id", "in", self.ids)], ["sale_order_id"], ["__count"])
        )
        counts = {order.id: count for order, count in groups}
        for order in self:
            order.aftersales_warranty_count = counts.get(order.id, 0)

    def action_view_aftersales_warranties(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_service.aftersales_warranty_action"
        )
        action["domain"] = [("sale_order_id", "=", self.id)]
        return action

    def _prepare_invoice(self):
        vals = super()._prepare_invoice()
        repairs = self.sudo().repair_order_ids.filtered("aftersales_request_id")
        if repairs:
            vals["aftersales_request_id"] = repairs[0].aftersales_request_id.id
            reasons = [r.aftersales_charge_reason for r in repairs if r.aftersales_charge_reason]
            if reasons:
                vals["aftersales_charge_reason"] = " ".join(reasons)
        return vals

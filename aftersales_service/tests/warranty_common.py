# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo import Command

from odoo.addons.base.tests.common import new_test_user

from .common import AftersalesCommon


class WarrantyCommon(AftersalesCommon):
    """A serial-tracked air conditioner with a compressor override, sold and delivered."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.policy = cls.env["aftersales.warranty.policy"].create(
            {
                "name": "AC: compressor 5 years, rest 1 year",
                "months": 12,
                "line_ids": [Command.create({"component": "Compressor", "months": 60})],
            }
        )
        cls.product.product_tmpl_id.aftersales_warranty_policy_id = cls.policy
        cls.other_customer = cls.env["res.partner"].create({"name": "Busan Retail Co."})
        cls.stock_location = (
            cls.env["stock.warehouse"]
            .search([("company_id", "=", cls.env.company.id)], limit=1)
            .lot_stock_id
        )
        # a plain pricelist, so no promotion of other data extends the test warranties
        cls.pricelist = cls.env["product.pricelist"].create({"name": "Standard (test)"})
        cls.portal_user = new_test_user(
            cls.env, login="as_portal", groups="base.group_portal", name="Portal Customer"
        )
        cls.portal_user.partner_id.parent_id = cls.customer

    @classmethod
    def _lots(cls, product, *names):
        return cls.env["stock.lot"].create(
            [{"name": name, "product_id": product.id} for name in names]
        )

    @classmethod
    def _sell(cls, product, qty, partner=None, pricelist=None, **order_vals):
        vals = {
            "partner_id": (partner or cls.customer).id,
            "order_line": [Command.create({"product_id": product.id, "product_uom_qty": qty})],
            **order_vals,
        }
        vals["pricelist_id"] = (pricelist or cls.pricelist).id
        order = cls.env["sale.order"].create(vals)
        order.action_confirm()
        return order

    @classmethod
    def _deliver(cls, order, lots=None, when="2024-03-01 10:00:00"):
        picking = order.picking_ids.filtered(lambda p: p.state not in ("done", "cancel"))
        with freeze_time(when):
            for move in picking.move_ids:
                if lots:
                    for lot in lots:
                        cls.env["stock.quant"]._update_available_quantity(
                            move.product_id, cls.stock_location, 1, lot_id=lot
                        )
                else:
                    cls.env["stock.quant"]._update_available_quantity(
                        move.product_id, cls.stock_location, move.product_uom_qty
                    )
            picking.action_assign()
            picking.move_ids.picked = True
            picking.button_validate()
        return picking

    @classmethod
    def _sell_and_deliver(cls, lots, when="2024-03-01 10:00:00", **kwargs):
        order = cls._sell(lots.product_id, len(lots), **kwargs)
        cls._deliver(order, lots, when=when)
        return order

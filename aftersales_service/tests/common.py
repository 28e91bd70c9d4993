# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command

from odoo.addons.base.tests.common import BaseCommon, new_test_user


class AftersalesCommon(BaseCommon):
    """Users per role and a customer, shared by the add-ons' tests."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create({"name": "Hangzhou Cooling Ltd."})
        cls.manager = new_test_user(
            cls.env, login="as_manager", groups="aftersales_service.group_aftersales_manager"
        )
        cls.agent = new_test_user(
            cls.env, login="as_agent", groups="aftersales_service.group_aftersales_user"
        )
        cls.tech_user = new_test_user(
            cls.env, login="as_tech", groups="aftersales_service.group_aftersales_technician"
        )
        cls.technician = cls.env["hr.employee"].create(
            {"name": "Kim Min-jun", "user_id": cls.tech_user.id}
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Air Conditioner AC-300", "is_storable": True, "tracking": "serial"}
        )
        # Service requests: the shared technician is certified for the product's category.
        cls.technician.is_technician = True
        cls.certification = cls.env["aftersales.technician.certification"].create(
            {
                "employee_id": cls.technician.id,
                "product_category_id": cls.product.categ_id.id,
                "date_expiry": "2099-12-31",
            }
        )

    @classmethod
    def _sell_and_deliver(cls, product_name, quantity, **product_vals):
        """A consumable sold to the customer at 100 and delivered: sets goods, order, line.

        With ``is_storable`` in ``product_vals`` the goods are stocked first, so their quants
        tell where they are."""
        cls.goods = cls.env["product.product"].create(
            {"name": product_name, "type": "consu", "list_price": 100.0, **product_vals}
        )
        if cls.goods.is_storable:
            warehouse = cls.env["stock.warehouse"].search(
                [("company_id", "=", cls.env.company.id)], limit=1
            )
            cls.env["stock.quant"]._update_available_quantity(
                cls.goods, warehouse.lot_stock_id, quantity
            )
        cls.sale_order = cls.env["sale.order"].create(
            {
                "partner_id": cls.customer.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": cls.goods.id,
                            "product_uom_qty": quantity,
                            "price_unit": 100.0,
                        }
                    )
                ],
            }
        )
        cls.sale_order.action_confirm()
        cls.sale_order.picking_ids.button_validate()
        cls.sale_line = cls.sale_order.order_line

# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from odoo.addons.aftersales_service.tests.common import AftersalesCommon


class PartsCommon(AftersalesCommon):
    """A company of its own with an after-sales parts warehouse, and helpers to stock
    and consume parts in it (so that no demo stock or consumption interferes)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.company"].create({"name": "Busan Climate Service Co."})
        cls.env.user.company_ids |= cls.company
        cls.env = cls.env(context=dict(cls.env.context, allowed_company_ids=[cls.company.id]))
        cls.company = cls.company.with_env(cls.env)
        cls.company.action_aftersales_create_parts_warehouse()
        cls.warehouse = cls.company.aftersales_parts_warehouse_id
        cls.stock_location = cls.warehouse.lot_stock_id
        cls.customer_location = cls.env.ref("stock.stock_location_customers")
        cls.vendor = cls.env["res.partner"].create({"name": "Ningbo Motor Works"})

    @classmethod
    def _part(cls, name, cost, **vals):
        product = cls.env["product.product"].create(
            {
                "name": name,
                "is_storable": True,
                "aftersales_is_spare_part": True,
                "company_id": cls.company.id,
                **vals,
            }
        )
        product.with_company(cls.company).standard_price = cost
        return product

    @classmethod
    def _stock(cls, product, qty, lot=None, in_date=None, location=None):
        cls.env["stock.quant"]._update_available_quantity(
            product, location or cls.stock_location, qty, lot_id=lot, in_date=in_date
        )

    @classmethod
    def _consume(cls, product, qty, date=None):
        """Issue ``qty`` of ``product`` from the parts stock to a customer (done move)."""
        cls._stock(product, qty)
        move = cls.env["stock.move"].create(
            {
                "name": product.name,
                "product_id": product.id,
                "product_uom_qty": qty,
                "product_uom": product.uom_id.id,
                "location_id": cls.stock_location.id,
                "location_dest_id": cls.customer_location.id,
                "company_id": cls.company.id,
            }
        )
        move._action_confirm()
        move._action_assign()
        move.picked = True
        move._action_done()
        if date:
            move.date = datetime.combine(date, datetime.min.time().replace(hour=10))
        return move

# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from odoo.fields import Command
from odoo.tests import Form, tagged

from odoo.addons.base.tests.common import new_test_user

from .common import PartsCommon


@tagged("post_install", "-at_install")
class TestPartsWarehouse(PartsCommon):
    def test_parts_warehouse_has_after_sales_locations_with_fifo(self):
        """The set-up creates the warehouse with loaner, repair, quarantine and van
        locations, all issuing first-in first-out."""
        fifo = self.env.ref("stock.removal_fifo")
        customer_goods = self.env["stock.location"].search(
            [("aftersales_is_customer_goods", "=", True), ("warehouse_id", "=", self.warehouse.id)]
        )
        self.assertEqual(customer_goods.name, "Customer Goods Under Repair")
        locations = (
            self.stock_location
            | self.company.aftersales_loaner_location_id
            | customer_goods
            | self.company.aftersales_quarantine_location_id
            | self.company.aftersales_van_location_id
        )
        self.assertEqual(len(locations), 5)
        self.assertEqual(locations.removal_strategy_id, fifo)
        self.assertEqual(set(locations.mapped("usage")), {"internal"})
        self.assertEqual(locations.warehouse_id, self.warehouse)

    def test_setup_twice_keeps_one_parts_warehouse(self):
        """Creating the parts warehouse again leaves the configured one in place."""
        self.company.action_aftersales_create_parts_warehouse()
        self.assertEqual(self.company.aftersales_parts_warehouse_id, self.warehouse)

    def _request(self):
        return self.env["aftersales.request"].create(
            {
                "partner_id": self.customer.id,
                "product_id": self.product.id,
                "company_id": self.company.id,
            }
        )

    def test_repair_draws_parts_from_parts_warehouse_by_default(self):
        """A repair opened from a service request takes the parts warehouse's repair
        operation, created by code or in the form."""
        repair = self._request()._create_repairs("workshop")
        self.assertEqual(repair.picking_type_id, self.warehouse.repair_type_id)
        self.assertEqual(repair.location_id, self.stock_location)
        request = self._request()
        form = Form(self.env["repair.order"].with_context(default_aftersales_request_id=request.id))
        self.assertEqual(form.picking_type_id, self.warehouse.repair_type_id)

    def test_plain_repair_keeps_the_company_warehouse(self):
        """A repair without a service request takes Odoo's default warehouse, not ours."""
        main = self.env["stock.warehouse"].search([("company_id", "=", self.company.id)], limit=1)
        self.assertNotEqual(main, self.warehouse)
        repair = self.env["repair.order"].create({"partner_id": self.customer.id})
        self.assertEqual(repair.picking_type_id, main.repair_type_id)
        self.assertEqual(Form(self.env["repair.order"]).picking_type_id, main.repair_type_id)

    def test_users_own_default_warehouse_wins_for_service_repairs(self):
        """A user who chose a default warehouse repairs from it, also for service requests;
        installing the add-on changed no user's or company's default warehouse."""
        main = self.env["stock.warehouse"].search([("company_id", "=", self.company.id)], limit=1)
        keeper = new_test_user(
            self.env,
            login="as_parts_keeper",
            groups="stock.group_stock_user,aftersales_service.group_aftersales_user",
            company_id=self.company.id,
            company_ids=[Command.set(self.company.ids)],
        )
        self.assertFalse(keeper.property_warehouse_id)
        keeper.property_warehouse_id = main
        request = self._request().with_user(keeper)
        repair = request._create_repairs("workshop")
        self.assertEqual(repair.picking_type_id, main.repair_type_id)
        users = self.env["res.users"].search([("share", "=", False)])
        self.assertFalse(
            (users - keeper).filtered(
                lambda u: u.with_company(self.company).property_warehouse_id == self.warehouse
            )
        )

    def test_fifo_picks_oldest_lot_for_repair_part(self):
        """A repair part is reserved from the lot received first, not the newest one."""
        part = self._part("Compressor Board CB-30", 180.0, tracking="lot")
        old_lot, new_lot = self.env["stock.lot"].create(
            [
                {"name": "CB-NEW", "product_id": part.id, "company_id": self.company.id},
                {"name": "CB-OLD", "product_id": part.id, "company_id": self.company.id},
            ]
        )[::-1]
        self._stock(part, 1, lot=new_lot, in_date=datetime(2026, 6, 1))
        self._stock(part, 1, lot=old_lot, in_date=datetime(2026, 1, 5))
        repair = self.env["repair.order"].create(
            {
                "partner_id": self.customer.id,
                "move_ids": [
                    Command.create(
                        {"product_id": part.id, "product_uom_qty": 1, "repair_line_type": "add"}
                    )
                ],
                "picking_type_id": self.warehouse.repair_type_id.id,
            }
        )
        repair.action_validate()
        repair.action_assign()
        self.assertEqual(repair.move_ids.move_line_ids.lot_id, old_lot)

    def test_van_stock_created_for_technician(self):
        """A technician's van stock is a sub-location of the vans location."""
        technician = self.env["hr.employee"].create(
            {"name": "Lee Seo-yeon", "company_id": self.company.id}
        )
        technician.action_aftersales_create_van()
        van = technician.aftersales_van_location_id
        self.assertEqual(van.location_id, self.company.aftersales_van_location_id)
        self.assertEqual(van.warehouse_id, self.warehouse)

    def test_van_is_replenished_by_internal_transfer(self):
        """A reordering rule on a van with the van route asks the parts stock for an
        internal transfer to the van."""
        part = self._part("Capacitor 35uF", 3.0)
        self._stock(part, 20)
        technician = self.env["hr.employee"].create(
            {"name": "Jung Hae-in", "company_id": self.company.id}
        )
        technician.action_aftersales_create_van()
        van = technician.aftersales_van_location_id
        orderpoint = self.env["stock.warehouse.orderpoint"].create(
            {
                "product_id": part.id,
                "warehouse_id": self.warehouse.id,
                "location_id": van.id,
                "route_id": self.company.aftersales_van_route_id.id,
                "product_min_qty": 2,
                "product_max_qty": 5,
                "company_id": self.company.id,
            }
        )
        orderpoint.action_replenish()
        move = self.env["stock.move"].search(
            [("product_id", "=", part.id), ("state", "!=", "done")]
        )
        self.assertEqual(move.picking_type_id, self.warehouse.int_type_id)
        self.assertEqual(move.location_id, self.stock_location)
        self.assertEqual(move.product_uom_qty, 5)
        self.assertEqual(move.location_final_id or move.location_dest_id, van)

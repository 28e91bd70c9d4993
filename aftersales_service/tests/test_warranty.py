# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from odoo.addons.base.tests.common import new_test_user

from .warranty_common import WarrantyCommon


@tagged("post_install", "-at_install")
class TestWarranty(WarrantyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lots = cls._lots(cls.product, "AC-0001", "AC-0002")
        cls.order = cls._sell_and_deliver(cls.lots)
        cls.warranties = cls.env["aftersales.warranty"].search(
            [("sale_order_id", "=", cls.order.id)]
        )
        cls.warranty = cls.warranties.filtered(lambda w: w.lot_id == cls.lots[0])

    def test_the_serial_shows_its_running_warranty_then_the_latest(self):
        """Of several warranties of one serial, the serial shows a running one before an
        expired one before a void one; among equals the one covering longest."""
        lot = self.lots[0]
        self.assertEqual(lot.aftersales_warranty_id, self.warranty)
        manual = {"origin": "manual", "sale_line_id": False, "picking_id": False}
        extra = self.warranty.copy({**manual, "date_start": date(2019, 1, 1), "months": 12})
        extra._refresh_expiry()
        self.assertEqual(extra.state, "expired")
        lot.invalidate_recordset()
        self.assertEqual(lot.aftersales_warranty_id, self.warranty)
        self.assertEqual(lot.aftersales_warranty_count, 2)
        self.warranty.action_void("Returned and refunded")
        lot.invalidate_recordset()
        self.assertEqual(lot.aftersales_warranty_id, extra)
        longer = self.warranty.copy({**manual, "date_start": date(2024, 3, 1), "months": 120})
        self.assertEqual(longer.state, "active")
        lot.invalidate_recordset()
        self.assertEqual(lot.aftersales_warranty_id, longer)
        self.assertEqual((extra | self.warranty | longer)._aftersales_best(), longer)
        self.assertFalse(self.env["aftersales.warranty"]._aftersales_best())

    def test_delivery_creates_one_warranty_per_serial_with_component_dates(self):
        """Validating the delivery gives each serial a warranty: 12 months, compressor 60."""
        self.assertEqual(len(self.warranties), 2)
        self.assertEqual(self.warranties.lot_id, self.lots)
        warranty = self.warranty
        self.assertEqual(warranty.partner_id, self.customer)
        self.assertEqual(warranty.sale_line_id, self.order.order_line)
        self.assertEqual(warranty.state, "active")
        self.assertEqual(warranty.date_start, date(2024, 3, 1))
        self.assertEqual(warranty.date_end, date(2025, 2, 28))
        self.assertEqual(warranty.line_ids.component, "Compressor")
        self.assertEqual(warranty.line_ids.date_end, date(2029, 2, 28))
        self.assertEqual(warranty.date_end_max, date(2029, 2, 28))

    def test_warehouse_user_without_sales_rights_starts_the_warranty(self):
        """A warehouse keeper without sales or after-sales rights validates the delivery."""
        keeper = new_test_user(self.env, login="as_keeper", groups="stock.group_stock_user")
        lots = self._lots(self.product, "AC-0701")
        order = self._sell(self.product, 1)
        picking = order.picking_ids
        self.env["stock.quant"]._update_available_quantity(
            self.product, self.stock_location, 1, lot_id=lots
        )
        picking.action_assign()
        picking.move_ids.picked = True
        picking.with_user(keeper).button_validate()
        self.assertEqual(picking.state, "done")
        self.assertEqual(lots.aftersales_warranty_ids.sale_order_id, order)

    def test_smart_buttons_count_warranties(self):
        """Sale order, customer, serial and product show how many warranties they have."""
        self.assertEqual(self.order.aftersales_warranty_count, 2)
        self.assertEqual(self.customer.aftersales_warranty_count, 2)
        self.assertEqual(self.lots[0].aftersales_warranty_count, 1)
        self.assertEqual(self.lots[0].aftersales_warranty_state, "active")
        self.assertEqual(self.product.product_tmpl_id.aftersales_warranty_count, 2)
        action = self.lots[0].action_view_aftersales_warranties()
        self.assertEqual(self.env["aftersales.warranty"].search(action["domain"]), self.warranty)

    def test_search_by_serial_number(self):
        """After-sales finds a warranty by typing part of the serial number."""
        found = self.env["aftersales.warranty"].search([("lot_id.name", "ilike", "AC-0002")])
        self.assertEqual(found.lot_id, self.lots[1])
        self.assertIn(
            self.warranty,
            self.env["aftersales.warranty"].search([("display_name", "ilike", "AC-0001")]),
        )

    def test_confirmed_order_without_delivery_creates_nothing(self):
        """Confirming an order is not a delivery: no warranty yet."""
        lots = self._lots(self.product, "AC-0101")
        order = self._sell(self.product, 1)
        self.assertEqual(order.state, "sale")
        self.assertFalse(self.env["aftersales.warranty"].search([("sale_order_id", "=", order.id)]))
        self.assertEqual(lots.aftersales_warranty_state, "none")

    def test_untracked_product_inherits_category_policy(self):
        """A product without a policy of its own takes its category's; untracked -> per line."""
        category = self.env["product.category"].create(
            {"name": "Remote controls", "aftersales_warranty_policy_id": self.policy.id}
        )
        remote = self.env["product.product"].create(
            {"name": "Remote RC-1", "is_storable": True, "categ_id": category.id}
        )
        order = self._sell(remote, 3)
        self._deliver(order)
        warranty = self.env["aftersales.warranty"].search([("sale_order_id", "=", order.id)])
        self.assertEqual(len(warranty), 1)
        self.assertEqual(warranty.quantity, 3)
        self.assertFalse(warranty.lot_id)
        self.assertEqual(warranty.policy_id, self.policy)

    def test_product_without_policy_gets_no_warranty(self):
        """Products without any policy are delivered without a warranty."""
        cable = self.env["product.product"].create({"name": "Cable", "is_storable": True})
        order = self._sell(cable, 1)
        self._deliver(order)
        self.assertFalse(self.env["aftersales.warranty"].search([("sale_order_id", "=", order.id)]))

    def test_pricelist_promotion_extends_the_warranty(self):
        """A promotion pricelist adds months to every component; the extension is visible."""
        promo = self.env["product.pricelist"].create(
            {"name": "Spring promotion", "aftersales_warranty_extra_months": 6}
        )
        lots = self._lots(self.product, "AC-0201")
        order = self._sell_and_deliver(lots, pricelist=promo)
        self.assertEqual(order.aftersales_warranty_extra_months, 6)
        warranty = lots.aftersales_warranty_ids
        self.assertEqual(warranty.extension_ids.source, "pricelist")
        self.assertEqual(warranty.extension_ids.pricelist_id, promo)
        self.assertEqual(warranty.extension_months, 6)
        self.assertEqual(warranty.date_end, date(2025, 8, 31))
        self.assertEqual(warranty.line_ids.date_end, date(2029, 8, 31))

    def test_order_promotion_overrides_pricelist(self):
        """Extra months typed on the order are recorded as an order promotion."""
        lots = self._lots(self.product, "AC-0202")
        self._sell_and_deliver(lots, aftersales_warranty_extra_months=12)
        extension = lots.aftersales_warranty_ids.extension_ids
        self.assertEqual(extension.source, "sale_order")
        self.assertEqual(lots.aftersales_warranty_ids.date_end, date(2026, 2, 28))

    def test_manual_extension_with_reason(self):
        """An agent extends a warranty through the wizard; the reason and author are kept."""
        wizard = (
            self.env["aftersales.warranty.extend.wizard"]
            .with_user(self.agent)
            .create(
                {"warranty_ids": [(6, 0, self.warranty.ids)], "months": 3, "reason": "Goodwill"}
            )
        )
        wizard.action_confirm()
        extension = self.warranty.extension_ids
        self.assertEqual(
            (extension.months, extension.reason, extension.source), (3, "Goodwill", "manual")
        )
        self.assertEqual(extension.user_id, self.agent)
        self.assertEqual(self.warranty.date_end, date(2025, 5, 31))

    def test_coverage_on_last_covered_day_and_day_after(self):
        """Covered on 2025-02-28, not on 2025-03-01; the compressor still is until 2029."""
        Warranty = self.env["aftersales.warranty"].with_user(self.agent)
        lot = self.lots[0]
        last = Warranty._get_coverage(self.product, lot=lot, date=date(2025, 2, 28))
        self.assertEqual(last["status"], "covered")
        self.assertEqual(last["warranty"], self.warranty)
        self.assertEqual(last["date_end"], date(2025, 2, 28))
        self.assertIn("2025-02-28", last["reason"])
        after = Warranty._get_coverage(self.product, lot=lot, date=date(2025, 3, 1))
        self.assertEqual(after["status"], "not_covered")
        self.assertIn("1 days ago", after["reason"])
        compressor = Warranty._get_coverage(
            self.product, lot=lot, component="compressor", date=date(2029, 2, 28)
        )
        self.assertEqual(compressor["status"], "covered")
        self.assertEqual(compressor["reason"], "Compressor covered until 2029-02-28")
        late = Warranty._get_coverage(
            self.product, lot=lot, component="Compressor", date=date(2029, 3, 12)
        )
        self.assertEqual(late["status"], "not_covered")
        self.assertIn("expired 12 days ago", late["reason"])
        self.assertFalse(late["contract"])

    def test_coverage_without_serial_uses_customer_and_product(self):
        """Without a serial the customer's warranty on the product answers."""
        answer = self.env["aftersales.warranty"]._get_coverage(
            self.product, partner=self.customer, date=date(2024, 6, 1)
        )
        self.assertEqual(answer["status"], "covered")
        nothing = self.env["aftersales.warranty"]._get_coverage(
            self.product, partner=self.other_customer, date=date(2024, 6, 1)
        )
        self.assertEqual(nothing["status"], "not_covered")
        self.assertFalse(nothing["warranty"])

    def test_void_with_reason_answers_void(self):
        """A voided warranty answers 'void' with its reason, whatever the date."""
        lots = self._lots(self.product, "AC-0301")
        self._sell_and_deliver(lots)
        warranty = lots.aftersales_warranty_ids
        with self.assertRaisesRegex(UserError, "Only after-sales users"):
            warranty.with_user(self.tech_user).action_void("customer damage")
        with self.assertRaisesRegex(UserError, "Give the reason"):
            warranty.with_user(self.agent).action_void(" ")
        self.env["aftersales.warranty.void.wizard"].with_user(self.agent).create(
            {"warranty_ids": [(6, 0, warranty.ids)], "reason": "customer damage"}
        ).action_confirm()
        self.assertEqual(warranty.state, "void")
        answer = self.env["aftersales.warranty"]._get_coverage(
            self.product, lot=lots, date=date(2024, 6, 1)
        )
        self.assertEqual(answer["status"], "void")
        self.assertEqual(answer["reason"], "Void: customer damage")
        self.assertEqual(lots.aftersales_warranty_state, "void")

    def test_state_cannot_be_written_directly(self):
        """Writing the state over RPC is refused; the buttons are the only way."""
        with self.assertRaisesRegex(UserError, "only through its buttons"):
            self.warranty.with_user(self.agent).write({"state": "void"})
        self.assertEqual(self.warranty.state, "active")

    def test_technician_reads_but_cannot_edit(self):
        """Technicians check coverage but cannot change a warranty."""
        self.assertTrue(self.warranty.with_user(self.tech_user).date_end)
        with self.assertRaises(AccessError):
            self.warranty.with_user(self.tech_user).write({"note": "x"})

    def test_cron_expires_past_warranties(self):
        """The daily job expires warranties whose last covered day is past, not the others."""
        with freeze_time("2029-03-01"):
            expired = self.env["aftersales.warranty"]._cron_expire()
        self.assertIn(self.warranty, expired)
        self.assertEqual(self.warranty.state, "expired")
        lots = self._lots(self.product, "AC-0401")
        self._sell_and_deliver(lots, when="2029-01-01 10:00:00")
        with freeze_time("2029-03-02"):
            self.env["aftersales.warranty"]._cron_expire()
        self.assertEqual(lots.aftersales_warranty_ids.state, "active")

    def test_installation_basis_waits_for_acceptance(self):
        """A policy starting at installation leaves the warranty pending until accepted."""
        chiller = self.env["product.product"].create(
            {"name": "Chiller CH-50", "is_storable": True, "tracking": "serial"}
        )
        chiller.product_tmpl_id.aftersales_warranty_policy_id = self.env[
            "aftersales.warranty.policy"
        ].create({"name": "Chillers", "months": 24, "basis": "installation"})
        lots = self._lots(chiller, "CH-0001")
        self._sell_and_deliver(lots)
        warranty = lots.aftersales_warranty_ids
        self.assertEqual(warranty.state, "pending")
        self.assertFalse(warranty.date_start)
        self.assertEqual(warranty.date_delivered, date(2024, 3, 1))
        with freeze_time("2024-04-10"):
            warranty.with_user(self.agent).action_accept_installation()
        self.assertEqual(warranty.state, "active")
        self.assertEqual(warranty.date_end, date(2026, 4, 9))

    def test_repair_warranty_uses_company_setting(self):
        """Work done by a repair is covered for the company's repair-warranty days."""
        self.env.company.aftersales_repair_warranty_days = 90
        warranty = self.env["aftersales.warranty"]._create_repair_warranties(
            [
                {
                    "partner_id": self.customer.id,
                    "product_id": self.product.id,
                    "lot_id": self.lots[1].id,
                    "date_start": date(2026, 1, 1),
                    "origin_ref": "RO/0001",
                }
            ]
        )
        self.assertEqual((warranty.origin, warranty.days), ("repair", 90))
        self.assertEqual(warranty.date_end, date(2026, 3, 31))
        answer = self.env["aftersales.warranty"]._get_coverage(
            self.product, lot=self.lots[1], date=date(2026, 3, 31)
        )
        self.assertEqual(answer["warranty"], warranty)
        self.assertEqual(answer["status"], "covered")

    def test_backfill_is_idempotent(self):
        """Backfill rebuilds warranties of past deliveries once; a second run creates none."""
        lots = self._lots(self.product, "AC-0501", "AC-0502", "AC-0503")
        order = self._sell_and_deliver(lots)
        self.env["aftersales.warranty"].search([("sale_order_id", "=", order.id)]).unlink()
        self.assertFalse(lots.aftersales_warranty_ids)
        created = self.env["aftersales.warranty"]._backfill(batch_size=1)
        self.assertEqual(created.lot_id, lots)
        self.assertEqual(created.mapped("date_start"), [date(2024, 3, 1)] * 3)
        again = self.env["aftersales.warranty"]._backfill(batch_size=2)
        self.assertFalse(again)
        self.assertEqual(len(lots.aftersales_warranty_ids), 3)

    def test_creation_queries_do_not_grow_with_serials(self):
        """Warranties are created in batch: 12 serials cost no more queries than 2."""
        counts = []
        for names in (["AC-Q01", "AC-Q02"], [f"AC-R{i:02d}" for i in range(12)]):
            lots = self._lots(self.product, *names)
            order = self._sell_and_deliver(lots)
            lots.aftersales_warranty_ids.unlink()
            moves = order.picking_ids.move_ids
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            created = self.env["aftersales.warranty"]._create_from_moves(moves)
            self.env.flush_all()
            counts.append(self.cr.sql_log_count - before)
            self.assertEqual(len(created), len(names))
        self.assertLessEqual(counts[1], counts[0] + 2, counts)

    def test_backfill_wizard_reports_count(self):
        """The manager's wizard runs the backfill and says how many it built."""
        self.warranties.unlink()
        wizard = self.env["aftersales.warranty.backfill.wizard"].with_user(self.manager).create({})
        wizard.action_run()
        self.assertEqual(wizard.created_count, 2)

    def test_portal_user_sees_only_own_warranties(self):
        """A portal contact of the customer reads its warranties, not another customer's."""
        lots = self._lots(self.product, "AC-0601")
        self._sell_and_deliver(lots, partner=self.other_customer)
        foreign = lots.aftersales_warranty_ids
        visible = self.env["aftersales.warranty"].with_user(self.portal_user).search([])
        self.assertEqual(visible, self.warranties)
        with self.assertRaises(AccessError):
            foreign.with_user(self.portal_user).read(["date_end"])
        with self.assertRaises(AccessError):
            self.warranty.with_user(self.portal_user).write({"note": "mine"})


@tagged("post_install", "-at_install")
class TestWarrantyPortalPages(HttpCase, WarrantyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._sell_and_deliver(cls._lots(cls.product, "AC-P001"))
        cls._sell_and_deliver(cls._lots(cls.product, "AC-P999"), partner=cls.other_customer)
        lot = cls._lots(cls.product, "AC-P002")
        cls.contract = cls.env["aftersales.contract"].create(
            {
                "partner_id": cls.customer.id,
                "date_start": date(2026, 1, 1),
                "date_end": date(2026, 12, 31),
                "lot_ids": [(6, 0, lot.ids)],
            }
        )
        cls.foreign_contract = cls.env["aftersales.contract"].create(
            {
                "partner_id": cls.other_customer.id,
                "date_start": date(2026, 1, 1),
                "date_end": date(2026, 12, 31),
                "lot_ids": [(6, 0, lot.ids)],
            }
        )

    def test_my_warranties_page_lists_own_serials_only(self):
        """/my/warranties shows the customer's serials and never another customer's."""
        self.authenticate("as_portal", "as_portal")
        response = self.url_open("/my/warranties")
        self.assertEqual(response.status_code, 200)
        self.assertIn("AC-P001", response.text)
        self.assertIn("Compressor", response.text)
        self.assertNotIn("AC-P999", response.text)

    def test_my_contracts_page_lists_own_contracts_only(self):
        """/my/contracts shows the customer's contracts and never another customer's."""
        self.authenticate("as_portal", "as_portal")
        response = self.url_open("/my/contracts")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.contract.name, response.text)
        self.assertNotIn(self.foreign_contract.name, response.text)

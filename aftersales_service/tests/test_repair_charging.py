# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .repair_common import SIGNATURE_PNG, AftersalesRepairCommon


@tagged("post_install", "-at_install")
class TestRepairCharging(AftersalesRepairCommon):
    def test_in_warranty_repair_posts_no_invoice_but_keeps_parts_cost(self):
        """An in-warranty repair is free: no quotation, no invoice, parts cost still traced."""
        request, repair = self._make_repair(self._coverage("covered"))
        self.assertEqual(repair.aftersales_charge_category, "C")
        self.assertTrue(repair.under_warranty)
        self.assertEqual(repair.aftersales_quote_state, "not_needed")
        with self.assertRaises(UserError):
            repair.action_create_sale_order()
        self._finish(repair, hours=1.5)
        self.assertFalse(repair.sale_order_id)
        self.assertFalse(request.invoice_ids)
        self.assertEqual(request.invoice_payment_state, "none")
        self.assertAlmostEqual(repair.aftersales_parts_cost, 30.0)
        self.assertAlmostEqual(request.repair_parts_cost, 30.0)

    def test_customer_damage_in_warranty_is_invoiced_with_reason(self):
        """Customer damage in warranty is paid; the invoice states why."""
        request, repair = self._make_repair(self._coverage("covered"))
        repair.write(
            {
                "aftersales_damage_reason": "customer_damage",
                "aftersales_damage_note": "Casing cracked by a fall.",
            }
        )
        self.assertEqual(repair.aftersales_charge_category, "A")
        self.assertFalse(repair.under_warranty)
        repair.action_create_sale_order()
        # the customer signs the quote on the repair: it is accepted
        repair.write({"aftersales_signature": SIGNATURE_PNG, "aftersales_signed_by": "Li Wei"})
        self.assertEqual(repair.aftersales_quote_state, "accepted")
        self._finish(repair, hours=1.0)
        invoice = request.invoice_ids
        self.assertEqual(len(invoice), 1)
        self.assertIn("Customer damage", invoice.aftersales_charge_reason)
        self.assertIn("Casing cracked by a fall.", invoice.aftersales_charge_reason)
        part_line = invoice.invoice_line_ids.filtered(lambda line: line.product_id == self.part)
        self.assertAlmostEqual(part_line.price_unit, 50.0)

    def test_paid_repair_cannot_start_before_quote_is_accepted(self):
        """Starting paid work without an accepted quotation is refused, by button or write."""
        _request, repair = self._make_repair()
        self.assertEqual(repair.aftersales_quote_state, "to_quote")
        with self.assertRaises(UserError):
            repair.action_repair_start()
        repair.action_create_sale_order()
        self.assertEqual(repair.aftersales_quote_state, "sent")
        with self.assertRaises(UserError):
            repair.write({"state": "under_repair"})

    def test_out_of_warranty_quote_accepted_then_invoiced_and_linked_both_ways(self):
        """Out of warranty: quote -> accepted -> invoice with labour and parts, linked both ways."""
        request, repair = self._make_repair()
        self.assertEqual(repair.aftersales_charge_category, "A")
        self.assertEqual(repair.aftersales_tariff_id, self.tariff)
        repair.action_create_sale_order()
        order = repair.sale_order_id
        labour = order.order_line.filtered(
            lambda line: line.product_id == repair._aftersales_labour_product()
        )
        self.assertAlmostEqual(labour.price_unit, 200.0)
        self.assertAlmostEqual(labour.product_uom_qty, 2.0)
        # accepted by the customer (portal signature confirms the quotation)
        order.action_confirm()
        self._finish(repair, hours=2.5)
        invoice = request.invoice_ids
        self.assertEqual(len(invoice), 1)
        self.assertEqual(invoice.aftersales_request_id, request)
        lines = invoice.invoice_line_ids
        self.assertEqual(lines.aftersales_request_id, request)
        self.assertEqual(lines.aftersales_repair_id, repair)
        labour_line = lines.filtered(lambda line: line.product_id == labour.product_id)
        self.assertAlmostEqual(labour_line.quantity, 2.5)
        self.assertAlmostEqual(labour_line.price_unit, 200.0)
        self.assertIn(repair.name, labour_line.name)
        part_line = lines.filtered(lambda line: line.product_id == self.part)
        self.assertAlmostEqual(part_line.price_unit, 50.0)
        self.assertAlmostEqual(invoice.amount_untaxed, 2.5 * 200.0 + 50.0)
        self.assertEqual(repair.aftersales_invoice_ids, invoice)
        self.assertEqual(invoice.action_aftersales_view_request()["res_id"], request.id)
        # the accountant reaches the request from the invoice
        as_accountant = invoice.with_user(self.accountant)
        self.assertEqual(as_accountant.aftersales_request_id.name, request.name)
        self.assertEqual(request.invoice_count, 1)
        invoice.action_post()
        self.assertEqual(request.invoice_payment_state, "not_paid")

    def test_contract_covering_labour_but_not_parts_charges_only_parts(self):
        """A contract that includes labour but not parts: labour at 0, parts at their price."""
        _request, repair = self._make_repair(self._coverage(contract=(True, False)))
        self.assertEqual(repair.aftersales_charge_category, "B")
        self.assertFalse(repair.aftersales_charge_labour)
        self.assertTrue(repair.aftersales_charge_parts)
        repair.action_create_sale_order()
        order = repair.sale_order_id
        order.action_confirm()
        self._finish(repair, hours=3.0)
        invoice = order.invoice_ids
        self.assertEqual(len(invoice), 1)
        labour_line = invoice.invoice_line_ids.filtered(
            lambda line: line.product_id == repair._aftersales_labour_product()
        )
        self.assertAlmostEqual(labour_line.price_subtotal, 0.0)
        self.assertAlmostEqual(invoice.amount_untaxed, 50.0)

    def test_charging_precedence_warranty_contract_void(self):
        """The warranty wins over a contract; a contract with labour and parts is free
        category B; a void warranty, and no coverage at all, make a paid repair."""
        _request, covered = self._make_repair(self._coverage("covered", contract=(False, False)))
        self.assertEqual(covered.aftersales_charge_category, "C")
        self.assertIn("In warranty", covered.aftersales_charge_reason)
        lot = self.env["stock.lot"].create({"name": "AC300-0002", "product_id": self.product.id})
        _request, contract = self._make_repair(self._coverage(contract=(True, True)), lot=lot)
        self.assertEqual(contract.aftersales_charge_category, "B")
        self.assertFalse(contract.aftersales_charge_labour or contract.aftersales_charge_parts)
        _request, paid = self._make_repair(
            lot=self.env["stock.lot"].create({"name": "AC300-0003", "product_id": self.product.id})
        )
        self.assertEqual(paid.aftersales_charge_category, "A")
        self.assertIn("Out of warranty", paid.aftersales_charge_reason)
        # what the coverage check records for a unit whose warranty was voided
        paid.aftersales_coverage = "void"
        self.assertEqual(paid.aftersales_charge_category, "A")
        self.assertTrue(paid.aftersales_charge_labour and paid.aftersales_charge_parts)
        self.assertIn("Warranty void", paid.aftersales_charge_reason)

    def test_free_periodic_check_of_a_care_level_charges_no_labour(self):
        """A care level's free periodic check out of warranty: the visit (labour) is free,
        the parts it replaces are paid; customer damage found on it is paid as usual."""
        request, repair = self._make_repair()
        self.assertTrue(repair.aftersales_charge_labour)
        request.is_care_check = True
        self.assertEqual(repair.aftersales_charge_category, "A")
        self.assertFalse(repair.aftersales_charge_labour)
        self.assertTrue(repair.aftersales_charge_parts)
        self.assertIn("Free periodic check", repair.aftersales_charge_reason)
        repair.aftersales_damage_reason = "customer_damage"
        self.assertTrue(repair.aftersales_charge_labour and repair.aftersales_charge_parts)

    def test_running_contract_found_by_warranty_check_decides_the_charge(self):
        """A running contract (labour included, parts not) found by the coverage check."""
        contract = self.env["aftersales.contract"].create(
            {
                "partner_id": self.customer.id,
                "date_start": "2020-01-01",
                "date_end": "2099-12-31",
                "product_ids": [Command.link(self.product.id)],
                "includes_labour": True,
                "includes_parts": False,
            }
        )
        contract.action_activate()
        request = self.env["aftersales.request"].create(
            {"partner_id": self.customer.id, "product_id": self.product.id, "lot_id": self.lot.id}
        )
        repair = request._create_repairs("workshop")
        self.assertEqual(repair.aftersales_coverage, "not_covered")
        self.assertTrue(repair.aftersales_has_contract)
        self.assertEqual(repair.aftersales_charge_category, "B")
        self.assertFalse(repair.aftersales_charge_labour)
        self.assertTrue(repair.aftersales_charge_parts)

    def test_repeat_fault_within_repair_warranty_is_free_and_flagged(self):
        """The same serial with the same fault within the repair warranty is re-done free."""
        self.env.company.aftersales_repair_warranty_days = 90
        with freeze_time("2026-01-10 10:00:00"):
            _request, first = self._make_repair(self._coverage("covered"), fault="E4 overheat")
            self._finish(first)
        with freeze_time("2026-03-01 10:00:00"):
            _request, repeat = self._make_repair(fault="e4 overheat ")
            _request, other = self._make_repair(fault="Noisy fan")
        self.assertTrue(repeat.aftersales_is_repeat)
        self.assertEqual(repeat.aftersales_repeat_of_id, first)
        self.assertEqual(repeat.aftersales_charge_category, "C")
        self.assertEqual(repeat.aftersales_quote_state, "not_needed")
        # a repeat fault is re-done free even when the technician records a chargeable cause
        repeat.aftersales_damage_reason = "misuse"
        self.assertEqual(repeat.aftersales_charge_category, "C")
        self.assertFalse(repeat.aftersales_charge_labour or repeat.aftersales_charge_parts)
        self.assertIn("Repeat fault", repeat.aftersales_charge_reason)
        self.assertFalse(other.aftersales_is_repeat)
        self.assertEqual(other.aftersales_charge_category, "A")
        with freeze_time("2026-05-01 10:00:00"):
            _request, late = self._make_repair(fault="E4 overheat")
        self.assertFalse(late.aftersales_is_repeat)
        self.assertEqual(late.aftersales_charge_category, "A")

    def test_quote_shows_parts_with_reason_and_signature_on_request_accepts_it(self):
        """The quote lists each part with its reason; signing the request accepts the quote."""
        request, repair = self._make_repair()
        repair.move_ids.aftersales_is_original = False
        repair.action_create_sale_order()
        part_line = repair.sale_order_id.order_line.filtered(
            lambda line: line.product_id == self.part
        )
        self.assertIn("Bearing worn out", part_line.name)
        self.assertIn("non-original", part_line.name)
        self.assertEqual(repair.aftersales_quote_state, "sent")
        request.customer_signature = SIGNATURE_PNG
        self.assertEqual(repair.sale_order_id.state, "sale")
        self.assertEqual(repair.aftersales_quote_state, "accepted")
        self.assertEqual(request._aftersales_work_category(), "A")
        repair.action_repair_start()
        self.assertEqual(repair.state, "under_repair")

    def test_damage_recorded_after_quote_reprices_parts(self):
        """Recording customer damage on a quoted in-warranty repair puts the part price back."""
        _request, repair = self._make_repair(self._coverage("covered"))
        repair.aftersales_damage_reason = "misuse"
        repair.action_create_sale_order()
        part_line = repair.sale_order_id.order_line.filtered(
            lambda line: line.product_id == self.part
        )
        self.assertAlmostEqual(part_line.price_unit, 50.0)
        repair.aftersales_damage_reason = False
        self.assertAlmostEqual(part_line.price_unit, 0.0)

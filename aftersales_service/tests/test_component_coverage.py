# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from odoo import Command
from odoo.tests import HttpCase, tagged

from .component_common import ComponentCoverageCommon


@tagged("post_install", "-at_install")
class TestComponentCoverage(ComponentCoverageCommon):
    def test_failed_compressor_after_18_months_is_a_free_repair(self):
        """The agent records a failed compressor on an 18-month-old unit: the request is covered
        by the compressor's 5-year line and the repair is free, without a quote."""
        self.assertEqual(self.warranty.state, "active")
        request = self._request_as_agent("Compressor")
        self.assertEqual(request.warranty_status, "covered")
        self.assertEqual(request.warranty_id, self.warranty)
        self.assertIn("Compressor", request.warranty_reason)
        self.assertIn("2029-02-28", request.warranty_reason)
        self.assertEqual(request._aftersales_work_category(), "C")
        action = request.action_create_workshop_repair()
        repair = self.env["repair.order"].with_user(self.agent).browse(action["res_id"])
        self.assertEqual(repair.aftersales_component, "Compressor")
        self.assertEqual(repair.aftersales_coverage, "covered")
        self.assertEqual(repair.aftersales_charge_category, "C")
        self.assertFalse(repair.aftersales_charge_labour or repair.aftersales_charge_parts)
        self.assertEqual(repair.aftersales_quote_state, "not_needed")
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "aftersales_service.report_service_certificate", repair.ids
        )
        self.assertIn(b"Compressor covered until 2029-02-28", html)

    def test_another_failed_part_is_a_paid_repair_with_a_quote(self):
        """Another part of the same unit falls under the one-year unit warranty: paid, quoted."""
        request = self._request_as_agent("Fan motor")
        self.assertEqual(request.warranty_status, "not_covered")
        self.assertEqual(request.warranty_reason, "Expired 185 days ago (covered until 2025-02-28)")
        action = request.action_create_workshop_repair()
        repair = self.env["repair.order"].with_user(self.agent).browse(action["res_id"])
        self.assertEqual(repair.aftersales_coverage, "not_covered")
        self.assertEqual(repair.aftersales_charge_category, "A")
        self.assertEqual(repair.aftersales_quote_state, "to_quote")

    def test_component_found_by_the_technician_makes_the_repair_free(self):
        """No component on the request; the technician finds the compressor failed on the
        repair: the repair becomes free, and the quote's part price drops to zero."""
        request = self._request_as_agent()
        self.assertEqual(request.warranty_status, "not_covered")
        action = request.action_create_workshop_repair()
        repair = self.env["repair.order"].browse(action["res_id"])
        repair.move_ids = [
            Command.create(
                {"product_id": self.part.id, "product_uom_qty": 1.0, "repair_line_type": "add"}
            )
        ]
        self.assertEqual(repair.aftersales_charge_category, "A")
        repair.with_user(self.agent).aftersales_component = "compressor"
        self.assertEqual(repair.aftersales_coverage, "covered")
        self.assertEqual(repair.aftersales_charge_category, "C")
        # the component set on the request later reaches its open repair too
        request.with_user(self.agent).component = "Fan motor"
        self.assertEqual(repair.aftersales_component, "Fan motor")
        self.assertEqual(repair.aftersales_coverage, "not_covered")

    def test_batch_coverage_follows_each_request_component(self):
        """Requests created in one batch each get the warranty line of their own component."""
        requests = (
            self.env["aftersales.request"]
            .with_user(self.agent)
            .create(
                [
                    {
                        "partner_id": self.customer.id,
                        "lot_id": self.unit.id,
                        "product_id": self.product.id,
                        "date_request": datetime(2025, 9, 1, 10, 0),
                        "component": component,
                    }
                    for component in ("Compressor", "Control board", False)
                ]
            )
        )
        self.assertEqual(
            requests.mapped("warranty_status"), ["covered", "not_covered", "not_covered"]
        )


@tagged("post_install", "-at_install")
class TestComponentCoveragePortal(HttpCase, ComponentCoverageCommon):
    def test_portal_shows_the_component_coverage(self):
        """On the portal the customer reads that the failed compressor is covered, until when."""
        request = self._request_as_agent("Compressor")
        self.authenticate("as_portal", "as_portal")
        page = self.url_open(f"/my/requests/{request.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Compressor covered until 2029-02-28", page.text)

# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .repair_common import SIGNATURE_PNG, AftersalesRepairCommon


@tagged("post_install", "-at_install")
class TestRepairWorkshop(AftersalesRepairCommon):
    def _validate(self, picking):
        picking.move_ids.picked = True
        picking.button_validate()
        self.assertEqual(picking.state, "done")

    def test_request_creates_linked_repair_with_coverage(self):
        """A request creates a repair with serial, customer and warranty; links go both ways."""
        self._register(self._coverage("covered"), self.lot)
        request = self.env["aftersales.request"].create(
            {
                "partner_id": self.customer.id,
                "product_id": self.product.id,
                "lot_id": self.lot.id,
            }
        )
        action = request.action_create_onsite_job()
        repair = self.env["repair.order"].browse(action["res_id"])
        self.assertEqual(repair.aftersales_request_id, request)
        self.assertEqual(repair.partner_id, self.customer)
        self.assertEqual(repair.lot_id, self.lot)
        self.assertEqual(repair.aftersales_service_type, "onsite")
        self.assertTrue(repair.under_warranty)
        self.assertEqual(request.repair_count, 1)
        self.assertEqual(request.action_view_repairs()["res_id"], repair.id)
        self.assertEqual(repair.action_aftersales_view_request()["res_id"], request.id)

    def test_agent_creates_workshop_repair_from_request(self):
        """A service agent turns a request into a workshop repair and receives the unit."""
        request = (
            self.env["aftersales.request"]
            .with_user(self.agent)
            .create({"partner_id": self.customer.id, "product_id": self.product.id})
        )
        action = request.action_create_workshop_repair()
        repair = self.env["repair.order"].with_user(self.agent).browse(action["res_id"])
        self.assertEqual(repair.aftersales_service_type, "workshop")
        self.assertEqual(repair.aftersales_request_id, request)

    def test_unit_cannot_be_returned_before_qc_release(self):
        """The repaired unit goes back only after a QC inspector releases it."""
        _request, repair = self._make_repair(self._coverage("covered"))
        receipt = self.env["stock.picking"].browse(
            repair.action_aftersales_receive_unit()["res_id"]
        )
        self.assertEqual(receipt.aftersales_goods_kind, "receipt")
        self.assertTrue(receipt.location_dest_id.aftersales_is_customer_goods)
        self.assertEqual(receipt.owner_id, self.customer)
        self._validate(receipt)
        self.assertTrue(repair.aftersales_date_in)
        self._finish(repair, hours=1.0)
        with self.assertRaises(UserError):
            repair.action_aftersales_return_unit()
        # a return delivery made by hand cannot be validated either
        return_picking = repair._aftersales_create_unit_picking("return")
        with self.assertRaises(UserError):
            self._validate(return_picking)
        with self.assertRaises(AccessError):
            repair.with_user(self.agent).action_aftersales_qc_release()
        with self.assertRaises(UserError):
            repair.write({"aftersales_qc_user_id": self.qc_user.id})
        repair.with_user(self.qc_user).action_aftersales_qc_release()
        self.assertEqual(repair.aftersales_qc_user_id, self.qc_user)
        self._validate(return_picking)
        self.assertTrue(repair.aftersales_date_out)

    def test_qc_release_refused_before_repair_is_done(self):
        """A unit still under repair cannot be released by QC."""
        _request, repair = self._make_repair(self._coverage("covered"))
        with self.assertRaises(UserError):
            repair.with_user(self.qc_user).action_aftersales_qc_release()

    def test_service_certificate_renders_with_signature(self):
        """The service certificate shows the request, parts, hours and the signature image."""
        request, repair = self._make_repair(self._coverage("covered"))
        repair.write(
            {
                "aftersales_work_done": "<p>Replaced the fan motor and tested 30 minutes.</p>",
                "aftersales_signature": SIGNATURE_PNG,
                "aftersales_signed_by": "Li Wei",
            }
        )
        repair.action_aftersales_sign()
        self._finish(repair, hours=1.5)
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "aftersales_service.report_service_certificate", repair.ids
        )
        html = html.decode()
        self.assertIn(request.name, html)
        self.assertIn("Fan Motor FM-12", html)
        self.assertIn("Replaced the fan motor", html)
        self.assertIn("Li Wei", html)
        self.assertIn('class="aftersales_signature"', html)
        self.assertIn(f"data:image/png;base64,{SIGNATURE_PNG.decode()}", html)

    def test_signature_drawn_on_the_form_is_dated(self):
        """The technician lets the customer sign on the repair form: the save dates the
        signature (the certificate prints it); an erased signature is no longer dated."""
        _request, repair = self._make_repair(self._coverage("covered"))
        as_tech = repair.with_user(self.tech_user)
        as_tech.web_save(
            {"aftersales_signature": SIGNATURE_PNG, "aftersales_signed_by": "Li Wei"},
            {"aftersales_signed_on": {}},
        )
        self.assertTrue(repair.aftersales_signed_on)
        as_tech.write({"aftersales_signature": False})
        self.assertFalse(repair.aftersales_signed_on)

    def test_service_certificate_renders_as_pdf(self):
        """With wkhtmltopdf available the certificate of a signed repair is a real PDF."""
        report = self.env["ir.actions.report"]
        if report.get_wkhtmltopdf_state() != "ok":
            self.skipTest("wkhtmltopdf is not available")
        _request, repair = self._make_repair(self._coverage("covered"))
        repair.write({"aftersales_signature": SIGNATURE_PNG, "aftersales_signed_by": "Li Wei"})
        self._finish(repair, hours=1.0)
        # wkhtmltopdf built on unpatched Qt warns about header options it ignores
        with mute_logger("odoo.addons.base.models.ir_actions_report"):
            pdf, kind = report.with_context(force_report_rendering=True)._render_qweb_pdf(
                "aftersales_service.report_service_certificate", repair.ids
            )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))

    def test_goods_receipt_report_renders(self):
        """The customer goods receipt prints the serial number of the unit."""
        _request, repair = self._make_repair(self._coverage("covered"))
        receipt = self.env["stock.picking"].browse(
            repair.action_aftersales_receive_unit()["res_id"]
        )
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "aftersales_service.report_customer_goods_receipt", receipt.ids
        )
        self.assertIn(self.lot.name, html.decode())

    def test_repair_card_takes_hours_from_work_logs(self):
        """Hours logged on the request fill the repair card, booked to the repair's category."""
        request, repair = self._make_repair(self._coverage("covered"))
        log = self.env["aftersales.work.log"].create(
            {
                "request_id": request.id,
                "employee_id": self.technician.id,
                "hours": 2.0,
                "description": "Bench repair of the fan motor",
            }
        )
        self.assertEqual(log.category, "C")
        self._finish(repair)
        self.assertAlmostEqual(repair.aftersales_hours, 2.0)

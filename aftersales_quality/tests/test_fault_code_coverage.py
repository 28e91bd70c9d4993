# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from odoo.addons.aftersales_service.tests.component_common import ComponentCoverageCommon


@tagged("post_install", "-at_install")
class TestFaultCodeCoverage(ComponentCoverageCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        FaultCode = cls.env["aftersales.fault.code"].with_user(cls.manager)
        cls.compressor_fault = FaultCode.create(
            {"code": "CMP-01", "name": "Compressor does not start", "component": "Compressor"}
        )
        cls.fan_fault = FaultCode.create(
            {"code": "FAN-01", "name": "Fan motor noise", "component": "Fan motor"}
        )

    def test_fault_code_of_the_compressor_makes_the_repair_free(self):
        """The agent codes the fault as a compressor failure: its component picks the
        compressor's 5-year warranty line; the request is covered and its repair free."""
        request = self._request_as_agent(fault_code_id=self.compressor_fault.id)
        self.assertEqual(request.component, "Compressor")
        self.assertEqual(request.warranty_status, "covered")
        action = request.action_create_workshop_repair()
        repair = self.env["repair.order"].with_user(self.agent).browse(action["res_id"])
        self.assertEqual(repair.aftersales_charge_category, "C")
        self.assertEqual(repair.aftersales_quote_state, "not_needed")

    def test_recoding_the_fault_recharges_the_open_repair(self):
        """Recoded from compressor to fan noise, the request and its open repair become paid."""
        request = self._request_as_agent(fault_code_id=self.compressor_fault.id)
        action = request.action_create_workshop_repair()
        repair = self.env["repair.order"].with_user(self.agent).browse(action["res_id"])
        request.with_user(self.agent).fault_code_id = self.fan_fault
        self.assertEqual(request.component, "Fan motor")
        self.assertEqual(request.warranty_status, "not_covered")
        self.assertEqual(repair.aftersales_coverage, "not_covered")
        self.assertEqual(repair.aftersales_charge_category, "A")

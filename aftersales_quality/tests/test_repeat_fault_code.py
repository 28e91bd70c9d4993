# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.aftersales_service.tests.repair_common import AftersalesRepairCommon


@tagged("post_install", "-at_install")
class TestRepeatFaultCode(AftersalesRepairCommon):
    """Repeat faults are the same fault code record (and component), not the same words."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.aftersales_repair_warranty_days = 90
        FaultCode = cls.env["aftersales.fault.code"]
        # the same code text on a shared code and on a company code: two different faults
        cls.overheat = FaultCode.create(
            {"code": "E4", "name": "Compressor overheat", "component": "Compressor"}
        )
        cls.fan_e4 = FaultCode.create(
            {
                "code": "E4",
                "name": "Fan motor stalls",
                "component": "Fan motor",
                "company_id": cls.env.company.id,
            }
        )

    def _coded_repair(self, fault_code, text="E4"):
        """The agent codes the fault on the request; its repair notes the fault in words."""
        request = (
            self.env["aftersales.request"]
            .with_user(self.agent)
            .create(
                {
                    "partner_id": self.customer.id,
                    "product_id": self.product.id,
                    "lot_id": self.lot.id,
                    "fault_code_id": fault_code.id,
                }
            )
        )
        repair = request.with_env(self.env)._create_repairs("workshop")
        repair.aftersales_fault_code = text
        return request.with_env(self.env), repair

    def test_same_fault_code_record_is_a_repeat_other_record_is_not(self):
        """The same coded fault on the unit within the repair warranty is re-done free; a
        different fault code with the same code text is paid work, and does not count as a
        revisit of the first request."""
        with freeze_time("2026-01-10 10:00:00"):
            first_request, first = self._coded_repair(self.overheat)
            self.assertEqual(first.aftersales_fault_code_id, self.overheat)
            first.action_create_sale_order()
            first.sale_order_id.action_confirm()
            self._finish(first)
            first_request.action_assess()
            first_request.technician_id = self.technician
            first_request.action_schedule()
            first_request.action_start()
            first_request.action_done()
        with freeze_time("2026-03-01 10:00:00"):
            other_request, other = self._coded_repair(self.fan_e4)
            repeat_request, repeat = self._coded_repair(self.overheat, text="compressor hot")
        self.assertFalse(other.aftersales_is_repeat)
        self.assertEqual(other.aftersales_charge_category, "A")
        self.assertFalse(other_request.revisit_of_id)
        self.assertTrue(repeat.aftersales_is_repeat)
        self.assertEqual(repeat.aftersales_repeat_of_id, first)
        self.assertEqual(repeat.aftersales_charge_category, "C")
        self.assertEqual(repeat_request.revisit_of_id, first_request)

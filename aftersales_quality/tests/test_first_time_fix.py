# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.aftersales_service.tests.repair_common import AftersalesRepairCommon
from odoo.addons.base.tests.common import new_test_user

from .common import QualityCommon


@tagged("post_install", "-at_install")
class TestFirstTimeFixFromRequests(QualityCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.aftersales_repair_warranty_days = 90
        cls.lot = cls.env["stock.lot"].create({"name": "FTF-0001", "product_id": cls.product.id})
        cls.leak = cls.env["aftersales.fault.code"].create(
            {"code": "T-LEAK", "name": "Refrigerant leak", "component": "Piping"}
        )
        cls.fan = cls.env["aftersales.fault.code"].create(
            {"code": "T-FAN", "name": "Fan noise", "component": "Fan"}
        )
        with freeze_time("2026-01-10 10:00:00"):
            cls.first = cls._done_request(lot_id=cls.lot.id, fault_code_id=cls.leak.id)
        # sees only the requests they handle: not the earlier one
        cls.own_agent = new_test_user(
            cls.env, login="as_own_agent", groups="aftersales_service.group_aftersales_user_own"
        )

    def _new_request(self, user=None, **vals):
        return (
            self.env["aftersales.request"]
            .with_user(user or self.agent)
            .create(
                dict(
                    {
                        "partner_id": self.customer.id,
                        "product_id": self.product.id,
                        "lot_id": self.lot.id,
                    },
                    **vals,
                )
            )
        )

    def test_same_fault_within_repair_warranty_is_a_revisit(self):
        """A new request for the same serial and fault code within the repair warranty marks
        the earlier request as not fixed the first time, once."""
        self.assertTrue(self.first.is_first_time_fix)
        with freeze_time("2026-02-10 10:00:00"):
            again = self._new_request(user=self.own_agent, fault_code_id=self.leak.id)
        self.assertEqual(again.revisit_of_id.id, self.first.id)
        self.assertEqual(self.first.revisit_count, 1)
        self.assertFalse(self.first.is_first_time_fix)
        again.write({"fault_code_id": self.leak.id, "description": "Still leaking"})
        self.assertEqual(self.first.revisit_count, 1, "the same revisit counts once")

    def test_fault_coded_after_diagnosis_counts_too(self):
        """The technician codes the fault later: the revisit is found then."""
        with freeze_time("2026-02-10 10:00:00"):
            again = self._new_request()
            self.assertFalse(again.revisit_of_id)
            again.with_user(self.agent).fault_code_id = self.leak
        self.assertEqual(again.revisit_of_id, self.first)
        self.assertFalse(self.first.is_first_time_fix)

    def test_other_fault_or_after_the_warranty_is_no_revisit(self):
        """Another fault, or the same fault after the repair warranty, is a new problem."""
        with freeze_time("2026-02-10 10:00:00"):
            other = self._new_request(fault_code_id=self.fan.id)
        with freeze_time("2026-05-01 10:00:00"):
            late = self._new_request(fault_code_id=self.leak.id)
        self.assertFalse(other.revisit_of_id)
        self.assertFalse(late.revisit_of_id)
        self.assertEqual(self.first.revisit_count, 0)
        self.assertTrue(self.first.is_first_time_fix)


@tagged("post_install", "-at_install")
class TestFirstTimeFixFromRepairs(AftersalesRepairCommon):
    def test_repeat_repair_marks_the_earlier_request(self):
        """A repeat-fault repair makes its request a revisit of the earlier repair's request."""
        self.env.company.aftersales_repair_warranty_days = 90
        with freeze_time("2026-01-10 10:00:00"):
            first_request, first = self._make_repair(self._coverage("covered"), fault="E4 overheat")
            self._finish(first)
        with freeze_time("2026-03-01 10:00:00"):
            request, repeat = self._make_repair(fault="e4 overheat")
        self.assertTrue(repeat.aftersales_is_repeat)
        self.assertEqual(request.revisit_of_id, first_request)
        self.assertEqual(first_request.revisit_count, 1)
        self.assertFalse(first_request.is_first_time_fix)
        self.assertTrue(request.is_first_time_fix)

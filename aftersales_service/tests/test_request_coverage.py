# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from odoo.tests import tagged

from .warranty_common import WarrantyCommon


@tagged("post_install", "-at_install")
class TestRequestCoverage(WarrantyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lots = cls._lots(cls.product, "AC-R001", "AC-R002", "AC-R003")
        cls._sell_and_deliver(cls.lots[:2])
        cls.contract = cls.env["aftersales.contract"].create(
            {
                "partner_id": cls.customer.id,
                "date_start": date(2025, 1, 1),
                "date_end": date(2026, 12, 31),
                "lot_ids": [(6, 0, cls.lots[2].ids)],
            }
        )
        cls.contract.action_activate()

    def _request(self, lot, when):
        return self.env["aftersales.request"].create(
            {
                "partner_id": self.customer.id,
                "lot_id": lot.id,
                "product_id": self.product.id,
                "date_request": when,
            }
        )

    def test_request_in_warranty_books_free_hours(self):
        """A serial in warranty shows as covered and its hours default to category C."""
        request = self._request(self.lots[0], datetime(2024, 9, 1, 10, 0))
        self.assertEqual(request.warranty_status, "covered")
        self.assertEqual(request.coverage_source, "warranty")
        self.assertEqual(request.warranty_id.lot_id, self.lots[0])
        self.assertTrue(request.warranty_reason)
        log = self.env["aftersales.work.log"].create(
            {
                "request_id": request.id,
                "employee_id": self.technician.id,
                "hours": 1.0,
                "description": "Diagnosis",
            }
        )
        self.assertEqual(log.category, "C")

    def test_request_after_warranty_is_paid(self):
        """After the one-year warranty the request is not covered and hours are paid (A)."""
        request = self._request(self.lots[1], datetime(2025, 9, 1, 10, 0))
        self.assertEqual(request.warranty_status, "not_covered")
        log = self.env["aftersales.work.log"].create(
            {
                "request_id": request.id,
                "employee_id": self.technician.id,
                "hours": 1.0,
                "description": "Diagnosis",
            }
        )
        self.assertEqual(log.category, "A")

    def test_request_under_contract_books_contract_hours(self):
        """A serial under a service contract is covered by it and hours default to category B."""
        request = self._request(self.lots[2], datetime(2026, 3, 1, 10, 0))
        self.assertEqual(request.warranty_status, "covered")
        self.assertEqual(request.coverage_source, "contract")
        self.assertEqual(request.contract_id, self.contract)
        self.assertEqual(request._aftersales_work_category(), "B")

    def test_portal_offers_the_customer_serials(self):
        """The portal form offers the serials of the customer's warranties, not another's."""
        lots = self.env["aftersales.request"]._aftersales_portal_lots(self.portal_user.partner_id)
        self.assertIn(self.lots[0], lots)
        other = self.env["aftersales.request"]._aftersales_portal_lots(self.other_customer)
        self.assertNotIn(self.lots[0], other)

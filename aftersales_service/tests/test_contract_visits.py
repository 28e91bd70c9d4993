# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from odoo import Command
from odoo.tests import tagged

from .warranty_common import WarrantyCommon


@tagged("post_install", "-at_install")
class TestContractVisits(WarrantyCommon):
    """A contract's visits per year become maintenance requests spread over each year."""

    def test_activation_schedules_one_request_per_visit(self):
        """Four visits a year over two years: eight maintenance requests, a quarter apart,
        for the covered serial; activating again after a reset adds none twice."""
        lot = self._lots(self.product, "AC-V001")
        self._sell_and_deliver(lot, when="2025-12-01 10:00:00")
        contract = (
            self.env["aftersales.contract"]
            .with_user(self.agent)
            .create(
                {
                    "partner_id": self.customer.id,
                    "date_start": date(2026, 1, 15),
                    "date_end": date(2028, 1, 14),
                    "lot_ids": [Command.set(lot.ids)],
                    "visits_per_year": 4,
                }
            )
        )
        contract.action_activate()
        visits = contract.visit_request_ids.sorted("date_request")
        self.assertEqual(
            visits.mapped("date_request"),
            [
                datetime(2026, 1, 15, 9, 0),
                datetime(2026, 4, 15, 9, 0),
                datetime(2026, 7, 15, 9, 0),
                datetime(2026, 10, 15, 9, 0),
                datetime(2027, 1, 15, 9, 0),
                datetime(2027, 4, 15, 9, 0),
                datetime(2027, 7, 15, 9, 0),
                datetime(2027, 10, 15, 9, 0),
            ],
        )
        self.assertEqual(set(visits.mapped("request_type")), {"maintenance"})
        self.assertEqual(visits.lot_id, lot)
        self.assertEqual(visits.partner_id, self.customer)
        contract.with_user(self.manager).action_cancel()
        contract.with_user(self.manager).action_reset_draft()
        contract.action_activate()
        self.assertEqual(len(contract.visit_request_ids), 8)

    def test_contract_without_visits_schedules_nothing(self):
        """No visits included: no request."""
        contract = self.env["aftersales.contract"].create(
            {
                "partner_id": self.customer.id,
                "date_start": date(2026, 1, 1),
                "date_end": date(2026, 12, 31),
                "product_ids": [Command.set(self.product.ids)],
            }
        )
        contract.action_activate()
        self.assertFalse(contract.visit_request_ids)

# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from .repair_common import AftersalesRepairCommon
from .warranty_common import WarrantyCommon


class ComponentCoverageCommon(WarrantyCommon, AftersalesRepairCommon):
    """A unit delivered on 2024-03-01 under "compressor 5 years, rest 1 year"; the fault is
    reported 18 months later (2025-09-01): the unit warranty is over, the compressor's is not."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit = cls._lots(cls.product, "AC-CMP-001")
        cls._sell_and_deliver(cls.unit, when="2024-03-01 10:00:00")
        cls.warranty = cls.env["aftersales.warranty"].search([("lot_id", "=", cls.unit.id)])

    def _request_as_agent(self, component=None, **vals):
        return (
            self.env["aftersales.request"]
            .with_user(self.agent)
            .create(
                {
                    "partner_id": self.customer.id,
                    "product_id": self.product.id,
                    "lot_id": self.unit.id,
                    "date_request": datetime(2025, 9, 1, 10, 0),
                    **({"component": component} if component else {}),
                    **vals,
                }
            )
        )

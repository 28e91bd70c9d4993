# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import ValidationError

from odoo.addons.aftersales_service.tests.common import AftersalesCommon


class TestToolBadInput(AftersalesCommon):
    """Tool custody cannot end before it starts."""

    def test_custody_handed_back_before_received_is_refused(self):
        """A custody handed back before it was received is refused."""
        tool = self.env["maintenance.equipment"].create({"name": "Refrigerant gauge RG-2"})
        now = fields.Datetime.now()
        with self.assertRaisesRegex(ValidationError, "before it was received"):
            self.env["aftersales.tool.custody"].create(
                {
                    "equipment_id": tool.id,
                    "employee_id": self.technician.id,
                    "date_from": now,
                    "date_to": now - timedelta(days=2),
                }
            )

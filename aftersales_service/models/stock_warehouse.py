# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class StockWarehouse(models.Model):
    _inherit = "stock.warehouse"

    aftersales_return_inspection_location_id = fields.Many2one(
        "stock.location",
        string="Return Inspection Location",
        check_company=True,
        copy=False,
        help="After-sales returns arrive here and wait for the QC verdict; nothing here is "
        "sold. Created with the warehouse's first return.",
    )
    aftersales_return_defective_location_id = fields.Many2one(
        "stock.location",
        string="Defective Returns Location",
        check_company=True,
        copy=False,
        help="Returned goods found faulty by our fault wait here to be scrapped or returned "
        "to the supplier. Created with the warehouse's first such return.",
    )

    def _aftersales_return_location(self, kind):
        """The warehouse's inspection or defective location of returns, created on first use
        under the warehouse's own view location (so Odoo's routes never take from it)."""
        self.ensure_one()
        field = f"aftersales_return_{kind}_location_id"
        if not self[field]:
            names = {
                "inspection": self.env._("Return Inspection"),
                "defective": self.env._("Defective Returns"),
            }
            self.sudo()[field] = (
                self.env["stock.location"]
                .sudo()
                .create(
                    {
                        "name": names[kind],
                        "usage": "internal",
                        "location_id": self.view_location_id.id,
                        "company_id": self.company_id.id,
                    }
                )
            )
        return self[field]

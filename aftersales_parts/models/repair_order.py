# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class RepairOrder(models.Model):
    _inherit = "repair.order"

    def _get_picking_type(self):
        """Repairs draw their parts from the after-sales parts warehouse when configured."""
        result = super()._get_picking_type()
        companies = self.company_id or self.env.company
        for key in list(result):
            repair_type = key[0].aftersales_parts_warehouse_id.repair_type_id
            if repair_type:
                result[key] = repair_type
        for company in companies:
            repair_type = company.aftersales_parts_warehouse_id.repair_type_id
            if repair_type:
                result.setdefault((company, False), repair_type)
                if not self:
                    result[(company, self.env.user)] = repair_type
        return result

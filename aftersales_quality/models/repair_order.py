# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class RepairOrder(models.Model):
    _inherit = "repair.order"

    @api.model_create_multi
    def create(self, vals_list):
        repairs = super().create(vals_list)
        repairs._aftersales_link_revisits()
        return repairs

    def write(self, vals):
        res = super().write(vals)
        if {"lot_id", "aftersales_fault_code", "aftersales_request_id"} & set(vals):
            self._aftersales_link_revisits()
        return res

    def _aftersales_link_revisits(self):
        """A repeat repair (same serial and fault within the repair warranty) makes its request
        a revisit of the earlier repair's request, not fixed the first time."""
        for repair in self.filtered(lambda r: r.aftersales_is_repeat and r.aftersales_request_id):
            earlier = repair.aftersales_repeat_of_id.aftersales_request_id
            repair.aftersales_request_id._aftersales_mark_revisit_of(earlier)

# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class ResourceCalendarLeaves(models.Model):
    _inherit = "resource.calendar.leaves"

    def _aftersales_is_holiday(self):
        """Public holidays (no resource): they move every promise counted on the calendar."""
        return self.filtered(lambda leave: not leave.resource_id)

    @api.model_create_multi
    def create(self, vals_list):
        if any(not vals.get("resource_id") for vals in vals_list):
            # note the promised dates as they are before the holiday moves them
            self.env["aftersales.request"].sudo()._aftersales_baseline_promises()
        leaves = super().create(vals_list)
        if leaves._aftersales_is_holiday():
            leaves._aftersales_trigger_promise_watch()
        return leaves

    def write(self, vals):
        holidays = self._aftersales_is_holiday()
        if holidays:
            self.env["aftersales.request"].sudo()._aftersales_baseline_promises()
        res = super().write(vals)
        if holidays or self._aftersales_is_holiday():
            self._aftersales_trigger_promise_watch()
        return res

    def _aftersales_trigger_promise_watch(self):
        cron = self.env.ref(
            "aftersales_service.ir_cron_aftersales_promises", raise_if_not_found=False
        )
        if cron:
            cron.sudo()._trigger()

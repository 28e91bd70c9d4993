# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AftersalesWarrantyBackfillWizard(models.TransientModel):
    _name = "aftersales.warranty.backfill.wizard"
    _description = "Build Warranties for Past Deliveries"

    batch_size = fields.Integer(
        default=1000, required=True, help="Deliveries handled per batch; lower it on small servers."
    )
    created_count = fields.Integer(string="Warranties Created", readonly=True)
    is_done = fields.Boolean(readonly=True)

    def action_run(self):
        self.ensure_one()
        created = self.env["aftersales.warranty"]._backfill(batch_size=max(self.batch_size, 1))
        self.write({"created_count": len(created), "is_done": True})
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AftersalesWarrantyVoidWizard(models.TransientModel):
    _name = "aftersales.warranty.void.wizard"
    _description = "Void Warranties"

    warranty_ids = fields.Many2many("aftersales.warranty", string="Warranties", required=True)
    reason = fields.Char(
        required=True, help="Told to whoever checks the coverage, e.g. returned and refunded."
    )

    def action_confirm(self):
        self.ensure_one()
        self.warranty_ids.action_void(self.reason)
        return {"type": "ir.actions.act_window_close"}

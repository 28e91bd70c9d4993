# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    aftersales_parts_warehouse_id = fields.Many2one(
        related="company_id.aftersales_parts_warehouse_id", readonly=False
    )
    aftersales_abc_window_days = fields.Integer(
        related="company_id.aftersales_abc_window_days", readonly=False
    )
    aftersales_abc_threshold_a = fields.Float(
        related="company_id.aftersales_abc_threshold_a", readonly=False
    )
    aftersales_abc_threshold_b = fields.Float(
        related="company_id.aftersales_abc_threshold_b", readonly=False
    )
    aftersales_service_level_z = fields.Float(
        related="company_id.aftersales_service_level_z", readonly=False
    )
    aftersales_order_cycle_days = fields.Integer(
        related="company_id.aftersales_order_cycle_days", readonly=False
    )
    aftersales_count_days_a = fields.Integer(
        related="company_id.aftersales_count_days_a", readonly=False
    )
    aftersales_count_days_b = fields.Integer(
        related="company_id.aftersales_count_days_b", readonly=False
    )
    aftersales_count_days_c = fields.Integer(
        related="company_id.aftersales_count_days_c", readonly=False
    )
    aftersales_count_variance_pct = fields.Float(
        related="company_id.aftersales_count_variance_pct", readonly=False
    )
    aftersales_loan_days = fields.Integer(related="company_id.aftersales_loan_days", readonly=False)
    aftersales_loan_charge_lost = fields.Boolean(
        related="company_id.aftersales_loan_charge_lost", readonly=False
    )

    @api.constrains("aftersales_abc_threshold_a", "aftersales_abc_threshold_b")
    def _check_aftersales_abc_thresholds(self):
        for settings in self:
            a, b = settings.aftersales_abc_threshold_a, settings.aftersales_abc_threshold_b
            if a < 0 or b < 0 or a + b > 100:
                raise ValidationError(
                    self.env._(
                        "The class A and B shares must be positive and add up to 100 % or less."
                    )
                )

    def action_aftersales_create_parts_warehouse(self):
        self.ensure_one()
        self.company_id.action_aftersales_create_parts_warehouse()
        return True

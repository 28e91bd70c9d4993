# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class AftersalesTechnicianKpiDecision(models.TransientModel):
    """The manager's decision on a monthly appraisal: reward, penalty and why."""

    _name = "aftersales.technician.kpi.decision"
    _description = "Appraisal Decision"

    kpi_id = fields.Many2one("aftersales.technician.kpi", required=True, ondelete="cascade")
    currency_id = fields.Many2one(related="kpi_id.currency_id")
    missed_figures = fields.Text(related="kpi_id.missed_figures")
    reward_proposed = fields.Monetary(related="kpi_id.reward_proposed")
    penalty_proposed = fields.Monetary(related="kpi_id.penalty_proposed")
    reward_amount = fields.Monetary(
        string="Reward",
        compute="_compute_amounts",
        store=True,
        readonly=False,
        help="Proposed by the settings' rule; change it if you decide otherwise.",
    )
    penalty_amount = fields.Monetary(
        string="Penalty", compute="_compute_amounts", store=True, readonly=False
    )
    note = fields.Text(string="Decision", required=True, help="Why: it is printed on the sheet.")

    @api.depends("kpi_id")
    def _compute_amounts(self):
        for wizard in self:
            wizard.reward_amount = wizard.kpi_id.reward_proposed
            wizard.penalty_amount = wizard.kpi_id.penalty_proposed

    @api.constrains("reward_amount", "penalty_amount")
    def _check_amounts(self):
        for wizard in self:
            if wizard.reward_amount < 0 or wizard.penalty_amount < 0:
                raise ValidationError(
                    self.env._("A reward or a penalty is an amount of zero or more.")
                )

    def action_confirm(self):
        self.ensure_one()
        self.kpi_id._aftersales_decide(self.reward_amount, self.penalty_amount, self.note)
        return {"type": "ir.actions.act_window_close"}

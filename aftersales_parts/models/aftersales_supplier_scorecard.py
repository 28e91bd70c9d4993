# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models, tools
from odoo.tools import SQL


class AftersalesSupplierScorecard(models.Model):
    """Per vendor and month: deliveries on time, quantities rejected at the inbound
    inspection and lead time from the purchase order confirmation to the receipt."""

    _name = "aftersales.supplier.scorecard"
    _description = "Supplier Scorecard"
    _auto = False
    _order = "month desc, partner_id"
    _rec_name = "partner_id"

    partner_id = fields.Many2one("res.partner", string="Vendor", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    month = fields.Date(readonly=True)
    receipt_count = fields.Integer(string="Receipt Lines", readonly=True)
    on_time_count = fields.Integer(string="On Time", readonly=True)
    qty_received = fields.Float(string="Received", readonly=True)
    qty_rejected = fields.Float(string="Rejected", readonly=True)
    lead_days_total = fields.Float(string="Lead Days (sum)", readonly=True)
    on_time_rate = fields.Float(
        string="On-Time Rate (%)", compute="_compute_rates", aggregator=False
    )
    rejected_rate = fields.Float(
        string="Rejected Rate (%)", compute="_compute_rates", aggregator=False
    )
    avg_lead_days = fields.Float(
        string="Average Lead Time (days)", compute="_compute_rates", aggregator=False
    )

    def _compute_rates(self):
        for score in self:
            count = score.receipt_count
            score.on_time_rate = score.on_time_count * 100.0 / count if count else 0.0
            score.avg_lead_days = score.lead_days_total / count if count else 0.0
            score.rejected_rate = (
                score.qty_rejected * 100.0 / score.qty_received if score.qty_received else 0.0
            )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
            CREATE OR REPLACE VIEW %s AS (
                SELECT
                    MIN(sm.id) AS id,
                    po.partner_id AS partner_id,
                    sm.company_id AS company_id,
                    date_trunc('month', sm.date)::date AS month,
                    COUNT(*) AS receipt_count,
                    SUM(CASE WHEN sm.date::date <= COALESCE(pol.date_planned, sm.date)::date
                        THEN 1 ELSE 0 END) AS on_time_count,
                    SUM(sm.product_qty) AS qty_received,
                    SUM(COALESCE(sm.aftersales_qty_rejected, 0)) AS qty_rejected,
                    SUM(GREATEST(EXTRACT(EPOCH FROM
                        sm.date - COALESCE(po.date_approve, po.date_order)) / 86400.0, 0))
                        AS lead_days_total
                FROM stock_move sm
                JOIN purchase_order_line pol ON pol.id = sm.purchase_line_id
                JOIN purchase_order po ON po.id = pol.order_id
                JOIN stock_location src ON src.id = sm.location_id
                WHERE sm.state = 'done' AND src.usage = 'supplier'
                GROUP BY po.partner_id, sm.company_id, date_trunc('month', sm.date)
            )
            """,
                SQL.identifier(self._table),
            )
        )

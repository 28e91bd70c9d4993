# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError


class StockQuant(models.Model):
    _inherit = "stock.quant"

    aftersales_abc_class = fields.Selection(
        related="product_id.product_tmpl_id.aftersales_abc_class", string="ABC Class"
    )
    aftersales_variance_reason = fields.Char(
        string="Variance Reason",
        help="Why the counted quantity differs from the system quantity. Required when the "
        "difference exceeds the variance threshold of the after-sales settings.",
    )
    aftersales_variance_pct = fields.Float(
        string="Variance (%)", compute="_compute_aftersales_variance_pct"
    )

    @api.depends("inventory_quantity", "quantity", "inventory_quantity_set")
    def _compute_aftersales_variance_pct(self):
        self.aftersales_variance_pct = 0.0
        for quant in self.filtered("inventory_quantity_set"):
            diff = abs(quant.inventory_quantity - quant.quantity)
            base = abs(quant.quantity)
            quant.aftersales_variance_pct = (
                diff * 100.0 / base if base else (100.0 if diff else 0.0)
            )

    @api.model
    def _get_inventory_fields_write(self):
        return super()._get_inventory_fields_write() + ["aftersales_variance_reason"]

    def _aftersales_check_variance_reasons(self):
        """Counts differing by more than the threshold need a reason (parts warehouse)."""
        unexplained = self.filtered(
            lambda q: (
                q.inventory_quantity_set
                and q.company_id.aftersales_parts_warehouse_id
                and q.warehouse_id == q.company_id.aftersales_parts_warehouse_id
                and q.aftersales_variance_pct > q.company_id.aftersales_count_variance_pct
                and not (q.aftersales_variance_reason or "").strip()
            )
        )
        if unexplained:
            raise UserError(
                self.env._(
                    "Explain the count variance before applying it: %(parts)s.",
                    parts=", ".join(unexplained.mapped("product_id.display_name")),
                )
            )

    def _apply_inventory(self):
        self._aftersales_check_variance_reasons()
        res = super()._apply_inventory()
        quants = self.exists()
        quants.aftersales_variance_reason = False
        quants._aftersales_plan_next_count()
        return res

    def _aftersales_plan_next_count(self):
        """Next count date of parts-warehouse quants from their ABC class."""
        today = fields.Date.context_today(self)
        for company in self.company_id:
            warehouse = company.aftersales_parts_warehouse_id
            if not warehouse:
                continue
            days = company._aftersales_count_days()
            quants = self.filtered(
                lambda q, c=company, w=warehouse: (
                    q.company_id == c and q.warehouse_id == w and q.product_id.aftersales_abc_class
                )
            )
            for abc_class in ("A", "B", "C"):
                quants.filtered(lambda q, k=abc_class: q.aftersales_abc_class == k).write(
                    {"inventory_date": today + timedelta(days=days[abc_class])}
                )

    @api.model
    def _aftersales_plan_cycle_counts(self, company=None):
        """Schedule the next count of every part in the parts warehouse from its class."""
        company = company or self.env.company
        warehouse = company._aftersales_parts_warehouse()
        quants = self.search(
            [
                ("location_id", "child_of", warehouse.view_location_id.id),
                ("location_id.usage", "=", "internal"),
                ("product_id.aftersales_abc_class", "!=", False),
            ]
        )
        quants._aftersales_plan_next_count()
        return quants

    @api.model
    def _aftersales_action_cycle_count(self):
        """Odoo's inventory count list, limited to the parts warehouse."""
        action = self.action_view_inventory()
        warehouse = self.env.company.aftersales_parts_warehouse_id
        if warehouse:
            action["domain"] = [
                ("location_id", "child_of", warehouse.view_location_id.id),
                ("location_id.usage", "=", "internal"),
            ]
        action["name"] = self.env._("Parts Cycle Counts")
        action["context"] = dict(action["context"], search_default_to_count=1)
        return action

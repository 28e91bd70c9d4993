# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..rules import safety_stock
from .product_template import ABC_CLASSES


class AftersalesReorderProposal(models.Model):
    _name = "aftersales.reorder.proposal"
    _description = "Reordering Rule Proposal"
    _inherit = ["aftersales.state.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "create_date desc, id desc"
    _rec_name = "product_id"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    run_id = fields.Many2one("aftersales.abc.run", string="ABC Run", readonly=True, index=True)
    product_id = fields.Many2one(
        "product.product", string="Part", required=True, readonly=True, check_company=True
    )
    warehouse_id = fields.Many2one(
        "stock.warehouse", required=True, readonly=True, check_company=True
    )
    location_id = fields.Many2one(
        "stock.location", required=True, readonly=True, check_company=True
    )
    abc_class = fields.Selection(ABC_CLASSES, string="ABC Class", readonly=True)
    avg_daily = fields.Float(string="Average Daily Consumption", readonly=True, digits=(16, 4))
    sigma_daily = fields.Float(string="Daily Deviation", readonly=True, digits=(16, 4))
    lead_days = fields.Float(string="Vendor Lead Time (days)", readonly=True)
    service_level_z = fields.Float(string="Service Level Factor (z)", readonly=True)
    safety_stock = fields.Float(readonly=True, digits="Product Unit of Measure")
    product_min_qty = fields.Float(
        string="Proposed Minimum", digits="Product Unit of Measure", tracking=True
    )
    product_max_qty = fields.Float(
        string="Proposed Maximum", digits="Product Unit of Measure", tracking=True
    )
    orderpoint_id = fields.Many2one(
        "stock.warehouse.orderpoint", string="Reordering Rule", readonly=True, check_company=True
    )
    current_min_qty = fields.Float(
        related="orderpoint_id.product_min_qty", string="Current Minimum"
    )
    current_max_qty = fields.Float(
        related="orderpoint_id.product_max_qty", string="Current Maximum"
    )
    state = fields.Selection(
        [("draft", "To Review"), ("applied", "Applied"), ("rejected", "Rejected")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )

    @api.constrains("product_min_qty", "product_max_qty")
    def _check_quantities(self):
        for proposal in self:
            if proposal.product_max_qty < proposal.product_min_qty:
                raise UserError(
                    self.env._(
                        "The maximum of %(part)s cannot be below its minimum.",
                        part=proposal.product_id.display_name,
                    )
                )

    def _aftersales_field_refusal(self, field_names):
        return self.env._("A proposal is applied or rejected with its buttons.")

    def _aftersales_transition_refusals(self):
        refusals = super()._aftersales_transition_refusals()
        refusals.update(
            applied=self.env._("Only proposals still to review can be applied."),
            rejected=self.env._("Only proposals still to review can be rejected."),
        )
        return refusals

    def _aftersales_protected_fields(self):
        return super()._aftersales_protected_fields() | {"product_min_qty", "product_max_qty"}

    def _aftersales_is_frozen(self):
        self.ensure_one()
        return self.state != "draft"

    def _aftersales_frozen_refusal(self, fields_changed):
        return self.env._("Only proposals still to review can be changed.")

    @api.model
    def _generate_from_run(self, run):
        """Propose min/max reordering rules for the A and B parts of ``run``."""
        company = run.company_id
        warehouse = company._aftersales_parts_warehouse()
        lines = run.line_ids.filtered(lambda line: line.abc_class in ("A", "B"))
        products = lines.product_tmpl_id.product_variant_ids.filtered("is_storable")
        if not products:
            return self.browse()
        window_days = (run.date_to - run.date_from).days + 1
        domain = self.env["aftersales.abc.run"]._consumption_domain(
            company, run.date_from, run.date_to
        ) + [("product_id", "in", products.ids)]
        daily = defaultdict(list)
        for product, _day, qty in (
            self.env["stock.move"]
            .sudo()
            ._read_group(domain, ["product_id", "date:day"], ["product_qty:sum"])
        ):
            daily[product.id].append(qty)
        class_by_tmpl = {line.product_tmpl_id.id: line.abc_class for line in lines}
        orderpoints = self.env["stock.warehouse.orderpoint"].search(
            [
                ("product_id", "in", products.ids),
                ("location_id", "=", warehouse.lot_stock_id.id),
                ("company_id", "=", company.id),
            ]
        )
        orderpoint_by_product = {op.product_id.id: op for op in orderpoints}
        z = company.aftersales_service_level_z
        unit_category = self.env.ref("uom.product_uom_categ_unit")
        vals_list = []
        for product in products:
            avg, sigma = safety_stock.daily_statistics(daily.get(product.id, []), window_days)
            sellers = product.seller_ids.filtered(
                lambda s, p=product: not s.product_id or s.product_id == p
            )
            lead = sellers[:1].delay
            levels = safety_stock.reorder_levels(
                avg, sigma, lead, z, company.aftersales_order_cycle_days
            )
            # parts counted in units are bought in whole units
            step = 1.0 if product.uom_id.category_id == unit_category else product.uom_id.rounding
            vals_list.append(
                {
                    "company_id": company.id,
                    "run_id": run.id,
                    "product_id": product.id,
                    "warehouse_id": warehouse.id,
                    "location_id": warehouse.lot_stock_id.id,
                    "abc_class": class_by_tmpl[product.product_tmpl_id.id],
                    "avg_daily": avg,
                    "sigma_daily": sigma,
                    "lead_days": lead,
                    "service_level_z": z,
                    "safety_stock": levels.safety_stock,
                    "product_min_qty": safety_stock.round_up(levels.reorder_point, step),
                    "product_max_qty": safety_stock.round_up(levels.max_qty, step),
                    "orderpoint_id": orderpoint_by_product.get(product.id, False)
                    and orderpoint_by_product[product.id].id,
                }
            )
        # supersede older proposals of the same parts still waiting for review
        self.search(
            [("state", "=", "draft"), ("product_id", "in", products.ids)]
        )._aftersales_transition(("draft",), "rejected")
        return self.create(vals_list)

    def action_apply(self):
        """Create or update the reordering rules of the proposals still to review."""
        # the refusal comes before any reordering rule changes
        self._aftersales_transition(("draft",), "applied")
        Orderpoint = self.env["stock.warehouse.orderpoint"]
        for proposal in self:
            values = {
                "product_min_qty": proposal.product_min_qty,
                "product_max_qty": proposal.product_max_qty,
            }
            if proposal.orderpoint_id:
                proposal.orderpoint_id.write(values)
            else:
                proposal.orderpoint_id = Orderpoint.create(
                    dict(
                        values,
                        product_id=proposal.product_id.id,
                        warehouse_id=proposal.warehouse_id.id,
                        location_id=proposal.location_id.id,
                        company_id=proposal.company_id.id,
                        trigger="auto",
                    )
                )
        return True

    def action_reject(self):
        self._aftersales_transition(("draft",), "rejected")
        return True

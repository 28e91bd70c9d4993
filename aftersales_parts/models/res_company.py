# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, fields, models
from odoo.exceptions import UserError


class ResCompany(models.Model):
    _inherit = "res.company"

    aftersales_parts_warehouse_id = fields.Many2one(
        "stock.warehouse",
        string="After-Sales Parts Warehouse",
        help="Repairs and on-site jobs draw their parts from this warehouse by default.",
    )
    aftersales_loaner_location_id = fields.Many2one(
        "stock.location", string="Loaner Units Location"
    )
    aftersales_quarantine_location_id = fields.Many2one(
        "stock.location",
        string="Quarantine Location",
        help="Where returned or defective goods wait for a decision.",
    )
    aftersales_van_location_id = fields.Many2one(
        "stock.location",
        string="Technician Vans Location",
        help="Parent location of the technicians' van stocks, replenished by internal "
        "transfers from the parts stock.",
    )
    aftersales_van_route_id = fields.Many2one(
        "stock.route",
        string="Van Replenishment Route",
        help="Reordering rules on a van location with this route refill the van from the "
        "parts stock by internal transfers.",
    )
    aftersales_abc_window_days = fields.Integer(
        string="ABC Window (days)",
        default=365,
        help="Consumption over this many days before the computation date is classified.",
    )
    aftersales_abc_threshold_a = fields.Float(
        string="Class A Share (%)",
        default=80.0,
        help="Parts making up this share of the cumulative consumption value are class A.",
    )
    aftersales_abc_threshold_b = fields.Float(
        string="Class B Share (%)",
        default=15.0,
        help="The next share of cumulative consumption value is class B; the rest is C.",
    )
    aftersales_service_level_z = fields.Float(
        string="Service Level Factor (z)",
        default=1.65,
        help="Safety factor of the safety stock: 1.65 covers about 95 % of the "
        "replenishment cycles without a stock-out, 2.33 about 99 %.",
    )
    aftersales_order_cycle_days = fields.Integer(
        string="Order Cycle (days)",
        default=30,
        help="Days of consumption one purchase should cover: the maximum of a proposed "
        "reordering rule is its minimum plus this many days of average consumption.",
    )
    aftersales_count_days_a = fields.Integer(string="Count Class A Every (days)", default=30)
    aftersales_count_days_b = fields.Integer(string="Count Class B Every (days)", default=90)
    aftersales_count_days_c = fields.Integer(string="Count Class C Every (days)", default=365)
    aftersales_count_variance_pct = fields.Float(
        string="Count Variance Needing a Reason (%)",
        default=5.0,
        help="A counted quantity differing from the system by more than this share needs "
        "a reason before the count is applied.",
    )
    aftersales_loan_days = fields.Integer(
        string="Loan Duration (days)",
        default=14,
        help="Default number of days a loaner unit stays with the customer.",
    )
    aftersales_loan_charge_lost = fields.Boolean(
        string="Charge Lost Loaners",
        default=True,
        help="A loaner unit written off as lost is charged to the customer: a quotation at "
        "the unit's sales price is prepared.",
    )

    def _aftersales_count_days(self):
        """Days between two counts per ABC class."""
        self.ensure_one()
        return {
            "A": self.aftersales_count_days_a,
            "B": self.aftersales_count_days_b,
            "C": self.aftersales_count_days_c,
        }

    def _aftersales_parts_warehouse(self):
        """The configured parts warehouse, or a clear error."""
        self.ensure_one()
        if not self.aftersales_parts_warehouse_id:
            raise UserError(
                self.env._(
                    "Set up the after-sales parts warehouse of %(company)s first "
                    "(After-Sales > Configuration > Settings).",
                    company=self.name,
                )
            )
        return self.aftersales_parts_warehouse_id

    def _prepare_aftersales_warehouse_vals(self):
        self.ensure_one()
        codes = set(
            self.env["stock.warehouse"]
            .with_context(active_test=False)
            .search([("company_id", "=", self.id)])
            .mapped("code")
        )
        code = next(c for c in ("ASP", "ASP2", "ASP3", "ASP4", "ASP5") if c not in codes)
        return {
            "name": self.env._("After-Sales Parts"),
            "code": code,
            "company_id": self.id,
            "partner_id": self.partner_id.id,
        }

    def _prepare_aftersales_van_route_vals(self, warehouse, van_location):
        """A route that refills the technicians' vans from the parts stock by internal
        transfers, used by reordering rules on the van locations."""
        self.ensure_one()
        name = self.env._("Replenish Technician Vans")
        return {
            "name": name,
            "company_id": self.id,
            "product_selectable": False,
            "warehouse_selectable": False,
            "rule_ids": [
                Command.create(
                    {
                        "name": name,
                        "action": "pull",
                        "picking_type_id": warehouse.int_type_id.id,
                        "location_src_id": warehouse.lot_stock_id.id,
                        "location_dest_id": van_location.id,
                        "procure_method": "make_to_stock",
                        "warehouse_id": warehouse.id,
                        "company_id": self.id,
                    }
                )
            ],
        }

    def action_aftersales_create_parts_warehouse(self):
        """Create the after-sales parts warehouse with its locations, FIFO removal."""
        fifo = self.env.ref("stock.removal_fifo")
        Location = self.env["stock.location"].sudo()
        for company in self.filtered(lambda c: not c.aftersales_parts_warehouse_id):
            warehouse = (
                self.env["stock.warehouse"]
                .sudo()
                .create(company._prepare_aftersales_warehouse_vals())
            )
            stock = warehouse.lot_stock_id
            names = {
                "aftersales_loaner_location_id": self.env._("Loaner Units"),
                "aftersales_quarantine_location_id": self.env._("Quarantine"),
                "aftersales_van_location_id": self.env._("Technician Vans"),
            }
            # beside the stock, not inside it: loaners, customer goods, quarantined parts
            # and van stock are never picked for repairs
            beside_stock = {
                "location_id": warehouse.view_location_id.id,
                "usage": "internal",
                "company_id": company.id,
                "removal_strategy_id": fifo.id,
            }
            locations = Location.create([dict(beside_stock, name=name) for name in names.values()])
            # the workshop's receipts of this warehouse keep customer units here (the one
            # customer goods flag the repairs read)
            Location.create(
                dict(
                    beside_stock,
                    name=self.env._("Customer Goods Under Repair"),
                    aftersales_is_customer_goods=True,
                )
            )
            stock.removal_strategy_id = fifo
            vals = {"aftersales_parts_warehouse_id": warehouse.id}
            vals.update(dict(zip(names, locations.ids, strict=True)))
            vals["aftersales_van_route_id"] = (
                self.env["stock.route"]
                .sudo()
                .create(company._prepare_aftersales_van_route_vals(warehouse, locations[2]))
                .id
            )
            company.sudo().write(vals)
        return True

    def _aftersales_create_van_location(self, employee):
        """A van sub-location for ``employee`` under the technician vans location."""
        self.ensure_one()
        self._aftersales_parts_warehouse()
        return (
            self.env["stock.location"]
            .sudo()
            .create(
                {
                    "name": employee.name,
                    "location_id": self.aftersales_van_location_id.id,
                    "usage": "internal",
                    "company_id": self.id,
                    "removal_strategy_id": self.env.ref("stock.removal_fifo").id,
                }
            )
        )

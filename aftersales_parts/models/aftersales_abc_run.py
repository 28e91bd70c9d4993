# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time, timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, split_every

from ..rules import abc


class AftersalesAbcRun(models.Model):
    _name = "aftersales.abc.run"
    _description = "ABC Classification Run"
    _order = "date_to desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    date_from = fields.Date(required=True, readonly=True)
    date_to = fields.Date(required=True, readonly=True)
    threshold_a = fields.Float(string="Class A Share (%)", readonly=True)
    threshold_b = fields.Float(string="Class B Share (%)", readonly=True)
    total_value = fields.Float(string="Total Consumption Value", readonly=True)
    line_ids = fields.One2many("aftersales.abc.line", "run_id", string="Lines", readonly=True)
    line_count = fields.Integer(compute="_compute_counts")
    count_a = fields.Integer(string="Class A Parts", compute="_compute_counts")
    count_b = fields.Integer(string="Class B Parts", compute="_compute_counts")
    count_c = fields.Integer(string="Class C Parts", compute="_compute_counts")
    proposal_ids = fields.One2many("aftersales.reorder.proposal", "run_id", string="Proposals")

    @api.depends("date_to", "company_id")
    def _compute_name(self):
        for run in self:
            run.name = self.env._(
                "ABC %(date)s (%(company)s)", date=run.date_to or "", company=run.company_id.name
            )

    def _compute_counts(self):
        groups = self.env["aftersales.abc.line"]._read_group(
            [("run_id", "in", self.ids)], ["run_id", "abc_class"], ["__count"]
        )
        counts = {(run.id, cls): count for run, cls, count in groups}
        for run in self:
            run.count_a = counts.get((run.id, "A"), 0)
            run.count_b = counts.get((run.id, "B"), 0)
            run.count_c = counts.get((run.id, "C"), 0)
            run.line_count = run.count_a + run.count_b + run.count_c

    @api.model
    def _consumption_domain(self, company, date_from, date_to):
        """Done moves that consumed parts: out of an internal location to a customer or
        to production (repairs), within the window."""
        return [
            ("state", "=", "done"),
            ("company_id", "=", company.id),
            ("date", ">=", datetime.combine(date_from, time.min)),
            ("date", "<=", datetime.combine(date_to, time.max)),
            ("location_id.usage", "=", "internal"),
            ("location_dest_id.usage", "in", ("customer", "production")),
        ]

    @api.model
    def _compute_classes(self, date_to=None, company=None):
        """Classify consumed parts A/B/C; store the run, its lines and the current class.

        One grouped query over the done consumption moves of the window, whatever the
        number of parts; the value is the consumed quantity at the part's current cost.
        """
        company = company or self.env.company
        date_to = fields.Date.to_date(date_to) or fields.Date.context_today(self)
        date_from = date_to - timedelta(days=max(company.aftersales_abc_window_days, 1) - 1)
        groups = (
            self.env["stock.move"]
            .sudo()
            ._read_group(
                self._consumption_domain(company, date_from, date_to),
                ["product_id"],
                ["product_qty:sum"],
            )
        )
        products = self.env["product.product"].concat(*(g[0] for g in groups))
        products = products.with_company(company)
        quantity_by_tmpl, value_by_tmpl = {}, {}
        qty_by_product = {product.id: qty for product, qty in groups}
        for product in products:
            qty = qty_by_product[product.id]
            tmpl_id = product.product_tmpl_id.id
            quantity_by_tmpl[tmpl_id] = quantity_by_tmpl.get(tmpl_id, 0.0) + qty
            value_by_tmpl[tmpl_id] = value_by_tmpl.get(tmpl_id, 0.0) + qty * product.standard_price
        # spare parts not consumed at all in the window are class C
        for tmpl_id in (
            self.env["product.template"]
            .search(
                [
                    ("aftersales_is_spare_part", "=", True),
                    ("id", "not in", list(value_by_tmpl)),
                    ("company_id", "in", (company.id, False)),
                ]
            )
            .ids
        ):
            value_by_tmpl[tmpl_id] = 0.0
        results = abc.classify(
            value_by_tmpl, company.aftersales_abc_threshold_a, company.aftersales_abc_threshold_b
        )
        run = self.sudo().create(
            {
                "company_id": company.id,
                "date_from": date_from,
                "date_to": date_to,
                "threshold_a": company.aftersales_abc_threshold_a,
                "threshold_b": company.aftersales_abc_threshold_b,
                "total_value": sum(r.value for r in results),
            }
        )
        self._insert_lines(run, results, quantity_by_tmpl)
        self._store_current_classes(results, date_to)
        return run

    @api.model
    def _insert_lines(self, run, results, quantity_by_tmpl):
        """Insert the run's lines in a few statements: a run holds one line per part, and
        tens of thousands of parts are classified at once."""
        run.ensure_one()
        self.env["aftersales.abc.line"].flush_model()
        uid = self.env.uid
        run_id, company_id, date_to = run.id, run.company_id.id, run.date_to
        for chunk in split_every(5000, results):
            rows = SQL(", ").join(
                SQL(
                    "(%s, %s, %s, %s, %s, %s::double precision, %s::double precision, "
                    "%s::double precision, %s, %s, now() at time zone 'UTC', %s, "
                    "now() at time zone 'UTC')",
                    run_id,
                    company_id,
                    date_to,
                    r.key,
                    quantity_by_tmpl.get(r.key, 0.0),
                    r.value,
                    r.share,
                    r.cumulative_share,
                    r.abc_class,
                    uid,
                    uid,
                )
                for r in chunk
            )
            self.env.cr.execute(
                SQL(
                    """
                    INSERT INTO aftersales_abc_line (
                        run_id, company_id, date_to, product_tmpl_id, quantity, value, share,
                        cumulative_share, abc_class, create_uid, create_date, write_uid,
                        write_date
                    ) VALUES %s
                    """,
                    rows,
                )
            )
        run.invalidate_recordset(["line_ids"])

    @api.model
    def _store_current_classes(self, results, date_to):
        """Write class, date and value on the parts in one statement (set-based: this runs
        over tens of thousands of parts, each with its own value)."""
        if not results:
            return
        self.env["product.template"].flush_model(
            ["aftersales_abc_class", "aftersales_abc_value", "aftersales_abc_date"]
        )
        for chunk in split_every(5000, results):
            rows = SQL(", ").join(
                SQL("(%s, %s, %s::double precision)", r.key, r.abc_class, r.value) for r in chunk
            )
            self.env.cr.execute(
                SQL(
                    """
                    UPDATE product_template AS t
                       SET aftersales_abc_class = v.abc_class,
                           aftersales_abc_value = v.value,
                           aftersales_abc_date = %s
                      FROM (VALUES %s) AS v(id, abc_class, value)
                     WHERE t.id = v.id
                    """,
                    date_to,
                    rows,
                )
            )
        self.env["product.template"].invalidate_model(
            ["aftersales_abc_class", "aftersales_abc_value", "aftersales_abc_date"]
        )

    @api.model
    def _cron_compute_classes(self):
        today = fields.Date.context_today(self)
        for company in self.env["res.company"].search([]):
            # one run per company and day (ir.cron never runs this job twice at once)
            if self.search_count([("company_id", "=", company.id), ("date_to", "=", today)]):
                continue
            self.with_company(company)._compute_classes(company=company)
            if company.aftersales_parts_warehouse_id:
                # the class decides how often a part is counted
                self.env["stock.quant"].with_company(company)._aftersales_plan_cycle_counts(company)

    def _check_manager(self):
        if not self.env.su and not self.env.user.has_group(
            "aftersales_service.group_aftersales_manager"
        ):
            raise UserError(
                self.env._("Only an after-sales manager may classify parts or propose rules.")
            )

    def action_recompute(self):
        self._check_manager()
        run = self._compute_classes(company=self.company_id[:1] or self.env.company)
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": run.id,
            "view_mode": "form",
        }

    def action_view_lines(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("ABC Lines"),
            "res_model": "aftersales.abc.line",
            "view_mode": "list,pivot,graph",
            "domain": [("run_id", "=", self.id)],
        }

    def action_propose_reordering(self):
        self.ensure_one()
        self._check_manager()
        proposals = self.env["aftersales.reorder.proposal"]._generate_from_run(self)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reordering Proposals"),
            "res_model": "aftersales.reorder.proposal",
            "view_mode": "list,form",
            "domain": [("id", "in", proposals.ids)],
        }

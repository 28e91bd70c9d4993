# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Fill a database with a realistic after-sales history for the benchmarks.

    python3 bench/generate.py --db aftersales_bench [--fresh] [--scale 1.0] [--seed 42]

At ``--scale 1.0``: 2,000 customers, 300 serial-tracked products (with component
warranties when the warranty model is installed), 20,000 spare parts with 1,000,000
stock moves of consumption history, 50 technicians, 50,000 delivered serial numbers
(with their warranties), 100,000 service requests over 24 months in every stage,
300,000 work log lines, 10,000 returns, 5,000 complaints, 20,000 survey answers and
100,000 repair orders (the peer of the request list). ``--scale 0.01`` makes 1 % of it.

Every section checks that its model (or method) is installed and says "skipped" when
it is not, so the generator runs at every stage of the project. The data is drawn
from ``random.Random(seed)``: two runs with the same seed and scale make the same data.

Records go through the ORM in batches of 1,000 with tracking, chatter logs and mail
off (``common.QUIET``), without per-record reads or commits. History tables the ORM
would take far too long to fill (stock moves and move lines of deliveries and parts
consumption, work log lines) are written with PostgreSQL COPY (``common.copy_rows``)
with every column the ORM would store; computed stored fields of those tables are
plain values there, so nothing is left to recompute.
"""

import argparse
import datetime as dt
import random
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common

BATCH = 1000
VOLUMES = {
    "customers": 2000,
    "products": 300,
    "parts": 20000,
    "part_moves": 1000000,
    "technicians": 50,
    "serials": 50000,
    "requests": 100000,
    "work_logs": 300000,
    "returns": 10000,
    "big_return_lines": 10000,
    "complaints": 5000,
    "surveys": 20000,
    "repair_orders": 100000,
}
MINIMUM = {"technicians": 5, "products": 10, "customers": 20}
# the history ends at 08:00 UTC on the day of the run (``--today`` fixes another day): SLA,
# KPI, warranty and return-ratio windows count from today, so the history must too. Two runs
# with the same seed, scale and day make the same data.
NOW = datetime.combine(dt.date.today(), datetime.min.time()).replace(hour=8)


def set_today(day):
    """Make the history end on ``day`` (a date or ISO string) instead of today."""
    global NOW
    day = dt.date.fromisoformat(day) if isinstance(day, str) else day
    NOW = datetime.combine(day, datetime.min.time()).replace(hour=8)


HISTORY_DAYS = 730
CITIES = ["Hangzhou", "Shanghai", "Suzhou", "Ningbo", "Seoul", "Busan", "Incheon", "Wuxi"]
FAMILIES = [
    ("Air Conditioners", "AC", [("Compressor", 60), ("Control Board", 24)]),
    ("Refrigerators", "RF", [("Compressor", 120), ("Thermostat", 24)]),
    ("Washing Machines", "WM", [("Motor", 60), ("Drum Bearing", 36)]),
    ("Water Heaters", "WH", [("Heating Element", 36), ("Tank", 96)]),
    ("Commercial Chillers", "CH", [("Compressor", 60), ("Heat Exchanger", 48)]),
]
SYLLABLES = ["Hua", "Min", "Jin", "Seo", "Hae", "Long", "Tian", "Da", "Sung", "Kang", "Mei", "Rui"]
SUFFIXES = ["Trading", "Cooling", "Appliances", "Electric", "Retail", "Hotel", "Hospital", "Foods"]


class Generator:
    def __init__(self, env, scale, seed):
        self.env = env
        self.scale = scale
        self.rng = random.Random(seed)
        self.company = env.ref("base.main_company")
        self.data = {}

    # ------------------------------------------------------------------ helpers
    def n(self, key):
        return max(MINIMUM.get(key, 1), round(VOLUMES[key] * self.scale))

    def has(self, model, method=None):
        if model not in self.env:
            return False
        return method is None or hasattr(self.env[model], method)

    def model(self, name):
        return self.env[name].with_context(**common.QUIET)

    def only_fields(self, model, vals):
        fields = self.env[model]._fields
        return {k: v for k, v in vals.items() if k in fields}

    def create_batched(self, model, vals_list, context=None):
        records = self.env[model].browse()
        model_env = self.model(model).with_context(**(context or {}))
        ids = []
        for start in range(0, len(vals_list), BATCH):
            batch = model_env.create(vals_list[start : start + BATCH])
            ids.extend(batch.ids)
            self.env.flush_all()
            self.env.invalidate_all()
        return records.browse(ids)

    def moment(self, days_ago_max=HISTORY_DAYS, days_ago_min=0):
        seconds = self.rng.uniform(days_ago_min * 86400, days_ago_max * 86400)
        return (NOW - timedelta(seconds=seconds)).replace(microsecond=0)

    def company_name(self, i):
        a, b = self.rng.choice(SYLLABLES), self.rng.choice(SYLLABLES)
        return f"{a}{b.lower()} {self.rng.choice(SUFFIXES)} {i:04d}"

    # ------------------------------------------------------------------ sections
    def gen_customers(self):
        count = self.n("customers")
        vals = []
        for i in range(count):
            vals.append(
                {
                    "name": self.company_name(i),
                    "is_company": True,
                    "city": self.rng.choice(CITIES),
                    "street": f"{self.rng.randint(1, 999)} Industrial Road",
                    "phone": f"+86 571 {self.rng.randint(1000000, 9999999)}",
                    "company_id": False,
                }
            )
        partners = self.create_batched("res.partner", vals)
        self.data["customers"] = partners.ids
        return len(partners)

    def gen_products(self):
        categ_model = self.model("product.category")
        root = categ_model.create({"name": "After-Sales Equipment"})
        families = []
        for name, code, components in FAMILIES:
            categ = categ_model.create({"name": name, "parent_id": root.id})
            families.append((categ.id, code, components))
        parts_categ = categ_model.create({"name": "Spare Parts"})
        self.data["families"] = families
        self.data["parts_categ"] = parts_categ.id
        count = self.n("products")
        vals, meta = [], []
        for i in range(count):
            categ_id, code, components = families[i % len(families)]
            vals.append(
                {
                    "name": f"{code}-{100 + i} {FAMILIES[i % len(FAMILIES)][0][:-1]}",
                    "default_code": f"{code}{100 + i}",
                    "categ_id": categ_id,
                    "is_storable": True,
                    "tracking": "serial",
                    "list_price": self.rng.randrange(2000, 40000, 100),
                    "standard_price": self.rng.randrange(1000, 20000, 100),
                }
            )
            meta.append((categ_id, components))
        products = self.create_batched("product.product", vals)
        self.data["products"] = products.ids
        self.data["product_categ"] = {pid: m[0] for pid, m in zip(products.ids, meta, strict=True)}
        self._product_warranty_terms(products, meta)
        return len(products)

    def _product_warranty_terms(self, products, meta):
        """Warranty policies with component overrides (e.g. compressor 5 years, the rest 1, 2
        or 3 years), one per family and length, set on the products' templates."""
        if not self.has("aftersales.warranty.policy"):
            return
        by_key = {}
        for product, (categ_id, components) in zip(products, meta, strict=True):
            months = 12 * (1 + product.id % 3)
            key = (categ_id, months)
            if key not in by_key:
                by_key[key] = self.model("aftersales.warranty.policy").create(
                    {
                        "name": f"{product.categ_id.name}: {months} months",
                        "months": months,
                        "line_ids": [
                            (0, 0, {"component": name, "months": component_months})
                            for name, component_months in components
                        ],
                    }
                )
            product.product_tmpl_id.with_context(**common.QUIET).write(
                {"aftersales_warranty_policy_id": by_key[key].id}
            )

    def gen_parts(self):
        """Spare parts: the first through the ORM, the others cloned from it (COPY)."""
        count = self.n("parts")
        first = self.model("product.product").create(
            self.only_fields(
                "product.product",
                {
                    "name": "Spare Part 00000",
                    "default_code": "SP00000",
                    "categ_id": self.data["parts_categ"],
                    "is_storable": True,
                    "standard_price": 10.0,
                    "list_price": 25.0,
                    "aftersales_is_spare_part": True,
                },
            )
        )
        self.env.flush_all()
        company = str(self.company.id)
        names = [f"Spare Part {i:05d}" for i in range(1, count)]
        tmpl_ids = common.clone_rows(
            self.env.cr,
            "product_template",
            first.product_tmpl_id.id,
            [{"name": {"en_US": name}, "default_code": name[-7:]} for name in names],
        )
        prices = [round(self.rng.lognormvariate(3.0, 1.2), 2) for _ in names]
        part_ids = common.clone_rows(
            self.env.cr,
            "product_product",
            first.id,
            [
                {"product_tmpl_id": tmpl_id, "default_code": name[-7:],
                 "standard_price": {company: price}}
                for tmpl_id, name, price in zip(tmpl_ids, names, prices, strict=True)
            ],
        )  # fmt: skip
        self.env.invalidate_all()
        self.data["parts"] = [first.id] + part_ids
        return len(self.data["parts"])

    def gen_technicians(self):
        count = self.n("technicians")
        group = self.env.ref("aftersales_service.group_aftersales_technician")
        users = self.create_batched(
            "res.users",
            [
                {
                    "name": f"Technician {i:03d}",
                    "login": f"bench_tech_{i:03d}",
                    "email": f"tech{i:03d}@example.com",
                    "groups_id": [(6, 0, [group.id])],
                }
                for i in range(count)
            ],
        )
        emp_vals = [
            self.only_fields(
                "hr.employee",
                {
                    "name": user.name,
                    "user_id": user.id,
                    "company_id": self.company.id,
                    "is_technician": True,
                },
            )
            for user in users
        ]
        employees = self.create_batched("hr.employee", emp_vals)
        families = [f[0] for f in self.data["families"]]
        certified = {categ: [] for categ in families}
        cert_vals = []
        for i, employee in enumerate(employees):
            # everyone holds two or three families; each family has technicians
            mine = {families[i % len(families)]}
            mine.update(self.rng.sample(families, self.rng.randint(1, 2)))
            for categ in sorted(mine):
                certified[categ].append(employee.id)
                cert_vals.append(
                    {
                        "employee_id": employee.id,
                        "product_category_id": categ,
                        "date_obtained": (NOW - timedelta(days=800)).date(),
                        "date_expiry": (NOW + timedelta(days=1500)).date(),
                    }
                )
        if self.has("aftersales.technician.certification"):
            self.create_batched("aftersales.technician.certification", cert_vals)
        else:
            certified = {categ: employees.ids for categ in families}
        self.data["technicians"] = employees.ids
        self.data["certified"] = certified
        return len(employees)

    def gen_serials(self):
        """Serial numbers sold and delivered to customers: lots through the ORM; the sales
        orders, their lines and the done deliveries (picking, move, one move line per serial)
        cloned from one order made by the ORM (COPY)."""
        count = self.n("serials")
        products = self.data["products"]
        customers = self.data["customers"]
        orders = []  # (partner, product, quantity, date)
        remaining = count
        while remaining > 0:
            qty = min(remaining, self.rng.randint(1, 8))
            orders.append(
                (self.rng.choice(customers), self.rng.choice(products), qty,
                 self.moment(HISTORY_DAYS + 365, 30))
            )  # fmt: skip
            remaining -= qty
        lot_vals, lot_order = [], []
        for index, (_partner, product_id, qty, _date) in enumerate(orders):
            for _ in range(qty):
                lot_vals.append(
                    {
                        "name": f"SN{product_id:05d}{len(lot_vals):07d}",
                        "product_id": product_id,
                        "company_id": self.company.id,
                    }
                )
                lot_order.append(index)
        lots = self.create_batched("stock.lot", lot_vals)
        order_ids, line_ids = self._sale_orders(orders)
        self._deliver(orders, order_ids, line_ids, lots.ids, lot_vals, lot_order)
        self.data["serials"] = [
            (lot_id, vals["product_id"], orders[index][0], orders[index][3])
            for lot_id, vals, index in zip(lots.ids, lot_vals, lot_order, strict=True)
        ]
        return len(lots)

    def _sale_orders(self, orders):
        env = self.env
        template = self.model("sale.order").create(
            {
                "partner_id": orders[0][0],
                "order_line": [(0, 0, {"product_id": orders[0][1], "product_uom_qty": 1})],
            }
        )
        env.flush_all()
        price = {p.id: p.list_price for p in env["product.product"].browse(self.data["products"])}
        order_rows, line_rows = [], []
        for i, (partner_id, product_id, qty, date) in enumerate(orders):
            amount = price[product_id] * qty
            order_rows.append(
                {"name": f"S/H{i:06d}", "partner_id": partner_id, "partner_invoice_id": partner_id,
                 "partner_shipping_id": partner_id, "date_order": date, "state": "sale",
                 "amount_untaxed": amount, "amount_total": amount, "amount_tax": 0.0,
                 "create_date": date, "write_date": date}
            )  # fmt: skip
        order_ids = common.clone_rows(env.cr, "sale_order", template.id, order_rows)
        for order_id, (partner_id, product_id, qty, date) in zip(order_ids, orders, strict=True):
            amount = price[product_id] * qty
            line_rows.append(
                {"order_id": order_id, "product_id": product_id, "name": "Unit",
                 "product_uom_qty": qty, "qty_delivered": qty, "price_unit": price[product_id],
                 "price_subtotal": amount, "price_total": amount, "price_tax": 0.0,
                 "order_partner_id": partner_id, "state": "sale", "create_date": date,
                 "write_date": date}
            )  # fmt: skip
        line_ids = common.clone_rows(env.cr, "sale_order_line", template.order_line.id, line_rows)
        template.unlink()
        return order_ids, line_ids

    def _deliver(self, orders, order_ids, line_ids, lot_ids, lot_vals, lot_order):
        """One done delivery per order: picking, move, one move line per serial (COPY)."""
        env = self.env
        cr = env.cr
        warehouse = env["stock.warehouse"].search([("company_id", "=", self.company.id)], limit=1)
        out_type = warehouse.out_type_id.id
        src = warehouse.lot_stock_id.id
        dest = env.ref("stock.stock_location_customers").id
        uom = env.ref("uom.product_uom_unit").id
        uid = env.uid
        company = self.company.id
        picking_rows, move_rows, line_rows = [], [], []
        for i, ((partner_id, _product, _qty, date), order_id) in enumerate(
            zip(orders, order_ids, strict=True)
        ):
            picking_rows.append(
                (f"WH/OUT/H{i:06d}", f"S/H{i:06d}", order_id, out_type, src, dest, partner_id,
                 company, "done", "direct", date, date, date, uid, date, uid, date)
            )  # fmt: skip
        picking_ids = common.copy_rows(
            cr,
            "stock_picking",
            [
                "name", "origin", "sale_id", "picking_type_id", "location_id",
                "location_dest_id", "partner_id", "company_id", "state", "move_type",
                "scheduled_date", "date", "date_done", "create_uid", "create_date",
                "write_uid", "write_date",
            ],
            picking_rows,
        )  # fmt: skip
        for i, ((partner_id, product_id, qty, date), picking_id, line_id) in enumerate(
            zip(orders, picking_ids, line_ids, strict=True)
        ):
            move_rows.append(
                ("Unit", f"WH/OUT/H{i:06d}", f"S/H{i:06d}", product_id, uom, qty, qty, qty, True,
                 src, dest, dest, partner_id, picking_id, line_id, out_type, company, "done",
                 "make_to_stock", date, uid, date, uid, date)
            )  # fmt: skip
        move_ids = common.copy_rows(
            cr,
            "stock_move",
            [
                "name", "reference", "origin", "product_id", "product_uom", "product_uom_qty",
                "product_qty", "quantity", "picked", "location_id", "location_dest_id",
                "location_final_id", "partner_id", "picking_id", "sale_line_id",
                "picking_type_id", "company_id", "state", "procure_method", "date",
                "create_uid", "create_date", "write_uid", "write_date",
            ],
            move_rows,
        )  # fmt: skip
        for lot_id, vals, index in zip(lot_ids, lot_vals, lot_order, strict=True):
            date = orders[index][3]
            line_rows.append(
                (move_ids[index], picking_ids[index], vals["product_id"], uom, 1.0, 1.0, lot_id,
                 vals["name"], f"WH/OUT/H{index:06d}", src, dest, company, "done", True, date,
                 uid, date, uid, date)
            )  # fmt: skip
        common.copy_rows(
            cr,
            "stock_move_line",
            [
                "move_id", "picking_id", "product_id", "product_uom_id", "quantity",
                "quantity_product_uom", "lot_id", "lot_name", "reference", "location_id",
                "location_dest_id", "company_id", "state", "picked", "date",
                "create_uid", "create_date", "write_uid", "write_date",
            ],
            line_rows,
        )  # fmt: skip
        env.invalidate_all()

    def gen_warranties(self):
        """Warranties of the delivered serials, made the way the add-on backfills them."""
        if not self.has("aftersales.warranty", "_backfill"):
            return None
        return len(self.model("aftersales.warranty")._backfill())

    def _request_state(self, age_days):
        roll = self.rng.random()
        if age_days > 30:
            if roll < 0.85:
                return "closed"
            if roll < 0.93:
                return "done"
            if roll < 0.99:
                return "cancelled"
            return self.rng.choice(["in_progress", "waiting_parts", "scheduled"])
        states = ["new", "assessed", "scheduled", "in_progress", "waiting_parts", "done", "closed"]
        weights = [0.12, 0.10, 0.15, 0.15, 0.08, 0.20, 0.20]
        return self.rng.choices(states, weights)[0]

    def gen_requests(self):
        count = self.n("requests")
        serials = self.data["serials"]
        certified = self.data["certified"]
        categ_of = self.data["product_categ"]
        request_fields = self.env["aftersales.request"]._fields
        moments = sorted(self.moment() for _ in range(count))
        vals_list = []
        for i, date in enumerate(moments):
            lot_id, product_id, partner_id, _delivered = self.rng.choice(serials)
            age = (NOW - date).days
            state = self._request_state(age)
            vals = {
                "name": f"SR/{date.year}/{i + 1:06d}",
                "partner_id": partner_id,
                "product_id": product_id,
                "lot_id": lot_id,
                "date_request": date,
                "state": state,
                "channel": self.rng.choices(
                    ["phone", "email", "portal", "walk_in", "partner"], [5, 2, 2, 1, 1]
                )[0],
                "request_type": self.rng.choices(
                    ["repair", "maintenance", "installation", "usage", "policy", "return"],
                    [10, 4, 2, 3, 1, 1],
                )[0],
                "priority": self.rng.choices(["0", "1", "2"], [8, 2, 1])[0],
                "description": f"<p>Stops after a minute; error E{self.rng.randint(1, 9)}.</p>",
            }
            if "complexity" in request_fields:
                vals["complexity"] = self.rng.choice(["simple", "complex"])
            if state != "new":
                vals["date_responded"] = date + timedelta(minutes=self.rng.randint(5, 120))
            if state not in ("new", "assessed", "cancelled"):
                vals["technician_id"] = self.rng.choice(certified[categ_of[product_id]])
                start = date + timedelta(hours=self.rng.randint(4, 48))
                vals["date_appointment"] = start
                vals["date_appointment_end"] = start + timedelta(hours=2)
                vals["date_appointed"] = date + timedelta(hours=self.rng.randint(1, 30))
            if state in ("in_progress", "waiting_parts", "done", "closed"):
                vals["date_arrived"] = vals["date_appointment"]
            if state in ("done", "closed"):
                vals["date_done"] = vals["date_appointment"] + timedelta(
                    hours=self.rng.randint(1, 120)
                )
            if state == "closed":
                vals["date_callback"] = vals["date_done"] + timedelta(hours=self.rng.randint(2, 30))
            vals_list.append({k: v for k, v in vals.items() if k in request_fields})
        # requests of the past: their state is written as by their actions (a transition)
        ctx = {"aftersales_transition": "aftersales.request"}
        history = [
            (vals.get("technician_id"), vals["state"], vals["date_request"]) for vals in vals_list
        ]
        requests = self.create_batched("aftersales.request", vals_list, context=ctx)
        self.data["requests"] = [
            (rid, *row) for rid, row in zip(requests.ids, history, strict=True)
        ]
        return len(requests)

    def gen_sla_alerts(self):
        """The SLA job ran all along the history: the requests it found at risk or breached
        were warned then (SQL). The benchmark then measures the scan as it runs every half
        hour, not the one-off first scan after an import."""
        if "date_sla_alert" not in self.env["aftersales.request"]._fields:
            return None
        self.env.cr.execute(
            """
            UPDATE aftersales_request
               SET date_sla_alert = date_request + interval '1 hour'
             WHERE state NOT IN ('done', 'closed', 'cancelled')
               AND sla_state IN ('at_risk', 'breached')
               AND date_sla_alert IS NULL
            """
        )
        self.env.invalidate_all()
        return self.env.cr.rowcount

    def gen_work_logs(self):
        """Technician hours on the requests they worked on (COPY: 300,000 history lines)."""
        if not self.has("aftersales.work.log"):
            return None
        count = self.n("work_logs")
        worked = [r for r in self.data["requests"] if r[1]]
        technicians = self.data["technicians"]
        uid = self.env.uid
        rows = []
        for _ in range(count):
            if self.rng.random() < 0.1:
                request_id, employee_id, category = None, self.rng.choice(technicians), "D"
                date = self.moment()
                text = self.rng.choice(["Tool upkeep", "Training", "Parts count"])
            else:
                request_id, employee_id, _state, date = self.rng.choice(worked)
                category = self.rng.choices(["A", "B", "C"], [3, 2, 5])[0]
                date = date + timedelta(days=self.rng.randint(0, 5))
                text = self.rng.choice(["Diagnosis", "Repair", "Test run", "Travel"])
            rows.append(
                (request_id, employee_id, min(date, NOW).date(),
                 self.rng.choice([0.5, 1.0, 1.5, 2.0, 3.0, 4.0]), category, text,
                 self.company.id, uid, date, uid, date)
            )  # fmt: skip
        common.copy_rows(
            self.env.cr,
            "aftersales_work_log",
            [
                "request_id", "employee_id", "date", "hours", "category", "description",
                "company_id", "create_uid", "create_date", "write_uid", "write_date",
            ],
            rows,
        )  # fmt: skip
        self.env.invalidate_all()
        return len(rows)

    def gen_repair_orders(self):
        """Repair orders of Odoo's repair app, the peer of the request list: the first through
        the ORM, the others cloned from it (COPY) with their own customer, unit, date, state."""
        count = self.n("repair_orders")
        serials = self.data["serials"]
        lot_id, product_id, partner_id, _date = serials[0]
        first = self.model("repair.order").create(
            {"partner_id": partner_id, "product_id": product_id, "lot_id": lot_id}
        )
        self.env.flush_all()
        rows = []
        for i in range(1, count):
            lot_id, product_id, partner_id, _date = self.rng.choice(serials)
            date = self.moment()
            age = (NOW - date).days
            if age > 30:
                state = self.rng.choices(["done", "cancel", "under_repair"], [90, 8, 2])[0]
            else:
                state = self.rng.choice(["draft", "confirmed", "under_repair", "done"])
            rows.append(
                {"name": f"WH/RO/H{i:06d}", "partner_id": partner_id, "product_id": product_id,
                 "lot_id": lot_id, "schedule_date": date, "state": state,
                 "procurement_group_id": None, "create_date": date, "write_date": date}
            )  # fmt: skip
        ids = common.clone_rows(self.env.cr, "repair_order", first.id, rows)
        self.env.invalidate_all()
        return len(ids) + 1

    def gen_complaints(self):
        if not self.has("aftersales.complaint"):
            return None
        count = self.n("complaints")
        fields = self.env["aftersales.complaint"]._fields
        vals_list = []
        for i in range(count):
            row = {
                "partner_id": self.rng.choice(self.data["customers"]),
                "content": f"<p>Complaint {i}: the technician arrived late.</p>",
                "name": f"CP/H{i:05d}",
                "date_received": self.moment(),
            }
            if "category" in fields:
                selection = fields["category"].get_values(self.env)
                row["category"] = self.rng.choice(selection)
            vals_list.append(self.only_fields("aftersales.complaint", row))
        return len(self.create_batched("aftersales.complaint", vals_list))

    def gen_parts_history(self):
        """Consumption of spare parts over the last year: done moves from the parts stock to
        customers, one move line each. Drawn in Python, written server-side by
        INSERT ... SELECT FROM unnest(arrays): 1,000,000 moves and lines."""
        count = self.n("part_moves")
        env = self.env
        cr = env.cr
        parts = env["product.product"].browse(self.data["parts"])
        # Pareto-like demand: a few parts are consumed much more than the others
        weights = [1.0 / (rank + 1) ** 0.9 for rank in range(len(parts))]
        self.rng.shuffle(weights)
        price = {p.id: p.standard_price for p in parts}
        warehouse = env["stock.warehouse"].search([("company_id", "=", self.company.id)], limit=1)
        common_vals = {
            "src": warehouse.lot_stock_id.id,
            "dest": env.ref("stock.stock_location_customers").id,
            "type": warehouse.out_type_id.id,
            "uom": env.ref("uom.product_uom_unit").id,
            "company": self.company.id,
            "uid": env.uid,
        }
        cr.execute("SELECT COALESCE(MAX(id), 0) FROM stock_move")
        first_id = cr.fetchone()[0]
        chunk = 200000
        for start in range(0, count, chunk):
            size = min(chunk, count - start)
            products = self.rng.choices(parts.ids, weights, k=size)
            qtys = [self.rng.randint(1, 4) for _ in range(size)]
            dates = [self.moment(365) for _ in range(size)]
            cr.execute(
                """
                INSERT INTO stock_move (
                    name, reference, product_id, product_uom, product_uom_qty, product_qty,
                    quantity,
                    location_id, location_dest_id, location_final_id, picking_type_id,
                    company_id, state, procure_method, date, price_unit, picked,
                    create_uid, create_date, write_uid, write_date)
                SELECT 'Part consumption', 'Part consumption', t.product_id, %(uom)s,
                       t.qty, t.qty, t.qty,
                       %(src)s, %(dest)s, %(dest)s, %(type)s, %(company)s, 'done',
                       'make_to_stock', t.date, t.price, TRUE,
                       %(uid)s, t.date, %(uid)s, t.date
                  FROM unnest(%(products)s::int[], %(qtys)s::numeric[],
                              %(dates)s::timestamp[], %(prices)s::float8[])
                       AS t(product_id, qty, date, price)
                """,
                dict(
                    common_vals,
                    products=products,
                    qtys=qtys,
                    dates=dates,
                    prices=[price[p] for p in products],
                ),
            )
        cr.execute(
            """
            INSERT INTO stock_move_line (
                move_id, product_id, product_uom_id, quantity, quantity_product_uom,
                location_id, location_dest_id, company_id, state, picked, date,
                create_uid, create_date, write_uid, write_date)
            SELECT id, product_id, product_uom, quantity, quantity, location_id,
                   location_dest_id, company_id, 'done', TRUE, date,
                   create_uid, create_date, write_uid, write_date
              FROM stock_move
             WHERE id > %s AND name = 'Part consumption'
            """,
            [first_id],
        )
        done = cr.rowcount
        cr.execute("ANALYZE stock_move; ANALYZE stock_move_line")
        env.invalidate_all()
        return done

    def gen_surveys(self):
        """Answered satisfaction surveys of completed requests (ORM, batched)."""
        if not self.has("aftersales.survey"):
            return None
        count = self.n("surveys")
        done = [r for r in self.data["requests"] if r[2] in ("done", "closed") and r[1]]
        if not done:
            return 0
        cr = self.env.cr
        cr.execute("SELECT id, partner_id FROM aftersales_request WHERE id = ANY(%s)",
                   [[r[0] for r in done]])  # fmt: skip
        partner_of = dict(cr.fetchall())
        picked = self.rng.sample(done, min(count, len(done)))
        grades = ["4", "4", "4", "3", "3", "2", "1"]
        vals_list = []
        for request_id, technician_id, _state, date in picked:
            answered = min(date + timedelta(days=self.rng.randint(2, 6)), NOW)
            vals_list.append(
                self.only_fields(
                    "aftersales.survey",
                    {
                        "request_id": request_id,
                        "partner_id": partner_of[request_id],
                        "technician_id": technician_id,
                        "access_token": f"bench{request_id:09d}{self.rng.getrandbits(40):x}",
                        "grade_attitude": self.rng.choice(grades),
                        "grade_skill": self.rng.choice(grades),
                        "grade_punctuality": self.rng.choice(grades),
                        "grade_promise": self.rng.choice(grades),
                        "date_sent": answered - timedelta(days=1),
                        "date_answered": answered,
                        "state": "answered",
                    },
                )
            )
        # answered surveys of the past: their state and dates are written as by the form's
        # submission (a transition), not through the form
        ctx = {"aftersales_transition": "aftersales.survey"}
        return len(self.create_batched("aftersales.survey", vals_list, context=ctx))

    def _big_customer_parts_sales(self, partner_id, lines):
        """Spare parts sold to the distributor who returns the most: sale lines (COPY)."""
        env = self.env
        parts = self.data["parts"][: max(10, lines // 50)]
        template = self.model("sale.order").create(
            {"partner_id": partner_id, "order_line": [(0, 0, {"product_id": parts[0]})]}
        )
        env.flush_all()
        date = NOW - timedelta(days=200)
        order_id = common.clone_rows(
            env.cr, "sale_order", template.id,
            [{"name": "S/HPARTS", "state": "sale", "date_order": date, "create_date": date}],
        )[0]  # fmt: skip
        qty = max(1, (lines * 2) // len(parts) + 1)
        line_ids = common.clone_rows(
            env.cr, "sale_order_line", template.order_line.id,
            [{"order_id": order_id, "product_id": part, "name": "Spare part", "state": "sale",
              "product_uom_qty": qty, "qty_delivered": qty, "price_unit": 25.0,
              "price_subtotal": 25.0 * qty, "price_total": 25.0 * qty, "price_tax": 0.0,
              "create_date": date} for part in parts],
        )  # fmt: skip
        template.unlink()
        # their done deliveries (moves, COPY): a return takes back what was delivered
        warehouse = env["stock.warehouse"].search([("company_id", "=", self.company.id)], limit=1)
        src, dest = warehouse.lot_stock_id.id, env.ref("stock.stock_location_customers").id
        uom, uid, company = env.ref("uom.product_uom_unit").id, env.uid, self.company.id
        common.copy_rows(
            env.cr,
            "stock_move",
            [
                "name", "reference", "origin", "product_id", "product_uom", "product_uom_qty",
                "product_qty", "quantity", "picked", "location_id", "location_dest_id",
                "location_final_id", "partner_id", "sale_line_id", "picking_type_id",
                "company_id", "state", "procure_method", "date", "create_uid", "create_date",
                "write_uid", "write_date",
            ],
            [
                ("Spare part", "WH/OUT/HPARTS", "S/HPARTS", part, uom, qty, qty, qty, True, src,
                 dest, dest, partner_id, line_id, warehouse.out_type_id.id, company, "done",
                 "make_to_stock", date, uid, date, uid, date)
                for part, line_id in zip(parts, line_ids, strict=True)
            ],
        )  # fmt: skip
        env.invalidate_all()
        return list(zip(parts, line_ids, strict=True))

    def gen_returns(self):
        """Returns and exchanges: 10,000, of which a distributor's own hold 10,000 lines of
        slow-moving spare parts. Created as drafts through the ORM (lines checked against
        the deliveries); the stage each reached is then set in SQL, as an import of history
        would, since driving 10,000 approval chains through their buttons is not the point."""
        if not self.has("aftersales.return"):
            return None
        count = self.n("returns")
        big_lines = self.n("big_return_lines")
        big_partner = self.data["customers"][0]
        sold = self._big_customer_parts_sales(big_partner, big_lines)
        states = ["done", "done", "done", "received", "approved", "submitted", "refused"]
        vals_list, return_states = [], []
        per_return = 20
        big_returns = max(1, big_lines // per_return)
        for _i in range(big_returns):
            day = (NOW - timedelta(days=self.rng.randint(1, 150))).date()
            vals_list.append(
                {
                    "partner_id": big_partner,
                    "date_request": day,
                    "desired_outcome": "exchange",
                    "line_ids": [
                        (0, 0, {"product_id": part, "sale_line_id": line_id, "quantity": 1.0,
                                "reason_kind": "unsaleable", "reason": "Slow-moving"})
                        for part, line_id in self.rng.sample(sold, min(per_return, len(sold)))
                    ],
                }
            )  # fmt: skip
            return_states.append(self.rng.choice(states[:4]))
        serials = list(self.data["serials"])
        self.rng.shuffle(serials)
        for lot_id, product_id, partner_id, delivered in serials[: max(0, count - big_returns)]:
            day = min(delivered + timedelta(days=self.rng.randint(5, 200)), NOW).date()
            vals_list.append(
                {
                    "partner_id": partner_id,
                    "date_request": day,
                    "desired_outcome": self.rng.choice(["exchange", "refund", "concession"]),
                    "line_ids": [
                        (0, 0, {"product_id": product_id, "lot_id": lot_id, "quantity": 1.0,
                                "reason_kind": self.rng.choice(["quality", "unsaleable"]),
                                "reason": "Noise"})
                    ],
                }
            )  # fmt: skip
            return_states.append(self.rng.choice(states))
        returns = self.create_batched("aftersales.return", vals_list)
        self.env.cr.execute(
            """
            UPDATE aftersales_return r SET state = v.state
              FROM unnest(%s::int[], %s::varchar[]) AS v(id, state) WHERE r.id = v.id;
            UPDATE aftersales_return_line l SET return_state = r.state
              FROM aftersales_return r WHERE r.id = l.return_id AND r.id = ANY(%s)
            """,
            [returns.ids, return_states, returns.ids],
        )
        self.env.invalidate_all()
        self.env["ir.config_parameter"].set_param(
            "aftersales_bench.big_return_customer", str(big_partner)
        )
        return len(returns)

    def gen_emails(self):
        """Customers' e-mail addresses, added after the history (SQL) so that importing
        old requests does not send acknowledgments for them; new requests do."""
        self.env.cr.execute(
            """
            UPDATE res_partner
               SET email = 'service@c' || id || '.example.com',
                   email_normalized = 'service@c' || id || '.example.com'
             WHERE id = ANY(%s)
            """,
            [self.data["customers"]],
        )
        self.env.invalidate_all()
        return self.env.cr.rowcount

    SECTIONS = [
        ("customers", "gen_customers", None),
        ("products", "gen_products", None),
        ("parts", "gen_parts", None),
        ("technicians", "gen_technicians", None),
        ("serials", "gen_serials", None),
        ("warranties", "gen_warranties", None),
        ("requests", "gen_requests", "aftersales.request"),
        ("SLA alerts", "gen_sla_alerts", "aftersales.request"),
        ("work logs", "gen_work_logs", None),
        ("repair orders", "gen_repair_orders", "repair.order"),
        ("complaints", "gen_complaints", None),
        ("surveys", "gen_surveys", None),
        ("returns", "gen_returns", None),
        ("parts history", "gen_parts_history", None),
        ("customer e-mails", "gen_emails", None),
    ]


def generate(registry, scale=1.0, seed=42, log=print):
    """Run every section, committing after each; returns {section: (count, seconds)}."""
    from odoo import SUPERUSER_ID, api

    report = {}
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, dict(common.QUIET))
        gen = Generator(env, scale, seed)
        for label, method, model in Generator.SECTIONS:
            started = time.perf_counter()
            if model and model not in env:
                count = None
            else:
                count = getattr(gen, method)()
                env.flush_all()
                cr.commit()
            seconds = time.perf_counter() - started
            report[label] = (count, seconds)
            shown = "skipped (not installed)" if count is None else f"{count:>9,}"
            log(f"generate: {label:<16} {shown}  {seconds:7.1f} s", flush=True)
        env["ir.config_parameter"].set_param("aftersales_bench.generated", f"{scale}:{seed}")
        cr.execute("ANALYZE")
        cr.commit()
    return report


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default=common.DEFAULT_DB)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--fresh", action="store_true", help="drop and re-create the database")
    parser.add_argument("--today", help="the day the history ends (YYYY-MM-DD); default today")
    args = parser.parse_args()
    if args.today:
        set_today(args.today)
    if args.fresh or not common.harness.db_exists(args.db):
        common.make_database(args.db)
    registry = common.open_registry(args.db)
    generate(registry, args.scale, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())

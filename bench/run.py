# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""`make bench`: time the after-sales operations at scale and hold them to their budgets.

    python3 bench/run.py [--db aftersales_bench] [--scale 1.0] [--runs 5] [--reuse]

Without ``--reuse`` (or when the database holds no data of this scale and seed) a fresh
database is made from the project's template (tools/harness.py), the add-ons installed
and ``bench/generate.py`` fills it. Each operation then runs ``--runs`` times (after one
untimed warm-up, as on a running server) in its own transaction, rolled back afterwards,
with a cold ORM cache; we record wall time and the number of SQL queries
(``cr.sql_log_count``). Where Odoo's own ``repair`` app has the same operation it is
measured the same way, each of its passes right after the same pass of ours, and the
ratio printed. Budgets are judged on the median of the passes (and on the median of the
per-pass ratios against the peer), with the spread printed beside them (bench/verdict.py).
An operation whose model or method is not installed prints "n/a (not installed)".

Results: a table on stdout and ``bench/results/bench.json``. Exit status 1 when a budget
fails.
"""

import argparse
import os
import platform
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common
import generate
import verdict

RESULTS = Path(__file__).resolve().parent / "results"
OPEN_STATES = ("new", "assessed", "scheduled", "in_progress", "waiting_parts")


class NotInstalled(Exception):
    """The operation's model or method is not in this database."""


def percentile(values, pct):
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    rank = (len(ordered) - 1) * pct / 100.0
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def require(env, model, method=None):
    if model not in env or (method and not hasattr(env[model], method)):
        raise NotInstalled(f"{model}.{method}" if method else model)
    return env[model]


def admin_env(env):
    """The environment of the administrator as the web client has it (record rules apply)."""
    admin_id = env["ir.model.data"]._xmlid_to_res_id("base.user_admin")
    return env(user=admin_id, su=False, context=dict(env.context, tz="UTC", lang="en_US"))


# ---------------------------------------------------------------------------------- helpers
def list_specification(env, model, view_xmlid=None):
    """The ``web_search_read`` specification the web client builds from the list view."""
    view_id = env.ref(view_xmlid).id if view_xmlid else False
    views = env[model].get_views([(view_id, "list")])
    arch = views["views"]["list"]["arch"]
    from lxml import etree

    root = etree.fromstring(arch)
    spec = {}
    fields = env[model]._fields
    for node in root.iterchildren("field"):
        name = node.get("name")
        field = fields.get(name)
        if not field:
            continue
        if field.type in ("many2one", "many2many", "one2many"):
            spec[name] = {"fields": {"display_name": {}}}
            if field.type != "many2one":
                comodel = env[field.comodel_name]._fields
                if "color" in comodel:
                    spec[name]["fields"]["color"] = {}
        else:
            spec[name] = {}
    return spec


def action_domain(env, action_xmlid):
    """The domain of an action and of the filters its context switches on by default."""
    from odoo.osv import expression
    from odoo.tools import safe_eval as se

    safe_eval = se.safe_eval
    action = env.ref(action_xmlid)
    eval_ctx = {
        "uid": env.uid,
        "context_today": lambda: se.datetime.datetime.now(),
        "datetime": se.datetime,
        "relativedelta": se.dateutil.relativedelta.relativedelta,
        "time": se.time,
        "allowed_company_ids": env.user.company_ids.ids,
    }
    domains = [safe_eval(action.domain or "[]", eval_ctx)]
    context = safe_eval(action.context or "{}", eval_ctx)
    defaults = {k[len("search_default_") :] for k, v in context.items() if v and
                k.startswith("search_default_")}  # fmt: skip
    if defaults:
        from lxml import etree

        search = env[action.res_model].get_views([(action.search_view_id.id, "search")])
        root = etree.fromstring(search["views"]["search"]["arch"])
        for node in root.iter("filter"):
            if node.get("name") in defaults and node.get("domain"):
                domains.append(safe_eval(node.get("domain"), eval_ctx))
    return expression.AND(domains), context


def web_list(env, model, state):
    spec, domain, context = state
    records = env[model].with_context(**context)
    return records.web_search_read(domain, spec, limit=80, count_limit=10001)


# ---------------------------------------------------------------------------------- operations
# Each operation: setup(env) -> state (not timed), then run(env, state) (timed).


def warranty_lookup_setup(env):
    require(env, "aftersales.warranty", "_get_coverage")
    env.cr.execute(
        "SELECT l.name FROM stock_lot l JOIN aftersales_warranty w ON w.lot_id = l.id"
        " ORDER BY l.id LIMIT 200"
    )
    names = [r[0] for r in env.cr.fetchall()]
    return names[(env.context.get("bench_run", 0) * 37) % len(names)]


def warranty_lookup_run(env, serial):
    uenv = admin_env(env)
    lot = uenv["stock.lot"].search_fetch([("name", "=", serial)], ["product_id"], limit=1)
    return uenv["aftersales.warranty"]._get_coverage(lot.product_id, lot=lot)


def _create_vals(env, count):
    env.cr.execute(
        "SELECT l.id, l.product_id, p.partner_id FROM stock_lot l"
        " JOIN stock_move_line ml ON ml.lot_id = l.id JOIN stock_picking p ON p.id = ml.picking_id"
        " ORDER BY l.id LIMIT %s",
        [count],
    )
    return env.cr.fetchall()


def create_requests_setup(env):
    require(env, "aftersales.request")
    return _create_vals(env, 1000)


def create_requests_run(env, rows):
    uenv = admin_env(env)
    vals_list = [
        {
            "partner_id": partner_id,
            "product_id": product_id,
            "lot_id": lot_id,
            "channel": "phone",
            "request_type": "repair",
            "description": "<p>Unit does not start.</p>",
        }
        for lot_id, product_id, partner_id in rows
    ]
    return uenv["aftersales.request"].create(vals_list)


def create_repairs_setup(env):
    return _create_vals(env, 1000)


def create_one_request_setup(env):
    require(env, "aftersales.request")
    return _create_vals(env, 1)


def create_one_repair_setup(env):
    return _create_vals(env, 1)


def create_repairs_run(env, rows):
    uenv = admin_env(env)
    vals_list = [
        {
            "partner_id": partner_id,
            "product_id": product_id,
            "lot_id": lot_id,
            "internal_notes": "<p>Unit does not start.</p>",
        }
        for lot_id, product_id, partner_id in rows
    ]
    return uenv["repair.order"].create(vals_list)


def sla_scan_setup(env):
    require(env, "aftersales.request", "_cron_check_sla")


def sla_deadlines_run(env, _state):
    """Deadlines (working calendar, policies) recomputed for every open request."""
    requests = env["aftersales.request"]
    open_requests = requests.search([("state", "in", OPEN_STATES)])
    fnames = [f for f in ("deadline_response", "deadline_resolution") if f in requests._fields]
    for fname in fnames:
        env.add_to_compute(requests._fields[fname], open_requests)
    open_requests.flush_recordset()
    return len(open_requests)


def sla_scan_run(env, _state):
    """The breach scan over all open requests, as the half-hourly cron runs it."""
    return env["aftersales.request"]._cron_check_sla()


def dispatch_setup(env):
    require(env, "aftersales.dispatch.wizard")
    request = env["aftersales.request"].search([("state", "=", "new")], limit=1)
    return request.id


def dispatch_run(env, request_id):
    uenv = admin_env(env)
    request = uenv["aftersales.request"].browse(request_id)
    action = request.action_suggest_technician()
    wizard = uenv["aftersales.dispatch.wizard"].browse(action["res_id"])
    return wizard.line_ids.mapped("employee_id.name")


def request_list_setup(env):
    require(env, "aftersales.request")
    uenv = admin_env(env)
    spec = list_specification(uenv, "aftersales.request")
    return (spec, *action_domain(uenv, "aftersales_service.aftersales_request_action"))


def request_list_run(env, state):
    return web_list(admin_env(env), "aftersales.request", state)


def repair_list_setup(env):
    uenv = admin_env(env)
    spec = list_specification(uenv, "repair.order", "repair.view_repair_order_tree")
    return (spec, *action_domain(uenv, "repair.action_repair_order_tree"))


def repair_list_run(env, state):
    return web_list(admin_env(env), "repair.order", state)


def return_ratio_setup(env):
    require(env, "res.partner", "_aftersales_return_ratio")
    require(env, "aftersales.return")
    value = env["ir.config_parameter"].get_param("aftersales_bench.big_return_customer")
    if not value:
        raise NotInstalled("aftersales_bench.big_return_customer")
    return int(value)


def return_ratio_run(env, partner_id):
    return admin_env(env)["res.partner"].browse(partner_id)._aftersales_return_ratio()


def kpi_setup(env):
    require(env, "aftersales.technician.kpi", "_compute_month")
    # the last complete month of the history
    first = generate.NOW.date().replace(day=1) - timedelta(days=1)
    return first.year, first.month


def kpi_run(env, period):
    return env["aftersales.technician.kpi"]._compute_month(*period)


def abc_setup(env):
    return require(env, "aftersales.abc.run", "_compute_classes")


def abc_run(env, _state):
    return env["aftersales.abc.run"]._compute_classes()


def backfill_setup(env):
    require(env, "aftersales.warranty", "_backfill")
    # start from serials without warranties; the transaction is rolled back afterwards
    env.cr.execute("DELETE FROM aftersales_warranty")
    env.invalidate_all()


def backfill_run(env, _state):
    return env["aftersales.warranty"]._backfill()


# ---------------------------------------------------------------------------------- returns / rma
# Returns against the OCA's rma (bench/common.py: OCA_ADDONS), both sides with tracking and
# the "created" log off (the comparison), as the administrator with record rules on.
RMA_CONTEXT = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True}


def _return_capacity(env, limit):
    """(partner, product, sale line) of delivered untracked goods, one row per unit that may
    still come back (delivered minus already returned), at most ``limit`` rows."""
    env.cr.execute(
        """
        SELECT so.partner_id, sol.product_id, sol.id,
               FLOOR(sol.qty_delivered - COALESCE((
                   SELECT SUM(rl.quantity) FROM aftersales_return_line rl
                    WHERE rl.sale_line_id = sol.id), 0))::int
          FROM sale_order_line sol
          JOIN sale_order so ON so.id = sol.order_id
          JOIN product_product pp ON pp.id = sol.product_id
          JOIN product_template pt ON pt.id = pp.product_tmpl_id
         WHERE sol.qty_delivered >= 1 AND pt.tracking = 'none'
         ORDER BY sol.id
        """
    )
    rows = []
    for partner_id, product_id, line_id, free in env.cr.fetchall():
        rows.extend([(partner_id, product_id, line_id)] * max(free, 0))
        if len(rows) >= limit:
            break
    return rows[:limit]


def _require_rma(env):
    require(env, "rma")
    require(env, "aftersales.return")


def _return_vals(rows):
    return [
        {
            "partner_id": partner_id,
            "desired_outcome": "exchange",
            "line_ids": [
                (
                    0,
                    0,
                    {
                        "product_id": product_id,
                        "sale_line_id": line_id,
                        "quantity": 1.0,
                        "reason_kind": "unsaleable",
                        "reason": "Slow-moving stock",
                    },
                )
            ],
        }
        for partner_id, product_id, line_id in rows
    ]


def _rma_vals(env, rows):
    """The same returns as rma drafts: an exchange is rma's "replace" operation."""
    operation = env.ref("rma.rma_operation_replace", raise_if_not_found=False)
    return [
        {
            "partner_id": partner_id,
            "partner_invoice_id": partner_id,
            "partner_shipping_id": partner_id,
            "product_id": product_id,
            "product_uom_qty": 1.0,
            "description": "Slow-moving stock",
            "operation_id": operation.id if operation else False,
        }
        for partner_id, product_id, _line_id in rows
    ]


def _rma_env(env):
    return admin_env(env)(context=dict(admin_env(env).context, **RMA_CONTEXT))


def returns_batch_setup(env):
    _require_rma(env)
    rows = _return_capacity(env, 1000)
    if not rows:
        raise NotInstalled("delivered goods to return")
    return rows


def returns_batch_run(env, rows):
    return _rma_env(env)["aftersales.return"].create(_return_vals(rows))


def rma_batch_run(env, rows):
    return _rma_env(env)["rma"].create(_rma_vals(env, rows))


def returns_one_setup(env):
    return returns_batch_setup(env)[:1]


def returns_list_setup(env):
    _require_rma(env)
    uenv = admin_env(env)
    spec = list_specification(uenv, "aftersales.return")
    return (spec, *action_domain(uenv, "aftersales_service.aftersales_return_action"))


def returns_list_run(env, state):
    return web_list(admin_env(env), "aftersales.return", state)


def rma_list_setup(env):
    _require_rma(env)
    uenv = admin_env(env)
    spec = list_specification(uenv, "rma", "rma.rma_view_tree")
    return (spec, *action_domain(uenv, "rma.rma_action"))


def rma_list_run(env, state):
    return web_list(admin_env(env), "rma", state)


def returns_submit_setup(env):
    rows = returns_batch_setup(env)[:100]
    return _rma_env(env)["aftersales.return"].create(_return_vals(rows)).ids


def returns_submit_run(env, ids):
    return _rma_env(env)["aftersales.return"].browse(ids).action_submit()


def rma_submit_setup(env):
    rows = returns_batch_setup(env)[:100]
    return _rma_env(env)["rma"].create(_rma_vals(env, rows)).ids


def rma_submit_run(env, ids):
    return _rma_env(env)["rma"].browse(ids).action_confirm()


def ensure_rma_history(registry, log=print):
    """As many rma rows as there are returns, committed once: clones of one ORM-made rma,
    each with the customer, product and date of one return, so that the list of 80 reads
    the same number of rows, customers and products on both sides."""
    with common.environment(registry, common.QUIET) as env:
        if "rma" not in env or "aftersales.return" not in env:
            return 0
        env.cr.execute("SELECT COUNT(*) FROM aftersales_return")
        wanted = env.cr.fetchone()[0]
        env.cr.execute("SELECT COUNT(*) FROM rma")
        missing = wanted - env.cr.fetchone()[0]
        rows = _return_capacity(env, 1)
        if missing <= 0 or not rows:
            return 0
        template = env["rma"].create(_rma_vals(env, rows))
        env.flush_all()
        env.cr.execute(
            """
            SELECT r.partner_id, r.date_request,
                   (SELECT l.product_id FROM aftersales_return_line l
                     WHERE l.return_id = r.id ORDER BY l.id LIMIT 1)
              FROM aftersales_return r
          ORDER BY r.id
             LIMIT %s
            """,
            [missing - 1],
        )
        clones = []
        for index, (partner, day, product) in enumerate(env.cr.fetchall()):
            clone = {
                "name": f"RMA/BENCH/{index:06d}",
                "partner_id": partner,
                "partner_invoice_id": partner,
                "partner_shipping_id": partner,
                "date": f"{day} 12:00:00",
            }
            if product:
                clone["product_id"] = product
            clones.append(clone)
        common.clone_rows(env.cr, "rma", template.id, clones)
        env.cr.execute("SELECT setval('rma_id_seq', (SELECT MAX(id) FROM rma))")
        log(f"bench: {missing} rma rows beside the {wanted} returns", flush=True)
        return missing


OPERATIONS = [
    {
        "key": "warranty_lookup",
        "label": "1. warranty coverage by serial",
        "ours": (warranty_lookup_setup, warranty_lookup_run),
        "budget": {"median_ms": 20, "queries": 5},
        "runs": 20,
    },
    {
        "key": "create_requests",
        "label": "2. create 1,000 requests",
        "ours": (create_requests_setup, create_requests_run),
        "peer": (create_repairs_setup, create_repairs_run),
        "peer_label": "create 1,000 repair.order",
        "budget": {"ratio_time": 1.5},
        "runs": 3,
    },
    {
        "key": "create_request",
        "label": "2b. create one request",
        "ours": (create_one_request_setup, create_requests_run),
        "peer": (create_one_repair_setup, create_repairs_run),
        "peer_label": "create one repair.order",
        "budget": {"ratio_time": 1.3},
        "runs": 20,
    },
    {
        "key": "sla_deadlines",
        "label": "3a. SLA deadlines, all open requests",
        "ours": (sla_scan_setup, sla_deadlines_run),
    },
    {
        "key": "sla_scan",
        "label": "3b. SLA breach scan (cron)",
        "ours": (sla_scan_setup, sla_scan_run),
        "budget": {"median_ms": 2000},
    },
    {
        "key": "dispatch",
        "label": "4. dispatch suggestion",
        "ours": (dispatch_setup, dispatch_run),
    },
    {
        "key": "request_list",
        "label": "5. request list (80, defaults)",
        "ours": (request_list_setup, request_list_run),
        "peer": (repair_list_setup, repair_list_run),
        "peer_label": "repair.order list",
        "budget": {"ratio_time": 1.2, "ratio_queries": 1.2},
        "runs": 10,
    },
    {
        "key": "return_ratio",
        "label": "6. return ratio, 10,000 lines",
        "ours": (return_ratio_setup, return_ratio_run),
    },
    {
        "key": "technician_kpi",
        "label": "7. monthly KPIs, all technicians",
        "ours": (kpi_setup, kpi_run),
        "budget": {"median_ms": 2000},
    },
    {
        "key": "abc",
        "label": "8a. ABC classification",
        "ours": (abc_setup, abc_run),
        "runs": 2,
    },
    {
        "key": "warranty_backfill",
        "label": "8b. warranty backfill",
        "ours": (backfill_setup, backfill_run),
        "runs": 1,
        "warmup": False,
    },
    {
        "key": "returns_batch",
        "label": "9a. create returns, one call",
        "ours": (returns_batch_setup, returns_batch_run),
        "peer": (returns_batch_setup, rma_batch_run),
        "peer_label": "rma",
        "runs": 3,
    },
    {
        "key": "returns_one",
        "label": "9b. create one return per call",
        "ours": (returns_one_setup, returns_batch_run),
        "peer": (returns_one_setup, rma_batch_run),
        "peer_label": "rma",
        "budget": {"ratio_time": 1.0},
        "runs": 20,
    },
    {
        "key": "returns_list",
        "label": "9c. returns list (80, defaults)",
        "ours": (returns_list_setup, returns_list_run),
        "peer": (rma_list_setup, rma_list_run),
        "peer_label": "rma",
        "budget": {"ratio_time": 1.0},
        "runs": 10,
    },
    {
        "key": "returns_submit",
        "label": "9d. submit/confirm 100 returns",
        "ours": (returns_submit_setup, returns_submit_run),
        "peer": (rma_submit_setup, rma_submit_run),
        "peer_label": "rma",
        "runs": 3,
    },
]


def one_pass(registry, setup, run, index):
    """One timed pass of ``run`` in its own transaction, rolled back: (ms, queries)."""
    from odoo import SUPERUSER_ID, api

    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"bench_run": index})
        try:
            state = setup(env)
            # a running server knows the user and their companies before the request
            uenv = admin_env(env)
            uenv.user, uenv.company, uenv.companies  # noqa: B018
            env.flush_all()
            env.invalidate_all()
            count0 = cr.sql_log_count
            started = time.perf_counter()
            run(env, state)
            env.flush_all()
            elapsed = time.perf_counter() - started
            count = cr.sql_log_count - count0
        finally:
            cr.rollback()
            env.invalidate_all()
    return elapsed * 1000, count


def summary(times, queries):
    spread = verdict.spread(times)
    return {
        "runs": len(times),
        "p50_ms": round(spread.median, 1),
        "p95_ms": round(percentile(times, 95), 1),
        "min_ms": round(spread.low, 1),
        "max_ms": round(spread.high, 1),
        "queries": max(queries),
        "times_ms": [round(t, 1) for t in times],
        "query_counts": list(queries),
    }


def measure(registry, setup, run, runs, warmup=True, peer=None):
    """Time ``run`` ``runs`` times, each in its own transaction that is rolled back. With a
    ``peer`` (setup, run), each pass of ours is followed at once by the same pass of the
    peer, so the per-pass ratio compares two passes made under the same machine load."""
    sides = [(setup, run)] + ([peer] if peer else [])
    passes = [([], []) for _side in sides]
    for i in range(runs + (1 if warmup else 0)):
        for (side_setup, side_run), (times, queries) in zip(sides, passes, strict=True):
            elapsed, count = one_pass(registry, side_setup, side_run, i)
            if warmup and i == 0:
                continue
            times.append(elapsed)
            queries.append(count)
    return [summary(times, queries) for times, queries in passes]


def judge(result):
    """PASS/FAIL/-: the budget judged on the median of the passes (bench/verdict.py)."""
    if result.get("status") == "n/a":
        return "n/a"
    ours = result["ours"]
    found = verdict.checks(
        result.get("budget") or {},
        times_ms=ours.get("times_ms") or [],
        queries=ours.get("query_counts") or [],
        ratio_times=result.get("ratio_times") or [],
        ratio_queries=result.get("ratio_query_counts") or [],
    )
    return verdict.verdict(found)


def budget_text(budget):
    return verdict.budget_text(budget)


def run_operations(registry, runs, only=None, log=print):
    results = []
    for op in OPERATIONS:
        if only and op["key"] not in only:
            continue
        n = op.get("runs", runs)
        result = {"key": op["key"], "label": op["label"], "budget": op.get("budget", {})}
        warmup = op.get("warmup", True)
        try:
            measured = measure(registry, *op["ours"], n, warmup, peer=op.get("peer"))
            result["ours"] = measured[0]
            if op.get("peer"):
                result["peer_label"] = op["peer_label"]
                result["peer"] = measured[1]
        except NotInstalled as missing:
            result["status"] = "n/a"
            result["missing"] = str(missing)
            log(f"bench: {op['label']:<36} n/a (not installed: {missing})", flush=True)
            results.append(result)
            continue
        except Exception as error:  # noqa: BLE001 - one broken operation must not hide the rest
            result["status"] = "ERROR"
            result["error"] = repr(error)
            log(f"bench: {op['label']:<36} ERROR {error!r}", flush=True)
            results.append(result)
            continue
        if op.get("peer"):
            ours, peer = result["ours"], result["peer"]
            times = verdict.ratios(ours["times_ms"], peer["times_ms"])
            counts = verdict.ratios(ours["query_counts"], peer["query_counts"])
            result["ratio_times"] = [round(r, 3) for r in times]
            result["ratio_query_counts"] = [round(r, 3) for r in counts]
            result["ratio_time"] = round(verdict.spread(times).median, 2)
            result["ratio_queries"] = round(verdict.spread(counts).median, 2)
            result["ratio_spread"] = verdict.spread(times).text(2)
        result["status"] = judge(result)
        log(f"bench: {op['label']:<36} done ({result['ours']['p50_ms']} ms p50)", flush=True)
        results.append(result)
    return results


def table(results):
    """The results table: medians judged, the spread of the passes beside them."""
    head = (
        f"{'operation':<36} {'p50 ms':>9} {'p95 ms':>9} {'min-max ms':>17} {'queries':>8}  "
        f"{'repair p50':>10} {'queries':>8} {'ratio t/q':>11} {'ratio min-max':>13}  "
        f"{'budget':<18} result"
    )
    lines = [head, "-" * len(head)]
    for r in results:
        if r.get("status") == "n/a":
            lines.append(f"{r['label']:<36} {'n/a (not installed)':>28}")
            continue
        if r.get("status") == "ERROR":
            lines.append(f"{r['label']:<36} ERROR {r['error'][:80]}")
            continue
        o = r["ours"]
        peer = r.get("peer")
        if peer:
            low, high = min(r["ratio_times"]), max(r["ratio_times"])
            peer_cols = (
                f"{peer['p50_ms']:>10} {peer['queries']:>8} "
                f"{r['ratio_time']:>5}/{r['ratio_queries']:<5} {f'{low:.2f}-{high:.2f}':>13}"
            )
        else:
            peer_cols = f"{'':>10} {'':>8} {'':>11} {'':>13}"
        minmax = f"{o.get('min_ms', o['p50_ms'])}-{o.get('max_ms', o['p50_ms'])}"
        lines.append(
            f"{r['label']:<36} {o['p50_ms']:>9} {o['p95_ms']:>9} {minmax:>17} {o['queries']:>8}  "
            f"{peer_cols}  {budget_text(r['budget']):<18} {r['status']}"
        )
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    common.database_arguments(parser, "BENCH_SCALE", "1.0")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--reuse", action="store_true", help="keep generated data of this scale")
    parser.add_argument("--only", nargs="*", help="operation keys to run")
    parser.add_argument("--out", default=str(RESULTS / "bench.json"))
    args = parser.parse_args()
    started = time.perf_counter()
    generated = None
    marker = f"{args.scale}:{args.seed}"
    fresh = not args.reuse or not common.harness.db_exists(args.db)
    if not fresh:
        common.install_rma(args.db)  # unpacked since the database was made
        registry = common.open_registry(args.db)
        fresh = common.generated_marker(registry) != marker
    if fresh:
        registry, report, seconds = common.generate_fresh(args.db, args.scale, args.seed, "bench")
        generated = {
            "seconds": round(seconds, 1),
            "sections": {k: {"count": c, "seconds": round(s, 1)} for k, (c, s) in report.items()},
        }
    ensure_rma_history(registry)
    results = run_operations(registry, args.runs, args.only)
    total = round(time.perf_counter() - started, 1)
    text = table(results)
    print()
    print(text)
    print(f"\nscale {args.scale}, {args.runs} runs, total {total} s (fresh database: {fresh})")
    import odoo.release

    common.write_results(
        args.out,
        "bench",
        {
            "db": args.db,
            "scale": args.scale,
            "seed": args.seed,
            "odoo": odoo.release.version,
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "total_seconds": total,
            "generation": generated,
            "operations": results,
            "table": text,
        },
    )
    return 1 if any(r.get("status") in ("FAIL", "ERROR") for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())

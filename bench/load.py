# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""`make bench-load`: a service desk under load, on Odoo's multi-worker server, beside repair.

    python3 bench/load.py [--db aftersales_bench] [--scale 0.01] [--fresh]
                          [--agents 20] [--duration 60] [--workers 4] [--think 0]

The database is the one ``make bench`` generates, used as it is; when it holds no bench data
(or with ``--fresh``) it is made and filled at ``--scale`` (default 0.01). Before the server
starts, the bench makes its users, each with exactly the groups of its role in the README's
access matrix, and the documents the mix consumes (returns with a step to sign; for the
stock-in, the return transport orders of returns taken through their whole approval chain,
collected and QC-inspected, quantities picked; draft repair orders and plain supplier
receipts for the peer). Odoo is then started with ``--workers`` HTTP workers on
loopback, on a free port, and N threads each play one desk agent for ``--duration``
seconds in all (the two mixes take turns, ``--rounds`` each, alternating which goes first,
so both meet the same machine load), calling JSON-RPC as the web client would, back to
back (``--think 0``, the default: the server saturated) or with a pause between calls, the
time an agent reads the answer (exponential, mean ``--think`` seconds):

    list (web_search_read of the list view, 80 rows) . open (web_read of the form's fields)
    . coverage lookup (the form's onchange on the serial) . create a request . sign a return
    step . validate a stock-in (the warehouse keeper's Validate of a return's receipt, where
    the add-ons check the signatures and send the goods on)

then the same mix on Odoo's repair.order (list, open, serial onchange, create, confirm a
repair, validate a supplier receipt: Odoo's repair has no return flow). A Validate that
answers with a wizard instead of booking the receipt counts as an error. Reported per call:
count, throughput, p50/p95/p99/max, errors shown to the user; serialization retries counted
from the server log ("tries left"); every successful create is looked up afterwards.
Results: a table and bench/results/load.json.
Exit status 1 when a budget fails (zero errors, zero lost creates, create p99 at most 1.5x the
peer's, every call's p95 under 1 s).
"""

import argparse
import json
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common
import run as bench_run

RESULTS = Path(__file__).resolve().parent / "results"
PASSWORD = "bench-load-pw"
# login -> groups (README access matrix: role -> groups)
ROLES = {
    "bench_agent": ["aftersales_service.group_aftersales_user"],
    "bench_manager": ["aftersales_service.group_aftersales_manager"],
    "bench_warehouse": ["stock.group_stock_user", "aftersales_service.group_aftersales_user_own"],
    # sign the returns whose receipts the warehouse validates (prepared, not timed)
    "bench_approver": ["aftersales_service.group_aftersales_return_approver"],
    "bench_qc": ["aftersales_service.group_aftersales_qc_inspector"],
    # the peer: Odoo's repair app is used with Inventory: User
    "bench_repair": ["stock.group_stock_user"],
}
# who signs the approval chain's button steps of the stock-in pool's returns: the first of
# them holding the step's group (and not already a signer of the return when the step
# wants a distinct signer)
CHAIN_SIGNERS = ("bench_manager", "bench_approver")
MIX = {"list": 30, "open": 25, "lookup": 20, "create": 15, "sign": 5, "stock_in": 5}
CALLS = list(MIX)


# ---------------------------------------------------------------------------- preparation
def ensure_users(env):
    users = {}
    for login, xmlids in ROLES.items():
        groups = [env.ref(x).id for x in xmlids]
        user = env["res.users"].with_context(active_test=False).search([("login", "=", login)])
        # an e-mail address, as every colleague has: a signature activity is notified from
        # the user who caused it (Odoo refuses to notify from a sender without one)
        vals = {
            "groups_id": [(6, 0, groups)],
            "password": PASSWORD,
            "active": True,
            "email": f"{login}@bench.example.com",
        }
        if user:
            user.write(vals)
        else:
            user = (
                env["res.users"]
                .with_context(no_reset_password=True)
                .create(dict(vals, login=login, name=login.replace("_", " ").title()))
            )
        users[login] = user
    return users


def form_spec(env, model):
    """The fields of the form view's top level, as web_read asks for them."""
    from lxml import etree

    arch = env[model].get_views([(False, "form")])["views"]["form"]["arch"]
    root = etree.fromstring(arch)
    fields = env[model]._fields
    spec = {}
    for node in root.iter("field"):
        # fields of inline sub-views (one2many lists) belong to the sub-model
        if any(p.tag in ("list", "tree", "kanban", "form") for p in node.iterancestors()
               if p is not root):  # fmt: skip
            continue
        field = fields.get(node.get("name"))
        if not field:
            continue
        if field.type in ("many2one", "one2many", "many2many"):
            spec[field.name] = {"fields": {"display_name": {}}}
        else:
            spec[field.name] = {}
    return spec


def delivered_serials(env, limit):
    env.cr.execute(
        "SELECT l.id, l.name, l.product_id, p.partner_id FROM stock_lot l"
        " JOIN stock_move_line ml ON ml.lot_id = l.id JOIN stock_picking p ON p.id = ml.picking_id"
        " WHERE p.partner_id IS NOT NULL ORDER BY l.id LIMIT %s",
        [limit],
    )
    return [list(r) for r in env.cr.fetchall()]


def submit_return(returns, partner_id, outcome, line):
    """A return of one unit (``line``: the line's values), made and submitted as the user of
    the ``returns`` model."""
    from odoo import Command

    record = returns.create(
        {
            "partner_id": partner_id,
            "desired_outcome": outcome,
            "line_ids": [Command.create(dict(line, quantity=1.0))],
        }
    )
    record.action_submit()
    return record


def build_sign_pool(env, users, size, log):
    """Returns submitted, their first step signable by the Manager role: (return, step)."""

    env.cr.execute(
        "SELECT sol.id, sol.product_id, so.partner_id FROM sale_order_line sol"
        " JOIN sale_order so ON so.id = sol.order_id"
        " JOIN product_product pp ON pp.id = sol.product_id"
        " JOIN product_template pt ON pt.id = pp.product_tmpl_id"
        " WHERE sol.qty_delivered >= 1 AND pt.tracking = 'none' ORDER BY sol.id DESC LIMIT %s",
        [size * 3],
    )
    lines = env.cr.fetchall()
    manager = users["bench_manager"]
    pool = []
    agent = users["bench_agent"]
    for sale_line_id, product_id, partner_id in lines:
        if len(pool) >= size:
            break
        try:
            with env.cr.savepoint():
                record = submit_return(
                    env["aftersales.return"].with_user(agent),
                    partner_id,
                    "exchange",
                    {
                        "product_id": product_id,
                        "sale_line_id": sale_line_id,
                        "reason_kind": "unsaleable",
                        "reason": "Slow-moving stock",
                    },
                )
                step = record._next_step()
                if step and step.group_id in manager.groups_id:
                    # the form shows the step and its button sends it in the click's context
                    pool.append((record.id, step.id))
        except Exception as error:  # noqa: BLE001 - the pool takes what the rules allow
            log(f"bench-load: sign pool: {error!r:.120}")
    return pool


def return_candidates(env, size):
    """What customers can send back, as (sale line, product, customer, serial) tuples, so
    that the receipts of the stock-in pool rarely meet on one row: first one per product
    (untracked products through their sale line with the most units left to return,
    serial-numbered ones through a delivered serial on no open return), then further
    serials (each its own stock_quant row), and only then a second unit of an untracked
    sale line (its product's quant row in the inspection location is shared)."""
    env.flush_all()
    # lines that count against what was delivered (the return line's own rule)
    not_counted = ("cancelled", "refused")
    env.cr.execute(
        "SELECT sol.id, sol.product_id, so.partner_id, sol.qty_delivered - COALESCE("
        "  (SELECT sum(rl.quantity) FROM aftersales_return_line rl WHERE rl.sale_line_id = sol.id"
        "   AND rl.return_state NOT IN %s AND rl.is_refused IS NOT TRUE), 0) AS left_qty"
        " FROM sale_order_line sol JOIN sale_order so ON so.id = sol.order_id"
        " JOIN product_product pp ON pp.id = sol.product_id"
        " JOIN product_template pt ON pt.id = pp.product_tmpl_id"
        " WHERE sol.state = 'sale' AND pt.is_storable AND pt.tracking = 'none'"
        " ORDER BY left_qty DESC, sol.id DESC",
        [not_counted],
    )
    untracked = {}
    for sale_line_id, product_id, partner_id, left_qty in env.cr.fetchall():
        if left_qty >= 1:
            untracked.setdefault(product_id, []).extend(
                [(sale_line_id, product_id, partner_id, None)] * min(int(left_qty), size)
            )
    # each serial's last done move: still at the customer's, and on no open return
    env.cr.execute(
        "SELECT DISTINCT ON (ml.lot_id) ml.lot_id, ml.product_id, m.sale_line_id,"
        " COALESCE(m.partner_id, p.partner_id), dest.usage"
        " FROM stock_move_line ml JOIN stock_move m ON m.id = ml.move_id"
        " JOIN stock_location dest ON dest.id = ml.location_dest_id"
        " LEFT JOIN stock_picking p ON p.id = ml.picking_id"
        " JOIN product_product pp ON pp.id = ml.product_id"
        " JOIN product_template pt ON pt.id = pp.product_tmpl_id"
        " WHERE ml.state = 'done' AND ml.lot_id IS NOT NULL AND pt.tracking = 'serial'"
        " AND NOT EXISTS (SELECT 1 FROM aftersales_return_line rl WHERE rl.lot_id = ml.lot_id"
        "  AND rl.return_state NOT IN %s AND rl.is_refused IS NOT TRUE)"
        " ORDER BY ml.lot_id, ml.date DESC, ml.id DESC",
        [not_counted],
    )
    serials = {}
    for lot_id, product_id, sale_line_id, partner_id, usage in env.cr.fetchall():
        if usage == "customer" and partner_id:
            serials.setdefault(product_id, []).append(
                (sale_line_id, product_id, partner_id, lot_id)
            )

    def round_robin(groups):
        lists = [list(group) for group in groups if group]
        ordered = []
        while lists:
            ordered.extend(group.pop(0) for group in lists)
            lists = [group for group in lists if group]
        return ordered

    firsts = [group[0] for group in (*untracked.values(), *serials.values())]
    return (
        firsts
        + round_robin(group[1:] for group in serials.values())
        + round_robin(group[1:] for group in untracked.values())
    )


def sign_chain(record, signers):
    """Sign the button steps of ``record``'s approval chain in order, each as the first of
    ``signers`` holding the step's group, with the step in the click's context as the form
    sends it. False when no bench user may sign a step."""
    while record.state in ("submitted", "under_approval"):
        step = record._next_step()
        if not step:
            break
        others = (record.approval_ids - step).user_id
        signer = next(
            (
                user
                for user in signers
                if step.group_id in user.groups_id
                and not (step.is_distinct_signer and user in others)
            ),
            None,
        )
        if signer is None:
            return False
        record.with_user(signer).with_context(aftersales_approval_id=step.id).action_approve_step()
    return record.state == "approved"


def build_stock_in_pool(env, users, size, log):
    """Our stock-in: the return transport orders (pickup receipts) of returns that went the
    whole way, ready for the warehouse keeper's Validate. Each is a quality return of one
    unit, refund wanted, made and submitted by the Agent; every button step of its chain
    signed by a bench user holding the step's group (CHAIN_SIGNERS: the Manager signs the
    after-sales review, the Return approver the sales head's step); the Warehouse keeper
    writes the driver's name on the receipt and the Agent marks the goods collected; the
    QC inspector gives the verdict (company fault) and signs the inspection, the last
    signature the stock-in waits for; the Warehouse keeper then sets the quantities and
    ticks them picked, as on the form, so Validate books the stock-in without a wizard.
    On validation the add-ons check the signatures, dispatch the goods out of the Return
    Inspection location and mark the return received."""

    agent, warehouse, qc = (users[x] for x in ("bench_agent", "bench_warehouse", "bench_qc"))
    signers = [users[login] for login in CHAIN_SIGNERS]
    department = env["hr.department"].search([], limit=1) or env["hr.department"].create(
        {"name": "Quality Assurance"}
    )
    pool = []
    for sale_line_id, product_id, partner_id, lot_id in return_candidates(env, size):
        if len(pool) >= size:
            break
        try:
            with env.cr.savepoint():
                record = submit_return(
                    env["aftersales.return"].with_user(agent),
                    partner_id,
                    "refund",
                    {
                        "product_id": product_id,
                        "sale_line_id": sale_line_id,
                        "lot_id": lot_id,
                        "reason_kind": "quality",
                        "reason": "Stops after a few minutes",
                    },
                )
                if not sign_chain(record, signers):
                    raise RuntimeError(f"{record.name}: no bench user signs {record.state}")
                pickings = record.pickup_picking_ids.with_user(warehouse)
                pickings.aftersales_driver_name = "Bench Driver"
                record.action_collect()
                if "qc_verdict" in record.line_ids._fields:  # aftersales_quality
                    record.line_ids.with_user(qc).write(
                        {
                            "qc_verdict": "company_fault",
                            "qc_department_id": department.id,
                            "qc_corrective_action": "Check the assembly of the batch",
                        }
                    )
                    record.with_user(qc).action_qc_sign()
                missing = record._aftersales_missing_signatures()
                if missing or pickings.filtered(lambda p: p.state != "assigned"):
                    raise RuntimeError(f"{record.name}: {missing or pickings.mapped('state')}")
                for move in pickings.move_ids:
                    if move.quantity != move.product_uom_qty:
                        move.quantity = move.product_uom_qty
                    move.picked = True
                pool.extend(pickings.ids)
        except Exception as error:  # noqa: BLE001 - the pool takes what the rules allow
            log(f"bench-load: stock-in pool: {error!r:.160}")
    if len(pool) < size:
        log(f"bench-load: stock-in pool: {len(pool)} receipts of {size} wanted")
    # Pool.take() pops from the end: the best spread receipts go first
    return pool[::-1]


def build_receipt_pool(env, size):
    """The peer's stock-in: plain supplier receipts ready to validate. Odoo's repair app
    has no customer-return flow of its own (a customer's goods come back through the
    delivery's Return button, with no approval), so its desk validates receipts as any
    Inventory user does."""
    # one product per receipt where there are enough: receipts of one product at once meet
    # on its stock_quant row (Odoo's stock), which is not what the bench measures
    products = env["product.product"].search(
        [("is_storable", "=", True), ("tracking", "=", "none")], limit=size
    )
    picking_type = env.ref("stock.picking_type_in")
    pickings = env["stock.picking"].create(
        [
            {
                "picking_type_id": picking_type.id,
                "location_id": env.ref("stock.stock_location_suppliers").id,
                "location_dest_id": picking_type.default_location_dest_id.id,
                "move_ids": [
                    (
                        0,
                        0,
                        {
                            "name": products[i % len(products)].display_name,
                            "product_id": products[i % len(products)].id,
                            "product_uom_qty": 1.0,
                            "product_uom": products[i % len(products)].uom_id.id,
                            "location_id": env.ref("stock.stock_location_suppliers").id,
                            "location_dest_id": picking_type.default_location_dest_id.id,
                        },
                    )
                ],
            }
            for i in range(size)
        ]
    )
    pickings.action_confirm()
    for move in pickings.move_ids:
        move.quantity = move.product_uom_qty
        move.picked = True
    return pickings.ids


def prepare(registry, agents, duration, log):
    """Users, view specifications and the pools the mix consumes; committed."""
    expected = max(20, int(agents * duration * 1.5 * MIX["sign"] / 100) + 10)
    with common.environment(registry, common.QUIET) as env:
        users = ensure_users(env)
        agent_env = env(user=users["bench_agent"].id, context=dict(env.context, lang="en_US"))
        repair_env = env(user=users["bench_repair"].id, context=dict(env.context, lang="en_US"))
        serials = delivered_serials(env, 400)
        if not serials:
            sys.exit("bench-load: no delivered serial in the database (run make bench first)")
        ours = {
            "model": "aftersales.request",
            "list": bench_run.list_specification(agent_env, "aftersales.request"),
            "form": form_spec(agent_env, "aftersales.request"),
            "domain": bench_run.action_domain(
                bench_run.admin_env(env), "aftersales_service.aftersales_request_action"
            )[0],
            "ids": env["aftersales.request"].search([], limit=2000, order="id desc").ids,
        }
        peer = {
            "model": "repair.order",
            "list": bench_run.list_specification(
                repair_env, "repair.order", "repair.view_repair_order_tree"
            ),
            "form": form_spec(repair_env, "repair.order"),
            "domain": bench_run.action_domain(
                bench_run.admin_env(env), "repair.action_repair_order_tree"
            )[0],
            "ids": env["repair.order"].search([], limit=2000, order="id desc").ids,
        }
        ours["sign_pool"] = build_sign_pool(env, users, expected, log)
        ours["stock_in_pool"] = build_stock_in_pool(env, users, expected, log)
        draft = env["repair.order"].create(
            [
                {"partner_id": partner, "product_id": product, "lot_id": lot}
                for lot, _name, product, partner in serials[:expected]
            ]
        )
        peer["sign_pool"] = draft.ids
        peer["stock_in_pool"] = build_receipt_pool(env, expected)
    return {"ours": ours, "peer": peer, "serials": serials, "users": list(ROLES)}


# ---------------------------------------------------------------------------- the server
def server_cmd(conf, *args):
    """Odoo's server (bench/odoo_server.py: no live-channel process, the bench needs none)."""
    launcher = Path(__file__).resolve().parent / "odoo_server.py"
    return [common.harness.python(), str(launcher), "-c", str(conf), *args]


def start_server(db, workers, log_path):
    conf = common.write_config(db)
    port, gevent_port = common.harness.free_port(), common.harness.free_port()
    cmd = server_cmd(
        conf,
        "-d",
        db,
        f"--workers={workers}",
        "--max-cron-threads=1",
        f"--http-port={port}",
        f"--gevent-port={gevent_port}",
        "--http-interface=127.0.0.1",
        "--limit-time-real=600",
        "--limit-time-cpu=300",
        f"--logfile={log_path}",
        "--log-level=info",
    )
    proc = subprocess.Popen(cmd, env=common.harness.odoo_env(), start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    for _i in range(240):
        try:
            with urllib.request.urlopen(f"{url}/web/health", timeout=2) as answer:
                if answer.status == 200:
                    return proc, url
        except OSError:
            time.sleep(0.5)
        if proc.poll() is not None:
            sys.exit(f"bench-load: the server stopped, see {log_path}")
    stop_server(proc)
    sys.exit(f"bench-load: the server did not answer, see {log_path}")


def stop_server(proc):
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


# ---------------------------------------------------------------------------- the client
class Client:
    """JSON-RPC over HTTP keep-alive (``requests`` when installed, else urllib)."""

    def __init__(self, url, db, login):
        self.url, self.db = url, db
        try:
            import requests

            self.session = requests.Session()
        except ImportError:
            self.session = None
        self.uid = self.rpc("common", "login", db, login, PASSWORD)
        if not self.uid:
            raise RuntimeError(f"bench-load: {login} cannot log in")

    def rpc(self, service, method, *args):
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "params": {"service": service, "method": method, "args": list(args)},
            "id": random.randint(1, 10**9),
        }
        data = json.dumps(payload).encode()
        if self.session is not None:
            answer = self.session.post(f"{self.url}/jsonrpc", data=data, timeout=120,
                                       headers={"Content-Type": "application/json"})  # fmt: skip
            body = answer.json()
        else:
            request = urllib.request.Request(
                f"{self.url}/jsonrpc", data=data, headers={"Content-Type": "application/json"}
            )
            with urllib.request.urlopen(request, timeout=120) as answer:
                body = json.loads(answer.read())
        if body.get("error"):
            error = body["error"].get("data", {})
            raise RuntimeError(error.get("name", "error") + ": " + str(error.get("message"))[:200])
        return body["result"]

    def call(self, model, method, args, **kwargs):
        kwargs.setdefault("context", {"lang": "en_US", "tz": "UTC"})
        return self.rpc("object", "execute_kw", self.db, self.uid, PASSWORD, model, method,
                        args, kwargs)  # fmt: skip


class Pool:
    """Documents consumed by the mix (each signed or validated once), shared by the agents."""

    def __init__(self, ids):
        self.ids = list(ids)
        self.lock = threading.Lock()

    def take(self):
        with self.lock:
            return self.ids.pop() if self.ids else None


def calls_for(side, data):
    """call name -> function(client, rng) for ``side`` ('ours' or 'peer')."""
    spec = data[side]
    model = spec["model"]
    sign_pool, stock_pool = spec["sign_pool"], spec["stock_in_pool"]
    serials = data["serials"]

    def do_list(client, rng):
        client.call(model, "web_search_read", [spec["domain"], spec["list"]], limit=80,
                    count_limit=10001)  # fmt: skip

    def do_open(client, rng):
        client.call(model, "web_read", [[rng.choice(spec["ids"])], spec["form"]])

    def do_lookup(client, rng):
        _lot_id, lot_name, product_id, partner_id = rng.choice(serials)
        found = client.call("stock.lot", "name_search", [lot_name], limit=8)
        values = {"partner_id": partner_id, "product_id": product_id, "lot_id": found[0][0]}
        if side == "ours":
            result_spec = {"warranty_status": {}, "warranty_date_end": {}, "product_id": {}}
        else:
            result_spec = {"under_warranty": {}, "product_id": {}}
        client.call(model, "onchange", [[], values, ["lot_id"], result_spec])

    def do_create(client, rng):
        # a small set of busy customers: agents record for the same customers at once
        lot_id, _name, product_id, partner_id = rng.choice(serials[:40])
        vals = {"partner_id": partner_id, "product_id": product_id, "lot_id": lot_id}
        if side == "ours":
            vals.update(channel="phone", request_type="repair",
                        description="<p>Unit does not start.</p>")  # fmt: skip
        else:
            vals["internal_notes"] = "<p>Unit does not start.</p>"
        return client.call(model, "create", [vals])

    def do_sign(client, rng):
        item = sign_pool.take()
        if item is None:
            return "empty"
        if side == "ours":
            record_id, step_id = item
            context = {"lang": "en_US", "tz": "UTC", "aftersales_approval_id": step_id}
            return client.call(
                "aftersales.return", "action_approve_step", [[record_id]], context=context
            )
        return client.call("repair.order", "action_validate", [[item]])

    def do_stock_in(client, rng):
        picking_id = stock_pool.take()
        if picking_id is None:
            return "empty"
        result = client.call("stock.picking", "button_validate", [[picking_id]])
        if result is not True:
            # a wizard (backorder, ...) instead of the stock-in: nothing was booked
            model = result.get("res_model") if isinstance(result, dict) else result
            raise RuntimeError(f"button_validate opened {model} instead of validating")
        return result

    return {
        "list": do_list,
        "open": do_open,
        "lookup": do_lookup,
        "create": do_create,
        "sign": do_sign,
        "stock_in": do_stock_in,
    }


LOGIN_FOR = {
    "ours": {"sign": "bench_manager", "stock_in": "bench_warehouse"},
    "peer": {},
}


def run_phase(url, db, side, data, agents, duration, seed, warmup, think, sessions):
    functions = calls_for(side, data)
    default_login = "bench_agent" if side == "ours" else "bench_repair"
    records = {name: [] for name in CALLS}
    errors, created, empties = [], [], {name: 0 for name in CALLS}
    lock = threading.Lock()
    # the first seconds are not counted: each worker loads the registry on its first call
    counted_from = time.monotonic() + warmup
    deadline = counted_from + duration
    names, weights = zip(*MIX.items(), strict=True)

    def agent(index):
        rng = random.Random(seed * 1000 + index)
        # an agent logs in once for the whole run, not at each round: 20 logins at once
        # (password hashing) would stall the first calls of every round
        clients = sessions.setdefault(index, {})
        if think:
            # agents do not all click at the same instant: each starts within a think time
            time.sleep(rng.uniform(0, think))
        while time.monotonic() < deadline:
            name = rng.choices(names, weights)[0]
            login = LOGIN_FOR[side].get(name, default_login)
            started = time.perf_counter()
            try:
                if login not in clients:
                    clients[login] = Client(url, db, login)
                started = time.perf_counter()
                result = functions[name](clients[login], rng)
                elapsed = time.perf_counter() - started
                with lock:
                    if name == "create":
                        created.append(result)  # checked afterwards, warm-up or not
                    if time.monotonic() - elapsed < counted_from:
                        continue
                    if result == "empty":
                        empties[name] += 1
                        continue
                    records[name].append(elapsed * 1000)
            except Exception as error:  # noqa: BLE001 - an error shown to the user
                if time.monotonic() < counted_from:
                    continue
                with lock:
                    errors.append((name, str(error)[:200]))
            if think:
                # the agent reads the answer before the next call (exponential, mean ``think``)
                pause = min(rng.expovariate(1 / think), 10 * think, deadline - time.monotonic())
                time.sleep(max(pause, 0.0))

    threads = [threading.Thread(target=agent, args=(i,)) for i in range(agents)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.monotonic() - counted_from
    return {
        "wall": wall,
        "records": records,
        "errors": errors,
        "empties": empties,
        "created": created,
    }


def merge(rounds):
    """One side's rounds summed up: per call count, p50/p95/p99/max, errors."""
    records = {name: [t for r in rounds for t in r["records"][name]] for name in CALLS}
    errors = [e for r in rounds for e in r["errors"]]
    wall = sum(r["wall"] for r in rounds)
    return {
        "wall_s": round(wall, 1),
        "calls": {
            name: {
                "count": len(times),
                **(
                    {
                        "p50_ms": round(bench_run.percentile(times, 50), 1),
                        "p95_ms": round(bench_run.percentile(times, 95), 1),
                        "p99_ms": round(bench_run.percentile(times, 99), 1),
                        "max_ms": round(max(times), 1),
                    }
                    if times
                    else {}
                ),
                "errors": sum(1 for n, _m in errors if n == name),
                "pool_empty": sum(r["empties"][name] for r in rounds),
            }
            for name, times in records.items()
        },
        "throughput": round(sum(len(t) for t in records.values()) / wall, 2),
        "errors": errors[:50],
        "error_count": len(errors),
        "created": [c for r in rounds for c in r["created"]],
        "retries": sum(r.get("retries", 0) for r in rounds),
    }


def count_retries(log_path, offset):
    with open(log_path, encoding="utf-8", errors="replace") as handle:
        handle.seek(offset)
        text = handle.read()
    return len(re.findall(r"tries left, try again", text))


def log_size(log_path):
    return os.path.getsize(log_path) if os.path.exists(log_path) else 0


def lost_creates(client, model, ids):
    if not ids:
        return 0
    found = client.call(model, "search_count", [[("id", "in", ids)]])
    return len(set(ids)) - found


# ---------------------------------------------------------------------------- report
def judge(ours, peer):
    checks = {
        "no errors": ours["error_count"] == 0,
        "no lost creates": ours["lost"] == 0,
    }
    ours_create, peer_create = ours["calls"]["create"], peer["calls"]["create"]
    if ours_create.get("p99_ms") and peer_create.get("p99_ms"):
        checks["create p99 <= 1.5x repair"] = ours_create["p99_ms"] <= 1.5 * peer_create["p99_ms"]
    for name, call in ours["calls"].items():
        if call.get("p95_ms") is not None:
            checks[f"{name} p95 < 1 s"] = call["p95_ms"] < 1000
    return checks


def table(ours, peer):
    head = (
        f"{'call':<10} {'n':>6} {'p50':>8} {'p95':>8} {'p99':>8} {'max':>8} {'err':>4}   "
        f"{'repair n':>8} {'p50':>8} {'p95':>8} {'p99':>8} {'max':>8} {'err':>4}"
    )
    lines = [head, "-" * len(head)]

    def cols(call):
        if not call.get("count"):
            dashes = " ".join(f"{'-':>8}" for _i in range(4))
            return f"{call.get('count', 0):>6} {dashes} {call['errors']:>4}"
        return (
            f"{call['count']:>6} {call['p50_ms']:>8} {call['p95_ms']:>8} {call['p99_ms']:>8} "
            f"{call['max_ms']:>8} {call['errors']:>4}"
        )

    for name in CALLS:
        lines.append(f"{name:<10} {cols(ours['calls'][name])}   {cols(peer['calls'][name])}")
    lines.append(
        f"throughput: {ours['throughput']} calls/s (repair {peer['throughput']}); errors shown "
        f"to users: {ours['error_count']} (repair {peer['error_count']}); serialization "
        f"retries: {ours['retries']} (repair {peer['retries']}); creates lost: "
        f"{ours['lost']} of {len(ours['created'])} (repair {peer['lost']} of "
        f"{len(peer['created'])})"
    )
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    common.database_arguments(parser, "LOAD_SCALE", "0.01")
    parser.add_argument(
        "--fresh",
        action="store_true",
        help="generate a fresh database at --scale even when it holds bench data",
    )
    parser.add_argument("--agents", type=int, default=int(os.environ.get("LOAD_AGENTS", "20")))
    parser.add_argument("--duration", type=float,
                        default=float(os.environ.get("LOAD_DURATION", "60")))  # fmt: skip
    parser.add_argument(
        "--warmup", type=float, default=15.0, help="seconds of each mix, untimed, before"
    )
    parser.add_argument(
        "--rounds", type=int, default=4, help="turns each mix takes, alternating who starts"
    )
    parser.add_argument("--workers", type=int, default=int(os.environ.get("LOAD_WORKERS", "4")))
    parser.add_argument(
        "--think",
        type=float,
        default=float(os.environ.get("LOAD_THINK", "0")),
        help="mean seconds an agent reads an answer before the next call (exponential); "
        "0: calls back to back, the server saturated",
    )
    parser.add_argument("--out", default=str(RESULTS / "load.json"))
    args = parser.parse_args()
    # the data of `make bench` (any scale) is used as it is; none: generated at --scale
    fresh = args.fresh or not common.harness.db_exists(args.db)
    if not fresh:
        registry = common.open_registry(args.db)
        generated = common.generated_marker(registry)
        fresh = not generated
        if generated:
            args.scale = float(generated.split(":")[0])
    if fresh:
        registry, _report, _seconds = common.generate_fresh(
            args.db, args.scale, args.seed, "bench-load"
        )
    print("bench-load: preparing users and documents", flush=True)
    data = prepare(registry, args.agents, args.duration, lambda m: print(m, flush=True))
    for side in ("ours", "peer"):  # shared by the warm-up and the timed phase
        for key in ("sign_pool", "stock_in_pool"):
            data[side][key] = Pool(data[side][key])
    common.harness.LOCAL.mkdir(exist_ok=True)
    log_path = str(common.harness.LOCAL / f"{args.db}-load-server.log")
    if os.path.exists(log_path):
        os.unlink(log_path)
    proc, url = start_server(args.db, args.workers, log_path)
    phases = {}
    try:
        # every worker loads the registry and fills its caches on its first calls: both
        # mixes run untimed first (their creates are checked all the same)
        print(f"bench-load: warm-up, {args.warmup:g} s of each mix", flush=True)
        sessions = {}  # agent -> login -> client, kept over the warm-up and the rounds
        warm = {
            side: run_phase(
                url,
                args.db,
                side,
                data,
                args.agents,
                0,
                args.seed + 1,
                args.warmup,
                args.think,
                sessions,
            )
            for side in ("ours", "peer")
        }
        # the machine's load moves while the bench runs: the two mixes take turns in
        # rounds (ours first, then the peer first, ...), each round a share of the duration
        rounds = {"ours": [], "peer": []}
        share = args.duration / args.rounds
        for index in range(args.rounds):
            order = ("ours", "peer") if index % 2 == 0 else ("peer", "ours")
            for side in order:
                print(f"bench-load: round {index + 1}, {side}: {args.agents} agents for "
                      f"{share:g} s, think time {args.think:g} s", flush=True)  # fmt: skip
                offset = log_size(log_path)
                seed = args.seed + 10 * index
                phase = run_phase(
                    url, args.db, side, data, args.agents, share, seed, 0, args.think, sessions
                )
                time.sleep(1)
                phase["retries"] = count_retries(log_path, offset)
                rounds[side].append(phase)
        for side in ("ours", "peer"):
            phase = merge(
                rounds[side] + [dict(warm[side], wall=0.0, records={n: [] for n in CALLS})]
            )
            checker = Client(url, args.db, "bench_manager" if side == "ours" else "bench_repair")
            phase["lost"] = lost_creates(checker, data[side]["model"], phase["created"])
            phases[side] = phase
    finally:
        stop_server(proc)
    ours, peer = phases["ours"], phases["peer"]
    checks = judge(ours, peer)
    text = table(ours, peer)
    print()
    print(text)
    print("budgets: " + ", ".join(f"{k} {'PASS' if v else 'FAIL'}" for k, v in checks.items()))
    if ours["errors"]:
        print("errors (first): " + "; ".join(f"{n}: {m}" for n, m in ours["errors"][:3]))
    for phase in phases.values():
        phase["created"] = len(phase["created"])
    common.write_results(
        args.out,
        "bench-load",
        {
            "db": args.db,
            "scale": args.scale,
            "agents": args.agents,
            "duration_s": args.duration,
            "workers": args.workers,
            "think_s": args.think,
            "cpus": os.cpu_count(),
            "load_average": os.getloadavg(),
            "phases": phases,
            "checks": checks,
            "table": text,
        },
    )
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())

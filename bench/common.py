# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Open a benchmark database through Odoo's registry, reusing tools/harness.py.

``make_database`` builds a fresh database from the project's template with our three
add-ons installed (``harness.fresh_db`` + ``harness.install``); ``open_registry`` loads
Odoo's configuration file that ``harness.write_config`` wrote for that database.
"""

import contextlib
import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import harness

DEFAULT_DB = os.environ.get("BENCH_DB", "aftersales_bench")
# the OCA's rma, when someone unpacked its 18.0 wheel there (never committed, never required):
#   pip download --no-deps "odoo-addon-rma>=18.0,<18.1"; unzip odoo/addons/rma into it
OCA_ADDONS = Path(os.environ.get("OCA_ADDONS", "/opt/oca-addons"))
# historical data is created with tracking, chatter logs and mail notifications off
QUIET = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "mail_notrack": True,
    "mail_auto_subscribe_no_notify": True,
    "no_reset_password": True,
}


def ensure_odoo_path():
    odoo_dir = os.environ.get("ODOO_DIR")
    if odoo_dir and odoo_dir not in sys.path:
        sys.path.insert(0, odoo_dir)
    os.environ["TZ"] = "UTC"
    time.tzset()


def rma_available():
    return (OCA_ADDONS / "rma" / "__manifest__.py").is_file()


def write_config(dbname):
    """Odoo's configuration for ``dbname`` (tools/harness.py), with the OCA's add-ons on the
    path when the rma module is there."""
    conf = harness.write_config(dbname)
    if rma_available():
        text = conf.read_text()
        line = next(x for x in text.splitlines() if x.startswith("addons_path = "))
        conf.write_text(text.replace(line, f"{line},{OCA_ADDONS}"))
    return conf


def install_rma(dbname):
    """Install the OCA's rma into ``dbname`` when it is available and not installed yet."""
    if not rma_available():
        return False
    state = harness.psql("SELECT state FROM ir_module_module WHERE name = 'rma'", db=dbname)
    if state == "installed":
        return True
    conf = write_config(dbname)
    log = harness.LOCAL / f"{dbname}-rma-install.log"
    log.unlink(missing_ok=True)
    subprocess.run(
        harness.odoo_cmd(conf, "-d", dbname, "-i", "rma", "--stop-after-init", f"--logfile={log}"),
        env=harness.odoo_env(),
        check=False,
    )
    text = log.read_text() if log.exists() else ""
    problems = [m.group(0) for m in harness.LOG_PROBLEM.finditer(text)]
    if problems:
        print(f"bench: installing rma logged {len(problems)} problems, see {log}")
    return True


def make_database(dbname):
    """A fresh database with the add-ons installed; exits when the install log shows problems."""
    harness.start_pg()
    harness.fresh_db(dbname)
    write_config(dbname)
    log, problems = harness.install(dbname)
    if problems:
        print("\n".join(problems[:20]))
        sys.exit(f"bench: install into {dbname} failed, see {log}")
    install_rma(dbname)


def open_registry(dbname):
    ensure_odoo_path()
    import odoo
    from odoo.modules.registry import Registry

    conf = write_config(dbname)
    odoo.tools.config.parse_config(["-c", str(conf), "--log-level=warn"])
    return Registry(dbname)


@contextlib.contextmanager
def environment(registry, context=None):
    """A superuser environment on a new cursor; committed when the block ends cleanly."""
    from odoo import SUPERUSER_ID, api

    with registry.cursor() as cr:
        yield api.Environment(cr, SUPERUSER_ID, dict(context or {}))


def copy_rows(cr, table, columns, rows):
    """Bulk-insert ``rows`` (tuples) into ``table`` with PostgreSQL COPY; returns the new ids.

    Used only for history tables the ORM would take far too long to fill (work logs, stock
    moves); the caller invalidates the ORM cache afterwards.
    """
    if not rows:
        return []
    cr.execute(f"SELECT nextval('{table}_id_seq') FROM generate_series(1, %s)", [len(rows)])
    ids = [r[0] for r in cr.fetchall()]
    buf = io.StringIO()
    for rid, row in zip(ids, rows, strict=True):
        buf.write("\t".join([str(rid)] + [_copy_value(v) for v in row]) + "\n")
    buf.seek(0)
    cr.copy_expert(
        f"COPY {table} (id, {', '.join(columns)}) FROM STDIN WITH (FORMAT text)",
        buf,
    )
    return ids


def _copy_value(value):
    if value is None or value is False:
        return r"\N"
    if value is True:
        return "t"
    text = str(value)
    return text.replace("\\", "\\\\").replace("\t", " ").replace("\n", " ")


def clone_rows(cr, table, template_id, rows):
    """Insert copies of row ``template_id`` of ``table``, each with the overrides of one dict
    in ``rows`` (column -> value); returns the new ids.

    The template row is made by the ORM (defaults, computed stored columns, company-dependent
    JSON values all filled in as Odoo would), so its clones are rows Odoo could have written.
    """
    if not rows:
        return []
    cr.execute(f"SELECT * FROM {table} WHERE id = %s", [template_id])
    names = [d.name for d in cr.description if d.name != "id"]
    template = dict(zip([d.name for d in cr.description], cr.fetchone(), strict=True))
    keys = set().union(*rows)
    unknown = keys - set(names)
    if unknown:
        raise ValueError(f"{table} has no column {', '.join(sorted(unknown))}")
    values = [tuple(_plain(row.get(n, template[n])) for n in names) for row in rows]
    return copy_rows(cr, table, names, values)


def _plain(value):
    if isinstance(value, dict | list):
        return json.dumps(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def generated_marker(registry):
    """The ``scale:seed`` the bench data of this database was generated with, or None."""
    with environment(registry) as env:
        return env["ir.config_parameter"].get_param("aftersales_bench.generated") or None


def generate_fresh(dbname, scale, seed, label):
    """A new database ``dbname`` with bench data at ``scale``: (registry, report, seconds)."""
    import generate  # pylint: disable=import-outside-toplevel  (generate imports common)

    print(f"{label}: fresh database {dbname}, scale {scale}", flush=True)
    make_database(dbname)
    registry = open_registry(dbname)
    started = time.perf_counter()
    report = generate.generate(registry, scale, seed)
    return registry, report, time.perf_counter() - started


def write_results(path, label, payload):
    """Write a run's results as JSON (dated now) to ``path`` and say where."""
    from datetime import datetime  # pylint: disable=import-outside-toplevel

    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        json.dumps(
            {"date": datetime.now().isoformat(timespec="seconds"), **payload},
            indent=2,
            default=str,
        )
    )
    print(f"{label}: results in {out}")
    return out


def database_arguments(parser, scale_variable, scale_default):
    """The options every bench command shares: the database, its scale and the seed."""
    parser.add_argument("--db", default=DEFAULT_DB)
    parser.add_argument(
        "--scale", type=float, default=float(os.environ.get(scale_variable, scale_default))
    )
    parser.add_argument("--seed", type=int, default=42)
    return parser

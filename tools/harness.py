# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Drive Odoo 18 for the Makefile: configuration, databases, install, tests.

Every sub-command works against whatever Odoo 18 the interpreter imports, or the
source tree named by ``ODOO_DIR``.  Dependencies of our add-ons (Odoo's own
modules) are installed once into a template database on the project-local
cluster; each test run copies it and installs *our* add-ons from scratch.
"""

import argparse
import ast
import fcntl
import hashlib
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ADDONS = ("aftersales_service", "aftersales_parts", "aftersales_quality")
LOCAL = ROOT / ".local"
# the filestore belongs with the cluster: several checkouts may share one (PGROOT=...)
FILESTORE = Path(os.environ.get("PGROOT") or LOCAL / "pg").parent / "filestore"
LOG_PROBLEM = re.compile(r"^\S+ \S+ \d+ (WARNING|ERROR|CRITICAL) ", re.MULTILINE)
# Odoo's own suites of the modules we extend, run on a database holding our add-ons and
# their demo data (the odoo-suites layer): all their tests (at_install ones included, on a
# registry where our code is loaded), except stock's, where only post_install tests run.
ODOO_SUITES = ("repair", "sale", "stock_account", "purchase_stock", "sale_stock", "stock")
ODOO_SUITES_POST_INSTALL_ONLY = ("stock",)
# The only tests left out, each with the reason: they fail only because the after-sales
# parts warehouse is a second warehouse in the main company.
ODOO_SUITES_EXCLUDED = {
    "/repair:TestGlobalRouteRulesInstallation.test_rule_installation": (
        "expects exactly one repair route rule, i.e. one warehouse in the company; the "
        "parts warehouse brings a second one"
    ),
    "/purchase_stock:TestReorderingRule.test_2steps_and_partner_on_orderpoint": (
        "reads the company's one warehouse (search without limit) and gets two"
    ),
    "/stock:TestStockReportTour.test_stock_route_diagram_report": (
        "with two warehouses Odoo gives users the multi-warehouse group, so the product's "
        "Routes button opens the warehouse chooser instead of the diagram the tour waits for"
    ),
}
# Tests that fail on a database holding Odoo's modules we depend on, *without* our add-ons
# (checked on the template database): they run as expected failures, are counted as
# skipped, and fail the layer the day they pass.
ODOO_SUITES_FAIL_WITHOUT_US = {
    "/sale:TestSaleFlow.test_qty_delivered": (
        "checks that a line's delivered quantity is typed in by hand, as with sale alone "
        "(an at_install test meant to run before sale_stock); with sale_stock installed, as "
        "Odoo's repair and our add-ons need, it is read from the deliveries"
    ),
    "/purchase_stock:TestCreatePicking.test_08_check_update_qty_mto_chain": (
        "passes a partner record, not an id, in the procurement values; wherever sale_stock "
        "is installed (as Odoo's repair and our add-ons need) sale_stock copies that value "
        "into the stock move and PostgreSQL refuses it ('can't adapt type res.partner')"
    ),
}


# Tests that fail now and then on Odoo's modules alone (seen with --baseline): a pass counts
# as passed, a failure as an expected failure (skipped).
ODOO_SUITES_FLAKY_WITHOUT_US = {
    "/stock:TestStockPickingTour.test_add_new_line_in_detailled_op": (
        "a browser tour that counts the rows of a list right after opening it; on a loaded "
        "2-core machine it reads 3 rows instead of 2 on Odoo's modules alone too (--baseline), "
        "and passes on an idle one"
    ),
}


def odoo_env():
    env = dict(os.environ)
    env["TZ"] = "UTC"
    odoo_dir = env.get("ODOO_DIR")
    if odoo_dir:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [odoo_dir, env.get("PYTHONPATH")]))
    return env


def python():
    return os.environ.get("PYTHON", "python3")


def odoo_importable():
    probe = subprocess.run(
        [python(), "-c", "import odoo.release as r; print(r.version_info[0])"],
        env=odoo_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    return probe.returncode == 0 and probe.stdout.strip() == "18"


def pg_env():
    out = subprocess.run(
        [str(ROOT / "tools" / "pg.sh"), "env"], capture_output=True, text=True, check=True
    ).stdout.split()
    return dict(item.split("=", 1) for item in out)


def start_pg():
    subprocess.run([str(ROOT / "tools" / "pg.sh"), "start"], check=True)


def run_odoo(cmd, **kwargs):
    """``subprocess.run`` for Odoo and pytest-odoo, in a process group of their own: what
    they leave running when they end (a test browser's helper processes, say) is killed
    with the group, so nothing holds the layer's output open after it has finished."""
    proc = subprocess.Popen(cmd, start_new_session=True, **kwargs)
    try:
        returncode = proc.wait()
    except BaseException:
        _kill_group(proc.pid)
        raise
    _kill_group(proc.pid)
    return subprocess.CompletedProcess(cmd, returncode)


def _kill_group(pgid):
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def odoo_addons_dirs():
    code = "import odoo.addons, os; print(os.pathsep.join(odoo.addons.__path__))"
    out = subprocess.run(
        [python(), "-c", code], env=odoo_env(), capture_output=True, text=True, check=True
    ).stdout.strip()
    return [p for p in out.split(os.pathsep) if p]


def write_config(dbname, http_port=8069):
    pg = pg_env()
    paths = [str(ROOT)] + odoo_addons_dirs()
    LOCAL.mkdir(exist_ok=True)
    conf = LOCAL / f"odoo-{dbname}.conf"
    conf.write_text(
        "[options]\n"
        f"addons_path = {','.join(paths)}\n"
        f"data_dir = {FILESTORE}\n"
        f"db_host = {pg['PGHOST']}\n"
        f"db_port = {pg['PGPORT']}\n"
        f"db_user = {pg['PGUSER']}\n"
        "db_password = False\n"
        f"db_name = {dbname}\n"
        "admin_passwd = admin\n"
        f"http_port = {http_port}\n"
        "http_interface = 127.0.0.1\n"
        "list_db = False\n"
        "max_cron_threads = 0\n"
    )
    return conf


def odoo_cmd(conf, *args):
    return [python(), "-c", "import odoo.cli; odoo.cli.main()", "-c", str(conf), *args]


def psql(sql, db="postgres"):
    pg = pg_env()
    return subprocess.run(
        [
            f"{pg['BIN']}/psql",
            "-h",
            pg["PGHOST"],
            "-p",
            pg["PGPORT"],
            "-U",
            pg["PGUSER"],
            "-d",
            db,
            "-tAc",
            sql,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def db_exists(name):
    return psql(f"SELECT 1 FROM pg_database WHERE datname = '{name}'") == "1"


def external_depends():
    """Odoo modules our add-ons depend on, read from the manifests."""
    deps = set()
    for addon in ADDONS:
        manifest = ast.literal_eval((ROOT / addon / "__manifest__.py").read_text())
        deps.update(manifest.get("depends", []))
    return sorted(deps - set(ADDONS))


def template_db():
    """A database holding Odoo's modules we depend on (with demo data)."""
    deps = external_depends()
    version = subprocess.run(
        [python(), "-c", "import odoo.release as r; print(r.version)"],
        env=odoo_env(),
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    key = hashlib.sha1((version + ",".join(deps)).encode()).hexdigest()[:10]
    name = f"aftersales_tmpl_{key}"
    if not db_exists(name):
        print(f"harness: building template database {name} with {', '.join(deps)} (once)")
        conf = write_config(name)
        log = LOCAL / f"{name}.log"
        res = run_odoo(
            odoo_cmd(
                conf, "-d", name, "-i", ",".join(deps), "--stop-after-init", f"--logfile={log}"
            ),
            env=odoo_env(),
        )
        if res.returncode != 0:
            psql(f'DROP DATABASE IF EXISTS "{name}"')
            sys.exit(f"harness: template build failed, see {log}")
    return name


def fresh_db(name):
    # several checkouts may share one cluster: build and copy the template one at a time
    FILESTORE.mkdir(parents=True, exist_ok=True)
    with open(FILESTORE.parent / "template.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        tmpl = template_db()
        psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        psql(f'CREATE DATABASE "{name}" TEMPLATE "{tmpl}"')
    filestore_src = FILESTORE / "filestore" / tmpl
    filestore_dst = FILESTORE / "filestore" / name
    if filestore_src.is_dir():
        subprocess.run(["rm", "-rf", str(filestore_dst)], check=True)
        subprocess.run(["cp", "-a", str(filestore_src), str(filestore_dst)], check=True)


def install(dbname, extra=()):
    """Install our add-ons into ``dbname``; return the problems the log shows."""
    conf = LOCAL / f"odoo-{dbname}.conf"
    log = LOCAL / f"{dbname}-install.log"
    log.unlink(missing_ok=True)
    res = run_odoo(
        odoo_cmd(
            conf,
            "-d",
            dbname,
            "-i",
            ",".join(ADDONS),
            "--stop-after-init",
            f"--logfile={log}",
            *extra,
        ),
        env=odoo_env(),
    )
    text = log.read_text() if log.exists() else ""
    problems = [m.group(0) + text[m.end() :].split("\n", 1)[0] for m in LOG_PROBLEM.finditer(text)]
    if res.returncode != 0:
        problems.append(f"odoo exited with {res.returncode}")
    return log, problems


def free_port():
    """A TCP port nobody listens on now: test servers (HttpCase) of parallel runs don't clash."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def pytest_env():
    """Odoo's environment with ``tools/`` importable: ``-p pytest_aftersales`` counts."""
    env = odoo_env()
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "tools"), env.get("PYTHONPATH")]))
    return env


def odoo_pytest(conf, dbname, name, paths, *options):
    """pytest-odoo on ``paths`` against ``dbname``; returns (returncode, counts)."""
    counts = LOCAL / f"{name}.json"
    counts.unlink(missing_ok=True)
    res = run_odoo(
        [
            python(),
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-p",
            "pytest_aftersales",
            f"--counts-json={counts}",
            f"--odoo-config={conf}",
            f"--odoo-database={dbname}",
            f"--odoo-addons-path={ROOT}",
            "--odoo-http",
            "-q",
            f"--junitxml={LOCAL / f'{name}.xml'}",
            "-o",
            "python_files=test_*.py",
            *options,
            *paths,
        ],
        env=pytest_env(),
        cwd=ROOT,
    )
    return res.returncode, read_counts(counts)


def cmd_integration(args):
    if not odoo_importable():
        print("integration: SKIPPED (odoo not importable)")
        return 0
    start_pg()
    dbname = args.db
    fresh_db(dbname)
    tags = ",".join(f"/{a}" for a in ADDONS)
    write_config(dbname, free_port())
    print(f"integration: installing {', '.join(ADDONS)} into {dbname} with their tests")
    log, problems = install(dbname, ["--test-enable", f"--test-tags={tags}"])
    if problems:
        print(f"integration: install of {', '.join(ADDONS)} logged problems ({log}):")
        for line in problems[:40]:
            print("   ", line)
    else:
        print(f"integration: install + odoo --test-enable gate clean ({log})")
    conf = write_config(dbname, free_port())
    test_dirs = [str(ROOT / a / "tests") for a in ADDONS if (ROOT / a / "tests").is_dir()]
    returncode, counts = odoo_pytest(conf, dbname, "integration", test_dirs)
    if problems:
        counts["tests"]["failed"] += 1
    print(summary_line("integration", counts))
    return 0 if (returncode == 0 and not problems and counts["tests"]["passed"]) else 1


def odoo_suite_dirs(modules):
    dirs = odoo_addons_dirs()
    found = []
    for module in modules:
        path = next((Path(d) / module / "tests" for d in dirs if (Path(d) / module).is_dir()), None)
        if path is None or not path.is_dir():
            sys.exit(f"odoo-suites: no tests of {module} in {os.pathsep.join(dirs)}")
        found.append(str(path))
    return found


def cmd_odoo_suites(args):
    """Odoo's own suites of the modules we extend, on a database with our add-ons and demo
    data: installing the add-ons must change nothing those modules' tests rely on."""
    if not odoo_importable():
        print("odoo-suites: SKIPPED (odoo not importable)")
        return 0
    t0 = time.monotonic()
    start_pg()
    dbname = args.db
    fresh_db(dbname)
    write_config(dbname)
    if args.baseline:
        # the same suites on Odoo's modules alone: what fails here fails without us
        print(f"odoo-suites: BASELINE on {dbname}: Odoo's modules we depend on, not ours")
        log, problems = None, []
    else:
        print(f"odoo-suites: installing {', '.join(ADDONS)} with demo data into {dbname}")
        log, problems = install(dbname)
    if problems:
        print(f"odoo-suites: install of {', '.join(ADDONS)} logged problems ({log}):")
        for line in problems[:40]:
            print("   ", line)
    modules = args.modules or ODOO_SUITES
    print(
        f"odoo-suites: {', '.join(modules)} on {dbname} (our add-ons + demo data); "
        f"at_install tests run too, except {', '.join(ODOO_SUITES_POST_INSTALL_ONLY)}'s",
        flush=True,
    )
    options = [f"--odoo-suite-post-install-only={m}" for m in ODOO_SUITES_POST_INSTALL_ONLY]
    for spec, reason in ODOO_SUITES_EXCLUDED.items():
        print(f"odoo-suites: excluded {spec}: {reason}", flush=True)
        options.append(f"--odoo-suite-exclude={spec}")
    for spec, reason in ODOO_SUITES_FAIL_WITHOUT_US.items():
        print(f"odoo-suites: expected to fail, with or without us: {spec}: {reason}", flush=True)
        options.append(f"--odoo-suite-xfail={spec}")
    for spec, reason in ODOO_SUITES_FLAKY_WITHOUT_US.items():
        print(f"odoo-suites: may fail, with or without us: {spec}: {reason}", flush=True)
        options.append(f"--odoo-suite-flaky={spec}")
    conf = write_config(dbname, free_port())
    returncode, counts = odoo_pytest(
        conf, dbname, "odoo-suites", odoo_suite_dirs(modules), *options, *args.pytest_args
    )
    if problems:
        counts["tests"]["failed"] += 1
    minutes = (time.monotonic() - t0) / 60
    print(f"odoo-suites: took {minutes:.1f} min")
    print(summary_line("odoo-suites", counts))
    return 0 if (returncode == 0 and not problems and counts["tests"]["passed"]) else 1


def read_counts(path):
    """Counts written by ``pytest_aftersales``: tests and subtests apart."""
    empty = {"tests": {"passed": 0, "failed": 0, "skipped": 0}, "subtests": {}}
    if Path(path).exists():
        data = json.loads(Path(path).read_text())
        return {"tests": {**empty["tests"], **data["tests"]}, "subtests": data["subtests"]}
    empty["tests"]["failed"] = 1  # pytest did not get to the end
    return empty


def summary_line(layer, counts):
    """``layer: 258 tests passed, 0 failed, 2 skipped; 1456 subtests passed, 0 failed``"""
    tests, subtests = counts["tests"], counts.get("subtests") or {}
    line = f"{layer}: {tests['passed']} tests passed, {tests['failed']} failed"
    if tests.get("skipped"):
        line += f", {tests['skipped']} skipped"
    if subtests.get("passed") or subtests.get("failed"):
        line += f"; {subtests.get('passed', 0)} subtests passed, {subtests.get('failed', 0)} failed"
    return line


SUMMARY = re.compile(
    r"^(?P<layer>[\w-]+): (?P<passed>\d+) tests passed, (?P<failed>\d+) failed"
    r"(?:, (?P<skipped>\d+) skipped)?"
    r"(?:; (?P<sub_passed>\d+) subtests passed, (?P<sub_failed>\d+) failed)?$"
)


def parse_summary(line):
    """The counts of a ``summary_line``, or None."""
    match = SUMMARY.match(line.strip())
    if not match:
        return None
    num = {k: int(v or 0) for k, v in match.groupdict().items() if k != "layer"}
    return {
        "tests": {"passed": num["passed"], "failed": num["failed"], "skipped": num["skipped"]},
        "subtests": {"passed": num["sub_passed"], "failed": num["sub_failed"]},
    }


def cmd_run(args):
    if not odoo_importable():
        sys.exit("run: odoo 18 is not importable; set ODOO_DIR=/path/to/odoo18 or PYTHON=")
    start_pg()
    conf = write_config(args.db, args.port)
    if not db_exists(args.db):
        fresh_db(args.db)
        log, problems = install(args.db)
        if problems:
            print("\n".join(problems))
            sys.exit(f"run: install failed, see {log}")
        set_admin_password(conf, args.db)
    else:
        subprocess.run(
            odoo_cmd(conf, "-d", args.db, "-u", ",".join(ADDONS), "--stop-after-init"),
            env=odoo_env(),
            check=True,
        )
    print(
        f"After-Sales is served on http://127.0.0.1:{args.port}/odoo (login admin / admin)",
        flush=True,
    )
    os.execvpe(python(), odoo_cmd(conf, "-d", args.db, "--db-filter", f"^{args.db}$"), odoo_env())


def set_admin_password(conf, dbname):
    code = (
        "import odoo, sys\n"
        f"odoo.tools.config.parse_config(['-c', {str(conf)!r}])\n"
        f"reg = odoo.modules.registry.Registry({dbname!r})\n"
        "with reg.cursor() as cr:\n"
        "    env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})\n"
        "    env.ref('base.user_admin').password = 'admin'\n"
    )
    subprocess.run([python(), "-c", code], env=odoo_env(), check=True)


def cmd_db(args):
    """Make a fresh database with our add-ons installed (benchmarks, tours)."""
    start_pg()
    fresh_db(args.db)
    write_config(args.db)
    _log, problems = install(args.db)
    if problems:
        print("\n".join(problems))
        return 1
    print(write_config(args.db))
    return 0


def cmd_pytest(args):
    """Developer loop: bring ``--db`` up to date with the working tree (made with our add-ons
    the first time, ``-u`` of them afterwards), then run pytest-odoo on the given paths."""
    if not odoo_importable():
        sys.exit("pytest: odoo 18 is not importable; set ODOO_DIR=/path/to/odoo18 or PYTHON=")
    start_pg()
    conf = write_config(args.db)
    if not db_exists(args.db):
        fresh_db(args.db)
        log, problems = install(args.db)
    else:
        log = LOCAL / f"{args.db}-update.log"
        log.unlink(missing_ok=True)
        res = run_odoo(
            odoo_cmd(
                conf, "-d", args.db, "-u", ",".join(ADDONS), "--stop-after-init", f"--logfile={log}"
            ),
            env=odoo_env(),
        )
        text = log.read_text() if log.exists() else ""
        problems = [
            m.group(0) + text[m.end() :].split("\n", 1)[0] for m in LOG_PROBLEM.finditer(text)
        ]
        if res.returncode:
            problems.append(f"odoo exited with {res.returncode}")
    if problems:
        print(f"pytest: install/update of {args.db} logged problems ({log}):")
        print("\n".join(problems[:40]))
    conf = write_config(args.db, free_port())
    returncode, counts = odoo_pytest(
        conf, args.db, f"pytest-{args.db}", args.paths, *args.pytest_args
    )
    print(summary_line("pytest", counts))
    return returncode or (1 if problems else 0)


def main():
    # each line reaches `make test` as it is printed: a stalled step shows where it stalled
    sys.stdout.reconfigure(line_buffering=True)
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("integration")
    p.add_argument("--db", default=os.environ.get("TEST_DB", "aftersales_test"))
    p.set_defaults(func=cmd_integration)
    p = sub.add_parser("odoo-suites", help=cmd_odoo_suites.__doc__)
    p.add_argument("--db", default=os.environ.get("SUITES_DB", "aftersales_suites"))
    p.add_argument("modules", nargs="*", help=f"default: {' '.join(ODOO_SUITES)}")
    p.add_argument(
        "--baseline",
        action="store_true",
        help="run the suites without our add-ons (what fails there fails without us)",
    )
    p.add_argument("--pytest-args", nargs=argparse.REMAINDER, default=[])
    p.set_defaults(func=cmd_odoo_suites)
    p = sub.add_parser("run")
    p.add_argument("--db", default=os.environ.get("DB", "aftersales"))
    p.add_argument("--port", type=int, default=int(os.environ.get("HTTP_PORT", "8069")))
    p.set_defaults(func=cmd_run)
    p = sub.add_parser("db")
    p.add_argument("--db", required=True)
    p.set_defaults(func=cmd_db)
    p = sub.add_parser("pytest", help=cmd_pytest.__doc__)
    p.add_argument("--db", required=True)
    p.add_argument("paths", nargs="+")
    p.add_argument("--pytest-args", nargs=argparse.REMAINDER, default=[])
    p.set_defaults(func=cmd_pytest)
    p = sub.add_parser("importable")
    p.set_defaults(func=lambda a: 0 if odoo_importable() else 1)
    args = parser.parse_args()
    return args.func(args) or 0


if __name__ == "__main__":
    sys.exit(main())

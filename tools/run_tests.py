# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""`make test`: unit, static, integration and odoo-suites layers, each closing on one summary
line that counts tests and subtests apart."""

import os
import subprocess
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness

ROOT = harness.ROOT
PY = harness.python()
LAYERS = ["unit", "static", "integration", "odoo-suites"]
# seconds the output of an exited harness may take to close
LEFTOVER_GRACE = 30


def pytest_layer(name, paths):
    counts = harness.LOCAL / f"{name}.json"
    harness.LOCAL.mkdir(exist_ok=True)
    counts.unlink(missing_ok=True)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "tools"), env.get("PYTHONPATH")]))
    subprocess.run(
        [
            PY,
            "-m",
            "pytest",
            "-p",
            "no:odoo",
            "-p",
            "pytest_aftersales",
            f"--counts-json={counts}",
            "-q",
            f"--junitxml={harness.LOCAL / f'{name}.xml'}",
            *paths,
        ],
        cwd=ROOT,
        env=env,
        check=False,
    )
    return harness.read_counts(counts)


def tool(label, cmd):
    print(f"static: {label}: {' '.join(cmd)}", flush=True)
    ok = subprocess.run(cmd, cwd=ROOT, check=False).returncode == 0
    print(f"static: {label}: {'ok' if ok else 'FAILED'}", flush=True)
    return ok


def harness_layer(layer, args):
    """Run a harness sub-command, echo it, return (counts or None when skipped, returncode)."""
    proc = subprocess.Popen(
        [PY, str(ROOT / "tools" / "harness.py"), *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    lines = []

    def echo():
        for line in proc.stdout:
            sys.stdout.write(line)
            sys.stdout.flush()
            lines.append(line.rstrip("\n"))

    # the layer is over when the harness exits, not when its output closes: a process it
    # left behind may hold that output open for ever
    reader = threading.Thread(target=echo, daemon=True)
    reader.start()
    returncode = proc.wait()
    reader.join(LEFTOVER_GRACE)
    if reader.is_alive():
        print(
            f"{layer}: the harness has exited but a process it started still holds its output;"
            " going on without it",
            flush=True,
        )
    last = [ln for ln in lines if ln.startswith(f"{layer}:")][-1:]
    if last and "SKIPPED" in last[0]:
        return None, 0
    counts = harness.parse_summary(last[0]) if last else None
    if counts is None:
        counts = {"tests": {"passed": 0, "failed": 1, "skipped": 0}, "subtests": {}}
        returncode = returncode or 1
    return counts, returncode


def main():
    layers = sys.argv[1:] or LAYERS
    total = {"tests": {"passed": 0, "failed": 0, "skipped": 0}, "subtests": {}}
    status = 0

    def add(counts, returncode=0, layer=None):
        nonlocal status
        if layer:
            print(harness.summary_line(layer, counts), flush=True)
        for kind in ("tests", "subtests"):
            for key, value in counts.get(kind, {}).items():
                total[kind][key] = total[kind].get(key, 0) + value
        if returncode or counts["tests"]["failed"] or counts["subtests"].get("failed"):
            status = 1
        if not counts["tests"]["passed"]:
            status = 1

    if "unit" in layers:
        add(pytest_layer("unit", ["tests/unit"]), layer="unit")
    if "static" in layers:
        counts = pytest_layer("static", ["tests/static"])
        addons = list(harness.ADDONS)
        checks = [
            tool("pylint-odoo", [PY, "-m", "pylint", "--rcfile=.pylintrc-mandatory", *addons]),
            tool("ruff", [PY, "-m", "ruff", "check", "."]),
            tool("ruff format", [PY, "-m", "ruff", "format", "--check", "."]),
        ]
        counts["tests"]["passed"] += sum(checks)
        counts["tests"]["failed"] += checks.count(False)
        add(counts, layer="static")
    test_db = os.environ.get("TEST_DB", "aftersales_test")
    if "integration" in layers:
        counts, returncode = harness_layer("integration", ["integration", "--db", test_db])
        if counts:
            add(counts, returncode)
    if "odoo-suites" in layers:
        counts, returncode = harness_layer(
            "odoo-suites", ["odoo-suites", "--db", os.environ.get("SUITES_DB", f"{test_db}_suites")]
        )
        if counts:
            add(counts, returncode)
    print(harness.summary_line("total", total), flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main())

# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""`make test`: unit, static and integration layers, each closing on one summary line."""

import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness

ROOT = harness.ROOT
PY = harness.python()


def pytest_layer(name, paths):
    junit = harness.LOCAL / f"{name}.xml"
    harness.LOCAL.mkdir(exist_ok=True)
    subprocess.run(
        [PY, "-m", "pytest", "-p", "no:odoo", "-q", f"--junitxml={junit}", *paths],
        cwd=ROOT,
        check=False,
    )
    return harness.junit_counts(junit)


def tool(label, cmd):
    print(f"static: {label}: {' '.join(cmd)}", flush=True)
    ok = subprocess.run(cmd, cwd=ROOT, check=False).returncode == 0
    print(f"static: {label}: {'ok' if ok else 'FAILED'}", flush=True)
    return ok


def main():
    layers = sys.argv[1:] or ["unit", "static", "integration"]
    totals = [0, 0]
    status = 0

    def report(layer, passed, failed, skipped=0):
        nonlocal status
        line = f"{layer}: {passed} passed, {failed} failed"
        print(line + (f", {skipped} skipped" if skipped else ""), flush=True)
        totals[0] += passed
        totals[1] += failed
        if failed or not passed:
            status = 1

    if "unit" in layers:
        passed, failed, skipped = pytest_layer("unit", ["tests/unit"])
        report("unit", passed, failed, skipped)
    if "static" in layers:
        passed, failed, skipped = pytest_layer("static", ["tests/static"])
        addons = list(harness.ADDONS)
        checks = [
            tool("pylint-odoo", [PY, "-m", "pylint", "--rcfile=.pylintrc-mandatory", *addons]),
            tool("ruff", [PY, "-m", "ruff", "check", "."]),
            tool("ruff format", [PY, "-m", "ruff", "format", "--check", "."]),
        ]
        report("static", passed + sum(checks), failed + checks.count(False), skipped)
    if "integration" in layers:
        env_db = os.environ.get("TEST_DB", "aftersales_test")
        proc = subprocess.Popen(
            [PY, str(ROOT / "tools" / "harness.py"), "integration", "--db", env_db],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        lines = []
        for line in proc.stdout:
            sys.stdout.write(line)
            sys.stdout.flush()
            lines.append(line.rstrip("\n"))
        returncode = proc.wait()
        last = [ln for ln in lines if ln.startswith("integration:")][-1:]
        if last and "SKIPPED" in last[0]:
            pass
        elif last and " passed, " in last[0]:
            counts = last[0].split(":", 1)[1].split(",")
            totals[0] += int(counts[0].split()[0])
            totals[1] += int(counts[1].split()[0])
            status = status or returncode
        else:
            totals[1] += 1
            status = 1
    print(f"total: {totals[0]} passed, {totals[1]} failed", flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main())

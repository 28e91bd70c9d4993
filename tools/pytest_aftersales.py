# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""pytest plugin of `make test` (loaded with ``-p pytest_aftersales``, ``tools/`` on the path).

* ``--counts-json=PATH`` writes the counts of the run, tests and subtests apart
  (pytest's junit XML adds subtests to its ``tests`` total, and its summary calls a test
  whose subtest failed "passed"): a test fails when its body or any of its subtests fails.
* ``--odoo-suite-post-install-only=MODULE`` leaves out the tests of MODULE that Odoo runs
  at install (``at_install``): only its ``post_install`` tests run.
* ``--odoo-suite-exclude=/module:Class.method`` leaves out one test, named as Odoo's
  ``--test-tags`` names it.
"""

import json
from pathlib import Path

import pytest

try:  # pytest >= 9 reports subtests itself
    from _pytest.subtests import SubtestReport
except ImportError:  # pragma: no cover - older pytest: no subtest reports
    SubtestReport = ()


def pytest_addoption(parser):
    group = parser.getgroup("aftersales")
    group.addoption("--counts-json", default=None, help="write test and subtest counts here")
    group.addoption(
        "--odoo-suite-post-install-only",
        action="append",
        default=[],
        help="module whose at_install tests are left out",
    )
    group.addoption(
        "--odoo-suite-exclude",
        action="append",
        default=[],
        help="a test left out, as /module:Class.method",
    )
    group.addoption(
        "--odoo-suite-xfail",
        action="append",
        default=[],
        help="a test that fails without our add-ons too, as /module:Class.method: it runs, "
        "is counted as skipped (expected failure), and fails the run if it ever passes",
    )
    group.addoption(
        "--odoo-suite-flaky",
        action="append",
        default=[],
        help="a test that fails now and then without our add-ons too, as /module:Class.method: "
        "it runs; a pass counts as passed, a failure as skipped (expected failure)",
    )


def odoo_test_spec(item):
    """``/module:Class.method`` of an Odoo test collected by pytest-odoo, else None."""
    parts = getattr(getattr(item, "module", None), "__name__", "").split(".")
    cls = getattr(item, "cls", None)
    if parts[:2] != ["odoo", "addons"] or len(parts) < 3 or cls is None:
        return None, None
    return parts[2], f"/{parts[2]}:{cls.__name__}.{item.name}"


def pytest_collection_modifyitems(config, items):
    post_only = set(config.getoption("--odoo-suite-post-install-only"))
    excluded = set(config.getoption("--odoo-suite-exclude"))
    xfail = set(config.getoption("--odoo-suite-xfail"))
    flaky = set(config.getoption("--odoo-suite-flaky"))
    if not (post_only or excluded or xfail or flaky):
        return
    keep, drop = [], []
    for item in items:
        module, spec = odoo_test_spec(item)
        if spec in xfail:
            item.add_marker(pytest.mark.xfail(strict=True, reason="fails without our add-ons too"))
        if spec in flaky:
            item.add_marker(
                pytest.mark.xfail(strict=False, reason="fails now and then without our add-ons")
            )
        tags = getattr(getattr(item, "cls", None), "test_tags", set())
        if spec in excluded or (module in post_only and "post_install" not in tags):
            drop.append(item)
        else:
            keep.append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


class Counts:
    def __init__(self, path):
        self.path = Path(path)
        self.tests = {}  # nodeid -> "passed" | "failed" | "skipped"
        self.subtests = {"passed": 0, "failed": 0, "skipped": 0}

    @pytest.hookimpl
    def pytest_runtest_logreport(self, report):
        if SubtestReport and isinstance(report, SubtestReport):
            self.subtests[report.outcome] = self.subtests.get(report.outcome, 0) + 1
            if report.failed:
                self.tests[report.nodeid] = "failed"
            return
        current = self.tests.get(report.nodeid)
        if report.failed:
            self.tests[report.nodeid] = "failed"
        elif report.skipped and current != "failed":
            self.tests[report.nodeid] = "skipped"
        elif report.when == "call" and current is None:
            self.tests[report.nodeid] = "passed"

    @pytest.hookimpl
    def pytest_sessionfinish(self, session):
        outcomes = list(self.tests.values())
        data = {
            "tests": {k: outcomes.count(k) for k in ("passed", "failed", "skipped")},
            "subtests": self.subtests,
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps(data))


def pytest_configure(config):
    path = config.getoption("--counts-json")
    if path:
        config.pluginmanager.register(Counts(path), "aftersales-counts")

# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The benchmark harness's verdicts (bench/run.py), without a database."""

import importlib.util
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench"


def load_bench():
    sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location("bench_run", BENCH / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


run = load_bench()


def result(p95=10.0, queries=3, ratio_time=None, ratio_queries=None, budget=None):
    return {
        "ours": {"p50_ms": p95, "p95_ms": p95, "queries": queries},
        "ratio_time": ratio_time,
        "ratio_queries": ratio_queries,
        "budget": budget or {},
    }


def test_percentile_interpolates_between_runs():
    assert run.percentile([10, 20, 30, 40, 50], 50) == 30
    assert run.percentile([10, 20, 30, 40, 50], 95) == 48
    assert run.percentile([7], 95) == 7


def test_lookup_budget_needs_time_and_queries():
    budget = {"p95_ms": 20, "queries": 5}
    assert run.judge(result(p95=19.9, queries=5, budget=budget)) == "PASS"
    assert run.judge(result(p95=20.0, queries=5, budget=budget)) == "FAIL"
    assert run.judge(result(p95=5.0, queries=6, budget=budget)) == "FAIL"


def test_ratio_budget_against_the_repair_peer():
    budget = {"ratio_time": 1.2, "ratio_queries": 1.2}
    assert run.judge(result(ratio_time=1.2, ratio_queries=0.8, budget=budget)) == "PASS"
    assert run.judge(result(ratio_time=1.21, ratio_queries=0.8, budget=budget)) == "FAIL"
    assert run.judge(result(ratio_time=None, ratio_queries=None, budget=budget)) == "FAIL"


def test_operation_without_budget_or_not_installed():
    assert run.judge(result()) == "-"
    assert run.judge(dict(result(budget={"p95_ms": 1}), status="n/a")) == "n/a"


def test_every_budget_of_the_issue_is_declared():
    budgets = {op["key"]: op.get("budget", {}) for op in run.OPERATIONS}
    assert budgets["warranty_lookup"] == {"p95_ms": 20, "queries": 5}
    assert budgets["create_requests"] == {"ratio_time": 1.5}
    assert budgets["request_list"] == {"ratio_time": 1.2, "ratio_queries": 1.2}
    assert budgets["sla_scan"] == {"p95_ms": 2000}
    assert budgets["technician_kpi"] == {"p95_ms": 2000}

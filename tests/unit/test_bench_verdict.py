# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Budgets judged on the median of the passes (bench/verdict.py), without a database."""

import importlib.util
import math
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
spec = importlib.util.spec_from_file_location("bench_verdict", BENCH / "verdict.py")
verdict = importlib.util.module_from_spec(spec)
sys.modules["bench_verdict"] = verdict
spec.loader.exec_module(verdict)


def test_spread_is_the_median_and_the_range():
    found = verdict.spread([12.0, 10.0, 30.0, 11.0, 9.0])
    assert (found.median, found.low, found.high, found.count) == (11.0, 9.0, 30.0, 5)
    assert found.relative == pytest.approx(21.0 / 11.0)
    assert found.text() == "11.0 [9.0-30.0]"
    assert verdict.spread([4, 6]).median == 5
    assert verdict.spread([3.0, 3.0]).relative == 0.0
    with pytest.raises(ValueError):
        verdict.spread([])


def test_ratios_pair_passes_made_side_by_side():
    assert verdict.ratios([2.0, 3.0], [1.0, 3.0]) == [2.0, 1.0]
    assert verdict.ratios([0.0], [0.0]) == [1.0]
    assert verdict.ratios([1.0], [0.0]) == [math.inf]
    with pytest.raises(ValueError):
        verdict.ratios([1.0, 2.0], [1.0])


def test_three_of_fourteen_slow_ratios_with_median_one_pass():
    """The list budget flipped in 3 of 14 single runs whose median ratio was 1.0."""
    ratios = [1.0] * 8 + [0.95, 0.97, 1.1] + [1.25, 1.3, 1.4]
    found = verdict.checks({"ratio_time": 1.2}, ratio_times=ratios)
    assert verdict.verdict(found) == verdict.PASS
    assert found[0].value == pytest.approx(1.0)


def test_median_over_the_limit_fails_however_good_the_best_pass():
    found = verdict.checks({"median_ms": 20}, times_ms=[5.0, 25.0, 26.0])
    assert verdict.verdict(found) == verdict.FAIL
    assert found[0] == verdict.Check("median_ms", 25.0, 20, False)


def test_time_limit_is_strict_ratio_limit_is_inclusive():
    assert verdict.verdict(verdict.checks({"median_ms": 20}, times_ms=[20.0])) == verdict.FAIL
    assert verdict.verdict(verdict.checks({"ratio_time": 1.2}, ratio_times=[1.2])) == "PASS"
    assert verdict.verdict(verdict.checks({"ratio_queries": 1.2}, ratio_queries=[1.3])) == "FAIL"


def test_query_budget_holds_for_every_pass():
    assert verdict.verdict(verdict.checks({"queries": 5}, queries=[5, 5, 5])) == verdict.PASS
    assert verdict.verdict(verdict.checks({"queries": 5}, queries=[5, 6, 5])) == verdict.FAIL


def test_nothing_measured_is_not_a_pass_and_no_budget_is_no_verdict():
    found = verdict.checks({"ratio_time": 1.5})
    assert verdict.verdict(found) == verdict.FAIL
    assert math.isnan(found[0].value)
    assert verdict.verdict(verdict.checks({}, times_ms=[1.0])) == verdict.NO_BUDGET
    with pytest.raises(ValueError):
        verdict.checks({"p99_ms": 1}, times_ms=[1.0])


def test_budget_text():
    assert verdict.budget_text({"median_ms": 20, "queries": 5}) == "med<20ms q<=5"
    assert verdict.budget_text({"ratio_time": 1.2, "ratio_queries": 1.2}) == "t<=1.2x q<=1.2x"
    assert verdict.budget_text({}) == "-"

# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import pytest
from conftest import load_rule

abc = load_rule("aftersales_parts", "abc")


def classes(values, **kw):
    return {r.key: r.abc_class for r in abc.classify(values, **kw)}


def test_hand_computed_pareto_bands():
    # total 1000: p1 600 (0-60), p2 250 (60-85), p3 80 (85-93), p4 50 (93-98), p5 20 (98-100)
    values = {"p1": 600, "p2": 250, "p3": 80, "p4": 50, "p5": 20}
    assert classes(values) == {"p1": "A", "p2": "A", "p3": "B", "p4": "B", "p5": "C"}


def test_biggest_part_is_a_even_when_it_exceeds_the_a_band():
    assert classes({"big": 95, "small": 5}) == {"big": "A", "small": "C"}


def test_parts_without_consumption_are_c():
    assert classes({"p1": 10, "none": 0}) == {"p1": "A", "none": "C"}
    assert classes({"none": 0}) == {"none": "C"}


def test_configured_thresholds_are_used():
    values = {"p1": 50, "p2": 30, "p3": 20}
    assert classes(values, threshold_a=50, threshold_b=30) == {"p1": "A", "p2": "B", "p3": "C"}


def test_shares_and_cumulative_shares_are_reported():
    result = abc.classify({"a": 75, "b": 25})
    assert [(r.share, r.cumulative_share) for r in result] == [(75.0, 75.0), (25.0, 100.0)]


def test_thresholds_over_hundred_are_refused():
    with pytest.raises(ValueError):
        abc.classify({"a": 1}, threshold_a=90, threshold_b=20)

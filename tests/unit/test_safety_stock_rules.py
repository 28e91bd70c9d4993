# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math

import pytest
from conftest import load_rule

ss = load_rule("aftersales_parts", "safety_stock")


def test_daily_statistics_count_days_without_consumption_as_zero():
    mean, sigma = ss.daily_statistics([4, 4], window_days=4)
    assert mean == 2
    assert sigma == pytest.approx(2.0)


def test_constant_consumption_has_no_deviation():
    mean, sigma = ss.daily_statistics([3] * 10, window_days=10)
    assert (mean, sigma) == (3, 0)


def test_documented_formula():
    levels = ss.reorder_levels(avg_daily=2.0, sigma_daily=1.5, lead_time_days=16, z=1.65)
    assert levels.safety_stock == pytest.approx(1.65 * 1.5 * 4)
    assert levels.reorder_point == pytest.approx(2.0 * 16 + 1.65 * 1.5 * 4)
    assert levels.max_qty == levels.reorder_point


def test_order_cycle_raises_the_maximum():
    levels = ss.reorder_levels(1.0, 0.0, lead_time_days=9, z=2, order_cycle_days=30)
    assert (levels.reorder_point, levels.max_qty) == (9.0, 39.0)


def test_round_up_to_whole_units():
    assert ss.round_up(9.9000001) == 10
    assert ss.round_up(10.0000000001) == 10
    assert ss.round_up(0.2, 0.5) == 0.5
    assert math.isclose(ss.round_up(3.3, 0), 3.3)


@pytest.mark.parametrize("args", [(-1, 1), (1, -1)])
def test_negative_inputs_are_refused(args):
    with pytest.raises(ValueError):
        ss.reorder_levels(1.0, 1.0, *args)


def test_empty_window_is_refused():
    with pytest.raises(ValueError):
        ss.daily_statistics([], window_days=0)

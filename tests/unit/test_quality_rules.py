# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import pytest
from conftest import load_rule

sat = load_rule("aftersales_quality", "satisfaction")
kpi = load_rule("aftersales_quality", "kpi")


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (100, "very_satisfied"),
        (90, "very_satisfied"),
        (89, "satisfied"),
        (80, "satisfied"),
        (79, "average"),
        (60, "average"),
        (59, "dissatisfied"),
        (0, "dissatisfied"),
        (None, None),
    ],
)
def test_score_bands_follow_default_thresholds(score, band):
    assert sat.score_band(score) == band


def test_score_bands_follow_configured_thresholds():
    assert sat.score_band(85, very_satisfied_from=85) == "very_satisfied"
    assert sat.score_band(65, 95, 85, 70) == "dissatisfied"


def test_score_is_mean_of_grade_points():
    assert sat.survey_score([4, 4, 4, 4]) == 100
    assert sat.survey_score([3, 3, 3, 3]) == 80
    assert sat.survey_score([4, 3, 2, 1]) == 60
    assert sat.survey_score([1, 1, None, None]) == 0
    assert sat.survey_score([None, None]) is None


def test_score_uses_given_points():
    assert sat.survey_score([2], {4: 100, 3: 75, 2: 50, 1: 25}) == 50


def test_rates_are_percentages_or_none():
    assert kpi.rate(1, 3) == 33.3
    assert kpi.rate(0, 0) is None


def test_mean():
    assert kpi.mean(240, 3) == 80.0
    assert kpi.mean(0, 0) is None

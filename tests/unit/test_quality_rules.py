# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

import pytest
from conftest import load_rule

sat = load_rule("aftersales_quality", "satisfaction")
kpi = load_rule("aftersales_quality", "kpi")
dl = load_rule("aftersales_quality", "complaint_deadline")


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


def test_first_time_fix_rate():
    assert kpi.first_time_fix_rate(20, 19) == 95.0
    assert kpi.first_time_fix_rate(0, 0) is None


def test_diagnosis_accuracy():
    assert kpi.diagnosis_accuracy(10, 9) == 90.0


def test_sla_compliance_counts_unbreached():
    assert kpi.sla_compliance(8, 2) == 75.0
    assert kpi.sla_compliance(0, 0) is None


def test_callback_rate():
    assert kpi.callback_rate(4, 3) == 75.0


def test_average_score_and_mean():
    assert kpi.average_score([100, 80, 60]) == 80.0
    assert kpi.average_score([]) is None
    assert kpi.mean(240, 3) == 80.0
    assert kpi.mean(0, 0) is None


def test_meets_target_both_directions():
    assert kpi.meets_target(95.0, 95) is True
    assert kpi.meets_target(94.9, 95) is False
    assert kpi.meets_target(1.5, 2, higher_is_better=False) is True
    assert kpi.meets_target(None, 95) is None


def test_deadline_budget_urgent_and_solution():
    policy = dl.DeadlinePolicy(ack_hours=8, urgent_ack_hours=4, solution_days=5, hours_per_day=8)
    assert dl.complaint_deadlines(policy, is_urgent=False) == (8, 40)
    assert dl.complaint_deadlines(policy, is_urgent=True) == (4, 40)


def test_working_hours_skip_non_working_time():
    day1 = (datetime(2026, 3, 2, 9), datetime(2026, 3, 2, 17))
    day2 = (datetime(2026, 3, 3, 9), datetime(2026, 3, 3, 17))
    start = datetime(2026, 3, 2, 15)
    assert dl.add_working_hours(start, 4, [day1, day2]) == datetime(2026, 3, 3, 11)
    assert dl.add_working_hours(start, 0, [day1]) == start
    assert dl.add_working_hours(start, 20, [day1, day2]) is None
    # received at night: the clock starts at the next working interval
    assert dl.add_working_hours(datetime(2026, 3, 2, 20), 1, [day1, day2]) == datetime(
        2026, 3, 3, 10
    )

# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

import pytest
from conftest import load_rule

sla = load_rule("aftersales_service", "sla")


def office_intervals(first_day: datetime, days: int, holidays=()):
    """Mon-Fri 8-12 and 13-17, skipping ``holidays`` (dates)."""
    intervals = []
    for offset in range(days):
        day = first_day + timedelta(days=offset)
        if day.weekday() >= 5 or day.date() in holidays:
            continue
        intervals.append((day.replace(hour=8), day.replace(hour=12)))
        intervals.append((day.replace(hour=13), day.replace(hour=17)))
    return intervals


FRIDAY = datetime(2026, 1, 9)
HOLIDAY = datetime(2026, 1, 12).date()


def test_deadline_within_the_same_morning():
    intervals = office_intervals(FRIDAY, 14)
    assert sla.working_deadline(FRIDAY.replace(hour=9), 2, intervals) == FRIDAY.replace(hour=11)


def test_lunch_break_does_not_count():
    intervals = office_intervals(FRIDAY, 14)
    assert sla.working_deadline(FRIDAY.replace(hour=11), 2, intervals) == FRIDAY.replace(hour=14)


def test_weekend_pauses_the_clock():
    intervals = office_intervals(FRIDAY, 14)
    deadline = sla.working_deadline(FRIDAY.replace(hour=16), 2, intervals)
    assert deadline == datetime(2026, 1, 12, 9)


def test_public_holiday_pauses_the_clock():
    intervals = office_intervals(FRIDAY, 14, holidays={HOLIDAY})
    deadline = sla.working_deadline(FRIDAY.replace(hour=16), 2, intervals)
    assert deadline == datetime(2026, 1, 13, 9)


def test_request_outside_hours_starts_next_morning():
    intervals = office_intervals(FRIDAY, 14)
    saturday_night = datetime(2026, 1, 10, 22)
    assert sla.working_deadline(saturday_night, 1, intervals) == datetime(2026, 1, 12, 9)


def test_five_working_days_over_a_holiday():
    intervals = office_intervals(FRIDAY, 20, holidays={HOLIDAY})
    deadline = sla.working_deadline(FRIDAY.replace(hour=16), 40, intervals)
    assert deadline == datetime(2026, 1, 19, 16)


def test_deadline_beyond_the_intervals_is_unknown():
    intervals = office_intervals(FRIDAY, 1)
    assert sla.working_deadline(FRIDAY.replace(hour=9), 40, intervals) is None


def test_wall_clock_deadline_ignores_calendar():
    assert sla.wall_deadline(FRIDAY.replace(hour=16), 24) == datetime(2026, 1, 10, 16)


START = datetime(2026, 1, 13, 9)
DEADLINE = datetime(2026, 1, 13, 10)


@pytest.mark.parametrize(
    ("now", "met", "expected"),
    [
        (datetime(2026, 1, 13, 9, 30), None, "on_track"),
        (datetime(2026, 1, 13, 9, 48), None, "at_risk"),
        (datetime(2026, 1, 13, 10, 1), None, "breached"),
        (datetime(2026, 1, 13, 12), datetime(2026, 1, 13, 9, 59), "on_track"),
        (datetime(2026, 1, 13, 12), datetime(2026, 1, 13, 10, 30), "breached"),
    ],
)
def test_sla_state(now, met, expected):
    assert sla.sla_state(START, DEADLINE, now, met, at_risk_ratio=0.8) == expected


def test_at_risk_threshold_is_configurable():
    now = datetime(2026, 1, 13, 9, 40)
    assert sla.sla_state(START, DEADLINE, now, at_risk_ratio=0.8) == "on_track"
    assert sla.sla_state(START, DEADLINE, now, at_risk_ratio=0.5) == "at_risk"


def test_no_deadline_is_on_track():
    assert sla.sla_state(START, None, datetime(2030, 1, 1)) == "on_track"


def test_worst_state_wins():
    assert sla.worst_state(["on_track", "breached", "at_risk"]) == "breached"
    assert sla.worst_state(["on_track", "at_risk"]) == "at_risk"
    assert sla.worst_state([]) == "on_track"


def test_day_offsets_are_parsed_and_validated():
    assert sla.parse_day_offsets("90, 7,30") == [7, 30, 90]
    assert sla.parse_day_offsets("") == []
    with pytest.raises(ValueError):
        sla.parse_day_offsets("7,x")
    with pytest.raises(ValueError):
        sla.parse_day_offsets("0")

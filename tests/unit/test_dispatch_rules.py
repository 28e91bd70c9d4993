# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from conftest import load_rule

dispatch = load_rule("aftersales_service", "dispatch")
NOW = datetime(2026, 1, 13, 8)
TWO_HOURS = timedelta(hours=2)


def test_free_slot_without_appointments_is_now():
    assert dispatch.next_free_slot([], NOW, TWO_HOURS) == NOW


def test_free_slot_fits_in_a_gap():
    busy = [(NOW, NOW + timedelta(hours=1)), (NOW + timedelta(hours=3), NOW + timedelta(hours=4))]
    assert dispatch.next_free_slot(busy, NOW, TWO_HOURS) == NOW + timedelta(hours=1)


def test_free_slot_after_a_too_short_gap():
    busy = [(NOW, NOW + timedelta(hours=1)), (NOW + timedelta(hours=2), NOW + timedelta(hours=4))]
    assert dispatch.next_free_slot(busy, NOW, TWO_HOURS) == NOW + timedelta(hours=4)


def test_slots_fit_working_hours_and_skip_appointments_and_nights():
    """Slots lie inside working periods, avoid appointments, never span a break or a night."""
    day = datetime(2026, 3, 2)
    work = [
        (day.replace(hour=1), day.replace(hour=4)),  # 09:00-12:00 in UTC+8
        (day.replace(hour=5), day.replace(hour=9)),  # 13:00-17:00
        (day.replace(hour=1) + timedelta(days=1), day.replace(hour=4) + timedelta(days=1)),
    ]
    busy = [(day.replace(hour=1), day.replace(hour=2, minute=10))]
    slots = dispatch.free_slots(work, busy, timedelta(hours=2), count=4)
    assert slots == [
        # 02:10 rounds up to 02:30; 02:30-04:30 would pass the lunch break: next period
        (day.replace(hour=5), day.replace(hour=7)),
        (day.replace(hour=7), day.replace(hour=9)),
        (day.replace(hour=1) + timedelta(days=1), day.replace(hour=3) + timedelta(days=1)),
    ]


def test_round_up_to_half_hours():
    assert dispatch.round_up(datetime(2026, 3, 2, 10, 17), timedelta(minutes=30)) == datetime(
        2026, 3, 2, 10, 30
    )
    assert dispatch.round_up(datetime(2026, 3, 2, 10, 30), timedelta(minutes=30)) == datetime(
        2026, 3, 2, 10, 30
    )

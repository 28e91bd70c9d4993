# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime as dt

import pytest
from conftest import load_rule

rules = load_rule("aftersales_service", "warranty")
D = dt.date


@pytest.mark.parametrize(
    ("start", "months", "last"),
    [
        (D(2024, 3, 1), 12, D(2025, 2, 28)),
        (D(2024, 3, 1), 60, D(2029, 2, 28)),
        (D(2023, 3, 1), 12, D(2024, 2, 29)),  # leap year February
        (D(2024, 1, 15), 1, D(2024, 2, 14)),
        (D(2024, 12, 15), 1, D(2025, 1, 14)),  # year change
        (D(2023, 1, 31), 1, D(2023, 2, 28)),  # Feb 31 missing: cover the whole February
        (D(2024, 1, 31), 1, D(2024, 2, 29)),
        (D(2024, 2, 29), 12, D(2025, 2, 28)),  # started on a leap day
        (D(2024, 2, 29), 48, D(2028, 2, 28)),  # next leap day exists
        (D(2024, 3, 31), 1, D(2024, 4, 30)),  # April 31 missing
        (D(2024, 5, 31), 1, D(2024, 6, 30)),
    ],
)
def test_last_covered_day_over_month_ends_and_leap_days(start, months, last):
    assert rules.last_covered_day(start, months) == last


def test_days_count_from_the_start_day():
    assert rules.last_covered_day(D(2026, 1, 1), days=90) == D(2026, 3, 31)
    assert rules.last_covered_day(D(2026, 1, 1), months=1, days=1) == D(2026, 2, 1)


@pytest.mark.parametrize(("months", "days"), [(0, 0), (-1, 0), (0, -5)])
def test_a_period_must_be_positive(months, days):
    with pytest.raises(ValueError):
        rules.last_covered_day(D(2026, 1, 1), months, days)


def _cover(on, component=None, state="active"):
    return rules.coverage(
        on,
        state=state,
        date_start=D(2024, 3, 1),
        base_end=D(2025, 2, 28),
        component_ends={"Compressor": D(2029, 2, 28)},
        component=component,
        void_reason="customer damage",
    )


def test_last_covered_day_is_covered_and_the_day_after_is_not():
    last = _cover(D(2025, 2, 28))
    after = _cover(D(2025, 3, 1))
    assert (last.status, last.reason, last.days) == ("covered", "covered", 0)
    assert (after.status, after.reason, after.days) == ("not_covered", "expired", 1)
    assert after.date_end == D(2025, 2, 28)


def test_component_override_outlives_the_rest_of_the_unit():
    answer = _cover(D(2027, 6, 1), component="compressor")
    assert answer.status == "covered"
    assert answer.component == "Compressor"
    assert answer.date_end == D(2029, 2, 28)
    rest = _cover(D(2027, 6, 1), component="fan motor")
    assert rest.status == "not_covered"
    assert rest.component is None
    assert rest.date_end == D(2025, 2, 28)


def test_component_last_day_and_day_after():
    assert _cover(D(2029, 2, 28), component="Compressor").status == "covered"
    after = _cover(D(2029, 3, 12), component="Compressor")
    assert (after.status, after.days) == ("not_covered", 12)


def test_void_wins_whatever_the_date():
    answer = _cover(D(2024, 6, 1), state="void")
    assert answer.status == "void"
    assert answer.params["reason"] == "customer damage"


def test_before_the_start_is_not_covered():
    answer = _cover(D(2024, 2, 20))
    assert (answer.status, answer.reason, answer.days) == ("not_covered", "not_started", 10)


def test_no_warranty_and_pending_installation():
    assert rules.coverage(D(2026, 1, 1), state="none", date_start=None, base_end=None).reason == (
        "no_warranty"
    )
    pending = rules.coverage(D(2026, 1, 1), state="pending", date_start=None, base_end=None)
    assert (pending.status, pending.reason) == ("not_covered", "pending")


def test_best_answer_prefers_covering_then_void_then_latest_end():
    covered = rules.Coverage("covered", "covered", date_end=D(2026, 3, 31))
    expired = rules.Coverage("not_covered", "expired", date_end=D(2029, 2, 28))
    void = rules.Coverage("void", "void")
    assert rules.best_answer([]) is None
    assert rules.best_answer([(1, expired), (2, covered)])[0] == 2
    assert rules.best_answer([(1, expired), (2, void)])[0] == 2
    older = rules.Coverage("not_covered", "expired", date_end=D(2020, 1, 1))
    assert rules.best_answer([(1, expired), (2, older)])[0] == 1

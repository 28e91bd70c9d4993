# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Technician KPI formulas.

Every rate is a percentage (0-100) of a numerator over a denominator counted from records,
so each figure can be traced back to the records it came from. A rate with no denominator
is None (nothing to judge), not 0 and not 100.
"""

from collections.abc import Iterable


def rate(numerator: int, denominator: int) -> float | None:
    """numerator / denominator as a percentage rounded to 0.1; None without a denominator."""
    if not denominator:
        return None
    return round(100.0 * numerator / denominator, 1)


def first_time_fix_rate(done: int, fixed_first_time: int) -> float | None:
    """Share of completed requests fixed on the first visit (no revisit for the same fault)."""
    return rate(fixed_first_time, done)


def diagnosis_accuracy(diagnosed: int, confirmed: int) -> float | None:
    """Share of diagnosed requests whose diagnosis QC/closing confirmed."""
    return rate(confirmed, diagnosed)


def sla_compliance(with_deadline: int, breached: int) -> float | None:
    """Share of completed requests with a deadline that were not breached."""
    return rate(with_deadline - breached, with_deadline)


def callback_rate(done: int, called_back_in_time: int) -> float | None:
    """Share of completed requests called back within the callback delay."""
    return rate(called_back_in_time, done)


def average_score(scores: Iterable[float]) -> float | None:
    """Mean of the answered survey scores, rounded to 0.1; None without answers."""
    values = list(scores)
    if not values:
        return None
    return round(sum(values) / len(values), 1)


def meets_target(value: float | None, target: float, higher_is_better: bool = True) -> bool | None:
    """Whether a figure reaches its target; None when there is no figure."""
    if value is None:
        return None
    return value >= target if higher_is_better else value <= target


def mean(total: float, count: int) -> float | None:
    """total / count rounded to 0.1 (set-based form of ``average_score``); None for no count."""
    if not count:
        return None
    return round(total / count, 1)

# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Technician KPI formulas.

Every rate is a percentage (0-100) of a numerator over a denominator counted from records,
so each figure can be traced back to the records it came from. A rate with no denominator
is None (nothing to judge), not 0 and not 100.
"""


def rate(numerator: int, denominator: int) -> float | None:
    """numerator / denominator as a percentage rounded to 0.1; None without a denominator."""
    if not denominator:
        return None
    return round(100.0 * numerator / denominator, 1)


def mean(total: float, count: int) -> float | None:
    """total / count rounded to 0.1; None for no count."""
    if not count:
        return None
    return round(total / count, 1)

# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Budgets judged on the median of the passes, not on one run (bench/run.py, bench/load.py).

A shared machine makes single passes noisy: one slow pass must not fail a budget, and one
lucky pass must not pass it. Times are judged on the median of the passes; a budget against
a peer (Odoo's repair) on the median of the per-pass ratios, each pass of ours timed right
next to the same pass of the peer; the spread (lowest and highest pass) is printed beside
it so a reader sees how much the machine moved. Query counts do not depend on the
machine: an absolute query budget holds for every pass (the largest count).

Standard library only, no Odoo: unit-tested in tests/unit/test_bench_verdict.py.
"""

from __future__ import annotations

import math
import operator
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

PASS, FAIL, NO_BUDGET = "PASS", "FAIL", "-"


@dataclass(frozen=True)
class Spread:
    """The median of some passes and the lowest and highest of them."""

    median: float
    low: float
    high: float
    count: int

    @property
    def relative(self) -> float:
        """Width of the spread as a share of the median (0.0 when all passes agree)."""
        if self.median == 0:
            return 0.0 if self.high == self.low else math.inf
        return (self.high - self.low) / self.median

    def text(self, digits: int = 1) -> str:
        """``median [low-high]``, e.g. ``1.02 [0.91-1.30]``."""
        return f"{self.median:.{digits}f} [{self.low:.{digits}f}-{self.high:.{digits}f}]"


def spread(values: Sequence[float]) -> Spread:
    """The median and range of ``values`` (at least one value)."""
    if not values:
        raise ValueError("spread of no values")
    return Spread(
        median=float(statistics.median(values)),
        low=float(min(values)),
        high=float(max(values)),
        count=len(values),
    )


def ratios(ours: Sequence[float], peer: Sequence[float]) -> list[float]:
    """Per-pass ratios ours/peer of passes run side by side (same index, same moment)."""
    if len(ours) != len(peer):
        raise ValueError(f"{len(ours)} passes of ours against {len(peer)} of the peer")
    return [o / p if p else (1.0 if o == p else math.inf) for o, p in zip(ours, peer, strict=True)]


def _median(values: Sequence[float]) -> float:
    return spread(values).median


@dataclass(frozen=True)
class Check:
    """One budget: the judged value, its limit and whether it holds."""

    name: str
    value: float
    limit: float
    passed: bool


def checks(
    budget: Mapping[str, float],
    times_ms: Sequence[float] = (),
    queries: Sequence[int] = (),
    ratio_times: Sequence[float] = (),
    ratio_queries: Sequence[float] = (),
) -> list[Check]:
    """Judge each budget of ``budget``:

    - ``median_ms``: median pass time strictly under the limit;
    - ``queries``: every pass at most the limit;
    - ``ratio_time`` / ``ratio_queries``: median of the per-pass ratios at most the limit.

    A budget without its measurements fails (nothing measured is not a pass).
    """
    found = []
    # budget -> (its measurements, how they are aggregated, whether value and limit agree)
    judged = {
        "median_ms": (times_ms, _median, operator.lt),
        "queries": (queries, max, operator.le),
        "ratio_time": (ratio_times, _median, operator.le),
        "ratio_queries": (ratio_queries, _median, operator.le),
    }
    unknown = set(budget) - set(judged)
    if unknown:
        raise ValueError(f"unknown budget {', '.join(sorted(unknown))}")
    for name, limit in budget.items():
        values, aggregate, holds = judged[name]
        if not values:
            found.append(Check(name, math.nan, limit, False))
            continue
        value = float(aggregate(values))
        found.append(Check(name, value, limit, bool(holds(value, limit))))
    return found


def verdict(found: Sequence[Check]) -> str:
    """PASS when every check holds, FAIL when one does not, ``-`` without budget."""
    if not found:
        return NO_BUDGET
    return PASS if all(check.passed for check in found) else FAIL


def budget_text(budget: Mapping[str, float]) -> str:
    """The budget as the table prints it, e.g. ``med<20ms q<=5`` or ``t<=1.2x q<=1.2x``."""
    parts = []
    if "median_ms" in budget:
        parts.append(f"med<{budget['median_ms']:g}ms")
    if "queries" in budget:
        parts.append(f"q<={budget['queries']:g}")
    if "ratio_time" in budget:
        parts.append(f"t<={budget['ratio_time']:g}x")
    if "ratio_queries" in budget:
        parts.append(f"q<={budget['ratio_queries']:g}x")
    return " ".join(parts) or "-"

# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""ABC classification of spare parts by consumption value (Pareto analysis).

Parts are sorted by consumption value, largest first (ties by key, so the result is
stable). A part takes the class of the band in which its cumulative share *starts*:

* share of all value consumed before it < ``threshold_a`` % -> ``A``
* < ``threshold_a + threshold_b`` % -> ``B``
* otherwise -> ``C``

So the largest consumer is always ``A``, even when it alone exceeds ``threshold_a``.
Parts with no consumption value are ``C``. The ``C`` band is the remainder
(100 - A - B), so only two thresholds are needed.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class AbcResult:
    """The class of one part and the figures it was computed from."""

    key: Hashable
    value: float
    share: float  # % of the total consumption value
    cumulative_share: float  # % including this part
    abc_class: str


def classify(
    values: Mapping[Hashable, float],
    threshold_a: float = 80.0,
    threshold_b: float = 15.0,
) -> list[AbcResult]:
    """Classify ``values`` (key -> consumption value), biggest value first."""
    if threshold_a < 0 or threshold_b < 0 or threshold_a + threshold_b > 100:
        raise ValueError("ABC thresholds must be positive and add up to at most 100 %.")
    total = sum(v for v in values.values() if v > 0)
    ordered = sorted(values.items(), key=lambda kv: (-kv[1], str(kv[0])))
    results: list[AbcResult] = []
    cumulative = 0.0
    for key, value in ordered:
        if value <= 0 or total <= 0:
            results.append(AbcResult(key, value, 0.0, cumulative, "C"))
            continue
        share = value * 100.0 / total
        before = cumulative
        cumulative += share
        if before < threshold_a:
            abc_class = "A"
        elif before < threshold_a + threshold_b:
            abc_class = "B"
        else:
            abc_class = "C"
        results.append(AbcResult(key, value, share, min(cumulative, 100.0), abc_class))
    return results

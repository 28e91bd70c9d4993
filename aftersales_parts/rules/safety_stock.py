# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Safety stock and reorder point of a spare part.

With the daily consumption of the part over a window of ``window_days`` days (days
without consumption count as 0):

* ``avg_daily`` = total consumed / window_days
* ``sigma_daily`` = population standard deviation of the daily consumption
* ``safety_stock`` = z * sigma_daily * sqrt(lead_time_days)
* ``reorder_point`` (orderpoint minimum) = avg_daily * lead_time_days + safety_stock
* ``max_qty`` (orderpoint maximum) = reorder_point + avg_daily * order_cycle_days

``z`` is the service level factor (1.65 ~ 95 % of cycles without a stock-out),
``lead_time_days`` the vendor's delivery lead time, ``order_cycle_days`` how many days
of consumption one purchase order should cover. Quantities are rounded up to whole
units by :func:`round_up` when the part is counted in units.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class ReorderLevels:
    avg_daily: float
    sigma_daily: float
    safety_stock: float
    reorder_point: float
    max_qty: float


def daily_statistics(daily_quantities: Iterable[float], window_days: int) -> tuple[float, float]:
    """Mean and population standard deviation of daily consumption over the window.

    ``daily_quantities`` lists the days *with* consumption; the other days of the
    window count as zero.
    """
    if window_days <= 0:
        raise ValueError("The window must be at least one day.")
    quantities = list(daily_quantities)
    if len(quantities) > window_days:
        raise ValueError("More consumption days than days in the window.")
    total = sum(quantities)
    mean = total / window_days
    variance = sum(q * q for q in quantities) / window_days - mean * mean
    return mean, math.sqrt(max(variance, 0.0))


def reorder_levels(
    avg_daily: float,
    sigma_daily: float,
    lead_time_days: float,
    z: float,
    order_cycle_days: float = 0.0,
) -> ReorderLevels:
    """Safety stock, reorder point and maximum for the given consumption and lead time."""
    if lead_time_days < 0 or z < 0 or order_cycle_days < 0:
        raise ValueError("Lead time, service factor and order cycle cannot be negative.")
    safety = z * sigma_daily * math.sqrt(lead_time_days)
    reorder_point = avg_daily * lead_time_days + safety
    max_qty = reorder_point + avg_daily * order_cycle_days
    return ReorderLevels(avg_daily, sigma_daily, safety, reorder_point, max_qty)


def round_up(quantity: float, step: float = 1.0) -> float:
    """Round ``quantity`` up to a multiple of ``step`` (tolerating float noise)."""
    if step <= 0:
        return quantity
    return math.ceil(round(quantity / step, 6)) * step

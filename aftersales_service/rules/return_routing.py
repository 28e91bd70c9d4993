# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Return arithmetic: the customer's return ratio and whether a return breaks the policy.

Which approval steps a return needs is policy, on the models
(``aftersales.return._aftersales_approval_rules``); the slip's deadline is planned on the
after-sales calendar (``aftersales.return._slip_due``)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date


def ratio(returned: float, purchased: float) -> float:
    """Returns as a share of purchases, in percent; returns without purchases count as 100%."""
    if purchased <= 0:
        return 100.0 if returned > 0 else 0.0
    return returned / purchased * 100.0


def breaks_policy(
    returned: float,
    purchased: float,
    allowed_ratio: float,
    sale_dates: Sequence[date],
    on: date,
    time_limit_days: int,
) -> bool:
    """True when the ratio goes over the allowed one or a line was sold too long ago."""
    if ratio(returned, purchased) > allowed_ratio:
        return True
    if time_limit_days > 0:
        return any((on - sold).days > time_limit_days for sold in sale_dates)
    return False

# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Service-level deadlines counted on working intervals, and the SLA state of a promise."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

ON_TRACK = "on_track"
AT_RISK = "at_risk"
BREACHED = "breached"
_SEVERITY = {ON_TRACK: 0, AT_RISK: 1, BREACHED: 2}


def working_deadline(
    start: datetime, hours: float, intervals: Iterable[tuple[datetime, datetime]]
) -> datetime | None:
    """Return the moment ``hours`` of working time after ``start``.

    ``intervals`` are the working periods (start, end), sorted, not overlapping; time
    outside them (nights, weekends, public holidays) does not count. ``None`` when the
    intervals end before the duration is used up.
    """
    remaining = timedelta(hours=hours)
    if remaining <= timedelta(0):
        return start
    for begin, end in intervals:
        if end <= start:
            continue
        begin = max(begin, start)
        available = end - begin
        if available >= remaining:
            return begin + remaining
        remaining -= available
    return None


def wall_deadline(start: datetime, hours: float) -> datetime:
    """Return the moment ``hours`` of clock time after ``start`` (round the clock)."""
    return start + timedelta(hours=hours)


def sla_state(
    start: datetime,
    deadline: datetime | None,
    now: datetime,
    met: datetime | None = None,
    at_risk_ratio: float = 0.8,
) -> str:
    """State of one promise: ``on_track``, ``at_risk`` or ``breached``.

    Met after its deadline, or not met with the deadline passed: breached. Not met and
    ``at_risk_ratio`` (0-1) of the allowed time used: at risk. Otherwise on track.
    """
    if not deadline:
        return ON_TRACK
    if met:
        return BREACHED if met > deadline else ON_TRACK
    if now > deadline:
        return BREACHED
    allowed = (deadline - start).total_seconds()
    if allowed <= 0:
        return AT_RISK
    used = (now - start).total_seconds() / allowed
    return AT_RISK if used >= at_risk_ratio else ON_TRACK


def worst_state(states: Iterable[str]) -> str:
    """The most severe of several promise states (on track when there are none)."""
    return max(states, key=_SEVERITY.__getitem__, default=ON_TRACK)


def parse_day_offsets(text: str) -> list[int]:
    """Parse a list like ``"7, 30, 90"`` into sorted positive day counts.

    Raises ``ValueError`` on anything else than positive whole numbers.
    """
    days = []
    for part in (text or "").split(","):
        part = part.strip()
        if not part:
            continue
        if not part.isdigit() or int(part) <= 0:
            raise ValueError(part)
        days.append(int(part))
    return sorted(set(days))

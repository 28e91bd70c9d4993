# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Warranty periods and coverage: plain date arithmetic, no database.

A warranty of N months starting on day D covers every day up to the day before the same
day-of-month N months later. When that day does not exist in the target month (a start on
the 29th-31st), the warranty runs through the last day of that month: a customer never
loses days because a month is short.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from dateutil.relativedelta import relativedelta

COVERED = "covered"
NOT_COVERED = "not_covered"
VOID = "void"


def last_covered_day(start: dt.date, months: int = 0, days: int = 0) -> dt.date:
    """The last day a warranty of ``months`` (plus ``days``) starting on ``start`` covers."""
    if months < 0 or days < 0:
        raise ValueError("a warranty period cannot be negative")
    if not months and not days:
        raise ValueError("a warranty needs a period")
    anniversary = start + relativedelta(months=months)
    if anniversary.day < start.day:
        # the anniversary day does not exist (relativedelta clamps to the month's last day):
        # cover the whole target month
        anniversary += relativedelta(days=1)
    return anniversary + relativedelta(days=days - 1)


@dataclass(frozen=True)
class Coverage:
    """A coverage answer: ``status``, a ``reason`` key and the values its sentence needs."""

    status: str
    reason: str
    date_end: dt.date | None = None
    days: int = 0
    component: str | None = None
    params: dict = field(default_factory=dict)


def component_end(
    base_end: dt.date | None,
    component_ends: dict[str, dt.date],
    component: str | None,
) -> tuple[dt.date | None, str | None]:
    """The end date that applies to ``component`` and the component it was found under.

    Component names compare case-insensitively; a component without its own line falls
    back to the general end date (``None`` as component).
    """
    if component:
        wanted = component.strip().casefold()
        for name, end in component_ends.items():
            if name.strip().casefold() == wanted:
                return end, name
    return base_end, None


def coverage(
    on_date: dt.date,
    *,
    state: str,
    date_start: dt.date | None,
    base_end: dt.date | None,
    component_ends: dict[str, dt.date] | None = None,
    component: str | None = None,
    void_reason: str | None = None,
) -> Coverage:
    """Whether a warranty covers ``component`` (or the whole unit) on ``on_date``.

    ``state`` is the warranty's state (``pending``, ``active``, ``expired``, ``void``) or
    ``none`` when no warranty exists. Reason keys: ``no_warranty``, ``void``, ``pending``,
    ``not_started``, ``covered``, ``expired``.
    """
    if state == "none":
        return Coverage(NOT_COVERED, "no_warranty")
    if state == "void":
        return Coverage(VOID, "void", params={"reason": void_reason or ""})
    if state == "pending" or not date_start:
        # starts at installation acceptance: nothing is covered before it
        return Coverage(NOT_COVERED, "pending", component=component)
    end, matched = component_end(base_end, component_ends or {}, component)
    if on_date < date_start:
        days = (date_start - on_date).days
        return Coverage(NOT_COVERED, "not_started", date_end=end, days=days, component=matched)
    if end is None or on_date <= end:
        days = (end - on_date).days if end else 0
        return Coverage(COVERED, "covered", date_end=end, days=days, component=matched)
    return Coverage(
        NOT_COVERED, "expired", date_end=end, days=(on_date - end).days, component=matched
    )


def best_answer(answers: list[tuple[int, Coverage]]) -> tuple[int, Coverage] | None:
    """Among the coverage answers of several warranties of one unit, the one that decides.

    A warranty that covers wins (the one covering longest); otherwise a void one (its reason
    must be told); otherwise the one that ended last.
    """
    rank = {COVERED: 3, VOID: 2, NOT_COVERED: 1}
    if not answers:
        return None
    return max(
        answers,
        key=lambda a: (rank.get(a[1].status, 0), a[1].date_end or dt.date.max, a[0]),
    )

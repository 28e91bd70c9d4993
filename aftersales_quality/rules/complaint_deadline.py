# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Complaint deadlines counted on working time.

``complaint_deadlines`` turns a route's policy (acknowledge within N working hours, or
within the urgent number of hours; propose a solution within N working days) into
working-hour budgets; ``add_working_hours`` walks the working intervals of the company's
calendar (public holidays already removed) to find the moment a budget runs out.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class DeadlinePolicy:
    """What a route promises; every number comes from configuration."""

    ack_hours: float
    urgent_ack_hours: float
    solution_days: float
    hours_per_day: float


def complaint_deadlines(policy: DeadlinePolicy, is_urgent: bool) -> tuple[float, float]:
    """Working hours allowed to acknowledge and to propose a solution.

    An urgent complaint uses the urgent acknowledgment budget; the solution budget is the
    route's working days times the calendar's hours per working day.
    """
    ack = policy.urgent_ack_hours if is_urgent else policy.ack_hours
    solution = policy.solution_days * policy.hours_per_day
    return max(ack, 0.0), max(solution, 0.0)


def add_working_hours(
    start: datetime, hours: float, intervals: Iterable[tuple[datetime, datetime]]
) -> datetime | None:
    """The moment ``hours`` of working time after ``start`` are used up.

    ``intervals`` are the calendar's working intervals in chronological order. Time before
    ``start`` is ignored. Returns None when the intervals do not hold enough working time.
    """
    remaining = timedelta(hours=hours)
    if remaining <= timedelta(0):
        return start
    for begin, end in intervals:
        begin = max(begin, start)
        if end <= begin:
            continue
        available = end - begin
        if remaining <= available:
            return begin + remaining
        remaining -= available
    return None

# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Complaint deadlines counted on working time.

``complaint_deadlines`` turns a route's policy (acknowledge within N working hours, or
within the urgent number of hours; propose a solution within N working days) into
working-hour budgets; the moment a budget runs out on the company's working calendar is
found by the service add-on's ``working_deadline`` (aftersales_service/rules/sla.py).
"""

from dataclasses import dataclass


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

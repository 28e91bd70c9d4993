# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Which approval steps a return needs, whether it breaks the customer's policy, and when
its return slip is due."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

STEPS: tuple[str, ...] = ("aftersales", "finance", "sales_head", "leader")


@dataclass(frozen=True)
class Rule:
    """One approval rule: the step it adds and when it applies."""

    rule_id: int
    step: str
    sequence: int = 10
    reason_kind: str = "any"  # any | unsaleable | quality
    min_amount: float = 0.0
    policy_breach: str = "any"  # any | breach | within


@dataclass
class Routing:
    """The ordered steps (step, rule id) and, when the return cannot be approved, why."""

    steps: list[tuple[str, int]] = field(default_factory=list)
    refusal: str | None = None


def _applies(rule: Rule, kinds: set[str], amount: float, breach: bool) -> bool:
    if rule.reason_kind != "any" and rule.reason_kind not in kinds:
        return False
    if amount < rule.min_amount:
        return False
    if rule.policy_breach == "breach" and not breach:
        return False
    return not (rule.policy_breach == "within" and breach)


def route(rules: Iterable[Rule], kinds: Iterable[str], amount: float, breach: bool) -> Routing:
    """Steps the matching rules add, in sequence order, each step once (first rule wins).

    A return that breaks the customer's policy needs a company leader's step; when no rule
    adds one, the routing refuses the return.
    """
    kinds = set(kinds)
    result = Routing()
    seen: set[str] = set()
    for rule in sorted(rules, key=lambda r: (r.sequence, STEPS.index(r.step), r.rule_id)):
        if rule.step in seen or not _applies(rule, kinds, amount, breach):
            continue
        seen.add(rule.step)
        result.steps.append((rule.step, rule.rule_id))
    if not result.steps:
        result.refusal = "no_rule"
    elif breach and "leader" not in seen:
        result.refusal = "policy_breach"
    return result


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


def slip_deadline(
    received: date,
    working_weekdays: Iterable[int],
    holidays: Iterable[date],
    hour: float,
) -> datetime:
    """Local time by which the slip of goods received on ``received`` must be sent:
    ``hour`` o'clock on the next working day (weekday 0 is Monday)."""
    weekdays = set(working_weekdays) or {0, 1, 2, 3, 4}
    off = set(holidays)
    day = received + timedelta(days=1)
    for _attempt in range(366):
        if day.weekday() in weekdays and day not in off:
            break
        day += timedelta(days=1)
    hours = int(hour)
    minutes = round((hour - hours) * 60)
    return datetime.combine(day, time(hours, minutes))

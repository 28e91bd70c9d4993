# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Who pays for a repair: service category and what is charged (labour, parts)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

# reasons a technician may record that void the free in-warranty service
DAMAGE_REASONS: frozenset[str] = frozenset({"customer_damage", "misuse", "force_majeure"})


@dataclass(frozen=True)
class ChargeDecision:
    """The outcome of the charging rule.

    ``category`` is the service category: ``A`` paid, ``B`` contract, ``C`` free.
    ``reason`` is a key the model turns into a translated sentence.
    """

    category: str
    charge_labour: bool
    charge_parts: bool
    reason: str

    @property
    def is_free(self) -> bool:
        return not (self.charge_labour or self.charge_parts)


def decide_charge(
    coverage: str,
    damage_reason: str | None = None,
    has_contract: bool = False,
    contract_includes_labour: bool = False,
    contract_includes_parts: bool = False,
    is_repeat_fault: bool = False,
) -> ChargeDecision:
    """Decide what the customer pays.

    ``coverage`` is the warranty status ("covered", "not_covered", "void").
    Order of precedence: a repeat fault within the repair warranty is always redone free;
    then customer damage, misuse or force majeure makes everything paid; then the warranty
    makes it free; then a service contract decides per its terms; otherwise it is paid.
    """
    if damage_reason and damage_reason not in DAMAGE_REASONS:
        raise ValueError(f"unknown damage reason {damage_reason!r}")
    if is_repeat_fault:
        return ChargeDecision("C", False, False, "repeat_fault")
    if damage_reason:
        return ChargeDecision("A", True, True, damage_reason)
    if coverage == "covered":
        return ChargeDecision("C", False, False, "warranty")
    if has_contract:
        return ChargeDecision(
            "B", not contract_includes_labour, not contract_includes_parts, "contract"
        )
    if coverage == "void":
        return ChargeDecision("A", True, True, "warranty_void")
    return ChargeDecision("A", True, True, "out_of_warranty")


def same_fault(fault: str | None, other: str | None) -> bool:
    """Two fault descriptions name the same fault (case and spacing ignored)."""
    if not fault or not other:
        return False
    return " ".join(fault.lower().split()) == " ".join(other.lower().split())


def within_repair_warranty(
    previous_repaired_on: datetime | None, now: datetime, warranty_days: int
) -> bool:
    """``now`` falls within ``warranty_days`` after the previous repair ended."""
    if not previous_repaired_on or warranty_days <= 0 or previous_repaired_on > now:
        return False
    return now - previous_repaired_on <= timedelta(days=warranty_days)


def same_component(component: str | None, previous_component: str | None) -> bool:
    """Components compare case- and space-insensitively; an unknown one matches any."""
    if not component or not previous_component:
        return True
    return component.strip().casefold() == previous_component.strip().casefold()


def is_repeat_fault(
    fault: str | None,
    previous_fault: str | None,
    previous_repaired_on: datetime | None,
    now: datetime,
    warranty_days: int,
) -> bool:
    """The same fault again within ``warranty_days`` after the previous repair ended."""
    if not same_fault(fault, previous_fault):
        return False
    return within_repair_warranty(previous_repaired_on, now, warranty_days)

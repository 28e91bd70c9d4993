# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Repeat faults: the same fault on the same unit within the repair warranty.

Who pays (the charging precedence) is ``repair.order._aftersales_charge_decision``."""

from __future__ import annotations

from datetime import datetime, timedelta


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

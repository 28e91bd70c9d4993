# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Which technician to suggest for a request: certified, least loaded, free soonest."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class Candidate:
    key: int
    name: str
    certified: bool
    load: int
    next_free: datetime


def next_free_slot(
    busy: Iterable[tuple[datetime, datetime]], after: datetime, duration: timedelta
) -> datetime:
    """Earliest start at or after ``after`` where ``duration`` fits between busy periods."""
    candidate = after
    for begin, end in sorted(busy):
        if end <= candidate:
            continue
        if begin - candidate >= duration:
            return candidate
        candidate = max(candidate, end)
    return candidate


def rank(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Certified candidates only, least open load first, then nearest free slot, then name."""
    eligible = [c for c in candidates if c.certified]
    return sorted(eligible, key=lambda c: (c.load, c.next_free, c.name, c.key))

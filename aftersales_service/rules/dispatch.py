# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Free appointment slots of a technician between working periods and appointments.

Which technician to suggest is ``hr.employee._aftersales_dispatch_order``."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta


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


def round_up(moment: datetime, step: timedelta) -> datetime:
    """``moment`` rounded up to the next multiple of ``step`` counted from its midnight."""
    midnight = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    steps = -(-(moment - midnight) // step)
    return midnight + steps * step


def free_slots(
    work: Iterable[tuple[datetime, datetime]],
    busy: Iterable[tuple[datetime, datetime]],
    duration: timedelta,
    count: int,
    step: timedelta = timedelta(minutes=30),
) -> list[tuple[datetime, datetime]]:
    """Up to ``count`` appointment slots of ``duration``, each inside one working period of
    ``work`` (the technician's working hours, leaves already removed), overlapping no
    ``busy`` period (existing appointments), starting on a ``step`` boundary, earliest first."""
    busy = sorted(busy)
    slots: list[tuple[datetime, datetime]] = []
    for begin, end in sorted(work):
        start = round_up(begin, step)
        while len(slots) < count and start + duration <= end:
            stop = start + duration
            clash = [b_end for b_begin, b_end in busy if b_begin < stop and b_end > start]
            if clash:
                start = round_up(max(clash), step)
                continue
            slots.append((start, stop))
            start = stop
        if len(slots) >= count:
            break
    return slots

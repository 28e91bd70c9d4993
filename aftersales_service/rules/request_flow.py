# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Which stage a service request may move to from which, and who may move it."""

from __future__ import annotations

STATES: tuple[str, ...] = (
    "new",
    "assessed",
    "scheduled",
    "in_progress",
    "waiting_parts",
    "done",
    "closed",
    "cancelled",
)

# target state -> states it may be reached from
TRANSITIONS: dict[str, frozenset[str]] = {
    "assessed": frozenset({"new"}),
    "scheduled": frozenset({"assessed"}),
    "in_progress": frozenset({"scheduled", "waiting_parts"}),
    "waiting_parts": frozenset({"in_progress"}),
    "done": frozenset({"in_progress"}),
    "closed": frozenset({"done"}),
    "cancelled": frozenset({"new", "assessed", "scheduled", "in_progress", "waiting_parts"}),
    "new": frozenset({"cancelled"}),
}

# transitions only an after-sales manager may make
MANAGER_ONLY: frozenset[str] = frozenset({"closed", "cancelled", "new"})


def transition_error(current: str, target: str, is_manager: bool) -> str | None:
    """Return why ``current -> target`` is refused, or None when it is allowed.

    The reason is a key the model turns into a translated sentence:
    ``unknown``, ``not_allowed`` or ``manager_only``.
    """
    if target not in TRANSITIONS or current not in STATES:
        return "unknown"
    if current not in TRANSITIONS[target]:
        return "not_allowed"
    if target in MANAGER_ONLY and not is_manager:
        return "manager_only"
    return None

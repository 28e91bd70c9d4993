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

# questions an agent answers at once (on the phone, by e-mail): no technician, no visit
QUESTION_TYPES: frozenset[str] = frozenset({"usage", "policy"})
# stages from which an agent answers a question and closes it in one step
ANSWERABLE_FROM: frozenset[str] = frozenset({"new", "assessed"})


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


def answer_close_error(current: str, request_type: str) -> str | None:
    """Return why a request cannot be answered and closed in one step, or None.

    Only usage and policy questions take this short path, from ``new`` or ``assessed``;
    reasons: ``not_question`` or ``not_allowed``.
    """
    if request_type not in QUESTION_TYPES:
        return "not_question"
    if current not in ANSWERABLE_FROM:
        return "not_allowed"
    return None


def needs_callback(request_type: str) -> bool:
    """A finished job is called back before closing; an answered question need not be."""
    return request_type not in QUESTION_TYPES

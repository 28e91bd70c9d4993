# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Satisfaction survey score and band.

Each dimension (attitude, skill, punctuality, keeping promises) is answered on four grades
(4 very good, 3 good, 2 fair, 1 poor). A grade is worth a number of points (default 100, 80,
60, 0); the score is the mean of the answered dimensions' points, rounded to a whole number
in 0-100. The band comes from the score and the configured lower bounds.
"""

from collections.abc import Iterable, Mapping

DEFAULT_GRADE_POINTS: Mapping[int, float] = {4: 100.0, 3: 80.0, 2: 60.0, 1: 0.0}
BANDS = ("very_satisfied", "satisfied", "average", "dissatisfied")


def survey_score(
    grades: Iterable[int | None], points: Mapping[int, float] | None = None
) -> int | None:
    """Mean points of the answered grades, 0-100; None when nothing was answered."""
    points = points or DEFAULT_GRADE_POINTS
    answered = [points[g] for g in grades if g]
    if not answered:
        return None
    return round(sum(answered) / len(answered))


def score_band(
    score: float | None,
    very_satisfied_from: float = 90,
    satisfied_from: float = 80,
    average_from: float = 60,
) -> str | None:
    """The band of a score: >= very_satisfied_from, >= satisfied_from, >= average_from, else
    dissatisfied. None for no score."""
    if score is None:
        return None
    if score >= very_satisfied_from:
        return "very_satisfied"
    if score >= satisfied_from:
        return "satisfied"
    if score >= average_from:
        return "average"
    return "dissatisfied"

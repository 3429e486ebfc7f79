"""Correcting a finished strength session beyond its numbers: moving it to another day, adding a set it is
missing, adding an exercise it is missing.

Each function returns the corrected session and never changes the one given; the caller stores it under the
same id, so volume, records, trends, progression and the calendar, which all read the stored sessions, follow.
A session moved to a day is checked as a typed date is (:mod:`calculators.entry_dates`: not after today, not
more than ten years back), and refused when it would then be the same workout as another stored session on
that day (:func:`calculators.strength_copies.same_workout`, the rule that keeps an import from storing one
workout twice).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from calculators.date_words import day_words
from calculators.entry_dates import check_entry_date, check_not_future
from calculators.errors import InputError
from calculators.strength import (
    EXERCISES_MAX,
    SETS_MAX,
    ExerciseLog,
    StrengthSession,
    StrengthSet,
    exercise_key,
    exercise_name,
)
from calculators.strength_copies import same_workout

__all__ = ["DATE_WHAT", "redated", "with_exercise", "with_set"]

#: The date box's name in messages, as the session's own date field says it.
DATE_WHAT = "Date of the session"


def redated(session: StrengthSession, day: date, *, stored: Iterable[StrengthSession], today: date) -> StrengthSession:
    """``session`` moved to ``day``.

    >>> s = StrengthSession(id="x", date=date(2026, 12, 8), kind="A", duration_min=40, rpe=7)
    >>> redated(s, date(2026, 12, 7), stored=[], today=date(2026, 12, 8)).date
    datetime.date(2026, 12, 7)

    Raises:
        DateOutOfRange: ``day`` after ``today`` or more than ten years back, on the field ``date``.
        InputError: on ``date``, when another stored session that day is the same workout.
    """
    check_not_future(day, "date", what=DATE_WHAT, today=today)
    check_entry_date(day, "date", what=DATE_WHAT, today=today)
    moved = replace(session, date=day)
    copy = next((s for s in stored if s.id != session.id and same_workout(moved, s)), None)
    if copy is not None:
        raise InputError(
            "date",
            f"{DATE_WHAT}: your log already holds this same workout on {day_words(day, today=today)} (the same "
            "exercises, sets, reps and loads), so moving it there would count it twice. Delete one of the two "
            "instead, or choose another date.",
        )
    return moved


def with_set(session: StrengthSession, e: int, item: StrengthSet) -> StrengthSession:
    """``session`` with ``item`` added after the last work set of its exercise number ``e``.

    Raises:
        InputError: on ``history`` when the exercise already holds the most sets one can (50).
    """
    entry = session.exercises[e]
    if len(entry.sets) + len(entry.warmups) >= SETS_MAX:
        raise InputError("history", f"{exercise_name(entry)} already has {SETS_MAX} sets, the most one exercise holds.")
    changed = replace(entry, sets=(*entry.sets, item))
    return replace(session, exercises=(*session.exercises[:e], changed, *session.exercises[e + 1 :]))


def with_exercise(session: StrengthSession, entry: ExerciseLog) -> StrengthSession:
    """``session`` with ``entry`` added after its last exercise.

    Raises:
        InputError: on ``exercises`` when the session has that exercise already (its sets are added to it there)
            or holds the most exercises one can (30).
    """
    have = next((e for e in session.exercises if exercise_key(e) == exercise_key(entry)), None)
    if have is not None:
        raise InputError(
            "exercises",
            f"{exercise_name(have)} is in this session already: add the set under it with “Add a set”.",
        )
    if len(session.exercises) >= EXERCISES_MAX:
        raise InputError("exercises", f"At most {EXERCISES_MAX} exercises fit in one session.")
    return replace(session, exercises=(*session.exercises, entry))

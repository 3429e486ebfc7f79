"""Telling a session to import from one already stored under another id: the same workout from another app.

A runner who moved from Strong to Hevy often has their Strong history inside Hevy too, so importing both
exports brings every workout twice, each under its own app's id, and doubles the week's volume and load.
Stridelab's rule (ours): two sessions are the same workout when they are on the same day and hold the same
exercises (:func:`calculators.strength.exercise_key`, so "Romanian Deadlift (Barbell)" and "Romanian
deadlift" are one) with the same sets in the same order: the same reps, holds and box heights, and loads
within :data:`LOAD_TOLERANCE_KG`. Set RPE, notes, the session's minutes and its RPE are left out: one app
may not keep them, and each app times a workout its own way.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from calculators.strength import StrengthSession, StrengthSet, exercise_key

__all__ = ["HEIGHT_TOLERANCE_CM", "LOAD_TOLERANCE_KG", "Merge", "merge", "same_workout"]

#: Loads this close are one load: an app that converts between kg and lb rounds to the whole pound (at most
#: 0.23 kg off) or to the quarter kilogram, while the smallest real change is a pair of 0.25 kg plates (0.5 kg).
LOAD_TOLERANCE_KG = 0.25
#: Box heights this close are one box: rounding to the whole centimetre or the half inch (1.27 cm / 2).
HEIGHT_TOLERANCE_CM = 0.65


def _close(a: float | None, b: float | None, tolerance: float) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and abs(a - b) <= tolerance + 1e-9)


def _same_set(a: StrengthSet, b: StrengthSet) -> bool:
    return (
        a.reps == b.reps
        and _close(a.hold_s, b.hold_s, 0.5)
        and _close(a.load_kg, b.load_kg, LOAD_TOLERANCE_KG)
        and _close(a.height_cm, b.height_cm, HEIGHT_TOLERANCE_CM)
    )


def _sets_by_exercise(session: StrengthSession) -> dict[str, list[StrengthSet]]:
    grouped: dict[str, list[StrengthSet]] = {}
    for entry in session.exercises:
        if entry.sets:  # an exercise with no sets is a name only: nothing was done to compare
            grouped.setdefault(exercise_key(entry), []).extend(entry.sets)
    return grouped


def same_workout(a: StrengthSession, b: StrengthSession) -> bool:
    """Whether ``a`` and ``b`` are one workout recorded twice (see the module docstring for the rule)."""
    if a.date != b.date:
        return False
    left, right = _sets_by_exercise(a), _sets_by_exercise(b)
    if not left or left.keys() != right.keys():
        return False
    return all(len(left[key]) == len(right[key]) and all(map(_same_set, left[key], right[key])) for key in left)


@dataclass(frozen=True, kw_only=True, slots=True)
class Merge:
    """What an import stores once copies of one workout are left out.

    ``sessions`` are to be stored (new, or replacing their own id); ``repeats`` are the sessions kept that
    the ones left out repeat, one for each left out; ``removed`` are ids of stored sessions to delete: an
    earlier import whose new reading is a copy of a session stored from another app (a Strong file read in
    kg, then Hevy's, then the Strong file again in lb), so that each workout is stored once.
    """

    sessions: tuple[StrengthSession, ...]
    repeats: tuple[StrengthSession, ...]
    removed: tuple[str, ...]


def merge(sessions: Iterable[StrengthSession], stored: Iterable[StrengthSession]) -> Merge:
    """The import of ``sessions`` into ``stored`` with no workout held twice.

    Each session is compared with the log as it stands after those before it: one that is the same workout as
    a session held under another id is left out (and its own earlier version removed); the others are stored.
    Comparing with the log as it grows, not as it was, keeps one of two copies that are both in the file.
    """
    log = {session.id: session for session in stored}
    by_day: dict[date, dict[str, StrengthSession]] = {}
    for session in log.values():
        by_day.setdefault(session.date, {})[session.id] = session
    kept, repeats, removed = [], [], []
    for session in sessions:
        day = by_day.setdefault(session.date, {})
        match = next((old for old in day.values() if old.id != session.id and same_workout(session, old)), None)
        if match is None:
            day[session.id] = log[session.id] = session
            kept.append(session)
            continue
        repeats.append(match)
        if session.id in log:
            del log[session.id], day[session.id]
            removed.append(session.id)
    return Merge(sessions=tuple(kept), repeats=tuple(repeats), removed=tuple(removed))

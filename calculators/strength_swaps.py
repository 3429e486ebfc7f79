"""Swap or skip one exercise of Session A or B for today: the rack is taken, the gym is busy, a knee is grumpy.

A swap offers only what the catalogue pairs: each barbell lift with its no-gym stand-in
(:attr:`calculators.exercises.Exercise.no_gym`, the strength guide's "*No gym:*" option for it), which trains the
same muscles. It is the "No gym" choice made for one exercise instead of the whole session: at a gym, the lift for
its stand-in, and back again (a no-gym session has its stand-ins already, and no barbell to go back to). The
exercise done is logged under its own
id, so each keeps its own history and prescription; the record says which it was done instead of (``replaces``).

A skip keeps the reader's reason. The exercise is stored with no work sets (``skipped``), so progression passes
over it as it does any exercise not done that week: not as missed reps, and the next session of it is worked out from
the last time it was done (Stridelab's rule; the week-off rule of :mod:`calculators.progression` still
counts the days since then).

>>> alternative("A", "romanian_deadlift").id
'single_leg_rdl'
>>> alternative("B", "single_leg_calf_raise") is None
True
"""

from __future__ import annotations

from collections.abc import Mapping

from calculators.errors import InputError
from calculators.exercises import CATALOGUE, Exercise, session_exercises
from calculators.strength import NAME_MAX, ExerciseLog, exercise_name

__all__ = [
    "SKIP_REASONS",
    "alternative",
    "check_skips",
    "check_swaps",
    "entry_words",
    "skip_reason",
    "swap_offer",
    "swapped_exercises",
]

#: Reasons offered as the reader types one (their own words are kept as typed): the brief's own examples.
SKIP_REASONS = ("machine taken", "sore", "short of time")


def _pairs(kind: str) -> tuple[tuple[str, str], ...]:
    """Session ``kind``'s places that the catalogue fills two ways: (the gym lift, its no-gym stand-in)."""
    if kind not in ("A", "B"):
        return ()
    return tuple((ex.id, ex.no_gym) for ex in session_exercises(kind) if ex.needs_gym and ex.no_gym)  # type: ignore[arg-type]


def alternative(kind: str, exercise_id: str) -> Exercise | None:
    """The exercise that may take ``exercise_id``'s place in Session ``kind`` today, or None when the catalogue pairs
    it with none there (Session B's own single-leg calf raise is no stand-in in it: swapped for the heavy calf raise,
    that lift would come twice a week and step up twice)."""
    for lift, stand_in in _pairs(kind):
        if exercise_id in (lift, stand_in):
            return CATALOGUE[stand_in if exercise_id == lift else lift]
    return None


def swap_offer(kind: str, gym: bool, swaps: Mapping[str, str], exercise_id: str) -> Exercise | None:
    """What ``exercise_id`` may be swapped for today: back to the planned exercise it was swapped in for, or, at a gym,
    a barbell lift's stand-in; None otherwise."""
    planned = next((key for key, done in swaps.items() if done == exercise_id), None)
    if planned is not None:
        return CATALOGUE[planned]
    other = alternative(kind, exercise_id)
    return other if gym and other is not None and other.stand_in else None


def swapped_exercises(kind: str, gym: bool, swaps: Mapping[str, str]) -> tuple[Exercise, ...]:
    """Session ``kind``'s exercises in order (stand-ins without a gym), each planned one in ``swaps`` replaced."""
    return tuple(CATALOGUE[swaps.get(ex.id, ex.id)] for ex in session_exercises(kind, gym=gym))  # type: ignore[arg-type]


def check_swaps(kind: str, gym: bool, raw: object, path: str) -> dict[str, str]:
    """A stored session's swaps, planned id → the id done instead, each one the catalogue pairs it with."""
    if not isinstance(raw, Mapping):
        raise InputError(path, "not a list of swaps")
    planned = {ex.id for ex in session_exercises(kind, gym=gym)} if kind in ("A", "B") else set()  # type: ignore[arg-type]
    swaps: dict[str, str] = {}
    for key, value in raw.items():
        other = swap_offer(kind, gym, {}, key) if key in planned else None
        if other is None or value != other.id:
            raise InputError(path, f"unexpected swap {key!r}")
        swaps[key] = value
    return swaps


def check_skips(raw: object, known: set[str], path: str) -> dict[str, str]:
    """A stored session's skips, exercise id → the reason ("" for none given), each exercise one of the session's."""
    if not isinstance(raw, Mapping):
        raise InputError(path, "not a list of skips")
    skips: dict[str, str] = {}
    for key, value in raw.items():
        if key not in known or not isinstance(value, str) or len(value) > NAME_MAX:
            raise InputError(path, f"unexpected skip {key!r}")
        skips[key] = value
    return skips


def skip_reason(text: str) -> str:
    """The reason typed for a skip, its spaces tidied; empty is allowed (a skip needs no excuse)."""
    tidy = " ".join(text.split())
    if len(tidy) > NAME_MAX:
        raise InputError("skip_reason", f"Reason: at most {NAME_MAX} characters; this one has {len(tidy)}.")
    return tidy


def entry_words(entry: ExerciseLog) -> str:
    """An exercise of a saved session as the history names it: "Single-leg Romanian deadlift (instead of Romanian
    deadlift)", "Hip thrust (skipped: machine taken)"."""
    name = exercise_name(entry)
    if entry.skipped:
        return f"{name} (skipped{': ' + entry.skip_reason if entry.skip_reason else ''})"
    if entry.replaces:
        planned = CATALOGUE.get(entry.replaces)
        return f"{name} (instead of {planned.name if planned else entry.replaces})"
    return name

"""Whether a planned strength session was done, from the sets the strength log recorded.

A session logged set by set on the strength log stores, for each exercise, the sets prescribed
(``target_sets``) beside the sets done, so "done" means every prescribed set was done: a
runner who did them all in 30 minutes did Session A, whatever the guide's "about 45 min"
says. An exercise left out altogether is not stored at all, so for Session A or B the session's
own exercises (each, or its no-gym stand-in) must all be there; the strength log asks before it
finishes a session short of them ("Not every prescribed set is logged"), and the calendar agrees.

A session without that detail (imported from Strong or Hevy, or logged before the targets were
kept) has nothing to count sets against; the calendar then compares its minutes with an
estimate instead (:data:`calculators.calendar.STRENGTH_MINUTES`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from calculators.exercises import SessionName, session_exercises
from calculators.strength import StrengthSession, exercise_key, exercise_name
from calculators.units import count

__all__ = ["has_sets", "lift_status", "missing_lifts"]


def has_sets(session: StrengthSession) -> bool:
    """Whether ``session`` records what was prescribed: logged here (no ``source``), with a target for a set count.

    The reader's own exercise may have none (nothing prescribed to fall short of); one such is not enough.
    """
    return session.source is None and any(e.target_sets for e in session.exercises)


def lift_status(sessions: Sequence[StrengthSession]) -> Literal["done", "partly done"] | None:
    """ "done" when ``sessions`` (the logs that count for one planned session) did every prescribed set, "partly
    done" when some are missing; None when there are none, or one of them lacks the detail (:func:`has_sets`).

    Sets of the same exercise add up across the sessions (a session split over two logs)."""
    missing = missing_lifts(sessions)
    return None if missing is None else ("partly done" if missing else "done")


def missing_lifts(sessions: Sequence[StrengthSession]) -> tuple[str, ...] | None:
    """What :func:`lift_status` finds missing, in words: "Nordic hamstring curl (2 of 3 sets)" for sets short, the
    exercise's name for one left out; () when nothing is, None when it cannot tell (as :func:`lift_status`)."""
    if not sessions or not all(has_sets(s) for s in sessions):
        return None
    done: dict[str, int] = {}
    wanted: dict[str, tuple[int, str]] = {}
    for session in sessions:
        for entry in session.exercises:
            key = exercise_key(entry)
            done[key] = done.get(key, 0) + len(entry.sets)
            if entry.target_sets:
                most = max(wanted.get(key, (0, ""))[0], entry.target_sets)
                wanted[key] = (most, exercise_name(entry))
    missing = [
        f"{name} ({done[key]} of {count(sets, 'set')})" for key, (sets, name) in wanted.items() if done[key] < sets
    ]
    named: set[SessionName] = {s.kind for s in sessions if s.kind != "custom"}  # a custom session lists its own
    for ex in (ex for kind in named for ex in session_exercises(kind)):
        if ex.id not in done and (ex.no_gym is None or ex.no_gym not in done):
            missing.append(ex.name)
    return tuple(missing)

"""The reader's own lifts that go with Session A or B: shown with the session's prescription on Today and on the
strength log, so a lifter who squats and benches on his lifting days sees their next numbers beside the catalogue's.

A lifter's own lifts (a back squat, a bench press: :mod:`calculators.own_lifts`) are not in the catalogue's
sessions, so which session they go with is read from where they were logged (Stridelab's rule). A session's
"slot" is Session A or B: a session logged as A or B is its own; a custom session (one the lifter put together, or
one imported from Strong or Hevy) is the slot of the planned session it counts for (on a day the plan lifts, or the
planned day the training calendar links it to), or else of a Session A or B logged on the same day. The own lifts
shown with a slot are those logged, done or skipped, on its last :data:`RECENT_SESSIONS` days: a lift left out once
(a busy day) still shows, one dropped from the program for longer does not. Session A's or B's screen on the strength
log keeps the catalogue's exercises only, so the page says to log them in a custom session, as they were.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date

from calculators.calendar_logs import Link
from calculators.exercises import CATALOGUE, Exercise
from calculators.season import SeasonPlan
from calculators.strength import StrengthSession, exercise_key
from calculators.ui.html import Html, el
from calculators.ui.strength_custom import custom_exercise, is_custom
from calculators.week_plan import DayPlan

__all__ = ["RECENT_SESSIONS", "own_lifts_note", "slot_lifts", "slot_of"]

#: On how many of a slot's latest days its own lifts are looked for: the last, and the one before for a lift left
#: out of the last one (Stridelab's rule).
RECENT_SESSIONS = 2


def slot_of(
    session: StrengthSession,
    sessions: Iterable[StrengthSession],
    plan: SeasonPlan | None = None,
    links: Iterable[Link] = (),
) -> str | None:
    """The session, A or B, that ``session`` stands for: its own kind, or for a custom one the planned session it
    counts for (linked, or on its own day), else an A or B logged the same day; None when none."""
    return _slots(tuple(sessions), plan, tuple(links))(session)


def _slots(
    sessions: tuple[StrengthSession, ...], plan: SeasonPlan | None, links: tuple[Link, ...]
) -> Callable[[StrengthSession], str | None]:
    """:func:`slot_of` for any of ``sessions``, with the plan's days, the links and the days' A and B read once."""
    days: Mapping[date, DayPlan] = plan.planned_days() if plan is not None else {}
    linked = {link.entry_id: link.planned_date for link in links if link.kind == "strength"}
    same_day = {s.date: s.kind for s in sessions if s.kind in ("A", "B")}

    def slot(session: StrengthSession) -> str | None:
        if session.kind in ("A", "B"):
            return session.kind
        for day in (linked.get(session.id), session.date):
            planned = days.get(day) if day is not None else None
            if planned is not None and planned.strength in ("A", "B"):
                return planned.strength
        return same_day.get(session.date)

    return slot


def slot_lifts(
    kind: str,
    sessions: tuple[StrengthSession, ...],
    day: date,
    plan: SeasonPlan | None = None,
    links: tuple[Link, ...] = (),
) -> tuple[Exercise, ...]:
    """The reader's own lifts logged (or skipped) in the last :data:`RECENT_SESSIONS` sessions of Session ``kind``'s
    slot up to ``day``, the latest session's first, in its order, each named as last logged."""
    slot = _slots(sessions, plan, links)
    mine = sorted((s for s in sessions if s.date <= day and slot(s) == kind), key=lambda s: s.date, reverse=True)
    dates = sorted({s.date for s in mine}, reverse=True)[:RECENT_SESSIONS]
    found: dict[str, str] = {}
    for session in (s for s in mine if s.date in dates):
        for entry in session.exercises:
            key = exercise_key(entry)
            if key not in CATALOGUE and (entry.sets or entry.skipped) and entry.name and key not in found:
                found[key] = entry.name
    return tuple(custom_exercise(name) for name in found.values())


def own_lifts_note(kind: str, exercises: Iterable[Exercise]) -> Html | None:
    """Under Session ``kind``'s prescription of ``exercises``, where its own lifts (:func:`slot_lifts`) come from and
    where they are logged: Session A's or B's screen has the catalogue's exercises only, so they go in a custom
    session, as they were. None when the session shows none."""
    names = [ex.name for ex in exercises if is_custom(ex)]
    if not names:
        return None
    return el(
        "p",
        {"data-own-lifts": len(names)},
        f"Your own lifts ({', '.join(names)}) are from your latest Session {kind} days. Log them in a custom session "
        f"on the strength log, as you did: Session {kind}'s screen lists the strength guide's exercises only.",
    )

"""Strength on a day the season plan keeps free of it: what the strength log says when such a session starts, and
the planned session it then counts for.

TRAINING-RULES.md ("Where they go in the week"): strength goes with a hard run, an easy day follows each stress
day, and strength never goes on an easy day. The log does not refuse a session on another day (the reader
decides), but says so, and once it is done counts it for the nearest planned session of its kind, linked as the
training calendar links a session done on another day, so the plan's next session is not that same one again the
next day.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from calculators.calendar_logs import LINK_DAYS_MAX, Link, Logs, link_op, plans_kind, read_logs, read_plan
from calculators.date_words import day_words
from calculators.profile import Profile
from calculators.reschedule_case import run_words
from calculators.season import SeasonPlan, next_strength_day
from calculators.strength import StrengthSession
from calculators.ui.calculator import action_button
from calculators.ui.html import Html, el
from calculators.ui.strength_drops import dropped_sessions
from calculators.ui.verdict_offers import calendar_as_told
from calculators.week_plan import DayPlan

__all__ = [
    "count_choice_buttons",
    "count_choices",
    "counted_days",
    "counted_for_words",
    "counted_sessions",
    "counted_words",
    "counts_for",
    "link_to_plan",
    "next_kept",
    "next_planned",
    "off_plan_words",
    "planned_strength_done",
]

Store = Mapping[str, Mapping[str, Any]]


def counted_sessions(
    plan: SeasonPlan, sessions: tuple[StrengthSession, ...], links: tuple[Link, ...], around: date
) -> dict[date, tuple[StrengthSession, ...]]:
    """The planned strength days at most :data:`LINK_DAYS_MAX` days from ``around`` that logged sessions count
    for, each with those sessions, as the training calendar matches them: on the session's own day, or the day it
    is linked to."""
    span = timedelta(days=LINK_DAYS_MAX)
    # Only a session at most twice the span away can count for a day in the span: the rest would only slow the
    # calendar's readiness, which is not read here.
    near = {s.id: s for s in sessions if abs((s.date - around).days) <= 2 * LINK_DAYS_MAX}
    logs = Logs(strength=tuple(near.values()), links=links)
    calendar = calendar_as_told(around - span, around + span, logs=logs, plan=plan, today=around, profile=Profile())
    return {
        p.day: tuple(near[i] for i in p.matched)
        for w in calendar.weeks
        for d in w.days
        for p in d.planned
        if p.kind == "strength" and p.matched
    }


def counted_days(
    plan: SeasonPlan, sessions: tuple[StrengthSession, ...], links: tuple[Link, ...], around: date
) -> frozenset[date]:
    """The planned strength days near ``around`` that a logged session counts for (:func:`counted_sessions`)."""
    return frozenset(counted_sessions(plan, sessions, links, around))


def planned_strength_done(store: Store, today: date) -> dict[date, tuple[StrengthSession, ...]]:
    """:func:`counted_sessions` around ``today`` for the plan, sessions and links stored, read as the calendar
    reads them: for a page that reads the store its own way."""
    plan = read_plan(store)
    logs = read_logs(store)
    return counted_sessions(plan, logs.strength, logs.links, today) if plan is not None else {}


def counted_words(day: date, counted: tuple[StrengthSession, ...], *, today: date) -> str:
    """Why the planned session of ``day`` is done, as Today says it: "your session of Wednesday 9 December counts
    for it", or "you logged it today" when it was lifted on its own day."""
    other = next((s for s in counted if s.date != day), None)
    if other is None:
        return f"you logged it {'today' if day == today else 'on ' + day_words(day, today=today)}"
    return f"your session of {day_words(other.date, today=today)} counts for it"


def next_planned(
    plan: SeasonPlan, sessions: tuple[StrengthSession, ...], links: tuple[Link, ...], start: date
) -> DayPlan | None:
    """The plan's first strength day on or after ``start`` that no logged session counts for yet (one the calendar
    drops is the caller's to skip: :func:`calculators.ui.strength_drops.dropped_sessions`)."""
    done = counted_days(plan, sessions, links, start)
    found = next_strength_day(plan, start)
    while found is not None and found.day is not None and found.day in done:
        found = next_strength_day(plan, found.day + timedelta(days=1))
    return found


def next_kept(
    plan: SeasonPlan,
    logs: Logs,
    start: date,
    *,
    today: date,
    sessions: tuple[StrengthSession, ...] | None = None,
    profile: Profile | None = None,
) -> tuple[DayPlan | None, tuple[tuple[date, str], ...]]:
    """The plan's first strength day on or after ``start`` that no logged session counts for (:func:`next_planned`)
    and the training calendar does not drop, with those it drops on the way, each with why
    (:func:`calculators.ui.strength_drops.dropped_sessions`: a red verdict, from ``logs``' HRV and load and
    ``profile``'s numbers, or the comeback rule). The strength log's "Next up" and its words for a session started
    off the plan's strength days name the same session. ``sessions``: the strength log's own reading of the
    sessions, when it has one (else ``logs``')."""
    lifted = logs.strength if sessions is None else sessions
    found = next_planned(plan, lifted, logs.links, start)
    skipped: list[tuple[date, str]] = []
    # Each skip builds the calendar's week of that day: a red verdict reaches no further than tomorrow, and the
    # comeback rule drops only the first hard session back, so this stops after a step or two.
    while found is not None and found.day is not None:
        why = dropped_sessions(logs, plan, found.day, found.day, today=today, profile=profile)
        if found.day not in why:
            break
        skipped.append((found.day, why[found.day]))
        found = next_planned(plan, lifted, logs.links, found.day + timedelta(days=1))
    return found, tuple(skipped)


def _off_plan(plan: SeasonPlan | None, day: date) -> DayPlan | None:
    """The plan's day ``day`` when the plan covers it and has no strength on it; None otherwise."""
    planned = plan.planned_days().get(day) if plan is not None else None
    return planned if planned is not None and planned.strength is None else None


def count_choices(
    plan: SeasonPlan | None,
    sessions: tuple[StrengthSession, ...],
    links: tuple[Link, ...],
    kind: str,
    day: date,
) -> tuple[DayPlan, ...]:
    """The planned strength sessions a session of ``kind`` done on ``day``, a day the plan has no strength, can count
    for: those no session counts for yet, at most :data:`LINK_DAYS_MAX` days away, that the training calendar lets
    it count for (A for A, B for B, a custom session for either: :func:`calculators.calendar_logs.plans_kind`);
    the nearest first (of two as near, the earlier: it makes up for a missed one). None on a planned strength day."""
    if plan is None or _off_plan(plan, day) is None:
        return ()
    days, done = plan.planned_days(), counted_days(plan, sessions, links, day)
    near = [
        d
        for d, planned in days.items()
        if abs((d - day).days) <= LINK_DAYS_MAX and d not in done and plans_kind(planned, "strength", kind)
    ]
    return tuple(days[d] for d in sorted(near, key=lambda d: (abs((d - day).days), d)))


def counts_for(
    plan: SeasonPlan | None,
    sessions: tuple[StrengthSession, ...],
    links: tuple[Link, ...],
    kind: str,
    day: date,
) -> date | None:
    """The planned Session ``kind`` that a session of that kind done on ``day``, a day the plan has no strength,
    counts for: the nearest of :func:`count_choices`. None for a custom session (the reader chooses which planned
    session it stands for: :func:`count_choices`), on a planned strength day, or when there is none."""
    if kind not in ("A", "B"):
        return None
    return next((p.day for p in count_choices(plan, sessions, links, kind, day)), None)


def counted_for_words(kind: str, target: date, *, today: date) -> str:
    """What the log says once a session off the plan's strength days counts for the planned Session ``kind`` (the
    plan's, whatever the session lifted) of ``target``."""
    return (
        f"It counts for your plan's Session {kind} of {day_words(target, today=today)}, so the plan moves on to the "
        "session after it. You can change that on the training calendar."
    )


def off_plan_words(
    plan: SeasonPlan | None,
    sessions: tuple[StrengthSession, ...],
    logs: Logs,
    kind: str,
    day: date,
    *,
    today: date,
    profile: Profile | None = None,
) -> str | None:
    """What the log says when a session starts on ``day`` and the plan has no strength that day; None otherwise. The
    plan's next session is the one "Next up" names (:func:`next_kept`): one the calendar drops is not next, and the
    first such is said with why, as there."""
    links = logs.links
    planned = _off_plan(plan, day)
    if plan is None or planned is None:
        return None
    when = day_words(day, today=today)
    what = "a rest day" if planned.run == "rest" else f"a day for {run_words(planned.run)} only"
    words = [
        f"Your plan has no strength session on {when}: it is {what}. Your plan lifts on hard-run days and keeps "
        "the day after easy, so lifting on another day adds a stress day where you should recover."
    ]
    upcoming, skipped = next_kept(plan, logs, day + timedelta(days=1), today=today, sessions=sessions, profile=profile)
    target = counts_for(plan, sessions, links, kind, day)
    after = "and the plan moves on to the session after it."
    words += [why for _, why in skipped[:1]]
    if upcoming is not None and upcoming.day is not None:
        words.append(
            f"Your plan's next strength session is Session {upcoming.strength} on "
            f"{day_words(upcoming.day, today=today)}"
            + (
                f": if you lift on {when} all the same, this session counts for it, {after}"
                if upcoming.day == target
                else "."
            )
        )
    if target is not None and (upcoming is None or upcoming.day != target):
        words.append(
            f"If you lift on {when} all the same, this session counts for your plan's Session {kind} of "
            f"{day_words(target, today=today)}, {after}"
        )
    choices = count_choices(plan, sessions, links, kind, day) if kind not in ("A", "B") else ()
    if choices:  # the reader's own session stands for whichever planned one they say, as on the training calendar
        names = " or ".join(_choice_words(p, today) for p in choices)
        words.append(
            f"If you lift on {when} all the same, you choose when you finish which planned session it counts for "
            f"({names}), {after}"
        )
    return " ".join(words)


def _choice_words(planned: DayPlan, today: date) -> str:
    return f"Session {planned.strength} of {day_words(planned.day, today=today)}" if planned.day else ""


def count_choice_buttons(
    plan: SeasonPlan | None,
    earlier: tuple[StrengthSession, ...],
    links: tuple[Link, ...],
    session: StrengthSession,
    *,
    today: date,
) -> Html | None:
    """For a session just finished on a day without planned strength that no planned session takes by itself (a
    custom one: :func:`counts_for`), the planned sessions it can count for (:func:`count_choices`), one "This counts
    for…" button each, as the training calendar offers them for a run; None when there is none to choose."""
    if counts_for(plan, earlier, links, session.kind, session.date) is not None:
        return None
    choices = count_choices(plan, earlier, links, session.kind, session.date)
    if not choices:
        return None
    return el(
        "div",
        {"data-count-choices": True},
        el(
            "p",
            None,
            f"Your plan has no strength session on {day_words(session.date, today=today)}. If this session stands "
            "for a planned one, choose it: the plan then moves on to the session after it. Otherwise it stays an "
            "extra session.",
        ),
        *(
            action_button(
                f"This counts for {_choice_words(p, today)}",
                "count_for",
                {"id": session.id, "planned": p.day.isoformat()},
            )
            for p in choices
            if p.day is not None
        ),
    )


def link_to_plan(
    plan: SeasonPlan | None,
    earlier: tuple[StrengthSession, ...],
    links: tuple[Link, ...],
    session: StrengthSession,
    *,
    today: date,
) -> tuple[dict[str, Any], str] | None:
    """The link that makes a session just finished on a day without planned strength count for the planned one
    (:func:`counts_for`), with the words that say so; None when it needs none."""
    target = counts_for(plan, earlier, links, session.kind, session.date)
    if target is None:
        return None
    logs = Logs(strength=(*earlier, session), links=links)
    op = link_op("strength", session.id, target, logs=logs, plan=plan, today=today)
    return op, counted_for_words(session.kind, target, today=today)

"""Planned strength sessions the training calendar drops, each with why, for every page that names one.

The rule is the calendar's alone (:mod:`calculators.calendar`): a red readiness verdict drops the day's strength
(TRAINING-RULES.md, "Tomorrow's easy run": "strength that day is dropped"), and so do the comeback rule's first
hard session back, run easy (:func:`calculators.reschedule_comeback.strength_dropped`), and an amber day whose hard
session runs easy in its place ("Never put strength on an easy day"). The pages here read the status the calendar as
the reader is told it gives ("dropped", :func:`calculators.ui.verdict_offers.calendar_as_told`) rather than asking a
rule again, so the readiness page's week, the strength log's "Next up", Today and the calendar never name a different
session for one day. When the red day's offer
(:func:`calculators.ui.verdict_offers.verdict_offer`, the one every page gives as the verdict's advice) moves the hard
session with its strength session, the words say where it moves, as the evening before said it: beside "Move the tempo
run + Session A to Tuesday", a sentence that it is dropped would read as the opposite.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date

from calculators.after_race import after_race_words, no_lift_race
from calculators.calendar import CalendarDay
from calculators.calendar_logs import Logs
from calculators.date_words import day_words
from calculators.profile import Profile
from calculators.readiness_plan import PlannedDay
from calculators.reschedule_case import Offer, run_words, strength_moved
from calculators.reschedule_comeback import strength_dropped
from calculators.season import SeasonPlan
from calculators.ui.verdict_offers import calendar_as_told, verdict_offer

__all__ = ["dropped_sessions", "dropped_words", "eased_run"]


def eased_run(day: CalendarDay) -> str | None:
    """The planned run (``"tempo"``) an amber verdict's easy run replaces on ``day``, as its card shows it; None on
    any other day."""
    return next((p.plan.run for p in day.planned if p.kind == "run" and p.eased), None)


def dropped_words(
    name: str,
    day: date,
    run_days: Collection[date],
    plan_days: Mapping[date, PlannedDay],
    *,
    today: date,
    offer: Offer | None = None,
    eased: str | None = None,
) -> str:
    """Why ``day``'s session ``name`` ("Session A") is dropped: the comeback rule's words (why, and the plan's next
    session), else the amber verdict's when it runs ``eased`` (the planned run, :func:`eased_run`) easy, else the red
    verdict's: where ``offer``, the day's verdict offer, moves the session with its hard run, where it moves to, else
    that the verdict drops it.

    >>> dropped_words("Session A", date(2026, 3, 16), (), {}, today=date(2026, 3, 16))[:77]
    'No Session A on Monday 16 March: a red verdict drops strength that day. A ses'
    """
    comeback = strength_dropped(run_days, plan_days, day, today=today)
    if comeback:
        return comeback
    on_day, lifted = (
        f"No {name} on {day_words(day, today=today)}",
        "A session you lift that day all the same still counts: log it.",
    )
    race = no_lift_race((d for d, p in plan_days.items() if p.run == "race"), day)
    if race is not None:
        return f"{on_day}: {after_race_words((day - race).days)}. {lifted}"
    if eased is not None:
        easy = f"an amber verdict runs {run_words(eased)} easy, and strength never goes on an easy day"
        return f"{on_day}: {easy}. {lifted}"
    to = offer.moves[0].to_day if offer is not None and offer.day == day and strength_moved(offer) else None
    if offer is not None and to is not None:
        run = offer.before.days[(day - offer.week_start).days].run
        return f"{on_day}: it moves with {run_words(run)} to {day_words(to, today=today)}. {lifted}"
    return f"{on_day}: a red verdict drops strength that day. {lifted}"


def dropped_sessions(
    logs: Logs, plan: SeasonPlan | None, first: date, last: date, *, today: date, profile: Profile | None = None
) -> dict[date, str]:
    """The days from ``first`` to ``last`` whose planned strength session the training calendar marks dropped (nothing
    logged counts for it), each with why (:func:`dropped_words`). ``logs`` are the calendar's own
    (:func:`calculators.calendar_logs.read_logs`): the verdict needs the HRV readings and the load of runs and lifts."""
    if plan is None:
        return {}
    mine = Profile() if profile is None else profile
    calendar = calendar_as_told(first, last, logs=logs, plan=plan, today=today, profile=mine)
    runs, days = {r.day for r in logs.runs}, plan.planned_days()
    found = [
        (p, d)
        for week in calendar.weeks
        for d in week.days
        for p in d.planned
        if p.kind == "strength" and p.status == "dropped" and first <= p.day <= last
    ]
    # Only a day from today on has a verdict offer (a day gone by has the offers of a missed session): each is built
    # for its day, so none is asked for in vain.
    return {
        p.day: dropped_words(
            p.name,
            p.day,
            runs,
            days,
            today=today,
            offer=verdict_offer(calendar, plan, p.day, logs, mine) if p.day >= today else None,
            eased=eased_run(d),
        )
        for p, d in found
    }

"""Coming back after days without running: the first hard session back is run easy, the first long run cut back.

Stridelab's rule (ours: the science files give no number for a gap in running). After
:data:`COMEBACK_DAYS` days or more without a run (a whole week of the plan, as an illness or a trip
takes it), the plan's first tempo run or interval session back is run easy for its planned minutes (by the
talk test in the sentence, which holds with or without a VDOT; the run's card beside it gives the E pace where
there is one). What the body is used to has dropped over the gap (the 7-day fatigue average has emptied, and
the 42-day fitness one has fallen), and an easy run shows how the legs have come back before a hard
session asks more of them. The plan's first long run back is cut back as an amber morning cuts a run
(60–70 % of its planned minutes, never under 20: :func:`calculators.readiness_easy_run.amber_minutes`), so the
week's longest run does not come at full length a day or two after the gap; the long runs after it are
run as planned. The strength session planned with that hard run is not done that day
(:func:`strength_dropped`). The strength side has its own rule for its loads (:mod:`calculators.progression`: 14 to 20
days after an exercise's last session repeat it, from 21 days restart 10 % lower, from 28 days 20 % lower).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date, timedelta
from typing import Literal, TypeAlias

from calculators.date_words import day_words
from calculators.planner_sessions import TALK_TEST
from calculators.readiness_easy_run import AMBER_MINUTES_MIN, AMBER_SHARE, amber_km, amber_minutes, km_range_words
from calculators.readiness_plan import PlannedDay
from calculators.reschedule_case import run_words
from calculators.units import PaceUnit, distance_in
from calculators.week_rules import HARD_RUNS

__all__ = [
    "COMEBACK_DAYS",
    "EASY_WEEKS_POINTER",
    "Change",
    "comeback",
    "comeback_day",
    "comeback_run",
    "one_instruction",
    "second_back",
    "strength_dropped",
]

#: Days without a run (a week of the plan) after which the first hard session back is run easy (house rule).
COMEBACK_DAYS = 7
#: The long run, cut back the first time after a gap; its first is read apart from the hard sessions' first.
_LONG = frozenset({"long"})
#: How easy the run it changes is: the talk test holds with or without a VDOT ("E pace" means nothing without one).
_EASY = f"easy enough that {TALK_TEST}"
#: What the rule does with a day's run: the first hard session back is run easy, the first long run back cut back.
Change: TypeAlias = Literal["easy", "cut back"]


def comeback(
    run_days: Collection[date],
    plan: Mapping[date, PlannedDay],
    day: date,
    *,
    today: date | None = None,
    unit: PaceUnit = "km",
) -> str | None:
    """Why ``day``'s tempo run or interval session is run easy: it is the plan's first hard session since running
    started again after a gap of :data:`COMEBACK_DAYS` days or more; or why ``day``'s long run is cut back: it is the
    plan's first long run since. None on any other day, for a reader with no run logged before the gap, or once a
    hard day (a long run) of the plan has had a run since.

    ``run_days`` are the dates with a run logged; ``plan`` the season's days; ``today``, when given, reads the plan's
    hard sessions still to come as run (:func:`_gap`); ``unit`` is the reader's, for a long run planned by distance
    alone.

    >>> from calculators.week_plan import DayPlan
    >>> plan = {date(2027, 1, 8): DayPlan(weekday=4, day=date(2027, 1, 8), run="tempo", minutes=15)}
    >>> comeback({date(2026, 12, 31)}, plan, date(2027, 1, 8))[:99]
    'Your first hard session back after 7 days without a run (the last was on Thursday 31 December 2026)'
    """
    long_gap = _gap(run_days, plan, day, today, kinds=_LONG)
    if long_gap is not None:
        return _long_run(plan[day], *long_gap, day, unit)
    gap = _gap(run_days, plan, day, today)
    if gap is None:
        return None
    session = plan[day]
    minutes = f" for its planned {session.minutes:g} min" if session.minutes else ""
    return (
        f"Your first hard session back {_since(*gap, day)}: run easy instead of {run_words(session.run)}{minutes}, "
        f"{_EASY}, and take up hard sessions again at the next one. Stridelab's rule after {COMEBACK_DAYS} days "
        "or more without running (ill, injured or away): what your body is used to has dropped, and an easy run shows "
        "how your legs have come back before a hard session asks more of them."
    )


def _since(last: date, days_off: int | None, day: date, *, dated: bool = True) -> str:
    """The gap in words: "after 11 days without a run" and, when ``dated``, the last run's date; for a day ahead with
    no run yet since the gap (``days_off`` None), "since your last run on …", with no count: counted up to that day,
    Saturday's long run would read "16 days" beside Monday's "11" for one gap, and counted up to today, a hard session
    two days ahead could read "6 days", under the rule's 7. Once the reader has run since the gap (the long run's first
    back comes days after the first run back), "without a run" is no longer true of the days before ``day``: the gap
    is named as the break it was, with its dates ("after your 9-day break (Sunday 22 November to Monday 30
    November)")."""
    when = day_words(last, today=day)
    if days_off is None:
        return f"since your last run on {when}"
    first, back = last + timedelta(days=1), last + timedelta(days=days_off + 1)
    if back < day:
        span = f"{day_words(first, today=day)} to {day_words(back - timedelta(days=1), today=day)}"
        return f"after your {days_off}-day break" + (f" ({span})" if dated else "")
    return f"after {days_off} days without a run" + (f" (the last was on {when})" if dated else "")


def _long_run(session: PlannedDay, last: date, days_off: int | None, day: date, unit: PaceUnit) -> str:
    """The first long run back, cut back as an amber morning cuts a run (its minutes: :func:`amber_minutes`); a long run
    planned by distance alone is cut by the same share of its distance
    (:func:`calculators.readiness_easy_run.amber_km`), in the reader's ``unit``, so the sentence gives a real target,
    not a share of a time the plan never gave."""
    share = f"{AMBER_SHARE[0] * 100:.0f}–{AMBER_SHARE[1] * 100:.0f} %"
    minutes, km = session.minutes, session.km
    if minutes:
        low, high = amber_minutes(minutes)
        cut = f"run {low} min" if low == high else f"run {low}–{high} min"
        cut += f" instead of the planned {minutes:g} min"
    elif km:
        cut = f"run {km_range_words(amber_km(km), unit)} instead of the planned {distance_in(km, unit):g} {unit}"
    else:
        cut = f"run {share} of its planned time (never under {AMBER_MINUTES_MIN} min)"
    # The share of what the plan gives: its distance, when it gives no minutes the 20-minute floor could apply to.
    floor = f"{share} of its minutes, never under {AMBER_MINUTES_MIN}"
    of = f"{share} of its distance" if km and not minutes else floor
    return (
        f"Your first long run back {_since(last, days_off, day)}: {cut}, {_EASY}, and take up your full long runs "
        f"again at the next one. Stridelab's rule after {COMEBACK_DAYS} days or more without running (ill, injured or "
        f"away): what your body is used to has dropped, so the week's longest run is cut back as an amber morning cuts "
        f"a run ({of})."
    )


def comeback_day(
    run_days: Collection[date], plan: Mapping[date, PlannedDay], day: date, *, today: date | None = None
) -> bool:
    """Whether ``day``'s hard session is the plan's first back after a gap, so it is run easy (:func:`comeback`)."""
    return _gap(run_days, plan, day, today) is not None


def comeback_run(
    run_days: Collection[date], plan: Mapping[date, PlannedDay], day: date, *, today: date | None = None
) -> Change | None:
    """What the rule does with ``day``'s run, in a word a day card can show beside it (:func:`comeback` says why):
    "easy" for the first hard session back, "cut back" for the first long run back, None on any other day."""
    if _gap(run_days, plan, day, today, kinds=_LONG) is not None:
        return "cut back"
    return "easy" if comeback_day(run_days, plan, day, today=today) else None


def strength_dropped(
    run_days: Collection[date], plan: Mapping[date, PlannedDay], day: date, *, today: date
) -> str | None:
    """Why the strength session planned on ``day`` is not done that day: the comeback rule runs the day's hard session
    easy, and TRAINING-RULES.md ("Where they go in the week") puts strength with a hard run, never on an easy day
    ("that turns a recovery day into a stress day"). It is dropped, as a red day drops its strength ("Readiness":
    "strength that day is dropped"), not moved: the plan's next strength session, with its own hard run, is the
    next one. None on any other day.

    >>> from calculators.week_plan import DayPlan
    >>> def hard(d, run, kind):
    ...     return DayPlan(weekday=d.weekday(), day=d, run=run, minutes=15, strength=kind, strength_volume=1.0)
    >>> friday, monday = date(2027, 1, 8), date(2027, 1, 11)
    >>> plan = {friday: hard(friday, "tempo", "A"), monday: hard(monday, "intervals", "B")}
    >>> strength_dropped({date(2026, 12, 31)}, plan, friday, today=friday)[:74]
    'No Session A on Friday 8 January: your first hard session back is run easy'
    """
    session = plan.get(day)
    if session is None or session.strength is None or _gap(run_days, plan, day, today) is None:
        return None
    after = next((d for d in sorted(plan) if d > day and plan[d].strength), None)
    then = (
        f" Your plan's next strength session is Session {plan[after].strength} on {day_words(after, today=today)}, "
        "with its hard run."
        if after is not None
        else " No strength session is left in your plan."
    )
    return (
        f"No Session {session.strength} on {day_words(day, today=today)}: your first hard session back is run easy, "
        "and strength goes with a hard run, never on an easy day (that turns a recovery day into a stress day), so "
        f"it is dropped that day.{then} A session you lift that day all the same still counts: log it."
    )


def _gap(
    run_days: Collection[date],
    plan: Mapping[date, PlannedDay],
    day: date,
    today: date | None,
    *,
    kinds: Collection[str] = HARD_RUNS,
) -> tuple[date, int | None] | None:
    """The last run before the gap and the days without a run (None for a day after ``today`` with no run yet since
    the gap: how many there will be is not known today), when ``day``'s hard session (a run of ``kinds``: the long
    run's first back is its own) is the first back.

    A hard session of the plan still to come before ``day`` (``today`` or later) is the first back, not ``day``'s:
    the plan is read as it will be run, so only the next hard session after a gap is run easy, not every one ahead
    while no run is logged yet. Without ``today`` only the runs logged say it."""
    session = plan.get(day)
    if session is None or session.run not in kinds:
        return None
    runs = sorted(d for d in run_days if d < day)
    if not runs:
        return None
    # The latest gap: the last run before it, and the day running started again (``day`` itself without a run since).
    gaps = [(a, b) for a, b in zip(runs, [*runs[1:], day], strict=True) if (b - a).days - 1 >= COMEBACK_DAYS]
    if not gaps:
        return None
    last, back = gaps[-1]
    hard_since = any(
        (p := plan.get(d)) is not None and p.run in kinds and d in run_days
        for d in (back + timedelta(days=n) for n in range((day - back).days))
    )
    first = today if today is not None and today > last else last + timedelta(days=1)
    hard_ahead = today is not None and any(
        (p := plan.get(d)) is not None and p.run in kinds
        for d in (first + timedelta(days=n) for n in range((day - first).days))
    )
    if hard_since or hard_ahead:
        return None
    return last, (None if today is not None and today < back else (back - last).days - 1)


def one_instruction(
    advice: str | None,
    run_days: Collection[date],
    plan: Mapping[date, PlannedDay],
    day: date,
    *,
    today: date | None = None,
    unit: PaceUnit = "km",
) -> str | None:
    """The day's one instruction for its run: ``advice`` (what a red or amber verdict does with the hard session or the
    long run, None when the verdict keeps it) is the stricter and wins, with the comeback rule as a short "also", as a
    red morning's rest wins over a long run cut back; without it the comeback rule (:func:`comeback`) is the
    instruction, and on the second hard session back :func:`second_back`. Today and the training calendar's day
    details both say it, so the two pages never give a runner two different runs for one day.

    >>> from calculators.week_plan import DayPlan
    >>> plan = {date(2027, 1, 8): DayPlan(weekday=4, day=date(2027, 1, 8), run="tempo", minutes=15)}
    >>> one_instruction("Rest today.", {date(2026, 12, 31)}, plan, date(2027, 1, 8))
    "Rest today. Also your first hard session back after 7 days without a run: Stridelab's rule runs it easy anyway."
    >>> plan[date(2027, 1, 10)] = DayPlan(weekday=6, day=date(2027, 1, 10), run="long", minutes=120)
    >>> one_instruction(None, {date(2026, 12, 31)}, plan, date(2027, 1, 10)).split("): ")[1][:44]
    'run 72–84 min instead of the planned 120 min'
    """
    long_gap = _gap(run_days, plan, day, today, kinds=_LONG)
    if long_gap is not None and advice is not None:
        # A red or amber morning's own run (rest, or a short easy one) already asks less than the cut long run.
        return (
            f"{advice} Also your first long run back {_since(*long_gap, day, dated=False)}: Stridelab's rule cuts it "
            "back when you run it."
        )
    gap = long_gap or _gap(run_days, plan, day, today)
    if gap is None or advice is None:
        if gap is not None:
            return comeback(run_days, plan, day, today=today, unit=unit)
        # The rule eases only the first hard session back; the next one says so (the science files give no longer
        # comeback), and points a runner not ready for it to easy weeks.
        return advice if advice is not None else second_back(run_days, plan, day, today=today)
    return (
        f"{advice} Also your first hard session back {_since(*gap, day, dated=False)}: Stridelab's rule runs it "
        "easy anyway."
    )


#: Where a runner not ready for hard sessions turns: the planner's choice, as its form names it.
EASY_WEEKS_POINTER = (
    'Coming back from an injury, or not ready to run hard yet? Choose "None: easy weeks" under Hard runs in the '
    "planner and save the plan: every run is then easy, with the strength sessions after two of them."
)


def second_back(
    run_days: Collection[date], plan: Mapping[date, PlannedDay], day: date, *, today: date | None = None
) -> str | None:
    """Why ``day``'s tempo run or interval session is run as planned: the plan's hard session before it was the
    first back after a gap, run easy by the comeback rule, which eases that one only. None on any other day.

    >>> from calculators.week_plan import DayPlan
    >>> friday, monday = date(2027, 1, 8), date(2027, 1, 11)
    >>> plan = {friday: DayPlan(weekday=4, day=friday, run="tempo")}
    >>> plan[monday] = DayPlan(weekday=0, day=monday, run="intervals")
    >>> second_back({date(2026, 12, 31), friday}, plan, monday, today=monday)[:62]
    'Your second hard session back: the one on Friday 8 January was'
    """
    session = plan.get(day)
    if session is None or session.run not in HARD_RUNS or comeback_day(run_days, plan, day, today=today):
        return None
    before = max((d for d in plan if d < day and plan[d].run in HARD_RUNS), default=None)
    if before is None or not comeback_day(run_days, plan, before, today=today):
        return None
    return (
        f"Your second hard session back: the one on {day_words(before, today=day)} was the easy one, and Stridelab's "
        f"comeback rule eases only that one, so this session is as planned. {EASY_WEEKS_POINTER}"
    )

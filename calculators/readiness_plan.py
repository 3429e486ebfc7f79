"""What the plan says about the verdict's day: the planned day readiness reads, the week's easy runs an amber or red
day falls back on, and the reader's own usual easy run where the plan gives no minutes.

The readiness verdict (:mod:`calculators.readiness`) and the training calendar's offers
(:mod:`calculators.reschedule_easy`) both size a day's easy run from these, so the two never plan different runs.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Protocol

__all__ = [
    "ACCEPTED",
    "CAPPED",
    "DEFAULT_EASY_MINUTES",
    "NO_MINUTES",
    "PLAN_WEEK",
    "SWAPPED",
    "SWAP_NO_MINUTES",
    "LoggedRun",
    "PlannedDay",
    "next_easy_date",
    "next_easy_day",
    "plan_easy_km",
    "plan_easy_minutes",
    "stand_in_km",
    "stand_in_minutes",
    "usual_easy_minutes",
]

#: The guide's easy days are 50–60 or 40 min; 50 when the plan gives no number (and the page says so).
DEFAULT_EASY_MINUTES = 50
#: A reader's usual easy run, when the plan gives no minutes: the median length of the runs logged in the last 4 weeks
#: at RPE 4 or under ("somewhat hard" on Foster's CR-10 anchors, load.RPE_WORDS: a beginner's easy run may feel so; a
#: race or a hard session is rated above it). Stridelab's choice; never longer than the default.
USUAL_EASY_DAYS, USUAL_EASY_RPE_MAX = 28, 4.0
#: The easy-run basis when an amber swap brings the next easy day forward to tomorrow, and when the session's own
#: fewer minutes cap the easy run in its place; and when, with no easy day left to swap with, the plan week's own easy
#: run (:func:`plan_easy_minutes`) sets the minutes.
SWAPPED, CAPPED, PLAN_WEEK = "swapped", "capped", "plan week"
#: The easy-run basis when the day is the amber verdict's run already, accepted on the training calendar
#: (:attr:`PlannedDay.cut_from`).
ACCEPTED = "accepted"
#: Why a run's minutes are the reader's usual easy run (or the default): a plan by distance gives its runs no minutes.
NO_MINUTES = "your plan gives no minutes for it"
#: The same when the run is the week's next easy run, brought forward by an amber swap: "it" would read as the session.
SWAP_NO_MINUTES = "your plan gives your next easy day's run no minutes"


class PlannedDay(Protocol):
    """What readiness needs from the planner's ``DayPlan``: the run type, its planned minutes or distance and strength
    session."""

    @property
    def run(self) -> str: ...

    @property
    def minutes(self) -> float | None: ...

    @property
    def km(self) -> float | None:
        """The planned distance: a plan by distance without a VDOT gives its runs this and no minutes."""
        ...

    @property
    def strength(self) -> str | None: ...

    @property
    def cut_from(self) -> int | None:
        """The minutes a verdict cut the day's easy run from when the reader accepted it as the verdict's run."""
        ...

    @property
    def cut_from_km(self) -> float | None:
        """The same for a run planned by distance alone: the km the verdict cut it from."""
        ...


class LoggedRun(Protocol):
    """What the usual easy run needs from a logged run: its day, its length and how hard it felt (CR-10)."""

    @property
    def day(self) -> date: ...

    @property
    def duration_s(self) -> float: ...

    @property
    def rpe(self) -> float: ...


def usual_easy_minutes(runs: Iterable[LoggedRun], today: date) -> int | None:
    """The reader's usual easy run in whole minutes (:data:`USUAL_EASY_DAYS`, :data:`USUAL_EASY_RPE_MAX`), never over
    :data:`DEFAULT_EASY_MINUTES`; None without such a run. Stridelab's 50 min may be longer than anything a beginner
    has run: their own runs say what an easy run is for them.

    >>> from types import SimpleNamespace as Run
    >>> today = date(2027, 2, 14)
    >>> runs = [Run(day=today - timedelta(days=n), duration_s=m * 60, rpe=r) for n, m, r in
    ...         [(1, 30, 9), (3, 35, 3), (5, 45, 4), (8, 30, 3), (40, 60, 3)]]
    >>> usual_easy_minutes(runs, today)  # the race (RPE 9) and a run 40 days back do not count
    35
    >>> usual_easy_minutes([], today) is None
    True
    """
    first = today - timedelta(days=USUAL_EASY_DAYS - 1)
    recent = [r.duration_s / 60 for r in runs if first <= r.day <= today and r.rpe <= USUAL_EASY_RPE_MAX]
    if not recent:
        return None
    return min(DEFAULT_EASY_MINUTES, max(1, round(statistics.median(recent))))


def next_easy_date(days: Mapping[date, PlannedDay], tomorrow: date) -> date | None:
    """The date of the plan's first easy run after ``tomorrow`` in the same plan week (Monday to Sunday): the run an
    amber swap brings forward. Not beyond the week, as the training calendar's swap never moves a session out of its
    week (:mod:`calculators.reschedule`): a next week's easy run named here would be a swap it cannot make. An easy run
    by what it is, whatever it is sized in: a plan by distance gives its easy runs no minutes, and they swap all the
    same."""
    for n in range(1, 7 - tomorrow.weekday()):
        day = days.get(tomorrow + timedelta(days=n))
        if day is not None and day.run == "easy":
            return tomorrow + timedelta(days=n)
    return None


def next_easy_day(days: Mapping[date, PlannedDay], tomorrow: date) -> PlannedDay | None:
    """The plan's easy run an amber swap brings forward to ``tomorrow`` (:func:`next_easy_date`), or None."""
    found = next_easy_date(days, tomorrow)
    return None if found is None else days[found]


def plan_easy_minutes(days: Mapping[date, PlannedDay], day: date) -> int | None:
    """The plan's easy run in the plan week (Monday to Sunday) of ``day``, in whole minutes: the shortest easy run with
    minutes on any day of that week, before or after ``day``; None when the week has none.

    Any day of the week, as the easy days left after ``day`` are exactly the ones an amber swap would take
    (:func:`next_easy_date`): this is the fallback when none is left, so the days already behind count too. The
    shortest, as an amber day eases back (never the longer easy run of a week that has two lengths), and it is the
    rule the training calendar's easy offer has always used for a week's easy run (:mod:`calculators.reschedule`).

    An easy run accepted as a verdict's (:attr:`PlannedDay.cut_from`) counts as the run it was cut from: a later
    amber day cuts the week's easy run once, never the cut again.

    >>> from types import SimpleNamespace as Day
    >>> monday = date(2027, 2, 8)
    >>> week = {monday + timedelta(days=n): Day(run=r, minutes=m, strength=None, cut_from=c) for n, r, m, c in
    ...         [(0, "tempo", 60, None), (1, "easy", 55, None), (3, "easy", 45, None), (6, "long", 85, None),
    ...          (7, "easy", 30, None)]}
    >>> plan_easy_minutes(week, monday + timedelta(days=5))  # next Monday's 30 min belongs to another week
    45
    >>> plan_easy_minutes(week, monday + timedelta(days=7))
    30
    >>> week[monday + timedelta(days=3)] = Day(run="easy", minutes=29, strength=None, cut_from=45)  # accepted, cut
    >>> plan_easy_minutes(week, monday)
    45
    """
    found = [round(d.cut_from or d.minutes) for d in _week_easy_days(days, day) if d.minutes]
    return min(found, default=None)


def plan_easy_km(days: Mapping[date, PlannedDay], day: date) -> float | None:
    """:func:`plan_easy_minutes` for a plan by distance alone: the shortest easy run's distance in the plan week of
    ``day``, of the easy runs without minutes (one accepted as a verdict's counts as the distance it was cut from,
    :attr:`PlannedDay.cut_from_km`); None when the week has none.

    >>> from types import SimpleNamespace as Day
    >>> monday = date(2027, 2, 8)
    >>> week = {monday + timedelta(days=n): Day(run=r, minutes=None, km=k, cut_from_km=c) for n, r, k, c in
    ...         [(1, "tempo", 8.0, None), (3, "easy", 5.0, None), (4, "easy", 3.25, 5.0), (5, "long", 12.0, None)]}
    >>> plan_easy_km(week, monday + timedelta(days=5))
    5.0
    """
    found = [d.cut_from_km or d.km for d in _week_easy_days(days, day) if not d.minutes and d.km]
    return min(found, default=None)


def _week_easy_days(days: Mapping[date, PlannedDay], day: date) -> list[PlannedDay]:
    """The easy runs of the plan week (Monday to Sunday) of ``day``."""
    monday = day - timedelta(days=day.weekday())
    week = (days.get(monday + timedelta(days=n)) for n in range(7))
    return [d for d in week if d is not None and d.run == "easy"]


def stand_in_minutes(
    session: PlannedDay, swap: PlannedDay | None, plan_easy: int | None, usual_easy: int | None = None
) -> tuple[int, str, bool]:
    """The planned minutes an amber day's easy run in place of ``session`` (a hard session or the long run) is cut back
    from, where they come from, and whether they are the reader's own usual easy run: :data:`SWAPPED` (the easy day a
    swap brings forward, :func:`next_easy_day`, as the plan has it), else :data:`PLAN_WEEK` (``plan_easy``, the plan
    week's easy run, :func:`plan_easy_minutes`), else ``usual_easy`` (:func:`usual_easy_minutes`), else Stridelab's
    usual easy run, with why; or :data:`CAPPED`: the session's own minutes when fewer, as an easy run longer than the
    session it replaces would be no easing. The reader's own runs come before the default as they do for an easy day
    without minutes: a plan by distance gives no minutes, and 50 min cut back is longer than a 25–30 min runner's
    usual run. An easy day swapped in from a plan by distance has no minutes: the minutes are then the usual ones, and
    :data:`SWAP_NO_MINUTES` says why. The training calendar's easy offer plans the same run
    (:mod:`calculators.reschedule`)."""
    if swap is not None and swap.minutes:
        return round(swap.minutes), SWAPPED, False  # the plan's own easy run, moved as it is
    usual = plan_easy or usual_easy or DEFAULT_EASY_MINUTES
    if session.minutes and session.minutes < usual:
        return round(session.minutes), CAPPED, False
    if plan_easy:
        return plan_easy, PLAN_WEEK, False
    if swap is not None:  # a plan by distance: the easy run swapped in has a distance and no minutes
        why = SWAP_NO_MINUTES
    else:
        why = "your plan has no easy day later this week to swap with" if session.minutes else NO_MINUTES
    return usual, why, bool(usual_easy)


def stand_in_km(
    session: PlannedDay, swap: PlannedDay | None, plan_easy: float | None = None
) -> tuple[float, str] | None:
    """The distance an amber day's easy run in place of ``session`` is cut back from when the plan sizes its easy runs
    by distance alone, and where it comes from: :data:`SWAPPED`, the distance of the easy day a swap brings forward
    (:func:`next_easy_day`), else :data:`PLAN_WEEK`, ``plan_easy``, the plan week's easy run (:func:`plan_easy_km`), as
    :func:`stand_in_minutes` has them; or :data:`CAPPED`, the session's own distance when shorter, so the run is never
    over the one it replaces. None when the plan gives minutes: :func:`stand_in_minutes` then. Cut from a distance the
    plan gives, not from minutes it never gave, the run is named by distance, in the reader's unit
    (:func:`calculators.readiness_easy_run.easy_run`).

    >>> from types import SimpleNamespace as Day
    >>> tempo, easy = Day(minutes=None, km=8.0), Day(minutes=None, km=2.414016)
    >>> stand_in_km(tempo, easy)
    (2.414016, 'swapped')
    >>> stand_in_km(Day(minutes=None, km=2.0), easy)
    (2.0, 'capped')
    >>> stand_in_km(tempo, None, plan_easy=3.0)
    (3.0, 'plan week')
    >>> stand_in_km(tempo, Day(minutes=30, km=5.0)) is None
    True
    """
    if swap is not None and not swap.minutes and swap.km:
        km, basis = swap.km, SWAPPED
    elif swap is None and plan_easy and not session.minutes:
        km, basis = plan_easy, PLAN_WEEK
    else:
        return None
    if session.km and not session.minutes and session.km < km:
        return session.km, CAPPED
    return km, basis

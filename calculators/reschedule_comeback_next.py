"""The hard session after the comeback rule's easy one: run as planned, with a pointer to easy weeks.

The comeback rule (:mod:`calculators.reschedule_comeback`, Stridelab's) eases only the first hard session back
after a gap; neither TRAINING-RULES.md nor FORMULAS.md says how long a comeback should be, so Stridelab does not
invent a longer one. The second hard session back is then a full tempo run or interval session, Session B's first
plyometrics with it: Today and the training calendar say so on that day and point a runner who should not run hard
yet (coming back from an injury) to the planner's easy weeks (:attr:`calculators.week_prefs.WeekPrefs.easy_weeks`).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date

from calculators.date_words import day_words
from calculators.readiness import PlannedDay
from calculators.reschedule_comeback import SizedDay, comeback_day, one_instruction
from calculators.units import PaceUnit
from calculators.week_rules import HARD_RUNS

__all__ = ["EASY_WEEKS_POINTER", "day_instruction", "second_back"]

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


def day_instruction(
    advice: str | None,
    run_days: Collection[date],
    plan: Mapping[date, SizedDay],
    day: date,
    *,
    today: date | None = None,
    unit: PaceUnit = "km",
) -> str | None:
    """The day's one instruction for its run (:func:`calculators.reschedule_comeback.one_instruction`), or, on the
    second hard session back with no verdict's advice, :func:`second_back`: what Today and the calendar both say."""
    said = one_instruction(advice, run_days, plan, day, today=today, unit=unit)
    return said if said is not None else second_back(run_days, plan, day, today=today)

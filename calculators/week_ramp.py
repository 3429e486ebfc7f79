"""Weeks of a season whose planned load would trip the readiness check's ramp warning.

No source in ``shared/science`` bounds how fast weekly volume may rise, so the
planner does not cap the climb; it holds the plan to the one bound the site
already applies. The readiness check turns amber when the acute:chronic ramp
(7-day over 28-day EWMA of daily load, Williams S et al., BJSM 51:209, 2017)
is above 1.5: Stridelab's house rule (TRAINING-RULES.md, "Readiness verdict"),
leaning on Gabbett's "danger zone" (BJSM 50:273, 2016), which Lolli 2019 and
Impellizzeri 2021 contest. So it is a ramp indicator, never an injury forecast.

The planned load is the running the plan sets, in the plan's volume unit
(minutes, or distance when the volume is in km or miles): the ratio does not
depend on the session RPE when every run is counted at the same effort.
Before the plan, the runner is taken to have run the current volume steadily
for :data:`HISTORY_WEEKS` weeks, which is what "current weekly volume" says.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from calculators.date_words import day_words
from calculators.load import CHRONIC_DAYS, acwr_series
from calculators.readiness_load import RAMP_HIGH
from calculators.week_plan import DayPlan, WeekPlan
from calculators.week_search import BentRule

__all__ = ["HISTORY_WEEKS", "RAMP", "SteepWeek", "ramp_notice", "steep_weeks"]

#: The notice's ``field``: not a form field, but what tells it apart from the rules a plan bends.
RAMP = "ramp"

#: Steady weeks at the current volume before the plan: three chronic windows, so the 28-day
#: average has settled (its weight on a start from zero is under 0.1 %).
HISTORY_WEEKS = 3 * CHRONIC_DAYS // 7


@dataclass(frozen=True, kw_only=True, slots=True)
class SteepWeek:
    """A planned week (its Monday) and the highest acute:chronic ramp on any of its days."""

    start: date
    ramp: float


def _load(day: DayPlan, unit: str) -> float:
    amount = day.minutes if unit == "min" else day.km
    return float(amount or 0)


def steep_weeks(
    current: WeekPlan, weeks: Sequence[tuple[date, WeekPlan]], *, race_date: date | None = None
) -> tuple[SteepWeek, ...]:
    """The weeks of ``weeks`` (Monday, plan) on which the ramp rises above the readiness check's 1.5.

    ``current`` is the runner's usual week at the current volume, repeated for
    :data:`HISTORY_WEEKS` weeks before the first Monday. The race and the days after it are left out:
    a marathon alone lifts the ratio past the limit, and no change to the build would prevent that.
    """
    if not weeks:
        return ()
    first = weeks[0][0]
    loads: dict[date, float] = {}
    for n in range(HISTORY_WEEKS, 0, -1):
        start = first - timedelta(weeks=n)
        loads.update({start + timedelta(days=d.weekday): _load(d, current.volume_unit) for d in current.days})
    for start, plan in weeks:
        loads.update({start + timedelta(days=d.weekday): _load(d, plan.volume_unit) for d in plan.days})
    if race_date is not None:
        loads = {day: load for day, load in loads.items() if day < race_date}
    last = max(loads)
    ramps = acwr_series(loads, start=first, today=last)  # one pass: a day's ratio is first + n days
    steep = []
    for start, _ in weeks:
        offset = (start - first).days
        highest = max((r.ratio or 0.0 for r in ramps[offset : offset + 7]), default=0.0)
        if highest > RAMP_HIGH:
            steep.append(SteepWeek(start=start, ramp=highest))
    return tuple(steep)


def ramp_notice(steep: Sequence[SteepWeek], *, today: date | None) -> BentRule | None:
    """The planner's notice for weeks that would trip the ramp warning, or None when no week does.

    Each week is named by its first day, with the year when it is not ``today``'s.
    """
    if not steep:
        return None
    dates = [day_words(w.start, today=today) for w in steep]
    when = f"Week of {dates[0]}" if len(dates) == 1 else f"Weeks of {', '.join(dates[:-1])} and {dates[-1]}"
    highest = max(w.ramp for w in steep)
    return BentRule(
        field=RAMP,
        message=(
            f"{when}: your running climbs faster than Stridelab's readiness check allows. Your last 7 days' load "
            f"would reach {highest:.2f} times your last 28 days' (the check's limit is {RAMP_HIGH:g}), so expect an "
            "amber readiness verdict. A lower peak volume or a later race climbs more gently. The ratio shows how "
            "fast load rises; it does not predict injury."
        ),
    )

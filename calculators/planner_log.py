"""What the run log says about the planner's two starting numbers: how much the runner runs a week now, and how long
their long run is.

The planner sizes every run from the current weekly volume the runner types, and the long run from its share of that
week (:mod:`calculators.planner_long_run`); it does not read the log to do so. A runner who logged 60–65 km weeks and
an 18 km long run every Sunday met a first long run of 15 km with no word on why. This module reads the last
:data:`LOG_WEEKS` complete weeks of the log (runs as :func:`calculators.calendar_logs.read_logs` reads them, the
reader's weeks from their profile's week start), so the page can offer their volume and say how their long runs stand
beside the plan's. It changes nothing the runner typed.

Which weeks count is Stridelab's rule: the last four complete weeks (this week is not over), and none before the week
of the first logged run, whose weeks the log knows nothing of (a week with no run after that is a week of 0, a break
the runner took). Four weeks is the span the readiness check's ramp compares a week with (the acute:chronic ratio's
28 days, :mod:`calculators.load`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from calculators.calendar import week_bounds
from calculators.calendar_logs import LoggedRun
from calculators.load import CHRONIC_DAYS
from calculators.planner_amounts import KM_PER_UNIT
from calculators.units import METERS_PER_KM
from calculators.week_prefs import VolumeUnit

__all__ = ["LOG_WEEKS", "LoggedWeek", "logged_weeks", "run_amount", "usual_long_run", "weekly_average"]

#: How many complete weeks of the log the planner reads: the ramp's 28 days.
LOG_WEEKS = CHRONIC_DAYS // 7


@dataclass(frozen=True, kw_only=True, slots=True)
class LoggedWeek:
    """One complete week of the log, in the planner's volume unit."""

    start: date
    volume: float
    #: The week's longest run; None in a week with no run.
    longest: float | None


def run_amount(run: LoggedRun, unit: VolumeUnit) -> float:
    """A logged run's amount in the planner's volume ``unit``: its minutes, or its distance in km or miles."""
    if unit == "min":
        return run.duration_s / 60
    return run.distance_m / METERS_PER_KM / KM_PER_UNIT[unit]


def logged_weeks(
    runs: Iterable[LoggedRun], *, today: date, week_start: int, unit: VolumeUnit
) -> tuple[LoggedWeek, ...]:
    """The last :data:`LOG_WEEKS` complete weeks (weeks starting on ``week_start``, 0 Monday) before ``today``'s,
    oldest first, from the week of the first logged run on; empty when the log has no complete week.

    >>> def run(day: str, km: float) -> LoggedRun:
    ...     return LoggedRun(id=day, day=date.fromisoformat(day), duration_s=km * 330, distance_m=km * 1000, rpe=4)
    >>> days = [run("2026-11-24", 10), run("2026-11-29", 18), run("2026-12-02", 8), run("2026-12-07", 5)]
    >>> weeks = logged_weeks(days, today=date(2026, 12, 8), week_start=0, unit="km")
    >>> [(str(w.start), w.volume, w.longest) for w in weeks]
    [('2026-11-23', 28.0, 18.0), ('2026-11-30', 8.0, 8.0)]
    """
    runs = list(runs)
    this_week = week_bounds(today, week_start)[0]
    if not runs:
        return ()
    first = max(week_bounds(min(r.day for r in runs), week_start)[0], this_week - timedelta(weeks=LOG_WEEKS))
    weeks = []
    start = first
    while start < this_week:
        amounts = [run_amount(r, unit) for r in runs if start <= r.day < start + timedelta(days=7)]
        weeks.append(LoggedWeek(start=start, volume=sum(amounts), longest=max(amounts, default=None)))
        start += timedelta(days=7)
    return tuple(weeks)


def weekly_average(weeks: Iterable[LoggedWeek]) -> float | None:
    """The weeks' average volume; None for no week."""
    volumes = [w.volume for w in weeks]
    return sum(volumes) / len(volumes) if volumes else None


def usual_long_run(weeks: Iterable[LoggedWeek]) -> float | None:
    """The long run that half or more of the weeks reached: the upper median of each week's longest run (a week
    without a run counts as none). None for no week.

    >>> week = lambda longest: LoggedWeek(start=date(2026, 1, 5), volume=60.0, longest=longest)
    >>> usual_long_run([week(18.0), week(17.0), week(None), week(18.5)])
    18.0
    """
    longest = sorted(w.longest or 0.0 for w in weeks)
    return longest[len(longest) // 2] if longest else None

"""After a race: easy running first, lifting once the soreness settles, lighter at first, plyometrics last.

Stridelab's rule (the science files give no number for it): the days and the share below are ours. The guide
(``content/guides/periodising-strength.md``, "After the race") says what they rest on: after a marathon, soreness
rose for 3 days and was no longer clearly different from before the race on days 4 to 7 (its reference [7]), and
easy running in the days after did not slow recovery (its [8]); no study tested lifting after a race. So:

- the first :data:`NO_LIFT_DAYS` days after the race have no strength session, until the soreness those studies saw
  has settled; the pages say to run easy or cross-train first (the plan's runs themselves are not changed here);
- from then until :data:`LIGHTER_DAYS` days after it, each exercise has fewer sets (:data:`LIGHTER_DOSE` of them,
  rounded as a cut week's are: :meth:`calculators.exercises.Exercise.sets_at`) and its load is held, not stepped up
  (a load after the taper's weeks without lifting already restarts lower: :mod:`calculators.progression`);
- plyometrics come back last, after that.

A race is the day a plan races: its race day once past (a plan that has ended), or a past race day among a plan's
weeks (a new plan saved after the race keeps the weeks before it). The strength log, Today and the training calendar
read it here, so they say one thing.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from calculators.date_words import day_words

__all__ = [
    "LIGHTER_DAYS",
    "LIGHTER_DOSE",
    "NO_LIFT_DAYS",
    "after_race_words",
    "last_race",
    "lifting_back",
    "no_lift_race",
    "plan_words",
]

#: No strength for this many days after a race (Stridelab's rule): the end of the days 4 to 7 over which soreness
#: after a marathon was no longer clearly different from before it (the guide's [7]).
NO_LIFT_DAYS = 7
#: Until this many days after a race, lifting is lighter and has no plyometrics (Stridelab's rule): two weeks of
#: sessions to rebuild over, "rather than picking up at your peak numbers" (the guide).
LIGHTER_DAYS = 21
#: The share of each exercise's sets while lifting is lighter (Stridelab's rule), as a marathon's peak weeks cut them.
LIGHTER_DOSE = 0.5


def last_race(race_days: Iterable[date | None], day: date) -> date | None:
    """The latest of ``race_days`` before ``day`` that is within :data:`LIGHTER_DAYS` of it: the race whose
    after-days ``day`` falls in; None when there is none."""
    past = [d for d in race_days if d is not None and 1 <= (day - d).days <= LIGHTER_DAYS]
    return max(past, default=None)


def no_lift_race(race_days: Iterable[date | None], day: date) -> date | None:
    """The race of ``race_days`` whose first :data:`NO_LIFT_DAYS` days after it ``day`` falls in, else None: a
    planned strength session that day is dropped (the training calendar, and every page that reads it)."""
    race = last_race(race_days, day)
    return race if race is not None and (day - race).days <= NO_LIFT_DAYS else None


def lifting_back(race: date) -> date:
    """The first day strength comes back after ``race``."""
    return race + timedelta(days=NO_LIFT_DAYS + 1)


def after_race_words(since: int, *, plyometric: bool = False) -> str:
    """What the rule says ``since`` days after a race, as the reason a page shows beside a session."""
    after = f"{since} day{'s' if since != 1 else ''} after your race"
    if since <= NO_LIFT_DAYS:
        return (
            f"{after}: easy running or cross-training first, no strength for {NO_LIFT_DAYS} days while the soreness "
            "settles (Stridelab's rule)"
        )
    if plyometric:
        return f"{after}: plyometrics come back last, from day {LIGHTER_DAYS + 1} (Stridelab's rule)"
    return f"{after}: lighter until day {LIGHTER_DAYS + 1} (Stridelab's rule)"


def plan_words(race: date, day: date) -> str:
    """The rule for the days after ``race`` as one sentence with its dates, said on ``day`` (Today's reminder)."""
    back, plyo = lifting_back(race), race + timedelta(days=LIGHTER_DAYS + 1)
    after = f"After your race on {day_words(race, today=day)}"
    if day < back:
        first = (
            f"{after}: easy running or cross-training first, and no strength until {day_words(back, today=day)}, once "
            "the soreness has settled; then lighter sessions with fewer sets"
        )
    else:
        first = f"{after}: lighter strength sessions with fewer sets for now"
    why = "Stridelab's rule: no study tested lifting after a race"
    return f"{first}, and plyometrics last, from {day_words(plyo, today=day)} ({why})."

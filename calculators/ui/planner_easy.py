"""The planner's words for weeks with no hard runs (:attr:`calculators.week_prefs.WeekPrefs.easy_weeks`).

TRAINING-RULES.md has no week without hard runs, so where strength goes in one is Stridelab's rule, and the
page that uses it says so, with its reasoning and the guide's rule it leans on (the file's "House rules").
"""

from __future__ import annotations

from collections.abc import Sequence

from calculators import planner
from calculators.profile import EASY_WEEKS
from calculators.ui.html import Html, el, join

__all__ = ["EASY_WEEKS_GUIDE", "EASY_WEEKS_TIP", "HARD_RUNS_HELP", "HARD_RUNS_OPTIONS", "easy_weeks_words"]

#: The Hard runs choice, on the planner and in the profile (the profile keeps the planner's values: ``hard_runs``).
HARD_RUNS_OPTIONS = (("", "Tempo and intervals"), (EASY_WEEKS, "None: easy weeks"))
#: Who might choose easy weeks is Stridelab's suggestion: no source in shared/science says when a runner is ready
#: for tempo runs and intervals, so the words say whose it is.
HARD_RUNS_HELP = (
    "Tempo and intervals: the guide's week, with strength after each hard run. Easy weeks: every run easy, and "
    "strength after two of them (Stridelab's rule). Stridelab suggests easy weeks if you are new to running or "
    "building up to your first race, or coming back from a break or an injury."
)

#: The strength guide's section on weeks with no hard runs, from the planner's page (tools/planner/).
EASY_WEEKS_GUIDE = "../../guides/strength-training-for-runners/#weeks-with-no-hard-runs"
#: For a runner who should not run hard yet: the choice that plans no hard runs, as the form names it.
EASY_WEEKS_TIP = (
    'Not ready to run hard yet (a beginner, or coming back from an injury)? Choose "None: easy weeks" under Hard '
    "runs: every run is easy, and the strength sessions go with two of the easy runs."
)


def easy_weeks_words(shown: Sequence[planner.DayPlan], prefs: planner.WeekPrefs) -> Html | None:
    """Where this easy week's strength goes and why, as Stridelab's rule; None for a week with no strength."""
    lifts = [day for day in shown if day.strength]
    if not lifts:
        return None
    days = " and ".join(f"Session {day.strength} on {planner.WEEKDAY_NAMES[day.weekday]}" for day in lifts)
    # The tempo and interval days a runner ticked (or the profile's) are where they want the stress: said, not hidden.
    ticked = " (the tempo and interval days you ticked carry the strength instead)" if prefs.hard_days else ""
    guide = el("a", {"href": EASY_WEEKS_GUIDE}, "weeks with no hard runs")
    return join(
        f"Easy weeks, no hard runs{ticked}: {days}, each after that day's easy run (run first, lift after). "
        "Those are the week's stress days, each followed by an easy day or rest, and the long run never comes the "
        "day after one. "
        "Stridelab's rule, as the guide's rules assume hard runs to put the lifting on: it leans on the guide's "
        "cluster stress, whose \u201cnever lift on an easy day\u201d protects the recovery day after a stress day, "
        "and an easy week still keeps that day (",
        guide,
        ").",
    )

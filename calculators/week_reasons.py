"""Why each day of a planned week is what it is: the one line a runner reads beside the day.

The reasons say the rules TRAINING-RULES.md sets in "Where they go in the week": Session A after the tempo run and
Session B after the intervals, run first and lift after; an easy day or rest after each stress day; with five or more
runs, an easy run the day before the long run (the guide's five-run week). Apart from :mod:`calculators.week`, which
lays the days out and sizes them: the words change for other reasons than the numbers.
"""

from __future__ import annotations

from collections.abc import Sequence

from calculators.planner_amounts import VOLUME_SHARE
from calculators.week_plan import RUN_NAMES, sets_share
from calculators.week_prefs import WEEKDAY_NAMES, WeekPrefs
from calculators.week_rules import HARD_RUNS, STRESS_RUNS
from calculators.week_search import default_long_run_day

__all__ = ["day_reason"]


def day_reason(
    i: int,
    runs: Sequence[str],
    prefs: WeekPrefs,
    strength: str | None,
    dose: float,
    dose_why: str,
    *,
    marathon: bool = False,
) -> str:
    """Why day ``i`` of the week of ``runs`` is what it is: its ``strength`` session at ``dose`` of the sets (or
    none), with ``dose_why`` when it is less than full or left out; ``marathon`` for a long run that ends at M pace.
    """
    run, name = runs[i], WEEKDAY_NAMES[i]
    before, after = runs[i - 1], runs[(i + 1) % 7]
    next_name, prev_name = WEEKDAY_NAMES[(i + 1) % 7], WEEKDAY_NAMES[i - 1]
    if run in HARD_RUNS and prefs.easy_weeks:
        return _easy_week_lift(name, next_name, after, strength, dose, dose_why)
    if run in HARD_RUNS:
        kind = "a tempo" if run == "tempo" else "an interval"
        if strength is None:
            why = dose_why or "it follows a stress day"
            return f"{RUN_NAMES[run]}; no strength this time: {why}."
        volume = "" if dose >= 1.0 else f" at {sets_share(dose)} ({dose_why})"
        tail = (
            f"; {next_name} kept {'easy' if after == 'easy' else 'as rest'} so the stress does not stack"
            if after in ("easy", "rest")
            else ""
        )
        return (
            f"{RUN_NAMES[run]}, then Session {strength}{volume}: strength on {name} because it is "
            f"{kind} day, run first and lift after{tail}.{_chosen_here(i, runs, prefs)}"
        )
    if run == "long":
        guide_day = default_long_run_day(sum(r in VOLUME_SHARE for r in runs))
        where = (
            "your chosen day"
            if prefs.long_run_day == i
            else "the guide's long-run day"
            if guide_day == i
            else "the nearest day your days and the rules allow"
        )
        if marathon:
            return (
                f"Long run for the aerobic build, its last part at marathon pace to rehearse the race's pace, fuelling "
                f"and rhythm, on {name} ({where})."
            )
        return f"Long run at easy pace for the aerobic build, on {name} ({where})."
    if run == "easy":
        if before in STRESS_RUNS:
            # Not "short": the planner gives it an ordinary run's share of the week, as the guide's reference week
            # has Tuesday's 50–60 min after Monday's tempo, so it is often the week's second-longest run.
            aim = "low heart rate, purely aerobic, so the stress does not stack"
            return f"Easy run after {prev_name}'s stress day: {aim}."
        if after == "long":
            # The guide puts an easy run before the long run in its five-run week; fewer runs only happen to.
            guide = ", as in the guide's five-run week" if sum(r in VOLUME_SHARE for r in runs) >= 5 else ""
            return f"Easy run the day before {next_name}'s long run{guide}."
        return "Easy aerobic run to make up the week's run days."
    if run == "race":
        return "Race day: the week's one hard effort."
    if i not in prefs.available_days:
        return "Rest: not one of your available days."
    if before in STRESS_RUNS:
        return f"Rest after {prev_name}'s stress day."
    if after in HARD_RUNS:
        what = "strength day" if prefs.easy_weeks else after
        return f"Rest before {next_name}'s {what} so you arrive fresh."
    return "Rest day."


def _easy_week_lift(name: str, next_name: str, after: str, strength: str | None, dose: float, dose_why: str) -> str:
    """An easy week's lifting day (``runs`` holds its tempo or interval place): Stridelab's rule, with why."""
    if strength is None:
        return f"Easy run; no strength this time: {dose_why or 'it follows a stress day'}."
    volume = "" if dose >= 1.0 else f" at {sets_share(dose)} ({dose_why})"
    rest = "easy" if after in ("easy", "long") else "as rest"
    return (
        f"Easy run, then Session {strength}{volume}: with no hard runs this week, the lifting makes {name} "
        f"the stress day (Stridelab's rule), run first and lift after; {next_name} kept {rest} so the stress "
        "does not stack."
    )


def _chosen_here(i: int, runs: Sequence[str], prefs: WeekPrefs) -> str:
    """Why a hard run is on a day the runner did not tick, when they ticked one day and the week has two hard runs
    (three runs or more: calculators.week_search.sessions_for). A ticked day the plan could not keep is a bent rule
    the page names above the week; this day was never asked for, so its reason says why it is here."""
    ticked = prefs.hard_days
    if len(ticked) != 1 or i in ticked or sum(run in VOLUME_SHARE for run in runs) < 3:
        return ""
    return (
        f" You ticked one tempo and interval day ({WEEKDAY_NAMES[ticked[0]]}) and the guide's week has two hard runs: "
        f"the planner chose {WEEKDAY_NAMES[i]} for this one."
    )

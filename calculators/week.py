"""One training week built: seven days Monday→Sunday, each with its run, its strength session, its amounts and why.

The layout comes from :mod:`calculators.week_search`; this module turns it into the days a runner reads
(:mod:`calculators.week_plan`): paces from their VDOT (tempo at T, intervals at I, easy and long at E: Daniels'
Running Formula, 3rd ed.), Session A after the tempo run and Session B after the intervals (TRAINING-RULES.md), and
each run's share of the week, the long run's within Daniels' limits (:mod:`calculators.planner_long_run`). How much
each run is comes from :mod:`calculators.planner_amounts` (easy, long and cross runs) and
:mod:`calculators.planner_fast_parts` (sessions with a fast part); why each day is what it is, from
:mod:`calculators.week_reasons`. A marathon plan's long run in the build and peak weeks ends with a part at M pace
(:data:`MARATHON_PHASES`; sized as :mod:`calculators.planner_sessions` says).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from calculators.planner_amounts import (
    KM_PER_UNIT,
    VOLUME_SHARE,
    apportioned,
    capped_amount,
    round_to_step,
    run_amounts,
)
from calculators.planner_fast_parts import session_amounts, week_for_limits
from calculators.planner_long_run import grows, long_run_amount, long_run_share
from calculators.planner_sessions import easy_instead_words, fast_pace, holds_structure
from calculators.vdot import MARATHON_M, TrainingPaces, race_time, training_paces
from calculators.week_plan import DayPlan, WeekPlan
from calculators.week_prefs import VolumeUnit, WeekPrefs
from calculators.week_reasons import day_reason
from calculators.week_rules import HARD_RUNS, STRESS_RUNS
from calculators.week_search import BentRule, arrange

__all__ = ["MARATHON_PHASES", "build_week", "plan_week", "planned_volume"]

#: The phases whose long run, in a marathon plan, ends at M pace: the build and peak weeks, where the periodising
#: guide puts the marathon-specific work. Base weeks build the volume first; the taper keeps its hard runs, not this.
MARATHON_PHASES = frozenset({"build", "peak"})
_SESSION = {"tempo": "A", "intervals": "B"}


def _pace_range(
    run: str, prefs: WeekPrefs, paces: TrainingPaces | None, race_m: float | None
) -> tuple[float, float] | None:
    """A ``run``'s (fast, slow) pace, s/km, from the runner's VDOT: T or I for a session, E for an easy or long run
    (a long run's part at M pace is given apart), the race's own pace on race day; None without a VDOT."""
    if prefs.vdot is None or paces is None or run in ("rest", "cross"):
        return None
    if run == "race":
        if race_m is None:
            return None
        pace = race_time(prefs.vdot, race_m) / (race_m / 1000)
        return (pace, pace)
    if run in HARD_RUNS:
        pace = fast_pace(run, paces)
        return (pace, pace)
    return paces.easy


def build_week(
    runs: Sequence[str],
    prefs: WeekPrefs,
    *,
    volume: float,
    phase: str = "base",
    doses: Sequence[float] = (1.0,) * 7,
    dose_reasons: Sequence[str] = ("",) * 7,
    dates: Sequence[date] | None = None,
    day_before: str | None = None,
    reasons: Mapping[int, str] | None = None,
    race_distance_m: float | None = None,
    bent_rules: Sequence[BentRule] = (),
    most_minutes: Mapping[int, int] | None = None,
) -> WeekPlan:
    """Days for a layout of ``runs``: strength, durations, paces and reasons.

    ``doses`` is each day's strength dose (1.0 full, 0.6 peak, 0.0 none) with
    ``dose_reasons`` in words; ``day_before`` is the run on the Sunday before
    (default: this week's Sunday, as a repeating week). Strength on a hard day
    that follows a stress day is left out (TRAINING-RULES.md: the day after a
    stress day is easy or rest). ``most_minutes`` caps a day's run (the shake-out
    before a race): it runs its share of ``volume`` or that many minutes, whichever
    is less, and the week's volume is what its days then plan. Without a pace to
    compare them, a volume in km or miles gives that day the minutes alone, and
    its volume counts the other days. In a marathon plan (``race_distance_m`` a marathon), a long run in a
    :data:`MARATHON_PHASES` week is sized as a session is: its last part at M pace.
    """
    layout = list(runs)
    if prefs.easy_weeks:
        # No hard runs by choice: the tempo and interval places keep their strength and become easy runs
        # (Stridelab's easy-week rule, calculators.week_rules); ``layout`` keeps them as the stress days.
        runs = ["easy" if run in HARD_RUNS else run for run in runs]
    weights = [VOLUME_SHARE.get(run, 0.0) for run in runs]
    total = sum(weights) or 1.0
    days: list[DayPlan] = []
    stress_count = 0
    paces = None if prefs.vdot is None else training_paces(prefs.vdot)
    capped = most_minutes or {}
    marathon = race_distance_m == MARATHON_M and phase in MARATHON_PHASES
    # The runs with a fast part: the tempo and interval sessions, and a marathon build's long run (its M part).
    sized = {i for i, run in enumerate(runs) if run in HARD_RUNS or (marathon and run == "long")}
    shares = {
        i: volume * weights[i] / total for i, run in enumerate(runs) if weights[i] and run != "race" and i not in capped
    }
    # A long race's build grows the long run to Daniels' limits, his share chosen by the plan's peak week
    # (calculators.planner_long_run); the other runs share what is left, so the week keeps its volume.
    for i in [i for i in shares if runs[i] == "long"]:
        grow = grows(race_distance_m, phase)
        amount = long_run_amount(shares[i], volume, prefs.volume_unit, paces, grow=grow, peak=prefs.target_volume)
        shares = long_run_share(shares, i, amount)
    rounded = apportioned(shares, runs, prefs.volume_unit)
    amounts: dict[int, tuple[int | None, float | None]] = {}
    for i, run in enumerate(runs):
        if (i in sized and i not in capped) or not weights[i] or run == "race":
            continue
        if (most := capped.get(i)) is not None:
            cut = capped_amount(volume * weights[i] / total, most, prefs.volume_unit, paces)
            amounts[i] = (
                (most, None)
                if cut is None
                else run_amounts(run, round_to_step(cut, prefs.volume_unit), prefs.volume_unit, paces)
            )
        elif i in rounded:
            amounts[i] = run_amounts(run, rounded[i], prefs.volume_unit, paces)
    quality = [i for i in rounded if i in sized]
    week_km, week_minutes = week_for_limits(amounts.values(), [rounded[i] for i in quality], prefs.volume_unit, paces)
    sessions: dict[int, tuple[int | None, float | None]] = {}
    for i in quality:
        minutes, km, fast_min, fast_km = session_amounts(
            runs[i], rounded[i], prefs.volume_unit, paces, week_km, week_minutes
        )
        amounts[i], sessions[i] = (minutes, km), (fast_min, fast_km)
    # A session too short for its structure is an easy run, and its strength goes with it (planner_sessions).
    runs, reasons = list(runs), dict(reasons or {})
    for i in [i for i in quality if not holds_structure(runs[i], *sessions[i])]:
        reasons.setdefault(i, easy_instead_words(runs[i], sessions.pop(i)[0]))
        runs[i], amounts[i] = "easy", run_amounts("easy", rounded[i], prefs.volume_unit, paces)
    # An easy week's stress days are its lifting days, which ``layout`` still marks; otherwise the runs as planned
    # (a session too short for its structure is an easy run, with no strength).
    stress_days = layout if prefs.easy_weeks else runs
    previous = [day_before if day_before is not None else stress_days[6], *stress_days[:6]]
    for i, run in enumerate(runs):
        strength = _SESSION.get(stress_days[i]) if doses[i] > 0 and previous[i] not in STRESS_RUNS else None
        why = dose_reasons[i] if doses[i] <= 0 else ("it follows a stress day" if strength is None else dose_reasons[i])
        if run in STRESS_RUNS or (prefs.easy_weeks and strength):
            stress_count += 1
            intent = "race" if run == "race" else f"stress day {stress_count}"
        else:
            intent = {"long": "aerobic build", "cross": "recovery"}.get(run, "recovery")
            if run == "easy" and previous[i] not in STRESS_RUNS:
                intent = "aerobic"
        if run == "race":
            minutes = (
                None
                if prefs.vdot is None or race_distance_m is None
                else round(race_time(prefs.vdot, race_distance_m) / 60)
            )
            km = None if race_distance_m is None else race_distance_m / 1000
        else:
            minutes, km = amounts.get(i, (None, None))
        fast_min, fast_km = sessions.get(i, (None, None))
        long_m = run == "long" and i in sessions
        reason = reasons.get(i) or day_reason(i, stress_days, prefs, strength, doses[i], why, marathon=long_m)
        days.append(
            DayPlan(
                weekday=i,
                run=run,
                strength=strength,
                strength_volume=doses[i] if strength else 0.0,
                intent=intent,
                reason=reason,
                minutes=minutes,
                km=km,
                pace_s_per_km=_pace_range(run, prefs, paces, race_distance_m),
                day=None if dates is None else dates[i],
                fast_minutes=fast_min,
                fast_km=fast_km,
                fast_pace_s_per_km=paces.marathon if long_m and paces is not None else None,
            )
        )
    return WeekPlan(
        days=tuple(days),
        volume=planned_volume(days, prefs.volume_unit),
        volume_unit=prefs.volume_unit,
        phase=phase,
        bent_rules=tuple(bent_rules),
    )


def planned_volume(days: Sequence[DayPlan], unit: VolumeUnit) -> float:
    """The week's volume as its days plan it, so the total shown above them is their sum (a week changed on the
    calendar too). The race comes on top; a
    shake-out that a plan by distance without paces gives in minutes alone is not in the distance (the season
    table names it beside it)."""
    running = [day for day in days if day.run in VOLUME_SHARE]
    if unit == "min":
        return float(sum(day.minutes or 0 for day in running))
    return round(sum(day.km for day in running if day.km is not None) / KM_PER_UNIT[unit], 9)


def plan_week(prefs: WeekPrefs) -> WeekPlan:
    """This week for ``prefs``: the guide's layout where the runner's days allow, at the current volume.

    Strength at full volume (a base week); :func:`calculators.planner.plan_season`
    sets phases, volumes and strength doses towards a race. Rules the runner's
    days force the plan to bend are named in ``bent_rules``; nothing is raised
    for a week that can be planned.
    """
    arrangement = arrange(prefs)
    return build_week(arrangement.runs, prefs, volume=prefs.current_volume, bent_rules=arrangement.bent_rules)

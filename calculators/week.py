"""One training week: seven days Monday→Sunday, each with its run, its strength session and why.

The layout comes from :mod:`calculators.week_search`; this module turns it into
days a runner reads: durations, paces from their VDOT (tempo at T, intervals at
I, easy and long at E: Daniels' Running Formula, 3rd ed.), Session A after the
tempo run and Session B after the intervals (TRAINING-RULES.md), and one line
of reasoning per day.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from calculators.planner_amounts import (
    EASY_PACED,
    apportioned,
    km_for_minutes,
    minutes_for_km,
    rounding_steps,
    shown_distance,
)
from calculators.planner_sessions import QUALITY_SHARE
from calculators.readiness import PACE_MAX
from calculators.units import METERS_PER_KM, METERS_PER_MILE, PaceUnit
from calculators.vdot import TrainingPaces, race_time, training_paces
from calculators.week_prefs import WEEKDAY_NAMES, VolumeUnit, WeekPrefs
from calculators.week_rules import HARD_RUNS, RUN_TYPES, STRENGTH_SESSIONS, STRESS_RUNS, describe, violations
from calculators.week_search import BentRule, arrange, default_long_run_day

__all__ = [
    "PACE_FOR",
    "RUN_NAMES",
    "DayPlan",
    "WeekPlan",
    "build_week",
    "distance_words",
    "plan_week",
    "rule_violations",
]

PHASES = ("base", "build", "peak", "taper")
#: Share of the week's volume per run type: the long run about 1.6 times an
#: ordinary run (the guide's ~90 min long run beside 50–60 min runs). Stridelab's rule.
_SHARE = {"easy": 1.0, "tempo": 1.0, "intervals": 1.0, "long": 1.6}
_SESSION = {"tempo": "A", "intervals": "B"}
_KM_PER = {"km": 1.0, "mi": METERS_PER_MILE / METERS_PER_KM}
#: Each run type in words, for plans, reasons and calendar events.
RUN_NAMES = {
    "rest": "Rest",
    "easy": "Easy run",
    "tempo": "Tempo run",
    "intervals": "Intervals",
    "long": "Long run",
    "race": "Race",
    "cross": "Cross-training",
}
#: What a quality session's pace is for: the rest of it is at easy pace, as its minutes and kilometres
#: assume (:func:`_time_pace`), so "85 min at 4:16 /km" is never read as the whole session at T pace.
PACE_FOR = {
    "tempo": "for the tempo part, with the warm-up and cool-down easy",
    "intervals": "for the fast repeats, with the warm-up, recoveries and cool-down easy",
}


def distance_words(
    km: float, unit: PaceUnit, *, minutes: float | None = None, easy: tuple[float, float] | None = None
) -> str:
    """A planned distance in the reader's unit, to a tenth (a plan in miles stores its half miles in km); beside
    ``minutes`` of easy running, the tenth that keeps to the ``easy`` range (:mod:`calculators.planner_amounts`).

    >>> distance_words(9.5, "km"), distance_words(9.5, "mi"), distance_words(42.195, "mi")
    ('9.5 km', '5.9 mi', '26.2 mi')
    >>> distance_words(5.5 * 1.609344, "km")
    '8.9 km'
    """
    return f"{shown_distance(km, minutes, easy, unit):g} {unit}"


@dataclass(frozen=True, kw_only=True, slots=True)
class DayPlan:
    """One day of the plan.

    Attributes:
        weekday: 0 = Monday … 6 = Sunday.
        run: one of ``rest``, ``easy``, ``tempo``, ``intervals``, ``long``,
            ``race``, ``cross``.
        strength: ``"A"`` after a tempo run, ``"B"`` after intervals, else ``None``.
        strength_volume: share of a full strength session: 1.0 full, 0.6 in
            peak-volume weeks, 0.0 when there is none.
        intent: the day's purpose in the guide's words (``stress day 1``,
            ``recovery``, ``aerobic build``, …).
        reason: one line saying why the day is what it is.
        minutes: planned duration, or ``None`` for rest (or when the volume is
            in km or miles and no VDOT turns distance into time).
        km: planned distance in km (whatever the volume unit), or ``None``
            when the volume is in minutes and no VDOT turns time into distance.
        pace_s_per_km: ``(fast, slow)`` seconds per km from the VDOT, or ``None``.
        day: the calendar date in a season plan; ``None`` in a single week.
    """

    weekday: int
    run: str
    strength: str | None = None
    strength_volume: float = 0.0
    intent: str = ""
    reason: str = ""
    minutes: int | None = None
    km: float | None = None
    pace_s_per_km: tuple[float, float] | None = None
    day: date | None = None

    def __post_init__(self) -> None:
        if self.run not in RUN_TYPES:
            raise ValueError(f"unknown run type {self.run!r}")
        if self.strength not in (*STRENGTH_SESSIONS, None):
            raise ValueError(f"unknown strength session {self.strength!r}")
        if not 0.0 <= self.strength_volume <= 1.0 or (self.strength is None) != (self.strength_volume == 0.0):
            raise ValueError("strength_volume must be 0 without a session and in (0, 1] with one")

    def distance_words(self, unit: PaceUnit) -> str:
        """The planned distance as shown beside the minutes ("" without one): an easy or long run's is the tenth
        of ``unit`` that keeps the pair within its E range (:func:`calculators.planner_amounts.shown_distance`)."""
        if self.km is None:
            return ""
        easy = self.pace_s_per_km if self.run in EASY_PACED else None
        return distance_words(self.km, unit, minutes=self.minutes, easy=easy)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON values; the date as an ISO string."""
        return {
            "weekday": self.weekday,
            "run": self.run,
            "strength": self.strength,
            "strength_volume": self.strength_volume,
            "intent": self.intent,
            "reason": self.reason,
            "minutes": self.minutes,
            "km": self.km,
            "pace_s_per_km": None if self.pace_s_per_km is None else list(self.pace_s_per_km),
            "day": None if self.day is None else self.day.isoformat(),
        }


@dataclass(frozen=True, kw_only=True, slots=True)
class WeekPlan:
    """Seven :class:`DayPlan` s Monday→Sunday, the week's volume and phase, and any rule it had to bend."""

    days: tuple[DayPlan, ...]
    volume: float
    volume_unit: VolumeUnit = "min"
    phase: str = "base"
    bent_rules: tuple[BentRule, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON values, days in order."""
        return {
            "days": [d.to_dict() for d in self.days],
            "volume": self.volume,
            "volume_unit": self.volume_unit,
            "phase": self.phase,
            "bent_rules": [{"field": b.field, "message": b.message} for b in self.bent_rules],
        }


def rule_violations(week: WeekPlan, *, cyclic: bool = True) -> tuple[str, ...]:
    """Every hard rule ``week`` breaks, one sentence each; empty when it keeps them all.

    The rules are TRAINING-RULES.md's "Where they go in the week" and issue 4's:
    strength only with a hard run; an easy day or rest after each stress day
    (no stress days back to back, no long run the day after one); with five or
    more runs an easy run the day before the long run. ``cyclic`` also checks
    Sunday against Monday, as a week that repeats; pass ``False`` for a week
    followed by something else (a race week).
    """
    runs = [d.run for d in week.days]
    return tuple(describe(v, runs) for v in violations(runs, [d.strength for d in week.days], cyclic=cyclic))


def _round(value: float, step: float, least: float) -> float:
    return max(least, round(value / step) * step)


def _pace_range(
    run: str, prefs: WeekPrefs, paces: TrainingPaces | None, race_m: float | None
) -> tuple[float, float] | None:
    if prefs.vdot is None or paces is None or run in ("rest", "cross"):
        return None
    if run == "race":
        if race_m is None:
            return None
        pace = race_time(prefs.vdot, race_m) / (race_m / 1000)
        return (pace, pace)
    single = {"tempo": paces.threshold, "intervals": paces.interval}.get(run)
    return paces.easy if single is None else (single, single)


def _time_pace(run: str, paces: TrainingPaces | None) -> float | None:
    """Average s/km of a whole session: quality sessions count the rest of their time, past
    :data:`~calculators.planner_sessions.QUALITY_SHARE`, at easy pace (warm-up, recoveries, cool-down).
    Stridelab's estimate, used only to turn km into minutes; the session's words say the same share."""
    if paces is None:
        return None
    easy = sum(paces.easy) / 2
    quality = {"tempo": paces.threshold, "intervals": paces.interval}.get(run)
    return easy if quality is None else easy * (1 - QUALITY_SHARE) + quality * QUALITY_SHARE


def _capped(run: str, share: float, most: int, prefs: WeekPrefs, paces: TrainingPaces | None) -> float | None:
    """``share`` of the week's volume cut to at most ``most`` minutes, in the volume's unit; None when it is given
    in minutes alone (a volume in km or miles without a VDOT: no pace turns minutes into distance).

    A distance is cut to the half unit below, so its minutes never come to more than ``most``. Without a pace, a
    share that even the slowest easy pace the site accepts runs within ``most`` is surely short enough, and kept.
    """
    if prefs.volume_unit == "min":
        return min(share, most)
    pace = _time_pace(run, paces)
    if pace is None:
        return share if share * _KM_PER[prefs.volume_unit] * PACE_MAX <= most * 60 else None
    reach = most * 60 / pace / _KM_PER[prefs.volume_unit]
    return share if share <= reach else max(1.0, math.floor(reach * 2) / 2)


def _amounts(run: str, amount: float, prefs: WeekPrefs, paces: TrainingPaces | None) -> tuple[int | None, float | None]:
    """A run's minutes and km from its ``amount`` in the volume's unit, already rounded to its step."""
    pace = _time_pace(run, paces)
    # An easy or long run's other amount keeps to the E range (planner_amounts); a quality run's is at its mixed pace.
    easy = paces.easy if paces is not None and run in EASY_PACED else None
    if prefs.volume_unit == "min":
        minutes = int(amount)
        if pace is None:
            return minutes, None
        return minutes, (_round(minutes * 60 / pace, 0.5, 1.0) if easy is None else km_for_minutes(minutes, easy))
    # Rounded to half a unit in the runner's own unit; stored in km, as every distance in a plan is.
    km = amount * _KM_PER[prefs.volume_unit]
    if pace is None:
        return None, km
    return (int(_round(km * pace / 60, 5, 10)) if easy is None else minutes_for_km(km, easy)), km


def _reason(i: int, runs: Sequence[str], prefs: WeekPrefs, strength: str | None, dose: float, dose_why: str) -> str:
    run, name = runs[i], WEEKDAY_NAMES[i]
    before, after = runs[i - 1], runs[(i + 1) % 7]
    next_name, prev_name = WEEKDAY_NAMES[(i + 1) % 7], WEEKDAY_NAMES[i - 1]
    if run in HARD_RUNS:
        kind = "a tempo" if run == "tempo" else "an interval"
        if strength is None:
            why = dose_why or "it follows a stress day"
            return f"{RUN_NAMES[run]}; no strength this time: {why}."
        volume = "" if dose >= 1.0 else f" at {dose:.0%} of the sets ({dose_why})"
        tail = (
            f"; {next_name} kept {'easy' if after == 'easy' else 'as rest'} so the stress does not stack"
            if after in ("easy", "rest")
            else ""
        )
        return (
            f"{RUN_NAMES[run]}, then Session {strength}{volume}: strength on {name} because it is "
            f"{kind} day, run first and lift after{tail}."
        )
    if run == "long":
        guide_day = default_long_run_day(sum(r in _SHARE for r in runs))
        where = (
            "your chosen day"
            if prefs.long_run_day == i
            else "the guide's long-run day"
            if guide_day == i
            else "the nearest day your days and the rules allow"
        )
        return f"Long run at easy pace for the aerobic build, on {name} ({where})."
    if run == "easy":
        if before in STRESS_RUNS:
            return f"Easy run after {prev_name}'s stress day: short, low heart rate, purely aerobic."
        if after == "long":
            # The guide puts an easy run before the long run in its five-run week; fewer runs only happen to.
            guide = ", as in the guide's five-run week" if sum(r in _SHARE for r in runs) >= 5 else ""
            return f"Easy run the day before {next_name}'s long run{guide}."
        return "Easy aerobic run to make up the week's run days."
    if run == "race":
        return "Race day: the week's one hard effort."
    if i not in prefs.available_days:
        return "Rest: not one of your available days."
    if before in STRESS_RUNS:
        return f"Rest after {prev_name}'s stress day."
    if after in HARD_RUNS:
        return f"Rest before {next_name}'s {after} so you arrive fresh."
    return "Rest day."


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
    its volume counts the other days.
    """
    previous = [day_before if day_before is not None else runs[6], *runs[:6]]
    weights = [_SHARE.get(run, 0.0) for run in runs]
    total = sum(weights) or 1.0
    days: list[DayPlan] = []
    stress_count = 0
    paces = None if prefs.vdot is None else training_paces(prefs.vdot)
    capped = most_minutes or {}
    rounded = apportioned(
        {
            i: volume * weights[i] / total
            for i, run in enumerate(runs)
            if weights[i] and run != "race" and i not in capped
        },
        runs,
        prefs.volume_unit,
    )
    for i, run in enumerate(runs):
        strength = _SESSION.get(run) if doses[i] > 0 and previous[i] not in STRESS_RUNS else None
        why = dose_reasons[i] if doses[i] <= 0 else ("it follows a stress day" if strength is None else dose_reasons[i])
        if run in STRESS_RUNS:
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
        elif weights[i] and (most := capped.get(i)) is not None:
            cut = _capped(run, volume * weights[i] / total, most, prefs, paces)
            minutes, km = (
                (most, None)
                if cut is None
                else _amounts(run, _round(cut, *rounding_steps(prefs.volume_unit)), prefs, paces)
            )
        elif i in rounded:
            minutes, km = _amounts(run, rounded[i], prefs, paces)
        else:
            minutes, km = None, None
        reason = (reasons or {}).get(i) or _reason(i, runs, prefs, strength, doses[i], why)
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
            )
        )
    return WeekPlan(
        days=tuple(days),
        volume=_planned(days, prefs.volume_unit),
        volume_unit=prefs.volume_unit,
        phase=phase,
        bent_rules=tuple(bent_rules),
    )


def _planned(days: Sequence[DayPlan], unit: VolumeUnit) -> float:
    """The week's volume as its days plan it, so the total shown above them is their sum. The race comes on top; a
    shake-out that a plan by distance without paces gives in minutes alone is not in the distance (the season
    table names it beside it)."""
    running = [day for day in days if day.run in _SHARE]
    if unit == "min":
        return float(sum(day.minutes or 0 for day in running))
    return round(sum(day.km for day in running if day.km is not None) / _KM_PER[unit], 9)


def plan_week(prefs: WeekPrefs) -> WeekPlan:
    """This week for ``prefs``: the guide's layout where the runner's days allow, at the current volume.

    Strength at full volume (a base week); :func:`calculators.planner.plan_season`
    sets phases, volumes and strength doses towards a race. Rules the runner's
    days force the plan to bend are named in ``bent_rules``; nothing is raised
    for a week that can be planned.
    """
    arrangement = arrange(prefs)
    return build_week(arrangement.runs, prefs, volume=prefs.current_volume, bent_rules=arrangement.bent_rules)

"""One training week: seven days Monday→Sunday, each with its run, its strength session and why.

The layout comes from :mod:`calculators.week_search`; this module turns it into
days a runner reads: durations, paces from their VDOT (tempo at T, intervals at
I, easy and long at E: Daniels' Running Formula, 3rd ed.), Session A after the
tempo run and Session B after the intervals (TRAINING-RULES.md), and one line
of reasoning per day. A marathon plan's long run in the build and peak weeks
ends with a part at M pace (:data:`MARATHON_PHASES`; sized as
:mod:`calculators.planner_sessions` says).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
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
from calculators.planner_sessions import (
    QUALITY_SHARE,
    fast_km_most,
    fast_minutes,
    fast_minutes_most,
    marathon_part_words,
)
from calculators.readiness import PACE_MAX
from calculators.units import METERS_PER_KM, METERS_PER_MILE, PaceUnit, format_pace
from calculators.vdot import MARATHON_M, TrainingPaces, race_time, training_paces
from calculators.week_prefs import WEEKDAY_NAMES, VolumeUnit, WeekPrefs
from calculators.week_rules import HARD_RUNS, RUN_TYPES, STRENGTH_SESSIONS, STRESS_RUNS, describe, violations
from calculators.week_search import BentRule, arrange, default_long_run_day

__all__ = [
    "MARATHON_PHASES",
    "PACE_FOR",
    "RUN_NAMES",
    "DayPlan",
    "WeekPlan",
    "build_week",
    "distance_words",
    "marathon_part",
    "plan_week",
    "rule_violations",
]

PHASES = ("base", "build", "peak", "taper")
#: The phases whose long run, in a marathon plan, ends at M pace: the build and peak weeks, where the periodising
#: guide puts the marathon-specific work. Base weeks build the volume first; the taper keeps its hard runs, not this.
MARATHON_PHASES = frozenset({"build", "peak"})
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
#: assume (:func:`_quality`), so "85 min at 4:16 /km" is never read as the whole session at T pace.
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
        fast_minutes: a tempo or interval session's minutes at T or I pace (or effort), or a marathon plan's long
            run's last minutes at M pace (or the effort expected on race day); ``None`` for any other run, a plan by
            distance without paces, or a plan saved before it was stored.
        fast_km: the same fast part in km, or ``None`` when the plan has minutes and no paces.
        fast_pace_s_per_km: the fast part's pace when it is not the run's own (a long run's M pace beside its E
            range), or ``None``.
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
    fast_minutes: int | None = None
    fast_km: float | None = None
    fast_pace_s_per_km: float | None = None

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
        # A long run with a part at M pace covers more ground than its minutes at E pace: its pair is not kept to E.
        whole_easy = self.run in EASY_PACED and self.fast_minutes is None and self.fast_km is None
        return distance_words(self.km, unit, minutes=self.minutes, easy=self.pace_s_per_km if whole_easy else None)

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
            "fast_minutes": self.fast_minutes,
            "fast_km": self.fast_km,
            "fast_pace_s_per_km": self.fast_pace_s_per_km,
        }


def marathon_part(day: DayPlan, unit: PaceUnit) -> str:
    """A marathon plan's long run's last part at M pace, in words ("the last 42 min at 4:31 /km (marathon pace)"),
    in the reader's ``unit``; "" for any other run and for a long run without one."""
    if day.run != "long" or (day.fast_minutes is None and day.fast_km is None):
        return ""
    pace = "" if day.fast_pace_s_per_km is None else format_pace(day.fast_pace_s_per_km, unit)
    distance = distance_words(day.fast_km, unit) if day.fast_minutes is None and day.fast_km is not None else ""
    return marathon_part_words(day.fast_minutes, distance, pace)


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


def _easy_pace(paces: TrainingPaces | None) -> float | None:
    """The middle of the E range, s/km: the pace an easy run's, and a session's easy part's, minutes and km share."""
    return None if paces is None else sum(paces.easy) / 2


def _quality(
    run: str, amount: float, prefs: WeekPrefs, paces: TrainingPaces | None, week_km: float, week_minutes: float
) -> tuple[int | None, float | None, int | None, float | None]:
    """A tempo or interval session's (or a marathon plan's long run's) minutes, km, and fast part's minutes and km,
    from its ``amount`` in the volume's unit (already rounded to its step).

    The fast part is about :data:`~calculators.planner_sessions.QUALITY_SHARE` of the session's time, cut to
    Daniels' limit against the week's ``week_km`` (:func:`~calculators.planner_sessions.fast_km_most`); with
    neither paces nor distance, Stridelab's approximation of it in minutes against ``week_minutes``. The rest of
    the session is easy, at the middle of the E range: its length stays as the week gives it.
    """
    easy = _easy_pace(paces)
    fast_pace = (
        None if paces is None else {"tempo": paces.threshold, "intervals": paces.interval, "long": paces.marathon}[run]
    )
    if prefs.volume_unit == "min":
        minutes = int(amount)
        if paces is None or easy is None or fast_pace is None:
            return minutes, None, fast_minutes(minutes, fast_minutes_most(run, week_minutes)), None
        fast = fast_minutes(minutes, fast_km_most(run, week_km, fast_pace) * fast_pace / 60)
        fast_km = fast * 60 / fast_pace
        # Up to the half km: the session then counts at least its minutes at easy pace in the week's distance, as
        # the limit assumed (a week of 7 km at VDOT 35, rounded to the nearest, put 10.1 % of it at T).
        km = max(1.0, math.ceil((fast_km + (minutes - fast) * 60 / easy) * 2 - 1e-9) / 2)
        return minutes, km, fast, fast_km
    km = amount * _KM_PER[prefs.volume_unit]
    if paces is None or easy is None or fast_pace is None:
        # Half the distance, with no pace to halve the time by; cut to the tenth of the runner's unit below.
        step = 0.1 * _KM_PER[prefs.volume_unit]
        return None, km, None, math.floor(min(km * QUALITY_SHARE, fast_km_most(run, week_km)) / step + 1e-9) * step
    # The fast part's km that take as long as the easy rest (half the time), or Daniels' limit if less.
    fast_km = min(km * easy / (easy + fast_pace), fast_km_most(run, week_km, fast_pace))
    minutes = int(_round((fast_km * fast_pace + (km - fast_km) * easy) / 60, 5, 10))
    return minutes, km, math.floor(fast_km * fast_pace / 60 + 0.5), fast_km


def _week_for_limits(
    others: Iterable[tuple[int | None, float | None]],
    sessions: Sequence[float],
    prefs: WeekPrefs,
    paces: TrainingPaces | None,
) -> tuple[float, float]:
    """The week's km and minutes that Daniels' limits on a session's fast part are set against (planner_sessions),
    from the ``others`` runs' (minutes, km) and the tempo and interval ``sessions`` in the volume's unit.

    A plan by distance knows each session's distance as it is. With a volume in minutes, a session's distance grows
    with its fast part, which the limit sets: the sessions are counted at easy pace, a little less distance than
    the plan's, so the limit errs short. The minutes matter only to a plan in minutes without paces.
    """
    others = list(others)
    other_km = sum(km for _, km in others if km is not None)
    if prefs.volume_unit != "min":
        return other_km + sum(sessions) * _KM_PER[prefs.volume_unit], 0.0
    easy = _easy_pace(paces)
    sessions_km = 0.0 if easy is None else sum(sessions) * 60 / easy
    return other_km + sessions_km, sum(m for m, _ in others if m is not None) + sum(sessions)


def _capped(run: str, share: float, most: int, prefs: WeekPrefs, paces: TrainingPaces | None) -> float | None:
    """``share`` of the week's volume cut to at most ``most`` minutes, in the volume's unit; None when it is given
    in minutes alone (a volume in km or miles without a VDOT: no pace turns minutes into distance).

    A distance is cut to the half unit below, so its minutes never come to more than ``most``. Without a pace, a
    share that even the slowest easy pace the site accepts runs within ``most`` is surely short enough, and kept.
    """
    if prefs.volume_unit == "min":
        return min(share, most)
    pace = _easy_pace(paces)
    if pace is None:
        return share if share * _KM_PER[prefs.volume_unit] * PACE_MAX <= most * 60 else None
    reach = most * 60 / pace / _KM_PER[prefs.volume_unit]
    return share if share <= reach else max(1.0, math.floor(reach * 2) / 2)


def _amounts(run: str, amount: float, prefs: WeekPrefs, paces: TrainingPaces | None) -> tuple[int | None, float | None]:
    """An easy, long or cross run's minutes and km from its ``amount`` in the volume's unit, already rounded to its
    step (a tempo or interval session's are :func:`_quality`'s)."""
    pace = _easy_pace(paces)
    # An easy or long run's other amount keeps to the E range (planner_amounts).
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


def _reason(
    i: int,
    runs: Sequence[str],
    prefs: WeekPrefs,
    strength: str | None,
    dose: float,
    dose_why: str,
    *,
    marathon: bool = False,
) -> str:
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
        if marathon:
            return (
                f"Long run for the aerobic build, its last part at marathon pace to rehearse the race's pace, fuelling "
                f"and rhythm, on {name} ({where})."
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
    its volume counts the other days. In a marathon plan (``race_distance_m`` a marathon), a long run in a
    :data:`MARATHON_PHASES` week is sized as a session is: its last part at M pace.
    """
    previous = [day_before if day_before is not None else runs[6], *runs[:6]]
    weights = [_SHARE.get(run, 0.0) for run in runs]
    total = sum(weights) or 1.0
    days: list[DayPlan] = []
    stress_count = 0
    paces = None if prefs.vdot is None else training_paces(prefs.vdot)
    capped = most_minutes or {}
    marathon = race_distance_m == MARATHON_M and phase in MARATHON_PHASES
    # The runs with a fast part: the tempo and interval sessions, and a marathon build's long run (its M part).
    sized = {i for i, run in enumerate(runs) if run in HARD_RUNS or (marathon and run == "long")}
    rounded = apportioned(
        {
            i: volume * weights[i] / total
            for i, run in enumerate(runs)
            if weights[i] and run != "race" and i not in capped
        },
        runs,
        prefs.volume_unit,
    )
    amounts: dict[int, tuple[int | None, float | None]] = {}
    for i, run in enumerate(runs):
        if (i in sized and i not in capped) or not weights[i] or run == "race":
            continue
        if (most := capped.get(i)) is not None:
            cut = _capped(run, volume * weights[i] / total, most, prefs, paces)
            amounts[i] = (
                (most, None)
                if cut is None
                else _amounts(run, _round(cut, *rounding_steps(prefs.volume_unit)), prefs, paces)
            )
        elif i in rounded:
            amounts[i] = _amounts(run, rounded[i], prefs, paces)
    quality = [i for i in rounded if i in sized]
    week_km, week_minutes = _week_for_limits(amounts.values(), [rounded[i] for i in quality], prefs, paces)
    sessions: dict[int, tuple[int | None, float | None]] = {}
    for i in quality:
        minutes, km, fast_min, fast_km = _quality(runs[i], rounded[i], prefs, paces, week_km, week_minutes)
        amounts[i], sessions[i] = (minutes, km), (fast_min, fast_km)
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
        else:
            minutes, km = amounts.get(i, (None, None))
        fast_min, fast_km = sessions.get(i, (None, None))
        long_m = run == "long" and i in sessions
        reason = (reasons or {}).get(i) or _reason(i, runs, prefs, strength, doses[i], why, marathon=long_m)
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

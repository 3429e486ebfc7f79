"""The season to race day: weeks from today's to race week, each with its phase, volume and strength dose.

From TRAINING-RULES.md ("Progression"): strength at full volume in base and
build weeks; cut by 30–50 % in the peak-volume weeks of a marathon build (maintenance, not
progression); none in the last 14 days before the race. The cut is the rule's for a marathon, so it
applies to a marathon or longer (:data:`PEAK_CUT_FROM_M`); a shorter race keeps full strength through
its peak weeks, up to the two-week stop. The shape of the season
is Stridelab's rule, where no source in ``shared/science`` gives the numbers:

- the last two weeks are the taper (volume 70 % then 50 % of the highest
  week, intensity kept: the hard runs stay, without strength);
- before them one to three peak weeks at peak volume (one up to three weeks
  left, two up to eight, else three), strength at a dose of 0.6 (2 sets per exercise);
- the weeks before split into base then build, the base half the longer one;
  volume climbs in a straight line from the current to the peak volume, and
  every fourth of these weeks is a cutback week at 80 % of the week before.
  No source bounds the weekly rise, so it is not capped; weeks whose load would
  trip the readiness check's ramp warning are named (:mod:`calculators.week_ramp`);
- race week: no long run in the six days before the race (the race is the
  long effort), no hard run in the two days before it, rest after it; a run on
  the day before it is a short easy shake-out, at most :data:`SHAKE_OUT_MINUTES`
  (less when the runner's usual share of the week is less), and the week's
  volume counts it at that.

Without a race date the season is ``weeks`` of base then build, full strength.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from calculators.after_race import LIGHTER_DOSE, NO_LIFT_DAYS, last_race
from calculators.date_words import day_words
from calculators.errors import InputError
from calculators.planner_sessions import fast_part_words
from calculators.readiness_easy_run import RED_ALTERNATIVE_MINUTES
from calculators.vdot import RACE_METERS_MAX, RACE_METERS_MIN, race_words
from calculators.week import build_week
from calculators.week_plan import (
    RUN_NAMES,
    DayPlan,
    WeekPlan,
    distance_words,
    fast_distance,
    finish_words,
    rule_violations,
    sets_share,
)
from calculators.week_prefs import VOLUME_UNIT_WORDS, WEEKDAY_NAMES, VolumeUnit, WeekPrefs
from calculators.week_ramp import ramp_notice, steep_weeks
from calculators.week_rules import HARD_RUNS, describe, violations
from calculators.week_search import BentRule, arrange

__all__ = [
    "PEAK_CUT_FROM_M",
    "PEAK_STRENGTH_DOSE",
    "SeasonPlan",
    "SeasonWeek",
    "WeekContext",
    "latest_race_date",
    "next_strength_day",
    "plan_season",
    "race_days",
    "season_violations",
    "week_context",
]

#: No strength this many days (or fewer) before the race (TRAINING-RULES.md: "two weeks before race day").
NO_STRENGTH_DAYS = 14
#: Strength volume in a marathon build's peak-volume weeks, the middle of the guide's 30–50 % cut. Each exercise
#: then takes 2 sets (:meth:`~calculators.exercises.Exercise.sets_at`): 2 of 4 or 2 of 3, a cut of 50 % or 33 %.
PEAK_STRENGTH_DOSE = 0.6
#: The peak-week cut applies from this race distance up. TRAINING-RULES.md gives it for "a marathon build" and no
#: source in shared/science gives it for a shorter race. Stridelab's rule: a marathon typed as 42 km counts, as does
#: an ultra; the half marathon and shorter keep full strength in their peak weeks, as their builds lack what makes a
#: marathon's peak the season's heaviest running (the longest long runs, their last part at marathon pace), and the
#: two-week stop before the race still gives fresh legs. A race with no distance given keeps the cut, as before.
PEAK_CUT_FROM_M = 40_000.0
CUTBACK_FACTOR = 0.8
TAPER_FACTORS = (0.7, 0.5)
#: No hard run this many days (or fewer) before the race. Stridelab's rule.
NO_HARD_DAYS = 2
#: No long run this many days (or fewer) before the race: race week's long effort is the race. Stridelab's rule.
NO_LONG_DAYS = 6
#: A run the day before the race is a shake-out of at most this many minutes. Stridelab's rule: no source in
#: shared/science gives a shake-out's length, so it is the house's short, very easy run (TRAINING-RULES.md: "20–30 min
#: very easy" on a red readiness day), at its upper end, as the calendar's red-day offers are (calculators.reschedule).
SHAKE_OUT_MINUTES = RED_ALTERNATIVE_MINUTES[1]
MAX_WEEKS = 52
#: Major version of :meth:`SeasonPlan.to_dict`'s layout.
SCHEMA_VERSION = 1
DEFAULT_WEEKS = 12


@dataclass(frozen=True, kw_only=True, slots=True)
class WeekContext:
    """What the strength progression needs to know about a date: phase, strength dose, days to the race."""

    phase: str
    strength_dose: float
    days_to_race: int | None

    @property
    def strength_cut(self) -> bool:
        """Whether strength is cut to maintenance this day, as in a marathon's peak weeks (not a 10 km's, whose peak
        weeks keep it whole): the strength and running balance then aims lower."""
        return self.phase == "peak" and 0 < self.strength_dose < 1


@dataclass(frozen=True, kw_only=True, slots=True)
class SeasonWeek:
    """One week of the season: its Monday, phase, volume, strength dose and days."""

    start: date
    phase: str
    volume: float
    volume_unit: VolumeUnit
    cutback: bool
    strength_dose: float
    plan: WeekPlan
    key_sessions: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON values; the Monday as an ISO string."""
        return {
            "start": self.start.isoformat(),
            "phase": self.phase,
            "volume": self.volume,
            "volume_unit": self.volume_unit,
            "cutback": self.cutback,
            "strength_dose": self.strength_dose,
            "plan": self.plan.to_dict(),
            "key_sessions": list(self.key_sessions),
        }


@dataclass(frozen=True, kw_only=True, slots=True)
class SeasonPlan:
    """The season from the week of ``today`` to race week (or ``weeks`` weeks without a race)."""

    prefs: WeekPrefs
    today: date
    race_date: date | None
    race_distance_m: float | None
    weeks: tuple[SeasonWeek, ...]
    bent_rules: tuple[BentRule, ...] = ()
    #: The day the reader's saved plan began: the days of its first week before it were over when it was made,
    #: so nothing was planned for them. None for a plan not saved, or saved before this was recorded.
    since: date | None = None
    #: The day the season's phases and volumes were planned from, when saving again went on with a saved plan (its
    #: first weeks, before ``today``'s, are not in ``weeks``). None: from ``today``.
    climb_from: date | None = None

    def to_dict(self) -> dict[str, Any]:
        """The plan as JSON for the browser's store (dates as ISO strings); read back with ``season_from_dict``."""
        return {
            "version": SCHEMA_VERSION,
            "prefs": self.prefs.to_dict(),
            "today": self.today.isoformat(),
            "race_date": None if self.race_date is None else self.race_date.isoformat(),
            "race_distance_m": self.race_distance_m,
            "weeks": [w.to_dict() for w in self.weeks],
            "bent_rules": [{"field": b.field, "message": b.message} for b in self.bent_rules],
            "since": None if self.since is None else self.since.isoformat(),
            "climb_from": None if self.climb_from is None else self.climb_from.isoformat(),
        }

    def days(self) -> tuple[DayPlan, ...]:
        """Every day of the season in date order."""
        return tuple(day for week in self.weeks for day in week.plan.days)

    def planned_days(self) -> dict[date, DayPlan]:
        """The days the plan plans, by date: from the day it was saved (``since``) on, as the days of its first
        week before that were over when it was made. The calendar, Today and the strength log all read these."""
        return {d.day: d for d in self.days() if d.day is not None and (self.since is None or d.day >= self.since)}


def _phases(count: int, race: bool) -> list[str]:
    if not race:
        build = count // 2
        return ["base"] * (count - build) + ["build"] * build
    taper = min(2, count)
    rest = count - taper
    peak = 0 if rest == 0 else 1 if rest <= 3 else 2 if rest <= 8 else 3
    build = (rest - peak) // 2
    return ["base"] * (rest - peak - build) + ["build"] * build + ["peak"] * peak + ["taper"] * taper


def _volumes(phases: list[str], current: float, target: float, race: bool) -> list[tuple[float, bool]]:
    growing = [i for i, phase in enumerate(phases) if phase in ("base", "build")]
    cutbacks = {i for n, i in enumerate(growing) if (n + 1) % 4 == 0}
    steps = [i for i in growing if i not in cutbacks]
    span = len(steps) if race else max(1, len(steps) - 1)
    out: list[tuple[float, bool]] = []
    for i, phase in enumerate(phases):
        if phase == "peak":
            out.append((target, False))
        elif phase == "taper":
            highest = max([v for v, _ in out] + [current])
            last = i == len(phases) - 1
            out.append((highest * TAPER_FACTORS[1 if last else 0], False))
        elif i in cutbacks:
            out.append((out[-1][0] * CUTBACK_FACTOR, True))
        else:
            out.append((current + (target - current) * steps.index(i) / span, False))
    return out


def latest_race_date(today: date) -> date:
    """The furthest race day a season is planned to: :data:`MAX_WEEKS` weeks after ``today``."""
    return today + timedelta(weeks=MAX_WEEKS)


def _check(today: date, race_date: date | None, race_distance_m: float | None, weeks: int | None) -> None:
    if isinstance(today, datetime) or not isinstance(today, date):
        raise InputError("today", "Today's date is needed to plan a season.")
    if race_date is not None:
        if isinstance(race_date, datetime) or not isinstance(race_date, date):
            raise InputError("race_date", "Give the race date as a date (YYYY-MM-DD).")
        if race_date < today:  # a race today is planned: race week is this week
            raise InputError(
                "race_date", f"The race date has passed: choose today ({day_words(today, today=today)}) or later."
            )
        if race_date > latest_race_date(today):
            raise InputError(
                "race_date", f"Choose a race within the next {MAX_WEEKS} weeks; plan a later race nearer the time."
            )
    if race_distance_m is not None and not (
        isinstance(race_distance_m, int | float)
        and not isinstance(race_distance_m, bool)
        and math.isfinite(race_distance_m)
        and RACE_METERS_MIN <= race_distance_m <= RACE_METERS_MAX
    ):
        raise InputError(
            "race_distance",
            f"Race distance must be between {RACE_METERS_MIN / 1000:g} km and {RACE_METERS_MAX / 1000:g} km.",
        )
    if weeks is not None and (isinstance(weeks, bool) or not isinstance(weeks, int) or not 1 <= weeks <= MAX_WEEKS):
        raise InputError("weeks", f"Plan between 1 and {MAX_WEEKS} weeks.")


def _key_sessions(week: WeekPlan) -> tuple[str, ...]:
    keys = []
    for d in week.days:
        if d.run not in (*HARD_RUNS, "long", "race") and not d.strength:  # an easy week's lifting days are key
            continue
        text = {"tempo": "Tempo run", "intervals": "Intervals", "long": "Long run", "race": "Race"}.get(
            d.run, "Easy run"
        )
        if d.run == "race":
            # Its distance and finish time, as Today and the calendar say it; a season in minutes names no unit.
            finish = finish_words(d, None if week.volume_unit == "min" else week.volume_unit)
            if finish:
                text += f", {finish}" if week.volume_unit == "min" else f" {finish}"  # "Race, about 3:33:49"
        elif d.minutes is not None:
            text += f" {d.minutes} min"
        elif d.km is not None and week.volume_unit != "min":
            # A plan by distance without a VDOT has no minutes: its distance says the same, in the runner's unit.
            text += f" {distance_words(d.km, week.volume_unit)}"
        if d.strength:
            text += f" + Session {d.strength}" + (
                "" if d.strength_volume >= 1 else f" ({sets_share(d.strength_volume)})"
            )
        text += f" ({WEEKDAY_NAMES[d.weekday][:3]})"
        # The minutes alone do not say how to run a hard session, least of all without paces.
        fast = fast_part_words(d.run, d.fast_minutes, fast_distance(d, week.volume_unit))
        keys.append(f"{text}: {fast}" if fast else text)
    return tuple(keys)


def plan_season(
    prefs: WeekPrefs,
    *,
    today: date,
    race_date: date | None,
    race_distance_m: float | None = None,
    weeks: int | None = None,
    climb_from: date | None = None,
) -> SeasonPlan:
    """The season from the Monday of ``today``'s week to race week.

    Every week uses the same layout as :func:`plan_week` (the rules do not
    change with the phase); phase, volume and strength dose change as the
    module docstring says. ``weeks`` (1–52, default 12) sets the length only
    when there is no race. A race today or tomorrow still gives a plan (this week,
    with the race); a peak volume below the current one too, with the bent rule named.
    ``climb_from`` (a day before ``today``, in a week of the season) plans the phases and volumes from
    that day, as a plan saved then did, and keeps the weeks from ``today``'s on: a plan saved again
    goes on from where the saved one is, instead of climbing again from its current volume.

    Raises:
        InputError: ``race_date`` before today, or more than 52 weeks
            away; ``race_distance`` outside 1–50 km; ``weeks`` outside 1–52.
    """
    _check(today, race_date, race_distance_m, weeks)
    arrangement = arrange(prefs)
    bent = list(arrangement.bent_rules)
    this_monday = today - timedelta(days=today.weekday())
    start_day = climb_from if climb_from is not None and climb_from < today else today
    first = start_day - timedelta(days=start_day.weekday())
    # A race this week or next bends no rule: the season is what is left, the taper, and the page's
    # headline names the race's day.
    count = (weeks or DEFAULT_WEEKS) if race_date is None else (race_date - first).days // 7 + 1
    if prefs.peak_volume is not None and prefs.peak_volume < prefs.current_volume:
        unit = VOLUME_UNIT_WORDS[prefs.volume_unit]
        bent.append(
            BentRule(
                field="peak_volume",
                message=(
                    f"Your peak volume ({prefs.peak_volume:g} {unit}) is below your current volume "
                    f"({prefs.current_volume:g} {unit}): the plan holds {prefs.current_volume:g} {unit} and builds no "
                    "further."
                ),
            )
        )
    phases = _phases(count, race_date is not None)
    cut = race_distance_m is None or race_distance_m >= PEAK_CUT_FROM_M
    peak_dose = PEAK_STRENGTH_DOSE if cut else 1.0
    volumes = _volumes(phases, prefs.current_volume, prefs.target_volume, race_date is not None)
    season_weeks = []
    day_before = arrangement.runs[6]
    for n, (phase, (volume, cutback)) in enumerate(zip(phases, volumes, strict=True)):
        start = first + timedelta(weeks=n)
        dates = [start + timedelta(days=i) for i in range(7)]
        week_dose = {"peak": peak_dose, "taper": 0.0}.get(phase, 1.0)
        runs = list(arrangement.runs)
        doses, dose_reasons, reasons = [week_dose] * 7, [""] * 7, {}
        shake_out: dict[int, int] = {}
        for i, day in enumerate(dates):
            if phase == "peak" and peak_dose < 1:
                dose_reasons[i] = "peak-volume week: maintenance, not progression"
            if race_date is None:
                continue
            to_race = (race_date - day).days
            if 0 <= to_race <= NO_STRENGTH_DAYS:
                doses[i] = 0.0
                dose_reasons[i] = f"no strength in the last {NO_STRENGTH_DAYS} days before the race"
            if to_race == 0:
                runs[i] = "race"
                distance = "" if race_distance_m is None else f" ({race_words(race_distance_m, article=False)})"
                reasons[i] = f"Race day{distance}: what the season has built towards."
            elif to_race < 0:
                runs[i], reasons[i] = "rest", "Rest after the race."
            elif to_race == 1 and runs[i] not in ("rest", "cross"):
                # In easy weeks a tempo or interval day is only where strength goes: the run is easy already.
                plain = runs[i] == "easy" or (prefs.easy_weeks and runs[i] in HARD_RUNS)
                instead = "" if plain else f", in place of the {RUN_NAMES[runs[i]].lower()}"
                reasons[i] = (
                    f"Short easy shake-out the day before the race{instead}: {SHAKE_OUT_MINUTES} min at most "
                    "(Stridelab's rule), so you arrive fresh."
                )
                runs[i], shake_out[i] = "easy", SHAKE_OUT_MINUTES
            elif runs[i] in HARD_RUNS and to_race <= NO_HARD_DAYS and not prefs.easy_weeks:
                reasons[i] = f"Easy instead of the {runs[i]}: no hard session in the last two days before the race."
                runs[i] = "easy"
            elif runs[i] == "long" and to_race <= NO_LONG_DAYS:
                runs[i] = "easy"
                reasons[i] = f"Easy instead of the long run: none in the last {NO_LONG_DAYS} days before the race."
        running = volume
        if race_date is not None and start <= race_date < start + timedelta(weeks=1):
            # Race week: the runs left before the race get their usual share, not the whole week's volume
            # (a race tomorrow must not make today a two-hour "easy" run).
            usual = sum(run != "rest" for run in arrangement.runs)
            before = sum(run not in ("rest", "race") and day < race_date for run, day in zip(runs, dates, strict=True))
            running = volume * before / usual if usual else volume
        plan = build_week(
            runs,
            prefs,
            volume=running,
            phase=phase,
            doses=doses,
            dose_reasons=dose_reasons,
            dates=dates,
            day_before=day_before,
            reasons=reasons,
            race_distance_m=race_distance_m,
            bent_rules=arrangement.bent_rules,
            most_minutes=shake_out,
        )
        # As planned: a session too short for its structure is an easy run. An easy week's Sunday is read from its
        # layout, where a lifting day is still marked as the stress day it is (calculators.week).
        day_before = runs[6] if prefs.easy_weeks else plan.days[6].run
        season_weeks.append(
            SeasonWeek(
                start=start,
                phase=phase,
                volume=plan.volume,  # race week: the running before the race; the shake-out at its own length
                volume_unit=prefs.volume_unit,
                cutback=cutback,
                strength_dose=week_dose,
                plan=plan,
                key_sessions=_key_sessions(plan),
            )
        )
    steady = build_week(arrangement.runs, prefs, volume=prefs.current_volume)
    dated = [(w.start, w.plan) for w in season_weeks]
    # Only the weeks still to come are named: the ones before this week were the saved plan's, already run.
    ahead = [w for w in steep_weeks(steady, dated, race_date=race_date) if w.start >= this_monday]
    steep = ramp_notice(ahead, today=today)
    return SeasonPlan(
        prefs=prefs,
        today=today,
        race_date=race_date,
        race_distance_m=race_distance_m,
        weeks=tuple(w for w in season_weeks if w.start >= this_monday),
        bent_rules=(*bent, steep) if steep else tuple(bent),
        climb_from=start_day if start_day != today else None,
    )


def race_days(plan: SeasonPlan) -> tuple[date, ...]:
    """Every day ``plan`` races: its race date, and a race day among the weeks a new plan kept from the one before."""
    planned = [d.day for d in plan.days() if d.run == "race" and d.day is not None]
    return tuple(sorted({*planned, *([plan.race_date] if plan.race_date else [])}))


def week_context(plan: SeasonPlan, day: date) -> WeekContext | None:
    """The phase, strength dose and days to the race on ``day``; ``None`` outside the plan's weeks.

    The dose is the day's: 0.0 in the last 14 days before the race even when
    the week started earlier (TRAINING-RULES.md). In the days after one of the plan's races
    (:mod:`calculators.after_race`, Stridelab's rule), even once the plan has ended, ``days_to_race`` counts back
    from it (−1 the day after) and the dose is none, then lighter; the next season starts at base.
    """
    race = last_race(race_days(plan), day)
    if race is not None:
        since = (day - race).days
        return WeekContext(
            phase="base", strength_dose=0.0 if since <= NO_LIFT_DAYS else LIGHTER_DOSE, days_to_race=-since
        )
    for week in plan.weeks:
        if week.start <= day < week.start + timedelta(days=7):
            to_race = None if plan.race_date is None else (plan.race_date - day).days
            dose = week.strength_dose
            if to_race is not None and 0 <= to_race <= NO_STRENGTH_DAYS:
                dose = 0.0
            return WeekContext(phase=week.phase, strength_dose=dose, days_to_race=to_race)
    return None


def next_strength_day(plan: SeasonPlan, start: date) -> DayPlan | None:
    """The first planned day on or after ``start`` with a strength session; None when the plan has none left."""
    days = plan.planned_days()
    return next((days[d] for d in sorted(days) if d >= start and days[d].strength), None)


def season_violations(plan: SeasonPlan) -> tuple[str, ...]:
    """Every hard rule broken anywhere in the season, dated, across week boundaries too."""
    found: list[str] = []
    previous: DayPlan | None = None
    for week in plan.weeks:
        when = f"Week of {day_words(week.start, today=plan.today)}"
        found.extend(
            f"{when}: {text}" for text in rule_violations(week.plan, cyclic=False, easy_weeks=plan.prefs.easy_weeks)
        )
        if previous is not None:
            first = week.plan.days[0]
            pair_runs, pair_strength = [previous.run, first.run], [previous.strength, first.strength]
            for code, i in violations(pair_runs, pair_strength, cyclic=False, easy_weeks=plan.prefs.easy_weeks):
                if i == 1 and code in ("stacked-stress", "long-after-stress", "strength-after-stress"):
                    found.append(f"{when}: {describe((code, 7), pair_runs)}")
        previous = week.plan.days[6]
    return tuple(found)

"""Readiness for tomorrow: morning HRV and combined load give a verdict, the drivers and tomorrow's easy run.

The verdict table, the form-% bands and the easy-run numbers are Stridelab's
house rules (TRAINING-RULES.md, "House rules"; ours where no source gives a
number). They lean on: Kiviniemi AM et al. 2007 (Eur J Appl Physiol 101:743 —
HRV-guided training: low intensity or rest when HRV falls, and the two-day
rule); Plews DJ et al. 2013 (Sports Med 43:773) and 2014 (Int J Sports Physiol
Perform 9:783): the 7-day rolling mean of ln rMSSD, from ≥ 3 readings a week;
Vesterinen V et al. 2016 (Med Sci Sports Exerc 48:1347: the 60-day normal
range ± 0.5 SD); Daniels J, *Daniels' Running Formula* (E running at 65–79 %
of HR max, whose top is the HR cap).

The verdict is made here from its parts: the HRV words (:mod:`calculators.readiness_hrv`), when the load counts and its
words (:mod:`calculators.readiness_load`), what the plan says about the day (:mod:`calculators.readiness_plan`) and
the run the verdict makes of it (:mod:`calculators.readiness_easy_run`).
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal, TypeAlias

from calculators.errors import InputError
from calculators.hrv import HISTORY_DAYS_MIN, HrvStatus, hrv_status
from calculators.load import (
    HR_MAX_RANGE,
    FitnessFatigue,
    Ramp,
    acwr,
    check_heart_rates,
    fitness_fatigue,
    seed_load,
)
from calculators.readiness_easy_run import RED_ALTERNATIVE_MINUTES, EasyRun, Level, easy_run
from calculators.readiness_hrv import average_and_range, hrv_driver, morning_against_average, mornings_to_range
from calculators.readiness_load import (
    FORM_HEAVY_PCT,
    FORM_HISTORY_DAYS,
    FORM_VERY_HEAVY_PCT,
    RAMP_HIGH,
    RAMP_HISTORY_DAYS,
    counts_from,
    form_driver,
    load_stage,
    ramp_driver,
    recent_ratio,
    threshold_ratio,
    young_load_driver,
)
from calculators.readiness_plan import (
    ACCEPTED,
    DEFAULT_EASY_MINUTES,
    NO_MINUTES,
    PlannedDay,
    stand_in_km,
    stand_in_minutes,
)
from calculators.units import PaceUnit

__all__ = [
    "HARD_RUNS",
    "PACE_MAX",
    "PACE_MIN",
    "Readiness",
    "TomorrowAdvice",
    "readiness",
]

State: TypeAlias = Literal["green", "amber", "red", "building"]

#: Planned sessions the advice may keep, swap or make easy. The long run is
#: aerobic, but too long to carry on an amber or red day, so it counts here.
HARD_RUNS = frozenset({"tempo", "intervals", "long"})
SORENESS_BAD, SLEEP_SHORT_H = 4, 6.0
#: One step worse (TRAINING-RULES.md: soreness ≥ 4 of 5 or sleep under 6 h). The table is silent on a verdict with HRV
#: not used yet; Stridelab's rule: the step is taken on the load-only verdict, the level its advice follows, so a
#: sore or short-slept morning counts the same with or without an HRV device (check-ins need no rMSSD).
STEP_WORSE: dict[Level, Level] = {"green": "amber", "amber": "red", "red": "red"}
PACE_MIN, PACE_MAX = 150.0, 900.0  # s/km: 2:30/km to 15:00/km


@dataclass(frozen=True, kw_only=True, slots=True)
class TomorrowAdvice:
    """What to do with a hard session planned tomorrow, and why: ``action`` is what the verdict does with it ("swap":
    amber, the session gives way to an easy run), ``says`` the same in the page's short words ("swap it", or "run it
    easy" when the week has no easy day to swap with), ``reason`` the advice in full and ``why`` its closing part, the
    inputs it rests on ("" when none counts yet), which a page keeps when it words the advice as the training
    calendar's offer. ``in_place``: the day's run is an easy run in the session's place, which is left out this week
    (amber, with no easy day later in the week to swap with), so the day's card shows that easy run, not the session.
    """

    action: Literal["keep", "swap", "make easy"]
    says: str
    reason: str
    why: str = ""
    in_place: bool = False


@dataclass(frozen=True, kw_only=True, slots=True)
class Readiness:
    """The verdict for tomorrow.

    ``state`` is ``"building"`` while HRV cannot be used yet; ``level`` is the
    severity the prescription follows (equal to ``state`` otherwise, and the
    load-only verdict while building). ``drop_strength`` is True on a red day when tomorrow has a strength
    session planned, or nothing is planned (a reader without a plan may lift all the same).
    ``next_easy_run`` is None when tomorrow's hard session or race stays as
    planned: there is no easy run to prescribe, only ``hard_day``. ``causes`` names, in short words, what moved
    the verdict off green (HRV, load, soreness, sleep), so the headline says what it rests on; ``load_counts`` is
    True once the logged load is long enough for form or the ramp to count. ``rest_day`` is True when the plan rests
    that day: a worse verdict then has no run to ease, so its words say to rest as planned. ``worse_by`` names the
    morning's soreness or short sleep that moved the verdict one step worse (:data:`STEP_WORSE`), and ``worse_from``
    the level it had before (None when nothing moved it). ``morning_back`` is, while the 7-day average is below the
    range, the verdict morning's reading back within or above it in short words ("the latest morning's 76 ms is above
    the range"), for a page with room for one line; the drivers say it in full. ``race_day`` is True when the plan
    races that day: the race is kept whatever the colour (:func:`_advice`), so the verdict's words say so.
    """

    state: State
    level: Level
    drivers: tuple[str, ...]
    causes: tuple[str, ...]
    load_counts: bool
    next_easy_run: EasyRun | None
    hard_day: TomorrowAdvice | None
    drop_strength: bool
    rest_day: bool
    race_day: bool
    hrv: HrvStatus
    load: FitnessFatigue
    ramp: Ramp
    worse_by: tuple[str, ...] = ()
    worse_from: Level | None = None
    morning_back: str | None = None

    @property
    def hrv_not_recent(self) -> date | None:
        """The last reading's date when HRV has its 14 days of history but under 3 readings in the last 7: the
        house rule's load-only advice still applies, but the reader stopped logging, not started, so the pages say
        "HRV too sparse" (:func:`calculators.readiness_hrv.sparse_words`), never "baseline still building". None
        otherwise."""
        hrv = self.hrv
        if self.state != "building" or hrv.latest is None or hrv.history_days < HISTORY_DAYS_MIN:
            return None
        return hrv.latest


def _check_inputs(
    easy_pace: tuple[float, float] | None,
    hr_rest: float | None,
    hr_max: float | None,
    soreness: int | None,
    sleep_hours: float | None,
) -> None:
    if hr_rest is not None and hr_max is not None:
        check_heart_rates(hr_rest, hr_max)
    elif hr_max is not None:
        HR_MAX_RANGE.check(hr_max, "hr_max")
    if easy_pace is not None:
        fast, slow = easy_pace
        if not all(math.isfinite(p) and PACE_MIN <= p <= PACE_MAX for p in easy_pace) or fast > slow:
            raise InputError("easy_pace", "Easy pace must be a range from 2:30 to 15:00 per km, faster end first.")
    if soreness is not None and soreness not in range(1, 6):
        raise InputError("soreness", "Soreness is a whole number from 1 (none) to 5 (very sore).")
    if sleep_hours is not None and not (math.isfinite(sleep_hours) and 0 <= sleep_hours <= 24):
        raise InputError("sleep_hours", "Sleep must be between 0 and 24 hours.")


def _advice(level: Level, run: str, why: str, basis: str, day: str, strength: bool, swap: bool) -> TomorrowAdvice:
    """``basis`` names what a green verdict rests on: only the inputs that count; ``day`` is "tomorrow", or "today" for
    a morning's own verdict; ``why`` may be empty (no HRV logged and a load too young to count). The long run is named
    as what it is, a long easy run, never "a hard day"; ``strength`` says whether the day has a strength session the
    advice must speak of (the long run has none); ``swap`` whether the plan's week has an easy day later on to swap with
    (:func:`calculators.readiness_plan.next_easy_day`): without one, an amber day runs easy in the session's place and
    leaves it out this week, as the training calendar then offers, never a swap with a day that does not exist."""
    said = f" {why}" if why else ""
    if run == "race":
        pacing = "" if level == "green" else ": start conservatively"
        # The evening before, "It is race day" reads as today: name the day the verdict is for.
        reason = f"{day.capitalize()} is race day{pacing}.{said}"
        return TomorrowAdvice(action="keep", says="keep it", reason=reason, why=why)
    if level == "green":
        kept = f"{basis} {'a long run' if run == 'long' else 'a hard day'}.{said}"
        return TomorrowAdvice(action="keep", says="keep it", reason=kept, why=why)
    if level == "amber" and swap:
        moves = "; the strength session moves with it" if strength else ""
        reason = f"Swap it with your next easy day and run easy {day}{moves}.{said}"
        return TomorrowAdvice(action="swap", says="swap it", reason=reason, why=why)
    if level == "amber":
        lift = ", no strength" if strength else ""
        reason = (
            f"Your plan has no easy day later this week to swap it with: run easy {day} instead, shorter and "
            f"slower{lift}, and leave the session out this week.{said}"
        )
        return TomorrowAdvice(action="swap", says="run it easy", reason=reason, why=why, in_place=True)
    drop = "; drop strength that day" if strength else ""
    reason = f"Make {day} easy (or rest) and move the session later in the week{drop}.{said}"
    return TomorrowAdvice(action="make easy", says="make it easy", reason=reason, why=why)


def readiness(
    *,
    hrv_readings: Mapping[date, float],
    daily_loads: Mapping[date, float],
    easy_pace: tuple[float, float] | None,
    hr_rest: float | None,
    hr_max: float | None,
    tomorrow: PlannedDay | None,
    next_easy: PlannedDay | None = None,
    plan_easy: int | None = None,
    plan_easy_km: float | None = None,
    soreness: int | None = None,
    sleep_hours: float | None = None,
    run_weekdays: Collection[int] = (),
    usual_easy: int | None = None,
    today: date,
    morning: bool = False,
    unit: PaceUnit = "km",
) -> Readiness:
    """Tomorrow's verdict, its drivers in words, tomorrow's easy run and advice for a planned hard day.

    House rule table (TRAINING-RULES.md; ours): under 14 days of HRV history or under 3 readings in the last 7 days →
    "building" (load-only advice); HRV within/above → green, or amber when form % < −50 or ramp > 1.5; HRV below →
    amber, or red when form % < −30 or HRV was also below yesterday (Kiviniemi et al. 2007, two days running: both
    mornings with a reading of their own). Soreness ≥ 4/5 or sleep under 6 h moves the verdict one step worse. Form is
    tomorrow's starting form (fitness − fatigue at the end of today); the ramp includes today's load. Both start from
    the runner's usual week in their first 3 weeks of logs (:func:`calculators.load.seed_load`), or zero before then;
    the ramp counts from those 3 weeks, form only from 126 days (:data:`calculators.readiness_load.FORM_HISTORY_DAYS`):
    see the house rule above :data:`calculators.readiness_load.FILLED_SHARE`.

    ``easy_pace`` is (fast, slow) s/km; ``hr_rest`` only enters the range check. ``next_easy`` is the plan's next easy
    day (:func:`calculators.readiness_plan.next_easy_day`): an amber swap brings it forward to tomorrow, so its minutes
    set tomorrow's run; without one, ``plan_easy``, the plan week's easy run
    (:func:`calculators.readiness_plan.plan_easy_minutes`), does, as the training calendar's easy offer has it. A hard
    session or race kept tomorrow gets no easy run at all. ``run_weekdays`` are the profile's run days (0 = Monday):
    with no plan, a tomorrow outside them is a rest day, not Stridelab's usual easy run. ``usual_easy`` is the reader's
    usual easy run in minutes (:func:`calculators.readiness_plan.usual_easy_minutes`): where the plan gives no minutes,
    it replaces :data:`calculators.readiness_plan.DEFAULT_EASY_MINUTES`. An easy run the plan sizes by distance alone,
    tomorrow's own or the one a swap brings forward (:func:`calculators.readiness_plan.stand_in_km`), is given by that
    distance, in the reader's ``unit`` (whatever the plan's: :mod:`calculators.readiness_easy_run`); with no easy day
    left to swap with, ``plan_easy_km``, the plan week's (:func:`calculators.readiness_plan.plan_easy_km`), is.

    With ``morning``, the verdict is remade on tomorrow's own morning from its check-in: ``hrv_readings``
    then run to tomorrow (the reading HRV-guided training decides the day by, Kiviniemi et al. 2007) and
    ``soreness`` and ``sleep_hours`` are that morning's; the load still ends today, the day before.

    Raises:
        InputError: a reading or load out of range or in the future, a bad pace
            range, heart rates, soreness (1–5) or sleep (0–24 h).
    """
    _check_inputs(easy_pace, hr_rest, hr_max, soreness, sleep_hours)
    hrv_day = today + timedelta(days=1) if morning else today
    when = "today" if morning else "tomorrow"  # the day the verdict is for, as its words name it
    hrv = hrv_status(hrv_readings, today=hrv_day)
    seed = seed_load(daily_loads, today=today)  # the log ends today: tomorrow's model starts from the same week
    load = fitness_fatigue(daily_loads, today=today + timedelta(days=1), seed=seed)
    ramp = acwr(daily_loads, today=today, seed=seed)

    hrv_line = hrv_driver(hrv)
    drivers = [] if hrv_line is None else [hrv_line]
    back_in = mornings_to_range(hrv_readings, hrv_day) if hrv.state == "below" else None
    morning_words = morning_against_average(hrv, hrv_readings.get(hrv_day), back_in)
    if morning_words is not None:
        drivers.append(morning_words[0])
    form_pct = load.form_pct
    logged_days = load.history_days - 1  # the model runs to tomorrow; the log ends today
    seeded = seed is not None
    form_counts = form_pct is not None and load_stage(logged_days, FORM_HISTORY_DAYS, seeded=seeded) == "settled"
    # Form is listed only once it counts: before then it leans on its start (−300 % after a steady week from zero, or
    # a seeded start from odd first weeks), and a number that does not count must not stand among the reasons.
    if form_pct is None:
        drivers.append("no training load logged yet")
    elif not form_counts:
        drivers.append(young_load_driver(min(daily_loads), logged_days, today, seeded=seeded))
    else:
        drivers.append(form_driver(form_pct))
    load_line = drivers[-1]
    ramp_stage = load_stage(logged_days, RAMP_HISTORY_DAYS, seeded=seeded)
    ramp_counts = ramp.ratio is not None and ramp_stage != "young"
    # The ramp is one of the two load figures the verdict uses: once it counts it is named with its number, whichever
    # way it points, so a verdict that rests on load never leaves the reader to guess which figure it read.
    settled_from = counts_from(min(daily_loads), RAMP_HISTORY_DAYS) if ramp_stage == "settling" else None
    ramp_line = ramp_driver(ramp.ratio, settled_from, today) if ramp_counts and ramp.ratio is not None else None
    if ramp_line is not None:
        drivers.append(ramp_line)
    very_heavy = form_counts and form_pct is not None and form_pct < FORM_VERY_HEAVY_PCT
    heavy = form_counts and form_pct is not None and form_pct < FORM_HEAVY_PCT
    ramp_high = ramp_counts and ramp.ratio is not None and ramp.ratio > RAMP_HIGH

    level: Level
    causes: list[str] = []
    if hrv.state == "below":
        yesterday = hrv_day - timedelta(days=1)
        two_days = hrv_status({d: v for d, v in hrv_readings.items() if d <= yesterday}, today=yesterday)
        # Two mornings running (Kiviniemi et al. 2007): each day below with its own reading. Without one, a day's
        # average is the day before's readings again, and the same low morning would count twice.
        mornings = hrv_day in hrv_readings and yesterday in hrv_readings
        running = two_days.state == "below" and mornings
        if running:
            drivers.append("7-day HRV average below your normal range two days running")
        # What was compared, with its numbers: the average against the range, and the morning when it disagrees.
        average, normal = average_and_range(hrv)
        compared = [f"{average} against {normal}", *([morning_words[1]] if morning_words else [])]
        causes.append(
            f"7-day HRV average below your normal range{' two days running' if running else ''} ({'; '.join(compared)})"
        )
        if heavy and form_pct is not None:
            causes.append(
                f"heavy recent training load ({recent_ratio(form_pct)} times your 6-week level, over "
                f"{threshold_ratio(FORM_HEAVY_PCT)})"
            )
        level = "red" if heavy or (two_days.state == "below" and mornings) else "amber"
    else:
        if very_heavy and form_pct is not None:
            causes.append(
                f"very heavy recent training load ({recent_ratio(form_pct)} times your 6-week level, over "
                f"{threshold_ratio(FORM_VERY_HEAVY_PCT)})"
            )
        if ramp_high and ramp.ratio is not None:
            causes.append(f"training load rising fast (load ramp {ramp.ratio:.2f}, above {RAMP_HIGH:g})")
        level = "amber" if very_heavy or ramp_high else "green"

    worse = []
    if soreness is not None and soreness >= SORENESS_BAD:
        worse.append(f"soreness {soreness} of 5")
    if sleep_hours is not None and sleep_hours < SLEEP_SHORT_H:
        worse.append(f"sleep {sleep_hours:g} h (under {SLEEP_SHORT_H:g} h)")
    before = level
    if worse:
        drivers.extend(worse)
        causes.extend(worse)
        level = STEP_WORSE[level]  # also while HRV is not used yet: the load-only verdict (house rule above)

    run = tomorrow.run if tomorrow is not None else "easy"
    hard = run in HARD_RUNS or run == "race"
    # The easy run's minutes: tomorrow's own, or in place of a hard session the calendar's stand-in (the easy day a
    # swap brings forward, else the plan week's, else the default, never over the session's own); the summary says
    # which. A race's minutes are no easy run's, so they are not checked against an easy run's limits.
    basis: str | None = None
    # Where the plan gives none, the reader's usual easy run, else the default; or, by distance alone, the plan's km.
    planned, usual = (usual_easy, True) if usual_easy else (DEFAULT_EASY_MINUTES, False)
    km: float | None = None
    checked = (
        ("tomorrow.minutes", tomorrow if run != "race" else None),
        ("next_easy.minutes", next_easy if hard else None),
    )
    for field, given in checked:
        if given is not None and given.minutes and not (math.isfinite(given.minutes) and 0 < given.minutes <= 600):
            raise InputError(field, "Planned minutes must be between 1 and 600.")
    if tomorrow is None:
        basis = f"nothing is planned for {when}"
    elif hard:
        planned, basis, usual = stand_in_minutes(tomorrow, next_easy, plan_easy, usual_easy)
        by_distance = stand_in_km(tomorrow, next_easy, plan_easy_km)
        if by_distance is not None:
            (km, basis), usual = by_distance, False
    elif (tomorrow.cut_from or tomorrow.cut_from_km) and level == "amber":
        # The amber run accepted on the training calendar is stored cut already: given again from what it was cut
        # from, so the reader sees after Accept the run they accepted, not a cut of it.
        planned, basis, usual, km = tomorrow.cut_from or planned, ACCEPTED, False, tomorrow.cut_from_km
    elif tomorrow.minutes:
        planned, usual = round(tomorrow.minutes), False
    elif tomorrow.km:
        km, usual = tomorrow.km, False  # named as the plan names it, and cut from it, never from minutes it lacks
    else:
        basis = NO_MINUTES
    if level == "red" and hard and tomorrow is not None and (tomorrow.minutes or tomorrow.km):
        # The red day's very easy alternative replaces the session itself, not the easy run an amber swap would bring
        # forward: never over the session (RED_ALTERNATIVE_MINUTES), by its distance where the plan gives no minutes.
        planned = round(tomorrow.minutes) if tomorrow.minutes else planned
        km, usual = (None if tomorrow.minutes else tomorrow.km), False
    easy: EasyRun | None
    # Without a plan the profile's run days say whether tomorrow is a running day at all: inventing an easy run
    # on a day the reader does not run would be advice they cannot follow.
    off_day = tomorrow is None and bool(run_weekdays) and (today + timedelta(days=1)).weekday() not in run_weekdays
    if off_day:
        # The optional short run is the red day's very easy alternative: the slow half of E, the lower HR cap.
        low, high = RED_ALTERNATIVE_MINUTES
        easy = replace(
            easy_run("red", RED_ALTERNATIVE_MINUTES[1], basis, easy_pace, hr_max),  # no run planned to stay under
            summary=f"{when.capitalize()} is not one of your run days: rest, or an easy {low}–{high} min if you want "
            "to move.",
        )
    elif run == "rest":
        easy = EasyRun(
            rest=True,
            minutes=None,
            minutes_range=None,
            pace_s_per_km=None,
            hr_cap=None,
            summary="Rest day, as planned.",
        )
    elif hard and (level == "green" or run == "race"):
        easy = None  # the session stays: only the hard-day advice applies, no easy run to invent
    else:
        easy = easy_run(level, planned, basis, easy_pace, hr_max, usual=usual, km=km, unit=unit)

    # The advice repeats what counted: the HRV line, and the load line only once the load counts.
    said = [
        *([hrv_line] if hrv_line else []),
        *([load_line] if form_counts else []),
        *([ramp_line] if ramp_line else []),
    ]
    why = "; ".join(said) + "." if said else ""
    # A green verdict names only what it rests on: HRV once it is used, load once it counts.
    grounds = {
        (True, True): "Recovery and load allow",
        (True, False): "Recovery allows",
        (False, True): "Your load allows",
        (False, False): "Nothing in your logs yet speaks against",
    }[(hrv.state != "building", form_counts or ramp_counts)]
    lifts = tomorrow is not None and tomorrow.strength is not None
    swap = next_easy is not None
    hard_day = _advice(level, run, why, grounds, when, lifts, swap) if hard else None
    return Readiness(
        state="building" if hrv.state == "building" else level,
        level=level,
        drivers=tuple(drivers),
        causes=tuple(causes),
        load_counts=form_counts or ramp_counts,
        next_easy_run=easy,
        hard_day=hard_day,
        drop_strength=level == "red" and (tomorrow is None or tomorrow.strength is not None),
        rest_day=run == "rest",
        race_day=run == "race",
        hrv=hrv,
        worse_by=tuple(worse),
        worse_from=before if worse else None,
        morning_back=morning_words[1] if morning_words is not None and hrv.state == "below" else None,
        load=load,
        ramp=ramp,
    )

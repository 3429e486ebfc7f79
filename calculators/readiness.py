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
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal, Protocol, TypeAlias

from calculators.date_words import day_words
from calculators.errors import InputError
from calculators.hrv import HISTORY_DAYS_MIN, READINGS_MIN, HrvStatus, edge_digits, hrv_status, ms_text
from calculators.load import (
    CHRONIC_DAYS,
    FITNESS_DAYS,
    HR_MAX_RANGE,
    SEED_DAYS,
    FitnessFatigue,
    Ramp,
    acwr,
    check_heart_rates,
    days_to_fill,
    ewma_kept,
    fitness_fatigue,
    model_kept,
    seed_load,
)
from calculators.planner_sessions import TALK_TEST
from calculators.units import PaceUnit, count, distance_in

__all__ = [
    "DEFAULT_EASY_MINUTES",
    "FORM_HISTORY_DAYS",
    "FORM_HISTORY_WORDS",
    "HARD_RUNS",
    "RAMP_HISTORY_DAYS",
    "RAMP_HISTORY_WORDS",
    "RAMP_SAME_BAND",
    "SEED_WORDS",
    "EasyRun",
    "PlannedDay",
    "Readiness",
    "TomorrowAdvice",
    "amber_km",
    "amber_minutes",
    "counts_from",
    "easy_run",
    "first_reading_words",
    "km_range_words",
    "load_stage",
    "next_easy_date",
    "next_easy_day",
    "plan_easy_km",
    "plan_easy_minutes",
    "readiness",
    "red_minutes",
    "red_run_words",
    "shows_after",
    "sparse_words",
    "stand_in_km",
    "stand_in_minutes",
    "usual_easy_minutes",
]

State: TypeAlias = Literal["green", "amber", "red", "building"]
Level: TypeAlias = Literal["green", "amber", "red"]

#: The guide's easy days are 50–60 or 40 min; 50 when the plan gives no number (and the page says so).
DEFAULT_EASY_MINUTES = 50
#: A reader's usual easy run, when the plan gives no minutes: the median length of the runs logged in the last 4 weeks
#: at RPE 4 or under ("somewhat hard" on Foster's CR-10 anchors, load.RPE_WORDS: a beginner's easy run may feel so; a
#: race or a hard session is rated above it). Stridelab's choice; never longer than the default.
USUAL_EASY_DAYS, USUAL_EASY_RPE_MAX = 28, 4.0
#: Planned sessions the advice may keep, swap or make easy. The long run is
#: aerobic, but too long to carry on an amber or red day, so it counts here.
HARD_RUNS = frozenset({"tempo", "intervals", "long"})
#: Form as a share of fitness: "heavy" below −30 %, "very heavy" below −50 % (house rule).
FORM_HEAVY_PCT, FORM_VERY_HEAVY_PCT = -30.0, -50.0
#: Acute:chronic ramp above which load alone turns the verdict amber (house rule).
RAMP_HIGH = 1.5
#: Days of logged load before form and the ramp are settled (house rule): one rule for both, the day the average each
#: is read against would hold 95 % of a steady load had it started from zero (:data:`FILLED_SHARE`). Fitness, kept
#: e^(−1/42) a day, holds 63 % after 42 days and 95 % after 126; the chronic load, kept 27/29 a day (λ = 2/29), 86 %
#: after 28 and 95 % after 42. Started from zero, 8 steady days read as form below −300 % and a ramp near 2, and six
#: weeks of the same load every day still as form −58 % ("very heavy").
#:
#: So once the log has :data:`calculators.load.SEED_DAYS` (3 weeks) the averages start from the runner's own usual
#: week instead (:func:`calculators.load.seed_load`: the median of those three weeks' totals, rest days as zero, as
#: intervals.icu and TrainingPeaks let a runner set a starting fitness), and form and the ramp are shown from then,
#: "still settling" until the spans above. Three whole weeks: the fewest whose median leaves out one odd week (the
#: median of two is their mean). The maths, over days 21 to 125 of the same week every week (two 40-minute easy runs
#: at RPE 3, a 2-hour long run at RPE 5): started from that week, form reads at lowest −25 % and the ramp at most 1.44;
#: after a year of the same weeks, −24 % and 1.43; started from zero, −80 % and 1.48 even counted from day 42. With
#: nothing logged in the second week (ill), −34 % and 1.66 against a year's −33 % and 1.65 (the mean of the three
#: weeks would read −58 %). A steady load reads form 0 % and a ramp of 1.00 from day 21. But the start keeps its
#: weight: in fitness 61 % at 21 days, 37 % at 42 and 5 % at 126; in the chronic load 22 % at 21 days and 5 % at 42.
#: Two easy first weeks at half the usual load (just after a marathon) read as form −81 % where a year of history
#: reads −32 %, and the ramp 1.75 against 1.61. Hence the verdict: the ramp sets it from 3 weeks (its start weighs a
#: fifth and is gone within weeks; that example is over 1.5 either way), form only from 126 days, as before the start
#: was seeded: a very heavy form in its first months can be the start alone. After 126 days the start weighs under
#: 5 % and fades; a log over a year long starts from zero again (:data:`calculators.load.SEED_KEPT_DAYS`), so a long
#: history reads exactly as it did. First weeks with next to nothing logged (two of the three empty) give no usual
#: week to start from: the averages start from zero, and form and the ramp wait for the spans above, as they did.
FILLED_SHARE = 0.95
FORM_HISTORY_DAYS = days_to_fill(model_kept(FITNESS_DAYS), FILLED_SHARE)
RAMP_HISTORY_DAYS = days_to_fill(ewma_kept(CHRONIC_DAYS), FILLED_SHARE)
#: The same spans as a runner reads them (all whole weeks: 18, 6 and 3).
FORM_HISTORY_WORDS, RAMP_HISTORY_WORDS = f"{FORM_HISTORY_DAYS // 7} weeks", f"{RAMP_HISTORY_DAYS // 7} weeks"
SEED_WORDS = f"{SEED_DAYS // 7} weeks"
#: Where form or the ramp stands: not shown ("young", before :data:`calculators.load.SEED_DAYS`), shown but "still
#: settling", or settled.
LoadStage: TypeAlias = Literal["young", "settling", "settled"]
#: A ramp that rounds to within this of 1.00 (0.90–1.10) is worded "about the same as" your usual load (Stridelab's
#: choice, no published band): a load the same every day, started from zero, still reads 1.05 on the day the ramp
#: starts to count, and a weekly pattern swings round 1.00 whatever the start; calling that "heavier" tells a steady
#: runner their load is rising; a change of a tenth or more is named.
RAMP_SAME_BAND = 0.10
#: HR caps as shares of HR max: the top of Daniels' E band (65–79 %), and lower on an amber day (house rule).
#: A cap is an upper limit, so it is rounded down to the whole beat: never above its percentage.
HR_CAP_EASY, HR_CAP_AMBER = 0.79, 0.75
#: Amber days run 60–70 % of the planned minutes, never under 20 (house rule), nor over the run it replaces
#: (Stridelab's rule: the floor keeps a cut run worth going out for, and an easy day already that short stays as
#: planned, never lengthened). A run the plan sizes by distance alone (km or miles, no VDOT to time it) is cut by
#: the same share of its distance (:func:`amber_km`), in the plan's unit: without a pace the floor cannot be said
#: in distance, and a share of a distance is never over it.
AMBER_SHARE, AMBER_MINUTES_MIN = (0.60, 0.70), 20
#: Red days: rest, or 20–30 min very easy or cross-training (house rule), never over the run it replaces (Stridelab's
#: rule, as for amber: a 15-minute easy day offers 15 min, never 20–30; :func:`red_minutes`). A run the plan sizes by
#: distance alone is offered up to that distance, in the plan's unit, and still no more than 30 min: without a pace
#: the minutes cannot be said in distance, so both limits are named (:func:`red_run_words`).
RED_ALTERNATIVE_MINUTES = (20, 30)
#: A newest HRV reading this many days before the verdict's morning is named beside the average: the reader
#: has missed at least one morning since (house rule; the evening's verdict expects that day's reading).
STALE_READING_DAYS = 2
SORENESS_BAD, SLEEP_SHORT_H = 4, 6.0
#: The easy-run basis when an amber swap brings the next easy day forward to tomorrow, and when the session's own
#: fewer minutes cap the easy run in its place; and when, with no easy day left to swap with, the plan week's own easy
#: run (:func:`plan_easy_minutes`) sets the minutes.
SWAPPED, CAPPED, PLAN_WEEK = "swapped", "capped", "plan week"
#: The easy-run basis when the day is the amber verdict's run already, accepted on the training calendar
#: (:attr:`PlannedDay.cut_from`).
ACCEPTED = "accepted"
#: Why a run's minutes are the reader's usual easy run (or the default): a plan by distance gives its runs no minutes.
NO_MINUTES = "your plan gives no minutes for it"
#: The same when the run is the week's next easy run, brought forward by an amber swap: "it" would read as the session.
SWAP_NO_MINUTES = "your plan gives your next easy day's run no minutes"
PACE_MIN, PACE_MAX = 150.0, 900.0  # s/km: 2:30/km to 15:00/km


class PlannedDay(Protocol):
    """What readiness needs from the planner's ``DayPlan``: the run type, its planned minutes or distance and strength
    session."""

    @property
    def run(self) -> str: ...

    @property
    def minutes(self) -> float | None: ...

    @property
    def km(self) -> float | None:
        """The planned distance: a plan by distance without a VDOT gives its runs this and no minutes."""
        ...

    @property
    def strength(self) -> str | None: ...

    @property
    def cut_from(self) -> int | None:
        """The minutes a verdict cut the day's easy run from when the reader accepted it as the verdict's run."""
        ...

    @property
    def cut_from_km(self) -> float | None:
        """The same for a run planned by distance alone: the km the verdict cut it from."""
        ...


class LoggedRun(Protocol):
    """What the usual easy run needs from a logged run: its day, its length and how hard it felt (CR-10)."""

    @property
    def day(self) -> date: ...

    @property
    def duration_s(self) -> float: ...

    @property
    def rpe(self) -> float: ...


def usual_easy_minutes(runs: Iterable[LoggedRun], today: date) -> int | None:
    """The reader's usual easy run in whole minutes (:data:`USUAL_EASY_DAYS`, :data:`USUAL_EASY_RPE_MAX`), never over
    :data:`DEFAULT_EASY_MINUTES`; None without such a run. Stridelab's 50 min may be longer than anything a beginner
    has run: their own runs say what an easy run is for them.

    >>> from types import SimpleNamespace as Run
    >>> today = date(2027, 2, 14)
    >>> runs = [Run(day=today - timedelta(days=n), duration_s=m * 60, rpe=r) for n, m, r in
    ...         [(1, 30, 9), (3, 35, 3), (5, 45, 4), (8, 30, 3), (40, 60, 3)]]
    >>> usual_easy_minutes(runs, today)  # the race (RPE 9) and a run 40 days back do not count
    35
    >>> usual_easy_minutes([], today) is None
    True
    """
    first = today - timedelta(days=USUAL_EASY_DAYS - 1)
    recent = [r.duration_s / 60 for r in runs if first <= r.day <= today and r.rpe <= USUAL_EASY_RPE_MAX]
    if not recent:
        return None
    return min(DEFAULT_EASY_MINUTES, max(1, round(statistics.median(recent))))


def next_easy_date(days: Mapping[date, PlannedDay], tomorrow: date) -> date | None:
    """The date of the plan's first easy run after ``tomorrow`` in the same plan week (Monday to Sunday): the run an
    amber swap brings forward. Not beyond the week, as the training calendar's swap never moves a session out of its
    week (:mod:`calculators.reschedule`): a next week's easy run named here would be a swap it cannot make. An easy run
    by what it is, whatever it is sized in: a plan by distance gives its easy runs no minutes, and they swap all the
    same."""
    for n in range(1, 7 - tomorrow.weekday()):
        day = days.get(tomorrow + timedelta(days=n))
        if day is not None and day.run == "easy":
            return tomorrow + timedelta(days=n)
    return None


def next_easy_day(days: Mapping[date, PlannedDay], tomorrow: date) -> PlannedDay | None:
    """The plan's easy run an amber swap brings forward to ``tomorrow`` (:func:`next_easy_date`), or None."""
    found = next_easy_date(days, tomorrow)
    return None if found is None else days[found]


def plan_easy_minutes(days: Mapping[date, PlannedDay], day: date) -> int | None:
    """The plan's easy run in the plan week (Monday to Sunday) of ``day``, in whole minutes: the shortest easy run with
    minutes on any day of that week, before or after ``day``; None when the week has none.

    Any day of the week, as the easy days left after ``day`` are exactly the ones an amber swap would take
    (:func:`next_easy_date`): this is the fallback when none is left, so the days already behind count too. The
    shortest, as an amber day eases back (never the longer easy run of a week that has two lengths), and it is the
    rule the training calendar's easy offer has always used for a week's easy run (:mod:`calculators.reschedule`).

    An easy run accepted as a verdict's (:attr:`PlannedDay.cut_from`) counts as the run it was cut from: a later
    amber day cuts the week's easy run once, never the cut again.

    >>> from types import SimpleNamespace as Day
    >>> monday = date(2027, 2, 8)
    >>> week = {monday + timedelta(days=n): Day(run=r, minutes=m, strength=None, cut_from=c) for n, r, m, c in
    ...         [(0, "tempo", 60, None), (1, "easy", 55, None), (3, "easy", 45, None), (6, "long", 85, None),
    ...          (7, "easy", 30, None)]}
    >>> plan_easy_minutes(week, monday + timedelta(days=5))  # next Monday's 30 min belongs to another week
    45
    >>> plan_easy_minutes(week, monday + timedelta(days=7))
    30
    >>> week[monday + timedelta(days=3)] = Day(run="easy", minutes=29, strength=None, cut_from=45)  # accepted, cut
    >>> plan_easy_minutes(week, monday)
    45
    """
    found = [round(d.cut_from or d.minutes) for d in _week_easy_days(days, day) if d.minutes]
    return min(found, default=None)


def plan_easy_km(days: Mapping[date, PlannedDay], day: date) -> float | None:
    """:func:`plan_easy_minutes` for a plan by distance alone: the shortest easy run's distance in the plan week of
    ``day``, of the easy runs without minutes (one accepted as a verdict's counts as the distance it was cut from,
    :attr:`PlannedDay.cut_from_km`); None when the week has none.

    >>> from types import SimpleNamespace as Day
    >>> monday = date(2027, 2, 8)
    >>> week = {monday + timedelta(days=n): Day(run=r, minutes=None, km=k, cut_from_km=c) for n, r, k, c in
    ...         [(1, "tempo", 8.0, None), (3, "easy", 5.0, None), (4, "easy", 3.25, 5.0), (5, "long", 12.0, None)]}
    >>> plan_easy_km(week, monday + timedelta(days=5))
    5.0
    """
    found = [d.cut_from_km or d.km for d in _week_easy_days(days, day) if not d.minutes and d.km]
    return min(found, default=None)


def _week_easy_days(days: Mapping[date, PlannedDay], day: date) -> list[PlannedDay]:
    """The easy runs of the plan week (Monday to Sunday) of ``day``."""
    monday = day - timedelta(days=day.weekday())
    week = (days.get(monday + timedelta(days=n)) for n in range(7))
    return [d for d in week if d is not None and d.run == "easy"]


def stand_in_minutes(
    session: PlannedDay, swap: PlannedDay | None, plan_easy: int | None, usual_easy: int | None = None
) -> tuple[int, str, bool]:
    """The planned minutes an amber day's easy run in place of ``session`` (a hard session or the long run) is cut back
    from, where they come from, and whether they are the reader's own usual easy run: :data:`SWAPPED` (the easy day a
    swap brings forward, :func:`next_easy_day`, as the plan has it), else :data:`PLAN_WEEK` (``plan_easy``, the plan
    week's easy run, :func:`plan_easy_minutes`), else ``usual_easy`` (:func:`usual_easy_minutes`), else Stridelab's
    usual easy run, with why; or :data:`CAPPED`: the session's own minutes when fewer, as an easy run longer than the
    session it replaces would be no easing. The reader's own runs come before the default as they do for an easy day
    without minutes: a plan by distance gives no minutes, and 50 min cut back is longer than a 25–30 min runner's
    usual run. An easy day swapped in from a plan by distance has no minutes: the minutes are then the usual ones, and
    :data:`SWAP_NO_MINUTES` says why. The training calendar's easy offer plans the same run
    (:mod:`calculators.reschedule`)."""
    if swap is not None and swap.minutes:
        return round(swap.minutes), SWAPPED, False  # the plan's own easy run, moved as it is
    usual = plan_easy or usual_easy or DEFAULT_EASY_MINUTES
    if session.minutes and session.minutes < usual:
        return round(session.minutes), CAPPED, False
    if plan_easy:
        return plan_easy, PLAN_WEEK, False
    if swap is not None:  # a plan by distance: the easy run swapped in has a distance and no minutes
        why = SWAP_NO_MINUTES
    else:
        why = "your plan has no easy day later this week to swap with" if session.minutes else NO_MINUTES
    return usual, why, bool(usual_easy)


def stand_in_km(
    session: PlannedDay, swap: PlannedDay | None, plan_easy: float | None = None
) -> tuple[float, str] | None:
    """The distance an amber day's easy run in place of ``session`` is cut back from when the plan sizes its easy runs
    by distance alone, and where it comes from: :data:`SWAPPED`, the distance of the easy day a swap brings forward
    (:func:`next_easy_day`), else :data:`PLAN_WEEK`, ``plan_easy``, the plan week's easy run (:func:`plan_easy_km`),
    as :func:`stand_in_minutes` has them; or :data:`CAPPED`, the session's own distance when shorter, so the run is
    never over the one it replaces. None when the plan gives minutes: :func:`stand_in_minutes` then. Cut from a
    distance the plan gives, not from minutes it never gave, the run is named in the plan's unit (:func:`easy_run`).

    >>> from types import SimpleNamespace as Day
    >>> tempo, easy = Day(minutes=None, km=8.0), Day(minutes=None, km=2.414016)
    >>> stand_in_km(tempo, easy)
    (2.414016, 'swapped')
    >>> stand_in_km(Day(minutes=None, km=2.0), easy)
    (2.0, 'capped')
    >>> stand_in_km(tempo, None, plan_easy=3.0)
    (3.0, 'plan week')
    >>> stand_in_km(tempo, Day(minutes=30, km=5.0)) is None
    True
    """
    if swap is not None and not swap.minutes and swap.km:
        km, basis = swap.km, SWAPPED
    elif swap is None and plan_easy and not session.minutes:
        km, basis = plan_easy, PLAN_WEEK
    else:
        return None
    if session.km and not session.minutes and session.km < km:
        return session.km, CAPPED
    return km, basis


@dataclass(frozen=True, kw_only=True, slots=True)
class EasyRun:
    """The next easy run: minutes, an E-pace range (s/km, fast → slow) and an HR cap, or rest.

    On a red day ``rest`` is True and ``minutes_range`` is the very easy
    alternative (20–30 min, or cross-training, never over the run it replaces), or, for a run planned by distance
    alone, ``km_range`` its most: the planned distance (:func:`red_run_words`).
    """

    rest: bool
    minutes: int | None
    minutes_range: tuple[int, int] | None
    pace_s_per_km: tuple[float, float] | None
    hr_cap: int | None
    summary: str
    #: The distance, low and high, of a run the plan sizes by distance alone (``minutes`` and ``minutes_range`` are
    #: then None): the plan gives it no minutes to cut.
    km_range: tuple[float, float] | None = None


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
    that day: a worse verdict then has no run to ease, so its words say to rest as planned.
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
    hrv: HrvStatus
    load: FitnessFatigue
    ramp: Ramp

    @property
    def hrv_not_recent(self) -> date | None:
        """The last reading's date when HRV has its 14 days of history but under 3 readings in the last 7: the
        house rule's load-only advice still applies, but the reader stopped logging, not started, so the pages say
        "HRV too sparse" (:func:`sparse_words`), never "baseline still building". None otherwise."""
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


def _hrv_driver(hrv: HrvStatus) -> str | None:
    """None for a reader who logs no HRV at all: it is optional, so the pages say so once, with how to start, rather
    than count its missing readings among the verdict's reasons every day."""
    if hrv.latest is None:
        return None
    if hrv.state == "building" and hrv.history_days >= HISTORY_DAYS_MIN:  # stopped logging, not starting
        # One name whatever the last reading's age: the rule left unmet is the 3 readings in 7 days, and logging them
        # is what the reader can do. Named "not recent" once the last was 2 days old, the same readings read "too
        # sparse" one day and "not recent" two days later.
        out = f"until you log {READINGS_MIN} mornings in 7 days"
        return f"HRV too sparse: {sparse_words(hrv)}; the verdict leaves HRV out {out}"
    if hrv.state == "building":  # history under 14 days here; readings may be enough already
        # Only what is still short: "7 readings in the last 7 days (needs 3)" read as if the readings were short too.
        short = (
            [f"{count(hrv.readings_last_7, 'reading')} in the last 7 days (needs {READINGS_MIN})"]
            if hrv.readings_last_7 < READINGS_MIN
            else []
        )
        # "Day 8 of 14" from a named day, not "8 days of history": the days since the first reading count, rest
        # mornings too, not the readings (Stridelab's rule, calculators.log_history).
        short.append(f"day {hrv.history_days} of {HISTORY_DAYS_MIN} {first_reading_words(hrv)}")
        return f"HRV not used yet: {' and '.join(short)}"
    where = "within" if hrv.state == "within" else f"{_ms_gap(hrv.distance_ms or 0.0)} {hrv.state}"
    average, normal = _average_and_range(hrv)
    return f"7-day HRV average {average}, {where} your normal range of {normal}{_since(hrv)}"


def first_reading_words(hrv: HrvStatus) -> str:
    """Where the 14 days of HRV history count from, as the pages say it: "from your first reading, Monday 7 December",
    or, when older readings came before a week without any (:func:`calculators.log_history.history_start`), "from your
    first reading after a week without any, Monday 7 December (readings up to Saturday 21 November do not count)": a
    reader who imported old mornings sees why they do not shorten the wait."""
    if hrv.history_start is None:
        return ""
    start = day_words(hrv.history_start, today=hrv.day)
    if hrv.before_break is None:
        return f"from your first reading, {start}"
    earlier = day_words(hrv.before_break, today=hrv.day)
    return f"from your first reading after a week without any, {start} (readings up to {earlier} do not count)"


def sparse_words(hrv: HrvStatus) -> str:
    """What a reader with HRV history lacks while under :data:`READINGS_MIN` readings in the last 7 days: "2 readings in
    the last 7 days, needs 3", with the last reading's date once it is older than yesterday
    (:data:`STALE_READING_DAYS`): the readiness page, Today and the calendar all say it so."""
    old = hrv.latest is not None and (hrv.day - hrv.latest).days >= STALE_READING_DAYS
    last = f", the last on {day_words(hrv.latest, today=hrv.day)}" if old and hrv.latest is not None else ""
    return f"{count(hrv.readings_last_7, 'reading')} in the last 7 days, needs {READINGS_MIN}{last}"


def _average_and_range(hrv: HrvStatus) -> tuple[str, str]:
    """The 7-day average and the normal range in ms, as "27 ms" and "34–42 ms": the verdict compares these two, so
    its words give both, never only "HRV below", which a reader checks against the morning's number beside it."""
    digits = edge_digits(hrv.baseline, hrv.normal_low, hrv.normal_high)
    return (
        f"{ms_text(hrv.baseline, digits)} ms",
        f"{ms_text(hrv.normal_low, digits)}–{ms_text(hrv.normal_high, digits)} ms",
    )


def _since(hrv: HrvStatus) -> str:
    """When the newest reading is older than yesterday's: the average still counts (3 readings in 7 days,
    Plews et al. 2014), but a reader who stopped logging must see that the verdict rests on old mornings."""
    if hrv.latest is None or (hrv.day - hrv.latest).days < STALE_READING_DAYS:
        return ""
    return f", though your latest reading is from {day_words(hrv.latest, today=hrv.day)}"


def _morning_against_average(hrv: HrvStatus, reading: float | None) -> tuple[str, str] | None:
    """The verdict morning's own reading when it lies on the other side of the normal range from the 7-day average:
    the verdict follows the average (single mornings are noisy, Plews et al. 2013), but a reader who sees that
    morning's number beside the verdict must see it was read, so the words do not seem to contradict it. A driver
    line and a short form for the headline's causes; None when the morning agrees with the average.

    Under the range while the average is within it; or within or above it while the average is below (a first normal
    morning after days of low readings: the average stays low for a few days)."""
    if reading is None or hrv.normal_low is None or hrv.normal_high is None or hrv.state not in ("within", "below"):
        return None
    low, high = math.exp(hrv.normal_low), math.exp(hrv.normal_high)
    side = "under" if reading < low else "above" if reading > high else "within"
    if (hrv.state == "within") != (side == "under"):
        return None
    digits = edge_digits(math.log(reading), hrv.normal_low, hrv.normal_high)
    value = f"{reading:.{digits}f} ms"
    normal = f"{low:.{digits}f}–{high:.{digits}f} ms"
    if side == "under":
        return (
            f"the latest morning's HRV, {value}, is under your normal range ({normal}): the verdict follows the "
            "7-day average, which one morning moves only a little",
            f"the latest morning's {value} is under the range",
        )
    return (
        f"the latest morning's HRV, {value}, is {side} your normal range ({normal}), but the verdict follows the "
        "7-day average, still low from the mornings before: one morning lifts it only a little",
        f"the latest morning's {value} is {side} the range",
    )


def _form_driver(form_pct: float) -> str:
    """Form in words. Form % = (fitness − fatigue) / fitness, and fitness and fatigue are the 42- and 7-day weighted
    averages of daily load, so the recent daily load is 1 − form % / 100 times the 6-week level: the words give
    that actual ratio, with the band's threshold only where the band is heavy (form % below −30: over 1.3 times), so
    "up to 1.3" is never read as the reader's own figure. Weighted: one big day moves them far more than it moves a
    plain weekly total, so the words say so."""
    ratio = f"about {_recent_ratio(form_pct)} times your 6-week level"
    if form_pct < FORM_VERY_HEAVY_PCT:
        how, ratio = "far above", f"{ratio} (very heavy: over {_times(FORM_VERY_HEAVY_PCT)} times)"
    elif form_pct < FORM_HEAVY_PCT:
        how, ratio = "well above", f"{ratio} (heavy: over {_times(FORM_HEAVY_PCT)} times)"
    elif form_pct < 0:
        how = "not far above"
    else:
        how = "below" if form_pct > 0 else "at"
    return f"load {how} what you are used to: your recent daily load, weighted towards the last few days, is {ratio}"


def _recent_ratio(form_pct: float) -> str:
    """Fatigue over fitness, to two decimals, from form %: the driver and the headline's cause give the same figure."""
    return f"{1 - form_pct / 100:.2f}"


def _times(form_pct: float) -> str:
    """The ratio of fatigue to fitness at a form-% threshold: −30 % → "1.3"."""
    return f"{1 - form_pct / 100:g}"


def load_stage(logged_days: int, settled_days: int, *, seeded: bool) -> LoadStage:
    """Where form (``settled_days`` = :data:`FORM_HISTORY_DAYS`) or the ramp (:data:`RAMP_HISTORY_DAYS`) stands after
    ``logged_days`` of log, the first log's day counting as one; ``seeded``: the averages started from the runner's
    usual week (:func:`calculators.load.seed_load`). Without one (first weeks with next to no log) they started from
    zero, and show only once settled, as before the start was seeded. Every page that shows them asks this one rule.

    >>> [load_stage(n, RAMP_HISTORY_DAYS, seeded=True) for n in (20, 21, 41, 42)]
    ['young', 'settling', 'settling', 'settled']
    >>> [load_stage(n, RAMP_HISTORY_DAYS, seeded=False) for n in (21, 41, 42)]
    ['young', 'young', 'settled']
    """
    if logged_days >= settled_days:
        return "settled"
    return "settling" if seeded and logged_days >= SEED_DAYS else "young"


def shows_after(logged_days: int, settled_days: int, *, seeded: bool) -> int:
    """The days of log after which form or the ramp shows (:func:`load_stage` past "young"): the first
    :data:`calculators.load.SEED_DAYS` while the usual week may still start the averages, else ``settled_days``.

    >>> shows_after(10, FORM_HISTORY_DAYS, seeded=False), shows_after(30, FORM_HISTORY_DAYS, seeded=False)
    (21, 126)
    """
    return SEED_DAYS if seeded or logged_days < SEED_DAYS else settled_days


def counts_from(first_log: date, days: int) -> date:
    """The first evening whose verdict has ``days`` of logged load behind it, the first log's own day counting as one:
    :data:`RAMP_HISTORY_DAYS` for the ramp, :data:`FORM_HISTORY_DAYS` for form. A date rather than a count of days,
    because the averages fill with the days since the first log, rest days included, not with the days that have a
    log: "3 days logged" after one run on Monday read on Wednesday as two logs that were never made."""
    return first_log + timedelta(days=days - 1)


def _young_load_driver(first_log: date, logged_days: int, today: date, *, seeded: bool) -> str:
    """While form does not count: why, and what the load lacks. From when each counts is said once, above the reasons
    (:func:`calculators.ui.readiness_start.still_to_come`), not again here; form's settling number is on the page's
    load section, not among the verdict's reasons, which it does not set."""
    first = f"your first log, {day_words(first_log, today=today)}"
    what = "how fast it is rising (the load ramp) and how your recent load compares with your 6-week level"
    if logged_days < SEED_DAYS:
        return (
            f"training load not counted yet: {what} start from your usual week in your first {SEED_WORDS} of logs, "
            f"from {first}"
        )
    if not seeded and load_stage(logged_days, RAMP_HISTORY_DAYS, seeded=False) == "young":
        return (
            f"training load not counted yet: your first {SEED_WORDS} of logs, from {first}, hold too little training "
            f"to start from, so {what} are read against averages that start from zero, and read far from true until "
            "those fill"
        )
    if not seeded:
        return (
            "your recent load against your 6-week level not counted yet: that level starts from zero at "
            f"{first}, and reads far too low for months"
        )
    return (
        "your recent load against your 6-week level still settling: that level starts from your usual week in your "
        f"first {SEED_WORDS} of logs, from {first}, and leans on that start for months, so it does not set the "
        "verdict yet"
    )


def _ramp_driver(ratio: float, settled_from: date | None = None, today: date | None = None) -> str:
    """The load ramp in words that follow from its own number as shown (two decimals): "about the same" within
    :data:`RAMP_SAME_BAND` of 1.00, "lighter" and "heavier" beyond it, "rising fast" only above :data:`RAMP_HIGH`, where
    it counts against the verdict. With ``settled_from``, the ramp is still settling (:func:`load_stage`) until then,
    and says so: the reader trusts it a little less."""
    shown = round(ratio, 2)
    settling = (
        ""
        if settled_from is None
        else f"; still settling, as it starts from your usual week in your first {SEED_WORDS} of logs: settled from "
        f"{day_words(settled_from, today=today)}"
    )
    if ratio > RAMP_HIGH:
        return (
            f"load rising fast: load ramp {shown:.2f}, above {RAMP_HIGH:g} (your recent load, weighted towards the "
            f"last few days, against your load over about the last 4 weeks{settling})"
        )
    how = (
        "about the same as"
        if abs(shown - 1) <= RAMP_SAME_BAND + 1e-9  # on the figure as shown: 1.10 reads the same as 1.00
        else "lighter than"
        if shown < 1
        else "heavier than"
    )
    return (
        f"load ramp {shown:.2f}: your recent load, weighted towards the last few days, is {how} your load over about "
        f"the last 4 weeks (it counts against the verdict above {RAMP_HIGH:g}{settling})"
    )


def _ms_gap(gap: float) -> str:
    """Whole ms, or tenths below 1 ms: "0 ms below your normal range" would read as a contradiction."""
    if gap >= 0.95:  # 0.95 and over rounds to "1 ms"; under it, "0.9 ms"
        return f"{gap:.0f} ms"
    return f"{gap:.1f} ms" if gap >= 0.05 else "less than 0.1 ms"


def amber_minutes(planned: float) -> tuple[int, int]:
    """The minutes an amber morning leaves of a run of ``planned`` minutes: 60–70 % of them, never under 20 (house
    rule, TRAINING-RULES.md "Tomorrow's easy run") nor over ``planned`` (Stridelab's rule: an easy run already under 20
    min stays as planned). The comeback rule cuts the first long run back by the same share
    (:mod:`calculators.reschedule_comeback`).

    >>> amber_minutes(120)
    (72, 84)
    >>> amber_minutes(25)
    (20, 20)
    >>> amber_minutes(15)
    (15, 15)
    """
    low, high = (min(round(planned), max(AMBER_MINUTES_MIN, round(share * planned))) for share in AMBER_SHARE)
    return low, high


def amber_km(km: float) -> tuple[float, float]:
    """The distance an amber morning leaves of a run planned by distance alone, low and high: the same 60–70 % of it
    as :func:`amber_minutes` leaves of planned minutes. Without minutes or a pace the 20-minute floor cannot be said in
    distance, so the share alone sets it, never over the run. The comeback rule cuts a first long run back by distance
    so too (:mod:`calculators.reschedule_comeback`).

    >>> [round(k, 2) for k in amber_km(10.0)]
    [6.0, 7.0]
    """
    return AMBER_SHARE[0] * km, AMBER_SHARE[1] * km


def red_minutes(planned: float) -> tuple[int, int]:
    """The minutes of a red day's very easy alternative in place of a run of ``planned`` minutes: 20–30 min (house
    rule, TRAINING-RULES.md "Tomorrow's easy run"), never over ``planned`` (Stridelab's rule, as :func:`amber_minutes`
    has it: a red day never lengthens the run it replaces).

    >>> red_minutes(50), red_minutes(25), red_minutes(15)
    ((20, 30), (20, 25), (15, 15))
    """
    low, high = (min(round(planned), limit) for limit in RED_ALTERNATIVE_MINUTES)
    return low, high


def red_run_words(minutes_range: tuple[int, int] | None, km: float | None, unit: PaceUnit) -> str:
    """A red day's very easy alternative as Today, the readiness page, the calendar's card and its offers say it: its
    minutes (:func:`red_minutes`), or, for a run the plan sizes by distance alone, up to that ``km`` in the plan's
    ``unit`` and the house rule's 30 min at most, as no pace turns the one into the other.

    >>> red_run_words((20, 30), None, "km"), red_run_words((15, 15), None, "km")
    ('20–30 min', '15 min')
    >>> red_run_words(None, 1.5 * 1.609344, "mi")
    'up to 1.5 mi (30 min at most)'
    """
    if km is not None:
        return f"up to {distance_in(km, unit):g} {unit} ({RED_ALTERNATIVE_MINUTES[1]} min at most)"
    low, high = minutes_range or RED_ALTERNATIVE_MINUTES
    return f"{low} min" if low == high else f"{low}–{high} min"


def km_range_words(km_range: tuple[float, float], unit: PaceUnit) -> str:
    """A run cut by distance (:func:`amber_km`), low and high, in the plan's own unit to a tenth, as Today, the
    readiness page, the calendar's card and the comeback rule say it.

    >>> km_range_words(amber_km(3 * 1.609344), "mi"), km_range_words(amber_km(2.414016), "mi")
    ('about 1.8–2.1 mi', 'about 0.9–1.1 mi')
    """
    low, high = (distance_in(k, unit) for k in km_range)
    return f"about {low:g} {unit}" if low == high else f"about {low:g}–{high:g} {unit}"


def easy_run(
    level: Level,
    planned: int,
    basis: str | None,
    pace: tuple[float, float] | None,
    hr_max: float | None,
    *,
    usual: bool = False,
    km: float | None = None,
    unit: PaceUnit = "km",
) -> EasyRun:
    """The easy run a ``level`` verdict makes of ``planned`` minutes at the E ``pace`` range (shorter and in its slow
    half on amber; rest or 20–30 min very easy on red, never over the run it replaces). ``basis`` says where
    ``planned`` comes from: None for the day's own easy run in the plan, else why the plan gives no minutes (the
    default is then named, never called "as planned") or that a swap brings it, or :data:`ACCEPTED`: the reader
    accepted this run on the training calendar, and ``planned`` is what it was cut from (:attr:`PlannedDay.cut_from`);
    with ``usual``, ``planned`` is the reader's own usual easy run (:func:`usual_easy_minutes`), not the default. The
    calendar's offers plan the same run (:mod:`calculators.reschedule`).

    On red, ``planned`` (or ``km``) is the run the very easy alternative replaces, which it is never over
    (:func:`red_minutes`).

    ``km``: the run is planned by distance alone, and ``km`` (with ``basis`` as above) is what the verdict sizes it by,
    in the reader's ``unit``; ``planned`` is then unused."""
    if km is not None and level != "red":
        return _easy_by_distance(level, km, basis, pace, hr_max, unit)
    if level == "green":
        cap = math.floor(HR_CAP_EASY * hr_max) if hr_max else None
        usual_run = "about your usual easy run" if usual else "Stridelab's usual easy run"
        where = "as planned" if basis is None else f"({basis}: {usual_run})"
        return EasyRun(
            rest=False,
            minutes=planned,
            minutes_range=(planned, planned),
            pace_s_per_km=pace,
            hr_cap=cap,
            # Without a VDOT there is no E pace to run at: the talk test says how easy (planner_sessions).
            summary=f"Easy {planned} min {where}, " + ("at E pace." if pace else f"easy enough that {TALK_TEST}."),
        )
    slow_half = (sum(pace) / 2, pace[1]) if pace else None
    cap = math.floor(HR_CAP_AMBER * hr_max) if hr_max else None
    if level == "amber":
        low, high = amber_minutes(planned)
        minutes = min(planned, max(AMBER_MINUTES_MIN, round(sum(AMBER_SHARE) / 2 * planned)))
        whose = "your" if usual else "Stridelab's"
        # What the run is cut from, and the same run when it is too short to cut (20 min or under): never "shorter".
        whence, kept = {
            None: (f"instead of the planned {planned} min", "as planned"),
            SWAPPED: (f"your next easy day's {planned} min, cut back", f"your next easy day's {planned} min"),
            CAPPED: (
                f"cut back from the {planned} min of the session it replaces",
                f"the {planned} min of the session it replaces",
            ),
            PLAN_WEEK: (
                f"cut back from your plan's usual {planned} min (no easy day is left this week to swap with)",
                f"your plan's usual {planned} min (no easy day is left this week to swap with)",
            ),
            # the plan holds this run already, cut: its own minutes are not what was cut
            ACCEPTED: ("as you accepted it on the training calendar",) * 2,
        }.get(basis, (f"cut back from {whose} usual {planned} min ({basis})", f"{whose} usual {planned} min ({basis})"))
        span = f"{low} min" if low == high else f"{low}–{high} min"
        how = " in the slow half of your E range" if pace else ", slower than your usual easy runs"
        if low == planned and basis != ACCEPTED:  # the 20-minute floor meets the run itself: nothing to cut
            summary = (
                f"Slower, not shorter: {span}{how}, {kept}: an amber day cuts no run below {AMBER_MINUTES_MIN} min."
            )
        else:
            summary = f"Shorter and slower: {span}{how}, {whence}."
        return EasyRun(
            rest=False,
            minutes=minutes,
            minutes_range=(low, high),
            pace_s_per_km=slow_half,
            hr_cap=cap,
            summary=summary,
        )
    if km is not None:  # planned by distance alone: up to that distance, in the plan's unit, and 30 min at most
        planned_km = f"{distance_in(km, unit):g} {unit}"
        return EasyRun(
            rest=True,
            minutes=None,
            minutes_range=None,
            km_range=(km, km),
            pace_s_per_km=slow_half,
            hr_cap=cap,
            summary=f"Rest, or very easy running or cross-training: up to the {planned_km} planned, "
            f"{RED_ALTERNATIVE_MINUTES[1]} min at most.",
        )
    low, high = red_minutes(planned)
    # A run planned shorter than the house rule's 30 min is the most the alternative may be: said, so 15 min reads
    # as the rule applied, not a slip.
    whose = f"your usual {planned} min" if usual else f"the {planned} min planned"
    shorter = f", no longer than {whose}" if high < RED_ALTERNATIVE_MINUTES[1] else ""
    return EasyRun(
        rest=True,
        minutes=None,
        minutes_range=(low, high),
        pace_s_per_km=slow_half,
        hr_cap=cap,
        summary=f"Rest, or {red_run_words((low, high), None, unit)} very easy running or cross-training{shorter}.",
    )


def _easy_by_distance(
    level: Level, km: float, basis: str | None, pace: tuple[float, float] | None, hr_max: float | None, unit: PaceUnit
) -> EasyRun:
    """:func:`easy_run` of a run planned by distance alone, green or amber: named in the plan's ``unit`` and, on
    amber, cut from that day's own distance (:func:`amber_km`), never from minutes the plan does not give."""
    planned = f"{distance_in(km, unit):g} {unit}"
    how = "at E pace" if pace else f"easy enough that {TALK_TEST}"
    if level == "green":
        cap = math.floor(HR_CAP_EASY * hr_max) if hr_max else None
        return EasyRun(
            rest=False,
            minutes=None,
            minutes_range=None,
            km_range=(km, km),
            pace_s_per_km=pace,
            hr_cap=cap,
            summary=f"Easy {planned} as planned, {how}.",
        )
    whence = {
        None: f"instead of the planned {planned}",
        SWAPPED: f"your next easy day's {planned}, cut back",
        CAPPED: f"cut back from the {planned} of the session it replaces",
        PLAN_WEEK: f"cut back from your plan's usual {planned} (no easy day is left this week to swap with)",
        ACCEPTED: "as you accepted it on the training calendar",
    }[basis]
    return EasyRun(
        rest=False,
        minutes=None,
        minutes_range=None,
        km_range=amber_km(km),
        pace_s_per_km=(sum(pace) / 2, pace[1]) if pace else None,
        hr_cap=math.floor(HR_CAP_AMBER * hr_max) if hr_max else None,
        summary=f"Shorter and slower: {km_range_words(amber_km(km), unit)}"
        + (" in the slow half of your E range" if pace else ", slower than your usual easy runs")
        + f", {whence}.",
    )


def _advice(level: Level, run: str, why: str, basis: str, day: str, strength: bool, swap: bool) -> TomorrowAdvice:
    """``basis`` names what a green verdict rests on: only the inputs that count; ``day`` is "tomorrow", or "today"
    for a morning's own verdict; ``why`` may be empty (no HRV logged and a load too young to count). The long run is
    named as what it is, a long easy run, never "a hard day"; ``strength`` says whether the day has a strength session
    the advice must speak of (the long run has none); ``swap`` whether the plan's week has an easy day later on to swap
    with (:func:`next_easy_day`): without one, an amber day runs easy in the session's place and leaves it out this
    week, as the training calendar then offers, never a swap with a day that does not exist."""
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

    House rule table (TRAINING-RULES.md; ours): under 14 days of HRV history or
    under 3 readings in the last 7 days → "building" (load-only advice);
    HRV within/above → green, or amber when form % < −50 or ramp > 1.5;
    HRV below → amber, or red when form % < −30 or HRV was also below
    yesterday (Kiviniemi et al. 2007, two days running: both mornings with
    a reading of their own). Soreness ≥ 4/5 or
    sleep under 6 h moves the verdict one step worse. Form is tomorrow's
    starting form (fitness − fatigue at the end of today); the ramp includes
    today's load. Both start from the runner's usual week in their first 3 weeks of logs
    (:func:`calculators.load.seed_load`), or zero before then; the ramp counts from those 3 weeks, form only from 126
    days (:data:`FORM_HISTORY_DAYS`): see the house rule above :data:`FILLED_SHARE`.

    ``easy_pace`` is (fast, slow) s/km; ``hr_rest`` only enters the range check.
    ``next_easy`` is the plan's next easy day (:func:`next_easy_day`): an amber
    swap brings it forward to tomorrow, so its minutes set tomorrow's run; without one, ``plan_easy``, the plan
    week's easy run (:func:`plan_easy_minutes`), does, as the training calendar's easy offer has it. A
    hard session or race kept tomorrow gets no easy run at all. ``run_weekdays``
    are the profile's run days (0 = Monday): with no plan, a tomorrow outside
    them is a rest day, not Stridelab's usual easy run. ``usual_easy`` is the reader's usual easy run in minutes
    (:func:`usual_easy_minutes`): where the plan gives no minutes, it replaces :data:`DEFAULT_EASY_MINUTES`. An easy
    run the plan sizes by distance alone, tomorrow's own or the one a swap brings forward (:func:`stand_in_km`), is
    given by that distance, in the reader's ``unit`` (the plan's own); with no easy day left to swap with,
    ``plan_easy_km``, the plan week's (:func:`plan_easy_km`), is.

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

    hrv_line = _hrv_driver(hrv)
    drivers = [] if hrv_line is None else [hrv_line]
    morning_words = _morning_against_average(hrv, hrv_readings.get(hrv_day))
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
        drivers.append(_young_load_driver(min(daily_loads), logged_days, today, seeded=seeded))
    else:
        drivers.append(_form_driver(form_pct))
    load_line = drivers[-1]
    ramp_stage = load_stage(logged_days, RAMP_HISTORY_DAYS, seeded=seeded)
    ramp_counts = ramp.ratio is not None and ramp_stage != "young"
    # The ramp is one of the two load figures the verdict uses: once it counts it is named with its number, whichever
    # way it points, so a verdict that rests on load never leaves the reader to guess which figure it read.
    settled_from = counts_from(min(daily_loads), RAMP_HISTORY_DAYS) if ramp_stage == "settling" else None
    ramp_line = _ramp_driver(ramp.ratio, settled_from, today) if ramp_counts and ramp.ratio is not None else None
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
        average, normal = _average_and_range(hrv)
        compared = [f"{average} against {normal}", *([morning_words[1]] if morning_words else [])]
        causes.append(
            f"7-day HRV average below your normal range{' two days running' if running else ''} ({'; '.join(compared)})"
        )
        if heavy and form_pct is not None:
            causes.append(
                f"heavy recent training load ({_recent_ratio(form_pct)} times your 6-week level, over "
                f"{_times(FORM_HEAVY_PCT)})"
            )
        level = "red" if heavy or (two_days.state == "below" and mornings) else "amber"
    else:
        if very_heavy and form_pct is not None:
            causes.append(
                f"very heavy recent training load ({_recent_ratio(form_pct)} times your 6-week level, over "
                f"{_times(FORM_VERY_HEAVY_PCT)})"
            )
        if ramp_high and ramp.ratio is not None:
            causes.append(f"training load rising fast (load ramp {ramp.ratio:.2f}, above {RAMP_HIGH:g})")
        level = "amber" if very_heavy or ramp_high else "green"

    worse = []
    if soreness is not None and soreness >= SORENESS_BAD:
        worse.append(f"soreness {soreness} of 5")
    if sleep_hours is not None and sleep_hours < SLEEP_SHORT_H:
        worse.append(f"sleep {sleep_hours:g} h (under {SLEEP_SHORT_H:g} h)")
    if worse:
        drivers.extend(worse)
        causes.extend(worse)
        level = "amber" if level == "green" else "red"

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
        hrv=hrv,
        load=load,
        ramp=ramp,
    )

"""Training load: session RPE, TRIMP, fitness / fatigue / form, the 7:28 ramp and strength balance.

Session RPE (RPE × minutes) is the common currency: it applies to runs and to
lifting alike, so one combined daily load feeds the fitness-fatigue model and
the readiness check (Foster C et al., J Strength Cond Res 15(1):109–115, 2001).
"Fitness", "fatigue" and "form" are our plain names for the quantities other
tools sell under trademarked acronyms.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Literal, TypeAlias

from calculators.date_words import day_words
from calculators.entry_dates import check_not_future
from calculators.errors import InputError
from calculators.log_history import history_start
from calculators.ranges import NumberRange

__all__ = [
    "ACUTE_DAYS",
    "CHRONIC_DAYS",
    "FATIGUE_DAYS",
    "FITNESS_DAYS",
    "HR_MAX_RANGE",
    "RPE_WORDS",
    "SEED_DAYS",
    "Balance",
    "FitnessFatigue",
    "PlannedWeek",
    "Ramp",
    "Session",
    "acwr",
    "acwr_series",
    "check_heart_rates",
    "counted_from",
    "counted_loads",
    "daily_loads",
    "days_to_fill",
    "ewma_kept",
    "fitness_fatigue",
    "fitness_fatigue_series",
    "local_date",
    "model_kept",
    "rpe_scale",
    "seed_load",
    "session_load",
    "trimp",
    "weekly_balance",
]

#: Arbitrary units (AU): CR-10 RPE × minutes.
Load: TypeAlias = float
SessionKind: TypeAlias = Literal["run", "strength", "cross"]
BalanceVerdict: TypeAlias = Literal[
    "balanced", "a little low", "a little high", "strength over-indexed", "strength missing", "so far", "no runs"
]

#: Time constants of the fitness-fatigue model, in days (GoldenCheetah's PMC defaults).
FITNESS_DAYS, FATIGUE_DAYS = 42, 7
#: Windows of the acute:chronic ramp, in days (Williams et al. 2017).
ACUTE_DAYS, CHRONIC_DAYS = 7, 28
#: Whole weeks at the start of a log whose middle week starts the averages (Stridelab's rule, :func:`seed_load`; why
#: three is in :mod:`calculators.readiness`, where the spans it shortens are kept).
SEED_WEEKS = 3
SEED_DAYS = 7 * SEED_WEEKS
#: A log longer than this starts from zero again, as before the rule: the start would weigh e^(−365/42), under 0.02 %,
#: in fitness by then, below anything a page shows, so a year of history imported from a watch reads exactly as it did.
SEED_KEPT_DAYS = 365

MINUTES_MIN, MINUTES_MAX = 1.0, 48 * 60.0  # a 100-mile race can take 30 hours; the run log allows 48
RPE_MIN, RPE_MAX = 0.0, 10.0
HR_REST_MIN, HR_REST_MAX = 25, 120
HR_MAX_MIN, HR_MAX_MAX = 100, 230
#: A day's combined load above this is a typing error, not training (24 h at RPE 10 is 14,400).
DAILY_LOAD_MAX: Load = 15000.0


#: Foster's session-RPE scale, a modified Borg CR-10, with the verbal anchors of Foster et al. 2001 (Table 1):
#: 6, 8 and 9 have no words of their own. Runs and lifts add up in one load, so every page that asks how hard a
#: session felt words the scale from this one table.
RPE_WORDS: dict[int, str] = {
    0: "rest",
    1: "very, very easy",
    2: "easy",
    3: "moderate",
    4: "somewhat hard",
    5: "hard",
    7: "very hard",
    10: "maximal",
}


def rpe_scale(numbers: Iterable[int] = (1, 3, 5, 7, 10)) -> str:
    """Some points of :data:`RPE_WORDS` for a help text (semicolons: one anchor has a comma of its own).

    >>> rpe_scale((1, 5, 10))
    '1 very, very easy; 5 hard; 10 maximal'
    """
    return "; ".join(f"{n} {RPE_WORDS[n]}" for n in numbers)


_MINUTES = NumberRange(what="Duration", low=MINUTES_MIN, high=MINUTES_MAX, unit="minutes")
_RPE = NumberRange(what="Session RPE", low=RPE_MIN, high=RPE_MAX)
_HR_REST = NumberRange(what="Resting heart rate", low=HR_REST_MIN, high=HR_REST_MAX, unit="beats per minute")
#: HR max as every check words it: the readiness check takes an HR max with no resting HR, so it checks this alone.
HR_MAX_RANGE = NumberRange(what="HR max", low=HR_MAX_MIN, high=HR_MAX_MAX, unit="beats per minute")


def session_load(minutes: float, rpe: float) -> Load:
    """Session load in arbitrary units: ``RPE × minutes`` (Foster et al. 2001).

    ``rpe`` is the whole-session rating on the CR-10 scale (0 rest … 10 maximal),
    asked once at the end of a run or a lift.

    >>> session_load(60, 7)
    420.0

    Raises:
        InputError: minutes outside 1–2880 (48 hours) or RPE outside 0–10.
    """
    return _MINUTES.check(minutes, "minutes") * _RPE.check(rpe, "rpe")


def check_heart_rates(hr_rest: float, hr_max: float) -> None:
    """Resting HR 25–120 bpm, HR max 100–230 bpm, and rest below max."""
    _HR_REST.check(hr_rest, "hr_rest")
    HR_MAX_RANGE.check(hr_max, "hr_max")
    if hr_rest >= hr_max:
        raise InputError(
            "hr_rest",
            f"Resting heart rate: {hr_rest:g} beats per minute must be below your HR max, {hr_max:g} beats per minute.",
        )


def trimp(
    minutes: float,
    hr_avg: float,
    hr_rest: float,
    hr_max: float,
    sex: Literal["male", "female"] | None = None,
) -> Load:
    """Banister's training impulse: ``minutes · x · a·e^(b·x)``, ``x = (HRavg − HRrest)/(HRmax − HRrest)``.

    Coefficients (Banister EW, 1991; Morton RH et al., J Appl Physiol 69:1171, 1990):
    men a = 0.64, b = 1.92; women a = 0.86, b = 1.67 (Morton's published pair;
    GoldenCheetah uses 0.64/1.67 instead). With ``sex`` unknown the male pair is
    used, as most implementations do.

    >>> round(trimp(60, 150, 50, 190), 1)
    108.1

    Raises:
        InputError: heart rates out of range, or the average outside rest–max.
    """
    _MINUTES.check(minutes, "minutes")
    check_heart_rates(hr_rest, hr_max)
    # The average lies between the reader's own resting HR and HR max, so the range is theirs, not a fixed one.
    average = NumberRange(what="Average heart rate", low=hr_rest, high=hr_max, unit="beats per minute")
    average.check(hr_avg, "hr_avg")
    a, b = (0.86, 1.67) if sex == "female" else (0.64, 1.92)
    x = (hr_avg - hr_rest) / (hr_max - hr_rest)
    return float(minutes) * x * a * math.exp(b * x)


def model_kept(days: int) -> float:
    """The share of yesterday's value a fitness-fatigue average keeps each day: ``e^(−1/N)`` (GoldenCheetah's PMC)."""
    return math.exp(-1 / days)


def ewma_kept(days: int) -> float:
    """The share of yesterday's value an N-day EWMA of the ramp keeps each day: ``1 − λ``, λ = 2/(N + 1)
    (Williams et al. 2017)."""
    return 1 - 2 / (days + 1)


def days_to_fill(kept: float, share: float) -> int:
    """Days of a steady load until an average begun at zero, keeping ``kept`` of itself each day, holds ``share`` of
    that load's true value: the smallest n with ``kept^n ≤ 1 − share``.

    >>> days_to_fill(model_kept(42), 0.95), days_to_fill(ewma_kept(28), 0.95)
    (126, 42)
    """
    return math.ceil(math.log(1 - share) / math.log(kept))


def seed_load(daily_loads: Mapping[date, float], *, today: date) -> Load | None:
    """The daily load fitness, fatigue and the ramp's two averages start from the day before the first log, once the
    first :data:`SEED_WEEKS` weeks (counted from the first log, rest days as zero) are all behind ``today``: the
    median of those weeks' totals, over 7. None before then, or when that median is nothing (two of the three weeks
    without a log: no usual week to start from), or once the log is longer than :data:`SEED_KEPT_DAYS`; the averages
    then start from zero as Banister's model does, which reads far from true for months (:mod:`calculators.readiness`).

    Stridelab's rule, as intervals.icu and TrainingPeaks let a runner set a starting fitness: the runner is taken to
    have trained before the log as in their own usual first weeks. The median of three weeks, not their mean, so one
    odd week among them (ill, a taper, a race) does not set the start.

    >>> first = date(2027, 1, 4)
    >>> weeks = [0.0] * 7 + [100.0] * 14  # ill in the first week: the two usual weeks set the start
    >>> loads = {first + timedelta(days=n): load for n, load in enumerate(weeks)}
    >>> seed_load(loads, today=first + timedelta(days=20))
    100.0
    >>> day_20 = first + timedelta(days=19)
    >>> seed_load({d: v for d, v in loads.items() if d <= day_20}, today=day_20) is None  # the third week under way
    True

    Raises:
        InputError: a load dated after ``today``, or a negative or absurd load.
    """
    loads = _checked_days(daily_loads, today)
    if not loads or not SEED_DAYS <= (today - min(loads)).days + 1 <= SEED_KEPT_DAYS:
        return None
    first = min(loads)
    weeks = (sum(loads.get(first + timedelta(days=7 * w + d), 0.0) for d in range(7)) for w in range(SEED_WEEKS))
    usual = statistics.median(weeks) / 7
    return usual if usual > 0 else None


def _checked_days(loads: Mapping[date, float], today: date) -> dict[date, float]:
    days: dict[date, float] = {}
    for day, value in loads.items():
        check_not_future(day, "date", what="A day of training load", today=today)
        what = f"Training load on {day_words(day, today=today)}"
        days[day] = NumberRange(what=what, low=0.0, high=DAILY_LOAD_MAX, unit="AU").check(
            value, f"load.{day.isoformat()}"
        )
    return days


@dataclass(frozen=True, kw_only=True, slots=True)
class FitnessFatigue:
    """The fitness-fatigue model on one day.

    ``fitness`` and ``fatigue`` include that day's load; ``form`` is yesterday's
    fitness − fatigue (how you start the day, as TrainingPeaks shows it);
    ``form_pct`` is form as a share of that fitness (None while fitness is 0):
    session-RPE loads run about four times TSS, so absolute form bands from
    TSS tools do not transfer, and the readiness bands (heavy below −30 %,
    very heavy below −50 %) are set on this scale-free figure (Stridelab's
    house rule, TRAINING-RULES.md).
    ``history_days`` counts days since the first logged load; ``seed`` is the daily load fitness and fatigue started
    from the day before it (:func:`seed_load`), None when they started from zero.
    """

    day: date
    fitness: Load
    fatigue: Load
    form: Load
    form_pct: float | None
    history_days: int
    seed: Load | None = None


def fitness_fatigue_series(
    daily_loads: Mapping[date, float], *, start: date, today: date, seed: Load | None = None
) -> tuple[FitnessFatigue, ...]:
    """The model for every day from ``start`` to ``today`` (for charts).

    ``fitness_d = load_d·(1 − e^(−1/42)) + fitness_{d−1}·e^(−1/42)``, fatigue the
    same with 7 days (the Banister model as GoldenCheetah's PMC computes it),
    both starting from ``seed`` (:func:`seed_load`), or zero without one, the day before the first logged load.
    """
    loads = _checked_days(daily_loads, today)
    if start > today:
        raise InputError("start", "The first day of the chart must not be after today.")
    first = min(loads, default=today)
    k_fit, k_fat = model_kept(FITNESS_DAYS), model_kept(FATIGUE_DAYS)
    fitness = fatigue = 0.0
    out: list[FitnessFatigue] = []
    day = min(first, start)
    while day <= today:
        if day == first and seed is not None:
            fitness = fatigue = seed
        form = fitness - fatigue  # yesterday's values
        form_pct = 100.0 * form / fitness if fitness > 1e-9 else None
        load = loads.get(day, 0.0)
        fitness = load * (1 - k_fit) + fitness * k_fit
        fatigue = load * (1 - k_fat) + fatigue * k_fat
        if day >= start:
            history = (day - first).days + 1 if loads and first <= day else 0
            out.append(
                FitnessFatigue(
                    day=day,
                    fitness=fitness,
                    fatigue=fatigue,
                    form=form,
                    form_pct=form_pct,
                    history_days=history,
                    seed=seed,
                )
            )
        day += timedelta(days=1)
    return tuple(out)


def fitness_fatigue(daily_loads: Mapping[date, float], *, today: date, seed: Load | None = None) -> FitnessFatigue:
    """Fitness (42-day), fatigue (7-day) and form on ``today``; see :func:`fitness_fatigue_series`.

    Raises:
        InputError: a load dated after ``today``, or a negative or absurd load.
    """
    return fitness_fatigue_series(daily_loads, start=today, today=today, seed=seed)[-1]


@dataclass(frozen=True, kw_only=True, slots=True)
class Ramp:
    """Acute (7-day) and chronic (28-day) exponentially weighted loads and their ratio.

    A ramp indicator: how fast load is rising against what you are used to.
    It is not an injury forecast. ``ratio`` is None while chronic load is 0.
    """

    acute: Load
    chronic: Load
    ratio: float | None


def acwr_series(
    daily_loads: Mapping[date, float], *, start: date, today: date, seed: Load | None = None
) -> tuple[Ramp, ...]:
    """Acute:chronic workload ratio with EWMA, λ = 2/(N+1), N = 7 and 28 (Williams S et al., BJSM 51:209, 2017),
    for every day from ``start`` to ``today``.

    ``EWMA_d = load_d·λ + EWMA_{d−1}·(1 − λ)``, both starting from ``seed`` (:func:`seed_load`), or zero without
    one, the day before the first logged load, and including each day's load. The 0.8–1.3 "sweet spot"
    (Gabbett 2016) is contested (Lolli 2019; Impellizzeri 2021): we present the
    ratio as a ramp only, never as an injury prediction.
    """
    loads = _checked_days(daily_loads, today)
    keep_a, keep_c = ewma_kept(ACUTE_DAYS), ewma_kept(CHRONIC_DAYS)
    acute = chronic = 0.0
    out: list[Ramp] = []
    first = min(loads, default=today)
    day = min(first, start)
    while day <= today:
        if day == first and seed is not None:
            acute = chronic = seed
        load = loads.get(day, 0.0)
        acute = load * (1 - keep_a) + acute * keep_a
        chronic = load * (1 - keep_c) + chronic * keep_c
        if day >= start:
            out.append(Ramp(acute=acute, chronic=chronic, ratio=acute / chronic if chronic > 1e-9 else None))
        day += timedelta(days=1)
    return tuple(out)


def acwr(daily_loads: Mapping[date, float], *, today: date, seed: Load | None = None) -> Ramp:
    """The acute:chronic ramp on ``today``; see :func:`acwr_series`."""
    return acwr_series(daily_loads, start=today, today=today, seed=seed)[-1]


@dataclass(frozen=True, kw_only=True, slots=True)
class Session:
    """One logged session reduced to what load needs: its local date, minutes, CR-10 session RPE and kind."""

    day: date
    minutes: float
    rpe: float
    kind: SessionKind = "run"

    @property
    def load(self) -> Load:
        return session_load(self.minutes, self.rpe)


def local_date(instant: datetime, utc_offset: timedelta | Callable[[datetime], timedelta]) -> date:
    """The reader's local date for a UTC instant.

    Pyodide has no time-zone database, so the glue passes the offset (or a
    function of the instant giving it, for daylight-saving changes).
    """
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=UTC)
    offset = utc_offset(instant) if callable(utc_offset) else utc_offset
    return (instant.astimezone(UTC) + offset).date()


def daily_loads(sessions: Iterable[Session], *, today: date) -> dict[date, Load]:
    """Combined session load per local date: runs, strength sessions and cross-training added together.

    Raises:
        InputError: a session dated after ``today`` or with minutes/RPE out of range.
    """
    totals: dict[date, Load] = {}
    for session in sessions:
        check_not_future(session.day, "date", what="Date of the session", today=today)
        totals[session.day] = totals.get(session.day, 0.0) + session.load
    return totals


def counted_from(sessions: Iterable[Session]) -> date | None:
    """The first day of the combined load's history (Stridelab's rule): the first logged run (or cross-training) after
    the last week without one (:func:`calculators.log_history.history_start`), reaching back across such a week only
    to runs that had gone on for :data:`SEED_DAYS` (the weeks the averages start from, :func:`seed_load`); the first
    session of any kind when no run is logged. None without sessions.

    Lifts before it are not counted in the load, only kept in the strength log: the runs of those weeks are unknown,
    not zero, and counted as zero they read as a runner who did nothing but lift, whose usual running week then looks
    like a sudden ramp (Sam's imported Strong sessions read his usual week as a load ramp of 2.10). A lone old run
    imported before a week without any would likewise start the clock weeks early.

    >>> d = date.fromisoformat
    >>> lifts = [Session(day=d(f"2026-11-{n:02}"), minutes=45, rpe=7, kind="strength") for n in (2, 5, 9)]
    >>> runs = [Session(day=d(f"2026-12-{n:02}"), minutes=40, rpe=4) for n in (1, 3, 5)]
    >>> counted_from(lifts + runs), counted_from(lifts)
    (datetime.date(2026, 12, 1), datetime.date(2026, 11, 2))
    >>> counted_from([Session(day=d("2026-11-18"), minutes=50, rpe=5), *runs])  # a lone run, then 12 days without
    datetime.date(2026, 12, 1)
    """
    listed = list(sessions)
    runs = [s.day for s in listed if s.kind != "strength"]
    return history_start(runs or [s.day for s in listed], settled_days=SEED_DAYS)


def counted_loads(sessions: Iterable[Session]) -> dict[date, Load]:
    """Combined session load per local date, runs, lifts and cross-training added together, from
    :func:`counted_from` on: the log the fitness-fatigue model and the ramp read."""
    listed = list(sessions)
    start = counted_from(listed)
    totals: dict[date, Load] = {}
    for session in listed:
        if start is not None and session.day >= start:
            totals[session.day] = totals.get(session.day, 0.0) + session.load
    return totals


#: The band of a week within 14 days of a race: strength is dropped there (TRAINING-RULES.md, "Progression").
_TAPER_BAND = (0.0, 0.0)
_TAPER_WORDS = "Stridelab drops strength in the last two weeks before a race."


@dataclass(frozen=True, kw_only=True, slots=True)
class Balance:
    """Strength share of one week's combined session load, the band it is judged against, and the verdict.

    ``verdict`` is None when nothing was logged that week, and "so far" while the week is under way: its
    remaining sessions still move the share, so it is not judged yet.
    """

    week_start: date
    strength_load: Load
    running_load: Load
    strength_pct: float | None
    band: tuple[float, float]
    verdict: BalanceVerdict | None
    reason: str

    @property
    def taper(self) -> bool:
        """Whether the week is in the last 14 days before a race, where the plan has no strength at all."""
        return self.band == _TAPER_BAND

    @property
    def target(self) -> str:
        """The band in a table cell: "15–40 %", or "none" before a race, never a "0–0 %" range."""
        return "none" if self.taper else f"{self.band[0]:g}–{self.band[1]:g} %"

    @property
    def label(self) -> str:
        """The verdict in a table cell, in plain words ("too much strength", not "over-indexed"): "so far: strength
        51 %" while the week is under way; before a race, no strength is what the plan asks, not a week behind."""
        if self.verdict is None:
            return "nothing logged"
        if self.taper and self.verdict == "balanced":
            return "no strength before the race, as planned"
        if self.verdict == "strength over-indexed":
            return "too much strength"
        if self.verdict == "no runs":
            return "no runs logged"
        if self.verdict != "so far":
            return self.verdict
        return "so far: no strength yet" if self.strength_load == 0 else f"so far: strength {self.strength_pct:.0f} %"


@dataclass(frozen=True, kw_only=True, slots=True)
class PlannedWeek:
    """What the plan had for a week: its running minutes and its strength sessions."""

    run_minutes: float
    strength_sessions: int


def _too_much_strength(week: list[Session], high: float, planned: PlannedWeek | None) -> str:
    """What to do about a strength share over ``high``, and whose doing it is: extra lifts, runs missed, or (when the
    runner did what the plan asked) a plan whose running is small beside two full strength sessions.

    The test for the last: had the plan's running minutes all been run at this week's own effort, would strength
    still be over ``high``? Then no missed run explains it. The 4–5 hours are the guide's reference week
    (TRAINING-RULES.md: four runs, ~240–300 min), which the 15–40 % aim comes from; Stridelab has no rule for
    cutting strength in a small running week, so none is invented here.
    """
    lifts = sum(1 for s in week if s.kind == "strength")
    runs = [s for s in week if s.kind != "strength"]
    ran = sum(s.minutes for s in runs)
    strength = sum(s.load for s in week if s.kind == "strength")
    if planned is None:
        return (
            f"The aim comes from a week of about 4–5 hours of running beside two strength sessions (Stridelab's "
            f"reference week); you ran {ran:.0f} min and lifted {lifts} {'time' if lifts == 1 else 'times'}."
        )
    if lifts > planned.strength_sessions:
        return f"You lifted {lifts} times and your plan had {planned.strength_sessions}: keep to the plan's sessions."
    effort = sum(s.load for s in runs) / ran if ran > 0 else None
    if effort is not None and planned.run_minutes > ran:
        as_planned = 100.0 * strength / (strength + effort * planned.run_minutes)
        if round(as_planned) <= high:  # judged as shown, like the week's own share
            return (
                f"You ran {ran:.0f} of the {planned.run_minutes:.0f} min your plan had: with all of them, strength "
                f"would have been {as_planned:.0f} %. The share is high because of the runs missed, not the strength "
                "sessions."
            )
    sessions = "two full strength sessions" if planned.strength_sessions == 2 else "its strength"
    return (
        f"Your plan's own week is over it too: its {planned.run_minutes:.0f} min of running is small beside "
        f"{sessions}, while the 15–40 % aim comes from a week of about 4–5 hours of running (Stridelab's reference "
        "week). Stridelab's rules cut strength only in peak weeks, and strength training's protection against "
        "injury grows with its dose (Lauersen et al., 2018), so nothing here says to drop a session: the share is "
        "high because the plan's running is small, not because you lifted too much."
    )


def weekly_balance(
    sessions: Iterable[Session],
    *,
    week_start: date,
    peak: bool = False,
    race_date: date | None = None,
    today: date | None = None,
    planned: PlannedWeek | None = None,
) -> Balance:
    """Strength vs running balance for the 7 days from ``week_start`` (Stridelab's house rule).

    Bands (TRAINING-RULES.md, "Strength vs running balance", ours): the guide's
    reference week gives strength ≈ 27–40 % of combined session load.
    Base/build weeks: balanced 15–40 %, under 10 % "strength missing", over
    45 % "strength over-indexed"; 10–15 % and 40–45 % still pass, at the edge, and read "a little low" and
    "a little high": "balanced" beside a shown target of 15–40 % would contradict it.
    Peak weeks (strength cut 30–50 %): balanced 8–25 %, outside it missing or
    over-indexed. A week starting within 14 days of the race: strength is
    dropped, so 0 % is balanced and any strength is over-indexed. Every band is judged on the share as the page
    shows it, in whole per cent, so the number and its verdict never disagree.
    Cross-training counts on the running side.

    A week that ``today`` falls in is still under way: its verdict is "so far", since a Tuesday after a
    run and a lift reads 50 % strength in a week whose three later runs bring it to 35 %. Only a taper
    week is judged at once: no later run makes strength there right, and none is what the plan asks.
    """
    end = week_start + timedelta(days=7)
    week = [s for s in sessions if week_start <= s.day < end]
    strength = sum(s.load for s in week if s.kind == "strength")
    other = sum(s.load for s in week if s.kind != "strength")
    total = strength + other
    share = 100.0 * strength / total if total > 0 else None
    taper = race_date is not None and timedelta(0) <= race_date - week_start <= timedelta(days=14)
    band, low, high = (15.0, 40.0), 10.0, 45.0
    if taper:
        band, low, high = _TAPER_BAND, 0.0, 0.0
    elif peak:
        band, low, high = (8.0, 25.0), 8.0, 25.0
    target = f"the target is {band[0]:g}–{band[1]:g} %"
    aim = f"the {band[0]:g}–{band[1]:g} % Stridelab aims for"
    verdict: BalanceVerdict | None = "balanced"
    if share is None:
        verdict, reason = None, "Nothing logged this week."
    elif taper and share > 0:
        verdict, reason = "strength over-indexed", _TAPER_WORDS
    elif taper:  # none is what the plan asks for: no later day makes it more right, so it is said at once
        reason = _TAPER_WORDS
    elif today is not None and week_start <= today < end:
        verdict = "so far"
        so_far = "No strength so far" if strength == 0 else f"Strength is {share:.0f} % of the load so far"
        reason = f"{so_far}; the week is judged when it ends ({target})."
    elif other == 0:
        # Strength alone: the week's runs are unknown (not logged, or before the first logged run, as imported lifts
        # often are), not none, so the share says nothing about the balance (Stridelab's rule).
        verdict = "no runs"
        reason = "No runs logged this week: the strength share needs the week's runs, so it is not judged."
    else:
        # Every verdict judges the share as shown (whole per cent): "8 %" is never "missing" beside an 8–25 % band,
        # nor "40 %" a little high.
        shown, said = round(share), f"Strength was {share:.0f} % of the week's training load"
        reason = f"{said}, within {aim}."
        if shown > high:
            verdict = "strength over-indexed"
            # Peak weeks have a rule for it (TRAINING-RULES.md, "Progression"); base and build weeks ask why.
            todo = "In peak weeks Stridelab cuts strength by 30–50 %: one session, or half the sets."
            reason = f"{said}, more than {aim}. {todo if peak else _too_much_strength(week, high, planned)}"
        elif shown < low:
            verdict, reason = "strength missing", f"{said}, less than {aim}."
        elif shown > band[1]:
            verdict, reason = "a little high", f"{said}, a little more than {aim}; up to {high:g} % still passes."
        elif shown < band[0]:
            verdict, reason = "a little low", f"{said}, a little less than {aim}; down to {low:g} % still passes."
    return Balance(
        week_start=week_start,
        strength_load=strength,
        running_load=other,
        strength_pct=share,
        band=band,
        verdict=verdict,
        reason=reason,
    )

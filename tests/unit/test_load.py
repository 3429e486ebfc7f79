"""Training load: session RPE, TRIMP, fitness / fatigue / form, the 7:28 ramp and strength balance."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from calculators.errors import InputError
from calculators.load import (
    SEED_DAYS,
    SEED_KEPT_DAYS,
    PlannedWeek,
    Session,
    acwr,
    counted_loads,
    daily_loads,
    fitness_fatigue,
    fitness_fatigue_series,
    local_date,
    model_kept,
    seed_load,
    session_load,
    trimp,
    weekly_balance,
)

DAY = date(2026, 11, 23)


def test_session_load_is_rpe_times_minutes() -> None:
    """Foster 2001: load = CR-10 session RPE × minutes (an hour at RPE 7 is 420 AU)."""
    assert session_load(60, 7) == 420.0
    assert session_load(45, 6.5) == 292.5
    assert session_load(30, 0) == 0.0


@pytest.mark.parametrize(
    ("minutes", "rpe", "field"),
    [
        (0, 5, "minutes"),
        (2881, 5, "minutes"),
        (30, 11, "rpe"),
        (30, -1, "rpe"),
        (math.nan, 5, "minutes"),
        (30, math.inf, "rpe"),
    ],
)
def test_session_load_rejects_out_of_range(minutes: float, rpe: float, field: str) -> None:
    with pytest.raises(InputError) as caught:
        session_load(minutes, rpe)
    assert caught.value.field == field
    assert "between" in caught.value.message


@pytest.mark.parametrize(
    ("minutes", "rpe", "field", "message"),
    [
        (60, True, "rpe", "Session RPE: true is not a number. Enter a number between 0 and 10."),
        (60, math.nan, "rpe", "Session RPE: the value is not a number. Enter a number between 0 and 10."),
        (60, 1e20, "rpe", "Session RPE: the value is too large. Enter a number between 0 and 10."),
        (0, 5, "minutes", "Duration: 0 minutes is out of range. Enter a number between 1 and 2880 minutes."),
    ],
)
def test_a_refused_session_load_names_the_field_and_its_range(
    minutes: float, rpe: float, field: str, message: str
) -> None:
    """A bool is no RPE (True would count as 1), and no Python spelling ("nan", "1e+20") reaches the reader."""
    with pytest.raises(InputError) as caught:
        session_load(minutes, rpe)
    assert (caught.value.field, caught.value.message) == (field, message)


def test_trimp_male_hand_computed() -> None:
    """Banister: minutes · x · 0.64·e^(1.92x); x = (150−50)/(190−50) = 0.714285…"""
    x = 100 / 140
    assert trimp(60, 150, 50, 190) == pytest.approx(60 * x * 0.64 * math.exp(1.92 * x))
    assert trimp(60, 150, 50, 190) == pytest.approx(108.0954, abs=1e-3)
    assert trimp(60, 150, 50, 190, "male") == trimp(60, 150, 50, 190)


def test_trimp_female_uses_mortons_coefficients() -> None:
    """Female coefficients 0.86/1.67 (Morton 1990), not GoldenCheetah's 0.64/1.67."""
    x = 100 / 140
    assert trimp(60, 150, 50, 190, "female") == pytest.approx(60 * x * 0.86 * math.exp(1.67 * x))
    assert trimp(60, 150, 50, 190, "female") == pytest.approx(121.499, abs=1e-3)


def test_trimp_edges() -> None:
    assert trimp(30, 50, 50, 190) == 0.0  # average at rest: no impulse
    assert trimp(10, 190, 50, 190) == pytest.approx(10 * 0.64 * math.exp(1.92))


@pytest.mark.parametrize(("hr_avg", "hr_rest", "hr_max", "field"), [
    (200, 50, 190, "hr_avg"), (40, 50, 190, "hr_avg"), (150, 20, 190, "hr_rest"),
    (150, 50, 250, "hr_max"), (150, 100, 100, "hr_rest"), (110, 110, 105, "hr_rest"),
])  # fmt: skip
def test_trimp_rejects_bad_heart_rates(hr_avg: float, hr_rest: float, hr_max: float, field: str) -> None:
    with pytest.raises(InputError) as caught:
        trimp(60, hr_avg, hr_rest, hr_max)
    assert caught.value.field == field


@pytest.mark.parametrize(("hr_avg", "problem"), [
    (True, "true is not a number"), (math.nan, "the value is not a number"),
    (200, "200 beats per minute is out of range"), (40, "40 beats per minute is out of range"),
])  # fmt: skip
def test_trimp_refuses_an_average_in_the_sites_range_words(hr_avg: float, problem: str) -> None:
    """The average is checked against the reader's own resting HR and HR max, in the words every range is given;
    a bool is no heart rate."""
    with pytest.raises(InputError) as caught:
        trimp(60, hr_avg, 50, 190)
    message = f"Average heart rate: {problem}. Enter a number between 50 and 190 beats per minute."
    assert (caught.value.field, caught.value.message) == ("hr_avg", message)


def test_fitness_fatigue_single_load_hand_computed() -> None:
    """fitness = load·(1 − e^(−1/42)), fatigue = load·(1 − e^(−1/7)); form is the previous day's."""
    today = fitness_fatigue({DAY: 100.0}, today=DAY)
    assert today.fitness == pytest.approx(2.3528313)
    assert today.fatigue == pytest.approx(13.3122100)
    assert today.form == 0.0  # yesterday nothing had been logged
    assert today.form_pct is None
    nxt = fitness_fatigue({DAY: 100.0}, today=DAY + timedelta(days=1))
    assert nxt.form == pytest.approx(2.3528313 - 13.3122100)
    assert nxt.form_pct == pytest.approx(-465.795, abs=1e-3)
    assert nxt.fitness == pytest.approx(2.2974732)  # decays by e^(−1/42)
    assert nxt.fatigue == pytest.approx(11.5400607)  # decays by e^(−1/7)
    assert nxt.history_days == 2


def test_fitness_fatigue_steady_load_converges() -> None:
    """A constant daily load L: fitness and fatigue tend to L and form to 0."""
    loads = {DAY - timedelta(days=i): 300.0 for i in range(600)}
    state = fitness_fatigue(loads, today=DAY)
    assert state.fitness == pytest.approx(300.0, rel=1e-4)
    assert state.fatigue == pytest.approx(300.0, rel=1e-9)
    assert state.form == pytest.approx(0.0, abs=0.1)


def test_fitness_fatigue_empty_and_series() -> None:
    empty = fitness_fatigue({}, today=DAY)
    assert (empty.fitness, empty.fatigue, empty.form, empty.form_pct, empty.history_days) == (0, 0, 0, None, 0)
    series = fitness_fatigue_series({DAY - timedelta(days=3): 200.0}, start=DAY - timedelta(days=5), today=DAY)
    assert [s.day for s in series] == [DAY - timedelta(days=i) for i in range(5, -1, -1)]
    assert series[-1] == fitness_fatigue({DAY - timedelta(days=3): 200.0}, today=DAY)
    assert series[0].fitness == 0.0


def test_future_or_bad_loads_are_refused() -> None:
    with pytest.raises(InputError, match="future"):
        fitness_fatigue({DAY + timedelta(days=1): 100.0}, today=DAY)
    with pytest.raises(InputError, match="future"):
        acwr({DAY + timedelta(days=1): 100.0}, today=DAY)
    with pytest.raises(InputError) as caught:
        fitness_fatigue({DAY: -5.0}, today=DAY)
    assert caught.value.field == f"load.{DAY.isoformat()}"
    with pytest.raises(InputError):
        fitness_fatigue({DAY: math.nan}, today=DAY)


def test_acwr_constants_hand_computed() -> None:
    """EWMA λ = 2/(N+1): λ7 = 0.25, λ28 = 2/29; one load today gives a ratio of 29/8."""
    ramp = acwr({DAY: 100.0}, today=DAY)
    assert ramp.acute == pytest.approx(25.0)
    assert ramp.chronic == pytest.approx(200 / 29)
    assert ramp.ratio == pytest.approx(29 / 8)
    later = acwr({DAY: 100.0}, today=DAY + timedelta(days=1))
    assert later.acute == pytest.approx(25.0 * 0.75)
    assert later.chronic == pytest.approx(200 / 29 * 27 / 29)


def test_acwr_two_days_hand_computed() -> None:
    ramp = acwr({DAY - timedelta(days=1): 400.0, DAY: 200.0}, today=DAY)
    assert ramp.acute == pytest.approx(200 * 0.25 + 400 * 0.25 * 0.75)  # 125
    assert ramp.chronic == pytest.approx(200 * 2 / 29 + 400 * 2 / 29 * 27 / 29)


def test_acwr_steady_load_is_one_and_no_load_is_none() -> None:
    loads = {DAY - timedelta(days=i): 250.0 for i in range(400)}
    assert acwr(loads, today=DAY).ratio == pytest.approx(1.0, rel=1e-6)
    assert acwr({}, today=DAY).ratio is None


#: The same week every week from its first day: two 40-minute easy runs at RPE 3, a 2-hour long run at RPE 5.
WEEK = {0: 120.0, 2: 120.0, 5: 600.0}


def weeks_from(first: date, days: int, week: dict[int, float] = WEEK) -> dict[date, float]:
    return {first + timedelta(days=n): week[n % 7] for n in range(days) if n % 7 in week}


def test_the_seed_is_the_median_of_the_first_three_weeks_and_waits_for_them() -> None:
    """Stridelab's rule: the averages start from the runner's usual week, the middle of their first three weekly
    totals over 7, rest days counting as zero; one odd week (ill, a taper) does not set it; unknown before day 21."""
    first = DAY - timedelta(days=60)
    usual = sum(WEEK.values()) / 7
    assert seed_load(weeks_from(first, 61), today=DAY) == pytest.approx(usual)
    ill = {d: v for d, v in weeks_from(first, 61).items() if not 7 <= (d - first).days < 14} | {first: 120.0}
    assert seed_load(ill, today=DAY) == pytest.approx(usual)  # the empty second week is left out
    taper = weeks_from(first, 61) | {first + timedelta(days=n): 60.0 for n in range(14, 21)}
    assert seed_load(taper, today=DAY) == pytest.approx(usual)
    young = weeks_from(first, SEED_DAYS - 1)
    assert seed_load(young, today=first + timedelta(days=SEED_DAYS - 2)) is None
    assert seed_load(young, today=first + timedelta(days=SEED_DAYS - 1)) is not None


def test_no_seed_without_a_usual_week_or_after_a_year() -> None:
    """Two of the first three weeks empty: no usual week, so the averages start from zero as before; nor for a log
    over a year long, which reads exactly as it did."""
    first = DAY - timedelta(days=40)
    sparse = {first: 500.0} | {first + timedelta(days=n): 300.0 for n in range(21, 41)}
    assert seed_load(sparse, today=DAY) is None
    year = weeks_from(DAY - timedelta(days=SEED_KEPT_DAYS - 1), SEED_KEPT_DAYS)
    assert seed_load(year, today=DAY) is not None
    assert seed_load(year | {DAY - timedelta(days=SEED_KEPT_DAYS): 0.0}, today=DAY) is None


def test_a_seeded_steady_load_reads_form_0_from_day_21_not_minus_300() -> None:
    """A steady load started from its own usual week: fitness and fatigue equal it, so form is 0 % and the ramp 1.00
    every day from the 21st, where from zero form read far below −100 % at first and −58 % after six weeks."""
    first = DAY - timedelta(days=SEED_DAYS - 1)
    steady = {first + timedelta(days=n): 300.0 for n in range(SEED_DAYS)}
    seed = seed_load(steady, today=DAY)
    assert seed == 300.0
    seeded = fitness_fatigue_series(steady, start=first, today=DAY, seed=seed)
    assert all(p.form_pct == pytest.approx(0.0, abs=1e-9) and p.seed == seed for p in seeded)
    assert acwr(steady, today=DAY, seed=seed).ratio == pytest.approx(1.0)
    from_zero = fitness_fatigue_series(steady, start=first + timedelta(days=7), today=DAY)
    assert from_zero[0].form_pct is not None and from_zero[0].form_pct < -100
    assert from_zero[0].seed is None


def test_the_seed_is_the_day_before_the_first_log_and_fades_with_fitness() -> None:
    """The start is fitness and fatigue the day before the first log: one log after it, fitness is the seed kept
    e^(−1/42) plus that load's share, as Banister's model adds any day's load."""
    loads = {DAY: 420.0}
    k = model_kept(42)
    assert fitness_fatigue(loads, today=DAY, seed=100.0).fitness == pytest.approx(100.0 * k + 420.0 * (1 - k))
    assert fitness_fatigue(loads, today=DAY, seed=100.0).form == pytest.approx(0.0)  # yesterday's: the seed's


def test_a_year_of_history_reads_exactly_as_before_the_seed() -> None:
    """A runner who imports a year of runs from a watch: the page's numbers are exactly those of the zero start."""
    first = DAY - timedelta(days=400)
    year = weeks_from(first, 401) | {DAY - timedelta(days=n): 700.0 for n in range(3)}
    seed = seed_load(year, today=DAY)
    assert seed is None
    tomorrow = DAY + timedelta(days=1)
    assert fitness_fatigue(year, today=tomorrow, seed=seed) == fitness_fatigue(year, today=tomorrow)
    assert acwr(year, today=DAY, seed=seed) == acwr(year, today=DAY)


def test_daily_loads_combine_runs_and_strength_by_date() -> None:
    sessions = [
        Session(day=DAY, minutes=50, rpe=6, kind="run"),
        Session(day=DAY, minutes=45, rpe=7, kind="strength"),
        Session(day=DAY - timedelta(days=1), minutes=40, rpe=3),
    ]
    assert daily_loads(sessions, today=DAY) == {DAY: 615.0, DAY - timedelta(days=1): 120.0}
    with pytest.raises(InputError, match="future"):
        daily_loads([Session(day=DAY + timedelta(days=1), minutes=40, rpe=3)], today=DAY)
    with pytest.raises(InputError):
        daily_loads([Session(day=DAY, minutes=40, rpe=12)], today=DAY)


def test_local_date_uses_the_given_offset() -> None:
    """An evening run in New York (UTC−5) is logged on the local date, not the UTC one."""
    instant = datetime(2026, 11, 24, 2, 30, tzinfo=UTC)
    assert local_date(instant, timedelta(hours=-5)) == date(2026, 11, 23)
    assert local_date(instant, timedelta(0)) == date(2026, 11, 24)
    tz = ZoneInfo("America/New_York")
    assert local_date(instant, lambda at: at.astimezone(tz).utcoffset() or timedelta(0)) == date(2026, 11, 23)
    summer = datetime(2026, 7, 1, 3, 30, tzinfo=UTC)  # daylight saving: UTC−4
    assert local_date(summer, lambda at: at.astimezone(tz).utcoffset() or timedelta(0)) == date(2026, 6, 30)
    assert local_date(datetime(2026, 11, 24, 2, 30), timedelta(hours=1)) == date(2026, 11, 24)


def _week(strength_minutes: float, run_minutes: float = 300, start: date = DAY) -> list[Session]:
    week = [Session(day=start, minutes=run_minutes, rpe=5, kind="run")]
    if strength_minutes:
        week.append(Session(day=start + timedelta(days=3), minutes=strength_minutes, rpe=5, kind="strength"))
    return week


@pytest.mark.parametrize(("strength", "verdict"), [
    (0, "strength missing"), (30, "strength missing"),  # 9.1 %
    (40, "a little low"),  # 11.8 %: passes (10–45), but under the 15–40 % target shown beside it
    (100, "balanced"),  # 25 %
    (240, "a little high"),  # 44.4 %: passes, but over the target shown beside it
    (260, "strength over-indexed"),  # 46.4 %
])  # fmt: skip
def test_balance_base_weeks(strength: float, verdict: str) -> None:
    """Base/build: balanced 15–40 %, under 10 % missing, over 45 % over-indexed; between them the label says which
    side of the target the share is on, never "balanced" outside the target shown."""
    result = weekly_balance(_week(strength), week_start=DAY)
    assert result.verdict == verdict
    assert result.band == (15.0, 40.0)


@pytest.mark.parametrize(
    ("strength", "verdict"),
    [(20, "strength missing"), (40, "balanced"), (100, "balanced"), (110, "strength over-indexed")],
)
def test_balance_peak_weeks(strength: float, verdict: str) -> None:
    """Peak weeks: balanced 8–25 % (strength cut by 30–50 %)."""
    assert weekly_balance(_week(strength), week_start=DAY, peak=True).verdict == verdict


def test_balance_last_two_weeks_before_race() -> None:
    """In the last 14 days before a race 0 % strength is correct, not missing."""
    race = DAY + timedelta(days=10)
    no_strength = weekly_balance(_week(0), week_start=DAY, race_date=race, peak=True)
    assert no_strength.verdict == "balanced"
    assert no_strength.band == (0.0, 0.0)
    assert weekly_balance(_week(60), week_start=DAY, race_date=race).verdict == "strength over-indexed"
    far = weekly_balance(_week(0), week_start=DAY, race_date=DAY + timedelta(days=15))
    assert far.verdict == "strength missing"


def test_a_week_under_way_is_not_judged_until_it_ends() -> None:
    """Tuesday after a tempo run and Session A reads 51 % strength; the week's three later runs bring it to
    balanced. So the week under way says "so far" with its share, and the verdict comes when it has ended."""
    tuesday = DAY + timedelta(days=1)
    so_far = [
        Session(day=tuesday, minutes=45, rpe=6, kind="run"),
        Session(day=tuesday, minutes=40, rpe=7, kind="strength"),
    ]
    later = [Session(day=DAY + timedelta(days=n), minutes=50, rpe=4, kind="run") for n in (3, 4, 6)]
    under_way = weekly_balance(so_far, week_start=DAY, today=tuesday)
    assert under_way.verdict == "so far"
    assert under_way.label == "so far: strength 51 %"
    assert under_way.reason == (
        "Strength is 51 % of the load so far; the week is judged when it ends (the target is 15–40 %)."
    )
    assert weekly_balance(so_far, week_start=DAY).verdict == "strength over-indexed"  # the share alone is high
    ended = weekly_balance([*so_far, *later], week_start=DAY, today=DAY + timedelta(days=7))
    assert ended.verdict == "balanced" and ended.label == "balanced"
    runs_only = weekly_balance(so_far[:1], week_start=DAY, today=tuesday)
    assert runs_only.label == "so far: no strength yet" and runs_only.reason.startswith("No strength so far;")


def test_strength_in_a_taper_week_under_way_is_judged_at_once() -> None:
    """No later run makes strength in the last 14 days before a race right, so that verdict does not wait."""
    race = DAY + timedelta(days=10)
    assert weekly_balance(_week(60), week_start=DAY, race_date=race, today=DAY + timedelta(days=3)).verdict == (
        "strength over-indexed"
    )
    before_race = weekly_balance(_week(0), week_start=DAY, race_date=race, today=DAY)
    assert before_race.verdict == "balanced"  # no strength is the plan, never "no strength yet" as if behind
    assert before_race.label == "no strength before the race, as planned"
    assert before_race.reason == "Stridelab drops strength in the last two weeks before a race."
    assert before_race.target == "none"  # not "0–0 %"


@pytest.mark.parametrize(("strength", "peak", "shown", "verdict"), [
    (25.2, True, "8 %", "balanced"),  # 7.7 %: shown as 8 %, inside the 8–25 % peak band
    (23.5, True, "7 %", "strength missing"),  # 7.3 %
    (33.2, False, "10 %", "a little low"),  # 9.96 %: shown 10 %, which passes
    (247.0, False, "45 %", "a little high"),  # 45.2 %: shown 45 %, which passes
    (253.0, False, "46 %", "strength over-indexed"),  # 45.8 %
])  # fmt: skip
def test_the_verdict_judges_the_share_as_shown(strength: float, peak: bool, shown: str, verdict: str) -> None:
    """A share shown as 8 % beside an 8–25 % band is not "strength missing": the number and its verdict agree."""
    result = weekly_balance(_week(strength), week_start=DAY, peak=peak)
    assert result.strength_pct is not None and f"{result.strength_pct:.0f} %" == shown
    assert result.verdict == verdict


def _small_week(runs: int = 3, lifts: int = 2, run_minutes: float = 20) -> list[Session]:
    """The plan's small week: ``runs`` × 20 min at RPE 5 and ``lifts`` sessions of 45 min at RPE 4."""
    week = [Session(day=DAY + timedelta(days=n), minutes=run_minutes, rpe=5, kind="run") for n in range(runs)]
    return week + [Session(day=DAY + timedelta(days=3 * n), minutes=45, rpe=4, kind="strength") for n in range(lifts)]


def test_too_much_strength_in_the_plans_own_small_week_says_so_in_plain_words() -> None:
    """TRAINING-RULES.md: over 45 % is too much strength in base/build weeks (the rule's number unchanged). Three
    20-minute runs (300) and the plan's two sessions (360): 55 %, and the runner did what the plan asked, so the
    words say the plan's running is small for two full sessions, not that the runner lifted too much."""
    result = weekly_balance(_small_week(), week_start=DAY, planned=PlannedWeek(run_minutes=60, strength_sessions=2))
    assert result.verdict == "strength over-indexed" and result.label == "too much strength"
    assert result.reason.startswith(
        "Strength was 55 % of the week's training load, more than the 15–40 % Stridelab aims for. Your plan's own "
        "week is over it too: its 60 min of running is small beside two full strength sessions, while the 15–40 % "
        "aim comes from a week of about 4–5 hours of running"
    )
    assert "not because you lifted too much" in result.reason and "over-indexed" not in result.reason


def test_too_much_strength_says_whose_doing_it_is() -> None:
    """Runs missed from a plan whose full week would have been balanced: the missing runs, not the lifts. More lifts
    than the plan had: keep to the plan's. No plan: the reference week beside what was done. Peak weeks: the rule's
    cut (one session, or half the sets)."""
    missed = weekly_balance(_small_week(), week_start=DAY, planned=PlannedWeek(run_minutes=300, strength_sessions=2))
    assert "You ran 60 of the 300 min your plan had: with all of them, strength would have been 19 %." in missed.reason
    extra = weekly_balance(
        _small_week(lifts=3), week_start=DAY, planned=PlannedWeek(run_minutes=60, strength_sessions=2)
    )
    assert extra.reason.endswith("You lifted 3 times and your plan had 2: keep to the plan's sessions.")
    alone = weekly_balance(_small_week(), week_start=DAY)
    assert alone.reason.endswith("(Stridelab's reference week); you ran 60 min and lifted 2 times.")
    peak = weekly_balance(_week(110), week_start=DAY, peak=True)
    assert peak.reason.endswith("In peak weeks Stridelab cuts strength by 30–50 %: one session, or half the sets.")
    assert weekly_balance(_week(30), week_start=DAY).reason == (
        "Strength was 9 % of the week's training load, less than the 15–40 % Stridelab aims for."
    )


def test_balance_only_counts_its_week_and_cross_counts_as_running() -> None:
    sessions = [
        *_week(100),
        Session(day=DAY + timedelta(days=7), minutes=600, rpe=8, kind="strength"),
        Session(day=DAY + timedelta(days=1), minutes=100, rpe=5, kind="cross"),
    ]
    result = weekly_balance(sessions, week_start=DAY)
    assert result.strength_load == 500.0
    assert result.running_load == 2000.0
    assert result.strength_pct == pytest.approx(20.0)
    empty = weekly_balance([], week_start=DAY)
    assert empty.verdict is None
    assert empty.strength_pct is None


def test_series_start_after_today_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        fitness_fatigue_series({}, start=DAY + timedelta(days=1), today=DAY)
    assert caught.value.field == "start"


def test_a_past_week_of_lifts_with_no_run_logged_reads_no_runs_logged_not_too_much_strength() -> None:
    """Imported Strong sessions from before the first logged run: the week's runs are unknown, so its 100 % strength
    is not judged; a week still under way with only a lift says "so far", as before."""
    monday = date(2026, 11, 2)
    lifts = [Session(day=monday + timedelta(days=n), minutes=50, rpe=7, kind="strength") for n in (0, 3)]
    past = weekly_balance(lifts, week_start=monday, today=date(2026, 12, 13))
    assert (past.verdict, past.label) == ("no runs", "no runs logged")
    assert "not judged" in past.reason
    assert weekly_balance(lifts, week_start=monday, today=monday + timedelta(days=4)).verdict == "so far"


def test_the_load_counts_from_the_first_logged_run_and_not_from_a_lone_old_one() -> None:
    """Stridelab's rule: lifts before the first logged run and a lone run before a week without any are kept out of
    the load the model reads; runs that had gone on for 3 weeks before a break still count."""
    lifts = [Session(day=date(2026, 11, n), minutes=50, rpe=7, kind="strength") for n in (2, 5, 9)]
    runs = [Session(day=date(2026, 12, 1) + timedelta(days=n), minutes=45, rpe=4) for n in range(0, 12, 2)]
    lone = Session(day=date(2026, 11, 18), minutes=50, rpe=5)
    assert min(counted_loads([*lifts, *runs])) == date(2026, 12, 1)
    assert min(counted_loads([lone, *runs])) == date(2026, 12, 1)
    assert counted_loads([*lifts, *runs])[date(2026, 12, 1)] == 180.0
    habit = [Session(day=date(2026, 10, 1) + timedelta(days=n), minutes=40, rpe=4) for n in range(0, 28, 2)]
    assert min(counted_loads([*habit, *runs])) == date(2026, 10, 1)  # 4 weeks of runs, then a fortnight off
    assert min(counted_loads(lifts)) == date(2026, 11, 2)  # no run logged: the lifts are all there is

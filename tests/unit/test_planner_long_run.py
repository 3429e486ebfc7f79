"""A long race's long run: grown to Daniels' limits in the build and peak weeks, the rest of the week shrinking to
keep its volume (calculators.planner_long_run), and every other planner rule as it was."""

from __future__ import annotations

import math
from datetime import date, timedelta

import pytest

from calculators.planner import DayPlan, SeasonPlan, SeasonWeek, WeekPrefs, plan_season
from calculators.planner_amounts import KM_PER_UNIT
from calculators.planner_sessions import SESSION_LIMITS, SESSION_MINUTES_MOST
from calculators.vdot import MARATHON_M
from calculators.week import build_week

MONDAY = date(2026, 6, 1)
RACE_DAY = MONDAY + timedelta(weeks=17, days=6)
TEN_K = 10000.0
HALF = MARATHON_M / 2


def season(prefs: WeekPrefs, distance: float) -> SeasonPlan:
    return plan_season(prefs, today=MONDAY, race_date=RACE_DAY, race_distance_m=distance)


def long_run(week: SeasonWeek) -> DayPlan:
    (day,) = (day for day in week.plan.days if day.run == "long")
    return day


def pairs(prefs: WeekPrefs, distance: float) -> list[tuple[SeasonWeek, SeasonWeek]]:
    """Each week of a plan for ``distance`` beside the same week of a 10 km plan (same phases, same volumes), but
    race week, which has no long run."""
    weeks = zip(season(prefs, distance).weeks, season(prefs, TEN_K).weeks, strict=True)
    return [(a, b) for a, b in weeks if not any(day.run == "race" for day in a.plan.days)]


def test_a_marathoners_build_and_peak_long_runs_grow_to_daniels_quarter_of_the_week() -> None:
    """Daniels: "the lesser of 25 percent of weekly mileage or 150 minutes" from 40 miles (64 km) a week, 30 % below.
    The plan peaks at 80 km, so every week takes the quarter, those under 64 km too (Stridelab's rule). Six runs at
    80 km: the 1.6 rule gives 19.4 km, Daniels' quarter 20 km; the other runs give up what it gains."""
    prefs = WeekPrefs(run_days=6, volume_unit="km", current_volume=60, peak_volume=80, vdot=50.0)
    grown = 0
    for marathon, ten_k in pairs(prefs, MARATHON_M):
        assert marathon.volume == pytest.approx(ten_k.volume)  # the week keeps its volume
        longest, usual = long_run(marathon), long_run(ten_k)
        assert longest.km is not None and usual.km is not None
        if marathon.phase not in ("build", "peak"):
            assert longest.km == usual.km  # base weeks and the taper: the 1.6 rule alone
            continue
        # The quarter, down to half a km: in some weeks no more than the 1.6 rule's share rounds to.
        assert longest.km == math.floor(0.25 * marathon.volume * 2) / 2 >= usual.km
        assert longest.minutes is not None and longest.minutes <= 150
        grown += longest.km > usual.km
    assert grown >= 8
    peak = next(week for week in season(prefs, MARATHON_M).weeks if week.phase == "peak")
    assert long_run(peak).km == 20.0


def test_the_grown_long_runs_marathon_part_keeps_to_daniels_m_limits() -> None:
    """The long run's last part at M pace stays within 20 % of the week's distance, 29 km and 110 minutes."""
    prefs = WeekPrefs(run_days=6, volume_unit="km", current_volume=70, peak_volume=110, vdot=55.0)
    checked = 0
    for week, _ in pairs(prefs, MARATHON_M):
        day = long_run(week)
        if day.fast_km is None or day.fast_minutes is None:
            continue
        checked += 1
        share, most_km = SESSION_LIMITS["long"]
        assert most_km is not None
        assert day.fast_km <= min(share * week.volume, most_km) + 1e-9
        assert day.fast_minutes <= SESSION_MINUTES_MOST["long"]
    assert checked >= 8


def test_a_half_marathon_under_64_km_grows_its_long_run_to_30_percent() -> None:
    """Five runs at 55 km: 1.6 of 5.6 shares is 28.6 % of the week, Daniels' limit under 40 miles a week 30 %."""
    prefs = WeekPrefs(run_days=5, volume_unit="km", current_volume=40, peak_volume=55, vdot=45.0)
    peak, usual = next((a, b) for a, b in pairs(prefs, HALF) if a.phase == "peak")
    assert long_run(peak).km == math.floor(0.30 * 55 * 2) / 2 == 16.5
    assert long_run(usual).km == 15.5
    assert peak.volume == usual.volume == 55


def test_a_build_crossing_64_km_never_gives_a_week_a_longer_long_run_than_the_bigger_weeks_after_it() -> None:
    """Daniels allows 30 % of a week under 64 km and 25 % from there: week by week, a 63 km build week would get
    18.5 km and the 64 km peak 16 km. The plan peaks at 64 km, so its build weeks take the quarter too (six runs: the
    1.6 rule's 24 % grows to it), and the peak weeks' 16 km is the season's longest."""
    prefs = WeekPrefs(run_days=6, volume_unit="km", current_volume=44, peak_volume=64, vdot=50.0)
    weeks = [week for week, _ in pairs(prefs, HALF) if week.phase in ("build", "peak")]
    under = [week for week in weeks if week.volume < 64]
    assert under and any(week.phase == "peak" for week in weeks)
    for week in under:
        assert long_run(week).km == math.floor(0.25 * week.volume * 2) / 2
    longest = max(long_run(week).km or 0.0 for week in weeks)
    assert longest == 16.0
    assert all(long_run(week).km == 16.0 for week in weeks if week.phase == "peak")


def test_a_long_run_grows_to_150_minutes_at_most_and_is_never_cut_to_them() -> None:
    """Six runs in minutes: at 603 a week Daniels' quarter is 150.75 min, his 150 minutes the limit; at 800 the 1.6
    rule's 195 min is more than either, and the planner keeps the guide's proportions rather than cut it."""
    for peak_minutes, expected in ((603, 150), (800, 195)):
        prefs = WeekPrefs(run_days=6, current_volume=400, peak_volume=peak_minutes)
        peak, usual = next((a, b) for a, b in pairs(prefs, MARATHON_M) if a.phase == "peak")
        assert long_run(peak).minutes == expected
        assert peak.volume == usual.volume == pytest.approx(peak_minutes, abs=2.5)  # rounded to fives
    assert long_run(usual).minutes == 195  # the 10 km plan: the 1.6 rule alone


@pytest.mark.parametrize("run_days", [3, 4])
def test_with_few_runs_the_long_run_keeps_the_guides_share_above_daniels(run_days: int) -> None:
    """With three or four runs the 1.6 rule gives a third of the week or more: more than Daniels' share, never cut."""
    prefs = WeekPrefs(run_days=run_days, volume_unit="km", current_volume=50, peak_volume=70, vdot=50.0)
    for marathon, ten_k in pairs(prefs, MARATHON_M):
        assert long_run(marathon).km == long_run(ten_k).km


def test_a_share_within_daniels_limit_is_not_rounded_past_it() -> None:
    """A 33.5-mile build week of six runs in a plan peaking at 49.1 miles (79 km): the 1.6 rule's 8.12 miles is within
    Daniels' quarter (8.375) but past the half mile below it (8.0); left to the week's rounding it came to 8.5 miles,
    more than the quarter. It is the 8.0 instead."""
    prefs = WeekPrefs(run_days=6, volume_unit="mi", current_volume=30, peak_volume=49.1, vdot=45.0)
    runs = ("tempo", "easy", "intervals", "easy", "easy", "long", "rest")
    week = build_week(runs, prefs, volume=33.5, phase="build", race_distance_m=HALF)
    (long,) = (day for day in week.days if day.run == "long")
    assert long.km == pytest.approx(8.0 * KM_PER_UNIT["mi"])
    assert week.volume == pytest.approx(33.5)


def test_a_plan_by_distance_without_a_vdot_does_not_grow_the_long_run() -> None:
    """Without a pace no one can tell whether the longer run stays within Daniels' 150 minutes."""
    prefs = WeekPrefs(run_days=6, volume_unit="km", current_volume=60, peak_volume=80)
    for marathon, ten_k in pairs(prefs, MARATHON_M):
        assert long_run(marathon).km == long_run(ten_k).km

"""Readiness for tomorrow: the house-rule table, its drivers, tomorrow's easy run and hard-day advice."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest

from calculators.errors import InputError
from calculators.hrv import hrv_status
from calculators.load import acwr, fitness_fatigue
from calculators.readiness import Readiness, readiness
from calculators.readiness_easy_run import easy_run
from calculators.readiness_plan import next_easy_day, usual_easy_minutes
from calculators.units import format_pace
from calculators.vdot import training_paces

TODAY = date(2026, 11, 23)
E_PACE = (296.0, 334.0)  # VDOT 50: 4:56–5:34 /km


@dataclass(frozen=True)
class Day:
    """Stands in for the planner's DayPlan (only ``run``, ``minutes``, ``strength``, ``km`` and the cuts are read)."""

    run: str
    minutes: float | None = None
    strength: str | None = None
    cut_from: int | None = None
    km: float | None = None
    cut_from_km: float | None = None


def ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def hrv(*, low_days: int = 0, days: int = 30, high: bool = False) -> dict[date, float]:
    """ln rMSSD alternating 4.0 / 4.2; the last ``low_days`` mornings at ln 3.0 (or 4.6 when ``high``)."""
    readings = {ago(n): math.exp(4.0 if n % 2 else 4.2) for n in range(days)}
    for n in range(low_days):
        readings[ago(n)] = math.exp(4.6 if high else 3.0)
    return readings


def loads(days: int = 200, base: float = 300.0, spike_days: int = 0, spike: float = 0.0) -> dict[date, float]:
    """A steady ``base`` load with the last ``spike_days`` days at ``spike``."""
    out = {ago(n): base for n in range(days)}
    out.update({ago(n): spike for n in range(spike_days)})
    return out


STEADY = loads()  # form ≈ 0 %, ramp 1.0
LIGHT = loads(spike_days=1, spike=800)  # form −18.6 %, ramp 1.27
HEAVY = loads(spike_days=3, spike=700)  # form −35.2 %, ramp 1.41
VERY_HEAVY = loads(spike_days=7, spike=700)  # form −54.1 %, ramp 1.41
RAMP = loads(spike_days=2, spike=1000)  # form −43.6 %, ramp 1.54


def check(
    hrv_readings: dict[date, float] | None = None,
    daily: dict[date, float] | None = None,
    tomorrow: Day | None = None,
    **kwargs: object,
) -> Readiness:
    args: dict[str, object] = {"easy_pace": E_PACE, "hr_rest": 50, "hr_max": 190} | kwargs
    return readiness(
        hrv_readings=hrv() if hrv_readings is None else hrv_readings,
        daily_loads=STEADY if daily is None else daily,
        tomorrow=tomorrow,
        today=TODAY,
        **args,  # type: ignore[arg-type]
    )


def test_load_scenarios_are_what_their_names_say() -> None:
    """Guards the fixtures the table tests lean on."""
    ranges = {
        "STEADY": (STEADY, -5, 5, 1.01),
        "LIGHT": (LIGHT, -30, -5, 1.3),
        "HEAVY": (HEAVY, -50, -30, 1.5),
        "VERY_HEAVY": (VERY_HEAVY, -100, -50, 1.5),
        "RAMP": (RAMP, -50, -30, 9),
    }
    for name, (daily, low, high, ramp_max) in ranges.items():
        result = check(daily=daily)
        assert result.load.form_pct is not None and low <= result.load.form_pct < high, name
        assert result.ramp.ratio is not None and result.ramp.ratio <= ramp_max, name
    assert check(daily=RAMP).ramp.ratio > 1.5  # type: ignore[operator]


@pytest.mark.parametrize(("readings", "daily", "state"), [
    (hrv(), STEADY, "green"), (hrv(), HEAVY, "green"), (hrv(), LIGHT, "green"),
    (hrv(), VERY_HEAVY, "amber"), (hrv(), RAMP, "amber"),
    (hrv(low_days=2, high=True), STEADY, "green"), (hrv(low_days=2, high=True), VERY_HEAVY, "amber"),
    (hrv(low_days=1), STEADY, "amber"), (hrv(low_days=1), LIGHT, "amber"),
    (hrv(low_days=1), HEAVY, "red"), (hrv(low_days=1), VERY_HEAVY, "red"),
    (hrv(low_days=2), STEADY, "red"),  # Kiviniemi: below two days running
])  # fmt: skip
def test_house_rule_table(readings: dict[date, float], daily: dict[date, float], state: str) -> None:
    """TRAINING-RULES.md: within/above → green unless form % < −50 or ramp > 1.5 (amber);
    below → amber, red when form % < −30 or below on each of the last 2 days."""
    assert check(readings, daily).state == state


def test_hrv_states_behind_the_table() -> None:
    assert check(hrv(low_days=1)).hrv.state == "below"
    assert check(hrv(low_days=2, high=True)).hrv.state == "above"
    one_day = check(hrv(low_days=1))
    assert not any("two days running" in d for d in one_day.drivers)
    assert any("two days running" in d for d in check(hrv(low_days=2)).drivers)


@pytest.mark.parametrize(("readings", "reason"), [
    (hrv(days=13), "day 13 of 14 from your first reading, Wednesday 11 November"),
    # 33 days of history: HRV lapsed and is logged again, too sparse to count yet (same rule, other words)
    ({ago(n): 60.0 for n in range(7, 40)} | {ago(1): 60.0, ago(4): 60.0}, "too sparse: 2 readings in the last 7 days,"),
    ({TODAY: 60.0}, "1 reading in the last 7 days (needs 3) and day 1 of 14 from your first reading, Monday 23 "
                    "November"),
])  # fmt: skip
def test_building_uses_load_only_and_says_hrv_is_not_used(readings: dict[date, float], reason: str) -> None:
    result = check(readings, STEADY)
    assert result.state == "building"
    assert result.level == "green"
    assert result.drivers[0].startswith("HRV not used yet" if result.hrv.history_days < 14 else "HRV too sparse")
    assert reason in result.drivers[0]
    assert check(readings, VERY_HEAVY).level == "amber"
    assert check(readings, RAMP).state == "building"
    assert check(hrv(days=13, low_days=3), STEADY).level == "green"  # HRV ignored while building


def test_a_building_baseline_names_only_what_is_still_short() -> None:
    """A week of readings with 13 days of history is short of history only: "7 readings in the last 7 days
    (needs 3)" beside it read as if the readings were short too."""
    assert (
        check(hrv(days=13)).drivers[0]
        == "HRV not used yet: day 13 of 14 from your first reading, Wednesday 11 November"
    )
    two = check({ago(0): 60.0, ago(1): 60.0})
    both = "2 readings in the last 7 days (needs 3) and day 2 of 14 from your first reading, Sunday 22 November"
    assert two.drivers[0] == f"HRV not used yet: {both}"


@pytest.mark.parametrize(("readings", "extra", "state"), [
    (hrv(), {"soreness": 4}, "amber"), (hrv(), {"sleep_hours": 5.5}, "amber"),
    (hrv(), {"soreness": 3, "sleep_hours": 6.0}, "green"),
    (hrv(), {"soreness": 5, "sleep_hours": 4.0}, "amber"),  # one step, not two
    (hrv(low_days=1), {"soreness": 4}, "red"), (hrv(low_days=2), {"sleep_hours": 3.0}, "red"),
])  # fmt: skip
def test_soreness_or_short_sleep_moves_one_step_worse(
    readings: dict[date, float], extra: dict[str, float], state: str
) -> None:
    result = check(readings, STEADY, **extra)
    assert result.state == state
    if "soreness" in extra and extra["soreness"] >= 4:
        assert f"soreness {extra['soreness']:g} of 5" in result.drivers


@pytest.mark.parametrize(
    ("readings", "words"),
    [
        (
            hrv() | {TODAY: 24.0},
            "7-day HRV average 52.9 ms, less than 0.1 ms below your normal range of 52.9–64.3 ms",
        ),  # not "0.0 ms"
        (hrv(low_days=1), "7-day HRV average 51.6 ms, 0.3 ms below your normal range of 51.8–64.8 ms"),  # tenths
        (hrv(low_days=2), "7-day HRV average 45 ms, 4 ms below your normal range of 48–65 ms"),
        (hrv(low_days=2, high=True), "7-day HRV average 71 ms, 3 ms above your normal range of 58–68 ms"),
    ],
)
def test_an_hrv_average_outside_its_range_says_how_far_in_ms(readings: dict[date, float], words: str) -> None:
    """In ms, as the page shows the range, never in standard deviations of ln rMSSD ("0.4 SD")."""
    status = hrv_status(readings, today=TODAY)
    assert status.baseline is not None and status.normal_low is not None and status.normal_high is not None
    edge = status.normal_high if status.state == "above" else status.normal_low
    gap = abs(math.exp(status.baseline) - math.exp(edge))  # the hand check of the number in the words
    assert f"{gap:.{0 if gap >= 0.95 else 1}f} ms" in words or (gap < 0.05 and "less than 0.1 ms" in words)
    assert check(readings, STEADY).drivers[0] == words


def test_an_average_from_old_mornings_names_the_latest_reading() -> None:
    """Three readings in the last 7 days still count (Plews 2014), but a reader who stopped logging four days ago
    must see that the verdict rests on those mornings; yesterday's reading is recent enough to say nothing."""
    stopped = {d: v for d, v in hrv().items() if d <= ago(4)}
    words = check(stopped, STEADY).drivers[0]
    assert words == (
        "7-day HRV average 62 ms, within your normal range of 57–63 ms, though your latest reading is from Thursday "
        "19 November"
    )
    assert (
        check({d: v for d, v in hrv().items() if d <= ago(1)}, STEADY).drivers[0].endswith("normal range of 57–63 ms")
    )
    assert check(stopped, STEADY).state == check(hrv(), STEADY).state  # the rule is unchanged: only the words


def test_drivers_in_words() -> None:
    """E.g. “7-day HRV average 51.6 ms, 0.3 ms below your normal range of 51.8–64.8 ms”; “load not far above what
    you are used to”: form % said as what it is, the recent weighted daily load against the 6-week level (1 − form %
    / 100 times)."""
    result = check(hrv(low_days=1), LIGHT)
    assert result.drivers[0] == "7-day HRV average 51.6 ms, 0.3 ms below your normal range of 51.8–64.8 ms"
    assert result.drivers[1] == (
        "load not far above what you are used to: your recent daily load, weighted towards the last few days, is "
        "about 1.18 times your 6-week level"
    )
    assert check(hrv(), STEADY).drivers[0] == "7-day HRV average 61 ms, within your normal range of 57–63 ms"
    light = check(hrv(), loads(spike_days=7, spike=100)).drivers[1]  # a light week: the ratio as it is, under 1
    assert light.startswith("load below what you are used to") and re.search(r"is about 0\.\d\d times your 6", light)
    ramp = check(hrv(), RAMP).drivers
    assert any(d.startswith("load rising fast: load ramp 1.54, above 1.5 (your recent load, weighted") for d in ramp)
    assert check(hrv(), HEAVY).drivers[1].endswith("about 1.34 times your 6-week level (heavy: over 1.3 times)")
    assert (
        check(hrv(), VERY_HEAVY).drivers[1].endswith("about 1.53 times your 6-week level (very heavy: over 1.5 times)")
    )
    assert check(hrv(), {}).drivers[1] == "no training load logged yet"
    for daily in (LIGHT, HEAVY, VERY_HEAVY, RAMP, loads(days=20), loads(days=1)):
        assert not any("%" in d or "form" in d for d in check(hrv(), daily).drivers)  # no form-% jargon


def test_a_reader_without_hrv_is_not_told_of_missing_readings_among_the_reasons() -> None:
    """HRV is optional: with no reading at all, the verdict is building (load-only advice, TRAINING-RULES.md) and its
    reasons are the load's alone, not "0 readings in the last 7 days (needs 3)" every day."""
    result = check({}, STEADY, tomorrow=Day("tempo"))
    assert result.state == "building" and result.level == "green"
    assert not any("HRV" in d for d in result.drivers)
    assert result.hard_day is not None and result.hard_day.reason.startswith("Your load allows a hard day. load ")
    assert check({}, VERY_HEAVY).level == "amber"
    young = check({}, loads(days=3), tomorrow=Day("tempo"))
    assert young.hard_day is not None and young.hard_day.reason == "Nothing in your logs yet speaks against a hard day."


@pytest.mark.parametrize(("days", "words", "ramp"), [
    (1, "training load not counted yet: how fast it is rising (the load ramp) and how your recent load compares with "
        "your 6-week level start from your usual week in your first 3 weeks of logs, from your first log, Monday 23 "
        "November", None),
    (30, "your recent load against your 6-week level still settling: that level starts from your usual week in your "
         "first 3 weeks of logs, from your first log, Sunday 25 October, and leans on that start for months, so it "
         "does not set the verdict yet",
     "; still settling, as it starts from your usual week in your first 3 weeks of logs: settled from Saturday 5 "
     "December"),
    (45, "your recent load against your 6-week level still settling: that level starts from your usual week in your "
         "first 3 weeks of logs, from your first log, Saturday 10 October, and leans on that start for months, so it "
         "does not set the verdict yet", ""),
])  # fmt: skip
def test_a_load_that_does_not_count_yet_says_why_instead_of_a_number(days: int, words: str, ramp: str | None) -> None:
    """Form and the ramp start from the runner's usual week once 3 weeks are logged, counted from the first log (rest
    days included): before then the reason says why, not a number (from when is said once, above the reasons:
    readiness_start). From then the ramp counts, named with its number and, until 6 weeks, as still settling; form
    sets the verdict only from 18 weeks, so it is no reason before. A load the same every day reads 1.00: "about the
    same as", never "heavier than"."""
    drivers = check(hrv(), loads(days=days)).drivers
    assert drivers[1] == words
    said = ("load ramp 1.00: your recent load, weighted towards the last few days, is about the same as your load "
            f"over about the last 4 weeks (it counts against the verdict above 1.5{ramp})")  # fmt: skip
    assert drivers[2:] == ((said,) if ramp is not None else ())


def test_the_wait_for_the_load_counts_days_since_the_first_log_not_days_with_a_log() -> None:
    """One run on Saturday, read on Monday: the log spans 3 days but holds one log, so no count of "days logged" is
    given, only the first log's date."""
    drivers = check({}, {TODAY - timedelta(days=2): 300.0}).drivers
    assert len(drivers) == 1 and "your first log, Saturday 21 November" in drivers[0]
    assert "3 days" not in drivers[0] and "logged" not in drivers[0]


def test_green_easy_run_as_planned() -> None:
    run = check(tomorrow=Day("easy", 55)).next_easy_run
    assert (run.rest, run.minutes, run.minutes_range) == (False, 55, (55, 55))
    assert run.pace_s_per_km == E_PACE
    assert run.hr_cap == 150  # 79 % of 190 = 150.1, the top of Daniels' E band
    assert run.summary == "Easy 55 min as planned, at E pace."


def test_without_a_vdot_the_easy_run_is_said_by_feel_never_at_an_e_pace_the_runner_does_not_have() -> None:
    """A beginner with no race time has no E pace: the easy run says how easy by the talk test (planner_sessions), and
    an amber day's run says slower than usual, not "the slow half of your E range"."""
    green = easy_run("green", 35, None, None, None).summary
    assert green == "Easy 35 min as planned, easy enough that you can talk in full sentences."
    amber = easy_run("amber", 35, None, None, None).summary
    assert amber == "Shorter and slower: 21–24 min, slower than your usual easy runs, instead of the planned 35 min."


@pytest.mark.parametrize(("tomorrow", "why"), [
    (None, "nothing is planned for tomorrow"),
    (Day("easy", None), "your plan gives no minutes for it"),
])  # fmt: skip
def test_the_default_easy_run_is_never_called_as_planned(tomorrow: Day | None, why: str) -> None:
    """With no minutes in the plan the run is the guide's usual 50 min, and the page says so."""
    run = check(tomorrow=tomorrow).next_easy_run
    assert run is not None and run.minutes == 50
    assert "as planned" not in run.summary and why in run.summary and "Stridelab's usual" in run.summary
    amber = check(hrv(low_days=1), tomorrow=tomorrow).next_easy_run
    assert amber is not None and "planned" not in amber.summary.replace(why, "") and why in amber.summary


def test_with_nothing_planned_the_easy_run_is_the_readers_usual_one_not_longer_than_they_run() -> None:
    """Tom's plan had ended and his runs were 30–45 min: "Easy 50 min … Stridelab's usual easy run" was longer than
    any of them. His own usual easy run sets the minutes, said as his; an amber day cuts it back as his."""
    run = check(usual_easy=35).next_easy_run
    assert run is not None and run.minutes == 35
    assert run.summary.startswith("Easy 35 min (nothing is planned for tomorrow: about your usual easy run)")
    amber = check(hrv(low_days=1), usual_easy=35).next_easy_run
    assert amber is not None and "cut back from your usual 35 min (nothing is planned for tomorrow)" in amber.summary
    planned = check(tomorrow=Day("easy", 55), usual_easy=35).next_easy_run
    assert planned is not None and planned.minutes == 55 and "as planned" in planned.summary  # the plan decides


def test_the_usual_easy_run_is_the_median_of_the_last_four_weeks_easy_runs_never_over_the_default() -> None:
    """Stridelab's choice: runs logged at RPE 4 or under in the last 28 days; a race or a hard session does not
    count, and a reader who runs longer still gets at most the default 50 min."""

    @dataclass(frozen=True)
    class Logged:
        day: date
        duration_s: float
        rpe: float

    def runs(*minutes_rpe: tuple[int, float], days_back: int = 1) -> list[Logged]:
        return [Logged(TODAY - timedelta(days=days_back + n), m * 60, r) for n, (m, r) in enumerate(minutes_rpe)]

    assert usual_easy_minutes(runs((30, 3), (45, 4), (35, 2), (25, 9)), TODAY) == 35
    assert usual_easy_minutes(runs((70, 3), (80, 3)), TODAY) == 50
    assert usual_easy_minutes(runs((30, 3), days_back=28), TODAY) is None  # more than 4 weeks back
    assert usual_easy_minutes(runs((30, 3), days_back=27), TODAY) == 30
    assert usual_easy_minutes(runs((30, 7)), TODAY) is None


def test_without_a_plan_a_day_off_the_profiles_run_days_is_rest() -> None:
    """No plan: tomorrow outside the profile's run days is rest (or a short very easy run), never the usual
    easy run; on a run day, or when run days are not given, the usual easy run stays."""
    tomorrow = (TODAY + timedelta(days=1)).weekday()
    others = tuple(d for d in range(7) if d != tomorrow)[:3]
    off = check(run_weekdays=others).next_easy_run
    assert off is not None and off.rest and off.minutes is None and off.minutes_range == (20, 30)
    assert off.summary == "Tomorrow is not one of your run days: rest, or an easy 20–30 min if you want to move."
    assert off.pace_s_per_km == (315.0, 334.0) and off.hr_cap == 142  # the slow half of E, 75 % of 190
    on = check(run_weekdays=(*others[:2], tomorrow)).next_easy_run
    assert on is not None and on.minutes == 50 and "nothing is planned for tomorrow" in on.summary
    planned = check(tomorrow=Day("easy", 40), run_weekdays=others).next_easy_run
    assert planned is not None and planned.minutes == 40  # a saved plan decides, not the profile


def test_amber_easy_run_shorter_slower_lower_cap() -> None:
    run = check(hrv(low_days=1), tomorrow=Day("easy", 60)).next_easy_run
    assert run.minutes_range == (36, 42)  # 60–70 % of 60 min
    assert run.minutes == 39
    assert run.pace_s_per_km == (315.0, 334.0)  # the slow half of the E range
    assert run.hr_cap == 142  # 75 % of 190
    assert run.summary.endswith("instead of the planned 60 min.")
    short = check(hrv(low_days=1), tomorrow=Day("easy", 25)).next_easy_run
    assert short.minutes_range == (20, 20)  # never under 20
    assert short.minutes == 20


def test_an_amber_run_is_never_longer_than_the_run_it_replaces() -> None:
    """The 20-minute floor keeps a cut run worth going out for; an easy run planned shorter than that stays as planned
    (Stridelab's rule), never lengthened to 20 min, and a swapped-in one is no longer than the easy day it brings."""
    short = check(hrv(low_days=1), tomorrow=Day("easy", 15)).next_easy_run
    assert short is not None and short.minutes_range == (15, 15) and short.minutes == 15
    assert short.summary == (
        "Slower, not shorter: 15 min in the slow half of your E range, as planned: an amber day cuts no run below "
        "20 min."
    )
    swapped = check(hrv(low_days=1), tomorrow=Day("tempo", 40), next_easy=Day("easy", 18)).next_easy_run
    assert swapped is not None and swapped.minutes_range == (18, 18) and swapped.minutes == 18
    assert (
        swapped.summary.startswith("Slower, not shorter: 18 min") and "your next easy day's 18 min:" in swapped.summary
    )


MILE = 1.609344  # km


def test_an_amber_swap_in_a_miles_plan_by_distance_names_the_run_in_miles_cut_from_that_days_distance() -> None:
    """A plan in miles without a VDOT gives its easy runs a distance and no minutes. The swapped easy run was cut from
    the reader's usual minutes and shown in minutes ("your plan gives your next easy day's run no minutes"), which could
    come out longer than the 1.5 miles it replaces; it is now that day's 1.5 mi cut back, in miles."""
    result = check(
        hrv(low_days=1),
        tomorrow=Day("tempo", None, km=5 * MILE),
        next_easy=Day("easy", None, km=1.5 * MILE),
        easy_pace=None,
        usual_easy=30,  # 30 min of easy running would be far longer than 1.5 miles
        unit="mi",
    )
    assert result.hard_day is not None and result.hard_day.action == "swap"
    run = result.next_easy_run
    assert run is not None and run.minutes is None and run.minutes_range is None
    assert run.km_range is not None and run.km_range[1] <= 1.5 * MILE  # never over the run it replaces
    assert run.summary == (
        "Shorter and slower: about 0.9–1.1 mi, slower than your usual easy runs, your next easy day's 1.5 mi, cut back."
    )
    assert "min" not in run.summary and "km" not in run.summary


def test_an_amber_day_in_a_km_plan_by_distance_names_its_runs_in_km() -> None:
    """The same in km, for the day's own easy run and a swapped one; and a session shorter than the easy day it swaps
    with caps the run at the session's own distance, as minutes do."""
    own = check(hrv(low_days=1), tomorrow=Day("easy", None, km=5.0), easy_pace=None).next_easy_run
    assert own is not None and own.km_range == pytest.approx((3.0, 3.5))
    assert own.summary.startswith("Shorter and slower: about 3–3.5 km") and own.summary.endswith(
        "instead of the planned 5 km."
    )
    swapped = check(
        hrv(low_days=1), tomorrow=Day("intervals", None, km=6.0), next_easy=Day("easy", None, km=8.0)
    ).next_easy_run
    assert swapped is not None and swapped.km_range == pytest.approx((3.6, 4.2))  # from the session's 6 km, not 8
    assert swapped.pace_s_per_km == (315.0, 334.0)  # the slow half of the E range still applies
    assert "about 3.6–4.2 km in the slow half of your E range, cut back from the 6 km of the session" in swapped.summary
    green = check(tomorrow=Day("easy", None, km=5.0), unit="mi").next_easy_run
    assert green is not None and green.summary == "Easy 3.1 mi as planned, at E pace." and green.km_range == (5.0, 5.0)


def test_an_amber_long_run_by_distance_with_no_easy_day_left_runs_the_plan_weeks_easy_distance_cut_back() -> None:
    """No easy day later in the week to swap with: the run in the long run's place is the week's easy run, cut back,
    as with minutes; by distance, it was the reader's usual minutes, cut, in minutes."""
    result = check(
        hrv(low_days=1),
        tomorrow=Day("long", None, km=2 * MILE),
        plan_easy_km=1.5 * MILE,
        easy_pace=None,
        usual_easy=28,
        unit="mi",
    )
    assert result.hard_day is not None and result.hard_day.in_place
    run = result.next_easy_run
    assert run is not None and run.minutes is None and run.km_range == pytest.approx((0.9 * MILE, 1.05 * MILE))
    assert run.summary.endswith(
        "about 0.9–1.1 mi, slower than your usual easy runs, cut back from your plan's usual 1.5 mi (no easy day is "
        "left this week to swap with)."
    )


def test_an_amber_run_by_distance_accepted_on_the_calendar_is_given_again_not_cut_twice() -> None:
    """The calendar stores the accepted run cut already, with the distance it was cut from (``cut_from_km``)."""
    run = check(hrv(low_days=1), tomorrow=Day("easy", None, km=3.25, cut_from_km=5.0)).next_easy_run
    assert run is not None and run.km_range == pytest.approx((3.0, 3.5))
    assert run.summary.endswith("as you accepted it on the training calendar.")


def test_red_is_rest_or_very_easy() -> None:
    result = check(hrv(low_days=2), tomorrow=Day("easy", 50))
    run = result.next_easy_run
    assert run.rest is True
    assert run.minutes is None
    assert run.minutes_range == (20, 30)
    assert "Rest" in run.summary
    assert result.drop_strength is False  # nothing to drop: the plan has no strength tomorrow


@pytest.mark.parametrize(
    ("tomorrow", "minutes", "said"),
    [
        (Day("easy", 15), (15, 15), "Rest, or 15 min very easy running or cross-training, no longer than the 15 min "
         "planned."),
        (Day("easy", 25), (20, 25), "Rest, or 20–25 min very easy running or cross-training, no longer than the 25 "
         "min planned."),
        (Day("easy", 45), (20, 30), "Rest, or 20–30 min very easy running or cross-training."),
        # The session itself is what the red day replaces, not the shorter easy run an amber swap would bring forward.
        (Day("long", 25), (20, 25), "no longer than the 25 min planned."),
    ],
)  # fmt: skip
def test_a_red_days_alternative_is_never_longer_than_the_run_it_replaces(
    tomorrow: Day, minutes: tuple[int, int], said: str
) -> None:
    """TRAINING-RULES.md, red: "rest, or 20–30 min very easy / cross-training"; Stridelab's rule, as for amber: never
    over the run it replaces. A beginner whose easy days are 15 min was told 20–30 min on a red day."""
    run = check(hrv(low_days=2), tomorrow=tomorrow, next_easy=Day("easy", 40)).next_easy_run
    assert run is not None and run.rest and run.minutes_range == minutes and run.summary.endswith(said)


def test_a_red_day_in_a_miles_plan_by_distance_offers_up_to_the_planned_distance_in_miles() -> None:
    """A plan in miles without a VDOT gives no minutes: a red day's very easy run was "20–30 min", longer than a
    1.5-mile easy run. It is now up to the day's own distance, in miles, and the house rule's 30 min at most (no pace
    turns one into the other); in place of a session, the session's distance, not the easy day an amber swap brings."""
    easy = check(hrv(low_days=2), tomorrow=Day("easy", None, km=1.5 * MILE), easy_pace=None, unit="mi").next_easy_run
    assert easy is not None and easy.rest and easy.minutes_range is None
    assert easy.km_range == (1.5 * MILE, 1.5 * MILE)
    assert easy.summary == "Rest, or very easy running or cross-training: up to the 1.5 mi planned, 30 min at most."
    long_run = check(
        hrv(low_days=2),
        tomorrow=Day("long", None, km=2 * MILE),
        next_easy=Day("easy", None, km=1.5 * MILE),
        easy_pace=None,
        usual_easy=28,
        unit="mi",
    ).next_easy_run
    assert (
        long_run is not None
        and long_run.km_range == (2 * MILE, 2 * MILE)
        and "up to the 2 mi planned" in long_run.summary
    )


@pytest.mark.parametrize(("tomorrow", "drop"), [(None, True), (Day("tempo", 40, "A"), True), (Day("easy", 50), False)])
def test_a_red_day_drops_strength_only_where_there_may_be_some(tomorrow: Day | None, drop: bool) -> None:
    assert check(hrv(low_days=2), tomorrow=tomorrow).drop_strength is drop


def test_without_pace_or_heart_rate() -> None:
    run = check(easy_pace=None, hr_rest=None, hr_max=None).next_easy_run
    assert run.pace_s_per_km is None
    assert run.hr_cap is None
    assert check(hrv(low_days=1), easy_pace=None, hr_rest=None, hr_max=180).next_easy_run.hr_cap == 135


@pytest.mark.parametrize(
    ("readings", "action"), [(hrv(), "keep"), (hrv(low_days=1), "swap"), (hrv(low_days=2), "make easy")]
)
def test_planned_hard_day(readings: dict[date, float], action: str) -> None:
    result = check(readings, tomorrow=Day("intervals", 60, "B"))
    assert result.hard_day is not None
    assert result.hard_day.action == action
    assert result.hard_day.reason
    if action == "swap":  # no easy day given to swap with: run easy in its place
        assert result.hard_day.says == "run it easy" and "Swap it" not in result.hard_day.reason
        assert "no easy day later this week to swap it with: run easy tomorrow instead" in result.hard_day.reason
        assert "7-day HRV average" in result.hard_day.reason  # says why
        assert result.next_easy_run is not None
        assert result.next_easy_run.minutes_range == (30, 35)  # no easy day given: the guide's 50 min, amber
        assert "no easy day later this week" in result.next_easy_run.summary
    if action == "keep":
        assert result.next_easy_run is None  # the intervals stay: no easy run is invented beside them
    if action == "make easy":
        assert "drop strength" in result.hard_day.reason


@pytest.mark.parametrize(("readings", "loads_", "reason"), [
    ({}, {ago(n): 300.0 for n in range(3)}, "Nothing in your logs yet speaks against a long run."),
    (hrv(), STEADY, "Recovery and load allow a long run. "),
    (hrv(low_days=1), STEADY, "Your plan has no easy day later this week to swap it with: run easy tomorrow instead"),
    (hrv(low_days=2), STEADY, "Make tomorrow easy (or rest) and move the session later in the week. 7-day HRV"),
])  # fmt: skip
def test_the_long_run_is_named_as_a_long_run_and_has_no_strength_to_move(
    readings: dict[date, float], loads_: dict[date, float], reason: str
) -> None:
    """The plan calls the long run easy: the advice on it never calls it "a hard day", and since the long run has no
    strength session, nothing says one moves with it or is dropped."""
    result = check(readings, loads_, tomorrow=Day("long", 90))
    assert result.hard_day is not None and result.hard_day.reason.startswith(reason)
    assert "hard day" not in result.hard_day.reason and "strength" not in result.hard_day.reason


def test_a_swap_brings_the_next_easy_days_minutes_forward() -> None:
    """Amber: the hard session swaps with the next easy day, so tomorrow runs that day's minutes, cut to 60–70 %."""
    result = check(hrv(low_days=1), tomorrow=Day("tempo", 40), next_easy=Day("easy", 40))
    assert result.hard_day is not None and result.hard_day.action == "swap"
    run = result.next_easy_run
    assert run is not None and run.minutes_range == (24, 28)
    assert "your next easy day's 40 min" in run.summary and "as planned" not in run.summary


def test_the_next_easy_day_is_the_first_easy_run_later_in_the_plans_week_with_minutes_or_without() -> None:
    """An easy run by what it is: a plan by distance gives its easy runs no minutes, and an amber day swaps with them
    all the same (else the verdict says the week has no easy day to swap with while Thursday holds one)."""
    tomorrow = TODAY + timedelta(days=1)  # a Tuesday
    days = {tomorrow + timedelta(days=n): day for n, day in enumerate(
        [Day("tempo", 40), Day("rest"), Day("easy", None), Day("easy", 45), Day("easy", 40)]
    )}  # fmt: skip
    assert next_easy_day(days, tomorrow) == Day("easy", None)
    assert next_easy_day({tomorrow + timedelta(days=8): Day("easy", 40)}, tomorrow) is None


def test_an_easy_run_next_week_is_no_swap() -> None:
    """A Tuesday tempo in a week whose only easy run was Monday's (Wednesday, Friday and Sunday rest, Thursday
    intervals, Saturday long): next Monday's 50 min is in another week, where the training calendar never moves a
    session, so no swap is named and the easy run in the tempo's place says why it is Stridelab's usual one."""
    tomorrow = TODAY + timedelta(days=1)
    week = ["tempo", "rest", "intervals", "rest", "long", "rest"]
    days = {tomorrow + timedelta(days=n): Day(run, 60) for n, run in enumerate(week)}
    days[tomorrow - timedelta(days=1)] = Day("easy", 60)
    days[tomorrow + timedelta(days=6)] = Day("easy", 50)  # next Monday
    assert next_easy_day(days, tomorrow) is None
    result = check(hrv(low_days=1), tomorrow=Day("tempo", 60, "A"), next_easy=next_easy_day(days, tomorrow))
    assert result.hard_day is not None and result.hard_day.says == "run it easy"
    assert "next easy day" not in result.hard_day.reason and "strength session moves" not in result.hard_day.reason
    run = result.next_easy_run
    assert run is not None and "your next easy day's" not in run.summary
    assert run.summary.endswith("cut back from Stridelab's usual 50 min (your plan has no easy day later this week "
                                "to swap with).")  # fmt: skip


def test_an_easy_run_in_a_short_sessions_place_is_no_longer_than_the_session() -> None:
    """With no easy day to swap with, Stridelab's usual 50 min would be longer than a 40-minute tempo: no easing."""
    run = check(hrv(low_days=1), tomorrow=Day("tempo", 40)).next_easy_run
    assert run is not None and run.minutes_range == (24, 28)
    assert "cut back from the 40 min of the session it replaces" in run.summary


def test_other_days_tomorrow() -> None:
    assert check(tomorrow=Day("easy", 40)).hard_day is None
    assert check(tomorrow=Day("tempo", 50)).hard_day is not None
    assert check(tomorrow=Day("long", 100)).hard_day is not None
    race = check(hrv(low_days=2), tomorrow=Day("race", None)).hard_day
    assert race is not None and race.action == "keep"
    assert race.reason.startswith("Tomorrow is race day: start conservatively.")  # the eve never reads as race day
    morning = check(hrv(low_days=2), tomorrow=Day("race", None), morning=True).hard_day
    assert morning is not None and morning.reason.startswith("Today is race day: start conservatively.")
    assert check(hrv(low_days=1), tomorrow=Day("race", 200)).next_easy_run is None  # race day is no easy run
    rest = check(tomorrow=Day("rest", None)).next_easy_run
    assert rest is not None and rest.rest is True
    assert rest.summary == "Rest day, as planned."


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"easy_pace": (334.0, 296.0)}, "easy_pace"), ({"easy_pace": (60.0, 90.0)}, "easy_pace"),
    ({"soreness": 6}, "soreness"), ({"soreness": 0}, "soreness"), ({"sleep_hours": 25.0}, "sleep_hours"),
    ({"hr_rest": 60, "hr_max": 55}, "hr_max"), ({"hr_rest": 195, "hr_max": 190}, "hr_rest"),
    ({"hr_rest": None, "hr_max": 260}, "hr_max"), ({"tomorrow": Day("easy", -5)}, "tomorrow.minutes"),
    ({"daily": {TODAY + timedelta(days=1): 100.0}}, "date"),
    ({"hrv_readings": {TODAY: 900.0}}, f"rmssd.{TODAY.isoformat()}"),
])  # fmt: skip
def test_bad_input_names_the_field(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(InputError) as caught:
        check(**kwargs)  # type: ignore[arg-type]
    assert caught.value.field == field


@pytest.mark.parametrize(("hr_max", "problem"), [
    (260, "260 beats per minute is out of range"), (True, "true is not a number"),
    (math.inf, "the value is too large"), (math.nan, "the value is not a number"),
])  # fmt: skip
def test_an_hr_max_alone_is_refused_in_the_sites_range_words(hr_max: float, problem: str) -> None:
    """With no resting HR, HR max is still checked, by the one range check: named, bools and non-finite refused."""
    with pytest.raises(InputError) as caught:
        check(hr_rest=None, hr_max=hr_max)
    message = f"HR max: {problem}. Enter a number between 100 and 230 beats per minute."
    assert (caught.value.field, caught.value.message) == ("hr_max", message)


@pytest.mark.parametrize("days", [8, 20])
def test_a_load_under_3_weeks_old_does_not_set_the_verdict(days: int) -> None:
    """Before 3 weeks of logs, fitness and the chronic load start at zero: a steady load reads form very heavy and
    the ramp high though nothing is wrong, so neither may shorten tomorrow's run or swap a tempo."""
    short = loads(days=days)
    result = check(hrv(), short, tomorrow=Day("tempo"))
    assert result.load.form_pct is not None and result.load.form_pct < -50  # what the model reads
    assert result.ramp.ratio is not None and result.ramp.ratio > 1.3  # a steady load, read as rising
    assert result.level == "green" and result.hard_day is not None and result.hard_day.action == "keep"
    assert result.drivers[1].startswith("training load not counted yet")
    hrv_words = "7-day HRV average 61 ms, within your normal range of 57–63 ms"
    assert result.hard_day.reason == f"Recovery allows a hard day. {hrv_words}."
    assert check(hrv(low_days=1), short).level == "amber"  # HRV below still counts, form does not make it red
    assert not any("heavy" in d for d in result.drivers)


@pytest.mark.parametrize("days", [21, 30, 60, 90, 125])
def test_a_steady_load_reads_form_near_zero_and_a_flat_ramp_from_3_weeks(days: int) -> None:
    """Started from the runner's usual week (the median of the first three weeks), a load the same every day reads
    form 0 % and a ramp of 1.00 from day 21, where from zero it read −58 % ("very heavy") even at 42 days and −5 % at
    126: never heavy, and the ramp counts, so a green verdict rests on the load too."""
    steady = loads(days=days)
    result = check(hrv(), steady, tomorrow=Day("tempo"))
    assert result.load.form_pct is not None and abs(result.load.form_pct) < 1
    assert result.ramp.ratio is not None and abs(result.ramp.ratio - 1) < 0.01
    from_zero = fitness_fatigue(steady, today=TODAY + timedelta(days=1))
    assert from_zero.form_pct is not None and from_zero.form_pct < -4  # what the zero start read
    assert result.level == "green" and result.load_counts and result.hard_day is not None
    assert result.hard_day.reason.startswith("Recovery and load allow a hard day.")
    low = check(hrv(low_days=1), steady)
    assert low.level == "amber" and not any("heavy" in c for c in low.causes)


def test_the_ramp_counts_from_3_weeks_and_form_from_18() -> None:
    """A ramp over 1.5 turns a day amber from 3 weeks of logs; a very heavy form only from 126 days: before then it
    leans on its start (Stridelab's rule, readiness_load.FILLED_SHARE)."""
    ramp_only = loads(days=25, spike_days=2, spike=1000)
    result = check(hrv(), ramp_only)
    assert result.ramp.ratio is not None and result.ramp.ratio > 1.5
    assert result.level == "amber" and any(d.startswith("load rising fast") for d in result.drivers)
    assert check(hrv(), loads(days=60)).level == "green"
    settling = check(hrv(), loads(days=60, spike_days=7, spike=700))
    assert settling.load.form_pct is not None and settling.load.form_pct < -50  # very heavy, still settling
    assert settling.ramp.ratio is not None and settling.ramp.ratio < 1.5
    assert settling.level == "green" and not settling.causes
    assert check(hrv(), loads(days=130, spike_days=7, spike=700)).level == "amber"  # form very heavy, 130 days


def test_a_steady_week_with_a_long_run_stays_green_from_3_weeks() -> None:
    """The same week every week (two 40-minute easy runs at RPE 3 and a 2-hour long run at RPE 5): from zero, the
    4-week load reads a ramp of 1.56 on day 34, over the 1.5 that turns a day amber, though nothing rose. Started from
    the usual week of the first three, the ramp counts from day 21 and stays under 1.5 every day."""
    first = TODAY - timedelta(days=200)
    week = {0: 120.0, 2: 120.0, 5: 600.0}
    daily = {first + timedelta(days=n): week[n % 7] for n in range(201) if n % 7 in week}

    def on(day: int) -> Readiness:  # the evening of the log's day ``day``, the first log's day counting as 1
        today = first + timedelta(days=day - 1)
        return readiness(
            hrv_readings={},  # no HRV: the verdict is the load's alone
            daily_loads={d: v for d, v in daily.items() if d <= today},
            easy_pace=E_PACE,
            hr_rest=50,
            hr_max=190,
            tomorrow=None,
            today=today,
        )

    zero_start = acwr({d: v for d, v in daily.items() if d <= first + timedelta(days=33)}, today=first + timedelta(33))
    assert zero_start.ratio is not None and round(zero_start.ratio, 2) == 1.56
    days = [on(day) for day in range(21, 70)]
    assert all(r.ramp.ratio is not None and r.ramp.ratio < 1.5 and r.level == "green" for r in days)
    assert any(d.startswith("load ramp 1.") and "still settling" in d for d in days[0].drivers)
    assert not any(d.startswith("load ramp") and "still settling" in d for d in days[-1].drivers)  # settled: day 42
    assert not any(d.startswith("load ramp") for d in on(20).drivers)


def test_first_weeks_with_next_to_nothing_logged_wait_as_before() -> None:
    """One run, then two empty weeks: no usual week to start from, so the averages start from zero and the ramp waits
    for its 6 weeks, form for 18; the reason says why."""
    first = TODAY - timedelta(days=29)
    daily = {first: 300.0} | {first + timedelta(days=n): 300.0 for n in range(21, 30)}
    result = check(hrv(), daily)
    assert result.load.seed is None and result.level == "green" and not result.load_counts
    assert "your first 3 weeks of logs, from your first log" in result.drivers[1]
    assert "hold too little training to start from" in result.drivers[1]
    assert not any(d.startswith(("load ramp", "load rising")) for d in result.drivers)


@pytest.mark.parametrize(("today_load", "shown", "words"), [
    (120, "0.89", "lighter than"),
    (135, "0.90", "about the same as"),
    (465, "1.10", "about the same as"),
    (485, "1.11", "heavier than"),
])  # fmt: skip
def test_a_ramp_within_a_tenth_of_one_reads_about_the_same(today_load: float, shown: str, words: str) -> None:
    """Stridelab's band: a ramp shown as 0.90–1.10 is "about the same as" your usual load, so a load the same every
    day (1.05 on the day a ramp started from zero counts) is never told it is rising; beyond the band it is named."""
    ramp = check(hrv(), loads(spike_days=1, spike=today_load)).drivers[-1]
    assert ramp.startswith(f"load ramp {shown}: your recent load, weighted towards the last few days, is {words} your")


def test_a_lighter_last_week_after_six_weeks_of_logs_is_called_lighter_and_never_heavy() -> None:
    """Six weeks of 4 runs and 2 lifts a week, the last week a run short (its Thursday missed), HRV low this morning:
    the load the verdict reads is the ramp, under 1, and the words say lighter; nothing calls the week heavy."""
    first = TODAY - timedelta(days=41)
    week = {0: 180.0, 1: 360.0 + 270.0, 3: 385.0 + 270.0, 5: 380.0}  # easy; tempo + A; intervals + B; long
    daily = {first + timedelta(days=n): week[n % 7] for n in range(42) if n % 7 in week}
    del daily[first + timedelta(days=38)]  # the last Thursday, missed
    result = check(hrv(low_days=1), daily, tomorrow=Day("tempo", 60, "A"))
    assert result.ramp.ratio is not None and result.ramp.ratio < 1
    assert result.level == "amber" and result.causes == (
        "7-day HRV average below your normal range (51.6 ms against 51.8–64.8 ms)",
    )
    ramp = f"load ramp {result.ramp.ratio:.2f}: your recent load, weighted towards the last few days, is lighter than"
    assert any(d.startswith(ramp) for d in result.drivers)
    assert not any("heavy" in d or "above what you are used to" in d for d in result.drivers)
    assert result.hard_day is not None and ramp in result.hard_day.reason


def test_the_guides_worked_example_is_what_the_page_shows() -> None:
    """The HRV guide's table for VDOT 50, HR max 185 and a planned 50-minute easy run: caps are 79 % and 75 % of
    HR max rounded down (a cap is an upper limit), the paces as the page formats them; a red day's optional run
    has the amber pace and cap, as the page gives them."""
    guide = Path(__file__).parents[2] / "content" / "guides" / "hrv-and-readiness.md"
    rows = dict(re.findall(r"^\| (green|amber|red) \| (.+) \|$", guide.read_text(encoding="utf-8"), flags=re.MULTILINE))
    easy = training_paces(50).easy
    for state, readings in (("green", hrv()), ("amber", hrv(low_days=1)), ("red", hrv(low_days=2))):
        result = check(readings, STEADY, tomorrow=Day("easy", 50), easy_pace=easy, hr_max=185)
        assert result.state == state
        run = result.next_easy_run
        assert run is not None and run.minutes_range is not None and run.pace_s_per_km is not None
        low, high = run.minutes_range
        fast, slow = (format_pace(p, "km").removesuffix(" /km") for p in run.pace_s_per_km)
        minutes = f"{low} min" if low == high else f"{low}–{high} min"
        minutes = f"rest, or {minutes} if you move at all" if run.rest else minutes
        assert rows[state] == f"{minutes} | {fast}–{slow}/km | {run.hr_cap} bpm"


@pytest.mark.parametrize(("readings", "daily", "kwargs", "causes"), [
    (hrv(), STEADY, {}, ()),
    (hrv(low_days=1), HEAVY, {}, (
        "7-day HRV average below your normal range (51.6 ms against 51.8–64.8 ms)",
        "heavy recent training load (1.34 times your 6-week level, over 1.3)",
    )),
    (hrv(), VERY_HEAVY, {}, ("very heavy recent training load (1.53 times your 6-week level, over 1.5)",)),
    (hrv(), RAMP, {}, ("training load rising fast (load ramp 1.54, above 1.5)",)),
    (hrv(), STEADY, {"soreness": 4, "sleep_hours": 5.5}, ("soreness 4 of 5", "sleep 5.5 h (under 6 h)")),
])  # fmt: skip
def test_causes_name_what_moved_the_verdict_off_green(
    readings: dict[date, float], daily: dict[date, float], kwargs: dict[str, object], causes: tuple[str, ...]
) -> None:
    """The headline names these, so a verdict never rests on an input that did not move it."""
    assert check(readings, daily, **kwargs).causes == causes


def test_one_low_morning_is_named_though_the_7_day_average_keeps_the_verdict() -> None:
    readings = hrv() | {TODAY: math.exp(3.9)}  # 49 ms after mornings of 55–67 ms (normal range 57–63 ms)
    r = check(readings)
    assert r.hrv.state == "within" and r.level == "green"
    (named,) = [d for d in r.drivers if d.startswith("the latest morning's HRV, 49 ms, is under your normal range (")]
    assert "the verdict follows the 7-day average" in named
    assert not [d for d in check(hrv()).drivers if "latest morning" in d]


def test_a_morning_verdict_reads_that_mornings_hrv_and_the_evening_befores_load() -> None:
    # The day after TODAY, with its own low reading: counted as that day's, with the load up to TODAY.
    morning = TODAY + timedelta(days=1)
    readings = hrv() | {morning: math.exp(3.0)}
    r = check(readings, morning=True)
    assert r.hrv.day == morning and r.hrv.readings_last_7 == 7
    with pytest.raises(InputError):  # without ``morning`` that reading is in the future
        check(readings)


def test_two_days_running_needs_a_reading_on_each_of_the_two_mornings() -> None:
    """Kiviniemi's two-day rule counts two mornings' readings: a low morning yesterday and no reading today is one
    low morning, so amber on a steady load, not red "two days running" from the same reading counted twice."""
    yesterday_low = {d: v for d, v in hrv(low_days=2).items() if d != TODAY}
    once = check(yesterday_low)
    assert once.hrv.state == "below"
    assert once.state == "amber" and not any("two days running" in d for d in once.drivers)
    assert check(hrv(low_days=2)).state == "red"  # both mornings read low


def ill_then_normal() -> dict[date, float]:
    """Weeks at 38–46 ms, 12 mornings at 22–28 ms (an illness), then a normal 43 ms this morning."""
    readings = {ago(n): 38.0 + 8 * (n % 2) for n in range(13, 60)}
    return readings | {ago(n): 22.0 + 6 * (n % 2) for n in range(1, 13)} | {TODAY: 43.0}


def test_a_normal_morning_after_low_ones_is_named_beside_the_low_average_that_decides() -> None:
    """The rule compares the 7-day average with the range (TRAINING-RULES.md), so a normal 43 ms morning after
    12 low ones stays red, two days running; but the words say it is the average that is low, with its value and
    the range, and that this morning's reading is above the range, so the verdict does not read as contradicting
    the number the reader sees beside it."""
    r = check(ill_then_normal())
    assert r.state == "red" and r.hrv.state == "below"  # the rule is unchanged
    average = math.exp(r.hrv.baseline or 0.0)
    low, high = (math.exp(x or 0.0) for x in (r.hrv.normal_low, r.hrv.normal_high))
    assert average < low < high < 43.0  # the hand check of the scenario: the average low, the morning above
    compared = f"{average:.0f} ms against {low:.0f}–{high:.0f} ms"
    assert r.causes == (
        f"7-day HRV average below your normal range two days running ({compared}; the latest morning's 43 ms is "
        "above the range)",
    )
    assert r.drivers[0].startswith(f"7-day HRV average {average:.0f} ms, ")
    assert r.drivers[0].endswith(f"below your normal range of {low:.0f}–{high:.0f} ms")
    assert f"the latest morning's HRV, 43 ms, is above your normal range ({low:.0f}–{high:.0f} ms)" in r.drivers[1]
    assert "HRV below your normal range two days running" not in r.drivers  # the old words, read as the mornings


def test_a_low_average_with_a_low_morning_names_no_morning() -> None:
    """The morning is named only when it disagrees with the average: a low morning under a low average says
    nothing more than the average does."""
    r = check(hrv(low_days=2))
    assert r.state == "red"
    assert not [d for d in r.drivers if "latest morning" in d]
    assert "latest morning" not in r.causes[0] and "ms against" in r.causes[0]


def test_hrv_that_stopped_being_logged_is_too_sparse_with_its_last_date_not_a_baseline_building() -> None:
    """After its 14 days of history, under 3 readings in 7 days keeps the house rule's load-only advice, but the
    reader stopped logging: the driver says what to log, and when the last reading was, not "not used yet"."""
    stale = check({d: v for d, v in hrv(days=40).items() if d <= ago(6)})
    assert stale.state == "building" and stale.hrv_not_recent == ago(6)
    assert stale.drivers[0] == (
        "HRV too sparse: 1 reading in the last 7 days, needs 3, the last on Tuesday 17 November; the verdict leaves "
        "HRV out until you log 3 mornings in 7 days"
    )
    young = check(hrv(days=5))  # a new reader's baseline is still building
    assert young.hrv_not_recent is None and young.drivers[0].startswith("HRV not used yet")

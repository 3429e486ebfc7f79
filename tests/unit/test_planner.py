"""The week and season planner (issue 4) against the guide's reference weeks and the rules in TRAINING-RULES.md."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from itertools import pairwise
from typing import Any

import pytest

from calculators.errors import InputError
from calculators.planner import (
    NO_STRENGTH_DAYS,
    PEAK_STRENGTH_DOSE,
    DayPlan,
    SeasonPlan,
    SeasonWeek,
    WeekContext,
    WeekPlan,
    WeekPrefs,
    plan_season,
    plan_week,
    rule_violations,
    season_from_dict,
    season_to_ics,
    season_violations,
    week_context,
)
from calculators.readiness import PACE_MAX
from calculators.season import SHAKE_OUT_MINUTES
from calculators.ui.planner_tables import bent_rules, week_table
from calculators.units import METERS_PER_KM, METERS_PER_MILE, format_pace
from calculators.vdot import MARATHON_M, race_time, training_paces, vdot_from_race
from calculators.week_plan import marathon_part
from calculators.week_ramp import RAMP
from calculators.week_search import BentRule

# TRAINING-RULES.md, "Reference four-run week" (Wednesday "easy or rest" and Friday "easy 40 min or
# rest" are rest with four runs: the fourth run is Tuesday's easy 50–60 min).
FOUR_RUN_WEEK = [
    ("tempo", "A", "stress day 1"),
    ("easy", None, "recovery"),
    ("rest", None, "recovery"),
    ("intervals", "B", "stress day 2"),
    ("rest", None, "recovery"),
    ("long", None, "aerobic build"),
    ("rest", None, "recovery"),
]
# "Five run days: move the long run to Sunday and add an easy run on Saturday. The strength
# sessions stay on the two hard-run days whatever the number of runs."
FIVE_RUN_WEEK = [
    ("tempo", "A", "stress day 1"),
    ("easy", None, "recovery"),
    ("rest", None, "recovery"),
    ("intervals", "B", "stress day 2"),
    ("rest", None, "recovery"),
    ("easy", None, "aerobic"),
    ("long", None, "aerobic build"),
]
MONDAY = date(2026, 11, 23)


def table(week: WeekPlan) -> list[tuple[str, str | None, str]]:
    return [(d.run, d.strength, d.intent) for d in week.days]


def runs(week: WeekPlan) -> list[str]:
    return [d.run for d in week.days]


# --- the guide's weeks -------------------------------------------------------------------------------


def test_the_easy_run_after_a_stress_day_is_never_called_short_beside_minutes_that_are_not() -> None:
    """The guide's week runs 50–60 min the day after the tempo, an ordinary run's share: the planner does too, so the
    day's reason keeps the rule's "low heart rate, purely aerobic" and leaves out "short" (a 70-minute run in a
    peak week is the week's second-longest)."""
    week = plan_week(WeekPrefs(run_days=5, current_volume=420))
    tuesday, saturday = week.days[1], week.days[5]
    assert (week.days[0].run, tuesday.run, saturday.run) == ("tempo", "easy", "easy")
    assert tuesday.minutes is not None and saturday.minutes is not None and tuesday.minutes >= saturday.minutes
    assert (
        tuesday.reason
        == "Easy run after Monday's stress day: low heart rate, purely aerobic, so the stress does not stack."
    )


def test_an_easy_run_before_the_long_run_cites_the_guide_only_in_a_week_of_five_runs_or_more() -> None:
    """Tuesday, Thursday, Saturday and Sunday: Saturday's easy run is not the guide's five-run week."""
    four = plan_week(WeekPrefs(run_days=4, available_days=(1, 3, 5, 6), long_run_day=6, current_volume=300))
    five = plan_week(WeekPrefs(run_days=5, current_volume=300))
    assert four.days[5].run == "easy" and five.days[5].run == "easy"
    assert four.days[5].reason == "Easy run the day before Sunday's long run."
    assert five.days[5].reason == "Easy run the day before Sunday's long run, as in the guide's five-run week."


@pytest.mark.parametrize(
    "prefs",
    [
        WeekPrefs(run_days=4),
        WeekPrefs(run_days=4, hard_days=(0, 3), long_run_day=5),
        WeekPrefs.from_dict({"run_days": "4", "hard_days": ["mon", "thu"], "long_run_day": "saturday"}),
    ],
)
def test_four_run_week_is_the_guides_reference_week(prefs: WeekPrefs) -> None:
    """Monday tempo + Session A, Tuesday easy, Thursday intervals + Session B, Saturday long, the rest rest."""
    week = plan_week(prefs)
    assert table(week) == FOUR_RUN_WEEK
    assert [d.weekday for d in week.days] == list(range(7))
    assert week.bent_rules == ()
    assert rule_violations(week) == ()


def test_four_run_week_durations_match_the_guide() -> None:
    """Tuesday's easy run is 50–60 min at the guide's ~240 min week; the long run is the longest."""
    week = plan_week(WeekPrefs(run_days=4, current_volume=240))
    assert 50 <= week.days[1].minutes <= 60  # type: ignore[operator]
    assert week.days[5].minutes == max(d.minutes or 0 for d in week.days)
    assert all(d.minutes is None for d in week.days if d.run == "rest")


@pytest.mark.parametrize(
    "prefs",
    [
        WeekPrefs(run_days=5),
        WeekPrefs(run_days=5, hard_days=(0, 3), long_run_day=6),
    ],
)
def test_five_run_week_moves_the_long_run_to_sunday_with_an_easy_saturday(prefs: WeekPrefs) -> None:
    """TRAINING-RULES.md: five run days move the long run to Sunday and add an easy run on Saturday."""
    week = plan_week(prefs)
    assert table(week) == FIVE_RUN_WEEK
    assert week.bent_rules == ()
    assert rule_violations(week) == ()


@pytest.mark.parametrize("run_days", [3, 4, 5, 6])
def test_strength_stays_on_the_two_hard_run_days_whatever_the_number_of_runs(run_days: int) -> None:
    week = plan_week(WeekPrefs(run_days=run_days))
    strength = {d.weekday: d.strength for d in week.days if d.strength}
    assert strength == {0: "A", 3: "B"}
    assert sum(d.run != "rest" for d in week.days) == run_days
    assert all(d.strength_volume == 1.0 for d in week.days if d.strength)
    assert rule_violations(week) == ()


def test_six_run_week_keeps_wednesday_as_the_rest_day() -> None:
    assert runs(plan_week(WeekPrefs(run_days=6))) == ["tempo", "easy", "rest", "intervals", "easy", "easy", "long"]


def test_reasons_explain_each_placement_in_one_line() -> None:
    """Issue 4's example: "Strength on Thursday because it is an interval day; Friday kept easy ..."."""
    week = plan_week(WeekPrefs(run_days=6))
    thursday = week.days[3].reason
    assert "Session B" in thursday and "Thursday because it is an interval day" in thursday
    assert "Friday kept easy so the stress does not stack" in thursday
    assert all(d.reason and "\n" not in d.reason for d in week.days)


# --- the reader's own days ----------------------------------------------------------------------------


def test_monday_wednesday_friday_hard_days_keep_the_rules() -> None:
    """TRAINING-RULES.md: with hard days elsewhere the sessions go with the hard runs and an easy day follows."""
    week = plan_week(WeekPrefs(run_days=4, hard_days=(0, 2, 4)))
    hard = [d.weekday for d in week.days if d.run in ("tempo", "intervals")]
    assert set(hard) <= {0, 2, 4} and len(hard) == 2
    assert rule_violations(week) == ()
    for d in week.days:
        if d.run in ("tempo", "intervals"):
            assert week.days[(d.weekday + 1) % 7].run in ("easy", "rest")


def test_back_to_back_hard_days_are_moved_and_the_rule_is_named() -> None:
    week = plan_week(WeekPrefs(run_days=4, hard_days=(1, 2)))
    assert rule_violations(week) == ()
    assert [d.run for d in week.days][1] == "tempo"
    (note,) = week.bent_rules
    assert note.field == "hard_days"
    assert "Tuesday and Wednesday" in note.message and "back to back" in note.message


def test_unavailable_preferred_day_is_named() -> None:
    week = plan_week(WeekPrefs(run_days=4, available_days=(0, 1, 3, 5, 6), long_run_day=4))
    assert week.days[4].run == "rest" and "not one of your available days" in week.days[4].reason
    assert any(
        b.field == "long_run_day" and "Friday is not among your available days" in b.message for b in week.bent_rules
    )


def test_more_run_days_than_available_days_plans_the_available_ones() -> None:
    week = plan_week(WeekPrefs(run_days=5, available_days=(0, 2, 3, 5)))
    assert sum(d.run != "rest" for d in week.days) == 4
    assert all(d.run == "rest" for d in week.days if d.weekday not in (0, 2, 3, 5))
    assert week.bent_rules[0].field == "run_days"
    assert "5 run days" in week.bent_rules[0].message and "4 runs" in week.bent_rules[0].message


def test_two_available_days_give_one_hard_run_and_name_the_dropped_session() -> None:
    week = plan_week(WeekPrefs(run_days=3, available_days=(1, 2)))
    assert runs(week) == ["rest", "long", "tempo", "rest", "rest", "rest", "rest"]
    assert [d.strength for d in week.days if d.strength] == ["A"]
    assert any("Session B" in b.message for b in week.bent_rules)
    assert rule_violations(week) == ()


def test_three_days_in_a_row_bend_the_long_run_rule_not_the_strength_rule() -> None:
    week = plan_week(WeekPrefs(run_days=3, available_days=(0, 1, 2)))
    assert runs(week)[:3] == ["tempo", "long", "intervals"]
    assert rule_violations(week) == (
        "The long run on Tuesday comes the day after Monday's stress day, which should be easy or rest.",
    )
    assert any(b.field == "available_days" and "long run on Tuesday" in b.message for b in week.bent_rules)


def test_same_inputs_same_plan() -> None:
    a = plan_week(WeekPrefs(run_days=5, available_days=(6, 0, 2, 4, 5, 3), hard_days=(4, 0)))
    b = plan_week(WeekPrefs(run_days=5, available_days=(0, 2, 3, 4, 5, 6), hard_days=(0, 4)))
    assert a == b


# --- paces and volume ---------------------------------------------------------------------------------


def test_paces_come_from_the_vdot() -> None:
    """Tempo at T, intervals at I, easy and long at E (Daniels' Running Formula, 3rd ed.)."""
    paces = training_paces(50)
    week = plan_week(WeekPrefs(run_days=4, vdot=50))
    by_run = {d.run: d.pace_s_per_km for d in week.days}
    assert by_run["tempo"] == (paces.threshold, paces.threshold)
    assert by_run["intervals"] == (paces.interval, paces.interval)
    assert by_run["easy"] == paces.easy == by_run["long"]
    assert by_run["rest"] is None
    assert all(d.km is not None for d in week.days if d.run != "rest")


def test_without_a_vdot_there_are_no_paces_and_no_invented_distances() -> None:
    week = plan_week(WeekPrefs(run_days=4))
    assert all(d.pace_s_per_km is None and d.km is None for d in week.days)


def test_volume_in_km_without_vdot_gives_km_and_no_minutes() -> None:
    week = plan_week(WeekPrefs(run_days=4, volume_unit="km", current_volume=46))
    ran = [d for d in week.days if d.run != "rest"]
    assert all(d.minutes is None and d.km is not None for d in ran)
    assert sum(d.km or 0 for d in ran) == pytest.approx(46, abs=2)
    assert week.volume_unit == "km"


def test_volume_in_km_with_vdot_also_gives_minutes() -> None:
    week = plan_week(WeekPrefs(run_days=4, volume_unit="km", current_volume=46, vdot=50))
    long_run = week.days[5]
    assert long_run.km == 16.0
    assert long_run.minutes == pytest.approx(16.0 * sum(training_paces(50).easy) / 2 / 60, abs=5)


def test_volume_in_miles_plans_half_miles_and_keeps_distances_in_km() -> None:
    """A runner who counts miles gets runs in whole and half miles; the plan's distances stay in km for the log."""
    week = plan_week(WeekPrefs(run_days=4, volume_unit="mi", current_volume=30, vdot=50))
    miles = [round((d.km or 0) / 1.609344, 6) for d in week.days if d.run != "rest"]
    assert miles == [6.5, 6.5, 6.5, 10.5]  # 30 miles over 4 runs, the long run 1.6 times an ordinary one
    assert week.volume_unit == "mi" and week.days[5].minutes == pytest.approx(10.5 * 1.609344 * 5.25, abs=5)


# --- rule_violations ----------------------------------------------------------------------------------


def week_of(*spec: str) -> WeekPlan:
    days = []
    for i, item in enumerate(spec):
        run, _, session = item.partition("+")
        days.append(DayPlan(weekday=i, run=run, strength=session or None, strength_volume=1.0 if session else 0.0))
    return WeekPlan(days=tuple(days), volume=240)


def test_rule_violations_names_each_broken_rule() -> None:
    week = week_of("tempo+A", "intervals+B", "long", "easy+A", "rest", "rest", "rest")
    found = rule_violations(week)
    assert found == (
        "Monday and Tuesday are stress days back to back: an easy day or rest should follow each stress day.",
        "Strength on Tuesday comes the day after Monday's stress day, which should be easy or rest.",
        "The long run on Wednesday comes the day after Tuesday's stress day, which should be easy or rest.",
        "Strength on Thursday goes with an easy run: strength belongs only on a hard-run day, never on an easy day.",
    )


def test_rule_violations_wraps_sunday_into_monday_unless_told_not_to() -> None:
    week = week_of("tempo+A", "rest", "rest", "intervals+B", "rest", "long", "race")
    assert any("Sunday and Monday" in v for v in rule_violations(week))
    assert rule_violations(week, cyclic=False) == ()


def test_rule_violations_wants_an_easy_day_before_the_long_run_with_five_runs() -> None:
    week = week_of("tempo+A", "easy", "easy", "intervals+B", "rest", "rest", "long")
    assert rule_violations(week) == (
        "With five or more run days the day before the long run (Saturday) should be an "
        "easy run, as in the guide's five-day week.",
    )


# --- bad input ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "field", "words"),
    [
        ({"run_days": 2}, "run_days", "3 to 6"),
        ({"run_days": 7}, "run_days", "3 to 6"),
        ({"available_days": ()}, "available_days", "at least one"),
        ({"available_days": (0, 7)}, "available_days", "Monday"),
        ({"hard_days": ("someday",)}, "hard_days", "Monday to Sunday"),
        ({"long_run_day": -1}, "long_run_day", "0 (Monday) to 6 (Sunday)"),
        ({"volume_unit": "hours"}, "volume_unit", "Volume in: give weekly volume in minutes (min), km or miles"),
        ({"volume_unit": "mi", "current_volume": 200}, "current_volume", "between 3 and 155 miles"),
        ({"current_volume": 10}, "current_volume", "between 30 and 1200 minutes"),
        ({"volume_unit": "km", "current_volume": 300}, "current_volume", "between 5 and 250 km"),
        ({"peak_volume": float("nan")}, "peak_volume", "between 30 and 1200"),
        ({"vdot": 95}, "vdot", "between 20 and 90"),
    ],
)
def test_bad_preferences_name_the_field_and_the_accepted_range(kwargs: dict[str, Any], field: str, words: str) -> None:
    with pytest.raises(InputError) as caught:
        WeekPrefs(**kwargs)
    assert caught.value.field == field
    assert words in caught.value.message


def test_from_dict_reads_form_text_and_round_trips_through_to_dict() -> None:
    prefs = WeekPrefs.from_dict(
        {
            "run_days": "5",
            "available_days": "0,1,3,5,6",
            "hard_days": ["Tuesday", "4"],
            "long_run_day": "",
            "volume_unit": "km",
            "current_volume": "42,5",
            "peak_volume": 60,
            "vdot": "",
        }
    )
    assert prefs == WeekPrefs(
        run_days=5,
        available_days=(0, 1, 3, 5, 6),
        hard_days=(1, 4),
        volume_unit="km",
        current_volume=42.5,
        peak_volume=60.0,
    )
    assert WeekPrefs.from_dict(prefs.to_dict()) == prefs
    assert WeekPrefs.from_dict({}) == WeekPrefs()
    assert prefs.to_dict()["available_days"] == [0, 1, 3, 5, 6]


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"run_days": "four"}, "run_days"),
        ({"current_volume": "lots"}, "current_volume"),
        ({"current_volume": ""}, "current_volume"),
        ({"current_volume": "1e2"}, "current_volume"),
        ({"peak_volume": "inf"}, "peak_volume"),
        ({"vdot": "NaN"}, "vdot"),
        ({"available_days": 3}, "available_days"),
        ({"vdot": True}, "vdot"),
    ],
)
def test_from_dict_rejects_unreadable_values_by_field(data: dict[str, object], field: str) -> None:
    with pytest.raises(InputError) as caught:
        WeekPrefs.from_dict(data)
    assert caught.value.field == field


# --- the season ---------------------------------------------------------------------------------------


def marathon_season() -> SeasonPlan:
    return plan_season(
        WeekPrefs(run_days=5, vdot=50, current_volume=240, peak_volume=360),
        today=MONDAY + timedelta(days=2),
        race_date=date(2027, 3, 21),
        race_distance_m=MARATHON_M,
    )


def test_season_runs_from_todays_week_to_race_week_through_the_phases() -> None:
    plan = marathon_season()
    phases = [w.phase for w in plan.weeks]
    assert plan.weeks[0].start == MONDAY
    assert plan.weeks[-1].start <= date(2027, 3, 21) < plan.weeks[-1].start + timedelta(days=7)
    assert phases == ["base"] * 6 + ["build"] * 6 + ["peak"] * 3 + ["taper"] * 2
    assert all(b.start - a.start == timedelta(days=7) for a, b in pairwise(plan.weeks))
    assert season_violations(plan) == ()


def test_season_volume_climbs_to_peak_with_cutback_weeks_and_tapers() -> None:
    plan = marathon_season()
    weeks = plan.weeks
    assert weeks[0].volume == 240
    assert [i for i, w in enumerate(weeks) if w.cutback] == [3, 7, 11]
    for i in (3, 7, 11):  # each week's running comes to its volume rounded to the 5 minutes its runs are given in
        assert weeks[i].volume == pytest.approx(0.8 * weeks[i - 1].volume, abs=5)
    growing = [w.volume for w in weeks[:12] if not w.cutback]
    assert growing == sorted(growing) and growing[-1] < 360
    assert [w.volume for w in weeks if w.phase == "peak"] == [360, 360, 360]
    assert weeks[-2].volume == pytest.approx(0.7 * 360, abs=2.5)
    # Race week: half the peak is the taper's, and the week's figure is the share of it run before the race.
    race_week = weeks[-1]
    before = [d.minutes or 0 for d in race_week.plan.days if d.run != "race"]
    assert race_week.volume < 0.5 * 360 and race_week.volume == sum(before)


def test_season_strength_dose_full_then_cut_in_peak_weeks_then_none() -> None:
    """TRAINING-RULES.md: peak weeks cut strength 30–50 %; no strength in the last two weeks."""
    plan = marathon_season()
    for week in plan.weeks:
        dose = {"base": 1.0, "build": 1.0, "peak": PEAK_STRENGTH_DOSE, "taper": 0.0}[week.phase]
        assert week.strength_dose == dose
        for d in week.plan.days:
            assert d.day is not None
            if (date(2027, 3, 21) - d.day).days <= NO_STRENGTH_DAYS:
                assert d.strength is None and d.strength_volume == 0.0
            elif d.strength:
                assert d.strength_volume == dose
    assert 0.5 <= PEAK_STRENGTH_DOSE <= 0.7


@pytest.mark.parametrize(
    ("distance_m", "peak_dose"),
    [
        (5000.0, 1.0),
        (10000.0, 1.0),
        (MARATHON_M / 2, 1.0),
        (42000.0, PEAK_STRENGTH_DOSE),
        (MARATHON_M, PEAK_STRENGTH_DOSE),
    ],
)
def test_only_a_marathon_build_cuts_strength_in_its_peak_weeks(distance_m: float, peak_dose: float) -> None:
    """TRAINING-RULES.md cuts strength 30–50 % in "peak mileage weeks of a marathon build"; no source cuts it for
    a shorter race, so a 10 km plan progresses at full strength through its peak weeks, up to the two-week stop
    (Stridelab's rule, season.PEAK_CUT_FROM_M)."""
    plan = plan_season(
        WeekPrefs(run_days=3, vdot=45, current_volume=150, peak_volume=200),
        today=MONDAY,
        race_date=MONDAY + timedelta(weeks=10, days=6),
        race_distance_m=distance_m,
    )
    peak = [w for w in plan.weeks if w.phase == "peak"]
    assert peak and {w.strength_dose for w in peak} == {peak_dose}
    lifted = [d for w in peak for d in w.plan.days if d.strength]
    assert lifted and all(d.strength_volume == peak_dose for d in lifted)
    assert all(("maintenance" in d.reason) == (peak_dose < 1) for d in lifted)
    first = week_context(plan, peak[0].start)
    assert first is not None and first.strength_dose == peak_dose


def test_race_week_ends_with_the_race_and_no_hard_run_just_before() -> None:
    plan = marathon_season()
    race_week = plan.weeks[-1].plan
    assert runs(race_week) == ["tempo", "easy", "rest", "intervals", "rest", "easy", "race"]
    race = race_week.days[6]
    assert race.day == date(2027, 3, 21) and race.intent == "race" and race.km == pytest.approx(42.195)
    assert race.minutes == round(race_time(50, MARATHON_M) / 60)
    assert race.pace_s_per_km is not None
    assert "long" not in runs(race_week)


def test_race_midweek_has_rest_after_it_and_an_easy_day_before() -> None:
    plan = plan_season(WeekPrefs(run_days=4), today=MONDAY, race_date=date(2026, 12, 10))  # a Thursday
    race_week = plan.weeks[-1].plan
    # Monday's tempo is easy: its quarter of race week's 60 min before the race allows 4 min at T (planner_sessions).
    assert runs(race_week) == ["easy", "easy", "rest", "race", "rest", "rest", "rest"]
    plan = plan_season(WeekPrefs(run_days=4), today=MONDAY, race_date=date(2026, 12, 9))  # a Wednesday
    assert runs(plan.weeks[-1].plan)[:3] == ["easy", "easy", "race"]  # Monday's tempo is two days out
    assert season_violations(plan) == ()


def test_a_broken_rule_names_its_week_in_words_with_the_year_only_when_it_is_not_this_one() -> None:
    """As the planner's other messages: "Week of Monday 28 December: …", "Week of Monday 4 January 2027: …"."""
    plan = plan_season(WeekPrefs(run_days=4, vdot=50), today=date(2026, 12, 14), race_date=None, weeks=4)
    weeks = list(plan.weeks)
    for i in (2, 3):  # Tuesday's easy run made intervals, the day after Monday's tempo
        days = list(weeks[i].plan.days)
        days[1] = replace(days[1], run="intervals")
        weeks[i] = replace(weeks[i], plan=replace(weeks[i].plan, days=tuple(days)))
    back_to_back = "Monday and Tuesday are stress days back to back"
    assert [v.split(": ", 1)[0] for v in season_violations(replace(plan, weeks=tuple(weeks))) if back_to_back in v] == [
        "Week of Monday 28 December",
        "Week of Monday 4 January 2027",
    ]


def test_week_context_for_a_date() -> None:
    plan = marathon_season()
    assert week_context(plan, date(2027, 3, 6)) == WeekContext(
        phase="peak", strength_dose=PEAK_STRENGTH_DOSE, days_to_race=15
    )
    assert week_context(plan, date(2027, 3, 7)) == WeekContext(phase="peak", strength_dose=0.0, days_to_race=14)
    assert week_context(plan, date(2027, 3, 21)) == WeekContext(phase="taper", strength_dose=0.0, days_to_race=0)
    days_out = (date(2027, 3, 21) - MONDAY).days
    assert week_context(plan, MONDAY) == WeekContext(phase="base", strength_dose=1.0, days_to_race=days_out)
    assert week_context(plan, MONDAY - timedelta(days=1)) is None
    # After the race (Stridelab's rule, calculators.after_race): none for 7 days, then lighter until day 21.
    assert week_context(plan, date(2027, 3, 22)) == WeekContext(phase="base", strength_dose=0.0, days_to_race=-1)
    assert week_context(plan, date(2027, 3, 29)) == WeekContext(phase="base", strength_dose=0.5, days_to_race=-8)
    assert week_context(plan, date(2027, 4, 12)) is None


def test_season_without_a_race_is_base_then_build_at_full_strength() -> None:
    plan = plan_season(WeekPrefs(current_volume=200, peak_volume=300), today=MONDAY, race_date=None, weeks=8)
    assert [w.phase for w in plan.weeks] == ["base"] * 4 + ["build"] * 4
    assert all(w.strength_dose == 1.0 for w in plan.weeks)
    assert [w.cutback for w in plan.weeks] == [False, False, False, True] * 2
    assert plan.weeks[6].volume == 300 == max(w.volume for w in plan.weeks)
    assert week_context(plan, MONDAY) == WeekContext(phase="base", strength_dose=1.0, days_to_race=None)
    assert len(plan_season(WeekPrefs(), today=MONDAY, race_date=None).weeks) == 12


def test_season_key_sessions_name_the_hard_runs_strength_and_long_run() -> None:
    plan = marathon_season()
    first = plan.weeks[0].key_sessions
    # 240 min at VDOT 50's middle E pace (5:14.5 /km) is about 45.8 km: Daniels' 10 % at T (4:15 /km) is 19.5 min,
    # 8 % at I (3:55 /km) 14.3 min, both less than half of a 40-min session.
    assert first == (
        "Tempo run 40 min + Session A (Mon): about 19 min at tempo effort",
        "Intervals 40 min + Session B (Thu): about 14 min hard, in 3–5 min repeats",
        "Long run 70 min (Sun)",
    )
    assert "Session A (2 sets per exercise)" in plan.weeks[12].key_sessions[0]


def _week_km(week: WeekPlan) -> float:
    return sum(d.km for d in week.days if d.run in ("easy", "tempo", "intervals", "long") and d.km is not None)


def test_a_peak_week_keeps_interval_and_tempo_running_within_daniels_limits() -> None:
    """The reviewer's marathon season (240 min now, 360 min peak, VDOT 50) gave its peak weeks "about 38 min hard"
    of intervals and "about 40 min at tempo effort", some 14 % of a 70 km week at I pace. Daniels' Running Formula
    (3rd ed.) limits one session to the lesser of 10 km and 8 % of the week's mileage at I pace, about 10 % at T."""
    plan = plan_season(
        WeekPrefs(vdot=50, current_volume=240, peak_volume=360),
        today=date(2026, 12, 7),
        race_date=date(2027, 3, 28),
        race_distance_m=MARATHON_M,
    )
    peak = [w for w in plan.weeks if w.phase == "peak"]
    assert peak and all(w.volume == 360 for w in peak)
    for week in plan.weeks:
        km = _week_km(week.plan)
        for day in week.plan.days:
            if day.run in ("tempo", "intervals"):
                assert day.fast_km is not None and day.fast_minutes is not None
                assert day.fast_km <= (0.10 if day.run == "tempo" else 0.08) * km, (week.start, day.run)
    sessions = " ".join(peak[0].key_sessions)
    # About 71.5 km: 5.4 km at I (3:55 /km) is 21 min of a 75-min session, 6.8 km at T (4:15 /km) 29 min of 80.
    assert "Intervals 75 min + Session B (2 sets per exercise) (Thu): about 21 min hard" in sessions
    assert "Tempo run 80 min + Session A (2 sets per exercise) (Mon): about 29 min at tempo effort" in sessions


def test_a_session_is_never_more_than_half_fast_where_daniels_would_allow_more() -> None:
    """Six runs spread the week: half of a 55-min tempo run is less than Daniels' 10 % of the week at T pace, so
    the tempo keeps to half and its easy warm-up and cool-down stay the other half."""
    week = plan_week(WeekPrefs(run_days=6, vdot=50, current_volume=360))
    tempo = next(d for d in week.days if d.run == "tempo")
    assert tempo.minutes is not None and tempo.fast_km is not None
    assert (tempo.minutes, tempo.fast_minutes) == (55, 28)  # half of 55 min, to the minute
    assert tempo.fast_km < 0.10 * _week_km(week)


def test_a_small_weeks_tempo_stays_within_10_percent_of_the_distance_its_days_show() -> None:
    """A 7 km week (70 min at VDOT 35): its sessions' distances rounded to the nearest half km made the week 7.0 km
    and put 0.71 km of it at T; rounded up, they keep the week at least as long as the limit assumed."""
    plan = plan_season(
        WeekPrefs(run_days=3, available_days=(0, 2), current_volume=68.0, vdot=35.0),
        today=date(2025, 1, 1),
        race_date=date(2025, 7, 21),
    )
    for week in plan.weeks:
        for day in week.plan.days:
            if day.run == "tempo":
                assert day.fast_km is not None and day.fast_km <= 0.10 * _week_km(week.plan) + 1e-9, week.start


def test_a_plan_by_distance_caps_the_fast_part_by_the_weeks_distance_and_names_it_without_paces() -> None:
    """A plan in km knows the week's distance: 10 % of a 70 km week is 7 km at T, 8 % 5.6 km at I; without a VDOT
    the key sessions give the fast part in the runner's unit."""
    paced = plan_week(WeekPrefs(volume_unit="km", current_volume=70, vdot=50))
    fast = {d.run: d.fast_km for d in paced.days if d.fast_km is not None}
    assert fast == {"tempo": pytest.approx(7.0), "intervals": pytest.approx(5.6)}
    plan = plan_season(WeekPrefs(volume_unit="mi", current_volume=45), today=MONDAY, race_date=None, weeks=1)
    # 45 mi is 72.4 km: 7.24 km at T is 4.5 mi; 5.79 km at I is 3.6 mi (to the tenth below).
    assert "Tempo run 10 mi + Session A (Mon): about 4.5 mi at tempo effort" in plan.weeks[0].key_sessions


@pytest.mark.parametrize("race", [date(2026, 11, 26), date(2026, 12, 6)])
def test_a_race_within_two_weeks_gives_the_taper_and_bends_no_rule(race: date) -> None:
    """Being close to a race is not a rule the runner bent: no bent rule names it (the page's headline does)."""
    plan = plan_season(WeekPrefs(), today=date(2026, 11, 25), race_date=race)
    assert {w.phase for w in plan.weeks} == {"taper"}
    assert any(d.run == "race" for d in plan.days())
    assert all(d.strength is None for d in plan.days())
    assert plan.bent_rules == ()


def test_peak_below_current_holds_the_current_volume_and_says_so() -> None:
    plan = plan_season(WeekPrefs(current_volume=300, peak_volume=200), today=MONDAY, race_date=date(2027, 2, 28))
    assert {w.volume for w in plan.weeks if w.phase in ("base", "build", "peak") and not w.cutback} == {300}
    assert [b.field for b in plan.bent_rules] == ["peak_volume"]
    assert "200 minutes" in plan.bent_rules[0].message and "300 minutes" in plan.bent_rules[0].message


@pytest.mark.parametrize(("unit", "ratio"), [("min", "1.79"), ("km", "1.78")])
def test_a_climb_that_would_trip_the_readiness_ramp_is_named_with_its_weeks_and_ratio(unit: str, ratio: str) -> None:
    """Readiness turns amber above a 7:28-day ramp of 1.5 (house rule): a plan that climbs faster says so.

    240 → 1000 min (50 → 200 km) in five weeks jumps 2.6 times in week two; a runner following it would
    meet the readiness check's warning without having been told by the plan.
    """
    volumes = {"min": (240, 1000), "km": (50, 200)}[unit]
    prefs = WeekPrefs(volume_unit=unit, current_volume=volumes[0], peak_volume=volumes[1])  # type: ignore[arg-type]
    plan = plan_season(prefs, today=date(2026, 12, 5), race_date=date(2027, 1, 3))
    [notice] = [b for b in plan.bent_rules if "readiness" in b.message]
    assert notice.field == RAMP  # shown apart from the rules the plan bends
    assert notice.message.startswith("Weeks of Monday 7 December and Monday 14 December: your running climbs faster")
    assert f"would reach {ratio} times your last 28 days'" in notice.message
    assert "limit is 1.5" in notice.message and "does not predict injury" in notice.message


def test_a_climb_within_the_readiness_ramp_gets_no_ramp_notice() -> None:
    """240 → 1000 min over 18 weeks rises at most 1.38 on the 7:28-day ramp: no notice is shown."""
    prefs = WeekPrefs(current_volume=240, peak_volume=1000)
    plan = plan_season(prefs, today=date(2026, 12, 5), race_date=date(2027, 4, 4))
    assert plan.bent_rules == ()


@pytest.mark.parametrize("unit", ["min", "km", "mi"])
def test_race_day_itself_does_not_count_as_a_steep_climb(unit: str) -> None:
    """A marathon alone lifts the 7-day load past 1.5 times the 28-day: no build could avoid it, so it is not named."""
    volumes = {"min": (240, 300), "km": (50, 60), "mi": (30, 36)}[unit]
    prefs = WeekPrefs(volume_unit=unit, current_volume=volumes[0], peak_volume=volumes[1], vdot=50)  # type: ignore[arg-type]
    plan = plan_season(prefs, today=date(2026, 12, 5), race_date=date(2027, 4, 11), race_distance_m=42195.0)
    assert [b.message for b in plan.bent_rules if b.field == RAMP] == []


@pytest.mark.parametrize(
    ("kwargs", "field", "words"),
    [
        (
            {"race_date": MONDAY - timedelta(days=3)},
            "race_date",
            "has passed: choose today (Monday 23 November) or later",
        ),
        ({"race_date": MONDAY + timedelta(days=400)}, "race_date", "52 weeks"),
        ({"race_date": date(2027, 1, 1), "race_distance_m": 100_000.0}, "race_distance", "between 1 km and 50 km"),
        ({"race_date": None, "weeks": 0}, "weeks", "between 1 and 52"),
    ],
)
def test_bad_season_input_names_the_field(kwargs: dict[str, Any], field: str, words: str) -> None:
    with pytest.raises(InputError) as caught:
        plan_season(WeekPrefs(), today=MONDAY, **kwargs)
    assert caught.value.field == field
    assert words in caught.value.message


def test_a_plan_in_miles_round_trips_through_json_and_old_units_still_read() -> None:
    for unit, volume in (("mi", 30.0), ("km", 46.0), ("min", 240.0)):
        prefs = WeekPrefs(volume_unit=unit, current_volume=volume, peak_volume=volume * 1.2)  # type: ignore[arg-type]
        plan = plan_season(prefs, today=MONDAY, race_date=date(2027, 3, 21))
        assert season_from_dict(json.loads(json.dumps(plan.to_dict()))) == plan


def test_season_weeks_share_the_plan_weeks_layout() -> None:
    prefs = WeekPrefs(run_days=4, hard_days=(1, 4), long_run_day=6)
    plan = plan_season(prefs, today=MONDAY, race_date=None, weeks=4)
    assert all(runs(w.plan) == runs(plan_week(prefs)) for w in plan.weeks)
    assert [d.day for d in plan.days()] == [MONDAY + timedelta(days=i) for i in range(28)]


# --- storing the plan ---------------------------------------------------------------------------------


def test_season_round_trips_through_json_with_iso_dates() -> None:
    plan = marathon_season()
    data = json.loads(json.dumps(plan.to_dict()))
    assert data["version"] == 1 and data["today"] == "2026-11-25" and data["race_date"] == "2027-03-21"
    assert data["weeks"][0]["start"] == "2026-11-23"
    assert data["weeks"][0]["plan"]["days"][0]["day"] == "2026-11-23"
    assert season_from_dict(data) == plan


def test_stored_plan_errors_name_the_dotted_path() -> None:
    data = json.loads(json.dumps(marathon_season().to_dict()))
    data["weeks"][3]["plan"]["days"][2]["run"] = 7
    with pytest.raises(InputError) as caught:
        season_from_dict(data)
    assert caught.value.field == "plan.weeks.3.plan.days.2.run"
    data["weeks"][3]["plan"]["days"][2]["run"] = "sprint"
    with pytest.raises(InputError) as caught:
        season_from_dict(data)
    assert caught.value.field == "plan.weeks.3.plan.days.2"


def test_a_plan_from_a_newer_version_is_refused() -> None:
    data = marathon_season().to_dict()
    data["version"] = 2
    with pytest.raises(InputError, match="newer version") as caught:
        season_from_dict(data)
    assert caught.value.field == "plan.version"


def test_race_on_monday_turns_the_sunday_long_run_before_it_into_an_easy_run() -> None:
    plan = plan_season(WeekPrefs(run_days=5), today=MONDAY, race_date=date(2026, 12, 14))
    before, race_week = plan.weeks[-2].plan, plan.weeks[-1].plan
    assert runs(before) == ["tempo", "easy", "rest", "intervals", "rest", "easy", "easy"]
    shake_out = before.days[6]
    assert "shake-out the day before the race, in place of the long run" in shake_out.reason
    assert shake_out.minutes == SHAKE_OUT_MINUTES  # the week before race week: its usual share would be 60 min
    assert runs(race_week) == ["race"] + ["rest"] * 6
    assert season_violations(plan) == ()


def test_a_race_tomorrow_leaves_a_short_shake_out_not_the_weeks_volume() -> None:
    """Race week's runs before the race get their usual share: 240 min over 4 runs, tapered, is no 2-hour run."""
    season = plan_season(WeekPrefs(), today=date(2026, 11, 23), race_date=date(2026, 11, 24), race_distance_m=5000)
    today = season.weeks[0].plan.days[0]
    assert today.run == "easy" and today.minutes is not None and today.minutes <= SHAKE_OUT_MINUTES
    assert "in place of the tempo run" in today.reason


def miles_marathon() -> SeasonPlan:
    """The review's runner: 55 → 70 miles a week, paces from VDOT 50, a Sunday marathon, five runs."""
    return plan_season(
        WeekPrefs(run_days=5, vdot=50, volume_unit="mi", current_volume=55, peak_volume=70),
        today=date(2026, 12, 7),
        race_date=date(2027, 4, 18),
        race_distance_m=MARATHON_M,
    )


def test_the_day_before_a_marathon_is_a_short_shake_out_and_the_week_counts_it_at_that() -> None:
    """Stridelab's rule (TRAINING-RULES.md's 20–30 min very easy run): at most 30 min the day before the race,
    its distance what that covers at easy pace; the other runs keep their share, and the week's miles add up."""
    race_week = miles_marathon().weeks[-1]
    *before, saturday, race = race_week.plan.days
    assert race.run == "race" and saturday.run == "easy" and "shake-out the day before the race" in saturday.reason
    assert saturday.minutes == SHAKE_OUT_MINUTES and saturday.km is not None and saturday.pace_s_per_km is not None
    easy = sum(saturday.pace_s_per_km) / 2  # s/km, the middle of the easy range, as every run's minutes are
    assert saturday.km * easy <= SHAKE_OUT_MINUTES * 60  # never longer than 30 min at easy pace
    others = [d for d in before if d.run != "rest"]
    assert all(d.km is not None and d.km >= 2 * saturday.km for d in others)  # 7 miles each, the shake-out 3.5
    miles = sum(d.km or 0.0 for d in (*before, saturday)) * METERS_PER_KM / METERS_PER_MILE
    assert race_week.volume == pytest.approx(miles, abs=0.25 * len(others))  # each run is rounded to the half mile


def test_a_shake_out_in_minutes_is_its_usual_share_when_that_is_shorter() -> None:
    """ "At most" 30 minutes: a runner whose race-week runs are 15 min runs 15 the day before, not longer."""
    season = plan_season(
        WeekPrefs(run_days=5, current_volume=150), today=date(2026, 12, 7), race_date=date(2026, 12, 13)
    )
    *before, saturday, _ = season.weeks[-1].plan.days
    assert saturday.minutes == 15 and all(d.minutes == 15 for d in before if d.run != "rest")
    assert season.weeks[-1].volume == pytest.approx(150 * 0.5 * 4 / 5)  # the taper's half, 4 of 5 runs: nothing cut


def test_a_shake_out_by_distance_is_never_faster_than_easy_pace() -> None:
    """VDOT 42 (E 5:40–6:23 /km), volume in km: the shake-out's 4.5 km were rounded to 25 min, 5:33 /km, faster than
    easy. Its minutes keep to the E range now (6:00 /km), in km, in miles and in the calendar file."""
    season = plan_season(
        WeekPrefs(volume_unit="km", current_volume=40, vdot=42),
        today=date(2026, 11, 23),
        race_date=date(2027, 3, 14),
        race_distance_m=MARATHON_M,
    )
    eve = next(d for d in season.days() if d.day == date(2027, 3, 13))
    assert "shake-out the day before the race" in eve.reason
    assert (eve.minutes, eve.km, eve.distance_words("km"), eve.distance_words("mi")) == (27, 4.5, "4.5 km", "2.8 mi")
    stamp = datetime(2026, 11, 23, tzinfo=UTC)
    assert "SUMMARY:Easy run 27 min (4.5 km)\r\n" in season_to_ics(season, dtstamp=stamp, plan_id="p")


def test_without_paces_a_shake_out_in_a_plan_by_distance_is_given_in_minutes() -> None:
    """No VDOT, no pace turns 30 minutes into km: the shake-out says 30 min, and the week's km do not count it.
    A share that even the slowest easy pace the site accepts (15:00 /km) runs within 30 min is kept as it is."""
    season = plan_season(
        WeekPrefs(run_days=5, volume_unit="km", current_volume=60), today=date(2026, 12, 7), race_date=date(2027, 1, 17)
    )
    *before, saturday, _ = season.weeks[-1].plan.days
    assert (saturday.minutes, saturday.km) == (SHAKE_OUT_MINUTES, None)
    assert season.weeks[-1].volume == pytest.approx(sum(d.km or 0.0 for d in before))
    short = plan_season(
        WeekPrefs(run_days=5, volume_unit="mi", current_volume=10), today=date(2026, 12, 7), race_date=date(2027, 1, 17)
    )
    saturday = short.weeks[-1].plan.days[5]
    assert saturday.minutes is None and saturday.km is not None and saturday.km * PACE_MAX <= SHAKE_OUT_MINUTES * 60


def test_the_ramp_note_is_shown_apart_from_the_rules_the_plan_bends() -> None:
    ramp = BentRule(field=RAMP, message="Week of Monday 7 December: your running climbs faster.")
    alone = str(bent_rules((ramp,)))
    assert "climbs faster" in alone and "bends these rules" not in alone
    bent = str(bent_rules((BentRule(field="run_days", message="Two hard days in a row."), ramp)))
    assert bent.index("bends these rules") < bent.index("Two hard days") < bent.index("</ul>") < bent.index("climbs")


@pytest.mark.parametrize("offset", range(7))
def test_a_race_today_is_a_one_week_season_with_the_race_today(offset: int) -> None:
    """A race can be today (calculators.profile.check_next_race): race week is this week, whatever its day."""
    today = MONDAY + timedelta(days=offset)
    plan = plan_season(WeekPrefs(run_days=5), today=today, race_date=today, race_distance_m=10_000.0)
    (week,) = plan.weeks
    runs = [day.run for day in week.plan.days]
    assert runs[offset] == "race" and set(runs[offset + 1 :]) <= {"rest"}


@pytest.mark.parametrize(
    ("unit", "current", "peak", "vdot", "step"),
    [("min", 60, 90, None, 5), ("min", 240, 400, 50, 5), ("mi", 10, 15, None, 0.5), ("km", 42.3, 71, 45, 0.5)],
)
def test_each_weeks_volume_is_what_its_runs_add_up_to(
    unit: str, current: float, peak: float, vdot: float | None, step: float
) -> None:
    """A runner saw "60 min" above 15 + 15 + 25 and "66" above 20 + 20 + 30: the runs were rounded each on its own
    after the week's total. A week's runs now come to its volume, rounded to the step they are given in."""
    prefs = WeekPrefs(run_days=3, available_days=(1, 3, 5), volume_unit=unit, current_volume=current, peak_volume=peak)  # type: ignore[arg-type]
    plan = plan_season(replace(prefs, vdot=vdot), today=date(2026, 12, 7), race_date=date(2027, 2, 14))
    per_unit = {"min": 1.0, "km": 1.0, "mi": METERS_PER_MILE / METERS_PER_KM}[unit]
    for week in plan.weeks:
        runs = [d for d in week.plan.days if d.run not in ("rest", "race")]
        amounts = [d.minutes or 0 if unit == "min" else (d.km or 0) / per_unit for d in runs]
        assert week.volume == pytest.approx(sum(amounts))
        assert all(a / step == pytest.approx(round(a / step)) for a in amounts)
    first = plan.weeks[0]
    assert first.volume == pytest.approx(round(current / step) * step)
    if unit == "min" and vdot is None:
        assert [d.minutes for d in first.plan.days if d.minutes] == [15, 15, 30]  # 60 min, the spare five easy
        assert plan.weeks[1].volume == 65  # 66 min, to the nearest five


#: A 3:45 marathoner (the reviewer's goal) 18 weeks out: base, build, peak and taper weeks.
MARATHONER = WeekPrefs(run_days=4, vdot=vdot_from_race(MARATHON_M, 3 * 3600 + 45 * 60), peak_volume=300)


def _marathon_season(prefs: WeekPrefs = MARATHONER, distance: float = MARATHON_M) -> SeasonPlan:
    return plan_season(prefs, today=MONDAY, race_date=MONDAY + timedelta(weeks=17, days=6), race_distance_m=distance)


def _long(week: SeasonWeek) -> DayPlan:
    return next(d for d in week.plan.days if d.run == "long")


def test_a_marathon_builds_long_runs_end_at_the_profiles_marathon_pace_and_no_other_weeks_do() -> None:
    """The reviewer (3:45 goal) expected marathon-pace work in the build and peak long runs: the last part, at the
    race calculator's M pace, about half the run within Daniels' limits; base and taper long runs stay easy."""
    season = _marathon_season()
    assert MARATHONER.vdot is not None
    m_pace = training_paces(MARATHONER.vdot).marathon
    assert format_pace(m_pace, "km") == "5:20 /km"  # 3:45:00 / 42.195 km
    phases = {week.phase for week in season.weeks}
    assert {"base", "build", "peak", "taper"} <= phases
    for week in season.weeks:
        if not any(d.run == "long" for d in week.plan.days):
            continue
        long_run = _long(week)
        if week.phase in ("build", "peak"):
            assert long_run.fast_pace_s_per_km == m_pace and long_run.minutes and long_run.fast_minutes
            assert long_run.fast_minutes <= min(110, long_run.minutes / 2 + 0.5)
            words = f"the last {long_run.fast_minutes} min at 5:20 /km (marathon pace)"
            assert marathon_part(long_run, "km") == words
            assert f"{words}" in week_table(week.plan.days, "km", today=None)
            assert f"Long run {long_run.minutes} min (Sat): the last {long_run.fast_minutes} min at marathon pace" in (
                week.key_sessions
            )
            assert "marathon pace" in long_run.reason
            exported = season_to_ics(season, dtstamp=datetime(2026, 11, 23, tzinfo=UTC), plan_id="p")
            assert f"Then {words}." in exported.replace("\r\n ", "").replace("\\,", ",")
        else:
            assert long_run.fast_minutes is None and long_run.fast_km is None and not marathon_part(long_run, "km")
            assert long_run.reason.startswith("Long run at easy pace")


def test_a_half_marathon_plan_keeps_every_long_run_easy() -> None:
    season = _marathon_season(distance=MARATHON_M / 2)
    assert all(not marathon_part(d, "km") and d.fast_pace_s_per_km is None for d in season.days())


def test_without_a_vdot_the_marathon_part_asks_for_race_day_effort_not_a_made_up_pace() -> None:
    season = _marathon_season(replace(MARATHONER, vdot=None))
    peak = next(week for week in season.weeks if week.phase == "peak")
    long_run = _long(peak)
    assert long_run.fast_minutes and long_run.fast_pace_s_per_km is None
    cell = f"Then the last {long_run.fast_minutes} min at the effort you expect to hold on race day."
    assert cell in week_table(peak.plan.days, "km", today=None)


def test_a_saved_marathon_plan_keeps_its_marathon_pace_and_an_older_one_reads_without_it() -> None:
    season = _marathon_season()
    assert season_from_dict(json.loads(json.dumps(season.to_dict()))) == season
    older = season.to_dict()
    for week in older["weeks"]:
        for day in week["plan"]["days"]:
            del day["fast_pace_s_per_km"]
    read = season_from_dict(older)
    assert all(d.fast_pace_s_per_km is None for d in read.days())
    assert any(marathon_part(d, "km").endswith("at the effort you expect to hold on race day") for d in read.days())


def test_the_season_tables_race_reads_its_finish_time_not_its_minutes() -> None:
    """The season table said "Race 214 min": the race reads as its predicted finish (the race calculator's time for the
    plan's VDOT), with its distance in a season planned by distance, alone in one planned in minutes."""
    race = date(2027, 4, 18)
    for unit, volume, words in (
        ("min", 300.0, "Race, about 3:33:49 (Sun)"),
        ("km", 50.0, "Race 42.2 km, about 3:33:49 (Sun)"),
    ):
        prefs = WeekPrefs(run_days=5, vdot=43.6, volume_unit=unit, current_volume=volume)
        season = plan_season(prefs, today=race - timedelta(days=20), race_date=race, race_distance_m=MARATHON_M)
        assert season.weeks[-1].key_sessions[-1] == words


def test_a_hard_run_on_a_day_not_ticked_says_why_when_one_day_was_ticked() -> None:
    """Ticking Saturday alone put the tempo run on Tuesday without a word: the ticked day keeps its hard run (here
    an easy run in its place, which says why), and the other day's reason says the planner chose it."""
    prefs = WeekPrefs(run_days=3, available_days=(1, 3, 5), hard_days=(5,), volume_unit="mi", current_volume=7, vdot=35)
    days = plan_week(prefs).days
    assert days[5].reason.startswith("Easy run in place of the intervals: this week's volume allows")
    assert days[1].run == "tempo" and days[1].reason.endswith(
        "You ticked one tempo and interval day (Saturday) and the guide's week has two hard runs: the planner chose "
        "Tuesday for this one."
    )
    chosen = plan_week(replace(prefs, hard_days=(1, 5))).days
    assert "You ticked" not in " ".join(d.reason for d in chosen)

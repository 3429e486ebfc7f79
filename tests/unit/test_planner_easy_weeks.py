"""Easy weeks: no hard runs by choice, strength with two easy runs (Stridelab's rule, calculators.week_rules)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from calculators.errors import InputError
from calculators.planner import (
    WeekPrefs,
    plan_season,
    plan_week,
    rule_violations,
    season_from_dict,
    season_violations,
)
from calculators.registry import CALCULATORS
from calculators.ui.calculator import render_calculator
from calculators.week_rules import violations

#: Dev, 56, back from a calf injury: three runs on Tuesday, Thursday and Saturday, 7 miles a week, no race.
DEV = WeekPrefs(run_days=3, available_days=(1, 3, 5), volume_unit="mi", current_volume=7, easy_weeks=True)
MONDAY = date(2026, 12, 7)


def test_an_easy_week_has_no_hard_run_and_lifts_after_two_easy_runs_each_followed_by_rest() -> None:
    """Every run easy (the long run too); Sessions A and B after two easy runs, run first and lift after, each the
    week's stress day with rest or an easy day after it, and the long run not the day after one."""
    days = plan_week(DEV).days
    assert [(d.run, d.strength) for d in days] == [
        ("rest", None),
        ("easy", "A"),
        ("rest", None),
        ("easy", "B"),
        ("rest", None),
        ("long", None),
        ("rest", None),
    ]
    assert [d.intent for d in days if d.strength] == ["stress day 1", "stress day 2"]
    assert all(d.pace_s_per_km is None and d.fast_minutes is None for d in days)
    tuesday = days[1].reason
    assert (
        "run first and lift after" in tuesday and "Stridelab's rule" in tuesday and "Wednesday kept as rest" in tuesday
    )


@pytest.mark.parametrize("run_days", [3, 4, 5, 6])
def test_easy_weeks_keep_every_rule_all_season_and_the_check_knows_the_choice(run_days: int) -> None:
    """The strength-off-hard check accepts strength on an easy run only when the week has no hard runs by choice."""
    prefs = WeekPrefs(run_days=run_days, easy_weeks=True, vdot=45)
    season = plan_season(prefs, today=MONDAY, race_date=None, weeks=12)
    assert season_violations(season) == ()
    week = season.weeks[0].plan
    assert {d.run for d in week.days} <= {"easy", "long", "rest"}
    assert sum(d.strength is not None for d in week.days) == 2
    assert rule_violations(week, easy_weeks=True) == ()
    assert any("never on an easy day" in text for text in rule_violations(week))  # read as a week with hard runs


def test_in_an_easy_week_the_lifting_day_is_the_stress_day() -> None:
    """The day after a lifting day is easy or rest, never another lifting day or the long run; and the lifting goes
    with an easy run, not the long run or a rest day."""
    runs = ["easy", "long", "easy", "easy", "rest", "rest", "rest"]
    found = violations(runs, ["A", None, "B", "A", None, None, None], cyclic=False, easy_weeks=True)
    assert found == [("long-after-stress", 1), ("stacked-stress", 3), ("strength-after-stress", 3)]
    assert violations(["long", "rest"], ["A", None], cyclic=False, easy_weeks=True) == [("strength-off-hard", 0)]
    assert violations(["easy", "easy"], [None, None], cyclic=False, easy_weeks=True) == []


def test_an_easy_week_towards_a_race_keeps_no_strength_in_the_last_two_weeks() -> None:
    season = plan_season(
        WeekPrefs(run_days=4, easy_weeks=True), today=MONDAY, race_date=date(2027, 2, 28), race_distance_m=10_000
    )
    assert season_violations(season) == ()
    race_week = season.weeks[-1].plan.days
    assert all(d.strength is None for d in race_week) and "race" in [d.run for d in race_week]
    assert all(d.run in ("easy", "long", "rest", "race") for w in season.weeks for d in w.plan.days)


def test_an_easy_week_plan_round_trips_and_a_plan_saved_before_the_choice_reads_as_the_guides_week() -> None:
    plan = plan_season(DEV, today=MONDAY, race_date=None, weeks=4)
    assert season_from_dict(json.loads(json.dumps(plan.to_dict()))) == plan
    old = plan_season(WeekPrefs(run_days=3), today=MONDAY, race_date=None, weeks=4).to_dict()
    del old["prefs"]["easy_weeks"]  # a plan saved before easy weeks existed
    read = season_from_dict(old)
    assert read.prefs.easy_weeks is False
    assert season_violations(read) == ()


def test_an_unreadable_choice_is_refused_naming_its_field() -> None:
    with pytest.raises(InputError) as caught:
        WeekPrefs.from_dict({"easy_weeks": "yes"})
    assert caught.value.field == "hard_runs" and "choose tempo and intervals, or none" in str(caught.value)


def test_in_easy_weeks_the_ticked_tempo_and_interval_days_carry_the_strength() -> None:
    """The hard days a runner ticked (or the profile gives) are where they want the week's stress: with easy weeks,
    the lifting goes there, never refused and never silently dropped."""
    days = plan_week(WeekPrefs(run_days=4, hard_days=(1, 4), easy_weeks=True)).days
    assert [d.weekday for d in days if d.strength] == [1, 4]
    assert {d.run for d in days} <= {"easy", "long", "rest"}


@pytest.mark.parametrize("name", ["planner", "profile"])
def test_hard_runs_shows_easy_weeks_as_a_choice_with_who_might_pick_it(name: str) -> None:
    """A beginner met "Tempo and intervals" in a closed drop-down and never saw easy weeks: both are radio buttons in
    one labelled group, and the help says whom Stridelab suggests easy weeks to."""
    html = render_calculator(CALCULATORS[name])
    group = html[html.index('data-choice="hard_runs"') :]
    group = group[: group.index("</fieldset>")]
    assert "<legend>Hard runs</legend>" in group
    assert 'type="radio" name="hard_runs" value="" checked' in group
    assert 'type="radio" name="hard_runs" value="none"' in group
    assert "None: easy weeks" in group
    assert "Stridelab suggests easy weeks if you are new to running" in group

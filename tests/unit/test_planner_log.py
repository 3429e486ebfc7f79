"""The planner reads the run log: the weekly volume it shows, offered for the current volume box, and a note when the
runner's recent long runs are longer than the plan's (calculators.planner_log, calculators.ui.planner_log)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from html import unescape
from typing import Any

from calculators.calendar_logs import LoggedRun
from calculators.planner_log import logged_weeks, usual_long_run
from calculators.registry import CALCULATORS
from calculators.ui.calculator import Context

TODAY = date(2026, 12, 9)  # a Wednesday
MONDAY = TODAY - timedelta(days=TODAY.weekday())
CALC = CALCULATORS["planner"]
#: The reviewer's week: five runs of 8–10 km and an 18 km, 95-minute long run on Sunday, 64 km in all.
WEEK = ((0, 10, 50), (1, 9, 45), (2, 10, 50), (3, 8, 40), (4, 9, 45), (6, 18, 95))


def run(day: date, km: float, minutes: float) -> LoggedRun:
    return LoggedRun(id=str(day), day=day, duration_s=minutes * 60, distance_m=km * 1000, rpe=4)


def stored_runs(weeks: int, week: tuple[tuple[int, float, float], ...] = WEEK) -> dict[str, dict[str, Any]]:
    """``weeks`` complete weeks of ``week`` before this one, as the run log stores them, and a run this week."""
    runs = {"today": {"date": str(MONDAY), "duration_s": 3000, "distance_m": 10000, "rpe": 4}}
    for n in range(1, weeks + 1):
        for day, km, minutes in week:
            when = MONDAY - timedelta(weeks=n) + timedelta(days=day)
            runs[f"{n}-{day}"] = {"date": str(when), "duration_s": minutes * 60, "distance_m": km * 1000, "rpe": 4}
    return runs


def text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))


def marathoner(**changes: str) -> dict[str, str]:
    """The reviewer's form: six runs, 62 km now, 75 km at the peak, a marathon in 16 weeks."""
    values = {
        **CALC.defaults(),
        "run_days": "6",
        "volume_unit": "km",
        "current_volume_km": "62",
        "peak_volume_km": "75",
        "race_distance": "42195",
        "race_date": str(TODAY + timedelta(weeks=16)),
        "vdot": "55",
    }
    return CALC.read({**values, **changes})


def planned(values: dict[str, str], store: dict[str, Any], action: str = "compute") -> Any:
    context = Context(today=TODAY, store=store)
    return CALC.compute(values, context) if action == "compute" else CALC.action(action)(values, context)


def test_only_complete_weeks_count_and_none_before_the_first_logged_run() -> None:
    """This week is not over, and the weeks before the log began are unknown, not weeks of 0."""
    runs = [run(MONDAY - timedelta(days=9), 10, 50), run(MONDAY - timedelta(days=1), 18, 95), run(MONDAY, 12, 60)]
    weeks = logged_weeks(runs, today=TODAY, week_start=0, unit="km")
    assert [(w.start, w.volume, w.longest) for w in weeks] == [
        (MONDAY - timedelta(weeks=2), 10.0, 10.0),
        (MONDAY - timedelta(weeks=1), 18.0, 18.0),
    ]


def test_at_most_four_weeks_count_a_week_without_a_run_is_0_and_weeks_start_on_the_profiles_day() -> None:
    runs = [run(MONDAY - timedelta(weeks=n, days=1), 10 * n, 60) for n in (1, 3, 4, 5, 6)]
    weeks = logged_weeks(runs, today=TODAY, week_start=6, unit="min")  # Sunday weeks: each Sunday starts one
    assert len(weeks) == 4
    assert [w.volume for w in weeks] == [60.0, 60.0, 0.0, 60.0]
    assert weeks[2].longest is None
    assert logged_weeks([], today=TODAY, week_start=0, unit="km") == ()


def test_miles_are_the_distance_in_miles() -> None:
    (week,) = logged_weeks([run(MONDAY - timedelta(days=3), 16.09344, 90)], today=TODAY, week_start=0, unit="mi")
    assert round(week.volume, 6) == 10.0


def test_the_usual_long_run_is_the_one_half_the_weeks_reached() -> None:
    runs = [run(MONDAY - timedelta(weeks=n), km, 90) for n, km in ((1, 18), (2, 12), (3, 19), (4, 11))]
    assert usual_long_run(logged_weeks(runs, today=TODAY, week_start=0, unit="km")) == 18.0


def test_the_logs_weekly_volume_is_offered_with_a_button_and_the_typed_one_is_kept() -> None:
    reply = planned(marathoner(), {"runs": stored_runs(8)})
    said = text(reply.html)
    assert "Your run log: 64 km a week on average over the last 4 complete weeks (64, 64, 64 and 64 km)." in said
    assert "The plan is sized from the 62 km you entered." in said
    assert 'data-action="use_log_volume"' in reply.html
    assert "Your long run this week is 75 min · 15 km, 24 % of the week's 62 km" in said  # still the typed 62


def test_pressing_the_button_plans_from_the_logs_volume_and_fills_the_box() -> None:
    reply = planned(marathoner(), {"runs": stored_runs(8)}, action="use_log_volume")
    assert reply.effects == ({"type": "fill", "fields": {"current_volume_km": "64"}},)
    assert "Current weekly volume set to 64 km from your run log." in text(reply.html)
    assert "of the week's 64 km" in text(reply.html)


def test_a_typed_volume_equal_to_the_logs_needs_no_button_and_a_log_of_minutes_is_offered_in_minutes() -> None:
    same = planned(marathoner(current_volume_km="64"), {"runs": stored_runs(4)})
    assert "The plan is sized from it." in text(same.html)
    assert "use_log_volume" not in same.html
    minutes = planned(marathoner(volume_unit="min", current_volume="240", peak_volume=""), {"runs": stored_runs(2)})
    assert "Your run log: 325 min a week on average over the last 2 complete weeks" in text(minutes.html)


def test_with_no_volume_given_yet_the_prompt_offers_the_logs() -> None:
    reply = planned(marathoner(current_volume_km="", peak_volume_km=""), {"runs": stored_runs(4)})
    assert "data-volume-prompt" in reply.html
    assert "Your run log: 64 km a week" in text(reply.html)
    assert 'data-action="use_log_volume"' in reply.html


def test_no_log_no_words() -> None:
    for store in ({}, {"runs": {"today": stored_runs(0)["today"]}}):
        reply = planned(marathoner(), store)
        assert "run log" not in text(reply.html)
        assert "data-log-long-run" not in reply.html


def test_long_runs_logged_longer_than_the_plans_are_named_with_the_rule_and_what_would_lengthen_it() -> None:
    """The reviewer's case: 18 km every Sunday, the plan's first long run 15 km. Daniels: 25 % of the week from 40
    miles a week (the plan peaks at 75 km), 30 % below, and 150 minutes."""
    reply = planned(marathoner(), {"runs": stored_runs(8)})
    (note,) = re.findall(r'<p class="sl-notice" data-log-long-run>(.*?)</p>', reply.html)
    said = text(note)
    assert "Your longest run in each of the last 4 complete weeks of your log: 18, 18, 18 and 18 km." in said
    assert (
        "This week's long run, 15 km, is shorter than each of them: the planner does not size it from your log" in said
    )
    assert "15.5 km in this week of 62 km, 25 % of it. Your usual 18 km is 29 % of this week." in said
    assert "../../guides/race-times-and-vdot/#how-long-the-long-run-is" in note
    assert "The plan's long run reaches 18 km in the week of Monday" in said
    assert "Daniels' 25 % allows 18 km in a week of 72 km" in said
    assert "5 runs a week, which makes it 18 km, more than Daniels' 25 %" in said
    assert "a VDOT" not in said  # it has one: the build weeks grow the long run already
    without = text(planned(marathoner(vdot=""), {"runs": stored_runs(8)}).html)
    assert "a VDOT (the race calculator finds it from a race time): the planner then times the long run" in without


def test_no_long_run_note_when_the_logged_long_runs_are_not_longer() -> None:
    short = tuple((day, km, minutes) if day != 6 else (6, 12, 65) for day, km, minutes in WEEK)
    reply = planned(marathoner(), {"runs": stored_runs(4, short)})
    assert "data-log-long-run" not in reply.html
    assert "Your run log:" in text(reply.html)


def test_the_planner_reads_the_run_log() -> None:
    assert "runs" in CALC.reads

"""The planner page: the week and season tables, bent rules, the calendar file and the saved plan."""

from __future__ import annotations

from datetime import date
from typing import Any

import icalendar
import pytest

from calculators import planner
from calculators.registry import CALCULATORS, handle

DEFAULTS = CALCULATORS["planner"].defaults()
RACE = {"race_date": "2027-04-18", "race_distance": "42195", "vdot": "50", "peak_volume": "400"}


def ask(values: dict[str, str], action: str = "compute", store: dict[str, Any] | None = None) -> dict[str, Any]:
    payload = {
        "values": {**DEFAULTS, **values},
        "today": "2026-11-23",
        "now": "2026-11-23T10:00:00Z",
        "store": store or {},
    }
    return handle({"id": 1, "calculator": "planner", "action": action, "payload": payload})


def test_default_week_is_the_guides_four_run_week() -> None:
    html = ask({})["html"]
    assert "4 runs a week; strength on Monday and Thursday." in html
    assert "Tempo run + Session A" in html and "Intervals + Session B" in html
    assert "Add a race date" in html


def test_season_table_runs_to_race_day_with_phases_and_doses() -> None:
    html = ask(RACE)["html"]
    season = planner.plan_season(
        planner.WeekPrefs.from_dict({**DEFAULTS, **RACE}),
        today=date(2026, 11, 23),
        race_date=date(2027, 4, 18),
        race_distance_m=42195,
    )
    assert f"{len(season.weeks)} weeks to race day" in html
    assert "taper" in html and "reduced (60 %)" in html and ">none<" in html
    assert "4:15 /km" in html  # tempo at T pace for VDOT 50


def test_paces_follow_the_mile_preference() -> None:
    assert "6:51 /mi" in ask({**RACE, "units": "mi"})["html"]


def test_calendar_download_parses_with_one_event_per_training_day() -> None:
    reply = ask(RACE, "calendar")
    (effect,) = reply["effects"]
    assert effect["filename"] == "stridelab-season.ics" and effect["mime"] == "text/calendar"
    events = icalendar.Calendar.from_ical(effect["text"]).walk("VEVENT")
    assert events and all(event["DTSTART"].dt >= date(2026, 11, 23) for event in events)
    assert "one-time copy" in reply["html"]
    assert ask(RACE, "calendar")["effects"][0]["text"].count("UID:") == len(events)  # stable ids


def test_saving_stores_the_season_for_the_other_tools() -> None:
    reply = ask(RACE, "save")
    (op,) = reply["ops"]
    assert (op["op"], op["collection"], op["id"]) == ("put", "plan", "season")
    assert planner.season_from_dict(op["value"]).race_date == date(2027, 4, 18)
    assert "Plan saved" in reply["html"]
    assert "A saved plan is what the strength log" in ask(RACE, store={"plan": {"season": op["value"]}})["html"]


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"available_days": ""}, "available_days"),
        ({"race_date": "2026-11-01"}, "race_date"),
        ({"current_volume": "5"}, "current_volume"),
        ({"vdot": "120"}, "vdot"),
        ({"run_days": "9"}, "run_days"),
    ],
)
def test_bad_input_names_the_field(values: dict[str, str], field: str) -> None:
    reply = ask(values)
    assert reply["ok"] is False and reply["error"]["field"] == field


@pytest.mark.parametrize("action", ["calendar", "save"])
def test_calendar_and_save_need_a_race(action: str) -> None:
    assert ask({}, action)["error"]["field"] == "race_date"


@pytest.mark.parametrize(
    ("values", "words"),
    [
        ({"run_days": "6", "available_days": "0,1,2"}, "only 3 days are available"),
        ({"race_date": "2026-11-24", "race_distance": "5000"}, "Your race is tomorrow"),
        ({"current_volume": "300", "peak_volume": "200", "race_date": "2027-03-01"}, "below your current volume"),
    ],
)
def test_constraints_that_bend_a_rule_still_give_a_plan_and_say_which(values: dict[str, str], words: str) -> None:
    reply = ask(values)
    assert reply["ok"] is True
    assert "so the plan bends these rules" in reply["html"] and words in reply["html"]

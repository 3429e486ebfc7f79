"""The planner page: the week and season tables, bent rules, the calendar file and the saved plan."""

from __future__ import annotations

import html
import json
import re
from datetime import date, timedelta
from typing import Any

import icalendar
import pytest

from calculators import planner, vdot
from calculators.plan_changes import apply_offer, undoable_changes
from calculators.profile import Profile
from calculators.registry import CALCULATORS, handle
from calculators.reschedule import reschedule_offers
from calculators.ui.calculator import Context, after_ops, render_calculator
from calculators.ui.planner_notes import sessions_words
from calculators.week_plan import RUN_NAMES

DEFAULTS = CALCULATORS["planner"].defaults()
RACE = {"race_date": "2027-04-18", "race_distance": "42195", "vdot": "50", "peak_volume": "400"}


def ask(
    values: dict[str, str],
    action: str = "compute",
    store: dict[str, Any] | None = None,
    today: str = "2026-11-23",
    profile: dict[str, Any] | None = None,
    **more: Any,
) -> dict[str, Any]:
    payload = {
        "values": {**DEFAULTS, **values},
        "today": today,
        "now": "2026-11-23T10:00:00Z",
        "store": store or {},
        "profile": profile or {},
        **more,
    }
    return handle({"id": 1, "calculator": "planner", "action": action, "payload": payload})


def test_default_week_is_the_guides_four_run_week() -> None:
    html = ask({})["html"]
    assert "This week: 4 runs, strength on Monday and Thursday." in html
    assert "Tempo run + Session A" in html and "Intervals + Session B" in html
    assert "Add a race date" in html


def test_runs_per_week_are_the_profiles_and_every_count_the_profile_stores_is_a_choice() -> None:
    """The planner's count of runs is kept in the profile (``runs_per_week``), which the profile sets from the days
    you can run: a profile with five days opens the planner at five runs, as the glue fills shared fields."""
    (field,) = (f for f in CALCULATORS["planner"].fields if f.name == "run_days")
    assert field.profile == "runs_per_week"
    for days in ("0,2,4", "0,2,4,6", "0,1,2,4,6", "0,1,2,3,4,5", "0,1,2,3,4,5,6"):
        runs = Profile.from_form({"run_weekdays": days}, today=date(2026, 11, 23)).to_dict()["runs_per_week"]
        assert runs in dict(field.options)
    html = ask({"run_days": "5", "available_days": "0,1,2,4,6"})["html"]
    assert "This week: 5 runs" in html


def week_rows(html: str) -> list[str]:
    """The "This week" table's rows as text, cells joined by " | "."""
    rows = html.split("This week</caption>", 1)[1].split("</tbody>")[0].split("</tr>")[1:-1]
    return [re.sub(r"(<[^>]+>)+", " | ", row).strip(" |") for row in rows]


def test_this_week_begins_on_the_profiles_week_start() -> None:
    """Weeks that start on Sunday in the profile start on Sunday here too, as on the calendar and in the log."""
    # A season is planned in Monday weeks: on Sunday 29 November the reader's week is that Sunday, the last day of
    # the plan's first week, then the plan's second week up to Saturday.
    race = {"race_date": "2027-04-18", "race_distance": "42195"}
    on_sunday = ask(race, today="2026-11-29", profile={"week_start": 6})["html"]
    season = planner.plan_season(
        planner.WeekPrefs.from_dict({**DEFAULTS, **race}), today=date(2026, 11, 29), race_date=date(2027, 4, 18)
    )
    planned = season.planned_days()
    dates = [date(2026, 11, 29) + timedelta(days=n) for n in range(7)]
    assert [row.split(" | ")[1] for row in week_rows(on_sunday)] == [
        RUN_NAMES[planned[d].run] + (f" + Session {planned[d].strength}" if planned[d].strength else "") for d in dates
    ]
    assert [row.split(" | ")[0] for row in week_rows(on_sunday)][:2] == ["Sun 29 Nov", "Mon 30 Nov"]
    assert season.weeks[0].start == date(2026, 11, 23) and season.weeks[1].start == date(2026, 11, 30)
    assert "is not listed" not in on_sunday


@pytest.mark.parametrize("values", [{}, {"race_date": "2027-04-18", "race_distance": "42195"}], ids=["no race", "race"])
def test_each_day_of_this_week_has_its_date_and_a_sunday_before_the_plan_is_said_to_be_left_out(
    values: dict[str, str],
) -> None:
    """On Monday 7 December a Sunday week began on the 6th, before the plan's first Monday: nothing is planned for
    it, so it has no row, and a line says why the week has six days. The other days carry their dates."""
    monday = ask(values, today="2026-12-07")["html"]
    sunday = ask(values, today="2026-12-07", profile={"week_start": 6})["html"]
    assert [row.split(" | ")[0] for row in week_rows(monday)] == [
        "Mon 7 Dec", "Tue 8 Dec", "Wed 9 Dec", "Thu 10 Dec", "Fri 11 Dec", "Sat 12 Dec", "Sun 13 Dec"
    ]  # fmt: skip
    assert '<time datetime="2026-12-07">Mon 7 Dec</time>' in monday
    assert week_rows(sunday) == week_rows(monday)[:6]
    line = "Your plan starts on Monday 7 December, so Sunday 6 December is not listed."
    assert line in sunday and "is not listed" not in monday
    assert sunday.index(line) < sunday.index("This week</caption>")  # read before the list it explains


def test_a_week_across_new_year_dates_its_days_with_their_years() -> None:
    days = [row.split(" | ")[0] for row in week_rows(ask({}, today="2026-12-30")["html"])]
    assert days[0] == "Mon 28 Dec 2026" and days[-1] == "Sun 3 Jan 2027"


def test_the_builds_example_has_no_today_so_its_week_is_named_by_weekday() -> None:
    """The page's first render is made at build time, long before the reader's week: no date is shown for it."""
    calculator = CALCULATORS["planner"]
    example = str(calculator.compute(calculator.defaults(), Context()).html)
    assert [row.split(" | ")[0] for row in week_rows(example)] == list(planner.WEEKDAY_NAMES)
    assert "<time" not in example.split("This week</caption>")[1].split("</table>")[0]


def test_season_table_runs_to_race_day_with_phases_and_doses() -> None:
    html = ask(RACE)["html"]
    season = planner.plan_season(
        planner.WeekPrefs.from_dict({**DEFAULTS, **RACE}),
        today=date(2026, 11, 23),
        race_date=date(2027, 4, 18),
        race_distance_m=42195,
    )
    assert len(season.weeks) == 21 and "20 weeks and 6 days to race day" in html  # Sunday 18 April, from Monday
    assert "taper" in html and ">2 sets per exercise<" in html and ">none: last 14 days before the race<" in html
    assert "4:15 /km" in html  # tempo at T pace for VDOT 50


def season_rows(html: str) -> dict[str, str]:
    """The season table's rows by their week's Monday (ISO), as text with cells joined by " | "."""
    rows = html.split("The season to race day</caption>", 1)[1].split("</tbody>")[0].split("</tr>")[1:-1]
    return {row.split('datetime="')[1][:10]: re.sub(r"(<[^>]+>)+", " | ", row).strip(" |") for row in rows}


def test_the_strength_column_says_what_the_weeks_days_do_near_the_race() -> None:
    """No strength in the last 14 days before the race (TRAINING-RULES.md), whatever day those 14 days begin on:
    a peak week inside them lifts nothing, one they cut into says from when; a peak week's dose reads "60 % of the
    sets", as on every other page."""
    monday_race = season_rows(ask({"race_date": "2027-02-15", "race_distance": "42195"}, today="2026-12-07")["html"])
    assert "| peak | 240 min | none: last 14 days before the race | Tempo run 50 min (Mon)" in monday_race["2027-02-01"]
    assert (
        "| peak | 240 min | 2 sets per exercise | Tempo run 50 min + Session A (2 sets per exercise)"
        in monday_race["2027-01-25"]
    )
    wednesday_race = season_rows(ask({"race_date": "2027-02-17", "race_distance": "42195"}, today="2026-12-07")["html"])
    week = wednesday_race["2027-02-01"]  # the 14 days begin on Wednesday 3 February
    assert "| 2 sets per exercise up to Tuesday, then none: last 14 days before the race |" in week
    # No VDOT: Stridelab's minutes for Daniels' limits in a 240-min week, 10 % × 0.763 × 240 = 18.3 min at T.
    assert "Session A (2 sets per exercise) (Mon): about 18 min at tempo effort; Intervals 50 min (Thu)" in week
    assert not any("reduced" in row for row in wednesday_race.values())


def test_season_weeks_read_as_dates_and_whole_volumes() -> None:
    html = ask(RACE)["html"]
    assert '<time datetime="2026-11-30">Mon 30 Nov 2026</time>' in html  # the season reaches into 2027
    this_year = ask({"race_date": "2026-12-27", "race_distance": "10000"})["html"]
    assert '<time datetime="2026-11-30">Mon 30 Nov</time>' in this_year and "2026</time>" not in this_year
    assert ">255 min<" in html and "253.3" not in html  # 240 → 400 min in steps of 13⅓ min a week, run in fives
    assert (
        ">44.5 km<" in ask({**RACE, "volume_unit": "km", "current_volume_km": "42.3", "peak_volume_km": "71"})["html"]
    )


def test_a_climb_the_readiness_check_would_flag_is_shown_as_a_notice_with_its_number() -> None:
    html = ask({"race_date": "2026-12-27", "race_distance": "42195", "current_volume": "240", "peak_volume": "1000"})[
        "html"
    ]
    notice = '<p class="sl-notice">Weeks of Monday 30 November and Monday 7 December: your running climbs faster'
    assert notice in html
    assert "bends these rules" not in html  # nothing is bent: it is a note on the climb
    assert "the check's limit is 1.5" in html


def test_paces_follow_the_mile_preference() -> None:
    assert "6:51 /mi" in ask({**RACE, "units": "mi"})["html"]


def test_distances_follow_the_mile_preference_next_to_paces_in_miles() -> None:
    """A reader in miles was shown "50 min · 9.5 km" beside paces per mile."""
    html = ask({**RACE, "units": "mi"})["html"]
    assert (
        '>55 min</span> · <span class="sl-num">6.5 mi<' in html
        and '>85 min</span> · <span class="sl-num">9.9 mi<' in html
    )
    assert " km<" not in html
    race_week = ask({**RACE, "units": "mi", "race_date": "2026-11-28"})["html"]
    assert (
        '>about 3:10:40</span> · <span class="sl-num">26.2 mi<' in race_week and "Race day (marathon)" in race_week
    )  # not "42.195 km", nor the race's minutes: its finish time


def test_calendar_download_parses_with_one_event_per_training_day() -> None:
    reply = ask(RACE, "calendar")
    (effect,) = reply["effects"]
    assert effect["filename"] == "stridelab-season.ics" and effect["mime"] == "text/calendar"
    events = icalendar.Calendar.from_ical(effect["text"]).walk("VEVENT")
    assert events and all(event["DTSTART"].dt >= date(2026, 11, 23) for event in events)
    assert "one-time copy" in reply["html"]

    def plan_ids(values: dict[str, str]) -> set[str]:
        text = ask(values, "calendar")["effects"][0]["text"]
        return {str(e["UID"]).rsplit("-", 1)[0] for e in icalendar.Calendar.from_ical(text).walk("VEVENT")}

    # Re-exporting after changing the plan for the same race updates the same events in a calendar app.
    assert len(plan_ids(RACE)) == 1
    assert plan_ids(RACE) == plan_ids({**RACE, "units": "mi", "run_days": "5"})
    assert plan_ids(RACE) != plan_ids({**RACE, "race_date": "2027-05-02"})


def test_a_first_calendar_export_has_no_cancelled_rest_days_and_a_later_one_cancels_only_what_it_put_there() -> None:
    first = ask(RACE, "calendar")
    parsed = icalendar.Calendar.from_ical(first["effects"][0]["text"]).walk("VEVENT")
    assert parsed and not [e for e in parsed if e.get("STATUS") == "CANCELLED"]
    (op,) = first["ops"]  # the browser keeps which days this export filled
    filled = {e.decoded("DTSTART") for e in parsed}
    assert op["collection"] == "settings" and {date.fromisoformat(d) for d in op["value"]["days"]} == filled
    store = {"settings": {op["id"]: op["value"]}}
    # The same race with three runs a week instead of four: the days the fourth run filled are taken away.
    again = ask({**RACE, "run_days": "3"}, "calendar", store=store)
    events = icalendar.Calendar.from_ical(again["effects"][0]["text"]).walk("VEVENT")
    gone = {e.decoded("DTSTART") for e in events if e.get("STATUS") == "CANCELLED"}
    kept = {e.decoded("DTSTART") for e in events if e.get("STATUS") != "CANCELLED"}
    assert gone and gone == filled - kept
    assert all("an earlier copy put here" in str(e["DESCRIPTION"]) for e in events if e.get("STATUS") == "CANCELLED")


def test_saving_stores_the_season_for_the_other_tools() -> None:
    reply = ask(RACE, "save")
    (op,) = reply["ops"]
    assert (op["op"], op["collection"], op["id"]) == ("put", "plan", "season")
    assert planner.season_from_dict(op["value"]).race_date == date(2027, 4, 18)
    assert "Plan saved" in reply["html"]
    saved = ask(RACE, store={"plan": {"season": op["value"]}})["html"]
    assert "Your saved plan runs to race day on Sunday 18 April 2027;" in saved
    this_year = ask(RACE, store={"plan": {"season": op["value"]}}, today="2027-01-04")["html"]
    assert "Your saved plan runs to race day on Sunday 18 April;" in this_year


@pytest.mark.parametrize("stored", [None, [], "x", {"season": 1}, {"season": {"version": 1, "weeks": "abc"}}])
@pytest.mark.parametrize("action", ["compute", "save"])
def test_a_damaged_saved_plan_never_crashes_the_page(stored: Any, action: str) -> None:
    reply = ask(RACE, action, store={"plan": stored})
    assert reply["ok"] is True
    if isinstance(stored, dict) and action == "compute":
        assert "cannot be read" in reply["html"]


def test_a_plan_saved_by_a_newer_version_is_not_overwritten() -> None:
    newer = {**ask(RACE, "save")["ops"][0]["value"], "version": 99}
    reply = ask(RACE, "save", store={"plan": {"season": newer}})
    assert reply["ok"] is False and "newer version" in reply["error"]["message"]


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
    reply = ask(values, touched=list(values))  # typed by the reader (a past race the profile filled is emptied)
    assert reply["ok"] is False and reply["error"]["field"] == field


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"current_volume": ""}, "Current weekly volume: enter a number between 30 and 1200 minutes."),
        (
            {"current_volume": "", "current_volume_km": "  ", "volume_unit": "km"},
            "Current weekly volume: enter a number between 5 and 250 km.",
        ),
    ],
)
def test_an_empty_current_volume_is_asked_for_not_planned_as_240_minutes(values: dict[str, str], message: str) -> None:
    reply = ask(values)
    field = "current_volume_km" if values.get("volume_unit") == "km" else "current_volume"
    assert reply["ok"] is False
    assert reply["error"] == {"code": "input", "field": field, "message": message}


def test_volume_in_miles_shows_the_season_and_the_week_in_miles() -> None:
    html = ask({**RACE, "units": "mi", "volume_unit": "mi", "current_volume_mi": "30", "peak_volume_mi": "40"})["html"]
    assert ">30 mi<" in html and ">40 mi<" in html  # the season table's first and peak weeks
    assert '>50 min</span> · <span class="sl-num">6.5 mi<' in html and " km<" not in html
    help_text = {f.name: f.help for f in CALCULATORS["planner"].fields}
    assert help_text["current_volume"] == "Per week, 30–1200 minutes."
    assert help_text["current_volume_mi"] == "Per week, 3–155 miles."
    refused = ask({"volume_unit": "mi", "current_volume_mi": "200"})
    assert (
        refused["error"]["message"]
        == "Current weekly volume: 200 miles is out of range. Enter a number between 3 and 155 miles."
    )


def test_the_current_volume_accepts_its_lowest_value() -> None:
    assert ask({"current_volume": "30"})["ok"] is True
    assert ask({"current_volume_km": "5", "volume_unit": "km"})["ok"] is True


@pytest.mark.parametrize("race_date", ["", "2027-03-01"])
def test_a_peak_below_the_current_volume_is_refused_with_both_volumes(race_date: str) -> None:
    """The season climbs from the current volume to the peak; no training rule plans a decrease."""
    reply = ask({"current_volume": "300", "peak_volume": "100", "race_date": race_date})
    assert reply["ok"] is False and reply["error"]["field"] == "peak_volume"
    assert reply["error"]["message"] == (
        "Peak weekly volume must be at least your current weekly volume, 300 minutes; 100 minutes is below it. "
        "Leave it empty to stay at 300 minutes."
    )
    km = ask({"volume_unit": "km", "current_volume_km": "42,5", "peak_volume_km": "40", "race_date": race_date})
    assert km["error"]["field"] == "peak_volume_km"
    assert "current weekly volume, 42.5 km; 40 km is below it" in km["error"]["message"]


def test_a_peak_equal_to_the_current_volume_is_accepted() -> None:
    reply = ask({"current_volume": "300", "peak_volume": "300,0", "race_date": "2027-03-01", "race_distance": "42195"})
    assert reply["ok"] is True and "below your current volume" not in reply["html"]


@pytest.mark.parametrize(
    ("field", "text", "words"),
    [
        (
            "current_volume",
            "1e2",
            "Current weekly volume: “1e2” is not a number. Enter a number between 30 and 1200 minutes.",
        ),
        (
            "current_volume",
            "3E2",
            "Current weekly volume: “3E2” is not a number. Enter a number between 30 and 1200 minutes.",
        ),
        ("current_volume", "1_000", "“1_000” is not a number."),
        (
            "current_volume",
            "inf",
            "Current weekly volume: “inf” is not a number. Enter a number between 30 and 1200 minutes.",
        ),
        (
            "peak_volume",
            "nan",
            "Peak weekly volume: “nan” is not a number. Enter a number between 30 and 1200 minutes.",
        ),
        ("peak_volume", "-Infinity", "“-Infinity” is not a number."),
        ("vdot", "5e1", "VDOT: “5e1” is not a number. Enter a number between 20 and 90."),
    ],
)
def test_typed_numbers_are_plain_decimals_not_scientific_notation(field: str, text: str, words: str) -> None:
    reply = ask({field: text})
    assert reply["ok"] is False and reply["error"]["field"] == field
    assert words in reply["error"]["message"]


@pytest.mark.parametrize(
    "values",
    [
        {"current_volume": "1200"},
        {"current_volume": "240,5", "peak_volume": "300.25"},
        {"current_volume": " 250 ", "peak_volume": "1200,0"},
        {"current_volume": "250.", "vdot": "49,5"},
    ],
)
def test_plain_decimals_with_a_comma_or_a_point_are_accepted(values: dict[str, str]) -> None:
    assert ask(values)["ok"] is True


def test_a_race_next_week_is_named_by_its_day_not_counted_in_weeks() -> None:
    """Two calendar weeks to a race 7 days away: "2 weeks to race day" would contradict the week's own note."""
    html = ask({"race_date": "2026-11-30", "race_distance": "42195"})["html"]
    assert "race day Monday 30 November, so the plan is the taper." in html and "weeks to race day" not in html
    assert "; 2 weeks to race day." in ask({"race_date": "2026-12-07", "race_distance": "42195"})["html"]


def test_the_weeks_to_race_day_count_from_today_not_the_tables_rows() -> None:
    """A race exactly 10 weeks away is "10 weeks" (its table has 11 rows: this week to race week, both whole)."""
    html = ask({"race_date": "2027-02-15", "race_distance": "42195"}, today="2026-12-07")["html"]
    assert "; 10 weeks to race day." in html and len(season_rows(html)) == 11
    wednesday = ask({"race_date": "2027-02-17", "race_distance": "42195"}, today="2026-12-07")["html"]
    assert "; 10 weeks and 2 days to race day." in wednesday
    across = ask({"race_date": "2027-01-01", "race_distance": "10000"}, today="2026-12-28")["html"]
    assert "race day Friday 1 January 2027, so the plan is the taper." in across


def test_race_weeks_volume_says_the_race_comes_on_top() -> None:
    """The race week's figure is the running before the race: a marathon week showing "20 km" needs the "+ race"."""
    html = ask({"race_date": "2026-12-07", "race_distance": "42195"})["html"]
    rows = html.split("The season to race day</caption>", 1)[1].split("</tr>")[1:]
    assert ">race only<" in rows[2] and "Race (Mon)" in rows[2]  # race day is the third week's Monday
    assert all("+ race<" not in row and "race only" not in row for row in rows[:2])
    html = ask({"race_date": "2026-12-10", "race_distance": "42195"})["html"]  # a Thursday: three days before it
    race_week = html.split("The season to race day</caption>", 1)[1].split("</tr>")[3]
    assert " min + race<" in race_week and ">0 min" not in race_week


def test_a_shake_out_planned_in_minutes_alone_is_named_beside_the_weeks_km() -> None:
    """Without a VDOT, a plan in km gives the day before the race "30 min" (no pace turns it into km): the race
    week's figure names it rather than leaving it out of the week."""
    values = {"volume_unit": "km", "current_volume_km": "60", "race_date": "2026-12-06", "race_distance": "10000"}
    race_week = season_rows(ask(values)["html"])["2026-11-30"]
    assert "| taper | 22.5 km + 30 min + race |" in race_week, race_week


def test_without_a_race_the_calendar_file_holds_the_12_weeks_saving_stores() -> None:
    reply = ask({}, "calendar")
    (effect,) = reply["effects"]
    days = sorted(event["DTSTART"].dt for event in icalendar.Calendar.from_ical(effect["text"]).walk("VEVENT"))
    assert days[0] >= date(2026, 11, 23) and days[-1] < date(2026, 11, 23) + timedelta(weeks=12)
    assert days[-1] >= date(2026, 11, 23) + timedelta(weeks=11)  # the twelfth week is in it
    assert "one-time copy" in reply["html"]


def other_tool(calculator: str, store: dict[str, Any], today: str) -> str:
    payload = {"values": {}, "args": {}, "today": today, "now": f"{today}T07:00:00Z", "new_id": "n1", "store": store}
    reply = handle({"id": 1, "calculator": calculator, "action": "compute", "payload": payload | {"profile": {}}})
    assert reply["ok"], reply
    return html.unescape(re.sub(r"(<[^>]+>)+", " ", reply["html"]))


def test_without_a_race_saving_plans_the_next_12_weeks_and_the_other_tools_follow_them() -> None:
    """The race date is optional: saving without one stores the season without a race (this week's layout for
    12 weeks), the page says so before and after, and Today, the calendar and the strength log follow it."""
    before = html.unescape(ask({}, today="2026-12-07")["html"])
    assert (
        "Without a race, saving plans the next 12 weeks, to Sunday 28 February 2027: this week's layout every week, "
        "240 minutes a week; every fourth week, from the week of Monday 28 December, is a cutback week at 80 % of "
        "the week before." in before
    )
    reply = ask({}, "save", today="2026-12-07")
    assert reply["ok"], reply
    (op,) = reply["ops"]
    plan = planner.season_from_dict(op["value"])
    assert plan.race_date is None and len(plan.weeks) == 12 and plan.since == date(2026, 12, 7)
    assert [d.run for d in plan.weeks[-1].plan.days] == [d.run for d in planner.plan_week(plan.prefs).days]
    assert "Plan saved." in reply["html"]
    assert "Your saved plan runs without a race to Sunday 28 February 2027 (save it again before then to go on)" in (
        html.unescape(reply["html"])
    )
    store = {"plan": {"season": op["value"]}}
    monday = "2026-12-21"  # a tempo day with Session A, two weeks on
    assert "Run Tempo run 50 min: planned." in other_tool("today", store, monday)
    assert "Mon 21 Dec (today) Tempo run 50 min: planned Session A" in other_tool("calendar", store, monday)
    assert "Next up: Session A, today in your plan." in other_tool("strength", store, monday)


@pytest.mark.parametrize(
    ("values", "words"),
    [
        ({"run_days": "6", "available_days": "0,1,2"}, "only 3 days are available"),
        (
            {"run_days": "6", "available_days": "0,1,2", "race_date": "2026-11-29", "race_distance": "10000"},
            "only 3 days are available",
        ),
    ],
)
def test_constraints_that_bend_a_rule_still_give_a_plan_and_say_which(values: dict[str, str], words: str) -> None:
    reply = ask(values)
    assert reply["ok"] is True
    assert "so the plan bends these rules" in reply["html"] and words in reply["html"]
    assert "Your race is" not in reply["html"]


@pytest.mark.parametrize(
    ("race_date", "headline"),
    [
        ("2026-11-23", "This week: 1 run, no strength; race day today, Monday 23 November, so the plan is the taper."),
        (
            "2026-11-24",
            "This week: 2 runs, no strength; race day tomorrow, Tuesday 24 November, so the plan is the taper.",
        ),
        ("2026-11-29", "This week: 5 runs, no strength; race day Sunday 29 November, so the plan is the taper."),
    ],
)
def test_a_near_race_is_a_fact_in_the_headline_not_a_bent_rule(race_date: str, headline: str) -> None:
    """A race in a few days is not a rule the reader bent: the headline says it, and no bent-rules box appears."""
    html = ask({"race_date": race_date, "race_distance": "5000"})["html"]
    assert f'<p class="sl-result__headline" data-summary>{headline}</p>' in html
    assert "bends these rules" not in html and "Your race is in" not in html and "Your race is tomorrow" not in html


def test_a_bad_clock_from_the_page_is_a_field_message() -> None:
    payload = {"values": {**DEFAULTS, **RACE}, "today": "2026-11-23", "now": "soon", "store": {}}
    reply = handle({"id": 1, "calculator": "planner", "action": "calendar", "payload": payload})
    assert reply["ok"] is False and reply["error"]["field"] == "now"


def test_saving_again_later_keeps_the_weeks_already_past() -> None:
    first = ask(RACE, "save")["ops"][0]["value"]
    payload = {"values": {**DEFAULTS, **RACE, "run_days": "5"}, "today": "2026-12-14", "now": "2026-12-14T10:00:00Z"}
    later = handle(
        {
            "id": 1,
            "calculator": "planner",
            "action": "save",
            "payload": {**payload, "store": {"plan": {"season": first}}},
        }
    )
    weeks = later["ops"][0]["value"]["weeks"]
    assert weeks[:3] == first["weeks"][:3]  # 23 Nov, 30 Nov and 7 Dec as they were planned
    assert weeks[3]["start"] == "2026-12-14"
    assert planner.season_from_dict(later["ops"][0]["value"]).race_date == date(2027, 4, 18)


def test_a_saved_plan_begins_the_day_it_was_first_saved() -> None:
    """The calendar plans nothing before it (the days of the first week already over when it was made)."""
    first = ask(RACE, "save")["ops"][0]["value"]
    assert first["since"] == first["today"]
    payload = {"values": {**DEFAULTS, **RACE, "run_days": "5"}, "today": "2026-12-14", "now": "2026-12-14T10:00:00Z"}
    request = {"id": 1, "calculator": "planner", "action": "save", "payload": payload}
    later = handle(request | {"payload": {**payload, "store": {"plan": {"season": first}}}})["ops"][0]["value"]
    assert later["since"] == first["since"]  # saved again, it still began then
    older = {key: value for key, value in first.items() if key != "since"}  # saved before this was recorded
    unknown = handle(request | {"payload": {**payload, "store": {"plan": {"season": older}}}})["ops"][0]["value"]
    assert unknown["since"] is None and unknown["weeks"][:3] == first["weeks"][:3]


def test_a_quality_runs_pace_is_for_its_quality_part_only() -> None:
    """ "Tempo run 85 min at 4:16 /km" would read as the whole session at threshold pace; the rest is easy."""
    page = ask({"vdot": "50"})["html"]
    assert re.search(r"/km</span> for the tempo part, with the warm-up and cool-down easy</td>", page)
    assert re.search(r"/km</span> for the fast repeats, with the warm-up, recoveries and cool-down easy</td>", page)


def test_the_weeks_numbers_hold_together_and_its_words_wrap() -> None:
    """Only a number and its unit are kept on one line (a "sl-num" span): the words after a tempo pace, a pace
    range and a duration's minutes and distance may wrap, so the table fits a desktop page's column."""
    page = ask({"vdot": "50"})["html"]
    assert re.search(r'<td role="cell" data-label="Pace"><span class="sl-num">\d:\d\d /km</span> for the tempo', page)
    easy = r'<span class="sl-num">\d:\d\d</span>–<span class="sl-num">\d:\d\d /km</span></td>'
    assert re.search(r'data-label="Pace">' + easy, page)
    assert re.search(
        r'data-label="Duration"><span class="sl-num">\d+ min</span> · <span class="sl-num">[\d.]+ km</span>', page
    )
    assert 'class="sl-num">' not in page.split("This week</caption>")[1].split("</table>")[0].replace("<span class", "")


def test_switching_the_volume_unit_never_reads_300_minutes_as_300_km() -> None:
    """Each unit has its own boxes: minutes typed are kept as minutes, and the km box is asked for."""
    reply = ask({"volume_unit": "km", "current_volume": "300"})  # 300 minutes typed, Volume in switched to km
    assert reply["ok"] is False
    assert reply["error"] == {
        "code": "input",
        "field": "current_volume_km",
        "message": "Current weekly volume: enter it in km, from 5 to 250. "
        "Your 300 minutes are kept in the minutes box, not read as km.",
    }
    back = ask({"volume_unit": "min", "current_volume": "300", "current_volume_km": "40"})  # still 300 minutes
    assert back["ok"] is True and ">105 min<" in back["html"]  # the long run's share of 300 minutes


def test_a_unit_with_no_volume_given_is_asked_for_with_its_range_never_planned_from_the_starting_minutes() -> None:
    """A beginner whose profile is in km opened the planner with the km box empty and was shown a 110-minute long run
    and two 65-minute hard runs, sized from the minutes box's starting 240. The box is now asked for, with its range,
    and the 240 minutes are never called his. Once he has pressed a button, the empty box is called wrong (the glue
    then marks it)."""
    for unit, word, low, high in (("km", "km", 5, 250), ("mi", "miles", 3, 155)):
        asked = f"enter how much you run in a week now, from {low} to {high} {word} (or choose minutes under "
        asked += "“Volume in”). Every run of the plan is sized from it."
        reply = ask({"volume_unit": unit, "vdot": "50"}, "compute", pressed=True)
        assert reply["ok"] is False and not reply.get("ops")
        assert reply["error"] == {
            "code": "input",
            "field": f"current_volume_{unit}",
            "message": f"Current weekly volume: {asked}",
        }
        saved = ask({"volume_unit": unit, "vdot": "50"}, "save")  # a button: even with no press sent before it
        assert saved["ok"] is False and not saved.get("ops") and saved["error"]["field"] == f"current_volume_{unit}"
    # A volume given in another distance box is the reader's: it is asked for in this unit, as before, and the minutes
    # box's starting 240 is not called theirs beside it.
    given = ask({"volume_unit": "mi", "current_volume_km": "40"})
    assert given["error"] == {
        "code": "input",
        "field": "current_volume_mi",
        "message": "Current weekly volume: enter it in miles, from 3 to 155. "
        "Your 40 km (24.9 miles) are kept in the km box, not read as miles.",
    }
    assert ask({"volume_unit": "km", "current_volume_km": "12"})["ok"] is True


def test_before_the_reader_reaches_the_volume_box_the_planner_answers_with_a_prompt_not_an_error() -> None:
    """A field the reader has not reached yet is not called wrong: opened in km or miles with no volume given, the
    planner answers (the page is settled) with a prompt naming the box and its range, and no plan sized from a figure
    the reader never gave; the volume unit chosen here, not a volume box, leaves it a prompt."""
    for unit, word, low, high in (("km", "km", 5, 250), ("mi", "miles", 3, 155)):
        reply = ask({"volume_unit": unit, "vdot": "50"}, touched=["volume_unit", "vdot"])
        assert reply["ok"] is True and not reply["ops"]
        assert reply["html"] == (
            '<div class="sl-result"><h3 class="sl-result__title">Your plan</h3>'
            '<p class="sl-result__headline" data-summary data-volume-prompt>'
            f"To plan your week, go to “Current weekly volume ({word})” and enter how much you run in a week now, "
            f"from {low} to {high} {word} (or choose minutes under “Volume in”). Every run of the plan is sized from "
            "it.</p></div>"
        )
    # In minutes, the starting 240 is in the box: the plan shows, and says first that it is sized from it.
    assert "data-example-volume" in ask({"volume_unit": "min"})["html"]


def test_a_form_kept_without_its_touched_list_still_asks_for_the_volume_box_before_a_press() -> None:
    """The glue counts every field of a form kept without a touched list as touched (a form kept by an older version,
    or one only started from the profile's miles: calculators.js keeps no empty list). Such a reader opening the
    planner again has not reached the empty miles box: it is asked for, not called wrong."""
    fields = [f.name for f in CALCULATORS["planner"].fields]
    reply = ask({"volume_unit": "mi", "vdot": "50"}, touched=fields)
    assert reply["ok"] is True and "data-volume-prompt" in reply["html"]
    assert "To plan your week, go to “Current weekly volume (miles)”" in reply["html"]


def test_the_volume_unit_starts_from_the_profiles_units_and_keeps_a_unit_chosen_here() -> None:
    """The glue starts "Volume in" from the profile's km or miles (``profile_start``), and with ``keep_choice`` a unit
    the reader chose here, or one in a form saved before, is kept (theme/assets/stridelab/calculators.js)."""
    (field,) = (f for f in CALCULATORS["planner"].fields if f.name == "volume_unit")
    assert (field.profile_start, field.keep_choice, field.profile) == ("units", True, None)
    units = next(f for f in CALCULATORS["profile"].fields if f.name == "units")
    assert {value for value, _ in units.options} <= set(dict(field.options))  # each profile unit is a choice here
    select = str(render_calculator(CALCULATORS["planner"])).split('name="volume_unit"', 1)[1].split(">", 1)[0]
    assert 'data-profile-start="units"' in select and "data-keep-choice" in select
    # The race calculator's race is a try, not a setting: it still follows a newer recent race in the profile.
    race = str(render_calculator(CALCULATORS["vdot"]))
    for name in ("distance", "time"):
        assert "data-keep-choice" not in race.split(f'name="{name}"', 1)[1].split(">", 1)[0]


def test_the_message_converts_the_other_units_volume_where_there_is_a_basis() -> None:
    """Minutes and distance convert through the plan's own paces (with a VDOT); km and miles exactly."""
    week = planner.plan_week(planner.WeekPrefs(current_volume=300, vdot=50))
    km = sum(day.km or 0 for day in week.days)
    message = ask({"volume_unit": "km", "current_volume": "300", "vdot": "50"})["error"]["message"]
    assert f"Your 300 minutes (about {km:.0f} km at your VDOT's paces) are kept in the minutes box" in message
    miles = ask({"volume_unit": "mi", "current_volume": "", "current_volume_km": "40"})["error"]
    assert miles["field"] == "current_volume_mi"
    assert "Your 40 km (24.9 miles) are kept in the km box, not read as miles." in miles["message"]


def test_each_volume_box_is_labelled_with_its_unit_and_shown_only_with_it() -> None:
    fields = {f.name: f for f in CALCULATORS["planner"].fields}
    for unit, word in (("min", "minutes"), ("km", "km"), ("mi", "miles")):
        suffix = "" if unit == "min" else f"_{unit}"
        current, peak = fields[f"current_volume{suffix}"], fields[f"peak_volume{suffix}"]
        assert current.label == f"Current weekly volume ({word})"
        assert peak.label == f"Peak weekly volume ({word}, optional)"
        assert current.show_when == peak.show_when == ("volume_unit", unit)


def test_a_race_today_is_planned_with_this_week_as_race_week() -> None:
    """The profile's rule for the next race (calculators.profile.check_next_race): a race can be today."""
    reply = ask({"race_date": "2026-11-23", "race_distance": "5000"})  # today, a Monday
    assert reply["ok"] is True, reply
    season = reply["html"].split("The season to race day</caption>", 1)[1].split("</tbody>")[0]
    (week,) = season.split("</tr>")[1:-1]
    assert "Mon 23 Nov<" in week and ">taper<" in week and "Race (Mon)" in week
    assert "Race day (5 km): what the season has built towards." in reply["html"]
    assert ask({"race_date": "2026-11-23", "race_distance": "5000"}, "save")["ok"] is True
    past = ask({"race_date": "2026-11-22", "race_distance": "5000"}, touched=["race_date"])
    assert past["error"] == {
        "code": "input",
        "field": "race_date",
        "message": "The race date has passed: choose today (Monday 23 November) or later, or leave it empty.",
    }


def test_a_race_beyond_52_weeks_is_refused_with_the_profiles_words() -> None:
    """The planner and the profile refuse the same far race the same way (calculators.profile.check_next_race)."""
    far = ask({"race_date": "2036-11-01", "race_distance": "42195"})
    assert far["error"]["field"] == "race_date"
    assert "at most 52 weeks ahead, Monday 22 November 2027 at the latest" in far["error"]["message"]
    assert ask({"race_date": "2027-11-22", "race_distance": "42195"})["ok"] is True


def test_a_race_date_under_no_race_is_refused_on_the_distance_as_the_profile_refuses_it() -> None:
    """A date with "No race" is not planned as a race of no distance: both pages ask for the distance or no date."""
    refused = {
        "code": "input",
        "field": "race_distance",
        "message": "“No race” is chosen but a race date is given: choose your race's distance, or clear the date.",
    }
    for action in ("compute", "save", "calendar"):
        assert ask({"race_date": "2027-04-18", "race_distance": ""}, action)["error"] == refused
    profile = handle(
        {
            "id": 1,
            "calculator": "profile",
            "action": "save",
            "payload": {"values": {"race_date": "2027-04-18", "race_distance": ""}, "today": "2026-11-23"},
        }
    )
    assert profile["error"] == refused


def accepted_red_change(saved: dict[str, Any], today: date) -> dict[str, Any]:
    """The store once the calendar's first offer for the next hard run after ``today`` (a red day) is accepted,
    through JSON as the browser keeps it."""
    plan = planner.season_from_dict(saved)
    hard = next(d.day for d in plan.days() if d.day and d.day > today and d.run in ("tempo", "intervals"))
    offer = reschedule_offers(plan, hard, trigger="red", today=today, red_days=frozenset({hard}))[0]
    assert offer.week != offer.before
    store: dict[str, Any] = {"plan": {"season": saved}, "plan_changes": {}}
    for op in apply_offer(saved, offer, change_id="change-1", today=today):
        store[op["collection"]][op["id"]] = op["value"]
    return json.loads(json.dumps(store))


def test_saving_the_same_plan_again_keeps_a_change_accepted_on_the_calendar() -> None:
    """The reader accepted "move the tempo run" for a red day, then pressed Save with nothing changed: the
    moved week stays, the change can still be undone, and the planner's "This week" shows it."""
    store = accepted_red_change(ask(RACE, "save")["ops"][0]["value"], date(2026, 11, 23))
    changed = store["plan"]["season"]["weeks"][0]
    again = ask(RACE, "save", store=store)
    assert again["ok"], again
    (op,) = again["ops"]  # no record deleted
    assert op["value"]["weeks"][0] == changed
    after = planner.season_from_dict(op["value"])
    assert undoable_changes(after, {**store, "plan": {"season": op["value"]}}) == {"change-1"}
    assert "dropped" not in again["html"] and "drops" not in ask(RACE, store=store)["html"]
    moved = week_rows(ask(RACE, store=store)["html"])
    assert moved == week_rows(again["html"]) != week_rows(ask(RACE)["html"])  # "This week" follows the change


def test_saving_a_changed_plan_says_which_accepted_changes_no_longer_fit_and_drops_them() -> None:
    store = accepted_red_change(ask(RACE, "save")["ops"][0]["value"], date(2026, 11, 23))
    description = html.unescape(store["plan_changes"]["change-1"]["description"])
    other = {**RACE, "run_days": "5"}
    before = html.unescape(ask(other, store=store)["html"])
    assert (
        f"Saving this plan drops a change you accepted on the calendar, as it no longer fits it: “{description}”"
        in before
    )
    reply = ask(other, "save", store=store)
    put, delete = reply["ops"]
    assert delete == {"op": "delete", "collection": "plan_changes", "id": "change-1"}
    assert put["value"]["weeks"][0] == ask(other, "save")["ops"][0]["value"]["weeks"][0]  # the new plan, unchanged
    page = html.unescape(reply["html"])
    assert (
        f"This change you accepted on the calendar no longer fits the new plan, so it was dropped: “{description}”"
        in page
    )
    assert "Saving this plan drops" not in page


def test_two_changes_to_one_week_are_both_kept_in_the_order_they_were_made() -> None:
    """The second change was made on the week the first left: saved again, the week is what the second made."""
    today = date(2026, 11, 23)
    store = accepted_red_change(ask(RACE, "save")["ops"][0]["value"], today)
    plan = planner.season_from_dict(store["plan"]["season"])
    long_run = next(d.day for d in plan.weeks[0].plan.days if d.run == "long")
    offer = reschedule_offers(plan, long_run, trigger="red", today=today, red_days=frozenset({long_run}))[-1]
    for op in apply_offer(store["plan"]["season"], offer, change_id="change-2", today=today):
        store[op["collection"]][op["id"]] = op["value"]
    store = json.loads(json.dumps(store))
    (op,) = ask(RACE, "save", store=store)["ops"]
    assert op["value"]["weeks"][0] == store["plan"]["season"]["weeks"][0]
    assert undoable_changes(planner.season_from_dict(op["value"]), store) == {"change-2"}


def test_without_a_race_this_week_shows_a_change_accepted_on_the_calendar_and_saving_again_keeps_it() -> None:
    saved = ask({}, "save")["ops"][0]["value"]
    assert week_rows(ask({}, store={"plan": {"season": saved}})["html"]) == week_rows(ask({})["html"])
    store = accepted_red_change(saved, date(2026, 11, 23))
    assert week_rows(ask({}, store=store)["html"]) != week_rows(ask({})["html"])
    (op,) = ask({}, "save", store=store)["ops"]
    assert op["value"]["weeks"][0] == store["plan"]["season"]["weeks"][0]


THREE_RUNS = "Two of your three runs are hard because each of the two strength sessions goes with a hard run."


def test_a_three_run_week_says_why_two_runs_are_hard_what_stays_easy_and_which_run_to_add() -> None:
    """TRAINING-RULES.md keeps strength on the two hard-run days whatever the number of runs, so a three-run week
    is two hard runs and the long run: the page says so, and that a fourth run is an easy one."""
    page = ask({"run_days": "3", "available_days": "1,3,5"})["html"]
    assert "Tempo run + Session A" in page and "Intervals + Session B" in page and THREE_RUNS in page
    assert "Most of your running time is still easy: all of the long run" in page
    assert "choose 4 runs per week: the run it adds is an easy one." in page
    assert page.index(THREE_RUNS) > page.index("This week</caption>")  # under the week it explains
    four = ask({"run_days": "4"})["html"]
    assert THREE_RUNS not in four and "Easy run" in four  # the fourth run the note promises is easy
    # Race week is laid out around the race, not two hard runs and a long run.
    race_week = ask({"run_days": "3", "race_date": "2026-11-28", "race_distance": "10000"})["html"]
    assert "Race" in race_week and THREE_RUNS not in race_week
    # A marathon's peak week (race three weeks on): the long run ends at marathon pace, and the note says so.
    peak = ask({"run_days": "3", "available_days": "1,3,5", "race_date": "2026-12-13", "race_distance": "42195"})
    assert THREE_RUNS in peak["html"] and "all of the long run" not in peak["html"]
    assert (
        "at least half of the long run, whose last part is at marathon pace in the build and peak weeks"
        in (peak["html"])
    )


def test_at_least_half_of_a_hard_run_is_easy_and_its_minutes_and_km_count_the_same_fast_part() -> None:
    """The three-run note says at least half of a hard run is easy as the planner counts it, so most of the week's
    time is easy: a hard run's fast part is at most half its minutes, and the minutes it gives the run's kilometres
    are that fast part at the run's own pace and the rest at easy pace (to the 5 minutes a session is rounded to)."""
    prefs = planner.WeekPrefs(run_days=3, volume_unit="km", current_volume=100.0, vdot=50.0)
    paces = vdot.training_paces(50.0)
    days = {day.run: day for day in planner.plan_week(prefs).days}
    for run, fast in (("tempo", paces.threshold), ("intervals", paces.interval)):
        day = days[run]
        assert day.minutes is not None and day.km is not None
        assert day.fast_minutes is not None and day.fast_km is not None
        assert day.fast_minutes <= day.minutes / 2
        assert day.fast_minutes == pytest.approx(day.fast_km * fast / 60, abs=0.5)
        whole = (day.fast_km * fast + (day.km - day.fast_km) * sum(paces.easy) / 2) / 60
        assert day.minutes == pytest.approx(whole, abs=2.5), run
    minutes = {run: day.minutes or 0 for run, day in days.items()}
    easy = minutes["long"] + sum(minutes[run] - (days[run].fast_minutes or 0) for run in ("tempo", "intervals"))
    assert easy / (minutes["long"] + minutes["tempo"] + minutes["intervals"]) > 0.5


def test_a_first_plan_sized_from_the_starting_volume_says_so_first_until_the_reader_gives_theirs() -> None:
    """The note came after the headline and read as an afterthought: it is now the first thing in the result, with
    what the figure makes of the week and the range to enter."""
    note = (
        "Not your plan yet: it is sized from 240 minutes of running a week, the form's starting figure, which makes "
        "the long run 110 minutes. Enter the minutes you run in a week now under “Current weekly volume” "
        "(30–1200 minutes, or choose km or miles under “Volume in”)."
    )
    page = ask({"run_days": "3"})["html"]
    assert note in page and page.index("data-example-volume") < page.index("data-summary")
    assert "data-example-volume" not in ask({"current_volume": "300"})["html"]
    assert "data-example-volume" not in ask({"volume_unit": "km", "current_volume_km": "40"})["html"]
    saved = ask({}, "save")
    assert saved["ok"] and "data-example-volume" not in ask({}, store=after_ops({}, saved["ops"]))["html"]  # kept
    assert "data-example-volume" not in render_calculator(CALCULATORS["planner"])  # the built example says it is one


def text(page: str) -> str:
    """The words of a piece of the page, without its markup."""
    return re.sub(r"<[^>]+>", "", page)


BEGINNER = {"run_days": "3", "available_days": "1,3,5", "race_date": "2027-02-14", "race_distance": "5000"}


def test_without_a_vdot_each_run_says_how_to_run_it_and_how_hard_by_feel() -> None:
    """A beginner with no race has no paces: a dash in the Pace column and "Intervals 15 min" left them guessing.
    Each run now says its effort by feel, and each tempo and interval day its structure under the week (the guides'
    steady tempo and 3–5 min repeats, about half of it fast as the planner counts it), linked to its guide."""
    page = ask({**BEGINNER, "current_volume": "120", "peak_volume": "150"}, today="2026-12-07")["html"]
    rows = {row.split(" | ")[0]: row.split(" | ") for row in week_rows(page)}
    tempo, intervals, long = rows["Tue 8 Dec"], rows["Thu 10 Dec"], rows["Sat 12 Dec"]
    assert tempo[1:5] == [
        "Tempo run + Session A",
        "stress day 1",
        "35 min",
        "By feel: comfortably hard, about your one-hour race effort; you can say a few words at a time.",
    ]
    assert intervals[4] == "By feel: hard, about your race effort for 10–20 minutes."
    assert long[4] == "By feel: easy, you can talk in full sentences."
    assert rows["Wed 9 Dec"][4] == "—"  # a rest day has no effort
    how = page.split("data-sessions>")[1].split("</p>")[0]
    assert text(how) == (
        # A 120-min week: Daniels' limits in Stridelab's minutes, 10 % × 0.763 × 120 = 9.2 min at T, 8 % × 0.703 ×
        # 120 = 6.7 min at I, less than half of each session: two repeats of 3 min.
        "How to run this week's hard sessions. Tuesday's tempo run (35 min): easy warm-up, about 9 min steady at "
        "tempo effort, easy cool-down. Thursday's intervals (30 min): easy warm-up, about 6 min hard in all, as "
        "repeats of 3–5 min with an easy jog between, easy cool-down. The other runs are easy (see how to run easy)."
    )
    assert '<a href="../../guides/lactate-threshold/#tempo-runs">tempo run</a>' in how
    assert '<a href="../../guides/race-times-and-vdot/#training-paces-e-m-t-i-r">intervals</a>' in how
    assert '<a href="../../guides/how-to-run-easy/">how to run easy</a>' in how
    assert "Tempo run 35 min + Session A (Tue): about 9 min at tempo effort;" in season_rows(page)["2026-12-07"]
    # With a VDOT the paces stand where the words were.
    paced = ask({**BEGINNER, "current_volume": "120", "peak_volume": "150", "vdot": "45"}, today="2026-12-07")["html"]
    assert "By feel" not in paced and "for the tempo part" in paced and "data-sessions" in paced


def test_a_week_too_small_for_a_sessions_fast_part_plans_easy_runs_and_says_why() -> None:
    """A beginner's 60-min week read "Intervals 15 min: about 3 min hard, as repeats of 3–5 min", one repeat at most,
    and "Tempo run 15 min: about 4 min at tempo effort". Daniels' limits leave too little fast running for either
    structure (Stridelab's rule: two repeats of 3 min, one tempo piece of 5 min), so both days are easy runs that say
    why, and without a hard run they carry no strength (TRAINING-RULES.md: strength only with a hard run)."""
    page = ask({**BEGINNER, "current_volume": "60", "peak_volume": "90"}, today="2026-12-07")["html"]
    rows = {row.split(" | ")[0]: row.split(" | ") for row in week_rows(page)}
    assert rows["Tue 8 Dec"][1:4] == ["Easy run", "aerobic", "15 min"]
    assert rows["Tue 8 Dec"][5] == (
        "Easy run in place of the tempo run: this week's volume allows about 4 min at tempo effort in one session, too "
        "little for the shortest tempo piece the guide names (Stridelab's rule: 5 min). No strength today: it goes "
        "only with a hard run."
    )
    assert rows["Thu 10 Dec"][1:4] == ["Easy run", "aerobic", "15 min"]
    assert "about 3 min of hard running in one session, too little for repeats of 3–5 min" in rows["Thu 10 Dec"][5]
    assert "data-sessions" not in page and "Session A" not in "".join(week_rows(page))
    assert season_rows(page)["2026-12-07"].endswith("| none | Long run 30 min (Sat)")


def test_a_plan_in_miles_without_a_vdot_lists_its_key_sessions_distances() -> None:
    """In minutes the season's key sessions carry their durations; in miles without a VDOT they had no amount at
    all ("Tempo run + Session A (Tue)"): each now carries its distance, in the runner's unit, as the week does."""
    values = {**BEGINNER, "units": "mi", "volume_unit": "mi", "current_volume_mi": "10", "peak_volume_mi": "15"}
    page = ask(values, today="2026-12-07")["html"]
    first = season_rows(page)["2026-12-07"]
    assert "Tempo run 3 mi + Session A (Tue)" in first and "Intervals 2.5 mi + Session B (Thu)" in first
    assert "Long run 4.5 mi (Sat)" in first
    assert "Tuesday's tempo run (3 mi): easy warm-up" in text(page.split("data-sessions>")[1].split("</p>")[0])
    in_km = season_rows(ask({**values, "volume_unit": "km", "current_volume_km": "16"}, today="2026-12-07")["html"])
    assert "Long run 7 km (Sat)" in in_km["2026-12-07"]


def test_a_saved_plan_whose_paces_are_from_another_vdot_says_so_until_saved_again() -> None:
    """After a new race the planner showed E 5:16–5:57 while the calendar and Today, which read the saved plan,
    kept its old paces. The planner now says which VDOT each uses and that saving again brings the new paces."""
    saved = ask({**RACE, "vdot": "45.9"}, "save")
    store = after_ops({}, saved["ops"])
    newer = ask({**RACE, "vdot": "47"}, store=store)["html"]
    note = newer.split("data-saved-paces>")[1].split("</p>")[0]
    assert note == (
        "Your saved plan uses VDOT 45.9 paces; this plan uses VDOT 47.0 paces, the VDOT your profile now has. The "
        "training calendar and Today follow the saved plan: save this plan to use these paces there."
    )
    assert "data-saved-paces" not in ask({**RACE, "vdot": "45.9"}, store=store)["html"]  # the same paces: no word
    without = after_ops({}, ask({**RACE, "vdot": ""}, "save")["ops"])
    assert (
        "Your saved plan uses no VDOT, so no paces; this plan uses VDOT 47.0"
        in ask({**RACE, "vdot": "47"}, store=without)["html"]
    )
    again = ask({**RACE, "vdot": "47"}, "save", store=store)
    assert again["ok"] and "data-saved-paces" not in again["html"]  # saved again: one set of paces everywhere


def test_saving_again_after_a_new_race_keeps_the_weeks_volumes_and_brings_in_the_new_paces() -> None:
    """Saved on 7 December from 60 minutes, saved again on 2 February for a new race's paces: the season was climbed
    again from the 60 minutes still in the form, and its two taper weeks were cut to half. Saved again with the same
    race and volumes, it goes on where the saved plan is: every week keeps its volume, and takes the new paces."""
    values = {**BEGINNER, "current_volume": "60", "peak_volume": "120"}
    first = ask(values, "save", today="2026-12-07")["ops"][0]["value"]
    store = after_ops({}, [ask(values, "save", today="2026-12-07")["ops"][0]])
    page = ask({**values, "vdot": "31.9"}, store=store, today="2027-02-02")["html"]
    assert "data-saved-differs" not in page
    assert "Saving keeps the volumes your saved plan has for this week and the weeks to come." in page
    again = ask({**values, "vdot": "31.9"}, "save", store=store, today="2027-02-02")["ops"][0]["value"]
    assert [w["volume"] for w in again["weeks"]] == [w["volume"] for w in first["weeks"]]  # 85 and 60 min: the taper
    assert again["weeks"][-2]["start"] == "2027-02-01" and again["weeks"][-2]["volume"] == 85.0
    tuesday = again["weeks"][-2]["plan"]["days"][1]
    assert tuesday["run"] == "tempo" and tuesday["pace_s_per_km"] is not None  # the new race's paces
    assert again["weeks"][0] == first["weeks"][0]  # a week already run is not rewritten
    # Saved a third time, it still goes on from the climb saved in December, not from 2 February.
    third = ask(
        {**values, "vdot": "31.9"},
        "save",
        store=after_ops(store, [{"op": "put", "collection": "plan", "id": "season", "value": again}]),
        today="2027-02-05",
    )["ops"][0]["value"]
    assert third["weeks"][-1]["volume"] == first["weeks"][-1]["volume"]


def test_a_plan_that_would_change_the_saved_weeks_lists_each_change_before_the_table() -> None:
    """Before saving, a plan climbed again from another volume names each saved week it changes, with both volumes,
    where it starts from, and the volumes that keep the saved weeks; it comes before the week's table."""
    values = {**BEGINNER, "current_volume": "60", "peak_volume": "90"}
    store = after_ops({}, ask(values, "save", today="2026-12-07")["ops"])
    assert "data-saved-differs" not in ask(values, store=store, today="2026-12-07")["html"]  # the plan just saved
    later = ask({**values, "current_volume": "70"}, store=store, today="2027-01-10", profile={"week_start": 6})["html"]
    assert later.index("data-saved-differs") < later.index("This week</caption>")
    note = " ".join(re.sub(r"<[^>]+>", " ", later.split("data-saved-differs>")[1].split("</div>")[0]).split())
    assert note == (
        "Saving this plan changes your saved plan's weeks (the weeks before this one stay): "
        "Week of Monday 4 January: 80 minutes → 70 minutes "
        "Week of Monday 11 January: 85 minutes → 80 minutes "
        "This plan starts this week from your current weekly volume, 70 minutes; your saved plan has 80 minutes this "
        "week. To keep your saved plan's weeks and bring in only new paces or days, enter the volumes it was made "
        "with: 60 minutes as your current weekly volume, and 90 minutes at the peak."
    )
    moved = ask({**values, "race_date": "2027-02-21"}, store=store, today="2027-01-10")["html"]
    assert "60 minutes, the figure your saved plan was made from on Monday 7 December 2026;" in text(moved)
    assert "data-saved-differs" not in ask(values, store=store, today="2027-01-10")["html"]  # the same climb: goes on


def test_a_marathon_builds_long_run_sentence_names_the_marathon_time_its_pace_is() -> None:
    """The reviewer came with a 3:45 goal: under the week, the long run's sentence says its marathon pace is the pace
    of the marathon his VDOT predicts (3:45:00 from a 3:45 marathon), and links to how far to trust that."""
    score = vdot.vdot_from_race(vdot.MARATHON_M, 3 * 3600 + 45 * 60)
    monday = date(2026, 11, 23)
    season = planner.plan_season(
        planner.WeekPrefs(run_days=4, vdot=score),
        today=monday,
        race_date=monday + timedelta(weeks=10, days=6),
        race_distance_m=vdot.MARATHON_M,
    )
    build = next(week for week in season.weeks if week.phase == "build")
    words = html.unescape(str(sessions_words(build.plan.days, "km")))
    assert "5:20 /km is the pace of the 3:45:00 marathon your VDOT predicts (" in words
    assert 'href="../../guides/race-times-and-vdot/#marathon-specificity"' in words
    base = next(week for week in season.weeks if week.phase == "base")
    assert "marathon your VDOT predicts" not in str(sessions_words(base.plan.days, "km"))


def long_run_note(page: str) -> str:
    """The sentences under the week on why the long run is its size, as text."""
    note = page.split("data-long-run", 1)[1].split("</p>", 1)[0]
    return html.unescape(re.sub(r"<[^>]+>", "", note.split(">", 1)[1]))


def test_the_long_run_note_says_why_it_is_its_size_with_the_plans_own_numbers() -> None:
    """A runner who expects a longer long run reads its share of the week, the rule that sizes it, Daniels' limit
    for this week and what lengthens it: the guide's four-run week of 240 minutes has an 85-minute long run."""
    page = ask({})["html"]
    note = long_run_note(page)
    assert note.startswith("Your long run this week is 85 min, 35 % of the week's 240 min. The planner makes it 1.6")
    assert "Stridelab's rule" in note
    # Minutes without a VDOT have no distance to weigh against 64 km: Daniels' stricter quarter.
    assert "Daniels limits one long run to 30 % of the week's distance below 64 km (40 miles) a week, 25 %" in note
    assert ": 60 min in this week (25 % of its minutes" in note
    assert "Yours is more: the planner keeps the guide's proportions for a week of 4 runs, and a run more" in note
    assert "To lengthen it, raise your weekly volume" in note
    assert 'href="../../guides/race-times-and-vdot/#how-long-the-long-run-is"' in page.split("data-long-run", 1)[1]


def test_a_marathoners_long_run_note_names_the_growth_and_the_seasons_longest_at_daniels_limit() -> None:
    """Six runs to 80 km a week with a VDOT: the build and peak weeks grow the long run to Daniels' quarter, and the
    note names the longest, 20 km, as that limit. This 60 km week takes the quarter too, not his 30 % below 64 km,
    and the note says why: the plan peaks past 64 km, and Stridelab's rule keeps the long run from shrinking."""
    values = {
        "run_days": "6",
        "volume_unit": "km",
        "current_volume_km": "60",
        "peak_volume_km": "80",
        "vdot": "50",
        "race_date": "2027-04-18",
        "race_distance": "42195",
    }
    note = long_run_note(ask(values)["html"])
    assert "in the build and peak weeks of your marathon plan it grows to Daniels' limit where that gives less" in note
    assert ": 15 km in this week. That is 25 %, not 30 %, because your plan peaks at 80 km a week" in note
    assert "Stridelab's rule takes the peak week, so the long run never shrinks as the weeks grow" in note
    assert "To lengthen it, raise your peak weekly volume" in note
    longest = r"The longest of your season is \d+ min · 20 km, in the week of .+, Daniels' limit for that week"
    assert re.search(longest, note)


@pytest.mark.parametrize(("distance", "grows"), [("42195", True), ("10000", False)])
def test_without_a_vdot_the_long_run_note_weighs_the_share_and_asks_for_a_pace_for_the_minutes(
    distance: str, grows: bool
) -> None:
    """A plan by distance without a VDOT can weigh its long run against Daniels' share of the week (30 % of 50 km,
    15 km) but not against his 150 minutes: the note gives the share's limit, says the minutes need a pace and where
    to get one, and, in a marathon plan, that the long run grows to the limit only with it."""
    values = {"volume_unit": "km", "current_volume_km": "50", "race_date": "2027-04-18", "race_distance": distance}
    note = long_run_note(ask(values)["html"])
    assert note.startswith("Your long run this week is 17.5 km, 35 % of the week's 50 km.")
    assert "and to 150 minutes: 15 km in this week by the share alone (30 %)." in note
    assert "Yours is more: the planner keeps the guide's proportions for a week of 4 runs" in note
    assert (
        "The 150 minutes need a pace: give the planner your VDOT (the race calculator finds it from a race time)"
        in note
    )
    assert ("With it, the planner also grows the long run to that limit in your build and peak weeks" in note) is grows


def test_a_race_date_filled_in_from_the_profile_after_the_race_is_emptied_with_a_note_not_refused() -> None:
    after = {"race_date": "2027-01-03", "race_distance": "21097.5", "vdot": "45"}
    reply = ask(after, today="2027-01-04")
    assert reply["ok"], reply
    page = html.unescape(reply["html"])
    assert "Your race on Sunday 3 January has passed — enter your next race, or plan without one." in page
    assert "The race date has passed" not in page
    assert {"type": "clear", "fields": ["race_date"]} in reply["effects"]  # the box is emptied, not left at 3 Jan
    # Typed in this form once, it is still the profile's race: emptied all the same.
    profile = {"race_date": "2027-01-03", "race_distance": "21097.5"}
    again = ask(after, today="2027-01-04", touched=["race_date"], profile=profile)
    assert {"type": "clear", "fields": ["race_date"]} in again["effects"]
    # A past date the reader types now is theirs: refused, naming the field, never emptied.
    typed = ask({**after, "race_date": "2026-12-27"}, today="2027-01-04", touched=["race_date"], profile=profile)
    assert typed["ok"] is False and typed["error"]["field"] == "race_date"

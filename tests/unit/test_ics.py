"""The season's .ics export (RFC 5545), parsed back with the ``icalendar`` package."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import icalendar
import pytest

from calculators.errors import InputError
from calculators.ics import PRODID, escape_text, fold_line, session_days
from calculators.plan_changes import apply_offer
from calculators.plan_json import season_from_dict
from calculators.planner import SeasonPlan, WeekPrefs, plan_season, season_to_ics
from calculators.reschedule import reschedule_offers
from calculators.units import PaceUnit, format_duration
from calculators.vdot import MARATHON_M, race_time
from calculators.week_plan import RUN_NAMES, distance_words
from calculators.week_prefs import VolumeUnit

STAMP = datetime(2026, 11, 23, 20, 15, 0, tzinfo=UTC)
PLAN_ID = "7f0c2c1e-5b1a-4c55-9d1e-2f3a4b5c6d7e"


def season() -> SeasonPlan:
    return plan_season(
        WeekPrefs(run_days=5, vdot=50, current_volume=240, peak_volume=330),
        today=date(2026, 11, 25),
        race_date=date(2027, 3, 21),
        race_distance_m=MARATHON_M,
    )


def events(text: str) -> list[icalendar.cal.Component]:
    """The file's sessions: every event but the cancelled ones that take away what an earlier export put there."""
    return [e for e in icalendar.Calendar.from_ical(text).walk("VEVENT") if e.get("STATUS") != "CANCELLED"]


def cancelled(text: str) -> list[icalendar.cal.Component]:
    return [e for e in icalendar.Calendar.from_ical(text).walk("VEVENT") if e.get("STATUS") == "CANCELLED"]


def test_every_training_day_from_today_is_one_all_day_event_on_its_date() -> None:
    plan = season()
    training = [d for d in plan.days() if d.day is not None and d.day >= plan.today and (d.run != "rest" or d.strength)]
    parsed = events(season_to_ics(plan, dtstamp=STAMP, plan_id=PLAN_ID))
    assert len(parsed) == len(training) > 50
    for event, day in zip(parsed, training, strict=True):
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert type(start) is date and type(end) is date  # all-day: VALUE=DATE, not a date-time
        assert start == day.day and end == day.day + timedelta(days=1)
        assert str(event["UID"]) == f"{PLAN_ID}-{day.day:%Y%m%d}@stridelab"
        assert event.decoded("DTSTAMP") == STAMP
        assert str(event["SUMMARY"]).split(" ")[0] in ("Easy", "Tempo", "Intervals", "Long", "Race")
    race = {str(e["SUMMARY"]) for e in parsed if e.decoded("DTSTART") == date(2027, 3, 21)}
    assert race == {"Race (marathon), about 3:10:40"}  # VDOT 50's marathon, as the race calculator predicts it


def test_calendar_properties() -> None:
    calendar = icalendar.Calendar.from_ical(season_to_ics(season(), dtstamp=STAMP, plan_id=PLAN_ID))
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]) == PRODID
    assert str(calendar["CALSCALE"]) == "GREGORIAN"


def test_lines_end_in_crlf_and_fold_at_75_octets() -> None:
    text = season_to_ics(season(), dtstamp=STAMP, plan_id=PLAN_ID)
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")[:-1]
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    assert any(line.startswith(" ") for line in lines)  # long descriptions were folded


def test_description_text_survives_escaping_and_folding() -> None:
    plan = season()
    parsed = events(season_to_ics(plan, dtstamp=STAMP, plan_id=PLAN_ID))
    first = next(d for d in plan.days() if d.day is not None and d.day >= plan.today and d.run != "rest")
    description = str(parsed[0]["DESCRIPTION"])
    assert first.reason in description.split("\n")
    pace = "Pace: 3:55 /km for the fast repeats, with the warm-up, recoveries and cool-down easy."
    assert first.run == "intervals" and pace in description and "Session B" in description


def test_uids_are_stable_across_exports_and_dtstamp_is_what_was_passed() -> None:
    plan = season()
    one = events(season_to_ics(plan, dtstamp=STAMP, plan_id=PLAN_ID))
    later = STAMP + timedelta(days=3)
    two = events(season_to_ics(plan, dtstamp=later, plan_id=PLAN_ID))
    assert [str(e["UID"]) for e in one] == [str(e["UID"]) for e in two]
    assert len({str(e["UID"]) for e in one}) == len(one)
    assert all(e.decoded("DTSTAMP") == later for e in two)


def test_dtstamp_is_written_in_utc() -> None:
    local = datetime(2026, 11, 23, 21, 15, tzinfo=timezone(timedelta(hours=1)))
    text = season_to_ics(season(), dtstamp=local, plan_id=PLAN_ID)
    assert "DTSTAMP:20261123T201500Z\r\n" in text
    assert "DTSTAMP:20261123T201500Z\r\n" in season_to_ics(
        season(), dtstamp=local.replace(tzinfo=None) - timedelta(hours=1), plan_id=PLAN_ID
    )


def test_paces_in_miles() -> None:
    text = season_to_ics(season(), dtstamp=STAMP, plan_id=PLAN_ID, unit="mi")
    descriptions = [str(e["DESCRIPTION"]) for e in events(text)]
    assert any("/mi." in d for d in descriptions) and not any("/km." in d for d in descriptions)


def test_the_race_is_worded_by_its_distance_and_the_race_calculators_finish_time() -> None:
    """Today and the calendar say "Race 42.2 km, about 3:10:40 at 4:31 /km"; the export words the race the same way,
    with the time the race calculator predicts for the plan's VDOT, never the race's minutes ("191 min")."""
    parsed = events(season_to_ics(season(), dtstamp=STAMP, plan_id=PLAN_ID))
    (race,) = (e for e in parsed if e.decoded("DTSTART") == date(2027, 3, 21))
    finish = format_duration(race_time(50, MARATHON_M))
    assert str(race["SUMMARY"]) == f"Race (marathon), about {finish}"
    assert f"Race 42.2 km, about {finish} at 4:31 /km." in str(race["DESCRIPTION"])
    assert "191 min" not in str(race["DESCRIPTION"]) and "Pace:" not in str(race["DESCRIPTION"])


def test_distances_in_miles_for_a_reader_in_miles() -> None:
    """A reader in miles gets km-only runs in miles, as their paces are, not in km; the race goes by its name."""
    marathon = events(season_to_ics(season(), dtstamp=STAMP, plan_id=PLAN_ID, unit="mi"))
    race = [e for e in marathon if e.decoded("DTSTART") == date(2027, 3, 21)]
    assert [str(e["SUMMARY"]) for e in race] == ["Race (marathon), about 3:10:40"]
    assert "Race 26.2 mi, about 3:10:40 at 7:16 /mi." in str(race[0]["DESCRIPTION"])
    by_distance = plan_season(
        WeekPrefs(volume_unit="km", current_volume=40), today=date(2026, 11, 25), race_date=date(2027, 3, 21)
    )
    summaries = [str(e["SUMMARY"]) for e in events(season_to_ics(by_distance, dtstamp=STAMP, plan_id="p", unit="mi"))]
    assert "Long run 8.7 mi" in summaries and not any(" km" in s for s in summaries)


@pytest.mark.parametrize(("volume_unit", "unit"), [("mi", "mi"), ("km", "km"), ("min", "km"), ("min", "mi")])
def test_each_run_says_its_minutes_and_its_distance_as_the_calendar_page_does(
    volume_unit: VolumeUnit, unit: PaceUnit
) -> None:
    """A plan with paces gives every run minutes and a distance: the event says both ("Easy run 70 min (8.5 mi)"),
    whether the plan was made in miles, km or minutes, in the reader's unit."""
    plan = plan_season(
        WeekPrefs(
            run_days=5, vdot=50, volume_unit=volume_unit, current_volume={"mi": 55, "km": 90, "min": 240}[volume_unit]
        ),
        today=date(2026, 11, 25),
        race_date=date(2027, 3, 21),
        race_distance_m=MARATHON_M,
    )
    text = season_to_ics(plan, dtstamp=STAMP, plan_id="p", unit=unit)
    summaries = {e.decoded("DTSTART"): str(e["SUMMARY"]) for e in events(text)}
    runs = [d for d in plan.days() if d.day in summaries and d.run not in ("rest", "race")]
    assert runs
    for day in runs:
        assert day.minutes is not None and day.km is not None
        expected = f"{RUN_NAMES[day.run]} {day.minutes} min ({distance_words(day.km, unit)})"
        assert summaries[day.day].startswith(expected), summaries[day.day]
    assert f" {unit})" in summaries[runs[0].day]


def test_a_plan_in_miles_shown_in_km_gives_tenths_of_a_kilometre() -> None:
    """Its half miles are stored in km (5.5 mi = 8.851392 km): a reader in km sees "8.9 km"."""
    in_miles = plan_season(
        WeekPrefs(volume_unit="mi", current_volume=25), today=date(2026, 11, 25), race_date=date(2027, 3, 21)
    )
    summaries = [str(e["SUMMARY"]) for e in events(season_to_ics(in_miles, dtstamp=STAMP, plan_id="p", unit="km"))]
    distances = [s.split(" ")[-2] for s in summaries if s.endswith(" km")]
    assert distances and all(len(d.partition(".")[2]) <= 1 for d in distances), distances


def test_escape_text_follows_rfc_5545() -> None:
    assert escape_text("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne"


def test_fold_line_never_splits_a_utf8_character() -> None:
    line = "DESCRIPTION:" + "é–" * 60
    folded = fold_line(line)
    pieces = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in pieces)
    assert all(p.startswith(" ") for p in pieces[1:])
    assert "".join(p[1:] if i else p for i, p in enumerate(pieces)) == line
    assert fold_line("SHORT:x") == "SHORT:x"


@pytest.mark.parametrize("plan_id", ["", "has space", "semi;colon", "x" * 200])
def test_bad_plan_id_is_refused(plan_id: str) -> None:
    with pytest.raises(InputError) as caught:
        season_to_ics(season(), dtstamp=STAMP, plan_id=plan_id)
    assert caught.value.field == "plan_id"


def test_no_race_season_exports_every_training_day() -> None:
    plan = plan_season(WeekPrefs(run_days=3), today=date(2026, 11, 23), race_date=None, weeks=2)
    parsed = events(season_to_ics(plan, dtstamp=STAMP, plan_id="p1"))
    assert [e.decoded("DTSTART") for e in parsed] == [
        date(2026, 11, 23),
        date(2026, 11, 26),
        date(2026, 11, 28),
        date(2026, 11, 30),
        date(2026, 12, 3),
        date(2026, 12, 5),
    ]


def test_without_a_vdot_each_run_says_how_hard_by_feel_and_a_hard_session_how_it_is_split() -> None:
    """A beginner's file, like the planner's table and Today, says how hard each run is by feel (there is no pace),
    and a tempo or interval session says how it is split, in the planner's words."""
    plan = plan_season(
        WeekPrefs(run_days=5, current_volume=300),
        today=date(2026, 12, 7),
        race_date=date(2027, 4, 11),
        race_distance_m=MARATHON_M,
    )
    by_run = {
        str(event["SUMMARY"]).split(" ")[0]: str(event["DESCRIPTION"])
        for event in events(season_to_ics(plan, dtstamp=STAMP, plan_id=PLAN_ID))
    }
    assert "By feel: easy, you can talk in full sentences." in by_run["Easy"]
    assert "By feel: easy, you can talk in full sentences." in by_run["Long"]
    assert "By feel: comfortably hard" in by_run["Tempo"]
    assert "How to run it: easy warm-up, about " in by_run["Tempo"]
    assert "as repeats of 3–5 min with an easy jog between" in by_run["Intervals"]
    assert "How to run it" not in by_run["Easy"]


def test_with_a_vdot_a_tempo_run_gives_its_pace_and_how_it_is_split() -> None:
    event = next(e for e in events(season_to_ics(season(), dtstamp=STAMP, plan_id=PLAN_ID)) if "Tempo" in e["SUMMARY"])
    text = str(event["DESCRIPTION"])
    assert "Pace: " in text and "By feel" not in text
    assert "How to run it: easy warm-up, about 20 min steady at tempo effort, easy cool-down." in text


def test_a_peak_weeks_strength_dose_reads_as_the_planners_season_table_says_it() -> None:
    """A peak week lifts 2 sets per exercise: the event says so, as the planner's season table and Today do and as
    the strength log prescribes each exercise, never a percentage of the session."""
    texts = [str(e["DESCRIPTION"]) for e in events(season_to_ics(season(), dtstamp=STAMP, plan_id=PLAN_ID))]
    peak = [t for t in texts if "peak phase" in t and "Session A" in t]
    assert peak and all("Session A at 2 sets per exercise" in t for t in peak)
    assert not any("60%" in t or "60 %" in t for t in texts)


def by_day(text: str) -> dict[date, icalendar.cal.Component]:
    return {e.decoded("DTSTART"): e for e in icalendar.Calendar.from_ical(text).walk("VEVENT")}


def test_a_re_export_after_a_move_cancels_the_day_the_session_left_under_its_own_uid() -> None:
    """RFC 5545: a calendar app matches events by UID and takes the higher SEQUENCE. After the long run moves from
    Sunday 21 March to Saturday 20 March, the new file holds Sunday as a cancelled event with the UID the first file
    gave Sunday's long run, and a later SEQUENCE, so re-importing it takes the old long run off the phone; Saturday's
    event, same UID, now says the long run."""
    prefs = WeekPrefs(run_days=5, available_days=(1, 2, 3, 5, 6), volume_unit="km", current_volume=45, vdot=45)
    plan = plan_season(prefs, today=date(2027, 3, 15), race_date=None, weeks=2)
    sunday, saturday = date(2027, 3, 21), date(2027, 3, 20)
    first = by_day(season_to_ics(plan, dtstamp=STAMP, plan_id=PLAN_ID))
    assert str(first[sunday]["SUMMARY"]).startswith("Long run") and "STATUS" not in first[sunday]
    (move, *_) = reschedule_offers(plan, sunday, trigger="busy", today=date(2027, 3, 17))
    moved = season_from_dict(apply_offer(plan.to_dict(), move, change_id="c", today=date(2027, 3, 17))[0]["value"])
    again = by_day(
        season_to_ics(moved, dtstamp=STAMP + timedelta(days=2), plan_id=PLAN_ID, exported=session_days(plan))
    )
    assert str(again[sunday]["UID"]) == str(first[sunday]["UID"]) and again[sunday]["STATUS"] == "CANCELLED"
    assert str(again[saturday]["UID"]) == str(first[saturday]["UID"])
    assert str(again[saturday]["SUMMARY"]).startswith("Long run") and "STATUS" not in again[saturday]
    for day in (sunday, saturday):
        assert again[day].decoded("SEQUENCE") > first[day].decoded("SEQUENCE")
    # every day the first file filled has its one event again, a session or a cancelled one; no other rest day
    assert set(again) == set(first) | set(session_days(moved))
    assert [d for d, e in again.items() if e.get("STATUS") == "CANCELLED"] == [sunday]


def test_a_first_export_holds_the_sessions_alone_and_cancels_no_rest_day() -> None:
    plan = season()
    text = season_to_ics(plan, dtstamp=STAMP, plan_id=PLAN_ID)
    assert not cancelled(text) and "earlier copy" not in text
    assert [e.decoded("DTSTART") for e in events(text)] == list(session_days(plan))
    rest = [d.day for d in plan.days() if d.day and d.day >= plan.today and d.run == "rest" and not d.strength]
    assert len(rest) > 30  # the rest days a first export used to send as cancelled events
    # A day an earlier export filled that has no session now is cancelled; a rest day it never filled is not.
    again = cancelled(season_to_ics(plan, dtstamp=STAMP, plan_id=PLAN_ID, exported={rest[0], plan.today}))
    assert [e.decoded("DTSTART") for e in again] == [rest[0]]


def test_an_export_time_before_2020_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        season_to_ics(season(), dtstamp=datetime(2019, 12, 31, 23, 59, tzinfo=UTC), plan_id=PLAN_ID)
    assert caught.value.field == "dtstamp"

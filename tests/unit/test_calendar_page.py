"""The training calendar page: statuses in words, a day's details, logging a run, links, accepting an offer."""

from __future__ import annotations

import html
import json
import re
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest

from calculators.calendar_logs import read_logs, read_plan
from calculators.date_words import day_words
from calculators.errors import InputError
from calculators.load import trimp
from calculators.planner import WeekPrefs, plan_season
from calculators.profile import Profile
from calculators.registry import handle
from calculators.reschedule import reschedule_offers
from calculators.season import latest_race_date
from calculators.ui.calculator import after_ops, render_calculator
from calculators.ui.calendar_page import CALCULATOR
from calculators.ui.calendar_view import _no_move, offer_item
from calculators.ui.verdict_offers import done_days

MONDAY = date(2026, 3, 2)
PLAN = plan_season(WeekPrefs(run_days=4, vdot=50), today=MONDAY, race_date=None, weeks=4)
NEW_ID = "7a1c2a3e-0000-4000-8000-000000000009"
#: AU as the pages print it: the abbreviation, with what it means for a reader who points at it.
MEANING = "arbitrary units: session effort (1–10) × minutes"
AU = f'<abbr title="{MEANING}">AU</abbr>'


def planned(run: str) -> date:
    """The first day of the plan with this run."""
    return next(d.day for d in PLAN.days() if d.run == run and d.day is not None)


def ask(
    action: str,
    store: dict[str, Any],
    *,
    today: date,
    values: dict[str, str] | None = None,
    args: dict[str, Any] | None = None,
    profile: dict[str, Any] | None = None,
) -> dict[str, Any]:
    payload = {
        "values": values or {},
        "args": args or {},
        "today": today.isoformat(),
        "new_id": NEW_ID,
        "store": store,
        "profile": profile or {},
    }
    return handle({"id": 1, "calculator": "calendar", "module": "calendar_page", "action": action, "payload": payload})


def stored(**extra: Any) -> dict[str, Any]:
    return {"plan": {"season": PLAN.to_dict()}, **extra}


def run(day: date, minutes: float) -> dict[str, Any]:
    return {"date": day.isoformat(), "duration_s": minutes * 60, "distance_m": 10_000.0, "rpe": 5.0, "source": "hand"}


def test_an_empty_browser_gets_a_calendar_with_a_way_to_a_plan() -> None:
    reply = ask("compute", {}, today=MONDAY)
    assert reply["ok"], reply
    assert "No season plan is saved yet" in reply["html"] and 'href="../planner/"' in reply["html"]


def test_statuses_are_words_and_the_week_adds_up() -> None:
    tempo = planned("tempo")
    store = stored(runs={"r1": run(tempo, 45), "x": run(tempo + timedelta(days=2), 30)})
    reply = ask("compute", store, today=tempo + timedelta(days=6))
    assert reply["ok"], reply
    html = reply["html"]
    assert "Tempo run" in html and ": done" in html
    assert "unplanned extra" in html  # the run on a rest day
    assert ": missed" in html  # the rest of the week's runs were not logged
    assert "Weekly totals" in html and "75 min" in html  # 45 + 30 minutes of running


def test_loads_carry_their_unit_and_a_thousands_separator() -> None:
    """Session-RPE load is in AU (RPE × minutes, the training load guide's unit), written like the kg beside it,
    and AU is an abbreviation that says what it stands for."""
    tempo = planned("tempo")
    store = stored(runs={f"r{n}": run(tempo + timedelta(days=n), 50) for n in range(5)})  # 5 × 250 AU
    page = ask("compute", store, today=tempo + timedelta(days=6))["html"]
    assert f'data-label="Combined load" class="sl-num">1,250 {AU}</td>' in page
    details = ask("day", store, today=tempo + timedelta(days=6), args={"day": tempo.isoformat()})["html"]
    assert f"in 50:00, load 250 {AU}" in details


def test_weekly_strength_volume_is_in_the_readers_weight_unit() -> None:
    """Rule: a reader whose units are miles reads loads in lb (Profile.weight_unit); the store keeps kg."""
    tempo = planned("tempo")
    lift: dict[str, Any] = {"id": NEW_ID, "date": tempo.isoformat(), "kind": "A", "duration_min": 45, "rpe": 7}
    lift["exercises"] = [{"exercise": "romanian_deadlift", "sets": [{"reps": 5, "load_kg": 100.0}] * 3}]
    store = stored(strength={NEW_ID: lift})  # 1,500 kg of volume load
    payload = {"values": {}, "args": {}, "today": tempo.isoformat(), "store": store}
    for profile, volume in (({}, "1 session, 1,500 kg"), ({"units": "mi"}, "1 session, 3,307 lb")):
        page = handle(
            {"id": 1, "calculator": "calendar", "action": "compute", "payload": payload | {"profile": profile}}
        )
        assert f'data-label="Strength" class="sl-num">{volume}</td>' in page["html"], page


def test_a_week_of_bodyweight_lifting_counts_reps_and_a_week_without_lifting_says_none() -> None:
    """Bodyweight exercises count sets × reps (FORMULAS.md), a plate added to one included; a week with no
    strength session reads "none", not "0: 0 lb", and a week with no run "none" too, not "0: 0.0 km"."""
    tempo = planned("tempo")
    lift: dict[str, Any] = {"id": NEW_ID, "date": tempo.isoformat(), "kind": "B", "duration_min": 40, "rpe": 6}
    lift["exercises"] = [{"exercise": "single_leg_calf_raise", "sets": [{"reps": 12, "load_kg": 2.27}] * 3}]
    page = ask("compute", stored(strength={NEW_ID: lift}), today=tempo, profile={"units": "mi"})["html"]
    assert 'data-label="Strength" class="sl-num">1 session, 36 bodyweight reps</td>' in page
    empty = ask("compute", stored(), today=tempo)["html"]
    assert 'data-label="Strength" class="sl-num">none</td>' in empty and "0: 0 kg" not in empty
    assert 'data-label="Runs" class="sl-num">none</td>' in empty and "0: 0" not in empty


def test_a_month_is_a_grid_with_a_legend_and_a_button_per_day() -> None:
    reply = ask("compute", stored(), today=MONDAY, values={"view": "month", "date": "2026-03-15"})
    assert reply["ok"], reply
    assert "Your calendar for March 2026:" in reply["html"] and "Marks: ✓ done" in reply["html"]
    assert reply["html"].count('class="sl-cal__open"') >= 28


def test_a_months_day_button_names_what_was_logged_and_its_marks_break_only_between_syllables() -> None:
    """A rest day with a run logged is not "nothing planned" to a screen reader when the cell shows "+ run"; a
    long name carries soft hyphens, so a phone's narrow column breaks "Inter-vals", never "Interva|ls"."""
    rest = next(d.day for d in PLAN.days() if d.run == "rest" and d.day is not None)
    store = stored(runs={"r1": run(rest, 45)})
    today = MONDAY + timedelta(days=13)
    html = ask("compute", store, today=today, values={"view": "month", "date": "2026-03-15"})["html"]
    assert f'aria-label="{day_words(rest, today=today)}: a run logged, unplanned"' in html
    assert f'aria-label="{day_words(rest + timedelta(days=7), today=today)}: rest day"' in html
    marks = re.findall(r'<span class="sl-cal__mark">([^<]*)</span>', html)
    assert "✗ Inter\u00advals" in marks and "✗ Ses\u00adsion A" in marks and "+ run" in marks


#: What "Around the date" accepts on MONDAY: ten years and a week back (the logs' rule) to the planner's
#: furthest race day, 52 weeks ahead.
ACCEPTED = "Enter a date from Tuesday 23 February 2016 to Monday 1 March 2027."


@pytest.mark.parametrize("view", ["week", "month"])
@pytest.mark.parametrize(
    ("day", "words"),
    [
        ("0001-01-01", "(Monday 1 January 1) is more than ten years ago"),
        ("1900-01-01", "(Monday 1 January 1900) is more than ten years ago"),
        ("2016-02-22", "(Monday 22 February 2016) is more than ten years ago"),
        ("2027-03-02", "(Tuesday 2 March 2027) is too far ahead"),
        ("2999-12-31", "(Tuesday 31 December 2999) is too far ahead"),
    ],
)
def test_a_date_outside_the_calendars_range_names_the_field_and_the_range(view: str, day: str, words: str) -> None:
    reply = ask("compute", stored(), today=MONDAY, values={"view": view, "date": day})
    assert reply["ok"] is False and reply["error"]["code"] == "input", reply
    assert reply["error"]["field"] == "date"
    message = reply["error"]["message"]
    assert message.startswith("“Around the date”") and words in message and ACCEPTED in message


@pytest.mark.parametrize("view", ["week", "month"])
@pytest.mark.parametrize("day", ["2016-02-23", "2016-03-02", "2027-03-01"])
def test_the_calendar_shows_ten_years_back_and_as_far_ahead_as_the_planner(view: str, day: str) -> None:
    reply = ask("compute", stored(), today=MONDAY, values={"view": view, "date": day})
    assert reply["ok"], reply
    assert "Your calendar for" in reply["html"]


def test_the_calendars_furthest_day_is_the_planners_furthest_race_day() -> None:
    furthest = latest_race_date(MONDAY)
    assert furthest == date(2027, 3, 1)
    assert plan_season(WeekPrefs(), today=MONDAY, race_date=furthest, race_distance_m=10_000).race_date == furthest
    with pytest.raises(InputError):
        plan_season(WeekPrefs(), today=MONDAY, race_date=furthest + timedelta(days=1), race_distance_m=10_000)


def test_logging_a_run_for_a_day_stores_it_as_the_run_log_does() -> None:
    day = planned("easy")
    values = {"run_duration": "40:00", "run_distance": "8", "run_rpe": "3"}
    reply = ask("log_run", stored(), today=day + timedelta(days=1), values=values, args={"day": day.isoformat()})
    assert reply["ok"], reply
    (op,) = reply["ops"]
    assert op == {
        "op": "put",
        "collection": "runs",
        "id": NEW_ID,
        "value": {
            "date": day.isoformat(),
            "duration_s": 2400.0,
            "distance_m": 8000.0,
            "rpe": 3.0,
            "hr_avg": None,
            "source": "hand",
        },
    }
    assert "added to your log" in reply["html"]


def test_opening_a_days_details_takes_the_reader_to_their_heading_and_other_answers_leave_them_be() -> None:
    """Only the answer to "Details of …" marks the heading the page moves the focus to (data-opened): after a run
    logged from the box, the reader stays on its button."""
    day = planned("easy")
    name = day_words(day, today=day)
    opened = ask("day", stored(), today=day, args={"day": day.isoformat()})
    assert opened["ok"], opened
    assert f'<h3 tabindex="-1" data-opened>{name}</h3>' in opened["html"]  # focusable by script only
    values = {"run_duration": "40:00", "run_distance": "8", "run_rpe": "3"}
    logged = ask("log_run", stored(), today=day, values=values, args={"day": day.isoformat()})
    assert logged["ok"], logged
    assert "data-details" in logged["html"] and "data-opened" not in logged["html"]


def test_the_days_box_says_how_to_type_a_duration_as_the_run_log_does() -> None:
    """The run log's help and placeholder, tied to the box by aria-describedby; not the run log's pointer to its
    own "Distances in", which this page has not."""
    day = planned("easy")
    html = ask("day", stored(), today=day, args={"day": day.isoformat()})["html"]
    box = html[html.index("<fieldset") : html.index("</fieldset>")]
    duration = re.search(r'<input id="sl-cal-run_duration"[^>]*>', box)
    assert duration and 'aria-describedby="sl-cal-run_duration-help"' in duration[0]
    assert 'placeholder="h:mm:ss"' in duration[0]
    assert '<p id="sl-cal-run_duration-help" class="sl-field__help">mm:ss or h:mm:ss, for example 45:00' in box
    assert "Distances in" not in box


def test_a_run_logged_with_its_heart_rate_is_stored_as_the_run_logs_and_gets_its_trimp_there() -> None:
    """The day's box has the run log's own optional heart-rate box (label, range); the run is stored under the run
    log's key, so the run log's table works out its TRIMP from the profile's heart rates."""
    day = planned("easy")
    html = ask("day", stored(), today=day, args={"day": day.isoformat()})["html"]
    box = html[html.index("<fieldset") : html.index("</fieldset>")]
    assert re.search(r'<label for="sl-cal-run_hr">Average heart rate \(optional\)<input id="sl-cal-run_hr"', box)
    assert '<p id="sl-cal-run_hr-help" class="sl-field__help">40 to 230 beats per minute.</p>' in box
    typed = {"run_duration": "40:00", "run_distance": "8", "run_rpe": "3", "run_hr": "145"}
    logged = ask("log_run", stored(), today=day, values=typed, args={"day": day.isoformat()})
    (op,) = logged["ops"]
    values = {"entry": "run", "run_date": day.isoformat(), **typed}
    payload = {"values": values, "args": {}, "today": day.isoformat(), "new_id": NEW_ID, "store": {}}
    (on_run_log,) = handle({"id": 1, "calculator": "readiness", "action": "save", "payload": payload})["ops"]
    assert op == on_run_log and op["value"]["hr_avg"] == 145.0
    numbers = {"hr_rest": "50", "hr_max": "190"}
    payload = {"values": numbers, "args": {}, "today": day.isoformat(), "store": after_ops({}, logged["ops"])}
    page = handle({"id": 1, "calculator": "readiness", "action": "compute", "payload": payload})["html"]
    row = page.split("<caption>Your runs", 1)[1].split("</tr>", 2)[1]
    assert f'data-label="TRIMP" class="sl-num">{trimp(40, 145, 50, 190):.0f}</td>' in row


def test_a_heart_rate_out_of_range_is_named_with_the_run_logs_message_and_nothing_is_stored() -> None:
    day = planned("easy")
    values = {"run_duration": "40:00", "run_distance": "8", "run_rpe": "3", "run_hr": "30"}
    reply = ask("log_run", stored(), today=day, values=values, args={"day": day.isoformat()})
    assert not reply["ok"] and "ops" not in reply
    assert reply["error"] == {
        "code": "input",
        "field": "run_hr",
        "message": "Average heart rate: 30 beats per minute is out of range. Enter a number between 40 and 230 "
        "beats per minute.",
    }


#: A run typed in the day's box: 40 minutes, 10 km, RPE 5, as :func:`run` stores it (the form's values beside it).
TYPED = {"view": "week", "date": "", "run_duration": "40:00", "run_distance": "10", "run_rpe": "5"}


def _logged_on_the_run_log(day: date) -> dict[str, Any]:
    """The store after the run log saved TYPED's run for ``day``."""
    values = {"entry": "run", "run_date": day.isoformat(), "run_duration": "40:00", "run_distance": "10"}
    payload = {"values": values | {"run_rpe": "5"}, "args": {}, "today": day.isoformat(), "new_id": "r1", "store": {}}
    saved = handle({"id": 1, "calculator": "readiness", "action": "save", "payload": payload})
    assert saved["ok"] and len(saved["ops"]) == 1, saved
    return after_ops(stored(), saved["ops"])


def test_a_run_already_on_the_run_log_asks_first_and_stores_nothing() -> None:
    day = planned("easy")
    store = _logged_on_the_run_log(day)
    reply = ask("log_run", store, today=day, values=TYPED, args={"day": day.isoformat()})
    assert reply["ok"] and reply["ops"] == [], reply
    (effect,) = reply["effects"]
    assert effect["type"] == "confirm" and effect["action"] == "log_run" and effect["confirm_label"] == "Log it again"
    assert effect["message"] == (
        f"You already logged a run of 40:00 and 10 km on {day_words(day, today=day)}. "
        "Log it again? Its load would count twice."
    )
    assert f'data-details="{day.isoformat()}"' in reply["html"]  # the day stays open


def test_a_run_logged_in_miles_is_the_same_run_typed_again_in_km() -> None:
    """Rule (run_copies): 6.21 mi stored (9994 m) and 10 km typed are one distance within a unit's rounding."""
    day = planned("easy")
    store = stored(runs={"r1": {**run(day, 40), "distance_m": 9994.0}})
    (effect,) = ask("log_run", store, today=day, values=TYPED, args={"day": day.isoformat()})["effects"]
    assert effect["confirm_label"] == "Log it again"


def test_log_it_again_stores_the_typed_run_once_from_the_questions_args() -> None:
    """The answer comes back with the form's values and the question's args only, never the box's values."""
    day = planned("easy")
    store = stored(runs={"r1": run(day, 40)})
    (effect,) = ask("log_run", store, today=day, values=TYPED, args={"day": day.isoformat()})["effects"]
    form = {"view": "week", "date": "", "confirmed": "yes"}
    reply = ask(effect["action"], store, today=day, values=form, args=effect["args"])
    assert reply["ok"] and not reply["effects"], reply
    (op,) = reply["ops"]
    assert op["id"] == NEW_ID and op["value"] == run(day, 40) | {"duration_s": 2400.0, "hr_avg": None}
    with_hr = ask("log_run", store, today=day, values=TYPED | {"run_hr": "150"}, args={"day": day.isoformat()})
    (effect,) = with_hr["effects"]
    reply = ask(effect["action"], store, today=day, values=form, args=effect["args"])
    assert reply["ops"][0]["value"]["hr_avg"] == 150.0  # the heart rate typed comes back with the answer too
    assert "added to your log" in reply["html"]
    assert len(after_ops(store, reply["ops"])["runs"]) == 2


@pytest.mark.parametrize(
    ("change", "other"),
    [("day", {}), ("duration", {"run_duration": "40:01"}), ("distance", {"run_distance": "10.1"})],
)
def test_a_run_not_logged_yet_is_stored_at_once(change: str, other: dict[str, str]) -> None:
    """Only the same day, duration and distance asks: a run differing in one is stored without a question."""
    day = planned("easy")
    logged_on = day - timedelta(days=1) if change == "day" else day
    store = stored(runs={"r1": run(logged_on, 40)})
    twin = ask("log_run", stored(runs={"r1": run(day, 40)}), today=day, values=TYPED, args={"day": day.isoformat()})
    reply = ask("log_run", store, today=day, values=TYPED | other, args={"day": day.isoformat()})
    assert twin["ops"] == [] and len(twin["effects"]) == 1  # the same run would have asked
    assert reply["ok"] and not reply["effects"] and len(reply["ops"]) == 1, reply
    assert reply["ops"][0]["value"]["date"] == day.isoformat()


def test_a_bad_box_value_names_its_field_and_stores_nothing() -> None:
    day = planned("easy")
    values = {"run_duration": "40:00", "run_distance": "8", "run_rpe": "11"}
    reply = ask("log_run", stored(), today=day, values=values, args={"day": day.isoformat()})
    assert not reply["ok"] and reply["error"]["field"] == "run_rpe" and "ops" not in reply
    future = ask("log_run", stored(), today=day, values=values | {"run_rpe": "3"}, args={"day": "2099-01-01"})
    assert future["error"]["field"] == "day"


def test_a_late_run_counts_for_its_planned_session_only_when_linked() -> None:
    tempo = planned("tempo")
    rest = tempo + timedelta(days=2)  # the guide's week: Mon tempo, Tue easy, Wed rest
    store = stored(runs={"late": run(rest, 45)})
    today = rest
    details = ask("day", store, today=today, args={"day": rest.isoformat()})
    assert f"This counts for the tempo run of {day_words(tempo, today=today)}<" in details["html"]
    linked = ask("link", store, today=today, args={"kind": "run", "id": "late", "planned": tempo.isoformat()})
    assert linked["ok"], linked
    shown = ask("day", after_ops(store, linked["ops"]), today=today, args={"day": rest.isoformat()})["html"]
    assert f", counts for {day_words(tempo, today=today)}</li>" in shown
    (op,) = linked["ops"]
    assert op["collection"] == "calendar_links" and op["value"]["planned_date"] == tempo.isoformat()
    after = after_ops(store, linked["ops"])
    assert after["runs"] == store["runs"]  # the log itself is not touched
    undone = ask("unlink", after, today=today, args={"kind": "run", "id": "late", "day": tempo.isoformat()})
    assert undone["ops"] == [{"op": "delete", "collection": "calendar_links", "id": "run:late"}]


def test_a_rest_day_whose_run_and_lift_count_for_the_day_before_says_so_and_stays_open() -> None:
    """Intervals + Session B done on Friday, a rest day, for Thursday: Friday shows what was done and for which day
    (not "Rest day"), names the lift as the plan does, and stays open after each link so the other can follow."""
    thursday = planned("intervals")
    friday = thursday + timedelta(days=1)
    lift: dict[str, Any] = {"id": NEW_ID, "date": friday.isoformat(), "kind": "B", "duration_min": 45, "rpe": 6}
    hrv = {(friday - timedelta(days=n)).isoformat(): {"rmssd_ms": 55} for n in range(1, 8)}
    store = stored(runs={"r": run(friday, 50)}, strength={NEW_ID: lift}, hrv=hrv)
    args = {"day": friday.isoformat()}
    words = day_words(thursday, today=friday)
    details = html.unescape(ask("day", store, today=friday, args=args)["html"])
    assert "Session B, 45 min, load 270" in details
    assert (
        f"This counts for the intervals of {words}<" in details and f"This counts for Session B of {words}<" in details
    )
    for kind, ident in (("run", "r"), ("strength", NEW_ID)):
        reply = ask(
            "link", store, today=friday, args={"kind": kind, "id": ident, "planned": thursday.isoformat()} | args
        )
        assert reply["ok"], reply
        store = after_ops(store, reply["ops"])
        assert f'data-details="{friday.isoformat()}"' in reply["html"]  # still Friday's details, not Thursday's
    assert f"This counts for Session B of {words}" not in reply["html"] and "Undo: Session B, 45 min" in reply["html"]
    page = html.unescape(ask("day", store, today=friday, args=args)["html"])
    details = page.split('<section class="sl-cal__details"')[1].split("</section>")[0]
    assert details.split("<ul>")[1].split("</ul>")[0] == (
        f'<li data-status="counts for another day">Run 10.0 km in 50:00, load 250 {AU} ({MEANING}), counts for '
        f"{words}</li>"
        f'<li data-status="counts for another day">Session B, 45 min, load 270 {AU}, counts for {words}</li>'
    )
    assert "Readiness: " in details and "Rest day" not in details  # nor readiness's "Rest day, as planned"
    card = html.unescape(ask("compute", store, today=friday)["html"]).split(f'data-day="{friday.isoformat()}"')[1]
    assert "Rest day" not in card.split("</section>")[0]
    month = ask("compute", store, today=friday, values={"view": "month", "date": friday.isoformat()})["html"]
    assert "→ counts for another day" in month and '<span class="sl-cal__mark">→ run</span>' in month


def test_a_log_is_offered_only_to_sessions_of_its_kind_the_nearest_missed_day_first() -> None:
    """A run and Session B logged on Friday, a rest day, after a missed tempo + Session A on Monday and missed
    intervals + Session B on Thursday: the run is offered Thursday's intervals before Tuesday's easy run and Monday's
    tempo run, the lift
    Session B only (never Session A of Monday, which the page refuses too)."""
    monday, thursday = planned("tempo"), planned("intervals")
    friday = thursday + timedelta(days=1)
    lift: dict[str, Any] = {"id": NEW_ID, "date": friday.isoformat(), "kind": "B", "duration_min": 45, "rpe": 6}
    store = stored(runs={"r": run(friday, 50)}, strength={NEW_ID: lift})
    details = html.unescape(ask("day", store, today=friday, args={"day": friday.isoformat()})["html"])
    labels = re.findall(r"This counts for ([^<]*)<", details)
    thu, mon = day_words(thursday, today=friday), day_words(monday, today=friday)
    tue = day_words(monday + timedelta(days=1), today=friday)
    assert labels == [
        f"the intervals of {thu}",
        f"the easy run of {tue}",
        f"the tempo run of {mon}",
        f"Session B of {thu}",
    ]
    refused = ask("link", store, today=friday, args={"kind": "strength", "id": NEW_ID, "planned": monday.isoformat()})
    assert not refused["ok"] and "Session B" in json.dumps(refused)


def test_a_hard_session_gets_offers_and_accepting_one_only_puts() -> None:
    tempo = planned("intervals")  # Thursday's, moved ahead of a busy day on Monday, when the tempo run was logged
    today = planned("tempo")
    store = stored(runs={"tempo": run(today, 45)})
    details = ask("day", store, today=today, args={"day": tempo.isoformat()})
    assert details["ok"], details
    assert "Change the plan" in details["html"] and "Accept" in details["html"]
    # WCAG 2.5.3 and same-named buttons: each "Accept" is named with its offer, starting with the visible word.
    names = [html.unescape(n) for n in re.findall(r'aria-label="([^"]*)"[^>]*data-action="accept"', details["html"])]
    offers = reschedule_offers(PLAN, tempo, trigger="busy", today=today, done=frozenset({today}))
    assert names == [f"Accept: {offer.description}" for offer in offers] and len(set(names)) == len(names) >= 2
    args = {"day": tempo.isoformat(), "trigger": "busy", "index": 0}
    kind = next(k for k in ("move", "easy", "skip") if f'"kind": "{k}"' in html.unescape(details["html"]))
    reply = ask("accept", store, today=today, args=args | {"kind": kind})
    assert reply["ok"], reply
    assert {op["op"] for op in reply["ops"]} == {"put"}
    assert {op["collection"] for op in reply["ops"]} == {"plan", "plan_changes"}
    after = after_ops(store, reply["ops"])
    assert after["runs"] == store["runs"]
    assert "Changes to your plan" in ask("compute", after, today=today)["html"]
    stale = ask("accept", store, today=today, args=args | {"index": 7, "kind": kind})
    assert not stale["ok"] and "no longer fits" in stale["error"]["message"]


def test_a_move_goes_only_to_the_profiles_run_days_and_the_page_says_when_none_fits() -> None:
    """Thursday's intervals, moved on Monday ahead of a busy day, go to Wednesday while every day is a run day; a
    reader who now runs only on Monday, Tuesday, Thursday and Saturday gets no move that keeps the rules (Tuesday
    comes the day after the tempo run), and is told so, with the day that would make room, instead of finding none;
    the move that bends a rule comes after the skip, naming it."""
    thursday, today = planned("intervals"), planned("tempo")
    args = {"day": thursday.isoformat()}
    anyday = html.unescape(ask("day", stored(), today=today, args=args)["html"])
    assert "Move intervals + Session B to Wednesday 4 March; rest on Thursday 5 March." in anyday
    assert "No other day" not in anyday
    accept = ask("accept", stored(), today=today, args=args | {"trigger": "busy", "index": 0, "kind": "move"})
    assert accept["ok"], accept
    profile = {"run_weekdays": "0,1,3,5"}
    details = html.unescape(ask("day", stored(), today=today, args=args, profile=profile)["html"])
    assert "Move intervals + Session B to Wednesday" not in details
    assert (
        "No other day this week fits intervals + Session B (a day you run on, from tomorrow, with an easy day or rest "
        "either side, and not the day before or after the long run). It would fit if you ran on Wednesday too: add "
        'it to “Days you can run” on <a href="../profile/">your profile</a>. Otherwise, skip it, or take a move below '
        "that bends a rule." in details
    )
    offers = re.findall(r"<li>(.*?) <button", re.search(r"<ul data-offers>(.*?)</ul>", details, re.S).group(1))  # type: ignore[union-attr]
    assert offers[0].startswith("Skip it") and "It bends" not in offers[0]
    assert (
        offers[1].startswith("Move intervals + Session B to Tuesday")
        and " It bends rules: Monday and Tuesday" in offers[1]
    )
    refused = ask(
        "accept", stored(), today=today, args=args | {"trigger": "busy", "index": 0, "kind": "move"}, profile=profile
    )
    assert not refused["ok"] and "no longer fits" in refused["error"]["message"]


def test_a_session_of_the_coming_week_can_be_moved_ahead_of_a_busy_day() -> None:
    """A reader who knows Thursday is busy moves its intervals now, earlier or later, by the rules a missed session
    follows; a session done, or more than six days ahead, has no such offer."""
    thursday = planned("intervals")
    today, args = thursday - timedelta(days=3), {"day": thursday.isoformat()}
    details = html.unescape(ask("day", stored(), today=today, args=args)["html"])
    assert "Change the plan" in details
    assert "Move intervals + Session B to Wednesday 4 March; rest on Thursday 5 March." in details
    accept = ask("accept", stored(), today=today, args=args | {"trigger": "busy", "index": 0, "kind": "move"})
    assert accept["ok"], accept
    plan = after_ops(stored(), accept["ops"])["plan"]["season"]
    runs = {d["day"]: d["run"] for w in plan["weeks"] for d in w["plan"]["days"]}
    assert (runs[(thursday - timedelta(days=1)).isoformat()], runs[thursday.isoformat()]) == ("intervals", "rest")
    later = thursday + timedelta(days=7)
    assert "Change the plan" not in ask("day", stored(), today=today, args={"day": later.isoformat()})["html"]
    done = stored(runs={"r": run(thursday, 50)})
    assert "Change the plan" not in ask("day", done, today=thursday, args=args)["html"]


def test_when_no_run_day_fits_the_page_names_the_day_that_would_and_where_to_add_it() -> None:
    """The three-day runner (Tuesday, Thursday, Saturday), busy on Saturday: Sunday would make room for the long run
    (Wednesday and Friday each follow a hard session)."""
    prefs = WeekPrefs(run_days=3, available_days=(1, 3, 5), vdot=40)
    plan = plan_season(prefs, today=MONDAY, race_date=None, weeks=3)
    saturday, profile = MONDAY + timedelta(days=12), {"run_weekdays": "1,3,5"}
    store = {"plan": {"season": plan.to_dict()}}
    details = html.unescape(
        ask("day", store, today=saturday - timedelta(days=3), args={"day": saturday.isoformat()}, profile=profile)[
            "html"
        ]
    )
    (said,) = re.findall(r"<p data-no-move>(.*?)</p>", details)
    assert said == (
        "No other day this week fits the long run (a day you run on, from tomorrow, not the day after a hard session)."
        " It would fit if you ran on Sunday too: add it to “Days you can run” on"
        ' <a href="../profile/">your profile</a>. Otherwise, skip it.'
    )


def test_a_red_long_run_with_no_day_to_go_to_is_made_easy_or_skipped() -> None:
    """A red Saturday long run, for a reader who runs on Monday, Tuesday, Thursday and Saturday: no later day."""
    long = planned("long")
    offers = reschedule_offers(PLAN, long, trigger="red", today=long, run_weekdays=(0, 1, 3, 5))
    assert [o.kind for o in offers] == ["easy", "skip"]
    assert html.unescape(str(_no_move(offers))) == (
        "<p data-no-move>No later day this week fits the long run (a day you run on, from tomorrow, not the day after "
        "a hard session). Make it easy, or skip it.</p>"
    )
    # every day a run day: Sunday is free, but the day before Monday's tempo run, where the guide's week rests
    assert _no_move(reschedule_offers(PLAN, long, trigger="red", today=long)) is not None


def _text(reply: dict[str, Any]) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", reply["html"])))


def test_a_tempo_day_run_but_not_lifted_says_why_session_a_has_nowhere_to_go_and_offers_to_skip_it() -> None:
    """Monday's tempo run was logged, Session A was not: the card said "Session A: missed" and the day offered
    nothing, as the run made it done. The day now says so in plain words, why no later day can take the lift (the
    guide's Thursday has Session B), and offers to skip it. The evening of the day itself the lift is still to come:
    no offer yet."""
    tempo = planned("tempo")
    store = stored(runs={"r1": run(tempo, 50)})
    same_day = ask("day", store, today=tempo, args={"day": tempo.isoformat()})
    assert "Session A: planned" in _text(same_day) and 'data-action="accept"' not in same_day["html"]
    reply = ask("day", store, today=tempo + timedelta(days=1), args={"day": tempo.isoformat()})
    text = _text(reply)
    assert "Tempo run" in text and "done" in text and "Session A: missed" in text
    assert (
        "You ran the tempo run but did not log Session A. No later day this week can take it: strength goes only with "
        "a hard run that has none of its own (Thursday has Session B already), with an easy day or rest after each "
        "stress day, and never in the last 14 days before a race. Skip it." in text
    )
    accepts = re.findall(r'aria-label="([^"]*)"[^>]*data-action="accept"', reply["html"])
    assert [html.unescape(a) for a in accepts] == [
        "Accept: Skip Session A this week; the rest of the week stays as planned."
    ]


def test_an_easy_week_lift_missed_after_its_run_moves_to_todays_easy_run_once_accepted() -> None:
    """An easy week: Monday's easy run was logged, Session A was not. On Tuesday the calendar offers to lift after
    today's easy run; accepted, the plan holds Session A on Tuesday and Monday reads as the run it was, done."""
    easy = plan_season(WeekPrefs(run_days=4, easy_weeks=True), today=MONDAY, race_date=None, weeks=4)
    monday, tuesday = MONDAY, MONDAY + timedelta(days=1)
    assert (easy.planned_days()[monday].strength, easy.planned_days()[tuesday].strength) == ("A", None)
    store = {"plan": {"season": easy.to_dict()}, "runs": {"r1": run(monday, 50)}}
    reply = ask("day", store, today=tuesday, args={"day": monday.isoformat()})
    assert (
        "You ran the easy run but did not log Session A: it can still go with another easy run this week, or be "
        "skipped." in _text(reply)
    )
    args = {"day": monday.isoformat(), "trigger": "missed", "index": 0, "kind": "move"}
    accepted = ask("accept", store, today=tuesday, args=args)
    assert accepted["ok"], accepted
    assert "Plan changed: Move Session A to today (Tuesday 3 March), after your easy run." in _text(accepted)
    after = after_ops(store, accepted["ops"])
    days = read_plan(after).planned_days()  # type: ignore[union-attr]
    assert (days[monday].strength, days[tuesday].strength) == (None, "A")
    week = _text(ask("compute", after, today=tuesday))
    assert "Session A: missed" not in week and "1 of 6 planned sessions done, 0 missed" in week


def test_an_entry_id_from_the_store_reaches_the_page_only_escaped() -> None:
    tempo = planned("tempo")
    rest = tempo + timedelta(days=2)
    store = stored(runs={"<img src=x onerror=alert(1)>": run(rest, 45)})
    reply = ask("day", store, today=rest, args={"day": rest.isoformat()})
    assert reply["ok"] and "This counts for the tempo run" in reply["html"]
    assert "<img" not in reply["html"] and "&lt;img" in reply["html"]


def test_a_red_day_with_a_hard_session_gets_offers_and_accepting_one_records_it() -> None:
    """Four low mornings after five steady weeks make tomorrow red: its tempo run can move or become easy."""
    tempo = [d.day for d in PLAN.days() if d.run == "tempo" and d.day is not None][2]
    today = tempo - timedelta(days=1)
    hrv = {(today - timedelta(days=n)).isoformat(): {"rmssd_ms": 35.0 if n < 4 else 70.0 + n % 5} for n in range(40)}
    store = stored(hrv=hrv)
    details = ask("day", store, today=today, args={"day": tempo.isoformat()})
    assert details["ok"], details
    assert "Readiness: red" in details["html"] and "Change the plan" in details["html"]
    easy = ask(
        "accept", store, today=today, args={"day": tempo.isoformat(), "trigger": "red", "index": 1, "kind": "easy"}
    )
    assert easy["ok"], easy
    change = next(op for op in easy["ops"] if op["collection"] == "plan_changes")
    assert change["value"]["trigger"] == "red" and "easy run" in change["value"]["description"]


def test_an_amber_day_with_a_hard_session_offers_the_verdicts_swap() -> None:
    """One low morning after five steady weeks makes tomorrow amber, whose rule is "swap it with the next easy day"
    (TRAINING-RULES.md): the calendar offers that swap first, never a move that contradicts it."""
    tempo = [d.day for d in PLAN.days() if d.run == "tempo" and d.day is not None][2]
    today, tuesday = tempo - timedelta(days=1), tempo + timedelta(days=1)
    hrv = {(today - timedelta(days=n)).isoformat(): {"rmssd_ms": 35.0 if n < 1 else 70.0 + n % 5} for n in range(40)}
    store = stored(hrv=hrv)
    details = html.unescape(ask("day", store, today=today, args={"day": tempo.isoformat()})["html"])
    assert "Readiness: amber" in details
    words = [day_words(d, today=today) for d in (tuesday, tempo)]
    swap = (
        f"Swap it with your next easy day: move the tempo run + Session A to {words[0]} and the easy run to {words[1]}."
    )
    assert re.findall(r'aria-label="Accept: ([^"]*)"', details)[0] == swap
    args = {"day": tempo.isoformat(), "trigger": "amber", "index": 0, "kind": "move"}
    accepted = ask("accept", store, today=today, args=args)
    assert accepted["ok"], accepted
    change = next(op for op in accepted["ops"] if op["collection"] == "plan_changes")
    assert change["value"]["trigger"] == "amber" and change["value"]["description"] == swap


def test_the_days_done_are_those_a_log_counts_for_in_the_plans_week() -> None:
    """Monday's tempo run logged, and a run on Friday linked to Thursday's intervals: those days are done, whichever
    day the reader's calendar week starts on; the plan's week runs Monday to Sunday."""
    monday, thursday = planned("tempo"), planned("intervals")
    friday = thursday + timedelta(days=1)
    links = {"run:late": {"kind": "run", "entry_id": "late", "planned_date": thursday.isoformat()}}
    logs = read_logs(stored(runs={"t": run(monday, 45), "late": run(friday, 50)}, calendar_links=links))
    for start in (0, 6):
        done = done_days(logs, PLAN, thursday, friday, replace(Profile(), week_start=start))
        assert done == {monday, thursday}


def test_an_offer_that_bends_rules_names_each_in_one_sentence() -> None:
    tempo = planned("tempo")
    (offer, *_) = reschedule_offers(PLAN, tempo, trigger="missed", today=tempo + timedelta(days=1))
    rules = ("The long run on Sunday comes the day after Saturday's stress day, which should be easy or rest.",)
    text = html.unescape(str(offer_item(replace(offer, bent_rules=rules), 0)))
    assert "It bends a rule: The long run on Sunday comes the day after Saturday's stress day" in text
    assert "easy or rest. <button" in text  # one full stop, then the button
    both = (*rules, "Two hard runs sit on back-to-back days.")
    two = html.unescape(str(offer_item(replace(offer, bent_rules=both), 0)))
    assert "It bends rules: The long run on Sunday" in two and "easy or rest. Two hard runs" in two
    assert "days. <button" in two


def accept_first_offer(store: dict[str, Any], day: date, today: date) -> dict[str, Any]:
    """Accept the first offer for ``day``, as the page's first "Accept" button does."""
    details = ask("day", store, today=today, args={"day": day.isoformat()})
    found = re.search(r'data-action="accept" data-args="([^"]*)"', details["html"])
    assert found, details["html"]
    reply = ask("accept", store, today=today, args=json.loads(html.unescape(found.group(1))))  # what it sends
    assert reply["ok"], reply
    return reply


def browser_store(store: dict[str, Any], ops: list[dict[str, Any]]) -> dict[str, Any]:
    """The store once ``ops`` are applied, through JSON as the browser keeps it (a week's tuples come back as lists)."""
    return json.loads(json.dumps(after_ops(store, ops)))


def undo_buttons(page: str) -> list[str]:
    """The accessible names of the page's undo buttons."""
    return [
        html.unescape(name)
        for name in re.findall(r'<button[^>]*aria-label="([^"]*)"[^>]*data-action="undo_change"', page)
    ]


def busy_intervals() -> tuple[dict[str, Any], date, date]:
    """A plan with a key the planner does not know, on the Monday of its first week (its tempo run logged), with
    Thursday's intervals to move ahead of a busy day."""
    thursday = planned("intervals")
    today = planned("tempo")
    store = stored(runs={"tempo": run(today, 45)})
    store["plan"]["season"] = store["plan"]["season"] | {"note": "a key from a newer version"}
    return store, thursday, today


def test_accepting_a_change_can_be_undone_and_the_plan_is_exactly_as_it_was() -> None:
    """Undo puts the week back as it was and deletes the change record; logs and unknown keys stay untouched."""
    store, tempo, today = busy_intervals()
    accepted = accept_first_offer(store, tempo, today)
    page = accepted["html"]
    message, button = page.index("Plan changed: "), page.index(">Undo</button>")
    assert message < button < page.index("Changes to your plan")  # right after the message
    after = browser_store(store, accepted["ops"])
    assert after["plan"]["season"] != store["plan"]["season"]
    names = undo_buttons(page)
    assert len(names) == len(set(names)) == 2  # one by the message, one in the history, told apart by name
    assert any(n.startswith(f"Undo the change just made for Thursday {tempo.day} March: Move") for n in names)
    # WCAG 2.5.3: each name starts with its button's visible text ("Undo", "Undo this change").
    assert any(n.startswith(f"Undo this change for Thursday {tempo.day} March, made on Monday") for n in names)
    assert undo_buttons(ask("compute", after, today=today)["html"]) == [n for n in names if "just made" not in n]

    undone = ask("undo_change", after, today=today, args={"id": NEW_ID})
    assert undone["ok"], undone
    assert [(op["op"], op["collection"]) for op in undone["ops"]] == [("put", "plan"), ("delete", "plan_changes")]
    restored = after_ops(after, undone["ops"])
    assert restored["plan"]["season"] == store["plan"]["season"]
    assert restored["runs"] == store["runs"] and restored["plan_changes"] == {}
    assert "Change undone: “Move " in html.unescape(undone["html"])
    assert "Changes to your plan" not in undone["html"] and not undo_buttons(undone["html"])


@pytest.mark.parametrize("since", ["changed again", "made again"])
def test_undo_is_refused_once_the_week_is_no_longer_what_the_change_made(since: str) -> None:
    store, tempo, today = busy_intervals()
    after = browser_store(store, accept_first_offer(store, tempo, today)["ops"])
    if since == "changed again":
        start = after["plan_changes"][NEW_ID]["week_start"]
        week = next(w for w in after["plan"]["season"]["weeks"] if w["start"] == start)
        week["plan"]["days"][6]["reason"] = "Moved by another change."
    else:
        after["plan"]["season"] = plan_season(WeekPrefs(run_days=5, vdot=50), today=today, race_date=None).to_dict()
    assert "Changes to your plan" in ask("compute", after, today=today)["html"]
    assert not undo_buttons(ask("compute", after, today=today)["html"])  # no button that would just fail
    refused = ask("undo_change", after, today=today, args={"id": NEW_ID})
    assert not refused["ok"] and "ops" not in refused and refused["error"]["field"] == "plan"
    assert refused["error"]["message"] == (
        "This change can no longer be undone here: your plan has changed since (another change, or a new plan). "
        "To change that week, make your plan again on the planner page."
    )


def test_a_change_recorded_before_undo_existed_offers_no_undo_and_is_refused() -> None:
    store, tempo, today = busy_intervals()
    after = browser_store(store, accept_first_offer(store, tempo, today)["ops"])
    del after["plan_changes"][NEW_ID]["after"]
    page = ask("compute", after, today=today)["html"]
    assert "Changes to your plan" in page and not undo_buttons(page)
    refused = ask("undo_change", after, today=today, args={"id": NEW_ID})
    assert not refused["ok"] and "ops" not in refused and refused["error"]["field"] == "plan"
    assert "it was made before changes could be undone" in refused["error"]["message"]
    gone = ask("undo_change", after, today=today, args={"id": "no-such-change"})
    assert "it is no longer in your plan's history" in gone["error"]["message"] and "ops" not in gone


def test_a_change_whose_earlier_week_does_not_read_is_refused_and_the_plan_left_alone() -> None:
    store, tempo, today = busy_intervals()
    after = browser_store(store, accept_first_offer(store, tempo, today)["ops"])
    del after["plan_changes"][NEW_ID]["before"]["days"][3]
    refused = ask("undo_change", after, today=today, args={"id": NEW_ID})
    assert not refused["ok"] and "ops" not in refused and refused["error"]["field"] == "plan"
    assert "the week as it was before was not recorded in full" in refused["error"]["message"]


def test_stored_entries_that_fail_a_check_are_counted_with_a_way_to_see_them() -> None:
    tempo = planned("tempo")
    impossible = {**run(tempo, 10), "distance_m": 9_000.0}  # 9 km in 10 min: faster than any record
    store = stored(
        runs={"ok": run(tempo, 45), "fast": impossible, "junk": "not a run"},
        hrv={tempo.isoformat(): {"rmssd_ms": "high"}},
        strength={"s1": {"date": "soon"}},
    )
    page = html.unescape(ask("compute", store, today=tempo)["html"])
    notice = re.search(r'<p class="sl-notice" data-left-out>(.*?)</p>', page)
    assert notice, page
    words = notice.group(1)
    assert "2 runs and 1 HRV reading you stored fail a check" in words and 'href="../readiness/"' in words
    assert "(unreadable, dated after today, or an impossible pace)" in words
    assert (
        "1 strength session you stored could not be read, so it is left out here. See why, and delete it, on <a "
        'href="../strength-log/">the strength log</a>.'
    ) in words
    assert "untouched" not in words


def test_strength_sessions_left_out_point_to_the_strength_logs_delete_buttons() -> None:
    """The strength log lists each session that does not read with a Delete button: the notice says so."""
    tempo = planned("tempo")
    store = stored(strength={"s1": {"date": "soon"}, "s2": "not a session"})
    page = html.unescape(ask("compute", store, today=tempo)["html"])
    notice = re.search(r'<p class="sl-notice" data-left-out>(.*?)</p>', page)
    assert notice is not None
    text = re.sub(r"<[^>]+>", "", notice.group(1))
    assert text == (
        "2 strength sessions you stored could not be read, so they are left out here. "
        "See why, and delete them, on the strength log."
    )


def test_hrv_readings_left_out_are_not_said_to_have_a_pace() -> None:
    tempo = planned("tempo")
    store = stored(runs={"ok": run(tempo, 45)}, hrv={tempo.isoformat(): {"rmssd_ms": "high"}})
    words = html.unescape(ask("compute", store, today=tempo)["html"])
    assert "1 HRV reading you stored fails a check (unreadable, or dated after today), so it is left out" in words


def test_a_calendar_whose_entries_all_read_has_no_left_out_notice() -> None:
    tempo = planned("tempo")
    assert "data-left-out" not in ask("compute", stored(runs={"ok": run(tempo, 45)}), today=tempo)["html"]


def test_a_missed_session_is_not_moved_onto_a_day_the_calendar_marks_red() -> None:
    """Tuesday's tempo run missed, and today (Thursday) red after four low mornings: the first offer the
    reader accepts keeps the long run and the hard runs off today (TRAINING-RULES.md, red)."""
    plan = plan_season(
        WeekPrefs(run_days=4, hard_days=(1, 4), long_run_day=6, vdot=50), today=date(2026, 11, 30), race_date=None
    )
    tuesday, today = date(2026, 12, 8), date(2026, 12, 10)
    eve = today - timedelta(days=1)
    hrv = {(eve - timedelta(days=n)).isoformat(): {"rmssd_ms": 35.0 if n < 4 else 70.0 + n % 5} for n in range(40)}
    store = {"plan": {"season": plan.to_dict()}, "hrv": hrv}
    assert "Readiness: red" in ask("day", store, today=today, args={"day": today.isoformat()})["html"]
    accepted = accept_first_offer(store, tuesday, today)
    week = next(
        w for w in browser_store(store, accepted["ops"])["plan"]["season"]["weeks"] if w["start"] == "2026-12-07"
    )
    assert week["plan"]["days"][3]["run"] not in ("tempo", "intervals", "long")


def test_an_undo_puts_the_week_back_as_recorded_with_keys_a_newer_version_wrote() -> None:
    store, tempo, today = busy_intervals()
    after = browser_store(store, accept_first_offer(store, tempo, today)["ops"])
    after["plan_changes"][NEW_ID]["before"]["coach_note"] = "from a newer Stridelab"
    undone = ask("undo_change", after, today=today, args={"id": NEW_ID})
    [put] = [op for op in undone["ops"] if op["op"] == "put"]
    start = after["plan_changes"][NEW_ID]["week_start"]
    week = next(w for w in put["value"]["weeks"] if w["start"] == start)
    assert week["plan"]["coach_note"] == "from a newer Stridelab"


def test_the_calendars_sentences_name_days_in_words() -> None:
    """Rule: a date in a sentence reads "Monday 2 March"; the store keeps it as ISO."""
    tempo = planned("tempo")
    week = ask("compute", stored(), today=MONDAY, values={"view": "week", "date": MONDAY.isoformat()})
    assert "Your calendar for the week of Monday 2 March:" in week["html"]
    values = {"run_duration": "40:00", "run_distance": "8", "run_rpe": "3"}
    logged = ask("log_run", stored(), today=tempo, values=values, args={"day": tempo.isoformat()})
    assert f"Run of {day_words(tempo, today=tempo)} added to your log." in logged["html"]
    assert logged["ops"][0]["value"]["date"] == tempo.isoformat()
    late = tempo + timedelta(days=2)
    linked = ask(
        "link",
        stored(runs={"late": run(late, 45)}),
        today=late,
        args={"kind": "run", "id": "late", "planned": tempo.isoformat()},
    )
    assert f"Done: this run counts for {day_words(tempo, today=late)}." in linked["html"]


def test_a_week_in_another_year_is_named_with_its_year() -> None:
    reply = ask("compute", {}, today=MONDAY, values={"view": "week", "date": "2027-01-06"})
    assert "Your calendar for the week of Monday 4 January 2027." in reply["html"]


def test_in_miles_the_days_box_asks_for_miles_and_stores_them_as_miles() -> None:
    """The box shows the distance box of the reader's unit, labelled with it, and reads what is typed there."""
    day = planned("easy")
    payload = {"values": {}, "args": {"day": day.isoformat()}, "today": day.isoformat(), "profile": {"units": "mi"}}
    page = handle({"id": 1, "calculator": "calendar", "action": "day", "payload": payload | {"store": stored()}})
    assert page["ok"], page
    assert ">Distance (miles)<" in page["html"] and 'name="run_distance_mi"' in page["html"]
    assert ">Distance (km)<" not in page["html"]
    values = {"run_duration": "40:00", "run_distance_mi": "5", "run_rpe": "3"}
    logged = handle(
        {
            "id": 1,
            "calculator": "calendar",
            "action": "log_run",
            "payload": payload | {"values": values, "store": stored(), "new_id": NEW_ID},
        }
    )
    assert logged["ok"], logged
    assert logged["ops"][0]["value"]["distance_m"] == 8046.7  # 5 × 1609.344 m


def test_the_history_names_each_change_by_the_day_it_was_made_in_words() -> None:
    """Rule: a date in a sentence reads "Tuesday 3 March"; the change record keeps ISO."""
    store, tempo, today = busy_intervals()
    after = browser_store(store, accept_first_offer(store, tempo, today)["ops"])
    assert after["plan_changes"][NEW_ID]["applied"] == today.isoformat()
    page = html.unescape(ask("compute", after, today=today)["html"])
    assert f"<li>{day_words(today, today=today)}: Move" in page
    assert f"{today.isoformat()}:" not in page


def test_a_week_across_new_year_writes_its_compact_dates_with_the_year_and_its_names_in_words() -> None:
    """Rule: one compact form for the week's cards and totals, with the year when a day is not in today's;
    a day's name in words carries its year only when it is not today's."""
    page = ask("compute", {}, today=date(2026, 12, 30))["html"]
    assert "<h3>Mon 28 Dec 2026</h3>" in page and "<h3>Wed 30 Dec 2026 (today)</h3>" in page
    assert "<h3>Fri 1 Jan 2027</h3>" in page and 'rowheader">Week of 28 Dec 2026<' in page
    assert 'aria-label="Friday 1 January 2027"' in page and ">Details of Wednesday 30 December<" in page
    march = ask("compute", {}, today=MONDAY)["html"]
    assert "<h3>Mon 2 Mar (today)</h3>" in march and 'rowheader">Week of 2 Mar<' in march


def test_a_reader_who_logs_no_hrv_gets_the_loads_verdict_once_it_counts_not_a_baseline_still_building() -> None:
    """As on the readiness page: with no HRV at all there is no baseline to build, so once 6 weeks of load count
    the day shows the load's own colour and says what it rests on."""
    today = MONDAY + timedelta(days=1)
    runs = {f"r{n}": run(today - timedelta(days=n), 50) for n in range(1, 60)}
    words = html.unescape(ask("day", stored(runs=runs), today=today, args={"day": today.isoformat()})["html"])
    assert re.search(r"Readiness: (green|amber|red), from your training load", words), words
    young = {k: v for k, v in runs.items() if int(k[1:]) < 10}  # under 6 weeks of load: nothing counts yet
    words = html.unescape(ask("day", stored(runs=young), today=today, args={"day": today.isoformat()})["html"])
    assert "Readiness: baseline still building" in words


def test_a_days_details_give_the_comeback_rule_as_today_does() -> None:
    """The plan's first hard session after 7 days or more without a run reads "run easy instead" in the day's
    details, as on Today, and after a red verdict's advice as a short "also"; a day already run says nothing of it."""
    first_week = [d for d in PLAN.days() if d.day is not None and d.day < MONDAY + timedelta(days=7) and d.minutes]
    runs = {
        f"r{n}": {"date": d.day.isoformat(), "duration_s": (d.minutes or 0) * 60, "distance_m": 9000, "rpe": 5}
        for n, d in enumerate(first_week)
        if d.day is not None
    }
    back = MONDAY + timedelta(days=14)  # the third Monday's tempo run; the last run was the first Saturday's long run

    def details(day: date, today: date = back, **extra: Any) -> str:
        store = stored(**({"runs": runs} | extra))
        page = html.unescape(ask("day", store, today=today, args={"day": day.isoformat()})["html"])
        found = re.search(r"<p data-day-advice>(.*?)</p>", page)
        return found.group(1) if found else ""

    ahead = details(back, today=back - timedelta(days=2))  # no verdict that far ahead: the rule alone
    assert ahead.startswith("Your first hard session back since your last run on Saturday 7 March: run easy")
    # Only the next hard session is the first back: the plan's later ones are read as coming after it, run.
    assert "first hard session back" not in details(back + timedelta(days=3)) + details(back + timedelta(days=7))
    hrv = {(back - timedelta(days=n)).isoformat(): {"rmssd_ms": 35.0 if n < 4 else 70.0 + n % 5} for n in range(1, 41)}
    red = details(back, hrv=hrv)
    assert red.startswith("Readiness: red. Rest, or 20–30 min very easy running")
    assert (
        "Also your first hard session back after 8 days without a run: Stridelab's rule runs it easy anyway. "
        "No Session A on " in red
    )
    run_back = details(back, runs=runs | {"back": runs["r0"] | {"date": back.isoformat()}})
    assert "first hard session back after" not in run_back and "run easy instead" not in run_back
    assert "first hard session back" not in details(back - timedelta(days=7))  # the ill week's tempo run: no return


def test_the_first_hard_session_back_shows_its_strength_session_dropped_in_the_week_month_and_details() -> None:
    """TRAINING-RULES.md: strength goes with a hard run, never on an easy day. The comeback rule runs the third
    Monday's tempo easy, so its Session A reads "dropped" on the day's card, "– Session A" in the month (with the
    mark in the legend), and the details say why and name the next session; a Session A lifted that day all the
    same counts for it."""
    first_week = [d for d in PLAN.days() if d.day is not None and d.day < MONDAY + timedelta(days=7) and d.minutes]
    runs = {f"r{n}": run(d.day, d.minutes or 0) for n, d in enumerate(first_week) if d.day is not None}
    back = MONDAY + timedelta(days=14)  # Monday 16 March: tempo + Session A; Thursday 19 March: intervals + Session B
    week = html.unescape(ask("compute", stored(runs=runs), today=back, values={"view": "week"})["html"])
    card = week[week.index(f'data-day="{back.isoformat()}"') :]
    assert '<li data-status="dropped">Session A: dropped</li>' in card[: card.index("</section>")]
    month = ask("compute", stored(runs=runs), today=back, values={"view": "month", "date": back.isoformat()})["html"]
    marks = re.findall(r'<span class="sl-cal__mark">([^<]*)</span>', month)
    assert "– dropped" in month and "– Ses\u00adsion A" in marks
    assert f'aria-label="{day_words(back, today=back)}: Easy run instead of the tempo run' in month
    assert "Session A: dropped" in month
    details = html.unescape(ask("day", stored(runs=runs), today=back, args={"day": back.isoformat()})["html"])
    assert (
        "No Session A on Monday 16 March: your first hard session back is run easy, and strength goes with a hard "
        "run, never on an easy day (that turns a recovery day into a stress day), so it is dropped that day. Your "
        "plan's next strength session is Session B on Thursday 19 March, with its hard run." in details
    )
    lift = {"id": NEW_ID, "date": back.isoformat(), "kind": "A", "duration_min": 45, "rpe": 7}
    lifted = html.unescape(
        ask("day", stored(runs=runs, strength={NEW_ID: lift}), today=back, args={"day": back.isoformat()})["html"]
    )
    assert '<li data-status="done">Session A: done</li>' in lifted and "No Session A on" not in lifted


def test_a_dropped_strength_session_is_not_counted_as_planned_and_missed() -> None:
    """The comeback rule drops the strength session of the first hard session back: the week's summary leaves it out
    of the sessions planned ("0 of 5 … (1 dropped)"), so it never reads as one the runner still owes."""
    back = next(
        d.day
        for d in PLAN.days()
        if d.day is not None and d.day >= MONDAY + timedelta(days=7) and d.run in ("tempo", "intervals") and d.strength
    )
    store = stored(runs={"r1": run(back - timedelta(days=9), 40)})  # the last run 8 days before
    reply = ask("compute", store, today=back, values={"view": "week", "date": back.isoformat()})
    assert reply["ok"], reply
    week = [d for d in PLAN.days() if d.day is not None and d.day.isocalendar()[:2] == back.isocalendar()[:2]]
    sessions = sum((d.run != "rest") + (d.strength is not None) for d in week)
    summary = re.search(r"(\d+) of (\d+) planned sessions done( \(1 dropped\))?, (\d+) missed", reply["html"])
    assert summary is not None and summary.group(3)
    assert int(summary.group(2)) == sessions - 1


def test_the_comeback_rules_runs_show_on_their_cards_as_they_are_to_be_run() -> None:
    """The day card says what to run, as the details do: the first hard session back easy at the E pace (not the
    tempo pace), the first long run back cut to 60–70 % of its minutes (Marco read "Long run 85 min (16 km): planned"
    beside details that cut it), in the week and the month; the hard session after it, and a long run once run, as
    planned."""
    first_week = [d for d in PLAN.days() if d.day is not None and d.day < MONDAY + timedelta(days=7) and d.minutes]
    runs = {f"r{n}": run(d.day, d.minutes or 0) for n, d in enumerate(first_week) if d.day is not None}
    back, saturday = MONDAY + timedelta(days=14), MONDAY + timedelta(days=19)  # tempo 50 min; long run 85 min

    def cards(extra: dict[str, Any] | None = None, today: date = back) -> dict[str, str]:
        reply = ask("compute", stored(runs=runs | (extra or {})), today=today, values={"view": "week"})
        found = re.findall(r'data-day="([\d-]+)".*?<ul>(.*?)</ul>', html.unescape(reply["html"]), re.S)
        return {day: re.sub(r"<[^>]+>", " ", items).strip() for day, items in found}

    week = cards()
    easy_pace = re.search(r"at (\S+ /km)", week[(back + timedelta(days=1)).isoformat()])  # Tuesday's easy run
    assert easy_pace is not None
    # With its distance, as an easy run's: the plan's 10.5 km in 50 min would be 4:46 /km, faster than E (4:55–5:34),
    # so the tenth nearest it within the E range.
    assert week[back.isoformat()].startswith(
        f"Easy run instead of the tempo run: 50 min (10.1 km) at {easy_pace.group(1)}: planned"
    )
    assert (
        week[saturday.isoformat()] == f"Long run, cut back: 51–59 min (planned 85 min) at {easy_pace.group(1)}: planned"
    )
    assert week[(back + timedelta(days=3)).isoformat()].startswith("Intervals 50 min")  # the next hard one: as planned
    month = ask("compute", stored(runs=runs), today=back, values={"view": "month", "date": back.isoformat()})["html"]
    marks = re.findall(r'<span class="sl-cal__mark">([^<]*)</span>', month)
    assert "· Easy run instead of the tem\u00adpo run" in marks and "· Long run, cut back" in marks
    assert "Long run, cut back: 51–59 min (planned 85 min)" in html.unescape(month)  # the cell's name for a reader
    # Run that day, the card still shows the cut, as its status is judged against it.
    done = cards({"sat": run(saturday, 55)}, today=saturday)
    assert done[saturday.isoformat()] == f"Long run, cut back: 51–59 min (planned 85 min) at {easy_pace.group(1)}: done"
    assert cards(today=saturday + timedelta(days=1))[saturday.isoformat()].endswith(": missed")  # not run at all


def test_a_run_cut_back_and_run_as_told_is_done_not_partly_done() -> None:
    """A run cut back is judged against the minutes it was cut to, the low end its card shows, with the same 80 % as
    any run: the comeback rule's first long run back (51–59 min of 85: Marco ran 55 and read "partly done") and an
    amber verdict's shorter easy run (33–38 min of 55, in the slow half of the E range). Today reads as the
    calendar."""
    first_week = [d for d in PLAN.days() if d.day is not None and d.day < MONDAY + timedelta(days=7) and d.minutes]
    before = {f"r{n}": run(d.day, d.minutes or 0) for n, d in enumerate(first_week) if d.day is not None}
    saturday = MONDAY + timedelta(days=19)  # the first long run back after a week without running: 85 min
    amber = MONDAY + timedelta(days=15)  # Tuesday 17 March, an easy 55 min, amber the evening before
    runs, hrv = red_day(amber - timedelta(days=1))
    for day, store, minutes, status, card in (
        (saturday, stored(runs=before), 55, "done", "Long run, cut back: 51–59 min (planned 85 min) at 4:55–5:34 /km"),
        (saturday, stored(runs=before), 40, "partly done", "Long run, cut back: 51–59 min (planned 85 min)"),
        (
            amber,
            stored(runs=runs, hrv=hrv),
            35,
            "done",
            "Easy run, cut back: 33–38 min (planned 55 min) at 5:15–5:34 /km",
        ),
        (amber, stored(runs=runs, hrv=hrv), 25, "partly done", "Easy run, cut back: 33–38 min (planned 55 min)"),
    ):
        ran = store | {"runs": store["runs"] | {"ran": run(day, minutes)}}
        week = html.unescape(ask("compute", ran, today=day, values={"view": "week"})["html"])
        item = re.search(rf'data-day="{day.isoformat()}".*?<li data-status="([^"]+)">([^<]*)</li>', week, re.S)
        assert item is not None and item.group(1) == status and item.group(2).startswith(card), (day, minutes)
        payload = {"values": {}, "args": {}, "today": day.isoformat(), "store": ran, "profile": {}}
        today = html.unescape(handle({"id": 1, "calculator": "today", "action": "compute", "payload": payload})["html"])
        assert f"{card}" in today and f": {status}." in today, (day, minutes)


def red_day(day: date, before: date | None = None) -> tuple[dict[str, Any], dict[str, Any]]:
    """The runs and HRV readings that make ``day`` red: every planned run before ``before`` (else ``day``) done, and
    the 7-day HRV average below the normal range on the three mornings before ``day`` (two days running: red)."""
    runs = {
        f"r{n}": run(d.day, d.minutes or 0)
        for n, d in enumerate(PLAN.days())
        if d.day and d.day < (before or day) and d.minutes
    }
    hrv = {(day - timedelta(days=n)).isoformat(): {"rmssd_ms": 35.0 if n < 4 else 70.0 + n % 5} for n in range(1, 41)}
    return runs, hrv


def test_a_red_verdicts_strength_drop_reads_dropped_as_the_comeback_rules_does() -> None:
    """TRAINING-RULES.md: on a red day "strength that day is dropped". Its Session A reads "dropped" on the card, is
    left out of the sessions planned ("(1 dropped)"), and the details say why, as for the comeback rule's drop; a
    session lifted that day all the same counts for it."""
    back = MONDAY + timedelta(days=14)  # Monday 16 March: tempo + Session A, with every run before it done
    runs, hrv = red_day(back)
    reply = ask("compute", stored(runs=runs, hrv=hrv), today=back, values={"view": "week"})
    week = html.unescape(reply["html"])
    card = week[week.index(f'data-day="{back.isoformat()}"') :]
    card = card[: card.index("</section>")]
    assert "Readiness: red" in card and '<li data-status="dropped">Session A: dropped</li>' in card
    assert "0 of 5 planned sessions done (1 dropped), 0 missed." in week  # of six: Session A is not owed
    details = html.unescape(ask("day", stored(runs=runs, hrv=hrv), today=back, args={"day": back.isoformat()})["html"])
    assert "No Session A on Monday 16 March: a red verdict drops strength that day." in details
    assert "first hard session back" not in details  # no gap: the red verdict alone drops it
    lift = {"id": NEW_ID, "date": back.isoformat(), "kind": "A", "duration_min": 45, "rpe": 7}
    lifted = ask("day", stored(runs=runs, hrv=hrv, strength={NEW_ID: lift}), today=back, args={"day": back.isoformat()})
    assert '<li data-status="done">Session A: done</li>' in html.unescape(lifted["html"])


def test_a_red_days_run_is_judged_against_the_rest_or_20_to_30_min_the_verdict_asked_for() -> None:
    """TRAINING-RULES.md: on a red day "rest, or 20–30 min very easy", a hard session made easy too. The card shows the
    run so (as an amber day's reads "cut back"); a run rested reads "rested, as the red verdict asked", not missed, and
    leaves the week's sessions planned; 25 min is done, not partly done; a run well beyond 30 min (over 37.5, the usual
    80 % margin) is the planned run it was, judged against the plan, with what was run beside it. Today reads as the
    calendar."""
    back = MONDAY + timedelta(days=14)  # Monday 16 March: tempo 50 min; easy 55 on Tuesday, intervals 50 on Thursday
    runs, hrv = red_day(back)
    hrv |= {(back + timedelta(days=n)).isoformat(): {"rmssd_ms": 33.0} for n in range(6)}  # red all week
    tuesday, thursday = back + timedelta(days=1), back + timedelta(days=3)
    ran = runs | {"tue": run(tuesday, 25), "thu": run(thursday, 50)}
    week = html.unescape(ask("compute", stored(runs=ran, hrv=hrv), today=back + timedelta(days=5))["html"])
    items = dict(re.findall(r'data-day="([\d-]+)"[^>]*><h3>[^<]*</h3><ul><li data-status="[^"]+">([^<]*)</li>', week))
    red = "Rest or a very easy run"
    assert (
        items[back.isoformat()]
        == f"{red} instead of the tempo run: 20–30 min (planned 50 min) at 5:15–5:34 /km: rested, as the red verdict "
        "asked"
    )
    assert items[tuesday.isoformat()] == f"{red}: 20–30 min (planned 55 min) at 5:15–5:34 /km: done"
    # The runner chose the longer run: said plainly, with what the verdict suggested, never as a reproach.
    beyond = "done, 50 min; the red verdict had suggested rest, or 20–30 min very easy"
    assert items[thursday.isoformat()].startswith("Intervals 50 min") and items[thursday.isoformat()].endswith(beyond)
    assert "2 of 3 planned sessions done (2 dropped, 1 rested on a red day), 0 missed." in week
    # The verdict said to move the hard session later in the week: rested, it still can be.
    rested = ask("day", stored(runs=ran, hrv=hrv), today=back + timedelta(days=1), args={"day": back.isoformat()})
    assert "data-offers" in rested["html"]
    for minutes, card in ((25, f"{red}: 20–30 min (planned 55 min) at 5:15–5:34 /km: done."), (50, beyond)):
        store = stored(runs=runs | {"tue": run(tuesday, minutes)}, hrv=hrv)
        payload = {"values": {}, "args": {}, "today": tuesday.isoformat(), "store": store, "profile": {}}
        today = html.unescape(handle({"id": 1, "calculator": "today", "action": "compute", "payload": payload})["html"])
        assert card in today, minutes


def test_a_run_rested_on_a_red_day_can_take_a_later_run_which_counts_against_the_plan() -> None:
    """The red verdict asked to move the hard session later in the week: a tempo run rested on its red Monday can take
    Wednesday's run, as a missed one could, and that run, not run under Monday's verdict, is judged against the plan:
    done, not "the red verdict had suggested rest, or 20–30 min very easy"."""
    back = MONDAY + timedelta(days=14)  # Monday 16 March: tempo 50 min, red; Wednesday a rest day
    runs, hrv = red_day(back)
    wednesday = back + timedelta(days=2)
    store = stored(runs=runs | {"late": run(wednesday, 50)}, hrv=hrv)
    details = ask("day", store, today=wednesday, args={"day": wednesday.isoformat()})["html"]
    assert "This counts for the tempo run of Monday 16 March<" in details
    linked = ask("link", store, today=wednesday, args={"kind": "run", "id": "late", "planned": back.isoformat()})
    week = html.unescape(ask("compute", after_ops(store, linked["ops"]), today=wednesday)["html"])
    assert '<li data-status="done">Tempo run 50 min (10.5 km) at 4:15 /km' in week
    assert "red verdict had suggested" not in week


def test_the_day_the_calendar_is_shown_around_is_never_kept_with_the_forms_inputs() -> None:
    """Tom looked at December on 2 February; on 14 February the calendar, opened from Today, still showed December,
    though the field says "Empty means today". The glue keeps no field marked ``data-not-kept``; the view (a week or
    a month) is a choice and is kept."""
    page = str(render_calculator(CALCULATOR))
    date_box = page.split('name="date"', 1)[1].split(">", 1)[0]
    view_box = page.split('name="view"', 1)[1].split(">", 1)[0]
    assert "data-not-kept" in date_box and "data-not-kept" not in view_box


def test_the_comeback_rules_easy_run_without_a_vdot_is_said_by_feel_not_at_an_e_pace() -> None:
    """Tom, a beginner with no race time, read "Tempo run, easy: 35 min at E pace" after a sick week: he has no E
    pace. Without a VDOT the card says how easy by the talk test, as the planner says an easy run by feel."""
    plan = plan_season(WeekPrefs(run_days=3, current_volume=120), today=MONDAY, race_date=None, weeks=4)
    first_week = [d for d in plan.days() if d.day is not None and d.day < MONDAY + timedelta(days=7) and d.minutes]
    runs = {f"r{n}": run(d.day, d.minutes or 0) for n, d in enumerate(first_week) if d.day is not None}
    back = next(d for d in plan.days() if d.day and d.day >= MONDAY + timedelta(days=14) and d.run == "tempo")
    assert back.day is not None
    store = {"plan": {"season": plan.to_dict()}, "runs": runs}
    week = html.unescape(ask("compute", store, today=back.day, values={"view": "week"})["html"])
    assert (
        f"Easy run instead of the tempo run: {back.minutes} min, easy enough that you can talk in full sentences: "
        "planned" in week
    )
    assert "E pace" not in week


def test_an_amber_days_details_give_the_slow_half_of_the_e_range_in_figures_as_today_does() -> None:
    """An amber evening before Tuesday's 55-minute easy run: the day's details give its pace as figures (the slow half
    of the E range, 5:15–5:34 /km at VDOT 50, as its card and Today give it), not only in words; without a VDOT there
    is no E range, and they say how easy by feel."""
    amber = MONDAY + timedelta(days=15)  # Tuesday 17 March, an easy 55 min
    runs, hrv = red_day(amber - timedelta(days=1))

    def details(store: dict[str, Any]) -> str:
        page = html.unescape(ask("day", store, today=amber, args={"day": amber.isoformat()})["html"])
        found = re.search(r"<p data-day-advice>(.*?)</p>", page)
        return found.group(1) if found else ""

    said = details(stored(runs=runs, hrv=hrv))
    assert said.startswith("Readiness: amber. Shorter and slower: 33–38 min in the slow half of your E range")
    assert said.endswith("Keep to pace 5:15–5:34 /km.")
    payload = {"values": {}, "args": {}, "today": amber.isoformat(), "store": stored(runs=runs, hrv=hrv), "profile": {}}
    today = html.unescape(handle({"id": 1, "calculator": "today", "action": "compute", "payload": payload})["html"])
    assert "5:15–5:34 /km" in today
    no_vdot = plan_season(WeekPrefs(run_days=4), today=MONDAY, race_date=None, weeks=4)
    feel = details({"plan": {"season": no_vdot.to_dict()}, "runs": runs, "hrv": hrv})
    assert "slower than your usual easy runs" in feel and "/km" not in feel

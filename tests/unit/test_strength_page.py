"""The strength log page: what each action returns (HTML, store operations, effects) and how it refuses bad input."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from html import unescape
from pathlib import Path
from typing import Any

import pytest

from calculators.backup import make_backup
from calculators.exercises import CATALOGUE
from calculators.registry import handle
from calculators.strength import ExerciseLog, StrengthLog, StrengthSession, StrengthSet, best_set
from calculators.strength_csv import import_csv
from calculators.ui.calculator import Context, render_calculator
from calculators.ui.strength_history import EPLEY_NOTE, finished_view
from calculators.ui.strength_log import CALCULATOR

TODAY = "2026-11-23"
DAY = date(2026, 11, 23)
#: AU as the pages print it: the abbreviation, with what it means for a reader who points at it.
AU_MEANING = "arbitrary units: session effort (1–10) × minutes"
AU = f'<abbr title="{AU_MEANING}">AU</abbr>'
NOW = "2026-11-23T18:00:00.000Z"
#: Ten years and a week before DAY: the oldest date the logs accept (calculators/entry_dates.py).
EARLIEST = "2016-11-15"
OLD = "1900-01-01"
IDS = iter(f"00000000-0000-4000-8000-{n:012d}" for n in range(1, 10_000))
FIXTURES = Path(__file__).parent.parent / "fixtures" / "strength"
XSS = "<img src=x onerror=alert(1)>"
LAST_WEEK = {
    "id": "11111111-1111-4111-8111-111111111111",
    "date": "2026-11-16",
    "kind": "A",
    "duration_min": 50,
    "rpe": 7,
    "exercises": [
        {"exercise": "romanian_deadlift", "target_reps": 5, "sets": [{"reps": 5, "load_kg": 60.0, "rpe": 7}] * 4},
        {"exercise": "custom", "name": XSS, "notes": XSS, "sets": [{"reps": 8, "load_kg": 20.0}]},
    ],
}


def empty() -> dict[str, dict[str, Any]]:
    return {"strength": {}, "strength_draft": {}}


def ask(
    action: str,
    store: dict[str, Any] | None,
    values: dict[str, str] | None = None,
    args: dict[str, Any] | None = None,
    today: str = TODAY,
    profile: dict[str, Any] | None = None,
) -> dict[str, Any]:
    # The browser's clock agrees with its date: a session started "now" is started on ``today``.
    now = NOW.replace(TODAY, today)
    payload = {"values": values or {}, "args": args or {}, "today": today, "now": now, "new_id": next(IDS)}
    if profile is not None:
        payload["profile"] = profile
    if store is not None:
        payload["store"] = store
    return handle({"id": 1, "calculator": "strength", "action": action, "payload": payload})


def apply(store: dict[str, dict[str, Any]], reply: dict[str, Any]) -> dict[str, Any]:
    assert reply["ok"], reply.get("error")
    for op in reply["ops"]:
        entries = store.setdefault(op["collection"], {})
        if op["op"] == "put":
            entries[op["id"]] = op["value"]
        else:
            entries.pop(op["id"], None)
    return reply


def text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def next_button(html: str, action: str = "log_set") -> dict[str, Any] | None:
    found = re.search(rf'data-action="{action}" data-args="([^"]+)"', html)
    return json.loads(unescape(found.group(1))) if found else None


def row_values(html: str, args: dict[str, Any]) -> dict[str, str]:
    """The boxes beside the set ``args`` names, as the page sends them with its “Log set” button."""
    row = html.split(f'data-set="{args["exercise"]}:{args["set"]}"', 1)[1].split("</li>", 1)[0]
    return {unescape(n): unescape(v) for n, v in re.findall(r'<input type="text" name="([^"]+)" value="([^"]*)"', row)}


def log_whole_session(
    store: dict[str, Any], values: dict[str, str] | None = None, *, as_shown: tuple[str, ...] = ()
) -> dict[str, Any]:
    """Tap the first “Log set” button until none is left, as the reader does at the gym, typing ``values`` into
    the boxes beside the set that are empty (a first session's Load) and leaving the rest as prescribed; the sets of
    the exercises ``as_shown`` names are logged as their boxes show them (a bodyweight lift's empty Load)."""
    reply = ask("compute", store)
    while (args := next_button(reply["html"])) is not None:
        shown = row_values(reply["html"], args)
        typing = {} if args["exercise"] in as_shown else (values or {})
        typed = {name: shown.get(name) or value for name, value in typing.items()}
        reply = apply(store, ask("log_set", store, shown | typed, args))
    return reply


def test_the_built_page_shows_a_labelled_example_not_reader_data() -> None:
    html = render_calculator(CALCULATOR, context=Context())
    assert "Example only, not your data" in html
    assert 'data-reads="strength strength_draft plan calendar_links runs hrv"' in html and "Romanian deadlift" in html


def test_an_empty_log_shows_todays_prescription_for_both_sessions_with_reasons() -> None:
    html = text(ask("compute", empty())["html"])
    assert "No strength sessions logged yet" in html
    assert "Nordic hamstring curl 3 × 3, bodyweight first session: 3 reps a set, bodyweight" in html
    assert "Box jump 4 × 5 contacts onto a 30 cm box" in html
    assert "Copenhagen adductor plank 3 × 15 s hold a side, level 1: Short lever" in html


def test_start_keeps_the_session_in_progress_in_the_store() -> None:
    store = empty()
    reply = apply(store, ask("start", store, {"session": "B", "gym": "none"}))
    (op,) = reply["ops"]
    assert (op["collection"], op["id"]) == ("strength_draft", "current")
    assert op["value"]["kind"] == "B" and op["value"]["gym"] is False and op["value"]["date"] == TODAY
    assert "Single-leg squat (pistol progression)" in reply["html"]
    again = ask("start", store, {"session": "A"})
    assert again["ops"] == [] and "already in progress" in again["html"]


def test_an_open_session_s_jump_links_reach_each_exercise_the_finish_and_the_discard_button() -> None:
    """The links at the top of a session go to each exercise, to Duration and to "Discard this session", each to an
    element of the page; the last only goes there: it is a link, and the button still asks before it discards."""
    store = empty()
    html = apply(store, ask("start", store, {"session": "A"}))["html"]
    nav = re.search(r'<nav[^>]*aria-label="This session"[^>]*>(.*?)</nav>', html, re.DOTALL)
    assert nav is not None
    links = re.findall(r'<a href="#([^"]+)">([^<]+)</a>', nav.group(1))
    names = re.findall(r"<h3>([^<]+)</h3>", html)
    assert [label for _, label in links] == [*names, "Finish", "Discard"]
    exercises, (finish, discard) = links[:-2], links[-2:]
    assert all(f'id="{target}"' in html for target, _ in exercises)
    assert finish[0] == "sl-strength-duration"  # the form's field, outside this fragment
    button = re.search(rf'<button [^>]*id="{discard[0]}"[^>]*>([^<]+)</button>', html)
    assert button is not None and button.group(1) == "Discard this session"
    assert 'data-action="discard"' in button.group(0)


def test_session_b_lists_the_plyometrics_first_as_the_guide_orders_them() -> None:
    store = empty()
    html = text(apply(store, ask("start", store, {"session": "B"}))["html"])
    order = [html.index(name) for name in ("Pogo hops", "Box jump", "Bounding", "Single-leg squat", "Hip abduction")]
    assert order == sorted(order)


def test_no_gym_swaps_the_barbell_lifts_for_stand_ins() -> None:
    store = empty()
    html = text(apply(store, ask("start", store, {"session": "A", "gym": "none"}))["html"])
    assert "Single-leg Romanian deadlift" in html and "Hip thrust" not in html.replace("Single-leg hip thrust", "")


def test_a_future_date_is_refused_by_field() -> None:
    reply = ask("start", empty(), {"date": "2026-11-24"})
    assert reply["ok"] is False and reply["error"]["field"] == "date"
    assert reply["error"]["message"].startswith("Date of the session (Tuesday 24 November) is in the future.")
    assert "to today (Monday 23 November)" in reply["error"]["message"]


@pytest.mark.parametrize("day", ["0001-01-01", OLD, "2016-11-14"])
def test_a_date_more_than_ten_years_ago_is_refused_by_field(day: str) -> None:
    """A session dated more than ten years back is a slip of the year box: refused, naming the field and range."""
    store = empty()
    reply = ask("start", store, {"date": day})
    assert reply["ok"] is False and reply["error"]["field"] == "date"
    message = reply["error"]["message"]
    assert "Date of the session" in message and "more than ten years ago" in message
    assert "from Tuesday 15 November 2016 to today (Monday 23 November)" in message
    assert store == empty()


@pytest.mark.parametrize("day", [EARLIEST, "2016-11-23"])
def test_a_date_ten_years_ago_starts_a_session(day: str) -> None:
    reply = ask("start", empty(), {"date": day})
    assert reply["ok"], reply
    assert reply["ops"][0]["value"]["date"] == day


def test_log_a_set_as_prescribed_starts_the_rest_timer_and_shows_last_weeks_numbers() -> None:
    store = empty() | {"strength": {LAST_WEEK["id"]: LAST_WEEK}}
    apply(store, ask("start", store, {"session": "A"}))
    reply = apply(store, ask("log_set", store, {}, {"exercise": "romanian_deadlift", "set": 0}))
    assert store["strength_draft"]["current"]["sets"]["romanian_deadlift"] == [{"reps": 5, "load_kg": 62.5}]
    assert reply["effects"][:1] == [
        {
            "type": "timer",
            "seconds": 180,
            "label": "Rest after Romanian deadlift, set 1",
            "started": "Rest timer started: 3 minutes.",
            "over": "Rest over: time for set 2 of Romanian deadlift.",
            "change": {"action": "set_rest", "args": {"exercise": "romanian_deadlift", "set": 0}},
        }
    ]
    html = text(reply["html"])
    assert "Set 1: done 5 × 62.5 kg · last time 5 × 60 kg @ RPE 7" in html
    assert "Plates per side for 62.5 kg on a 20 kg bar: 20 + 1.25 kg." in html
    assert "Why: all sets completed at RPE ≤ 8: +2.5 kg." in html
    assert next_button(reply["html"]) == {"exercise": "romanian_deadlift", "set": 1}


def test_a_first_session_load_comes_from_the_form_then_carries_to_the_next_sets() -> None:
    store = empty()
    apply(store, ask("start", store))
    refused = ask("log_set", store, {}, {"exercise": "hip_thrust", "set": 0})
    assert refused["ok"] is False and refused["error"]["field"] == "load"
    apply(store, ask("log_set", store, {"load": "70"}, {"exercise": "hip_thrust", "set": 0}))
    apply(store, ask("log_set", store, {}, {"exercise": "hip_thrust", "set": 1}))
    assert store["strength_draft"]["current"]["sets"]["hip_thrust"] == [{"reps": 6, "load_kg": 70.0}] * 2


def test_a_load_held_on_a_bodyweight_lift_carries_to_the_next_sets_done_as_prescribed() -> None:
    """A lifter did set 1 of the Bulgarian split squat with dumbbells, 8 × 40 kg; set 2 then read "to do 6 reps" and
    one tap stored bodyweight. The next set's "as prescribed" keeps the load of the set just logged."""
    store = empty()
    apply(store, ask("start", store))
    args = {"exercise": "bulgarian_split_squat", "set": 0}
    reply = apply(store, ask("log_set", store, {"reps": "8", "load": "40"}, args))
    assert "Set 2: to do 6 × 40 kg" in text(reply["html"])
    apply(store, ask("log_set", store, {}, args | {"set": 1}))
    assert store["strength_draft"]["current"]["sets"]["bulgarian_split_squat"][1] == {"reps": 6, "load_kg": 40.0}


def test_log_my_numbers_uses_the_edited_fields() -> None:
    store = empty()
    apply(store, ask("start", store))
    args = {"exercise": "romanian_deadlift", "set": 0}
    apply(store, ask("log_set", store, {"reps": "4", "load": "62,5", "rpe": "9"}, args))
    assert store["strength_draft"]["current"]["sets"]["romanian_deadlift"] == [{"reps": 4, "load_kg": 62.5, "rpe": 9.0}]


def test_after_a_set_the_headline_says_first_what_was_just_logged() -> None:
    """Read out after every set, the headline says the set just logged, briefly, then the count: not the session's
    long title eighteen times a session. Other screens of the session keep its title."""
    store = empty()
    started = ask("start", store)
    apply(store, started)
    assert "0 of 18 sets logged." in summary(started)
    args = {"exercise": "romanian_deadlift", "set": 0}
    reply = ask("log_set", store, {"reps": "4", "load": "60", "rpe": "9"}, args)
    assert summary(reply) == "Set 1 of Romanian deadlift logged: 4 × 60 kg, RPE 9 (1 of 18 sets)."
    apply(store, reply)
    reply = ask("log_set", store, {}, {"exercise": "romanian_deadlift", "set": 1})
    assert summary(reply) == "Set 2 of Romanian deadlift logged: 5 × 60 kg (2 of 18 sets)."


def test_the_rest_over_names_the_set_to_go_on_with_and_none_after_the_last() -> None:
    """A screen-reader user hears which set comes next when the rest is over: after an exercise's last set, the
    next exercise's first; after the session's last set, only that the rest is over."""
    store = empty() | {"strength": {LAST_WEEK["id"]: LAST_WEEK}}
    apply(store, ask("start", store, {"session": "A"}))
    for index in range(4):
        reply = apply(store, ask("log_set", store, {}, {"exercise": "romanian_deadlift", "set": index}))
    timer = reply["effects"][0]
    going_on = next_button(reply["html"])
    assert going_on["set"] == 0 and going_on["exercise"] != "romanian_deadlift"
    assert timer["over"] == f"Rest over: time for set 1 of {CATALOGUE[going_on['exercise']].name}."
    while (going_on := next_button(reply["html"])) is not None:
        reply = apply(store, ask("log_set", store, {"load": "20"}, going_on))
    assert reply["effects"][0]["over"] == "Rest over."


def summary(reply: dict[str, Any]) -> str:
    """The result's headline, as read out."""
    return text(reply["html"].split("data-summary", 1)[1].split(">", 1)[1].split("</p>", 1)[0])


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"load": "-5"}, "load"),
        ({"load": "501"}, "load"),
        ({"reps": "0"}, "reps"),
        ({"reps": "200"}, "reps"),
        ({"reps": "5.5"}, "reps"),
        ({"rpe": "0"}, "rpe"),
        ({"rpe": "11"}, "rpe"),
        ({"rpe": "hard"}, "rpe"),
    ],
)
def test_bad_set_input_names_the_field_and_changes_nothing(values: dict[str, str], field: str) -> None:
    store = empty()
    apply(store, ask("start", store))
    before = json.dumps(store, sort_keys=True)
    reply = ask("log_set", store, {"load": "60", **values}, {"exercise": "romanian_deadlift", "set": 0})
    assert reply["ok"] is False and reply["error"]["field"] == field
    message = reply["error"]["message"]
    assert message.startswith(f"Set 1 of Romanian deadlift, {'RPE' if field == 'rpe' else field}: ")
    assert "between" in message or "whole number" in message or "more than 0, up to 500" in message
    assert json.dumps(store, sort_keys=True) == before


BARBELL_ZERO = (
    "Set 1 of Romanian deadlift, load: {} kg is out of range. Enter the bar's total in kg, the bar included "
    "(an empty bar is 20 kg, or 15 kg): more than 0, up to 500 kg."
)


@pytest.mark.parametrize("action", ["log_set"])
@pytest.mark.parametrize("load", ["0", "0,0", " 0.0 "])
def test_a_barbell_lift_typed_as_0_kg_is_refused_naming_the_field_and_the_range(action: str, load: str) -> None:
    """A barbell lift's load is the bar's total, the bar included: 0 kg is a typing error (exercises.py)."""
    store = empty()
    apply(store, ask("start", store))
    before = json.dumps(store, sort_keys=True)
    reply = ask(action, store, {"load": load, "reps": "5"}, {"exercise": "romanian_deadlift", "set": 0})
    message = BARBELL_ZERO.format(load.strip().replace(",", "."))  # the number as typed
    assert reply["ok"] is False and reply["error"] == {"code": "input", "message": message, "field": "load"}
    assert json.dumps(store, sort_keys=True) == before
    lightest = apply(
        store, ask(action, store, {"load": "0.5", "reps": "5"}, {"exercise": "romanian_deadlift", "set": 0})
    )
    assert store["strength_draft"]["current"]["sets"]["romanian_deadlift"][0]["load_kg"] == 0.5, lightest


@pytest.mark.parametrize(
    ("values", "exercise"),
    [
        ({"session": "A"}, "bulgarian_split_squat"),  # bodyweight: its load is added load
        ({"session": "custom", "custom_name": "Sled push"}, "custom:sled push"),  # equipment not known
    ],
)
def test_0_kg_stays_accepted_where_the_load_is_added_load_or_the_equipment_is_not_known(
    values: dict[str, str], exercise: str
) -> None:
    store = empty()
    apply(store, ask("start", store, values))
    apply(store, ask("log_set", store, {"load": "0", "reps": "8"}, {"exercise": exercise, "set": 0}))
    assert store["strength_draft"]["current"]["sets"][exercise] == [{"reps": 8, "load_kg": 0.0}]


def test_undo_and_discard() -> None:
    store = empty()
    apply(store, ask("start", store))
    apply(store, ask("log_set", store, {}, {"exercise": "nordic_curl", "set": 0}))
    apply(store, ask("undo_set", store, {}, {"exercise": "nordic_curl"}))
    assert store["strength_draft"]["current"]["sets"]["nordic_curl"] == []
    asked = ask("discard", store)
    assert asked["ops"] == [] and asked["effects"][0]["type"] == "confirm"
    apply(store, ask("discard", store, {"confirmed": "yes"}))
    assert store["strength_draft"] == {}


def test_finish_saves_the_session_and_shows_volume_e1rm_and_the_next_prescription() -> None:
    store = empty()
    apply(store, ask("start", store, {"session": "A"}))
    log_whole_session(store, {"load": "60"})
    refused = ask("finish", store, {"duration": "50", "session_rpe": "11"})
    assert refused["error"]["field"] == "session_rpe"
    no_duration = ask("finish", store, {"session_rpe": "7"})["error"]
    assert no_duration["field"] == "duration" and no_duration["message"].startswith("Duration: ")
    no_rpe = ask("finish", store, {"duration": "50"})["error"]
    assert no_rpe["field"] == "session_rpe" and no_rpe["message"].startswith("Session RPE: ")
    reply = apply(store, ask("finish", store, {"duration": "50", "session_rpe": "7"}))
    assert [op["op"] for op in reply["ops"]] == ["put", "delete"]
    (session,) = store["strength"].values()
    assert session["kind"] == "A" and session["rpe"] == 7 and session["duration_min"] == 50
    assert len(session["exercises"]) == 5 and store["strength_draft"] == {}
    html = text(reply["html"])
    assert "Saved: Session A on Monday 23 November." in html
    assert "Volume 4,080 kg + 27 bodyweight reps; session load 350 AU" in html  # Nordic curls count as reps
    # AU says what it stands for: in words, as the first on the page, and in its title
    assert f"session load 350 {AU} ({AU_MEANING}) (session RPE 7 × 50 min)." in reply["html"]
    assert "Romanian deadlift 5 × 60 kg; 5 × 60 kg; 5 × 60 kg; 5 × 60 kg 70 kg" in html  # Epley: 60 × (1 + 5/30)
    assert "Romanian deadlift 4 × 5 × 62.5 kg all sets completed: +2.5 kg" in html
    assert "Records start from your second session" in html
    assert html.index("e1RM is your estimated one-rep max: the heaviest load you could lift once") < html.index(
        "e1RM ("
    )
    after = text(ask("compute", store)["html"])
    assert "1 strength session logged; the last was Session A on Monday 23 November." in after
    assert "4 × 5 × 62.5 kg" in after and "Mon 23 Nov" in after


def test_the_date_typed_after_start_is_the_date_saved() -> None:
    """A reader who starts first and then sets the day they trained gets that day saved, not the start's."""
    store = empty()
    apply(store, ask("start", store, {"session": "B"}))
    log_whole_session(store)
    reply = apply(store, ask("finish", store, {"date": "2026-11-20", "duration": "40", "session_rpe": "6"}))
    (session,) = store["strength"].values()
    assert session["date"] == "2026-11-20"
    assert "Saved: Session B on Friday 20 November." in text(reply["html"])


def test_an_empty_date_at_finish_keeps_the_day_the_session_was_started() -> None:
    store = empty()
    apply(store, ask("start", store, {"session": "A", "date": "2026-11-21"}))
    log_whole_session(store, {"load": "60"})
    apply(store, ask("finish", store, {"date": "", "duration": "50", "session_rpe": "7"}))
    (session,) = store["strength"].values()
    assert session["date"] == "2026-11-21"


def test_a_future_date_at_finish_is_refused_naming_the_field_and_the_latest_day_and_nothing_is_lost() -> None:
    store = empty()
    apply(store, ask("start", store, {"session": "B"}))
    log_whole_session(store)
    before = json.dumps(store, sort_keys=True)
    reply = ask("finish", store, {"date": "2027-01-01", "duration": "40", "session_rpe": "6"})
    assert reply["ok"] is False and reply["error"]["field"] == "date"
    assert reply["error"]["message"] == (
        "Date of the session (Friday 1 January 2027) is in the future. Enter a date from Tuesday 15 November 2016 to "
        "today (Monday 23 November)."
    )
    assert json.dumps(store, sort_keys=True) == before  # the session in progress and its sets are all still there


def test_finishing_with_prescribed_sets_not_logged_asks_first_and_the_load_then_stays() -> None:
    """3 of 4 RDL sets logged: “Finish” asks before saving, and next time the load does not go up, saying why."""
    store = empty() | {"strength": {LAST_WEEK["id"]: LAST_WEEK}}
    apply(store, ask("start", store, {"session": "A"}))
    log_whole_session(store, {"load": "60"})
    apply(store, ask("undo_set", store, {}, {"exercise": "romanian_deadlift"}))
    before = json.dumps(store, sort_keys=True)
    finish = {"duration": "50", "session_rpe": "7"}
    asked = ask("finish", store, finish)
    assert asked["ok"] and asked["ops"] == [] and json.dumps(store, sort_keys=True) == before
    (question,) = asked["effects"]
    assert question["type"] == "confirm" and question["action"] == "finish"
    assert question["message"] == (
        "Not every prescribed set is logged (Romanian deadlift: 3 of 4 sets). A set not logged counts as missed, "
        "so this exercise will not move up next time. Finish and save anyway?"
    )
    reply = apply(store, ask("finish", store, finish | {"confirmed": "yes"}))
    assert [op["op"] for op in reply["ops"]] == ["put", "delete"]
    saved = next(s for s in store["strength"].values() if s["id"] != LAST_WEEK["id"])
    assert saved["exercises"][0] | {"sets": []} == {
        "exercise": "romanian_deadlift",
        "target_reps": 5,
        "target_sets": 4,
        "sets": [],
    }
    assert "Romanian deadlift 4 × 5 × 62.5 kg 3 of 4 sets logged last time: same load" in text(reply["html"])
    later = text(ask("compute", store, today="2026-11-30")["html"])
    assert "Romanian deadlift 4 × 5 × 62.5 kg 3 of 4 sets logged last time: same load" in later


def test_finishing_on_a_day_that_already_holds_a_session_asks_first_naming_it() -> None:
    """A date left from earlier stacks sessions on one day: "Finish" says which session that day holds and stores
    nothing until the reader answers; yes saves it there; another day saves without asking."""
    store = empty() | {"strength": {LAST_WEEK["id"]: LAST_WEEK}}
    apply(store, ask("start", store, {"session": "B", "date": "2026-11-16"}))
    log_whole_session(store)
    before = json.dumps(store, sort_keys=True)
    finish = {"date": "2026-11-16", "duration": "40", "session_rpe": "6"}
    asked = ask("finish", store, finish)
    assert asked["ok"] and asked["ops"] == [] and json.dumps(store, sort_keys=True) == before
    (question,) = asked["effects"]
    assert (question["type"], question["action"]) == ("confirm", "finish")
    assert question["message"] == (
        "You already logged Session A on Monday 16 November: this one would be saved on that day too. Save it anyway?"
    )
    apply(store, ask("finish", store, finish | {"confirmed": "yes"}))
    assert sorted(s["date"] for s in store["strength"].values()) == ["2026-11-16", "2026-11-16"]
    apply(store, ask("start", store, {"session": "A"}))
    log_whole_session(store, {"load": "60"})
    reply = apply(store, ask("finish", store, {"duration": "50", "session_rpe": "7"}))
    assert "confirm" not in [e["type"] for e in reply["effects"]] and len(store["strength"]) == 3  # no question


def test_the_date_of_the_session_is_never_kept_with_the_forms_inputs() -> None:
    """The day of the entry being logged is not a setting: kept, it would date a later visit's session on the day
    typed at an earlier one. The glue keeps no field marked ``data-not-kept``; "Where" is a setting and is kept."""
    html = render_calculator(CALCULATOR)
    date_box = html.split('name="date"', 1)[1].split(">", 1)[0]
    gym_box = html.split('name="gym"', 1)[1].split(">", 1)[0]
    assert "data-not-kept" in date_box and "data-not-kept" not in gym_box


def test_a_sets_and_a_sessions_numbers_are_never_kept_with_the_forms_inputs() -> None:
    """A session's duration or RPE found again at the next visit would be logged as that session's: none is kept.
    The exercises chosen and the Strong file's unit are; the session starts each visit on "Next up"."""
    not_kept = {f.name for f in CALCULATOR.fields if not f.kept}
    assert not_kept == {"date", "session", "duration", "session_rpe"}


def test_a_sets_numbers_are_typed_beside_it_never_in_boxes_shared_by_every_exercise() -> None:
    """A lifter typed 325 lb for his deadlift in the form's Load box, then tapped the box jump's button: it logged
    "5 × 325 lb at 12 in". A set's numbers are now typed in its own row, and the form has none: each exercise's next
    set has its own Reps, Load and RPE boxes, named for that set, and a jump has no Load box at all."""
    html = render_calculator(CALCULATOR)
    assert not any(f'name="{name}"' in html for name in ("reps", "load", "rpe", "hold"))
    store = empty()
    reply = apply(store, ask("start", store, {"session": "B"}))
    assert 'aria-label="Load (kg), set 1 of Single-leg calf raise on a step"' in reply["html"]
    jump = reply["html"].split('data-set="box_jump:0"', 1)[1].split("</li>", 1)[0]
    assert 'aria-label="Reps, set 1 of Box jump"' in jump and 'aria-label="RPE, set 1 of Box jump, 1 to 10"' in jump
    assert 'name="load"' not in jump and 'aria-label="Box height (cm), set 1 of Box jump"' in jump
    before = json.dumps(store, sort_keys=True)
    refused = ask("log_set", store, {"reps": "5", "load": "325"}, {"exercise": "box_jump", "set": 0})
    assert refused["ok"] is False and refused["error"]["field"] == "load"
    assert refused["error"]["message"] == (
        "Set 1 of Box jump, load: Box jump takes no load, only reps onto a box. Nothing was saved."
    )
    assert json.dumps(store, sort_keys=True) == before


def test_the_finish_boxes_start_empty_and_are_emptied_once_a_session_is_saved() -> None:
    """Duration and Session RPE came back filled with last week's 55 and 8, so a quick "Finish and save" stored last
    week's load as this session's. They are never kept between visits and are emptied once a session is saved; a
    question before saving ("Finish and save anyway?") leaves them, as the reader's "yes" saves with them."""
    html = render_calculator(CALCULATOR)
    for name in ("duration", "session_rpe"):
        assert "data-not-kept" in html.split(f'name="{name}"', 1)[1].split(">", 1)[0], name
    store = empty()
    apply(store, ask("start", store))
    apply(store, ask("log_set", store, {"load": "60"}, {"exercise": "romanian_deadlift", "set": 0}))
    values = {"duration": "55", "session_rpe": "8"}
    asked = ask("finish", store, values)
    assert [e["type"] for e in asked["effects"]] == ["confirm"]
    saved = apply(store, ask("finish", store, values | {"confirmed": "yes"}))
    assert {"type": "clear", "fields": ["duration", "session_rpe"]} in saved["effects"]


def test_the_rest_timer_stops_once_the_session_is_saved_or_discarded_not_when_a_question_comes_first() -> None:
    """Sam's rest timer ran on after "Saved": it called him back to a set that no longer existed. Saving or
    discarding the session stops it; a question first ("Finish and save anyway?") stops nothing, as "Cancel"
    goes back to the sets."""
    for confirmed in ("finish", "discard"):
        store = empty()
        apply(store, ask("start", store))
        logged = apply(store, ask("log_set", store, {"load": "60"}, {"exercise": "romanian_deadlift", "set": 0}))
        assert [e["type"] for e in logged["effects"]] == ["timer"]
        values = {"duration": "55", "session_rpe": "8"}
        asked = ask(confirmed, store, values)
        assert [e["type"] for e in asked["effects"]] == ["confirm"]
        done = apply(store, ask(confirmed, store, values | {"confirmed": "yes"}))
        assert {"type": "stop_timer"} in done["effects"], confirmed
        assert "strength_draft" not in store or not store["strength_draft"]


def test_finishing_names_every_exercise_short_of_its_sets_and_skips_the_readers_own() -> None:
    store = empty()
    values = {"session": "custom", "exercises": "nordic_curl,box_jump", "custom_name": "Sled push"}
    apply(store, ask("start", store, values))
    apply(store, ask("log_set", store, {}, {"exercise": "nordic_curl", "set": 0}))
    apply(store, ask("log_set", store, {"reps": "3"}, {"exercise": "custom:sled push", "set": 0}))
    (question,) = ask("finish", store, {"duration": "30", "session_rpe": "6"})["effects"]
    assert "logged (Nordic hamstring curl: 1 of 3 sets; Box jump: 0 of 4 sets)." in question["message"]
    assert "so these exercises will not move up" in question["message"]
    assert "Sled push" not in question["message"]  # the reader's own exercise has no prescription to fall short of


def test_an_import_from_strong_counts_what_was_done_as_what_was_asked() -> None:
    """Strong records no prescription: 1 hip thrust set and 3 RDL sets, every rep done, are completed sessions, so
    each lift steps up from its imported load instead of waiting on the catalogue's 4 sets."""
    fresh = empty()
    apply(fresh, ask("import", fresh, {"file": (FIXTURES / "strong.csv").read_text(encoding="utf-8")}))
    page = text(ask("compute", fresh, today="2026-10-12")["html"])
    assert "Hip thrust 4 × 6 × 102.5 kg all sets completed at RPE ≤ 8: +2.5 kg" in page
    assert "Romanian deadlift 4 × 5 × 82.5 kg all sets completed at RPE ≤ 8: +2.5 kg" in page
    assert "sets logged last time" not in page


def test_finish_without_a_set_is_refused() -> None:
    store = empty()
    apply(store, ask("start", store))
    reply = ask("finish", store, {"duration": "40", "session_rpe": "6"})
    assert reply["ok"] is False and "at least one set" in reply["error"]["message"]


def test_a_set_past_ten_reps_sets_no_e1rm_and_the_session_says_why() -> None:
    """FORMULAS.md: Epley loses accuracy past ~10 reps, "say so rather than pretend". 12 × 60 kg (kept when asked)
    would read 84 kg, a record over last week's real 70 kg: it gives none, the lift's row says why, and the most
    reps still counts it."""
    store = empty() | {"strength": {LAST_WEEK["id"]: LAST_WEEK}}
    apply(store, ask("start", store, {"session": "A"}))
    args = {"exercise": "romanian_deadlift", "set": 0, "keep_reps": 12}  # "Log set 1" tapped again: keep 12
    apply(store, ask("log_set", store, {"reps": "12", "load": "60"}, args))
    finish = {"duration": "30", "session_rpe": "6", "confirmed": "yes"}  # yes: finish with the other sets not logged
    html = text(apply(store, ask("finish", store, finish))["html"])
    assert "Romanian deadlift 12 × 60 kg none: over 10 reps" in html
    assert "84 kg" not in html and "best estimated 1RM" not in html
    assert "new most reps in a set, 12 (was 5)" in html
    assert "a set of more than 10 reps gives none" in html  # the note says the rule where e1RM is read


def test_history_by_week_and_e1rm_trend() -> None:
    store = empty() | {"strength": {LAST_WEEK["id"]: LAST_WEEK}}
    page = ask("compute", store)["html"]
    html = text(page)
    assert "Weekly strength volume" in html and "Mon 16 Nov 1 5 1,360" in html
    meaning = re.escape(f" ({AU_MEANING})")  # the page's first AU is said in words too
    assert re.search(rf'data-label="Session load" class="sl-num">[\d,]+ {re.escape(AU)}({meaning})?</td>', page)
    assert "e1RM trend: Romanian deadlift Date Best set e1RM (Epley) Mon 16 Nov 5 × 60 kg 70 kg" in html


def test_the_history_writes_each_table_s_dates_in_one_compact_form_with_the_year_when_one_is_not_this_year_s() -> None:
    """Rule: a table says "Mon 16 Nov", with the year on every row when any row is not in today's year."""
    old = {**LAST_WEEK, "id": "22222222-2222-4222-8222-222222222222", "date": "2025-12-29"}
    html = text(ask("compute", empty() | {"strength": {s["id"]: s for s in (LAST_WEEK, old)}})["html"])
    assert "Mon 16 Nov 2026 1 5 1,360" in html and "Mon 29 Dec 2025 1 5 1,360" in html
    assert "Mon 16 Nov 2026 Edit Session A" in html and "Mon 29 Dec 2025 Edit Session A" in html
    assert "the last was Session A on Monday 16 November." in html  # a sentence: this year's date, no year


def test_names_and_notes_are_shown_as_text() -> None:
    store = empty() | {"strength": {LAST_WEEK["id"]: LAST_WEEK}}
    html = ask("compute", store)["html"]
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def test_an_unreadable_stored_session_is_counted_and_left_alone() -> None:
    store = empty() | {"strength": {"x": {"id": "x", "reps": "lots"}, LAST_WEEK["id"]: LAST_WEEK}}
    store["strength_draft"] = {"current": {"version": 99}}
    reply = ask("compute", store)
    assert reply["ok"] and reply["ops"] == []
    assert "1 stored session could not be read" in reply["html"] and "in progress could not be read" in reply["html"]


def test_json_export_then_import_into_a_fresh_store_reproduces_the_log() -> None:
    store = empty() | {"strength": {LAST_WEEK["id"]: LAST_WEEK}}
    (effect,) = ask("export_json", store)["effects"]
    assert effect["type"] == "download" and effect["filename"] == "stridelab-strength-2026-11-23.json"
    fresh = empty()
    reply = apply(fresh, ask("import", fresh, {"file": effect["text"]}))
    assert fresh["strength"] == store["strength"]
    assert "Imported 1 session from a Stridelab JSON export: 1 new, 0 replaced" in reply["html"]
    again = apply(fresh, ask("import", fresh, {"file": effect["text"]}))  # merge by id: nothing doubles
    assert len(fresh["strength"]) == 1 and "0 new, 1 replaced" in again["html"]


def test_csv_export_round_trips_through_the_import() -> None:
    store = empty() | {"strength": {LAST_WEEK["id"]: LAST_WEEK}}
    (effect,) = ask("export_csv", store)["effects"]
    assert effect["mime"] == "text/csv" and effect["text"].startswith("Date,Session ID")
    fresh = empty()
    apply(fresh, ask("import", fresh, {"file": effect["text"]}))
    assert fresh["strength"] == store["strength"]


@pytest.mark.parametrize(
    ("name", "source", "rows"),
    # Hevy's warm-up set is imported as a warm-up now: only its treadmill row is skipped.
    [("strong.csv", "Strong", "1 rest-timer or cardio row"), ("hevy.csv", "Hevy", "1 rest-timer or cardio row")],
)
def test_strong_and_hevy_exports_import(name: str, source: str, rows: str) -> None:
    data = (FIXTURES / name).read_text(encoding="utf-8")
    fresh = empty()
    reply = apply(fresh, ask("import", fresh, {"file": data}))
    expected = import_csv(data, today=DAY)
    assert len(fresh["strength"]) == len(expected.sessions) == 2
    message = text(reply["html"])
    assert f"Imported 2 sessions from {source}: 2 new, 0 replaced. " in message
    assert f" Skipped {rows} in the file." in message
    assert len(expected.estimated) == 2  # neither app records a session RPE
    assert "2 sessions had no session RPE; 6 (out of 10) was assumed." in message


@pytest.mark.parametrize(
    ("values", "profile", "load_kg", "words"),
    [
        (
            {},
            None,
            60.0,
            "weights were read in kg, as your units are kilometres. The heaviest set is 100 kg.",
        ),
        ({}, {"units": "km"}, 60.0, "read in kg, as your units are kilometres"),
        ({"weight_unit": "profile"}, {"units": "mi"}, 27.22, "read in lb, as your units are miles"),
        ({}, {"units": "mi"}, 27.22, "The heaviest set is 100 lb. If they were in kg, choose kg in"),
        (
            {"weight_unit": "kg"},
            {"units": "mi"},
            60.0,
            "read in kg, as chosen in “Weights in a Strong file”. The heaviest set is 220.5 lb (100 kg in the file).",
        ),
        (
            {"weight_unit": "lb"},
            None,
            27.22,
            "read in lb, as chosen in “Weights in a Strong file”. The heaviest set is 45.36 kg (100 lb in the file).",
        ),
        ({}, {"units": "mi", "weights": "kg"}, 60.0, "read in kg, as set in your profile (“Lifting weights in”)."),
        ({}, {"units": "km", "weights": "lb"}, 27.22, "read in lb, as set in your profile"),
    ],
)
def test_a_strong_file_is_read_in_the_unit_the_reader_chose_or_their_units_suggest(
    values: dict[str, str], profile: dict[str, Any] | None, load_kg: float, words: str
) -> None:
    """Strong's CSV has no unit column: a runner in miles most likely lifts in pounds, so 135 must not become a
    135 kg set (a 157.5 kg e1RM); the message always says which unit was taken and how to change it."""
    data = (FIXTURES / "strong.csv").read_text(encoding="utf-8")
    fresh = empty()
    reply = apply(fresh, ask("import", fresh, {"file": data, **values}, profile=profile))
    loads = [s.get("load_kg") for v in fresh["strength"].values() for e in v["exercises"] for s in e["sets"]]
    assert load_kg in loads and (load_kg == 60.0 or 60.0 not in loads)
    message = text(reply["html"])
    assert "Imported 2 sessions from Strong: 2 new, 0 replaced. This file does not say its weight unit: " in message
    assert words in message
    assert "import again: the sessions are replaced, not doubled." in message


def test_a_reader_who_lifts_in_pounds_reads_the_import_in_pounds() -> None:
    """The log keeps kilograms, but a lifter in pounds is told of the 220 lb lifted, not of 99.79 kg stored."""
    data = (FIXTURES / "strong.csv").read_text(encoding="utf-8").replace(",100.0,6,", ",220,6,")
    fresh = empty()
    message = text(apply(fresh, ask("import", fresh, {"file": data}, profile={"units": "mi"}))["html"])
    assert "weights were read in lb, as your units are miles. The heaviest set is 220 lb. If they were in kg" in message
    assert "99.79" not in message and "stored in kg" not in message


def test_an_exercise_the_catalogue_does_not_know_is_explained_in_plain_words() -> None:
    """What a kept name really gets: volume, records and trends, and in a custom session its last sets moved on."""
    fresh = empty()
    message = text(apply(fresh, ask("import", fresh, {"file": (FIXTURES / "strong.csv").read_text()}))["html"])
    assert (
        "Kept under its own name, as the catalogue has no match: Bench Press (Barbell). It counts in your weekly "
        "volume, records and e1RM trends. Type it under “Your own exercises” in a custom session: the log starts "
        "from your last sets and moves them on by the rules of the catalogue's lifts"
    ) in message
    assert "e1RM trend: Bench Press (Barbell)" in message and "Bench Press (Barbell) 81.7 kg 70 kg 5" in message
    reply = apply(fresh, ask("start", fresh, {"session": "custom", "custom_name": "Bench Press (Barbell)"}))
    page = text(reply["html"])
    # Strong's bench press, one set of 5 at 70 kg seven weeks ago, restarts lower, as a catalogue lift would.
    assert "Today: 1 × 5 × 55 kg. Why: 49 days since the last session (6 sessions missed): restart 20 % lower." in page


def test_importing_again_in_the_other_unit_replaces_the_sessions() -> None:
    data = (FIXTURES / "strong.csv").read_text(encoding="utf-8")
    store = empty()
    apply(store, ask("import", store, {"file": data}))
    reply = apply(store, ask("import", store, {"file": data, "weight_unit": "lb"}))
    assert "2 new" not in text(reply["html"]) and "0 new, 2 replaced" in text(reply["html"])
    loads = [s.get("load_kg") for v in store["strength"].values() for e in v["exercises"] for s in e["sets"]]
    assert len(store["strength"]) == 2 and 45.36 in loads and 100.0 not in loads


def test_the_import_form_asks_for_the_unit_and_defaults_to_the_readers_units() -> None:
    (field,) = [f for f in CALCULATOR.fields if f.name == "weight_unit"]
    assert field.default == "profile" and [v for v, _ in field.options] == ["profile", "kg", "lb"]


def test_a_hevy_file_in_pounds_is_converted_and_no_unit_is_said_to_be_assumed() -> None:
    data = (FIXTURES / "hevy_lbs.csv").read_text(encoding="utf-8")
    fresh = empty()
    reply = apply(fresh, ask("import", fresh, {"file": data, "weight_unit": "kg"}))
    loads = [s.get("load_kg") for v in fresh["strength"].values() for e in v["exercises"] for s in e["sets"]]
    assert 83.91 in loads and 185.0 not in loads  # 185 lb
    assert "Weights were read in" not in text(reply["html"])


def test_after_a_pound_import_a_repeat_keeps_the_load_and_a_step_up_starts_on_the_half_kilogram() -> None:
    """185 lb is logged as 83.91 kg (the reader's record): a repeat is that load, a step up starts from 84 kg."""
    fresh = empty()
    apply(fresh, ask("import", fresh, {"file": (FIXTURES / "hevy_lbs.csv").read_text(encoding="utf-8")}))
    page = text(ask("compute", fresh, today="2026-10-26")["html"])
    # The last set was at RPE 8.5: a repeat, at the load as lifted.
    assert "Romanian deadlift 4 × 5 × 83.91 kg all sets done but at RPE 8.5: repeat until it moves at RPE ≤ 8" in page
    session = next(
        s for s in fresh["strength"].values() if any(e["exercise"] == "romanian_deadlift" for e in s["exercises"])
    )
    for exercise in session["exercises"]:
        # all four sets done comfortably: the next session steps up
        exercise["sets"] = [{**done_set, "rpe": 7} for done_set in exercise["sets"]] * 2
    page = text(ask("compute", fresh, today="2026-10-26")["html"])
    assert "4 × 5 × 86.5 kg" in page and "the 83.91 kg logged is taken as 84 kg" in page


@pytest.mark.parametrize(
    ("file", "words"),
    [
        (
            {"version": "1.0", "sessions": []},
            "Nothing was imported: this Stridelab strength log holds no strength sessions. Your log is unchanged.",
        ),
        (
            {"version": "1.0"},
            "Nothing was imported: this Stridelab strength log holds no strength sessions. Your log is unchanged.",
        ),
        (
            {"format": "stridelab-backup", "collections": {"runs": {}}},
            "Nothing was imported: this Stridelab backup holds no strength sessions. Your log is unchanged.",
        ),
    ],
)
def test_an_empty_export_imports_nothing_and_says_so_on_the_file_field(file: dict[str, Any], words: str) -> None:
    """An export of an empty log holds no session: that is no import to report as a success."""
    store = empty() | {"strength": {LAST_WEEK["id"]: LAST_WEEK}}
    before = json.dumps(store, sort_keys=True)
    reply = ask("import", store, {"file": json.dumps(file)})
    assert reply["ok"] is False and reply["error"] == {"code": "input", "message": words, "field": "file"}
    assert json.dumps(store, sort_keys=True) == before


def test_the_export_of_an_empty_log_imported_again_imports_nothing() -> None:
    (effect,) = ask("export_json", empty())["effects"]
    reply = ask("import", empty(), {"file": effect["text"]})
    assert reply["ok"] is False and "Nothing was imported" in reply["error"]["message"]


@pytest.mark.parametrize(
    ("file", "words"),
    [
        ('{"version": "1.0", "sessions": [', "not valid JSON"),
        ('{"format": "other"}', "no version"),
        (
            json.dumps({"version": "1.0", "sessions": [LAST_WEEK, {**LAST_WEEK, "id": next(IDS), "rpe": 11}]}),
            "Nothing was imported. Session 2 (2026-11-16): Session RPE (CR-10): 11 is out of range. "
            "Enter a number between 1 and 10.",
        ),
        (
            json.dumps({"version": "1.0", "sessions": [{**LAST_WEEK, "date": "2026-12-01"}]}),
            "in the future",
        ),
        (
            json.dumps({"version": "1.0", "sessions": [{**LAST_WEEK, "date": OLD}]}),
            "every session in the file is more than ten years old; the strength log takes dates from 2016-11-15",
        ),
        ("Date,Session ID,Session\n", "Nothing was imported"),
        ("", "Nothing was imported: the file is empty, or none was chosen."),  # a chosen 0-byte file sends ""
        ("\n \n", "Nothing was imported: the file is empty, or none was chosen."),
    ],
)
def test_a_failed_import_changes_nothing_and_says_where(file: str, words: str) -> None:
    store = empty() | {"strength": {LAST_WEEK["id"]: LAST_WEEK}}
    reply = ask("import", store, {"file": file})
    assert reply["ok"] is False and reply["error"]["field"] == "file"
    assert words in reply["error"]["message"]


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (
            {"exercises": [{"exercise": "romanian_deadlift", "sets": [{"reps": 5, "load_kg": 600}]}]},
            "Nothing was imported. Session 1 (2026-11-16), exercise 1 (Romanian deadlift), set 1: "
            "Load: 600 kg is out of range. Enter a number between 0 and 500 kg.",
        ),
        (
            {"exercises": [LAST_WEEK["exercises"][1] | {"sets": [{"reps": 8}, {"reps": 8, "rpe": 0}]}]},
            f"Nothing was imported. Session 1 (2026-11-16), exercise 1 ({XSS}), set 2: "
            "RPE: 0 is out of range. Enter a number between 1 and 10.",
        ),
        (
            {"id": "s1"},
            "Nothing was imported. Session 1 (2026-11-16), id: A session's id is 32 digits and letters a–f in five "
            "groups, as Stridelab writes it (e.g. 6f1c2a7e-4b10-4d53-9a63-5b0f7a523c0e); got “s1”.",
        ),
        (
            {"duration_min": None},
            "Nothing was imported. Session 1 (2026-11-16): Duration: no number is given. Enter a number "
            "between 1 and 600 minutes.",
        ),
    ],
)
def test_a_json_import_names_the_bad_field_in_plain_words(change: dict[str, Any], words: str) -> None:
    """“Session 1 (2026-11-16), exercise 1, set 1: …”, not “sessions.0.exercises.0.sets.0.load_kg”."""
    file = json.dumps({"version": "1.0", "sessions": [LAST_WEEK | change]})
    reply = ask("import", empty(), {"file": file})
    assert reply["ok"] is False and reply["error"]["field"] == "file"
    assert reply["error"]["message"] == words
    for internal in ("sessions.", "load_kg", "version:", "UUID", "None"):
        assert internal not in reply["error"]["message"]


def test_a_backup_with_a_load_out_of_range_names_the_load_once() -> None:
    """A backup file is read as the log is: the message names the set, then the load once ("set 1: Load: …")."""
    bad = LAST_WEEK | {"exercises": [{"exercise": "romanian_deadlift", "sets": [{"reps": 5, "load_kg": 600}]}]}
    file = make_backup({"strength": {bad["id"]: bad}}, created="2026-11-20T08:00:00Z")
    reply = ask("import", empty(), {"file": file})
    assert reply["error"]["message"] == (
        "Nothing was imported. Session 1 (2026-11-16), exercise 1 (Romanian deadlift), set 1: "
        "Load: 600 kg is out of range. Enter a number between 0 and 500 kg."
    )


@pytest.mark.parametrize("wrap", ["log", "backup"])
def test_an_import_with_a_future_date_names_the_date_once(wrap: str) -> None:
    """The date's own message names the field, so the place stops at the session: not "…, date: Date of …"."""
    bad = LAST_WEEK | {"date": "2026-11-30"}
    if wrap == "log":
        file = json.dumps({"version": "1.0", "sessions": [bad]})
    else:
        file = make_backup({"strength": {bad["id"]: bad}}, created="2026-11-20T08:00:00Z")
    reply = ask("import", empty(), {"file": file})
    assert reply["ok"] is False and reply["error"]["field"] == "file"
    assert reply["error"]["message"].startswith(
        "Nothing was imported. Session 1 (2026-11-30): Date of the session (Monday 30 November) is in the future. "
    )


def test_a_json_file_that_is_not_a_log_says_so_without_field_names() -> None:
    reply = ask("import", empty(), {"file": '{"format": "other"}'})
    assert reply["error"]["message"] == "Nothing was imported. This is not a Stridelab strength log: it has no version."


def test_a_bad_csv_row_leaves_out_its_session_and_names_the_row() -> None:
    """As the HRV import does: the sessions that read come in, and each bad row is listed with why."""
    bad = (FIXTURES / "strong.csv").read_text(encoding="utf-8").splitlines()
    bad[2] = bad[2].replace(",80.0,5,", ",80.0,200,")
    store = empty()
    reply = apply(store, ask("import", store, {"file": "\n".join(bad)}))
    assert [s["date"] for s in store["strength"].values()] == ["2026-10-08"]
    message = text(reply["html"])
    assert "Row 3, column Reps: “200” is out of range. Enter a whole number between 1 and 100." in message
    assert (
        "Imported 1 session from Strong: 1 new, 0 replaced. "
        "Left out 1 session with a row that did not read: 2026-10-05 “Session A”; see why below."
    ) in message
    listed = re.search(r"<ul data-row-errors>(.*?)</ul>", reply["html"])
    assert listed and text(listed.group(1)).startswith("Row 3, column Reps: ")


def test_a_session_that_does_not_read_never_overwrites_the_stored_one() -> None:
    good = (FIXTURES / "strong.csv").read_text(encoding="utf-8")
    store = empty()
    apply(store, ask("import", store, {"file": good}))
    before = json.loads(json.dumps(store["strength"]))
    bad = good.replace(",60.0,5,", ",65.0,5,").replace(',80.0,5,0,0,"","Legs felt fresh",7', ",80.0,5,0,0,,,70")
    assert bad.count("65.0") == 1 and ",70\n" in bad
    reply = apply(store, ask("import", store, {"file": bad}))
    assert [op["value"]["date"] for op in reply["ops"]] == ["2026-10-08"]
    assert store["strength"] == before  # the first session keeps its 60 kg set: nothing of the bad one is written
    assert "2026-10-05 “Session A” (already stored: the stored copy is kept)" in text(reply["html"])


@pytest.mark.parametrize(
    ("file", "words"),
    [
        (
            (FIXTURES / "hevy.csv")
            .read_text(encoding="utf-8")
            .replace(",5,,,8\n", ",5,,,80\n")
            .replace(",,6,,,", ",,600,,,"),
            "Nothing was imported: no session in the file read completely. 2 problems found: Row 3, column ",
        ),
        (
            (FIXTURES / "hevy.csv").read_text(encoding="utf-8").splitlines()[0],
            "Nothing was imported: no sessions were found. The file has its header row only.",
        ),
    ],
)
def test_a_csv_where_nothing_reads_reports_no_success(file: str, words: str) -> None:
    store = empty() | {"strength": {LAST_WEEK["id"]: LAST_WEEK}}
    reply = ask("import", store, {"file": file})
    assert reply["ok"] is False and reply["error"]["field"] == "file"
    assert reply["error"]["message"].startswith(words)


@pytest.mark.parametrize(
    ("name", "old"),
    [
        ("strong.csv", "2026-10-05"),
        ("hevy.csv", "19 Oct 2026"),
    ],
)
def test_a_csv_session_more_than_ten_years_old_is_skipped_and_named(name: str, old: str) -> None:
    """One year typed as 1900 in another app must not keep the rest of the reader's history out."""
    file = (FIXTURES / name).read_text(encoding="utf-8")
    whole = ask("import", empty(), {"file": file})
    store = empty()
    reply = apply(store, ask("import", store, {"file": file.replace(old, old.replace("2026", "1900"))}))
    assert len(store["strength"]) == len(whole["ops"]) - 1
    assert all(s["date"] >= EARLIEST for s in store["strength"].values())
    message = text(reply["html"])
    assert "Skipped 1 session more than ten years old (1900-10-" in message
    assert f"the strength log takes dates from {EARLIEST} to today" in message
    if name == "strong.csv":  # its bench press, a custom exercise, is in the skipped session only
        assert "Bench Press" in text(whole["html"]) and "Bench Press" not in message


def test_an_old_export_brings_in_its_recent_sessions_and_names_the_rest() -> None:
    """A session stored before the ten-year rule (0001-01-01 was once accepted) rides along in exports."""
    ancient = {**LAST_WEEK, "id": next(IDS), "date": "0001-01-01"}
    older = {**LAST_WEEK, "id": next(IDS), "date": "2016-11-14"}
    edge = {**LAST_WEEK, "id": next(IDS), "date": EARLIEST}
    sessions = [LAST_WEEK, ancient, older, edge]
    for action in ("export_json", "export_csv"):
        source = empty() | {"strength": {s["id"]: s for s in sessions}}
        (effect,) = ask(action, source)["effects"]
        store = empty()
        reply = apply(store, ask("import", store, {"file": effect["text"]}))
        assert set(store["strength"]) == {LAST_WEEK["id"], edge["id"]}, action
        assert "Skipped 2 sessions more than ten years old (0001-01-01, 2016-11-14)" in text(reply["html"]), action


def test_the_exported_json_is_a_valid_strength_log() -> None:
    store = empty() | {"strength": {LAST_WEEK["id"]: LAST_WEEK}}
    (effect,) = ask("export_json", store)["effects"]
    log = StrengthLog.from_dict(json.loads(effect["text"]), today=DAY)
    assert [s.to_dict() for s in log.sessions] == [LAST_WEEK | {"duration_min": 50.0, "rpe": 7.0}]


def test_the_e1rm_chart_has_a_text_alternative_and_the_table() -> None:
    later = {**LAST_WEEK, "id": "22222222-2222-4222-8222-222222222222", "date": "2026-11-20"}
    later["exercises"] = [{"exercise": "romanian_deadlift", "sets": [{"reps": 5, "load_kg": 66.0}]}]
    html = ask("compute", empty() | {"strength": {s["id"]: s for s in (LAST_WEEK, later)}})["html"]
    assert html.count('<svg class="sl-chart"') == 1  # one lift with two sessions; the custom one has a single point
    assert (
        'role="img" aria-label="Chart of the estimated 1RM for Romanian deadlift: 70 kg on Monday 16 November, '
        "77 kg on Friday 20 November."
    ) in html
    assert "e1RM trend: Romanian deadlift" in text(html) and "style=" not in html


def test_the_planners_week_sets_the_dose_and_a_plan_that_does_not_read_is_ignored() -> None:
    from calculators.season import plan_season
    from calculators.week_prefs import WeekPrefs

    plan = plan_season(WeekPrefs(), today=DAY, race_date=date(2026, 12, 1), race_distance_m=10_000)
    store = empty() | {"plan": {"season": plan.to_dict(), "broken": {"schema": 1}}}
    html = text(ask("compute", store)["html"])
    assert "Romanian deadlift no strength today 8 days to the race: no strength in the last 14 days" in html
    assert "first session" not in html
    assert "first session" in text(ask("compute", empty() | {"plan": {"broken": {"x": 1}}})["html"])


def a_plan_saved_last_week() -> dict[str, Any]:
    """A marathon plan saved on Monday 16 November: Session A on Mondays, B on Thursdays."""
    from dataclasses import replace

    from calculators.season import plan_season
    from calculators.week_prefs import WeekPrefs

    saved = date(2026, 11, 16)
    plan = plan_season(WeekPrefs(), today=saved, race_date=date(2027, 4, 18), race_distance_m=42_195)
    return {"season": replace(plan, since=saved).to_dict()}


def today_page(store: dict[str, Any], today: str = TODAY) -> str:
    payload = {"values": {}, "args": {}, "today": today, "now": NOW, "store": store}
    reply = handle({"id": 1, "calculator": "today", "action": "compute", "payload": payload})
    assert reply["ok"], reply.get("error")
    return text(reply["html"])


def test_with_a_plan_the_log_names_todays_session_as_the_plan_and_the_today_page_do() -> None:
    """Session A last Monday, Thursday's B skipped: the plan has A today, so “Next up” is A, not B by turns."""
    store = empty() | {"strength": {LAST_WEEK["id"]: LAST_WEEK}, "plan": a_plan_saved_last_week()}
    assert "Session A (heavy, posterior chain: hamstrings, glutes, calves): today's prescription" in today_page(store)
    log = text(ask("compute", store)["html"])
    assert "Next up: Session A, today in your plan." in log
    assert "Session A (heavy, posterior chain: hamstrings, glutes, calves), today in your plan" in log
    assert "Session B (single-leg and plyometric), if you do it today instead" in log
    assert log.index("Session A (heavy") < log.index("Session B (single-leg")


def test_the_first_hard_session_back_drops_its_session_so_next_up_is_the_plans_next_one() -> None:
    """TRAINING-RULES.md: strength goes with a hard run, never on an easy day. After 8 days without a run, today's
    tempo is run easy (the comeback rule), so today's Session A is not next up: the log says why and names
    Thursday's B, and still prescribes A "if you do it today", as Today offers it."""
    run = {"date": "2026-11-14", "duration_s": 3000, "distance_m": 9000, "rpe": 5}
    store = empty() | {"strength": {LAST_WEEK["id"]: LAST_WEEK}, "plan": a_plan_saved_last_week(), "runs": {"r1": run}}
    log = text(ask("compute", store)["html"])
    assert "Next up: Session B on Thursday 26 November, in your plan." in log
    assert (
        "No Session A on Monday 23 November: your first hard session back is run easy, and strength goes with a hard "
        "run, never on an easy day" in log
    )
    assert "today in your plan" not in log
    assert "Session A (heavy, posterior chain: hamstrings, glutes, calves), if you do it today" in log
    ran_this_week = store | {"runs": {"r1": run | {"date": "2026-11-20"}}}  # no gap: today's A stands
    assert "Next up: Session A, today in your plan." in text(ask("compute", ran_this_week)["html"])


@pytest.mark.parametrize("gap", ["comeback", "red"])
def test_on_a_day_the_calendar_drops_today_and_the_log_start_the_same_session_the_plans_for_today(gap: str) -> None:
    """A runner with Sessions A and B logged in earlier weeks read "Start Session A anyway" on Today on a Monday whose
    Session A the calendar drops, while the log's Start on "Next up" began Session B. TRAINING-RULES.md puts A on the
    first hard day and B on the second: a B lifted on A's day counts for no planned session, and the plan would still
    owe Thursday's B. Both pages start today's A, and the log says so beside the plan's next session."""
    from tests.unit.test_calendar_page import MONDAY, PLAN, red_day

    monday = MONDAY + timedelta(days=14)  # tempo + Session A; Thursday 19 March has intervals + Session B
    earlier = {
        ident: {**LAST_WEEK, "id": ident, "date": (monday - timedelta(days=back)).isoformat(), "kind": kind}
        for ident, back, kind in (("a" * 8 + LAST_WEEK["id"][8:], 14, "A"), ("b" * 8 + LAST_WEEK["id"][8:], 11, "B"))
    }
    if gap == "red":
        runs, hrv = red_day(monday)
    else:  # the last run 9 days ago: the comeback rule runs today's tempo easy
        runs = {
            "r1": {"date": (monday - timedelta(days=9)).isoformat(), "duration_s": 3000, "distance_m": 9000, "rpe": 5}
        }
        hrv = {}
    store = empty() | {"plan": {"season": PLAN.to_dict()}, "runs": runs, "hrv": hrv, "strength": earlier}
    today = today_page(store, monday.isoformat())
    assert "Start Session A anyway" in today
    log = text(ask("compute", store, today=monday.isoformat())["html"])
    assert (
        "Next up: Session B on Thursday 19 March, in your plan. If you lift today all the same, Start begins today's "
        "Session A, which counts for it." in log
    )
    # Prescribed first, as the session Start begins.
    assert log.index("Session A (heavy, posterior chain: hamstrings, glutes, calves), if you do it today") < log.index(
        "Session B (single-leg and plyometric), next in your plan, on Thursday 19 March"
    )
    started = ask("start", store, {"session": "next"}, today=monday.isoformat())
    assert started["ops"][0]["value"]["kind"] == "A"


def test_a_session_a_red_verdict_drops_is_not_next_up_and_the_log_says_why() -> None:
    """TRAINING-RULES.md: on a red day "strength that day is dropped", as the calendar and Today drop it. The log's
    "Next up" names the plan's next session, says why today's is not it, and still prescribes today's "if you do
    it today"; it needs the HRV readings and the runs' load for the verdict, read as the calendar reads them."""
    from tests.unit.test_calendar_page import MONDAY, PLAN, red_day

    monday = MONDAY + timedelta(days=14)  # tempo + Session A; Thursday 19 March has intervals + Session B
    runs, hrv = red_day(monday)
    store = empty() | {"plan": {"season": PLAN.to_dict()}, "runs": runs, "hrv": hrv}
    log = text(ask("compute", store, today=monday.isoformat())["html"])
    assert "Next up: Session B on Thursday 19 March, in your plan." in log
    assert "No Session A on Monday 16 March: a red verdict drops strength that day." in log
    assert "today in your plan" not in log
    assert "Session A (heavy, posterior chain: hamstrings, glutes, calves), if you do it today" in log
    no_hrv = text(ask("compute", store | {"hrv": {}}, today=monday.isoformat())["html"])
    assert "Next up: Session A, today in your plan." in no_hrv  # no red verdict: today's session stands


def test_a_session_started_off_the_plan_names_as_next_the_session_next_up_names_not_one_a_red_verdict_drops() -> None:
    """A session started on Wednesday 18 March, a rest day, the evening Thursday's verdict turns red: the log's words
    skip Thursday's Session B as "Next up" does (the calendar drops it), say why in the calendar's words, and name
    Monday's Session A as the plan's next."""
    from tests.unit.test_calendar_page import MONDAY, PLAN, red_day

    thursday = MONDAY + timedelta(days=17)  # intervals + Session B, red from the three low mornings before it
    runs, hrv = red_day(thursday)
    store = empty() | {"plan": {"season": PLAN.to_dict()}, "runs": runs, "hrv": hrv}
    wednesday = (thursday - timedelta(days=1)).isoformat()
    up = text(ask("compute", store, today=wednesday)["html"])
    started = text(apply(store, ask("start", store, {"session": "A"}, today=wednesday))["html"])
    assert "Your plan has no strength session on Wednesday 18 March: it is a rest day." in started
    assert "No Session B on Thursday 19 March: a red verdict drops strength that day." in started
    assert "Your plan's next strength session is Session A on Monday 23 March." in started
    assert "Next up: Session A on Monday 23 March, in your plan." in up


def test_with_a_plan_the_next_session_is_the_plans_next_strength_day() -> None:
    store = empty() | {"strength": {LAST_WEEK["id"]: LAST_WEEK}, "plan": a_plan_saved_last_week()}
    tuesday = text(ask("compute", store, today="2026-11-24")["html"])
    assert "Next up: Session B on Thursday 26 November, in your plan." in tuesday
    assert "Session B (single-leg and plyometric), next in your plan, on Thursday 26 November" in tuesday
    assert "Strength" not in today_page(store, "2026-11-24")  # nothing planned today on the Today page either
    # Today's A already logged: next up is Thursday's B.
    done_today = {**LAST_WEEK, "id": "22222222-2222-4222-8222-222222222222", "date": TODAY}
    store["strength"][done_today["id"]] = done_today
    log = text(ask("compute", store)["html"])
    assert "Next up: Session B on Thursday 26 November, in your plan." in log
    assert "today in your plan" not in log  # today's session is done: it is not offered again as today's
    assert (
        "Session A (heavy, posterior chain: hamstrings, glutes, calves), today's in your plan, is done: "
        "you logged it today." in log
    )
    assert "if you do it today" not in log
    assert "Session B (single-leg and plyometric), next in your plan, on Thursday 26 November" in log
    assert "Session A (heavy, posterior chain: hamstrings, glutes, calves) is done for today" in today_page(
        store
    )  # as the calendar


def test_the_plans_next_session_is_previewed_with_the_dose_of_its_own_week() -> None:
    """On Sunday 17 January the preview of Monday's Session A showed the full dose of Sunday's build week; on Monday, a
    peak week, it became 2 of 4 sets. The preview is worked out for the session's own day, so it does not change
    overnight."""
    from calculators.season import plan_season
    from calculators.week_prefs import WeekPrefs

    plan = plan_season(WeekPrefs(), today=DAY, race_date=date(2027, 2, 21), race_distance_m=42_195)
    last = {**LAST_WEEK, "date": "2027-01-11"}
    store = empty() | {"strength": {last["id"]: last}, "plan": {"season": plan.to_dict()}}

    def rdl(today: str) -> str:
        html = ask("compute", store, today=today)["html"]
        return text(html.split('data-prescription="romanian_deadlift"', 1)[1].split("</tr>", 1)[0])

    sunday = text(ask("compute", store, today="2027-01-17")["html"])
    assert "Session A (heavy, posterior chain: hamstrings, glutes, calves), next in your plan, on Monday 18" in sunday
    assert "peak week: 2 of 4 sets" in rdl("2027-01-17")
    assert rdl("2027-01-17") == rdl("2027-01-18")


def test_start_begins_the_session_next_up_names_unless_the_reader_chooses_another() -> None:
    """On a Thursday the log said "Next up: Session B, today in your plan" while the Session menu, kept from last
    week, showed A, and Start began A. The menu starts each visit on "Next up", which starts the plan's session;
    Session A chosen for today still starts A, and a value the menu does not have is refused by name."""
    html = render_calculator(CALCULATOR)
    box = html.split('name="session"', 1)[1].split(">", 1)[0]
    assert "data-not-kept" in box
    assert '<option value="next" selected>' in html.split('name="session"', 1)[1].split("</select>", 1)[0]
    store = empty() | {"strength": {LAST_WEEK["id"]: LAST_WEEK}, "plan": a_plan_saved_last_week()}
    thursday = "2026-11-26"
    assert "Next up: Session B, today in your plan." in text(ask("compute", store, today=thursday)["html"])
    started = ask("start", store, {"session": "next"}, today=thursday)
    assert started["ops"][0]["value"]["kind"] == "B"
    assert ask("start", store, {"session": "A"}, today=thursday)["ops"][0]["value"]["kind"] == "A"
    refused = ask("start", store, {"session": "C"}, today=thursday)
    assert refused["ok"] is False and refused["error"]["field"] == "session"


def test_without_a_plan_for_today_the_next_session_alternates() -> None:
    """No plan, or one that ended before today: Sessions A and B take turns."""
    from calculators.season import plan_season
    from calculators.week_prefs import WeekPrefs

    ended = plan_season(WeekPrefs(), today=date(2026, 10, 26), race_date=None, weeks=1)
    for plan in ({}, {"season": ended.to_dict()}):
        store = empty() | {"strength": {LAST_WEEK["id"]: LAST_WEEK}, "plan": plan}
        log = text(ask("compute", store)["html"])
        assert "Next up: Session B." in log
        assert (
            "Session A (heavy, posterior chain: hamstrings, glutes, calves), today" in log and "in your plan" not in log
        )


def test_notes_show_as_text_and_a_site_backup_imports_its_strength_sessions() -> None:
    from calculators import backup

    with_notes = {**LAST_WEEK, "notes": "<b>heavy</b> day"}
    file = backup.make_backup({"strength": {LAST_WEEK["id"]: with_notes}, "runs": {"r": {}}}, created=NOW)
    fresh = empty()
    reply = apply(fresh, ask("import", fresh, {"file": file}))
    assert fresh["strength"] == {LAST_WEEK["id"]: with_notes} and "runs" not in fresh
    assert "&lt;b&gt;heavy&lt;/b&gt; day" in reply["html"] and "<b>" not in reply["html"]
    assert f"{XSS}: {XSS}" in text(reply["html"]) and "<img" not in reply["html"]  # exercise notes too


def test_session_b_logs_holds_heights_and_levels_and_progresses_each_its_own_way() -> None:
    store = empty()
    apply(store, ask("start", store, {"session": "B"}))
    log_whole_session(store)
    sets = store["strength_draft"]["current"]["sets"]
    assert sets["copenhagen_plank"] == [{"reps": 1, "hold_s": 15.0}] * 3
    assert sets["box_jump"] == [{"reps": 5, "height_cm": 30.0}] * 4
    html = text(apply(store, ask("finish", store, {"duration": "40", "session_rpe": "5"}))["html"])
    assert "Copenhagen adductor plank 3 × 20 s hold a side, level 1: Short lever (knee on the bench) all sets" in html
    assert "Box jump 4 × 5 contacts onto a 35 cm box all sets completed: a 5 cm higher box" in html
    assert "level 1: Single-leg squat to a high box" in html
    (session,) = store["strength"].values()
    assert {e["exercise"]: e.get("level") for e in session["exercises"]}["single_leg_squat"] == 1


def test_the_weekly_volume_table_shows_at_most_two_years() -> None:
    """A session stored with a slip of the year box (saved before dates were checked) made 100,000 weeks."""
    ancient = {**LAST_WEEK, "id": "22222222-2222-4222-8222-222222222222", "date": "0001-01-01"}
    store = {"strength": {LAST_WEEK["id"]: LAST_WEEK, ancient["id"]: ancient}, "strength_draft": {}}
    page = ask("compute", store)["html"]
    table = page[page.index("Weekly strength volume") :]
    table = table[: table.index("</table>")]
    assert table.count('<th scope="row"') == 1  # the recent week; the ancient one is beyond the 104 shown
    assert len(page) < 200_000


def test_the_next_set_is_where_the_keyboard_goes_on() -> None:
    """After each set the answer marks one button, the session's next set, for the page to focus."""
    store = empty()
    html = apply(store, ask("start", store, {"session": "A", "gym": "gym"}))["html"]
    for _ in range(3):
        assert html.count("data-focus") == 1
        focused = re.search(r"<button[^>]*data-focus[^>]*>", html)
        assert focused and 'data-action="log_set"' in focused.group(0)
        button = next_button(html)
        assert button is not None and unescape(focused.group(0)).find(json.dumps(button, sort_keys=True)) > 0
        html = apply(store, ask("log_set", store, {"load": "60"}, args=button))["html"]


def test_a_csv_whose_only_good_session_is_too_old_names_the_one_left_out_too() -> None:
    file = (FIXTURES / "hevy.csv").read_text(encoding="utf-8").replace("19 Oct 2026", "19 Oct 1900")
    reply = ask("import", empty(), {"file": file.replace(",,6,,,", ",,600,,,")})
    assert reply["ok"] is False
    assert reply["error"]["message"].startswith(
        "Nothing was imported: every session that read is more than ten years old; the strength log takes dates "
        f"from {EARLIEST} to today. Also left out, as a row of each did not read: 2026-10-22 “Session B” (Row 7, "
    )


SESSION_B = {
    "id": "22222222-2222-4222-8222-222222222222",
    "date": "2026-11-19",
    "kind": "B",
    "duration_min": 40,
    "rpe": 6,
    "exercises": [
        {"exercise": "pogo_hops", "sets": [{"reps": 8}] * 3},
        {"exercise": "single_leg_squat", "level": 1, "sets": [{"reps": 6}] * 3},
        {"exercise": "single_leg_calf_raise", "sets": [{"reps": 12}] * 2},
    ],
}


def test_a_bodyweight_session_shows_its_reps_and_jumps_not_0_kg() -> None:
    """FORMULAS.md: bodyweight exercises count sets × reps. Session B moves only the body, so its volume is
    "42 bodyweight reps, 24 jumps" after saving, in the history and in the weekly volume, never "0 kg"."""
    session = StrengthSession.from_dict(SESSION_B, today=date(2026, 11, 23))
    saved = text(finished_view(session, [], [], unit="kg", today=date(2026, 11, 23)))
    assert "Volume 42 bodyweight reps, 24 jumps; session load 240 AU" in saved
    store = empty()
    store["strength"][SESSION_B["id"]] = SESSION_B
    page = text(ask("compute", store)["html"])
    assert "Mon 16 Nov 1 8 42 bodyweight reps, 24 jumps 240" in page  # the weekly volume
    assert "Session B 40 min 6 42 bodyweight reps, 24 jumps" in page  # the session's row
    assert "0 kg" not in page


def test_a_plate_added_to_a_bodyweight_exercise_is_no_e1rm_and_its_reps_count_as_bodyweight_reps() -> None:
    """A 5 lb plate on a single-leg calf raise is not a 7 lb one-rep max, nor 60 lb of volume load: bodyweight
    exercises count sets × reps (FORMULAS.md); a heavier plate than last time is a record of added load."""
    calves = {"exercise": "single_leg_calf_raise", "target_reps": 12, "sets": [{"reps": 12, "load_kg": 1.134}] * 3}
    before = {**LAST_WEEK, "kind": "B", "exercises": [calves]}
    store = empty() | {"strength": {before["id"]: before}}
    miles = {"units": "mi"}
    apply(store, ask("start", store, {"session": "B"}, profile=miles))
    where = {"exercise": "single_leg_calf_raise", "set": 0}
    apply(store, ask("log_set", store, {"reps": "12", "load": "5"}, where, profile=miles))
    finish = {"duration": "30", "session_rpe": "6", "confirmed": "yes"}
    html = text(apply(store, ask("finish", store, finish, profile=miles))["html"])
    assert "Single-leg calf raise on a step: new heaviest added load, +5 lb (was +2.5 lb)" in html
    assert "estimated 1RM," not in html and "Single-leg calf raise on a step 12 × 5 lb –" in html
    assert "Volume 12 bodyweight reps;" in html
    assert "Mon 16 Nov 1 3 36 bodyweight reps" in html  # the week before, in the weekly volume table
    assert "e1RM trend: Single-leg calf raise" not in html


def test_a_session_started_on_a_day_without_planned_strength_is_warned_about_and_counts_for_the_nearest() -> None:
    """TRAINING-RULES.md: never strength on an easy day, an easy day after each stress day. Session A started on
    Sunday (a rest day; Session A is planned on Monday) is not refused but said, and once done it counts for
    Monday's Session A, so Monday does not prescribe Session A again: next up is Thursday's Session B."""
    sunday = "2026-11-22"
    store = empty() | {"strength": {LAST_WEEK["id"]: LAST_WEEK}, "plan": a_plan_saved_last_week()}
    started = text(apply(store, ask("start", store, {"session": "A"}, today=sunday))["html"])
    assert "Your plan has no strength session on Sunday 22 November: it is a rest day." in started
    assert (
        "Your plan's next strength session is Session A on Monday 23 November: if you lift on Sunday 22 November "
        "all the same, this session counts for it, and the plan moves on to the session after it." in started
    )
    assert store["strength_draft"]["current"]["kind"] == "A"  # started all the same
    apply(store, ask("log_set", store, {"load": "60"}, {"exercise": "romanian_deadlift", "set": 0}, today=sunday))
    finish = {"duration": "40", "session_rpe": "7", "confirmed": "yes"}
    done = apply(store, ask("finish", store, finish, today=sunday))
    assert "It counts for your plan's Session A of Monday 23 November" in text(done["html"])
    (link,) = store["calendar_links"].values()
    assert link["planned_date"] == "2026-11-23" and link["kind"] == "strength"
    monday = text(ask("compute", store)["html"])
    assert "Next up: Session B on Thursday 26 November, in your plan." in monday
    assert "today in your plan" not in monday
    on_plan = empty() | {"strength": {}, "plan": a_plan_saved_last_week()}
    assert "data-off-plan" not in apply(on_plan, ask("start", on_plan, {"session": "A"}))["html"]  # Monday: planned


def test_a_custom_session_off_the_plans_strength_days_counts_for_the_planned_session_the_reader_chooses() -> None:
    """A custom session stands for no planned session by itself (it is neither A nor B), so it is not linked on its
    own; as the training calendar's "This counts for…" lets it count for either, the log offers the planned
    sessions not done yet at most 6 days away, the nearest first, and the one chosen is done: the plan moves on."""
    sunday = "2026-11-22"
    store = empty() | {"strength": {LAST_WEEK["id"]: LAST_WEEK}, "plan": a_plan_saved_last_week()}
    values = {"session": "custom", "exercises": "nordic_curl,box_jump"}
    started = text(apply(store, ask("start", store, values, today=sunday))["html"])
    assert (
        "If you lift on Sunday 22 November all the same, you choose when you finish which planned session it counts "
        "for (Session A of Monday 23 November or Session B of Thursday 19 November or Session B of Thursday 26 "
        "November), and the plan moves on to the session after it." in started
    )
    apply(store, ask("log_set", store, {}, {"exercise": "nordic_curl", "set": 0}, today=sunday))
    finish = {"duration": "40", "session_rpe": "7", "confirmed": "yes"}
    done = apply(store, ask("finish", store, finish, values, today=sunday))
    assert not store.get("calendar_links")  # nothing chosen for the reader
    buttons = re.findall(r'data-action="count_for" data-args="([^"]+)">([^<]+)<', done["html"])
    assert [label for _, label in buttons] == [
        "This counts for Session A of Monday 23 November",
        "This counts for Session B of Thursday 19 November",
        "This counts for Session B of Thursday 26 November",
    ]
    thursday = json.loads(unescape(buttons[2][0]))
    chosen = apply(store, ask("count_for", store, {}, thursday, today=sunday))
    assert "It counts for your plan's Session B of Thursday 26 November, so the plan moves on" in text(chosen["html"])
    (link,) = store["calendar_links"].values()
    assert link == {"kind": "strength", "entry_id": thursday["id"], "planned_date": "2026-11-26"}
    on_thursday = text(ask("compute", store, today="2026-11-26")["html"])
    assert "is done: your session of Sunday 22 November counts for it" in on_thursday
    assert "Next up: Session A on Monday 30 November, in your plan." in on_thursday
    far = ask("count_for", store, {}, thursday | {"planned": "2026-11-30"}, today=sunday)  # 8 days away
    assert not far["ok"] and "cannot take this one" in far["error"]["message"]


def test_the_load_help_says_what_to_type_with_dumbbells_and_where_says_which_suits_them() -> None:
    """One rule for dumbbells: both together, as the prescriptions' steps of added load count them (the pair's
    +2.5 kg, not each hand's); a reader with dumbbells and no barbell is pointed to the no-gym stand-ins."""
    fields = {f.name: f for f in CALCULATOR.fields}
    assert fields["gym"].help.startswith("Dumbbells but no barbell: choose “No gym”.")
    html = render_calculator(CALCULATOR, context=Context())
    assert "Dumbbells but no barbell" in html
    store = empty()
    session = text(apply(store, ask("start", store, {"session": "B"}))["html"])  # the sets' Load boxes are here
    assert "Dumbbells: both together (two 10 kg dumbbells are 20 kg)." in session
    assert "A barbell: the bar's total, the bar included." in session
    assert "only the load you add, not your body weight" in session


def readiness_page(store: dict[str, Any], today: str) -> str:
    payload = {"values": {}, "args": {}, "today": today, "now": NOW, "store": store}
    reply = handle({"id": 1, "calculator": "readiness", "action": "compute", "payload": payload})
    assert reply["ok"], reply.get("error")
    return text(reply["html"])


def test_a_session_b_lifted_the_day_before_is_thursdays_on_every_page_and_not_prescribed_again() -> None:
    """Session B lifted on Wednesday, a rest day, counts for Thursday's B (the strength log links it, as the
    calendar does): on Thursday the strength log offers no Session B "if you do it today", and the readiness
    page's strength balance says Thursday's B is done, not planned, as Today does."""
    wednesday, thursday = "2026-11-25", "2026-11-26"
    monday = {**LAST_WEEK, "id": "22222222-2222-4222-8222-222222222222", "date": TODAY}  # this week's A
    store = empty() | {"strength": {LAST_WEEK["id"]: LAST_WEEK, monday["id"]: monday}, "plan": a_plan_saved_last_week()}
    before = readiness_page(store, wednesday)
    assert "Session B on Thursday 26 November is planned." in before
    apply(store, ask("start", store, {"session": "B"}, today=wednesday))
    log_whole_session(store)
    finish = {"duration": "40", "session_rpe": "7", "confirmed": "yes"}
    apply(store, ask("finish", store, finish, today=wednesday))
    assert [link["planned_date"] for link in store["calendar_links"].values()] == [thursday]

    log = text(ask("compute", store, today=thursday)["html"])
    assert "Next up: Session A on Monday 30 November, in your plan." in log
    assert (
        "Session B (single-leg and plyometric), today's in your plan, is done: your session of Wednesday 25 November "
        "counts for it." in log
    )
    assert "if you do it today" not in log
    assert "is done: your session of Wednesday 25 November counts for it." in today_page(store, thursday)
    for day in (wednesday, thursday):  # the evening it was lifted, and the day it counts for
        balance = readiness_page(store, day)
        assert "Session B on Thursday 26 November is planned" not in balance
        assert "Session B on Thursday 26 November is done: your session of Wednesday 25 November counts for it." in (
            balance
        )


def test_a_timed_hold_has_its_longest_hold_as_a_record_not_one_rep() -> None:
    """A Copenhagen plank's sets are holds (TRAINING-RULES.md: it progresses by time): its record is the longest
    hold, 15 s after 3 × 15 s, and 20 s next time is a new record, never "Most reps 1"."""

    def plank(ident: str, day: str, seconds: float) -> dict[str, Any]:
        sets = [{"reps": 1, "hold_s": seconds}] * 3
        exercises = [{"exercise": "copenhagen_plank", "level": 1, "sets": sets}]
        return {"id": ident, "date": day, "kind": "B", "duration_min": 30, "rpe": 6, "exercises": exercises}

    first = plank("33333333-3333-4333-8333-333333333333", "2026-11-19", 15.0)
    html = text(ask("compute", empty() | {"strength": {first["id"]: first}})["html"])
    assert "Lift Best e1RM Heaviest set Most reps or longest hold" in html
    assert "Copenhagen adductor plank – – 15 s" in html
    second = plank("44444444-4444-4444-8444-444444444444", TODAY, 20.0)
    earlier = (StrengthSession.from_dict(first, today=DAY),)
    done = text(finished_view(StrengthSession.from_dict(second, today=DAY), earlier, (), unit="kg", today=DAY))
    assert "Copenhagen adductor plank: new longest hold, 20 s (was 15 s)" in done
    assert "most reps" not in done


def test_the_e1rm_note_names_exactly_the_exercises_that_show_one() -> None:
    """A heavy standing calf raise of 4 × 6 at 20 kg shows e1RM 24 kg, so the note under it must not read as if a
    calf raise had none: it names the catalogue's lifts that have one, and every other has none with 20 kg added
    (FORMULAS.md: bodyweight exercises count sets × reps)."""
    loaded = StrengthSet(reps=6, load_kg=20.0)
    shown = {e.name for e in CATALOGUE.values() if best_set(ExerciseLog(exercise=e.id, sets=(loaded,) * 4))}
    named = set(re.findall(r"“([^”]+)”", EPLEY_NOTE.split("Only the bar lifts have one", 1)[1].split(". ")[0]))
    assert shown == named and "Heavy standing calf raise" in named
    calf = {"exercise": "calf_raise", "sets": [{"reps": 6, "load_kg": 20.0}] * 4}
    lift = {"id": next(IDS), "date": TODAY, "kind": "A", "duration_min": 30, "rpe": 7, "exercises": [calf]}
    html = text(ask("compute", empty() | {"strength": {lift["id"]: lift}})["html"])
    assert "Heavy standing calf raise 24 kg 20 kg 6" in html  # Best e1RM, heaviest set, most reps

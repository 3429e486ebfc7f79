"""The strength log's custom sessions and corrections: what each action stores, and how it refuses bad input."""

from __future__ import annotations

import json
import re
from html import unescape
from typing import Any

import pytest

from calculators.ui.strength_state import Draft
from tests.unit.test_strength_page import LAST_WEEK, XSS, apply, ask, empty, next_button, text

RDL = {"exercise": "romanian_deadlift", "set": 1}


def draft(store: dict[str, Any]) -> dict[str, Any]:
    value: dict[str, Any] = store["strength_draft"]["current"]
    return value


def snapshot(store: dict[str, Any]) -> str:
    return json.dumps(store, sort_keys=True)


def buttons(html: str, action: str) -> list[dict[str, Any]]:
    return [json.loads(unescape(a)) for a in re.findall(rf'data-action="{action}" data-args="([^"]+)"', html)]


def a_session_with_three_rdl_sets() -> dict[str, Any]:
    store = empty()
    apply(store, ask("start", store, {"session": "A"}))
    for index in range(3):
        apply(store, ask("log_set", store, {"load": "60"}, {"exercise": "romanian_deadlift", "set": index}))
    apply(store, ask("log_set", store, {}, {"exercise": "nordic_curl", "set": 0}))
    return store


def a_finished_session() -> dict[str, Any]:
    store = a_session_with_three_rdl_sets()
    apply(store, ask("finish", store, {"duration": "45", "session_rpe": "7", "confirmed": "yes"}))
    return store


# --- Custom sessions ------------------------------------------------------------------------------


def test_a_custom_session_starts_with_a_catalogue_exercise_and_the_readers_own() -> None:
    store = empty()
    values = {"session": "custom", "exercises": "nordic_curl", "custom_name": "  Goblet   squat "}
    reply = apply(store, ask("start", store, values))
    assert draft(store)["items"] == [{"exercise": "nordic_curl"}, {"exercise": "custom", "name": "Goblet squat"}]
    html = text(reply["html"])
    assert "Custom session, Monday 23 November: 0 of 3 sets logged." in html
    assert "Nordic hamstring curl Today: 3 × 3, bodyweight. Why: first session: 3 reps a set" in html
    assert "Goblet squat Today: your own numbers." in html
    goblet = {"exercise": "custom:goblet squat", "set": 0}
    # No numbers yet for the reader's own exercise: its boxes are empty, and "Log set" needs the reps.
    assert buttons(reply["html"], "log_set") == [{"exercise": "nordic_curl", "set": 0}, goblet]
    assert 'aria-label="Reps, set 1 of Goblet squat"' in reply["html"]
    assert (
        'name="reps" value="" inputmode="numeric" autocomplete="off" aria-label="Reps, set 1 of Goblet' in reply["html"]
    )
    refused = ask("log_set", store, {}, goblet)
    assert refused["ok"] is False and refused["error"]["field"] == "reps"
    apply(store, ask("log_set", store, {"reps": "8", "load": "24"}, goblet))
    reply = apply(store, ask("log_set", store, {}, goblet | {"set": 1}))  # one tap: the same as the set before
    assert draft(store)["sets"]["custom:goblet squat"] == [{"reps": 8, "load_kg": 24.0}] * 2
    assert reply["effects"][0]["label"] == "Rest after Goblet squat, set 2"
    for index in range(3):
        apply(store, ask("log_set", store, {}, {"exercise": "nordic_curl", "set": index}))
    # Every prescribed set is logged (the reader's own exercise has none prescribed): saved without a question.
    finished = apply(store, ask("finish", store, {"duration": "30", "session_rpe": "6"}))
    assert [e["type"] for e in finished["effects"]] == ["clear", "stop_timer"]  # no question: boxes emptied
    (session,) = store["strength"].values()
    assert session["kind"] == "custom"
    assert session["exercises"] == [
        {"exercise": "nordic_curl", "target_reps": 3, "target_sets": 3, "sets": [{"reps": 3}] * 3},
        {"exercise": "custom", "name": "Goblet squat", "sets": [{"reps": 8, "load_kg": 24.0}] * 2},
    ]
    assert "Saved: Custom session on Monday 23 November." in text(finished["html"])
    assert "Goblet squat 2 × 8 × 26.5 kg" in text(finished["html"])

    # Next time, the reader's own sets come back a step heavier, as the catalogue exercise has progressed.
    again = apply(store, ask("start", store, values, today="2026-11-30"))
    html = text(again["html"])
    assert "Goblet squat Today: 2 × 8 × 26.5 kg. Why: all sets completed: +2.5 kg." in html
    assert "Set 1: to do 8 × 26.5 kg · last time 8 × 24 kg" in html
    assert "Nordic hamstring curl Today: 3 × 4, bodyweight. Why: all sets completed: +1 rep a set." in html


def test_a_name_the_catalogue_knows_is_matched_and_a_custom_session_can_start_empty() -> None:
    store = empty()
    apply(store, ask("start", store, {"session": "custom", "custom_name": "RDL, rdl"}))
    assert draft(store)["items"] == [{"exercise": "romanian_deadlift"}]
    apply(store, ask("discard", store, {"confirmed": "yes"}))
    reply = apply(store, ask("start", store, {"session": "custom"}))
    assert draft(store)["items"] == [] and "add your exercises below" in text(reply["html"])


def test_add_an_exercise_to_a_custom_session_from_the_catalogue_or_by_name() -> None:
    store = empty()
    apply(store, ask("start", store, {"session": "custom"}))
    reply = apply(store, ask("add_exercise", store, {"exercises": "hip_thrust", "custom_name": ""}))
    assert "Added to the session: Hip thrust." in text(reply["html"])
    reply = apply(store, ask("add_exercise", store, {"exercises": "", "custom_name": "Step-up"}))
    assert draft(store)["items"] == [{"exercise": "hip_thrust"}, {"exercise": "custom", "name": "Step-up"}]
    assert '<option value="hip_thrust">' not in reply["html"]  # already in the session
    same = ask("add_exercise", store, {"custom_name": "step-UP"})
    assert same["ops"] == [] and "Step-up is already in this session" in same["html"]
    nothing = ask("add_exercise", store, {"exercises": "", "custom_name": " "})
    assert nothing["ok"] is False and nothing["error"]["field"] == "custom_name"
    too_long = ask("add_exercise", store, {"custom_name": "x" * 101})
    assert too_long["ok"] is False and "at most 100 characters" in too_long["error"]["message"]
    session_a = empty()
    apply(session_a, ask("start", session_a, {"session": "A"}))
    assert ask("add_exercise", session_a, {"custom_name": "Step-up"})["ok"] is False


def test_html_in_a_custom_name_is_shown_as_text_everywhere() -> None:
    store = empty()
    started = apply(store, ask("start", store, {"session": "custom", "custom_name": XSS}))
    key = "custom:" + XSS
    logged = apply(store, ask("log_set", store, {"reps": "5", "load": "10"}, {"exercise": key, "set": 0}))
    finished = apply(store, ask("finish", store, {"duration": "20", "session_rpe": "5"}))
    overview = ask("compute", store)
    editing = ask("edit_session", store, {}, {"id": next(iter(store["strength"]))})
    for reply in (started, logged, finished, overview, editing):
        assert "<img" not in reply["html"] and "&lt;img src=x onerror=alert(1)&gt;" in reply["html"]
    assert logged["effects"][0]["label"] == f"Rest after {XSS}, set 1"  # the glue shows it with textContent
    (session,) = store["strength"].values()
    assert session["exercises"][0]["name"] == XSS


def test_a_custom_draft_round_trips_and_a_stray_exercise_is_refused() -> None:
    store = empty()
    apply(store, ask("start", store, {"session": "custom", "exercises": "box_jump", "custom_name": "Plank"}))
    stored = draft(store)
    assert Draft.from_dict(stored).to_dict() == stored
    stray = stored | {"sets": {"hip_thrust": [{"reps": 5}]}}
    reply = ask("compute", empty() | {"strength_draft": {"current": stray}})
    assert "in progress could not be read" in reply["html"]


# --- Correcting the session in progress -----------------------------------------------------------


def test_correcting_a_logged_set_changes_that_set_only() -> None:
    store = a_session_with_three_rdl_sets()
    before = draft(store)
    reply = apply(store, ask("edit_set", store, {"reps": "4", "load": "62,5", "rpe": "9"}, RDL))
    after = draft(store)
    assert after["sets"]["romanian_deadlift"] == [
        {"reps": 5, "load_kg": 60.0},
        {"reps": 4, "load_kg": 62.5, "rpe": 9.0},
        {"reps": 5, "load_kg": 60.0},
    ]
    assert {k: v for k, v in after.items() if k != "sets"} == {k: v for k, v in before.items() if k != "sets"}
    assert after["sets"]["nordic_curl"] == before["sets"]["nordic_curl"]
    assert reply["effects"] == []  # a correction starts no rest timer
    assert "Set 2 of Romanian deadlift corrected: 4 × 62.5 kg @ RPE 9." in text(reply["html"])
    assert buttons(reply["html"], "edit_set")[:3] == [{"exercise": "romanian_deadlift", "set": i} for i in range(3)]
    box = 'name="reps" value="4" inputmode="numeric" autocomplete="off" aria-label="Reps, set 2 of Romanian deadlift"'
    assert box in reply["html"]


def test_each_logged_sets_correction_names_its_set_and_exercise_and_its_load_box_its_unit() -> None:
    """Out of the list (a screen reader's list of buttons), "Correct", "Save" and "Remove" still say which set."""
    store = a_session_with_three_rdl_sets()
    page = ask("compute", store)["html"]
    assert '<summary aria-label="Correct set 2 of Romanian deadlift">Correct</summary>' in page
    assert 'aria-label="Save set 2 of Romanian deadlift"' in page
    assert 'aria-label="Remove set 2 of Romanian deadlift"' in page and ">Remove set</button>" in page
    assert '<span>Load (kg)</span><input type="text" name="load" value="60"' in page


@pytest.mark.parametrize(
    ("values", "field", "words"),
    [
        ({"reps": "", "load": "60"}, "reps", "Set 2 of Romanian deadlift, reps: enter a whole number of reps, from 1"),
        ({"reps": "0", "load": "60"}, "reps", "reps: “0” is not a whole number of reps from 1 to 100."),
        ({"reps": "200", "load": "60"}, "reps", "reps: “200” is not a whole number of reps from 1 to 100."),
        ({"reps": "4.5", "load": "60"}, "reps", "reps: “4.5” is not a whole number of reps from 1 to 100."),
        ({"reps": "1e2", "load": "60"}, "reps", "reps: “1e2” is not a whole number of reps from 1 to 100."),
        ({"reps": "5", "load": ""}, "load", "Set 2 of Romanian deadlift, load: enter the bar's total in kg, the bar"),
        ({"reps": "5", "load": "-5"}, "load", "-5 kg is out of range. Enter the bar's total in kg"),
        ({"reps": "5", "load": "501"}, "load", "(an empty bar is 20 kg, or 15 kg): more than 0, up to 500 kg."),
        ({"reps": "5", "load": "0"}, "load", "Set 2 of Romanian deadlift, load: 0 kg is out of range."),
        ({"reps": "5", "load": "heavy"}, "load", "not a number"),
        ({"reps": "5", "load": "60", "rpe": "11"}, "rpe", "Set 2 of Romanian deadlift, RPE: 11 is out of range"),
        ({"reps": "5", "load": "60", "rpe": "0"}, "rpe", "between 1 and 10"),
    ],
)
def test_a_bad_correction_names_the_field_and_changes_nothing(values: dict[str, str], field: str, words: str) -> None:
    store = a_session_with_three_rdl_sets()
    before = snapshot(store)
    reply = ask("edit_set", store, values, RDL)
    assert reply["ok"] is False and "ops" not in reply
    assert reply["error"]["field"] == field and words in reply["error"]["message"]
    assert snapshot(store) == before


def test_removing_a_logged_set_and_a_set_that_is_not_logged() -> None:
    store = a_session_with_three_rdl_sets()
    apply(store, ask("edit_set", store, {"reps": "4", "load": "60"}, {"exercise": "romanian_deadlift", "set": 0}))
    reply = apply(store, ask("remove_set", store, {}, {"exercise": "romanian_deadlift", "set": 0}))
    assert draft(store)["sets"]["romanian_deadlift"] == [{"reps": 5, "load_kg": 60.0}] * 2
    assert "Set 1 of Romanian deadlift removed." in text(reply["html"])
    assert next_button(reply["html"]) == {"exercise": "romanian_deadlift", "set": 2}
    for args in ({"exercise": "romanian_deadlift", "set": 2}, {"exercise": "hip_thrust", "set": True}):
        refused = ask("edit_set", store, {"reps": "5", "load": "60"}, args)
        assert refused["ok"] is False and refused["error"]["field"] == "session"
    assert ask("remove_set", store, {}, {"exercise": "bounding", "set": 0})["error"]["field"] == "session"


def test_a_bodyweight_set_can_lose_its_load_and_a_hold_is_corrected_in_seconds() -> None:
    store = empty()
    apply(store, ask("start", store, {"session": "B"}))
    apply(store, ask("log_set", store, {}, {"exercise": "copenhagen_plank", "set": 0}))
    apply(store, ask("log_set", store, {"reps": "6", "load": "5"}, {"exercise": "single_leg_squat", "set": 0}))
    plank = {"exercise": "copenhagen_plank", "set": 0}
    apply(store, ask("edit_set", store, {"hold": "20", "load": "", "rpe": "7"}, plank))
    assert draft(store)["sets"]["copenhagen_plank"] == [{"reps": 1, "hold_s": 20.0, "rpe": 7.0}]
    assert ask("edit_set", store, {"hold": "0"}, plank)["error"]["field"] == "hold"
    apply(store, ask("edit_set", store, {"reps": "6", "load": ""}, {"exercise": "single_leg_squat", "set": 0}))
    assert draft(store)["sets"]["single_leg_squat"] == [{"reps": 6}]


# --- Correcting and deleting a finished session ---------------------------------------------------


def test_the_history_offers_an_edit_button_per_session() -> None:
    store = empty() | {"strength": {LAST_WEEK["id"]: LAST_WEEK}}
    html = ask("compute", store)["html"]
    assert buttons(html, "edit_session") == [{"id": LAST_WEEK["id"]}]
    assert 'aria-label="Edit or delete the session of Monday 16 November"' in html
    editing = ask("edit_session", store, {}, {"id": LAST_WEEK["id"]})
    assert editing["ops"] == [] and "Correcting the Session A of Monday 16 November" in text(editing["html"])
    assert len(buttons(editing["html"], "save_logged_set")) == 5
    gone = ask("edit_session", store, {}, {"id": "nope"})
    assert gone["ops"] == [] and "no longer in your log" in gone["html"]


def test_correcting_a_finished_session_changes_that_set_and_those_numbers_only() -> None:
    store = a_finished_session()
    ((ident, before),) = store["strength"].items()
    args = {"id": ident, "entry": 0, "set": 2}
    reply = apply(store, ask("save_logged_set", store, {"reps": "3", "load": "65", "rpe": "9.5"}, args))
    after = store["strength"][ident]
    corrected = {"reps": 3, "load_kg": 65.0, "rpe": 9.5}
    assert after["exercises"][0]["sets"] == [{"reps": 5, "load_kg": 60.0}] * 2 + [corrected]
    assert after["exercises"][1:] == before["exercises"][1:]
    assert {k: v for k, v in after.items() if k != "exercises"} == {k: v for k, v in before.items() if k != "exercises"}
    assert "Set 3 of Romanian deadlift corrected: 3 × 65 kg @ RPE 9.5." in text(reply["html"])
    reply = apply(store, ask("save_session", store, {"duration": "52", "session_rpe": "8"}, {"id": ident}))
    assert (store["strength"][ident]["duration_min"], store["strength"][ident]["rpe"]) == (52.0, 8.0)
    assert "Saved: 52 min at session RPE 8." in text(reply["html"])
    # the week's volume follows: the corrected set in kg, the Nordic curls as reps
    assert "Mon 23 Nov 1 4 795 kg + 3 bodyweight reps 416" in text(ask("compute", store)["html"])


@pytest.mark.parametrize(
    ("action", "values", "field", "words"),
    [
        (
            "save_session",
            {"duration": "0", "session_rpe": "7"},
            "duration",
            "The Session A of Monday 23 November, minutes",
        ),
        ("save_session", {"duration": "45", "session_rpe": "12"}, "session_rpe", "between 1 and 10"),
        ("save_session", {"duration": "", "session_rpe": "7"}, "duration", "between 1 and 600 min"),
        ("save_logged_set", {"reps": "101", "load": "60"}, "reps", "Set 1 of Romanian deadlift, reps"),
        ("save_logged_set", {"reps": "5", "load": "600"}, "load", "more than 0, up to 500"),
        ("save_logged_set", {"reps": "5", "load": "0"}, "load", "Set 1 of Romanian deadlift, load: 0 kg is out of"),
    ],
)
def test_a_bad_correction_of_a_finished_session_changes_nothing(
    action: str, values: dict[str, str], field: str, words: str
) -> None:
    store = a_finished_session()
    ident = next(iter(store["strength"]))
    before = snapshot(store)
    reply = ask(action, store, values, {"id": ident, "entry": 0, "set": 0})
    assert reply["ok"] is False and reply["error"]["field"] == field and words in reply["error"]["message"]
    assert snapshot(store) == before


def test_removing_a_set_of_a_finished_session_asks_first() -> None:
    store = a_finished_session()
    ident = next(iter(store["strength"]))
    args = {"id": ident, "entry": 1, "set": 0}
    asked = ask("remove_logged_set", store, {}, args)
    assert asked["ops"] == []
    (question,) = asked["effects"]
    assert question["type"] == "confirm" and question["args"] == args
    assert (
        question["message"]
        == "Remove set 1 of Nordic hamstring curl (3 reps, bodyweight) from the Session A of Monday 23 November?"
    )
    apply(store, ask("remove_logged_set", store, {"confirmed": "yes"}, args))
    assert [e["exercise"] for e in store["strength"][ident]["exercises"]] == ["romanian_deadlift"]
    assert ask("remove_logged_set", store, {"confirmed": "yes"}, args)["error"]["field"] == "history"


def test_deleting_a_finished_session_asks_first_and_can_be_undone() -> None:
    store = a_finished_session()
    store["strength"][LAST_WEEK["id"]] = LAST_WEEK
    ident = next(i for i in store["strength"] if i != LAST_WEEK["id"])
    kept = store["strength"][ident]
    asked = ask("delete_session", store, {}, {"id": ident})
    assert asked["ops"] == [] and asked["effects"][0]["args"] == {"id": ident}
    assert asked["effects"][0]["action"] == "delete_session"
    reply = apply(store, ask("delete_session", store, {"confirmed": "yes"}, {"id": ident}))
    assert reply["ops"] == [{"op": "delete", "collection": "strength", "id": ident}]
    assert list(store["strength"]) == [LAST_WEEK["id"]]
    assert "The Session A of Monday 23 November was deleted." in text(reply["html"])
    (undo,) = buttons(reply["html"], "restore_session")
    back = apply(store, ask("restore_session", store, {}, undo))
    assert store["strength"][ident] == kept and "is back in your log" in text(back["html"])
    twice = ask("restore_session", store, {}, undo)
    assert twice["ops"] == [] and "already in your log" in twice["html"]
    broken = ask("restore_session", store, {}, {"session": {"id": ident}})
    assert broken["ok"] is False and broken["error"]["field"] == "history"


# --- Stored sessions that do not read -------------------------------------------------------------

#: A session filed under another id than its own, and one with no date that reads.
BAD_DATED = LAST_WEEK | {"date": "2026-10-01"}
BAD_UNDATED = {"id": "x", "date": "yesterday"}


@pytest.mark.parametrize(
    ("stored", "words"),
    [
        (
            {"bad": BAD_DATED},
            "1 stored session could not be read; it is left untouched and not counted here. "
            "Delete it if you do not need it, or log it again with the right numbers.",
        ),
        (
            {"bad": BAD_DATED, "worse": BAD_UNDATED},
            "2 stored sessions could not be read; they are left untouched and not counted here. "
            "Delete them if you do not need them, or log them again with the right numbers.",
        ),
    ],
)
def test_unreadable_stored_sessions_are_worded_for_one_and_many(stored: dict[str, Any], words: str) -> None:
    store = empty() | {"strength": stored | {LAST_WEEK["id"]: LAST_WEEK}}
    assert words in text(ask("compute", store)["html"])


def test_each_unreadable_stored_session_is_listed_by_date_or_as_undated_with_a_delete_button() -> None:
    store = empty() | {"strength": {"worse": BAD_UNDATED, "bad": BAD_DATED, LAST_WEEK["id"]: LAST_WEEK}}
    html = ask("compute", store)["html"]
    assert "<strong>Thursday 1 October</strong>: Its id does not match the id it is filed under." in html
    assert "<strong>undated</strong>: A session's id is 32 digits and letters a–f" in unescape(html)
    assert buttons(html, "delete_unreadable") == [{"id": "bad"}, {"id": "worse"}]  # newest first, undated last
    assert 'aria-label="Delete the unreadable session of Thursday 1 October"' in html
    assert 'aria-label="Delete undated unreadable session 2"' in html


def test_deleting_an_unreadable_stored_session_asks_first_says_it_cannot_be_undone_and_deletes_only_it() -> None:
    store = empty() | {"strength": {"bad": BAD_DATED, "worse": BAD_UNDATED, LAST_WEEK["id"]: LAST_WEEK}}
    before = snapshot(store)
    asked = ask("delete_unreadable", store, {}, {"id": "worse"})
    assert asked["ops"] == [] and snapshot(store) == before
    (question,) = asked["effects"]
    assert question["type"] == "confirm" and question["action"] == "delete_unreadable"
    assert question["args"] == {"id": "worse"}
    assert question["message"] == (
        "Delete the undated stored session that could not be read? It cannot be read, so this cannot be undone."
    )
    reply = apply(store, ask("delete_unreadable", store, {"confirmed": "yes"}, {"id": "worse"}))
    assert reply["ops"] == [{"op": "delete", "collection": "strength", "id": "worse"}]
    assert sorted(store["strength"]) == sorted(["bad", LAST_WEEK["id"]])
    html = text(reply["html"])
    assert "Deleted the undated stored session that could not be read." in html
    assert "1 stored session could not be read; it is left untouched" in html
    asked = ask("delete_unreadable", store, {}, {"id": "bad"})
    assert asked["effects"][0]["message"].startswith(
        "Delete the stored session of Thursday 1 October that could not be read?"
    )


@pytest.mark.parametrize("ident", [LAST_WEEK["id"], "gone", None])
def test_delete_unreadable_leaves_a_session_that_reads_or_is_gone(ident: str | None) -> None:
    """A session that reads is deleted from its editor, with an undo; this button never deletes one."""
    store = empty() | {"strength": {"bad": BAD_DATED, LAST_WEEK["id"]: LAST_WEEK}}
    before = snapshot(store)
    reply = ask("delete_unreadable", store, {"confirmed": "yes"}, {"id": ident})
    assert reply["ops"] == [] and snapshot(store) == before
    assert "That unreadable session is no longer stored; nothing was changed." in text(reply["html"])


def test_a_sets_rpe_box_says_the_range_it_takes() -> None:
    """The correction's RPE box is one word wide: its name says the 1 to 10 it takes, from the parser's limits."""
    from calculators.strength import StrengthSet
    from calculators.ui.strength_set_edit import set_editor

    html = set_editor(
        StrengthSet(reps=5, load_kg=60.0),
        what="set 1 of Romanian deadlift",
        save=("s", {}),
        remove=("r", {}),
        unit="kg",
    )
    assert 'aria-label="RPE, set 1 of Romanian deadlift, 1 to 10"' in html
    assert 'aria-label="Reps, set 1 of Romanian deadlift"' in html  # reps say theirs when refused


def test_the_readers_own_lift_shows_and_logs_each_set_as_planned() -> None:
    """Sam's deadlift, three sets of 3 and a top single, comes back set by set a step heavier, not as its first set
    twice; "Done as prescribed" logs each set's own reps and load, and a set left out is asked about."""
    store = empty()
    sets = [{"reps": 3, "load_kg": 183.7}] * 3 + [{"reps": 1, "load_kg": 192.78}]
    last = {"exercise": "custom", "name": "Deadlift (Barbell)", "sets": sets}
    ident = "22222222-2222-4222-8222-222222222222"
    store["strength"] = {ident: {**LAST_WEEK, "id": ident, "kind": "custom", "source": "strong", "exercises": [last]}}
    miles = {"units": "mi"}
    reply = apply(store, ask("start", store, {"session": "custom", "custom_name": "Deadlift (Barbell)"}, profile=miles))
    html = text(reply["html"])
    assert "Today: 3 × 3 × 410 lb + 1 × 1 × 430 lb. Why: all sets completed: +5 lb." in html
    assert "Set 3: to do 3 × 410 lb · last time 3 × 405 lb" in html
    assert "Set 4: to do 1 × 430 lb · last time 1 × 425 lb" in html
    lift = {"exercise": "custom:deadlift (barbell)"}
    for index in range(3):
        apply(store, ask("log_set", store, {}, lift | {"set": index}, profile=miles))
    logged = draft(store)["sets"]["custom:deadlift (barbell)"]
    assert [(s["reps"], round(s["load_kg"], 1)) for s in logged] == [(3, 186.0)] * 3
    (question,) = ask("finish", store, {"duration": "40", "session_rpe": "8"}, profile=miles)["effects"]
    assert "Deadlift (Barbell): 3 of 4 sets" in question["message"]
    apply(store, ask("log_set", store, {}, lift | {"set": 3}, profile=miles))
    top = draft(store)["sets"]["custom:deadlift (barbell)"][3]
    assert (top["reps"], round(top["load_kg"], 1)) == (1, 195.0)  # 430 lb


def test_a_custom_sessions_picks_are_emptied_once_they_are_in_the_session() -> None:
    """Box jump, ticked for last week's custom session, stayed ticked: this week's custom session took it unseen and
    finishing asked about "Box jump: 0 of 4 sets". The picks are emptied once they are in a session (started or
    added to); Session A or B, which takes no picks, leaves them as they are."""
    picks = {"type": "clear", "fields": ["exercises", "custom_name"]}
    store = empty()
    started = apply(store, ask("start", store, {"session": "custom", "exercises": "box_jump", "custom_name": "Sled"}))
    assert picks in started["effects"]
    added = apply(store, ask("add_exercise", store, {"exercises": "hip_thrust", "custom_name": ""}))
    assert picks in added["effects"]
    already = ask("add_exercise", store, {"exercises": "hip_thrust"})  # nothing new added: the picks stay to change
    assert already["ok"] and picks not in already["effects"]
    other = empty()
    assert picks not in apply(other, ask("start", other, {"session": "A", "exercises": "box_jump"}))["effects"]

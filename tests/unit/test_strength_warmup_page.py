"""The strength log page's warm-ups: "Log as warm-up" takes no work set's place, shows as "Warm-up: 5 × 60 kg",
can be removed, and is saved marked as a warm-up."""

from __future__ import annotations

from typing import Any

from tests.unit.test_strength_edits import buttons
from tests.unit.test_strength_page import LAST_WEEK, apply, ask, empty, log_whole_session, next_button, text

RDL = {"exercise": "romanian_deadlift"}


def test_a_warm_up_takes_no_work_set_and_shows_as_a_warm_up() -> None:
    store = empty() | {"strength": {LAST_WEEK["id"]: LAST_WEEK}}
    apply(store, ask("start", store, {"session": "A"}))
    reply = apply(store, ask("log_warmup", store, {"reps": "5", "load": "60"}, RDL))
    draft = store["strength_draft"]["current"]
    assert draft["warmups"] == {"romanian_deadlift": [{"reps": 5, "load_kg": 60.0, "warmup": True}]}
    assert draft["sets"] == {}
    html = text(reply["html"])
    assert "Warm-up of Romanian deadlift logged: 5 × 60 kg. It does not count as a work set." in html
    assert "Warm-up: 5 × 60 kg Remove" in html
    # Set 1 is still to do, with last week's set 1 beside it, and all four work sets can be logged.
    assert "Set 1: to do 5 × 62.5 kg · last time 5 × 60 kg @ RPE 7" in html and "Set 4: to do" in html
    assert next_button(reply["html"]) == {"exercise": "romanian_deadlift", "set": 0}


def test_a_warm_up_without_reps_is_refused_naming_the_field_and_nothing_changes() -> None:
    store = empty()
    apply(store, ask("start", store, {"session": "A"}))
    before = dict(store["strength_draft"]["current"])
    error = ask("log_warmup", store, {"load": "60"}, RDL)["error"]
    assert error["field"] == "reps" and "Warm-up of Romanian deadlift" in error["message"]
    error = ask("log_warmup", store, {"reps": "5"}, RDL)["error"]
    assert error["field"] == "load" and "Warm-up of Romanian deadlift: enter the bar's total" in error["message"]
    assert store["strength_draft"]["current"] == before


def test_a_warm_up_is_removed_without_touching_the_work_sets() -> None:
    store = empty()
    apply(store, ask("start", store, {"session": "A"}))
    apply(store, ask("log_warmup", store, {"reps": "5", "load": "60"}, RDL))
    apply(store, ask("log_set", store, {"load": "80"}, RDL | {"set": 0}))
    reply = apply(store, ask("remove_warmup", store, {}, RDL | {"warmup": 0}))
    assert "Warm-up of Romanian deadlift removed (5 × 60 kg)." in text(reply["html"])
    draft = store["strength_draft"]["current"]
    assert "warmups" not in draft and draft["sets"]["romanian_deadlift"] == [{"reps": 5, "load_kg": 80.0}]


def test_a_finished_session_stores_the_warm_up_marked_and_counts_only_the_work_sets() -> None:
    store = empty()
    apply(store, ask("start", store, {"session": "A"}))
    apply(store, ask("log_warmup", store, {"reps": "5", "load": "40"}, RDL))
    log_whole_session(store, {"load": "60"})
    reply = apply(store, ask("finish", store, {"duration": "50", "session_rpe": "7"}))
    (session,) = store["strength"].values()
    rdl = session["exercises"][0]
    assert rdl["sets"][0] == {"reps": 5, "load_kg": 40.0, "warmup": True} and len(rdl["sets"]) == 5
    html = text(reply["html"])
    # The same volume as the session without its warm-up (test_strength_page's 4,080 kg), four work sets.
    assert "Volume 4,080 kg + 27 bodyweight reps" in html
    assert "Romanian deadlift Warm-up: 5 × 40 kg. 5 × 60 kg; 5 × 60 kg; 5 × 60 kg; 5 × 60 kg 70 kg" in html
    assert "Romanian deadlift 4 × 5 × 62.5 kg all sets completed: +2.5 kg" in html


def a_finished_session_with_a_warm_up() -> tuple[dict[str, Any], str]:
    store = empty()
    apply(store, ask("start", store, {"session": "A"}))
    apply(store, ask("log_warmup", store, {"reps": "5", "load": "40"}, RDL))
    log_whole_session(store, {"load": "60"})
    apply(store, ask("finish", store, {"duration": "50", "session_rpe": "7"}))
    (ident,) = store["strength"]
    return store, ident


def test_a_warm_up_of_a_finished_session_is_corrected_from_the_edit_screen_and_stays_a_warm_up() -> None:
    store, ident = a_finished_session_with_a_warm_up()
    editing = ask("edit_session", store, {}, {"id": ident})["html"]
    assert buttons(editing, "save_logged_set")[0] == {"id": ident, "entry": 0, "warmup": 0}
    assert 'aria-label="Save warm-up 1 of Romanian deadlift"' in editing
    assert 'aria-label="Remove warm-up 1 of Romanian deadlift"' in editing
    before = store["strength"][ident]["exercises"][0]["sets"]
    reply = apply(
        store, ask("save_logged_set", store, {"reps": "8", "load": "50"}, {"id": ident, "entry": 0, "warmup": 0})
    )
    assert "Warm-up 1 of Romanian deadlift corrected: 8 × 50 kg." in text(reply["html"])
    # Still first and still a warm-up; the four work sets are as they were.
    assert store["strength"][ident]["exercises"][0]["sets"] == [
        {"reps": 8, "load_kg": 50.0, "warmup": True},
        *before[1:],
    ]


def test_a_bad_warm_up_correction_names_the_warm_up_and_the_field_and_changes_nothing() -> None:
    store, ident = a_finished_session_with_a_warm_up()
    before = dict(store["strength"])
    error = ask("save_logged_set", store, {"reps": "5", "load": "0"}, {"id": ident, "entry": 0, "warmup": 0})["error"]
    assert error["field"] == "load" and error["message"].startswith("Warm-up 1 of Romanian deadlift, load: 0 kg is out")
    gone = ask("save_logged_set", store, {"reps": "5", "load": "40"}, {"id": ident, "entry": 0, "warmup": 1})["error"]
    assert gone["message"] == "That warm-up is no longer in the session; nothing was changed."
    assert store["strength"] == before


def test_a_warm_up_of_a_finished_session_is_removed_after_a_question_and_the_work_sets_stay() -> None:
    store, ident = a_finished_session_with_a_warm_up()
    args = {"id": ident, "entry": 0, "warmup": 0}
    asked = ask("remove_logged_set", store, {}, args)
    (question,) = asked["effects"]
    assert asked["ops"] == [] and question["args"] == args
    assert question["message"].startswith("Remove warm-up 1 of Romanian deadlift (5 × 40 kg) from the Session A of")
    reply = apply(store, ask("remove_logged_set", store, {"confirmed": "yes"}, args))
    assert "Removed warm-up 1 of Romanian deadlift (5 × 40 kg)." in text(reply["html"])
    assert store["strength"][ident]["exercises"][0]["sets"] == [{"reps": 5, "load_kg": 60.0}] * 4


def test_an_exercise_losing_its_last_work_set_keeps_its_warm_ups() -> None:
    store, ident = a_finished_session_with_a_warm_up()
    for _ in range(4):
        apply(store, ask("remove_logged_set", store, {"confirmed": "yes"}, {"id": ident, "entry": 0, "set": 0}))
    rdl = store["strength"][ident]["exercises"][0]
    assert rdl["exercise"] == "romanian_deadlift" and rdl["sets"] == [{"reps": 5, "load_kg": 40.0, "warmup": True}]


def test_finishing_with_only_warm_ups_says_why_and_names_the_buttons_and_keeps_the_warm_ups() -> None:
    """A session of ramp-up sets alone is not saved: the lifter is told a warm-up is not a work set, and either
    to log one or to tap "Discard this session"; the warm-ups stay in the session in progress."""
    store = empty()
    apply(store, ask("start", store, {"session": "A"}))
    apply(store, ask("log_warmup", store, {"reps": "5", "load": "40"}, RDL))
    before = dict(store["strength_draft"]["current"])
    reply = ask("finish", store, {"duration": "20", "session_rpe": "5", "confirmed": "yes"})
    assert reply["ok"] is False and reply["error"]["field"] == "sets"
    assert reply["error"]["message"] == (
        "This session has only warm-ups, and a warm-up is not a work set: a session is saved with at least one "
        "work set. To go on, log one with “Log set” and tap “Finish and save” "
        "again; or tap “Discard this session” to drop the session, its warm-ups too. "
        "Nothing was saved, and the warm-ups are still logged."
    )
    assert store["strength_draft"]["current"] == before and not store["strength"]
    # One work set logged, the same Finish saves the session with its warm-up.
    apply(store, ask("log_set", store, {"load": "60"}, RDL | {"set": 0}))
    apply(store, ask("finish", store, {"duration": "20", "session_rpe": "5", "confirmed": "yes"}))
    (session,) = store["strength"].values()
    assert session["exercises"][0]["sets"] == [
        {"reps": 5, "load_kg": 40.0, "warmup": True},
        {"reps": 5, "load_kg": 60.0},
    ]


def test_finishing_with_nothing_logged_names_the_discard_button() -> None:
    store = empty()
    apply(store, ask("start", store, {"session": "A"}))
    error = ask("finish", store, {"duration": "20", "session_rpe": "5"})["error"]
    assert (
        error["message"] == "Log at least one set before finishing, or tap “Discard this session” to drop the session."
    )

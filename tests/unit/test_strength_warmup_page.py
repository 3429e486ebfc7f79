"""The strength log page's warm-ups: "Log as warm-up" takes no work set's place, shows as "Warm-up: 5 × 60 kg",
can be removed, and is saved marked as a warm-up."""

from __future__ import annotations

from tests.unit.test_strength_page import LAST_WEEK, apply, ask, empty, log_whole_session, next_button, text

RDL = {"exercise": "romanian_deadlift"}


def test_a_warm_up_takes_no_work_set_and_shows_as_a_warm_up() -> None:
    store = empty() | {"strength": {LAST_WEEK["id"]: LAST_WEEK}}
    apply(store, ask("start", store, {"session": "A"}))
    reply = apply(store, ask("log_warmup", store, {"reps": "5", "load": "60"}, RDL))
    draft = store["strength_draft"]["current"]
    assert draft["warmups"] == {"romanian_deadlift": [{"reps": 5, "load_kg": 60.0, "warmup": True}]}
    assert draft["sets"] == {}
    assert {"type": "clear", "fields": ["reps", "load", "rpe", "hold"]} in reply["effects"]
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

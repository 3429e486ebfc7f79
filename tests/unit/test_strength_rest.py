"""The rest timer's −30 s / +30 s are kept for the exercise's next sets in the session, across a reload."""

from __future__ import annotations

import json
from typing import Any

import pytest

from calculators.errors import InputError
from calculators.ui.strength_state import Draft
from tests.unit.test_strength_edits import snapshot
from tests.unit.test_strength_page import apply, ask, empty, text

RDL = "romanian_deadlift"


def timer(reply: dict[str, Any]) -> dict[str, Any]:
    (found,) = (effect for effect in reply["effects"] if effect["type"] == "timer")
    return found


def session_a_with_one_rdl_set() -> tuple[dict[str, Any], dict[str, Any]]:
    store = empty()
    apply(store, ask("start", store, {"session": "A"}))
    return store, apply(store, ask("log_set", store, {"load": "100"}, {"exercise": RDL, "set": 0}))


def test_a_rest_changed_on_the_timer_is_the_next_sets_rest_of_that_exercise_only() -> None:
    """A heavy Romanian deadlift: the lifter took +30 s twice on the 3:00 timer. Set 2's timer starts at 4:00, and so
    does set 3's; the Nordic curl's keeps its usual 2:00."""
    store, logged = session_a_with_one_rdl_set()
    first = timer(logged)
    assert first["seconds"] == 180 and first["change"] == {"action": "set_rest", "args": {"exercise": RDL, "set": 0}}
    for seconds in (210, 240):  # what the page sends at each press: the whole rest the presses made
        kept = apply(store, ask("set_rest", store, {}, first["change"]["args"] | {"seconds": seconds}))
    assert store["strength_draft"]["current"]["rests"] == {RDL: 240}
    # The page answers as it was, so a screen reader hears the timer's own words only; the new rest is shown.
    assert text(kept["html"]).startswith("Set 1 of Romanian deadlift logged: 5 × 100 kg (1 of 18 sets).")
    assert "Rest between sets today: 4 minutes, as you set it on the timer." in text(kept["html"])
    second = timer(apply(store, ask("log_set", store, {}, {"exercise": RDL, "set": 1})))
    assert (second["seconds"], second["started"]) == (240, "Rest timer started: 4 minutes.")
    assert timer(apply(store, ask("log_set", store, {}, {"exercise": RDL, "set": 2})))["seconds"] == 240
    assert timer(apply(store, ask("log_set", store, {}, {"exercise": "nordic_curl", "set": 0})))["seconds"] == 120


def test_the_changed_rest_is_kept_in_the_session_in_progress_and_ends_with_it() -> None:
    store, logged = session_a_with_one_rdl_set()
    apply(store, ask("set_rest", store, {}, timer(logged)["change"]["args"] | {"seconds": 150}))
    stored = store["strength_draft"]["current"]
    assert Draft.from_dict(json.loads(json.dumps(stored))).rests == {RDL: 150}  # a reload reads it back
    apply(store, ask("discard", store, {"confirmed": "yes"}))
    apply(store, ask("start", store, {"session": "A"}))
    assert timer(ask("log_set", store, {"load": "100"}, {"exercise": RDL, "set": 0}))["seconds"] == 180


def test_a_custom_lift_rests_120_s_until_the_lifter_changes_it() -> None:
    store = empty()
    apply(store, ask("start", store, {"session": "custom", "custom_name": "Back squat"}))
    key = "custom:back squat"
    first = timer(apply(store, ask("log_set", store, {"reps": "5", "load": "100"}, {"exercise": key, "set": 0})))
    assert first["seconds"] == 120
    apply(store, ask("set_rest", store, {}, first["change"]["args"] | {"seconds": 90}))
    again = apply(store, ask("log_set", store, {"reps": "5", "load": "100"}, {"exercise": key, "set": 1}))
    assert timer(again)["seconds"] == 90


@pytest.mark.parametrize("seconds", [0, 20, 1830, 150.5, "150", True, None])
def test_a_rest_out_of_range_is_refused_and_changes_nothing(seconds: object) -> None:
    store, logged = session_a_with_one_rdl_set()
    before = snapshot(store)
    reply = ask("set_rest", store, {}, timer(logged)["change"]["args"] | {"seconds": seconds})
    assert reply["ok"] is False and reply["error"]["field"] == "rest"
    assert reply["error"]["message"] == (
        "Rest: a rest between sets is 30 seconds to 30 minutes; the next set of Romanian deadlift starts from its "
        "usual rest."
    )
    assert snapshot(store) == before


def test_a_rest_chosen_for_a_lift_swapped_out_goes_with_it() -> None:
    """The rest chosen for the hip thrust is not the single-leg hip thrust's, and the draft still reads back."""
    store = empty()
    apply(store, ask("start", store, {"session": "A"}))
    draft = store["strength_draft"]["current"] | {"rests": {"hip_thrust": 150}}
    store["strength_draft"]["current"] = draft
    apply(store, ask("swap_exercise", store, {}, {"exercise": "hip_thrust"}))
    swapped = store["strength_draft"]["current"]
    assert swapped["swaps"] == {"hip_thrust": "single_leg_hip_thrust"} and "rests" not in swapped
    assert Draft.from_dict(swapped).rests == {}


def test_a_stored_rest_out_of_range_or_of_another_exercise_does_not_read() -> None:
    store = empty()
    apply(store, ask("start", store, {"session": "A"}))
    with pytest.raises(InputError):
        Draft.from_dict(store["strength_draft"]["current"] | {"rests": {RDL: 5}})
    with pytest.raises(InputError):
        Draft.from_dict(store["strength_draft"]["current"] | {"rests": {"box_jump": 90}})  # not in Session A

"""Swap or skip one exercise of Session A or B: the swap offers only the catalogue's pair and keeps each exercise's
history apart; a skip keeps its reason, is not missed at Finish and is no failure for progression."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from calculators.errors import InputError
from calculators.exercises import CATALOGUE, session_exercises
from calculators.strength import ExerciseLog
from calculators.strength_swaps import alternative
from calculators.ui.strength_state import Draft
from tests.unit.test_strength_page import LAST_WEEK, XSS, apply, ask, empty, log_whole_session, summary, text

RDL = {"exercise": "romanian_deadlift"}
SL_RDL = {"exercise": "single_leg_rdl"}
HIP_THRUST = {"exercise": "hip_thrust"}
FINISH = {"duration": "50", "session_rpe": "7"}


def started(kind: str = "A", gym: str = "gym") -> dict[str, Any]:
    store = empty() | {"strength": {LAST_WEEK["id"]: LAST_WEEK}}
    apply(store, ask("start", store, {"session": kind, "gym": gym}))
    return store


def saved(store: dict[str, Any]) -> dict[str, Any]:
    """The session just finished (the one that is not last week's)."""
    return next(s for s in store["strength"].values() if s["id"] != LAST_WEEK["id"])


def row(html: str, exercise: str) -> str:
    """One exercise's row of a prescription table, as text."""
    found = re.search(rf'<tr data-prescription="{exercise}"[^>]*>(.*?)</tr>', html, re.DOTALL)
    assert found, exercise
    return text(found.group(1))


def test_a_swap_offers_only_the_catalogues_pair_both_ways_and_nothing_in_session_b() -> None:
    for ex in session_exercises("A"):
        other = alternative("A", ex.id)
        assert (other.id if other else None) == ex.no_gym
        if other is not None:  # and back: the stand-in, in a no-gym Session A, swaps for its barbell lift
            assert alternative("A", other.id) == ex
    # Session B's own single-leg calf raise stands in for nothing there: the heavy calf raise would come twice a week.
    assert all(alternative("B", ex.id) is None for ex in session_exercises("B"))
    assert alternative("custom", "romanian_deadlift") is None


def test_the_session_screen_offers_swap_and_skip_named_with_the_exercise() -> None:
    store = started()
    html = ask("compute", store)["html"]
    assert 'aria-label="Swap Romanian deadlift for Single-leg Romanian deadlift"' in html
    assert 'aria-label="Skip Romanian deadlift today"' in html
    assert 'aria-label="Skip Nordic hamstring curl today"' in html
    # The Nordic curl has no pair in the catalogue: nothing invented to swap it for.
    assert 'aria-label="Swap Nordic hamstring curl' not in html
    # Session B has no barbell lift, and a no-gym session has its stand-ins already and no barbell to swap back to.
    for kind, gym in (("B", "gym"), ("A", "none")):
        other = started(kind, gym)
        assert 'data-action="swap_exercise"' not in ask("compute", other)["html"]
        refused = ask("swap_exercise", other, {}, {"exercise": session_exercises(kind, gym=gym == "gym")[0].id})
        assert not refused["ok"] and "“Skip today” leaves it out" in refused["error"]["message"]


def test_a_swap_is_logged_under_its_own_id_from_its_own_history_and_keeps_the_lifts_history_apart() -> None:
    store = started()
    reply = apply(store, ask("swap_exercise", store, {}, RDL))
    assert store["strength_draft"]["current"]["swaps"] == {"romanian_deadlift": "single_leg_rdl"}
    assert summary(reply).startswith("Romanian deadlift swapped for Single-leg Romanian deadlift: today 3 × 8")
    html = text(reply["html"])
    assert "Instead of Romanian deadlift today." in html and "first session" in html
    # A reload reads the swap back from the stored draft.
    assert "Single-leg Romanian deadlift Today: 3 × 8" in text(ask("compute", store)["html"])
    log_whole_session(store, {"load": "60"}, as_shown=("single_leg_rdl",))
    reply = apply(store, ask("finish", store, FINISH))
    entry = saved(store)["exercises"][0]
    assert entry["exercise"] == "single_leg_rdl" and entry["replaces"] == "romanian_deadlift"
    assert len(entry["sets"]) == 3 and all(s["reps"] == 8 for s in entry["sets"])
    assert "Single-leg Romanian deadlift (instead of Romanian deadlift)" in text(reply["html"])
    # Next time the session is as planned; the barbell lift steps on from its own last session (4 × 5 × 60 kg, done
    # in full), not from the swap.
    later = ask("compute", store, today="2026-11-24")["html"]
    assert row(later, "romanian_deadlift").startswith("Romanian deadlift 4 × 5 × 62.5 kg all sets completed")
    # And the stand-in, swapped in again, moves on from its own first session: one more rep a set.
    apply(store, ask("start", store, {"session": "A"}, today="2026-11-24"))
    again = apply(store, ask("swap_exercise", store, {}, RDL, today="2026-11-24"))
    assert "3 × 9, bodyweight" in summary(again)


def test_a_swapped_exercise_swaps_back_and_one_with_sets_logged_is_not_swapped() -> None:
    store = started()
    apply(store, ask("swap_exercise", store, {}, RDL))
    back = apply(store, ask("swap_exercise", store, {}, SL_RDL))
    assert "swaps" not in store["strength_draft"]["current"]
    assert summary(back).startswith("Single-leg Romanian deadlift swapped for Romanian deadlift: today 4 × 5 × 62.5 kg")
    apply(store, ask("log_set", store, {}, RDL | {"set": 0}))
    before = json.dumps(store, sort_keys=True)
    refused = ask("swap_exercise", store, {}, RDL)
    assert not refused["ok"] and "Romanian deadlift has sets logged" in refused["error"]["message"]
    assert json.dumps(store, sort_keys=True) == before
    assert 'aria-label="Swap Romanian deadlift' not in ask("compute", store)["html"]


def test_a_skip_keeps_its_reason_is_not_missed_at_finish_and_shows_in_history_as_skipped() -> None:
    store = started()
    reply = apply(store, ask("skip_exercise", store, {"skip_reason": "  machine   taken "}, HIP_THRUST))
    assert store["strength_draft"]["current"]["skips"] == {"hip_thrust": "machine taken"}
    assert summary(reply) == "Hip thrust skipped today (machine taken): not counted as missed."
    assert "0 of 14 sets" in text(ask("compute", store)["html"])  # 18 less the hip thrust's 4
    log_whole_session(store, {"load": "60"})
    reply = apply(store, ask("finish", store, FINISH))  # no "Not every prescribed set is logged" question
    assert not any(effect["type"] == "confirm" for effect in reply["effects"])
    entry = next(e for e in saved(store)["exercises"] if e["exercise"] == "hip_thrust")
    assert entry == {"exercise": "hip_thrust", "skipped": True, "skip_reason": "machine taken", "sets": []}
    assert "Hip thrust (skipped: machine taken)" in text(ask("compute", store)["html"])


def test_an_exercise_left_undone_without_a_skip_is_still_asked_about() -> None:
    store = started()
    apply(store, ask("skip_exercise", store, {}, HIP_THRUST))
    apply(store, ask("unskip_exercise", store, {}, HIP_THRUST))
    assert "skips" not in store["strength_draft"]["current"]
    log_whole_session(store, {"load": "60"})
    apply(store, ask("undo_set", store, {}, HIP_THRUST))
    asked = ask("finish", store, FINISH)
    assert asked["ops"] == [] and "Hip thrust: 3 of 4 sets" in asked["effects"][0]["message"]


def test_after_a_skip_the_next_session_prescribes_as_it_would_have_without_it() -> None:
    """Last week's deadlift was done in full; skipped today, it is no failure: the next session (three days on, or a
    week on) prescribes the same as a log without today's session would, and a week on its reason says the session was
    skipped, with the reason given, where the log without it says one was missed."""
    store = started()
    apply(store, ask("skip_exercise", store, {"skip_reason": "sore"}, RDL))
    log_whole_session(store, {"load": "60"})
    apply(store, ask("finish", store, FINISH))
    without = {"strength": {LAST_WEEK["id"]: LAST_WEEK}, "strength_draft": {}}
    for day in ("2026-11-26", "2026-11-30"):
        after_skip = row(ask("compute", store, today=day)["html"], "romanian_deadlift")
        skipped = after_skip.replace(", skipped on Monday 23 November (sore)", " (one missed)")
        assert skipped == row(ask("compute", without, today=day)["html"], "romanian_deadlift")
        assert "missed reps" not in after_skip and "not completed" not in after_skip and "deload" not in after_skip
    assert "62.5 kg" in row(ask("compute", store, today="2026-11-26")["html"], "romanian_deadlift")
    assert "skipped on Monday 23 November (sore)" in row(
        ask("compute", store, today="2026-11-30")["html"], "romanian_deadlift"
    )


def test_a_set_logged_for_a_skipped_exercise_after_all_is_kept_and_ends_the_skip() -> None:
    """A second tab still showing the exercise logs a set: the set is kept, the exercise is done, not skipped."""
    store = started()
    apply(store, ask("skip_exercise", store, {}, RDL))
    apply(store, ask("log_set", store, {}, RDL | {"set": 0}))
    draft = store["strength_draft"]["current"]
    assert "skips" not in draft and len(draft["sets"]["romanian_deadlift"]) == 1


def test_a_skip_reason_is_shown_as_text_and_a_long_one_is_refused_naming_the_field() -> None:
    store = started()
    reply = apply(store, ask("skip_exercise", store, {"skip_reason": XSS}, RDL))
    assert XSS not in reply["html"] and "&lt;img" in reply["html"]
    store = started()
    before = json.dumps(store, sort_keys=True)
    refused = ask("skip_exercise", store, {"skip_reason": "x" * 101}, HIP_THRUST)
    assert not refused["ok"] and refused["error"]["field"] == "skip_reason"
    assert refused["error"]["message"] == "Reason: at most 100 characters; this one has 101."
    assert json.dumps(store, sort_keys=True) == before


def test_a_stored_draft_with_a_swap_the_catalogue_does_not_pair_is_set_aside_not_obeyed() -> None:
    store = started()
    store["strength_draft"]["current"]["swaps"] = {"nordic_curl": "pogo_hops"}
    html = text(ask("compute", store)["html"])
    assert "A session in progress could not be read; it is left untouched." in html
    with pytest.raises(InputError):
        Draft.from_dict(store["strength_draft"]["current"])


def test_the_saved_record_reads_back_and_a_skipped_exercise_with_work_sets_is_refused() -> None:
    entry = ExerciseLog(exercise="hip_thrust", skipped=True, skip_reason="sore")
    assert ExerciseLog.from_dict(entry.to_dict()) == entry
    swapped = ExerciseLog.from_dict({"exercise": "single_leg_rdl", "replaces": "romanian_deadlift", "sets": []})
    assert swapped.replaces == "romanian_deadlift" and CATALOGUE[swapped.replaces].no_gym == swapped.exercise
    with pytest.raises(InputError) as error:
        ExerciseLog.from_dict({"exercise": "hip_thrust", "skipped": True, "sets": [{"reps": 5}]})
    assert error.value.field == "exercise.skipped"

"""The reader's own lifts: typed names find the lift already logged, and a lift can be renamed or merged, undoably."""

from __future__ import annotations

import json
import re
from html import unescape
from typing import Any

from calculators.strength import personal_records
from calculators.ui.strength_state import read_state
from tests.unit.test_strength_page import LAST_WEEK, apply, ask, empty, text

IMPORTED = "33333333-3333-4333-8333-333333333333"
TYPED = "44444444-4444-4444-8444-444444444444"


def lift(name: str, *sets: tuple[int, float]) -> dict[str, Any]:
    return {"exercise": "custom", "name": name, "sets": [{"reps": r, "load_kg": kg} for r, kg in sets]}


def two_squats() -> dict[str, Any]:
    """Squat (Barbell) from Strong two weeks ago, and "squat" typed here last week, each with a bench press."""
    store = empty()
    imported = {**LAST_WEEK, "id": IMPORTED, "date": "2026-11-09", "kind": "custom", "source": "strong"}
    imported["exercises"] = [lift("Squat (Barbell)", (5, 140.0)), lift("Bench Press (Barbell)", (5, 100.0))]
    typed = {**LAST_WEEK, "id": TYPED, "kind": "custom", "exercises": [lift("squat", (5, 142.5))]}
    store["strength"] = {IMPORTED: imported, TYPED: typed}
    return store


def undo_args(html: str) -> dict[str, Any]:
    (found,) = re.findall(r'data-action="undo_rename" data-args="([^"]+)"', html)
    value: dict[str, Any] = json.loads(unescape(found))
    return value


def test_a_typed_name_finds_the_lift_logged_under_its_strong_name() -> None:
    store = empty()
    imported = {**LAST_WEEK, "id": IMPORTED, "kind": "custom", "source": "strong"}
    imported["exercises"] = [lift("Squat (Barbell)", (5, 140.0))]
    store["strength"] = {IMPORTED: imported}
    reply = apply(store, ask("start", store, {"session": "custom", "custom_name": "squat"}))
    assert store["strength_draft"]["current"]["items"] == [{"exercise": "custom", "name": "Squat (Barbell)"}]
    assert "Squat (Barbell) Today: 1 × 5 × 142.5 kg." in text(reply["html"])


def test_the_add_box_suggests_the_readers_own_lift_names() -> None:
    store = two_squats()
    html = apply(store, ask("start", store, {"session": "custom"}))["html"]
    box = re.search(r'<input[^>]*name="custom_name"[^>]*>', html.split("data-add", 1)[1])
    assert box is not None and 'list="sl-strength-own-lifts"' in box.group(0)
    listed = re.search(r'<datalist id="sl-strength-own-lifts">(.*?)</datalist>', html)
    assert listed is not None
    assert re.findall(r'value="([^"]+)"', listed.group(1)) == ["Bench Press (Barbell)", "squat", "Squat (Barbell)"]


def suggested(html: str) -> list[str]:
    """The names the Add box's name box suggests (its datalist), in order."""
    box = re.search(r'<input[^>]*name="custom_name"[^>]*>', html)
    listed = re.search(r'<datalist id="sl-strength-own-lifts">(.*?)</datalist>', html)
    if box is None or listed is None or 'list="sl-strength-own-lifts"' not in box.group(0):
        return []
    return [unescape(name) for name in re.findall(r'value="([^"]+)"', listed.group(1))]


def test_the_edit_screens_add_box_suggests_the_same_names_as_the_session_in_progress() -> None:
    """A lifter from Strong adding a forgotten "Bench Press (Barbell)" to a finished session got no suggestion and
    typed "bench press", a new lift. The Edit screen's name box suggests the reader's own lifts as the live log's does,
    in the same order, less those the session has (its squat), and picks the one typed without brackets."""
    store = two_squats()
    live = suggested(ask("start", store, {"session": "custom"})["html"])
    assert live == ["Bench Press (Barbell)", "squat", "Squat (Barbell)"]
    editing = ask("edit_session", store, {}, {"id": TYPED})["html"]
    assert suggested(editing.split("data-add-exercise", 1)[1]) == ["Bench Press (Barbell)", "Squat (Barbell)"]
    apply(store, ask("add_logged_exercise", store, {"custom_name": "bench press", "reps": "5"}, {"id": TYPED}))
    assert store["strength"][TYPED]["exercises"][-1]["name"] == "Bench Press (Barbell)"
    # Each answer of the Edit screen keeps offering them (here after the added exercise: the session has it now).
    after = ask("edit_session", store, {}, {"id": TYPED})["html"]
    assert suggested(after.split("data-add-exercise", 1)[1]) == ["Squat (Barbell)"]


def test_merging_two_names_asks_first_then_makes_one_lift_and_can_be_undone() -> None:
    store = two_squats()
    before, stored = json.dumps(store, sort_keys=True), read_state(store).sessions
    key = {"key": "custom:squat"}
    asked = ask("rename_lift", store, {"new_name": "Squat (Barbell)"}, key)
    assert asked["ops"] == [] and json.dumps(store, sort_keys=True) == before
    (question,) = asked["effects"]
    assert question["type"] == "confirm" and question["message"].startswith("Merge “squat” into “Squat (Barbell)”?")
    merged = apply(store, ask("rename_lift", store, {"confirmed": "yes"}, question["args"]))
    assert "Merged “squat” into “Squat (Barbell)” in 1 session." in text(merged["html"])
    assert set(store["strength"]) == {IMPORTED, TYPED}  # the sessions keep their ids
    records = personal_records(read_state(store).sessions)
    assert "custom:squat" not in records and records["custom:squat (barbell)"].heaviest_kg == 142.5
    assert store["strength"][IMPORTED]["exercises"][1]["name"] == "Bench Press (Barbell)"
    undone = apply(store, ask("undo_rename", store, {}, undo_args(merged["html"])))
    assert "Undone: “squat” has its own name again in 1 session." in text(undone["html"])
    assert read_state(store).sessions == stored


def test_a_new_name_renames_at_once_and_a_bad_one_changes_nothing() -> None:
    store = two_squats()
    renamed = apply(
        store, ask("rename_lift", store, {"new_name": " Bench  press "}, {"key": "custom:bench press (barbell)"})
    )
    assert "Renamed “Bench Press (Barbell)” to “Bench press” in 1 session." in text(renamed["html"])
    assert store["strength"][IMPORTED]["exercises"][1]["name"] == "Bench press"
    before = json.dumps(store, sort_keys=True)
    for typed, words in (("", "Type the exercise's name"), ("RDL", "is the catalogue's Romanian deadlift")):
        refused = ask("rename_lift", store, {"new_name": typed}, {"key": "custom:squat"})
        assert refused["ok"] is False and refused["error"]["field"] == "new_name"
        assert words in refused["error"]["message"]
    assert json.dumps(store, sort_keys=True) == before


def test_a_lift_in_the_session_left_open_is_not_renamed_under_it() -> None:
    store = two_squats()
    apply(store, ask("start", store, {"session": "custom", "custom_name": "squat"}, today="2026-11-20"))
    before = json.dumps(store, sort_keys=True)
    reply = ask("rename_lift", store, {"new_name": "Back squat"}, {"key": "custom:squat"})
    assert reply["ops"] == [] and json.dumps(store, sort_keys=True) == before
    assert "“squat” is in the session left open: finish or discard it first" in text(reply["html"])

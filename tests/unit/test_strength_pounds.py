"""The strength log for a reader who lifts in pounds: loads typed and shown in pounds, stored in kilograms; box
heights typed and shown in inches, stored in centimetres."""

from __future__ import annotations

import copy
import re
from html import unescape
from typing import Any

import pytest

from .test_strength_page import LAST_WEEK, apply, ask, empty, next_button, text

MILES = {"units": "mi"}
KM = {"units": "km"}
RDL = {"exercise": "romanian_deadlift"}
NEXT_WEEK = "2026-11-30"


def draft_loads(store: dict[str, Any], exercise: str = "romanian_deadlift") -> list[float | None]:
    return [s.get("load_kg") for s in store["strength_draft"]["current"]["sets"].get(exercise, [])]


def box_value(html: str, label: str) -> str:
    """The value of the text box with the accessible name ``label``."""
    found = re.search(rf'<input[^>]*value="([^"]*)"[^>]*aria-label="{re.escape(label)}"', html)
    assert found, f"no box named {label!r}"
    return unescape(found.group(1))


def session_at_135_lb() -> dict[str, Any]:
    """A reader in miles logs four sets of 5 × 135 lb at RPE 7 on the Romanian deadlift and finishes."""
    store = empty()
    apply(store, ask("start", store, {"session": "A"}, profile=MILES))
    for index in range(4):
        values = {"reps": "5", "load": "135", "rpe": "7"}
        apply(store, ask("log_set", store, values, RDL | {"set": index}, profile=MILES))
    apply(store, ask("finish", store, {"duration": "45", "session_rpe": "7", "confirmed": "yes"}, profile=MILES))
    return store


def test_a_reader_in_miles_logs_135_and_sees_135_lb_stored_as_61_23_kg() -> None:
    store = empty()
    apply(store, ask("start", store, {"session": "A"}, profile=MILES))
    reply = apply(
        store, ask("log_set", store, {"reps": "5", "load": "135", "rpe": "7"}, RDL | {"set": 0}, profile=MILES)
    )
    assert draft_loads(store) == [61.23]  # 135 × 0.45359237, to the 10 g
    page = text(reply["html"])
    assert "Set 1: done 5 × 135 lb @ RPE 7" in page
    assert "Plates per side for 135 lb on a 45 lb bar: 45 lb." in page
    assert box_value(reply["html"], "Load (lb), set 1 of Romanian deadlift") == "135"
    assert " kg" not in page


def test_a_first_load_is_asked_for_in_the_readers_unit_beside_its_set() -> None:
    """A lift with no load prescribed yet asks for it in the set's own box, with its "Log set" button, in the reader's
    unit: not in the form's Load box, screens above on a phone."""
    store = empty()
    html = apply(store, ask("start", store, {"session": "A"}, profile=MILES))["html"]
    assert "5 reps at the load you choose, typed in its box here" in text(html)
    first_set = html.split('data-set="romanian_deadlift:0"', 1)[1].split("</li>", 1)[0]
    box = first_set.split("data-inputs>", 1)[1]  # the set's own box of inputs, its buttons last
    assert '<label><span>Load (lb)</span><input type="text" name="load" value=""' in box
    assert 'aria-label="Load (lb), set 1 of Romanian deadlift"' in box
    assert box.index('name="load"') < box.index(">Log set 1</button>") < box.index(">Log as warm-up</button>")


def test_after_a_completed_session_the_next_load_is_a_pound_load_above_the_last() -> None:
    """+2.5 kg becomes +5 lb (a 2.5 lb plate a side): 140 lb, loadable, and stored as 63.5 kg when done."""
    store = session_at_135_lb()
    finished = text(ask("compute", store, profile=MILES, today=NEXT_WEEK)["html"])
    assert "Romanian deadlift 4 × 5 × 140 lb all sets completed at RPE ≤ 8: +5 lb" in finished
    assert "2,700 lb" in finished  # 20 reps × 135 lb

    reply = apply(store, ask("start", store, {"session": "A"}, profile=MILES, today=NEXT_WEEK))
    page = text(reply["html"])
    assert "Today: 4 × 5 × 140 lb. Why: all sets completed at RPE ≤ 8: +5 lb." in page
    assert "Plates per side for 140 lb on a 45 lb bar: 45 + 2.5 lb." in page
    assert "to do 5 × 140 lb · last time 5 × 135 lb @ RPE 7" in page
    args = next_button(reply["html"])
    assert args == RDL | {"set": 0}
    done = apply(store, ask("log_set", store, {}, args, profile=MILES, today=NEXT_WEEK))
    assert draft_loads(store) == [63.5]  # the 140 lb on the bar, not 61.23 + 2.5 kg
    assert "Set 1: done 5 × 140 lb" in text(done["html"])


def test_the_finished_session_speaks_pounds() -> None:
    store = empty()
    apply(store, ask("start", store, {"session": "A"}, profile=MILES))
    for index in range(4):
        values = {"reps": "5", "load": "135", "rpe": "7"}
        apply(store, ask("log_set", store, values, RDL | {"set": index}, profile=MILES))
    values = {"duration": "45", "session_rpe": "7", "confirmed": "yes"}
    page = text(apply(store, ask("finish", store, values, profile=MILES))["html"])
    assert "Volume load 2,700 lb;" in page
    assert "Romanian deadlift 5 × 135 lb @ RPE 7; 5 × 135 lb @ RPE 7;" in page
    assert "Next Session A: the prescription and why" in page and "4 × 5 × 140 lb" in page


def test_loads_out_of_range_are_refused_in_pounds() -> None:
    store = empty()
    apply(store, ask("start", store, {"session": "A"}, profile=MILES))
    barbell = ask("log_set", store, {"reps": "5", "load": "1200"}, RDL | {"set": 0}, profile=MILES)
    assert barbell["error"] == {
        "code": "input",
        "field": "load",
        "message": "Set 1 of Romanian deadlift, load: 1200 lb is out of range. Enter the bar's total in lb, "
        "the bar included (an empty bar is 45 lb, or 35 lb): more than 0, up to 1100 lb.",
    }
    added = {"exercise": "bulgarian_split_squat", "set": 0}
    dumbbells = ask("log_set", store, {"reps": "6", "load": "1101"}, added, profile=MILES)
    assert dumbbells["error"]["message"] == (
        "Set 1 of Bulgarian split squat, load: 1101 lb is out of range. Enter a number between 0 and 1100 lb."
    )
    assert draft_loads(store) == []


def test_a_set_logged_in_kg_reads_in_pounds_and_a_correction_that_leaves_the_load_keeps_it() -> None:
    """60 kg is 132.3 lb; saving the box as it shows it (with a new RPE) must not store 60.01 kg."""
    store = empty()
    store["strength"][LAST_WEEK["id"]] = copy.deepcopy(LAST_WEEK)
    page = text(ask("compute", store, profile=MILES)["html"])
    assert "Romanian deadlift 4 × 5 × 135 lb" in page
    assert "the 132.3 lb logged is taken as 130 lb, as barbell loads move in 5 lb steps" in page

    ident = {"id": LAST_WEEK["id"]}
    editor = ask("edit_session", store, {}, ident, profile=MILES)["html"]
    assert box_value(editor, "Load (lb), set 1 of Romanian deadlift") == "132.3"
    values = {"reps": "5", "load": "132.3", "rpe": "8"}
    reply = apply(store, ask("save_logged_set", store, values, ident | {"entry": 0, "set": 0}, profile=MILES))
    stored = store["strength"][LAST_WEEK["id"]]["exercises"][0]["sets"][0]
    assert stored == {"reps": 5, "load_kg": 60.0, "rpe": 8.0}
    assert "Set 1 of Romanian deadlift corrected: 5 × 132.3 lb @ RPE 8." in text(reply["html"])
    changed = {"reps": "5", "load": "135", "rpe": "8"}
    apply(store, ask("save_logged_set", store, changed, ident | {"entry": 0, "set": 0}, profile=MILES))
    assert store["strength"][LAST_WEEK["id"]]["exercises"][0]["sets"][0]["load_kg"] == 61.23


def test_a_reader_in_kilometres_sees_nothing_change() -> None:
    """No profile and a profile in km read the same, in kg, as before pounds existed."""
    for profile in (None, KM):
        store = empty()
        store["strength"][LAST_WEEK["id"]] = copy.deepcopy(LAST_WEEK)
        page = text(ask("compute", store, profile=profile)["html"])
        assert "Romanian deadlift 4 × 5 × 62.5 kg all sets completed at RPE ≤ 8: +2.5 kg" in page
        assert "1,360 kg" in page and " lb" not in page
        reply = apply(store, ask("start", store, {"session": "A"}, profile=profile))
        assert "Plates per side for 62.5 kg on a 20 kg bar: 20 + 1.25 kg." in text(reply["html"])
        values = {"reps": "5", "load": "62.5", "rpe": "8"}
        logged = apply(store, ask("log_set", store, values, RDL | {"set": 0}, profile=profile))
        assert draft_loads(store) == [62.5]
        assert box_value(logged["html"], "Load (kg), set 1 of Romanian deadlift") == "62.5"


@pytest.mark.parametrize(
    ("profile", "shown", "stored_kg"),
    [
        ({"units": "mi", "weights": "kg"}, "5 × 60 kg", 60.0),  # miles, but lifts in kilograms
        ({"units": "km", "weights": "lb"}, "5 × 60 lb", 27.22),  # kilometres, but lifts in pounds
        ({"units": "mi"}, "5 × 60 lb", 27.22),  # an old profile: as its distances
    ],
)
def test_the_log_speaks_the_lifting_unit_chosen_in_the_profile(
    profile: dict[str, str], shown: str, stored_kg: float
) -> None:
    """Rule: the strength log types and shows loads in Profile.weight_unit, the profile's choice before the rule."""
    store = empty()
    apply(store, ask("start", store, {"session": "A"}, profile=profile))
    reply = apply(
        store, ask("log_set", store, {"reps": "5", "load": "60", "rpe": "7"}, RDL | {"set": 0}, profile=profile)
    )
    assert draft_loads(store) == [stored_kg]
    assert f"Set 1: done {shown} @ RPE 7" in text(reply["html"])


# --- box heights in inches ------------------------------------------------------------------------

BOX = {"exercise": "box_jump"}
#: Last week's box jumps, logged in centimetres (before the reader chose pounds): 35 cm is 13.8 in.
JUMPS_IN_CM = {
    "id": "22222222-2222-4222-8222-222222222222",
    "date": "2026-11-16",
    "kind": "B",
    "duration_min": 40,
    "rpe": 6,
    "exercises": [{"exercise": "box_jump", "target_reps": 5, "sets": [{"reps": 5, "height_cm": 35.0}] * 4}],
}


def draft_heights(store: dict[str, Any]) -> list[float | None]:
    return [s.get("height_cm") for s in store["strength_draft"]["current"]["sets"].get("box_jump", [])]


def test_a_reader_in_pounds_is_prescribed_a_12_inch_box_and_logs_it_as_30_48_cm() -> None:
    """Rule: box heights are shown and typed in inches for a reader who lifts in pounds, stored in cm."""
    store = empty()
    page = text(apply(store, ask("start", store, {"session": "B"}, profile=MILES))["html"])
    assert "Box jump Today: 4 × 5 contacts onto a 12 in box. Why: first session: a 12 in box." in page
    reply = apply(store, ask("log_set", store, {}, BOX | {"set": 0}, profile=MILES))
    assert draft_heights(store) == [30.48]  # 12 × 2.54
    assert "Set 1: done 5 reps at 12 in" in text(reply["html"])
    assert box_value(reply["html"], "Box height (in), set 1 of Box jump") == "12"
    assert " cm" not in text(reply["html"])


def test_a_reader_in_kilometres_still_jumps_in_centimetres() -> None:
    store = empty()
    page = text(apply(store, ask("start", store, {"session": "B"}, profile=KM))["html"])
    assert "onto a 30 cm box" in page
    reply = apply(store, ask("log_set", store, {}, BOX | {"set": 0}, profile=KM))
    assert draft_heights(store) == [30.0]
    assert box_value(reply["html"], "Box height (cm), set 1 of Box jump") == "30"


def test_a_box_height_is_corrected_in_inches_and_refused_outside_1_to_59_in() -> None:
    store = empty()
    apply(store, ask("start", store, {"session": "B"}, profile=MILES))
    apply(store, ask("log_set", store, {}, BOX | {"set": 0}, profile=MILES))
    where = BOX | {"set": 0}
    too_high = ask("edit_set", store, {"reps": "5", "height": "60"}, where, profile=MILES)
    assert too_high["error"] == {
        "code": "input",
        "field": "height",
        "message": "Set 1 of Box jump, box height: 60 in is out of range. Enter a number between 1 and 59 in.",
    }
    left_empty = ask("edit_set", store, {"reps": "5", "height": ""}, where, profile=MILES)
    assert left_empty["error"]["message"] == (
        "Set 1 of Box jump, box height: enter the height of the box, between 1 and 59 in."
    )
    assert draft_heights(store) == [30.48]  # nothing changed by bad input
    reply = apply(store, ask("edit_set", store, {"reps": "5", "height": "20"}, where, profile=MILES))
    assert draft_heights(store) == [50.8]
    assert "Set 1 of Box jump corrected: 5 reps at 20 in." in text(reply["html"])
    in_cm = ask("edit_set", store, {"reps": "5", "height": "151"}, where, profile=KM)
    assert in_cm["error"]["message"] == (
        "Set 1 of Box jump, box height: 151 cm is out of range. Enter a number between 1 and 150 cm."
    )


def test_a_box_logged_in_cm_reads_in_inches_and_a_correction_that_leaves_it_keeps_it() -> None:
    """35 cm is 13.8 in: the history and next week's box say inches, and saving the box as shown keeps 35 cm."""
    store = empty()
    store["strength"][JUMPS_IN_CM["id"]] = copy.deepcopy(JUMPS_IN_CM)
    page = text(ask("compute", store, profile=MILES)["html"])
    assert (
        "Box jump 4 × 5 contacts onto a 16 in box all sets completed: a 2 in higher box, same contacts; "
        "the 13.8 in box logged is taken as 14 in, as boxes go up in 2 in steps"
    ) in page

    ident = {"id": JUMPS_IN_CM["id"]}
    editor = ask("edit_session", store, {}, ident, profile=MILES)["html"]
    assert "5 reps at 13.8 in" in text(editor)
    assert box_value(editor, "Box height (in), set 1 of Box jump") == "13.8"
    values = {"reps": "5", "height": "13.8", "rpe": "6"}
    apply(store, ask("save_logged_set", store, values, ident | {"entry": 0, "set": 0}, profile=MILES))
    assert store["strength"][JUMPS_IN_CM["id"]]["exercises"][0]["sets"][0] == {"reps": 5, "rpe": 6.0, "height_cm": 35.0}
    changed = {"reps": "5", "height": "14"}
    apply(store, ask("save_logged_set", store, changed, ident | {"entry": 0, "set": 0}, profile=MILES))
    assert store["strength"][JUMPS_IN_CM["id"]]["exercises"][0]["sets"][0]["height_cm"] == 35.56


def test_box_heights_in_the_csv_export_stay_in_centimetres() -> None:
    """The export carries what is stored, in the unit its column names, whatever the reader's units."""
    store = empty()
    apply(store, ask("start", store, {"session": "B"}, profile=MILES))
    apply(store, ask("log_set", store, {}, BOX | {"set": 0}, profile=MILES))
    values = {"duration": "40", "session_rpe": "6", "confirmed": "yes"}
    finished = text(apply(store, ask("finish", store, values, profile=MILES))["html"])
    assert "Box jump 5 reps at 12 in" in finished
    csv_text = ask("export_csv", store, profile=MILES)["effects"][0]["text"]
    header, row = csv_text.splitlines()[:2]
    assert "Height (cm)" in header and ",30.48," in row


def test_the_next_sets_boxes_show_the_prescription_and_log_a_changed_number_and_its_rpe_with_the_set() -> None:
    """Sam lifts in pounds. After set 1 at 210 lb, set 2's own boxes show 5 reps and 210 lb, RPE empty: one tap logs
    it as prescribed, exactly the stored load. He typed RPE 7.5 and tapped: the set was saved as "5 × 210 lb" with no
    RPE, and a set without one reads as easy enough to add weight. Now the RPE and a changed load go with the set."""
    store = empty()
    apply(store, ask("start", store, {"session": "A"}, profile=MILES))
    first = apply(store, ask("log_set", store, {"reps": "5", "load": "210"}, RDL | {"set": 0}, profile=MILES))
    assert box_value(first["html"], "Reps, set 2 of Romanian deadlift") == "5"
    assert box_value(first["html"], "Load (lb), set 2 of Romanian deadlift") == "210"
    assert box_value(first["html"], "RPE, set 2 of Romanian deadlift, 1 to 10") == ""
    shown = {"reps": "5", "load": "210", "rpe": "7.5"}  # as the row sends its boxes, RPE typed
    second = apply(store, ask("log_set", store, shown, RDL | {"set": 1}, profile=MILES))
    sets = store["strength_draft"]["current"]["sets"]["romanian_deadlift"]
    assert sets[1] == {"reps": 5, "load_kg": sets[0]["load_kg"], "rpe": 7.5}  # the stored kg, not 210 lb again
    assert "Set 2 of Romanian deadlift logged: 5 × 210 lb, RPE 7.5 (2 of" in text(second["html"])
    changed = {"reps": "4", "load": "215", "rpe": "9"}
    apply(store, ask("log_set", store, changed, RDL | {"set": 2}, profile=MILES))
    assert store["strength_draft"]["current"]["sets"]["romanian_deadlift"][2] == {"reps": 4, "load_kg": 97.52, "rpe": 9}


def test_a_wrong_number_beside_a_set_names_that_set_and_box_and_logs_nothing() -> None:
    store = empty()
    apply(store, ask("start", store, {"session": "A"}, profile=MILES))
    apply(store, ask("log_set", store, {"reps": "5", "load": "210"}, RDL | {"set": 0}, profile=MILES))
    before = copy.deepcopy(store)
    refused = ask("log_set", store, {"reps": "5", "load": "210", "rpe": "75"}, RDL | {"set": 1}, profile=MILES)
    assert refused["ok"] is False and refused["error"]["field"] == "rpe"
    assert refused["error"]["message"].startswith("Set 2 of Romanian deadlift, RPE: 75 is out of range.")
    assert store == before


@pytest.mark.parametrize("typed", ["315lbs", "315 lb", "315 LBS", "315 pounds"])
def test_a_load_typed_with_the_boxs_own_unit_is_taken(typed: str) -> None:
    """Sam typed "315lbs" and "225 lb", as Strong lets him, and was told they were not numbers."""
    store = empty()
    apply(store, ask("start", store, {"session": "A"}, profile=MILES))
    apply(store, ask("log_set", store, {"reps": "1", "load": typed}, RDL | {"set": 0}, profile=MILES))
    assert draft_loads(store) == [142.88]  # 315 lb, stored in kg


@pytest.mark.parametrize(
    ("profile", "typed", "message"),
    [
        (MILES, "140 kg", "Set 1 of Romanian deadlift, load: “140 kg” is in kg, but this box takes lb."),
        (KM, "315lbs", "Set 1 of Romanian deadlift, load: “315lbs” is in lb, but this box takes kg."),
    ],
)
def test_a_load_typed_in_the_other_unit_is_refused_by_name_never_converted(
    profile: dict[str, str], typed: str, message: str
) -> None:
    store = empty()
    apply(store, ask("start", store, {"session": "A"}, profile=profile))
    before = copy.deepcopy(store)
    refused = ask("log_set", store, {"reps": "5", "load": typed}, RDL | {"set": 0}, profile=profile)
    assert refused["ok"] is False and refused["error"]["field"] == "load"
    assert refused["error"]["message"].startswith(message)
    assert store == before


@pytest.mark.parametrize("typed", ["0", "0 lb", "abc"])
def test_a_barbell_loads_range_never_offers_0_as_valid(typed: str) -> None:
    """ "“315lbs” is not a number. Enter a number between 0 and 1100 lb." offered 0, which a barbell lift refuses
    ("more than 0"): every message about a barbell's load now says the same range."""
    store = empty()
    apply(store, ask("start", store, {"session": "A"}, profile=MILES))
    refused = ask("log_set", store, {"reps": "5", "load": typed}, RDL | {"set": 0}, profile=MILES)
    message = refused["error"]["message"]
    assert message.endswith("(an empty bar is 45 lb, or 35 lb): more than 0, up to 1100 lb.")
    assert "between 0" not in message


def test_a_duration_typed_in_minutes_with_its_unit_is_taken() -> None:
    store = empty()
    apply(store, ask("start", store, {"session": "A"}, profile=MILES))
    apply(store, ask("log_set", store, {"reps": "5", "load": "135"}, RDL | {"set": 0}, profile=MILES))
    seconds = ask("finish", store, {"duration": "55 s", "session_rpe": "7", "confirmed": "yes"})
    assert seconds["error"]["message"].startswith("Duration: “55 s” is in s, but this box takes min.")
    saved = apply(store, ask("finish", store, {"duration": "55 min", "session_rpe": "7", "confirmed": "yes"}))
    assert saved["ok"] and [s["duration_min"] for s in store["strength"].values()] == [55]

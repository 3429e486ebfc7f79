"""A finished strength session corrected beyond its numbers: moved to its day, a set added, an exercise added."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from calculators.entry_dates import DateOutOfRange
from calculators.errors import InputError
from calculators.strength import (
    ExerciseLog,
    StrengthSession,
    StrengthSet,
    personal_records,
    volume_load,
    weekly_volume,
)
from calculators.strength_corrections import redated, with_exercise, with_set
from tests.unit.test_strength_edits import a_finished_session, buttons, snapshot
from tests.unit.test_strength_page import DAY, LAST_WEEK, a_plan_saved_last_week, apply, ask, empty, text, today_page

SESSION = StrengthSession(
    id="22222222-2222-4222-8222-222222222222",
    date=date(2026, 11, 23),
    kind="A",
    duration_min=45,
    rpe=7,
    exercises=(ExerciseLog(exercise="romanian_deadlift", sets=(StrengthSet(reps=5, load_kg=60.0),) * 3),),
)


# --- The edit functions ---------------------------------------------------------------------------


def test_a_date_change_re_dates_the_session_and_moves_its_week() -> None:
    moved = redated(SESSION, date(2026, 11, 22), stored=[SESSION], today=DAY)
    assert moved.date == date(2026, 11, 22) and replace(moved, date=SESSION.date) == SESSION
    # Sunday 22 November belongs to the week of Monday 16 November: the load leaves the week it was logged in.
    (week,) = weekly_volume([moved])
    assert week.week_start == date(2026, 11, 16) and week.session_load_au == 315


def test_a_date_in_the_future_is_refused_with_the_logs_words() -> None:
    with pytest.raises(DateOutOfRange) as error:
        redated(SESSION, date(2026, 11, 24), stored=[], today=DAY)
    assert error.value.field == "date"
    assert error.value.message == (
        "Date of the session (Tuesday 24 November) is in the future. Enter today (Monday 23 November) or an earlier "
        "date."
    )
    with pytest.raises(DateOutOfRange, match="more than ten years ago"):
        redated(SESSION, date(1900, 1, 1), stored=[], today=DAY)


def test_a_date_that_would_make_it_a_copy_of_a_stored_workout_is_refused() -> None:
    """strength_copies' rule: the same day, exercises and sets is one workout recorded twice."""
    twin = replace(SESSION, id="33333333-3333-4333-8333-333333333333", date=date(2026, 11, 20), rpe=5)
    with pytest.raises(InputError, match="already holds this same workout on Friday 20 November") as error:
        redated(SESSION, date(2026, 11, 20), stored=[twin], today=DAY)
    assert error.value.field == "date"
    other = replace(twin, exercises=(ExerciseLog(exercise="hip_thrust", sets=(StrengthSet(reps=8, load_kg=80),)),))
    assert redated(SESSION, date(2026, 11, 20), stored=[other], today=DAY).date == date(2026, 11, 20)


def test_an_added_set_counts_in_volume_and_records() -> None:
    heavier = with_set(SESSION, 0, StrengthSet(reps=3, load_kg=80.0))
    assert [s.load_kg for s in heavier.exercises[0].sets] == [60.0, 60.0, 60.0, 80.0]
    assert volume_load(heavier) == volume_load(SESSION) + 240
    record = personal_records([heavier])["romanian_deadlift"]
    assert (record.heaviest_kg, round(record.best_e1rm_kg or 0, 1)) == (80.0, 88.0)


def test_an_added_exercise_counts_and_one_already_there_is_refused() -> None:
    thrust = ExerciseLog(exercise="hip_thrust", sets=(StrengthSet(reps=8, load_kg=80.0),) * 2)
    added = with_exercise(SESSION, thrust)
    assert added.exercises[-1] == thrust and volume_load(added) == volume_load(SESSION) + 1280
    assert "hip_thrust" in personal_records([added])
    with pytest.raises(InputError, match="Romanian deadlift is in this session already") as error:
        with_exercise(SESSION, ExerciseLog(exercise="romanian_deadlift", sets=(StrengthSet(reps=1),)))
    assert error.value.field == "exercises"


# --- The Edit screen ------------------------------------------------------------------------------


def one_session(store: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    ((ident, value),) = store["strength"].items()
    return ident, value


def test_the_edit_screen_offers_the_date_a_set_per_exercise_and_an_exercise() -> None:
    store = a_finished_session()
    ident, _ = one_session(store)
    html = ask("edit_session", store, {}, {"id": ident})["html"]
    assert buttons(html, "redate_session") == [{"id": ident}]
    assert buttons(html, "add_logged_set") == [{"id": ident, "entry": 0}, {"id": ident, "entry": 1}]
    assert buttons(html, "add_logged_exercise") == [{"id": ident}]
    assert 'type="date" name="date" value="2026-11-23"' in html and 'max="2026-11-23"' in html
    # The new set starts from the last one: 5 × 60 kg, its RPE left to the reader.
    assert 'aria-label="Reps, new set 4 of Romanian deadlift" value="5"' not in html  # attributes in their order
    assert 'value="5" inputmode="numeric" autocomplete="off" aria-label="Reps, new set 4 of Romanian deadlift"' in html
    # Session A's exercises not logged yet are offered; the logged ones are not.
    assert '<option value="hip_thrust">Hip thrust</option>' in html
    assert 'value="romanian_deadlift"' not in html and 'value="nordic_curl"' not in html


def test_moving_a_session_stores_it_on_its_day_and_the_history_follows_with_an_undo() -> None:
    store = a_finished_session()
    ident, before = one_session(store)
    reply = apply(store, ask("redate_session", store, {"date": "2026-11-22"}, {"id": ident}))
    assert store["strength"][ident] == before | {"date": "2026-11-22"}
    assert "Moved the Session A of Monday 23 November to Sunday 22 November" in text(reply["html"])
    page = text(ask("compute", store)["html"])
    assert "Week of Mon 16 Nov 1 4" in page and "Week of Mon 23 Nov" not in page
    (undo,) = buttons(reply["html"], "redate_session")[:1]
    assert undo == {"id": ident, "date": "2026-11-23"}
    apply(store, ask("redate_session", store, {"date": "2026-11-22"}, undo))
    assert store["strength"][ident] == before


@pytest.mark.parametrize(
    ("day", "words"),
    [
        ("2026-11-24", "Date of the session (Tuesday 24 November) is in the future."),
        ("1900-01-01", "is more than ten years ago"),
        ("", "Date of the session: choose the day you lifted."),
    ],
)
def test_a_bad_date_names_the_field_and_changes_nothing(day: str, words: str) -> None:
    store = a_finished_session()
    ident, _ = one_session(store)
    before = snapshot(store)
    reply = ask("redate_session", store, {"date": day}, {"id": ident})
    assert reply["ok"] is False and reply["error"]["field"] == "date" and words in reply["error"]["message"]
    assert snapshot(store) == before


def test_moving_onto_a_day_with_another_session_asks_first() -> None:
    store = a_finished_session()
    ident, _ = one_session(store)
    store["strength"][LAST_WEEK["id"]] = LAST_WEEK
    asked = ask("redate_session", store, {"date": "2026-11-16"}, {"id": ident})
    assert asked["ops"] == []
    (question,) = asked["effects"]
    assert question["message"].startswith("You already logged Session A on Monday 16 November")
    assert question["args"] == {"id": ident, "date": "2026-11-16"}
    apply(store, ask("redate_session", store, {"confirmed": "yes"}, question["args"]))
    assert store["strength"][ident]["date"] == "2026-11-16"


def test_an_added_set_is_stored_after_the_last_and_counts_in_the_week_and_records() -> None:
    store = a_finished_session()
    ident, _ = one_session(store)
    reply = apply(
        store, ask("add_logged_set", store, {"reps": "3", "load": "80", "rpe": "9"}, {"id": ident, "entry": 0})
    )
    sets = store["strength"][ident]["exercises"][0]["sets"]
    assert sets[-1] == {"reps": 3, "load_kg": 80.0, "rpe": 9.0} and len(sets) == 4
    assert "Added set 4 of Romanian deadlift: 3 × 80 kg @ RPE 9." in text(reply["html"])
    page = text(ask("compute", store)["html"])
    assert "Mon 23 Nov 1 5 1,140 kg + 3 bodyweight reps" in page  # 3 × 5 × 60 + 3 × 80
    assert "Romanian deadlift 88 kg 80 kg 5" in page  # the records: e1RM, heaviest, most reps


@pytest.mark.parametrize(
    ("values", "field", "words"),
    [
        ({"reps": "101", "load": "60"}, "reps", "New set 4 of Romanian deadlift, reps"),
        ({"reps": "", "load": "60"}, "reps", "enter a whole number of reps"),
        ({"reps": "5", "load": "0"}, "load", "New set 4 of Romanian deadlift, load: 0 kg is out of range"),
        ({"reps": "5", "load": "60", "rpe": "11"}, "rpe", "between 1 and 10"),
    ],
)
def test_a_bad_added_set_names_the_field_and_changes_nothing(values: dict[str, str], field: str, words: str) -> None:
    store = a_finished_session()
    ident, _ = one_session(store)
    before = snapshot(store)
    reply = ask("add_logged_set", store, values, {"id": ident, "entry": 0})
    assert reply["ok"] is False and reply["error"]["field"] == field and words in reply["error"]["message"]
    assert snapshot(store) == before


def test_an_added_set_of_a_lift_in_pounds_is_stored_in_kg() -> None:
    store = a_finished_session()
    ident, _ = one_session(store)
    miles = {"units": "mi"}
    html = ask("edit_session", store, {}, {"id": ident}, profile=miles)["html"]
    assert 'name="load" value="132.3"' in html  # 60 kg, as the lb box shows it
    apply(store, ask("add_logged_set", store, {"reps": "5", "load": "132.3"}, {"id": ident, "entry": 0}, profile=miles))
    assert store["strength"][ident]["exercises"][0]["sets"][-1] == {"reps": 5, "load_kg": 60.0}  # kept exact


def test_an_added_exercise_gets_its_sets_and_the_days_prescription_as_its_targets() -> None:
    store = a_finished_session()
    ident, _ = one_session(store)
    values = {"exercises": "hip_thrust", "set_count": "3", "reps": "8", "load": "80"}
    reply = apply(store, ask("add_logged_exercise", store, values, {"id": ident}))
    added = store["strength"][ident]["exercises"][-1]
    assert added["exercise"] == "hip_thrust" and added["sets"] == [{"reps": 8, "load_kg": 80.0}] * 3
    assert added["target_sets"] == 4 and added["target_reps"] == 6  # a first session's hip thrust: 4 × 6
    assert "Added Hip thrust: 3 sets of 8 × 80 kg." in text(reply["html"])
    own = {"custom_name": "  Goblet  squat", "reps": "10", "load": "16"}
    apply(store, ask("add_logged_exercise", store, own, {"id": ident}))
    assert store["strength"][ident]["exercises"][-1] == {
        "exercise": "custom",
        "name": "Goblet squat",
        "sets": [{"reps": 10, "load_kg": 16.0}],
    }


@pytest.mark.parametrize(
    ("values", "field", "words"),
    [
        ({"reps": "8"}, "custom_name", "Choose an exercise"),
        ({"exercises": "hip_thrust", "custom_name": "Goblet squat", "reps": "8"}, "custom_name", "not both"),
        ({"custom_name": "RDL", "reps": "8", "load": "60"}, "exercises", "Romanian deadlift is in this session"),
        ({"exercises": "hip_thrust", "reps": "8"}, "load", "Hip thrust, new set, load: enter"),
        ({"exercises": "hip_thrust", "set_count": "51", "reps": "8", "load": "80"}, "set_count", "Sets of Hip thrust"),
        ({"exercises": "copenhagen_plank", "reps": "8"}, "reps", "Copenhagen adductor plank is held, in seconds"),
        ({"exercises": "copenhagen_plank", "hold": ""}, "hold", "enter the seconds held"),
        ({"exercises": "hip_thrust", "reps": "8", "load": "80", "hold": "30"}, "hold", "leave Hold empty"),
    ],
)
def test_a_bad_added_exercise_names_the_field_and_changes_nothing(
    values: dict[str, str], field: str, words: str
) -> None:
    store = a_finished_session()
    ident, _ = one_session(store)
    before = snapshot(store)
    reply = ask("add_logged_exercise", store, values, {"id": ident})
    assert reply["ok"] is False and reply["error"]["field"] == field and words in reply["error"]["message"]
    assert snapshot(store) == before


def test_a_name_typed_as_markup_is_shown_as_text() -> None:
    store = a_finished_session()
    ident, _ = one_session(store)
    reply = apply(store, ask("add_logged_exercise", store, {"custom_name": "<b>x</b>", "reps": "5"}, {"id": ident}))
    assert "<b>x</b>" not in reply["html"] and "&lt;b&gt;x&lt;/b&gt;" in reply["html"]


def test_a_session_moved_onto_its_planned_day_counts_there_without_a_link_and_back_off_it_is_linked_again() -> None:
    """Finished on Sunday, a rest day, Session A counts for Monday's planned Session A through a calendar link; moved
    to Monday it counts there by its date (the link goes, as the calendar's rule says), and moved back it is linked
    again, as finishing it on Sunday did."""
    sunday = "2026-11-22"
    store = empty() | {"strength": {}, "plan": a_plan_saved_last_week()}
    apply(store, ask("start", store, {"session": "A"}, today=sunday))
    apply(store, ask("log_set", store, {"load": "60"}, {"exercise": "romanian_deadlift", "set": 0}, today=sunday))
    apply(store, ask("finish", store, {"duration": "40", "session_rpe": "7", "confirmed": "yes"}, today=sunday))
    ident, _ = one_session(store)
    assert [link["planned_date"] for link in store["calendar_links"].values()] == ["2026-11-23"]
    moved = apply(store, ask("redate_session", store, {"date": "2026-11-23"}, {"id": ident}))
    assert store["calendar_links"] == {}
    assert (
        "It is now on the day of the strength session planned on Monday 23 November, so it counts there without a "
        "link." in text(moved["html"])
    )
    assert "calves) is partly done for today: missing Romanian deadlift (1 of 4 sets)" in today_page(store)
    back = apply(store, ask("redate_session", store, {"date": sunday}, {"id": ident}))
    assert [link["planned_date"] for link in store["calendar_links"].values()] == ["2026-11-23"]
    assert "It counts for your plan's Session A of Monday 23 November" in text(back["html"])
    assert "is partly done: your session of Sunday 22 November counts for it;" in today_page(store)


# --- Only the numbers an exercise takes -----------------------------------------------------------

JUMPS = {
    "id": "44444444-4444-4444-8444-444444444444",
    "date": "2026-11-19",
    "kind": "B",
    "duration_min": 40,
    "rpe": 6,
    "exercises": [
        {"exercise": "box_jump", "sets": [{"reps": 5, "height_cm": 45.0}] * 2},
        {"exercise": "pogo_hops", "sets": [{"reps": 20}]},
        {"exercise": "single_leg_calf_raise", "sets": [{"reps": 12, "load_kg": 10.0}]},
    ],
}


def entry_html(html: str, e: int) -> str:
    return html.split(f'data-entry="{e}"', 1)[1].split("</section>", 1)[0]


def test_the_edit_screen_shows_a_load_box_only_for_an_exercise_that_takes_a_load() -> None:
    """A lifter coming from Strong found a Load box under each box jump of a finished session, where the live log has
    none: the Edit screen's Correct and Add a set boxes show what the live log's set rows show for that exercise."""
    store = empty() | {"strength": {JUMPS["id"]: JUMPS}}
    html = ask("edit_session", store, {}, {"id": JUMPS["id"]})["html"]
    jump, hops, calf = (entry_html(html, e) for e in range(3))
    assert 'aria-label="Reps, set 1 of Box jump"' in jump and 'aria-label="Box height (cm), set 1 of Box jump"' in jump
    assert 'aria-label="Reps, new set 3 of Box jump"' in jump and 'aria-label="RPE, set 2 of Box jump, 1 to 10"' in jump
    assert 'name="load"' not in jump and 'name="load"' not in hops
    assert 'aria-label="Load (kg), set 1 of Single-leg calf raise on a step"' in calf
    assert 'aria-label="Load (kg), new set 2 of Single-leg calf raise on a step"' in calf


@pytest.mark.parametrize(
    ("action", "values", "args", "words"),
    [
        (
            "save_logged_set",
            {"reps": "6", "height": "50", "load": "20"},
            {"entry": 0, "set": 1},
            "Set 2 of Box jump, load: Box jump takes no load, only reps onto a box. Nothing was saved.",
        ),
        (
            "add_logged_set",
            {"reps": "20", "load": "5"},
            {"entry": 1},
            "New set 2 of Pogo hops, load: Pogo hops takes no load, only reps. Nothing was saved.",
        ),
        (
            "add_logged_exercise",
            {"exercises": "bounding", "reps": "6", "load": "10"},
            {},
            "Bounding, new set, load: Bounding takes no load, only reps. Nothing was saved.",
        ),
    ],
)
def test_a_load_typed_for_an_exercise_that_takes_none_is_refused_by_field(
    action: str, values: dict[str, str], args: dict[str, Any], words: str
) -> None:
    store = empty() | {"strength": {JUMPS["id"]: JUMPS}}
    before = snapshot(store)
    reply = ask(action, store, values, {"id": JUMPS["id"]} | args)
    assert reply["ok"] is False and reply["error"]["field"] == "load" and reply["error"]["message"] == words
    assert snapshot(store) == before


def test_a_jump_corrected_without_a_load_box_keeps_a_load_it_was_stored_with() -> None:
    """A jump imported with a weight: its Correct box has no Load box, and saving it changes what was typed only,
    never dropping the stored load as if the box had been emptied."""
    weighted = JUMPS | {
        "exercises": [{"exercise": "box_jump", "sets": [{"reps": 5, "height_cm": 45.0, "load_kg": 10}]}]
    }
    store = empty() | {"strength": {JUMPS["id"]: weighted}}
    args = {"id": JUMPS["id"], "entry": 0, "set": 0}
    apply(store, ask("save_logged_set", store, {"reps": "4", "height": "50", "rpe": "7"}, args))
    stored = store["strength"][JUMPS["id"]]["exercises"][0]["sets"][0]
    assert stored == {"reps": 4, "load_kg": 10.0, "height_cm": 50.0, "rpe": 7.0}

"""Correcting a logged run on the readiness page: its RPE (an import gives every run the same one), duration
and distance; the load follows, and a bad box changes nothing."""

from __future__ import annotations

import html as markup
import re
from typing import Any

import pytest

from calculators.errors import InputError
from calculators.load import trimp
from calculators.ui.calculator import after_ops
from calculators.ui.load_au import AU, AU_MEANING

from .test_readiness_page import ask, error, status_line

#: A run as an import stores it: fractions of a second and of a metre, a heart rate and the file's start.
IMPORTED = {
    "date": "2026-11-20",
    "duration_s": 2713.4,
    "distance_m": 10031.4,
    "rpe": 4.0,
    "hr_avg": 150.2,
    "source": "gpx",
    "start_utc": "2026-11-20T07:00:00+00:00",
}
#: The editor's boxes as it fills them for IMPORTED: its date, whole seconds, hundredths of a km, whole beats.
AS_SHOWN = {
    "run_date": "2026-11-20",
    "run_duration": "45:13",
    "run_distance": "10.03",
    "run_rpe": "4",
    "run_hr": "150",
}


def _store() -> dict[str, Any]:
    return {"runs": {"tempo": dict(IMPORTED)}}


def _run_row(html: str) -> str:
    """The one row of the "Your runs" table, as text."""
    table = html.split("<caption>Your runs", 1)[1].split("</table>", 1)[0]
    (row,) = re.findall(r"<tr[^>]*>.*?</tr>", table)[1:]
    return " ".join(markup.unescape(re.sub(r"<[^>]+>", " ", row)).split())


def test_each_run_in_the_table_has_an_edit_button_that_opens_its_boxes_filled_with_what_is_stored() -> None:
    store = _store()
    page = ask("compute", {}, store=store)["html"]
    assert 'aria-label="Edit run of Friday 20 November"' in page
    assert 'data-action="edit_run" data-args="{&quot;id&quot;: &quot;tempo&quot;}"' in page
    editor = ask("edit_run", {}, store=store, args={"id": "tempo"})
    assert editor["ok"] and editor["ops"] == []
    html = editor["html"]
    assert (
        status_line(html) == "Correcting the run of Friday 20 November: change what is wrong, then tap “Save this run”."
    )
    assert 'name="run_duration" value="45:13"' in html and 'name="run_distance" value="10.03"' in html
    assert '<option value="4" selected>' in html
    assert "<span>Average heart rate (optional)</span>" in html and 'name="run_hr" value="150"' in html
    assert "load 181" in html  # 4 × 45.2 min


def test_an_imported_runs_rpe_corrected_keeps_everything_else_and_its_load_follows() -> None:
    """An import gives every run the RPE chosen for the batch: correcting one run's changes only its RPE, to the
    tenth of a second and of a metre, and its load (RPE × minutes) is worked out again."""
    store = _store()
    reply = ask("save_run", AS_SHOWN | {"run_rpe": "7"}, store=store, args={"id": "tempo"})
    assert reply["ok"], reply
    assert reply["ops"] == [{"op": "put", "collection": "runs", "id": "tempo", "value": IMPORTED | {"rpe": 7.0}}]
    message = (
        "Run of Friday 20 November corrected: RPE from 4 to 7; its load is now 317 AU (arbitrary units: session effort "
        "(1–10) × minutes) (was 181 AU)."
    )
    assert status_line(reply["html"]) == message
    # AU as the loads beside it print it: an abbreviation whose title says "arbitrary units", not two letters.
    assert f"its load is now 317 {AU} ({AU_MEANING}) (was 181 {AU}).</p>" in reply["html"]  # the first AU in words
    assert _run_row(reply["html"]).startswith("Fri 20 Nov 45:13 10.03 km 4:30 /km 7 150 317 ")
    again = ask("compute", {}, store=after_ops(store, reply["ops"]))
    assert " 7 150 317 " in _run_row(again["html"])


def test_duration_and_distance_are_corrected_in_the_readers_unit() -> None:
    typed = AS_SHOWN | {"units": "mi", "run_duration": "50:00", "run_distance_mi": "6.5"}
    reply = ask("save_run", typed, store=_store(), args={"id": "tempo"})
    assert reply["ok"], reply
    (op,) = reply["ops"]
    assert op["value"] == IMPORTED | {"duration_s": 3000.0, "distance_m": 10460.7}
    assert status_line(reply["html"]) == (
        "Run of Friday 20 November corrected: duration from 45:13 to 50:00; distance from 6.23 mi to 6.50 mi; "
        "its load is now 200 AU (arbitrary units: session effort (1–10) × minutes) (was 181 AU)."
    )


def test_boxes_left_as_shown_change_nothing() -> None:
    reply = ask("save_run", AS_SHOWN | {"run_distance": "10.030"}, store=_store(), args={"id": "tempo"})
    assert reply["ok"] and reply["ops"] == []
    assert status_line(reply["html"]) == "Nothing was changed: the run of Friday 20 November already has these values."


@pytest.mark.parametrize(
    ("box", "typed", "field", "says"),
    [
        ("run_duration", "45:75", "run_duration", "Duration: seconds must be 0–59"),
        ("run_duration", "0:30", "run_duration", "from 1:00 (one minute) to 48:00:00 (48 hours)"),
        ("run_duration", "", "run_duration", "Duration"),
        ("run_distance", "0", "run_distance", "Distance"),
        ("run_distance", "", "run_distance", "Distance"),
        ("run_distance", "1", "run_duration", "A run of 1 km takes from 1:45 to 30:00"),
        ("run_rpe", "", "run_rpe", "from 1 (very, very easy) to 10 (maximal)"),
        ("run_rpe", "11", "run_rpe", "Choose one of: Choose…, 1 very, very easy, 2 easy"),
        (
            "run_hr",
            "300",
            "run_hr",
            "Average heart rate: 300 beats per minute is out of range. Enter a number between 40",
        ),
        ("run_hr", "fast", "run_hr", "Average heart rate"),
    ],
)
def test_a_bad_box_is_named_with_its_range_and_the_stored_run_is_kept(
    box: str, typed: str, field: str, says: str
) -> None:
    reply = ask("save_run", AS_SHOWN | {box: typed}, store=_store(), args={"id": "tempo"})
    named, message = error(reply)
    assert named == field and says in message
    assert "ops" not in reply


def test_a_mistyped_heart_rate_is_corrected_and_the_runs_trimp_follows() -> None:
    """The run keeps its id, its load (RPE × minutes) and every other value; the runs table's TRIMP is worked out
    from the corrected heart rate with the reader's resting HR and HR max."""
    numbers = {"hr_rest": "50", "hr_max": "190"}
    store = _store()
    minutes = 2713.4 / 60  # IMPORTED's duration
    was = f"{trimp(minutes, 150.2, 50, 190):.0f}"
    assert f" 4 150 181 {was} " in _run_row(ask("compute", numbers, store=store)["html"])
    reply = ask("save_run", AS_SHOWN | numbers | {"run_hr": "165"}, store=store, args={"id": "tempo"})
    assert reply["ops"] == [{"op": "put", "collection": "runs", "id": "tempo", "value": IMPORTED | {"hr_avg": 165.0}}]
    message = (
        "Run of Friday 20 November corrected: average heart rate from 150 bpm to 165 bpm; its load stays 181 "
        "AU (arbitrary units: session effort (1–10) × minutes)."
    )
    assert status_line(reply["html"]) == message
    now = f"{trimp(minutes, 165, 50, 190):.0f}"
    assert now != was and f" 4 165 181 {now} " in _run_row(reply["html"])


def test_a_heart_rate_box_emptied_removes_the_heart_rate() -> None:
    reply = ask("save_run", AS_SHOWN | {"run_hr": " "}, store=_store(), args={"id": "tempo"})
    assert reply["ops"][0]["value"] == IMPORTED | {"hr_avg": None}
    assert status_line(reply["html"]).startswith(
        "Run of Friday 20 November corrected: average heart rate from 150 bpm to none"
    )


def test_a_heart_rate_from_a_file_outside_the_boxs_range_is_kept_when_left_as_shown() -> None:
    store = {"runs": {"tempo": IMPORTED | {"hr_avg": 245.4}}}
    editor = ask("edit_run", {}, store=store, args={"id": "tempo"})["html"]
    assert 'name="run_hr" value="245"' in editor
    reply = ask("save_run", AS_SHOWN | {"run_hr": "245", "run_rpe": "5"}, store=store, args={"id": "tempo"})
    assert reply["ops"][0]["value"] == IMPORTED | {"hr_avg": 245.4, "rpe": 5.0}


def test_the_other_units_box_of_the_form_is_not_read_as_this_runs_distance() -> None:
    """The form's miles box may hold a run being typed: the editor's km box, emptied, is asked for alone."""
    typed = AS_SHOWN | {"run_distance": "", "run_distance_mi": "6.2"}
    field, message = error(ask("save_run", typed, store=_store(), args={"id": "tempo"}))
    assert field == "run_distance" and "miles box" not in message


def test_a_run_deleted_meanwhile_is_not_put_back_by_its_editor() -> None:
    reply = ask("save_run", AS_SHOWN | {"run_rpe": "7"}, store={"runs": {}}, args={"id": "tempo"})
    assert reply["ok"] and reply["ops"] == []
    assert status_line(reply["html"]) == "That run is no longer in your log; nothing was changed."
    assert ask("edit_run", {}, store={"runs": {}}, args={"id": "tempo"})["ops"] == []


def test_the_editor_has_the_runs_date_in_a_date_box_up_to_today() -> None:
    html = ask("edit_run", {}, store=_store(), args={"id": "tempo"})["html"]
    assert 'type="date" name="run_date" value="2026-11-20" min="2016-11-15" max="2026-11-23" required' in html


def test_a_run_logged_on_the_wrong_day_moves_to_its_day_keeping_its_id_and_everything_else() -> None:
    """Yesterday's run typed in today: the date is corrected in place, so its load counts on the right day and
    nothing has to be deleted and logged again."""
    store = _store()
    reply = ask("save_run", AS_SHOWN | {"run_date": "2026-11-19"}, store=store, args={"id": "tempo"})
    assert reply["ok"], reply
    assert reply["ops"] == [
        {"op": "put", "collection": "runs", "id": "tempo", "value": IMPORTED | {"date": "2026-11-19"}}
    ]
    assert status_line(reply["html"]) == (
        "Run of Friday 20 November corrected: date from Friday 20 November to Thursday 19 November; "
        "its load of 181 AU (arbitrary units: session effort (1–10) × minutes) counts on Thursday 19 November."
    )
    assert _run_row(reply["html"]).startswith("Thu 19 Nov 45:13 10.03 km")


def test_a_date_and_an_rpe_corrected_together_say_both() -> None:
    reply = ask("save_run", AS_SHOWN | {"run_date": "2026-11-19", "run_rpe": "7"}, store=_store(), args={"id": "tempo"})
    assert status_line(reply["html"]) == (
        "Run of Friday 20 November corrected: date from Friday 20 November to Thursday 19 November; RPE from 4 to 7; "
        "its load is now 317 AU (arbitrary units: session effort (1–10) × minutes) (was 181 AU), counted on Thursday "
        "19 November."
    )


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        (
            "2026-11-24",
            "Date of the run (Tuesday 24 November) is in the future. "
            "Enter a date from Tuesday 15 November 2016 to today (Monday 23 November).",
        ),
        (
            "2010-01-01",
            "Date of the run (Friday 1 January 2010) is more than ten years ago. "
            "Enter a date from Tuesday 15 November 2016",
        ),
        (
            "",
            "Date of the run: the box is empty. "
            "Enter a date from Tuesday 15 November 2016 to today (Monday 23 November).",
        ),
        ("20/11/2026", "“20/11/2026” is not a date. Use the date picker or YYYY-MM-DD"),
    ],
)
def test_a_bad_date_is_named_with_the_dates_accepted_and_nothing_is_stored(typed: str, says: str) -> None:
    reply = ask("save_run", AS_SHOWN | {"run_date": typed, "run_rpe": "7"}, store=_store(), args={"id": "tempo"})
    field, message = error(reply)
    assert field == "run_date" and says in message
    assert "ops" not in reply


def _linked(planned: str) -> dict[str, Any]:
    link = {"kind": "run", "entry_id": "tempo", "planned_date": planned}
    return _store() | {"calendar_links": {"run:tempo": link}}


@pytest.mark.parametrize(
    ("planned", "moved_to", "unlinked", "says"),
    [
        ("2026-11-18", "2026-11-19", False, "It still counts for the run planned on Wednesday 18 November, as you"),
        ("2026-11-19", "2026-11-19", True, "It is now on the day of the run planned on Thursday 19 November, so it"),
        ("2026-11-20", "2026-11-12", True, "Its calendar link to the run planned on Friday 20 November is removed"),
    ],
)
def test_a_calendar_link_follows_the_run_to_its_new_date_or_goes_when_it_cannot_hold(
    planned: str, moved_to: str, unlinked: bool, says: str
) -> None:
    """The calendar counts a linked run for a planned one at most 6 days away: a link that still holds stays (it is
    keyed by the run's id, which the edit keeps); one at the new date itself, or too far, is removed."""
    reply = ask("save_run", AS_SHOWN | {"run_date": moved_to}, store=_linked(planned), args={"id": "tempo"})
    unlink = {"op": "delete", "collection": "calendar_links", "id": "run:tempo"}
    assert (unlink in reply["ops"]) is unlinked and len(reply["ops"]) == 1 + unlinked
    assert says in status_line(reply["html"])


def test_a_correction_that_keeps_the_date_leaves_a_calendar_link_alone() -> None:
    reply = ask("save_run", AS_SHOWN | {"run_rpe": "7"}, store=_linked("2026-11-12"), args={"id": "tempo"})
    assert [op["collection"] for op in reply["ops"]] == ["runs"]
    assert "link" not in status_line(reply["html"])


def test_a_run_left_out_for_its_date_is_edited_to_count() -> None:
    """A run stored with a date after today (a clock or time-zone slip) is left out with an Edit button; its editor
    says why, keeps refusing the date as it is, and the corrected run counts in the log."""
    store = {"runs": {"tempo": IMPORTED | {"date": "2026-11-25"}}}
    html = ask("edit_run", {}, store=store, args={"id": "tempo"})["html"]
    assert "Left out of your log: it is dated after today; correct it to count it." in markup.unescape(html)
    kept = ask("save_run", AS_SHOWN | {"run_date": "2026-11-25"}, store=store, args={"id": "tempo"})
    assert error(kept) == (
        "run_date",
        "Date of the run (Wednesday 25 November) is in the future. "
        "Enter a date from Tuesday 15 November 2016 to today (Monday 23 November).",
    )
    reply = ask("save_run", AS_SHOWN, store=store, args={"id": "tempo"})
    assert reply["ops"][0]["value"]["date"] == "2026-11-20"
    assert _run_row(reply["html"]).startswith("Fri 20 Nov 45:13 10.03 km")
    assert "Left out of your log" not in reply["html"]


def test_a_run_left_out_for_an_impossible_pace_is_edited_to_count() -> None:
    """10 km in 2:00, typed before paces were checked: its editor takes the real duration and it counts."""
    store = {"runs": {"fast": {"date": "2026-11-22", "duration_s": 120.0, "distance_m": 10_000.0, "rpe": 5.0}}}
    html = markup.unescape(ask("edit_run", {"units": "mi"}, store=store, args={"id": "fast"})["html"])
    assert "Left out of your log: 6.21 mi in 2:00 is a pace of 0:19 /mi, faster than any runner has gone;" in html
    shown = {"run_date": "2026-11-22", "run_duration": "2:00", "run_distance": "10.00", "run_rpe": "5"}
    field, _ = error(ask("save_run", shown, store=store, args={"id": "fast"}))
    assert field == "run_duration"
    reply = ask("save_run", shown | {"run_duration": "50:00"}, store=store, args={"id": "fast"})
    assert reply["ops"][0]["value"]["duration_s"] == 3000.0
    assert _run_row(reply["html"]).startswith("Sun 22 Nov 50:00 10.00 km")


def test_a_run_with_a_value_that_does_not_read_has_no_editor() -> None:
    """Nothing to show in the boxes: such a run is deleted, or logged again, and its editor is not opened."""
    store = {"runs": {"x": {"date": "2026-11-20", "rpe": 4}}}
    reply = ask("edit_run", {}, store=store, args={"id": "x"})
    assert 'data-editing="x"' not in reply["html"]
    assert status_line(reply["html"]) == (
        "That run cannot be corrected here: a value of it does not read. Delete it, or log it again."
    )


def test_a_run_moved_onto_a_day_with_the_same_run_is_asked_about_first_and_the_answer_carries_the_boxes() -> None:
    """Moved onto a day that already holds a run of the same duration and distance, it would double that day's load:
    the editor asks, as logging the run does, and stores nothing until the answer, which the glue sends back with
    the question's arguments but without the editor's boxes."""
    hand = {"duration_s": 3000.0, "distance_m": 10_000.0, "rpe": 5.0, "source": "hand"}
    store = {"runs": {"a": hand | {"date": "2026-11-19"}, "b": hand | {"date": "2026-11-20"}}}
    shown = {"run_date": "2026-11-19", "run_duration": "50:00", "run_distance": "10.00", "run_rpe": "5"}
    asked = ask("save_run", shown, store=store, args={"id": "b"})
    assert asked["ok"] and asked["ops"] == []
    (question,) = asked["effects"]
    assert question["message"] == (
        "You already logged a run of 50:00 and 10 km on Thursday 19 November. Move this one there too? "
        "Its load would count twice."
    )
    assert question["confirm_label"] == "Move it there" and question["action"] == "save_run"
    assert 'name="run_date" value="2026-11-19"' in asked["html"]  # a "no" keeps what was typed in the editor
    answered = ask("save_run", {"confirmed": "yes"}, store=store, args=question["args"])
    assert answered["ops"] == [{"op": "put", "collection": "runs", "id": "b", "value": hand | {"date": "2026-11-19"}}]


def test_a_run_corrected_on_its_own_day_beside_the_same_run_is_not_asked_about() -> None:
    hand = {"duration_s": 3000.0, "distance_m": 10_000.0, "rpe": 5.0, "source": "hand"}
    store = {"runs": {"a": hand | {"date": "2026-11-19"}, "b": hand | {"date": "2026-11-19"}}}
    shown = {"run_date": "2026-11-19", "run_duration": "50:00", "run_distance": "10.00", "run_rpe": "6"}
    reply = ask("save_run", shown, store=store, args={"id": "b"})
    assert "effects" not in reply or reply["effects"] == []
    assert reply["ops"][0]["value"]["rpe"] == 6.0


def test_the_heart_rate_box_is_described_by_the_range_its_parser_takes() -> None:
    """In the editor the box had only its label: a screen reader heard no range until a number was refused. The
    form's help and the editor's hint say the range the parser takes: 40 and 230 are taken, 39 and 231 refused."""
    from calculators.ui.readiness_data import run_hr
    from calculators.ui.readiness_fields import FIELDS

    html = ask("edit_run", {}, store=_store(), args={"id": "tempo"})["html"]
    box = html.split('name="run_hr"', 1)[1].split(">", 1)[0]
    assert 'aria-describedby="sl-run-edit-hr-tempo"' in box
    hint = next(f.help for f in FIELDS if f.name == "run_hr")
    assert hint == "40 to 230 beats per minute."
    assert f'id="sl-run-edit-hr-tempo" aria-hidden="true">{hint}</span>' in html
    assert run_hr({"run_hr": "40"}) == 40.0 and run_hr({"run_hr": "230"}) == 230.0
    for outside in ("39", "231"):
        with pytest.raises(InputError, match="out of range"):
            run_hr({"run_hr": outside})

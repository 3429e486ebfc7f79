"""Correcting a logged run on the readiness page: its RPE (an import gives every run the same one), duration
and distance; the load follows, and a bad box changes nothing."""

from __future__ import annotations

import html as markup
import re
from typing import Any

import pytest

from calculators.ui.calculator import after_ops

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
#: The editor's boxes as it fills them for IMPORTED: whole seconds, hundredths of a km.
AS_SHOWN = {"run_duration": "45:13", "run_distance": "10.03", "run_rpe": "4"}


def _store() -> dict[str, Any]:
    return {"runs": {"tempo": dict(IMPORTED)}}


def _run_row(html: str) -> str:
    """The one row of the "Your runs" table, as text."""
    table = html.split("<caption>Your runs", 1)[1].split("</table>", 1)[0]
    (row,) = re.findall(r"<tr>.*?</tr>", table)[1:]
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
    assert "load 181" in html  # 4 × 45.2 min


def test_an_imported_runs_rpe_corrected_keeps_everything_else_and_its_load_follows() -> None:
    """An import gives every run the RPE chosen for the batch: correcting one run's changes only its RPE, to the
    tenth of a second and of a metre, and its load (RPE × minutes) is worked out again."""
    store = _store()
    reply = ask("save_run", AS_SHOWN | {"run_rpe": "7"}, store=store, args={"id": "tempo"})
    assert reply["ok"], reply
    assert reply["ops"] == [{"op": "put", "collection": "runs", "id": "tempo", "value": IMPORTED | {"rpe": 7.0}}]
    message = "Run of Friday 20 November corrected: RPE 4 → 7; its load is now 317 AU (was 181 AU)."
    assert status_line(reply["html"]) == message
    assert _run_row(reply["html"]).startswith("Fri 20 Nov 45:13 10.03 km 4:30 /km 7 150 317 ")
    again = ask("compute", {}, store=after_ops(store, reply["ops"]))
    assert " 7 150 317 " in _run_row(again["html"])


def test_duration_and_distance_are_corrected_in_the_readers_unit() -> None:
    typed = {"units": "mi", "run_duration": "50:00", "run_distance_mi": "6.5", "run_rpe": "4"}
    reply = ask("save_run", typed, store=_store(), args={"id": "tempo"})
    assert reply["ok"], reply
    (op,) = reply["ops"]
    assert op["value"] == IMPORTED | {"duration_s": 3000.0, "distance_m": 10460.7}
    assert status_line(reply["html"]) == (
        "Run of Friday 20 November corrected: duration 45:13 → 50:00; distance 6.23 mi → 6.50 mi; "
        "its load is now 200 AU (was 181 AU)."
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
    ],
)
def test_a_bad_box_is_named_with_its_range_and_the_stored_run_is_kept(
    box: str, typed: str, field: str, says: str
) -> None:
    reply = ask("save_run", AS_SHOWN | {box: typed}, store=_store(), args={"id": "tempo"})
    named, message = error(reply)
    assert named == field and says in message
    assert "ops" not in reply


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

"""The readiness page: logging runs and HRV, imports, deletes with a confirmation, and the verdict it renders."""

from __future__ import annotations

import base64
import html as markup
import io
import json
import re
import zipfile
from datetime import UTC, date, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from calculators.date_words import day_words
from calculators.hrv_csv import import_hrv_csv
from calculators.planner import WeekPrefs, plan_season
from calculators.registry import handle
from calculators.reschedule import reschedule_offers
from calculators.ui.calculator import Context, after_ops, render_calculator
from calculators.ui.readiness_data import KINDS
from calculators.ui.training_log import CALCULATOR

FIXTURES = Path(__file__).parents[1] / "fixtures" / "activity"
TODAY = date(2026, 11, 23)
NEW_ID = "6f1c2a3e-0000-4000-8000-000000000001"


def ask(
    action: str,
    values: dict[str, str] | None = None,
    store: dict[str, Any] | None = None,
    args: dict[str, Any] | None = None,
    today: date = TODAY,
    profile: dict[str, Any] | None = None,
) -> dict[str, Any]:
    payload = {
        "values": values or {},
        "today": today.isoformat(),
        "now": "2026-11-23T08:00:00.000Z",
        "new_id": NEW_ID,
        "store": {} if store is None else store,
        "args": args or {},
        "profile": profile or {},
    }
    return handle({"id": 1, "calculator": "readiness", "action": action, "payload": payload})


def chosen(*files: tuple[str, bytes]) -> str:
    """A binary file picker's value as the glue sends it: JSON ``[{name, base64}]``."""
    return json.dumps([{"name": name, "base64": base64.b64encode(data).decode()} for name, data in files])


def fixture_file(name: str) -> str:
    return chosen((name, (FIXTURES / name).read_bytes()))


class _Status(HTMLParser):
    """The text of the first ``[data-summary]`` element, as the page's status line reads it (its textContent)."""

    def __init__(self) -> None:
        super().__init__()
        self.depth, self.done, self.text = 0, False, ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth or (not self.done and any(name == "data-summary" for name, _ in attrs)):
            self.depth += tag not in ("input", "br", "img")

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1
            self.done = self.done or self.depth == 0

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.text += data


def status_line(page: str) -> str:
    reader = _Status()
    reader.feed(page)
    return reader.text


def error(reply: dict[str, Any]) -> tuple[str, str]:
    assert not reply["ok"], reply
    return reply["error"]["field"], reply["error"]["message"]


def test_prerendered_result_is_a_labelled_example() -> None:
    html = str(CALCULATOR.compute(CALCULATOR.defaults(), Context()).html)
    assert "Example, not your data" in html and "Your runs" not in html


def test_add_a_run_by_hand_in_miles() -> None:
    values = {
        "entry": "run",
        "run_date": "2026-11-22",
        "run_duration": "50:00",
        "run_distance_mi": "6.2",
        "run_rpe": "5",
    }
    reply = ask("save", values | {"units": "mi", "run_hr": "150"})
    assert reply["ok"], reply
    (op,) = reply["ops"]
    assert op["collection"] == "runs" and op["id"] == NEW_ID
    assert op["value"] == {
        "date": "2026-11-22",
        "duration_s": 3000.0,
        "distance_m": 9977.9,
        "rpe": 5.0,
        "hr_avg": 150.0,
        "source": "hand",
    }
    assert "Run of Sunday 22 November added" in reply["html"] and "6.20 mi" in reply["html"]
    assert ">250<" in reply["html"]  # its load: RPE 5 × 50 min
    last_year = ask("save", values | {"units": "mi", "run_date": "2025-12-31"})
    assert "Run of Wednesday 31 December 2025 added" in last_year["html"]  # the year, as it is not this one's


@pytest.mark.parametrize(
    ("values", "field", "words"),
    [
        ({"run_duration": "50:75"}, "run_duration", "Duration: seconds must be 0–59"),
        ({"run_duration": "0:30"}, "run_duration", "Duration: a run lasts from 1:00 (one minute) to 48:00:00"),
        # A whole number is minutes up to 10 hours; a larger one could be seconds: asked, never guessed.
        ({"run_duration": "45.5"}, "run_duration", "Duration: “45.5” could be seconds or minutes. Type it as mm:ss"),
        ({"run_duration": "601"}, "run_duration", "“601” could be seconds or minutes"),
        ({"run_duration": "45.30"}, "run_duration", "Duration: “45.30” has a point where a time has a colon."),
        ({"run_duration": "5400"}, "run_duration", "“5400” could be seconds or minutes"),
        ({"run_distance": "ten"}, "run_distance", "Distance: “ten” is not a number"),
        ({"run_distance": "0"}, "run_distance", "between 0.1 and 1000 km"),
        ({"run_rpe": ""}, "run_rpe", "1 (very, very easy) to 10 (maximal)"),
        ({"run_hr": "300"}, "run_hr", "Average heart rate: 300 beats per minute is out of range"),
        ({"run_date": "2026-11-30"}, "run_date", "in the future"),
    ],
)
def test_a_bad_run_field_is_named_and_nothing_is_stored(values: dict[str, str], field: str, words: str) -> None:
    good = {"entry": "run", "run_duration": "50:00", "run_distance": "10", "run_rpe": "5"}
    got_field, message = error(ask("save", good | values))
    assert got_field == field and words in message


@pytest.mark.parametrize(
    ("values", "words"),
    [
        (
            {"entry": "run", "run_date": "1900-01-01"},
            "Date of the run (Monday 1 January 1900) is more than ten years ago",
        ),
        (
            {"entry": "hrv", "hrv_date": "2016-11-14"},
            "Date of the reading (Monday 14 November 2016) is more than ten years ago",
        ),
    ],
)
def test_a_date_more_than_ten_years_back_names_the_field_and_the_range(values: dict[str, str], words: str) -> None:
    """The ten-year rule (calculators/entry_dates.py): refused with the field's label and the dates accepted."""
    good = {"run_duration": "50:00", "run_distance": "10", "run_rpe": "5", "rmssd": "60"}
    field, message = error(ask("save", good | values))
    assert field in values and words in message
    assert "Enter a date from Tuesday 15 November 2016 to today (Monday 23 November)." in message


def test_a_run_ten_years_back_is_still_accepted() -> None:
    values = {"entry": "run", "run_date": "2016-11-15", "run_duration": "50:00", "run_distance": "10", "run_rpe": "5"}
    reply = ask("save", values)
    assert reply["ok"], reply
    assert reply["ops"][0]["value"]["date"] == "2016-11-15"


def test_import_gpx_then_the_same_file_again_is_one_run() -> None:
    values = {"entry": "activity", "activity_file": fixture_file("run.gpx"), "import_rpe": "4"}
    first = ask("save", values)
    assert first["ok"], first
    (op,) = first["ops"]
    assert op["id"].startswith("act-") and op["value"]["source"] == "gpx" and op["value"]["date"] == "2026-11-17"
    assert op["value"]["hr_avg"] is not None and op["value"]["rpe"] == 4.0
    assert "Imported" in first["html"]
    again = ask("save", values, store=after_ops({}, first["ops"]))
    assert again["ok"] and again["ops"] == []
    assert "already in your log" in again["html"]


def test_import_tcx() -> None:
    reply = ask("save", {"entry": "activity", "activity_file": fixture_file("run.tcx"), "import_rpe": "6"})
    assert reply["ok"] and reply["ops"][0]["value"]["source"] == "tcx"


def test_import_fit_file() -> None:
    reply = ask("save", {"entry": "activity", "activity_file": fixture_file("run.fit"), "import_rpe": "5"})
    assert reply["ok"], reply
    (op,) = reply["ops"]
    assert op["value"]["source"] == "fit" and op["value"]["distance_m"] > 0


def test_an_import_says_which_heart_rates_it_left_out_of_the_average() -> None:
    """Heart rates outside 20–250 bpm are left out of the run's average, and the import's message says how many."""
    data = (FIXTURES / "run.gpx").read_bytes().replace(b"<gpxtpx:hr>140<", b"<gpxtpx:hr>0<")
    data = data.replace(b"<gpxtpx:hr>142<", b"<gpxtpx:hr>300<")
    reply = ask("save", {"entry": "activity", "activity_file": chosen(("run.gpx", data)), "import_rpe": "4"})
    assert reply["ok"], reply
    assert reply["ops"][0]["value"]["hr_avg"] == 147.0  # mean of 144, 146, 148, 150
    assert status_line(reply["html"]) == (
        "Imported 5.56 km on Tuesday 17 November from a GPX file, RPE 4; "
        "2 heart-rate samples outside 20–250 bpm were left out of the average heart rate."
    )
    two = chosen(("run.gpx", data), ("run.tcx", (FIXTURES / "run.tcx").read_bytes()))
    listed = ask("save", {"entry": "activity", "activity_file": two, "import_rpe": "4"}, args={"efforts": True})["html"]
    assert (
        "<li>5.56 km on Tuesday 17 November from a GPX file, RPE 4; "
        "2 heart-rate samples outside 20–250 bpm were left out of the average heart rate</li>"
    ) in listed
    assert "<li>8.00 km on Thursday 19 November from a TCX file, RPE 4</li>" in listed


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("route_no_time.gpx", "time"),
        ("bike.fit", "not running"),
    ],
)
def test_a_bad_activity_file_is_refused_with_its_reason(name: str, words: str) -> None:
    field, message = error(ask("save", {"entry": "activity", "activity_file": fixture_file(name), "import_rpe": "5"}))
    assert field == "activity_file" and words in message.lower()


def test_truncated_gpx_and_missing_rpe() -> None:
    data = (FIXTURES / "run.gpx").read_bytes()
    truncated = chosen(("run.gpx", data[:300]))
    assert (
        error(ask("save", {"entry": "activity", "activity_file": truncated, "import_rpe": "5"}))[0] == "activity_file"
    )
    without = ask("save", {"entry": "activity", "activity_file": fixture_file("run.gpx")})
    assert without["ok"] and without["ops"] == []  # asked in the preview, not refused
    assert error(ask("save", {"entry": "activity", "import_rpe": "5"}))[0] == "activity_file"
    assert error(ask("save", {"entry": "activity", "activity_file": "[{", "import_rpe": "5"}))[0] == "activity_file"


def test_many_files_at_once_each_bad_one_named_and_the_rest_imported() -> None:
    """A multi-file import stores every good run, names each file it refused, and skips runs already stored."""
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("export/run.tcx", (FIXTURES / "run.tcx").read_bytes())
        bundle.writestr("export/ride.fit", (FIXTURES / "bike.fit").read_bytes())
    first = ask("save", {"entry": "activity", "activity_file": fixture_file("run.gpx"), "import_rpe": "4"})
    files = chosen(
        ("run.gpx", (FIXTURES / "run.gpx").read_bytes()),
        ("run.fit", (FIXTURES / "run.fit").read_bytes()),
        ("notes.txt", b"not an activity"),
        ("export.zip", archive.getvalue()),
    )
    reply = ask(
        "save",
        {"entry": "activity", "activity_file": files, "import_rpe": "5"},
        store=after_ops({}, first["ops"]),
        args={"efforts": True},
    )
    assert reply["ok"], reply
    assert sorted(op["value"]["source"] for op in reply["ops"]) == ["fit", "tcx"]
    # The status line is the summary's text alone, a sentence: not the lists run together after it.
    assert status_line(reply["html"]) == "Imported 2 runs, listed below. 3 files not imported; see why below."
    assert re.search(
        r"<li>\d+\.\d\d km on [A-Z][a-z]+day \d+ [A-Z][a-z]+ from a (TCX|FIT) file, RPE 5</li>", reply["html"]
    )
    assert "notes.txt: This is not a GPX" in reply["html"]
    assert "export.zip/export/ride.fit" in reply["html"] and "not running" in reply["html"]
    assert "run.gpx: already in your log" in reply["html"]


def test_morning_hrv_entry_is_stored_under_its_date_and_a_second_one_replaces_it_once_confirmed() -> None:
    values = {"entry": "hrv", "rmssd": "62", "resting_hr": "48", "sleep_hours": "7.5", "soreness": "2"}
    reply = ask("save", values)
    (op,) = reply["ops"]
    assert op == {
        "op": "put",
        "collection": "hrv",
        "id": "2026-11-23",
        "value": {"rmssd_ms": 62.0, "resting_hr": 48.0, "sleep_hours": 7.5, "soreness": 2},
    }
    assert "HRV reading for Monday 23 November (62 ms) saved." in reply["html"]
    store = after_ops({}, reply["ops"])
    # The form keeps what was typed, so Save again must not overwrite the stored reading unseen: it asks first,
    # as a run logged twice does, and Cancel (no answer sent) leaves the stored one as it is.
    asked = ask("save", values | {"rmssd": "58"}, store=store)
    assert asked["ok"] and asked["ops"] == []
    (effect,) = asked["effects"]
    assert effect == {
        "type": "confirm",
        "message": "You already saved an HRV reading for Monday 23 November (62 ms). Replace it with 58 ms?",
        "action": "save",
        "args": {},
        "confirm_label": "Replace the reading",
        "destructive": True,  # it replaces a stored reading: the dialog's answer looks like every destructive button
    }
    again = ask(effect["action"], values | {"rmssd": "58", "confirmed": "yes"}, store=store, args=effect["args"])
    assert again["ops"][0]["id"] == "2026-11-23" and again["ops"][0]["value"]["rmssd_ms"] == 58.0
    assert "HRV reading for Monday 23 November (58 ms) replaced the earlier one" in again["html"]


def test_a_second_reading_the_same_day_keeps_what_its_empty_boxes_do_not_say() -> None:
    morning = {"entry": "hrv", "rmssd": "62", "sleep_hours": "7.5", "soreness": "2"}
    store = after_ops({}, ask("save", morning)["ops"])
    asked = ask("save", {"entry": "hrv", "rmssd": "58", "soreness": "3"}, store=store)
    assert asked["ops"] == [] and asked["effects"][0]["message"].endswith(
        "Replace it with 58 ms? Its sleep (7.5 h) would be kept, as you left that empty."
    )
    later = ask(
        "save", {"entry": "hrv", "rmssd": "58", "resting_hr": "47", "soreness": "3", "confirmed": "yes"}, store=store
    )
    assert later["ops"][0]["value"] == {"rmssd_ms": 58.0, "resting_hr": 47.0, "sleep_hours": 7.5, "soreness": 3}
    assert "replaced the earlier one; its sleep (7.5 h) was kept, as you left that empty." in later["html"]
    bare = ask("save", {"entry": "hrv", "rmssd": "60", "confirmed": "yes"}, store=store)
    assert bare["ops"][0]["value"]["sleep_hours"] == 7.5 and bare["ops"][0]["value"]["soreness"] == 2
    assert "its sleep (7.5 h) and soreness (2 of 5) were kept, as you left those empty." in bare["html"]
    unreadable = {"hrv": {"2026-11-23": {"rmssd_ms": -1, "sleep_hours": 9}}}
    asked = ask("save", {"entry": "hrv", "rmssd": "60"}, store=unreadable)
    assert asked["ops"] == [] and "Monday 23 November (it cannot be read). Replace it" in asked["effects"][0]["message"]
    junk = ask("save", {"entry": "hrv", "rmssd": "60", "confirmed": "yes"}, store=unreadable)
    assert junk["ops"][0]["value"]["sleep_hours"] is None  # nothing is taken from a reading that does not read


@pytest.mark.parametrize(
    ("values", "field"),
    [({"rmssd": "0"}, "rmssd"), ({"rmssd": "900"}, "rmssd"), ({"sleep_hours": "30"}, "sleep_hours")],
)
def test_bad_hrv_fields(values: dict[str, str], field: str) -> None:
    got, message = error(ask("save", {"entry": "hrv", "rmssd": "60"} | values))
    assert got == field and "between" in message


@pytest.mark.parametrize(
    ("typed", "hours"),
    [("7:30", 7.5), ("6:05", 6 + 5 / 60), ("0:45", 0.75), ("7.5", 7.5), ("7,25", 7.25), ("8 h", 8.0)],
)
def test_sleep_typed_by_hand_reads_as_the_csv_import_reads_it(typed: str, hours: float) -> None:
    """Hand entry and CSV import read sleep through one parser: hours (7.5) or h:mm (7:30)."""
    reply = ask("save", {"entry": "hrv", "rmssd": "60", "sleep_hours": typed})
    assert reply["ok"], reply
    assert reply["ops"][0]["value"]["sleep_hours"] == pytest.approx(hours)
    imported = import_hrv_csv(f"date;rMSSD;sleep\n2026-11-20;60;{typed}\n", today=TODAY)
    assert imported.readings[0].sleep_hours == reply["ops"][0]["value"]["sleep_hours"]


@pytest.mark.parametrize(
    ("typed", "wrong"),
    [("7:75", "“7:75” is not a time in hours."), ("25:00", "25 hours is out of range."), ("lots", "“lots” is not")],
)
def test_bad_sleep_names_the_field_the_range_in_hours_and_both_forms(typed: str, wrong: str) -> None:
    field, message = error(ask("save", {"entry": "hrv", "rmssd": "60", "sleep_hours": typed}))
    assert field == "sleep_hours"
    assert message.startswith("Sleep last night: ") and wrong in message
    assert message.endswith("Enter a time between 0 and 24 hours, as hours (7.5) or h:mm (7:30).")


def test_the_sleep_box_says_it_takes_hours_and_minutes_and_keeps_a_colon_on_the_keyboard() -> None:
    [box] = [f for f in CALCULATOR.fields if f.name == "sleep_hours"]
    assert "7:30" in box.help and "7.5" in box.help and "0 to 24 hours" in box.help
    assert box.inputmode is None  # a decimal keypad has no colon


def test_hrv_csv_import_keeps_good_rows_lists_bad_ones_and_names_the_columns() -> None:
    stored = {"hrv": {"2026-11-02": {"rmssd_ms": 55.0}}}
    reply = ask("save", {"entry": "hrv_csv", "hrv_file": (FIXTURES / "hrv4training.csv").read_text()}, store=stored)
    assert reply["ok"], reply
    # 11-02 was stored without HR, sleep or soreness: those are added, its different rMSSD is asked about.
    assert sorted(op["id"] for op in reply["ops"]) == ["2026-11-01", "2026-11-02", "2026-11-04"]
    assert [op["value"] for op in reply["ops"] if op["id"] == "2026-11-02"] == [
        {"rmssd_ms": 55.0, "resting_hr": 50.0, "sleep_hours": 6.8, "soreness": 3}
    ]
    html = reply["html"]
    assert "rMSSD from “rMSSD”" in html and "date from “date”" in html
    assert "Row 4 (rMSSD)" in html
    assert status_line(html).startswith(
        "Imported 2 HRV readings. Added resting HR to 1 reading, sleep to 1 reading and soreness to 1 reading. "
        "1 stored reading differs from the file (rMSSD in 1 reading); the stored values are kept."
    )
    assert status_line(html).endswith(". 2 rows not imported; see why below.")


def test_a_csv_without_an_rmssd_column_changes_nothing() -> None:
    field, message = error(ask("save", {"entry": "hrv_csv", "hrv_file": "date,steps\n2026-11-01,9000\n"}))
    assert field == "hrv_file" and "No rmssd column" in message


@pytest.mark.parametrize(
    "text",
    [
        "date,rMSSD,HR,sleep\n2026-11-20,60,50,\n",  # the sleep cell empty
        "date,rMSSD,HR,sleep\n2026-11-20,60,50\n",  # a spreadsheet leaves the empty last cell out
        "date,rMSSD,sleep,HR\n2026-11-20,60,,50\n",
    ],
)
def test_an_empty_optional_cell_in_a_csv_is_not_given_and_the_reading_is_imported(text: str) -> None:
    """An empty sleep (or HR, soreness) cell reads as "not given", like an empty box on the form."""
    reply = ask("save", {"entry": "hrv_csv", "hrv_file": text})
    assert reply["ok"], reply
    assert [(op["id"], op["value"]["rmssd_ms"], op["value"]["resting_hr"]) for op in reply["ops"]] == [
        ("2026-11-20", 60.0, 50.0)
    ]
    assert reply["ops"][0]["value"]["sleep_hours"] is None
    assert status_line(reply["html"]).startswith("Imported 1 HRV reading. Columns used: ")
    assert "not imported" not in reply["html"]


@pytest.mark.parametrize("text", ["date,rMSSD,sleep\n", "date,rMSSD,sleep\n\n,,\n"])
def test_a_csv_with_no_rows_under_its_header_is_refused_on_the_file_field(text: str) -> None:
    """A header-only file says nothing was imported, and why, as an error: not "Imported 0" as a success."""
    field, message = error(ask("save", {"entry": "hrv_csv", "hrv_file": text}))
    assert field == "hrv_file"
    assert message == "Nothing was imported: this file has a header row but no readings under it."


def test_a_csv_where_no_row_reads_is_refused_with_the_rows_reasons() -> None:
    rows = "".join(f"2026-11-{day},0\n" for day in range(10, 15))
    field, message = error(ask("save", {"entry": "hrv_csv", "hrv_file": "date,rMSSD\nyesterday,50\n" + rows}))
    assert field == "hrv_file"
    assert message == (
        "Nothing was imported: no row could be read. Row 2 (date): “yesterday” is not a date. "
        "Row 3 (rMSSD): “0” is not an rMSSD between 5 and 300 ms. "
        "Row 4 (rMSSD): “0” is not an rMSSD between 5 and 300 ms. 3 more rows could not be read either."
    )


def test_the_same_csv_again_says_it_adds_nothing() -> None:
    text = "date,rMSSD,sleep\n2026-11-20,60,7:30\n"
    store = after_ops({}, ask("save", {"entry": "hrv_csv", "hrv_file": text})["ops"])
    reply = ask("save", {"entry": "hrv_csv", "hrv_file": text}, store=store)
    assert reply["ok"] and reply["ops"] == [] and reply["effects"] == []
    assert status_line(reply["html"]) == (
        "These readings are already stored with the same values: this file adds nothing."
    )


def test_a_second_csv_adds_what_the_first_lacked_and_asks_before_replacing_a_value_it_disagrees_on() -> None:
    """A first import without a sleep column is completed by a second file, never silently overwritten by it."""
    first = "Date;rMSSD;HR\n20/11/2026;68,6;48\n21/11/2026;60,3;45\n"
    store = after_ops({}, ask("save", {"entry": "hrv_csv", "hrv_file": first})["ops"])
    second = {
        "entry": "hrv_csv",
        "hrv_file": "date,rMSSD,HR,sleep_hours\n2026-11-20,68.6,48,6.8\n2026-11-21,60.3,48,7:30\n",
    }
    reply = ask("save", second, store=store)
    assert reply["ok"], reply
    # The sleep is stored at once; the HR the file disagrees on is not, until the reader says so.
    assert {op["id"]: op["value"] for op in reply["ops"]} == {
        "2026-11-20": {"rmssd_ms": 68.6, "resting_hr": 48.0, "sleep_hours": 6.8, "soreness": None},
        "2026-11-21": {"rmssd_ms": 60.3, "resting_hr": 45.0, "sleep_hours": 7.5, "soreness": None},
    }
    assert status_line(reply["html"]).startswith(
        "Added sleep to 2 readings. 1 stored reading differs from the file (resting HR in 1 reading); "
        "the stored values are kept. To use the file’s, import it again and choose “Replace with the file’s values”."
    )
    (effect,) = reply["effects"]
    assert effect["type"] == "confirm" and effect["confirm_label"] == "Replace with the file’s values"
    assert effect["message"] == (
        "1 stored reading differs from this file: resting HR in 1 reading (for example resting HR on Saturday "
        "21 November: 45 bpm stored, 48 bpm in the file). Replace the stored values with the file’s? "
        "Cancel keeps the stored ones."
    )
    store = after_ops(store, reply["ops"])  # Cancel: the sleep stays added, the stored HR kept
    again = ask(effect["action"], second | {"confirmed": "yes"}, store=store, args=effect["args"])
    assert [(op["id"], op["value"]) for op in again["ops"]] == [
        ("2026-11-21", {"rmssd_ms": 60.3, "resting_hr": 48.0, "sleep_hours": 7.5, "soreness": None})
    ]
    assert status_line(again["html"]).startswith("Replaced resting HR in 1 reading with the file’s values.")


def _week_of_hrv(days: int, low_today: bool = False) -> dict[str, Any]:
    return {
        (TODAY - timedelta(days=n)).isoformat(): {"rmssd_ms": 40.0 if (low_today and n == 0) else 60.0 + n % 3}
        for n in range(days)
    }


def _runs(days: int) -> dict[str, Any]:
    return {
        f"r{n}": {"date": (TODAY - timedelta(days=n)).isoformat(), "duration_s": 3000, "distance_m": 9000, "rpe": 5}
        for n in range(days)
        if n % 7 not in (2, 5)
    }


def test_tomorrows_easy_run_is_paced_from_the_saved_plan_while_it_runs_on_as_today_and_the_calendar_do() -> None:
    """A race saved since moved the VDOT field to 52; the plan saved at VDOT 50 still runs on, and its days carry
    VDOT 50's paces: the run log's easy run is paced from it too, and says so, rather than a third set of paces."""
    plan = plan_season(WeekPrefs(run_days=4, vdot=50), today=TODAY, race_date=None, weeks=4).to_dict()
    store = {"plan": {"season": plan}, "hrv": _week_of_hrv(7), "runs": _runs(150)}
    html = ask("compute", {"vdot": "52"}, store=store)["html"]
    assert "from your saved plan's VDOT 50" in html and "VDOT 52" not in html
    after = TODAY + timedelta(days=40)  # the plan has ended: the VDOT field's own
    assert "from your VDOT 52" in ask("compute", {"vdot": "52"}, store=store, today=after)["html"]


def test_building_verdict_with_a_week_of_hrv() -> None:
    reply = ask("compute", {"vdot": "45", "hr_max": "190"}, store={"hrv": _week_of_hrv(7), "runs": _runs(150)})
    html = reply["html"]
    assert 'data-verdict="building"' in html and "Baseline still building" in html
    assert "day 7 of 14 from your first reading" in html
    # No plan: the guide's 50 min, never called "as planned".
    assert "Easy 50 min (nothing is planned for tomorrow: Stridelab's usual easy run)" in html
    assert "min as planned" not in html and "under 150 bpm" in html  # 79 % of 190
    assert "/km" in html and "from your VDOT 45" in html


def test_a_building_headline_names_what_drove_it_never_load_that_does_not_count() -> None:
    """Two weeks of load do not count yet, so soreness and short sleep are what make the day amber."""
    hrv = _week_of_hrv(7)
    hrv[TODAY.isoformat()] |= {"soreness": 4, "sleep_hours": 5.5}
    html = ask("compute", {}, store={"hrv": hrv, "runs": _runs(14)})["html"]
    assert "Baseline still building: take it easier, because of: soreness 4 of 5, sleep 5.5 h (under 6 h)." in html
    assert "load alone" not in html
    calm = ask("compute", {}, store={"hrv": _week_of_hrv(7), "runs": _runs(14)})["html"]
    assert "Baseline still building: train as planned (neither HRV nor your training load counts yet)." in calm
    counted = ask("compute", {}, store={"hrv": _week_of_hrv(7), "runs": _runs(150)})["html"]
    assert "Baseline still building: train as planned (HRV is not used yet; your training load allows it)." in counted


def test_without_a_plan_the_profiles_run_days_decide_whether_tomorrow_is_a_run() -> None:
    """Tomorrow (a Tuesday) is not among the profile's run days (Thursday, Saturday, Sunday): rest, no easy run."""
    store = {"hrv": _week_of_hrv(7), "runs": _runs(150)}
    html = ask("compute", {"vdot": "45", "hr_max": "190"}, store=store, profile={"run_weekdays": "3,5,6"})["html"]
    assert "Tomorrow is not one of your run days: rest, or an easy 20–30 min if you want to move." in html
    assert "Easy 50 min" not in html and "If you move at all: 20–30 min very easy" in html
    assert "the slow half of your E range" in html


def test_green_and_amber_verdicts_with_drivers() -> None:
    store = {"hrv": _week_of_hrv(30), "runs": _runs(150)}
    green = ask("compute", {}, store=store)["html"]
    assert 'data-verdict="green"' in green and "within your normal range" in green
    amber = ask("compute", {"hr_max": "190"}, store=store | {"hrv": _week_of_hrv(30, low_today=True)})["html"]
    assert 'data-verdict="amber"' in amber and "below your normal range" in amber
    assert "under 142 bpm" in amber  # 75 % of 190 on an amber day


def test_sections_tables_and_the_ramp_are_named_plainly() -> None:
    html = ask("compute", {}, store={"hrv": _week_of_hrv(20), "runs": _runs(45)})["html"]
    for caption in ("Fitness, fatigue and form", "Weekly load by type", "Morning HRV", "Your runs"):
        assert f"<caption>{caption}" in html
    assert "does not forecast injury" in html and "15–40 %" in html


def test_the_load_sentence_adds_up_with_todays_row_of_the_table() -> None:
    """FORMULAS.md: form is the previous day's fitness − fatigue; the sentence shows those two, so the
    reader can check it: tomorrow's form is today's fitness − fatigue, as today's row of the table shows them."""
    hard_week = {"duration_s": 7200, "distance_m": 20_000, "rpe": 8}  # five days of 2 h at RPE 8: form well below 0
    heavy = {f"h{n}": {"date": (TODAY - timedelta(days=n)).isoformat()} | hard_week for n in range(5)}
    page = markup.unescape(ask("compute", {}, store={"runs": _runs(150) | heavy})["html"])
    found = re.search(
        r"At the end of today: fitness (\d+) \(a slow 42-day average of your training load\), fatigue (\d+) \(a fast "
        r"7-day one\)\. So you start tomorrow with form "
        r"(\d+) − (\d+) = −(\d+) \(−\d+ % of fitness\): below zero, as your recent load, weighted towards the "
        r"last few days, is above your 6-week level\.",
        page,
    )
    assert found, page
    fitness, fatigue, again_fitness, again_fatigue, minus_form = (int(n) for n in found.groups())
    assert (again_fitness, again_fatigue) == (fitness, fatigue) and -minus_form == fitness - fatigue
    today_row = re.search(rf"<th scope=\"row\"[^>]*>{TODAY:%a} {TODAY.day} {TODAY:%b}</th>(.*?)</tr>", page)
    assert today_row, page
    cells = re.findall(r">([^<]*)</td>", today_row.group(1))
    assert cells[1:3] == [str(fitness), str(fatigue)]


def test_a_positive_form_is_not_explained_by_the_rule_for_a_negative_one() -> None:
    """A runner whose form is +4 after an easy week read "below zero when your last week's load is above what you
    are used to": the sentence explains only the sign it shows."""
    rested = {k: v for k, v in _runs(150).items() if v["date"] < (TODAY - timedelta(days=6)).isoformat()}
    page = markup.unescape(ask("compute", {}, store={"runs": rested})["html"])
    said = re.search(r"So you start tomorrow with form \d+ − \d+ = \+\d+ \(\+\d+ % of fitness\)([^.]*)\.", page)
    assert said, page
    assert said.group(1) == (
        ": above zero, as your recent load, weighted towards the last few days, is below your 6-week level"
    )
    assert "below zero" not in page


def test_tomorrows_row_of_the_table_holds_the_form_the_sentence_gives() -> None:
    """Today's row shows how today started (before today's load), so the sentence's form, tomorrow's, has a row of
    its own: after a hard week and a rest day the two differ, and each is labelled with its day."""
    hard = {"duration_s": 7200, "distance_m": 20_000, "rpe": 8}
    heavy = {f"h{n}": {"date": (TODAY - timedelta(days=n)).isoformat()} | hard for n in range(1, 6)}
    page = markup.unescape(ask("compute", {}, store={"runs": _runs(150) | heavy})["html"])
    said = re.search(r"So you start tomorrow with form \d+ − \d+ = (−\d+) \((−\d+ %) of fitness\)", page)
    assert said, page
    tomorrow = TODAY + timedelta(days=1)
    head = rf"{tomorrow:%a} {tomorrow.day} {tomorrow:%b} \(tomorrow\)"
    row = re.search(rf'<th scope="row"[^>]*>{head}</th>(.*?)</tr>', page)
    assert row, page
    assert re.findall(r">([^<]*)</td>", row.group(1)) == ["—", "—", "—", said.group(1), said.group(2)]
    today_row = re.search(rf'<th scope="row"[^>]*>{TODAY:%a} {TODAY.day} {TODAY:%b}</th>(.*?)</tr>', page)
    assert today_row and re.findall(r">([^<]*)</td>", today_row.group(1))[3] != said.group(1)


def test_the_ramp_is_described_as_the_smoothed_ratio_it_is_and_no_second_ratio_stands_beside_it() -> None:
    """The ramp (EWMA, λ = 2/(N + 1)) weighs today a quarter: after a week of twice the usual load and a rest day
    it reads far below the plain ratio of weekly totals (1.45). Two ratios of the same thing on one screen read as a
    contradiction, so the page shows the one the verdict uses and says so, never "last 7 days' load is 1.05 times
    the last 28 days'"."""
    easy = {"duration_s": 3000, "distance_m": 9000, "rpe": 4}  # 200 AU a day
    usual = {f"u{n}": {"date": (TODAY - timedelta(days=n)).isoformat()} | easy for n in range(7, 60)}
    double = {f"d{n}": {"date": (TODAY - timedelta(days=n)).isoformat()} | easy | {"rpe": 8} for n in range(1, 7)}
    page = markup.unescape(ask("compute", {}, store={"runs": usual | double})["html"])
    ramp = re.search(r"<p data-ramp>(.*?)</p>", page)
    assert ramp, page
    text = re.sub(r"<[^>]+>", "", ramp.group(1))
    assert "weighted average that counts the latest days most (today alone makes up a quarter" in text
    assert "times the level of the last 28 days" not in text
    assert (
        "This weighted ramp is the figure the verdict uses (above 1.5 it turns a green day amber), not a plain " in text
    )
    assert not re.search(r"\b1\.45\b", page) and "In plain totals" not in page  # 2,400 AU against 1,650 a week


def test_strength_sessions_count_in_the_load() -> None:
    ident = "6f1c2a3e-0000-4000-8000-0000000000aa"
    lift = {"id": ident, "date": "2026-11-23", "kind": "A", "duration_min": 45, "rpe": 7}
    html = ask("compute", {}, store={"strength": {lift["id"]: lift}})["html"]
    assert ">315<" in html  # 45 min × RPE 7 in today's load


@pytest.mark.parametrize(("week_start", "first_row"), [(0, "Week of 23 Nov"), (6, "Week of 22 Nov")])
def test_the_weekly_balance_runs_in_the_readers_weeks(week_start: int, first_row: str) -> None:
    """A Sunday reader's Sunday session is in this week's balance, as on the calendar and in the strength log."""
    ident = "6f1c2a3e-0000-4000-8000-0000000000aa"
    lift = {"id": ident, "date": "2026-11-22", "kind": "A", "duration_min": 45, "rpe": 7}  # a Sunday
    html = ask("compute", {}, store={"strength": {ident: lift}}, profile={"week_start": week_start})["html"]
    table = html[html.index("data-balance") :]
    this_week = re.search(r'<th scope="row"[^>]*>([^<]*)</th>(.*?)</tr>', table)
    assert this_week and this_week.group(1) == first_row
    assert f"weeks starting {'Sunday' if week_start == 6 else 'Monday'}" in table
    strength = re.findall(r">([^<]*)</td>", this_week.group(2))[1]
    assert strength == ("315" if week_start == 6 else "0")


@pytest.mark.parametrize(
    ("dates", "words"),
    [
        (["soon"], "1 stored strength session could not be read or is dated after today, and is left out."),
        (["soon", "2026-11-24"], "2 stored strength sessions could not be read or are dated after today, and are left"),
    ],
)
def test_strength_sessions_left_out_of_the_load_are_counted(dates: list[str], words: str) -> None:
    lifts = {
        f"s{n}": {"id": f"s{n}", "date": d, "kind": "A", "duration_min": 45, "rpe": 7} for n, d in enumerate(dates)
    }
    assert words in markup.unescape(ask("compute", {}, store={"strength": lifts})["html"])


def _left_out_rows(html: str) -> list[str]:
    """The rows of the "Left out of your log" table, as text."""
    table = html.split("Left out of your log:", 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr[^>]*>.*?</tr>", table)[1:]  # after the header
    return [" ".join(markup.unescape(re.sub(r"<[^>]+>", " ", row)).split()) for row in rows]


def test_bad_stored_entries_are_left_out_listed_with_why_and_a_delete_button() -> None:
    good = {"date": "2026-11-22", "duration_s": 3000.0, "distance_m": 10_000.0, "rpe": 5.0}
    store = {
        "runs": {
            "x": {"date": "soon"},
            "y": "junk",
            "fast": {**good, "duration_s": 120.0},
            "ok": good,
            "later": {**good, "date": "2026-12-01"},
        },
        "hrv": {"not-a-date": {"rmssd_ms": 50}, "2026-11-20": {"rmssd_ms": 0}},
    }
    reply = ask("compute", {"units": "mi"}, store=store)
    assert reply["ok"] and "6 stored entries are left out of your load" in reply["html"]
    rows = _left_out_rows(reply["html"])
    assert rows[:3] == [
        "Tue 1 Dec Run Left out: it is dated after today. Edit Delete",
        "Sun 22 Nov Run Left out: 6.21 mi in 2:00 is a pace of 0:19 /mi, faster than any runner has gone. Edit Delete",
        "Fri 20 Nov HRV reading Left out: its rMSSD is missing or not from 5 to 300 ms. Delete",
    ]
    assert rows[3:] == [
        "no date Run Left out: its date is missing or not a date (YYYY-MM-DD). Delete",
        "no date Run Left out: some of its stored values cannot be read. Delete",
        "no date HRV reading Left out: some of its stored values cannot be read. Delete",
    ]
    # Each button is named in full for a screen reader.
    labels = re.findall(r'aria-label="([^"]+)"', reply["html"].split("Left out of your log:", 1)[1])
    assert labels == [
        "Edit run of Tuesday 1 December",
        "Delete run of Tuesday 1 December",
        "Edit run of Sunday 22 November",
        "Delete run of Sunday 22 November",
        "Delete HRV reading of Friday 20 November",
        "Delete the undated run, row 4",
        "Delete the undated run, row 5",
        "Delete the undated HRV reading, row 6",
    ]
    table = reply["html"].split("Left out of your log:", 1)[1]
    for ident in ("x", "y", "fast", "later"):
        assert f'data-args="{{&quot;collection&quot;: &quot;runs&quot;, &quot;id&quot;: &quot;{ident}&quot;}}"' in table
    # Only the runs whose values all read can be mended in the editor: the others have nothing to show in it.
    edits = re.findall(r'data-action="edit_run" data-args="\{&quot;id&quot;: &quot;(\w+)&quot;\}"', table)
    assert edits == ["later", "fast"]


def test_an_unreadable_entry_can_be_deleted_but_has_no_undo() -> None:
    store = {
        "runs": {"y": "junk", "fast": {"date": "2026-11-22", "duration_s": 120.0, "distance_m": 10_000.0, "rpe": 5}}
    }
    asked = ask("delete", store=store, args={"collection": "runs", "id": "y"})
    (effect,) = asked["effects"]
    assert effect["message"] == (
        "Delete this run, which has no date that reads, from this browser? It cannot be read, so this cannot be undone."
    )
    done = ask("delete", {"confirmed": "yes"}, store=store, args={"collection": "runs", "id": "y"})
    assert done["ops"] == [{"op": "delete", "collection": "runs", "id": "y"}] and "Undo" not in done["html"]
    assert "The run was deleted." in done["html"]
    # A run at an impossible pace reads, so it can be put back (and is left out again)
    fast = ask("delete", {"confirmed": "yes"}, store=store, args={"collection": "runs", "id": "fast"})
    assert "Undo: put the run back" in fast["html"]


def test_bad_settings_are_named() -> None:
    assert error(ask("compute", {"entry": "settings", "vdot": "120"}))[0] == "vdot"
    assert error(ask("compute", {"entry": "settings", "hr_rest": "80", "hr_max": "70"}))[0] == "hr_max"


def test_settings_take_heart_rates_in_whole_beats_as_the_profile_does() -> None:
    """The same profile keys as on the profile page, with the same rule: "190,5" is refused, not saved."""
    assert error(ask("compute", {"entry": "settings", "hr_max": "190,5"}))[0] == "hr_max"
    assert error(ask("compute", {"entry": "settings", "hr_rest": "50.5"}))[0] == "hr_rest"


def test_delete_asks_first_then_deletes_that_entry_only() -> None:
    store = {"runs": _runs(3), "hrv": _week_of_hrv(3)}
    asked = ask("delete", store=store, args={"collection": "runs", "id": "r0"})
    assert asked["ok"] and asked["ops"] == []
    (effect,) = asked["effects"]
    assert effect["type"] == "confirm" and effect["action"] == "delete"
    assert effect["message"].startswith("Delete the run of Monday 23 November from this browser?")
    done = ask(effect["action"], {"confirmed": "yes"}, store=store, args=effect["args"])
    assert done["ops"] == [{"op": "delete", "collection": "runs", "id": "r0"}]
    hrv = ask("delete", {"confirmed": "yes"}, store=store, args={"collection": "hrv", "id": "2026-11-22"})
    assert hrv["ops"] == [{"op": "delete", "collection": "hrv", "id": "2026-11-22"}]


def test_a_deleted_entry_can_be_put_back_whole() -> None:
    store = {"runs": _runs(3), "hrv": _week_of_hrv(3)}
    for collection, ident in (("runs", "r0"), ("hrv", "2026-11-22")):
        done = ask("delete", {"confirmed": "yes"}, store=store, args={"collection": collection, "id": ident})
        found = re.search(r'data-action="restore" data-args="([^"]*)"', done["html"])
        assert found and "Undo: put the" in done["html"]
        assert status_line(done["html"]) == f"The {KINDS[collection]} was deleted."  # the button is not read out
        args = json.loads(markup.unescape(found.group(1)))  # what the button sends back
        assert args == {"collection": collection, "id": ident, "value": store[collection][ident]}
        after = after_ops(store, done["ops"])
        back = ask("restore", store=after, args=args)
        assert back["ops"] == [{"op": "put", "collection": collection, "id": ident, "value": store[collection][ident]}]
        assert "back in your log" in back["html"]
        again = ask("restore", store=store, args=args)  # already there (another tab put it back): nothing stored
        assert again["ok"] and again["ops"] == [] and "already in your log" in again["html"]
    broken = {"collection": "runs", "id": "r0", "value": {"date": "2026-11-23"}}
    assert error(ask("restore", store={}, args=broken))[0] == "action"


def test_every_row_has_a_delete_button() -> None:
    html = ask("compute", {}, store={"runs": _runs(3), "hrv": _week_of_hrv(2)})["html"]
    assert html.count('data-action="delete"') == 2 + 2  # runs on 23 and 22 Nov, HRV on 23 and 22 Nov


def test_unknown_delete_targets_are_refused() -> None:
    assert error(ask("delete", {"confirmed": "yes"}, args={"collection": "settings", "id": "x"}))[0] == "action"
    assert error(ask("delete", args={"collection": "profile", "id": "profile"}))[0] == "action"


def test_a_planned_hard_day_tomorrow_gets_advice_and_the_plan_gives_the_pace() -> None:
    plan = plan_season(WeekPrefs(run_days=4, vdot=50), today=TODAY, race_date=None, weeks=4).to_dict()
    wednesday = TODAY + timedelta(days=2)  # the plan has intervals on Thursday
    html = ask("compute", {}, store={"plan": {"season": plan}}, today=wednesday)["html"]
    assert "Your plan has intervals tomorrow: keep it." in html
    assert "Tomorrow's easy run" not in html  # the intervals stay: no easy run beside them
    tired = {
        (wednesday - timedelta(days=n)).isoformat(): {"rmssd_ms": 35.0 if n == 0 else 60.0 + n % 3} for n in range(30)
    }
    store = {"plan": {"season": plan}, "hrv": tired, "runs": _runs(150)}
    html = ask("compute", {}, store=store, today=wednesday)["html"]
    # No easy day later that week (Saturday is the long run): the calendar's offer, run easy in its place.
    assert 'data-verdict="amber"' in html and "Your plan has intervals tomorrow: run it easy." in html
    assert "Run easy on Thursday 26 November instead: shorter and slower" in html and "Swap it" not in html
    assert "from your saved plan's VDOT 50" in html
    friday = wednesday + timedelta(days=2)  # the long run on Saturday, named as a runner says it
    fresh = ask("compute", {}, store={"plan": {"season": plan}}, today=friday)["html"]
    assert "Your plan has the long run tomorrow: keep it." in fresh


def test_tomorrows_easy_run_is_the_plans_own_and_a_hard_day_gets_none() -> None:
    """A five-run plan with 45-minute easy runs: the easy run is the plan's 45 min "as planned"; before the tempo
    run there is no easy run, and an amber swap cuts back the next easy day's 45 min, not an invented 50."""
    plan = plan_season(WeekPrefs(run_days=5, vdot=50), today=TODAY, race_date=None, weeks=4)
    days = plan.planned_days()
    tempo = next(d for d in sorted(days) if days[d].run == "tempo" and d > TODAY + timedelta(days=1))
    easy = next(d for d in sorted(days) if d > tempo and days[d].run == "easy")
    assert days[easy].minutes == 45  # the plan's easy runs, not the guide's default of 50
    store: dict[str, Any] = {"plan": {"season": plan.to_dict()}}
    before_easy = ask("compute", {}, store=store, today=easy - timedelta(days=1))["html"]
    assert "Easy 45 min as planned, at E pace." in before_easy
    eve = tempo - timedelta(days=1)
    fresh = {(eve - timedelta(days=n)).isoformat(): {"rmssd_ms": 60.0 + n % 3} for n in range(30)}
    green = ask("compute", {}, store=store | {"hrv": fresh}, today=eve)["html"]
    assert 'data-verdict="green"' in green and "Your plan has the tempo run tomorrow: keep it." in green
    assert "Tomorrow's easy run" not in green and "min as planned" not in green
    tired = fresh | {eve.isoformat(): {"rmssd_ms": 35.0}}
    amber = ask("compute", {}, store=store | {"hrv": tired}, today=eve)["html"]
    assert "Your plan has the tempo run tomorrow: swap it." in amber
    assert f"Swap it with your next easy day: move the tempo run + Session A to {day_words(easy, today=eve)}" in amber
    assert "27–31 min in the slow half of your E range, your next easy day's 45 min, cut back." in amber


def test_an_unreadable_plan_is_noted_and_ignored() -> None:
    html = ask("compute", {}, store={"plan": {"season": {"version": 99}}})["html"]
    assert "saved season plan could not be read" in html


def test_saving_a_run_already_logged_asks_first_and_stores_it_again_only_when_confirmed() -> None:
    """The form keeps what was typed, so Save pressed again must not double the day's load unasked;
    two real runs alike on one day are both kept once the reader confirms."""
    values = {
        "entry": "run",
        "run_date": "2026-11-21",
        "run_duration": "30:00",
        "run_distance_mi": "3.1",
        "run_rpe": "3",
    }
    values |= {"units": "mi"}
    first = ask("save", values)
    store = after_ops({}, first["ops"])
    again = ask("save", values, store=store)
    assert again["ok"] and again["ops"] == []
    (effect,) = again["effects"]
    assert effect["type"] == "confirm" and effect["action"] == "save"
    assert effect["message"].startswith("You already logged a run of 30:00 and 3.1 mi on Saturday 21 November. Log it")
    confirmed = ask(effect["action"], values | {"confirmed": "yes"}, store=store, args=effect["args"])
    assert len(confirmed["ops"]) == 1 and "added to your log" in confirmed["html"]
    other_day = ask("save", values | {"run_date": "2026-11-22"}, store=store)
    longer = ask("save", values | {"run_duration": "30:01"}, store=store)
    assert len(other_day["ops"]) == len(longer["ops"]) == 1
    assert not [e for e in other_day["effects"] + longer["effects"] if e["type"] == "confirm"]  # not asked


def test_a_bad_stored_number_does_not_block_logging_a_run() -> None:
    values = {"entry": "run", "run_duration": "40:00", "run_distance": "8", "run_rpe": "4", "vdot": "300"}
    reply = ask("save", values)
    assert reply["ok"] and len(reply["ops"]) == 1
    assert "VDOT: 300 is out of range" in reply["html"] and "correct it under “My numbers”" in reply["html"]
    assert error(ask("compute", {"entry": "settings", "vdot": "300"}))[0] == "vdot"


def test_hrv_chart_is_an_inline_svg_with_a_text_alternative_and_the_table_beside_it() -> None:
    html = ask("compute", {}, store={"hrv": _week_of_hrv(20)})["html"]
    assert '<svg class="sl-chart"' in html and 'role="img"' in html and "The table below gives the same numbers" in html
    assert html.count("<circle") == 20 and "<caption>Morning HRV" in html
    assert "<svg" not in ask("compute", {}, store={"hrv": _week_of_hrv(1)})["html"]


@pytest.mark.parametrize(
    ("offsets", "day"),
    [
        (None, "2026-11-17"),  # no time zone sent: UTC
        ([["2025-10-01", -420]], "2026-11-16"),  # Los Angeles: 06:30 UTC is 22:30 the evening before
        ([["2025-10-01", 660]], "2026-11-17"),  # Sydney: 17:30 the same day
    ],
)
def test_an_imported_run_is_dated_in_the_readers_time_zone(offsets: list[list[Any]] | None, day: str) -> None:
    """The GPX starts at 2026-11-17T06:30Z; the log shows the reader's local date."""
    payload = {
        "values": {"entry": "activity", "activity_file": fixture_file("run.gpx"), "import_rpe": "4"},
        "today": TODAY.isoformat(),
        "now": "2026-11-23T08:00:00.000Z",
        "new_id": NEW_ID,
        "store": {},
        "utc_offsets": offsets,
    }
    reply = handle({"id": 1, "calculator": "readiness", "action": "save", "payload": payload})
    assert reply["ops"][0]["value"]["date"] == day


@pytest.mark.parametrize("offsets", [[["23/11/2026", 60]], [["2026-11-23", 60000]], "UTC+1"])
def test_a_broken_time_zone_table_is_a_message(offsets: object) -> None:
    payload = {"values": {}, "today": TODAY.isoformat(), "store": {}, "utc_offsets": offsets}
    reply = handle({"id": 1, "calculator": "readiness", "payload": payload})
    assert reply["ok"] is False and reply["error"]["field"] == "utc_offsets"


def test_a_fit_file_before_the_decoder_is_installed_asks_for_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """In the browser the FIT decoder is installed on first use: the reply names the package for the worker
    to install before it asks again, and stores nothing meanwhile."""
    import sys

    monkeypatch.setitem(sys.modules, "fitdecode", None)
    reply = ask("save", {"entry": "activity", "activity_file": fixture_file("run.fit"), "import_rpe": "5"})
    assert not reply["ok"] and "ops" not in reply
    assert reply["error"]["code"] == "package" and reply["package"] == "fitdecode"


def test_an_ultra_longer_than_a_day_counts_in_the_load() -> None:
    """The run log accepts runs up to 48 hours (a 100-mile race); the load model must take them too."""
    ultra = {"date": "2026-11-21", "duration_s": 30 * 3600.0, "distance_m": 161_000.0, "rpe": 8.0, "source": "hand"}
    reply = ask("compute", store={"runs": {"u1": ultra}, "hrv": {}})
    assert reply["ok"], reply
    assert "14400" in reply["html"].replace(",", "").replace(" ", "")  # 1800 minutes × RPE 8


def _row_heads(html: str, caption: str) -> list[str]:
    """The row headers of the table with that caption, as text."""
    table = html.split(f"<caption>{caption}", 1)[1].split("</table>", 1)[0]
    return [re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r'<th scope="row"[^>]*>(.*?)</th>', table)]


def test_dates_read_as_words_in_sentences_and_in_one_compact_form_in_tables() -> None:
    """Rule: "Tuesday 24 November" in a headline or a button's name, "Mon 23 Nov" in a table; ISO stays in the args."""
    html = ask("compute", store={"runs": _runs(2), "hrv": _week_of_hrv(2)})["html"]
    assert "<h3>Tomorrow, Tuesday 24 November</h3>" in html
    assert _row_heads(html, "Your runs")[:2] == ["Mon 23 Nov", "Sun 22 Nov"]
    assert _row_heads(html, "Morning HRV")[:2] == ["Mon 23 Nov", "Sun 22 Nov"]
    assert _row_heads(html, "Fitness, fatigue and form")[:2] == ["Tue 24 Nov (tomorrow)", "Mon 23 Nov"]
    assert _row_heads(html, "Weekly load by type")[:2] == ["Week of 23 Nov", "Week of 16 Nov"]
    assert 'aria-label="Delete run of Monday 23 November"' in html
    assert 'aria-label="Delete HRV of Sunday 22 November"' in html
    assert "&quot;id&quot;: &quot;2026-11-23&quot;" in html  # the HRV reading's id, as stored


def test_a_table_reaching_into_last_year_gives_every_row_its_year() -> None:
    new_year = date(2027, 1, 2)
    runs = {
        f"r{n}": {"date": f"2026-12-{d}", "duration_s": 3000, "distance_m": 9000, "rpe": 5}
        for n, d in enumerate((22, 30, 31))
    }
    runs["r3"] = {"date": "2027-01-01", "duration_s": 3000, "distance_m": 9000, "rpe": 5}
    html = ask("compute", store={"runs": runs}, today=new_year)["html"]
    assert _row_heads(html, "Your runs") == ["Fri 1 Jan 2027", "Thu 31 Dec 2026", "Wed 30 Dec 2026", "Tue 22 Dec 2026"]
    assert _row_heads(html, "Fitness, fatigue and form")[:2] == ["Sun 3 Jan 2027 (tomorrow)", "Sat 2 Jan 2027"]
    assert _row_heads(html, "Weekly load by type")[:2] == ["Week of 28 Dec 2026", "Week of 21 Dec 2026"]
    assert 'aria-label="Edit run of Friday 1 January"' in html
    assert 'aria-label="Delete run of Wednesday 30 December 2026"' in html


def test_switching_distances_to_miles_never_reads_10_km_as_10_miles() -> None:
    """Each unit has its own distance box: 10 typed in km stays km, and with miles chosen the miles box is asked
    for, with what the km come to in miles (exact)."""
    typed = {"entry": "run", "run_date": "2026-11-22", "run_duration": "50:00", "run_distance": "10", "run_rpe": "5"}
    assert error(ask("save", typed | {"units": "mi"})) == (
        "run_distance_mi",
        "Distance: enter a number between 0.1 and 621 mi. "
        "Your 10 km (6.21 mi) is kept in the km box, not read as miles.",
    )
    in_miles = ask("save", typed | {"units": "mi", "run_distance_mi": "6.2"})
    assert in_miles["ops"][0]["value"]["distance_m"] == 9977.9 and ">6.20 mi<" in in_miles["html"]
    back = ask("save", typed | {"run_distance_mi": "6.2"})  # back to km: the 10 typed there is still km
    assert back["ops"][0]["value"]["distance_m"] == 10_000.0 and ">10.00 km<" in back["html"]


def test_each_distance_box_is_labelled_with_its_unit_and_shown_only_with_it() -> None:
    form = str(render_calculator(CALCULATOR, context=Context()))
    km = re.search(r'<div class="sl-field" data-show-when="entry=run units=km">\s*<label[^>]*>([^<]*)<', form)
    miles = re.search(r'<div class="sl-field" data-show-when="entry=run units=mi" hidden>\s*<label[^>]*>([^<]*)<', form)
    assert km is not None and km.group(1) == "Distance (km)"
    assert miles is not None and miles.group(1) == "Distance (miles)"
    assert "To type it in miles, choose miles under “Distances in”." in form


def test_the_verdict_says_up_front_what_a_new_runner_still_waits_for_until_everything_counts() -> None:
    """Under the headline, before the reasons: the load ramp and form, each with the date it counts from (21 and 126
    days from the first log, that day included), and form shown meanwhile, still settling; HRV is left out for a
    runner who logs none. Gone once all counts."""
    young = markup.unescape(ask("compute", store={"runs": _runs(8)})["html"])
    said = re.search(r'<p class="sl-result__headline" data-summary>[^<]*</p><p data-still-to-come>(.*?)</p>', young)
    assert said is not None and said.group(1) == (
        "The load ramp (how fast your training load is rising) is ready after 3 weeks of logs (from Sunday 6 December) "
        "and form (how fresh you are: fitness − fatigue) after 18 weeks of logs (from Sunday 21 March 2027; shown from "
        "Sunday 6 December, still settling)."
    )
    seeded = markup.unescape(ask("compute", store={"runs": _runs(21)})["html"])
    said = re.search(r'<p class="sl-result__headline" data-summary>[^<]*</p><p data-still-to-come>(.*?)</p>', seeded)
    assert said is not None and said.group(1) == (
        "Form (how fresh you are: fitness − fatigue) is ready after 18 weeks of logs (from Monday 8 March 2027; shown "
        "meanwhile, still settling)."
    )
    settled = ask("compute", store={"hrv": _week_of_hrv(30), "runs": _runs(130)})["html"]
    assert "data-verdict" in settled and "data-still-to-come" not in settled


def test_a_young_load_history_says_from_when_the_ramp_counts_instead_of_a_number() -> None:
    """The ramp reads high in the first weeks from zero: no ramp figure is shown before the first three weeks give the
    runner's usual week to start from, only the date it starts to count (21 days from the first log, that day
    included). From then it shows, marked still settling until its 4-week load would be 95 % full from zero (42
    days); after that, as before."""
    young = markup.unescape(ask("compute", store={"runs": _runs(8)})["html"])
    ramp = re.search(r"<p data-ramp>(.*?)</p>", young)
    assert ramp is not None and not re.search(r"\d\.\d", ramp.group(1)), ramp  # no ratio, no "4.00 times"
    assert ramp.group(1).startswith(
        "Load ramp (how fast your load is rising): counts after 3 weeks of logs, from Sunday 6 December; your "
        "first log is from Monday 16 November."
    )
    settling = markup.unescape(ask("compute", store={"runs": _runs(35)})["html"])
    ramp = re.search(r"<p data-ramp data-settling>(.*?)</p>", settling)
    assert ramp is not None and ramp.group(1).startswith("Load ramp 1.")
    assert "Still settling until Monday 30 November: both averages started from your usual week" in ramp.group(1)
    settled = ask("compute", store={"runs": _runs(50)})["html"]
    assert "<p data-ramp>Load ramp 1." in settled and "Still settling until" not in settled.split("data-ramp")[1]


def test_a_new_reader_sees_no_form_number_and_no_rows_before_her_first_log() -> None:
    """One run yesterday: form counts only after 6 weeks of logs, so tomorrow's row and every day's form read "—",
    the fitness table starts at the first log, and the weekly balance lists no weeks that ended before it."""
    run = {"date": (TODAY - timedelta(days=1)).isoformat(), "duration_s": 3000, "distance_m": 9000, "rpe": 5}
    html = markup.unescape(ask("compute", store={"runs": {"r1": run}})["html"])
    assert _row_heads(html, "Fitness, fatigue and form") == ["Tue 24 Nov (tomorrow)", "Mon 23 Nov", "Sun 22 Nov"]
    table = html.split("<caption>Fitness, fatigue and form", 1)[1].split("</table>", 1)[0]
    forms = [re.findall(r'<td [^>]*class="sl-num[^"]*">(.*?)</td>', row)[3] for row in table.split("</tr>")[1:-1]]
    assert forms == ["—", "—", "—"]
    assert _row_heads(html, "Weekly load by type") == ["Week of 23 Nov", "Week of 16 Nov"]
    svg = html.split('aria-label="Chart of your fitness', 1)[1].split("</svg>", 1)[0]
    assert "<rect" not in svg.split('data-series="form"', 1)[1].split("</g>", 1)[0]


def test_form_that_does_not_count_yet_is_no_number_and_no_reason_for_the_verdict() -> None:
    """A week of steady running reads as form −300 %: no reader should meet that number, neither among the verdict's
    reasons nor in the load section, which says from when form counts instead."""
    young = markup.unescape(ask("compute", store={"hrv": _week_of_hrv(30), "runs": _runs(8)})["html"])
    drivers = re.search(r"<ul data-drivers>(.*?)</ul>", young)
    assert drivers is not None and "%" not in drivers.group(1) and "form" not in drivers.group(1).lower()
    assert "Training load not counted yet: how fast it is rising (the load ramp) and how" in drivers.group(1)
    assert (
        "At the end of today: fitness 33 (a slow 42-day average of your training load), fatigue 129 (a fast 7-day "
        "one). Form (fitness − fatigue) shows after 3 weeks of logs, from "
        "Sunday 6 December; your first log is from Monday 16 November." in young
    )
    assert "start tomorrow with form" not in young and "% of fitness)" not in young
    table = re.search(r"<tbody[^>]*>(.*?)</tbody>", young)
    assert table is not None and " %<" not in table.group(1)  # the form-% column is blank until it counts
    settled = markup.unescape(ask("compute", store={"hrv": _week_of_hrv(30), "runs": _runs(130)})["html"])
    assert "% of fitness)" in settled and " %</td>" in settled
    assert "what you are used to: your recent daily load" in settled


def test_from_3_weeks_form_shows_as_still_settling_and_is_no_reason_for_the_verdict() -> None:
    """A first season: 30 days of runs. Form is shown, started from the runner's usual week, with plain words that it
    is still settling until 18 weeks of logs and does not set the verdict yet; the table marks its figures; the
    reasons name no form figure. At 130 days tomorrow's form is no longer marked; only the table's days before the
    126th still are."""
    html = markup.unescape(ask("compute", store={"hrv": _week_of_hrv(30), "runs": _runs(30)})["html"])
    form = re.search(r"<p data-form data-settling>(.*?)</p>", html)
    assert form is not None and "So you start tomorrow with form " in form.group(1)
    assert re.search(r"form -?\d+ − \d+ = [+−]\d+ \([+−]\d+ % of fitness\)", form.group(1))
    assert (
        "Still settling until Saturday 27 February 2027: fitness and fatigue started from your usual week in your "
        "first 3 weeks of logs, and fitness leans on that start for months, so form is a guide only until then and "
        "does not set the verdict." in form.group(1)
    )
    table = html.split("<caption>Fitness, fatigue and form", 1)[1].split("</table>", 1)[0]
    shares = [re.findall(r'<td [^>]*class="sl-num[^"]*">(.*?)</td>', row)[4] for row in table.split("</tr>")[1:-1]]
    assert all(s.endswith(" % (settling)") for s in shares[:10])  # tomorrow's and the last days' rows
    assert shares[-1] == "—"  # the first logged days: before 3 weeks of logs
    drivers = re.search(r"<ul data-drivers>(.*?)</ul>", html)
    assert drivers is not None and "%" not in drivers.group(1)
    assert "6-week level still settling" in drivers.group(1) and "does not set the verdict yet" in drivers.group(1)
    settled = markup.unescape(ask("compute", store={"hrv": _week_of_hrv(30), "runs": _runs(130)})["html"])
    form = re.search(r"<p data-form>(.*?)</p>", settled)
    assert form is not None and "settling" not in form.group(1)
    table = settled.split("<caption>Fitness, fatigue and form", 1)[1].split("</table>", 1)[0]
    shares = [re.findall(r'<td [^>]*class="sl-num[^"]*">(.*?)</td>', row)[4] for row in table.split("</tr>")[1:-1]]
    assert shares[0].endswith(" %") and shares[-1].endswith(" % (settling)")  # days before the 126th: still marked


def test_an_average_just_below_its_range_is_not_shown_on_the_edge() -> None:
    """A 7-day average of 59.7 ms below a range from 60.1 ms: whole numbers would read "60, 60–…, below"."""
    hrv = {(TODAY - timedelta(days=n)).isoformat(): {"rmssd_ms": 60.0 if n % 2 else 68.0} for n in range(40)}
    hrv[TODAY.isoformat()] = {"rmssd_ms": 40.0}
    html = ask("compute", store={"hrv": hrv})["html"]
    table = html.split("<caption>Morning HRV", 1)[1].split("</tr>", 2)[1]  # the newest row
    cells = [re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<td[^>]*>(.*?)</td>", table)]
    assert cells[1:4] == ["59.7", "60.1–" + cells[2].split("–")[1], "below"], cells
    assert cells[2].split("–")[1].count(".") == 1


def test_the_hrv_table_says_its_verdict_column_judges_the_7_day_average_not_the_morning() -> None:
    """A runner read "Sun 6 Dec, 44 ms … within" beside a 65–74 ms range as a mistake. The verdict judges the 7-day
    average against the range (TRAINING-RULES.md), as the column does: its heading says which value it compares,
    and the caption says why a single morning is not judged."""
    hrv = {(TODAY - timedelta(days=n)).isoformat(): {"rmssd_ms": 58.0 + n % 7 * 5} for n in range(1, 40)}
    hrv[TODAY.isoformat()] = {"rmssd_ms": 44.0}
    html = markup.unescape(ask("compute", store={"hrv": hrv})["html"])
    table = html.split("<caption>Morning HRV", 1)[1].split("</table>", 1)[0]
    heads = [re.sub(r"<[^>]+>", "", h) for h in re.findall(r"<th[^>]*scope=\"col\"[^>]*>(.*?)</th>", table)]
    column = heads.index("7-day average vs your range")
    assert heads[column - 2 : column] == ["7-day average", "Normal range"]
    newest = table.split("</tr>")[1]
    cells = [re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", newest)]
    low, high = (float(edge) for edge in cells[column - 1].split("–"))
    assert cells[1] == "44" and low > 44  # the morning itself is under the range …
    assert low <= float(cells[column - 2]) <= high and cells[column] == "within"  # … its 7-day average is not
    assert "The verdict compares your 7-day average with that range, not a single morning" in table


def test_the_hrv_table_rounds_every_row_and_its_caption_one_way() -> None:
    """One row's average on the edge of its range shows one decimal; the table then showed "59.7 … 60.1–65.3" above
    rows of whole ms ("63 … 61–66"), two rules in one column. Every row, and the caption's range, take the one."""
    hrv = {(TODAY - timedelta(days=n)).isoformat(): {"rmssd_ms": 60.0 if n % 2 else 68.0} for n in range(40)}
    hrv[TODAY.isoformat()] = {"rmssd_ms": 40.0}
    html = markup.unescape(ask("compute", store={"hrv": hrv})["html"])
    table = html.split("<caption>Morning HRV", 1)[1].split("</table>", 1)[0]
    rows = [
        [re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row)] for row in table.split("</tr>")
    ]
    derived = [value for cells in rows if len(cells) > 3 for value in (cells[1], *cells[2].split("–")) if value]
    assert len(derived) > 3 * 20  # the 28 days' averages and ranges
    assert all(re.fullmatch(r"\d+\.\d", value) for value in derived), derived
    caption = re.search(r"your normal range now is ([\d.]+)–([\d.]+) ms", table)
    assert caption and all("." in edge for edge in caption.groups()), caption


def test_the_hrv_range_is_said_in_plain_words_and_ms_never_as_sd() -> None:
    """The drivers say how far outside the range the average is in ms; the table's caption spells out the range."""
    hrv = {(TODAY - timedelta(days=n)).isoformat(): {"rmssd_ms": 60.0 if n % 2 else 68.0} for n in range(40)}
    hrv[TODAY.isoformat()] = {"rmssd_ms": 40.0}
    html = ask("compute", store={"hrv": hrv})["html"]
    assert re.search(r"<li>7-day HRV average [\d.]+ ms, 0.3 ms below your normal range of [\d.]+–[\d.]+ ms</li>", html)
    assert "your 60-day average plus or minus half a standard deviation" in html
    assert not re.search(r"\bSD\b", html)


def test_sleep_reads_back_in_hours_and_minutes_as_typed() -> None:
    """Sleep typed as 7:30 (or 7.5) shows as 7:30 h in the HRV table, not 7.5 h."""
    hrv = {TODAY.isoformat(): {"rmssd_ms": 60.0, "sleep_hours": 7.5}}
    html = ask("compute", store={"hrv": hrv})["html"]
    table = html.split("<caption>Morning HRV", 1)[1].split("</table>", 1)[0]
    assert ">7:30 h<" in table and "7.5 h" not in table


def test_a_week_under_way_is_not_judged_before_its_planned_sessions() -> None:
    """Monday's run is logged and the plan has strength later this week: "so far", with the planned sessions named;
    without a plan the same log reads "so far" too, never "strength missing" before the week has ended."""
    plan = plan_season(WeekPrefs(run_days=4, vdot=50), today=TODAY, race_date=None, weeks=4)
    days = plan.planned_days()
    ahead = [d for d in sorted(days) if TODAY < d < TODAY + timedelta(days=7) and days[d].strength]
    assert ahead  # the fixture plan lifts later this week
    run = {"r1": {"date": TODAY.isoformat(), "duration_s": 3000, "distance_m": 9000, "rpe": 5}}
    ident = "6f1c2a3e-0000-4000-8000-0000000000aa"
    lift = {"id": ident, "date": TODAY.isoformat(), "kind": "A", "duration_min": 45, "rpe": 7}
    store = {"plan": {"season": plan.to_dict()}, "runs": run, "strength": {ident: lift}}
    html = ask("compute", {}, store=store)["html"]
    later = f"Session {days[ahead[0]].strength} on {ahead[0]:%A} {ahead[0].day} {ahead[0]:%B}"
    assert "This week is under way. Strength is 56 % of the load so far; the week is judged when it ends" in html
    assert later in html and "Session A on Monday" not in html  # today's is logged, so not "planned"
    this_week = html.split("data-balance")[1].split("</tr>")[1]  # after the table's head row
    assert ">so far: strength 56 %<" in this_week and "over-indexed" not in html
    alone = ask("compute", {}, store={"runs": run})["html"]
    assert "This week is under way. No strength so far;" in alone and "strength missing" not in alone


def test_last_weeks_strength_share_over_the_aim_is_said_in_words_with_whose_doing_it_is() -> None:
    """The week under way is not judged, so the week just ended is where a reader learns its share was high: the
    plan's own small week (three short runs and its two sessions, all done, the lifts very hard) reads as the plan's
    mismatch, in plain words, not "strength over-indexed"."""
    monday = TODAY - timedelta(days=7)
    plan = plan_season(WeekPrefs(run_days=3, vdot=50, current_volume=110), today=monday, race_date=None, weeks=4)
    week = [d for d in plan.days() if d.day is not None and monday <= d.day < TODAY]
    runs = {
        f"r{n}": {"date": d.day.isoformat(), "duration_s": (d.minutes or 0) * 60, "distance_m": 5000, "rpe": 5}
        for n, d in enumerate(week)
        if d.run != "rest"
    }
    lifts = {
        f"6f1c2a3e-0000-4000-8000-00000000000{n}": {
            "id": f"6f1c2a3e-0000-4000-8000-00000000000{n}",
            "date": d.day.isoformat(),
            "kind": d.strength,
            "duration_min": 45,
            "rpe": 7,
        }
        for n, d in enumerate(week)
        if d.strength
    }
    assert len(lifts) == 2 and sum(d.minutes or 0 for d in week if d.run != "rest") == 110
    html = markup.unescape(
        ask("compute", {}, store={"plan": {"season": plan.to_dict()}, "runs": runs, "strength": lifts})["html"]
    )
    last = re.search(r"<p data-balance-last>(.*?)</p>", html)
    assert last is not None and last.group(1).startswith(
        "The week of Monday 16 November: too much strength. Strength was 53 % of the week's training load, more than "
        "the 15–40 % Stridelab aims for. Your plan's own week is over it too: its 110 min of running is small beside "
        "two full strength sessions"
    )
    assert "over-indexed" not in html


def test_the_first_hard_session_after_a_week_without_running_is_advised_easy_for_tomorrow() -> None:
    """Stridelab's rule, as Today says it: after 7 days or more without a run, tomorrow's tempo run is run easy."""
    start = TODAY - timedelta(days=14)
    plan = plan_season(WeekPrefs(run_days=4, vdot=50), today=start, race_date=None, weeks=4)
    first = [d for d in plan.days() if d.day is not None and d.day < start + timedelta(days=7) and d.minutes]
    runs = {
        f"r{n}": {"date": d.day.isoformat(), "duration_s": (d.minutes or 0) * 60, "distance_m": 9000, "rpe": 5}
        for n, d in enumerate(first)
    }
    store = {"plan": {"season": plan.to_dict()}, "runs": runs}
    html = markup.unescape(ask("compute", {}, store=store, today=TODAY - timedelta(days=1))["html"])
    assert re.search(
        r"Your plan has the tempo run tomorrow: run it easy\. </strong>Your first hard session back since your last "
        r"run on \w+ \d+ \w+:",
        html,
    )
    # Its strength session goes with a hard run, never on an easy day: dropped that day, said the evening before and
    # in the week's sentence on the day, once the easy run is logged.
    said = "<p data-strength-dropped>No Session A on Monday 23 November: your first hard session back is run easy"
    assert said in html
    easy = {"date": TODAY.isoformat(), "duration_s": 2400, "distance_m": 6000, "rpe": 3}
    today = markup.unescape(ask("compute", {}, store=store | {"runs": runs | {"back": easy}})["html"])
    assert "This week is under way." in today and "Session B on Thursday 26 November is planned." in today
    assert "Session A on Monday 23 November is planned" not in today and "No Session A on Monday 23 November" in today


def test_a_reader_who_stopped_logging_hrv_reads_hrv_too_sparse_not_baseline_building() -> None:
    """8 weeks of HRV that stop 6 days ago leave 1 reading in the last 7: the load's verdict (the house rule), named
    for what it lacks, with the last reading's date, on the readiness page and on the calendar's day."""
    hrv = {d: v for d, v in _week_of_hrv(56).items() if date.fromisoformat(d) <= TODAY - timedelta(days=6)}
    last = day_words(TODAY - timedelta(days=6), today=TODAY + timedelta(days=1))
    html = markup.unescape(ask("compute", {}, store={"hrv": hrv, "runs": _runs(150)})["html"])
    lacks = f"HRV too sparse (1 reading in the last 7 days, needs 3, the last on {last})"
    assert f"From your training load, {lacks}: train as planned." in html
    assert "Baseline still building" not in html and "HRV not used yet" not in html
    calendar = handle(
        {
            "id": 1,
            "calculator": "calendar",
            "module": "calendar_page",
            "action": "day",
            "payload": {
                "values": {},
                "args": {"day": TODAY.isoformat()},
                "today": TODAY.isoformat(),
                "new_id": "n1",
                "store": {"hrv": hrv, "runs": _runs(150)},
                "profile": {},
            },
        }
    )
    assert f"Readiness: green, from your training load; {lacks}" in calendar["html"]


def test_the_days_and_numbers_of_a_run_and_of_a_reading_are_never_kept_with_the_forms_inputs() -> None:
    """A run's or a reading's date or numbers typed at one visit must not be saved as the next visit's entry (56 ms
    typed on the 22nd stored as the 23rd's reading): the glue keeps no field marked ``data-not-kept`` (the calendar's
    log-a-run takes the day chosen on the calendar, not a field). The choice of entry, units and profile are kept."""
    not_kept = {f.name for f in CALCULATOR.fields if not f.kept}
    run = {"run_date", "run_duration", "run_distance", "run_distance_mi", "run_rpe", "run_hr", "import_rpe"}
    assert not_kept == run | {"hrv_date", "rmssd", "resting_hr", "sleep_hours", "soreness"}
    html = str(render_calculator(CALCULATOR))
    assert all("data-not-kept" in html.split(f'name="{name}"', 1)[1].split(">", 1)[0] for name in not_kept)


def test_a_session_a_red_verdict_drops_is_not_planned_in_the_weeks_sentence() -> None:
    """TRAINING-RULES.md: on a red day "strength that day is dropped". The calendar marks Thursday's Session B
    dropped the evening before and on the day; the week's sentence says so with why, and does not call it planned."""
    from tests.unit.test_calendar_page import MONDAY, PLAN, red_day

    thursday = MONDAY + timedelta(days=17)  # intervals + Session B, tempo and easy run done this week
    runs, hrv = red_day(thursday)
    store = {"plan": {"season": PLAN.to_dict()}, "runs": runs, "hrv": hrv}
    dropped = "No Session B on Thursday 19 March: a red verdict drops strength that day."
    for today in (thursday - timedelta(days=1), thursday):
        html = markup.unescape(ask("compute", {}, store=store, today=today)["html"])
        week = re.search(r"<p data-balance>(.*?)</p>", html)
        assert week is not None and week.group(1).startswith("This week is under way."), today
        assert dropped in week.group(1) and "Session B on Thursday 19 March is planned" not in week.group(1), today
    evening = markup.unescape(ask("compute", {}, store=store, today=thursday - timedelta(days=1))["html"])
    assert "Drop any strength session planned for tomorrow." in evening  # the verdict itself, as the page gives it


#: Her week: Monday easy, Tuesday tempo + Session A, Thursday intervals + Session B, Saturday long; Wednesday,
#: Friday and Sunday rest. Tuesday's next easy run is the next Monday's, in another week.
_TUESDAY_TEMPO = plan_season(
    WeekPrefs(run_days=4, available_days=(0, 1, 3, 5), hard_days=(1, 3), vdot=45), today=TODAY, race_date=None, weeks=4
)
_HER_DAYS = {"run_weekdays": "0,1,3,5"}


def _text(html: str) -> str:
    return " ".join(markup.unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_an_amber_tempo_with_no_easy_day_left_in_its_week_gets_the_calendars_offer_and_its_minutes() -> None:
    """One low morning before a Tuesday tempo whose week has no easy run after it: the training calendar cannot swap
    it (it never moves a session out of its week), so the page says what the calendar offers, with its date, and
    tomorrow's easy run is the one that offer plans, never "your next easy day's 50 min" from the week after."""
    tomorrow = TODAY + timedelta(days=1)
    days = _TUESDAY_TEMPO.planned_days()
    assert [days[TODAY + timedelta(days=n)].run for n in range(7)] == [
        "easy", "tempo", "rest", "intervals", "rest", "long", "rest"
    ]  # fmt: skip
    hrv = {(TODAY - timedelta(days=n)).isoformat(): {"rmssd_ms": 35.0 if n == 0 else 60.0 + n % 3} for n in range(30)}
    store = {"plan": {"season": _TUESDAY_TEMPO.to_dict()}, "hrv": hrv, "runs": _runs(150)}
    page = _text(ask("compute", {}, store=store, profile=_HER_DAYS)["html"])
    assert "Amber: take it easier" in page
    assert (
        "Your plan has the tempo run tomorrow: run it easy. Your plan has no easy day later this week to swap it with. "
        "Run easy on Tuesday 24 November instead: shorter and slower, as readiness says, no strength, and leave the "
        "tempo run + Session A out this week." in page
    )
    assert "next easy day" not in page and "Swap it" not in page
    offer = reschedule_offers(_TUESDAY_TEMPO, tomorrow, trigger="amber", today=TODAY, run_weekdays=(0, 1, 3, 5))[0]
    planned = offer.week.days[1].minutes
    found = re.search(r"Time: (\d+)–(\d+) min", page)
    assert found and planned is not None and int(found.group(1)) <= planned <= int(found.group(2))


def test_tomorrows_verdict_before_this_mornings_reading_says_what_it_rests_on() -> None:
    """Two low mornings made last night's verdict for today red (Kiviniemi's two days running). Before this morning's
    check-in, tomorrow's verdict waits for it, and today's, made last night, is shown; with only sleep logged this
    morning, tomorrow's can only be amber, as the rule needs each morning's own reading: the page says so, and says
    nothing once the reading is in."""
    hrv = {(TODAY - timedelta(days=n)).isoformat(): {"rmssd_ms": 35.0 if n < 3 else 60.0 + n % 3} for n in range(30)}
    store = {"plan": {"season": _TUESDAY_TEMPO.to_dict()}, "hrv": hrv, "runs": _runs(150)}
    before = {**store, "hrv": {d: v for d, v in hrv.items() if d != TODAY.isoformat()}}
    waits = _text(ask("compute", {}, store=before, profile=_HER_DAYS)["html"])
    assert "Tomorrow's verdict waits for this morning's check-in" in waits and "Amber" not in waits
    assert "Today's verdict, made last night: Red: rest, or very easy" in waits
    slept = {**before, "hrv": before["hrv"] | {TODAY.isoformat(): {"sleep_hours": 7.0}}}
    page = _text(ask("compute", {}, store=slept, profile=_HER_DAYS)["html"])
    assert "Amber: take it easier" in page
    assert (
        "No HRV reading today (Monday 23 November) yet: this verdict uses your mornings up to Sunday 22 November, "
        "and it is made again when you log this morning's. Your 7-day average is below your normal range: a second "
        "low morning running would make it red." in page
    )
    logged = _text(ask("compute", {}, store=store, profile=_HER_DAYS)["html"])
    assert "Red: rest, or very easy" in logged and "No HRV reading today" not in logged


def test_with_nothing_planned_the_run_logs_easy_run_is_the_readers_usual_one() -> None:
    """The run log gives the easy run Today gives: the reader's own usual easy run (35 min at RPE 3), not the
    default 50 min that is longer than anything they run."""
    runs = {
        f"e{n}": {"date": (TODAY - timedelta(days=n)).isoformat(), "duration_s": 2100, "distance_m": 5000, "rpe": 3}
        for n in range(0, 28, 2)
    }
    html = markup.unescape(ask("compute", {}, store={"runs": runs})["html"])
    assert "Easy 35 min (nothing is planned for tomorrow: about your usual easy run)" in html
    assert "Easy 50 min" not in html


def test_an_amber_long_run_with_no_easy_day_left_is_cut_back_from_the_plans_own_easy_run() -> None:
    """A marathoner's week of 55-minute easy runs and an 85-minute long run on Saturday, one low morning on Friday:
    no easy day is left that week to swap with, so Saturday's easy run is cut back from his plan's 55 min, never
    Stridelab's 50, and the training calendar's offer for Saturday plans the very minutes the page gives."""
    plan = plan_season(WeekPrefs(run_days=4, vdot=50), today=TODAY, race_date=None, weeks=4)
    friday, saturday = TODAY + timedelta(days=4), TODAY + timedelta(days=5)
    days = plan.planned_days()
    assert (days[TODAY + timedelta(days=1)].run, days[TODAY + timedelta(days=1)].minutes) == ("easy", 55)
    assert (days[saturday].run, days[saturday].minutes, days[saturday + timedelta(days=1)].run) == ("long", 85, "rest")
    hrv = {(friday - timedelta(days=n)).isoformat(): {"rmssd_ms": 35.0 if n == 0 else 60.0 + n % 3} for n in range(30)}
    store = {"plan": {"season": plan.to_dict()}, "hrv": hrv, "runs": _runs(150)}
    page = _text(ask("compute", {}, store=store, today=friday)["html"])
    assert "Amber: take it easier" in page
    assert "cut back from your plan's usual 55 min (no easy day is left this week to swap with)" in page
    assert "Stridelab's usual" not in page and "50 min" not in page
    offer = reschedule_offers(plan, saturday, trigger="amber", today=friday)[0]
    found = re.search(r"Time: (\d+)–(\d+) min", page)
    assert offer.kind == "easy" and found is not None and (found.group(1), found.group(2)) == ("33", "38")
    assert offer.week.days[5].minutes == 36  # 65 % of 55 min: the middle of the page's 33–38


def test_a_run_or_a_reading_once_stored_leaves_its_numbers_out_of_the_form_and_a_refused_one_keeps_them() -> None:
    """After Save, the run log's form still held "40:00 / 6.5 / RPE 7", as if to be saved again, while the strength
    log empties its set boxes: a stored run or HRV reading empties its own boxes (not its date, for the next run
    of a week typed in late); a refused one, or one asked about first, leaves them to correct or confirm."""
    run = {"entry": "run", "run_date": "2026-11-22", "run_duration": "40:00", "run_distance": "6.5", "run_rpe": "7"}
    clear_run = {"type": "clear", "fields": ["run_duration", "run_distance", "run_distance_mi", "run_rpe", "run_hr"]}
    stored = ask("save", run)
    assert stored["ok"] and stored["ops"] and clear_run in stored["effects"]
    again = ask("save", run, store={"runs": {op["id"]: op["value"] for op in stored["ops"]}})
    assert again["ok"] and not again["ops"] and clear_run not in again["effects"]  # "Log it again?" first
    assert ask("save", {**run, "run_duration": "40:0x"})["ok"] is False
    reading = ask("save", {"entry": "hrv", "rmssd": "58", "soreness": "2"})
    assert {"type": "clear", "fields": ["rmssd", "resting_hr", "sleep_hours", "soreness"]} in reading["effects"]


def test_a_run_older_than_the_browsers_time_zone_table_is_dated_by_the_same_season() -> None:
    """The browser sends its offsets for the past 400 days or so; a backup's run from two summers ago at 01:30 UTC
    was a New York evening run (UTC−4 in summer), not a run the next day as UTC would date it."""
    new_york = (
        (date(2025, 10, 20), -240),
        (date(2025, 11, 2), -300),
        (date(2026, 3, 8), -240),
        (date(2026, 11, 1), -300),
    )
    context = Context(utc_offsets=new_york)
    summer = datetime(2024, 7, 10, 1, 30, tzinfo=UTC)
    winter = datetime(2024, 1, 10, 3, 30, tzinfo=UTC)
    leap = datetime(2024, 2, 29, 3, 30, tzinfo=UTC)
    assert context.utc_offset(summer) == timedelta(hours=-4)
    assert context.utc_offset(winter) == timedelta(hours=-5)
    assert context.utc_offset(leap) == timedelta(hours=-5)
    assert Context().utc_offset(summer) == timedelta(0)


@pytest.mark.parametrize(("typed", "seconds"), [("25", 1500.0), (" 90 ", 5400.0)])
def test_a_whole_number_typed_as_a_runs_duration_is_minutes(typed: str, seconds: float) -> None:
    """A runner whose watch said 25 minutes types 25; no run lasts 25 seconds."""
    values = {"entry": "run", "run_date": "2026-11-22", "run_duration": typed, "run_distance": "8", "run_rpe": "3"}
    reply = ask("save", values)
    assert reply["ok"], reply
    assert reply["ops"][0]["value"]["duration_s"] == seconds


def test_the_same_few_hrv_readings_get_the_same_reason_each_day_and_it_says_what_to_log() -> None:
    """Dev logged HRV every morning to Friday 20 November, then on Friday 27 and Monday 30 November only: 2 readings in
    the last 7 days on Tuesday 1 and on Thursday 3 December alike. The readiness page and the calendar said "HRV too
    sparse" on the 1st and "HRV not recent (last reading Monday 30 November)" on the 3rd: one rule left unmet (3
    readings in 7 days) under two names. Each day now names it the same, with what to log, and the last reading's date
    once it is older than yesterday."""
    days = [date(2026, 11, 20) - timedelta(days=n) for n in range(40)] + [date(2026, 11, 27), date(2026, 11, 30)]
    store = {"hrv": {d.isoformat(): {"rmssd_ms": 60.0 + d.day % 3} for d in days}}
    for today, dated in ((date(2026, 12, 1), ""), (date(2026, 12, 3), ", the last on Monday 30 November")):
        lacks = f"HRV too sparse (2 readings in the last 7 days, needs 3{dated})"
        page = markup.unescape(ask("compute", {}, store=store, today=today)["html"])
        assert lacks in page, today
        tomorrow = (today + timedelta(days=1)).isoformat()
        calendar = handle(
            {
                "id": 1,
                "calculator": "calendar",
                "module": "calendar_page",
                "action": "day",
                "payload": {"args": {"day": tomorrow}, "today": today.isoformat(), "store": store},
            }
        )
        text = markup.unescape(calendar["html"])
        assert f"Readiness: {lacks}" in text, today
        assert "not recent" not in text and "not recent" not in page


def test_the_weeks_before_a_race_read_no_strength_as_planned_not_behind() -> None:
    """TRAINING-RULES.md: no strength in the last 14 days before a race. A run logged in race week reads as the plan
    asks, never "so far: no strength yet" as if the runner were behind, nor a "0–0 %" target."""
    plan = plan_season(WeekPrefs(run_days=5, vdot=43.6), today=TODAY, race_date=TODAY + timedelta(days=6), weeks=1)
    run = {"r1": {"date": TODAY.isoformat(), "duration_s": 2400, "distance_m": 7000, "rpe": 4}}
    html = ask("compute", {}, store={"plan": {"season": plan.to_dict()}, "runs": run})["html"]
    this_week = html.split("data-balance")[1].split("</tr>")[1]  # after the table's head row
    assert ">none<" in this_week and ">no strength before the race, as planned<" in this_week
    assert "This week: no strength before the race, as planned. Stridelab drops strength in the last two" in html
    assert "no strength yet" not in html and "0–0" not in html


def test_an_amber_swap_in_a_miles_plan_by_distance_reads_in_miles_on_the_readiness_page_as_on_today() -> None:
    """Dev's plan is in miles without a VDOT: the readiness page's easy run for the amber Tuesday is Thursday's 1.5 mi
    cut back, its distance in miles in the summary and the details, with no time the plan never gave."""
    from tests.unit.test_today_page import DEV_PLAN, _dev_runs, low_mornings

    eve = date(2026, 11, 16)
    runs = {k: r for k, r in _dev_runs(back=False).items() if r["date"] <= eve.isoformat()}
    store = {**low_mornings(eve, 1, plan=DEV_PLAN), "runs": runs}
    reply = ask("compute", {"units": "mi"}, store, today=eve, profile={"units": "mi"})
    page = re.sub(r"\s+", " ", markup.unescape(re.sub(r"<[^>]+>", " ", reply["html"])))
    assert "Shorter and slower: about 0.9–1.1 mi, slower than your usual easy runs, your next easy day's 1.5 mi" in page
    assert "Distance: about 0.9–1.1 mi" in page and "Time:" not in page


def _lifts(days: list[date]) -> dict[str, Any]:
    return {
        f"6f1c2a7e-4b10-4d53-9a63-5b0f7a5230{n:02}": {
            "id": f"6f1c2a7e-4b10-4d53-9a63-5b0f7a5230{n:02}",
            "date": d.isoformat(),
            "kind": "A",
            "duration_min": 50,
            "rpe": 7,
        }
        for n, d in enumerate(days)
    }


def _usual_weeks(first: date, last: date) -> dict[str, Any]:
    """Sam's usual week from ``first`` to ``last``: three 45-minute easy runs and a 100-minute long run on Sunday."""
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    return {
        f"r{n}": {
            "date": d.isoformat(),
            "duration_s": 6000 if d.weekday() == 6 else 2700,
            "distance_m": 16000 if d.weekday() == 6 else 7200,
            "rpe": 5 if d.weekday() == 6 else 4,
        }
        for n, d in enumerate(d for d in days if d.weekday() in (1, 3, 5, 6))
    }


def test_lifts_imported_before_the_first_run_are_not_counted_as_weeks_without_running() -> None:
    """Sam imported Strong sessions from 2–9 November and logged runs from 1 December: his usual week read as a load
    ramp of 1.92, "above 1.5", turning the day amber, and the imported weeks as "too much strength". The load now
    counts from his first run (Stridelab's rule): the lifts are named as kept but not counted, and their weeks read
    "no runs logged"."""
    today = date(2026, 12, 13)
    lifts = _lifts([date(2026, 11, 2), date(2026, 11, 5), date(2026, 11, 9)])
    store = {"runs": _usual_weeks(date(2026, 12, 1), today), "strength": lifts}
    page = _text(ask("compute", {}, store=store, today=today, profile={"units": "mi"})["html"])
    assert "above 1.5" not in page and "Amber" not in page
    assert (
        "Your training load counts from Tuesday 1 December, your first logged run: 3 strength sessions from Monday "
        "2 November to Monday 9 November are kept in your logs but not counted (no run is logged before them"
    ) in page
    assert (
        "The load ramp (how fast your training load is rising) is ready after 3 weeks of logs (from Monday 21 December)"
        in page
    )
    assert page.count("no runs logged") == 2 and "too much strength" not in page


def test_one_old_imported_run_does_not_start_the_load_clock() -> None:
    """Maya's one FIT run from 18 November, then runs from Tuesday 8 December: the ramp counts 3 weeks from 8
    December, not from 18 November, and the page says the lone run is not counted."""
    today = date(2026, 12, 14)
    lone = {"fit": {"date": "2026-11-18", "duration_s": 3000, "distance_m": 9000, "rpe": 5}}
    store = {"runs": lone | _usual_weeks(date(2026, 12, 7), today)}
    page = _text(ask("compute", {}, store=store, today=today)["html"])
    assert (
        "The load ramp (how fast your training load is rising) is ready after 3 weeks of logs (from Monday 28 December)"
        in page
    )
    assert (
        "Your training load counts from Tuesday 8 December, your first logged run after a week without one: 1 run on "
        "Wednesday 18 November is kept in your logs but not counted"
    ) in page

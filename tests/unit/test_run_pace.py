"""A run's pace must be one a runner can hold: hand entry, the calendar's "Log a run" and activity imports."""

from __future__ import annotations

import base64
import json
from datetime import date, timedelta
from typing import Any

import pytest

from calculators.activity_files import import_activities
from calculators.calendar_logs import read_logs
from calculators.errors import InputError
from calculators.registry import handle
from calculators.run_pace import check_run_pace, fastest_duration, slowest_duration
from calculators.ui.readiness_data import read_log
from calculators.units import format_duration

TODAY = date(2026, 11, 23)
NEW_ID = "6f1c2a3e-0000-4000-8000-000000000002"
GOOD = {"entry": "run", "run_date": "2026-11-22", "run_duration": "50:00", "run_distance": "10", "run_rpe": "5"}


def save(
    values: dict[str, str], *, calculator: str = "readiness", action: str = "save", **extra: Any
) -> dict[str, Any]:
    payload = {
        "values": values,
        "today": TODAY.isoformat(),
        "now": "2026-11-23T08:00:00.000Z",
        "new_id": NEW_ID,
        "store": {},
        "args": {},
        **extra,
    }
    return handle({"id": 1, "calculator": calculator, "action": action, "payload": payload})


def refused(reply: dict[str, Any]) -> str:
    assert not reply["ok"] and "ops" not in reply, reply
    assert reply["error"]["field"] == "run_duration"
    message: str = reply["error"]["message"]
    return message


@pytest.mark.parametrize(
    ("duration", "distance", "words"),
    [
        ("45:00", "500", "500 km in 45:00 is a pace of 0:05 /km, faster than any runner has gone"),
        ("1:00", "10", "10 km in 1:00 is a pace of 0:06 /km, faster than any runner has gone"),
        ("47:00:00", "1000", "1000 km takes at least 50:22:55, longer than the 48:00:00 a run may last"),
        ("30:00:00", "10", "10 km in 30:00:00 is a pace of 3:00:00 /km, too slow for a run"),
        ("24:59", "10", "A run of 10 km takes from 25:00 to 5:00:00, a pace from 2:30 to 30:00 /km."),
        ("5:00:01", "10", "A run of 10 km takes from 25:00 to 5:00:00, a pace from 2:30 to 30:00 /km."),
    ],
)
def test_an_impossible_run_by_hand_names_the_fields_and_the_paces_accepted(
    duration: str, distance: str, words: str
) -> None:
    """A pace faster than 2:30 /km (from 5 km) or slower than 30:00 /km is refused, and nothing is stored."""
    message = refused(save(GOOD | {"run_duration": duration, "run_distance": distance}))
    assert message.startswith("Check the Duration and the Distance: ")
    assert words in message


@pytest.mark.parametrize(
    ("duration", "distance"),
    [
        ("25:00", "10"),  # 2:30 /km exactly: the fast bound
        ("5:00:00", "10"),  # 30:00 /km exactly: the slow bound
        ("12:35.36", "5"),  # the 5000 m world record (Joshua Cheptegei, 2020)
        ("26:11", "10"),  # the 10,000 m world record (Joshua Cheptegei, 2020)
        ("2:00:35", "42.195"),  # the marathon world record (Kelvin Kiptum, 2023)
        ("6:05:41", "100"),  # the 100 km world record (Aleksandr Sorokin, 2022)
        ("2:12", "1"),  # the 1000 m world record, 2:11.96 (Noah Ngeny, 1999), rounded up
        ("1:00", "0.4"),  # under 5 km, 2:30 /km is not the limit
        ("48:00:00", "400"),  # the longest run, at 7:12 /km
    ],
)
def test_a_run_at_the_edge_of_what_runners_do_is_accepted(duration: str, distance: str) -> None:
    reply = save(GOOD | {"run_duration": duration, "run_distance": distance})
    assert reply["ok"], reply


def test_in_miles_the_message_gives_paces_per_mile() -> None:
    message = refused(save(GOOD | {"units": "mi", "run_duration": "25:00", "run_distance_mi": "10"}))
    assert "10 mi in 25:00 is a pace of 2:30 /mi" in message
    assert "A run of 10 mi takes from 40:15 to 8:02:48, a pace from 4:02 to 48:16 /mi." in message
    assert save(GOOD | {"units": "mi", "run_duration": "40:15", "run_distance_mi": "10"})["ok"]


def test_the_calendars_log_a_run_box_refuses_the_same_runs() -> None:
    """The calendar stores a run through the readiness page's run_value, so one check covers both."""
    values = {"run_duration": "1:00", "run_distance": "10", "run_rpe": "3"}
    day = TODAY - timedelta(days=1)
    reply = save(values, calculator="calendar", action="log_run", args={"day": day.isoformat()})
    assert "0:06 /km, faster than any runner has gone" in refused(reply)
    fine = save(values | {"run_duration": "50:00"}, calculator="calendar", action="log_run", args={"day": str(day)})
    assert fine["ok"], fine


def test_the_shown_range_is_itself_accepted() -> None:
    """The durations printed are rounded inwards, so typing them back is accepted."""
    for meters in (400.0, 5_000.0, 21_097.5, 100_000.0, 300_000.0):
        with pytest.raises(InputError) as caught:
            check_run_pace(1.0, meters, field="f", what="W")
        low, high = caught.value.message.split("takes from ")[1].split(",")[0].split(" to ")
        assert low == format_duration(max(-(-fastest_duration(meters) // 1), 60))
        assert high == format_duration(min(slowest_duration(meters) // 1, 48 * 3600))
        assert save(GOOD | {"run_duration": low, "run_distance": str(meters / 1000)})["ok"]
        assert save(GOOD | {"run_duration": high, "run_distance": str(meters / 1000)})["ok"]


def test_a_very_short_run_is_offered_only_durations_a_run_may_last() -> None:
    message = refused(save(GOOD | {"run_duration": "5:00", "run_distance": "0.1"}))
    assert "A run of 0.1 km takes from 1:00 to 3:00, a pace from 10:00 to 30:00 /km." in message
    # 20 m recorded over two minutes (a watch left on at the door): no duration fits both bounds
    result = import_activities([("door.gpx", gpx(20, 2))])
    (error,) = result.errors
    assert error.message.endswith("A run of 0.02 km takes at most 0:36, less than the 1:00 a run lasts at least.")


def test_a_recording_under_a_minute_is_not_imported() -> None:
    """Such a run would be stored, then left out of the log as unreadable: a watch started by mistake."""
    result = import_activities([("oops.gpx", gpx(50, 1).replace(b"T06:01:00Z", b"T06:00:45Z"))])
    assert result.runs == ()
    (error,) = result.errors
    assert error.message == "The recording lasts 0:45; a run lasts from 1:00 to 48:00:00."


def test_a_run_without_a_distance_is_not_checked() -> None:
    check_run_pace(3 * 3600, 0.0, field="f", what="W")


def gpx(meters_north: float, minutes: int) -> bytes:
    """A two-point track ``meters_north`` long (on the mean Earth radius) recorded over ``minutes``."""
    degrees = meters_north / 6371008.8 * 180 / 3.141592653589793
    return f"""<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>
    <trkpt lat="0" lon="0"><time>2026-11-17T06:00:00Z</time></trkpt>
    <trkpt lat="{degrees:.6f}" lon="0"><time>2026-11-17T{6 + minutes // 60:02d}:{minutes % 60:02d}:00Z</time></trkpt>
    </trkseg></trk></gpx>""".encode()


def test_an_imported_drive_is_listed_as_not_imported_with_its_pace() -> None:
    """The import already reports files it skips; a file with no runner's pace is one of them."""
    result = import_activities([("drive.gpx", gpx(60_000, 45)), ("run.gpx", gpx(10_000, 50))])
    assert [round(r.distance_m) for r in result.runs] == [10_000]
    ((name, message),) = [(e.name, e.message) for e in result.errors]
    assert name == "drive.gpx"
    assert message.startswith("Not imported: 60 km in 45:00 is a pace of 0:45 /km, faster than any runner has gone.")


def test_the_readiness_page_lists_the_skipped_file_and_stores_the_run() -> None:
    files = [("drive.gpx", gpx(60_000, 45)), ("run.gpx", gpx(10_000, 50))]
    chosen = json.dumps([{"name": n, "base64": base64.b64encode(d).decode()} for n, d in files])
    reply = save({"entry": "activity", "activity_file": chosen, "import_rpe": "4", "units": "mi"})
    assert reply["ok"], reply
    assert len(reply["ops"]) == 1 and round(reply["ops"][0]["value"]["distance_m"]) == 10_000
    assert "1 file not imported; see why below." in reply["html"]
    assert "drive.gpx: Not imported: 37.28 mi in 45:00 is a pace of 1:12 /mi" in reply["html"]


def test_a_stored_run_at_an_impossible_pace_is_left_out_and_said() -> None:
    """Logged before paces were checked (10 km in 1:00), it would swamp the load; the log and calendar skip it."""
    good = {"date": "2026-11-22", "duration_s": 3000.0, "distance_m": 10_000.0, "rpe": 5.0, "source": "hand"}
    store = {"runs": {"good": good, "typo": {**good, "duration_s": 60.0}}}
    log = read_log(store, TODAY)
    assert [run.id for run in log.runs] == ["good"]
    (left_out,) = log.left_out
    assert (left_out.id, left_out.when) == ("typo", "2026-11-22")
    assert left_out.why == "10 km in 1:00 is a pace of 0:06 /km, faster than any runner has gone"
    assert "1 stored entry is left out of your load" in " ".join(log.notes)
    logs = read_logs(store)
    assert [run.id for run in logs.runs] == ["good"] and logs.unreadable == {"runs": 1}

"""Activity files: GPX 1.1, TCX and FIT fixtures, bulk exports, bad files, and fuzzed bytes (never a crash)."""

from __future__ import annotations

import gzip
import importlib.util
import io
import math
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.activity_files import (
    RunSummary,
    activity_id,
    import_activities,
    parse_activity,
    parse_fit,
    parse_gpx,
    parse_tcx,
)
from calculators.errors import InputError
from tests.fixtures.activity import fit_writer

FIXTURES = Path(__file__).parents[1] / "fixtures" / "activity"
needs_fitdecode = pytest.mark.skipif(importlib.util.find_spec("fitdecode") is None, reason="fitdecode not installed")


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def refused(name: str, data: bytes) -> str:
    with pytest.raises(InputError) as caught:
        parse_activity(name, data)
    assert caught.value.field == name
    return caught.value.message


# --- GPX -------------------------------------------------------------------------------------


def test_gpx_fixture() -> None:
    run = parse_activity("run.gpx", fixture("run.gpx"))
    assert run.source == "gpx"
    assert run.start_utc == datetime(2026, 11, 17, 6, 30, tzinfo=UTC)
    assert run.duration_s == 1500.0
    # five steps of 0.01° of latitude on a sphere of mean radius 6,371,008.8 m
    assert run.distance_m == pytest.approx(5 * 0.01 * math.pi / 180 * 6371008.8)
    assert run.hr_avg == 145.0  # mean of 140, 142, …, 150


def test_gpx_10_offsets_and_no_heart_rate() -> None:
    data = b"""<?xml version="1.0"?><gpx version="1.0" xmlns="http://www.topografix.com/GPX/1/0"><trk><trkseg>
    <trkpt lat="0" lon="0"><time>2026-11-17T07:30:00+01:00</time></trkpt>
    <trkpt lat="0" lon="0.01"><time>2026-11-17T07:40:00+01:00</time></trkpt></trkseg></trk></gpx>"""
    run = parse_gpx(data)
    assert run.start_utc == datetime(2026, 11, 17, 6, 30, tzinfo=UTC)
    assert run.duration_s == 600.0
    assert run.hr_avg is None
    assert run.distance_m == pytest.approx(0.01 * math.pi / 180 * 6371008.8)


def test_gpx_without_timestamps_is_a_route() -> None:
    assert "no timestamps" in refused("route.gpx", fixture("route_no_time.gpx"))


@pytest.mark.parametrize(("body", "words"), [
    (b'<wpt lat="1" lon="1"><name>cafe</name></wpt>', "no recorded track"),
    (b"<trk><type>cycling</type><trkseg><trkpt lat='1' lon='1'><time>2026-11-17T06:00:00Z</time></trkpt>"
     b"</trkseg></trk>", "not a run"),
    (b"<trk><trkseg><trkpt lat='91' lon='1'><time>2026-11-17T06:00:00Z</time></trkpt></trkseg></trk>",
     "latitude"),
    (b"<trk><trkseg><trkpt lat='nan' lon='1'/></trkseg></trk>", "not a finite number"),
    (b"<trk><trkseg><trkpt lat='1' lon='1'><time>yesterday</time></trkpt></trkseg></trk>", "timestamp"),
    (b"<trk><trkseg><trkpt lat='1' lon='1'><time>2026-11-17T06:00:00Z</time></trkpt></trkseg></trk>",
     "The recording lasts 0:00; a run lasts from 1:00 to 48:00:00."),
])  # fmt: skip
def test_bad_gpx(body: bytes, words: str) -> None:
    data = b'<gpx xmlns="http://www.topografix.com/GPX/1/1">' + body + b"</gpx>"
    assert words in refused("bad.gpx", data)


def test_xml_with_a_dtd_is_not_read() -> None:
    bomb = b'<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]><gpx>&b;</gpx>'
    assert "DTD" in refused("bomb.gpx", bomb)


# --- TCX -------------------------------------------------------------------------------------


def test_tcx_fixture() -> None:
    run = parse_activity("run.tcx", fixture("run.tcx"))
    assert run.source == "tcx"
    assert run.start_utc == datetime(2026, 11, 19, 17, 0, tzinfo=UTC)
    assert run.duration_s == 3000.0
    assert run.distance_m == 8000.0
    assert run.hr_avg == pytest.approx((140 * 1800 + 160 * 1200) / 3000)  # weighted by lap time: 148


def test_tcx_bike_and_course_are_refused() -> None:
    ride = fixture("run.tcx").replace(b'Sport="Running"', b'Sport="Biking"')
    assert "Biking" in refused("ride.tcx", ride)
    course = (
        b'<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">'
        b"<Courses><Course><Name>loop</Name></Course></Courses></TrainingCenterDatabase>"
    )
    assert "no activity" in refused("course.tcx", course)
    no_laps = (
        b'<TrainingCenterDatabase><Activities><Activity Sport="Running"><Id>2026-11-19T17:00:00Z</Id>'
        b"</Activity></Activities></TrainingCenterDatabase>"
    )
    assert "no laps" in refused("empty.tcx", no_laps)
    with pytest.raises(InputError, match="not a TCX"):
        parse_tcx(fixture("run.gpx"))


# --- FIT -------------------------------------------------------------------------------------

START = fit_writer.RUN_START


@needs_fitdecode
def test_fit_fixture_written_by_the_test_writer() -> None:
    run = parse_activity("run.fit", fixture("run.fit"))
    assert run == RunSummary(
        id=activity_id(START), source="fit", start_utc=START, duration_s=2700.0, distance_m=8000.0, hr_avg=148.0
    )
    assert fixture("run.fit") == fit_writer.activity(start=START, seconds=2700, meters=8000, hr=148)


@needs_fitdecode
def test_fit_from_a_bike_computer_is_refused() -> None:
    assert "cycling" in refused("bike.fit", fixture("bike.fit"))


@needs_fitdecode
def test_fit_course_truncated_and_corrupt() -> None:
    course = fit_writer.activity(start=START, seconds=600, meters=2000, file_type=fit_writer.FILE_COURSE)
    assert "not a recorded activity" in refused("course.fit", course)
    data = fixture("run.fit")
    assert "truncated" in refused("cut.fit", data[: len(data) // 2])
    flipped = bytearray(data)
    flipped[40] ^= 0xFF
    assert "could not be read" in refused("crc.fit", bytes(flipped))


@needs_fitdecode
def test_fit_without_session_falls_back_to_records() -> None:
    data = fit_writer.activity(start=START, seconds=1200, meters=3000, hr=None, session=False)
    run = parse_fit(data)
    assert (run.start_utc, run.duration_s, run.distance_m, run.hr_avg) == (START, 1200.0, 3000.0, None)


# --- heart rates no heart beats at ----------------------------------------------------------------


def gpx_with_hr(*beats: int) -> bytes:
    """The GPX fixture with its six points' heart rates replaced, in order."""
    data = fixture("run.gpx")
    for old, new in zip((140, 142, 144, 146, 148, 150), beats, strict=True):
        data = data.replace(f"<gpxtpx:hr>{old}<".encode(), f"<gpxtpx:hr>{new}<".encode(), 1)
    return data


def test_gpx_heart_rates_outside_20_to_250_bpm_are_left_out_and_counted_for_the_reader() -> None:
    """A strap losing contact (0 bpm) or interference (300 bpm) is not a heart rate: left out, and said."""
    run = parse_gpx(gpx_with_hr(0, 142, 300, 146, 0, 150))
    assert run.hr_avg == 146.0  # mean of 142, 146, 150
    assert run.hr_note == "3 heart-rate samples outside 20–250 bpm were left out of the average heart rate"
    assert parse_gpx(gpx_with_hr(140, 142, 144, 146, 148, 150)).hr_note == ""


def test_gpx_without_one_plausible_heart_rate_keeps_none_and_says_why() -> None:
    run = parse_gpx(gpx_with_hr(0, 0, 0, 0, 0, 0))
    assert run.hr_avg is None
    assert run.hr_note == "no heart rate was kept, as all 6 heart-rate samples were outside 20–250 bpm"


def test_tcx_lap_with_an_impossible_heart_rate_is_left_out_and_counted() -> None:
    run = parse_tcx(fixture("run.tcx").replace(b"<Value>160</Value>", b"<Value>300</Value>", 1))
    assert run.hr_avg == 140.0
    assert run.hr_note == "1 lap's heart rate outside 20–250 bpm was left out of the average heart rate"


@needs_fitdecode
def test_fit_session_average_outside_20_to_250_bpm_is_not_kept_and_said() -> None:
    run = parse_fit(fit_writer.activity(start=START, seconds=1200, meters=3000, hr=252))
    assert run.hr_avg is None
    assert run.hr_note == "no heart rate was kept, as the file's average of 252 bpm is outside 20–250 bpm"


@needs_fitdecode
def test_fit_records_at_0_bpm_are_counted_not_averaged() -> None:
    run = parse_fit(fit_writer.activity(start=START, seconds=1200, meters=3000, hr=0, session=False))
    assert run.hr_avg is None
    assert run.hr_note == "no heart rate was kept, as all 6 heart-rate samples were outside 20–250 bpm"


# --- one activity, many files ----------------------------------------------------------------


def test_same_file_twice_gives_one_id_and_id_depends_on_start_only() -> None:
    first = parse_activity("a.gpx", fixture("run.gpx"))
    again = parse_activity("copy of a.gpx", fixture("run.gpx"))
    assert first.id == again.id == activity_id(datetime(2026, 11, 17, 7, 30, tzinfo=UTC) - timedelta(hours=1))
    assert first.id != parse_activity("run.tcx", fixture("run.tcx")).id


@needs_fitdecode
def test_same_run_as_gpx_and_fit_is_one_entry() -> None:
    gpx = fixture("run.gpx")
    fit = fit_writer.activity(start=datetime(2026, 11, 17, 6, 30, tzinfo=UTC), seconds=1500, meters=5560)
    result = import_activities([("watch.fit", fit), ("strava.gpx", gpx)])
    assert len(result.runs) == 1
    assert result.duplicates == ("strava.gpx",)


@needs_fitdecode
def test_bulk_export_zip_and_gz() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("activities/1.gpx", fixture("run.gpx"))
        archive.writestr("activities/2.fit.gz", gzip.compress(fixture("run.fit")))
        archive.writestr("activities/3.fit", fixture("bike.fit"))
        archive.writestr("activities/4.tcx.gz", b"\x1f\x8b broken")
        archive.writestr("profile.csv", b"name\nme\n")
        archive.writestr("activities/", b"")
    result = import_activities([("export.zip", buffer.getvalue()), ("broken.zip", b"PK\x03\x04 nothing")])
    assert sorted(r.source for r in result.runs) == ["fit", "gpx"]
    assert [e.name for e in result.errors] == [
        "export.zip/activities/3.fit",
        "export.zip/activities/4.tcx.gz",
        "broken.zip",
    ]
    assert "cycling" in result.errors[0].message
    assert "damaged" in result.errors[1].message


def test_multi_file_import_reports_each_failure_and_keeps_the_rest() -> None:
    known = {parse_activity("run.tcx", fixture("run.tcx")).id}
    result = import_activities(
        [
            ("run.gpx", fixture("run.gpx")),
            ("route.gpx", fixture("route_no_time.gpx")),
            ("old.tcx", fixture("run.tcx")),
            ("notes.txt", b"just words"),
            ("again.gpx", fixture("run.gpx")),
        ],
        known_ids=known,
    )
    assert [r.source for r in result.runs] == ["gpx"]
    assert [(e.name, "timestamps" in e.message) for e in result.errors] == [("route.gpx", True), ("notes.txt", False)]
    assert result.duplicates == ("old.tcx", "again.gpx")


@pytest.mark.parametrize(("data", "words"), [
    (b"", "empty"), (b"hello", "not a GPX, TCX or FIT"), (b"<html><body>hi</body></html>", "not a GPX"),
    (b"<gpx><trk>", "not valid XML"), (b"\x1f\x8b\x08\x00", "damaged"), (b"\xff\xfe<\x00g\x00", "not a GPX"),
])  # fmt: skip
def test_non_activity_files(data: bytes, words: str) -> None:
    assert words in refused("file", data)


# --- fuzzing: always a RunSummary or an InputError, never anything else ------------------------


def survives(data: bytes) -> None:
    try:
        result = parse_activity("fuzz", data)
    except InputError as error:
        assert error.field == "fuzz"
        assert error.message
    else:
        assert isinstance(result, RunSummary)
        assert result.duration_s > 0


@settings(deadline=None, max_examples=300)
@given(st.binary(max_size=400))
def test_fuzzed_bytes(data: bytes) -> None:
    survives(data)


@settings(deadline=None, max_examples=150)
@given(st.sampled_from(["run.gpx", "run.tcx", "run.fit", "bike.fit"]), st.data())
def test_mutated_fixtures(name: str, data: st.DataObject) -> None:
    """Truncate, flip and splice real files: the parsers see almost-valid input."""
    raw = bytearray(fixture(name))
    cut = data.draw(st.integers(min_value=0, max_value=len(raw)))
    for _ in range(data.draw(st.integers(min_value=0, max_value=8))):
        at = data.draw(st.integers(min_value=0, max_value=len(raw) - 1))
        raw[at] = data.draw(st.integers(min_value=0, max_value=255))
    survives(bytes(raw[:cut]))
    survives(bytes(raw))
    survives(bytes(raw) + data.draw(st.binary(max_size=50)))


def test_future_runs_are_refused_when_now_is_given() -> None:
    now = datetime(2026, 11, 17, 6, 0, tzinfo=UTC)  # half an hour before the GPX run starts
    result = import_activities([("run.gpx", fixture("run.gpx")), ("run.tcx", fixture("run.tcx"))], now=now)
    assert result.runs == ()
    assert [e.name for e in result.errors] == ["run.gpx", "run.tcx"]
    assert "future" in result.errors[0].message
    later = import_activities([("run.gpx", fixture("run.gpx"))], now=now + timedelta(days=1))
    assert len(later.runs) == 1


def test_a_damaged_member_does_not_stop_the_rest_of_the_archive() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr("a.gpx", fixture("route_no_time.gpx"))
        archive.writestr("b.tcx", fixture("run.tcx"))
    data = bytearray(buffer.getvalue())
    at = data.index(b"Planned loop")
    data[at] ^= 0x20  # the stored bytes no longer match the member's CRC
    result = import_activities([("export.zip", bytes(data))])
    assert [r.source for r in result.runs] == ["tcx"]
    assert [e.name for e in result.errors] == ["export.zip/a.gpx"]
    assert "damaged" in result.errors[0].message


def test_tcx_odd_values() -> None:
    base = fixture("run.tcx")
    no_start = base.replace(b'StartTime="2026-11-19T17:00:00Z"', b"").replace(b'StartTime="2026-11-19T17:30:00Z"', b"")
    assert parse_tcx(no_start).start_utc == datetime(2026, 11, 19, 17, 0, tzinfo=UTC)  # from <Id>
    no_id = no_start.replace(b"<Id>2026-11-19T17:00:00Z</Id>", b"")
    assert "no start time" in refused("noid.tcx", no_id)
    assert parse_tcx(base.replace(b"<Value>160</Value>", b"<Value>300</Value>", 1)).hr_avg == 140  # broken strap
    assert "not a number" in refused("hr.tcx", base.replace(b"<Value>140</Value>", b"<Value>fast</Value>", 1))
    huge = base.replace(b"<DistanceMeters>5000.0</DistanceMeters>", b"<DistanceMeters>5e9</DistanceMeters>", 1)
    assert "not plausible" in refused("far.tcx", huge)


def test_size_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    from calculators import activity_files

    monkeypatch.setattr(activity_files, "MAX_FILE_BYTES", 1000)
    assert "larger than" in refused("big.gpx", b" " * 1001)
    assert "once unpacked" in refused("big.gpx.gz", gzip.compress(b" " * 1001))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("big.gpx", b" " * 5000)
    result = import_activities([("export.zip", buffer.getvalue())])
    assert [e.name for e in result.errors] == ["export.zip/big.gpx"]


def test_fit_without_the_decoder_asks_for_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """In the browser the decoder is installed only when a FIT file comes: the import says which package it needs
    (the worker installs it and asks again), and GPX files in the same import are not lost to a half-done answer."""
    import sys

    from calculators.errors import MissingPackage

    monkeypatch.setitem(sys.modules, "fitdecode", None)  # as in a browser before the wheel is loaded
    with pytest.raises(MissingPackage) as missing:
        import_activities([("run.gpx", fixture("run.gpx")), ("run.fit", fixture("run.fit"))])
    assert missing.value.package == "fitdecode"


@needs_fitdecode
def test_fit_activity_with_nothing_recorded() -> None:
    empty = fit_writer.encode([(fit_writer.FILE_ID, [(0, "enum", fit_writer.FILE_ACTIVITY)])])
    assert "no start time or duration" in refused("empty.fit", empty)

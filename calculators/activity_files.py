"""Activity files (GPX 1.1, TCX, FIT) reduced to a run summary; a bad file is a clear error, never a crash.

GPX and TCX are read with the standard library's ``xml.etree``; FIT through
``fitdecode`` (MIT, pure Python), imported inside :func:`parse_fit` only, so the
wheel is loaded in the browser only when a FIT file is imported. Bulk exports
(Strava, Garmin: a zip of ``.gpx``, ``.tcx``, ``.fit.gz``) go through ``zipfile``
and ``gzip``. Only the summary is kept: raw files never reach the store.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import math
import zipfile
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal
from xml.etree import ElementTree as ET

from calculators.errors import InputError, MissingPackage
from calculators.run_pace import RUN_SECONDS_MAX, RUN_SECONDS_MIN, check_run_pace
from calculators.units import PaceUnit, count, format_duration

__all__ = [
    "HR_BPM_MAX",
    "HR_BPM_MIN",
    "MAX_FILE_BYTES",
    "FileError",
    "ImportResult",
    "RunSummary",
    "activity_id",
    "import_activities",
    "parse_activity",
    "parse_fit",
    "parse_gpx",
    "parse_tcx",
]

#: Largest file (after decompression) we read: a 24-hour GPX with 1-s points is ~20 MB.
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_ZIP_MEMBERS = 5000
_EARTH_RADIUS_M = 6371008.8  # mean Earth radius (IUGG)
_CYCLING = ("bik", "cycl", "ride")
_ZIP_KINDS = (".gpx", ".tcx", ".fit", ".gpx.gz", ".tcx.gz", ".fit.gz")
#: Heart rates a run's average is made of, in bpm: 0 is a strap that lost contact, 300 interference.
HR_BPM_MIN, HR_BPM_MAX = 20.0, 250.0
_HR_RANGE = f"{HR_BPM_MIN:g}–{HR_BPM_MAX:g} bpm"


@dataclass(frozen=True, kw_only=True, slots=True)
class RunSummary:
    """One imported run.

    ``id`` is derived from the start instant, so importing the same activity
    twice — the same file, or the same run exported as GPX and as FIT — gives
    the same id. ``duration_s`` is the recorded (timer) time where the file has
    one, else first to last timestamp; ``hr_avg`` is None without heart rate.
    ``hr_note`` says, in words for the reader, which heart rates outside
    20–250 bpm were left out of ``hr_avg`` ("" when none were).
    """

    id: str
    source: Literal["gpx", "tcx", "fit"]
    start_utc: datetime
    duration_s: float
    distance_m: float
    hr_avg: float | None
    hr_note: str = ""


def activity_id(start_utc: datetime) -> str:
    """A stable id for the activity that started at this instant (to the second)."""
    stamp = start_utc.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return "act-" + hashlib.sha256(stamp.encode()).hexdigest()[:20]


def _plausible_hr(value: float) -> bool:
    return HR_BPM_MIN <= value <= HR_BPM_MAX


def _hr_note(ignored: int, read: int, one: str, many: str) -> str:
    """What the reader is told when ``ignored`` of the ``read`` heart rates (``one``/``many`` of them) were left out."""
    if not ignored:
        return ""
    if ignored == read:
        every = f"its {one} was" if read == 1 else f"all {count(read, one, many)} were"
        return f"no heart rate was kept, as {every} outside {_HR_RANGE}"
    were = "was" if ignored == 1 else "were"
    return f"{count(ignored, one, many)} outside {_HR_RANGE} {were} left out of the average heart rate"


def _summary(
    source: Literal["gpx", "tcx", "fit"],
    start: datetime,
    duration: float,
    distance: float,
    hr: float | None,
    name: str,
    hr_note: str = "",
) -> RunSummary:
    if not (math.isfinite(duration) and RUN_SECONDS_MIN <= duration <= RUN_SECONDS_MAX):
        lasts = format_duration(duration) if math.isfinite(duration) and duration >= 0 else f"{duration:g} s"
        shortest, longest = format_duration(RUN_SECONDS_MIN), format_duration(RUN_SECONDS_MAX)
        raise InputError(name, f"The recording lasts {lasts}; a run lasts from {shortest} to {longest}.")
    if not (math.isfinite(distance) and 0 <= distance <= 1_000_000):
        raise InputError(name, "The recorded distance is not plausible for a run (0 to 1,000 km).")
    return RunSummary(
        id=activity_id(start),
        source=source,
        start_utc=start.astimezone(UTC),
        duration_s=float(duration),
        distance_m=float(distance),
        hr_avg=hr,
        hr_note=hr_note,
    )


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(node: ET.Element, name: str) -> Iterator[ET.Element]:
    return (child for child in node if _local(child.tag) == name)


def _child_text(node: ET.Element, name: str) -> str | None:
    child = next(_children(node, name), None)
    return child.text.strip() if child is not None and child.text else None


def _number(text: str | None, name: str, what: str) -> float | None:
    if text is None:
        return None
    try:
        value = float(text)
    except ValueError:
        raise InputError(name, f"The file has a {what} that is not a number (“{text[:20]}”).") from None
    if not math.isfinite(value):
        raise InputError(name, f"The file has a {what} that is not a finite number.")
    return value


def _instant(text: str | None, name: str) -> datetime | None:
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    except (ValueError, OverflowError):  # OverflowError: year 1 with an offset
        raise InputError(name, f"The file has a timestamp that is not a date and time (“{text[:30]}”).") from None


def _xml_root(data: bytes, name: str) -> ET.Element:
    # GPX and TCX never need a DTD; refusing one rules out entity-expansion bombs.
    upper = data.upper()
    if b"<!DOCTYPE" in upper or b"<!ENTITY" in upper:
        raise InputError(name, "This XML file declares a DTD, which GPX and TCX files never do; it was not read.")
    try:
        return ET.fromstring(data)
    except (ET.ParseError, ValueError, LookupError):
        raise InputError(name, "This file is not valid XML: it may be truncated or not an activity file.") from None


def _haversine(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * _EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def parse_gpx(data: bytes, *, name: str = "activity.gpx") -> RunSummary:
    """A run from a GPX 1.1 (or 1.0) track: distance along the points (haversine), time from first to last.

    Average HR is the mean of the points' ``hr`` extension values (Garmin's
    TrackPointExtension), when present, leaving out (and counting) those outside 20–250 bpm.

    Raises:
        InputError: not GPX, no track points, no timestamps, a cycling track, bad coordinates.
    """
    root = _xml_root(data, name)
    if _local(root.tag) != "gpx":
        raise InputError(name, "This is not a GPX file (its first element is not <gpx>).")
    times: list[datetime] = []
    hrs: list[float] = []
    distance, points, hr_ignored = 0.0, 0, 0
    for trk in _children(root, "trk"):
        kind = (_child_text(trk, "type") or "").lower()
        if any(word in kind for word in _CYCLING):
            raise InputError(name, f"This GPX track is marked as “{kind}”, not a run.")
        for seg in _children(trk, "trkseg"):
            previous: tuple[float, float] | None = None
            for pt in _children(seg, "trkpt"):
                lat = _number(pt.get("lat"), name, "latitude")
                lon = _number(pt.get("lon"), name, "longitude")
                if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
                    raise InputError(name, "A track point has a missing or impossible latitude/longitude.")
                points += 1
                if previous is not None:
                    distance += _haversine(previous, (lat, lon))
                previous = (lat, lon)
                when = _instant(_child_text(pt, "time"), name)
                if when is not None:
                    times.append(when)
                hr = next((e.text for e in pt.iter() if _local(e.tag) == "hr" and e.text), None)
                value = _number(hr.strip() if hr else None, name, "heart rate")
                if value is not None and _plausible_hr(value):
                    hrs.append(value)
                elif value is not None:  # a strap losing contact (0) or interference: not a heart rate
                    hr_ignored += 1
    if points == 0:
        raise InputError(name, "This GPX file has no recorded track (only a route or waypoints, or nothing).")
    if not times:
        raise InputError(name, "This GPX track has no timestamps: it looks like a planned route, not a recorded run.")
    duration = (max(times) - min(times)).total_seconds()
    note = _hr_note(hr_ignored, hr_ignored + len(hrs), "heart-rate sample", "heart-rate samples")
    return _summary("gpx", min(times), duration, distance, sum(hrs) / len(hrs) if hrs else None, name, note)


def parse_tcx(data: bytes, *, name: str = "activity.tcx") -> RunSummary:
    """A run from a Garmin TCX activity: the laps' times and distances added, HR weighted by lap time.

    A lap whose average HR is outside 20–250 bpm is left out of the average and counted.

    Raises:
        InputError: not TCX, a course rather than an activity, a sport other than running, no laps.
    """
    root = _xml_root(data, name)
    if _local(root.tag) != "TrainingCenterDatabase":
        raise InputError(name, "This is not a TCX file (its first element is not <TrainingCenterDatabase>).")
    activities = next(_children(root, "Activities"), None)
    activity = next(_children(activities, "Activity"), None) if activities is not None else None
    if activity is None:
        raise InputError(name, "This TCX file holds no activity (a course or a workout, not a recorded run).")
    sport = activity.get("Sport", "")
    if sport != "Running":
        raise InputError(name, f"This TCX activity is “{sport or 'unspecified'}”, not Running.")
    starts: list[datetime] = []
    duration = distance = hr_time = hr_sum = 0.0
    laps = hr_laps = hr_ignored = 0
    for lap in _children(activity, "Lap"):
        laps += 1
        start = _instant(lap.get("StartTime"), name)
        if start is not None:
            starts.append(start)
        seconds = _number(_child_text(lap, "TotalTimeSeconds"), name, "lap time") or 0.0
        duration += seconds
        distance += _number(_child_text(lap, "DistanceMeters"), name, "lap distance") or 0.0
        hr_node = next(_children(lap, "AverageHeartRateBpm"), None)
        hr = _number(_child_text(hr_node, "Value"), name, "heart rate") if hr_node is not None else None
        if hr is None or seconds <= 0:
            continue
        hr_laps += 1
        if _plausible_hr(hr):
            hr_time, hr_sum = hr_time + seconds, hr_sum + hr * seconds
        else:  # a broken strap, not a heart rate
            hr_ignored += 1
    if laps == 0:
        raise InputError(name, "This TCX activity has no laps, so it holds no recorded run.")
    start = min(starts) if starts else _instant(_child_text(activity, "Id"), name)
    if start is None:
        raise InputError(name, "This TCX activity has no start time.")
    note = _hr_note(hr_ignored, hr_laps, "lap's heart rate", "laps' heart rates")
    return _summary("tcx", start, duration, distance, hr_sum / hr_time if hr_time else None, name, note)


def parse_fit(data: bytes, *, name: str = "activity.fit") -> RunSummary:
    """A run from a FIT activity file, decoded by ``fitdecode`` (the only place it is imported).

    Uses the session message (timer time, distance, average HR); a file
    without one (a recording cut short) falls back to its record messages.
    Heart rates outside 20–250 bpm are left out and counted.

    Raises:
        InputError: not FIT, truncated or corrupt (CRC), not an activity, a sport other than running.
        MissingPackage: fitdecode is not installed (in the browser, until the worker loads it).
    """
    try:
        import fitdecode  # type: ignore[import-untyped,import-not-found,unused-ignore]  # loaded only here
    except ImportError:
        raise MissingPackage("fitdecode") from None  # in the browser: the worker installs it and asks again

    fields: dict[str, dict[str, Any]] = {}
    records: list[tuple[datetime, float | None, float | None]] = []
    try:
        with fitdecode.FitReader(
            io.BytesIO(data), check_crc=fitdecode.CrcCheck.RAISE, error_handling=fitdecode.ErrorHandling.IGNORE
        ) as fit:
            for frame in fit:
                if frame.frame_type != fitdecode.FIT_FRAME_DATA:
                    continue
                values = {f.name: f.value for f in frame.fields}
                if frame.name == "record" and isinstance(values.get("timestamp"), datetime):
                    records.append((values["timestamp"], values.get("distance"), values.get("heart_rate")))
                elif frame.name in ("file_id", "session", "sport"):
                    fields.setdefault(frame.name, values)
    except Exception:  # fuzzed or truncated bytes can fail anywhere inside the decoder: one message for all
        raise InputError(name, "This FIT file could not be read: it is truncated, corrupt or not a FIT file.") from None
    if fields.get("file_id", {}).get("type") != "activity":
        raise InputError(name, "This FIT file is not a recorded activity (a course, workout or settings file).")
    session = fields.get("session", {})
    sport = session.get("sport") or fields.get("sport", {}).get("sport")
    if sport is not None and sport != "running":
        raise InputError(name, f"This FIT file records “{sport}”, not running (for example, from a bike computer).")
    start, duration = session.get("start_time"), session.get("total_timer_time")
    distance, hr = session.get("total_distance"), session.get("avg_heart_rate")
    note = ""
    if records and not (isinstance(start, datetime) and isinstance(duration, int | float)):
        times = [r[0] for r in records]
        start, duration = min(times), (max(times) - min(times)).total_seconds()
        distance = max((r[1] for r in records if isinstance(r[1], int | float)), default=0.0)
        read = [float(r[2]) for r in records if isinstance(r[2], int | float)]
        beats = [value for value in read if _plausible_hr(value)]
        hr = sum(beats) / len(beats) if beats else None
        note = _hr_note(len(read) - len(beats), len(read), "heart-rate sample", "heart-rate samples")
    elif isinstance(hr, int | float) and not _plausible_hr(hr):
        note = f"no heart rate was kept, as the file's average of {hr:g} bpm is outside {_HR_RANGE}"
        hr = None
    if not isinstance(start, datetime) or not isinstance(duration, int | float):
        raise InputError(name, "This FIT activity has no start time or duration.")
    distance = float(distance) if isinstance(distance, int | float) else 0.0
    hr_avg = float(hr) if isinstance(hr, int | float) else None
    return _summary("fit", start, float(duration), distance, hr_avg, name, note)


def _gunzip(data: bytes, name: str) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            out = stream.read(MAX_FILE_BYTES + 1)
    except (OSError, EOFError, zipfile.BadZipFile):
        raise InputError(name, "This .gz file is damaged or truncated.") from None
    if len(out) > MAX_FILE_BYTES:
        raise InputError(name, f"This file is larger than {MAX_FILE_BYTES // 2**20} MB once unpacked.")
    return out


def parse_activity(name: str, data: bytes) -> RunSummary:
    """Any one activity file, recognised by its content (a ``.gz`` wrapper is unpacked first).

    Raises:
        InputError: the file is empty, too large, of an unknown kind, or fails its parser.
    """
    if len(data) > MAX_FILE_BYTES:
        raise InputError(name, f"This file is larger than {MAX_FILE_BYTES // 2**20} MB.")
    if data[:2] == b"\x1f\x8b":
        data = _gunzip(data, name)
    if len(data) >= 12 and data[8:12] == b".FIT":
        return parse_fit(data, name=name)
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        if b"TrainingCenterDatabase" in head:
            return parse_tcx(data, name=name)
        return parse_gpx(data, name=name)
    if not data:
        raise InputError(name, "This file is empty.")
    raise InputError(name, "This is not a GPX, TCX or FIT activity file.")


@dataclass(frozen=True, kw_only=True, slots=True)
class FileError:
    """Why one file (or zip member ``archive.zip/name``) was not imported."""

    name: str
    message: str


@dataclass(frozen=True, kw_only=True, slots=True)
class ImportResult:
    """New runs, the files that failed with their reason, and the names of files already imported."""

    runs: tuple[RunSummary, ...]
    errors: tuple[FileError, ...]
    duplicates: tuple[str, ...]


def _expand(files: Iterable[tuple[str, bytes]]) -> Iterator[tuple[str, bytes] | FileError]:
    """Files as given, except that a zip archive (a bulk export) yields its activity files one by one."""
    for name, data in files:
        if not data.startswith(b"PK\x03\x04"):
            yield name, data
            continue
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
            members = [m for m in archive.infolist() if m.filename.lower().endswith(_ZIP_KINDS)]
        except (zipfile.BadZipFile, OSError, EOFError, ValueError):
            yield FileError(name=name, message="This zip archive is damaged or truncated.")
            continue
        for member in members[:MAX_ZIP_MEMBERS]:
            label = f"{name}/{member.filename}"
            try:
                if member.file_size > MAX_FILE_BYTES:
                    raise ValueError(member.filename)
                yield label, archive.read(member)  # zipfile stops at the declared size
            except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError):
                yield FileError(name=label, message="This file in the archive is damaged, encrypted or too large.")


def import_activities(
    files: Iterable[tuple[str, bytes]],
    *,
    known_ids: Collection[str] = (),
    now: datetime | None = None,
    unit: PaceUnit = "km",
) -> ImportResult:
    """Import many files (zips are opened); each failure is reported and the others still go through.

    A run whose id is in ``known_ids`` (already stored) or repeats within this
    import is listed under ``duplicates`` and not returned again. With ``now``
    (the glue's clock, an aware datetime), a run starting after it is refused.
    A recording whose average pace no run has (:mod:`calculators.run_pace`: a
    drive, a watch left on) is refused, its reason given in ``unit``.
    """
    runs: list[RunSummary] = []
    errors: list[FileError] = []
    duplicates: list[str] = []
    seen = set(known_ids)
    for item in _expand(files):
        if isinstance(item, FileError):
            errors.append(item)
            continue
        name, data = item
        try:
            run = parse_activity(name, data)
            check_run_pace(run.duration_s, run.distance_m, field=name, what="Not imported", unit=unit)
        except InputError as error:
            errors.append(FileError(name=name, message=error.message))
            continue
        if now is not None and run.start_utc > now:
            errors.append(FileError(name=name, message="This run starts in the future; check the device's clock."))
        elif run.id in seen:
            duplicates.append(name)
        else:
            seen.add(run.id)
            runs.append(run)
    return ImportResult(runs=tuple(runs), errors=tuple(errors), duplicates=tuple(duplicates))

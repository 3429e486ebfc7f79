"""CSV import of morning HRV readings: HRV4Training, Elite HRV, Garmin's HRV status and WHOOP exports, with the
optional resting HR, sleep and soreness; every bad row named with its reason, the good ones kept."""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from calculators.date_words import day_words
from calculators.entry_dates import check_entry_date
from calculators.errors import InputError
from calculators.hrv import RMSSD_MAX, RMSSD_MIN, SLEEP_HOURS_MAX, SLEEP_HOURS_MIN, check_rmssd
from calculators.units import parse_hours, read_decimal

__all__ = ["CSV_HEADERS", "HrvImport", "HrvReading", "RowError", "import_hrv_csv", "parse_sleep_hours"]

#: Header names we recognise, normalised (lower case, letters and digits only), in order of preference.
#: Covers HRV4Training (date, rMSSD, HR), Elite HRV (Date Time Start, RMSSD, HR) and Garmin's HRV
#: status export (Date, Overnight HRV); WHOOP's export has columns of its own (:data:`_WHOOP`). ``ln(RMSSD)`` is
#: deliberately not an rMSSD column.
CSV_HEADERS: dict[str, tuple[str, ...]] = {
    "date": ("date", "datetimestart", "datetime", "calendardate", "measurementdate", "startdate", "day", "timestamp"),
    "rmssd": ("rmssd", "rmssdms", "overnighthrv", "overnighthrvms", "lastnightavg", "hrvrmssd", "hrvms", "hrv"),
    "resting_hr": ("restinghr", "restinghrbpm", "restingheartrate", "rhr", "hr", "hrbpm", "heartrate"),
    "sleep_hours": ("sleephours", "sleeph", "sleephrs", "sleepduration", "sleeptime", "sleep"),
    "soreness": ("soreness", "musclesoreness"),
}


#: WHOOP's physiological_cycles.csv, told apart by its "Cycle start time" column. Its "Heart rate variability
#: (ms)" is rMSSD (WHOOP's API names the same value ``hrv_rmssd_milli``) and each row belongs to the morning of
#: its "Wake onset": "Cycle start time" is when you fell asleep, often the evening before. Sleep comes in minutes.
#: Column names as WHOOP's export guide and the public parsers of its export spell them. A bare "Heart rate
#: variability (ms)" is not read as rMSSD elsewhere: Apple Health exports SDNN under that name.
_WHOOP_MARK = "cyclestarttime"
_WHOOP = {
    "date": "wakeonset",
    "rmssd": "heartratevariabilityms",
    "resting_hr": "restingheartratebpm",
    "sleep_hours": "asleepdurationmin",
}
_NO_WAKE = "No “Wake onset”: a cycle still under way, or one WHOOP did not score, has no morning reading."
_RENAME = (
    "To import it anyway, rename its columns in a spreadsheet (edit the first row): the morning's date to “date” "
    "(as YYYY-MM-DD) and the rMSSD in ms to “rMSSD”, then import the file again."
)

#: The optional columns: field, lowest and highest value accepted, and what the message says is expected.
_OPTIONAL = (
    ("resting_hr", 25, 120, "a resting HR from 25 to 120 bpm"),
    (
        "sleep_hours",
        SLEEP_HOURS_MIN,
        SLEEP_HOURS_MAX,
        f"a sleep time from {SLEEP_HOURS_MIN:g} to {SLEEP_HOURS_MAX:g} hours, written as hours (7.5) or h:mm (7:30)",
    ),
    ("soreness", 1, 5, "a soreness from 1 to 5 (whole numbers)"),
)


@dataclass(frozen=True, kw_only=True, slots=True)
class HrvReading:
    """One morning: rMSSD (ms) and the optional resting HR (bpm), sleep (h) and soreness (1–5)."""

    day: date
    rmssd_ms: float
    resting_hr: float | None = None
    sleep_hours: float | None = None
    soreness: int | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class RowError:
    """A problem with one CSV row (1 = the header line); ``field`` is our field name."""

    row: int
    field: str
    message: str


@dataclass(frozen=True, kw_only=True, slots=True)
class HrvImport:
    """Readings read from a CSV, which header fed each field, and the rows that had problems."""

    readings: tuple[HrvReading, ...]
    columns: dict[str, str]
    errors: tuple[RowError, ...]


def _normalise(header: str) -> str:
    return "".join(ch for ch in header.lower() if ch.isalnum())


def _columns(
    header: list[str], headers: Mapping[str, int], wanted: Mapping[str, tuple[str, ...]]
) -> tuple[dict[str, int], dict[str, str]]:
    """For each field, the index and the header of its first ``wanted`` name the file has."""
    index: dict[str, int] = {}
    columns: dict[str, str] = {}
    for field, names in wanted.items():
        found = next((headers[name] for name in names if name in headers), None)
        if found is not None:
            index[field], columns[field] = found, header[found].strip()
    return index, columns


def _csv_number(text: str) -> float:
    """A cell as the forms read numbers (:func:`read_decimal`: "1e2", "inf" and "nan" are not), unit suffix allowed."""
    cleaned = text.strip().lower()
    for unit in ("ms", "bpm", "hrs", "h"):
        cleaned = cleaned.removesuffix(unit).strip()
    value = read_decimal(cleaned)
    if value is None:
        raise ValueError(text)
    return value


def parse_sleep_hours(text: str, *, field: str = "sleep_hours", what: str = "Sleep") -> float:
    """A night's sleep, 0 to 24 hours, as hours (7.5, "7.5 h") or h:mm (7:30): a CSV cell or the form's box.

    Raises:
        InputError: neither form, or outside 0 to 24 hours; the message starts with ``what``.
    """
    return parse_hours(text, field=field, what=what, low=SLEEP_HOURS_MIN, high=SLEEP_HOURS_MAX)


def _csv_date(text: str, day_first: bool | None) -> date:
    head = text.strip()[:10]
    if len(head) == 10 and head[4] in "-/." and head[7] == head[4]:
        return date(int(head[:4]), int(head[5:7]), int(head[8:10]))
    parts = head.replace(".", "/").replace("-", "/").split("/")
    if len(parts) == 3 and len(parts[2]) == 4 and day_first is not None:
        a, b, year = (int(p) for p in parts)
        return date(year, b, a) if day_first else date(year, a, b)
    raise ValueError(text)


def _day_first(dates: list[str]) -> bool | None:
    """For dd/mm/yyyy vs mm/dd/yyyy files: a first part over 12 means day first, a second part over 12 month first."""
    for text in dates:
        parts = text.strip()[:10].replace(".", "/").replace("-", "/").split("/")
        if len(parts) == 3 and len(parts[2]) == 4 and parts[0].isdigit() and parts[1].isdigit():
            if int(parts[0]) > 12:
                return True
            if int(parts[1]) > 12:
                return False
    return None


def import_hrv_csv(text: str, *, today: date) -> HrvImport:
    """Read morning HRV readings from a CSV export, mapping columns by their header.

    Each bad row is reported and skipped, a date in the future or more than ten
    years back among them (the hand entry's rule, :mod:`calculators.entry_dates`);
    a bad optional value (HR, sleep, soreness) is reported and left out while the
    reading still goes through. An empty optional cell, or one a short row leaves
    out at its end, is "not given".
    A second reading for the same date is reported and the first one kept.
    A WHOOP physiological_cycles.csv is read by its own columns (:data:`_WHOOP`), each row on its wake date.

    Raises:
        InputError: no header row, or no date or rMSSD column (a WHOOP file: no "Wake onset"); the message
            says which headers it read and how to name the columns.
    """
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or not lines[0].strip():
        raise InputError("file", "This CSV file is empty; it needs a header row with a date and an rMSSD column.")
    delimiter = max(",;\t", key=lines[0].count)
    try:
        rows = list(csv.reader(lines, delimiter=delimiter))
    except csv.Error:
        raise InputError(
            "file", "This CSV file could not be read: a cell is far too long or a quote is not closed."
        ) from None
    headers = {_normalise(h): i for i, h in reversed(list(enumerate(rows[0])))}
    index, columns = _columns(rows[0], headers, CSV_HEADERS)
    # A WHOOP file edited to have a date and an rMSSD column (as the message below suggests) reads as any other.
    whoop = _WHOOP_MARK in headers and not {"date", "rmssd"} <= index.keys()
    if whoop:
        index, columns = _columns(rows[0], headers, {field: (name,) for field, name in _WHOOP.items()})
    for required in ("date", "rmssd"):
        if required not in index:
            read = ", ".join(h.strip() for h in rows[0])
            raise InputError(
                "file",
                f"This looks like a WHOOP export, but it has no “Wake onset” column (headers read: {read}). Each "
                "reading belongs to the morning you woke, and “Cycle start time” is when you fell asleep, often the "
                "evening before. Import physiological_cycles.csv as WHOOP sends it, with its “Wake onset” and "
                "“Heart rate variability (ms)” columns. Or, in a spreadsheet, add a column named “date” with each "
                "morning's date (YYYY-MM-DD) and rename “Heart rate variability (ms)” to “rMSSD”, then import the "
                "file again."
                if whoop
                else f"No {required} column found. Headers read: {read}. Expected e.g. “date” and “rMSSD” "
                f"(HRV4Training, Elite HRV), “Date” and “Overnight HRV” (Garmin), or WHOOP's "
                f"physiological_cycles.csv. {_RENAME}",
            )
    width = len(rows[0])
    # Spreadsheets and exporters leave out a row's empty cells at its end: when those are only optional
    # columns, the row reads as if they were there and empty ("not given"), never as a broken row.
    needed = max(index["date"], index["rmssd"]) + 1
    day_first = _day_first([r[index["date"]] for r in rows[1:] if needed <= len(r) <= width])
    readings: dict[date, HrvReading] = {}
    errors: list[RowError] = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if not needed <= len(row) <= width:
            errors.append(RowError(row=number, field="row", message=f"Has {len(row)} cells; the header has {width}."))
            continue
        row = row + [""] * (width - len(row))
        if whoop and not row[index["date"]].strip():
            errors.append(RowError(row=number, field="date", message=_NO_WAKE))
            continue
        try:
            day = _csv_date(row[index["date"]], day_first)
        except ValueError:
            cell = row[index["date"]].strip()
            unsure = day_first is None and len(cell.replace(".", "/").replace("-", "/").split("/")) == 3
            reason = "could be day/month or month/day; use YYYY-MM-DD" if unsure else "is not a date"
            errors.append(RowError(row=number, field="date", message=f"“{cell}” {reason}."))
            continue
        try:  # the hand entry's rule: from ten years back to today
            check_entry_date(day, "date", what="Date of the reading", today=today)
        except InputError as error:
            errors.append(RowError(row=number, field="date", message=error.message))
            continue
        try:
            rmssd = check_rmssd(_csv_number(row[index["rmssd"]]))
        except (ValueError, InputError):
            cell = row[index["rmssd"]].strip()
            shown = f"“{cell}” is not" if cell else "No value given for"
            accepted = f"an rMSSD between {RMSSD_MIN:g} and {RMSSD_MAX:g} ms"
            errors.append(RowError(row=number, field="rmssd", message=f"{shown} {accepted}."))
            continue
        if day in readings:
            errors.append(
                RowError(
                    row=number,
                    field="date",
                    message=f"A reading for {day_words(day, today=today)} is already in this file.",
                )
            )
            continue
        extra: dict[str, float | int | None] = {}
        for field, low, high, expected in _OPTIONAL:
            cell = row[index[field]].strip() if field in index else ""
            if not cell:
                continue
            if whoop and field == "sleep_hours":
                expected = f"a sleep time from {SLEEP_HOURS_MIN * 60:g} to {SLEEP_HOURS_MAX * 60:g} minutes"
            try:
                if field != "sleep_hours":
                    value = _csv_number(cell)
                else:
                    value = _csv_number(cell) / 60 if whoop else parse_sleep_hours(cell)
                if not low <= value <= high or (field == "soreness" and not value.is_integer()):
                    raise ValueError(cell)
            except ValueError:
                errors.append(
                    RowError(row=number, field=field, message=f"“{cell}” is not {expected}; left out, reading kept.")
                )
                continue
            extra[field] = int(value) if field == "soreness" else value
        readings[day] = HrvReading(day=day, rmssd_ms=rmssd, **extra)  # type: ignore[arg-type]
    return HrvImport(
        readings=tuple(sorted(readings.values(), key=lambda r: r.day)), columns=columns, errors=tuple(errors)
    )

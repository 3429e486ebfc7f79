"""Morning HRV: a 7-day baseline of ln rMSSD against a 60-day normal range, and CSV import of readings.

The method is the one HRV4Training describes, after Plews DJ et al. (Sports
Med 43(9):773, 2013: weekly means of ln rMSSD) and Vesterinen V et al. (Med
Sci Sports Exerc 48(7):1347, 2016: the smallest worthwhile change): work on
ln(rMSSD); compare the 7-day rolling mean with the 60-day mean ± 0.5 SD. At
least 3 readings in the last 7 days are needed for a valid weekly mean (Plews
DJ et al., Int J Sports Physiol Perform 9(5):783, 2014), and about two weeks of
history before the range means anything (Stridelab's house rule).
"""

from __future__ import annotations

import csv
import math
import statistics
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal, TypeAlias

from calculators.date_words import day_words
from calculators.entry_dates import check_entry_date
from calculators.errors import InputError
from calculators.units import parse_hours, read_decimal

__all__ = [
    "BASELINE_DAYS",
    "CSV_HEADERS",
    "HISTORY_DAYS_MIN",
    "NORMAL_DAYS",
    "READINGS_MIN",
    "RMSSD_MAX",
    "RMSSD_MIN",
    "SLEEP_HOURS_MAX",
    "SLEEP_HOURS_MIN",
    "HrvImport",
    "HrvReading",
    "HrvStatus",
    "RowError",
    "check_rmssd",
    "hrv_series",
    "hrv_status",
    "import_hrv_csv",
    "parse_sleep_hours",
]

HrvState: TypeAlias = Literal["building", "below", "within", "above"]

#: rMSSD values a morning reading can take, in ms. Healthy adults sit around
#: 15–150 ms; 0 is a failed reading and several hundred is an artefact.
RMSSD_MIN, RMSSD_MAX = 5.0, 300.0
#: A night's sleep, in hours.
SLEEP_HOURS_MIN, SLEEP_HOURS_MAX = 0.0, 24.0
BASELINE_DAYS = 7
NORMAL_DAYS = 60
#: The normal range is the 60-day mean ± this many SD (smallest worthwhile change).
BAND_SD = 0.5
READINGS_MIN = 3
HISTORY_DAYS_MIN = 14


def check_rmssd(value: float, *, field: str = "rmssd") -> float:
    """Accept an rMSSD of 5–300 ms; anything else is a failed or mistyped reading."""
    if not (isinstance(value, int | float) and math.isfinite(value) and RMSSD_MIN <= value <= RMSSD_MAX):
        raise InputError(
            field,
            f"rMSSD of {value!r} ms is not a plausible morning reading. "
            f"Enter a value between {RMSSD_MIN:g} and {RMSSD_MAX:g} ms.",
        )
    return float(value)


@dataclass(frozen=True, kw_only=True, slots=True)
class HrvStatus:
    """Where this week's HRV sits against your normal range (values in ln ms; ``distance_ms`` in ms).

    ``baseline`` is the 7-day mean of ln rMSSD (None without a reading in the
    last 7 days); ``normal_low``/``normal_high`` the 60-day mean ∓ 0.5 SD (None
    with fewer than 2 readings); ``sd`` the 60-day SD. ``state`` is
    ``"building"`` until there are ≥ 3 readings in the last 7 days and the
    first reading is at least 14 days old (``history_days`` ≥ 14).
    """

    day: date
    baseline: float | None
    normal_low: float | None
    normal_high: float | None
    sd: float | None
    state: HrvState
    readings_last_7: int
    history_days: int

    @property
    def distance_ms(self) -> float | None:
        """How far the baseline lies outside the normal range, in ms (0 within it; None when unknown).

        In ms rather than in standard deviations of ln rMSSD: the readiness page shows the range in ms,
        and a reader compares ms with ms.
        """
        if self.baseline is None or self.normal_low is None or self.normal_high is None:
            return None
        if self.baseline < self.normal_low:
            return math.exp(self.normal_low) - math.exp(self.baseline)
        if self.baseline > self.normal_high:
            return math.exp(self.baseline) - math.exp(self.normal_high)
        return 0.0


def hrv_status(readings: Mapping[date, float], *, today: date) -> HrvStatus:
    """HRV status on ``today`` from morning rMSSD readings (ms) keyed by local date.

    Readings after ``today`` are refused; readings older than 60 days are kept
    for ``history_days`` but not for the range.

    Raises:
        InputError: an rMSSD outside 5–300 ms, or a reading dated in the future.
    """
    logs: dict[date, float] = {}
    for day, value in readings.items():
        if day > today:
            raise InputError("date", f"{day.isoformat()} is in the future; enter readings up to {today.isoformat()}.")
        logs[day] = math.log(check_rmssd(value, field=f"rmssd.{day.isoformat()}"))
    week = [v for d, v in logs.items() if (today - d).days < BASELINE_DAYS]
    normal = [v for d, v in logs.items() if (today - d).days < NORMAL_DAYS]
    history = (today - min(logs)).days + 1 if logs else 0
    baseline = statistics.fmean(week) if week else None
    low = high = sd = None
    if len(normal) >= 2:
        mean, sd = statistics.fmean(normal), statistics.stdev(normal)
        low, high = mean - BAND_SD * sd, mean + BAND_SD * sd
    state: HrvState
    if len(week) < READINGS_MIN or history < HISTORY_DAYS_MIN or baseline is None or low is None or high is None:
        state = "building"
    elif baseline < low - 1e-12:
        state = "below"
    elif baseline > high + 1e-12:
        state = "above"
    else:
        state = "within"
    return HrvStatus(
        day=today,
        baseline=baseline,
        normal_low=low,
        normal_high=high,
        sd=sd,
        state=state,
        readings_last_7=len(week),
        history_days=history,
    )


def hrv_series(readings: Mapping[date, float], *, start: date, today: date) -> tuple[HrvStatus, ...]:
    """:func:`hrv_status` for every day from ``start`` to ``today`` (for the chart with its normal band)."""
    hrv_status(readings, today=today)  # validates every reading once, with its date in the message
    out = []
    day = start
    while day <= today:
        out.append(hrv_status({d: v for d, v in readings.items() if d <= day}, today=day))
        day += timedelta(days=1)
    return tuple(out)


# --- CSV import -------------------------------------------------------------------------------

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

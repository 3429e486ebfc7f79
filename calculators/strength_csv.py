"""The strength log as CSV: our export (one row per set, like Strong's) and imports from Stridelab, Strong and Hevy.

Column layouts read: Strong's exports (comma-separated ``Date, Workout Name,
Duration, Exercise Name, Set Order, Weight, Reps, Distance, Seconds, Notes,
Workout Notes, RPE``; the older semicolon file with ``Weight Unit``; and the
newer semicolon file with ``Workout #``, ``Duration (sec)`` and ``Weight (kg)``),
and Hevy's (``title, start_time, end_time, description, exercise_title,
superset_id, exercise_notes, set_index, set_type, weight_kg|weight_lbs, reps,
distance_km|distance_miles, duration_seconds, rpe``). Warm-up sets and cardio
rows are skipped and counted; names we know map to our catalogue
(:func:`calculators.exercises.match_exercise`), the rest become custom
exercises. Neither app records a session RPE on Foster's CR-10 scale, so
imported sessions get ``default_session_rpe`` and are listed as estimated.

Every row is checked and every problem is reported with its row number (the
header is row 1). A session is imported only if all its rows read: one with a
bad row is left out whole and named, and the rest of the file still comes in,
as the HRV import does (:func:`calculators.hrv.import_hrv_csv`). A file that
is not one of these exports, or where no session reads, imports nothing. The
CSV holds sets only: the JSON export is the exact backup.
"""

from __future__ import annotations

import csv
import io
import re
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any

from calculators.errors import InputError
from calculators.exercises import match_exercise
from calculators.strength import (
    DURATION_MAX_MIN,
    HEIGHT_MAX_CM,
    HOLD_MAX_S,
    LEVEL_MAX,
    LOAD_MAX_KG,
    NAME_MAX,
    NOTES_MAX,
    REPS_MAX,
    REPS_MIN,
    SESSION_KINDS,
    SETS_MAX,
    StrengthSession,
    check_date,
    check_load,
    check_number,
    check_reps,
    check_rpe,
)
from calculators.units import count, read_decimal

__all__ = [
    "COLUMNS",
    "DEFAULT_SESSION_RPE",
    "CsvImportError",
    "LeftOut",
    "RowError",
    "StrengthImport",
    "export_csv",
    "import_csv",
]

COLUMNS = (
    "Date",
    "Session ID",
    "Session",
    "Duration (min)",
    "Session RPE",
    "Exercise #",
    "Exercise",
    "Exercise Name",
    "Level",
    "Target Reps",
    "Target Sets",
    "Set Order",
    "Reps",
    "Weight (kg)",
    "RPE",
    "Seconds",
    "Height (cm)",
    "Exercise Notes",
    "Session Notes",
    "Source",
)
LB_TO_KG = 0.45359237
#: The session RPE (CR-10) given to imported sessions whose app records none: a moderate session.
DEFAULT_SESSION_RPE = 6.0
_NAMESPACE = uuid.UUID("5b0f7a52-3c0e-4d53-9a63-6f1c2a7e4b10")  # Stridelab's: ids of imported sessions
_MONTHS = {
    m: i
    for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)
}
_DISTANCE = ("distance_km", "distance_miles", "Distance (meters)", "Distance")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")
_UNIT_WORDS = {"kg": "kg", "kgs": "kg", "lb": "lb", "lbs": "lb"}
#: Our CSV's column for each field of a session, an exercise and a set.
_OUR_COLUMNS = {
    "session.id": "Session ID",
    "session.date": "Date",
    "session.kind": "Session",
    "session.duration_min": "Duration (min)",
    "session.rpe": "Session RPE",
    "session.notes": "Session Notes",
    "session.source": "Source",
    "exercise.exercise": "Exercise",
    "exercise.name": "Exercise Name",
    "exercise.level": "Level",
    "exercise.target_reps": "Target Reps",
    "exercise.notes": "Exercise Notes",
    "set.reps": "Reps",
    "set.load_kg": "Weight (kg)",
    "set.rpe": "RPE",
    "set.hold_s": "Seconds",
    "set.height_cm": "Height (cm)",
}
#: Our CSV's cells that belong to the session, repeated on each of its rows.
_SESSION_COLUMNS = ("Date", "Session", "Duration (min)", "Session RPE", "Session Notes", "Source")


@dataclass(frozen=True, kw_only=True, slots=True)
class RowError:
    """One problem in an import file: the row (header = 1), the column, and what is wrong."""

    row: int
    column: str
    message: str

    def words(self) -> str:
        """The problem as the page lists it: "Row 3, column Reps: …" ("Row 3: …" for the row as a whole)."""
        where = f"Row {self.row}" if self.column in ("row", "file") else f"Row {self.row}, column {self.column}"
        return f"{where}: {self.message}"


class CsvImportError(InputError):
    """The file did not import; ``errors`` lists every problem found. Nothing was imported."""

    def __init__(self, errors: Iterable[RowError], summary: str = "Nothing was imported.") -> None:
        self.errors = tuple(errors)
        shown = "; ".join(e.words().rstrip(".") for e in self.errors[:3])
        more = f" (and {len(self.errors) - 3} more)" if len(self.errors) > 3 else ""
        found = f" {count(len(self.errors), 'problem')} found: {shown}{more}." if self.errors else ""
        super().__init__("file", summary + found)


@dataclass(frozen=True, kw_only=True, slots=True)
class LeftOut:
    """A session of the file not imported because a row of it did not read.

    ``id`` is the id it would have had (None when its rows do not say), so the page can tell a session
    already stored, which stays as it is; ``day`` and ``title`` are as the file writes them.
    """

    id: str | None
    day: str
    title: str
    rows: tuple[int, ...]


@dataclass(frozen=True, kw_only=True, slots=True)
class StrengthImport:
    """What a file brought in: its sessions, the rows skipped on purpose, the sessions left out and why.

    ``skipped`` are warm-up, rest-timer and cardio rows, which the log does not hold; ``problems`` are
    the rows that did not read, and ``left_out`` the sessions they kept out.
    """

    source: str
    sessions: tuple[StrengthSession, ...]
    skipped: tuple[RowError, ...] = ()
    problems: tuple[RowError, ...] = ()
    left_out: tuple[LeftOut, ...] = ()
    custom_names: tuple[str, ...] = ()
    estimated: tuple[str, ...] = ()  # ids of imported sessions whose session RPE is our default, not the reader's
    assumed_unit: str | None = None  # "kg" or "lb": the unit the reader chose for a file that does not say its own


def _cell(text: str | None) -> str:
    """Text as a cell that a spreadsheet shows as text, never runs as a formula (OWASP CSV injection)."""
    if not text:
        return ""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _uncell(text: str) -> str:
    return text[1:] if text.startswith("'") else text


def _num(value: float | int | None) -> str:
    """A number as plain digits (never "1e-05", which the import refuses), exact to the stored float."""
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else format(Decimal(repr(float(value))), "f")


def export_csv(sessions: Iterable[StrengthSession]) -> str:
    """One row per set, oldest session first, in :data:`COLUMNS` order (loads in kg)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for s in sorted(sessions, key=lambda s: s.date):
        for number, entry in enumerate(s.exercises, start=1):
            for order, item in enumerate(entry.sets, start=1):
                writer.writerow(
                    (
                        s.date.isoformat(),
                        s.id,
                        s.kind,
                        _num(s.duration_min),
                        _num(s.rpe),
                        number,
                        entry.exercise,
                        _cell(entry.name),
                        _num(entry.level),
                        _num(entry.target_reps),
                        _num(entry.target_sets),
                        order,
                        item.reps,
                        _num(item.load_kg),
                        _num(item.rpe),
                        _num(item.hold_s),
                        _num(item.height_cm),
                        _cell(entry.notes),
                        _cell(s.notes),
                        _cell(s.source),
                    )
                )
    return out.getvalue()


class _Row:
    """One data row: typed reads that record problems instead of stopping at the first.

    ``cells`` is how many cells the row has; a row cut short (``broken``) still gives the cells it has,
    so the session it belongs to can be found and left out.
    """

    def __init__(self, number: int, values: dict[str, str], errors: list[RowError], *, cells: int) -> None:
        self.number, self.values, self.errors, self.cells = number, values, errors, cells
        self.ok = True
        self.broken = False

    def get(self, column: str) -> str:
        return (self.values.get(column) or "").strip()

    def text(self, column: str) -> str | None:
        """A text cell exactly as written (names and notes keep their spaces), formula guard removed."""
        return _uncell(self.values.get(column) or "") or None

    def fail(self, column: str, message: str) -> None:
        self.ok = False
        self.errors.append(RowError(row=self.number, column=column, message=message))

    def read(
        self,
        column: str,
        check: Callable[[Any, str], Any],
        *,
        kind: type = float,
        optional: bool = True,
        rule: str | None = None,
    ) -> Any:
        """The cell as a number ``check`` accepts, or None with the problem noted: the cell as written and
        ``rule``, what the column takes (by default ``check``'s own words)."""
        text = self.get(column)
        rule = _rule(check, column) if rule is None else rule
        if not text:
            if not optional:
                self.fail(column, f"the cell is empty. {rule}.")
            return None
        value = read_decimal(text)  # as the forms read numbers: "1e2", "inf" and "nan" are not numbers
        if value is None or (kind is int and not value.is_integer()):
            what = "a whole number" if kind is int else "a number (digits with a decimal point or comma, e.g. 82.5)"
            self.fail(column, f"“{text}” is not {what}." + (f" {rule}." if rule else ""))
            return None
        try:
            return check(int(value) if kind is int else value, column)
        except InputError as error:
            self.fail(column, f"“{text}” is out of range. {_rule_of(error)}.")
            return None


def _rule_of(error: InputError) -> str:
    """What a check accepts, from its message ("Reps must be a whole number from 1 to 100; got 0.")."""
    return error.message.partition("; got ")[0].rstrip(".")


def _rule(check: Callable[[Any, str], Any], column: str) -> str:
    """What ``check`` accepts, in its own words: every check refuses nothing with its rule ("" if it has none)."""
    try:
        check(None, column)
    except InputError as error:
        return _rule_of(error)
    return ""


def _as_read(value: Any, column: str) -> Any:
    """No check yet: the app's set is checked once it is put together (a 0 there means "none")."""
    return value


def _hold(value: object, column: str) -> float:
    return check_number(value, column, low=1.0, high=HOLD_MAX_S, what="Hold time", unit="s")


def _height(value: object, column: str) -> float:
    return check_number(value, column, low=1.0, high=HEIGHT_MAX_CM, what="Box height", unit="cm")


def _duration(value: object, column: str) -> float:
    return check_number(value, column, low=1.0, high=DURATION_MAX_MIN, what="Duration", unit="minutes")


def _whole(low: int, high: int, what: str) -> Callable[[object, str], int]:
    def check(value: object, column: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise InputError(column, f"{what} must be a whole number from {low} to {high}; got {value}.")
        return value

    return check


def _records(text: str, delimiter: str) -> list[tuple[list[str], str | None]]:
    """Every record with, for the one where the CSV stops making sense (a file cut inside quotes), why.

    Reading stops there: after a broken quote no cell can be trusted to be where it seems. The broken
    record is read leniently for the cells it has, so its session can be found and left out.
    """
    lines = io.StringIO(text, newline="").readlines()
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    records: list[tuple[list[str], str | None]] = []
    while True:
        start = reader.line_num
        try:
            record = next(reader)
        except StopIteration:
            return records
        except csv.Error:
            tail = csv.reader(io.StringIO("".join(lines[start:]), newline=""), delimiter=delimiter)
            reason = (
                "the file is cut off here, or a quotation mark in this row is not closed; "
                "this row and the rest of the file were not read."
            )
            records.append((next(tail, []), reason))
            return records
        records.append((record, None))


def _rows(text: str) -> tuple[list[str], list[_Row], list[RowError]]:
    text = text.removeprefix("\ufeff")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    errors: list[RowError] = []
    records = _records(text, delimiter)
    if not records or not any(records[0][0]):
        raise CsvImportError([], "Nothing was imported: the file is empty.")
    if records[0][1]:
        raise CsvImportError(
            [], "Nothing was imported: the file's first line, its header, has a quotation mark not closed."
        )
    header = [h.strip().strip("\ufeff") for h in records[0][0]]
    rows = []
    for number, (record, broken) in enumerate(records[1:], start=2):
        if not broken and not any(cell.strip() for cell in record):
            continue
        row = _Row(number, dict(zip(header, record, strict=False)), errors, cells=len(record))
        if broken:
            row.fail("file", broken)
        elif len(record) != len(header):
            row.fail("row", f"has {len(record)} of {len(header)} columns: the file looks cut off or edited here.")
        row.broken = not row.ok
        rows.append(row)
    return header, rows, errors


class _Sessions:
    """The file's sessions as their rows are read: which rows each has, and whether all of them read.

    A row cut short inside its session's key columns (a file cut off) is taken to continue the session
    above it when what it has of them agrees with that session's, as both exports write a session's
    rows together; otherwise it is a session of its own, left out.
    """

    def __init__(self, header: list[str], key_columns: Iterable[str], columns: Mapping[str, str]) -> None:
        self.key_columns = [(c, header.index(c)) for c in key_columns if c in header]
        self.columns = columns  # the file's column for each field, for what only a whole session can break
        self.rows: dict[str, list[_Row]] = {}
        self.labels: dict[str, LeftOut] = {}
        self.last: tuple[str, _Row] | None = None

    def _continues(self, row: _Row, above: _Row) -> bool:
        for column, index in self.key_columns:
            cell, before = row.values.get(column, ""), above.values.get(column, "")
            whole = row.cells > index + 1  # the cell is followed by another, so it was not cut
            if (whole and cell != before) or (row.cells == index + 1 and not before.startswith(cell)):
                return False
        return True

    def place(self, row: _Row, key: str, *, ident: str | None, day: str, title: str) -> str:
        """The key of the session ``row`` belongs to, noted with the row."""
        cut_in_key = any(row.cells <= index + 1 for _, index in self.key_columns)
        if row.broken and cut_in_key and self.last is not None and self._continues(row, self.last[1]):
            key = self.last[0]
        self.rows.setdefault(key, []).append(row)
        self.labels.setdefault(key, LeftOut(id=ident, day=day, title=title, rows=()))
        self.last = (key, row)
        return key

    def built(
        self, today: date, body: Callable[[str], dict[str, Any]]
    ) -> tuple[tuple[StrengthSession, ...], tuple[LeftOut, ...]]:
        """Each session whose rows all read (and that reads whole); the others, left out."""
        built, left_out = [], []
        for key, rows in self.rows.items():
            session = _session(body(key), today, rows[0], self.columns) if all(row.ok for row in rows) else None
            if session is not None:
                built.append(session)
            else:
                left_out.append(replace(self.labels[key], rows=tuple(row.number for row in rows)))
        return tuple(built), tuple(left_out)


def _minutes(text: str) -> float | None:
    """Strong's duration ("1h 5m", "45m", "3600" seconds in newer files) in minutes."""
    match = re.fullmatch(r"\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*(?:(\d+)\s*s)?\s*", text)
    if text.strip() and match and any(match.groups()):
        h, m, s = (int(g or 0) for g in match.groups())
        return h * 60 + m + s / 60
    return None


def _day(text: str) -> str | None:
    """An ISO date from Strong ("2024-05-06 18:16:05") or Hevy ("26 Jul 2025, 07:06")."""
    iso = re.match(r"\s*(\d{4}-\d{2}-\d{2})", text)
    if iso:
        return iso.group(1)
    hevy = re.match(r"\s*(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4})", text)
    if hevy and hevy.group(2).lower() in _MONTHS:
        return f"{hevy.group(3)}-{_MONTHS[hevy.group(2).lower()]:02d}-{int(hevy.group(1)):02d}"
    return None


def _hevy_minutes(start: str, end: str) -> float | None:
    times = [re.search(r"(\d{1,2}):(\d{2})\s*$", t) for t in (start, end)]
    if not all(times) or _day(start) != _day(end):
        return None
    (h1, m1), (h2, m2) = ((int(t.group(1)), int(t.group(2))) for t in times if t)
    return float((h2 * 60 + m2) - (h1 * 60 + m1)) or None


def import_csv(
    text: str,
    *,
    today: date,
    default_session_rpe: float = DEFAULT_SESSION_RPE,
    default_duration_min: float = 45.0,
    weight_unit: str = "kg",
) -> StrengthImport:
    """Read a Stridelab, Strong or Hevy CSV export into sessions: those whose rows all read.

    ``weight_unit`` ("kg" or "lb") is used only for Strong files that do not say.
    A session with a row out of range (load 0–500 kg, reps 1–100, RPE 1–10, no
    future dates), or cut off, is left out and its rows named in ``problems``.

    Raises:
        CsvImportError: the file is not one of these exports, or no session in it reads.
    """
    if not isinstance(text, str):
        raise InputError("file", "Choose a CSV file exported from Stridelab, Strong or Hevy.")
    if weight_unit not in ("kg", "lb"):
        raise InputError("weight_unit", "Weights in a Strong file: choose kg or lb.")
    check_rpe(default_session_rpe, "default_session_rpe")
    check_number(default_duration_min, "default_duration_min", low=1, high=600, what="Duration", unit="minutes")
    header, rows, errors = _rows(text)
    if {"Session ID", "Exercise #"} <= set(header):
        result = _ours(header, rows, today=today)
    elif {"exercise_title", "start_time"} <= set(header) or {"Exercise Name", "Set Order", "Date"} <= set(header):
        source = "hevy" if "exercise_title" in header else "strong"
        result = _foreign(
            source, header, rows, today=today, rpe=default_session_rpe, minutes=default_duration_min, unit=weight_unit
        )
    else:
        raise CsvImportError(
            [],
            "Nothing was imported: this is not a Stridelab, Strong or Hevy CSV export "
            f"(its first line has: {', '.join(header[:6])}).",
        )
    problems = tuple(sorted(errors, key=lambda e: e.row))
    if not result.sessions:
        if problems:
            raise CsvImportError(problems, "Nothing was imported: no session in the file read completely.")
        if result.skipped:
            raise CsvImportError(
                [],
                "Nothing was imported: no sessions were found. Every row is a warm-up, rest timer or cardio, "
                "which the strength log does not take.",
            )
        raise CsvImportError([], "Nothing was imported: no sessions were found. The file has its header row only.")
    return replace(result, problems=problems)


def _session(data: dict[str, Any], today: date, first: _Row, columns: Mapping[str, str]) -> StrengthSession | None:
    """The session checked whole; a problem only a whole session can have (31 exercises, a custom exercise
    with no name) is noted on the first row of the session, or of the exercise, under the file's column.

    Each exercise carries its first row as ``_row``, taken out here.
    """
    exercise_rows = [entry.pop("_row") for entry in data["exercises"]]
    try:
        return StrengthSession.from_dict(data, today=today)
    except InputError as error:
        parts = error.field.split(".")  # "session.exercises.2.sets.0.reps"
        level = "session" if len(parts) <= 3 else "exercise" if len(parts) <= 5 else "set"
        row = exercise_rows[int(parts[2])] if level != "session" else first
        row.fail(columns.get(f"{level}.{parts[-1]}", "row"), error.message)
        return None


def _session_fields(row: _Row, ident: str, today: date) -> dict[str, Any]:
    """A session's own cells in our CSV, read and checked from its first row."""
    fields = {
        "id": ident,
        "date": row.get("Date"),
        "kind": row.get("Session"),
        "duration_min": row.read("Duration (min)", _duration, optional=False),
        "rpe": row.read("Session RPE", check_rpe, optional=False),
        "notes": row.text("Session Notes"),
        "source": row.text("Source"),
    }
    try:
        check_date(fields["date"], "Date", today=today)
    except InputError as error:
        row.fail("Date", error.message)
    if fields["kind"] not in SESSION_KINDS:
        row.fail("Session", f"“{fields['kind']}” is not a session. A session is A, B or custom.")
    return fields


def _ours(header: list[str], rows: list[_Row], *, today: date) -> StrengthImport:
    sessions: dict[str, dict[str, Any]] = {}
    first_said: dict[str, tuple[str, int]] = {}
    # a cut row dated otherwise is not the session above
    found = _Sessions(header, ("Date", "Session ID"), _OUR_COLUMNS)
    for row in rows:
        ident = row.get("Session ID")
        kind = row.get("Session")
        title = f"Session {kind}" if kind in ("A", "B") else "Custom session" if kind == "custom" else kind
        ident = found.place(row, ident, ident=ident if _is_uuid(ident) else None, day=row.get("Date"), title=title)
        if row.broken:
            continue
        said = "\t".join(row.values.get(column, "") for column in _SESSION_COLUMNS)
        if ident in sessions:  # the session's cells were checked on its first row: here they must be the same
            if said != first_said[ident][0]:
                row.fail(
                    "Session ID",
                    "this session's date, kind, duration, session RPE, notes or source differ from its first row, "
                    f"row {first_said[ident][1]}. Every row of a session repeats them.",
                )
        else:
            first_said[ident] = (said, row.number)
            sessions[ident] = {**_session_fields(row, ident, today), "exercises": {}}
        session = sessions[ident]
        item = {
            "reps": row.read("Reps", check_reps, kind=int, optional=False),
            "load_kg": row.read("Weight (kg)", check_load),
            "rpe": row.read("RPE", check_rpe),
            "hold_s": row.read("Seconds", _hold),
            "height_cm": row.read("Height (cm)", _height),
        }
        entry = {
            "exercise": row.get("Exercise"),
            "name": row.text("Exercise Name"),
            "level": row.read("Level", _whole(1, LEVEL_MAX, "Level"), kind=int),
            "target_reps": row.read("Target Reps", _whole(REPS_MIN, REPS_MAX, "Target reps"), kind=int),
            # An export from before target sets were kept has no such column: read as not recorded.
            "target_sets": row.read("Target Sets", _whole(1, SETS_MAX, "Target sets"), kind=int),
            "notes": row.text("Exercise Notes"),
        }
        slot = session["exercises"].setdefault(row.get("Exercise #"), {**entry, "sets": [], "_row": row})
        slot["sets"].append({k: v for k, v in item.items() if v is not None})

    def body(ident: str) -> dict[str, Any]:
        data = sessions[ident]
        exercises = [{k: v for k, v in e.items() if v is not None} for e in data["exercises"].values()]
        return {k: v for k, v in data.items() if v is not None} | {"exercises": exercises}

    built, left_out = found.built(today, body)
    return StrengthImport(source="stridelab", sessions=built, left_out=left_out)


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def _weight_column(header: list[str]) -> tuple[str, str | None]:
    """The column with each set's weight, and the unit its name states ("kg", "lb"; None: it does not say).

    Hevy writes ``weight_kg`` or ``weight_lbs``, Strong's newer files ``Weight (kg)`` or ``Weight (lbs)``, as
    the reader's app is set; Strong's comma-separated file has a bare ``Weight``, its older one a ``Weight
    Unit`` column beside it.
    """
    for column in header:
        unit = _UNIT_WORDS.get(re.sub(r"[^a-z]", "", column.lower()).removeprefix("weight"), "")
        if unit and column.lower().startswith("weight"):
            return column, unit
    return ("Weight", None) if "Weight" in header else ("", None)


def _foreign(
    source: str,
    header: list[str],
    rows: list[_Row],
    *,
    today: date,
    rpe: float,
    minutes: float,
    unit: str,
) -> StrengthImport:
    hevy = source == "hevy"
    columns = set(header)
    weight, stated = _weight_column(header)
    assumed = False  # whether a weight was read in ``unit``, the reader's choice, as the file did not say
    date_column, title_column = ("start_time", "title") if hevy else ("Date", "Workout Name")
    reps_column, seconds_column, rpe_column = (
        ("reps", "duration_seconds", "rpe") if hevy else ("Reps", "Seconds", "RPE")
    )
    name_column, notes_column = ("exercise_title", "exercise_notes") if hevy else ("Exercise Name", "Notes")
    distance_column = next((c for c in _DISTANCE if c in columns), "")
    dated = "19 Oct 2026, 07:06" if hevy else "2026-10-19 07:06:00"
    skipped: list[RowError] = []
    custom: dict[str, None] = {}
    sessions: dict[str, dict[str, Any]] = {}
    whole_session = {"exercise.name": name_column, "exercise.notes": notes_column}
    found = _Sessions(header, (date_column, title_column, "Workout #"), whole_session)
    for row in rows:
        when, title = row.get(date_column), row.get(title_column)
        if not row.broken:  # a row cut short is left out with its session, whatever it was
            kind = row.get("set_type" if hevy else "Set Order").lower()
            if kind in ("warmup", "w") or (not hevy and not kind.isdigit() and kind not in ("d", "f")):
                skipped.append(RowError(row=row.number, column="set", message="warm-up or timer row, skipped."))
                continue
            reps = row.read(reps_column, _as_read, kind=int, rule=_rule(check_reps, reps_column))
            seconds = row.read(seconds_column, _as_read, rule=_rule(_hold, seconds_column)) or 0
            distance = row.read(distance_column, _as_read) or 0
            if row.ok and (distance or not (reps or seconds)):
                skipped.append(RowError(row=row.number, column=reps_column, message="cardio or an empty set, skipped."))
                continue
        day = _day(when)
        key = "|".join((source, when, title, row.get("Workout #")))
        key = found.place(row, key, ident=str(uuid.uuid5(_NAMESPACE, key)), day=day or when, title=title)
        if not row.ok:
            continue
        if len(found.rows[key]) == 1:  # the session's first row: its date, the same on each row, is checked here
            try:
                if day is None:
                    raise InputError(date_column, f"“{when}” is not a date this import reads, such as {dated}.")
                check_date(day, date_column, today=today)
            except InputError as error:
                row.fail(date_column, error.message)
                continue
        said = row.get("Weight Unit").lower()  # Strong's older files: the unit on each row
        row_unit = stated or _UNIT_WORDS.get(said) or (unit if not said else None)
        if row_unit is None:
            row.fail("Weight Unit", f"“{row.get('Weight Unit')}” is not a unit this import reads; it takes kg or lbs.")
            continue
        load_rule = _rule(check_load, weight) + (f" ({LOAD_MAX_KG / LB_TO_KG:.2f} lb)" if row_unit == "lb" else "")
        load = row.read(weight, _as_read, rule=load_rule) if weight else None
        assumed = assumed or bool(load and not stated and not said)
        if load is not None and row_unit == "lb":
            load = round(load * LB_TO_KG, 2)  # to the 10 g: 135 lb is 61.23 kg (progression rounds from there)
        item = {
            "reps": int(reps) if reps else 1,
            "load_kg": load or None,
            "rpe": row.read(rpe_column, lambda v, c: v or None, rule=_rule(check_rpe, rpe_column)),
            "hold_s": seconds if not reps else None,
        }
        for field, column, check in (
            ("reps", reps_column, check_reps),
            ("load_kg", weight, check_load),
            ("rpe", rpe_column, check_rpe),
            ("hold_s", seconds_column, _hold),
        ):
            if item[field] is not None:
                try:
                    check(item[field], column)
                except InputError as error:
                    rule = load_rule if field == "load_kg" else _rule_of(error)
                    row.fail(column, f"“{row.get(column)}” is out of range. {rule}.")
        if key not in sessions:
            if hevy:
                length = _hevy_minutes(when, row.get("end_time"))
            elif "Duration (sec)" in columns:
                length = _minutes(row.get("Duration (sec)") + "s")
            else:
                length = _minutes(row.get("Duration") or row.get("Workout Duration"))
            notes = (row.get("description" if hevy else "Workout Notes") or title)[:NOTES_MAX]
            sessions[key] = {
                "id": str(uuid.uuid5(_NAMESPACE, key)),
                "date": day,
                "kind": "custom",
                # an app left running for hours is not the session's length
                "duration_min": round(length, 2) if length and 1 <= length <= 600 else minutes,
                "rpe": rpe,
                "notes": notes or None,
                "source": source,
                "exercises": {},
            }
        name = row.get(name_column)[:NAME_MAX] or "Unnamed exercise"
        matched = match_exercise(name)
        if matched is None:
            custom[name] = None
        entry = sessions[key]["exercises"].setdefault(
            name,
            {
                "exercise": matched[0] if matched else "custom",
                "name": name,
                **({"level": matched[1]} if matched and matched[1] else {}),
                "notes": row.get(notes_column)[:NOTES_MAX] or None,
                "sets": [],
                "_row": row,
            },
        )
        entry["sets"].append({k: v for k, v in item.items() if v is not None})

    def body(key: str) -> dict[str, Any]:
        data = sessions[key]
        exercises = [{k: v for k, v in e.items() if v is not None} for e in data["exercises"].values()]
        return {k: v for k, v in data.items() if v is not None} | {"exercises": exercises}

    built, left_out = found.built(today, body)
    # Neither app records a session RPE (Foster's CR-10): every imported session's is our default.
    return StrengthImport(
        source=source,
        sessions=built,
        skipped=tuple(skipped),
        left_out=left_out,
        custom_names=tuple(custom),
        estimated=tuple(session.id for session in built),
        assumed_unit=unit if assumed else None,
    )

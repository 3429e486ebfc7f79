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

An import is all or nothing: every row is checked, every problem is reported
with its row number (the header is row 1), and nothing is returned unless the
whole file reads. The CSV holds sets only: the JSON export is the exact backup.
"""

from __future__ import annotations

import csv
import io
import re
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from calculators.errors import InputError
from calculators.exercises import match_exercise
from calculators.strength import (
    NAME_MAX,
    NOTES_MAX,
    SESSION_KINDS,
    StrengthSession,
    check_date,
    check_load,
    check_number,
    check_reps,
    check_rpe,
)
from calculators.units import read_decimal

__all__ = ["COLUMNS", "DEFAULT_SESSION_RPE", "CsvImportError", "RowError", "StrengthImport", "export_csv", "import_csv"]

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


@dataclass(frozen=True, kw_only=True, slots=True)
class RowError:
    """One problem in an import file: the row (header = 1), the column, and what is wrong."""

    row: int
    column: str
    message: str


class CsvImportError(InputError):
    """The file did not import; ``errors`` lists every problem found. Nothing was imported."""

    def __init__(self, errors: Iterable[RowError], summary: str | None = None) -> None:
        self.errors = tuple(errors)
        shown = "; ".join(f"row {e.row}, {e.column}: {e.message.rstrip('.')}" for e in self.errors[:3])
        more = f" (and {len(self.errors) - 3} more)" if len(self.errors) > 3 else ""
        super().__init__(
            "file",
            summary
            or f"Nothing was imported. {len(self.errors)} "
            f"problem{'s' if len(self.errors) != 1 else ''} found: {shown}{more}.",
        )


@dataclass(frozen=True, kw_only=True, slots=True)
class StrengthImport:
    """A file that read completely: its sessions, what was left out, and what was guessed."""

    source: str
    sessions: tuple[StrengthSession, ...]
    skipped: tuple[RowError, ...] = ()
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
    """One data row: typed reads that record problems instead of stopping at the first."""

    def __init__(self, number: int, values: dict[str, str], errors: list[RowError]) -> None:
        self.number, self.values, self.errors = number, values, errors

    def get(self, column: str) -> str:
        return (self.values.get(column) or "").strip()

    def text(self, column: str) -> str | None:
        """A text cell exactly as written (names and notes keep their spaces), formula guard removed."""
        return _uncell(self.values.get(column) or "") or None

    def fail(self, column: str, message: str) -> None:
        self.errors.append(RowError(row=self.number, column=column, message=message))

    def read(self, column: str, check: Callable[[Any, str], Any], *, kind: type = float, optional: bool = True) -> Any:
        text = self.get(column)
        if not text:
            if not optional:
                self.fail(column, "is empty.")
            return None
        value = read_decimal(text)  # as the forms read numbers: "1e2", "inf" and "nan" are not numbers
        if value is None or (kind is int and not value.is_integer()):
            what = "a whole number" if kind is int else "a number (digits with a decimal point or comma, e.g. 82.5)"
            self.fail(column, f"“{text}” is not {what}.")
            return None
        try:
            return check(int(value) if kind is int else value, column)
        except InputError as error:
            self.fail(column, error.message)
            return None


def _rows(text: str) -> tuple[list[str], list[_Row], list[RowError]]:
    text = text.removeprefix("\ufeff")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    errors: list[RowError] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        records = list(reader)
    except csv.Error as error:
        raise CsvImportError(
            [RowError(row=reader.line_num, column="file", message=f"the file is cut off or malformed here ({error}).")]
        ) from None
    if not records or not any(records[0]):
        raise CsvImportError([], "Nothing was imported: the file is empty.")
    header = [h.strip().strip("\ufeff") for h in records[0]]
    rows = []
    for number, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue
        if len(record) != len(header):
            errors.append(
                RowError(
                    row=number,
                    column="row",
                    message=f"has {len(record)} of {len(header)} columns: the file looks cut off or edited.",
                )
            )
            continue
        rows.append(_Row(number, dict(zip(header, record, strict=True)), errors))
    return header, rows, errors


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
    """Read a Stridelab, Strong or Hevy CSV export into sessions, or raise with every problem found.

    ``weight_unit`` ("kg" or "lb") is used only for Strong files that do not say.

    Raises:
        CsvImportError: the file is not one of these exports, is cut off, or any row
            is out of range (load 0–500 kg, reps 1–100, RPE 1–10, no future dates).
    """
    if not isinstance(text, str):
        raise InputError("file", "Choose a CSV file exported from Stridelab, Strong or Hevy.")
    if weight_unit not in ("kg", "lb"):
        raise InputError("weight_unit", "Weights in a Strong file: choose kg or lb.")
    check_rpe(default_session_rpe, "default_session_rpe")
    check_number(default_duration_min, "default_duration_min", low=1, high=600, what="Duration", unit="minutes")
    header, rows, errors = _rows(text)
    if {"Session ID", "Exercise #"} <= set(header):
        result = _ours(rows, errors, today=today)
    elif {"exercise_title", "start_time"} <= set(header) or {"Exercise Name", "Set Order", "Date"} <= set(header):
        source = "hevy" if "exercise_title" in header else "strong"
        result = _foreign(
            source,
            header,
            rows,
            errors,
            today=today,
            rpe=default_session_rpe,
            minutes=default_duration_min,
            unit=weight_unit,
        )
    else:
        raise CsvImportError(
            [],
            "Nothing was imported: this is not a Stridelab, Strong or Hevy CSV export "
            f"(its first line has: {', '.join(header[:6])}).",
        )
    if errors:
        raise CsvImportError(sorted(errors, key=lambda e: e.row))
    if not result.sessions:
        raise CsvImportError(result.skipped, "Nothing was imported: the file has no strength sets.")
    return result


def _session(data: dict[str, Any], today: date, number: int, errors: list[RowError]) -> StrengthSession | None:
    try:
        return StrengthSession.from_dict(data, today=today)
    except InputError as error:  # a limit only a whole session can break (e.g. a custom name)
        errors.append(RowError(row=number, column=error.field, message=error.message))
        return None


def _ours(rows: list[_Row], errors: list[RowError], *, today: date) -> StrengthImport:
    sessions: dict[str, dict[str, Any]] = {}
    first_row: dict[str, int] = {}
    for row in rows:
        ident = row.get("Session ID")
        fields = {
            "id": ident,
            "date": row.get("Date"),
            "kind": row.get("Session"),
            "duration_min": row.read(
                "Duration (min)",
                lambda v, c: check_number(v, c, low=1, high=600, what="Duration", unit="minutes"),
                optional=False,
            ),
            "rpe": row.read("Session RPE", check_rpe, optional=False),
            "notes": row.text("Session Notes"),
            "source": row.text("Source"),
        }
        try:
            check_date(fields["date"], "Date", today=today)
        except InputError as error:
            row.fail("Date", error.message)
        if fields["kind"] not in SESSION_KINDS:
            row.fail("Session", f"“{fields['kind']}” is not a session; use A, B or custom.")
        session = sessions.setdefault(ident, {**fields, "exercises": {}})
        first_row.setdefault(ident, row.number)
        if any(session[k] != v for k, v in fields.items()):
            row.fail("Session ID", "the session's date, kind, duration, RPE or notes differ from its first row.")
        item = {
            "reps": row.read("Reps", check_reps, kind=int, optional=False),
            "load_kg": row.read("Weight (kg)", check_load),
            "rpe": row.read("RPE", check_rpe),
            "hold_s": row.read("Seconds", lambda v, c: check_number(v, c, low=1, high=600, what="Hold time")),
            "height_cm": row.read("Height (cm)", lambda v, c: check_number(v, c, low=1, high=150, what="Height")),
        }
        entry = {
            "exercise": row.get("Exercise"),
            "name": row.text("Exercise Name"),
            "level": row.read("Level", lambda v, c: v, kind=int),
            "target_reps": row.read("Target Reps", lambda v, c: v, kind=int),
            # An export from before target sets were kept has no such column: read as not recorded.
            "target_sets": row.read("Target Sets", lambda v, c: v, kind=int),
            "notes": row.text("Exercise Notes"),
        }
        slot = session["exercises"].setdefault(row.get("Exercise #"), {**entry, "sets": []})
        slot["sets"].append({k: v for k, v in item.items() if v is not None})
    built = []
    for ident, data in sessions.items():
        exercises = [{k: v for k, v in e.items() if v is not None} for e in data["exercises"].values()]
        body = {k: v for k, v in data.items() if v is not None} | {"exercises": exercises}
        if not errors and (parsed := _session(body, today, first_row[ident], errors)):
            built.append(parsed)
    return StrengthImport(source="stridelab", sessions=tuple(built))


def _foreign(
    source: str,
    header: list[str],
    rows: list[_Row],
    errors: list[RowError],
    *,
    today: date,
    rpe: float,
    minutes: float,
    unit: str,
) -> StrengthImport:
    hevy = source == "hevy"
    columns = set(header)
    weight = next((c for c in ("weight_kg", "weight_lbs", "Weight (kg)", "Weight (lbs)", "Weight") if c in columns), "")
    unsaid = weight == "Weight" and "Weight Unit" not in columns  # Strong's comma-separated export
    in_lb = weight.endswith(("lbs", "(lbs)")) or (unsaid and unit == "lb")
    skipped: list[RowError] = []
    custom: dict[str, None] = {}
    sessions: dict[str, dict[str, Any]] = {}
    for row in rows:
        kind = row.get("set_type" if hevy else "Set Order").lower()
        if kind in ("warmup", "w") or (not hevy and not kind.isdigit() and kind not in ("d", "f")):
            skipped.append(RowError(row=row.number, column="set", message="warm-up or timer row, skipped."))
            continue
        when = row.get("start_time" if hevy else "Date")
        day = _day(when)
        if day is None:
            row.fail("start_time" if hevy else "Date", f"“{when}” is not a date this import reads.")
            continue
        try:
            check_date(day, "Date", today=today)
        except InputError as error:
            row.fail("start_time" if hevy else "Date", error.message)
            continue
        reps = row.read("reps" if hevy else "Reps", lambda v, c: v)
        seconds = row.read("duration_seconds" if hevy else "Seconds", lambda v, c: v) or 0
        distance = row.read(next((c for c in _DISTANCE if c in columns), ""), lambda v, c: v) or 0
        if distance or not (reps or seconds):
            skipped.append(RowError(row=row.number, column="reps", message="cardio or an empty set, skipped."))
            continue
        if reps and not float(reps).is_integer():
            row.fail("reps", f"{reps:g} reps is not a whole number.")
            continue
        load = row.read(weight, lambda v, c: v) if weight else None
        if load is not None and (in_lb or row.get("Weight Unit").lower() in ("lb", "lbs")):
            load = round(load * LB_TO_KG, 2)
        item = {
            "reps": int(reps) if reps else 1,
            "load_kg": load or None,
            "rpe": row.read("rpe" if hevy else "RPE", lambda v, c: v or None),
            "hold_s": seconds if not reps else None,
        }
        for key, check in (
            ("reps", check_reps),
            ("load_kg", check_load),
            ("rpe", check_rpe),
            ("hold_s", lambda v, c: check_number(v, c, low=1, high=600, what="Hold time", unit="s")),
        ):
            if item[key] is not None:
                try:
                    check(item[key], key)
                except InputError as error:
                    row.fail(key, error.message)
        title = row.get("title" if hevy else "Workout Name")
        key = "|".join((source, when, title, row.get("Workout #")))
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
                "row": row.number,
            }
        name = row.get("exercise_title" if hevy else "Exercise Name")[:NAME_MAX] or "Unnamed exercise"
        matched = match_exercise(name)
        if matched is None:
            custom[name] = None
        entry = sessions[key]["exercises"].setdefault(
            name,
            {
                "exercise": matched[0] if matched else "custom",
                "name": name,
                **({"level": matched[1]} if matched and matched[1] else {}),
                "notes": row.get("exercise_notes" if hevy else "Notes")[:NOTES_MAX] or None,
                "sets": [],
            },
        )
        entry["sets"].append({k: v for k, v in item.items() if v is not None})
    built = []
    for data in sessions.values():
        exercises = [{k: v for k, v in e.items() if v is not None} for e in data["exercises"].values()]
        body = {k: v for k, v in data.items() if v is not None and k != "row"} | {"exercises": exercises}
        if not errors and (session := _session(body, today, data["row"], errors)):
            built.append(session)
    # Neither app records a session RPE (Foster's CR-10): every imported session's is our default.
    estimated = tuple(session.id for session in built)
    return StrengthImport(
        source=source,
        sessions=tuple(built),
        skipped=tuple(skipped),
        custom_names=tuple(custom),
        estimated=tuple(estimated),
        assumed_unit=unit if unsaid else None,
    )

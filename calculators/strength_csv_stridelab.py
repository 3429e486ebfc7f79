"""Stridelab's own strength CSV: the export (one row per set, like Strong's) and reading it back.

Each row repeats its session's cells (date, kind, duration, session RPE, notes, source), so a row
that disagrees with its session's first row is a problem of that row. Text cells that a spreadsheet
would run as a formula are written with a leading ``'`` (OWASP CSV injection) and read back without it.
The CSV holds the sets and what the log says of each exercise; the JSON export is the exact backup (it keeps
fields a newer version added). A warm-up's Set Order is "W", as in Strong's.

The columns, in :data:`COLUMNS` order:

- Date, Session ID, Session (A, B or custom), Duration (min), Session RPE: the session's, on each of its rows;
- Exercise # (its place in the session), Exercise (a catalogue id, or ``custom``), Exercise Name (a custom
  exercise's), Level, Target Reps, Target Sets: the exercise's, on each of its rows;
- Set Order ("W" for a warm-up, else the work set's number), Reps, Weight (kg), RPE, Seconds (a hold's),
  Height (cm) (a box jump's): the set's;
- Exercise Notes; Skipped ("yes" for an exercise left out that day), Skip Reason (the lifter's reason, if any),
  Replaces (the id of the planned exercise it was done instead of: a stand-in swapped for a barbell lift);
- Session Notes, Source.

A skipped exercise has no work set: with no warm-up either, it has one row whose set cells (Set Order to
Height) are empty. A file from before Skipped, Skip Reason and Replaces were written (or before Target Sets)
still imports: a column it lacks reads as empty.
"""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from calculators.errors import InputError
from calculators.ranges import NumberRange
from calculators.strength import (
    DURATION_MAX_MIN,
    HEIGHT_MAX_CM,
    HEIGHT_MIN_CM,
    LEVEL_MAX,
    LOAD_RANGE,
    REPS_MAX,
    REPS_MIN,
    REPS_RANGE,
    RPE_RANGE,
    SESSION_KINDS,
    SETS_MAX,
    StrengthSession,
    StrengthSet,
    check_date,
)
from calculators.strength_csv_rows import HOLD_RANGE, FileSessions, Row, StrengthImport

__all__ = ["COLUMNS", "export_csv", "read_stridelab"]

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
    "Skipped",
    "Skip Reason",
    "Replaces",
    "Session Notes",
    "Source",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")
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
    "exercise.skipped": "Skipped",
    "exercise.skip_reason": "Skip Reason",
    "exercise.replaces": "Replaces",
    "set.reps": "Reps",
    "set.load_kg": "Weight (kg)",
    "set.rpe": "RPE",
    "set.hold_s": "Seconds",
    "set.height_cm": "Height (cm)",
}
#: Our CSV's cells that belong to the session, repeated on each of its rows.
_SESSION_COLUMNS = ("Date", "Session", "Duration (min)", "Session RPE", "Session Notes", "Source")
#: A set's cells: all empty on the one row of a skipped exercise with no set.
_SET_COLUMNS = ("Set Order", "Reps", "Weight (kg)", "RPE", "Seconds", "Height (cm)")
_SKIPPED = "yes"


def _cell(text: str | None) -> str:
    """Text as a cell that a spreadsheet shows as text, never runs as a formula (OWASP CSV injection)."""
    if not text:
        return ""
    return "'" + text if text.startswith(_FORMULA_START) else text


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
            # Warm-ups first, as lifted, their Set Order "W" as Strong writes it; the work sets are numbered alone.
            orders: list[tuple[object, StrengthSet | None]] = [
                *(("W", item) for item in entry.warmups),
                *enumerate(entry.sets, start=1),
            ]
            if not orders and entry.skipped:
                orders = [("", None)]  # a skip with no set still says so, on a row of its own
            for order, item in orders:
                set_cells = (
                    ("",) * 5
                    if item is None
                    else (item.reps, _num(item.load_kg), _num(item.rpe), _num(item.hold_s), _num(item.height_cm))
                )
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
                        *set_cells,
                        _cell(entry.notes),
                        _SKIPPED if entry.skipped else "",
                        _cell(entry.skip_reason),
                        _cell(entry.replaces),  # an id, but read from a file: text, never a formula
                        _cell(s.notes),
                        _cell(s.source),
                    )
                )
    return out.getvalue()


# The columns of our own export that the log checks with the same ranges (calculators/strength.py).
_HEIGHT = NumberRange(what="Box height", low=HEIGHT_MIN_CM, high=HEIGHT_MAX_CM, unit="cm")
_DURATION = NumberRange(what="Duration", low=1.0, high=DURATION_MAX_MIN, unit="minutes")
_LEVEL = NumberRange(what="Level", low=1, high=LEVEL_MAX, whole=True)
_TARGET_REPS = NumberRange(what="Target reps", low=REPS_MIN, high=REPS_MAX, whole=True)
_TARGET_SETS = NumberRange(what="Target sets", low=1, high=SETS_MAX, whole=True)


def _session_fields(row: Row, ident: str, today: date) -> dict[str, Any]:
    """A session's own cells in our CSV, read and checked from its first row."""
    fields = {
        "id": ident,
        "date": row.get("Date"),
        "kind": row.get("Session"),
        "duration_min": row.read("Duration (min)", _DURATION, optional=False),
        "rpe": row.read("Session RPE", RPE_RANGE, optional=False),
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


def read_stridelab(header: list[str], rows: list[Row], *, today: date) -> StrengthImport:
    """The sessions of a Stridelab CSV export whose rows all read (the rows of a session agree on its cells)."""
    sessions: dict[str, dict[str, Any]] = {}
    first_said: dict[str, tuple[str, int]] = {}
    # a cut row dated otherwise is not the session above
    found = FileSessions(header, ("Date", "Session ID"), _OUR_COLUMNS)
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
        skipped = _skipped(row)
        entry = {
            "exercise": row.get("Exercise"),
            "name": row.text("Exercise Name"),
            "level": row.read("Level", _LEVEL, kind=int),
            "target_reps": row.read("Target Reps", _TARGET_REPS, kind=int),
            # An export from before target sets were kept has no such column: read as not recorded.
            "target_sets": row.read("Target Sets", _TARGET_SETS, kind=int),
            "notes": row.text("Exercise Notes"),
            # An export from before skips and swaps were written has none: read as done as planned.
            "skipped": skipped or None,
            "skip_reason": row.text("Skip Reason"),
            "replaces": row.text("Replaces"),
        }
        slot = session["exercises"].setdefault(row.get("Exercise #"), {**entry, "sets": [], "_row": row})
        if skipped and not any(row.get(column) for column in _SET_COLUMNS):
            continue  # the row of a skipped exercise with no set
        item = {
            "reps": row.read("Reps", REPS_RANGE, kind=int, optional=False),
            "load_kg": row.read("Weight (kg)", LOAD_RANGE),
            "rpe": row.read("RPE", RPE_RANGE),
            "hold_s": row.read("Seconds", HOLD_RANGE),
            "height_cm": row.read("Height (cm)", _HEIGHT),
            "warmup": row.get("Set Order").upper() == "W" or None,
        }
        slot["sets"].append({k: v for k, v in item.items() if v is not None})

    built, left_out = found.built(today, sessions)
    return StrengthImport(source="stridelab", sessions=built, left_out=left_out)


def _skipped(row: Row) -> bool:
    """The Skipped cell: "yes" for an exercise left out that day, empty for one done."""
    cell = row.get("Skipped")
    if cell.lower() not in ("", _SKIPPED):
        row.fail(
            "Skipped", f"“{cell}” is not “{_SKIPPED}”. Write “{_SKIPPED}” for an exercise skipped, or leave it empty."
        )
    return cell.lower() == _SKIPPED


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True

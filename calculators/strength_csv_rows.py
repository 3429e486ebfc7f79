"""Reading a strength CSV export row by row: its records, typed cell reads that note each problem with its row
and column instead of stopping at the first, and the file's sessions gathered from their rows.

The format readers (:mod:`calculators.strength_csv_stridelab`, :mod:`calculators.strength_csv_strong_hevy`)
build on this; :func:`calculators.strength_csv.import_csv` picks one by the file's header.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from calculators.errors import InputError
from calculators.ranges import NumberRange, OutOfRange
from calculators.strength import HOLD_MAX_S, StrengthSession
from calculators.units import count, read_decimal

__all__ = [
    "HOLD_RANGE",
    "CsvImportError",
    "FileSessions",
    "LeftOut",
    "Row",
    "RowError",
    "StrengthImport",
    "check_hold",
    "read_rows",
]


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

    ``skipped`` are rest-timer and cardio rows, which the log does not hold; ``problems`` are
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


def _uncell(text: str) -> str:
    return text[1:] if text.startswith("'") else text


class Row:
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
        accepts: NumberRange | None = None,
        *,
        kind: type = float,
        optional: bool = True,
        checked: bool = True,
    ) -> Any:
        """The cell as a number in ``accepts``' range, or None with the problem noted: the cell as written and what
        the column takes. ``checked=False`` leaves the range to be checked later (an app's 0 can mean "none")."""
        text = self.get(column)
        rule = f" {accepts.words()}" if accepts else ""
        if not text:
            if not optional:
                self.fail(column, f"the cell is empty.{rule}")
            return None
        value = read_decimal(text)  # as the forms read numbers: "1e2", "inf" and "nan" are not numbers
        if value is None or (kind is int and not value.is_integer()):
            what = "a whole number" if kind is int else "a number (digits with a decimal point or comma, e.g. 82.5)"
            self.fail(column, f"“{text}” is not {what}.{rule}")
            return None
        number = int(value) if kind is int else value
        if accepts is not None and checked:
            try:
                accepts.check(number, column)
            except OutOfRange:
                self.out_of_range(column, accepts)
                return None
        return number

    def out_of_range(self, column: str, accepts: NumberRange) -> None:
        """Note that the cell, as written, is outside ``accepts``' range, named as the log names it."""
        self.fail(column, f"“{self.get(column)}” is out of range. {accepts.words()}")


#: A timed hold's seconds, as an app's CSV gives them.
HOLD_RANGE = NumberRange(what="Hold time", low=1.0, high=HOLD_MAX_S, unit="s")


def check_hold(value: object, column: str) -> float:
    return HOLD_RANGE.check(value, column)


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


def read_rows(text: str) -> tuple[list[str], list[Row], list[RowError]]:
    """The header, every data row (blank ones dropped) and the list each row notes its problems in."""
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
        row = Row(number, dict(zip(header, record, strict=False)), errors, cells=len(record))
        if broken:
            row.fail("file", broken)
        elif len(record) != len(header):
            row.fail("row", f"has {len(record)} of {len(header)} columns: the file looks cut off or edited here.")
        row.broken = not row.ok
        rows.append(row)
    return header, rows, errors


class FileSessions:
    """The file's sessions as their rows are read: which rows each has, and whether all of them read.

    A row cut short inside its session's key columns (a file cut off) is taken to continue the session
    above it when what it has of them agrees with that session's, as both exports write a session's
    rows together; otherwise it is a session of its own, left out.
    """

    def __init__(self, header: list[str], key_columns: Iterable[str], columns: Mapping[str, str]) -> None:
        self.key_columns = [(c, header.index(c)) for c in key_columns if c in header]
        self.columns = columns  # the file's column for each field, for what only a whole session can break
        self.rows: dict[str, list[Row]] = {}
        self.labels: dict[str, LeftOut] = {}
        self.last: tuple[str, Row] | None = None

    def _continues(self, row: Row, above: Row) -> bool:
        for column, index in self.key_columns:
            cell, before = row.values.get(column, ""), above.values.get(column, "")
            whole = row.cells > index + 1  # the cell is followed by another, so it was not cut
            if (whole and cell != before) or (row.cells == index + 1 and not before.startswith(cell)):
                return False
        return True

    def place(self, row: Row, key: str, *, ident: str | None, day: str, title: str) -> str:
        """The key of the session ``row`` belongs to, noted with the row."""
        cut_in_key = any(row.cells <= index + 1 for _, index in self.key_columns)
        if row.broken and cut_in_key and self.last is not None and self._continues(row, self.last[1]):
            key = self.last[0]
        self.rows.setdefault(key, []).append(row)
        self.labels.setdefault(key, LeftOut(id=ident, day=day, title=title, rows=()))
        self.last = (key, row)
        return key

    def built(
        self, today: date, gathered: Mapping[str, dict[str, Any]]
    ) -> tuple[tuple[StrengthSession, ...], tuple[LeftOut, ...]]:
        """Each session whose rows all read (and that reads whole); the others, left out.

        ``gathered`` is what the format's reader made of each session's rows that read, by the same key:
        its cells, and its exercises by the file's own key, each with its sets and its first row as ``_row``.
        """
        built, left_out = [], []
        for key, rows in self.rows.items():
            readable = all(row.ok for row in rows)
            session = _checked_session(_body(gathered[key]), today, rows[0], self.columns) if readable else None
            if session is not None:
                built.append(session)
            else:
                left_out.append(replace(self.labels[key], rows=tuple(row.number for row in rows)))
        return tuple(built), tuple(left_out)


def _checked_session(
    data: dict[str, Any], today: date, first: Row, columns: Mapping[str, str]
) -> StrengthSession | None:
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


def _body(data: dict[str, Any]) -> dict[str, Any]:
    """A session gathered from its rows as :meth:`StrengthSession.from_dict` reads it: what was not given left out."""
    exercises = [{k: v for k, v in e.items() if v is not None} for e in data["exercises"].values()]
    return {k: v for k, v in data.items() if v is not None} | {"exercises": exercises}

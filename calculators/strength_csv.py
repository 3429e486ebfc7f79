"""Importing a strength CSV: Stridelab's own export (:mod:`calculators.strength_csv_stridelab`, which also
writes it), Strong's and Hevy's (:mod:`calculators.strength_csv_strong_hevy`), told apart by their header.

Every row is checked and every problem is reported with its row number (the
header is row 1). A session is imported only if all its rows read: one with a
bad row is left out whole and named, and the rest of the file still comes in,
as the HRV import does (:func:`calculators.hrv_csv.import_hrv_csv`). A file that
is not one of these exports, or where no session reads, imports nothing. The
CSV holds the sets, and in Stridelab's own each exercise's skip and swap: the JSON export is the exact backup.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from calculators.errors import InputError
from calculators.strength import check_number, check_rpe
from calculators.strength_csv_rows import CsvImportError, StrengthImport, read_rows
from calculators.strength_csv_stridelab import read_stridelab
from calculators.strength_csv_strong_hevy import read_strong_hevy

__all__ = ["DEFAULT_SESSION_RPE", "import_csv"]

#: The session RPE (CR-10) given to imported sessions whose app records none: between hard (5) and very hard (7),
#: as the training-load guide's reference lifting sessions are rated (6–7).
DEFAULT_SESSION_RPE = 6.0


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
    header, rows, errors = read_rows(text)
    if {"Session ID", "Exercise #"} <= set(header):
        result = read_stridelab(header, rows, today=today)
    elif {"exercise_title", "start_time"} <= set(header) or {"Exercise Name", "Set Order", "Date"} <= set(header):
        source = "hevy" if "exercise_title" in header else "strong"
        result = read_strong_hevy(
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
                "Nothing was imported: no sessions were found. Every row is a rest timer or cardio, "
                "which the strength log does not take.",
            )
        raise CsvImportError([], "Nothing was imported: no sessions were found. The file has its header row only.")
    return replace(result, problems=problems)

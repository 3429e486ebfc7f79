"""Strong's and Hevy's CSV exports read into strength sessions.

Column layouts read: Strong's exports (comma-separated ``Date, Workout Name,
Duration, Exercise Name, Set Order, Weight, Reps, Distance, Seconds, Notes,
Workout Notes, RPE``; the older semicolon file with ``Weight Unit``; and the
newer semicolon file with ``Workout #``, ``Duration (sec)`` and ``Weight (kg)``),
and Hevy's (``title, start_time, end_time, description, exercise_title,
superset_id, exercise_notes, set_index, set_type, weight_kg|weight_lbs, reps,
distance_km|distance_miles, duration_seconds, rpe``). Warm-up sets are kept as
warm-ups; rest-timer and cardio rows are skipped and counted; names we know map to our catalogue
(:func:`calculators.exercises.match_exercise`), the rest become custom
exercises. Neither app records a session RPE on Foster's CR-10 scale, so
imported sessions get the one the import is given and are listed as estimated.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import replace
from datetime import date
from typing import Any

from calculators.errors import InputError
from calculators.exercises import match_exercise
from calculators.ranges import OutOfRange
from calculators.strength import (
    LOAD_MAX_KG,
    LOAD_RANGE,
    NAME_MAX,
    NOTES_MAX,
    REPS_RANGE,
    RPE_RANGE,
    check_date,
    check_load,
    check_reps,
    check_rpe,
)
from calculators.strength_csv_rows import (
    HOLD_RANGE,
    FileSessions,
    Row,
    RowError,
    StrengthImport,
    check_hold,
)
from calculators.units import kg_from, weight_in

__all__ = ["read_strong_hevy"]

_NAMESPACE = uuid.UUID("5b0f7a52-3c0e-4d53-9a63-6f1c2a7e4b10")  # Stridelab's: ids of imported sessions
_MONTHS = {
    m: i
    for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)
}
_DISTANCE = ("distance_km", "distance_miles", "Distance (meters)", "Distance")
_UNIT_WORDS = {"kg": "kg", "kgs": "kg", "lb": "lb", "lbs": "lb"}


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


def read_strong_hevy(
    source: str,
    header: list[str],
    rows: list[Row],
    *,
    today: date,
    rpe: float,
    minutes: float,
    unit: str,
) -> StrengthImport:
    """The sessions of a Strong or Hevy (``source``) export whose rows all read, each given the session RPE
    ``rpe`` and, when the file has no length that reads, ``minutes``; weights in ``unit`` where the file does
    not say its own."""
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
    found = FileSessions(header, (date_column, title_column, "Workout #"), whole_session)
    for row in rows:
        when, title = row.get(date_column), row.get(title_column)
        if not row.broken:  # a row cut short is left out with its session, whatever it was
            kind = row.get("set_type" if hevy else "Set Order").lower()
            # A warm-up ("W" in Strong's Set Order, "warmup" in Hevy's set_type) is kept, marked as one, so it
            # counts for none of the work; Strong's rest-timer rows are no set at all.
            warmup = kind in ("warmup", "w")
            if not warmup and not hevy and not kind.isdigit() and kind not in ("d", "f"):
                skipped.append(RowError(row=row.number, column="set", message="timer row, skipped."))
                continue
            # Checked once the set is put together: a 0 in these apps' files means "none".
            reps = row.read(reps_column, REPS_RANGE, kind=int, checked=False)
            seconds = row.read(seconds_column, HOLD_RANGE, checked=False) or 0
            distance = row.read(distance_column) or 0
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
        load_rule = LOAD_RANGE
        if row_unit == "lb":  # the range in the file's own unit
            load_rule = replace(LOAD_RANGE, high=round(weight_in(LOAD_MAX_KG, "lb"), 2), unit="lb")
        load = row.read(weight, load_rule, checked=False) if weight else None
        assumed = assumed or bool(load and not stated and not said)
        if load is not None and row_unit == "lb":
            load = kg_from(load, "lb")  # to the 10 g: 135 lb is 61.23 kg (progression rounds from there)
        item = {
            "reps": int(reps) if reps else 1,
            "load_kg": load or None,
            "rpe": row.read(rpe_column, RPE_RANGE, checked=False) or None,
            "hold_s": seconds if not reps else None,
            "warmup": warmup or None,
        }
        for field, column, check in (
            ("reps", reps_column, check_reps),
            ("load_kg", weight, check_load),
            ("rpe", rpe_column, check_rpe),
            ("hold_s", seconds_column, check_hold),
        ):
            if item[field] is not None:
                try:
                    check(item[field], column)
                except OutOfRange as error:
                    row.out_of_range(column, load_rule if field == "load_kg" else error.rule)
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

    built, left_out = found.built(today, sessions)
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

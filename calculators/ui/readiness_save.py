"""Saving what the reader entered on the readiness page: a run by hand, an activity file, HRV by hand or from CSV.

Each saver returns what it saved: the store operations and the message to show, or a question to
ask first (nothing is stored until the reader confirms); a bad field or file raises an
:class:`InputError` naming it, so nothing is stored.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from calculators.activity_files import import_activities
from calculators.calendar_logs import read_plan
from calculators.date_words import day_words
from calculators.errors import InputError
from calculators.hrv_csv import RowError, import_hrv_csv
from calculators.load import local_date
from calculators.ui.calculator import Context, confirm, instant, uploaded_files
from calculators.ui.html import Html, el, join
from calculators.ui.import_efforts import BATCH_BOX, NewRun, import_preview, run_efforts
from calculators.ui.race_runs import offer_for
from calculators.ui.readiness_data import chosen_unit, hrv_value, readable, repeat_question, run_value, stored_run
from calculators.ui.readiness_hrv_merge import PART_WORDS, merge_readings
from calculators.units import count, meters_from

__all__ = ["SAVERS", "Saved"]

Store = Mapping[str, Mapping[str, Any]]
Ops = list[dict[str, Any]]
_COLUMN_NAMES = {
    "date": "date",
    "rmssd": "rMSSD",
    "resting_hr": "resting HR",
    "sleep_hours": "sleep",
    "soreness": "soreness",
}


@dataclass(frozen=True, kw_only=True, slots=True)
class Saved:
    """A saver's answer: the store operations, the message (a sentence the page's status line repeats) and the
    details shown after it (lists), or a confirmation to ask before anything is stored (a ``confirm`` effect
    whose answer comes back as the same action with ``confirmed=yes``)."""

    ops: Ops
    message: str = ""
    details: Html | None = None
    question: dict[str, Any] | None = None


def _not_imported(problems: list[str], what: str) -> tuple[str, Html | None]:
    """The sentence to add to an import's message, and the list of what was not imported (``what``: file, row)."""
    if not problems:
        return "", None
    listed = join(
        el("p", None, "Not imported:"),
        el("ul", {"data-row-errors": True}, *(el("li", None, line) for line in problems)),
    )
    return f" {count(len(problems), what)} not imported; see why below.", listed


def _add_run(values: Mapping[str, str], context: Context, store: Store) -> Saved:
    today = context.require_today()
    unit = chosen_unit(values)
    value = run_value(values, today, unit)
    if not context.new_id:
        raise InputError("new_id", "The page did not send an id for the new run.")
    # The form keeps what was typed, so Save pressed again (or after a reload) would store the same run twice and
    # double the day's load: ask first. Two real runs alike on one day are still both kept once confirmed.
    if values.get("confirmed") != "yes":
        question = repeat_question(store, value, today, unit, action="save", args={})
        if question is not None:
            return Saved(ops=[], question=question)
    day = day_words(date.fromisoformat(value["date"]), today=today)
    op = {"op": "put", "collection": "runs", "id": context.new_id, "value": value}
    # A parkrun logged as a run is offered as the recent race here, where the reader is, not left to the profile.
    run = stored_run(context.new_id, value)
    offer = offer_for(run, context.profile, unit, today, plan=read_plan(store)) if run is not None else None
    return Saved(ops=[op], message=f"Run of {day} added to your log.", details=offer)


def _import_activity(values: Mapping[str, str], context: Context, store: Store) -> Saved:
    files = uploaded_files(values, "activity_file")
    if not files:
        raise InputError("activity_file", "Choose one or more activity files first: GPX, TCX, FIT, or a zip of them.")
    today = context.require_today()
    known = set((store.get("runs") or {}).keys())
    unit = chosen_unit(values)
    result = import_activities(files, known_ids=known, now=instant(context.now), unit=unit)
    if result.errors and not result.runs and not result.duplicates:  # nothing is stored
        reasons = [e.message if len(result.errors) == 1 else f"{e.name}: {e.message}" for e in result.errors]
        raise InputError("activity_file", " ".join(reasons))
    # The reader's local date of the start (the browser's time zone), never after today.
    runs = [NewRun(run=run, day=min(local_date(run.start_utc, context.utc_offset), today)) for run in result.runs]
    problems = [f"{e.name}: {e.message}" for e in result.errors]
    problems += [f"{name}: already in your log, so it was not added again." for name in result.duplicates]
    # One run with the form's effort is that run's own; several (a tempo among easy runs) are shown first, each
    # with its own effort, and stored only from that preview's button.
    if runs and not context.args.get("efforts") and (len(runs) > 1 or not values.get(BATCH_BOX)):
        also, listed = _not_imported(problems, "file")
        many = "this run" if len(runs) == 1 else f"these {count(len(runs), 'run')}"
        message = f"Nothing is saved yet: choose how hard {many} felt below, then import {many}.{also}"
        return Saved(ops=[], message=message, details=join(import_preview(runs, values, unit, today), listed))
    efforts = run_efforts(runs, values, unit, today)
    ops, imported = [], []
    for new in runs:
        run, day = new.run, new.day
        value = {
            "date": day.isoformat(),
            "duration_s": round(run.duration_s, 1),
            "distance_m": round(run.distance_m, 1),
            "rpe": efforts[run.id],
            "hr_avg": None if run.hr_avg is None else round(run.hr_avg, 1),
            "source": run.source,
            "start_utc": run.start_utc.isoformat(),
        }
        ops.append({"op": "put", "collection": "runs", "id": run.id, "value": value})
        what = f"{run.distance_m / meters_from(1, unit):.2f} {unit}" if run.distance_m else "a run"
        hr_note = f"; {run.hr_note}" if run.hr_note else ""
        effort = f", RPE {efforts[run.id]:g}"
        imported.append(f"{what} on {day_words(day, today=today)} from a {run.source.upper()} file{effort}{hr_note}")
    if len(imported) == 1:
        summary = f"Imported {imported[0]}."
    elif imported:
        summary = f"Imported {count(len(imported), 'run')}, listed below."
    elif not result.errors:
        summary = "These runs are already in your log: importing the same file again adds nothing."
        problems = []
    else:
        summary = "No new run was imported."
    also, listed = _not_imported(problems, "file")
    details = join(el("ul", None, *(el("li", None, line) for line in imported)) if len(imported) > 1 else None, listed)
    return Saved(ops=ops, message=summary + also, details=details)


def _checkin_words(value: Mapping[str, Any]) -> str:
    """What a check-in holds, in the message's words: "58 ms", or without a reading "sleep 5.5 h, soreness 4 of 5;
    no HRV reading" (a check-in without rMSSD is never called an HRV reading)."""
    if value.get("rmssd_ms") is not None:
        return f"{value['rmssd_ms']:g} ms"
    parts = [f"{name} {value[key]:g}{unit}" for key, (name, unit) in PART_WORDS.items() if value.get(key) is not None]
    return f"{', '.join(parts)}; no HRV reading"


def _noun(value: Any, *, start: bool = False) -> str:
    """ "HRV reading" for a check-in with rMSSD (or one stored that cannot be read), else "morning check-in"
    ("Morning check-in" to ``start`` a sentence)."""
    if isinstance(value, Mapping) and value.get("rmssd_ms") is None:
        return "Morning check-in" if start else "morning check-in"
    return "HRV reading"


def _add_hrv(values: Mapping[str, str], context: Context, store: Store) -> Saved:
    """A morning's check-in (rMSSD, or sleep and/or soreness alone); a second one for the same day replaces the first
    once the reader confirms (as a run logged twice is asked about), and keeps what the first had in the boxes now left
    empty (sleep noted in the morning, rMSSD typed again later, or the rMSSD when only sleep is added)."""
    today = context.require_today()
    day, value = hrv_value(values, today)
    ident, words = day.isoformat(), day_words(day, today=today)
    earlier = (store.get("hrv") or {}).get(ident)
    kept = []
    if earlier is not None and readable("hrv", ident, earlier):
        for key, (name, unit) in PART_WORDS.items():
            if value[key] is None and earlier.get(key) is not None:
                value[key] = earlier[key]
                kept.append(f"{name} ({earlier[key]:g}{unit})")
    op = {"op": "put", "collection": "hrv", "id": ident, "value": value}
    if earlier is None:
        return Saved(
            ops=[op],
            message=f"{_noun(value, start=True)} for {words} ({_checkin_words(value)}) saved.",
        )
    was, that = ("was", "that") if len(kept) == 1 else ("were", "those")
    if values.get("confirmed") != "yes":
        # The form keeps what was typed, so Save pressed again (or meant for another day) would overwrite the
        # stored check-in unseen: ask first, as for a run logged twice. Cancel keeps the stored one.
        stored = _checkin_words(earlier) if readable("hrv", ident, earlier) else "it cannot be read"
        keeps = f" Its {' and '.join(kept)} would be kept, as you left {that} empty." if kept else ""
        question = (
            f"You already saved {'an' if _noun(earlier) == 'HRV reading' else 'a'} {_noun(earlier)} for {words} "
            f"({stored}). "
            f"Replace it with {_checkin_words(value)}?{keeps}"
        )
        label = "Replace the reading" if _noun(earlier) == "HRV reading" else "Replace the check-in"
        return Saved(ops=[], question=confirm(question, "save", label, destructive=True))
    also = f"; its {' and '.join(kept)} {was} kept, as you left {that} empty" if kept else ""
    return Saved(
        ops=[op],
        message=f"{_noun(value, start=True)} for {words} ({_checkin_words(value)}) replaced the earlier one{also}.",
    )


def _import_hrv(values: Mapping[str, str], context: Context, store: Store) -> Saved:
    """New mornings are added; a stored reading gets the parts it lacked (the sleep a first file had no column
    for); a value the file disagrees on is replaced only once the reader confirms (as a reading typed twice is
    asked about): the answer stores the rest at once and asks about those, and Cancel keeps the stored ones."""
    text = values.get("hrv_file", "")
    if not text.strip():
        raise InputError("hrv_file", "Choose a CSV file with a date and an rMSSD column first.")
    today = context.require_today()
    try:
        result = import_hrv_csv(text, today=today)
    except InputError as error:
        raise InputError("hrv_file", error.message) from None
    if not result.readings:  # nothing to store: say so on the file, as for a file without an rMSSD column
        raise InputError("hrv_file", _nothing_read(result.errors))
    merge = merge_readings(store.get("hrv") or {}, result.readings, today=today)
    replace = values.get("confirmed") == "yes"
    stored = merge.new | merge.filled | (merge.replaced if replace else {})
    ops = [{"op": "put", "collection": "hrv", "id": ident, "value": value} for ident, value in sorted(stored.items())]
    said = []
    if merge.new:
        said.append(f"Imported {count(len(merge.new), 'HRV reading')}.")
    if merge.added:
        said.append(f"Added {merge.parts(merge.added, 'to')}.")
    if merge.replaced and replace:
        said.append(f"Replaced {merge.parts(merge.differing, 'in')} with the file’s values.")
    question = None
    if merge.replaced and not replace:
        differ = count(len(merge.replaced), "stored reading differs", "stored readings differ")
        said.append(
            f"{differ} from the file ({merge.parts(merge.differing, 'in')}); the stored values are kept. "
            "To use the file’s, import it again and choose “Replace with the file’s values”."
        )
        question = confirm(
            f"{differ} from this file: {merge.parts(merge.differing, 'in')} (for example {merge.example}). "
            "Replace the stored values with the file’s? Cancel keeps the stored ones.",
            "save",
            "Replace with the file’s values",
        )
    if ops:
        columns = ", ".join(f"{_COLUMN_NAMES[k]} from “{v}”" for k, v in result.columns.items())
        said.append(f"Columns used: {columns}.")
    problems = [f"Row {e.row} ({_COLUMN_NAMES.get(e.field, e.field)}): {e.message}" for e in result.errors]
    problems += [
        f"{day_words(day, today=today)}: the stored reading for this date cannot be read, so it was kept as it is; "
        "delete it in the table below to import this one."
        for day in merge.unreadable
    ]
    if not said and not result.errors and not merge.unreadable:
        said.append("These readings are already stored with the same values: this file adds nothing.")
    elif not said:
        said.append("No new HRV reading was imported.")
    also, listed = _not_imported(problems, "row")
    return Saved(ops=ops, message=" ".join(said) + also, details=listed, question=question)


#: How many rows an import that read none names in its message; the rest are counted.
_ROWS_NAMED = 3


def _nothing_read(errors: tuple[RowError, ...]) -> str:
    """Why a CSV import read no reading at all: no rows under the header, or the first rows' problems."""
    if not errors:
        return "Nothing was imported: this file has a header row but no readings under it."
    named = " ".join(f"Row {e.row} ({_COLUMN_NAMES.get(e.field, e.field)}): {e.message}" for e in errors[:_ROWS_NAMED])
    more = len(errors) - _ROWS_NAMED
    rest = f" {count(more, 'more row')} could not be read either." if more > 0 else ""
    return f"Nothing was imported: no row could be read. {named}{rest}"


SAVERS: dict[str, Callable[[Mapping[str, str], Context, Store], Saved]] = {
    "run": _add_run,
    "activity": _import_activity,
    "hrv": _add_hrv,
    "hrv_csv": _import_hrv,
}

"""The strength log's exports (JSON, the exact backup; CSV, one row per set) and imports (ours, Strong, Hevy).

The whole file is read and checked before any store operation is returned, and
sessions merge by id, so importing the same export twice changes nothing. A JSON
export is all or nothing. A CSV brings in every session whose rows all read; one
with a bad row is left out and each bad row listed with why, as the HRV import
does, and a session already stored is never written over by one that did not
read. A session dated more than ten years back (the logs' limit,
:mod:`calculators.entry_dates`) is skipped and named, so an old export, or one
stray year typed as 1900, still brings in the rest. A session that is the same
workout as one stored under another id (Strong history migrated into Hevy, then
both exported: :mod:`calculators.strength_copies`) is left out and counted, so
a week is not counted twice.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date

from calculators import backup
from calculators.entry_dates import DateOutOfRange, earliest_entry
from calculators.errors import InputError
from calculators.exercises import CATALOGUE
from calculators.load_units import load_words
from calculators.ranges import OutOfRange
from calculators.strength import SCHEMA_VERSION, StrengthLog, StrengthSession
from calculators.strength_copies import Merge, merge
from calculators.strength_csv import DEFAULT_SESSION_RPE, import_csv
from calculators.strength_csv_rows import StrengthImport
from calculators.strength_csv_stridelab import export_csv
from calculators.ui.calculator import Context, Reply, after_ops
from calculators.ui.html import Html, el, join
from calculators.ui.strength_screens import show, weight_unit
from calculators.ui.strength_state import COLLECTION, read_state
from calculators.units import WeightUnit, count

__all__ = ["export_csv_file", "export_json", "import_file"]

#: The apps a session can be imported from (``StrengthSession.source``), as a reader knows them.
_APPS = {"strong": "Strong", "hevy": "Hevy"}


def export_json(values: Mapping[str, str], context: Context) -> Reply:
    store = context.require_store()
    state = read_state(store)
    text = json.dumps(StrengthLog(sessions=state.sessions).to_dict(), indent=2, ensure_ascii=False)
    name = f"stridelab-strength-{context.require_today().isoformat()}.json"
    effect = {"type": "download", "filename": name, "mime": "application/json", "text": text}
    n = len(state.sessions)
    return show(store, values, context, f"Exported {count(n, 'session')} as {name}.", effects=(effect,))


def export_csv_file(values: Mapping[str, str], context: Context) -> Reply:
    store = context.require_store()
    state = read_state(store)
    name = f"stridelab-strength-{context.require_today().isoformat()}.csv"
    effect = {"type": "download", "filename": name, "mime": "text/csv", "text": export_csv(state.sessions)}
    n = len(state.sessions)
    message = f"Exported {count(n, 'session')} as {name}, one row per set."
    return show(store, values, context, message, effects=(effect,))


def _json_sessions(text: str, today: date) -> tuple[StrengthSession, ...]:
    try:
        data = json.loads(text)
    except ValueError:
        raise InputError("file", "Nothing was imported: the file is not valid JSON (it may be cut off).") from None
    holder = "this Stridelab strength log"
    if isinstance(data, dict) and data.get("format") == backup.FORMAT:
        entries = (data.get("collections") or {}).get(COLLECTION) or {}
        data = {"version": SCHEMA_VERSION, "sessions": list(entries.values()) if isinstance(entries, dict) else None}
        holder = "this Stridelab backup"
    try:
        sessions = StrengthLog.from_dict(data, today=today).sessions
    except InputError as error:
        # A number or date out of range starts its message with the field's own name ("Load: 600 kg …",
        # "Date of the session (…) is in the future"): the place stops short.
        where = _json_place(error.field, data, field_named=isinstance(error, (OutOfRange, DateOutOfRange)))
        raise InputError("file", f"Nothing was imported. {where}{': ' if where else ''}{error.message}") from None
    if not sessions:  # an export of an empty log reads, but importing it is no success to report
        raise InputError("file", f"Nothing was imported: {holder} holds no strength sessions. Your log is unchanged.")
    return sessions


#: A field of a strength log in words (a session's ``rpe`` is its session RPE: see :func:`_json_place`).
_FIELD_WORDS = {
    "duration_min": "duration",
    "rpe": "RPE",
    "target_reps": "target reps",
    "load_kg": "load",
    "hold_s": "hold",
    "height_cm": "height",
    "exercise": "exercise id",
}
_ITEM_WORDS = {"sessions": "Session", "exercises": "exercise", "sets": "set"}


def _json_place(path: str, data: object, *, field_named: bool = False) -> str:
    """Where a dotted path into a strength log points, in words, for a message a reader sees.

    ``sessions.1.exercises.0.sets.2.load_kg`` is "Session 2 (2026-11-16), exercise 1 (Romanian deadlift),
    set 3, load"; ``version`` is "" (its message says it all). With ``field_named`` (the message names the field
    itself) the place ends at the set: "…, set 3".
    """
    words: list[str] = []
    node, parts = data, path.split(".") if path and path != "version" else []
    if field_named and parts and not parts[-1].isdigit():
        parts.pop()
    while parts:
        part = parts.pop(0)
        if part in _ITEM_WORDS and parts and parts[0].isdigit():
            index = int(parts.pop(0))
            items = node.get(part) if isinstance(node, dict) else None
            node = items[index] if isinstance(items, list) and index < len(items) else None
            words.append(f"{_ITEM_WORDS[part]} {index + 1}{_json_label(part, node)}")
        elif part == "rpe" and len(words) == 1:
            words.append("session RPE")
        else:
            words.append(_FIELD_WORDS.get(part, part))
    place = ", ".join(words)
    return place[:1].upper() + place[1:]


def _json_label(kind: str, node: object) -> str:
    """What names a session (its date) or an exercise (its name) in the file, in brackets, if it reads."""
    if not isinstance(node, dict):
        return ""
    if kind == "sessions" and isinstance(node.get("date"), str):
        return f" ({node['date'][:10]})"
    if kind == "exercises":
        ident, own = node.get("exercise"), node.get("name")
        known = CATALOGUE.get(ident) if isinstance(ident, str) else None
        name = own if isinstance(own, str) else known.name if known else None
        return f" ({name[:40]})" if name and name.strip() else ""
    return ""


def _recent(
    sessions: tuple[StrengthSession, ...], today: date, also: str = ""
) -> tuple[tuple[StrengthSession, ...], str]:
    """The sessions the log takes (from ten years back), and a sentence naming those skipped, if any.

    ``also`` is what the refusal adds when none is left: the sessions left out for another reason.
    """
    first = earliest_entry(today)
    kept = tuple(s for s in sessions if s.date >= first)
    old = sorted(s.date.isoformat() for s in sessions if s.date < first)
    accepted = f"the strength log takes dates from {first.isoformat()} to today"
    if old and not kept:
        raise InputError(
            "file",
            f"Nothing was imported: every session {'that read' if also else 'in the file'} is more than ten years old; "
            f"{accepted}.{also}",
        )
    if not old:
        return kept, ""
    shown = ", ".join(old[:3]) + (f" and {len(old) - 3} more" if len(old) > 3 else "")
    return kept, f" Skipped {count(len(old), 'session')} more than ten years old ({shown}): {accepted}."


def _left_out(result: StrengthImport, stored: Mapping[str, object]) -> str:
    """The sessions a CSV left out, named by date and title, each said to be kept as stored if it is."""
    names = []
    for session in result.left_out:
        name = f"{session.day} “{session.title}”" if session.title else session.day or f"row {session.rows[0]}"
        names.append(name + (" (already stored: the stored copy is kept)" if session.id in stored else ""))
    return ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")


def _problems(result: StrengthImport) -> Html:
    """Every row of a CSV that did not read, with why, as a list."""
    return join(
        el("p", None, "Not imported:"),
        el("ul", {"data-row-errors": True}, *(el("li", None, problem.words()) for problem in result.problems)),
    )


def _weight_unit(values: Mapping[str, str], context: Context) -> tuple[str, str]:
    """The unit for weights a file does not give one for ("kg" or "lb"), and where it came from, in words.

    The reader's choice; by default the unit their loads are in (:attr:`calculators.profile.Profile.weight_unit`).
    """
    chosen = values.get("weight_unit") or "profile"
    if chosen != "profile":
        return chosen, "as chosen in “Weights in a Strong file”"
    profile = context.reader_profile()
    if profile.weights is not None:
        return profile.weight_unit, "as set in your profile (“Lifting weights in”)"
    return profile.weight_unit, "as your units are miles" if profile.units == "mi" else "as your units are kilometres"


def _assumed_unit(result: StrengthImport, sessions: tuple[StrengthSession, ...], why: str, unit: WeightUnit) -> str:
    """The sentence saying which unit weights were read in when the file does not say, and how to change it.

    The heaviest set is given in the reader's own unit, ``unit``, the one they know their lifts in (the log's
    kilograms are no concern of theirs), and as the file has it when that is the other unit.
    """
    loads = [s.load_kg for session in sessions for e in session.exercises for s in e.sets if s.load_kg]
    if result.assumed_unit not in ("kg", "lb") or not loads:  # no weight imported: no unit was taken
        return ""
    read: WeightUnit = "lb" if result.assumed_unit == "lb" else "kg"
    other = "kg" if read == "lb" else "lb"
    heaviest = load_words(max(loads), unit) + (f" ({load_words(max(loads), read)} in the file)" if read != unit else "")
    return (
        f" This file does not say its weight unit: weights were read in {read}, {why}. The heaviest set is "
        f"{heaviest}. If they were in {other}, choose {other} in “Weights in a Strong file” and import again: "
        "the sessions are replaced, not doubled."
    )


def _custom_words(names: list[str]) -> str:
    """The sentence naming the exercises the catalogue has no match for, and what the log does with them.

    Such an exercise is stored under its own name (:func:`calculators.strength.exercise_key`): it counts in the
    weekly volume, the records and the e1RM trends, and a custom session that names it prescribes its last sets
    moved on by progression's rules (:mod:`calculators.own_lifts`).
    """
    if not names:
        return ""
    one = len(names) == 1
    it, counts = ("It", "counts") if one else ("They", "count")
    return (
        f" Kept under {'its own name' if one else 'their own names'}, as the catalogue has no match: "
        f"{', '.join(names)}. {it} {counts} in your weekly volume, records and e1RM trends. Type "
        f"{'it' if one else 'them'} under “Your own exercises” in a custom session: the log starts from your last "
        "sets and moves them on by the rules of the catalogue's lifts (a step up after a session completed, the "
        "same again after missed reps, fewer sets in a marathon's peak weeks)."
    )


def _copies(merged: Merge) -> str:
    """The clause counting the sessions left out as already stored, where the stored ones came from, and the
    earlier copies removed."""
    if not merged.repeats:
        return ""
    apps = sorted({_APPS.get(s.source, s.source) for s in merged.repeats if s.source})
    whence = [f"stored from {' and '.join(apps)}"] if apps else []
    whence += ["logged here"] if any(s.source is None for s in merged.repeats) else []
    removed = count(len(merged.removed), "earlier copy", "earlier copies")
    return (
        f"; {count(len(merged.repeats), 'session')} left out as already {' or '.join(whence)} "
        "(the same day, exercises, sets, reps and loads)"
    ) + (f", and {removed} removed, so each is stored once" if merged.removed else "")


def import_file(values: Mapping[str, str], context: Context) -> Reply:
    store, today = context.require_store(), context.require_today()
    text = values.get("file", "")
    if not text.strip():  # the glue sends "" both for an empty file and for none chosen: the message fits both
        raise InputError(
            "file",
            "Nothing was imported: the file is empty, or none was chosen. "
            "Choose a Stridelab JSON export, or a Stridelab, Strong or Hevy CSV.",
        )
    existing = store.get(COLLECTION) or {}
    details = None
    if text.lstrip().startswith("{"):
        sessions, skipped = _recent(_json_sessions(text, today), today)
        merged = merge(sessions, read_state(store).sessions)
        sessions, source, extra = merged.sessions, "a Stridelab JSON export", skipped
    else:
        # raises CsvImportError when no session reads, naming the bad rows
        unit, why_unit = _weight_unit(values, context)
        result = import_csv(text, today=today, weight_unit=unit)
        names, left = _left_out(result, existing), len(result.left_out)
        details = _problems(result) if result.problems else None
        why = "; ".join(p.words().rstrip(".") for p in result.problems[:3])
        more = f" (and {len(result.problems) - 3} more)" if len(result.problems) > 3 else ""
        also = f" Also left out, as a row of each did not read: {names} ({why}{more})." if left else ""
        sessions, skipped = _recent(result.sessions, today, also)
        merged = merge(sessions, read_state(store).sessions)
        sessions = merged.sessions  # the notes below speak of the sessions stored, not of copies left out
        source = _APPS.get(result.source, "Stridelab CSV")
        # what is said is about the sessions imported, not those skipped
        estimated = sum(s.id in result.estimated for s in sessions)
        kept = {e.name for s in sessions for e in s.exercises if e.exercise == "custom"}
        custom = [name for name in result.custom_names if name in kept]
        extra = "".join(
            (
                _assumed_unit(result, sessions, why_unit, weight_unit(context)),
                skipped,
                f" Left out {count(left, 'session')} with a row that did not read: {names}; see why below."
                if left
                else "",
                f" Skipped {count(len(result.skipped), 'rest-timer or cardio row')} in the file."
                if result.skipped
                else "",
                _custom_words(custom),
                f" {count(estimated, 'session had', 'sessions had')} no session RPE; "
                f"{DEFAULT_SESSION_RPE:g} (out of 10) was assumed."
                if estimated
                else "",
            )
        )
    ops = [{"op": "put", "collection": COLLECTION, "id": s.id, "value": s.to_dict()} for s in sessions]
    ops += [{"op": "delete", "collection": COLLECTION, "id": ident} for ident in merged.removed]
    replaced = sum(1 for s in sessions if s.id in existing)
    message = (
        f"Imported {count(len(sessions), 'session')} from {source}: "
        f"{len(sessions) - replaced} new, {replaced} replaced{_copies(merged)}.{extra}"
    )
    return show(after_ops(store, ops), values, context, message, details, ops=tuple(ops))

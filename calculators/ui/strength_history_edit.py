"""Correcting a finished session from the history: its sets and warm-ups (reps or hold, load, RPE), its minutes
and session RPE; removing a set or a warm-up; deleting the whole session, with a confirmation and an undo;
deleting a stored session that does not read, with a confirmation.

Every change is one ``put`` (or ``delete``) of that session's entry. Bad input
raises :class:`InputError` naming the set or the session, the field and the
range, and returns no store operation.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from calculators.date_words import day_words
from calculators.errors import InputError
from calculators.exercises import CATALOGUE
from calculators.strength import ExerciseLog, StrengthSession, StrengthSet, exercise_name
from calculators.strength_swaps import entry_words
from calculators.ui.calculator import Context, Reply, action_button, after_ops, confirm
from calculators.ui.html import Html, el, join, summary_line
from calculators.ui.strength_history_boxes import add_exercise_box, add_set_box, date_box
from calculators.ui.strength_screens import show, weight_unit
from calculators.ui.strength_set_edit import corrected_set, input_box, number, refuse_load, set_editor, takes_load
from calculators.ui.strength_state import COLLECTION, read_state
from calculators.ui.strength_view import session_label, set_text
from calculators.units import WeightUnit

__all__ = [
    "delete_session",
    "delete_unreadable",
    "edit_session",
    "edit_title",
    "edited_session",
    "editor",
    "gone_reply",
    "put_ops",
    "remove_logged_set",
    "restore_session",
    "save_logged_set",
    "save_session",
]


def edit_title(session: StrengthSession, today: date | None) -> str:
    return f"{session_label(session.kind)} of {day_words(session.date, today=today)}"


def put_ops(session: StrengthSession) -> tuple[dict[str, Any], ...]:
    return ({"op": "put", "collection": COLLECTION, "id": session.id, "value": session.to_dict()},)


def _which(key: str, i: int, name: str) -> str:
    """A set's or a warm-up's name in a sentence: "set 2 of Hip thrust", "warm-up 1 of Hip thrust"."""
    return f"{'warm-up' if key == 'warmup' else 'set'} {i + 1} of {name}"


def _rows(entry: ExerciseLog, key: str, args: dict[str, Any], *, unit: WeightUnit, css: str) -> Html:
    """The work sets (``key`` "set") or the warm-ups ("warmup") of one exercise, each with its box to correct
    or remove it; the buttons name it by ``key`` and its index."""
    return el(
        "ol" if key == "set" else "ul",
        {"class": css},
        *(
            el(
                "li",
                {"data-warmup" if key == "warmup" else "data-set": f"{args['entry']}:{i}"},
                el("span", {"class": "sl-strength__set-number"}, "Warm-up: " if key == "warmup" else f"Set {i + 1}: "),
                el("strong", None, set_text(item, unit=unit)),
                set_editor(
                    item,
                    what=_which(key, i, exercise_name(entry)),
                    save=("save_logged_set", args | {key: i}),
                    remove=("remove_logged_set", args | {key: i}),
                    unit=unit,
                    load=takes_load(CATALOGUE.get(entry.exercise)),  # the boxes the live log's set rows show
                ),
            )
            for i, item in enumerate(_items(entry, key))
        ),
    )


def editor(
    session: StrengthSession,
    message: str = "",
    *,
    log: tuple[StrengthSession, ...],
    unit: WeightUnit,
    today: date | None,
) -> Html:
    """One finished session laid out for correcting: minutes and session RPE, then every set with its box
    (loads in ``unit``); ``log``, the saved sessions, gives the reader's own lift names its Add box suggests."""
    title, ident = edit_title(session, today), {"id": session.id}
    headline = f"Correcting the {title}: change a line, then tap its Save. Each Save changes that line only."
    exercises = []
    for e, entry in enumerate(session.exercises):
        exercises.append(
            el(
                "section",
                {"class": "sl-strength__exercise", "data-entry": e},
                el("h3", None, entry_words(entry)),  # a swap or a skip said, as the history says it
                # A warm-up is corrected or removed as a set is, in its own list, as the session in progress shows
                # it: it keeps its place apart and never takes a work set's number.
                _rows(entry, "warmup", ident | {"entry": e}, unit=unit, css="sl-strength__warmups")
                if entry.warmups
                else None,
                _rows(entry, "set", ident | {"entry": e}, unit=unit, css="sl-strength__sets"),
                add_set_box(session, e, entry, unit=unit),
            )
        )
    return el(
        "div",
        {"class": "sl-result", "data-editing": session.id},
        summary_line(headline, message, {"class": "sl-result__headline"}),
        date_box(session, title, today),
        el(
            "div",
            {"class": "sl-strength__edit-box", "data-inputs": True},
            input_box("Minutes", "duration", session.duration_min, f"the {title}", "decimal"),
            input_box("Session RPE (1–10)", "session_rpe", session.rpe, f"the {title}", "decimal"),
            action_button("Save minutes and RPE", "save_session", ident, primary=True),
        ),
        join(exercises),
        add_exercise_box(session, title, log, unit=unit),
        el(
            "p",
            {"class": "sl-strength__buttons"},
            action_button("Done", "compute", primary=True),
            action_button("Delete this session", "delete_session", ident, destructive=True),
        ),
    )


def edited_session(
    context: Context,
) -> tuple[Mapping[str, Any], StrengthSession | None, tuple[StrengthSession, ...]]:
    """The store, the saved session a button names (None when it is gone) and the saved sessions (the log)."""
    store = context.require_store()
    ident = context.args.get("id")
    log = read_state(store).sessions
    found = [s for s in log if s.id == ident]
    return store, found[0] if found else None, log


def gone_reply(store: Mapping[str, Any], values: Mapping[str, str], context: Context) -> Reply:
    return show(store, values, context, "That session is no longer in your log; nothing was changed.")


def edit_session(values: Mapping[str, str], context: Context) -> Reply:
    store, session, log = edited_session(context)
    return (
        Reply(html=editor(session, log=log, unit=weight_unit(context), today=context.today))
        if session
        else gone_reply(store, values, context)
    )


def save_session(values: Mapping[str, str], context: Context) -> Reply:
    """Correct the session's minutes and session RPE (CR-10)."""
    store, session, log = edited_session(context)
    if session is None:
        return gone_reply(store, values, context)
    where = f"The {edit_title(session, context.today)}"
    minutes = number(values, "duration", 1, 600, "min", f"{where}, minutes")
    rpe = number(values, "session_rpe", 1, 10, "", f"{where}, session RPE")
    if minutes is None:
        raise InputError("duration", f"{where}, minutes: enter how long it took, between 1 and 600 min.")
    if rpe is None:
        raise InputError("session_rpe", f"{where}, session RPE: enter a number between 1 and 10.")
    after = replace(session, duration_min=minutes, rpe=rpe)
    saved = f"Saved: {minutes:g} min at session RPE {rpe:g}."
    return Reply(html=editor(after, saved, log=log, unit=weight_unit(context), today=context.today), ops=put_ops(after))


def _set_at(session: StrengthSession, args: Mapping[str, Any]) -> tuple[int, str, int]:
    """The exercise, the list ("set" for the work sets, "warmup") and the index a button names."""
    key = "warmup" if "warmup" in args else "set"
    e, i = args.get("entry"), args.get(key)
    if (
        isinstance(e, int)
        and isinstance(i, int)
        and not isinstance(e, bool)
        and not isinstance(i, bool)
        and 0 <= e < len(session.exercises)
        and 0 <= i < len(_items(session.exercises[e], key))
    ):
        return e, key, i
    what = "warm-up" if key == "warmup" else "set"
    raise InputError("history", f"That {what} is no longer in the session; nothing was changed.")


def _items(entry: ExerciseLog, key: str) -> tuple[StrengthSet, ...]:
    return entry.warmups if key == "warmup" else entry.sets


def _with(session: StrengthSession, e: int, key: str, items: tuple[StrengthSet, ...]) -> StrengthSession:
    """``session`` with exercise ``e``'s work sets or warm-ups (``key``) replaced by ``items``; an exercise left
    with neither goes."""
    entry = session.exercises[e]
    changed = replace(entry, warmups=items) if key == "warmup" else replace(entry, sets=items)
    kept = (changed,) if changed.sets or changed.warmups else ()
    return replace(session, exercises=(*session.exercises[:e], *kept, *session.exercises[e + 1 :]))


def save_logged_set(values: Mapping[str, str], context: Context) -> Reply:
    """Correct one set or warm-up of a finished session with what was typed in its box."""
    store, session, log = edited_session(context)
    if session is None:
        return gone_reply(store, values, context)
    e, key, i = _set_at(session, context.args)
    entry = session.exercises[e]
    items = _items(entry, key)
    item, known = items[i], CATALOGUE.get(entry.exercise)
    which = _which(key, i, exercise_name(entry))
    where = which[0].upper() + which[1:]  # not str.capitalize, which would lower the exercise's name
    needs_load = known is not None and known.kind == "load" and item.load_kg is not None
    barbell = known is not None and known.barbell
    unit = weight_unit(context)
    refuse_load(values, known, where)
    new = corrected_set(
        values, item, where=where, load_required=needs_load, barbell=barbell, unit=unit, load=takes_load(known)
    )
    after = _with(session, e, key, (*items[:i], new, *items[i + 1 :]))
    return Reply(
        html=editor(after, f"{where} corrected: {set_text(new, unit=unit)}.", log=log, unit=unit, today=context.today),
        ops=put_ops(after),
    )


def remove_logged_set(values: Mapping[str, str], context: Context) -> Reply:
    """Remove one set or warm-up of a finished session, after a confirmation (an exercise left with neither goes
    too). The session's last work set is not removed: a session of warm-ups alone is not one that can be saved."""
    store, session, log = edited_session(context)
    if session is None:
        return gone_reply(store, values, context)
    e, key, i = _set_at(session, context.args)
    entry = session.exercises[e]
    items = _items(entry, key)
    unit = weight_unit(context)
    where = f"{_which(key, i, exercise_name(entry))} ({set_text(items[i], unit=unit)})"
    if key == "set" and sum(len(x.sets) for x in session.exercises) == 1:
        raise InputError("history", "This is the session's only work set: delete the whole session instead.")
    if values.get("confirmed") != "yes":
        question = f"Remove {where} from the {edit_title(session, context.today)}?"
        label = "Remove the warm-up" if key == "warmup" else "Remove the set"
        effect = confirm(question, "remove_logged_set", label, dict(context.args), destructive=True)
        return Reply(html=editor(session, log=log, unit=unit, today=context.today), effects=(effect,))
    after = _with(session, e, key, (*items[:i], *items[i + 1 :]))
    return Reply(html=editor(after, f"Removed {where}.", log=log, unit=unit, today=context.today), ops=put_ops(after))


def delete_session(values: Mapping[str, str], context: Context) -> Reply:
    """Delete a finished session after a confirmation; the reply offers to put it back."""
    store, session, log = edited_session(context)
    if session is None:
        return gone_reply(store, values, context)
    if values.get("confirmed") != "yes":
        question = f"Delete the {edit_title(session, context.today)} and all its sets from your log?"
        effect = confirm(question, "delete_session", "Delete the session", {"id": session.id}, destructive=True)
        return Reply(html=editor(session, log=log, unit=weight_unit(context), today=context.today), effects=(effect,))
    ops = ({"op": "delete", "collection": COLLECTION, "id": session.id},)
    shown = show(after_ops(store, ops), values, context, f"The {edit_title(session, context.today)} was deleted.")
    undo = el(
        "p",
        {"class": "sl-notice", "data-undo": session.id},
        "Deleted by mistake? ",
        action_button("Undo: put the session back", "restore_session", {"session": session.to_dict()}),
    )
    return Reply(html=join(undo, shown.html), ops=ops)


def restore_session(values: Mapping[str, str], context: Context) -> Reply:
    """Put back a session just deleted (the undo button carries it whole)."""
    store = context.require_store()
    try:
        # Stored sessions are not checked against today (a clock or time-zone change must not lose one).
        session = StrengthSession.from_dict(context.args.get("session"), today=date.max)
    except InputError:
        raise InputError("history", "The deleted session could not be read back; restore it from a backup.") from None
    if session.id in (store.get(COLLECTION) or {}):
        return show(store, values, context, f"The {edit_title(session, context.today)} is already in your log.")
    ops = put_ops(session)
    return show(
        after_ops(store, ops),
        values,
        context,
        f"The {edit_title(session, context.today)} is back in your log.",
        ops=ops,
    )


def delete_unreadable(values: Mapping[str, str], context: Context) -> Reply:
    """Delete a stored session that does not read, after a confirmation, and only such a one: a session that
    reads is deleted from its editor, with an undo."""
    store = context.require_store()
    ident = context.args.get("id")
    found = [entry for entry in read_state(store).unreadable if entry.id == ident]
    if not found:
        return show(store, values, context, "That unreadable session is no longer stored; nothing was changed.")
    day = found[0].day
    what = f"the stored session of {day_words(day, today=context.today)}" if day else "the undated stored session"
    if values.get("confirmed") != "yes":
        # No undo: putting a session back checks it first (restore_session), and this one does not read.
        question = f"Delete {what} that could not be read? It cannot be read, so this cannot be undone."
        effect = confirm(question, "delete_unreadable", "Delete the session", {"id": found[0].id}, destructive=True)
        return show(store, values, context, effects=(effect,))
    ops = ({"op": "delete", "collection": COLLECTION, "id": found[0].id},)
    return show(after_ops(store, ops), values, context, f"Deleted {what} that could not be read.", ops=ops)

"""Renaming the reader's own lift, or merging it into another of theirs, across the whole log, with an undo.

A lift typed twice under two names ("squat" here, "Squat (Barbell)" from Strong) is two lifts to the log:
records, trends and progression group by :func:`calculators.strength.exercise_key`. Renaming one to the other's
name makes them one. Each session that holds the lift is put back under its own id with only that lift's name
changed; a merge is asked first, as it joins two lifts' records, and the answer offers to undo it: the undo names
the sessions and the places in them that were renamed, so it gives back exactly those entries their old name.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from calculators.errors import InputError
from calculators.exercises import CATALOGUE
from calculators.strength import StrengthSession, exercise_key
from calculators.ui.calculator import Context, Reply, action_button, after_ops, confirm
from calculators.ui.html import el, join
from calculators.ui.strength_custom import custom_exercise, own_names, typed_exercise
from calculators.ui.strength_screens import show
from calculators.ui.strength_state import COLLECTION, read_state
from calculators.units import count

__all__ = ["rename_lift", "undo_rename"]


def _renamed(
    sessions: tuple[StrengthSession, ...], key: str, name: str, where: Mapping[str, Any] | None = None
) -> tuple[list[StrengthSession], dict[str, list[int]]]:
    """Every session holding the lift ``key`` (or, with ``where``, the entries it lists by session id and place)
    with that lift called ``name``, and where each renamed entry is."""
    changed: list[StrengthSession] = []
    places: dict[str, list[int]] = {}
    for session in sessions:
        listed = where.get(session.id) if where is not None else None
        at = [
            i
            for i, entry in enumerate(session.exercises)
            if exercise_key(entry) == key and (where is None or (isinstance(listed, list) and i in listed))
        ]
        if not at:
            continue
        entries = tuple(
            replace(e, exercise="custom", name=name) if i in at else e for i, e in enumerate(session.exercises)
        )
        changed.append(replace(session, exercises=entries))
        places[session.id] = at
    return changed, places


def _puts(sessions: list[StrengthSession]) -> tuple[dict[str, Any], ...]:
    return tuple({"op": "put", "collection": COLLECTION, "id": s.id, "value": s.to_dict()} for s in sessions)


def rename_lift(values: Mapping[str, str], context: Context) -> Reply:
    """Rename the reader's own lift ``key`` to the name typed in its box (``new_name``); a name another of their
    lifts has merges the two, once the reader confirms."""
    store = context.require_store()
    state = read_state(store)
    own = own_names(state.sessions)
    key = context.args.get("key")
    if not isinstance(key, str) or key not in own:
        return show(store, values, context, "That lift is no longer in your log; nothing was changed.")
    old = own[key]
    if state.draft is not None and any(ex.id == key for ex in state.draft.exercises):
        # The session in progress would save the lift under its old name again, and split what was just joined.
        message = f"“{old}” is in the session left open: finish or discard it first, then rename the lift."
        return show(store, values, context, message)
    typed = str(context.args.get("new_name") or values.get("new_name", ""))
    same = custom_exercise(typed, "new_name")  # 1 to 100 characters, or the box says so
    # The same lift typed anew (other capitals or spaces) is a rename; any other name may be another lift's.
    target = same if same.id == key else typed_exercise(typed, {k: n for k, n in own.items() if k != key}, "new_name")
    if target.id in CATALOGUE:
        raise InputError(
            "new_name",
            f"“{typed.strip()}” is the catalogue's {target.name}, which has a prescription of its own: a lift of "
            "yours keeps a name of its own. Choose another name.",
        )
    if target.name == old:
        return show(store, values, context, f"“{old}” already has that name; nothing was changed.")
    merging = target.id != key and target.id in own
    if merging and values.get("confirmed") != "yes":
        question = (
            f"Merge “{old}” into “{target.name}”? Their sessions, records and e1RM trends become one lift's, and "
            "the log moves on from the latest of them. You can undo it straight after."
        )
        effect = confirm(question, "rename_lift", "Merge the lifts", {"key": key, "new_name": typed})
        return show(store, values, context, effects=(effect,))
    changed, places = _renamed(state.sessions, key, target.name)
    ops = _puts(changed)
    done = f"Merged “{old}” into “{target.name}”" if merging else f"Renamed “{old}” to “{target.name}”"
    message = f"{done} in {count(len(changed), 'session')}."
    shown = show(after_ops(store, ops), values, context, message)
    undo = el(
        "p",
        {"class": "sl-notice", "data-undo-rename": key},
        "Not what you meant? ",
        action_button(
            f"Undo: call it “{old}” again",
            "undo_rename",
            {"name": old, "key": target.id, "places": places},
        ),
    )
    return Reply(html=join(undo, shown.html), ops=ops)


def undo_rename(values: Mapping[str, str], context: Context) -> Reply:
    """Give the entries a rename changed their old name back (the undo button names the sessions and places)."""
    store = context.require_store()
    args = context.args
    name, key, places = args.get("name"), args.get("key"), args.get("places")
    if not isinstance(name, str) or not isinstance(key, str) or not isinstance(places, Mapping):
        raise InputError("history", "That rename cannot be undone from here; rename the lift again instead.")
    old = custom_exercise(name, "history")
    changed, _ = _renamed(read_state(store).sessions, key, old.name, places)
    if not changed:
        return show(store, values, context, "Nothing to undo: those sessions have changed since, or are gone.")
    ops = _puts(changed)
    message = f"Undone: “{old.name}” has its own name again in {count(len(changed), 'session')}."
    return show(after_ops(store, ops), values, context, message, ops=ops)

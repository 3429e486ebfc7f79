"""Changes to the session in progress besides logging the next set: correct or remove a logged set, and
add an exercise to a custom session.

Each action checks everything first; bad input raises :class:`InputError`
naming the set and the field, and no store operation is returned.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from calculators.errors import InputError
from calculators.strength import EXERCISES_MAX, StrengthSet
from calculators.ui.calculator import Context, Reply
from calculators.ui.strength_custom import chosen_exercises, own_names
from calculators.ui.strength_screens import draft_reply, weight_unit
from calculators.ui.strength_set_edit import corrected_set, refuse_load, takes_load
from calculators.ui.strength_state import DRAFT_COLLECTION, DRAFT_ID, Draft, State, draft_exercise, read_state
from calculators.ui.strength_view import set_text

__all__ = ["PICKS_CLEARED", "add_exercise", "current", "edit_set", "logged_index", "put_draft", "remove_set"]


#: The form's boxes that pick a custom session's exercises, emptied once their picks are in the session (started or
#: added to): left ticked, a box jump picked for last week's custom session came into this week's unseen, and
#: finishing asked about its sets not done.
PICKS_CLEARED = {"type": "clear", "fields": ["exercises", "custom_name"]}


def current(context: Context) -> tuple[Mapping[str, Any], State, Draft]:
    """The store, what it holds, and the session in progress (an error when there is none)."""
    store = context.require_store()
    state = read_state(store)
    if state.draft is None:
        raise InputError("session", "No session is in progress: choose one and tap “Start session” first.")
    return store, state, state.draft


def put_draft(draft: Draft) -> tuple[dict[str, Any], ...]:
    return ({"op": "put", "collection": DRAFT_COLLECTION, "id": DRAFT_ID, "value": draft.to_dict()},)


def _logged(context: Context) -> tuple[State, Draft, str, str, int, tuple[StrengthSet, ...]]:
    """The logged set a button names: its exercise's key and name, its index and the exercise's sets."""
    _, state, draft = current(context)
    ex = draft_exercise(draft, context.args.get("exercise"))
    done = draft.sets.get(ex.id, ())
    return state, draft, ex.id, ex.name, logged_index(context, "set", done, f"That set of {ex.name}"), done


def logged_index(context: Context, arg: str, done: tuple[StrengthSet, ...], what: str) -> int:
    """The index a button names (``arg``: "set", "warmup") among ``done``, or a message that it is gone: a second
    tab, or a second tap, may have removed it."""
    index = context.args.get(arg)
    if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < len(done):
        raise InputError("session", f"{what} is not logged (any more); nothing was changed.")
    return index


def edit_set(values: Mapping[str, str], context: Context) -> Reply:
    """Correct one logged set with the reps (or hold), load and RPE typed beside it."""
    state, draft, key, name, index, done = _logged(context)
    unit = weight_unit(context)
    ex = draft_exercise(draft, key)
    where = f"Set {index + 1} of {name}"
    refuse_load(values, ex, where)
    item = corrected_set(
        values,
        done[index],
        where=where,
        load_required=ex.kind == "load",
        barbell=ex.barbell,
        unit=unit,
        load=takes_load(ex),
    )
    after = replace(draft, sets={**draft.sets, key: (*done[:index], item, *done[index + 1 :])})
    return draft_reply(
        state,
        after,
        f"{where} corrected: {set_text(item, unit=unit)}.",
        ops=put_draft(after),
        unit=unit,
        today=context.today,
    )


def remove_set(values: Mapping[str, str], context: Context) -> Reply:
    """Remove one logged set; the sets after it move up."""
    state, draft, key, name, index, done = _logged(context)
    after = replace(draft, sets={**draft.sets, key: (*done[:index], *done[index + 1 :])})
    return draft_reply(
        state,
        after,
        f"Set {index + 1} of {name} removed.",
        ops=put_draft(after),
        unit=weight_unit(context),
        today=context.today,
    )


def add_exercise(values: Mapping[str, str], context: Context) -> Reply:
    """Add the exercise picked from the catalogue, or typed by name, to the custom session in progress."""
    _, state, draft = current(context)
    if draft.kind != "custom":
        raise InputError("session", "Exercises can be added to a custom session only.")
    chosen = chosen_exercises(values, own_names(state.sessions))
    if not chosen:
        raise InputError("custom_name", "Choose an exercise from the catalogue or type a name, then tap “Add”.")
    have = {ex.id: ex for ex in draft.items}
    new = tuple(ex for ex in chosen if ex.id not in have)
    unit = weight_unit(context)
    if not new:
        return draft_reply(
            state, draft, f"{have[chosen[0].id].name} is already in this session.", unit=unit, today=context.today
        )
    if len(draft.items) + len(new) > EXERCISES_MAX:
        raise InputError("exercises", f"At most {EXERCISES_MAX} exercises fit in one session.")
    after = replace(draft, items=draft.items + new)
    added = ", ".join(ex.name for ex in new)
    message = f"Added to the session: {added}."
    return draft_reply(
        state, after, message, ops=put_draft(after), effects=(PICKS_CLEARED,), unit=unit, today=context.today
    )

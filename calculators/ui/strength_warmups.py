"""Ramp-up sets in the session in progress: log one as a warm-up, or remove it.

A warm-up (the strength guide's "two lighter ramp-up sets") is kept apart from the work sets
(:attr:`Draft.warmups`), so it takes no work set's place or number, and the finished session stores it marked
as a warm-up, which volume load, e1RM, records, "last time" and progression all leave out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from calculators.errors import InputError
from calculators.strength import StrengthSet
from calculators.ui.calculator import Context, Reply
from calculators.ui.strength_draft_edit import current, logged_index, put_draft
from calculators.ui.strength_screens import draft_reply, weight_unit
from calculators.ui.strength_set_edit import load_range, typed_load, whole_reps
from calculators.ui.strength_state import draft_exercise
from calculators.ui.strength_view import set_text

__all__ = ["log_warmup", "remove_warmup"]


def log_warmup(values: Mapping[str, str], context: Context) -> Reply:
    """Log the reps and load typed in the form as a warm-up of the exercise the button belongs to."""
    _, state, draft = current(context)
    unit = weight_unit(context)
    ex = draft_exercise(draft, context.args.get("exercise"))
    where = f"Warm-up of {ex.name}"
    reps = whole_reps(values, f"{where}, reps")
    if reps is None:
        raise InputError(
            "reps", f"{where}: type its reps (and load) in the next set's boxes, then tap “Log as warm-up”."
        )
    load = typed_load(values, where, barbell=ex.barbell, unit=unit)
    if ex.kind == "load" and load is None:
        raise InputError("load", f"{where}: enter {load_range(barbell=ex.barbell, unit=unit)}.")
    item = StrengthSet(reps=reps, load_kg=load, warmup=True)
    after = replace(draft, warmups={**draft.warmups, ex.id: (*draft.warmups.get(ex.id, ()), item)})
    return draft_reply(
        state,
        after,
        f"Warm-up of {ex.name} logged: {set_text(item, unit=unit)}. It does not count as a work set.",
        ops=put_draft(after),
        unit=unit,
        today=context.today,
    )


def remove_warmup(values: Mapping[str, str], context: Context) -> Reply:
    """Remove one logged warm-up; the work sets are not touched."""
    _, state, draft = current(context)
    ex = draft_exercise(draft, context.args.get("exercise"))
    done = draft.warmups.get(ex.id, ())
    index = logged_index(context, "warmup", done, f"That warm-up of {ex.name}")
    after = replace(draft, warmups={**draft.warmups, ex.id: (*done[:index], *done[index + 1 :])})
    unit = weight_unit(context)
    message = f"Warm-up of {ex.name} removed ({set_text(done[index], unit=unit)})."
    return draft_reply(state, after, message, ops=put_draft(after), unit=unit, today=context.today)

"""The strength log's actions that swap or skip one exercise of the session in progress, or undo that.

Each checks first and returns no store operation on bad input; what is logged is never dropped: an exercise with
sets logged is neither swapped nor skipped (the message says how to undo them).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from calculators.errors import InputError
from calculators.exercises import Exercise
from calculators.strength_swaps import skip_reason, swap_offer
from calculators.ui.calculator import Context, Reply
from calculators.ui.strength_draft_edit import current, put_draft
from calculators.ui.strength_screens import draft_pairs, draft_reply, weight_unit
from calculators.ui.strength_state import Draft, State, draft_exercise
from calculators.ui.strength_swap import planned_for
from calculators.ui.strength_view import describe

__all__ = ["skip_exercise", "swap_exercise", "unskip_exercise"]


def _untouched(draft: Draft, ex: Exercise, what: str) -> None:
    """Refuse to ``what`` (swap, skip) an exercise with sets logged: they would be lost or counted for nothing."""
    if draft.sets.get(ex.id):
        raise InputError(
            "session",
            f"{ex.name} has sets logged: tap “Undo the last set” until none is left to {what} it. Nothing was changed.",
        )


def _reply(state: State, after: Draft, message: str, context: Context) -> Reply:
    unit = weight_unit(context)
    return draft_reply(state, after, message, ops=put_draft(after), unit=unit, today=context.today)


def swap_exercise(values: Mapping[str, str], context: Context) -> Reply:
    """Swap an exercise for the one the catalogue pairs it with, or a swapped one back to the planned one."""
    _, state, draft = current(context)
    ex = draft_exercise(draft, context.args.get("exercise"))
    other = swap_offer(draft.kind, draft.gym, draft.swaps, ex.id)
    if other is None:
        raise InputError("session", f"There is no exercise to swap {ex.name} for here; “Skip today” leaves it out.")
    if ex.id in draft.skips:
        raise InputError("session", f"{ex.name} is skipped today: tap “Do it after all” first.")
    _untouched(draft, ex, "swap")
    if draft.warmups.get(ex.id):
        raise InputError("session", f"{ex.name} has a warm-up logged: tap “Remove” beside it first to swap it.")
    planned = planned_for(draft, ex.id) or ex.id
    swaps = {key: done for key, done in draft.swaps.items() if key != planned}
    if other.id != planned:
        swaps[planned] = other.id
    after = replace(draft, swaps=swaps)
    p = dict(draft_pairs(after, state, unit=weight_unit(context)))[other]
    today = f"{describe(p, unit=weight_unit(context))}"
    return _reply(state, after, f"{ex.name} swapped for {other.name}: today {today}.", context)


def skip_exercise(values: Mapping[str, str], context: Context) -> Reply:
    """Leave one exercise out today, with the reader's reason."""
    _, state, draft = current(context)
    ex = draft_exercise(draft, context.args.get("exercise"))
    _untouched(draft, ex, "skip")
    reason = skip_reason(values.get("skip_reason", ""))
    after = replace(draft, skips={**draft.skips, ex.id: reason})
    why = f" ({reason})" if reason else ""
    return _reply(state, after, f"{ex.name} skipped today{why}: not counted as missed.", context)


def unskip_exercise(values: Mapping[str, str], context: Context) -> Reply:
    """Bring a skipped exercise back into today's session."""
    _, state, draft = current(context)
    ex = draft_exercise(draft, context.args.get("exercise"))
    if ex.id not in draft.skips:
        return draft_reply(state, draft, f"{ex.name} is not skipped.", unit=weight_unit(context), today=context.today)
    after = replace(draft, skips={key: why for key, why in draft.skips.items() if key != ex.id})
    return _reply(state, after, f"{ex.name} is back in today's session.", context)

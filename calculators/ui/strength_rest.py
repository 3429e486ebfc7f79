"""The rest timer after a logged set, and the rest the lifter chooses with its −30 s / +30 s.

A heavy single wants more rest than the exercise's usual, and a light back-off set less: once the lifter changes the
rest for an exercise in a session, the next set's timer of that exercise starts from the changed time, for the rest of
that session (a custom lift's too, from its usual 120 s). The change is kept in the session in progress
(:attr:`calculators.ui.strength_state.Draft.rests`), so a reload keeps it; the next session starts from the usual rest
again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from calculators.errors import InputError
from calculators.exercises import Exercise
from calculators.ui.calculator import Context, Reply
from calculators.ui.strength_draft_edit import current, put_draft
from calculators.ui.strength_screens import draft_reply, weight_unit
from calculators.ui.strength_state import REST_RANGE, Draft, draft_exercise
from calculators.units import duration_words

__all__ = ["rest_for", "rest_timer", "set_rest"]


def rest_for(draft: Draft, ex: Exercise, usual_s: int) -> int:
    """The rest after a set of ``ex``: the one the lifter chose today with the timer, else ``usual_s`` (the
    prescription's)."""
    return draft.rests.get(ex.id, usual_s)


def rest_timer(ex: Exercise, index: int, rest_s: int, going_on: tuple[Exercise, int] | None) -> dict[str, object]:
    """The rest timer after set ``index`` of ``ex``, with what a screen reader hears once as it starts and when the
    rest is over: the set to go on with, when one is left (the countdown itself is not read out every second).
    ``change`` is the action the timer's −30 s / +30 s send, with the rest they make, to keep it for the next set."""
    over = f"Rest over: time for set {going_on[1] + 1} of {going_on[0].name}." if going_on else "Rest over."
    return {
        "type": "timer",
        "seconds": rest_s,
        "label": f"Rest after {ex.name}, set {index + 1}",
        "started": f"Rest timer started: {duration_words(rest_s)}.",
        "over": over,
        "change": {"action": "set_rest", "args": {"exercise": ex.id, "set": index}},
    }


def set_rest(values: Mapping[str, str], context: Context) -> Reply:
    """Keep the rest the timer's buttons made (``seconds``) for the next sets of the exercise the timer is for.

    The page is answered as it was when the set was logged (its headline says that set), so a screen reader, which
    hears the timer's own "Rest: 2:30 left.", hears nothing more.
    """
    _, state, draft = current(context)
    ex = draft_exercise(draft, context.args.get("exercise"))
    seconds = context.args.get("seconds")
    if isinstance(seconds, bool) or not isinstance(seconds, int) or not REST_RANGE.holds(seconds):
        usual = duration_words(draft.rests[ex.id]) if ex.id in draft.rests else "its usual rest"
        low, high = (duration_words(int(limit)) for limit in (REST_RANGE.low, REST_RANGE.high))
        message = f"Rest: a rest between sets is {low} to {high}; the next set of {ex.name} starts from {usual}."
        raise InputError("rest", message)
    after = replace(draft, rests={**draft.rests, ex.id: seconds})
    done, index = after.sets.get(ex.id, ()), context.args.get("set")
    logged = (ex, index) if isinstance(index, int) and not isinstance(index, bool) and 0 <= index < len(done) else None
    unit = weight_unit(context)
    return draft_reply(state, after, ops=put_draft(after), unit=unit, today=context.today, just_logged=logged)

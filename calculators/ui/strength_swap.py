"""The session screen's "Swap or skip" for one exercise, an exercise skipped today, and what Finish stores for them.

The rules are :mod:`calculators.strength_swaps`'. Each button's name says the exercise ("Swap Romanian deadlift for
Single-leg Romanian deadlift", "Skip Hip thrust today"), as a screen reader lists the page's buttons out of context;
the reason typed for a skip reaches the page only as escaped text (:func:`calculators.ui.html.el`).
"""

from __future__ import annotations

from dataclasses import replace

from calculators.exercises import CATALOGUE, Exercise
from calculators.progression import Prescription
from calculators.strength import NAME_MAX, ExerciseLog
from calculators.strength_swaps import SKIP_REASONS, swap_offer
from calculators.ui.calculator import action_button
from calculators.ui.html import Html, el
from calculators.ui.strength_custom import log_entry
from calculators.ui.strength_state import Draft

__all__ = ["as_planned", "finished_entries", "planned_for", "skipped_section", "swap_panel"]


def as_planned(draft: Draft) -> Draft:
    """The session as planned, with no swap or skip: what comes next time, as today's choices are today's only."""
    return replace(draft, swaps={}, skips={})


def planned_for(draft: Draft, exercise_id: str) -> str | None:
    """The planned exercise ``exercise_id`` is done instead of today, or None when it is not a swap."""
    return next((planned for planned, done in draft.swaps.items() if done == exercise_id), None)


def _swap_line(draft: Draft, ex: Exercise) -> Html | None:
    """The swap on offer for ``ex``: a barbell lift's stand-in, or back to the planned lift after a swap."""
    other = swap_offer(draft.kind, draft.gym, draft.swaps, ex.id)
    if other is None:
        return None
    if planned_for(draft, ex.id) == other.id:
        why = f"Back to {other.name}, as planned."
    else:
        why = f"{other.name} trains the same muscles without the barbell: the strength guide's no-gym option."
    button = action_button("Swap", "swap_exercise", {"exercise": ex.id}, aria_label=f"Swap {ex.name} for {other.name}")
    return el("p", {"data-swap-to": other.id}, f"{why} ", button)


def swap_panel(draft: Draft, ex: Exercise) -> Html | None:
    """ "Swap or skip" under an exercise not started yet, folded: the swap the catalogue backs, if any, and a skip with
    its reason. Once a work set is logged there is neither (undo the sets first: nothing logged is dropped), and a
    warm-up, logged for this exercise, keeps it from being swapped for another."""
    instead = planned_for(draft, ex.id)
    note = el("p", {"data-swapped": instead}, f"Instead of {CATALOGUE[instead].name} today.") if instead else None
    if draft.sets.get(ex.id):
        return note
    swap = None if draft.warmups.get(ex.id) else _swap_line(draft, ex)
    suggestions = f"sl-skip-reasons-{ex.id}"
    skip = el(
        "span",
        {"class": "sl-strength__edit-box sl-strength__skip", "data-inputs": True},
        el(
            "label",
            None,
            el("span", None, "Why skip (optional)"),
            el(
                "input",
                {
                    "type": "text",
                    "name": "skip_reason",
                    "list": suggestions,
                    "maxlength": NAME_MAX,
                    "autocomplete": "off",
                    "aria-label": f"Why skip (optional), {ex.name}",
                },
            ),
        ),
        el("datalist", {"id": suggestions}, *(el("option", {"value": reason}) for reason in SKIP_REASONS)),
        action_button("Skip today", "skip_exercise", {"exercise": ex.id}, aria_label=f"Skip {ex.name} today"),
    )
    return el(
        "div",
        {"data-swap-panel": ex.id},
        note,
        el(
            "details",
            {"class": "sl-strength__edit"},
            el("summary", {"aria-label": f"Swap or skip {ex.name}"}, "Swap or skip"),
            swap,
            el("p", None, "Skipped, it is not counted as missed, and next time it is prescribed as before."),
            skip,
        ),
    )


def skipped_section(ex: Exercise, reason: str, anchor: str) -> Html:
    """An exercise skipped today, in its place in the session, with the way to bring it back."""
    why = f": {reason}" if reason else ""
    return el(
        "section",
        {"class": "sl-strength__exercise", "data-exercise": ex.id, "data-skipped": True, "id": anchor},
        el("h3", None, ex.name),
        el(
            "p",
            None,
            el("strong", None, f"Skipped today{why}."),
            " Not counted as missed: next time it is prescribed from the last time you did it.",
        ),
        action_button("Do it after all", "unskip_exercise", {"exercise": ex.id}, aria_label=f"Do {ex.name} after all"),
    )


def finished_entries(draft: Draft, plan: tuple[tuple[Exercise, Prescription], ...]) -> list[ExerciseLog]:
    """What a finished session stores, exercise by exercise: those with sets or warm-ups, each swapped one with the
    planned one it replaced, and each skipped one with its reason and no target (it was not asked of the reader
    today, so neither the calendar nor progression counts it short of its sets)."""
    entries = []
    for ex, p in plan:
        sets, warmups = draft.sets.get(ex.id, ()), draft.warmups.get(ex.id, ())
        if ex.id in draft.skips:
            entry = log_entry(ex, p, (), warmups)
            reason = draft.skips[ex.id] or None
            entries.append(replace(entry, target_sets=None, target_reps=None, skipped=True, skip_reason=reason))
        elif sets or warmups:
            entries.append(replace(log_entry(ex, p, sets, warmups), replaces=planned_for(draft, ex.id)))
    return entries

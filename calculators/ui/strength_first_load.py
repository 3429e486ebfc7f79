"""How a first-time lifter finds a barbell lift's first load, said beside the lift in its first session.

A first session of a loaded lift, with no history and no e1RM, is prescribed at RPE 7 and no load
(:data:`calculators.progression.FIRST_RPE_RESERVE`): the reader picks it. Someone who has never lifted knows neither
their one-rep max nor what RPE 7 feels like, so the lift says both in words, where the load is typed.

Stridelab's rule (no source in ``shared/science`` gives it; the strength guide says it under "The two sessions"):
start with the empty bar and add a little each set until the reps feel like RPE 7, those lighter sets logged as
warm-ups; in the first week the movement matters more than the load.
"""

from __future__ import annotations

from calculators.exercises import Exercise
from calculators.progression import FIRST_RPE_RESERVE, Prescription
from calculators.ui.html import Html, el
from calculators.ui.strength_set_edit import empty_bar_words
from calculators.units import WeightUnit, count

__all__ = ["first_load_help"]


def first_load_help(ex: Exercise, p: Prescription, *, unit: WeightUnit) -> Html | None:
    """How to find the first load of ``ex`` when ``p`` leaves it to the reader (a barbell lift's first session), in
    ``unit``; None otherwise (a load prescribed, or an exercise started from the body's weight)."""
    if not ex.barbell or p.load_kg is not None or p.sets == 0:
        return None
    reps = count(p.reps, "rep")
    return el(
        "div",
        {"class": "sl-notice", "data-first-load": ex.id},
        el("p", None, el("strong", None, "New to this lift? How heavy to start: "), "you need no one-rep max."),
        el(
            "ul",
            None,
            el(
                "li",
                None,
                f"RPE {10 - FIRST_RPE_RESERVE} means that when you stop, you could do about {FIRST_RPE_RESERVE} "
                "more reps with good form: hard, but nowhere near your limit.",
            ),
            el(
                "li",
                None,
                f"Start light, with the empty bar ({empty_bar_words(unit)}), and do {reps}. Add a little, a pair of "
                f"small plates, and do {reps} again, until {reps} feel like that. Log each lighter set with "
                "“Log as warm-up”, then that load as set 1.",
            ),
            el(
                "li",
                None,
                "This first week, learn the movement: if a rep feels or looks wrong, stay lighter. The next session "
                "is worked out from what you log.",
            ),
        ),
    )

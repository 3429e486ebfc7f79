"""The Edit screen's boxes for what a finished session lacks: its right date, a set not logged, an exercise not
logged. Each is its own ``data-inputs`` box with one button, so what is typed in it is sent with that button only
and stored only when it is pressed (:mod:`calculators.ui.strength_history_add` reads and stores it).

A new set's boxes start from the exercise's last set (Strong's and Hevy's "add set" does the same), as the numbers
most often repeated; its RPE starts empty, as a set's own effort.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from calculators.entry_dates import earliest_entry
from calculators.exercises import CATALOGUE, Exercise, session_exercises
from calculators.load_units import height_shown, height_unit, load_shown
from calculators.strength import (
    HOLD_MAX_S,
    SETS_MAX,
    ExerciseLog,
    StrengthSession,
    StrengthSet,
    exercise_key,
    exercise_name,
)
from calculators.strength_corrections import DATE_WHAT
from calculators.ui.calculator import action_button
from calculators.ui.html import Html, el
from calculators.ui.strength_custom import exercise_pickers, own_lifts, own_names
from calculators.ui.strength_set_edit import input_box, load_label, takes_load
from calculators.units import WeightUnit

__all__ = ["SET_COUNT", "add_exercise_box", "add_set_box", "date_box", "exercise_choices", "next_set_template"]

#: The box that says how many sets alike an added exercise had (the form has no box of that name).
SET_COUNT = "set_count"


def date_box(session: StrengthSession, title: str, today: date | None) -> Html:
    """The session's date, to move it to the day it was lifted (a date picker from ten years back to today)."""
    latest = {} if today is None else {"min": earliest_entry(today).isoformat(), "max": today.isoformat()}
    return el(
        "div",
        {"class": "sl-strength__edit-box", "data-inputs": True},
        el(
            "label",
            None,
            el("span", None, DATE_WHAT),
            el(
                "input",
                {
                    "type": "date",
                    "name": "date",
                    "value": session.date.isoformat(),
                    "required": True,
                    "aria-label": f"{DATE_WHAT}, the {title}",
                }
                | latest,
            ),
        ),
        action_button("Move to this date", "redate_session", {"id": session.id}, aria_label=f"Move the {title}"),
    )


def next_set_template(entry: ExerciseLog) -> StrengthSet:
    """The set a new set of ``entry`` starts from: its last work set (or warm-up), without its RPE."""
    last = (entry.sets or entry.warmups)[-1]
    return StrengthSet(reps=last.reps, load_kg=last.load_kg, hold_s=last.hold_s, height_cm=last.height_cm)


def add_set_box(session: StrengthSession, e: int, entry: ExerciseLog, *, unit: WeightUnit) -> Html:
    """A folded box to add a work set to exercise number ``e`` of ``session``."""
    item, name = next_set_template(entry), exercise_name(entry)
    what = f"new set {len(entry.sets) + 1} of {name}"
    first = (
        input_box("Hold (s)", "hold", item.hold_s, what, "numeric", accepts=f"1 to {HOLD_MAX_S:g}")
        if item.hold_s is not None
        else input_box("Reps", "reps", item.reps, what, "numeric")
    )
    shown = item.load_kg if unit == "kg" or item.load_kg is None else load_shown(item.load_kg, unit)
    return el(
        "details",
        {"class": "sl-strength__edit", "data-add-set": e},
        el("summary", {"aria-label": f"Add a set to {name}"}, "Add a set"),
        el(
            "div",
            {"class": "sl-strength__edit-box", "data-inputs": True},
            first,
            input_box(load_label(unit), "load", shown, what, "decimal")
            if takes_load(CATALOGUE.get(entry.exercise))
            else None,
            None
            if item.height_cm is None
            else input_box(
                f"Box height ({height_unit(unit)})", "height", height_shown(item.height_cm, unit), what, "decimal"
            ),
            input_box("RPE", "rpe", None, what, "decimal", accepts="1 to 10"),
            action_button(
                "Add the set",
                "add_logged_set",
                {"id": session.id, "entry": e},
                primary=True,
                aria_label=f"Add {what}",
            ),
        ),
    )


def exercise_choices(session: StrengthSession) -> tuple[Exercise, ...]:
    """The catalogue exercises the session may still take: Session A's or B's own (with or without a gym) not
    logged in it, or for a custom session any of the catalogue's not logged."""
    logged = {entry.exercise for entry in session.exercises}
    if session.kind in ("A", "B"):
        both = (*session_exercises(session.kind, gym=True), *session_exercises(session.kind, gym=False))
        offered = tuple({ex.id: ex for ex in both}.values())
    else:
        offered = tuple(CATALOGUE.values())
    return tuple(ex for ex in offered if ex.id not in logged)


def add_exercise_box(session: StrengthSession, title: str, log: Iterable[StrengthSession], *, unit: WeightUnit) -> Html:
    """Add an exercise not logged in the session, with its sets: picked from :func:`exercise_choices`, or typed
    (a name the catalogue knows is that exercise; any other is the reader's own, kept with the history of the
    same name). The name box suggests the reader's own lifts in ``log`` not in the session yet, as the session in
    progress's does (:func:`calculators.ui.strength_custom.add_panel`): the same names, in the same order."""
    options = [(ex.id, ex.name) for ex in exercise_choices(session)]
    have = {exercise_key(entry) for entry in session.exercises}
    own = own_names((*(s for s in log if s.id != session.id), session))
    what = f"the new exercise of the {title}"
    return el(
        "section",
        {"class": "sl-strength__exercise", "data-add-exercise": True},
        el("h3", None, "Add an exercise"),
        el(
            "p",
            None,
            "Forgot one? Choose it, or type the name of your own, with its sets: several alike at once, then "
            "“Add a set” under it for any that differed.",
        ),
        el(
            "div",
            {"class": "sl-strength__edit-box sl-strength__add", "data-inputs": True},
            *exercise_pickers(options, "From this session's exercises", own_lifts(own, have)),
            input_box("Sets", SET_COUNT, 1, what, "numeric", accepts=f"1 to {SETS_MAX}"),
            input_box("Reps", "reps", None, what, "numeric"),
            input_box("Hold (s), for a hold", "hold", None, what, "numeric", accepts=f"1 to {HOLD_MAX_S:g}"),
            input_box(load_label(unit), "load", None, what, "decimal"),
            input_box("RPE", "rpe", None, what, "decimal", accepts="1 to 10"),
            action_button("Add the exercise", "add_logged_exercise", {"id": session.id}, primary=True),
        ),
    )

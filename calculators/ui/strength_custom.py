"""Custom sessions: exercises the reader picks from the catalogue, or names themselves.

A custom exercise is known by the key the log's records and trends use
(``custom:<name in lower case>``, see :func:`calculators.strength.exercise_key`), so
its previous numbers follow it from session to session. Its name is shown as
typed, and always as text: ``<img src=x onerror=alert(1)>`` shows literally.
Catalogue exercises in a custom session get today's prescription from
progression; a custom one gets its own sets from last time moved on by the same rules
(:mod:`calculators.own_lifts`), or none the first time.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from calculators.errors import InputError
from calculators.exercises import CATALOGUE, Exercise, match_exercise
from calculators.progression import Prescription
from calculators.strength import (
    EXERCISES_MAX,
    NAME_MAX,
    REPS_MAX,
    REPS_MIN,
    ExerciseLog,
    StrengthSet,
    exercise_key,
)
from calculators.ui.calculator import action_button
from calculators.ui.html import Html, el

__all__ = [
    "CATALOGUE_CHOICES",
    "add_panel",
    "chosen_exercises",
    "custom_exercise",
    "exercise_from_dict",
    "exercise_to_dict",
    "is_custom",
    "log_entry",
]

#: The catalogue as the form offers it for a custom session (no-gym stand-ins included).
CATALOGUE_CHOICES = tuple((ex.id, ex.name) for ex in CATALOGUE.values())
_REST_S = 120  # the catalogue's usual rest between sets


def is_custom(ex: Exercise) -> bool:
    """True for an exercise the reader named, not one from the catalogue."""
    return ex.id not in CATALOGUE


def custom_exercise(name: str, field: str = "custom_name") -> Exercise:
    """The reader's own exercise; the name is tidied (spaces) and checked (1 to 100 characters)."""
    tidy = " ".join(name.split())
    if not tidy:
        raise InputError(field, "Type the exercise's name, 1 to 100 characters.")
    if len(tidy) > NAME_MAX:
        raise InputError(field, f"An exercise name is at most {NAME_MAX} characters; this one has {len(tidy)}.")
    key = exercise_key(ExerciseLog(exercise="custom", name=tidy))
    # A custom lift is logged by reps with an optional load; it has no progression of its own.
    return Exercise(
        id=key,
        name=tidy,
        session="A",
        kind="reps_then_load",
        rep_range=(REPS_MIN, REPS_MAX),
        default_sets=0,
        default_reps=0,
        rest_s=_REST_S,
    )


def exercise_to_dict(ex: Exercise) -> dict[str, str]:
    return {"exercise": ex.id} if ex.id in CATALOGUE else {"exercise": "custom", "name": ex.name}


def exercise_from_dict(data: object, path: str) -> Exercise:
    """One exercise of a stored custom session in progress: a catalogue id, or ``custom`` with a name."""
    if isinstance(data, Mapping):
        ident, name = data.get("exercise"), data.get("name")
        if isinstance(ident, str) and ident in CATALOGUE:
            return CATALOGUE[ident]
        if ident == "custom" and isinstance(name, str):
            return custom_exercise(name, path)
    raise InputError(path, "not an exercise")


def _typed(name: str) -> Exercise:
    """A typed name: the catalogue's exercise when the catalogue knows the name (“RDL”), else the reader's own."""
    known = match_exercise(name)
    return CATALOGUE[known[0]] if known else custom_exercise(name)


def chosen_exercises(values: Mapping[str, str]) -> tuple[Exercise, ...]:
    """The exercises ticked (``exercises``, catalogue ids joined by commas) and typed (``custom_name``,
    names separated by commas), in that order, each once."""
    picked = [CATALOGUE[ident] for ident in values.get("exercises", "").split(",") if ident in CATALOGUE]
    typed = [_typed(part) for part in values.get("custom_name", "").split(",") if part.strip()]
    seen: dict[str, Exercise] = {}
    for ex in (*picked, *typed):
        seen.setdefault(ex.id, ex)
    unique = tuple(seen.values())
    if len(unique) > EXERCISES_MAX:
        message = f"At most {EXERCISES_MAX} exercises fit in one session; {len(unique)} are chosen."
        raise InputError("exercises", message)
    return unique


def log_entry(
    ex: Exercise, p: Prescription, sets: tuple[StrengthSet, ...], warmups: tuple[StrengthSet, ...] = ()
) -> ExerciseLog:
    """What a finished session stores for one exercise, with the reps and sets it was prescribed.

    The reader's own exercise stores the sets it was prescribed, and the reps when every set had the same: with
    sets of different reps (a top single after triples) each set's aim is read from the sets, as an import's is.
    """
    if is_custom(ex):
        reps = {item.reps for item in p.planned}
        return ExerciseLog(
            exercise="custom",
            name=ex.name,
            target_reps=reps.pop() if len(reps) == 1 and not any(s.hold_s for s in p.planned) else None,
            target_sets=p.sets or None,
            sets=sets,
            warmups=warmups,
        )
    return ExerciseLog(
        exercise=ex.id,
        level=p.level,
        target_reps=p.reps if ex.kind != "isometric" and p.reps else None,
        target_sets=p.sets or None,
        sets=sets,
        warmups=warmups,
    )


def add_panel(present: Iterable[Exercise]) -> Html:
    """Add one more exercise to a custom session: pick one from the catalogue or type a name."""
    have = {ex.id for ex in present}
    options = [("", "Choose an exercise…")] + [(i, name) for i, name in CATALOGUE_CHOICES if i not in have]
    return el(
        "section",
        {"class": "sl-strength__exercise", "data-add": True},
        el("h3", None, "Add an exercise"),
        el(
            "div",
            {"class": "sl-strength__edit-box sl-strength__add", "data-inputs": True},
            el(
                "label",
                None,
                el("span", None, "From the catalogue"),
                el("select", {"name": "exercises"}, *(el("option", {"value": v}, text) for v, text in options)),
            ),
            el(
                "label",
                None,
                el("span", None, "Or your own exercise"),
                el("input", {"type": "text", "name": "custom_name", "autocomplete": "off", "maxlength": NAME_MAX}),
            ),
            action_button("Add to the session", "add_exercise"),
        ),
    )

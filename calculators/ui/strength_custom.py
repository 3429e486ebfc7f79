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
from calculators.exercises import CATALOGUE, Exercise, match_exercise, plain_name
from calculators.progression import Prescription
from calculators.strength import (
    EXERCISES_MAX,
    NAME_MAX,
    REPS_MAX,
    REPS_MIN,
    ExerciseLog,
    StrengthSession,
    StrengthSet,
    exercise_key,
)
from calculators.ui.calculator import action_button
from calculators.ui.html import Html, el
from calculators.units import count

__all__ = [
    "CATALOGUE_CHOICES",
    "add_panel",
    "chosen_exercises",
    "custom_exercise",
    "exercise_from_dict",
    "exercise_pickers",
    "exercise_to_dict",
    "is_custom",
    "log_entry",
    "own_lifts",
    "own_names",
    "own_suggestions",
    "rename_panel",
    "typed_exercise",
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


def own_names(sessions: Iterable[StrengthSession]) -> dict[str, str]:
    """The reader's own lifts in the log: each key (``custom:<name>``) with the name it was last logged under, in
    the order of the names."""
    names = {exercise_key(e): e.name or "" for s in sorted(sessions, key=lambda s: s.date) for e in s.exercises}
    return dict(sorted(((k, n) for k, n in names.items() if k.startswith("custom:")), key=lambda kn: kn[1].lower()))


def typed_exercise(name: str, own: Mapping[str, str], field: str = "custom_name") -> Exercise:
    """A typed name: the catalogue's exercise when the catalogue knows the name (“RDL”); else the reader's own lift
    of that name, or, when one alone has it but for the brackets, that one (“squat” is the “Squat (Barbell)”
    imported from Strong, so its records and numbers stay one lift); else a new lift of the reader's own."""
    known = match_exercise(name)
    if known:
        return CATALOGUE[known[0]]
    typed = custom_exercise(name, field)
    if typed.id in own:
        return custom_exercise(own[typed.id], field)
    alike = [stored for stored in own.values() if plain_name(stored) == plain_name(name)]
    return custom_exercise(alike[0], field) if len(alike) == 1 else typed


def chosen_exercises(values: Mapping[str, str], own: Mapping[str, str]) -> tuple[Exercise, ...]:
    """The exercises ticked (``exercises``, catalogue ids joined by commas) and typed (``custom_name``,
    names separated by commas; ``own``: the reader's own lifts, :func:`own_names`), in that order, each once."""
    picked = [CATALOGUE[ident] for ident in values.get("exercises", "").split(",") if ident in CATALOGUE]
    typed = [typed_exercise(part, own) for part in values.get("custom_name", "").split(",") if part.strip()]
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


#: The ids of the lists of the reader's own lift names that name boxes suggest from: the add panel's, and the
#: history's for its rename boxes (both can be on the page at once).
OWN_LIST, RENAME_LIST = "sl-strength-own-lifts", "sl-strength-rename-lifts"


def own_suggestions(names: Iterable[str], ident: str = OWN_LIST) -> Html | None:
    """The reader's own lift names as a ``<datalist>``: a name box offers them as the reader types, so “squat” is
    picked as the “Squat (Barbell)” already logged, not made a lift of its own."""
    listed = list(names)
    return el("datalist", {"id": ident}, *(el("option", {"value": name}) for name in listed)) if listed else None


def rename_panel(sessions: Iterable[StrengthSession]) -> Html | None:
    """The reader's own lifts, each with a box to rename it, or to merge it into another of them by typing that
    one's name (:mod:`calculators.ui.strength_rename`); None when the log has none."""
    sessions = tuple(sessions)
    own = own_names(sessions)
    if not own:
        return None
    logged = {key: sum(any(exercise_key(e) == key for e in s.exercises) for s in sessions) for key in own}
    return el(
        "section",
        {"class": "sl-strength__own", "data-own-lifts": True},
        el("h3", None, "Your own lifts"),
        el(
            "p",
            None,
            "Rename a lift here, or type the name of another of yours to merge the two: their sessions, records and "
            "trends become one lift. Nothing else in the sessions changes, and you can undo it.",
        ),
        own_suggestions(own.values(), RENAME_LIST),
        el(
            "ul",
            {"class": "sl-strength__own-list"},
            *(
                el(
                    "li",
                    {"data-own-lift": key},
                    el("strong", None, name),
                    f" ({count(logged[key], 'session')}) ",
                    el(
                        "span",
                        {"class": "sl-strength__edit-box", "data-inputs": True},
                        el(
                            "label",
                            None,
                            el("span", None, f"New name for {name}"),
                            el(
                                "input",
                                {
                                    "type": "text",
                                    "name": "new_name",
                                    "list": RENAME_LIST,
                                    "autocomplete": "off",
                                    "maxlength": NAME_MAX,
                                },
                            ),
                        ),
                        action_button("Rename", "rename_lift", {"key": key}, aria_label=f"Rename {name}"),
                    ),
                )
                for key, name in own.items()
            ),
        ),
    )


def exercise_pickers(
    options: Iterable[tuple[str, str]], select_label: str, own: Iterable[str] = ()
) -> tuple[Html, ...]:
    """The two ways to name an exercise to add, as the session's and the Edit screen's Add boxes offer them: a
    ``<select>`` of ``options`` (id, name) under ``select_label``, and a name box that suggests ``own`` (the
    reader's own lift names: :func:`own_suggestions`)."""
    choices = [("", "Choose an exercise…"), *options]
    suggested = own_suggestions(own)
    name_box = {"type": "text", "name": "custom_name", "autocomplete": "off", "maxlength": NAME_MAX}
    return (
        el(
            "label",
            None,
            el("span", None, select_label),
            el("select", {"name": "exercises"}, *(el("option", {"value": v}, text) for v, text in choices)),
        ),
        el(
            "label",
            None,
            el("span", None, "Or your own exercise"),
            el("input", name_box | {"list": OWN_LIST if suggested else None}),
        ),
        *((suggested,) if suggested else ()),
    )


def own_lifts(own: Mapping[str, str], have: Iterable[str]) -> tuple[str, ...]:
    """The names a box to add an exercise suggests: the reader's own lifts (:func:`own_names`, in its order) but
    those the session has already (``have``: their keys)."""
    present = set(have)
    return tuple(name for key, name in own.items() if key not in present)


def add_panel(present: Iterable[Exercise], own: Mapping[str, str]) -> Html:
    """Add one more exercise to a custom session: pick one from the catalogue, or type a name, the reader's own
    lifts offered as suggestions."""
    have = {ex.id for ex in present}
    options = [(i, name) for i, name in CATALOGUE_CHOICES if i not in have]
    return el(
        "section",
        {"class": "sl-strength__exercise", "data-add": True},
        el("h3", None, "Add an exercise"),
        el(
            "div",
            {"class": "sl-strength__edit-box sl-strength__add", "data-inputs": True},
            *exercise_pickers(options, "From the catalogue", own_lifts(own, have)),
            action_button("Add to the session", "add_exercise"),
        ),
    )

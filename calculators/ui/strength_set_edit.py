"""Correcting one logged set in place: the small box of inputs beside it, and reading what was typed there.

The inputs sit in a ``data-inputs`` box with the set's Save and Remove buttons;
the glue sends their values under the form's own names (``reps``, ``load``,
``rpe``, ``hold``) and ``height`` for a jump's box, in place of the form's. Bad input names the set, the field
and the accepted range, and changes nothing. A load is typed and shown in the reader's unit (kg, or lb
for a reader in miles) and stored in kg (:func:`calculators.units.kg_from`); a box height in cm, or in inches
for a reader in lb, and stored in cm (:func:`calculators.units.cm_from`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from calculators.errors import InputError
from calculators.exercises import Exercise
from calculators.load_units import height_range, height_shown, height_unit, load_max, load_shown
from calculators.progression import BAR_KG, BAR_LB
from calculators.ranges import NumberRange
from calculators.strength import HOLD_MAX_S, REPS_MAX, REPS_MIN, RPE_MAX, RPE_MIN, StrengthSet
from calculators.ui.calculator import action_button
from calculators.ui.html import Html, el
from calculators.units import WeightUnit, cm_from, kg_from, parse_optional_number, read_decimal

__all__ = [
    "corrected_set",
    "empty_bar_words",
    "input_box",
    "load_help",
    "load_label",
    "load_range",
    "number",
    "refuse_load",
    "set_editor",
    "set_inputs",
    "takes_load",
    "typed_height",
    "typed_load",
    "typed_set",
    "whole_reps",
]


#: A set's RPE as its boxes take it, from the limits the parsers check.
_RPE_RANGE = f"{RPE_MIN:g} to {RPE_MAX:g}"


def number(values: Mapping[str, str], name: str, low: float, high: float, unit: str, what: str) -> float | None:
    """A number typed in ``name``, or None when the box is empty; ``what`` (e.g. “Set 2 of Hip thrust, load”)
    starts the message when it is wrong."""
    return parse_optional_number(values.get(name, ""), field=name, what=what, low=low, high=high, unit=unit)


def whole_reps(values: Mapping[str, str], what: str) -> int | None:
    """Reps typed in ``reps``: a whole number from 1 to 100, or None when the box is empty."""
    text = values.get("reps", "").strip()
    value = read_decimal(text)
    if not text:
        return None
    if value is None or not value.is_integer() or not REPS_MIN <= value <= REPS_MAX:
        raise InputError("reps", f"{what}: “{text}” is not a whole number of reps from {REPS_MIN} to {REPS_MAX}.")
    return int(value)


#: The empty bars a reader may load: the standard one and the lighter one (15 kg; 35 lb in a US gym).
_BARS = {"kg": (BAR_KG, 15.0), "lb": (BAR_LB, 35.0)}


def empty_bar_words(unit: WeightUnit) -> str:
    """The empty bars a reader may load, in ``unit``: “45 lb, or 35 lb”."""
    bar, light = _BARS[unit]
    return f"{bar:g} {unit}, or {light:g} {unit}"


def _bar_words(unit: WeightUnit) -> str:
    """What a barbell lift's Load box takes: the bar's total, with the bars a reader may load."""
    return f"the bar's total in {unit}, the bar included (an empty bar is {empty_bar_words(unit)})"


def load_range(*, barbell: bool, unit: WeightUnit) -> str:
    """The loads a set takes, in words and in ``unit``: a barbell lift's (:attr:`Exercise.barbell`) is the bar's
    total, never 0."""
    span = NumberRange(what="", low=0, high=load_max(unit), unit=unit, low_open=barbell).span()
    return f"{_bar_words(unit)}: {span}" if barbell else f"the {unit} lifted, {span}"


def typed_load(values: Mapping[str, str], where: str, *, barbell: bool, unit: WeightUnit) -> float | None:
    """The load typed in ``load`` in ``unit`` (see :func:`load_range`; "315 lb" and "315lbs" too in lb), as the log
    stores it in kg; None when the box is empty.

    The model takes 0 kg (:func:`calculators.strength.check_load`: a bodyweight exercise's load is added load,
    and sessions stored or exported with 0 still read); a barbell lift typed as 0 is refused here.
    """
    typed = parse_optional_number(
        values.get("load", ""),
        field="load",
        what=f"{where}, load",
        low=0,
        high=load_max(unit),
        unit=unit,
        low_open=barbell,
        entered=_bar_words(unit) if barbell else "",
    )
    return None if typed is None else kg_from(typed, unit)


def typed_height(values: Mapping[str, str], where: str, *, unit: WeightUnit) -> float | None:
    """The box height typed in ``height``, in cm or in inches as the reader's ``unit`` says
    (:func:`calculators.load_units.height_unit`), as the log stores it in cm; None when the box is empty.

    Raises:
        InputError: a height outside 1–150 cm (1–59 in), named with ``where`` (“Set 2 of Box jump”).
    """
    low, high = height_range(unit)
    which = height_unit(unit)
    typed = number(values, "height", low, high, which, f"{where}, box height")
    return None if typed is None else cm_from(typed, which)


def takes_load(ex: Exercise | None) -> bool:
    """False for a jump: its sets are contacts (onto a box, for a box jump), so a load typed for it (meant for the
    lift beside it) is refused, never logged as the jump's. ``None``, the reader's own exercise, takes one. The live
    log's set rows and the history's Edit screen both ask this, so each shows a Load box for the same exercises."""
    return ex is None or ex.kind != "plyometric"


def refuse_load(values: Mapping[str, str], ex: Exercise | None, where: str) -> None:
    """Refuse a load typed for an exercise that takes none (:func:`takes_load`), named with ``where`` (“Set 2 of Box
    jump”): refused, not dropped, as the reader meant something by it.

    Raises:
        InputError: on the field ``load``.
    """
    if ex is None or takes_load(ex) or not values.get("load", "").strip():
        return
    onto = " onto a box" if ex.height_cm else ""
    raise InputError("load", f"{where}, load: {ex.name} takes no load, only reps{onto}. Nothing was saved.")


def typed_set(
    values: Mapping[str, str], planned: StrengthSet, *, ex: Exercise, where: str, unit: WeightUnit
) -> StrengthSet:
    """The next set of ``ex`` as typed in the boxes beside it (:func:`set_inputs`, which show ``planned``, the set
    as prescribed): each number as typed, a box left empty as prescribed, the RPE only when one is typed. So one tap
    logs the set as prescribed, and a changed number, the RPE included, is logged with it.

    Raises:
        InputError: a number out of range, a load for an exercise that takes none, or no load where the lift
        has none prescribed yet (a first session), named with ``where`` (“Set 2 of Hip thrust”).
    """
    refuse_load(values, ex, where)
    shown = {
        "reps": planned.reps,
        "hold": planned.hold_s,
        "load": _load_shown(planned, unit),
        "height": None if planned.height_cm is None else height_shown(planned.height_cm, unit),
    }
    filled = {
        **values,
        **{
            name: values.get(name, "").strip() or ("" if value is None else f"{value:g}")
            for name, value in shown.items()
        },
    }
    return corrected_set(
        filled,
        planned,
        where=where,
        load_required=ex.kind == "load",
        barbell=ex.barbell,
        unit=unit,
        load=takes_load(ex),
    )


def corrected_set(
    values: Mapping[str, str],
    item: StrengthSet,
    *,
    where: str,
    load_required: bool,
    barbell: bool,
    unit: WeightUnit,
    load: bool = True,
) -> StrengthSet:
    """``item`` with the reps (or hold), load, box height and RPE typed in its box; an empty load box means no
    added load. A set jumped onto a box keeps a height: its box cannot be left empty. ``load`` False, for an exercise
    that takes none (:func:`takes_load`: its box is not shown), keeps the set's load as stored, not read as emptied.

    A load left as its box showed it keeps the load stored: in lb the box shows a tenth of a pound, and
    storing that back would move a set logged in kg (60 kg shows as 132.3 lb, which is 60.01 kg). A box
    height likewise (35 cm shows as 13.8 in, which is 35.05 cm).

    Raises:
        InputError: a field outside its range, named with ``where`` (“Set 2 of Hip thrust”).
    """
    if item.hold_s is not None:
        hold = number(values, "hold", 1, HOLD_MAX_S, "s", f"{where}, hold")
        if hold is None:
            raise InputError("hold", f"{where}, hold: enter the seconds held, between 1 and {HOLD_MAX_S:g} s.")
        reps, item = item.reps, replace(item, hold_s=hold)
    else:
        typed = whole_reps(values, f"{where}, reps")
        if typed is None:
            raise InputError("reps", f"{where}, reps: enter a whole number of reps, from {REPS_MIN} to {REPS_MAX}.")
        reps = typed
    load_kg = typed_load(values, where, barbell=barbell, unit=unit) if load else item.load_kg
    shown = _load_shown(item, unit)
    if load_kg is not None and shown is not None and load_kg == kg_from(shown, unit):
        load_kg = item.load_kg
    if load_kg is None and load_required:
        raise InputError("load", f"{where}, load: enter {load_range(barbell=barbell, unit=unit)}.")
    height = item.height_cm
    if item.height_cm is not None:
        height = typed_height(values, where, unit=unit)
        if height is None:
            low, high = height_range(unit)
            which = height_unit(unit)
            message = f"{where}, box height: enter the height of the box, between {low:g} and {high:g} {which}."
            raise InputError("height", message)
        if height == cm_from(height_shown(item.height_cm, unit), height_unit(unit)):
            height = item.height_cm
    rpe = number(values, "rpe", RPE_MIN, RPE_MAX, "", f"{where}, RPE")
    return replace(item, reps=reps, load_kg=load_kg, rpe=rpe, height_cm=height)


def _load_shown(item: StrengthSet, unit: WeightUnit) -> float | None:
    """The set's load as its box shows it: in kg as stored, in lb to the tenth (see :func:`corrected_set`)."""
    return item.load_kg if unit == "kg" or item.load_kg is None else load_shown(item.load_kg, unit)


def input_box(
    label: str, name: str, value: float | None, what: str, mode: str, accepts: str = "", described: str | None = None
) -> Html:
    """A labelled text box for a number; its accessible name also says what it belongs to (``what``) and, with
    ``accepts``, the range it takes (“1 to 10”), which the short visible label has no room for. ``described`` is the
    id of words about the number in it (a question on reps far above the plan's), read out with the box."""
    shown = "" if value is None else f"{value:g}"
    return el(
        "label",
        None,
        el("span", None, label),
        el(
            "input",
            {
                "type": "text",
                "name": name,
                "value": shown,
                "inputmode": mode,
                "autocomplete": "off",
                "aria-label": f"{label}, {what}" + (f", {accepts}" if accepts else ""),
                "aria-describedby": described,
            },
        ),
    )


def set_inputs(
    item: StrengthSet | None, what: str, *, unit: WeightUnit, load: bool = True, reps_described: str | None = None
) -> tuple[Html | None, ...]:
    """The labelled boxes of one set's numbers, showing ``item``'s: reps (or a hold's seconds), the load in ``unit``
    (left out with ``load`` False), a jump's box height and the RPE; empty boxes for None (nothing to show yet).
    ``what`` (“set 2 of Hip thrust”) completes each box's name, so each says which set it is for;
    ``reps_described`` is the id of words about the Reps box (:func:`input_box`)."""
    hold = item is not None and item.hold_s is not None
    first = (
        input_box("Hold (s)", "hold", item.hold_s if item else None, what, "numeric")
        if hold
        else input_box("Reps", "reps", item.reps if item else None, what, "numeric", described=reps_described)
    )
    height = None if item is None else item.height_cm
    return (
        first,
        input_box(load_label(unit), "load", _load_shown(item, unit) if item else None, what, "decimal")
        if load
        else None,
        None
        if height is None
        else input_box(f"Box height ({height_unit(unit)})", "height", height_shown(height, unit), what, "decimal"),
        input_box("RPE", "rpe", item.rpe if item else None, what, "decimal", accepts=_RPE_RANGE),
    )


def load_help(unit: WeightUnit) -> str:
    """What a set's Load box takes, said once above the session's sets (the boxes have room for a label only), in
    the reader's ``unit``. Both dumbbells together, as progression's steps count them (a pair's step is two
    dumbbells': 5 kg, 10 lb)."""
    pair = "two 10 kg dumbbells are 20 kg" if unit == "kg" else "two 25 lb dumbbells are 50 lb"
    return (
        f"Load is in {unit} (“Lifting weights in” on the Profile page). A barbell: the bar's total, the bar "
        f"included. Dumbbells: both together ({pair}). On a bodyweight exercise: only the load you add, not your "
        "body weight."
    )


def load_label(unit: WeightUnit) -> str:
    """A load box's label with the unit it takes, “Load (kg)”: the reader's unit, so never a guess."""
    return f"Load ({unit})"


def set_editor(
    item: StrengthSet,
    *,
    what: str,
    save: tuple[str, Mapping[str, Any]],
    remove: tuple[str, Mapping[str, Any]],
    unit: WeightUnit,
    summary: str = "Correct",
    open_: bool = False,
    load: bool = True,
) -> Html:
    """A folded box to correct one set (reps or hold, load in ``unit``, a jump's box height, RPE) or remove it;
    ``what`` (“set 2 of Hip thrust”) completes the name of its summary and buttons, so that each still says which
    set it is for when read out of the list (“Correct set 2 of Hip thrust”), as a screen reader's list of buttons
    reads it. ``load`` False leaves out the Load box, for an exercise that takes none (:func:`takes_load`)."""
    return el(
        "details",
        {"class": "sl-strength__edit", "open": open_},
        el("summary", {"aria-label": f"{summary} {what}"}, summary),
        el(
            "div",
            {"class": "sl-strength__edit-box", "data-inputs": True},
            *set_inputs(item, what, unit=unit, load=load),
            # The visible words stay short inside the open box; the names start with them (WCAG 2.5.3).
            action_button("Save", save[0], save[1], primary=True, aria_label=f"Save {what}"),
            action_button("Remove set", remove[0], remove[1], aria_label=f"Remove {what}", destructive=True),
        ),
    )

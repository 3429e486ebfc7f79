"""Correcting one logged set in place: the small box of inputs beside it, and reading what was typed there.

The inputs sit in a ``data-inputs`` box with the set's Save and Remove buttons;
the glue sends their values under the form's own names (``reps``, ``load``,
``rpe``, ``hold``), in place of the form's. Bad input names the set, the field
and the accepted range, and changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from calculators.errors import InputError
from calculators.strength import HOLD_MAX_S, LOAD_MAX_KG, REPS_MAX, REPS_MIN, StrengthSet
from calculators.ui.calculator import action_button
from calculators.ui.html import Html, el
from calculators.units import parse_optional_number, read_decimal

__all__ = ["corrected_set", "input_box", "load_range", "number", "set_editor", "typed_load", "whole_reps"]


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


def load_range(*, barbell: bool) -> str:
    """The loads a set takes, in words: a barbell lift's (:attr:`Exercise.barbell`) is the bar's total, never 0."""
    if barbell:
        return (
            "the bar's total in kg, the bar included (an empty bar is 20 kg, or 15 kg): "
            f"more than 0, up to {LOAD_MAX_KG:g}"
        )
    return f"the kg lifted, between 0 and {LOAD_MAX_KG:g} kg"


def typed_load(values: Mapping[str, str], where: str, *, barbell: bool) -> float | None:
    """The load typed in ``load``, in kg (see :func:`load_range`); None when the box is empty.

    The model takes 0 kg (:func:`calculators.strength.check_load`: a bodyweight exercise's load is added load,
    and sessions stored or exported with 0 still read); a barbell lift typed as 0 kg is refused here.
    """
    value = read_decimal(values.get("load", ""))
    if barbell and value is not None and not 0 < value <= LOAD_MAX_KG:
        raise InputError("load", f"{where}, load: {value:g} kg is out of range. Enter {load_range(barbell=True)}.")
    return number(values, "load", 0, LOAD_MAX_KG, "kg", f"{where}, load")


def corrected_set(
    values: Mapping[str, str], item: StrengthSet, *, where: str, load_required: bool, barbell: bool
) -> StrengthSet:
    """``item`` with the reps (or hold), load and RPE typed in its box; an empty load box means no added load.

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
    load = typed_load(values, where, barbell=barbell)
    if load is None and load_required:
        raise InputError("load", f"{where}, load: enter {load_range(barbell=barbell)}.")
    rpe = number(values, "rpe", 1, 10, "", f"{where}, RPE")
    return replace(item, reps=reps, load_kg=load, rpe=rpe)


def input_box(label: str, name: str, value: float | None, what: str, mode: str) -> Html:
    """A labelled text box for a number; its accessible name also says what it belongs to (``what``)."""
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
                "aria-label": f"{label}, {what}",
            },
        ),
    )


def set_editor(
    item: StrengthSet,
    *,
    what: str,
    save: tuple[str, Mapping[str, Any]],
    remove: tuple[str, Mapping[str, Any]],
    summary: str = "Correct",
    open_: bool = False,
) -> Html:
    """A folded box to correct one set (reps or hold, kg, RPE) or remove it; ``what`` names the set for
    screen readers (“set 2 of Hip thrust”)."""
    first = (
        input_box("Hold (s)", "hold", item.hold_s, what, "numeric")
        if item.hold_s is not None
        else input_box("Reps", "reps", item.reps, what, "numeric")
    )
    return el(
        "details",
        {"class": "sl-strength__edit", "open": open_},
        el("summary", None, summary),
        el(
            "div",
            {"class": "sl-strength__edit-box", "data-inputs": True},
            first,
            input_box("Load kg", "load", item.load_kg, what, "decimal"),
            input_box("RPE", "rpe", item.rpe, what, "decimal"),
            action_button("Save", save[0], save[1], primary=True),
            action_button("Remove this set", remove[0], remove[1]),
        ),
    )

"""How a calculator is declared, and the form shell rendered around its result.

A calculator is one module that builds a :class:`Calculator`: its fields (label,
default, options, help), and an action that turns the form's values into a
:class:`Reply`. The build renders the shell and the default result with the same
code the browser runs, so a page shows real numbers before Python has loaded.
The JavaScript glue only reads the ``data-*`` attributes written here; it knows
no calculator by name.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from calculators.errors import InputError
from calculators.ui.html import Html, el, join

__all__ = ["Calculator", "Context", "Field", "Reply", "render_calculator"]


@dataclass(frozen=True, kw_only=True, slots=True)
class Field:
    """One form field. A field with ``options`` is a drop-down; otherwise a text box.

    ``profile`` names the profile entry the field is kept in (e.g. ``units``),
    so every calculator shares it; ``show_when`` is ``(field, value)``: the field
    is shown only while that other field has that value.
    """

    name: str
    label: str
    default: str
    options: tuple[tuple[str, str], ...] = ()
    help: str = ""
    placeholder: str = ""
    inputmode: str | None = None
    profile: str | None = None
    show_when: tuple[str, str] | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Context:
    """What a calculator may know besides its form: the reader's local date and profile."""

    today: date | None = None
    profile: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True, slots=True)
class Reply:
    """An action's answer: the result fragment, store operations and effects for the glue."""

    html: Html
    ops: tuple[Mapping[str, Any], ...] = ()
    effects: tuple[Mapping[str, Any], ...] = ()


Action = Callable[[Mapping[str, str], Context], Reply]


@dataclass(frozen=True, kw_only=True, slots=True)
class Calculator:
    """A calculator's declaration: everything the build and the browser need to show and run it."""

    name: str
    title: str
    intro: str
    fields: tuple[Field, ...]
    compute: Action
    submit_label: str = "Calculate"

    def defaults(self) -> dict[str, str]:
        return {f.name: f.default for f in self.fields}

    def read(self, values: Mapping[str, Any]) -> dict[str, str]:
        """The form's values as text, with defaults for missing fields; a drop-down must hold one of its options."""
        read: dict[str, str] = {}
        for f in self.fields:
            raw = values.get(f.name, f.default)
            text = raw if isinstance(raw, str) else str(raw)
            if f.options and text not in {value for value, _ in f.options}:
                choices = ", ".join(label for _, label in f.options)
                raise InputError(f.name, f"Choose one of: {choices}.")
            read[f.name] = text
        return read


def _field(calc: Calculator, f: Field, prefix: str, value: str, values: Mapping[str, str]) -> Html:
    ident = f"{prefix}-{f.name}"
    described = " ".join(part for part in (f"{ident}-help" if f.help else "", f"{ident}-error") if part)
    common: dict[str, object] = {
        "id": ident,
        "name": f.name,
        "aria-describedby": described,
        "data-profile": f.profile,
    }
    if f.options:
        control = el(
            "select",
            common,
            *(el("option", {"value": v, "selected": v == value}, label) for v, label in f.options),
        )
    else:
        control = el(
            "input",
            common
            | {
                "type": "text",
                "value": value,
                "placeholder": f.placeholder or None,
                "inputmode": f.inputmode,
                "autocomplete": "off",
                "spellcheck": "false",
            },
        )
    shown = f.show_when is None or values.get(f.show_when[0]) == f.show_when[1]
    return el(
        "div",
        {
            "class": "sl-field",
            "data-show-when": f"{f.show_when[0]}={f.show_when[1]}" if f.show_when else None,
            "hidden": not shown,
        },
        el("label", {"for": ident}, f.label),
        control,
        el("p", {"id": f"{ident}-help", "class": "sl-field__help"}, f.help) if f.help else None,
        el("p", {"id": f"{ident}-error", "class": "sl-field__error", "data-error-for": f.name}),
    )


def render_calculator(calc: Calculator, *, prefix: str | None = None, context: Context | None = None) -> Html:
    """The calculator as it ships in the page: the form with its defaults and the default result."""
    prefix = prefix or f"sl-{calc.name}"
    values = calc.defaults()
    result = calc.compute(values, context or Context())
    return el(
        "section",
        {"class": "sl-calc", "data-calculator": calc.name, "aria-labelledby": f"{prefix}-title"},
        el("h2", {"id": f"{prefix}-title", "class": "sl-calc__title"}, calc.title),
        el("p", {"class": "sl-calc__intro"}, calc.intro),
        el(
            "form",
            {"class": "sl-calc__form", "novalidate": True, "aria-labelledby": f"{prefix}-title"},
            join(_field(calc, f, prefix, values[f.name], values) for f in calc.fields),
            el("button", {"type": "submit", "class": "md-button md-button--primary"}, calc.submit_label),
        ),
        el(
            "p",
            {"class": "sl-calc__status", "role": "status", "data-status": True},
            "Showing the result for the values above, computed when this page was built.",
        ),
        el("div", {"class": "sl-calc__result", "data-result": True}, result.html),
    )

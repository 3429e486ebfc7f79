"""How a calculator is declared, and the form shell rendered around its result.

A calculator is one module that builds a :class:`Calculator`: its fields (label,
default, options, help), and an action that turns the form's values into a
:class:`Reply`. The build renders the shell and the default result with the same
code the browser runs, so a page shows real numbers before Python has loaded.
The JavaScript glue only reads the ``data-*`` attributes written here; it knows
no calculator by name.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any, TypeAlias

from calculators.errors import InputError
from calculators.profile import Profile, read_profile
from calculators.ui.html import Html, el, join, lift_headings
from calculators.ui.load_au import explain_first_au
from calculators.units import region_units

__all__ = [
    "DESTRUCTIVE_BUTTON",
    "SHARED_UNITS_HELP",
    "Calculator",
    "Condition",
    "Context",
    "Field",
    "Reply",
    "action_button",
    "after_ops",
    "confirm",
    "instant",
    "render_calculator",
    "uploaded_files",
]


#: The help under a form's km/miles choice: it is the profile's, so it changes every page's units.
SHARED_UNITS_HELP = "Your units on every Stridelab page: a change here changes them everywhere."

#: The look of a button that deletes, discards or replaces the reader's data, on every page: outlined in a dark red
#: that no safe button has (stridelab.css), its words saying what it destroys, so it is not told by colour alone.
DESTRUCTIVE_BUTTON = "md-button sl-button--destructive"

#: ``(field, value)``: another field of the form and the value it must have.
Condition: TypeAlias = tuple[str, str]


@dataclass(frozen=True, kw_only=True, slots=True)
class Field:
    """One form field. A field with ``options`` is a drop-down, or with ``multiple`` a group of
    check boxes whose value is the chosen options joined by commas (``"0,3,5"``); otherwise a text
    box (``input_type="date"`` for a date picker, whose value is ``YYYY-MM-DD``).

    ``profile`` names the profile entry the field is kept in (e.g. ``units``), so every calculator shares it.
    ``profile_start`` names a profile entry the field starts from and follows when it changes there, while what is
    typed here stays in this form (the race calculator starts from the profile's recent race; trying other races
    must not change it). A form's ``profile_start`` fields go together, apart from ``keep_choice`` ones, which start
    on their own: a new value in any of them sets them all, and none starts while one of them has no value in the
    profile. ``profile_values`` are ``(profile's value, field's value)`` pairs where the two are worded differently
    (metres for a drop-down's ``"5k"``): a profile value a drop-down has no option for leaves the group as it is.
    ``locale_values`` are ``(region, value)`` pairs: while no profile is stored and this form holds no value, the
    field starts on the one for the region of the browser's language (``US`` in ``en-US``: miles), not on
    ``default``; with ``profile_start`` too, that value counts as what it started from, so a profile saved later in
    other units is followed. With ``keep_choice``, a value chosen here is the reader's setting, not a try: the field
    follows the profile only while it still holds what it last started from, and a form saved before the field
    started from the profile keeps what it holds (the planner's volume unit starts from the profile's km or miles,
    or a US browser's miles; a runner who chose minutes there keeps minutes). ``show_when`` is ``(field, value)``,
    or several such pairs: the field is shown only while each of those other fields
    has its value. A field with ``accept``
    is a file picker: the glue sends the chosen file's text as the value; with
    ``binary`` it takes several files and sends their bytes (read them with
    :func:`uploaded_files`), for formats that are not text (FIT, zip, gzip). ``enter`` names the
    action Enter in the field presses (a form button's or the first result button's with it), where
    the form's first button would be the wrong one. A field with ``kept=False`` names the day of the entry being
    logged (a strength session's date, a run's), holds one of its values (a run's duration, an HRV reading's rMSSD)
    or names the day a page is shown around (the calendar's): the glue never keeps it with the form's inputs, so each
    visit starts with it empty (the day of the visit), an entry is never dated on a day typed at an earlier visit nor
    saved with its numbers, and a page never opens on a week looked at weeks ago. An action empties such
    boxes once their entry is stored, with the effect ``{"type": "clear", "fields": [names]}``. A field with
    ``options`` and ``radios`` shows every option at once, as radio buttons, for a choice the reader must see to know
    it is there (the planner's Hard runs: a beginner never opened the drop-down that held easy weeks).
    """

    name: str
    label: str
    default: str
    options: tuple[tuple[str, str], ...] = ()
    help: str = ""
    placeholder: str = ""
    inputmode: str | None = None
    profile: str | None = None
    profile_start: str | None = None
    profile_values: tuple[tuple[str, str], ...] = ()
    locale_values: tuple[tuple[str, str], ...] = ()
    keep_choice: bool = False
    show_when: Condition | tuple[Condition, ...] | None = None
    accept: str | None = None
    multiple: bool = False
    input_type: str = "text"
    binary: bool = False
    enter: str | None = None
    kept: bool = True
    radios: bool = False

    def conditions(self) -> tuple[Condition, ...]:
        """Every ``(field, value)`` that must hold for the field to be shown; none for a field always shown."""
        match self.show_when:
            case None:
                return ()
            case (str() as name, str() as value):
                return ((name, value),)
            case several:
                return several


def _same_day_in(day: date, year: int) -> date:
    """``day``'s month and day in ``year`` (29 February as the 28th in a year without it)."""
    return day.replace(year=year, day=min(day.day, 28)) if (day.month, day.day) == (2, 29) else day.replace(year=year)


def instant(text: str | None) -> datetime | None:
    """An ISO 8601 instant from the browser or the store, or None when there is none that reads. One without a zone
    (an old or hand-edited backup) is taken as UTC, as the browser writes UTC."""
    try:
        read = datetime.fromisoformat(text.replace("Z", "+00:00")) if text else None
    except ValueError:
        return None
    return read.replace(tzinfo=UTC) if read is not None and read.tzinfo is None else read


@dataclass(frozen=True, kw_only=True, slots=True)
class Context:
    """What a calculator may know besides its form.

    ``today`` is the reader's local date and ``now`` the current instant (ISO 8601,
    UTC); both come from the browser, as Python has no trustworthy clock there.
    ``new_id`` is a fresh UUID from the browser for an action that adds an entry.
    ``args`` are what a button inside a result fragment carried (see :func:`action_button`).
    ``utc_offsets`` is the reader's time zone as the browser knows it: ``(date, minutes east of UTC)``
    from each date on, over the past year (Pyodide has no time-zone database).
    ``store`` holds the collections the calculator declared in ``reads`` — ``None``
    at build time, when there is no reader's data to show. ``environment`` carries
    facts about the browser the page found out (e.g. ``persisted``, ``installed``).
    ``touched`` names the form's fields the reader has changed, ever (the glue keeps the list with the form's
    inputs): empty at build time and while the form is as built, so a calculator can tell its built-in
    example from a value the reader typed that happens to equal it.
    ``pressed``: the reader has pressed one of the calculator's buttons on this visit, this time or before; from then
    on every field counts as reached, as the glue shows it, and a box left empty is called wrong, where before it is
    only asked for (a field the reader has not reached yet is not called wrong).
    ``region`` is the country of the browser's first language (``"US"``), sent only while no profile is stored:
    read the profile with :meth:`reader_profile`, so such a reader meets their region's units on every page.
    """

    today: date | None = None
    now: str | None = None
    new_id: str | None = None
    args: Mapping[str, Any] = field(default_factory=dict)
    profile: Mapping[str, Any] = field(default_factory=dict)
    store: Mapping[str, Mapping[str, Any]] | None = None
    environment: Mapping[str, Any] = field(default_factory=dict)
    utc_offsets: tuple[tuple[date, int], ...] = ()
    touched: frozenset[str] = frozenset()
    pressed: bool = False
    region: str | None = None

    def reader_profile(self) -> Profile:
        """The reader's profile as every page reads it: the stored one (a bad value left out), or, while none is
        stored, the defaults in the units of the reader's ``region`` (miles on a US browser)."""
        return read_profile(self.profile, region=self.region).profile

    def profile_to_write(self) -> Mapping[str, Any]:
        """The profile an action stores a value onto: the stored one, or, while none is stored, a new one holding the
        units the reader was shown; without them, a US reader's first saved race would turn every page to km. A
        profile without units reads as km, so a reader shown km gets none written, as before."""
        units = region_units(self.region)
        return self.profile if units == Profile().units else {**self.profile, "units": units}

    def utc_offset(self, instant: datetime) -> timedelta:
        """The reader's offset from UTC at ``instant`` (UTC itself when the page sent none).

        The browser's table covers a year and a bit. An older instant (a run in a backup from two years ago) reads
        the offset of the same calendar day in the table: a time zone's changes come back each year within a few
        days, where UTC would put a New York evening run on the next day."""
        day = (instant if instant.tzinfo else instant.replace(tzinfo=UTC)).astimezone(UTC).date()
        if self.utc_offsets and day < (first := self.utc_offsets[0][0]):
            day = _same_day_in(day, first.year)
            if day < first:
                day = _same_day_in(day, first.year + 1)
        minutes = 0
        for start, offset in self.utc_offsets:
            if start > day:
                break
            minutes = offset
        return timedelta(minutes=minutes)

    def require_today(self) -> date:
        """The reader's local date, for an action that dates something."""
        if self.today is None:
            raise InputError("today", "The page did not send today's date.")
        return self.today

    def require_store(self) -> Mapping[str, Mapping[str, Any]]:
        """The stored collections, for an action that cannot work without them."""
        if self.store is None:
            raise InputError("store", "This action needs your stored data, and the page did not send it.")
        return self.store

    def require_now(self) -> datetime:
        """The current instant (a time without a zone is taken as UTC), for an action that stamps something."""
        now = instant(self.now)
        if now is None:
            raise InputError("now", "The page did not send the current time.")
        return now


@dataclass(frozen=True, kw_only=True, slots=True)
class Reply:
    """An action's answer: the result fragment, store operations and effects for the glue."""

    html: Html
    ops: tuple[Mapping[str, Any], ...] = ()
    effects: tuple[Mapping[str, Any], ...] = ()


Action = Callable[[Mapping[str, str], Context], Reply]


def uploaded_files(values: Mapping[str, str], name: str) -> list[tuple[str, bytes]]:
    """The files chosen in the ``binary`` file field ``name``: ``(file name, bytes)`` in the order chosen.

    The glue sends them as JSON, ``[{"name": …, "base64": …}, …]``; an empty field gives ``[]``.
    """
    text = values.get(name, "")
    if not text:
        return []
    try:
        files = [(str(item["name"]), base64.b64decode(item["base64"], validate=True)) for item in json.loads(text)]
    except (ValueError, TypeError, KeyError):  # binascii.Error is a ValueError
        raise InputError(
            name, "The page sent the chosen files in a form Python cannot read; choose them again."
        ) from None
    return files


@dataclass(frozen=True, kw_only=True, slots=True)
class Calculator:
    """A calculator's declaration: everything the build and the browser need to show and run it.

    ``compute`` answers the form (and runs at build time for the prerendered result);
    ``actions`` are further buttons, e.g. ``{"backup": …}``, labelled by ``buttons``; those named in
    ``destructive`` (they delete the reader's data) have the look of :data:`DESTRUCTIVE_BUTTON`.
    ``reads`` names the store collections the glue sends along (``"*"`` for all).
    ``live`` calculators recompute as the reader types; others only on a button.
    ``inputs`` are fields that are not in the form but in boxes of inputs the result renders
    (``data-inputs``, e.g. logging a run for a day of the calendar): read and checked like the form's.
    A field's ``profile`` value is stored in the shared profile as the reader changes it, unless
    ``profile_on_save``: then only the calculator's own action stores it, once checked (the profile page).
    """

    name: str
    title: str
    intro: str
    fields: tuple[Field, ...]
    compute: Action
    submit_label: str = "Calculate"
    actions: Mapping[str, Action] = field(default_factory=dict)
    buttons: tuple[tuple[str, str], ...] = ()
    destructive: tuple[str, ...] = ()
    reads: tuple[str, ...] = ()
    live: bool = True
    inputs: tuple[Field, ...] = ()
    profile_on_save: bool = False

    def action(self, name: str) -> Action:
        if name == "compute":
            return self.compute
        if name in self.actions:
            return self.actions[name]
        raise InputError("action", f"The {self.name} calculator has no action “{name}”.")

    def defaults(self) -> dict[str, str]:
        return {f.name: f.default for f in self.fields}

    def read(self, values: Mapping[str, Any]) -> dict[str, str]:
        """The form's values as text, with defaults for missing fields; a drop-down must hold one of its options.

        ``confirmed`` travels along when the reader has answered a confirmation.
        """
        read: dict[str, str] = {"confirmed": "yes"} if values.get("confirmed") == "yes" else {}
        for f in (*self.fields, *self.inputs):
            raw = values.get(f.name, f.default)
            text = raw if isinstance(raw, str) else str(raw)
            allowed = {value for value, _ in f.options}
            chosen = [part for part in text.split(",") if part] if f.multiple else [text]
            if f.options and any(part not in allowed for part in chosen):
                choices = ", ".join(label for _, label in f.options)
                raise InputError(f.name, f"Choose {'from' if f.multiple else 'one of'}: {choices}.")
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
        "data-profile-start": f.profile_start,
        "data-profile-values": json.dumps(dict(f.profile_values)) if f.profile_values else None,
        "data-locale-values": json.dumps(dict(f.locale_values)) if f.locale_values else None,
        "data-keep-choice": f.keep_choice,
        "data-not-kept": not f.kept,
        "data-enter": f.enter,
    }
    if f.accept:
        binary = {"multiple": True, "data-binary": True} if f.binary else {}
        control = el("input", common | {"type": "file", "accept": f.accept} | binary)
    elif f.options:
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
                "type": f.input_type,
                "value": value,
                "placeholder": f.placeholder or None,
                "inputmode": f.inputmode,
                "autocomplete": "off",
                "spellcheck": "false",
            },
        )
    conditions = f.conditions()
    shown = all(values.get(name) == value for name, value in conditions)
    wrapper = {
        "class": "sl-field",
        "data-show-when": " ".join(f"{name}={value}" for name, value in conditions) or None,
        "hidden": not shown,
    }
    if f.multiple or f.radios:
        chosen = set(value.split(",")) if f.multiple else {value}
        group = {"data-multiple": f.name} if f.multiple else {"data-choice": f.name}
        return el(
            "fieldset",
            wrapper | {"class": "sl-field sl-field--choices"} | group | {"aria-describedby": described},
            el("legend", None, f.label),
            *(
                el(
                    "label",
                    {"class": "sl-choice"},
                    el(
                        "input",
                        {
                            "type": "checkbox" if f.multiple else "radio",
                            "name": f.name,
                            "value": v,
                            "checked": v in chosen,
                            "data-profile": f.profile,
                        },
                    ),
                    f" {label}",
                )
                for v, label in f.options
            ),
            el("p", {"id": f"{ident}-help", "class": "sl-field__help"}, f.help) if f.help else None,
            el("p", {"id": f"{ident}-error", "class": "sl-field__error", "data-error-for": f.name}),
        )
    return el(
        "div",
        wrapper,
        el("label", {"for": ident}, f.label),
        control,
        el("p", {"id": f"{ident}-help", "class": "sl-field__help"}, f.help) if f.help else None,
        el("p", {"id": f"{ident}-error", "class": "sl-field__error", "data-error-for": f.name}),
    )


def render_calculator(
    calc: Calculator,
    *,
    prefix: str | None = None,
    context: Context | None = None,
    module: str | None = None,
    titled_by_page: bool = False,
) -> Html:
    """The calculator as it ships in the page: the form with its defaults and the default result.

    ``module`` (in ``calculators.ui``) goes to the browser with each request, so Python imports only it.
    ``titled_by_page``: the calculator is its tool page's subject, right under the page's h1, which is its heading:
    an h2 of its own would say the title again (or "Your settings" under "Your profile"), so it has none, is named
    by its title all the same, and its answers' headings follow the h1 (``data-titled-by-page``: the page asks for
    every answer so).
    """
    prefix = prefix or f"sl-{calc.name}"
    values = calc.defaults()
    result = calc.compute(values, context or Context())
    answer = lift_headings(result.html) if titled_by_page else result.html
    named = {"aria-label": calc.title} if titled_by_page else {"aria-labelledby": f"{prefix}-title"}
    buttons = calc.buttons or (("compute", calc.submit_label),)
    looks = {action: DESTRUCTIVE_BUTTON for action in calc.destructive}
    return el(
        "section",
        {
            "class": "sl-calc",
            "data-calculator": calc.name,
            "data-module": module,
            "data-reads": " ".join(calc.reads) or None,
            "data-live": "true" if calc.live else "false",
            "data-profile-on-save": calc.profile_on_save,
            "data-titled-by-page": titled_by_page,
            **named,
            # The search finds the page by its prose, not by a form's labels, options and example result.
            "data-search-exclude": "",
        },
        None if titled_by_page else el("h2", {"id": f"{prefix}-title", "class": "sl-calc__title"}, calc.title),
        el("p", {"class": "sl-calc__intro"}, calc.intro),
        el(
            "form",
            {"class": "sl-calc__form", "novalidate": True, **named},
            join(_field(calc, f, prefix, values[f.name], values) for f in calc.fields),
            el(
                "div",
                {"class": "sl-calc__buttons"},
                *(
                    el(
                        "button",
                        {
                            "type": "submit",
                            "name": "action",
                            "value": action,
                            "class": looks.get(action, "md-button md-button--primary"),
                        },
                        label,
                    )
                    for action, label in buttons
                ),
            ),
        ),
        # No live role here: the glue speaks through a hidden live region beside this line (so a message can
        # show at once and be spoken only when it should be), and without the glue this line never changes.
        el(
            "p",
            {"class": "sl-calc__status", "data-status": True},
            "Showing the result for the values above, computed when this page was built."
            if not calc.reads
            else "Reading what this browser holds…",
        ),
        el("div", {"class": "sl-calc__result", "data-result": True}, explain_first_au(answer)),
    )


def confirm(
    message: str, action: str, label: str, args: Mapping[str, Any] | None = None, *, destructive: bool = False
) -> dict[str, Any]:
    """An effect that asks the reader ``message`` first, then runs ``action`` again with ``confirmed=yes``.

    ``label`` names the confirming button by what it does ("Delete the session"), never a bare "Yes". With
    ``destructive`` (the answer deletes or replaces the reader's data), that button has the look of every
    destructive button (:data:`DESTRUCTIVE_BUTTON`), not the look of a safe one.
    """
    effect = {"type": "confirm", "message": message, "action": action, "args": dict(args or {}), "confirm_label": label}
    return effect | ({"destructive": True} if destructive else {})


def action_button(
    label: str,
    action: str,
    args: Mapping[str, Any] | None = None,
    *,
    primary: bool = False,
    destructive: bool = False,
    css_class: str | None = None,
    aria_label: str | None = None,
    focus: bool = False,
    anchor: str | None = None,
) -> Html:
    """A button inside a result fragment that runs ``action`` with ``args`` (e.g. log one set as prescribed).

    The glue sends the form's values along, and ``args`` as ``Context.args``. ``css_class`` replaces
    Material's button look (a day in the calendar's grid); ``aria_label`` names a terse label in full.
    ``focus`` marks where a keyboard user goes on after the answer that shows it (the next set's "Done"),
    when the button they pressed is gone. ``destructive`` (it deletes or discards the reader's data) gives it the
    look of every destructive button, :data:`DESTRUCTIVE_BUTTON`. ``anchor``: its id, for an in-page link to it.
    """
    look = DESTRUCTIVE_BUTTON if destructive else "md-button md-button--primary" if primary else "md-button"
    return el(
        "button",
        {
            "type": "button",
            "id": anchor,
            "class": css_class or look,
            "aria-label": aria_label,
            "data-action": action,
            "data-args": json.dumps(args or {}, sort_keys=True),
            "data-focus": focus,
        },
        label,
    )


def after_ops(store: Mapping[str, Mapping[str, Any]], ops: Iterable[Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """The store as it will be once ``ops`` are applied (as the browser applies them), so a reply can
    show the outcome of the change it asks for."""
    after = {name: dict(entries) for name, entries in store.items() if isinstance(entries, Mapping)}
    for op in ops:
        entries = after.setdefault(op["collection"], {})
        if op["op"] == "put":
            entries[op["id"]] = op["value"]
        else:
            entries.pop(op["id"], None)
    return after

"""Correcting one logged run: its duration, distance and effort (RPE), as the strength log corrects a set.

An imported file holds no effort rating, so a batch of runs takes the one RPE chosen for the import;
a tempo run among them then loads like an easy one until its RPE is corrected here. The editor shows
the run's values in the form's own boxes (``run_duration``, the unit's distance box, ``run_rpe``),
which the page glue sends in place of the form's, and the form's own parsers read them: bad input
raises :class:`InputError` naming the box and its range, and nothing is stored.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from calculators import units
from calculators.date_words import day_words
from calculators.ui.calculator import action_button
from calculators.ui.html import Html, el
from calculators.ui.load_au import load_au
from calculators.ui.readiness_data import Run, check_pace, run_meters, run_rpe, run_seconds
from calculators.ui.readiness_fields import FIELDS, RUN_DISTANCE_BOXES

__all__ = ["Corrected", "corrected_run", "run_editor", "run_title"]

_RPE_CHOICES = next(f.options for f in FIELDS if f.name == "run_rpe")
_SOURCES = {"hand": "entered by hand", "gpx": "from a GPX file", "tcx": "from a TCX file", "fit": "from a FIT file"}


def run_title(run: Run, today: date | None) -> str:
    """“run of Monday 7 December”: how buttons and messages name the run."""
    return f"run of {day_words(run.day, today=today)}"


def _shown_duration(run: Run) -> str:
    return units.format_duration(run.duration_s)


def _shown_distance(run: Run, unit: units.PaceUnit) -> str:
    """The distance as the runs table shows it, to the hundredth of ``unit``."""
    return f"{run.distance_m / units.meters_from(1, unit):.2f}"


def _now(run: Run, unit: units.PaceUnit) -> str:
    return f"{_shown_duration(run)}, {_shown_distance(run, unit)} {unit}, RPE {run.rpe:g}"


def _box(label: str, control: Html) -> Html:
    return el("label", None, el("span", None, label), control)


def _text(name: str, value: str, mode: str | None) -> Html:
    return el("input", {"type": "text", "name": name, "value": value, "inputmode": mode, "autocomplete": "off"})


def run_editor(run: Run, unit: units.PaceUnit, today: date | None) -> Html:
    """The run's boxes, filled with what is stored, with Save, Done and Delete."""
    title = run_title(run, today)
    rpe = f"{run.rpe:g}"
    choices = (el("option", {"value": v, "selected": v == rpe}, words) for v, words in _RPE_CHOICES)
    return el(
        "div",
        {"class": "sl-result", "data-editing": run.id},
        el(
            "p",
            {"class": "sl-result__headline", "data-summary": True},
            f"Correcting the {title}: change what is wrong, then tap “Save this run”.",
        ),
        el(
            "p",
            None,
            f"Stored now ({_SOURCES.get(run.source, run.source)}): {_now(run, unit)}; load ",
            load_au(run.load),
            " (RPE × minutes).",
        ),
        el(
            "fieldset",
            {"class": "sl-run-edit", "data-inputs": True},
            el("legend", None, f"The {title}"),
            _box("Duration (h:mm:ss)", _text("run_duration", _shown_duration(run), None)),
            _box(f"Distance ({unit})", _text(RUN_DISTANCE_BOXES[unit], _shown_distance(run, unit), "decimal")),
            _box("How hard did it feel? (RPE)", el("select", {"name": "run_rpe"}, *choices)),
            action_button("Save this run", "save_run", {"id": run.id}, primary=True),
        ),
        el(
            "p",
            {"class": "sl-calc__buttons"},
            action_button("Done", "compute"),
            action_button("Delete this run", "delete", {"collection": "runs", "id": run.id}),
        ),
    )


@dataclass(frozen=True, kw_only=True, slots=True)
class Corrected:
    """A corrected run: the value to put in its place (None when nothing changed), and the sentence that says
    what changed."""

    value: dict[str, Any] | None
    message: str


def corrected_run(
    values: Mapping[str, str], stored: Mapping[str, Any], run: Run, unit: units.PaceUnit, today: date | None
) -> Corrected:
    """``stored`` (the run's entry, every key kept: its source, heart rate, start time) with the duration,
    distance and RPE typed in the editor's boxes.

    A box left as the editor showed it keeps the value stored: the editor shows whole seconds and
    hundredths of a km or mile, and reading those back would move an imported run (45:13.4 would become
    45:13) when only its RPE was corrected.

    Raises:
        InputError: on the box that is wrong, with its accepted range; nothing is corrected.
    """
    box = RUN_DISTANCE_BOXES[unit]
    # Only the editor's boxes: the form's other-unit distance box is not this run's.
    typed = {name: values.get(name, "") for name in ("run_duration", box, "run_rpe")}
    seconds = run.duration_s if typed["run_duration"].strip() == _shown_duration(run) else run_seconds(typed)
    unchanged = typed[box].strip() == _shown_distance(run, unit)
    meters = run.distance_m if unchanged else round(run_meters(typed, unit), 1)  # as a run typed in the form
    check_pace(seconds, meters, unit)
    after = replace(run, duration_s=seconds, distance_m=meters, rpe=run_rpe(typed))
    title = run_title(run, today)
    if _now(after, unit) == _now(run, unit):  # "10.030" for 10.03 km is no correction
        return Corrected(value=None, message=f"Nothing was changed: the {title} already has these values.")
    value = dict(stored) | {"duration_s": after.duration_s, "distance_m": after.distance_m, "rpe": after.rpe}
    changes = [
        f"{what} {before} → {now}"
        for what, before, now in (
            ("duration", _shown_duration(run), _shown_duration(after)),
            ("distance", f"{_shown_distance(run, unit)} {unit}", f"{_shown_distance(after, unit)} {unit}"),
            ("RPE", f"{run.rpe:g}", f"{after.rpe:g}"),
        )
        if before != now
    ]
    load = f"its load is now {after.load:,.0f} AU (was {run.load:,.0f} AU)"
    message = f"{title[0].upper()}{title[1:]} corrected: {'; '.join(changes)}; {load}."
    return Corrected(value=value, message=message)

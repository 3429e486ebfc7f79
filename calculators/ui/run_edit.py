"""Correcting one logged run: its date, duration, distance, effort (RPE) and average heart rate, as the strength log
corrects a set.

An imported file holds no effort rating, so an import asks each run's RPE (:mod:`import_efforts`); one chosen
in a hurry, or a run left to the batch's "same for all", is corrected here. A run logged on the
wrong day (yesterday's, typed in today) moves to its day here and keeps its id, so its load, the readiness
verdict and the calendar follow the new date; a calendar link that cannot hold at the new date goes with it.
The editor shows the run's values in the form's own boxes (``run_date``, ``run_duration``, the unit's distance
box, ``run_rpe``, ``run_hr``), which the page glue sends in place of the form's, and the form's own parsers read
them: bad input raises :class:`InputError` naming the box and its range, and nothing is stored. A mistyped heart
rate is corrected here, so the run's TRIMP follows without deleting the run.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from calculators import units
from calculators.calendar_logs import link_after_move
from calculators.date_words import day_words
from calculators.entry_dates import earliest_entry
from calculators.ui.calculator import action_button
from calculators.ui.html import Html, el, join
from calculators.ui.load_au import load_au
from calculators.ui.readiness_data import (
    Run,
    check_pace,
    run_day,
    run_hr,
    run_meters,
    run_rpe,
    run_seconds,
)
from calculators.ui.readiness_fields import FIELDS, RUN_DISTANCE_BOXES

__all__ = ["EDITOR_BOXES", "Corrected", "corrected_run", "run_editor", "run_title"]

Store = Mapping[str, Mapping[str, Any]]

_RPE_CHOICES = next(f.options for f in FIELDS if f.name == "run_rpe")
#: The run log's heart-rate box: its label, keypad and help (the parser's range) are the editor's too.
_HR_FIELD = next(f for f in FIELDS if f.name == "run_hr")
#: The names of the editor's boxes: what it sends in place of the form's boxes of the same names.
EDITOR_BOXES = ("run_date", "run_duration", *RUN_DISTANCE_BOXES.values(), "run_rpe", "run_hr")
_SOURCES = {"hand": "entered by hand", "gpx": "from a GPX file", "tcx": "from a TCX file", "fit": "from a FIT file"}


def run_title(run: Run, today: date | None) -> str:
    """“run of Monday 7 December”: how buttons and messages name the run."""
    return f"run of {day_words(run.day, today=today)}"


def _shown_duration(run: Run) -> str:
    return units.format_duration(run.duration_s)


def _shown_distance(run: Run, unit: units.PaceUnit) -> str:
    """The distance as the runs table shows it, to the hundredth of ``unit``."""
    return f"{run.distance_m / units.meters_from(1, unit):.2f}"


def _shown_hr(run: Run) -> str:
    """The average heart rate in whole beats, as the runs table shows it; "" without one."""
    return "" if run.hr_avg is None else f"{run.hr_avg:.0f}"


def _hr_words(run: Run) -> str:
    return f"{_shown_hr(run)} bpm" if run.hr_avg is not None else "none"


def _now(run: Run, unit: units.PaceUnit) -> str:
    return f"{run.day.isoformat()}, {_shown(run, unit)}"


def _shown(run: Run, unit: units.PaceUnit) -> str:
    """The stored values as the editor's first line says them: “45:13, 10.03 km, RPE 4, average HR 152 bpm”."""
    hr = f", average HR {_hr_words(run)}" if run.hr_avg is not None else ""
    return f"{_shown_duration(run)}, {_shown_distance(run, unit)} {unit}, RPE {run.rpe:g}{hr}"


def _box(label: str, control: Html, hint: Html | None = None) -> Html:
    return el("label", None, el("span", None, label), control, hint)


def _text(name: str, value: str, mode: str | None, described: str | None = None) -> Html:
    attrs = {"type": "text", "name": name, "value": value, "inputmode": mode, "autocomplete": "off"}
    return el("input", attrs | {"aria-describedby": described})


def run_editor(
    run: Run, unit: units.PaceUnit, today: date, why: str | None = None, typed: Mapping[str, str] | None = None
) -> Html:
    """The run's boxes, filled with what is stored, with Save, Done and Delete; ``why`` says why a run left out
    of the log is left out, so the reader knows what to correct. ``typed`` fills the boxes with what the reader
    typed instead (the editor shown again behind a question, so a "no" loses nothing)."""
    title = run_title(run, today)
    box = RUN_DISTANCE_BOXES[unit]
    stored = {
        "run_date": run.day.isoformat(),
        "run_duration": _shown_duration(run),
        box: _shown_distance(run, unit),
        "run_rpe": f"{run.rpe:g}",
        "run_hr": _shown_hr(run),
    }
    shown = {name: (typed or {}).get(name, value) for name, value in stored.items()}
    rpe = shown["run_rpe"]
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
            f"Stored now ({_SOURCES.get(run.source, run.source)}): {_shown(run, unit)}; load ",
            load_au(run.load),
            " (RPE × minutes).",
            f" Left out of your log: {why}; correct it to count it." if why else None,
        ),
        el(
            "fieldset",
            {"class": "sl-run-edit", "data-inputs": True},
            el("legend", None, f"The {title}"),
            _box(
                "Date of the run",
                el(
                    "input",
                    {
                        "type": "date",
                        "name": "run_date",
                        "value": shown["run_date"],
                        "min": earliest_entry(today).isoformat(),
                        "max": today.isoformat(),
                        "required": True,
                    },
                ),
            ),
            _box("Duration (h:mm:ss)", _text("run_duration", shown["run_duration"], None)),
            _box(f"Distance ({unit})", _text(box, shown[box], "decimal")),
            _box("How hard did it feel? (RPE)", el("select", {"name": "run_rpe"}, *choices)),
            _box(
                _HR_FIELD.label,
                _text("run_hr", shown["run_hr"], _HR_FIELD.inputmode, described=f"sl-run-edit-hr-{run.id}"),
                # Its description, not part of its name: hidden from the label's words, read by aria-describedby.
                el(
                    "span",
                    {"class": "sl-run-edit__hint", "id": f"sl-run-edit-hr-{run.id}", "aria-hidden": "true"},
                    _HR_FIELD.help,
                ),
            ),
            action_button("Save this run", "save_run", {"id": run.id}, primary=True),
        ),
        el(
            "p",
            {"class": "sl-calc__buttons"},
            action_button("Done", "compute"),
            action_button("Delete this run", "delete", {"collection": "runs", "id": run.id}, destructive=True),
        ),
    )


@dataclass(frozen=True, kw_only=True, slots=True)
class Corrected:
    """A corrected run: the store operations that put it in its place (none when nothing changed; with a calendar
    link that cannot hold at its new date, that link's removal), and the sentence that says what changed."""

    ops: tuple[dict[str, Any], ...]
    #: Markup: its loads end in the AU abbreviation (:func:`~calculators.ui.load_au.load_au`).
    message: Html


def corrected_run(values: Mapping[str, str], store: Store, run: Run, unit: units.PaceUnit, today: date) -> Corrected:
    """The run's entry in ``store`` (every key kept: its source, start time) with the date, duration, distance, RPE
    and average heart rate typed in the editor's boxes; the heart-rate box emptied removes the heart rate.

    A box left as the editor showed it keeps the value stored: the editor shows whole seconds, hundredths of a km
    or mile and whole beats, and reading those back would move an imported run (45:13.4 would become 45:13, 152.4
    bpm 152) when only its RPE was corrected. A heart rate from a file may lie outside the box's range (20 to 250
    bpm are kept from one): left as shown, it is kept too. A date is checked as the form checks it (from ten years
    back to today), also when left as shown if it is after today: a run left out for its date counts once
    corrected.

    Raises:
        InputError: on the box that is wrong, with its accepted range; nothing is corrected.
    """
    box = RUN_DISTANCE_BOXES[unit]
    # Only the editor's boxes: the form's other-unit distance box is not this run's.
    typed = {name: values.get(name, "") for name in ("run_date", "run_duration", box, "run_rpe", "run_hr")}
    kept = typed["run_date"].strip() == run.day.isoformat() and run.day <= today
    day = run.day if kept else run_day(typed, today, empty_today=False)
    seconds = run.duration_s if typed["run_duration"].strip() == _shown_duration(run) else run_seconds(typed)
    unchanged = typed[box].strip() == _shown_distance(run, unit)
    meters = run.distance_m if unchanged else round(run_meters(typed, unit), 1)  # as a run typed in the form
    check_pace(seconds, meters, unit)
    hr = run.hr_avg if typed["run_hr"].strip() == _shown_hr(run) else run_hr(typed)
    after = replace(run, day=day, duration_s=seconds, distance_m=meters, rpe=run_rpe(typed), hr_avg=hr)
    title = run_title(run, today)
    if _now(after, unit) == _now(run, unit):  # "10.030" for 10.03 km is no correction
        return Corrected(ops=(), message=join(f"Nothing was changed: the {title} already has these values."))
    value = dict(store["runs"][run.id]) | {
        "date": day.isoformat(),
        "duration_s": after.duration_s,
        "distance_m": after.distance_m,
        "rpe": after.rpe,
    }
    if after.hr_avg != run.hr_avg:  # else the entry's own, exact, or its absence
        value["hr_avg"] = after.hr_avg
    changes = [
        # Words, not an arrow: a screen reader says "right arrow" between the two values.
        f"{what} from {before} to {now}"
        for what, before, now in (
            ("date", day_words(run.day, today=today), day_words(day, today=today)),
            ("duration", _shown_duration(run), _shown_duration(after)),
            ("distance", f"{_shown_distance(run, unit)} {unit}", f"{_shown_distance(after, unit)} {unit}"),
            ("RPE", f"{run.rpe:g}", f"{after.rpe:g}"),
            ("average heart rate", _hr_words(run), _hr_words(after)),
        )
        if before != now
    ]
    load = join("its load is now ", load_au(after.load), " (was ", load_au(run.load), ")")
    if day == run.day and after.load == run.load:  # the heart rate alone: it goes into TRIMP, not into the load
        load = join("its load stays ", load_au(run.load))
    if day != run.day:
        on = day_words(day, today=today)
        load = (
            join(load, f", counted on {on}")
            if after.load != run.load
            else join("its load of ", load_au(run.load), f" counts on {on}")
        )
    links, linked = link_after_move(store, "run", run.id, day, today) if day != run.day else ((), "")
    message = join(f"{title[0].upper()}{title[1:]} corrected: {'; '.join(changes)}; ", load, f".{linked}")
    put = {"op": "put", "collection": "runs", "id": run.id, "value": value}
    return Corrected(ops=(put, *links), message=message)

"""Each imported run's own effort (RPE), asked in a preview before a batch of activity files is saved.

Files hold no effort rating and a run's load is RPE × minutes (Foster's session RPE), so one number for a
whole batch gave an interval session the load of an easy run. The preview lists the runs, each with its own
effort box labelled with its date, distance and time (and the file's average heart rate, shown as a hint
only: no heart rate is turned into an RPE); for several runs the form's one choice stays as "Same for all runs
left blank".
Nothing is stored until every run has an effort. The boxes, as many as the files held runs, travel back
together in one value, :data:`EFFORTS_FIELD` (a JSON object of box names and choices: the glue's
``data-collect``), and each keeps its own name, so an error is shown on that run's box.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from calculators import units
from calculators.activity_files import RunSummary
from calculators.date_words import day_words
from calculators.errors import InputError
from calculators.load import RPE_WORDS
from calculators.ui.calculator import Field, action_button
from calculators.ui.html import Html, el
from calculators.ui.readiness_fields import FIELDS

__all__ = ["BATCH_BOX", "EFFORTS_FIELD", "NewRun", "effort_box", "import_preview", "run_efforts", "run_words"]

#: The form's one effort for a batch, which fills the runs whose own box is left blank.
BATCH_BOX = "import_rpe"
_RPE_CHOICES = next(f.options for f in FIELDS if f.name == BATCH_BOX)
_BLANK = "Same for all runs left blank"
#: The preview's run boxes, as one value: ``{"import_rpe_<id>": "7", …}``.
EFFORTS_FIELD = Field(name="import_efforts", label="How hard each imported run felt", default="")


@dataclass(frozen=True, kw_only=True, slots=True)
class NewRun:
    """A run read from a file and not yet in the log, on the reader's local ``day``."""

    run: RunSummary
    day: date


def effort_box(run: RunSummary) -> str:
    """The name of the run's own effort box: by its id, so a box keeps naming the same run."""
    return f"import_rpe_{run.id}"


def run_words(new: NewRun, unit: units.PaceUnit, today: date) -> str:
    """“run of Monday 30 November, 12.00 km in 56:00”: how the preview and its messages name a run."""
    run = new.run
    distance = f"{run.distance_m / units.meters_from(1, unit):.2f} {unit} in " if run.distance_m else ""
    return f"run of {day_words(new.day, today=today)}, {distance}{units.format_duration(run.duration_s)}"


def _select(name: str, chosen: str, collect: str | None = None, **attrs: object) -> Html:
    choices = (el("option", {"value": v, "selected": v == chosen}, words) for v, words in _RPE_CHOICES)
    return el("select", {"name": name, "data-collect": collect, **attrs}, *choices)


def _needed_id(box: str) -> str:
    """The id of the line under a lone run's empty box that says what it needs."""
    return f"sl-{box}-needed"


def _chosen(values: Mapping[str, str]) -> dict[str, str]:
    """The run boxes' choices by box name; none before the preview was shown."""
    text = values.get(EFFORTS_FIELD.name, "")
    try:
        read = json.loads(text) if text else {}
    except ValueError:
        read = None
    if not isinstance(read, dict) or not all(isinstance(v, str) for v in read.values()):
        raise InputError(
            EFFORTS_FIELD.name, "The page sent the runs’ efforts in a form Python cannot read; import the files again."
        )
    return read


def import_preview(runs: Sequence[NewRun], values: Mapping[str, str], unit: units.PaceUnit, today: date) -> Html:
    """The runs to import, one card each with its effort box, the batch's box and the button that imports them.

    A box shows what the reader chose in it before (the preview shown again keeps it); the batch's box shows the
    form's choice. The page takes the reader to the first run's box (``data-opened``), as the Save they pressed
    sits far above it on a phone. A lone run has no batch box ("same for all" of one run is its own box), and its
    empty box is marked as the one that needs filling, described by the line that says so.
    """
    chosen, cards = _chosen(values), []
    lone = len(runs) == 1
    for index, new in enumerate(sorted(runs, key=lambda new: new.run.start_utc)):  # as run, not as the files came
        hint = (
            f" Average heart rate {new.run.hr_avg:.0f} bpm, from the file."
            if new.run.hr_avg is not None
            else " No heart rate in the file."
        )
        name = effort_box(new.run)
        needed = lone and not chosen.get(name, "")
        box = _select(
            name,
            chosen.get(name, ""),
            EFFORTS_FIELD.name,
            **{
                "data-opened": index == 0,
                "aria-invalid": "true" if needed else None,
                "aria-describedby": _needed_id(name) if needed else None,
            },
        )
        cards.append(
            el(
                "li",
                {"class": "sl-import__run"},
                el(
                    "label",
                    None,
                    el("span", None, f"{_asked(new, unit, today)} (RPE)"),
                    box,
                ),
                el("span", {"class": "sl-import__hint"}, hint.strip()),
                el("p", {"class": "sl-field__error", "id": _needed_id(name)}, _lone_needs(new, unit, today))
                if needed
                else None,
            )
        )
    many = units.count(len(runs), "run")
    why = "A run’s load is RPE × minutes"
    return el(
        "fieldset",
        {"class": "sl-import", "data-inputs": True},
        el("legend", None, "How hard this run felt" if lone else f"How hard each run felt ({many})"),
        el("p", None, f"{why}, so the log needs how hard it felt.")
        if lone
        else el(
            "p",
            None,
            f"{why}, so give each run its own effort. A run left blank takes the one chosen under “",
            _BLANK,
            "”.",
        ),
        el("ul", {"class": "sl-import__runs"}, *cards),
        None if lone else el("label", None, el("span", None, _BLANK), _select(BATCH_BOX, values.get(BATCH_BOX, ""))),
        action_button(f"Import {'this run' if lone else f'these {many}'}", "save", {"efforts": True}),
    )


def _asked(new: NewRun, unit: units.PaceUnit, today: date) -> str:
    """A run's box as its label asks, and as its messages start, so the status line names the box only once."""
    return f"The {run_words(new, unit, today)}: how hard did it feel?"


def _lone_needs(new: NewRun, unit: units.PaceUnit, today: date) -> str:
    """What a lone run's empty box needs, and its error when it is imported still empty: one sentence for both."""
    return f"{_asked(new, unit, today)} {_CHOOSE}."


#: The accepted efforts, as every message about a run's effort words them.
_CHOOSE = f"Choose from 1 ({RPE_WORDS[1]}) to 10 ({RPE_WORDS[10]})"


def run_efforts(
    runs: Sequence[NewRun], values: Mapping[str, str], unit: units.PaceUnit, today: date
) -> dict[str, float]:
    """Each run's effort by id: its own box, else the batch's box.

    Raises:
        InputError: on the first run without an effort, or one out of 1–10, naming that run's box and the
            run by its date, distance and time; nothing is stored.
    """
    batch, chosen = values.get(BATCH_BOX, "").strip(), _chosen(values)
    efforts = {}
    for new in runs:
        name = effort_box(new.run)
        text = chosen.get(name, "").strip() or batch
        what = f"RPE of the {run_words(new, unit, today)}"
        if not text:
            if len(runs) == 1:  # no batch box to point to
                raise InputError(name, _lone_needs(new, unit, today))
            raise InputError(name, f"{_asked(new, unit, today)} {_CHOOSE}, or one under “{_BLANK}”.")
        efforts[new.run.id] = units.parse_number(text, field=name, what=what, low=1, high=10)
    return efforts

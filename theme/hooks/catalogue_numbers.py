"""Let a guide quote the strength log's numbers: ``{{ dose: nordic_curl }}`` becomes "3 × 3" when the site is built.

The guide and the log then cannot disagree: a number changed in ``calculators/exercises.py`` changes both.
Three keys: ``dose`` (a first session's sets × reps, contacts or hold, as the log prescribes it), ``top`` (the
reps or hold at which the exercise moves on to load, a harder level or the long lever) and ``rest``.
"""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

# A plain `mkdocs build` from a checkout must find the calculators package too.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from calculators.errors import InputError
from calculators.exercises import get_exercise
from calculators.progression import next_prescription

_TOKEN = re.compile(r"\{\{\s*(?P<key>[\w-]+)\s*:\s*(?P<exercise>[\w-]+)\s*\}\}")
_ANY_DAY = date(2026, 1, 5)  # an empty history prescribes the same first session on any day


class UnknownNumber(PluginError):
    """A page asks for an exercise or a number the catalogue does not have: the build stops and says where."""


def _dose(exercise: str) -> str:
    p = next_prescription(exercise, (), today=_ANY_DAY)
    if p.kind == "isometric":
        return f"{p.sets} × {p.hold_s} s"
    if p.kind == "plyometric":
        return f"{p.sets} × {p.contacts} contacts"
    return f"{p.sets} × {p.reps}"


def _top(exercise: str) -> str:
    ex = get_exercise(exercise)
    if ex.kind == "isometric" and ex.hold_s:
        return f"{ex.hold_s[2]} s"
    if ex.kind in ("reps_then_load", "bodyweight_levels"):
        return str(ex.rep_range[1])
    raise InputError("top", f"{ex.name} keeps its reps and moves on by load, height or variant: it has no top")


def _rest(exercise: str) -> str:
    seconds = get_exercise(exercise).rest_s
    return f"{seconds // 60} min" if seconds >= 120 and seconds % 60 == 0 else f"{seconds} s"


_KEYS = {"dose": _dose, "top": _top, "rest": _rest}


def catalogue_number(key: str, exercise: str) -> str:
    """The words for ``{{ key: exercise }}``.

    Raises:
        InputError: an unknown key or exercise, or a key the exercise has no number for.
    """
    if key not in _KEYS:
        raise InputError("key", f"no number called {key!r} (known: {', '.join(_KEYS)})")
    return _KEYS[key](exercise)


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    """Replace each ``{{ key: exercise }}`` with the catalogue's number, or stop the build naming the line."""
    lines = markdown.split("\n")
    for number, line in enumerate(lines):

        def fill(match: re.Match[str], number: int = number) -> str:
            try:
                return catalogue_number(match.group("key"), match.group("exercise"))
            except InputError as error:
                where = f"{page.file.src_path}, line {number + 1}"
                raise UnknownNumber(f"{where}: {match.group(0)}: {error.message}") from None

        lines[number] = _TOKEN.sub(fill, line)
    return "\n".join(lines)

"""What a CSV of morning HRV readings changes in the stored ones: new mornings, the parts a stored reading
lacks (sleep, resting HR, soreness), and the values it disagrees on.

A second file must be able to complete or correct a first import (one without a sleep column, say), yet
never overwrite a stored value unseen: the parts a stored reading lacks are filled in at once, the values
that differ are replaced only once the reader confirms.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from calculators.date_words import day_words
from calculators.hrv_csv import HrvReading
from calculators.ui.readiness_data import readable
from calculators.units import count

__all__ = ["PART_WORDS", "HrvMerge", "merge_readings"]

#: The parts of a reading, as a message names them with their unit, in the order messages list them.
PART_WORDS = {
    "rmssd_ms": ("rMSSD", " ms"),
    "resting_hr": ("resting HR", " bpm"),
    "sleep_hours": ("sleep", " h"),
    "soreness": ("soreness", " of 5"),
}


def _value(reading: HrvReading) -> dict[str, Any]:
    return {
        "rmssd_ms": reading.rmssd_ms,
        "resting_hr": reading.resting_hr,
        "sleep_hours": reading.sleep_hours,
        "soreness": reading.soreness,
    }


def _same(a: Any, b: Any) -> bool:
    # Both went through the same parsers, but a stored value may come from the form (7:10 typed as 7.17 h).
    return bool(math.isclose(float(a), float(b), rel_tol=0.0, abs_tol=1e-6))


@dataclass(frozen=True, kw_only=True, slots=True)
class HrvMerge:
    """The file against the store. ``new``, ``filled`` and ``replaced`` map a date's id to the value to store:
    a morning not stored yet; a stored reading with the parts it lacked added; that reading with the file's
    values where they differ too (stored only once the reader confirms). ``added`` and ``differing`` count the
    readings each part was added to or differs in; ``example`` is the first difference, in words;
    ``unreadable`` the dates whose stored reading cannot be read (kept as they are)."""

    new: dict[str, dict[str, Any]] = field(default_factory=dict)
    filled: dict[str, dict[str, Any]] = field(default_factory=dict)
    replaced: dict[str, dict[str, Any]] = field(default_factory=dict)
    added: dict[str, int] = field(default_factory=dict)
    differing: dict[str, int] = field(default_factory=dict)
    example: str = ""
    unreadable: tuple[date, ...] = ()

    def parts(self, counts: Mapping[str, int], place: str) -> str:
        """Counts per part in words: "sleep to 338 readings and resting HR to 2 readings" (``place`` "to")."""
        named = [f"{PART_WORDS[p][0]} {place} {count(counts[p], 'reading')}" for p in PART_WORDS if p in counts]
        return " and ".join(named) if len(named) < 3 else ", ".join(named[:-1]) + " and " + named[-1]


def merge_readings(stored: Mapping[str, Any], readings: tuple[HrvReading, ...], *, today: date) -> HrvMerge:
    """Compare ``readings`` (from a file) with the stored ``hrv`` collection; nothing here is stored."""
    new, filled, replaced = {}, {}, {}
    added: dict[str, int] = {}
    differing: dict[str, int] = {}
    examples, unreadable = [], []
    for reading in readings:
        ident = reading.day.isoformat()
        incoming = _value(reading)
        earlier = stored.get(ident)
        if earlier is None:
            new[ident] = incoming
            continue
        if not readable("hrv", ident, earlier):
            unreadable.append(reading.day)
            continue
        merged = dict(earlier)  # keeps what a newer version of the site stored beside these parts
        differs = []
        for part, theirs in incoming.items():
            mine = earlier.get(part)
            if theirs is None:
                continue
            if mine is None:
                merged[part] = theirs
                added[part] = added.get(part, 0) + 1
            elif not _same(mine, theirs):
                differs.append(part)
                differing[part] = differing.get(part, 0) + 1
        if merged != dict(earlier):
            filled[ident] = merged
        if differs:
            replaced[ident] = merged | {part: incoming[part] for part in differs}
            name, unit = PART_WORDS[differs[0]]
            was, now = (round(float(v), 2) for v in (earlier[differs[0]], incoming[differs[0]]))
            when = day_words(reading.day, today=today)
            examples.append(f"{name} on {when}: {was:g}{unit} stored, {now:g}{unit} in the file")
    return HrvMerge(
        new=new,
        filled=filled,
        replaced=replaced,
        added=added,
        differing=differing,
        example=examples[0] if examples else "",
        unreadable=tuple(unreadable),
    )

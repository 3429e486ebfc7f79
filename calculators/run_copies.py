"""Telling a run from one already stored under another id: the same run logged on two devices.

A runner who moves to a new phone logs a run there, then restores the old phone's backup holding the same run:
each phone gave it its own id, so merged by id it would be listed twice and its load counted twice. Stridelab's
rule (ours): two runs are the same run when they are on the same local date, last the same time within
:data:`DURATION_TOLERANCE_S` and cover the same distance within :data:`DISTANCE_TOLERANCE_M`. Effort, heart rate
and where the run came from are left out: the two phones may have been told them differently, and neither
makes a second run. Two real runs on one day matching to the second and to a few metres do not happen.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["DISTANCE_TOLERANCE_M", "DURATION_TOLERANCE_S", "repeats", "same_run"]

#: Durations this close are one second: typed in whole seconds, an activity file's kept to the tenth. A whole
#: second apart is another duration typed (40:00 and 40:01).
DURATION_TOLERANCE_S = 0.5
#: Distances this close are one: the same watch distance typed to the hundredth in km on one phone (±5 m) and
#: in miles on the other (±8 m) differs by up to 13 m, and each is stored to the tenth of a metre; 16 m is just
#: under a hundredth of a mile, the finest distance the pages show.
DISTANCE_TOLERANCE_M = 16.0


def _key(value: Any) -> tuple[str, float, float] | None:
    """A stored run's date, seconds and metres; None for one that does not read (it cannot be matched)."""
    if not isinstance(value, Mapping):
        return None
    day, seconds, meters = value.get("date"), value.get("duration_s"), value.get("distance_m")
    if not isinstance(day, str) or isinstance(seconds, bool) or isinstance(meters, bool):
        return None
    if not isinstance(seconds, int | float) or not isinstance(meters, int | float):
        return None
    return day, float(seconds), float(meters)


def same_run(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Whether the stored runs ``a`` and ``b`` are one run recorded twice (see the module docstring for the rule).

    >>> same_run({"date": "2026-12-13", "duration_s": 5400, "distance_m": 13680.0},
    ...          {"date": "2026-12-13", "duration_s": 5400, "distance_m": 13679.4})  # 13.68 km, 8.5 mi
    True
    """
    left, right = _key(a), _key(b)
    return (
        left is not None
        and right is not None
        and left[0] == right[0]
        and abs(left[1] - right[1]) <= DURATION_TOLERANCE_S
        and abs(left[2] - right[2]) <= DISTANCE_TOLERANCE_M + 1e-9
    )


def repeats(incoming: Mapping[str, Any], stored: Mapping[str, Any]) -> dict[str, str]:
    """The runs of ``incoming`` (id → run) that repeat one ``stored`` under another id: incoming id → stored id.

    A run whose id is stored is not a repeat (it replaces its own entry), and a stored run the backup also holds
    under its own id is the backup's already. Each stored run stands for one incoming run at most, so a run the
    backup holds twice (logged again on purpose) is added once more, not dropped.
    """
    taken: set[str] = set()
    found: dict[str, str] = {}
    for ident, value in sorted(incoming.items()):
        if ident in stored:
            continue
        match = next(
            (
                other
                for other, kept in sorted(stored.items())
                if other not in taken and other not in incoming and same_run(value, kept)
            ),
            None,
        )
        if match is not None:
            taken.add(match)
            found[ident] = match
    return found

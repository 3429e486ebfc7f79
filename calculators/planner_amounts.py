"""An easy run's minutes and distance that agree with its pace: the pair never implies a pace outside the E range.

Rounded each on its own, they did not: a 25-minute shake-out was 4.41 km at the middle of the E range, rounded
to 4.5 km, and 25 min for 4.5 km is 5:33 /km, faster than the easy range of a runner whose E pace starts at
5:35 /km. The amount the plan is sized in keeps its round step (minutes in fives, or a distance in half km or
half miles); the other is the round value nearest the run at the middle of its E range that still lies in the
range (Daniels' E pace, :func:`calculators.vdot.training_paces`), a finer one where no round one does, and when
none does (a short run, a narrow range) the one on the slow side: an easy run may come out a little slower than
the range, never faster. A quality run's pair is at its mixed pace (half at E, half at T or I), which has no range
to keep to, and is left as it is.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from calculators.units import METERS_PER_KM, METERS_PER_MILE, PaceUnit

__all__ = ["EASY_PACED", "km_for_minutes", "minutes_for_km", "shown_distance"]

#: The runs planned at Daniels' E pace, whose minutes and distance must agree with its range.
EASY_PACED = frozenset({"easy", "long"})
#: Rounding steps, the roundest first: km for a run sized in minutes, minutes for one sized by distance.
_KM_STEPS = (0.5, 0.1)
_MINUTE_STEPS = (5.0, 1.0)
#: A shown distance is to a tenth of the reader's unit (:func:`calculators.week.distance_words`).
_SHOWN_STEP = 0.1
#: Room for floating-point error when a rounded value sits on an end of the range.
_SLACK = 1e-9


def _pick(target: float, low: float, high: float, steps: Sequence[float], *, slow_end: str) -> float:
    """The multiple of the roundest step in ``[low, high]`` nearest ``target``; else of a finer step; with none in
    the range, the finest step's multiple just past the slow end (``"low"`` or ``"high"``)."""
    for step in steps:
        first, last = math.ceil((low - _SLACK) / step), math.floor((high + _SLACK) / step)
        if first <= last:
            return min(max(round(target / step), first), last) * step
    step = steps[-1]
    return math.floor((low + _SLACK) / step) * step if slow_end == "low" else math.ceil((high - _SLACK) / step) * step


def km_for_minutes(minutes: float, easy: tuple[float, float]) -> float:
    """The km shown beside ``minutes`` of easy running whose E range is ``easy`` (fast, slow s/km).

    >>> km_for_minutes(25, (335.0, 370.0))  # 4.05–4.48 km: no half km in the range, a tenth is
    4.3
    >>> km_for_minutes(60, (300.0, 340.0))
    11.0
    """
    fast, slow = easy
    seconds = minutes * 60
    # Fewer km for the same minutes is slower: the slow end of the distance range is its low end.
    return round(_pick(seconds / ((fast + slow) / 2), seconds / slow, seconds / fast, _KM_STEPS, slow_end="low"), 9)


def minutes_for_km(km: float, easy: tuple[float, float]) -> int:
    """The whole minutes shown beside ``km`` of easy running whose E range is ``easy`` (fast, slow s/km).

    >>> minutes_for_km(4.0, (310.0, 340.0))  # 20:40–22:40: no five in the range, a whole minute is
    22
    >>> minutes_for_km(16.0, (300.0, 340.0))
    85
    """
    fast, slow = easy
    # More minutes for the same km is slower: the slow end of the time range is its high end.
    return round(_pick(km * (fast + slow) / 2 / 60, km * fast / 60, km * slow / 60, _MINUTE_STEPS, slow_end="high"))


def shown_distance(km: float, minutes: float | None, easy: tuple[float, float] | None, unit: PaceUnit) -> float:
    """``km`` in the reader's ``unit`` to a tenth, as shown beside ``minutes`` of an easy run.

    A plan stores km; a tenth of a mile rounds differently from a tenth of a km, so a pair that agrees in km could
    come out faster than the range in miles. With ``minutes`` and the run's ``easy`` range, the tenth nearest
    ``km`` within the range is shown (or the slow side's).

    >>> shown_distance(4.5, None, None, "mi")
    2.8
    >>> shown_distance(4.5, 25, (335.0, 370.0), "mi")  # 2.8 mi in 25 min is 5:33 /km: a tenth less
    2.7
    """
    per_unit = 1.0 if unit == "km" else METERS_PER_MILE / METERS_PER_KM
    distance = km / per_unit
    if minutes is None or easy is None:
        return round(distance, 1)
    fast, slow = (pace * per_unit for pace in easy)
    seconds = minutes * 60
    return round(_pick(distance, seconds / slow, seconds / fast, (_SHOWN_STEP,), slow_end="low"), 9)

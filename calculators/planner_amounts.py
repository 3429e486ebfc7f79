"""A run's amounts: each run's share of the week (:data:`VOLUME_SHARE`) rounded so the runs add up to it
(:func:`apportioned`), and an easy, long or cross run's minutes and distance from it (:func:`run_amounts`, or
:func:`capped_amount` for a run cut to a most number of minutes), an easy run's pair agreeing with its pace: the pair
never implies a pace outside the E range.

Rounded each on its own, they did not: a 25-minute shake-out was 4.41 km at the middle of the E range, rounded
to 4.5 km, and 25 min for 4.5 km is 5:33 /km, faster than the easy range of a runner whose E pace starts at
5:35 /km. The amount the plan is sized in keeps its round step (minutes in fives, or a distance in half km or
half miles); the other is the round value nearest the run at the middle of its E range that still lies in the
range (Daniels' E pace, :func:`calculators.vdot.training_paces`), a finer one where no round one does, and when
none does (a short run, a narrow range) the one on the slow side: an easy run may come out a little slower than
the range, never faster. A quality run's pair counts its fast part at T, I or M pace and the rest at E
(:func:`calculators.planner_fast_parts.session_amounts`), which has no range to keep to, and is left as it is.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from calculators.readiness import PACE_MAX
from calculators.units import METERS_PER_KM, METERS_PER_MILE, PaceUnit, distance_in
from calculators.vdot import TrainingPaces
from calculators.week_prefs import VolumeUnit
from calculators.week_rules import HARD_RUNS

__all__ = [
    "EASY_PACED",
    "KM_PER_UNIT",
    "VOLUME_SHARE",
    "apportioned",
    "capped_amount",
    "easy_pace",
    "km_for_minutes",
    "minutes_for_km",
    "round_to_step",
    "rounding_steps",
    "run_amounts",
    "shown_distance",
]

#: The runs planned at Daniels' E pace, whose minutes and distance must agree with its range.
EASY_PACED = frozenset({"easy", "long"})
#: Share of the week's volume per run type: the long run about 1.6 times an
#: ordinary run (the guide's ~90 min long run beside 50–60 min runs). Stridelab's rule.
VOLUME_SHARE = {"easy": 1.0, "tempo": 1.0, "intervals": 1.0, "long": 1.6}
#: Kilometres in one unit of a distance a runner plans or reads in; a plan stores every distance in km.
KM_PER_UNIT = {"km": 1.0, "mi": METERS_PER_MILE / METERS_PER_KM}
#: Rounding steps, the roundest first: km for a run sized in minutes, minutes for one sized by distance.
_KM_STEPS = (0.5, 0.1)
_MINUTE_STEPS = (5.0, 1.0)
#: A shown distance is to a tenth of the reader's unit (:func:`calculators.week_plan.distance_words`).
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
    if minutes is None or easy is None:
        return distance_in(km, unit)
    per_unit = KM_PER_UNIT[unit]
    distance = km / per_unit
    fast, slow = (pace * per_unit for pace in easy)
    seconds = minutes * 60
    return round(_pick(distance, seconds / slow, seconds / fast, (_SHOWN_STEP,), slow_end="low"), 9)


def rounding_steps(unit: VolumeUnit) -> tuple[float, float]:
    """A run's rounding step and least amount in the volume's unit: minutes in fives (at least 10), a distance in
    half units (at least 1)."""
    return (5.0, 10.0) if unit == "min" else (0.5, 1.0)


def round_to_step(value: float, unit: VolumeUnit) -> float:
    """``value`` in ``unit`` rounded to the nearest step, and no less than the least amount (:func:`rounding_steps`).

    >>> round_to_step(47.4, "min"), round_to_step(3.0, "min"), round_to_step(4.3, "km")
    (45.0, 10.0, 4.5)
    """
    step, least = rounding_steps(unit)
    return max(least, round(value / step) * step)


def easy_pace(paces: TrainingPaces | None) -> float | None:
    """The middle of the E range, s/km: the pace an easy run's, and a session's easy part's, minutes and km share."""
    return None if paces is None else sum(paces.easy) / 2


def capped_amount(share: float, most: int, unit: VolumeUnit, paces: TrainingPaces | None) -> float | None:
    """``share`` of the week's volume cut to at most ``most`` minutes, in the volume's ``unit``; None when it is given
    in minutes alone (a volume in km or miles without a VDOT: no pace turns minutes into distance).

    A distance is cut to the half unit below, so its minutes never come to more than ``most``. Without a pace, a
    share that even the slowest easy pace the site accepts runs within ``most`` is surely short enough, and kept.
    """
    if unit == "min":
        return min(share, most)
    pace = easy_pace(paces)
    if pace is None:
        return share if share * KM_PER_UNIT[unit] * PACE_MAX <= most * 60 else None
    reach = most * 60 / pace / KM_PER_UNIT[unit]
    return share if share <= reach else max(1.0, math.floor(reach * 2) / 2)


def run_amounts(
    run: str, amount: float, unit: VolumeUnit, paces: TrainingPaces | None
) -> tuple[int | None, float | None]:
    """An easy, long or cross run's minutes and km from its ``amount`` in the volume's ``unit``, already rounded to
    its step; a session with a fast part has its own (:func:`calculators.planner_fast_parts.session_amounts`)."""
    pace = easy_pace(paces)
    # An easy or long run's other amount keeps to the E range (above).
    easy = paces.easy if paces is not None and run in EASY_PACED else None
    if unit == "min":
        minutes = int(amount)
        if pace is None:
            return minutes, None
        return minutes, (round_to_step(minutes * 60 / pace, "km") if easy is None else km_for_minutes(minutes, easy))
    # Rounded to half a unit in the runner's own unit; stored in km, as every distance in a plan is.
    km = amount * KM_PER_UNIT[unit]
    if pace is None:
        return None, km
    return (int(round_to_step(km * pace / 60, "min")) if easy is None else minutes_for_km(km, easy)), km


def apportioned(shares: Mapping[int, float], runs: Sequence[str], unit: VolumeUnit) -> dict[int, float]:
    """Each day's share of the week rounded to the unit's step so that together they come to the week rounded to
    that step: rounded each on its own, 60 minutes over a 1 : 1 : 1.6 week were 15 + 15 + 25 = 55 min, and the
    season showed 60 above them. The steps left after rounding down go to the largest remainders; on a tie, to
    the larger share, then to an easy run before a hard one (a spare five minutes is easy running), then to the
    earlier day. Only the least amount a run is given can make the days come to more.

    >>> runs = ("rest", "tempo", "rest", "intervals", "rest", "long", "rest")
    >>> apportioned({1: 60 / 3.6, 3: 60 / 3.6, 5: 60 * 1.6 / 3.6}, runs, "min")
    {1: 15.0, 3: 15.0, 5: 30.0}
    >>> share = 240 / 4.6  # the guide's four-run week: tempo, easy, intervals, long
    >>> apportioned({0: share, 1: share, 3: share, 5: share * 1.6}, ("tempo", "easy", *runs[2:]), "min")
    {0: 50.0, 1: 55.0, 3: 50.0, 5: 85.0}
    """
    step, least = rounding_steps(unit)
    units = {i: share / step for i, share in shares.items()}
    whole = {i: math.floor(u + 1e-9) for i, u in units.items()}
    left = round(sum(units.values())) - sum(whole.values())
    order = sorted(units, key=lambda i: (round(whole[i] - units[i], 9), -round(units[i], 9), runs[i] in HARD_RUNS, i))
    for i in order[: max(0, left)]:
        whole[i] += 1
    return {i: max(least, n * step) for i, n in whole.items()}

"""How long a planned long run is: Stridelab's 1.6 ordinary runs, Daniels' limits on one long run, and a marathon or
half-marathon build's long run grown to those limits.

The planner sizes a long run as 1.6 times an ordinary run's share of the week (:data:`VOLUME_SHARE`, Stridelab's
rule, from the strength guide's ~90 min long run beside 50–60 min runs). Daniels limits one long (L) run (Daniels'
Running Formula, 3rd ed., 2014, chapter 4): at most 30 % of the week's mileage for a runner totalling fewer than 40
miles (64 km) a week; from 40 miles a week, the lesser of 25 % of it and 150 minutes; and the longest steady run 150
minutes (2.5 hours), "even if preparing for a marathon". The book was not at hand when this was written, as for the
M-pace limits (:mod:`calculators.planner_sessions`): the limits are quoted with the book's pages in the tannerchung/z2tc
project's formula reference (docs/architecture/formula-reference.md), agree with a reader's notes on the 3rd edition's
chapter 4 (run.wxm.be/books/jack-daniels-running-formula.html: "If running <64km: max 30% of distance. If running
more, maximum the min(25%, 150 minutes)"), and the 150 minutes with Daniels' own Run SMART Project (2011: long runs
"for no more than 2.5 hours").

Daniels gives the 30 % to a runner totalling fewer than 40 miles a week and does not say which week counts when a
plan climbs past it. Taken week by week, the limit falls at the boundary (30 % of 63 km is 18.9 km, 25 % of 64 km is
16 km), and a build week just under 64 km would get a longer long run than the bigger weeks after it. Stridelab's rule:
the runner's total is the plan's peak week (:attr:`~calculators.week_prefs.WeekPrefs.target_volume`), so a plan that
reaches 64 km takes 25 % in every week and one that stays under it 30 %. Either way the limit only rises with the
week's volume, and it is never more than Daniels' for that week.

What the planner does with them (:func:`long_run_amount`): in a marathon or half-marathon plan's build and peak
weeks (:data:`GROWING_PHASES`), where the 1.6 share is less than Daniels' limit, the long run grows to that limit
(rounded down to the plan's step, so never past it, as is a 1.6 share within the limit but past that step) and the
other runs share what is left: with six runs a week, or five in a plan whose peak week is under 64 km. A plan by
distance without a VDOT does not grow it, as no pace tells whether the longer run stays within 150 minutes; its limit
is the share alone (:attr:`LongRunLimit.timed`). Nothing is cut to the limits: with five runs or fewer the 1.6 share
is a larger share of the week than Daniels' (a third of it with four runs), the guide's own proportions, and in a very
big week of few runs every run passes 150 minutes, the long run least of all if it were cut; the page says which limit
a long run passes and what would bring it within (``calculators.ui.planner_long_run``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import NamedTuple

from calculators.planner_amounts import KM_PER_UNIT, easy_pace, rounding_steps
from calculators.vdot import MARATHON_M, TrainingPaces
from calculators.week_prefs import VolumeUnit

__all__ = [
    "GROWING_PHASES",
    "GROWS_FROM_M",
    "LONG_MINUTES_MOST",
    "LONG_SHARE",
    "LONG_SHARE_LOW",
    "LOW_MILEAGE_KM",
    "LongRunLimit",
    "daniels_share",
    "grows",
    "long_run_amount",
    "long_run_limit",
    "long_run_share",
    "week_km",
]

#: Daniels' share of the week's mileage for one long run: below :data:`LOW_MILEAGE_KM` a week, and from it.
LONG_SHARE_LOW = 0.30
LONG_SHARE = 0.25
#: Daniels' 40 miles a week in km, as the readers' notes on the book give it (40 miles is 64.4 km).
LOW_MILEAGE_KM = 64.0
#: Daniels' longest steady run, in minutes, "even if preparing for a marathon".
LONG_MINUTES_MOST = 150
#: The phases whose long run grows to Daniels' limit in a plan for a long race: the build and peak weeks, where the
#: marathon's long run also ends at M pace (calculators.week.MARATHON_PHASES). Base weeks build the volume first.
GROWING_PHASES = frozenset({"build", "peak"})
#: The shortest race whose plan grows the long run: the half marathon, whose runners, like marathoners, build their
#: long runs towards the race; a 10 km plan keeps the guide's proportions. Stridelab's rule.
GROWS_FROM_M = MARATHON_M / 2


def week_km(volume: float, unit: VolumeUnit, paces: TrainingPaces | None) -> float | None:
    """The week's distance, km, that Daniels' share is taken of: the volume itself by distance, minutes at the middle of
    the E range with a VDOT; None for minutes without one (no distance to know)."""
    if unit != "min":
        return volume * KM_PER_UNIT[unit]
    pace = easy_pace(paces)
    return None if pace is None else volume * 60 / pace


def daniels_share(peak_km: float | None) -> float:
    """Daniels' share of the week for one long run in a plan whose peak week is ``peak_km`` (Stridelab's rule: the
    module docstring); without a distance, the stricter one (as the session limits err short,
    :mod:`calculators.planner_fast_parts`).

    >>> daniels_share(50.0), daniels_share(64.0), daniels_share(None)
    (0.3, 0.25, 0.25)
    """
    return LONG_SHARE_LOW if peak_km is not None and peak_km < LOW_MILEAGE_KM else LONG_SHARE


def grows(race_distance_m: float | None, phase: str) -> bool:
    """Whether a week's long run grows to Daniels' limit: a build or peak week of a plan for a half marathon or more."""
    return race_distance_m is not None and race_distance_m >= GROWS_FROM_M and phase in GROWING_PHASES


class LongRunLimit(NamedTuple):
    """Daniels' limit on one long run in a week, as the planner applies it."""

    #: The limit in the week's volume unit, down to the plan's step (five minutes, half a km or mile), so a rounded
    #: week keeps within it.
    amount: float
    #: The share of the week it allows: :data:`LONG_SHARE_LOW` or :data:`LONG_SHARE`, by the plan's peak week.
    share: float
    #: Whether the 150 minutes are in it: False for a distance without a pace to time it, the share alone.
    timed: bool


def long_run_limit(volume: float, unit: VolumeUnit, paces: TrainingPaces | None, *, peak: float) -> LongRunLimit:
    """Daniels' limit on one long run in a week of ``volume``, in its ``unit``, in a plan whose peak week is ``peak``
    (the same unit).

    >>> long_run_limit(300.0, "min", None, peak=300.0)  # no distance in minutes without a VDOT: 25 %
    LongRunLimit(amount=75.0, share=0.25, timed=True)
    >>> long_run_limit(1000.0, "min", None, peak=1000.0).amount  # 25 % would be 250 min
    150.0
    >>> long_run_limit(60.0, "km", None, peak=60.0), long_run_limit(60.0, "km", None, peak=70.0)
    (LongRunLimit(amount=18.0, share=0.3, timed=False), LongRunLimit(amount=15.0, share=0.25, timed=False))
    """
    exact, share, timed = _exact_limit(volume, unit, paces, peak)
    return LongRunLimit(_step_down(exact, unit), share, timed)


def _exact_limit(
    volume: float, unit: VolumeUnit, paces: TrainingPaces | None, peak: float
) -> tuple[float, float, bool]:
    """:func:`long_run_limit`'s amount before it is rounded down to the plan's step, its share, and whether it is
    timed."""
    share = daniels_share(week_km(peak, unit, paces))
    most = share * volume
    if unit == "min":
        return min(most, LONG_MINUTES_MOST), share, True
    if (pace := easy_pace(paces)) is not None:
        return min(most, LONG_MINUTES_MOST * 60 / pace / KM_PER_UNIT[unit]), share, True
    return most, share, False


def _step_down(amount: float, unit: VolumeUnit) -> float:
    step = rounding_steps(unit)[0]
    return math.floor(amount / step + 1e-9) * step


def long_run_amount(
    share: float, volume: float, unit: VolumeUnit, paces: TrainingPaces | None, *, grow: bool, peak: float
) -> float:
    """A long run's amount in the volume's ``unit`` from its 1.6 ``share`` of a week of ``volume``: when ``grow``
    (:func:`grows`) and the plan can time it, Daniels' limit (:func:`long_run_limit`, in a plan peaking at ``peak``) if
    the share is within it (the module docstring). A share past the limit's step but within the limit itself is
    trimmed to the step too: left to the week's rounding, it could round up past the limit.

    >>> long_run_amount(60.0, 300.0, "min", None, grow=True, peak=300.0)  # 300 min over 6 runs: 20 % grows to 25 %
    75.0
    >>> long_run_amount(76.0, 306.0, "min", None, grow=True, peak=306.0)  # 25 % is 76.5: five minutes down
    75.0
    >>> long_run_amount(60.0, 300.0, "min", None, grow=False, peak=300.0)
    60.0
    >>> long_run_amount(12.0, 60.0, "km", None, grow=True, peak=60.0)  # no pace: 18 km might pass 150 minutes
    12.0
    >>> long_run_amount(200.0, 1000.0, "min", None, grow=True, peak=1000.0)  # past 150 min already: not cut
    200.0
    """
    exact, _, timed = _exact_limit(volume, unit, paces, peak)
    return _step_down(exact, unit) if grow and timed and share <= exact + 1e-9 else share


def long_run_share(shares: Mapping[int, float], long_day: int, amount: float) -> dict[int, float]:
    """``shares`` of the week with ``long_day``'s set to ``amount``; the other days share the rest as they shared
    the week, so the week's volume stays what it was. With no other day to take the rest, ``shares`` as they are.

    >>> long_run_share({0: 60.0, 2: 60.0, 5: 96.0}, 5, 108.0)
    {0: 54.0, 2: 54.0, 5: 108.0}
    """
    others = sum(value for day, value in shares.items() if day != long_day)
    if others <= 0 or amount == shares[long_day]:
        return dict(shares)
    rest = others + shares[long_day] - amount
    return {day: amount if day == long_day else value * rest / others for day, value in shares.items()}

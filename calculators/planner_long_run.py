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

What the planner does with them (:func:`long_run_amount`): in a marathon or half-marathon plan's build and peak
weeks (:data:`GROWING_PHASES`), where the 1.6 share is less than Daniels' limit, the long run grows to that limit
(rounded down to the plan's step, so never past it) and the other runs share what is left: with six runs a week, or
five in a week under 64 km. A plan by distance without a VDOT does not grow it, as no pace tells whether the longer
run stays within 150 minutes. Nothing is cut to the limits: with five runs or fewer the 1.6 share is a larger share of
the week than Daniels' (a third of it with four runs), the guide's own proportions, and in a very big week of few runs
every run passes 150 minutes, the long run least of all if it were cut; the page says which limit a long run passes
and what would bring it within (``calculators.ui.planner_long_run``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping

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
    "daniels_most",
    "daniels_share",
    "grows",
    "long_run_amount",
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


def daniels_share(km: float | None) -> float:
    """Daniels' share of a week of ``km`` for one long run; without a distance, the stricter one (as the session limits
    err short, :mod:`calculators.planner_fast_parts`).

    >>> daniels_share(50.0), daniels_share(64.0), daniels_share(None)
    (0.3, 0.25, 0.25)
    """
    return LONG_SHARE_LOW if km is not None and km < LOW_MILEAGE_KM else LONG_SHARE


def grows(race_distance_m: float | None, phase: str) -> bool:
    """Whether a week's long run grows to Daniels' limit: a build or peak week of a plan for a half marathon or more."""
    return race_distance_m is not None and race_distance_m >= GROWS_FROM_M and phase in GROWING_PHASES


def long_run_amount(share: float, volume: float, unit: VolumeUnit, paces: TrainingPaces | None, *, grow: bool) -> float:
    """A long run's amount in the volume's ``unit`` from its 1.6 ``share`` of a week of ``volume``: grown to Daniels'
    limit when ``grow`` (:func:`grows`) and the plan can time it, if that is more (the module docstring).

    >>> long_run_amount(60.0, 300.0, "min", None, grow=True)  # 300 min over 6 runs: 20 % grows to 25 %
    75.0
    >>> long_run_amount(60.0, 300.0, "min", None, grow=False), long_run_amount(60.0, 300.0, "km", None, grow=True)
    (60.0, 60.0)
    >>> long_run_amount(200.0, 1000.0, "min", None, grow=True)  # 25 % would be 250 min: 150 at most
    200.0
    """
    most = daniels_most(volume, unit, paces)
    return most if grow and most is not None and most > share else share


def daniels_most(volume: float, unit: VolumeUnit, paces: TrainingPaces | None) -> float | None:
    """Daniels' limit on one long run in a week of ``volume``, in its ``unit``, down to the plan's step (five minutes,
    half a km or mile) so a rounded week keeps within it; None for a distance without a pace to time it.

    >>> daniels_most(300.0, "min", None), daniels_most(1000.0, "min", None), daniels_most(40.0, "km", None)
    (75.0, 150.0, None)
    """
    if unit == "min":
        reach = float(LONG_MINUTES_MOST)
    elif (pace := easy_pace(paces)) is not None:
        reach = LONG_MINUTES_MOST * 60 / pace / KM_PER_UNIT[unit]
    else:
        return None
    step = rounding_steps(unit)[0]
    return math.floor(min(daniels_share(week_km(volume, unit, paces)) * volume, reach) / step + 1e-9) * step


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

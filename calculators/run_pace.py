"""How fast and how slow a run can go: one pace rule for runs logged by hand and runs imported from files.

A run's distance and duration give its average pace; a pace no runner has held
(500 km in 45:00), or one too slow for any run (10 km in 30 hours), is a typing or
recording error, and its load (RPE × minutes) would swamp the readiness verdict.
The bounds come from running world records, so the fastest runner alive is still
accepted; the slow bound leaves room for walking breaks on steep trails.
"""

from __future__ import annotations

import math

from calculators.errors import InputError
from calculators.units import (
    METERS_PER_KM,
    Meters,
    PaceUnit,
    Seconds,
    SecondsPerKm,
    format_duration,
    meters_from,
)

__all__ = [
    "MARATHON_M",
    "PACE_FASTEST",
    "PACE_FASTEST_SHORT",
    "PACE_SLOWEST",
    "RIEGEL_EXPONENT",
    "RUN_SECONDS_MAX",
    "RUN_SECONDS_MIN",
    "SHORT_RUN_M",
    "check_run_pace",
    "describe_pace",
    "fastest_duration",
    "plausible",
    "slowest_duration",
]

#: Under 5 km: 1:45 /km. The 400 m world record, 43.03 s (Wayde van Niekerk, 2016), averages
#: 1:47.6 /km, and every record over a longer distance is slower per km (800 m 1:40.91, David
#: Rudisha 2012: 2:06.1 /km); shorter sprints last under the one minute a logged run lasts at least.
PACE_FASTEST_SHORT: SecondsPerKm = 105.0
SHORT_RUN_M: Meters = 5000.0
#: From 5 km: 2:30 /km. No one has averaged faster over 5 km or more: the 5000 m world record,
#: 12:35.36 (Joshua Cheptegei, 2020), is 2:31.1 /km; the 10,000 m record, 26:11.00 (Cheptegei,
#: 2020), 2:37.1 /km; the marathon record, 2:00:35 (Kelvin Kiptum, 2023), 2:51.5 /km.
PACE_FASTEST: SecondsPerKm = 150.0
MARATHON_M: Meters = 42195.0
#: Beyond the marathon the fastest time grows as Riegel's T2 = T1·(D2/D1)^1.06 (Riegel PS, American
#: Scientist, 1981, as in :func:`calculators.vdot.riegel`, which stops at race distances) from 2:30 /km
#: at 42.195 km: 4:23:17 for 100 km, well under the 100 km world record, 6:05:41 (Aleksandr Sorokin,
#: 2022), and over 50 hours for 1,000 km.
RIEGEL_EXPONENT = 1.06
#: 30:00 /km, 2 km/h: well under an easy walk, so it leaves room for walking breaks and stops on a
#: steep trail; a slower average is not a run.
PACE_SLOWEST: SecondsPerKm = 1800.0
#: A logged run lasts from one minute (shorter is a watch started by mistake) to 48 hours (a 100-mile race
#: can take 30): by hand, from a file, and as stored.
RUN_SECONDS_MIN: Seconds = 60.0
RUN_SECONDS_MAX: Seconds = 48 * 3600.0


def fastest_duration(distance_m: Meters) -> Seconds:
    """The shortest time in which a run of ``distance_m`` is plausible.

    >>> format_duration(fastest_duration(10_000))
    '25:00'
    >>> format_duration(fastest_duration(100_000))
    '4:23:17'
    """
    km = distance_m / METERS_PER_KM
    if distance_m < SHORT_RUN_M:
        return km * PACE_FASTEST_SHORT
    if distance_m <= MARATHON_M:
        return km * PACE_FASTEST
    return MARATHON_M / METERS_PER_KM * PACE_FASTEST * math.pow(distance_m / MARATHON_M, RIEGEL_EXPONENT)


def slowest_duration(distance_m: Meters) -> Seconds:
    """The longest time a run of ``distance_m`` may take: 30:00 /km.

    >>> format_duration(slowest_duration(10_000))
    '5:00:00'
    """
    return distance_m / METERS_PER_KM * PACE_SLOWEST


def plausible(duration_s: Seconds, distance_m: Meters) -> bool:
    """Whether a run of ``distance_m`` in ``duration_s`` has a pace within the bounds above (always, without a
    distance): for runs already stored, which :func:`check_run_pace` did not see when they were logged."""
    if distance_m <= 0:
        return True
    slack = 1e-9 * max(1.0, duration_s)
    return fastest_duration(distance_m) - slack <= duration_s <= slowest_duration(distance_m) + slack


def describe_pace(duration_s: Seconds, distance_m: Meters, unit: PaceUnit = "km") -> str:
    """What is wrong with a run outside the bounds, in the reader's ``unit``.

    >>> describe_pace(300, 10_000)
    '10 km in 5:00 is a pace of 0:30 /km, faster than any runner has gone'
    """
    per_unit = distance_m / meters_from(1, unit)
    pace = f"{format_duration(duration_s / per_unit)} /{unit}"
    too_fast = duration_s < fastest_duration(distance_m)
    why = "faster than any runner has gone" if too_fast else "too slow for a run, even with walking breaks"
    return f"{round(per_unit, 2):g} {unit} in {format_duration(duration_s)} is a pace of {pace}, {why}"


def check_run_pace(
    duration_s: Seconds,
    distance_m: Meters,
    *,
    field: str,
    what: str,
    unit: PaceUnit = "km",
) -> None:
    """Accept a run whose average pace lies within the bounds above; a run without a distance is not checked.

    ``what`` opens the message (e.g. "Check the Duration and the Distance"); ``unit`` is
    the reader's unit for distances and paces. The range of durations shown stays within
    the minute to 48 hours a run lasts.

    Raises:
        InputError: on ``field``, with the run's pace and the durations and paces accepted for its distance.
    """
    if plausible(duration_s, distance_m):
        return
    fastest, slowest = fastest_duration(distance_m), slowest_duration(distance_m)
    slack = 1e-9 * max(1.0, duration_s)  # a bound typed exactly (25:00 for 10 km) is accepted
    per_unit = distance_m / meters_from(1, unit)
    distance = f"{round(per_unit, 2):g} {unit}"
    problem = f"{what}: {describe_pace(duration_s, distance_m, unit)}."
    # Rounded inwards to the second, so that the durations and paces shown are themselves accepted.
    low, high = math.ceil(fastest - slack), math.floor(slowest + slack)
    if low > RUN_SECONDS_MAX:
        raise InputError(
            field,
            f"{problem} A run of {distance} takes at least {format_duration(low)}, "
            f"longer than the {format_duration(RUN_SECONDS_MAX)} a run may last.",
        )
    if high < RUN_SECONDS_MIN:
        raise InputError(
            field,
            f"{problem} A run of {distance} takes at most {format_duration(high)}, "
            f"less than the {format_duration(RUN_SECONDS_MIN)} a run lasts at least.",
        )
    low, high = max(low, math.ceil(RUN_SECONDS_MIN)), min(high, math.floor(RUN_SECONDS_MAX))
    fast = format_duration(math.ceil(max(fastest, RUN_SECONDS_MIN) / per_unit))
    slow = format_duration(math.floor(high / per_unit))
    raise InputError(
        field,
        f"{problem} A run of {distance} takes from {format_duration(low)} to {format_duration(high)}, "
        f"a pace from {fast} to {slow} /{unit}.",
    )

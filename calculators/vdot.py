"""Race performance: Daniels & Gilbert's VDOT, and the Riegel and Cameron predictors.

"VDOT" is Jack Daniels' term (Daniels J, Gilbert J. *Oxygen Power*, 1979;
Daniels J. *Daniels' Running Formula*, 3rd ed., Human Kinetics, 2014). The
numbers here come from the published oxygen-cost and time-fraction equations,
not from the book's tables; tests check them against the tables.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from calculators.errors import InputError
from calculators.units import (
    METERS_PER_KM,
    METERS_PER_MILE,
    Meters,
    PaceUnit,
    Seconds,
    SecondsPerKm,
    duration_words,
    format_duration,
    meters_from,
)

__all__ = [
    "MARATHON_M",
    "RACES",
    "TABLE_VDOT_MAX",
    "TrainingPaces",
    "cameron",
    "check_race_time",
    "race_time",
    "race_time_range",
    "race_words",
    "riegel",
    "training_paces",
    "vdot_from_race",
    "vo2_cost",
    "vo2max_fraction",
]

MARATHON_M: Meters = 42195.0

#: The standard race distances, shortest first: form value, name, metres.
RACES: tuple[tuple[str, str, Meters], ...] = (
    ("1500", "1500 m", 1500.0),
    ("mile", "Mile", METERS_PER_MILE),
    ("3k", "3 km", 3000.0),
    ("2mi", "2 miles", 2 * METERS_PER_MILE),
    ("5k", "5 km", 5000.0),
    ("10k", "10 km", 10000.0),
    ("15k", "15 km", 15000.0),
    ("half", "Half marathon", MARATHON_M / 2),
    ("marathon", "Marathon", MARATHON_M),
)

#: VDOT values the site accepts. Daniels' tables span 30–85; the equations are
#: smooth a little beyond, which keeps slower and faster runners in. Outside
#: this band the model no longer describes running (a walk, or a world record).
VDOT_MIN, VDOT_MAX = 20.0, 90.0
#: The top of Daniels' tables (Daniels' Running Formula), about world-record level: a result above it is
#: accepted, as the equations allow, but read back with a note to check the race, never silently.
TABLE_VDOT_MAX = 85.0
#: Race durations the time-fraction equation was fitted for, roughly 3.5 min to
#: a few hours; a bit of room either side for a mile or a slow marathon.
RACE_SECONDS_MIN, RACE_SECONDS_MAX = 3 * 60.0, 6 * 3600.0
#: Distances the calculator takes: a kilometre up to 50 km.
RACE_METERS_MIN, RACE_METERS_MAX = 1000.0, 50000.0

# Training intensities as fractions of VDOT (i.e. of VO2max, not of velocity),
# chosen so the paces reproduce the 3rd edition's tables within a few s/km
# (the fractions published with tlgs/vdot's table generator).
_EASY_FAST, _EASY_SLOW = 0.7346, 0.6304
_THRESHOLD = 0.8799
_INTERVAL = 0.9743


def race_words(meters: Meters, unit: PaceUnit = "km", *, article: bool = True) -> str:
    """A race distance as a runner says it in a sentence: a standard race by its name, else in ``unit``
    to two decimals. Without ``article``, for "your half marathon", a named race has no "a".

    >>> race_words(MARATHON_M / 2), race_words(5000.0), race_words(12000.0, "mi"), race_words(10550.0)
    ('a half marathon', '5 km', '7.46 miles', '10.55 km')
    >>> race_words(METERS_PER_MILE, "mi", article=False), race_words(1610.0, "mi")
    ('mile', '1 mile')
    """
    for _, name, race in RACES:
        if abs(race - meters) <= 0.5:
            return name if name[0].isdigit() else f"{'a ' if article else ''}{name.lower()}"
    amount = round(meters / meters_from(1, unit), 2)
    return f"{amount:g} {unit if unit == 'km' else 'mile' if amount == 1 else 'miles'}"


def vo2_cost(meters_per_min: float) -> float:
    """Oxygen cost (ml/kg/min) of running at a speed (Daniels & Gilbert, 1979).

    ``VO2 = −4.60 + 0.182258·v + 0.000104·v²``, v in metres per minute.
    """
    v = meters_per_min
    return -4.60 + 0.182258 * v + 0.000104 * v * v


def vo2max_fraction(minutes: float) -> float:
    """Fraction of VO2max a runner sustains for a race lasting ``minutes`` (Daniels & Gilbert, 1979).

    ``F(t) = 0.8 + 0.1894393·e^(−0.012778·t) + 0.2989558·e^(−0.1932605·t)``.
    """
    return 0.8 + 0.1894393 * math.exp(-0.012778 * minutes) + 0.2989558 * math.exp(-0.1932605 * minutes)


def _check_race_distance(distance_m: Meters) -> None:
    if not (math.isfinite(distance_m) and RACE_METERS_MIN <= distance_m <= RACE_METERS_MAX):
        raise InputError(
            "distance",
            f"Race distance must be between {RACE_METERS_MIN / 1000:g} km and {RACE_METERS_MAX / 1000:g} km.",
        )


def _check_race(distance_m: Meters, time_s: Seconds) -> None:
    _check_race_distance(distance_m)
    if not (math.isfinite(time_s) and RACE_SECONDS_MIN <= time_s <= RACE_SECONDS_MAX):
        raise InputError("time", "Race time must be between 3:00 and 6:00:00 for this model.")


def _vdot(distance_m: Meters, time_s: Seconds) -> float:
    minutes = time_s / 60.0
    return vo2_cost(distance_m / minutes) / vo2max_fraction(minutes)


def vdot_from_race(distance_m: Meters, time_s: Seconds) -> float:
    """VDOT for a race of ``distance_m`` metres run in ``time_s`` seconds.

    ``VDOT = VO2(D/t) / F(t)`` (Daniels & Gilbert, 1979).

    Raises:
        InputError: the distance or time is outside the model's range, or the
            result is outside VDOT 20–90 (faster than world records, or slower
            than running).
    """
    _check_race(distance_m, time_s)
    value = _vdot(distance_m, time_s)
    if value > VDOT_MAX:
        raise InputError(
            "time",
            f"That time is faster than this model allows (above VDOT {VDOT_MAX:g}, beyond world-record level). "
            "Check the distance and the time.",
        )
    if value < VDOT_MIN:
        raise InputError(
            "time",
            f"That time is slower than this model covers (VDOT {VDOT_MIN:g}); it describes running, not walking.",
        )
    return value


def _check_vdot(vdot: float) -> None:
    if not (math.isfinite(vdot) and VDOT_MIN <= vdot <= VDOT_MAX):
        raise InputError("vdot", f"VDOT must be between {VDOT_MIN:g} and {VDOT_MAX:g}.")


def race_time(vdot: float, distance_m: Meters) -> Seconds:
    """Predicted race time (s) over ``distance_m`` for a runner of ``vdot``.

    Solves ``VO2(D/t) / F(t) = VDOT`` for t. The left side falls as t grows
    over the whole accepted range, so bisection on a wide bracket converges to
    well under a millisecond.
    """
    _check_vdot(vdot)
    if not (math.isfinite(distance_m) and 0 < distance_m <= RACE_METERS_MAX):
        raise InputError("distance", f"Distance must be more than 0 and at most {RACE_METERS_MAX / 1000:g} km.")
    low, high = 1.0, 24 * 3600.0  # seconds; 1 s is always too fast, a day always too slow
    for _ in range(80):
        mid = (low + high) / 2
        if _vdot(distance_m, mid) > vdot:
            low = mid
        else:
            high = mid
    return (low + high) / 2


def race_time_range(distance_m: Meters) -> tuple[Seconds, Seconds]:
    """Fastest and slowest finish times (s) :func:`vdot_from_race` accepts over ``distance_m``.

    The VDOT 90 time (at least 3:00) to the VDOT 20 time (at most 6:00:00),
    rounded inwards to the second, so that both ends are themselves accepted.

    Raises:
        InputError: the distance is outside 1–50 km.
    """
    _check_race_distance(distance_m)
    fast = math.ceil(max(RACE_SECONDS_MIN, race_time(VDOT_MAX, distance_m)))
    slow = math.floor(min(RACE_SECONDS_MAX, race_time(VDOT_MIN, distance_m)))
    # The bisection lands within a hair of the root; step inwards should it land just outside.
    if _vdot(distance_m, fast) > VDOT_MAX:
        fast += 1
    if _vdot(distance_m, slow) < VDOT_MIN:
        slow -= 1
    return float(fast), float(slow)


def check_race_time(time_s: Seconds, distance_m: Meters, *, field: str, distance: str) -> None:
    """Refuse a finish time outside :func:`race_time_range`, giving that range; ``distance`` names the race in
    the reader's words ("5 km", "a marathon").

    Raises:
        InputError: on ``field``, or on ``distance`` for a distance outside 1–50 km.
    """
    fast, slow = race_time_range(distance_m)
    if fast <= time_s <= slow:
        return
    problem = "faster than this model allows" if time_s < fast else "slower than this model covers"
    why = f"VDOT {VDOT_MAX:g} to {VDOT_MIN:g}, the range the Daniels–Gilbert formulas cover"
    if fast <= RACE_SECONDS_MIN:
        why += f", and at least {format_duration(RACE_SECONDS_MIN)}, the shortest race this calculator takes"
    if slow >= RACE_SECONDS_MAX:
        why += f", and at most {format_duration(RACE_SECONDS_MAX)}, the longest race this calculator takes"
    message = (
        f"That finish time is {problem} for {distance}. "
        f"Enter a finish time between {format_duration(fast)} and {format_duration(slow)} ({why})."
    )
    if time_s < fast and fast <= time_s * 60 <= slow:
        # Hours and minutes typed as minutes and seconds ("1:30"), or minutes as seconds ("0:45").
        meant = time_s * 60
        message += (
            f" Times read as mm:ss or h:mm:ss, so this one is {duration_words(time_s)}; "
            f"for {duration_words(meant)}, type {format_duration(meant)}."
        )
    raise InputError(field, message)


@dataclass(frozen=True, kw_only=True, slots=True)
class TrainingPaces:
    """Daniels' training paces, all in seconds per kilometre.

    ``easy`` is a range ``(fast, slow)``.
    """

    easy: tuple[SecondsPerKm, SecondsPerKm]
    marathon: SecondsPerKm
    threshold: SecondsPerKm
    interval: SecondsPerKm
    repetition: SecondsPerKm


def _pace_at_fraction(vdot: float, fraction: float) -> SecondsPerKm:
    """Pace at which the oxygen cost equals ``fraction`` of VO2max: the root of the cost quadratic."""
    a, b, c = 0.000104, 0.182258, -4.60 - fraction * vdot
    meters_per_min = (-b + math.sqrt(b * b - 4 * a * c)) / (2 * a)
    return 60.0 * METERS_PER_KM / meters_per_min


def training_paces(vdot: float) -> TrainingPaces:
    """Training paces for a VDOT (Daniels' Running Formula, 3rd ed., 2014).

    E, T and I come from fractions of VO2max; M is the predicted marathon pace;
    R is I less 20 s/km below VDOT 50 and I less 15 s/km from VDOT 50, which
    reproduces the book's R column.
    """
    _check_vdot(vdot)
    interval = _pace_at_fraction(vdot, _INTERVAL)
    return TrainingPaces(
        easy=(_pace_at_fraction(vdot, _EASY_FAST), _pace_at_fraction(vdot, _EASY_SLOW)),
        marathon=race_time(vdot, MARATHON_M) / (MARATHON_M / METERS_PER_KM),
        threshold=_pace_at_fraction(vdot, _THRESHOLD),
        interval=interval,
        repetition=interval - (20.0 if vdot < 50 else 15.0),
    )


def _check_prediction(time_s: Seconds, from_m: Meters, to_m: Meters) -> None:
    _check_race(from_m, time_s)
    if not (math.isfinite(to_m) and 0 < to_m <= RACE_METERS_MAX):
        raise InputError("distance", f"Target distance must be more than 0 and at most {RACE_METERS_MAX / 1000:g} km.")


def riegel(time_s: Seconds, from_m: Meters, to_m: Meters) -> Seconds:
    """Riegel's prediction ``T2 = T1·(D2/D1)^1.06`` (Riegel PS, American Scientist, 1981).

    Fitted for efforts of roughly 3.5 minutes to 4 hours.
    """
    _check_prediction(time_s, from_m, to_m)
    return time_s * math.pow(to_m / from_m, 1.06)


def _cameron_factor(meters: Meters) -> float:
    # Dave Cameron's curve; it crosses zero near 445 km, far beyond the 50 km cap.
    return 13.49681 - 0.000030363 * meters + 835.7114 / math.pow(meters, 0.7905)


def cameron(time_s: Seconds, from_m: Meters, to_m: Meters) -> Seconds:
    """Cameron's prediction ``T2 = T1·(D2/D1)·f(D1)/f(D2)`` (Dave Cameron's race-time model).

    ``f(x) = 13.49681 − 0.000030363·x + 835.7114/x^0.7905``, x in metres.
    """
    _check_prediction(time_s, from_m, to_m)
    return time_s * (to_m / from_m) * _cameron_factor(from_m) / _cameron_factor(to_m)

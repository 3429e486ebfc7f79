"""Sizing the verdict's run: the easy run a green, amber or red verdict makes of the planned one, in minutes or, for
a plan by distance alone, in distance, with its E pace and heart-rate cap, and the words every page says it in.

The numbers are Stridelab's house rules (TRAINING-RULES.md, "Tomorrow's easy run"); the E band and its HR cap are
Daniels' (*Daniels' Running Formula*: E running at 65–79 % of HR max).

**One unit a screen** (Stridelab's rule): every distance said about a planned day is in the reader's unit, the
profile's km or miles (else the browser's region: :meth:`calculators.ui.calculator.Context.reader_profile`), whatever
unit the plan was made in. A plan stores its distances in km, whatever its unit, and the calendar's cards, Today and
the calendar export name its days in the reader's unit; so the verdict's run (:func:`easy_run`), the calendar's offers
about the day (:mod:`calculators.reschedule`) and the comeback rule's cut (:mod:`calculators.reschedule_comeback`)
say it in that unit too, and a plan made in miles never reads "up to 2 mi" beside "3.2 km" on one screen. The
plan's own unit is the planner's, where the plan is made and its weekly volume typed. Words a plan keeps once an
offer is accepted (a day's reason) name no distance: they outlast a change of units, and the day's card gives the
distance beside them; the calendar's record of an accepted change quotes the offer as it was accepted.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal, TypeAlias

from calculators.planner_sessions import TALK_TEST
from calculators.readiness_plan import ACCEPTED, CAPPED, PLAN_WEEK, SWAPPED
from calculators.units import PaceUnit, distance_in

__all__ = [
    "AMBER_MINUTES_MIN",
    "AMBER_SHARE",
    "HR_CAP_AMBER",
    "HR_CAP_EASY",
    "RED_ALTERNATIVE_MINUTES",
    "EasyRun",
    "Level",
    "amber_km",
    "amber_minutes",
    "easy_run",
    "km_range_words",
    "red_minutes",
    "red_run_words",
]

Level: TypeAlias = Literal["green", "amber", "red"]

#: HR caps as shares of HR max: the top of Daniels' E band (65–79 %), and lower on an amber day (house rule).
#: A cap is an upper limit, so it is rounded down to the whole beat: never above its percentage.
HR_CAP_EASY, HR_CAP_AMBER = 0.79, 0.75
#: Amber days run 60–70 % of the planned minutes, never under 20 (house rule), nor over the run it replaces
#: (Stridelab's rule: the floor keeps a cut run worth going out for, and an easy day already that short stays as
#: planned, never lengthened). A run the plan sizes by distance alone (km or miles, no VDOT to time it) is cut by
#: the same share of its distance (:func:`amber_km`), in the reader's unit: without a pace the floor cannot be said
#: in distance, and a share of a distance is never over it.
AMBER_SHARE, AMBER_MINUTES_MIN = (0.60, 0.70), 20
#: Red days: rest, or 20–30 min very easy or cross-training (house rule), never over the run it replaces (Stridelab's
#: rule, as for amber: a 15-minute easy day offers 15 min, never 20–30; :func:`red_minutes`). A run the plan sizes by
#: distance alone is offered up to that distance, in the reader's unit, and still no more than 30 min: without a pace
#: the minutes cannot be said in distance, so both limits are named (:func:`red_run_words`).
RED_ALTERNATIVE_MINUTES = (20, 30)


@dataclass(frozen=True, kw_only=True, slots=True)
class EasyRun:
    """The next easy run: minutes, an E-pace range (s/km, fast → slow) and an HR cap, or rest.

    On a red day ``rest`` is True and ``minutes_range`` is the very easy
    alternative (20–30 min, or cross-training, never over the run it replaces), or, for a run planned by distance
    alone, ``km_range`` its most: the planned distance (:func:`red_run_words`).
    """

    rest: bool
    minutes: int | None
    minutes_range: tuple[int, int] | None
    pace_s_per_km: tuple[float, float] | None
    hr_cap: int | None
    summary: str
    #: The distance, low and high, of a run the plan sizes by distance alone (``minutes`` and ``minutes_range`` are
    #: then None): the plan gives it no minutes to cut.
    km_range: tuple[float, float] | None = None


def amber_minutes(planned: float) -> tuple[int, int]:
    """The minutes an amber morning leaves of a run of ``planned`` minutes: 60–70 % of them, never under 20 (house
    rule, TRAINING-RULES.md "Tomorrow's easy run") nor over ``planned`` (Stridelab's rule: an easy run already under 20
    min stays as planned). The comeback rule cuts the first long run back by the same share
    (:mod:`calculators.reschedule_comeback`).

    >>> amber_minutes(120)
    (72, 84)
    >>> amber_minutes(25)
    (20, 20)
    >>> amber_minutes(15)
    (15, 15)
    """
    low, high = (min(round(planned), max(AMBER_MINUTES_MIN, round(share * planned))) for share in AMBER_SHARE)
    return low, high


def amber_km(km: float) -> tuple[float, float]:
    """The distance an amber morning leaves of a run planned by distance alone, low and high: the same 60–70 % of it
    as :func:`amber_minutes` leaves of planned minutes. Without minutes or a pace the 20-minute floor cannot be said in
    distance, so the share alone sets it, never over the run. The comeback rule cuts a first long run back by distance
    so too (:mod:`calculators.reschedule_comeback`).

    >>> [round(k, 2) for k in amber_km(10.0)]
    [6.0, 7.0]
    """
    return AMBER_SHARE[0] * km, AMBER_SHARE[1] * km


def red_minutes(planned: float) -> tuple[int, int]:
    """The minutes of a red day's very easy alternative in place of a run of ``planned`` minutes: 20–30 min (house
    rule, TRAINING-RULES.md "Tomorrow's easy run"), never over ``planned`` (Stridelab's rule, as :func:`amber_minutes`
    has it: a red day never lengthens the run it replaces).

    >>> red_minutes(50), red_minutes(25), red_minutes(15)
    ((20, 30), (20, 25), (15, 15))
    """
    low, high = (min(round(planned), limit) for limit in RED_ALTERNATIVE_MINUTES)
    return low, high


def red_run_words(minutes_range: tuple[int, int] | None, km: float | None, unit: PaceUnit) -> str:
    """A red day's very easy alternative as Today, the readiness page, the calendar's card and its offers say it: its
    minutes (:func:`red_minutes`), or, for a run the plan sizes by distance alone, up to that ``km`` in the reader's
    ``unit`` and the house rule's 30 min at most, as no pace turns the one into the other.

    >>> red_run_words((20, 30), None, "km"), red_run_words((15, 15), None, "km")
    ('20–30 min', '15 min')
    >>> red_run_words(None, 1.5 * 1.609344, "mi")
    'up to 1.5 mi (30 min at most)'
    """
    if km is not None:
        return f"up to {distance_in(km, unit):g} {unit} ({RED_ALTERNATIVE_MINUTES[1]} min at most)"
    low, high = minutes_range or RED_ALTERNATIVE_MINUTES
    return f"{low} min" if low == high else f"{low}–{high} min"


def km_range_words(km_range: tuple[float, float], unit: PaceUnit) -> str:
    """A run cut by distance (:func:`amber_km`), low and high, in the reader's ``unit`` to a tenth, as Today, the
    readiness page, the calendar's card and the comeback rule say it.

    >>> km_range_words(amber_km(3 * 1.609344), "mi"), km_range_words(amber_km(2.414016), "mi")
    ('about 1.8–2.1 mi', 'about 0.9–1.1 mi')
    """
    low, high = (distance_in(k, unit) for k in km_range)
    return f"about {low:g} {unit}" if low == high else f"about {low:g}–{high:g} {unit}"


def easy_run(
    level: Level,
    planned: int,
    basis: str | None,
    pace: tuple[float, float] | None,
    hr_max: float | None,
    *,
    usual: bool = False,
    km: float | None = None,
    unit: PaceUnit = "km",
) -> EasyRun:
    """The easy run a ``level`` verdict makes of ``planned`` minutes at the E ``pace`` range (shorter and in its slow
    half on amber; rest or 20–30 min very easy on red, never over the run it replaces). ``basis`` says where ``planned``
    comes from: None for the day's own easy run in the plan, else why the plan gives no minutes (the default is then
    named, never called "as planned") or that a swap brings it, or :data:`calculators.readiness_plan.ACCEPTED`: the
    reader accepted this run on the training calendar, and ``planned`` is what it was cut from
    (:attr:`calculators.readiness_plan.PlannedDay.cut_from`); with ``usual``, ``planned`` is the reader's own usual easy
    run (:func:`calculators.readiness_plan.usual_easy_minutes`), not the default. The calendar's offers plan the same
    run (:mod:`calculators.reschedule`).

    On red, ``planned`` (or ``km``) is the run the very easy alternative replaces, which it is never over
    (:func:`red_minutes`).

    ``km``: the run is planned by distance alone, and ``km`` (with ``basis`` as above) is what the verdict sizes it by,
    in the reader's ``unit``; ``planned`` is then unused."""
    if km is not None and level != "red":
        return _easy_by_distance(level, km, basis, pace, hr_max, unit)
    if level == "green":
        cap = math.floor(HR_CAP_EASY * hr_max) if hr_max else None
        usual_run = "about your usual easy run" if usual else "Stridelab's usual easy run"
        where = "as planned" if basis is None else f"({basis}: {usual_run})"
        return EasyRun(
            rest=False,
            minutes=planned,
            minutes_range=(planned, planned),
            pace_s_per_km=pace,
            hr_cap=cap,
            # Without a VDOT there is no E pace to run at: the talk test says how easy (planner_sessions).
            summary=f"Easy {planned} min {where}, " + ("at E pace." if pace else f"easy enough that {TALK_TEST}."),
        )
    slow_half = (sum(pace) / 2, pace[1]) if pace else None
    cap = math.floor(HR_CAP_AMBER * hr_max) if hr_max else None
    if level == "amber":
        low, high = amber_minutes(planned)
        minutes = min(planned, max(AMBER_MINUTES_MIN, round(sum(AMBER_SHARE) / 2 * planned)))
        whose = "your" if usual else "Stridelab's"
        # What the run is cut from, and the same run when it is too short to cut (20 min or under): never "shorter".
        whence, kept = {
            None: (f"instead of the planned {planned} min", "as planned"),
            SWAPPED: (f"your next easy day's {planned} min, cut back", f"your next easy day's {planned} min"),
            CAPPED: (
                f"cut back from the {planned} min of the session it replaces",
                f"the {planned} min of the session it replaces",
            ),
            PLAN_WEEK: (
                f"cut back from your plan's usual {planned} min (no easy day is left this week to swap with)",
                f"your plan's usual {planned} min (no easy day is left this week to swap with)",
            ),
            # the plan holds this run already, cut: its own minutes are not what was cut
            ACCEPTED: ("as you accepted it on the training calendar",) * 2,
        }.get(basis, (f"cut back from {whose} usual {planned} min ({basis})", f"{whose} usual {planned} min ({basis})"))
        span = f"{low} min" if low == high else f"{low}–{high} min"
        how = " in the slow half of your E range" if pace else ", slower than your usual easy runs"
        if low == planned and basis != ACCEPTED:  # the 20-minute floor meets the run itself: nothing to cut
            summary = (
                f"Slower, not shorter: {span}{how}, {kept}: an amber day cuts no run below {AMBER_MINUTES_MIN} min."
            )
        else:
            summary = f"Shorter and slower: {span}{how}, {whence}."
        return EasyRun(
            rest=False,
            minutes=minutes,
            minutes_range=(low, high),
            pace_s_per_km=slow_half,
            hr_cap=cap,
            summary=summary,
        )
    if km is not None:  # planned by distance alone: up to that distance, and 30 min at most
        planned_km = f"{distance_in(km, unit):g} {unit}"
        return EasyRun(
            rest=True,
            minutes=None,
            minutes_range=None,
            km_range=(km, km),
            pace_s_per_km=slow_half,
            hr_cap=cap,
            summary=f"Rest, or very easy running or cross-training: up to the {planned_km} planned, "
            f"{RED_ALTERNATIVE_MINUTES[1]} min at most.",
        )
    low, high = red_minutes(planned)
    # A run planned shorter than the house rule's 30 min is the most the alternative may be: said, so 15 min reads
    # as the rule applied, not a slip.
    whose = f"your usual {planned} min" if usual else f"the {planned} min planned"
    shorter = f", no longer than {whose}" if high < RED_ALTERNATIVE_MINUTES[1] else ""
    return EasyRun(
        rest=True,
        minutes=None,
        minutes_range=(low, high),
        pace_s_per_km=slow_half,
        hr_cap=cap,
        summary=f"Rest, or {red_run_words((low, high), None, unit)} very easy running or cross-training{shorter}.",
    )


def _easy_by_distance(
    level: Level, km: float, basis: str | None, pace: tuple[float, float] | None, hr_max: float | None, unit: PaceUnit
) -> EasyRun:
    """:func:`easy_run` of a run planned by distance alone, green or amber: named in the reader's ``unit`` and, on
    amber, cut from that day's own distance (:func:`amber_km`), never from minutes the plan does not give."""
    planned = f"{distance_in(km, unit):g} {unit}"
    how = "at E pace" if pace else f"easy enough that {TALK_TEST}"
    if level == "green":
        cap = math.floor(HR_CAP_EASY * hr_max) if hr_max else None
        return EasyRun(
            rest=False,
            minutes=None,
            minutes_range=None,
            km_range=(km, km),
            pace_s_per_km=pace,
            hr_cap=cap,
            summary=f"Easy {planned} as planned, {how}.",
        )
    whence = {
        None: f"instead of the planned {planned}",
        SWAPPED: f"your next easy day's {planned}, cut back",
        CAPPED: f"cut back from the {planned} of the session it replaces",
        PLAN_WEEK: f"cut back from your plan's usual {planned} (no easy day is left this week to swap with)",
        ACCEPTED: "as you accepted it on the training calendar",
    }[basis]
    return EasyRun(
        rest=False,
        minutes=None,
        minutes_range=None,
        km_range=amber_km(km),
        pace_s_per_km=(sum(pace) / 2, pace[1]) if pace else None,
        hr_cap=math.floor(HR_CAP_AMBER * hr_max) if hr_max else None,
        summary=f"Shorter and slower: {km_range_words(amber_km(km), unit)}"
        + (" in the slow half of your E range" if pace else ", slower than your usual easy runs")
        + f", {whence}.",
    )

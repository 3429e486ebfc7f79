"""What a planned week is: seven :class:`DayPlan` s in a :class:`WeekPlan`, and the words every page reads them by.

The planner builds these (:mod:`calculators.week`, :mod:`calculators.season`); the season table, the calendar,
Today, the readiness check, rescheduling and the ``.ics`` export only read them. So the data, its run names, a
session's pace note, its fast part by distance, the marathon-pace part of a long run in words, and the check of a
week against the hard rules (:func:`rule_violations`, TRAINING-RULES.md) live here, apart from how a week is laid
out and sized.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from calculators.exercises import CATALOGUE
from calculators.planner_amounts import EASY_PACED, shown_distance
from calculators.planner_sessions import marathon_part_words
from calculators.units import PaceUnit, format_duration, format_pace
from calculators.week_prefs import VolumeUnit
from calculators.week_rules import RUN_TYPES, STRENGTH_SESSIONS, describe, violations
from calculators.week_search import BentRule

__all__ = [
    "PACE_FOR",
    "PHASES",
    "RUN_NAMES",
    "DayPlan",
    "WeekPlan",
    "distance_words",
    "fast_distance",
    "finish_words",
    "marathon_part",
    "rule_violations",
    "sets_share",
]

#: A season week's phase (:attr:`WeekPlan.phase`), in the order a season runs through them.
PHASES = ("base", "build", "peak", "taper")
#: Each run type in words, for plans, reasons and calendar events.
RUN_NAMES = {
    "rest": "Rest",
    "easy": "Easy run",
    "tempo": "Tempo run",
    "intervals": "Intervals",
    "long": "Long run",
    "race": "Race",
    "cross": "Cross-training",
}
#: What a quality session's pace is for: the rest of it is at easy pace, as its minutes and kilometres assume
#: (:func:`calculators.planner_fast_parts.session_amounts`), so "85 min at 4:16 /km" is never read as the whole
#: session at T pace.
PACE_FOR = {
    "tempo": "for the tempo part, with the warm-up and cool-down easy",
    "intervals": "for the fast repeats, with the warm-up, recoveries and cool-down easy",
}


def distance_words(
    km: float, unit: PaceUnit, *, minutes: float | None = None, easy: tuple[float, float] | None = None
) -> str:
    """A planned distance in the reader's unit, to a tenth (a plan in miles stores its half miles in km); beside
    ``minutes`` of easy running, the tenth that keeps to the ``easy`` range (:mod:`calculators.planner_amounts`).

    >>> distance_words(9.5, "km"), distance_words(9.5, "mi"), distance_words(42.195, "mi")
    ('9.5 km', '5.9 mi', '26.2 mi')
    >>> distance_words(5.5 * 1.609344, "km")
    '8.9 km'
    """
    return f"{shown_distance(km, minutes, easy, unit):g} {unit}"


@dataclass(frozen=True, kw_only=True, slots=True)
class DayPlan:
    """One day of the plan.

    Attributes:
        weekday: 0 = Monday … 6 = Sunday.
        run: one of ``rest``, ``easy``, ``tempo``, ``intervals``, ``long``,
            ``race``, ``cross``.
        strength: ``"A"`` after a tempo run, ``"B"`` after intervals, else ``None``.
        strength_volume: share of a full strength session: 1.0 full, 0.6 in
            peak-volume weeks (2 sets per exercise: :func:`sets_share`), 0.0 when there is none.
        intent: the day's purpose in the guide's words (``stress day 1``,
            ``recovery``, ``aerobic build``, …).
        reason: one line saying why the day is what it is.
        minutes: planned duration, or ``None`` for rest (or when the volume is
            in km or miles and no VDOT turns distance into time).
        km: planned distance in km (whatever the volume unit), or ``None``
            when the volume is in minutes and no VDOT turns time into distance.
        pace_s_per_km: ``(fast, slow)`` seconds per km from the VDOT, or ``None``.
        day: the calendar date in a season plan; ``None`` in a single week.
        fast_minutes: a tempo or interval session's minutes at T or I pace (or effort), or a marathon plan's long
            run's last minutes at M pace (or the effort expected on race day); ``None`` for any other run, a plan by
            distance without paces, or a plan saved before it was stored.
        fast_km: the same fast part in km, or ``None`` when the plan has minutes and no paces.
        fast_pace_s_per_km: the fast part's pace when it is not the run's own (a long run's M pace beside its E
            range), or ``None``.
        cut_from: on an easy run the training calendar planned as a readiness verdict's run (an accepted amber or
            red "run easy instead", :mod:`calculators.reschedule`), the minutes that verdict cut to ``minutes``;
            ``None`` for any other day. ``minutes`` are then already cut: the day's verdict gives its run again from
            these, so accepting the advice never cuts the run a second time.
        cut_from_km: the same for an easy run planned by distance alone (a plan by distance without a VDOT): the km
            the verdict cut to ``km``; ``None`` for any other day.
    """

    weekday: int
    run: str
    strength: str | None = None
    strength_volume: float = 0.0
    intent: str = ""
    reason: str = ""
    minutes: int | None = None
    km: float | None = None
    pace_s_per_km: tuple[float, float] | None = None
    day: date | None = None
    fast_minutes: int | None = None
    fast_km: float | None = None
    fast_pace_s_per_km: float | None = None
    cut_from: int | None = None
    cut_from_km: float | None = None

    def __post_init__(self) -> None:
        if self.run not in RUN_TYPES:
            raise ValueError(f"unknown run type {self.run!r}")
        if self.strength not in (*STRENGTH_SESSIONS, None):
            raise ValueError(f"unknown strength session {self.strength!r}")
        if not 0.0 <= self.strength_volume <= 1.0 or (self.strength is None) != (self.strength_volume == 0.0):
            raise ValueError("strength_volume must be 0 without a session and in (0, 1] with one")

    def distance_words(self, unit: PaceUnit) -> str:
        """The planned distance as shown beside the minutes ("" without one): an easy or long run's is the tenth
        of ``unit`` that keeps the pair within its E range (:func:`calculators.planner_amounts.shown_distance`)."""
        if self.km is None:
            return ""
        # A long run with a part at M pace covers more ground than its minutes at E pace: its pair is not kept to E.
        whole_easy = self.run in EASY_PACED and self.fast_minutes is None and self.fast_km is None
        return distance_words(self.km, unit, minutes=self.minutes, easy=self.pace_s_per_km if whole_easy else None)

    @property
    def finish_s(self) -> float | None:
        """A race day's predicted finish time in seconds (None on other days, or without a distance or a VDOT). The
        planner sets the race's pace to :func:`calculators.vdot.race_time` over the distance (:mod:`calculators.week`),
        so pace × distance is that same prediction, the one the race calculator shows for the VDOT."""
        if self.run != "race" or self.km is None or self.pace_s_per_km is None:
            return None
        return self.pace_s_per_km[0] * self.km

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON values; the date as an ISO string."""
        return {
            "weekday": self.weekday,
            "run": self.run,
            "strength": self.strength,
            "strength_volume": self.strength_volume,
            "intent": self.intent,
            "reason": self.reason,
            "minutes": self.minutes,
            "km": self.km,
            "pace_s_per_km": None if self.pace_s_per_km is None else list(self.pace_s_per_km),
            "day": None if self.day is None else self.day.isoformat(),
            "fast_minutes": self.fast_minutes,
            "fast_km": self.fast_km,
            "fast_pace_s_per_km": self.fast_pace_s_per_km,
            # Only where there is one: a week stored or recorded in a change before it existed still compares equal
            # as JSON (plan_changes), so its change can still be undone.
            **({} if self.cut_from is None else {"cut_from": self.cut_from}),
            **({} if self.cut_from_km is None else {"cut_from_km": self.cut_from_km}),
        }


def finish_words(day: DayPlan, unit: PaceUnit | None) -> str:
    """A race day's distance and predicted finish, "42.2 km, about 3:33:49": a runner reads a race by its finish
    time, not by its minutes ("214 min"). Without ``unit`` (a season planned in minutes) the finish time alone;
    without a VDOT the distance alone."""
    finish = day.finish_s
    parts = (
        distance_words(day.km, unit) if day.km is not None and unit is not None else "",
        "" if finish is None else f"about {format_duration(finish)}",
    )
    return ", ".join(p for p in parts if p)


def fast_distance(day: DayPlan, unit: VolumeUnit | PaceUnit) -> str:
    """A session's fast part by distance, in ``unit``, for a plan that has it only by distance; else ""."""
    if day.fast_minutes is not None or day.fast_km is None or unit == "min":
        return ""
    return distance_words(day.fast_km, unit)


def sets_share(share: float) -> str:
    """A strength session's dose in a peak week, as the planner's reasons, its season table and the calendar file
    say it: the sets each exercise takes at it (:meth:`~calculators.exercises.Exercise.sets_at`), the number the
    strength log prescribes beside each exercise ("peak week: 2 of 4 sets"), never a share of the session that
    no exercise's count is.

    >>> sets_share(0.6)
    '2 sets per exercise'
    >>> sets_share(0.8)
    '2–3 sets per exercise'
    """
    counts = sorted({ex.sets_at(share) for ex in CATALOGUE.values()})
    low, high = counts[0], counts[-1]
    return f"{low if low == high else f'{low}–{high}'} {'set' if high == 1 else 'sets'} per exercise"


def marathon_part(day: DayPlan, unit: PaceUnit) -> str:
    """A marathon plan's long run's last part at M pace, in words ("the last 42 min at 4:31 /km (marathon pace)"),
    in the reader's ``unit``; "" for any other run and for a long run without one."""
    if day.run != "long" or (day.fast_minutes is None and day.fast_km is None):
        return ""
    pace = "" if day.fast_pace_s_per_km is None else format_pace(day.fast_pace_s_per_km, unit)
    return marathon_part_words(day.fast_minutes, fast_distance(day, unit), pace)


@dataclass(frozen=True, kw_only=True, slots=True)
class WeekPlan:
    """Seven :class:`DayPlan` s Monday→Sunday, the week's volume and phase, and any rule it had to bend."""

    days: tuple[DayPlan, ...]
    volume: float
    volume_unit: VolumeUnit = "min"
    phase: str = "base"
    bent_rules: tuple[BentRule, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON values, days in order."""
        return {
            "days": [d.to_dict() for d in self.days],
            "volume": self.volume,
            "volume_unit": self.volume_unit,
            "phase": self.phase,
            "bent_rules": [{"field": b.field, "message": b.message} for b in self.bent_rules],
        }


def rule_violations(week: WeekPlan, *, cyclic: bool = True, easy_weeks: bool = False) -> tuple[str, ...]:
    """Every hard rule ``week`` breaks, one sentence each; empty when it keeps them all.

    The rules are TRAINING-RULES.md's "Where they go in the week" and issue 4's:
    strength only with a hard run; an easy day or rest after each stress day
    (no stress days back to back, no long run the day after one); with five or
    more runs an easy run the day before the long run. ``cyclic`` also checks
    Sunday against Monday, as a week that repeats; pass ``False`` for a week
    followed by something else (a race week). ``easy_weeks``: the plan's runner chose no hard runs, so
    strength goes with easy runs (:mod:`calculators.week_rules`).
    """
    runs = [d.run for d in week.days]
    found = violations(runs, [d.strength for d in week.days], cyclic=cyclic, easy_weeks=easy_weeks)
    return tuple(describe(v, runs, easy_weeks=easy_weeks) for v in found)

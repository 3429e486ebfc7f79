"""The week an offer changes, and the offer: a day's session under change (:class:`Case`: its week of the season
plan, why it may change and the days it may not go to), the rules that week keeps, and the offer in plain words. The
offers themselves are made in :mod:`calculators.reschedule_moves` and :mod:`calculators.reschedule_easy`, and put in
order in :mod:`calculators.reschedule`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal, TypeAlias

from calculators.readiness_easy_run import RED_ALTERNATIVE_MINUTES, red_minutes, red_run_words
from calculators.readiness_plan import next_easy_date
from calculators.season import SeasonPlan
from calculators.units import PaceUnit
from calculators.week import planned_volume
from calculators.week_plan import RUN_NAMES, DayPlan, WeekPlan
from calculators.week_rules import HARD_RUNS, describe, violations

__all__ = [
    "MOVABLE",
    "WHY",
    "Case",
    "Move",
    "Offer",
    "OfferKind",
    "Trigger",
    "hard_after_long",
    "km_at_easy_pace",
    "lifting_day",
    "red_words",
    "rest_day",
    "run_words",
    "session_words",
    "strength_moved",
]

Trigger: TypeAlias = Literal["missed", "red", "amber", "busy"]
OfferKind: TypeAlias = Literal["move", "easy", "skip"]

#: Sessions worth moving when missed: the hard runs and the long run.
MOVABLE = frozenset({*HARD_RUNS, "long"})
#: Why a session moved, as the day it left and the day it reached say it.
WHY = {"missed": "missed", "red": "readiness red", "amber": "readiness amber", "busy": "busy that day"}
_ACROSS = ("stacked-stress", "long-after-stress", "strength-after-stress")


@dataclass(frozen=True, kw_only=True, slots=True)
class Move:
    """One session moved: what, from which date, to which (None: left out this week)."""

    what: str
    from_day: date
    to_day: date | None


@dataclass(frozen=True, kw_only=True, slots=True)
class Offer:
    """An offer in plain words, with the week before and after it, every hard rule its week breaks (``bent_rules``,
    as the planner may have had to bend one already) and those of them the offer itself bends (``bends``)."""

    kind: OfferKind
    trigger: Trigger
    day: date
    description: str
    week_start: date
    before: WeekPlan
    week: WeekPlan
    moves: tuple[Move, ...]
    bent_rules: tuple[str, ...]
    bends: tuple[str, ...] = ()  # those of bent_rules the week kept before the offer: the rules the offer bends
    lift_only: bool = False  # the day's run was done: only its strength session moves or is skipped (Case.lift_only)


def strength_moved(offer: Offer) -> str | None:
    """The strength session (its letter) a move offer takes along with its session to another day, or None: a move
    that keeps the session's strength drops none that day, it moves it (a week near race day drops it instead)."""
    if offer.kind != "move" or not offer.moves or offer.moves[0].to_day is None:
        return None
    session = offer.before.days[(offer.day - offer.week_start).days]
    moved = offer.week.days[(offer.moves[0].to_day - offer.week_start).days]
    return session.strength if session.strength and moved.strength == session.strength else None


def run_words(run: str) -> str:
    """A planned run as a sentence names it: ``run_words("long")`` is "the long run", ``run_words("intervals")``
    "intervals"."""
    return "intervals" if run == "intervals" else f"the {RUN_NAMES[run].lower()}"


def session_words(day: DayPlan) -> str:
    return run_words(day.run) + (f" + Session {day.strength}" if day.strength else "")


def rest_day(k: int, day: date, reason: str) -> DayPlan:
    return DayPlan(weekday=k, run="rest", intent="recovery", reason=reason, day=day)


@dataclass(frozen=True, kw_only=True, slots=True)
class Case:
    """A day's session an offer may change: its season week, why (``trigger``), and the days it may not go to."""

    plan: SeasonPlan
    index: int  # the week's index in the season
    k: int  # the day's index in the week
    trigger: Trigger
    today: date
    red_days: frozenset[date]
    amber_days: frozenset[date]  # with the red days: no hard session or long run is moved onto one
    run_weekdays: frozenset[int]  # 0 = Monday: the days a session may move to
    done: frozenset[date]  # days whose session was done, or partly: never moved from or onto
    # the reader's usual easy run (readiness_plan.usual_easy_minutes), as the verdict reads it
    usual_easy: int | None = None
    # The reader's km or miles: the offers say their distances in it, whatever unit the plan was made in (one unit a
    # screen, Stridelab's rule in calculators.readiness_easy_run).
    unit: PaceUnit = "km"
    # The day's run was done (logged, or a log counts for it) and only its strength session was missed: the offers
    # move that session alone or skip it, and leave the run where it was (calculators.reschedule_moves).
    lift_only: bool = False

    @property
    def week(self) -> WeekPlan:
        return self.plan.weeks[self.index].plan

    def day_at(self, k: int) -> date:
        return self.plan.weeks[self.index].start + timedelta(days=k)

    def swap_day(self) -> int | None:
        """The week's day whose easy run an amber swap brings forward: readiness's own rule
        (:func:`calculators.readiness_plan.next_easy_date`), so the verdict never names a swap the calendar cannot
        make."""
        days = {self.day_at(j): d for j, d in enumerate(self.week.days)}
        found = next_easy_date(days, self.day_at(self.k))
        return None if found is None else (found - self.day_at(0)).days

    def broken(self, week: WeekPlan) -> list[tuple[int, str]]:
        """The rules ``week`` breaks, inside it and against the weeks either side, each with the day that breaks it
        (0 = its Monday, 7 the next week's)."""
        easy = self.plan.prefs.easy_weeks
        runs = [d.run for d in week.days]
        found = [
            (v[1], describe(v, runs, easy_weeks=easy))
            for v in violations(runs, [d.strength for d in week.days], cyclic=False, easy_weeks=easy)
        ]
        weeks = self.plan.weeks
        pairs = []
        if self.index > 0:
            pairs.append((0, weeks[self.index - 1].plan.days[6], week.days[0]))
        if self.index + 1 < len(weeks):
            pairs.append((7, week.days[6], weeks[self.index + 1].plan.days[0]))
        for day, first, second in pairs:
            runs, strength = [first.run, second.run], [first.strength, second.strength]
            found += [
                (day, describe((c, 7), runs))
                for c, i in violations(runs, strength, cyclic=False, easy_weeks=easy)
                if i and c in _ACROSS
            ]
        return found

    def bent(self, week: WeekPlan) -> tuple[str, ...]:
        """The rules ``week`` breaks (:meth:`broken`), one sentence each."""
        return tuple(rule for _, rule in self.broken(week))

    def offer(self, kind: OfferKind, text: str, days: list[DayPlan], moves: list[Move]) -> Offer:
        # the week's total is what its days now hold: a run left out comes off it
        week = replace(self.week, days=tuple(days), volume=planned_volume(days, self.week.volume_unit))
        bent, kept = self.bent(week), set(self.bent(self.week))
        return Offer(
            kind=kind,
            trigger=self.trigger,
            day=self.day_at(self.k),
            description=text,
            week_start=self.plan.weeks[self.index].start,
            before=self.week,
            week=week,
            moves=tuple(moves),
            bent_rules=bent,
            bends=tuple(rule for rule in bent if rule not in kept),
            lift_only=self.lift_only,
        )

    def to_race(self, k: int) -> int | None:
        return None if self.plan.race_date is None else (self.plan.race_date - self.day_at(k)).days


def lifting_day(plan: SeasonPlan, day: DayPlan) -> bool:
    """Whether ``day`` is an easy week's lifting day (:attr:`calculators.week_prefs.WeekPrefs.easy_weeks`): an easy run
    with Session A or B after it, the week's stress day (:mod:`calculators.week_rules`)."""
    return plan.prefs.easy_weeks and day.run == "easy" and day.strength is not None


def red_words(case: Case, day: DayPlan) -> str:
    """The red day's very easy run that ``day``'s easy run is made (:mod:`calculators.reschedule_moves`,
    :func:`calculators.reschedule_easy.easy_offer`), in the house rule's words: its minutes, never a range running
    backwards, or up to its distance in the reader's unit."""
    if day.minutes or not day.km:
        return red_run_words(red_minutes(day.minutes or RED_ALTERNATIVE_MINUTES[1]), None, case.unit)
    return red_run_words(None, day.km, case.unit)


def km_at_easy_pace(minutes: int, pace: tuple[float, float] | None) -> float | None:
    """How far ``minutes`` go at the middle of the easy ``pace`` (s/km), to the half km; None without a pace."""
    return None if pace is None else max(1.0, round(minutes * 60 / (sum(pace) / 2) * 2) / 2)


def hard_after_long(case: Case, days: list[DayPlan]) -> int:
    """How many hard sessions (or easy weeks' lifts) come the day after the long run in ``days``, against the weeks
    either side: the guide's week follows its long run with rest or a very easy shake-out (TRAINING-RULES.md, the
    reference week), so a move never puts a hard session or a lift there, nor the long run the day before one."""
    weeks = case.plan.weeks
    rest = DayPlan(weekday=0, run="rest")
    before = weeks[case.index - 1].plan.days[6] if case.index > 0 else rest
    after = weeks[case.index + 1].plan.days[0] if case.index + 1 < len(weeks) else rest
    seen = [before, *days, after]
    lifts = [d.run in HARD_RUNS or lifting_day(case.plan, d) for d in seen]
    return sum(seen[i].run == "long" and lifts[i + 1] for i in range(8))

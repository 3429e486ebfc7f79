"""When life happens: concrete offers for a missed hard session, a red or amber readiness day or a day the reader
cannot make (and, in easy weeks, a missed or busy lifting day), applied only on acceptance.

The offers follow TRAINING-RULES.md ("Readiness", tomorrow's easy run: on amber "a hard session planned tomorrow
is swapped with the next easy day"; on red "a hard session planned tomorrow becomes easy or moves, and strength
that day is dropped"; "Where they go in the week": strength stays with its hard run), as the readiness verdict
states them, never against them. Each offer is a modified copy of that week of the season plan, checked with the
planner's own :func:`calculators.week_plan.rule_violations` (``cyclic=False``: a season week is followed by the next
one) and across the week's edges as :func:`calculators.season.season_violations` checks them; a rule an offer
cannot keep is named in ``bent_rules`` (those the week kept before it in ``bends``), and such an offer comes after
those that keep every rule. The offers:

- **move**: the session (with its strength session) to one other day of the same week, from tomorrow on (today is
  under way), later than its own (a session the reader knows they cannot make, "busy", may also go earlier), and only
  onto a day the reader can run (the profile's run days, else the days the plan was made for). At most one other
  session moves, so one sentence says the offer: the one whose day it takes swaps onto the session's own day when the
  verdict makes that an easy day (amber: exactly the next easy day; red: cut to the red day's very easy run),
  else goes to a free day, or, an easy run, is left out. Off a busy day, an easy run with no free day to go to may
  swap onto the busy day, keeping the week's volume: that move comes first, and the one that leaves the easy run out
  follows it, as the reader may not be able to run at all that day. The move bends no rule the week kept (an easy day
  or rest after each stress day, so no hard day right before the long run) and puts no hard session (nor an easy
  week's lift) the day after the long run (the guide's week rests then); the planner's race-week rules hold (no hard
  run in the last two days, no long run in the last six, no strength in the last 14); no hard session, long run or
  lift goes onto a red day. With no such move there is no move offer (the calendar names a day that would make room),
  except off a busy day (below). Each day's reason names what moved, from which date and why: "(missed)", "(readiness
  red)", "(readiness amber)" or "(busy that day)".

  Stridelab's rules for a busy day (TRAINING-RULES.md gives none for a day the runner cannot make). The reader cannot
  run then, so there is no easy offer: without a move the session is lost. So when no move keeps every rule (a full
  week: five run days, or every day the reader runs taken), the moves that bend the fewest rules are offered after
  the skip, each naming what it bends: fewest counted as the days that break a rule (a hard day the day after
  another breaks two sentences, stress days back to back and strength after a stress day, but is one thing for the
  reader to weigh), then by the same order as above, so the swap with the nearest easy run comes first ("swap it with
  Wednesday's easy run"), keeping the session and the week's volume, and the same move leaving that easy run out
  follows. What no bent move does: put a hard session the day after the long run, break the race-week rules, or land
  on a red or amber day; those stay refused. The long run moved off a busy day onto an easy-run day is the other
  case: with five runs, its easy run swapped onto the busy day leaves rest the day before the new long run, which
  breaks "an easy run the day before the long run" (the guide's easy Saturday before the Sunday long run). Stridelab
  offers that swap naming the bent rule, after the move that leaves the easy run out (which keeps every rule, the week
  then having four runs) and the skip, when it bends that one rule only. It is not relaxed: the rule is the planner's
  (:mod:`calculators.week_rules`), and the season table and calendar would name it for the week after acceptance
  anyway; yet the bend is mild (rest before the long run is no less recovery than an easy run, and a stress day
  there is still refused), and the swap keeps the week's five runs and volume, so the runner gets the choice;
- **move**, an easy week's lift (:attr:`calculators.week_prefs.WeekPrefs.easy_weeks`: every run easy, Sessions A
  and B after two of them), when it is missed or the reader is busy that day: the lift with its easy run onto a free
  day, or the lift alone onto another day's easy run (that day's run stays as planned, as does the session's own
  easy run: a missed one is history, a busy day's is kept "if you can run easy that day", and the move that rests
  that day follows). The easy weeks' rules hold (:mod:`calculators.week_rules`: an easy day or rest after each
  lifting day, no lift on the long run's day, none the day after it), never two lifts on one day, and no lift moves
  into the last 14 days before a race, where the planner plans none. A red or amber verdict on a lifting day gives
  the readiness page's advice, not a move;
- **easy**: a red or amber day (or a session missed today, not an easy week's lift: its move keeps the easy run)
  becomes an easy run without strength (not a busy day: the reader cannot run then): 20–30 min very easy on a red
  day (the house rule's red alternative), never over the session it replaces
  (:func:`calculators.readiness_easy_run.red_minutes`; a session planned by distance alone: up to its distance, 30
  min at most), the next easy day's run on an amber one, cut back as readiness cuts it, otherwise the plan week's
  easy run, else the reader's usual easy run (:func:`calculators.readiness_plan.usual_easy_minutes`: a plan by
  distance gives no minutes), else 50 min; in a plan by distance alone, the amber run and a missed session's easy run
  are that easy run's distance (cut back on amber), in the plan's unit (:func:`calculators.readiness_plan.stand_in_km`).
  Planned as the verdict gives it, the day remembers the minutes or km it was cut from (``DayPlan.cut_from``,
  ``cut_from_km``), so the day's verdict gives the same run again, never a cut of it;
- **skip**: the session is left out this week (rest on a red day); the rest of the week stays.

Days before tomorrow are history: the only one an offer changes is the session's own day. A session done already
(logged, or a log counts for it: ``done``) gets no offer, and no offer moves one. Every day an offer names carries
its date ("Sunday 13 December"): the plan's week runs Monday to Sunday, whichever day the reader's week starts on.
Nothing is stored until the reader accepts an offer: :func:`calculators.plan_changes.apply_offer` then writes the
plan's week and a change record, and never touches a logged session.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal, TypeAlias

from calculators.date_words import day_words
from calculators.errors import InputError
from calculators.readiness_easy_run import RED_ALTERNATIVE_MINUTES, easy_run, red_minutes, red_run_words
from calculators.readiness_plan import (
    DEFAULT_EASY_MINUTES,
    next_easy_date,
    plan_easy_km,
    plan_easy_minutes,
    stand_in_km,
    stand_in_minutes,
)
from calculators.season import NO_HARD_DAYS, NO_LONG_DAYS, NO_STRENGTH_DAYS, SeasonPlan
from calculators.units import PaceUnit, distance_in, pace_unit
from calculators.vdot import training_paces
from calculators.week import planned_volume
from calculators.week_plan import RUN_NAMES, DayPlan, WeekPlan
from calculators.week_rules import HARD_RUNS, describe, violations

__all__ = [
    "Move",
    "Offer",
    "OfferKind",
    "Trigger",
    "lifting_day",
    "reschedule_offers",
    "run_weekdays_of",
    "run_words",
    "strength_moved",
]

Trigger: TypeAlias = Literal["missed", "red", "amber", "busy"]
OfferKind: TypeAlias = Literal["move", "easy", "skip"]

#: Sessions worth moving when missed: the hard runs and the long run.
_MOVABLE = frozenset({*HARD_RUNS, "long"})
#: Why a session moved, as the day it left and the day it reached say it.
_WHY = {"missed": "missed", "red": "readiness red", "amber": "readiness amber", "busy": "busy that day"}
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


def _what(day: DayPlan) -> str:
    return run_words(day.run) + (f" + Session {day.strength}" if day.strength else "")


def _sentence(text: str) -> str:
    """``text`` with a capital first letter; the rest as it is ("Session A" stays so)."""
    return text[:1].upper() + text[1:]


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _rest(k: int, day: date, reason: str) -> DayPlan:
    return DayPlan(weekday=k, run="rest", intent="recovery", reason=reason, day=day)


@dataclass(frozen=True, kw_only=True, slots=True)
class _Case:
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
        )

    def to_race(self, k: int) -> int | None:
        return None if self.plan.race_date is None else (self.plan.race_date - self.day_at(k)).days


def lifting_day(plan: SeasonPlan, day: DayPlan) -> bool:
    """Whether ``day`` is an easy week's lifting day (:attr:`calculators.week_prefs.WeekPrefs.easy_weeks`): an easy run
    with Session A or B after it, the week's stress day (:mod:`calculators.week_rules`)."""
    return plan.prefs.easy_weeks and day.run == "easy" and day.strength is not None


def _key(case: _Case, day: DayPlan) -> bool:
    """Whether ``day`` holds a session the week is built around: a hard run, the long run or an easy week's lift."""
    return day.run in _MOVABLE or lifting_day(case.plan, day)


def _placed(case: _Case, session: DayPlan, k: int, why: str) -> DayPlan:
    """``session`` on day ``k``, its reason saying where it came from and ``why`` it moved."""
    if session.weekday == k:
        return session
    to_race = case.to_race(k)
    if session.strength and to_race is not None and 0 <= to_race <= NO_STRENGTH_DAYS:
        session = replace(session, strength=None, strength_volume=0.0)
    reason = (
        f"{RUN_NAMES[session.run]} moved here from {day_words(case.day_at(session.weekday), today=case.today)}{why}."
    )
    if session.run == "easy" and _red(case, k):  # the red day's alternative, not a usual easy run
        session = replace(session, strength=None, strength_volume=0.0, intent="recovery")
        if session.minutes or not session.km:
            minutes = red_minutes(session.minutes or RED_ALTERNATIVE_MINUTES[1])[1]
            # cut_from: the verdict's run already, so the day's verdict gives it again from the minutes moved, never a
            # cut of the cut (DayPlan.cut_from).
            moved = session.minutes
            session = replace(session, minutes=minutes, km=_km(minutes, session.pace_s_per_km), cut_from=moved)
        else:  # planned by distance alone: up to that distance, which no minutes cut (readiness_easy_run.red_run_words)
            session = replace(session, cut_from_km=session.km)
        reason += f" Readiness is red that day: {_red_words(case, session)} very easy, or rest."
    return replace(session, weekday=k, day=case.day_at(k), reason=reason)


def _red(case: _Case, k: int) -> bool:
    """Whether day ``k``'s readiness is red: a red day, or the day a red verdict is about."""
    return case.day_at(k) in case.red_days or (case.trigger == "red" and k == case.k)


def _red_words(case: _Case, day: DayPlan) -> str:
    """The red day's very easy run that ``day``'s easy run is made (:func:`_placed`, :func:`_easy`), in the house
    rule's words: its minutes, never a range running backwards, or up to its distance in the plan's unit."""
    if day.minutes or not day.km:
        return red_run_words(red_minutes(day.minutes or RED_ALTERNATIVE_MINUTES[1]), None, _unit(case))
    return red_run_words(None, day.km, _unit(case))


def _unit(case: _Case) -> PaceUnit:
    """The plan's own unit for a run it sizes by distance alone: miles in a plan by miles, else km."""
    return pace_unit(case.week.volume_unit)


def _km(minutes: int, pace: tuple[float, float] | None) -> float | None:
    """How far ``minutes`` go at the middle of the easy ``pace`` (s/km), to the half km; None without a pace."""
    return None if pace is None else max(1.0, round(minutes * 60 / (sum(pace) / 2) * 2) / 2)


def _on_red_day(case: _Case, session: DayPlan, k: int) -> bool:
    """Whether placing ``session`` on day ``k`` would put a hard session, the long run or an easy week's lift on a red
    or amber day (a red day drops its strength)."""
    not_green = case.red_days | case.amber_days
    return session.weekday != k and _key(case, session) and case.day_at(k) in not_green


def _allowed(case: _Case, days: list[DayPlan]) -> bool:
    """The planner's race-week rules: no hard run in the last two days, no long run in the last six."""
    for k, day in enumerate(days):
        to_race = case.to_race(k)
        if to_race is None or to_race <= 0:
            continue
        if (day.run in HARD_RUNS and to_race <= NO_HARD_DAYS) or (day.run == "long" and to_race <= NO_LONG_DAYS):
            return False
    return True


def _first_day(case: _Case) -> date:
    """The first day a session may move to: tomorrow at the earliest (today is under way, and the days before it are
    history), and a day after the session's own unless the reader is busy then (that one may also go earlier)."""
    tomorrow = case.today + timedelta(days=1)
    return tomorrow if case.trigger == "busy" else max(tomorrow, case.day_at(case.k) + timedelta(days=1))


def _hard_after_long(case: _Case, days: list[DayPlan]) -> int:
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


def _move(case: _Case) -> tuple[Offer, ...]:
    """The session on a later day (busy: any day from tomorrow), with at most one other session shifted: the one
    whose day it takes swaps onto the session's own day when the verdict makes that an easy day (amber: "swap it
    with the next easy day"; red: "make it easy and move it later"), else goes to a free day, or, an easy run,
    is left out. A busy day's easy run may swap too, keeping the week's volume; as the reader may not be able to run
    at all that day, the best move without the swap follows it. An easy week's lift goes onto another easy run
    (:func:`_lift_onto`). Empty when no such move keeps the rules the week kept, except off a busy day: then the
    moves that bend the fewest rules."""
    days, k = list(case.week.days), case.k
    session = days[k]
    before, long_before = set(case.bent(case.week)), _hard_after_long(case, days)
    keeping: list[_Found] = []
    bending: list[_Found] = []
    for trial, j, m in _layouts(case):
        if not _allowed(case, trial) or _hard_after_long(case, trial) > long_before:
            continue
        if lifting_day(case.plan, session) and trial[j].strength is None:  # near race day: the lift would be dropped
            continue
        # The days that break a rule the week kept: one day's two sentences (stress days back to back, and strength
        # the day after a stress day) are one rule bent, as the reader sees it.
        new = {i for i, rule in case.broken(replace(case.week, days=tuple(trial))) if rule not in before}
        if new and case.trigger != "busy":  # a move that breaks a rule is no offer: easy or skip keeps them
            continue
        # simplest first: onto a rest day, then a swap, then the other session moved, then an easy run swapped onto
        # a busy day (one the reader may not make: anywhere else first), then an easy run left out
        other = days[j]
        onto_busy = m == k and case.trigger == "busy"
        shape = 0 if other.run == "rest" else 3 if onto_busy else 1 if m == k else 2 if m is not None else 4
        score = (len(new), shape, abs(j - k), 0 if m is None else abs(m - j), j, -1 if m is None else m)
        (bending if new else keeping).append((score, trial, j, m))
    # Off a busy day the reader's only other choice is to skip the session: a move that bends the fewest rules keeps
    # it, named after the offers that keep every rule (Stridelab's rule, in the module's docstring).
    found = keeping or bending
    if not found:
        return ()
    best = min(found, key=lambda f: f[0])
    chosen = [best]
    if case.trigger == "busy" and best[3] == k:
        rest = [f for f in found if f[3] != k and f[0][0] == best[0][0]]  # no more rules bent than the best
        chosen += [min(rest, key=lambda f: f[0])] if rest else []
    elif case.trigger == "busy" and best[3] is None and days[best[2]].run == "easy":
        # The move that keeps every rule leaves an easy run out: the swap that keeps it, on the busy day, follows
        # when it bends one rule only (Stridelab's rule, in the module's docstring).
        swaps = [f for f in bending if f[3] == k and f[0][0] == 1]
        chosen += [min(swaps, key=lambda f: f[0])] if swaps else []
    return tuple(_move_offer(case, *f[1:]) for f in chosen)


#: A move found: its score (lower first), the week it makes, the day the session goes to and the day the session it
#: displaces goes to (None: left out, or none displaced).
_Found: TypeAlias = tuple[tuple[int, ...], list[DayPlan], int, int | None]


def _layouts(case: _Case) -> Iterator[tuple[list[DayPlan], int, int | None]]:
    """Every week a move could make, before the rules are checked: the session on day ``j``, and the session it
    displaces on day ``m`` (None: left out, or none there)."""
    days, k, race = list(case.week.days), case.k, case.plan.race_date
    session, when = days[k], case.day_at(k)
    first, last = _first_day(case), (race - timedelta(days=1) if race else date.max)

    def open_day(j: int) -> bool:  # a day the reader runs, not under way or past, not done already, before race day
        return j != k and first <= case.day_at(j) <= last and j in case.run_weekdays and case.day_at(j) not in case.done

    if case.trigger == "amber":
        swap = case.swap_day()
        targets = [swap] if swap is not None and open_day(swap) else []
    else:
        targets = [j for j in range(7) if open_day(j) and days[j].run != "race"]
    free = [j for j in range(7) if open_day(j) and days[j].run == "rest"]
    # The verdict's own day runs easy when an easy run swaps onto it; a missed day is past. A busy day may still take
    # an easy run (from tomorrow: today is under way): the reader chooses, as the move that leaves it out follows.
    swaps = case.trigger in ("amber", "red")
    busy_swap = case.trigger == "busy" and k in case.run_weekdays and when > case.today
    why = _WHY[case.trigger]
    room = f" to make room for {_what(session)} {'missed on' if case.trigger == 'missed' else 'moved from'} "
    room += day_words(when, today=case.today) + ("" if case.trigger == "missed" else f" ({why})")
    for j in targets:
        other = days[j]
        if _on_red_day(case, session, j):
            continue
        if lifting_day(case.plan, session) and other.run == "easy":
            if not other.strength:  # the lift alone, onto that day's easy run: never two lifts on one day
                # A missed day's easy run is history and stays; a busy day's may still be run (from tomorrow, on a
                # day the reader runs), or the day rests.
                keeps = (True,) if case.trigger != "busy" else (True, False) if busy_swap else (False,)
                for keep in keeps:
                    yield _lift_onto(case, j, keep=keep), j, (k if keep else None)
            continue
        homes: list[int | None]
        if other.run == "rest":
            homes = [None]
        elif swaps and other.run == "easy" and k in case.run_weekdays:  # not onto a day the reader no longer runs
            homes = [k]
        elif case.trigger == "amber":
            homes = []
        else:  # to a free day; an easy run may be left out (None), never a key session nor a lift
            homes = [*(m for m in free if m != j), *([None] if other.run == "easy" and not other.strength else [])]
            homes += [k] if busy_swap and other.run == "easy" and not other.strength else []
        for m in homes:
            if m is not None and _on_red_day(case, other, m):
                continue
            trial = list(days)
            trial[j] = _placed(case, session, j, f" ({why})")
            if m is not None:
                trial[m] = _placed(case, other, m, room)
            if m != k:
                moved = f"{_sentence(_what(session))} moved to {day_words(case.day_at(j), today=case.today)} ({why})."
                trial[k] = _rest(k, when, moved)
            yield trial, j, m


def _lift_onto(case: _Case, j: int, *, keep: bool) -> list[DayPlan]:
    """An easy week's lift moved alone onto day ``j``'s easy run; the session's own easy run stays (``keep``: the
    reader may still run easy that day) or the day rests."""
    days, k = list(case.week.days), case.k
    session, other, when = days[k], days[j], case.day_at(k)
    lift, why = f"Session {session.strength}", _WHY[case.trigger]
    days[j] = replace(
        other,
        strength=session.strength,
        strength_volume=session.strength_volume,
        intent=session.intent,
        reason=f"Easy run, then {lift} moved here from {day_words(when, today=case.today)} ({why}).",
    )
    moved = f"{lift} moved to {day_words(case.day_at(j), today=case.today)} ({why})"
    days[k] = (
        replace(session, strength=None, strength_volume=0.0, intent=other.intent, reason=f"Easy run; {moved}.")
        if keep
        else _rest(k, when, f"Rest: {moved}.")
    )
    return days


def _move_offer(case: _Case, trial: list[DayPlan], j: int, m: int | None) -> Offer:
    """The move offer that puts the session on day ``j`` and the session it displaces on day ``m`` (None: left
    out), in words."""
    when, other = case.day_at(case.k), case.week.days[j]
    on_j = day_words(case.day_at(j), today=case.today)
    if lifting_day(case.plan, case.week.days[case.k]) and other.run == "easy":  # the lift alone (_lift_onto)
        lift = f"Session {trial[j].strength}"
        text = f"Move {lift} to {on_j}, after that day's easy run"
        moves = [Move(what=lift, from_day=when, to_day=case.day_at(j))]
        if m is None:
            text += f"; rest on {day_words(when, today=case.today)}"
            moves.append(Move(what=run_words("easy"), from_day=when, to_day=None))
        elif case.trigger == "busy":
            text += f"; keep the easy run of {day_words(when, today=case.today)} (if you can run easy that day)"
        return case.offer("move", text + ".", trial, moves)
    moves = [Move(what=_what(trial[j]), from_day=when, to_day=case.day_at(j))]
    parts = [f"{_what(trial[j])} to {on_j}"]
    if m is not None:
        moves.append(Move(what=_what(trial[m]), from_day=case.day_at(j), to_day=case.day_at(m)))
        part = f"{_what(trial[m])} to {day_words(case.day_at(m), today=case.today)}"
        if _red(case, m) and trial[m].run == "easy" and (trial[m].minutes or trial[m].km):  # cut short by _placed
            part += f" as {_red_words(case, trial[m])} very easy (readiness red)"
        if m == case.k and case.trigger == "busy":  # the day the reader said they might not make
            part += " (if you can run easy that day)"
        parts.append(part)
    elif other.run != "rest":
        moves.append(Move(what=_what(other), from_day=case.day_at(j), to_day=None))
    text = ("Swap it with your next easy day: move " if case.trigger == "amber" else "Move ") + _join(parts)
    if m != case.k and when >= case.today:
        text += f"; rest on {day_words(when, today=case.today)}"
    if m is None and other.run != "rest":
        text += f"; drop the {RUN_NAMES[other.run].lower()} of {on_j}"
    return case.offer("move", text + ".", trial, moves)


def _no_swap(case: _Case, session: DayPlan) -> str:
    """Why an amber day's session is not swapped with the week's next easy day, as the amber rule asks
    (TRAINING-RULES.md, "Tomorrow's easy run"), said before the easy run offered in its place: a reader told to leave
    the week's tempo run out must see that the swap was looked for, and what stopped it."""
    swap = case.swap_day()
    if swap is None:
        return "Your plan has no easy day later this week to swap it with"
    when = case.day_at(swap)
    on = day_words(when, today=case.today)
    level = "red" if when in case.red_days else "amber" if when in case.amber_days else None
    if level is not None:  # _on_red_day: a swap onto it would only be swapped again
        return (
            f"Your next easy day, {on}, reads {level} too until its own morning check-in, so a swap would only put "
            f"{_what(session)} on another {level} day"
        )
    swapped = list(case.week.days)
    swapped[case.k], swapped[swap] = swapped[swap], swapped[case.k]
    if _hard_after_long(case, swapped) > _hard_after_long(case, list(case.week.days)):
        return f"A swap with your next easy day, {on}, would put {_what(session)} the day after the long run"
    return f"A swap with your next easy day, {on}, would break a rule your week keeps"


def _easy(case: _Case, *, swapped: bool = False) -> Offer | None:
    """The easy run in the session's place; ``swapped``: an amber day's swap with the next easy day is offered (then
    this is the other choice, and needs no reason why the swap is not made)."""
    days, k = list(case.week.days), case.k
    session, when = days[k], case.day_at(k)
    if when < case.today or case.trigger == "busy" or (case.trigger == "missed" and when != case.today):
        return None
    week = {case.day_at(j): d for j, d in enumerate(days)}
    usual = plan_easy_minutes(week, when)
    red = case.trigger == "red" or when in case.red_days  # a session missed today, on a red day, too
    # A plan by distance gives no easy minutes: the reader's own usual easy run, as an amber day's stand-in has it,
    # before Stridelab's 50 min, which may be longer than anything they run.
    minutes = RED_ALTERNATIVE_MINUTES[1] if red else (usual or case.usual_easy or DEFAULT_EASY_MINUTES)
    minutes = min(minutes, int(session.minutes or minutes))
    # The easy run's distance when the plan sizes its runs by distance alone, as readiness sizes it: on red the
    # session's own (the most the very easy run may be), else the stand-in's (the swapped easy day's, or the week's).
    by_distance: float | None
    if red:
        by_distance = None if session.minutes else session.km
    else:
        swap = None
        if case.trigger == "amber":  # the run readiness plans in the session's place, and cuts back below
            swap = None if (j := case.swap_day()) is None else days[j]
            minutes = stand_in_minutes(session, swap, usual, case.usual_easy)[0]
        stand_in = stand_in_km(session, swap, plan_easy_km(week, when))
        by_distance = None if stand_in is None else stand_in[0]
    vdot = case.plan.prefs.vdot
    pace = None if vdot is None else training_paces(vdot).easy
    cut_from: int | None = None
    cut_from_km: float | None = None
    km: float | None
    if by_distance is not None:
        km = by_distance
        if red or case.trigger == "amber":  # cut by distance, as the verdict cuts it, and kept so
            cut = easy_run("red" if red else "amber", minutes, None, pace, None, km=by_distance)
            low, high = cut.km_range or (by_distance, by_distance)
            cut_from_km, pace = by_distance, cut.pace_s_per_km
            km = (low + high) / 2  # the middle of the cut, as the minutes take the middle of theirs (red: its most)
    else:
        if red or case.trigger == "amber":  # the run the verdict gives, as Today and the readiness page say it
            cut = easy_run("red" if red else "amber", minutes, None, pace, None)
            cut_from, minutes, pace = minutes, cut.minutes or minutes, cut.pace_s_per_km
        km = _km(minutes, pace)
    offered = DayPlan(
        weekday=k,
        run="easy",
        intent="recovery",
        reason="",
        minutes=None if by_distance is not None else minutes,
        km=km,
        pace_s_per_km=pace,
        day=when,
        cut_from=cut_from,  # so the day's verdict gives this run again, never a cut of it
        cut_from_km=cut_from_km,
    )
    if case.trigger == "red":
        lift = "; no strength that day" if session.strength else ""
        on = day_words(when, today=case.today)
        text = f"Make {on} an easy run of {_red_words(case, offered)}, very easy, or rest{lift}."
        reason = "Readiness red: very easy running only."
    elif red:
        lift = ", no strength" if session.strength else ""
        text = (
            f"Readiness is red today: run {_red_words(case, offered)} very easy instead, or rest{lift}, "
            f"and leave {_what(session)} out this week."
        )
        reason = f"Readiness red: very easy instead of {_what(session)}."
    else:
        lift = ", no strength" if session.strength else ""
        on = "today" if when == case.today else f"on {day_words(when, today=case.today)}"
        size = f"{minutes} min" if by_distance is None else f"{distance_in(by_distance, _unit(case)):g} {_unit(case)}"
        how = "shorter and slower, as readiness says" if case.trigger == "amber" else f"{size} at easy pace"
        text = f"Run easy {on} instead: {how}{lift}, and leave {_what(session)} out this week."
        if case.trigger == "amber" and not swapped:
            text = f"{_no_swap(case, session)}. {text}"
        reason = f"Easy instead of {_what(session)}."
    same = session.minutes == minutes if by_distance is None else (not session.minutes and session.km == km)
    if session.run == "easy" and same and not session.strength:
        return None
    days[k] = replace(offered, reason=reason)
    return case.offer("easy", text, days, [Move(what=_what(session), from_day=when, to_day=None)])


def _skip(case: _Case) -> Offer:
    days, k = list(case.week.days), case.k
    session, when = days[k], case.day_at(k)
    if when >= case.today:
        days[k] = _rest(k, when, f"Rest: {_what(session)} skipped this week.")
        lift = ", no strength" if session.strength else ""
        text = f"Skip it: rest on {day_words(when, today=case.today)}{lift}; the rest of the week stays as planned."
    else:
        text = f"Skip {_what(session)} this week; the rest of the week stays as planned."
    return case.offer("skip", text, days, [Move(what=_what(session), from_day=when, to_day=None)])


def run_weekdays_of(plan: SeasonPlan, run_weekdays: tuple[int, ...] = ()) -> frozenset[int]:
    """The days a session may move to: ``run_weekdays`` (the profile's, 0 = Monday), else the plan's own."""
    return frozenset(run_weekdays or plan.prefs.available_days)


def reschedule_offers(
    plan: SeasonPlan,
    day: date,
    *,
    trigger: Trigger,
    today: date,
    red_days: frozenset[date] = frozenset(),
    amber_days: frozenset[date] = frozenset(),
    run_weekdays: tuple[int, ...] = (),
    done: frozenset[date] = frozenset(),
    usual_easy: int | None = None,
) -> tuple[Offer, ...]:
    """One to three offers for ``day``'s session, best first (an offer that bends a rule the week kept comes
    last); none when there is nothing to change. No move is offered when no day fits: then only easy and skip.

    ``trigger`` is ``"missed"`` (a hard session or long run planned on ``day``, today or earlier,
    was not done), ``"red"`` (the readiness verdict for ``day``, today or later, is red: "make it easy and move it
    later"), ``"amber"`` (it is amber for ``day``'s hard session: "swap it with the next easy day") or ``"busy"``
    (the reader cannot make the hard session or long run planned on ``day``, today or later); an easy week's lift
    (:func:`lifting_day`) is moved when missed or busy.
    ``red_days`` and ``amber_days`` are the days whose readiness is red or amber: no offer moves a hard session or
    the long run onto one (an amber swap onto tomorrow, already amber, would only be swapped again).
    ``run_weekdays`` are the days the reader can run (the profile's, 0 = Monday); empty: the days the plan
    was made for (its ``available_days``). A move puts a session on no other day.
    ``done`` are the days whose session was logged, or a log counts for it: no offer moves a session from or
    onto one, and a session done already gets no offer.
    ``usual_easy`` is the reader's usual easy run in minutes (:func:`calculators.readiness_plan.usual_easy_minutes`): an
    amber day's easy run in a plan without minutes is cut back from it, as the verdict's is, and a missed session's
    easy run in such a plan is that run.
    A session in a week already over gets no offer: there is no day left in its week to change.

    Raises:
        InputError: ``day`` outside the plan, a missed day in the future or a red or busy day in the past.
    """
    index = next((n for n, w in enumerate(plan.weeks) if w.start <= day < w.start + timedelta(days=7)), None)
    if index is None:
        raise InputError("day", f"{day_words(day, today=today)} is not in your saved plan.")
    if trigger == "missed" and day > today:
        raise InputError("day", f"Only a session on or before today ({day_words(today, today=today)}) can be missed.")
    if trigger in ("red", "amber") and day < today:
        raise InputError("day", f"A {trigger} readiness day is today ({day_words(today, today=today)}) or later.")
    if trigger == "busy" and day < today:
        raise InputError("day", f"Only a session from today ({day_words(today, today=today)}) on can be moved ahead.")
    if plan.weeks[index].start + timedelta(days=7) <= today:
        return ()  # its week is over: nothing in it is left to change, and a later week is planned as it stands
    k = (day - plan.weeks[index].start).days
    runs = run_weekdays_of(plan, run_weekdays)
    case = _Case(
        plan=plan,
        index=index,
        k=k,
        trigger=trigger,
        today=today,
        red_days=red_days,
        amber_days=amber_days,
        run_weekdays=runs,
        done=done,
        usual_easy=usual_easy,
    )
    session = case.week.days[case.k]
    # An easy week's lift moves when missed or on a busy day; a red or amber verdict's advice for it is its own.
    lift = lifting_day(plan, session) and trigger in ("missed", "busy")
    if (trigger != "red" and session.run not in _MOVABLE and not lift) or session.run in ("rest", "race"):
        return ()
    if day in done:
        return ()
    moves = _move(case) if session.run in _MOVABLE or lift else ()
    # An easy week's lift missed today keeps its easy run in the move that takes the lift to another day.
    swapped = any(offer.kind == "move" and not offer.bends for offer in moves)
    found = [offer for offer in (*moves, None if lift else _easy(case, swapped=swapped), _skip(case)) if offer]
    return tuple(sorted(found, key=lambda offer: len(offer.bends)))  # a bent rule goes last

"""When life happens: concrete offers for a missed hard session, a red readiness day or a day the reader cannot
make, applied only on acceptance.

The offers follow TRAINING-RULES.md ("Readiness", tomorrow's easy run on a red day: "a hard
session planned tomorrow becomes easy or moves, and strength that day is dropped"; "Where they go
in the week": strength stays with its hard run). Each offer is a modified copy of that week of
the season plan, checked with the planner's own :func:`calculators.week.rule_violations`
(``cyclic=False``: a season week is followed by the next one) and across the week's edges as
:func:`calculators.season.season_violations` checks them; a rule an offer cannot keep is named in
``bent_rules``, and such an offer comes after those that keep every rule. The offers:

- **move**: the session (with its strength session) to a later day of the same week (a session the reader
  knows they cannot make, "busy", also to an earlier day from today on), and only onto days the reader
  can run (the profile's run days, else the days the plan was made for). Every layout of those days is
  tried (at most 6! of them); the chosen one bends no rule the week kept
  (an easy day or rest after each stress day, so no hard day right before the long run), then
  changes the fewest days, then moves the session the least, then shifts the fewest others. With no
  such layout there is no move offer, never one on a day the reader cannot run or one that bends a
  rule. An easy run is dropped only when the days run out; the planner's race-week rules hold (no hard run in
  the last two days, no long run in the last six, no strength in the last 14); no hard session
  or long run is put on a day whose readiness is red (the house rule: there "a hard session
  becomes easy or moves"), and an easy run shifted onto one is cut to the red day's 20–30 min
  very easy; the day the session leaves, and a red day, become rest. Each day's
  reason names what moved and why: the session itself "(missed)", "(readiness red)" or "(busy that day)", a
  session shifted to make room for it names that session and its day;
- **easy**: a red day (or a session missed today) becomes a short easy run without strength (not a busy day:
  the reader cannot run then):
  20–30 min very easy on a red day (the house rule's red alternative), a usual easy run otherwise;
- **skip**: the session is left out this week (rest on a red day); the rest of the week stays.

Days before today are history: the only past day an offer changes is the missed day itself,
when its session moves. Nothing is stored until the reader accepts an offer:
:func:`calculators.plan_changes.apply_offer` then writes the plan's week and a change record,
and never touches a logged session.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import combinations, permutations
from typing import Literal, TypeAlias

from calculators.date_words import day_words
from calculators.errors import InputError
from calculators.readiness import DEFAULT_EASY_MINUTES, RED_ALTERNATIVE_MINUTES
from calculators.season import NO_HARD_DAYS, NO_LONG_DAYS, NO_STRENGTH_DAYS, SeasonPlan
from calculators.vdot import training_paces
from calculators.week import RUN_NAMES, DayPlan, WeekPlan, rule_violations
from calculators.week_prefs import WEEKDAY_NAMES
from calculators.week_rules import HARD_RUNS, describe, violations

__all__ = ["Move", "Offer", "OfferKind", "Trigger", "reschedule_offers", "run_weekdays_of", "run_words"]

Trigger: TypeAlias = Literal["missed", "red", "busy"]
OfferKind: TypeAlias = Literal["move", "easy", "skip"]

#: Sessions worth moving when missed: the hard runs and the long run.
_MOVABLE = frozenset({*HARD_RUNS, "long"})
#: Why a session moved, as the day it left and the day it reached say it.
_WHY = {"missed": "missed", "red": "readiness red", "busy": "busy that day"}
_ACROSS = ("stacked-stress", "long-after-stress", "strength-after-stress")


@dataclass(frozen=True, kw_only=True, slots=True)
class Move:
    """One session moved: what, from which date, to which (None: left out this week)."""

    what: str
    from_day: date
    to_day: date | None


@dataclass(frozen=True, kw_only=True, slots=True)
class Offer:
    """An offer in plain words, with the week before and after it and every hard rule it bends."""

    kind: OfferKind
    trigger: Trigger
    day: date
    description: str
    week_start: date
    before: WeekPlan
    week: WeekPlan
    moves: tuple[Move, ...]
    bent_rules: tuple[str, ...]


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
    run_weekdays: frozenset[int]  # 0 = Monday: the days a session may move to

    @property
    def week(self) -> WeekPlan:
        return self.plan.weeks[self.index].plan

    def day_at(self, k: int) -> date:
        return self.plan.weeks[self.index].start + timedelta(days=k)

    def bent(self, week: WeekPlan) -> tuple[str, ...]:
        """The rules ``week`` breaks, inside it and against the weeks either side."""
        found = list(rule_violations(week, cyclic=False))
        weeks = self.plan.weeks
        pairs = []
        if self.index > 0:
            pairs.append((weeks[self.index - 1].plan.days[6], week.days[0]))
        if self.index + 1 < len(weeks):
            pairs.append((week.days[6], weeks[self.index + 1].plan.days[0]))
        for first, second in pairs:
            runs, strength = [first.run, second.run], [first.strength, second.strength]
            found += [describe((c, 7), runs) for c, i in violations(runs, strength, cyclic=False) if i and c in _ACROSS]
        return tuple(found)

    def offer(self, kind: OfferKind, text: str, days: list[DayPlan], moves: list[Move]) -> Offer:
        week = replace(self.week, days=tuple(days))
        return Offer(
            kind=kind,
            trigger=self.trigger,
            day=self.day_at(self.k),
            description=text,
            week_start=self.plan.weeks[self.index].start,
            before=self.week,
            week=week,
            moves=tuple(moves),
            bent_rules=self.bent(week),
        )

    def to_race(self, k: int) -> int | None:
        return None if self.plan.race_date is None else (self.plan.race_date - self.day_at(k)).days


def _placed(case: _Case, session: DayPlan, k: int, why: str) -> DayPlan:
    """``session`` on day ``k``, its reason saying where it came from and ``why`` it moved."""
    if session.weekday == k:
        return session
    to_race = case.to_race(k)
    if session.strength and to_race is not None and 0 <= to_race <= NO_STRENGTH_DAYS:
        session = replace(session, strength=None, strength_volume=0.0)
    reason = f"{RUN_NAMES[session.run]} moved here from {WEEKDAY_NAMES[session.weekday]}{why}."
    if session.run == "easy" and case.day_at(k) in case.red_days:  # the red day's alternative, not a usual easy run
        minutes = min(RED_ALTERNATIVE_MINUTES[1], session.minutes or RED_ALTERNATIVE_MINUTES[1])
        reason += f" Readiness is red that day: {_red_minutes(minutes)} very easy, or rest."
        km = _km(minutes, session.pace_s_per_km)
        session = replace(session, minutes=minutes, km=km, strength=None, strength_volume=0.0, intent="recovery")
    return replace(session, weekday=k, day=case.day_at(k), reason=reason)


def _red_minutes(minutes: int) -> str:
    """A red day's run, up to ``minutes`` long, in the house rule's words, never a range running backwards.

    >>> _red_minutes(30), _red_minutes(25), _red_minutes(15)
    ('20–30 min', '20–25 min', '15 min')
    """
    low = RED_ALTERNATIVE_MINUTES[0]
    return f"{low}–{minutes} min" if minutes > low else f"{minutes} min"


def _km(minutes: int, pace: tuple[float, float] | None) -> float | None:
    """How far ``minutes`` go at the middle of the easy ``pace`` (s/km), to the half km; None without a pace."""
    return None if pace is None else max(1.0, round(minutes * 60 / (sum(pace) / 2) * 2) / 2)


def _on_red_day(case: _Case, session: DayPlan, k: int) -> bool:
    """Whether placing ``session`` on day ``k`` would put a hard session or the long run on a red day."""
    return session.weekday != k and session.run in _MOVABLE and case.day_at(k) in case.red_days


def _allowed(case: _Case, days: list[DayPlan]) -> bool:
    """The planner's race-week rules: no hard run in the last two days, no long run in the last six."""
    for k, day in enumerate(days):
        to_race = case.to_race(k)
        if to_race is None or to_race <= 0:
            continue
        if (day.run in HARD_RUNS and to_race <= NO_HARD_DAYS) or (day.run == "long" and to_race <= NO_LONG_DAYS):
            return False
    return True


def _move(case: _Case) -> Offer | None:
    days, k, race = list(case.week.days), case.k, case.plan.race_date
    # A missed or red session can only go later; one the reader will be busy for may go earlier, from today on.
    first = case.today if case.trigger == "busy" else max(case.today, case.day_at(k) + timedelta(days=1))
    last = race - timedelta(days=1) if race else date.max  # race day and the days after it stay as they are
    # Only days the reader can run take a session; a session on another day (a plan made before the profile's
    # run days changed) stays where the plan has it.
    free = [j for j in range(7) if j != k and first <= case.day_at(j) <= last and j in case.run_weekdays]
    planned = [days[j] for j in free if days[j].run != "rest"]
    easy = [s for s in planned if s.run == "easy"]
    extra = len(planned) + 1 - len(free)  # the days run out: leave out easy runs, never a key session
    if extra > len(easy):
        return None
    why = _WHY[case.trigger]
    # The session that moves says why; one shifted to make room for it says for what.
    room = f" to make room for {_what(days[k])} {'missed on' if case.trigger == 'missed' else 'moved from'} "
    room += WEEKDAY_NAMES[k] + ("" if case.trigger == "missed" else f" ({why})")
    base = list(days)
    for j in free:
        base[j] = _rest(j, case.day_at(j), "Rest.")
    before = set(case.bent(case.week))
    best: tuple[tuple[int, ...], list[DayPlan], list[DayPlan], tuple[DayPlan, ...], tuple[int, ...]] | None = None
    # Every choice of easy runs to leave out is tried: the one that lets the others stay put reads simplest.
    for dropped, slots in (
        (out, slots)
        for out in combinations(easy, max(extra, 0))
        for slots in permutations(free, len(planned) + 1 - len(out))
    ):
        sessions = [s for s in planned if all(s is not o for o in dropped)] + [days[k]]
        if any(_on_red_day(case, session, j) for session, j in zip(sessions, slots, strict=True)):
            continue
        trial = list(base)
        for session, j in zip(sessions, slots, strict=True):
            trial[j] = _placed(case, session, j, f" ({why})" if session is days[k] else room)
        left = f"{_sentence(_what(days[k]))} moved to {WEEKDAY_NAMES[slots[-1]]} ({why})."
        trial[k] = _rest(k, case.day_at(k), left)
        if not _allowed(case, trial):
            continue
        bent = case.bent(replace(case.week, days=tuple(trial)))
        if set(bent) - before:  # a move that breaks a rule is no offer: easy or skip keeps them
            continue
        changed = sum(trial[j].run != days[j].run for j in free)
        moved = sum(s.weekday != j for s, j in zip(sessions, slots, strict=True))
        score = (len(bent), changed, abs(slots[-1] - k), moved, *slots)
        if best is None or score < best[0]:
            best = (score, trial, sessions, dropped, slots)
    if best is None:
        return None
    _, trial, sessions, dropped, slots = best
    placed = sorted(zip(sessions, slots, strict=True), key=lambda pair: (pair[0] is not days[k], pair[1]))
    moves = [Move(what=_what(trial[j]), from_day=case.day_at(s.weekday), to_day=case.day_at(j)) for s, j in placed]
    moves = [m for m in moves if m.from_day != m.to_day]
    moves += [Move(what=_what(s), from_day=case.day_at(s.weekday), to_day=None) for s in dropped]
    parts = []
    for m in moves:
        if m.to_day is None:
            continue
        landed = trial[m.to_day.weekday()]
        part = f"{m.what} to {WEEKDAY_NAMES[landed.weekday]}"
        if m.to_day in case.red_days and landed.minutes:  # only an easy run lands there, cut short (_placed)
            part += f" as {_red_minutes(landed.minutes)} very easy (readiness red)"
        parts.append(part)
    text = "Move " + _join(parts)
    if case.day_at(k) >= case.today:
        text += f"; rest on {WEEKDAY_NAMES[k]}"
    if dropped:
        text += "; drop " + _join([f"{WEEKDAY_NAMES[s.weekday]}'s {RUN_NAMES[s.run].lower()}" for s in dropped])
    return case.offer("move", text + ".", trial, moves)


def _easy(case: _Case) -> Offer | None:
    days, k = list(case.week.days), case.k
    session, when = days[k], case.day_at(k)
    if when < case.today or case.trigger == "busy" or (case.trigger == "missed" and when != case.today):
        return None
    usual = [d.minutes for d in days if d.run == "easy" and d.minutes]
    red = case.trigger == "red" or when in case.red_days  # a session missed today, on a red day, too
    minutes = RED_ALTERNATIVE_MINUTES[1] if red else int(min(usual, default=DEFAULT_EASY_MINUTES))
    minutes = min(minutes, session.minutes or minutes)
    vdot = case.plan.prefs.vdot
    pace = None if vdot is None else training_paces(vdot).easy
    km = _km(minutes, pace)
    if case.trigger == "red":
        lift = "; no strength that day" if session.strength else ""
        text = f"Make {WEEKDAY_NAMES[k]} an easy run of {_red_minutes(minutes)}, very easy, or rest{lift}."
        reason = "Readiness red: very easy running only."
    elif red:
        lift = ", no strength" if session.strength else ""
        text = (
            f"Readiness is red today: run {_red_minutes(minutes)} very easy instead, or rest{lift}, "
            f"and leave {_what(session)} out this week."
        )
        reason = f"Readiness red: very easy instead of {_what(session)}."
    else:
        lift = ", no strength" if session.strength else ""
        text = f"Run easy today instead: {minutes} min at easy pace{lift}, and leave {_what(session)} out this week."
        reason = f"Easy instead of {_what(session)}."
    if session.run == "easy" and session.minutes == minutes and not session.strength:
        return None
    days[k] = DayPlan(
        weekday=k, run="easy", intent="recovery", reason=reason, minutes=minutes, km=km, pace_s_per_km=pace, day=when
    )
    return case.offer("easy", text, days, [Move(what=_what(session), from_day=when, to_day=None)])


def _skip(case: _Case) -> Offer:
    days, k = list(case.week.days), case.k
    session, when = days[k], case.day_at(k)
    if when >= case.today:
        days[k] = _rest(k, when, f"Rest: {_what(session)} skipped this week.")
        lift = ", no strength" if session.strength else ""
        text = f"Skip it: rest on {WEEKDAY_NAMES[k]}{lift}; the rest of the week stays as planned."
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
    run_weekdays: tuple[int, ...] = (),
) -> tuple[Offer, ...]:
    """One to three offers for ``day``'s session, best first (an offer that bends a rule the week kept comes
    last); none when there is nothing to change. No move is offered when no day fits: then only easy and skip.

    ``trigger`` is ``"missed"`` (a hard session or long run planned on ``day``, today or earlier,
    was not done), ``"red"`` (the readiness verdict for ``day``, today or later, is red) or ``"busy"``
    (the reader cannot make the hard session or long run planned on ``day``, today or later).
    ``red_days`` are the days whose readiness is red: no offer moves a hard session or the long run onto one.
    ``run_weekdays`` are the days the reader can run (the profile's, 0 = Monday); empty: the days the plan
    was made for (its ``available_days``). A move puts a session on no other day.

    Raises:
        InputError: ``day`` outside the plan, a missed day in the future or a red or busy day in the past.
    """
    index = next((n for n, w in enumerate(plan.weeks) if w.start <= day < w.start + timedelta(days=7)), None)
    if index is None:
        raise InputError("day", f"{day_words(day, today=today)} is not in your saved plan.")
    if trigger == "missed" and day > today:
        raise InputError("day", f"Only a session on or before today ({day_words(today, today=today)}) can be missed.")
    if trigger == "red" and day < today:
        raise InputError("day", f"A red readiness day is today ({day_words(today, today=today)}) or later.")
    if trigger == "busy" and day < today:
        raise InputError("day", f"Only a session from today ({day_words(today, today=today)}) on can be moved ahead.")
    k = (day - plan.weeks[index].start).days
    runs = run_weekdays_of(plan, run_weekdays)
    case = _Case(plan=plan, index=index, k=k, trigger=trigger, today=today, red_days=red_days, run_weekdays=runs)
    run = case.week.days[case.k].run
    if (trigger != "red" and run not in _MOVABLE) or run in ("rest", "race"):
        return ()
    found = [offer for offer in (_move(case) if run in _MOVABLE else None, _easy(case), _skip(case)) if offer]
    already = set(case.bent(case.week))
    return tuple(sorted(found, key=lambda offer: len(set(offer.bent_rules) - already)))  # a bent rule goes last

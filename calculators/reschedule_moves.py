"""Move offers: the session (with its strength session) to one other day of the same week, from tomorrow on (today is
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
there is still refused), and the swap keeps the week's five runs and volume, so the runner gets the choice.

An easy week's lift (:attr:`calculators.week_prefs.WeekPrefs.easy_weeks`: every run easy, Sessions A
and B after two of them) moves when it is missed or the reader is busy that day: the lift with its easy run onto a
free day, or the lift alone onto another day's easy run (that day's run stays as planned, as does the session's own
easy run: a missed one is history, a busy day's is kept "if you can run easy that day", and the move that rests
that day follows). The easy weeks' rules hold (:mod:`calculators.week_rules`: an easy day or rest after each
lifting day, no lift on the long run's day, none the day after it), never two lifts on one day, and no lift moves
into the last 14 days before a race, where the planner plans none. A red or amber verdict on a lifting day gives
the readiness page's advice, not a move.

A strength session missed on a day whose run was done (``lift_only``: the run alone made the day count as done, so
it got no offer) moves alone as an easy week's lift does: onto a later run of the week that carries strength (a hard
run; in an easy week, an easy run) and has none of its own, keeping every rule the week kept (an easy day or rest
after each stress day) and none in the last 14 days before a race; the run it was planned with stays where it was
run. From today, not tomorrow (Stridelab's rule): the lift comes after the day's run (TRAINING-RULES.md, "run first,
lift after"), so a day whose run is still to come (not done) can take one, and in an easy week the day after a
missed lift, no longer a stress day's morrow, often can. The nearest such day is offered, then the skip.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from typing import TypeAlias

from calculators.date_words import day_words
from calculators.readiness_easy_run import RED_ALTERNATIVE_MINUTES, red_minutes
from calculators.reschedule_case import (
    MOVABLE,
    WHY,
    Case,
    Move,
    Offer,
    hard_after_long,
    km_at_easy_pace,
    lifting_day,
    red_words,
    rest_day,
    run_words,
    session_words,
)
from calculators.season import NO_HARD_DAYS, NO_LONG_DAYS, NO_STRENGTH_DAYS
from calculators.week_plan import RUN_NAMES, DayPlan
from calculators.week_rules import HARD_RUNS

__all__ = ["move_offers"]


def _sentence(text: str) -> str:
    """``text`` with a capital first letter; the rest as it is ("Session A" stays so)."""
    return text[:1].upper() + text[1:]


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _key(case: Case, day: DayPlan) -> bool:
    """Whether ``day`` holds a session the week is built around: a hard run, the long run or an easy week's lift."""
    return day.run in MOVABLE or lifting_day(case.plan, day)


def _placed(case: Case, session: DayPlan, k: int, why: str) -> DayPlan:
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
        by_distance = bool(session.km and not session.minutes)
        if not by_distance:
            minutes = red_minutes(session.minutes or RED_ALTERNATIVE_MINUTES[1])[1]
            # cut_from: the verdict's run already, so the day's verdict gives it again from the minutes moved, never a
            # cut of the cut (DayPlan.cut_from).
            moved = session.minutes
            km = km_at_easy_pace(minutes, session.pace_s_per_km)
            session = replace(session, minutes=minutes, km=km, cut_from=moved)
        else:  # planned by distance alone: up to that distance, which no minutes cut (readiness_easy_run.red_run_words)
            session = replace(session, cut_from_km=session.km)
        # The reason stays in the plan: by distance it names no unit, which a change of units would leave behind (one
        # unit a screen, calculators.readiness_easy_run); the day's card gives the distance beside it.
        most = f"up to the distance planned ({RED_ALTERNATIVE_MINUTES[1]} min at most)"
        size = most if by_distance else red_words(case, session)
        reason += f" Readiness is red that day: {size} very easy, or rest."
    return replace(session, weekday=k, day=case.day_at(k), reason=reason)


def _red(case: Case, k: int) -> bool:
    """Whether day ``k``'s readiness is red: a red day, or the day a red verdict is about."""
    return case.day_at(k) in case.red_days or (case.trigger == "red" and k == case.k)


def _on_red_day(case: Case, session: DayPlan, k: int) -> bool:
    """Whether placing ``session`` on day ``k`` would put a hard session, the long run or an easy week's lift on a red
    or amber day (a red day drops its strength)."""
    not_green = case.red_days | case.amber_days
    return session.weekday != k and _key(case, session) and case.day_at(k) in not_green


def _allowed(case: Case, days: list[DayPlan]) -> bool:
    """The planner's race-week rules: no hard run in the last two days, no long run in the last six."""
    for k, day in enumerate(days):
        to_race = case.to_race(k)
        if to_race is None or to_race <= 0:
            continue
        if (day.run in HARD_RUNS and to_race <= NO_HARD_DAYS) or (day.run == "long" and to_race <= NO_LONG_DAYS):
            return False
    return True


def _first_day(case: Case) -> date:
    """The first day a session may move to: tomorrow at the earliest (today is under way, and the days before it are
    history), and a day after the session's own unless the reader is busy then (that one may also go earlier); a
    strength session alone (``lift_only``), today."""
    if case.lift_only:  # a lift goes after its day's run: today's, not run yet (not done), can still take one
        return case.today
    tomorrow = case.today + timedelta(days=1)
    return tomorrow if case.trigger == "busy" else max(tomorrow, case.day_at(case.k) + timedelta(days=1))


def move_offers(case: Case) -> tuple[Offer, ...]:
    """The session on a later day (busy: any day from tomorrow), with at most one other session shifted: the one
    whose day it takes swaps onto the session's own day when the verdict makes that an easy day (amber: "swap it
    with the next easy day"; red: "make it easy and move it later"), else goes to a free day, or, an easy run,
    is left out. A busy day's easy run may swap too, keeping the week's volume; as the reader may not be able to run
    at all that day, the best move without the swap follows it. An easy week's lift goes onto another easy run
    (:func:`_lift_onto`). Empty when no such move keeps the rules the week kept, except off a busy day: then the
    moves that bend the fewest rules."""
    days, k = list(case.week.days), case.k
    session = days[k]
    before, long_before = set(case.bent(case.week)), hard_after_long(case, days)
    keeping: list[_Found] = []
    bending: list[_Found] = []
    for trial, j, m in _layouts(case):
        if not _allowed(case, trial) or hard_after_long(case, trial) > long_before:
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


def _layouts(case: Case) -> Iterator[tuple[list[DayPlan], int, int | None]]:
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
    why = WHY[case.trigger]
    room = f" to make room for {session_words(session)} {'missed on' if case.trigger == 'missed' else 'moved from'} "
    room += day_words(when, today=case.today) + ("" if case.trigger == "missed" else f" ({why})")
    for j in targets:
        other = days[j]
        if _on_red_day(case, session, j):
            continue
        if _lift_alone(case, j):
            # The lift alone, onto that day's run: one that carries strength (a hard run; in an easy week, an easy
            # run), never two lifts on one day, none in the last 14 days before a race (the planner plans none).
            if other.run in _carriers(case) and not other.strength and not _strength_free(case, j):
                # A missed day's run is history and stays (or was run: lift_only); a busy day's may still be run
                # (from tomorrow, on a day the reader runs), or the day rests.
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
                on_j = day_words(case.day_at(j), today=case.today)
                moved = f"{_sentence(session_words(session))} moved to {on_j} ({why})."
                trial[k] = rest_day(k, when, moved)
            yield trial, j, m


def _lift_alone(case: Case, j: int) -> bool:
    """Whether a move onto day ``j`` takes the day's strength session alone (:func:`_lift_onto`): a lift whose run
    was done (``lift_only``), or an easy week's lift onto another easy run."""
    return case.lift_only or (lifting_day(case.plan, case.week.days[case.k]) and case.week.days[j].run == "easy")


def _carriers(case: Case) -> frozenset[str]:
    """The runs a strength session goes with (TRAINING-RULES.md, "Where they go in the week": a hard run, never an
    easy day; in an easy week, an easy run: :mod:`calculators.week_rules`)."""
    return frozenset({"easy"}) if case.plan.prefs.easy_weeks else HARD_RUNS


def _strength_free(case: Case, j: int) -> bool:
    """Whether day ``j`` is in the last :data:`calculators.season.NO_STRENGTH_DAYS` days before the race, where the
    planner plans no strength (TRAINING-RULES.md: "two weeks before race day: drop strength entirely")."""
    to_race = case.to_race(j)
    return to_race is not None and 0 <= to_race <= NO_STRENGTH_DAYS


def _lift_onto(case: Case, j: int, *, keep: bool) -> list[DayPlan]:
    """The day's lift moved alone onto day ``j``'s run; the session's own run stays (``keep``: the reader may still
    run easy that day, or ran it already) or the day rests. In an easy week the lift makes its day the stress day, so
    the two days trade intents; a hard run's day is the stress day with its lift or without."""
    days, k = list(case.week.days), case.k
    session, other, when = days[k], days[j], case.day_at(k)
    lift, why = f"Session {session.strength}", WHY[case.trigger]
    trade = case.plan.prefs.easy_weeks
    days[j] = replace(
        other,
        strength=session.strength,
        strength_volume=session.strength_volume,
        intent=session.intent if trade else other.intent,
        reason=f"{RUN_NAMES[other.run]}, then {lift} moved here from {day_words(when, today=case.today)} ({why}).",
    )
    moved = f"{lift} moved to {day_words(case.day_at(j), today=case.today)} ({why})"
    days[k] = (
        replace(
            session,
            strength=None,
            strength_volume=0.0,
            intent=other.intent if trade else session.intent,
            reason=f"{RUN_NAMES[session.run]}; {moved}.",
        )
        if keep
        else rest_day(k, when, f"Rest: {moved}.")
    )
    return days


def _move_offer(case: Case, trial: list[DayPlan], j: int, m: int | None) -> Offer:
    """The move offer that puts the session on day ``j`` and the session it displaces on day ``m`` (None: left
    out), in words."""
    when, other = case.day_at(case.k), case.week.days[j]
    on_j = day_words(case.day_at(j), today=case.today)
    if _lift_alone(case, j):  # the lift alone (_lift_onto)
        lift, run = f"Session {trial[j].strength}", RUN_NAMES[other.run].lower()
        # today's run is still to come (lift_only's moves start today): the lift goes after it
        today = case.day_at(j) == case.today
        text = (
            f"Move {lift} to today ({on_j}), after your {run}"
            if today
            else f"Move {lift} to {on_j}, after that day's {run}"
        )
        moves = [Move(what=lift, from_day=when, to_day=case.day_at(j))]
        if m is None:
            text += f"; rest on {day_words(when, today=case.today)}"
            moves.append(Move(what=run_words("easy"), from_day=when, to_day=None))
        elif case.trigger == "busy":
            text += f"; keep the easy run of {day_words(when, today=case.today)} (if you can run easy that day)"
        return case.offer("move", text + ".", trial, moves)
    moves = [Move(what=session_words(trial[j]), from_day=when, to_day=case.day_at(j))]
    parts = [f"{session_words(trial[j])} to {on_j}"]
    if m is not None:
        moves.append(Move(what=session_words(trial[m]), from_day=case.day_at(j), to_day=case.day_at(m)))
        part = f"{session_words(trial[m])} to {day_words(case.day_at(m), today=case.today)}"
        if _red(case, m) and trial[m].run == "easy" and (trial[m].minutes or trial[m].km):  # cut short by _placed
            part += f" as {red_words(case, trial[m])} very easy (readiness red)"
        if m == case.k and case.trigger == "busy":  # the day the reader said they might not make
            part += " (if you can run easy that day)"
        parts.append(part)
    elif other.run != "rest":
        moves.append(Move(what=session_words(other), from_day=case.day_at(j), to_day=None))
    text = ("Swap it with your next easy day: move " if case.trigger == "amber" else "Move ") + _join(parts)
    if m != case.k and when >= case.today:
        text += f"; rest on {day_words(when, today=case.today)}"
    if m is None and other.run != "rest":
        text += f"; drop the {RUN_NAMES[other.run].lower()} of {on_j}"
    return case.offer("move", text + ".", trial, moves)

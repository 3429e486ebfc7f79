"""When life happens: concrete offers for a missed hard session, a red or amber readiness day or a day the reader
cannot make (and, in easy weeks, a missed or busy lifting day), applied only on acceptance.

The offers follow TRAINING-RULES.md ("Readiness", tomorrow's easy run: on amber "a hard session planned tomorrow
is swapped with the next easy day"; on red "a hard session planned tomorrow becomes easy or moves, and strength
that day is dropped"; "Where they go in the week": strength stays with its hard run), as the readiness verdict
states them, never against them. Each offer is a modified copy of that week of the season plan, checked with the
planner's own :func:`calculators.week_plan.rule_violations` (``cyclic=False``: a season week is followed by the next
one) and across the week's edges as :func:`calculators.season.season_violations` checks them; a rule an offer
cannot keep is named in ``bent_rules`` (those the week kept before it in ``bends``), and such an offer comes after
those that keep every rule. The offers, best first:

- **move** (:mod:`calculators.reschedule_moves`): the session to another day of its week, with at most one other
  session shifted (on amber: the swap with the next easy day); an easy week's lift onto another day;
- **easy** (:mod:`calculators.reschedule_easy`): an easy run in the session's place;
- **skip**: the session is left out this week (rest on a red day); the rest of the week stays.

A day whose run was done but whose strength session was missed (``lift_only``) gets a move of the strength session
alone (:mod:`calculators.reschedule_moves`) and the skip, never an easy run: the run is behind the reader.

Days before tomorrow are history: the only one an offer changes is the session's own day. A session done already
(logged, or a log counts for it: ``done``) gets no offer, and no offer moves one. Every day an offer names carries
its date ("Sunday 13 December"): the plan's week runs Monday to Sunday, whichever day the reader's week starts on.
Nothing is stored until the reader accepts an offer: :func:`calculators.plan_changes.apply_offer` then writes the
plan's week and a change record, and never touches a logged session.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from calculators.date_words import day_words
from calculators.errors import InputError
from calculators.reschedule_case import MOVABLE, Case, Move, Offer, Trigger, lifting_day, rest_day, session_words
from calculators.reschedule_easy import easy_offer
from calculators.reschedule_moves import move_offers
from calculators.season import SeasonPlan
from calculators.units import PaceUnit
from calculators.week_plan import RUN_NAMES

__all__ = ["reschedule_offers", "run_weekdays_of"]


def _skip(case: Case) -> Offer:
    days, k = list(case.week.days), case.k
    session, when = days[k], case.day_at(k)
    if case.lift_only:  # the run was done: only the lift is left out, and a day gone by stays as it was
        lift = f"Session {session.strength}"
        if when >= case.today:
            reason = f"{RUN_NAMES[session.run]}; {lift} skipped this week."
            days[k] = replace(session, strength=None, strength_volume=0.0, reason=reason)
        text = f"Skip {lift} this week; the rest of the week stays as planned."
        return case.offer("skip", text, days, [Move(what=lift, from_day=when, to_day=None)])
    if when >= case.today:
        days[k] = rest_day(k, when, f"Rest: {session_words(session)} skipped this week.")
        lift = ", no strength" if session.strength else ""
        text = f"Skip it: rest on {day_words(when, today=case.today)}{lift}; the rest of the week stays as planned."
    else:
        text = f"Skip {session_words(session)} this week; the rest of the week stays as planned."
    return case.offer("skip", text, days, [Move(what=session_words(session), from_day=when, to_day=None)])


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
    unit: PaceUnit = "km",
    lift_only: bool = False,
) -> tuple[Offer, ...]:
    """One to three offers for ``day``'s session, best first (an offer that bends a rule the week kept comes
    last); none when there is nothing to change. No move is offered when no day fits: then only easy and skip.

    ``trigger`` is ``"missed"`` (a hard session or long run planned on ``day``, today or earlier,
    was not done), ``"red"`` (the readiness verdict for ``day``, today or later, is red: "make it easy and move it
    later"), ``"amber"`` (it is amber for ``day``'s hard session: "swap it with the next easy day") or ``"busy"``
    (the reader cannot make the hard session or long run planned on ``day``, today or later); an easy week's lift
    (:func:`calculators.reschedule_case.lifting_day`) is moved when missed or busy.
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

    ``unit`` is the reader's km or miles (the profile's, else the browser's region): the offers say their distances in
    it, whatever unit the plan was made in (one unit a screen, Stridelab's rule in
    :mod:`calculators.readiness_easy_run`).

    ``lift_only``: ``day``'s run was done (so ``day`` is among ``done``) and only its strength session was missed
    (``trigger`` ``"missed"``): the offers move that session alone to a later day that can carry it, or skip it.

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
    case = Case(
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
        unit=unit,
        lift_only=lift_only,
    )
    session = case.week.days[case.k]
    if lift_only:
        if trigger != "missed" or session.strength is None:
            return ()
        return tuple(sorted((*move_offers(case), _skip(case)), key=lambda offer: len(offer.bends)))
    # An easy week's lift moves when missed or on a busy day; a red or amber verdict's advice for it is its own.
    lift = lifting_day(plan, session) and trigger in ("missed", "busy")
    if (trigger != "red" and session.run not in MOVABLE and not lift) or session.run in ("rest", "race"):
        return ()
    if day in done:
        return ()
    moves = move_offers(case) if session.run in MOVABLE or lift else ()
    # An easy week's lift missed today keeps its easy run in the move that takes the lift to another day.
    swapped = any(offer.kind == "move" and not offer.bends for offer in moves)
    found = [offer for offer in (*moves, None if lift else easy_offer(case, swapped=swapped), _skip(case)) if offer]
    return tuple(sorted(found, key=lambda offer: len(offer.bends)))  # a bent rule goes last

"""The easy offer: a red or amber day (or a session missed today, not an easy week's lift: its move keeps the easy run)
becomes an easy run without strength (not a busy day: the reader cannot run then): 20–30 min very easy on a red
day (the house rule's red alternative), never over the session it replaces
(:func:`calculators.readiness_easy_run.red_minutes`; a session planned by distance alone: up to its distance, 30
min at most), the next easy day's run on an amber one, cut back as readiness cuts it, otherwise the plan week's
easy run, else the reader's usual easy run (:func:`calculators.readiness_plan.usual_easy_minutes`: a plan by
distance gives no minutes), else 50 min; in a plan by distance alone, the amber run and a missed session's easy run
are that easy run's distance (cut back on amber), in the reader's unit (:func:`calculators.readiness_plan.stand_in_km`).
Planned as the verdict gives it, the day remembers the minutes or km it was cut from (``DayPlan.cut_from``,
``cut_from_km``), so the day's verdict gives the same run again, never a cut of it.
"""

from __future__ import annotations

from dataclasses import replace

from calculators.date_words import day_words
from calculators.readiness_easy_run import RED_ALTERNATIVE_MINUTES, easy_run
from calculators.readiness_plan import (
    DEFAULT_EASY_MINUTES,
    plan_easy_km,
    plan_easy_minutes,
    stand_in_km,
    stand_in_minutes,
)
from calculators.reschedule_case import (
    Case,
    Move,
    Offer,
    hard_after_long,
    km_at_easy_pace,
    red_words,
    session_words,
)
from calculators.units import distance_in
from calculators.vdot import training_paces
from calculators.week_plan import DayPlan

__all__ = ["easy_offer"]


def _no_swap(case: Case, session: DayPlan) -> str:
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
            f"{session_words(session)} on another {level} day"
        )
    swapped = list(case.week.days)
    swapped[case.k], swapped[swap] = swapped[swap], swapped[case.k]
    if hard_after_long(case, swapped) > hard_after_long(case, list(case.week.days)):
        return f"A swap with your next easy day, {on}, would put {session_words(session)} the day after the long run"
    return f"A swap with your next easy day, {on}, would break a rule your week keeps"


def easy_offer(case: Case, *, swapped: bool = False) -> Offer | None:
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
        km = km_at_easy_pace(minutes, pace)
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
        text = f"Make {on} an easy run of {red_words(case, offered)}, very easy, or rest{lift}."
        reason = "Readiness red: very easy running only."
    elif red:
        lift = ", no strength" if session.strength else ""
        text = (
            f"Readiness is red today: run {red_words(case, offered)} very easy instead, or rest{lift}, "
            f"and leave {session_words(session)} out this week."
        )
        reason = f"Readiness red: very easy instead of {session_words(session)}."
    else:
        lift = ", no strength" if session.strength else ""
        on = "today" if when == case.today else f"on {day_words(when, today=case.today)}"
        size = f"{minutes} min" if by_distance is None else f"{distance_in(by_distance, case.unit):g} {case.unit}"
        how = "shorter and slower, as readiness says" if case.trigger == "amber" else f"{size} at easy pace"
        text = f"Run easy {on} instead: {how}{lift}, and leave {session_words(session)} out this week."
        if case.trigger == "amber" and not swapped:
            text = f"{_no_swap(case, session)}. {text}"
        reason = f"Easy instead of {session_words(session)}."
    same = session.minutes == minutes if by_distance is None else (not session.minutes and session.km == km)
    if session.run == "easy" and same and not session.strength:
        return None
    days[k] = replace(offered, reason=reason)
    return case.offer("easy", text, days, [Move(what=session_words(session), from_day=when, to_day=None)])

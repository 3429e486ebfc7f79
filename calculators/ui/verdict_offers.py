"""The training calendar's offers for a day's hard session or long run: when it was missed, when its readiness verdict
is red or amber, or when the reader may not make it. The calendar page lists them; Today, the readiness page and the
pages that name a dropped strength session give the first one a verdict makes, so no page proposes what the calendar
cannot do. Its own module, below the pages that read it, so any of them can ask without a circular import.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from calculators.calendar import Calendar, build_calendar
from calculators.calendar_logs import Logs
from calculators.errors import InputError
from calculators.profile import Profile
from calculators.readiness_plan import usual_easy_minutes
from calculators.reschedule import reschedule_offers
from calculators.reschedule_case import Offer, Trigger, lifting_day
from calculators.reschedule_hint import days_that_would_fit
from calculators.season import SeasonPlan
from calculators.week_rules import HARD_RUNS

__all__ = [
    "advice_offer",
    "calendar_as_told",
    "done_days",
    "first_verdict_offer",
    "offers_for",
    "told_offer",
    "verdict_offer",
]

#: A session not done yet can be moved ahead up to this many days before it: the coming week, whichever day the
#: reader's week starts on (further ahead the plan is still the planner's, and readiness is not known).
_AHEAD_DAYS = 6


def _verdict_days(logs: Logs, plan: SeasonPlan, today: date, profile: Profile) -> dict[str, frozenset[date]]:
    """Today and tomorrow by their readiness level, "red" and "amber" (the days with a verdict an offer could move
    a session to), whichever week the calendar shows."""
    near = build_calendar(today, today + timedelta(days=1), logs=logs, plan=plan, today=today, profile=profile)
    days = [d for d in (near.day(today + timedelta(days=n)) for n in (0, 1)) if d is not None and d.readiness]
    return {
        level: frozenset(d.day for d in days if d.readiness and d.readiness.level == level)
        for level in ("red", "amber")
    }


def done_days(logs: Logs, plan: SeasonPlan, day: date, today: date, profile: Profile) -> frozenset[date]:
    """The days of ``day``'s plan week whose session was done or partly done (logged that day, or a log counts for
    it): an offer never moves or plans again what the reader has run. The plan's week runs Monday to Sunday,
    whichever day the reader's calendar starts on, so it is built for that week, not the one shown."""
    monday = day - timedelta(days=day.weekday())
    week = build_calendar(monday, monday + timedelta(days=6), logs=logs, plan=plan, today=today, profile=profile)
    shown = (week.day(monday + timedelta(days=n)) for n in range(7))
    return frozenset(d.day for d in shown if d and any(p.status in ("done", "partly done") for p in d.planned))


def _trigger(calendar: Calendar, plan: SeasonPlan | None, day: date) -> Trigger | None:
    """Why ``day``'s hard session, long run or easy week's lift may need a change: missed, the day's readiness
    verdict (red, or amber for a hard session: the offers then follow what the verdict says to do with it; a lift's
    verdict is the readiness page's alone), or (for one not done yet in the coming week) a day the reader may not
    make; None when it has none of these or there is none."""
    found = calendar.day(day)
    if plan is None or found is None or found.plan is None:
        return None
    lift = lifting_day(plan, found.plan)  # an easy week's lift: moved when missed or busy, the verdict's own else
    if found.plan.run not in (*HARD_RUNS, "long") and not lift:
        return None
    today = calendar.today
    # A hard session rested on its red day was still to move later in the week, as the verdict said: it gets the
    # offers of a missed one.
    if any(p.kind == "run" and p.status in ("missed", "rested") for p in found.planned):
        return "missed"
    verdict = None if lift else found.readiness
    action = verdict.hard_day.action if verdict is not None and verdict.hard_day is not None else None
    if verdict is not None and (verdict.state == "red" or action == "make easy") and day >= today:
        return "red"
    if action == "swap" and day >= today and any(p.kind == "run" and p.status == "planned" for p in found.planned):
        return "amber"
    ahead = today <= day <= today + timedelta(days=_AHEAD_DAYS)
    return "busy" if ahead and any(p.kind == "run" and p.status == "planned" for p in found.planned) else None


def _lift_missed(calendar: Calendar, day: date) -> bool:
    """Whether ``day``'s strength session was missed while its run was done or partly done (logged, or a log counts
    for it): the run makes the day one done (:func:`done_days`), so :func:`_trigger` sees nothing to change, yet the
    lift is owed as a missed one is (a lift dropped by a verdict or the comeback rule is not: it reads "dropped")."""
    found = calendar.day(day)
    status = {p.kind: p.status for p in found.planned} if found is not None else {}
    return status.get("strength") == "missed" and status.get("run") in ("done", "partly done")


def offers_for(
    calendar: Calendar, plan: SeasonPlan | None, day: date, logs: Logs, profile: Profile, *, hint: bool = False
) -> tuple[tuple[Offer, ...], tuple[int, ...]]:
    """Offers for ``day``'s session (:func:`_trigger`), or its strength session alone (:func:`_lift_missed`), and, with
    ``hint`` and no move among them that keeps every rule, the weekdays that would make room for one were they run
    days. None moves a hard session, the long run or a lift onto a red or amber day (today's or tomorrow's verdict),
    and none moves anything onto a day the profile does not run on. Today shows the first of them for an amber or red
    day, so the two pages never advise differently."""
    trigger = _trigger(calendar, plan, day)
    # A day run but not lifted: its strength session gets what a missed one gets, a move to a day that can carry it
    # or a skip (calculators.reschedule, lift_only).
    lift_only = trigger is None and _lift_missed(calendar, day)
    trigger = "missed" if lift_only else trigger
    if plan is None or trigger is None:
        return (), ()
    today, runs = calendar.today, profile.run_weekdays
    verdicts, done = _verdict_days(logs, plan, today, profile), done_days(logs, plan, day, today, profile)
    red, amber = verdicts["red"], verdicts["amber"]
    try:
        # The reader's usual easy run as the day's verdict reads it, on the evening before (calendar._readiness).
        usual = usual_easy_minutes(logs.runs, day - timedelta(days=1))
        offers = reschedule_offers(
            plan,
            day,
            trigger=trigger,
            today=today,
            red_days=red,
            amber_days=amber,
            run_weekdays=runs,
            done=done,
            usual_easy=usual,
            unit=profile.units,  # one unit a screen: the reader's, as the day's card and verdict say it
            lift_only=lift_only,
        )
        # An added run day makes no room for a lift: it needs a hard run (calculators.reschedule_moves).
        if not hint or lift_only or not offers or any(o.kind == "move" and not o.bends for o in offers):
            return offers, ()
        fits = days_that_would_fit(
            plan, day, trigger=trigger, today=today, red_days=red, amber_days=amber, run_weekdays=runs, done=done
        )
        return offers, fits
    except InputError:
        return (), ()


def verdict_offer(calendar: Calendar, plan: SeasonPlan | None, day: date, logs: Logs, profile: Profile) -> Offer | None:
    """The calendar's first offer for ``day``'s hard session when its readiness verdict is amber or red: what Today
    and the readiness page give as the verdict's advice, so no page proposes what the calendar cannot do."""
    return first_verdict_offer(offers_for(calendar, plan, day, logs, profile)[0])


def first_verdict_offer(offers: tuple[Offer, ...]) -> Offer | None:
    """The first of a day's ``offers`` (:func:`offers_for`) that its amber or red verdict makes: the one the pages
    give as the verdict's advice."""
    return next((o for o in offers if o.trigger in ("amber", "red")), None)


def _as_of_morning(logs: Logs, day: date) -> Logs:
    """The logs as they stood on the morning of ``day``: its own check-in, nothing logged that day or after."""
    return replace(
        logs,
        runs=tuple(r for r in logs.runs if r.day < day),
        strength=tuple(s for s in logs.strength if s.date < day),
        hrv={d: m for d, m in logs.hrv.items() if d <= day},
    )


def told_offer(plan: SeasonPlan | None, day: date, *, logs: Logs, today: date, profile: Profile) -> Offer | None:
    """The calendar's first offer for ``day``'s session on its amber or red verdict (:func:`verdict_offer`) as the
    reader was told it: tomorrow's as it stands today; today's and an earlier day's as it stood on that day's morning,
    before anything was logged that day. A run logged takes the live offers away (the session is done, and no offer
    plans again what the reader has run), yet it was run as told: it is judged against what it was told."""
    told_on, known = (today, logs) if day > today else (day, _as_of_morning(logs, day))
    calendar = build_calendar(day, day, logs=known, plan=plan, today=told_on, profile=profile)
    return verdict_offer(calendar, plan, day, known, profile)


def _runs_easy(offer: Offer | None) -> bool:
    """Whether ``offer`` is an amber day's "Run easy today instead": the easy run in the session's place."""
    return offer is not None and offer.kind == "easy" and offer.trigger == "amber"


def advice_offer(calendar: Calendar, plan: SeasonPlan | None, day: date, logs: Logs, profile: Profile) -> Offer | None:
    """The offer a page gives as ``day``'s verdict advice: the calendar's live one (:func:`verdict_offer`), else, on
    an amber day whose card (``calendar``, :func:`calendar_as_told`) runs easy in the session's place, the easy run
    it was told (:func:`told_offer`), so a run logged as told leaves the advice as the card reads, not a hard session
    to do again."""
    live = verdict_offer(calendar, plan, day, logs, profile)
    shown = calendar.day(day)
    if live is not None or shown is None or not any(p.kind == "run" and p.eased for p in shown.planned):
        return live
    told = told_offer(plan, day, logs=logs, today=calendar.today, profile=profile)
    return told if _runs_easy(told) else None


def calendar_as_told(
    first: date,
    last: date,
    *,
    logs: Logs,
    plan: SeasonPlan | None,
    today: date,
    profile: Profile,
    month: int | None = None,
) -> Calendar:
    """:func:`calculators.calendar.build_calendar`, with an amber day's hard session or long run shown as the easy run
    the verdict's offer puts in its place ("Run easy today instead", :func:`told_offer`), as Today and the day's
    details advise: the plan's tempo pace or marathon-pace part is not what the runner is told to run that day, and a
    run logged as told is judged against that easy run, that day and after. The verdict alone says so when no easy
    day is left in the week; the offers also when a swap the verdict saw breaks the week's rules or lands on a day
    whose own verdict is amber or red."""
    calendar = build_calendar(first, last, logs=logs, plan=plan, today=today, profile=profile, month=month)
    # Offers cost calendars of their own: asked only for an amber day whose verdict would swap the session (a
    # verdict reaches no further than tomorrow).
    eased = frozenset(
        shown.day
        for week in calendar.weeks
        for shown in week.days
        if (verdict := shown.readiness) is not None
        and verdict.level == "amber"
        and verdict.hard_day is not None
        and verdict.hard_day.action == "swap"
        and not verdict.hard_day.in_place
        and _runs_easy(told_offer(plan, shown.day, logs=logs, today=today, profile=profile))
    )
    if not eased:
        return calendar
    return build_calendar(first, last, logs=logs, plan=plan, today=today, profile=profile, month=month, eased=eased)

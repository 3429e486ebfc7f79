"""The training calendar's offers for a day's hard session or long run: when it was missed, when its readiness verdict
is red or amber, or when the reader may not make it. The calendar page lists them; Today, the readiness page and the
pages that name a dropped strength session give the first one a verdict makes, so no page proposes what the calendar
cannot do. Its own module, below the pages that read it, so any of them can ask without a circular import.
"""

from __future__ import annotations

from datetime import date, timedelta

from calculators.calendar import Calendar, build_calendar
from calculators.calendar_logs import Logs
from calculators.errors import InputError
from calculators.profile import Profile
from calculators.reschedule import Offer, Trigger, reschedule_offers
from calculators.reschedule_hint import days_that_would_fit
from calculators.season import SeasonPlan
from calculators.week_rules import HARD_RUNS

__all__ = ["calendar_as_told", "done_days", "first_verdict_offer", "offers_for", "verdict_offer"]

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
    """Why ``day``'s hard session or long run may need a change: missed, the day's readiness verdict (red, or amber
    for a hard session: the offers then follow what the verdict says to do with it), or (for one not done yet in the
    coming week) a day the reader may not make; None when it has none of these or there is none."""
    found = calendar.day(day)
    if plan is None or found is None or found.plan is None or found.plan.run not in (*HARD_RUNS, "long"):
        return None
    today = calendar.today
    # A hard session rested on its red day was still to move later in the week, as the verdict said: it gets the
    # offers of a missed one.
    if any(p.kind == "run" and p.status in ("missed", "rested") for p in found.planned):
        return "missed"
    verdict = found.readiness
    action = verdict.hard_day.action if verdict is not None and verdict.hard_day is not None else None
    if verdict is not None and (verdict.state == "red" or action == "make easy") and day >= today:
        return "red"
    if action == "swap" and day >= today and any(p.kind == "run" and p.status == "planned" for p in found.planned):
        return "amber"
    ahead = today <= day <= today + timedelta(days=_AHEAD_DAYS)
    return "busy" if ahead and any(p.kind == "run" and p.status == "planned" for p in found.planned) else None


def offers_for(
    calendar: Calendar, plan: SeasonPlan | None, day: date, logs: Logs, profile: Profile, *, hint: bool = False
) -> tuple[tuple[Offer, ...], tuple[int, ...]]:
    """Offers for ``day``'s session (:func:`_trigger`), and, with ``hint`` and no move among them, the weekdays that
    would make room for one were they run days. None moves a hard session or the long run onto a red or amber day
    (today's or tomorrow's verdict), and none moves anything onto a day the profile does not run on. Today shows
    the first of them for an amber or red day, so the two pages never advise differently."""
    trigger = _trigger(calendar, plan, day)
    if plan is None or trigger is None:
        return (), ()
    today, runs = calendar.today, profile.run_weekdays
    verdicts, done = _verdict_days(logs, plan, today, profile), done_days(logs, plan, day, today, profile)
    red, amber = verdicts["red"], verdicts["amber"]
    try:
        offers = reschedule_offers(
            plan, day, trigger=trigger, today=today, red_days=red, amber_days=amber, run_weekdays=runs, done=done
        )
        if not hint or not offers or any(o.kind == "move" for o in offers):
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
    """:func:`calculators.calendar.build_calendar`, with today's or tomorrow's hard session or long run shown as the
    easy run the verdict's offer puts in its place on an amber day ("Run easy today instead"), as Today and the day's
    details advise: the plan's tempo pace or marathon-pace part is not what the runner is told to run that day. The
    verdict alone says so when no easy day is left in the week; the offers also when a swap the verdict saw breaks the
    week's rules or lands on a day whose own verdict is amber or red."""
    calendar = build_calendar(first, last, logs=logs, plan=plan, today=today, profile=profile, month=month)
    # Offers cost calendars of their own: asked only for an amber day whose verdict would swap the session.
    eased = frozenset(
        day
        for day in (today, today + timedelta(days=1))
        if (shown := calendar.day(day)) is not None
        and (verdict := shown.readiness) is not None
        and verdict.level == "amber"
        and verdict.hard_day is not None
        and verdict.hard_day.action == "swap"
        and not verdict.hard_day.in_place
        and (offer := verdict_offer(calendar, plan, day, logs, profile)) is not None
        and offer.kind == "easy"
        and offer.trigger == "amber"
    )
    if not eased:
        return calendar
    return build_calendar(first, last, logs=logs, plan=plan, today=today, profile=profile, month=month, eased=eased)

"""Today: the day's planned run with its paces, the strength session with a button that starts logging it, the
readiness verdict with tomorrow's easy run, and the few reminders that matter.

It reads the same store as the planner, the logs and the calendar, and adds only two things: the
strength log's session in progress (started here exactly as on the strength log) and the note that
the reader skipped the profile setup.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from calculators.after_race import last_race
from calculators.after_race import plan_words as after_race_plan_words
from calculators.calendar import CalendarDay, PlannedItem, week_bounds
from calculators.calendar_lifts import missing_lifts
from calculators.calendar_logs import Logs, hrv_readings, read_logs, read_plan
from calculators.date_words import day_words
from calculators.errors import InputError
from calculators.planner_sessions import effort_words, structure_words
from calculators.profile import Profile
from calculators.reschedule_case import Offer, run_words
from calculators.reschedule_comeback import comeback, one_instruction, strength_dropped
from calculators.season import SeasonPlan, race_days
from calculators.ui.calculator import Calculator, Context, Reply, action_button, after_ops
from calculators.ui.calendar_page import accepted_change
from calculators.ui.calendar_view import left_out_notice, offer_item, planned_line
from calculators.ui.data import last_backup
from calculators.ui.html import Html, el, join, summary_line
from calculators.ui.own_lift_slots import own_lifts_note
from calculators.ui.plain_terms import SET_RPE
from calculators.ui.planner_notes import GUIDES, saved_paces_note
from calculators.ui.readiness_start import still_to_come_note
from calculators.ui.readiness_view import (
    easy_limits,
    hard_day_advice,
    headline,
    no_hrv_note,
    no_reading_yet_note,
    verdict_words,
    waiting_note,
    waits_for_check_in,
    worse_note,
)
from calculators.ui.strength_draft_edit import put_draft
from calculators.ui.strength_drops import dropped_words, eased_run
from calculators.ui.strength_left_open import left_open, left_open_words
from calculators.ui.strength_screens import pairs, session_to_start
from calculators.ui.strength_state import Draft, State, read_state, remembered_gym
from calculators.ui.strength_view import SESSION_NAMES, prescription_table, session_title
from calculators.ui.verdict_offers import advice_offer, calendar_as_told, offers_for, verdict_offer
from calculators.units import PaceUnit, WeightUnit
from calculators.week_plan import fast_distance
from calculators.week_rules import HARD_RUNS

__all__ = ["CALCULATOR", "SETUP_SKIPPED"]

Store = Mapping[str, Mapping[str, Any]]
#: The settings entry that says the reader skipped the profile setup (so it is not offered again).
SETUP_SKIPPED = "today:setup-skipped"
#: The effect that opens the strength log once Start's session is stored (``go`` in effects.js).
TO_THE_LOG = {"type": "go", "href": "../strength-log/"}
#: Stridelab's rule: remind the reader once no HRV was entered for this many days (they measured before).
HRV_GAP_DAYS = 3


#: What today's verdict says about today's run, and about its strength session (None: nothing to say there).
Advice = tuple[str, str | None] | None


def _for_today(day: CalendarDay | None, offer: Offer | None = None) -> Advice:
    """What today's verdict says about today's run and its strength session, when it changes them.

    The verdict is this morning's once the check-in is logged (its HRV, sleep and soreness decide the day),
    else last night's; it is named as such, so a reader sees why logging the morning changed it. It is worded as
    the readiness page words it ("baseline still building" while HRV is not used yet), never a colour it does not
    show there. Without a plan, a run day of the profile's gets the same shorter easy run. ``offer`` is the training
    calendar's first offer for today's hard session on an amber or red day: Today says what the calendar will do.
    """
    if day is None or day.readiness is None:
        return None
    r = day.readiness
    words = verdict_words(r).replace(": ", ", ") if r.state == "building" else r.level
    # Mid-sentence: "from your training load", but "HRV" and a date keep their capitals.
    words = words if words[1:2].isupper() else words[:1].lower() + words[1:]
    source = "This morning's check-in for today" if r.hrv.day == day.day else "Last night's verdict for today"
    verdict = f"{source}: {words}."
    # The calendar's drops (a red verdict's, and an amber day's run easy in the session's place) are said in the words
    # every page gives them (strength_drops, in _strength); this one is for the verdict's advice where it drops none.
    drop = None if r.drop_strength else f"Drop today's strength session: {source[0].lower()}{source[1:]} is {words}."
    if r.hard_day is None:  # an easy day, a rest day or no plan: a worse verdict shortens the run
        easy = r.next_easy_run
        if r.level == "green" or easy is None or (day.plan is not None and day.plan.run == "rest"):
            return None
        return (f"{verdict} {easy.summary}", None)
    if day.plan is not None and day.plan.run == "race" and r.level != "green":
        # The race is kept whatever the colour: race morning says what its eve said ("start conservatively").
        return (f"{verdict} {r.hard_day.reason}", None)
    if r.hard_day.action == "keep" or day.plan is None:
        return None
    run = run_words(day.plan.run)
    if offer is not None:
        # A red day's strength is the calendar's drop, said where it moves (strength_drops, in _strength): one sentence.
        moved = offer.kind == "move" and not r.drop_strength
        return (
            f"{verdict} {offer.description}",
            f"It moves with {run}: do it on the day you run that." if moved else drop,
        )
    if r.hard_day.action == "swap":
        # Not "swap with tomorrow": tomorrow's verdict may be worse. The calendar offers moves on red days only.
        return (
            f"{verdict} Run easy today, and do {run} on a later easy day once your verdict is green.",
            f"It moves with {run}: do it on the day you run that.",
        )
    return (f"{verdict} Make today easy (or rest) and move {run} later in the week.", drop)


def _ran(logs: Logs, today: date) -> str | None:
    """Today's logged runs as the reader entered them, "you ran 60 min (RPE 7, load 420)": a day with a run in the
    log is not described as a rest day alone."""
    mine = [r for r in logs.runs if r.day == today]
    runs = [f"{round(r.duration_s / 60)} min (RPE {r.rpe:g}, load {r.session.load:.0f})" for r in mine]
    return f"you ran {' and '.join(runs)}" if runs else None


def _how(item: PlannedItem, unit: PaceUnit) -> list[object]:
    """How to run a planned run still to run as planned, in the planner's own words: how hard it is by feel when it
    has no pace (no VDOT), and how a tempo or interval session is split, with the guide that says more. Minutes alone
    do not say how hard a beginner's first interval session is, nor that half of it is warm-up and cool-down."""
    run = item.plan.run
    feel = effort_words(run) if item.pace_s_per_km is None else ""
    how = structure_words(run, item.plan.fast_minutes, fast_distance(item.plan, unit)) if run in HARD_RUNS else ""
    # Each on a line of its own: on a phone, one paragraph of status, effort, split and the plan's reason is a wall.
    return [
        *([el("br"), feel] if feel else []),
        *([el("br"), el("a", {"href": GUIDES[run]}, "How to run it"), f": {how}"] if how else []),
    ]


def _run_line(item: PlannedItem, unit: PaceUnit, reason: str, *, how: bool) -> Html:
    """One planned run and its status; with ``how``, how to run it (:func:`_how`), and then the plan's ``reason`` on a
    line of its own, with a VDOT or without, with how-to lines or none: on the day, how to run it matters more than
    why the plan put it there, and the status line reads the same whatever follows it."""
    lines = _how(item, unit) if how else []
    why = reason.strip()
    return el("li", None, f"{planned_line(item, unit)}.", *lines, *([el("br"), why] if why else []))


def _plan_ended(plan: SeasonPlan | None, today: date) -> date | None:
    """The day a saved plan ended (its race, else its last planned day) once it plans nothing from tomorrow; None
    while it runs on, or without one. After it, only Stridelab's defaults are left to plan a run by."""
    days = plan.planned_days() if plan else {}
    if plan is None or not days or max(days) > today:
        return None
    return plan.race_date if plan.race_date is not None and plan.race_date <= max(days) else max(days)


def _next_season(ended: date, today: date) -> Html:
    """Where to plan what comes after a plan that ended on ``ended``, with the link that does it."""
    when = "ends today" if ended == today else f"ended on {day_words(ended, today=today)}"
    return join(
        f"Your plan {when}: ",
        el("a", {"href": "../planner/"}, "plan your next season on the planner"),
        ".",
    )


def _run(
    day: CalendarDay | None,
    profile: Profile,
    ran: str | None,
    advice: Advice,
    todo: str | None,
    ended: date | None = None,
    eased_tomorrow: str | None = None,
) -> Html:
    """Today's planned runs with their status and ``todo``, the day's one instruction for its run
    (:func:`calculators.reschedule_comeback.one_instruction`: the verdict's advice, or the comeback rule).
    ``ended``: the day a saved plan ended (:func:`_plan_ended`), so a day after it is not said to have no plan saved.
    ``eased_tomorrow`` (:func:`_eased_tomorrow`) stands for a rest day's reason once tomorrow's verdict eases the
    session that reason rests for."""
    runs = [p for p in day.planned if p.kind == "run"] if day else []
    if day is None or day.plan is None:
        if ended is not None and day is not None:
            lead: Html = join("Nothing is planned", f"; {ran}. " if ran else ". ", _next_season(ended, day.day))
        else:
            lead = join(
                "No season plan is saved, so nothing is planned",
                f"; {ran}. " if ran else ". ",
                el("a", {"href": "../planner/"}, "Make a season plan"),
            )
        return join(
            el("p", {"data-today-run": True}, lead),
            el("p", {"class": "sl-notice", "data-today-advice": True}, todo) if todo else None,
        )
    if not runs:
        text = f"Rest day in your plan; {ran}." if ran else "A rest day."
        return el("p", {"data-today-run": True}, f"{text} {eased_tomorrow or day.plan.reason}")
    # A red day's hard session is moved on the calendar; an easy day just gets shorter.
    verdict = day.readiness
    red = verdict is not None and verdict.level == "red" and verdict.hard_day is not None and not verdict.race_day
    # The plan's reason puts the strength session with this run; once a red verdict or the comeback rule drops or
    # moves it, that reason no longer holds, and the notices below give the one that does.
    lifts = (advice is not None and advice[1] is not None) or any(
        p.kind == "strength" and p.status == "dropped" for p in day.planned
    )
    reason = "" if red or lifts else f" {day.plan.reason}"
    return join(
        el(
            "ul",
            {"data-today-run": True},
            # How to run it only for a run still to run as the plan has it: a verdict's or the comeback rule's is easy.
            *(
                _run_line(p, profile.units, reason, how=p.status == "planned" and not p.change and not advice)
                for p in runs
            ),
        ),
        # The comeback rule alone (the verdict keeps the session) is its own notice; beside the verdict's advice, an
        # "also" in it.
        el("p", {"class": "sl-notice", "data-today-comeback": True}, todo) if todo and not advice else None,
        el(
            "p",
            {"class": "sl-notice", "data-today-advice": True},
            todo,
            *((" ", el("a", {"href": "../calendar/"}, "Move it on the training calendar"), ".") if red else ()),
        )
        if advice
        else None,
    )


def _eased_tomorrow(tomorrow: CalendarDay | None) -> str | None:
    """Why today rests once tomorrow's verdict eases tomorrow's hard session: the plan's "rest before Thursday's
    intervals so you arrive fresh" no longer holds when the page below offers to make them easy, move them or rest."""
    r = tomorrow.readiness if tomorrow is not None else None
    if tomorrow is None or tomorrow.plan is None or r is None or r.hard_day is None or r.hard_day.action == "keep":
        return None
    run = run_words(tomorrow.plan.run)
    return f"Tomorrow's verdict is {r.level}: see under Readiness below what it offers for {run} tomorrow."


def _left_open_sentence(draft: Draft | None, context: Context, *, first: bool) -> Html | None:
    """A session left open since an earlier day (the strength log's rule and words), with the link to finish or
    discard it there; ``first``: today's session is still to start, which the log allows only once that is done."""
    if draft is None or not left_open(draft, context):
        return None
    return join(
        f"{left_open_words(draft, context)}: ",
        el("a", {"href": "../strength-log/"}, "finish or discard it on the strength log"),
        " before starting today's." if first else ".",
    )


def _left_open(draft: Draft | None, context: Context, *, first: bool) -> Html | None:
    """:func:`_left_open_sentence` as the Strength section's notice."""
    sentence = _left_open_sentence(draft, context, first=first)
    if draft is None or sentence is None:
        return None
    return el("p", {"class": "sl-notice", "data-today-left-open": draft.date.isoformat()}, sentence)


def _strength(
    day: CalendarDay | None,
    store: Store,
    state: State,
    context: Context,
    unit: WeightUnit,
    advice: Advice,
    dropped: str | None = None,
) -> Html | None:
    """Today's strength session: its status once logged, else its prescription and Start. ``advice`` (the verdict's
    offer moves it, or an amber day's easy run leaves it out) or ``dropped`` (the calendar drops it: a red verdict, or
    the comeback rule's easy run, :func:`calculators.ui.strength_drops.dropped_words`) say why not today, and Start
    is then no longer the main button. A session left open since an earlier day is named above it, and takes Start's
    place until it is finished or discarded."""
    kind = day.plan.strength if day and day.plan else None
    if kind is None:
        return None
    today = context.require_today()
    link = el("a", {"href": "../strength-log/"}, "Go to the strength log")
    if state.draft is not None and not left_open(state.draft, context):
        return el("p", None, "A strength session is in progress. ", link)
    # The calendar's status for today's session (done, or partly done and what is missing), so the two agree; a
    # session lifted on another day may count for it (the strength log links one finished on a day without strength).
    item = next((i for i in day.planned if i.kind == "strength"), None) if day else None
    if item is not None and item.status in ("done", "partly done"):
        lifted = [s for s in state.sessions if s.id in item.matched]
        missing = missing_lifts(lifted) if item.status == "partly done" else None
        other = next((s for s in lifted if s.id in item.linked), None)
        # Worded as the strength log and the readiness page word a session that counts for another day's.
        counted = f": your session of {day_words(other.date, today=today)} counts for it" if other else " for today"
        short = f"{';' if other else ':'} missing {', '.join(missing)}" if missing else ""
        status = el("p", None, f"{SESSION_NAMES[kind]} is {item.status}{counted}{short}. ", link)
        return join(_left_open(state.draft, context, first=False), status)
    if any(s.date == today for s in state.sessions):
        status = el("p", None, f"{SESSION_NAMES[kind]} is logged for today. ", link)
        return join(_left_open(state.draft, context, first=False), status)
    # Nothing logged counts for today's session yet: Start begins it by the strength log's rule for "Next up", dropped
    # by the calendar or not, so the two pages never start different sessions.
    kind = session_to_start(kind)
    # The calendar drops today's session (a red verdict, an amber day's or the comeback rule's easy run), in the words
    # every page gives it; else the verdict moves it or says to drop it.
    against = dropped or (advice[1] if advice else None)
    name = SESSION_NAMES[kind].split(" (")[0]
    gym = remembered_gym(store)  # the strength log's "Where": stand-ins for a reader without a gym
    # The log keeps one session open at a time and refuses another while an old one is open: no Start that would
    # only be refused, the sentence says what to do first.
    old = _left_open(state.draft, context, first=True)
    planned = pairs(kind, gym, state, today, unit=unit)
    table = prescription_table(f"{session_title(kind, gym)}: today's prescription", planned, unit=unit)
    return el(
        "div",
        {"data-today-strength": True},
        old,
        el("p", {"class": "sl-notice", "data-today-advice": True}, against) if against else None,
        table,
        # The strength log explains a set's RPE beside each set; here the "Why" says "RPE 7" with no set beside it.
        el("p", {"class": "sl-field__help", "data-rpe-words": True}, f"{SET_RPE}.") if "RPE" in table else None,
        own_lifts_note(kind, (ex for ex, _ in planned)),
        # Still there (the reader decides), but not the page's main button once the verdict says not today. It opens
        # the strength log with the session started: the sets are logged there, so a Start that stayed here only
        # cost another tap and another page.
        join(
            # Before the button: a screen reader that reaches it by Tab has heard where it leads.
            el(
                "p",
                {"class": "sl-field__help"},
                "Start opens the strength log with the session started, to log each set.",
            ),
            action_button(
                f"Start {name} anyway" if against else f"Start {name}",
                "start_strength",
                {"kind": kind},
                primary=not against,
            ),
        )
        if old is None
        else None,
    )


def _readiness(
    day: CalendarDay | None,
    tomorrow: CalendarDay | None,
    unit: PaceUnit,
    back: str | None,
    dropped: str | None,
    offer: Offer | None,
    waiting: bool = False,
) -> Html:
    """Tomorrow's verdict; ``offer``: the training calendar's first offer for tomorrow's hard session on an amber or
    red verdict, which the advice on it follows. With ``waiting`` (:func:`waits_for_check_in`), that it waits for this
    morning's check-in, and today's verdict, made last night."""
    if waiting:
        return el(
            "div",
            {"data-today-readiness": True},
            waiting_note(day.readiness if day is not None else None, link="../readiness/"),
        )
    # Without HRV the verdict still comes from the load: shown here the evening it is made, not first heard of
    # the next day as "last night's verdict".
    if tomorrow is None or tomorrow.readiness is None:
        return el(
            "p",
            None,
            "The verdict for tomorrow needs your logs: ",
            el("a", {"href": "../readiness/"}, "log your runs, and your morning HRV if you measure it"),
            ".",
        )
    r = tomorrow.readiness
    hard = tomorrow.plan is not None and tomorrow.plan.run in (*HARD_RUNS, "long")
    link = None
    if r.state == "red" and hard and tomorrow.plan is not None:
        link = el(
            "p",
            {"data-offer-link": True},
            "The training calendar changes your plan for you: ",
            el("a", {"href": "../calendar/"}, "move the run or make it easy there"),
            " (choose tomorrow there).",
        )
    easy = r.next_easy_run
    # This morning's check-in decides today: its verdict heads the section, as it heads the day on the calendar.
    morning = day.readiness if day is not None and day.readiness and day.readiness.hrv.day == day.day else None
    return el(
        "div",
        {"data-today-readiness": True},
        el("p", None, "Today's verdict, from this morning's check-in: ", el("strong", None, headline(morning)), ".")
        if morning
        else None,
        el(
            "p",
            None,
            "Tomorrow's verdict: ",
            el("strong", None, headline(r)),
            # No easy run when tomorrow's hard session stays: the advice below says what to do with it.
            f". Tomorrow's easy run: {easy.summary}" if easy else ".",
            # As the readiness page gives them: the pace and the heart-rate cap, where the profile has what they need.
            easy_limits(easy, unit) if easy else "",
        ),
        still_to_come_note(r, tomorrow.day - timedelta(days=1)),
        no_reading_yet_note(r),
        el("ul", None, *(el("li", None, driver[:1].upper() + driver[1:]) for driver in r.drivers)),
        worse_note(r),
        no_hrv_note(r),
        hard_day_advice(r, tomorrow.plan.run if tomorrow.plan else None, back, dropped, offer),
        link,
    )


def _missed(logs: Logs, plan: SeasonPlan | None, profile: Profile, today: date) -> Html | None:
    """This week's sessions missed before today (yesterday's first), each with the offers the training calendar makes
    for it (:func:`calculators.ui.verdict_offers.offers_for`) and its Accept (:func:`accepted_change`): one source, so
    a runner on Friday sees Thursday's missed intervals and what to do with them without opening the calendar."""
    first = week_bounds(today, profile.week_start)[0]
    if plan is None or first >= today:
        return None
    week = calendar_as_told(first, today, logs=logs, plan=plan, today=today, profile=profile)
    parts: list[Html] = []
    for n in range(1, (today - first).days + 1):
        day = week.day(today - timedelta(days=n))
        missed = [] if day is None else [p for p in day.planned if p.status == "missed"]
        if day is None or not missed:
            continue
        offers, _ = offers_for(week, plan, day.day, logs, profile)
        if not offers:
            continue
        names = " and ".join(planned_line(p, profile.units) for p in missed)
        parts.append(el("p", None, f"{day_words(day.day, today=today).capitalize()}: {names}."))
        parts.append(el("ul", {"data-offers": True}, *(offer_item(o, i) for i, o in enumerate(offers))))
    return el("div", {"data-today-missed": True}, *parts) if parts else None


def _nudges(store: Store, logs: Logs, plan: SeasonPlan | None, today: date, context: Context) -> list[Html | str]:
    nudges: list[Html | str] = []
    ended = _plan_ended(plan, today)
    # On the plan's last day: tomorrow's easy run is no longer the plan's. After it, the Run section says it.
    if ended is not None and plan is not None and today in plan.planned_days():
        nudges.append(_next_season(ended, today))
    # The days after a race: the strength log and the calendar follow the same rule (calculators.after_race).
    race = last_race(race_days(plan), today) if plan else None
    if race is not None:
        nudges.append(after_race_plan_words(race, today))
    readings = hrv_readings(logs.hrv, today)  # a check-in without rMSSD is no HRV reading
    if readings and max(readings) <= today - timedelta(days=HRV_GAP_DAYS):
        nudges.append(f"No HRV reading for {(today - max(readings)).days} days: the verdict needs mornings.")
    words, due = last_backup(store, context)
    if due and (logs.runs or logs.strength or logs.hrv):
        nudges.append(f"Back up your data (last backup: {words}) on the Your data page.")
    weeks = {w.start: w for w in plan.weeks} if plan else {}
    monday = today + timedelta(days=7 - today.weekday())
    taper, before = weeks.get(monday), weeks.get(monday - timedelta(days=7))
    if taper is not None and taper.phase == "taper" and (before is None or before.phase != "taper"):
        # The planner drops strength for the whole taper (its two weeks), not only in race week: the day is named.
        when = day_words(monday, today=today)
        lifts = f", and no strength from {when} to the race" if taper.strength_dose == 0 else ""
        nudges.append(f"Your taper starts on {when}: less volume, the same intensity{lifts}.")
    return nudges


def _page(context: Context, store: Store, message: str = "") -> Reply:
    today = context.require_today()
    profile = context.reader_profile()
    logs, plan, state = read_logs(store), read_plan(store), read_state(store)
    # Today's run as told: an amber day's offer may run easy in the session's place (verdict_offers).
    calendar = calendar_as_told(today, today + timedelta(days=1), logs=logs, plan=plan, today=today, profile=profile)
    day, tomorrow = calendar.day(today), calendar.day(today + timedelta(days=1))
    # The training calendar's own first offer for today's hard session on an amber or red day, so Today says
    # what the calendar will do rather than something it cannot; once an easy run is logged in its place, the one
    # the card judges it against.
    offer = advice_offer(calendar, plan, today, logs, profile)
    advice = _for_today(day, offer)
    setup = None
    if not context.profile and SETUP_SKIPPED not in (store.get("settings") or {}):
        setup = el(
            "div",
            {"class": "sl-today__setup", "data-setup": True},
            el(
                "p",
                None,
                el("a", {"href": "../profile/"}, "Set up your profile (about a minute)"),
                ": every tool starts from it.",
            ),
            action_button("Skip", "skip_setup", aria_label="Skip profile set-up"),  # "Skip" alone: skip what?
        )
    nudges: list[Html | str] = _nudges(store, logs, plan, today, context)
    # Without strength planned today there is no Strength section to name it in, and a session left open is most
    # easily forgotten on such days: it heads the reminders.
    old = None if day and day.plan and day.plan.strength else _left_open_sentence(state.draft, context, first=False)
    nudges = [old, *nudges] if old else nudges
    # The first hard session after days without running is run easy (Stridelab's rule): today's, and tomorrow's.
    run_days, days = {r.day for r in logs.runs}, plan.planned_days() if plan else {}
    tomorrow_day = today + timedelta(days=1)
    back_tomorrow = comeback(run_days, days, tomorrow_day, today=today, unit=profile.units)
    # Today's strength session as the calendar drops it, in the sentence the calendar, the readiness page and the
    # strength log give: one source, as short as Today's own was, and it says why Start is no longer the main button.
    lift = next((p for p in day.planned if p.kind == "strength" and p.status == "dropped"), None) if day else None
    eased = eased_run(day) if day else None
    dropped = dropped_words(lift.name, today, run_days, days, today=today, offer=offer, eased=eased) if lift else None
    ran = _ran(logs, today)
    # One instruction for today's run: the stricter of the verdict's advice and the comeback rule, the other an
    # "also" (the rule is said until a run is logged today).
    todo = advice[0] if advice else None
    todo = todo if ran else one_instruction(todo, run_days, days, today, today=today, unit=profile.units)
    headline = f"Today, {day_words(today, today=today)}"
    paces = saved_paces_note(plan, profile.vdot)
    return Reply(
        html=el(
            "div",
            {"class": "sl-result sl-today"},
            summary_line(headline, message, {"data-message": True}),
            setup,
            left_out_notice(logs),
            el("h3", None, "Run"),
            _run(day, profile, ran, advice, todo, _plan_ended(plan, today), _eased_tomorrow(tomorrow)),
            # Once, in the planner's words: the plan's paces (and tomorrow's easy run, paced as they are) come from
            # the VDOT the plan was saved with, not the profile's newer one.
            el("p", {"class": "sl-notice", "data-today-paces": True}, paces) if paces else None,
            el("h3", None, "Strength") if day and day.plan and day.plan.strength else None,
            _strength(
                day,
                store,
                state,
                context,
                profile.weight_unit,
                advice,
                dropped,
            ),
            *((el("h3", None, "Missed this week"), missed) if (missed := _missed(logs, plan, profile, today)) else ()),
            el("h3", None, "Readiness"),
            _readiness(
                day,
                tomorrow,
                profile.units,
                back_tomorrow,
                strength_dropped(run_days, days, tomorrow_day, today=today),
                verdict_offer(calendar, plan, tomorrow_day, logs, profile),
                waits_for_check_in(logs.hrv, today),
            ),
            el("h3", None, "Worth knowing") if nudges else None,
            el("ul", {"data-nudges": True}, *(el("li", None, n) for n in nudges)) if nudges else None,
            el("p", None, el("a", {"href": "../calendar/"}, "See the week in the training calendar")),
        )
    )


def compute(values: Mapping[str, str], context: Context) -> Reply:
    if context.store is None:  # build time: nothing that could be mistaken for the reader's own day
        return Reply(html=el("div", {"class": "sl-result"}, el("p", {"data-summary": True}, "Your day appears here.")))
    return _page(context, context.store)


def _with(context: Context, ops: tuple[dict[str, Any], ...], message: str) -> Reply:
    return Reply(html=_page(context, after_ops(context.require_store(), ops), message).html, ops=ops)


def start_strength(values: Mapping[str, str], context: Context) -> Reply:
    """Start today's session as the strength log's Start does: the same draft, logged set by set there."""
    store, today = context.require_store(), context.require_today()
    kind = context.args.get("kind")
    if kind not in ("A", "B"):
        raise InputError("session", "Choose Session A or B.")
    draft = read_state(store).draft
    if draft is not None and left_open(draft, context):
        # Today offers no Start then (one open session at a time, as on the log); a page shown before (another tab)
        # still gets why not and what to do, and the page it shows names the old session with the link.
        when = day_words(draft.date, today=today)
        return _with(
            context, (), f"Not started: finish or discard the session left open since {when} on the strength log first."
        )
    if draft is not None:  # one open session at a time: the one already open (another tab's) is resumed
        reply = _with(context, (), "A strength session is already in progress: opening it on the strength log.")
        return Reply(html=reply.html, effects=(TO_THE_LOG,))
    ops = put_draft(Draft(kind=kind, gym=remembered_gym(store), date=today, started=context.now))
    reply = _with(context, ops, f"{SESSION_NAMES[kind].split(' (')[0]} started: opening the strength log.")
    return Reply(html=reply.html, ops=reply.ops, effects=(TO_THE_LOG,))


def accept(values: Mapping[str, str], context: Context) -> Reply:
    """Accept one of the training calendar's offers for a missed session, as its own Accept does."""
    ops, offer = accepted_change(context)
    return _with(context, tuple(ops), f"Plan changed: {offer.description}")


def skip_setup(values: Mapping[str, str], context: Context) -> Reply:
    op = {
        "op": "put",
        "collection": "settings",
        "id": SETUP_SKIPPED,
        "value": {"skipped": context.require_today().isoformat()},
    }
    return _with(context, (op,), "Setup skipped: your profile page is there whenever you want it.")


CALCULATOR = Calculator(
    name="today",
    title="Today",
    intro="What to do today, from your plan and your logs: the run, the strength session, and how ready you are.",
    fields=(),
    compute=compute,
    submit_label="Refresh",
    actions={"start_strength": start_strength, "skip_setup": skip_setup, "accept": accept},
    reads=("plan", "runs", "strength", "strength_draft", "hrv", "calendar_links", "settings"),
)

"""How the calendar looks: day cards for a week, a month grid, a day's details, weekly totals, the plan's history.

Every status is written in words (a mark in the month grid has a legend), never shown by colour
alone; each day opens its details with one button. A change to the plan can be undone only while
its week is still what it made, so the history offers no button that would just fail.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date, timedelta

from calculators.calendar import Calendar, CalendarDay, LoggedItem, PlannedItem
from calculators.calendar_logs import LINK_DAYS_MAX, Logs
from calculators.date_words import day_words, short_day, shows_year
from calculators.plan_changes import PlanChange
from calculators.planner_sessions import TALK_TEST
from calculators.readiness_easy_run import km_range_words, red_run_words
from calculators.readiness_plan import PlannedDay, next_easy_date
from calculators.reschedule_case import Offer, run_words
from calculators.reschedule_comeback import one_instruction
from calculators.season import NO_STRENGTH_DAYS
from calculators.ui.calculator import Field, action_button
from calculators.ui.html import Html, el, join, stacked_table
from calculators.ui.load_au import load_au
from calculators.ui.readiness_view import easy_limits, hrv_not_recent
from calculators.ui.strength_drops import dropped_words, eased_run
from calculators.ui.strength_view import session_label
from calculators.ui.verdict_offers import first_verdict_offer
from calculators.ui.volume_words import volume_words
from calculators.units import PaceUnit, WeightUnit, count, format_duration, format_pace_range, meters_from
from calculators.week_plan import DayPlan, distance_words, finish_words, marathon_part
from calculators.week_prefs import WEEKDAY_NAMES

#: A logged entry that counts for a session planned on another day: not extra, and not this day's plan.
_ELSEWHERE = "counts for another day"

__all__ = [
    "day_details",
    "history",
    "left_out_notice",
    "month_grid",
    "planned_line",
    "totals_table",
    "undo_button",
    "week_cards",
]

MARKS = {
    "done": "✓",
    "partly done": "½",
    "missed": "✗",
    "rested": "○",
    "dropped": "–",
    "planned": "·",
    "unplanned": "+",
    _ELSEWHERE: "→",
}
#: Where a long word of a session's name may break in a month's cell (U+00AD, shown as a hyphen only there).
_SOFT_HYPHENS = {
    "Tempo": "Tem\u00adpo",
    "tempo": "tem\u00adpo",
    "Intervals": "Inter\u00advals",
    "intervals": "inter\u00advals",
    "Session": "Ses\u00adsion",
    "Cross-training": "Cross-train\u00ading",
}
_READINESS = {"green": "green", "amber": "amber", "red": "red", "building": "baseline still building"}


def left_out_notice(logs: Logs) -> Html | None:
    """Say how many stored entries fail their checks and so count nowhere, and where the reader can see them.

    Runs and HRV readings are listed, each with why and a delete button, on the run log; strength sessions
    that do not read, on the strength log, likewise. Broken links are not the reader's entries.
    """
    runs, hrv, lifts = (logs.unreadable.get(name, 0) for name in ("runs", "hrv", "strength"))
    parts: list[object] = []
    if runs or hrv:
        counted = " and ".join(w for w in (runs and count(runs, "run"), hrv and count(hrv, "HRV reading")) if w)
        one = runs + hrv == 1
        why = "unreadable, dated after today, or an impossible pace" if runs else "unreadable, or dated after today"
        parts += [
            f"{counted} you stored {'fails' if one else 'fail'} a check ({why}), so "
            f"{'it is' if one else 'they are'} left out here. See why, and delete {'it' if one else 'them'}, under "
            "“Left out of your log” on ",
            el("a", {"href": "../readiness/"}, "the run log"),
            ". ",
        ]
    if lifts:
        # Only sessions that do not read: the calendar, like the strength log, reads one dated after today.
        one = lifts == 1
        parts += [
            f"{count(lifts, 'strength session')} you stored could not be read, so {'it is' if one else 'they are'} "
            f"left out here. See why, and delete {'it' if one else 'them'}, on ",
            el("a", {"href": "../strength-log/"}, "the strength log"),
            ".",
        ]
    return el("p", {"class": "sl-notice", "data-left-out": True}, *parts) if parts else None


def _shown_year(calendar: Calendar) -> bool:
    """Whether the compact dates of ``calendar`` (day cards, weekly totals) carry their year: one form for all."""
    return shows_year((day.day for week in calendar.weeks for day in week.days), today=calendar.today)


def _distance(km: float | None, unit: PaceUnit) -> str:
    return "" if km is None else f"{km * 1000 / meters_from(1, unit):.1f} {unit}"


def planned_line(item: PlannedItem, unit: PaceUnit) -> str:
    """A planned item and how it went, as a day card, a month cell's button and Today say it: "Easy run, rest or very
    easy: 20–30 min (planned 55 min) at 5:15–5:34 /km: rested, as the red verdict asked". A run well beyond what a
    red verdict asked for is the plan's run, with the minutes run and the verdict's beside its status, said plainly:
    the runner chose it, and the card is a record, not a reproach."""
    status: str = "rested, as the red verdict asked" if item.status == "rested" else item.status
    if item.beyond_km is not None:  # planned by distance alone: either limit may be what was passed, so both
        asked = red_run_words(None, item.beyond_km[1], unit)
        ran = f"{_distance(item.done_km, unit)} in {item.done_minutes:.0f} min"
        status += f", {ran}; the red verdict had suggested rest, or {asked} very easy"
    elif item.beyond is not None:
        asked = red_run_words(item.beyond, None, unit)
        status += f", {item.done_minutes:.0f} min; the red verdict had suggested rest, or {asked} very easy"
    return f"{planned_words(item, unit)}: {status}"


def planned_words(item: PlannedItem, unit: PaceUnit) -> str:
    if item.change is not None:
        return _changed_words(item, unit)
    parts = [item.name]
    # The planner's words for the distance: rounded with the minutes, so the pair never reads faster than E.
    distance = item.plan.distance_words(unit) if item.kind == "run" else ""
    # A strength session's minutes are only an estimate (calendar.STRENGTH_MINUTES), and its sets decide: no length.
    if item.kind == "run" and item.plan.run == "race":
        parts.append(finish_words(item.plan, unit))  # "42.2 km, about 3:33:49", never "214 min (42.2 km)"
    elif item.minutes and item.kind == "run":
        # The planner shows both ("45 min · 5.5 mi"); the distance is the one a watch shows while running.
        parts.append(f"{item.minutes:.0f} min" + (f" ({distance})" if distance else ""))
    elif distance:
        parts.append(distance)
    pace = _pace_words(item, unit)
    # A marathon build's long run ends at marathon pace: said after its E range, as the planner's table says it. Not
    # on a run the comeback rule changes (returned above): that long run is cut back and run easy.
    marathon = marathon_part(item.plan, unit) if item.kind == "run" else ""
    if marathon:
        pace = f"{pace}, {marathon}" if pace else marathon
    parts.append(pace)
    return " ".join(part for part in parts if part)


def _pace_words(item: PlannedItem, unit: PaceUnit) -> str:
    if not item.pace_s_per_km:
        return ""
    return " ".join(p for p in (f"at {format_pace_range(item.pace_s_per_km, unit)}", item.pace_for) if p)


def _changed_name(item: PlannedItem) -> str:
    """A changed run's name as a runner says it, the run they do first: "Easy run instead of the tempo run", "Rest or
    a very easy run instead of intervals", "Long run, cut back" (a run cut back is still that run). "Tempo run, easy"
    read as a kind of tempo run, or as a note that the tempo run is easy."""
    change, run = item.change, item.plan.run
    if change == "easy" and run != "easy":
        return f"Easy run instead of {run_words(run)}"
    if change == "rest or very easy":
        return "Rest or a very easy run" + ("" if run == "easy" else f" instead of {run_words(run)}")
    return f"{item.name}, {change}" if change else item.name


def _changed_words(item: PlannedItem, unit: PaceUnit) -> str:
    """A run the comeback rule or a verdict changes, as it is to be run, so a card never shows the plan's tempo pace or
    full long run beside details that say otherwise: "Easy run instead of the tempo run: 50 min at 4:55–5:34 /km",
    "Long run, cut back: 51–59 min (planned 85 min) at 4:55–5:34 /km" (:attr:`PlannedItem.cut`, as the details cut
    it), "Rest or a very easy run instead of the tempo run: 20–30 min (planned 50 min) at 5:15–5:34 /km" on a red day.
    A run cut back reads so once run too, as its status is judged against the cut. A run turned easy for its planned
    minutes keeps its distance, as the planner and an easy run say it ("Easy run instead of the tempo run: 65 min
    (6.5 mi) at 9:54–11:10 /mi"): the tenth nearest the plan's within
    the E range (:func:`calculators.week_plan.distance_words`), so the pair never reads faster than easy. A cut run's
    is left out: the plan's distance goes with the planned minutes, not the cut ones."""
    planned = f"{item.minutes:.0f} min" if item.minutes else item.plan.distance_words(unit)
    if item.or_rest and item.cut_km is not None:
        # A red day's very easy run in a plan by distance alone: up to the planned distance, which it names already.
        length = red_run_words(None, item.cut_km[1], unit)
    elif item.cut is not None and planned:
        # A plan by distance has no minutes: the verdict's cut is in minutes beside the distance it replaces.
        low, high = item.cut
        length = f"{low} min" if low == high else f"{low}–{high} min"
        # A run the plan holds already cut (an accepted "run easy instead") has no minutes of its own to name: its
        # planned minutes are the cut's, and the session it replaced is not this day's plan any more.
        # Nor does a cut that leaves the run as planned (a red day's 15 min on a 15-minute day): "15 min (planned
        # 15 min)" names a change that did not happen.
        kept = low == high and planned == f"{low} min"
        length += "" if item.plan.cut_from or kept else f" (planned {planned})"
    elif item.cut_km is not None and item.plan.km:  # planned by distance alone: cut by distance
        length = km_range_words(item.cut_km, unit)
        # As above: a run the plan holds cut already names no planned distance.
        length += "" if item.plan.cut_from_km else f" (planned {item.plan.distance_words(unit)})"
    else:
        km = item.plan.km if item.kind == "run" else None
        distance = "" if km is None else distance_words(km, unit, minutes=item.minutes, easy=item.pace_s_per_km)
        length = f"{item.minutes:.0f} min" + (f" ({distance})" if distance else "") if item.minutes else distance
    pace = _pace_words(item, unit)
    # Without a VDOT there is no E pace to give ("at E pace" means nothing to a beginner): the talk test says how easy.
    feel = f"easy enough that {TALK_TEST}" if not pace and item.change == "easy" else ""
    text = ", ".join(p for p in (" ".join(p for p in (length, pace) if p), feel) if p)
    return _changed_name(item) + (f": {text}" if text else "")


def _elsewhere(item: LoggedItem) -> bool:
    """Whether ``item`` counts for a session planned on another day than its own."""
    return item.counts_for is not None and item.counts_for != item.day


def logged_words(item: LoggedItem, unit: PaceUnit, *, today: date) -> Html:
    """A logged run or lift in words, for a list item or a button's label: markup, as its load ends in the AU
    abbreviation (:func:`~calculators.ui.load_au.load_au`). A lift is named as the plan names it ("Session B"),
    its length in minutes: a clock time such as 45:00 is how a run's is read off a watch."""
    if item.kind == "run":
        size = f" {_distance(item.km, unit)}" if item.km else ""
        what = f"Run{size} in {format_duration(item.minutes * 60)}"
    else:
        what = f"{session_label(item.session or 'custom')}, {item.minutes:.0f} min"
    counts = f", counts for {day_words(item.counts_for, today=today)}" if item.counts_for and _elsewhere(item) else ""
    return join(f"{what}, load ", load_au(item.load), counts)


def _lines(day: CalendarDay, unit: PaceUnit, today: date) -> list[Html]:
    lines = [el("li", {"data-status": p.status}, planned_line(p, unit)) for p in day.planned]
    for item in day.logged:
        if item.status == "unplanned":
            lines.append(
                el("li", {"data-status": "unplanned"}, logged_words(item, unit, today=today), ": unplanned extra")
            )
        elif _elsewhere(item):  # done this day for another day's session: not a rest day, whatever the plan said
            lines.append(el("li", {"data-status": _ELSEWHERE}, logged_words(item, unit, today=today)))
    if not lines:
        lines.append(el("li", None, "Rest day" if day.plan is not None else "Nothing planned or logged"))
    return lines


def _readiness(day: CalendarDay) -> str | None:
    """A reader who logs no HRV has no baseline building: once the load counts, the day has the load's own verdict
    (as on the readiness page), not "baseline still building" for good; nor has one who stopped logging it."""
    r = day.readiness
    if r is None:
        return None
    # The check-in's soreness or short sleep that made the day one step worse, said on the card as on the readiness
    # page (worse_note): a runner without an HRV device sees the check-in count here too.
    worse = f"; one step worse for {' and '.join(r.worse_by)}" if r.worse_from is not None else ""
    if r.state == "building" and r.hrv.latest is None and r.load_counts:
        return f"Readiness: {r.level}, from your training load{worse}"
    if (stale := hrv_not_recent(r)) is not None:  # stopped logging HRV: not a baseline building again
        return f"Readiness: {r.level}, from your training load; {stale}" if r.load_counts else f"Readiness: {stale}"
    # A good morning under a low 7-day average: the card says the verdict follows the average (Plews et al. 2013),
    # so a red beside a 76 ms morning does not read as a mistake.
    back = f"; {r.morning_back}, but the verdict follows the 7-day average, still low" if r.morning_back else ""
    return f"Readiness: {_READINESS[r.state]}{back}{worse}"


def week_cards(calendar: Calendar, unit: PaceUnit) -> Html:
    cards = []
    year, today = _shown_year(calendar), calendar.today
    for week in calendar.weeks:
        for day in week.days:
            name = day_words(day.day, today=today)
            cards.append(
                el(
                    "section",
                    {"class": "sl-cal__day", "data-day": day.day.isoformat(), "aria-label": name},
                    el("h3", None, f"{short_day(day.day, year=year)}{' (today)' if day.day == today else ''}"),
                    el("ul", None, *_lines(day, unit, today)),
                    el("p", None, _readiness(day)) if day.readiness else None,
                    action_button(f"Details of {name}", "day", {"day": day.day.isoformat()}),
                )
            )
    return el("div", {"class": "sl-cal__week"}, *cards)


def _hyphenated(name: str) -> str:
    """``name`` with soft hyphens in its long words: a phone's month column (about 40 px at 375 px) fits "Inter-"
    but not "Intervals", and without them the browser breaks the word anywhere ("Interva|ls")."""
    return " ".join(_SOFT_HYPHENS.get(word, word) for word in name.split(" "))


def _cell(day: CalendarDay, today: date, unit: PaceUnit) -> Html:
    # A changed run as the day card names it ("Easy run instead of the tempo run").
    marks = [f"{MARKS[p.status]} {_hyphenated(_changed_name(p) if p.kind == 'run' else p.name)}" for p in day.planned]
    unplanned = [i for i in day.logged if i.status == "unplanned"]
    marks += [f"{MARKS['unplanned']} {'run' if i.kind == 'run' else 'lift'}" for i in unplanned]
    elsewhere = [i for i in day.logged if _elsewhere(i)]
    marks += [f"{MARKS[_ELSEWHERE]} {'run' if i.kind == 'run' else 'lift'}" for i in elsewhere]
    # The button's name says all the cell's marks say, in words: a day with only a run logged is not "nothing".
    said = [planned_line(p, unit) for p in day.planned]
    said += [f"{'a run' if i.kind == 'run' else 'a strength session'} logged, unplanned" for i in unplanned]
    said += [f"{'a run' if i.kind == 'run' else 'a strength session'} that {_ELSEWHERE}" for i in elsewhere]
    words = "; ".join(said) or ("rest day" if day.plan is not None else "nothing planned or logged")
    return el(
        "td",
        {"class": "sl-cal__cell", "data-today": day.day == today or None, "data-outside": not day.in_month or None},
        action_button(
            str(day.day.day),
            "day",
            {"day": day.day.isoformat()},
            css_class="sl-cal__open",
            aria_label=f"{day_words(day.day, today=today)}: {words}",
        ),
        *(el("span", {"class": "sl-cal__mark"}, mark) for mark in marks),
    )


def month_grid(calendar: Calendar, unit: PaceUnit) -> Html:
    names = [WEEKDAY_NAMES[(calendar.week_start + n) % 7][:3] for n in range(7)]
    legend = ", ".join(f"{mark} {status}" for status, mark in MARKS.items())
    return join(
        el(
            "table",
            {"class": "sl-cal__month"},
            el("caption", None, f"Marks: {legend}. Choose a day for its details."),
            el("thead", None, el("tr", None, *(el("th", {"scope": "col"}, name) for name in names))),
            el(
                "tbody",
                None,
                *(el("tr", None, *(_cell(day, calendar.today, unit) for day in week.days)) for week in calendar.weeks),
            ),
        )
    )


def totals_table(calendar: Calendar, unit: PaceUnit, weight: WeightUnit) -> Html:
    """Each week's running, strength volume load (in ``weight``: kg, or lb for a reader in miles) and combined load.

    A card per week on a phone (six columns scrolled sideways at 375 px hid the strength column), headed by the
    week's first day in short ("Week of 30 Nov"), each value labelled by its column ("Runs: 2 runs, 15.0 km"). A
    week without runs or lifts says "none", not "0: 0.0 km" or "0: 0 lb", which read like a session logged.
    """
    year = _shown_year(calendar)
    rows = (
        (
            f"Week of {short_day(w.start, year=year, weekday=False)}",
            f"{count(w.totals.runs, 'run')}, {_distance(w.totals.run_km, unit) or 'no distance'}"
            if w.totals.runs
            else "none",
            f"{w.totals.run_minutes:.0f} min",
            f"{count(w.totals.strength_sessions, 'session')}, "
            f"{volume_words(w.totals.strength_volume_kg, w.totals.strength_bodyweight, weight)}"
            if w.totals.strength_sessions
            else "none",
            load_au(w.totals.combined_load),
            w.totals.balance.label,
        )
        for w in calendar.weeks
    )
    head = ("Week", "Runs", "Running time", "Strength", "Combined load", "Balance")
    numbers = ("Runs", "Running time", "Strength", "Combined load")
    return stacked_table("Weekly totals", head, rows, dict.fromkeys(numbers, "sl-num"))


def _fits(item: LoggedItem, planned: PlannedItem, plan: DayPlan | None) -> bool:
    """Whether ``item`` can count for ``planned``: a run for a run, a lift for a lift of its own session (A for A,
    B for B; a custom session, which the strength log keeps apart from both, for either)."""
    if item.kind != planned.kind:
        return False
    return (
        item.kind == "run" or item.session in (None, "custom") or (plan is not None and plan.strength == item.session)
    )


def _link_buttons(day: CalendarDay, calendar: Calendar, unit: PaceUnit) -> list[Html]:
    """For an unplanned log: "counts for" the missed sessions of its kind nearby (and the runs rested on a red day: the
    verdict asked to move a hard one later in the week), the nearest day first (a session done a day late is likelier
    than one four days late; at the same distance the day before); for a linked one: undo."""
    near = sorted(range(-LINK_DAYS_MAX, LINK_DAYS_MAX + 1), key=lambda n: (abs(n), n > 0))
    missed = [
        (p, d.plan)
        for d in (calendar.day(day.day + timedelta(days=n)) for n in near)
        if d is not None
        for p in d.planned
        if p.status in ("missed", "rested", "partly done")
    ]
    buttons: list[Html] = []
    today = calendar.today
    shown = day.day.isoformat()  # each reply shows this day again, so its other buttons stay at hand
    for item in day.logged:
        if _elsewhere(item):
            args = {"kind": item.kind, "id": item.id, "day": shown}
            buttons.append(action_button(join("Undo: ", logged_words(item, unit, today=today)), "unlink", args))
        elif item.status == "unplanned":
            for p, plan in missed:
                if _fits(item, p, plan):
                    # a run as a sentence names it ("the tempo run"); a strength session keeps its name, "Session B"
                    what = f"the {p.name.lower()}" if p.kind == "run" else p.name
                    label = f"This counts for {what} of {day_words(p.day, today=today)}"
                    args = {"kind": item.kind, "id": item.id, "planned": p.day.isoformat(), "day": shown}
                    buttons.append(action_button(label, "link", args))
    return buttons


def offer_item(offer: Offer, index: int) -> Html:
    """One offer with its Accept button (the "accept" action, on the calendar and on Today alike)."""
    rules = " ".join(rule if rule.endswith(".") else f"{rule}." for rule in offer.bent_rules)  # sentences
    bent = f" It bends {'a rule' if len(offer.bent_rules) == 1 else 'rules'}: {rules}" if rules else ""
    args = {"day": offer.day.isoformat(), "trigger": offer.trigger, "index": index, "kind": offer.kind}
    # Each day can show two or three offers: the name says which one is accepted, after the visible word.
    accept = action_button("Accept", "accept", args, primary=index == 0, aria_label=f"Accept: {offer.description}")
    return el("li", None, f"{offer.description}{bent} ", accept)


def _lift_left(offers: tuple[Offer, ...]) -> Html | None:
    """Why a strength session missed on a day whose run was done gets offers (:attr:`Offer.lift_only`): the run alone
    would make the day read done. With no move, why no later day can take the lift, naming the days whose run could
    carry it but carries a session already (in the guide's week the other hard day has the other session), so the
    reader does not look for one."""
    skip = next((o for o in offers if o.kind == "skip" and o.lift_only), None)
    if skip is None:
        return None
    days, k = skip.before.days, (skip.day - skip.week_start).days
    lift, easy_week = skip.moves[0].what, days[k].run == "easy"  # strength goes with an easy run in easy weeks only
    said = f"You ran {run_words(days[k].run)} but did not log {lift}"
    carrier = "an easy run" if easy_week else "a hard run"
    if any(o.kind == "move" for o in offers):
        again = f"another {carrier.split(' ', 1)[1]}"  # "another easy run": today's may take it
        return el("p", {"data-lift-missed": True}, f"{said}: it can still go with {again} this week, or be skipped.")
    runs = ("easy",) if easy_week else ("tempo", "intervals")
    taken = [
        f"{WEEKDAY_NAMES[j]} has Session {d.strength} already"
        for j, d in enumerate(days)
        if j > k and d.run in runs and d.strength
    ]
    has = f" ({'; '.join(taken)})" if taken else ""
    return el(
        "p",
        {"data-no-move": True, "data-lift-missed": True},
        f"{said}. No later day this week can take it: strength goes only with {carrier} that has none of its own{has}, "
        f"with an easy day or rest after each stress day, and never in the last {NO_STRENGTH_DAYS} days before a race. "
        "Skip it.",
    )


def _no_move(offers: tuple[Offer, ...], fits_if: tuple[int, ...] = ()) -> Html | None:
    """Why a hard session, long run or easy week's lift has no offer to move it that keeps every rule, so the reader
    does not look for one; with ``fits_if``, the weekdays that would make room were they run days, and where to add
    one. A strength session missed alone says its own (:func:`_lift_left`)."""
    if any(o.lift_only for o in offers):
        return _lift_left(offers)
    if not offers or any(o.kind == "move" and not o.bends for o in offers):
        return None
    skip = next(o for o in offers if o.kind == "skip")
    # TRAINING-RULES.md: an easy day or rest follows each stress day, so no long run the day after one; the guide's
    # week follows its long run with rest, so no hard session then either. Today is under way: from tomorrow on.
    busy = skip.trigger == "busy"  # a session not due yet may also move earlier: a hard day before it counts too
    if skip.before.days[skip.day.weekday()].run == "long":
        fits = "a day you run on, from tomorrow, not the day after a hard session"
    else:
        fits = f"a day you run on, from tomorrow, with an easy day or rest {'either side' if busy else 'after it'}, "
        fits += "and not the day before or after the long run"
    choice = "make it easy, or skip it" if any(o.kind == "easy" for o in offers) else "skip it"
    if any(o.kind == "move" for o in offers):  # off a busy day, a move that bends a rule follows the skip
        choice += ", or take a move below that bends a rule"
    which = "other" if busy else "later"
    words: list[object] = [f"No {which} day this week fits {skip.moves[0].what} ({fits}). "]
    if skip.trigger == "amber":  # the verdict's swap, with the next easy day, is the only move it allows
        week = {skip.week_start + timedelta(days=j): d for j, d in enumerate(skip.before.days)}
        words = [
            f"Your next easy day this week cannot take {skip.moves[0].what}: a swap needs an easy day or rest either "
            "side of it, and not the day before or after the long run. "
            # With none left (the verdict runs the session easy in place), a day that cannot take it would be false.
            if next_easy_date(week, skip.day) is not None
            else "Your plan has no easy day later this week to swap it with. "
        ]
    if fits_if:
        names = [WEEKDAY_NAMES[d] for d in fits_if]
        days = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
        add = (
            f"It would fit if you ran on {days} too: add {'it' if len(names) == 1 else 'one'} to “Days you can run” on "
        )
        words += [add, el("a", {"href": "../profile/"}, "your profile"), f". Otherwise, {choice}."]
    else:
        words.append(f"{choice[:1].upper()}{choice[1:]}.")
    return el("p", {"data-no-move": True}, *words)


def day_details(
    day: CalendarDay,
    calendar: Calendar,
    offers: tuple[Offer, ...],
    fits_if: tuple[int, ...],
    inputs: tuple[Field, ...],
    unit: PaceUnit,
    *,
    opened: bool = False,
    runs: Collection[date] = (),
    plan_days: Mapping[date, PlannedDay] | None = None,
) -> Html:
    """A day's plan and logs, the links and offers it can take (``fits_if``: :func:`_no_move`), and, up to today,
    a box that logs a run for it. ``opened``: shown because the reader just asked for it, so its heading is where
    the page takes them (``data-opened``): the details come above the days, far above a phone's day card.
    ``runs`` (the dates with a run logged) and ``plan_days`` (the season's days) give the comeback rule, said as
    Today says it."""
    today, name = calendar.today, day_words(day.day, today=calendar.today)
    logged = [el("li", None, logged_words(item, unit, today=today)) for item in day.logged]
    box = None
    if day.day <= today:
        controls = []
        for f in inputs:
            ident = f"sl-cal-{f.name}"
            # The field's own help (the format a duration takes) and placeholder, as the run log shows them; the
            # glue adds an error's message to the description when a value is refused.
            help_id = f"{ident}-help" if f.help else None
            common = {"id": ident, "name": f.name, "aria-describedby": help_id}
            control = (
                el("select", common, *(el("option", {"value": v}, label) for v, label in f.options))
                if f.options
                else el(
                    "input",
                    common | {"inputmode": f.inputmode, "placeholder": f.placeholder or None, "autocomplete": "off"},
                )
            )
            help_text = el("p", {"id": help_id, "class": "sl-field__help"}, f.help) if f.help else None
            controls.append(
                el("div", {"class": "sl-cal__field"}, el("label", {"for": ident}, f.label, control), help_text)
            )
        box = el(
            "fieldset",
            {"class": "sl-cal__log", "data-inputs": True},
            el("legend", None, f"Log a run on {name}"),
            *controls,
            action_button("Log this run", "log_run", {"day": day.day.isoformat()}, primary=True),
        )
    easy = day.readiness.next_easy_run if day.readiness is not None else None  # None: the hard session stays
    if easy and easy.rest and day.logged:  # "Rest day, as planned" would deny what the reader did that day
        easy = None
    # The summary's "slow half of your E range" in figures, as Today gives them.
    todo = easy.summary + easy_limits(easy, unit) if easy else None
    # The day's one instruction, as Today gives it: the verdict's, or the comeback rule's for a hard session not
    # run yet.
    if day.day >= today and not any(item.kind == "run" for item in day.logged):
        todo = one_instruction(todo, runs, plan_days or {}, day.day, today=today, unit=unit)
    # A dropped strength session, said as Today says it: the comeback rule's easy run (why, and what comes next), or
    # the red verdict's drop.
    dropped = next((p for p in day.planned if p.status == "dropped"), None)
    lift = (
        None
        if dropped is None
        else dropped_words(
            dropped.name,
            day.day,
            runs,
            plan_days or {},
            today=today,
            offer=first_verdict_offer(offers),
            eased=eased_run(day),
        )
    )
    verdict = f"{_readiness(day)}." if day.readiness is not None else None
    said = " ".join(w for w in (verdict, todo, lift) if w)
    advice = el("p", {"data-day-advice": True}, said) if said else None
    return el(
        "section",
        {
            "class": "sl-cal__details",
            "data-details": day.day.isoformat(),
            "aria-label": f"Details of {name}",
        },
        el("h3", {"tabindex": "-1", "data-opened": True} if opened else None, name),
        el("ul", None, *_lines(day, unit, today)),
        advice,
        el("h4", None, "Logged") if logged else None,
        el("ul", None, *logged) if logged else None,
        el(
            "p",
            None,
            "To correct or delete one: runs on ",
            el("a", {"href": "../readiness/"}, "the run log"),
            ", strength sessions on ",
            el("a", {"href": "../strength-log/"}, "the strength log"),
            ".",
        )
        if logged
        else None,
        el("div", {"class": "sl-cal__links"}, *_link_buttons(day, calendar, unit)),
        el("h4", None, "Change the plan") if offers else None,
        _no_move(offers, fits_if),
        el("ul", {"data-offers": True}, *(offer_item(o, n) for n, o in enumerate(offers))) if offers else None,
        box,
    )


def undo_button(change: PlanChange, *, today: date, just_made: bool = False) -> Html:
    """The button that undoes ``change``; its name says which change, as the reply to accepting it and
    the history can both show one for the same change and the history one for several."""
    day = day_words(change.day, today=today)
    if just_made:
        label, name = "Undo", f"Undo the change just made for {day}: {change.description}"
    else:
        label = "Undo this change"
        name = f"{label} for {day}, made on {day_words(change.applied, today=today)}: {change.description}"
    return action_button(label, "undo_change", {"id": change.id}, aria_label=name)


def history(changes: tuple[PlanChange, ...], undoable: frozenset[str] = frozenset(), *, today: date) -> Html | None:
    """The changes accepted so far, each on the day it was made, and each that can still be undone (its id in
    ``undoable``) with its button."""
    if not changes:
        return None
    return join(
        el("h3", None, "Changes to your plan"),
        el(
            "ul",
            {"data-history": True},
            *(
                el(
                    "li",
                    None,
                    f"{day_words(c.applied, today=today)}: {c.description}",
                    *((" ", undo_button(c, today=today)) if c.id in undoable else ()),
                )
                for c in sorted(changes, key=lambda c: c.applied)
            ),
        ),
    )

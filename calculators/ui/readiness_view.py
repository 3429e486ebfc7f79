"""The readiness page's result: tomorrow's verdict, load, balance, and the run and HRV tables.

Each chart (HRV, fitness / fatigue / form, weekly load by type) is drawn from
the same numbers as the table right after it, which is its text alternative;
each stored row carries its own delete button, and each run an edit button (:mod:`calculators.ui.run_edit`).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date, timedelta

from calculators import units
from calculators.calendar import week_bounds
from calculators.date_words import WEEKDAY_NAMES, day_words, short_day, shows_year
from calculators.errors import InputError
from calculators.hrv import edge_digits, hrv_status, ms_text
from calculators.load import (
    SEED_DAYS,
    Balance,
    PlannedWeek,
    counted_from,
    fitness_fatigue_series,
    trimp,
    weekly_balance,
)
from calculators.readiness import Readiness
from calculators.readiness_easy_run import EasyRun, km_range_words, red_run_words
from calculators.readiness_hrv import sparse_words
from calculators.readiness_load import (
    FORM_HISTORY_DAYS,
    FORM_HISTORY_WORDS,
    RAMP_HIGH,
    RAMP_HISTORY_DAYS,
    SEED_WORDS,
    counts_from,
    load_stage,
    shows_after,
)
from calculators.reschedule_case import Offer, run_words, strength_moved
from calculators.season import week_context
from calculators.strength import StrengthSession
from calculators.ui.calculator import action_button
from calculators.ui.html import Html, el, join, stacked_table
from calculators.ui.load_charts import fitness_chart, weekly_load_chart
from calculators.ui.plain_terms import FATIGUE, FITNESS
from calculators.ui.readiness_chart import hrv_chart
from calculators.ui.readiness_data import KINDS, LeftOut, Log, Run, Settings
from calculators.ui.readiness_start import still_to_come_note
from calculators.ui.run_edit import run_title
from calculators.ui.strength_plan import counted_words

__all__ = [
    "VERDICTS",
    "easy_limits",
    "hard_day_advice",
    "headline",
    "load_section",
    "log_tables",
    "no_hrv_note",
    "no_reading_yet_note",
    "pace_range",
    "verdict_section",
    "verdict_words",
]

VERDICTS = {
    "green": "Green: train as planned",
    "amber": "Amber: take it easier",
    "red": "Red: rest, or very easy",
    "building": "Baseline still building",
}
#: What a verdict worse than green says on race day: the race stays, started conservatively, as the eve said.
RACE_KEPT = "race as planned, and start conservatively"
#: An offer of the training calendar's, in the short words the advice opens with.
_OFFER_SAYS = {"move": "move it", "easy": "run it easy", "skip": "skip it"}


def _offer_says(offer: Offer) -> str:
    """The offer's short words: an amber move is a swap with an easy day; a red day's easy run is very easy, or rest
    (the red verdict's own words), never only "easy"."""
    if offer.kind == "move" and offer.trigger == "amber":
        return "swap it"
    if offer.kind == "easy" and offer.trigger == "red":
        return "run it very easy, or rest"
    return _OFFER_SAYS[offer.kind]


TABLE_DAYS = 28
BALANCE_WEEKS = 8
RUNS_SHOWN = 30


def _signed(value: float, digits: int = 0) -> str:
    return f"{value:+.{digits}f}".replace("-", "−")


def pace_range(pace: tuple[float, float], unit: units.PaceUnit) -> str:
    """An E-pace range as “5:00–5:40 /km” (fast → slow)."""
    return units.format_pace_range(pace, unit)


def easy_limits(easy: EasyRun, unit: units.PaceUnit) -> str:
    """The numbers an easy run's summary leaves out, as a sentence to follow it: " Keep to pace 5:45–6:06 /km and
    heart rate under 142 bpm." ("the slow half of your E range" in figures), or "" when the profile has neither (the
    summary then says how easy by feel). Today and the training calendar's day details both give it."""
    if easy.minutes_range is None and easy.km_range is None:
        return ""
    limits = [
        *([f"pace {pace_range(easy.pace_s_per_km, unit)}"] if easy.pace_s_per_km else []),
        *([f"heart rate under {easy.hr_cap} bpm"] if easy.hr_cap else []),
    ]
    return f" Keep to {' and '.join(limits)}." if limits else ""


#: λ = 2/(N + 1) with N = 7 (Williams et al. 2017): the share of the recent (acute) average that is today's load.
RECENT_WEIGHT_TODAY = "a quarter"


#: Beside a form figure shown while it settles (:func:`calculators.readiness_load.load_stage`), in the table's cells.
SETTLING = "settling"


def _form_pct(form_pct: float | None, logged_days: int, *, seeded: bool) -> str | None:
    """Form as a share of fitness, marked while still settling, or None ("—") before it shows: a first week's −466 %
    is the zero start, not tiredness."""
    stage = load_stage(logged_days, FORM_HISTORY_DAYS, seeded=seeded)
    if form_pct is None or stage == "young":
        return None
    return f"{_signed(form_pct)} %" + (f" ({SETTLING})" if stage == "settling" else "")


def _form(form: float, logged_days: int, *, seeded: bool) -> str | None:
    """Form, or None ("—") before it shows, as the sentence above the table says: a first run's −62 is the zero
    start. Its share beside it carries the settling mark, once a row."""
    return None if load_stage(logged_days, FORM_HISTORY_DAYS, seeded=seeded) == "young" else _signed(form)


def hard_day_advice(
    r: Readiness,
    tomorrow_run: str | None,
    comeback: str | None = None,
    dropped: str | None = None,
    offer: Offer | None = None,
) -> Html | None:
    """What the verdict says about a hard session planned tomorrow, and about its strength session. ``comeback``
    (:func:`calculators.reschedule_comeback.comeback`) says it is the first hard session after days without running
    (or the first long run, cut back): then a verdict that would keep it says to run it easy (shorter) instead, and
    one that eases it says why too; ``dropped`` (:func:`calculators.reschedule_comeback.strength_dropped`) says why
    its strength session is not done then. ``offer`` is the training calendar's first offer for the session
    (:func:`calculators.ui.verdict_offers.offers_for`): when the verdict eases it, the advice is that offer, with its
    dates, so the page never proposes a swap the calendar cannot make; on a red day, an offer that moves the session
    with its strength session says tomorrow has none because it moves, never also to drop it."""
    advice, moved = None, None
    if r.hard_day is not None and tomorrow_run:
        action, reason = r.hard_day.says, r.hard_day.reason
        if offer is not None and r.hard_day.action != "keep":
            action = _offer_says(offer)
            reason = f"{offer.description} {r.hard_day.why}".rstrip()
            moved = strength_moved(offer)
        if comeback is not None:
            kept = "run it shorter" if tomorrow_run == "long" else "run it easy"  # the long run is cut, not eased
            action = kept if r.hard_day.action == "keep" else action
            reason = comeback if r.hard_day.action == "keep" else f"{reason} {comeback}"
        advice = el(
            "p",
            {"data-hard-day": True},
            el("strong", None, f"Your plan has {run_words(tomorrow_run)} tomorrow: {action}. "),
            reason,
        )
    if r.drop_strength and moved is not None and tomorrow_run:
        # The move takes the strength session along: tomorrow has none, and nothing is dropped (TRAINING-RULES, red).
        words = f"No strength tomorrow: Session {moved} moves with {run_words(tomorrow_run)}."
        advice = join(advice, el("p", None, words))
    elif r.drop_strength:
        advice = join(advice, el("p", None, "Drop any strength session planned for tomorrow."))
    elif dropped is not None:  # the verdict keeps tomorrow's strength, but the comeback rule's easy run does not
        advice = join(advice, el("p", {"data-strength-dropped": True}, dropped))
    return advice


def verdict_words(r: Readiness) -> str:
    """The verdict's name and what to do: "Amber: take it easier", "Baseline still building: train as planned", "Amber:
    rest as planned" on the plan's rest day. A
    reader who logs no HRV has no baseline building once the load counts: the verdict is then the load's alone (the
    house rule's load-only advice), and says so rather than "still building" for good."""
    # A planned rest day has no run to take easier: whatever the colour, the advice is the rest the plan already has.
    # A race is kept whatever the colour, as the eve's advice says (readiness._advice): not "rest" beside "race".
    todo = "rest as planned" if r.rest_day else VERDICTS[r.level].split(": ")[1]
    if r.race_day and r.level != "green":
        todo = RACE_KEPT
    if r.state != "building":
        return f"{VERDICTS[r.level].split(': ')[0]}: {todo}"
    if (stale := hrv_not_recent(r)) is not None:
        name = f"From your training load, {stale}" if r.load_counts else stale
    else:
        name = "From your training load" if r.hrv.latest is None and r.load_counts else VERDICTS["building"]
    return f"{name}: {todo}"


def hrv_not_recent(r: Readiness) -> str | None:
    """ "HRV too sparse (2 readings in the last 7 days, needs 3, the last on Sunday 6 December)" for a reader with HRV's
    14 days of history and under 3 readings in the last 7 (:attr:`calculators.readiness.Readiness.hrv_not_recent`):
    what the verdict lacks and what to log, in place of "baseline still building"; the same name whether they stopped
    logging or log again (:func:`calculators.readiness_hrv.sparse_words`). None otherwise."""
    if r.hrv_not_recent is None:
        return None
    return f"HRV too sparse ({sparse_words(r.hrv)})"


def headline(r: Readiness) -> str:
    """The verdict in one line, naming what moved it off green (HRV, load, soreness, sleep), or, while HRV is not
    used yet, what a green rests on: never "from your load alone" when the load does not count either."""
    words = verdict_words(r)
    if r.causes:
        return f"{words}, because of: {', '.join(r.causes)}"
    if r.state == "building":
        # A reader who logs no HRV is told once, by no_hrv_note, that it is optional: not again in every headline.
        hrv = "" if r.hrv.latest is None or r.hrv_not_recent else "HRV is not used yet; "
        if r.load_counts:
            return f"{words} ({hrv}your training load allows it)" if hrv else words
        basis = "neither HRV nor your training load counts" if hrv else "your training load does not count"
        return f"{words} ({basis} yet)"
    return words


#: Where the HRV guide says how to take a morning reading; pages under tools/ link to it from their result.
HOW_TO_MEASURE = "../../guides/hrv-and-readiness/#how-to-measure-well"


def no_hrv_note(r: Readiness) -> Html | None:
    """One plain line for a reader with no HRV reading at all: HRV is optional, what it would add, and how to start.
    Said once where the verdict is, instead of "0 readings (needs 3)" among the verdict's reasons every day."""
    if r.hrv.latest is not None:
        return None
    return el(
        "p",
        {"data-no-hrv": True},
        "HRV is optional. A short morning HRV reading would add how well you have recovered to the verdict, beside "
        "your training load. ",
        el("a", {"href": HOW_TO_MEASURE}, "How to measure HRV"),
        ".",
    )


def worse_note(r: Readiness) -> Html | None:
    """What the morning's soreness or short sleep did to the verdict, in plain words: one step worse
    (TRAINING-RULES.md), from "train as planned" to "take it easier", or from that to rest. While HRV is not used
    yet, the step is taken on the verdict from the training load (Stridelab's rule,
    :data:`calculators.readiness.STEP_WORSE`), so a runner without an HRV device sees her check-in count. None when
    neither moved it."""
    if r.worse_from is None:
        return None
    was, now = (VERDICTS[level].split(": ")[1] for level in (r.worse_from, r.level))
    basis = (
        "your training load alone"
        if r.state == "building" and r.load_counts
        else "your logs so far"
        if r.state == "building"
        else "your HRV and training load"
    )
    moved = (
        f"it was “{was}” already, the most it can be"
        if r.worse_from == r.level
        else f"{basis} would say “{was}”; it now says “{now}”"
    )
    building = "; with HRV not used yet, Stridelab's rule takes that step from your training load's verdict"
    return el(
        "p",
        {"data-worse": True},
        f"Your check-in's {' and '.join(r.worse_by)} moves the verdict one step worse (soreness of 4 or 5, or under "
        f"6 hours' sleep, does{building if r.state == 'building' else ''}): {moved}.",
    )


def waits_for_check_in(mornings: Collection[date], today: date) -> bool:
    """Whether tomorrow's verdict waits for this morning's check-in: the reader checked in yesterday (an HRV reading,
    or sleep or soreness alone) and not yet today.

    The 7-day window ends at today, not at the latest reading: the rule counts "readings in the last 7 days"
    (TRAINING-RULES.md's verdict table) and the 7-day average is of the week's calendar days (Plews et al. 2013), so
    a missed morning is a gap in the week, not a reason to reach further back. But at midnight that window drops its
    oldest morning, and a verdict made before this morning's is in would change overnight with nothing new logged
    (green on Sunday evening, amber at 07:00 on Monday). Stridelab's rule: until the reader who checks in daily has
    logged this morning, tomorrow's verdict is not given; today's, made last night, is shown instead."""
    return today not in mornings and today - timedelta(days=1) in mornings


def waiting_note(today_verdict: Readiness | None, link: str | None = None) -> Html:
    """Tomorrow's verdict waits for this morning's check-in (:func:`waits_for_check_in`), with today's verdict made
    last night; ``link``: where to log it, for a page other than the readiness page."""
    where = [" on ", el("a", {"href": link}, "the readiness page")] if link else []
    return el(
        "div",
        {"data-waits": True},
        el(
            "p",
            None if link else {"data-summary": True},  # Today has a headline of its own
            "Tomorrow's verdict waits for this morning's check-in: log your HRV, or your sleep or soreness",
            *where,
            ". Your 7-day HRV window moves on each midnight, so a verdict for tomorrow made before this morning is in "
            "would change with nothing new logged.",
        ),
        el("p", None, "Today's verdict, made last night: ", el("strong", None, headline(today_verdict)), ".")
        if today_verdict is not None
        else None,
    )


def no_reading_yet_note(r: Readiness) -> Html | None:
    """For a reader who logs HRV but not yet on the verdict's own day: tomorrow's verdict then rests on the mornings
    before, and Kiviniemi's two-day rule needs each morning's own reading (Kiviniemi et al. 2007), so it can read
    milder than last night's verdict for today until this morning's reading is in. Said, so the two never seem to
    disagree for no reason. None once the reading is logged, for a reader without HRV, or one who stopped logging
    (those are told otherwise)."""
    hrv = r.hrv
    if hrv.latest is None or hrv.latest >= hrv.day or r.state == "building" or (hrv.day - hrv.latest).days > 1:
        return None
    rule = (
        " Your 7-day average is below your normal range: a second low morning running would make it red."
        if hrv.state == "below"
        else ""
    )
    return el(
        "p",
        {"data-no-reading-yet": True},
        f"No HRV reading today ({day_words(hrv.day, today=hrv.day)}) yet: this verdict uses your mornings up to "
        f"{day_words(hrv.latest, today=hrv.day)}, and it is made again when you log this morning's.{rule}",
    )


def verdict_section(
    r: Readiness,
    settings: Settings,
    today: date,
    *,
    tomorrow_run: str | None,
    comeback: str | None = None,
    dropped: str | None = None,
    offer: Offer | None = None,
    waiting: bool = False,
    today_verdict: Readiness | None = None,
) -> Html:
    """The verdict for tomorrow in words, the inputs that drove it, tomorrow's easy run and the hard-day advice
    (``comeback``, ``dropped`` and ``offer``: see :func:`hard_day_advice`); with ``waiting``
    (:func:`waits_for_check_in`), only that it waits for this morning's check-in, and ``today_verdict``."""
    day = today + timedelta(days=1)
    if waiting:
        return el(
            "div",
            {"class": "sl-result__verdict", "data-verdict": "waiting"},
            el("h3", None, f"Tomorrow, {day_words(day, today=today)}"),
            waiting_note(today_verdict),
        )
    easy = r.next_easy_run
    details: list[Html] = []
    if easy is None:
        pass  # tomorrow's hard session or race stays: the hard-day advice says so, no easy run to show
    elif not easy.rest and easy.minutes_range:
        low, high = easy.minutes_range
        details.append(el("li", None, f"Time: {low} min" if low == high else f"Time: {low}–{high} min"))
    elif not easy.rest and easy.km_range:  # planned by distance alone: in the reader's unit, as the plan names it
        details.append(el("li", None, f"Distance: {km_range_words(easy.km_range, settings.unit)}"))
    elif easy.minutes_range or easy.km_range:  # red: the very easy alternative, never over the run it replaces
        most_km = None if easy.km_range is None else easy.km_range[1]
        alternative = red_run_words(easy.minutes_range, most_km, settings.unit)
        details.append(el("li", None, f"If you move at all: {alternative} very easy, or cross-training"))
    if easy is not None and (easy.minutes_range is not None or easy.km_range is not None):
        if easy.pace_s_per_km:
            half = " (the slow half of your E range)" if r.level != "green" or easy.rest else ""
            pace = f"Pace: {pace_range(easy.pace_s_per_km, settings.unit)}{half}, from {settings.pace_source}"
            details.append(el("li", None, pace))
        else:
            details.append(
                el("li", None, "Pace: conversational. Enter your VDOT under “My numbers” to get an E pace range.")
            )
        if easy.hr_cap:
            details.append(el("li", None, f"Heart rate: keep it under {easy.hr_cap} bpm"))
        else:
            details.append(el("li", None, "Heart rate: enter your HR max under “My numbers” to get a cap."))
    return el(
        "div",
        {"class": "sl-result__verdict", "data-verdict": r.state},
        el("h3", None, f"Tomorrow, {day_words(day, today=today)}"),
        el("p", {"class": "sl-result__headline", "data-summary": True}, f"{headline(r)}."),
        still_to_come_note(r, today),
        no_reading_yet_note(r),
        el("p", None, "What drove it:"),
        el("ul", {"data-drivers": True}, *(el("li", None, d[0].upper() + d[1:]) for d in r.drivers)),
        worse_note(r),
        no_hrv_note(r),
        # The plan's session first: on an amber swap it says why tomorrow's run below is an easy one.
        hard_day_advice(r, tomorrow_run, comeback, dropped, offer),
        el("h4", None, "Tomorrow's easy run") if easy else None,
        el("p", {"data-easy-run": True}, easy.summary) if easy else None,
        el("ul", None, *details) if details else None,
    )


def load_section(
    r: Readiness,
    log: Log,
    today: date,
    *,
    week_start: int,
    strength_done: Mapping[date, tuple[StrengthSession, ...]],
    strength_dropped: Mapping[date, str],
) -> Html:
    """Fitness, fatigue, form and the ramp in words, then the last four weeks and weekly load by type, each charted.
    ``strength_done`` and ``strength_dropped`` are the planned strength sessions the training calendar counts as done
    and drops this week (:func:`calculators.ui.strength_drops.dropped_sessions`, with why)."""
    loads = log.daily_loads()
    ramp = r.ramp
    logged_days = r.load.history_days - 1  # the model runs to tomorrow; the log ends today
    seeded = r.load.seed is not None
    form_stage = load_stage(logged_days, FORM_HISTORY_DAYS, seeded=seeded)
    ramp_stage = load_stage(logged_days, RAMP_HISTORY_DAYS, seeded=seeded)
    # The first log's date and the dates each figure starts to count, never "N days logged": the averages fill with
    # the days since the first log, rest days included, so a count of days reads as logs that were never made.
    first = min(loads, default=today)
    since = f"your first log is from {day_words(first, today=today)}"
    ramp_shows, form_shows = (
        shows_after(logged_days, d, seeded=seeded) for d in (RAMP_HISTORY_DAYS, FORM_HISTORY_DAYS)
    )
    form_from = day_words(counts_from(first, FORM_HISTORY_DAYS), today=today)
    ramp_from = day_words(counts_from(first, RAMP_HISTORY_DAYS), today=today)
    # Before 3 weeks, form and the ramp are not shown as numbers: fitness and the 4-week load start from zero until the
    # runner's own usual week is known, so a first run reads as form −466 % and a ramp of 3.6, alarming and meaningless.
    if ramp.ratio is None:
        ramp_text: str = "Load ramp: not known until some training is logged."
    elif ramp_stage == "young":
        shown_from = day_words(counts_from(first, ramp_shows), today=today)
        why = (
            f"Your load over the last 4 weeks then starts from your usual week in those {SEED_WORDS}: started from "
            "zero, as it would be before then, even a load the same every week would read as rising."
            if ramp_shows == SEED_DAYS
            else f"Your first {SEED_WORDS} of logs hold too little training to start from, so your load over the last "
            "4 weeks, an average that starts from zero at your first log, is still filling, and the ramp would read "
            "too high: even a load the same every week would read as rising."
        )
        ramp_text = (
            f"Load ramp (how fast your load is rising): counts after {ramp_shows // 7} weeks of logs, from "
            f"{shown_from}; {since}. {why}"
        )
    else:
        ramp_text = (
            f"Load ramp {ramp.ratio:.2f}: your recent load against your load over about the last 4 weeks, each a "
            f"weighted average that counts the latest days most (today alone makes up {RECENT_WEIGHT_TODAY} of the "
            "recent one), so it moves from day to day and a rest day pulls it down at once. This weighted ramp is the "
            f"figure the verdict uses (above {RAMP_HIGH:g} it turns a green day amber), not a plain ratio of weekly "
            "totals, which weighs every day alike and can read differently. "
            "It shows how fast your load is rising, nothing more: it does not forecast injury."
        )
        if ramp_stage == "settling":
            ramp_text += (
                f" Still settling until {ramp_from}: both averages started from your usual week in your first "
                f"{SEED_WORDS} of logs and lean on that start less each day, so trust the ramp a little less until "
                "then."
            )
    # The start tomorrow's form has (the same log, to the same day), so the table's rows and tomorrow's agree.
    series = fitness_fatigue_series(loads, start=today - timedelta(days=TABLE_DAYS - 1), today=today, seed=r.load.seed)
    # Days before the first log are zeros the runner never logged: the table and chart start at the first log.
    logged = [p for p in series if p.history_days > 0]
    # Tomorrow's form is today's end-of-day fitness − fatigue (FORMULAS.md, "as TrainingPeaks shows it"): the
    # sentence shows those two, and the form from them as rounded, so the runner can check the subtraction.
    fitness, fatigue = round(series[-1].fitness), round(series[-1].fatigue)
    share = f" ({_signed(r.load.form_pct)} % of fitness)" if r.load.form_pct is not None else ""
    # Why the form shown has its sign, never a rule for the other sign beside it (+4 "below zero when…" misleads).
    form = fitness - fatigue
    sign = (
        ": below zero, as your recent load, weighted towards the last few days, is above your 6-week level"
        if form < 0
        else ": above zero, as your recent load, weighted towards the last few days, is below your 6-week level"
        if form > 0
        else ""
    )
    form_words = (
        f"Form (fitness − fatigue) shows after {form_shows // 7} weeks of logs, from "
        f"{day_words(counts_from(first, form_shows), today=today)}; {since}. Until then fitness, a 6-week average, "
        "starts from zero and reads far too low, and form far below the truth: a week lighter than usual would read "
        "as heavier."
        + (f" From then it starts from your usual week in those {SEED_WORDS}." if form_shows == SEED_DAYS else "")
        if form_stage == "young"
        else f"So you start tomorrow with form {fitness} − {fatigue} = {_signed(form)}{share}{sign}."
    )
    if form_stage == "settling":
        form_words += (
            f" Still settling until {form_from}: fitness and fatigue started from your usual week in your first "
            f"{SEED_WORDS} of logs, and fitness leans on that start for months, so form is a guide only until then "
            "and does not set the verdict."
        )
    year = shows_year((p.day for p in logged), today=today)
    # Tomorrow's row holds the form the sentence above gives, so the two never seem to disagree: today's row is
    # how today started (before today's load), tomorrow's how tomorrow starts.
    tomorrow = (
        f"{short_day(today + timedelta(days=1), year=year)} (tomorrow)",
        None,
        None,
        None,
        _form(fitness - fatigue, logged_days, seeded=seeded),
        _form_pct(r.load.form_pct, logged_days, seeded=seeded),
    )
    rows = [
        (
            short_day(p.day, year=year),
            round(loads.get(p.day, 0.0)),
            round(p.fitness),
            round(p.fatigue),
            # A day's form is the day before's: its logs end then.
            _form(p.form, p.history_days - 1, seeded=seeded),
            _form_pct(p.form_pct, p.history_days - 1, seeded=seeded),
        )
        for p in reversed(logged)
    ]
    head = ("Day", "Load", "Fitness (42-day)", "Fatigue (7-day)", "Form", "Form % of fitness")
    table = stacked_table(
        f"Fitness, fatigue and form, last {TABLE_DAYS} days from your first log (load in RPE × minutes; fitness and "
        "fatigue at the end of the day; form is how you start the day: the day before's fitness − fatigue; form and "
        f"form as a share of fitness show from {SEED_WORDS} of logs, marked “{SETTLING}” until {FORM_HISTORY_WORDS}, "
        "when they start to count)",
        head,
        [tomorrow, *rows] if loads else rows,
        dict.fromkeys(head[1:], "sl-num"),
        dense=True,
    )
    return el(
        "div",
        {"data-load": True},
        el("h3", None, "Training load"),
        el(
            "p",
            {"data-form": True, "data-settling": bool(loads) and form_stage == "settling"},
            f"At the end of today: fitness {fitness} ({FITNESS}), fatigue {fatigue} ({FATIGUE}). {form_words} Runs and "
            "strength sessions both "
            "count, as RPE × minutes."
            if loads
            else "No training logged yet: fitness, fatigue and form appear once you log a run or a strength session.",
        ),
        el("p", {"data-load-from": True}, not_counted) if (not_counted := _not_counted(log, today)) else None,
        el("p", {"data-ramp": True, "data-settling": ramp_stage == "settling"}, ramp_text),
        fitness_chart(logged, today=today),
        table if loads else None,
        _balance(log, today, week_start, strength_done, strength_dropped),
    )


def _not_counted(log: Log, today: date) -> str | None:
    """The sessions logged before the load's history starts (:func:`calculators.load.counted_from`, Stridelab's rule),
    said once, with why: a runner who imported lifts, or one old run, sees why they are not in fitness, form or the
    ramp, and that they are kept. None when every session counts."""
    start = counted_from(log.sessions)
    before = [s.day for s in log.sessions if start is not None and s.day < start]
    if start is None or not before:
        return None
    lifts = sum(1 for s in log.sessions if s.day < start and s.kind == "strength")
    runs = len(before) - lifts
    what = " and ".join(units.count(n, name) for n, name in ((lifts, "strength session"), (runs, "run")) if n)
    first_day, last_day = (day_words(d, today=today) for d in (min(before), max(before)))
    span = f"on {first_day}" if first_day == last_day else f"from {first_day} to {last_day}"
    them = "it" if len(before) == 1 else "them"
    why = (
        f"a week or more without a logged run followed {them}, so {them} cannot be your usual weeks to start from"
        if runs
        else f"no run is logged before {them}, and the runs of those weeks are unknown, not none: counted as none, "
        "your usual running would read as a sudden rise"
    )
    first = "your first logged run after a week without one" if runs else "your first logged run"
    return (
        f"Your training load counts from {day_words(start, today=today)}, {first}: {what} {span} "
        f"{'is' if len(before) == 1 else 'are'} kept in your logs but not counted ({why}; Stridelab's rule)."
    )


def _weeks(log: Log, today: date, week_start: int) -> list[Balance]:
    """The balance of this week and the ones before it, newest first, each judged by its phase in the plan. Weeks
    start on the profile's day (0 Monday, 6 Sunday), as the calendar's and the strength log's weekly totals do."""
    first = week_bounds(today, week_start)[0]
    days = log.plan.planned_days() if log.plan else {}
    weeks = []
    for back in range(BALANCE_WEEKS):
        start = first - timedelta(days=7 * back)
        context = week_context(log.plan, start) if log.plan else None
        peak = context is not None and context.strength_cut  # the lower band only where the plan cuts strength
        race = log.plan.race_date if log.plan else None
        # What the plan had that week, so too much strength can say whether the runner or the plan made it so.
        mine = [d for day, d in days.items() if start <= day < start + timedelta(days=7)]
        planned = (
            PlannedWeek(
                run_minutes=sum(d.minutes or 0.0 for d in mine if d.run != "rest"),
                strength_sessions=sum(1 for d in mine if d.strength is not None),
            )
            if mine
            else None
        )
        balance = weekly_balance(
            log.sessions, week_start=start, peak=peak, race_date=race, today=today, planned=planned
        )
        weeks.append(balance)
    return weeks


def _strength_ahead(
    log: Log,
    today: date,
    current: Balance,
    done: Mapping[date, tuple[StrengthSession, ...]],
    dropped: Mapping[date, str],
) -> tuple[list[str], list[str]]:
    """The strength sessions the plan still has this week, from today on ("Session A on Tuesday 8 December"), and
    those of them a session lifted on another day already counts for, as the calendar links it ("Session B on
    Thursday 10 December is done: your session of Wednesday 9 December counts for it"), and those the calendar
    drops (a red verdict, or the first hard session back after days without a run), with why: not planned, as the
    calendar's week does not count them. Today's is left out once a lift is logged today: it is done, not still to
    come."""
    if log.plan is None:
        return [], []
    end = current.week_start + timedelta(days=7)
    lifted = {s.day for s in log.sessions if s.kind == "strength"}
    ahead, counted = [], []
    for day, d in sorted(log.plan.planned_days().items()):
        if not today <= day < end or d.strength is None or day in lifted:
            continue
        what = f"Session {d.strength} on {day_words(day, today=today)}"
        if day in done:
            counted.append(f"{what} is done: {counted_words(day, done[day], today=today)}.")
        elif day in dropped:
            counted.append(dropped[day])  # not still to come, nor owed
        else:
            ahead.append(what)
    return ahead, counted


def _this_week(current: Balance, ahead: list[str], counted: list[str]) -> tuple[str, str]:
    """The current week's verdict cell and sentence. A week still under way is not judged yet (see
    :func:`weekly_balance`); the strength sessions the plan still has are named, and those already done."""
    if current.verdict is None:
        return "nothing logged", "This week: nothing logged yet."
    if current.verdict == "so far":
        planned = f" {' and '.join(ahead)} {'is' if len(ahead) == 1 else 'are'} planned." if ahead else ""
        return current.label, f"This week is under way. {current.reason}{planned}{''.join(' ' + c for c in counted)}"
    return current.label, f"This week: {current.label}. {current.reason}"


def _last_week(last: Balance, today: date) -> str | None:
    """The week just ended, when its share is off the aim: the current week is not judged until it ends, so
    this is the first place its verdict and what to do about it can be read in words, not only in the table."""
    if last.verdict not in ("strength over-indexed", "strength missing", "a little high", "a little low"):
        return None
    return f"The week of {day_words(last.week_start, today=today)}: {last.label}. {last.reason}"


def _balance(
    log: Log,
    today: date,
    week_start: int,
    done: Mapping[date, tuple[StrengthSession, ...]],
    dropped: Mapping[date, str],
) -> Html:
    weeks = _weeks(log, today, week_start)
    cell, verdict = _this_week(weeks[0], *_strength_ahead(log, today, weeks[0], done, dropped))
    # Weeks that ended before the first log are not "nothing logged" weeks of this runner's: they are left out, and
    # this week stays, as the row its verdict above is read against. Lifts before the load's history (the first logged
    # run) are shown, their weeks "no runs logged".
    first = min((s.day for s in log.sessions), default=today)
    shown = [b for n, b in enumerate(weeks) if n == 0 or b.week_start + timedelta(days=7) > first]
    year = shows_year((b.week_start for b in shown), today=today)
    rows = [
        (
            # "Week of 7 Dec", as the calendar's weekly totals: a phone's card shows no column head above it.
            f"Week of {short_day(b.week_start, year=year, weekday=False)}",
            round(b.running_load),
            round(b.strength_load),
            None if b.strength_pct is None else f"{b.strength_pct:.0f} %",
            b.target,
            cell if n == 0 else b.label,
        )
        for n, b in enumerate(shown)
    ]
    head = ("Week", "Running", "Strength", "Strength share", "Target", "Verdict")
    return join(
        el("h3", None, "Strength and running balance"),
        el("p", {"data-balance": True}, verdict),
        el("p", {"data-balance-last": True}, last) if (last := _last_week(weeks[1], today)) else None,
        weekly_load_chart(shown, today=today),
        stacked_table(
            f"Weekly load by type (RPE × minutes), weeks starting {WEEKDAY_NAMES[week_start]}. Stridelab's rule: "
            "strength is 15–40 % of the week's load in base and build weeks, 8–25 % in a marathon's peak weeks "
            "(strength cut), none in the last 14 days before a race",
            head,
            rows,
            dict.fromkeys(head[1:5], "sl-num"),
        ),
    )


_RUN_HEAD = ("Date", "Time", "Distance", "Pace", "RPE", "Avg HR", "Load", "TRIMP", "Entered", "Edit or delete")
#: A row's buttons: no "Edit or delete:" before them on a phone's card, as each names its run in full.
_ACTIONS = "sl-row-actions"


def _run_row(run: Run, settings: Settings, today: date, *, year: bool, race: bool) -> tuple[object, ...]:
    per = units.meters_from(1, settings.unit)
    pace = units.format_pace(run.duration_s / (run.distance_m / 1000), settings.unit) if run.distance_m >= 10 else None
    impulse = None
    if run.hr_avg is not None and settings.hr_rest is not None and settings.hr_max is not None:
        try:
            sex = settings.sex if settings.sex in ("male", "female") else None
            impulse = f"{trimp(run.duration_s / 60, run.hr_avg, settings.hr_rest, settings.hr_max, sex):.0f}"  # type: ignore[arg-type]
        except InputError:
            impulse = "HR outside rest–max"
    return (
        short_day(run.day, year=year),
        units.format_duration(run.duration_s),
        f"{run.distance_m / per:.2f} {settings.unit}",
        pace,
        f"{run.rpe:g}",
        None if run.hr_avg is None else f"{run.hr_avg:.0f}",
        f"{run.load:.0f}",
        impulse,
        {"hand": "by hand", "gpx": "GPX", "tcx": "TCX", "fit": "FIT"}.get(run.source, run.source),
        join(
            # Short labels, named in full for screen readers: a label naming the day would make each row
            # two buttons tall, and the table too wide for the page's column.
            action_button("Edit", "edit_run", {"id": run.id}, aria_label=f"Edit {run_title(run, today)}"),
            action_button(
                "Delete",
                "delete",
                {"collection": "runs", "id": run.id},
                aria_label=f"Delete {run_title(run, today)}",
                destructive=True,
            ),
            # a run that could be a race: the offer, with what it would change, comes first (race_runs)
            action_button(
                "Use as race",
                "race_offer",
                {"id": run.id},
                aria_label=f"Use the {run_title(run, today)} as my recent race",
            )
            if race
            else None,
        ),
    )


def _left_out_table(entries: tuple[LeftOut, ...], today: date) -> Html:
    """Stored entries that fail their checks, with why, each with a delete button: listed, not only counted,
    so the reader can find and mend them."""
    days = [date.fromisoformat(entry.when) if entry.when else None for entry in entries]
    year = shows_year((d for d in days if d is not None), today=today)
    rows = []
    for n, (entry, day) in enumerate(zip(entries, days, strict=True), start=1):
        kind = KINDS[entry.collection]
        name = f"{kind} of {day_words(day, today=today)}" if day else f"the undated {kind}, row {n}"
        rows.append(
            (
                short_day(day, year=year) if day else "no date",
                kind[0].upper() + kind[1:],
                f"Left out: {entry.why}.",
                join(
                    # Edit only where the editor can mend it: a run whose values all read, left out for its date
                    # (after today) or its pace. One with a value missing or unreadable can only be logged again.
                    # Short labels named in full for screen readers, as in the runs table: two long labels
                    # would make the table wider than a phone.
                    action_button("Edit", "edit_run", {"id": entry.id}, aria_label=f"Edit {name}")
                    if entry.editable
                    else None,
                    action_button(
                        "Delete",
                        "delete",
                        {"collection": entry.collection, "id": entry.id},
                        aria_label=f"Delete {name}",
                        destructive=True,
                    ),
                ),
            )
        )
    actions = "Edit or delete" if any(e.editable for e in entries) else "Delete"
    return stacked_table(
        "Left out of your log: stored entries that fail a check and count nowhere. Correct a run dated after today "
        "or with a pace no runner could run with its Edit button; delete the others, or log them again with the "
        "right values.",
        ("Date", "Entry", "Why", actions),
        rows,
        {actions: _ACTIONS},
    )


def log_tables(log: Log, settings: Settings, today: date, races: frozenset[str] = frozenset()) -> Html:
    """The run log and the HRV readings, newest first, each row with a delete button (and each run an edit one,
    and the runs ``races`` names one that offers it as the recent race)."""
    runs = log.runs[:RUNS_SHOWN]
    run_year = shows_year((r.day for r in runs), today=today)
    run_table = (
        stacked_table(
            f"Your runs, newest first ({len(runs)} of {len(log.runs)}); load = RPE × minutes, "
            "TRIMP (Banister) where heart rate is known",
            _RUN_HEAD,
            (_run_row(r, settings, today, year=run_year, race=r.id in races) for r in runs),
            {**dict.fromkeys(_RUN_HEAD[1:8], "sl-num"), "Edit or delete": _ACTIONS},
            dense=True,
        )
        if runs
        else el("p", None, "No runs logged yet.")
    )
    readings = log.hrv_readings()
    now = hrv_status(readings, today=today)
    recent = [h for h in log.hrv if (today - h.day).days < 28]  # newest first
    statuses = [hrv_status({d: v for d, v in readings.items() if d <= h.day}, today=h.day) for h in recent]
    # One rounding for the whole table and its caption: whole ms, or one decimal everywhere when any row's average
    # would round onto an edge of its range ("48.6 … 46.7–49.5" beside "48 … 46–49" read as two rules).
    digits = max((edge_digits(s.baseline, s.normal_low, s.normal_high) for s in [now, *statuses]), default=0)
    band = (
        f"your normal range now is {ms_text(now.normal_low, digits)}–{ms_text(now.normal_high, digits)} ms"
        if now.normal_low is not None
        else "your normal range appears after two readings"
    )
    year = shows_year((h.day for h in recent), today=today)
    rows = []
    for h, status in zip(recent, statuses, strict=True):
        # A check-in without rMSSD (no HRV device) is listed for its sleep and soreness, with no HRV figures: the
        # average and range beside it would read as if that morning had been measured.
        hrv = h.rmssd_ms is not None
        rows.append(
            (
                short_day(h.day, year=year),
                f"{h.rmssd_ms:g}" if hrv else "not measured",
                None if status.baseline is None or not hrv else ms_text(status.baseline, digits),
                None
                if status.normal_low is None or not hrv
                else f"{ms_text(status.normal_low, digits)}–{ms_text(status.normal_high, digits)}",
                {"building": "building", "below": "below", "within": "within", "above": "above"}[status.state]
                if hrv
                else None,
                None if h.resting_hr is None else f"{h.resting_hr:g}",
                None if h.sleep_hours is None else f"{units.format_hours(h.sleep_hours)} h",
                None if h.soreness is None else f"{h.soreness} of 5",
                action_button(
                    "Delete",
                    "delete",
                    {"collection": "hrv", "id": h.day.isoformat()},
                    aria_label=f"Delete {'HRV' if hrv else 'the check-in'} of {day_words(h.day, today=today)}",
                    destructive=True,
                ),
            )
        )
    # The rule judges the 7-day average against the range, not the morning (TRAINING-RULES.md's verdict table): the
    # column says so, or a low morning beside "within" reads as a mistake.
    head = (
        "Date",
        "rMSSD",
        "7-day average",
        "Normal range",
        "7-day average vs your range",
        "Resting HR",
        "Sleep",
        "Soreness",
    )
    hrv_table = (
        stacked_table(
            f"Morning HRV, last 28 days, newest first: rMSSD in ms; {band} "
            "(your 60-day average plus or minus half a standard deviation, worked out on the natural log of "
            "rMSSD and shown in ms). The verdict compares your 7-day average with that range, not a single morning, "
            "which swings from day to day (weekly averages, as Plews et al. 2013 advise)",
            (*head, "Delete"),
            rows,
            {**dict.fromkeys(head[1:4] + head[5:], "sl-num"), "Delete": _ACTIONS},
            dense=True,
        )
        if rows
        else el("p", None, "No HRV readings in the last 28 days.")
    )
    left_out = (el("h3", None, "Left out of your log"), _left_out_table(log.left_out, today)) if log.left_out else ()
    return join(
        el("h3", None, "Your runs"),
        run_table,
        el("h3", None, "Morning HRV"),
        hrv_chart(readings, today),
        hrv_table,
        *left_out,
    )

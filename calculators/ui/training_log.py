"""Run log, morning HRV and readiness (issue 6): log runs and readings, see the combined load and tomorrow's verdict.

Stored collections: ``runs`` (id: the activity file's stable id, so the same
file twice is one run, or a fresh UUID for a run entered by hand) and ``hrv``
(id: the ISO date, one reading per morning). Strength sessions, the profile and
a saved season plan are read too. The science lives in :mod:`calculators.load`,
:mod:`calculators.hrv`, :mod:`calculators.readiness` and
:mod:`calculators.activity_files`; this module only reads the form and the store.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from calculators.calendar import week_bounds
from calculators.calendar_logs import read_logs, read_plan
from calculators.date_words import day_words
from calculators.errors import InputError
from calculators.readiness import Readiness, readiness
from calculators.readiness_plan import usual_easy_minutes
from calculators.ui import race_runs
from calculators.ui.calculator import Calculator, Context, Reply, action_button, after_ops, confirm
from calculators.ui.html import Html, el
from calculators.ui.import_efforts import EFFORTS_FIELD
from calculators.ui.race_runs import offer_for, offer_words, offered_runs
from calculators.ui.readiness_data import (
    KINDS,
    Log,
    Run,
    Settings,
    chosen_unit,
    read_log,
    read_settings,
    readable,
    repeat_question,
    stored_date,
    stored_run,
)
from calculators.ui.readiness_fields import ENTRY_BOXES, FIELDS
from calculators.ui.readiness_save import SAVERS
from calculators.ui.readiness_view import load_section, log_tables, verdict_section, waits_for_check_in
from calculators.ui.run_edit import EDITOR_BOXES, corrected_run, run_editor
from calculators.ui.strength_drops import dropped_sessions
from calculators.ui.strength_plan import planned_strength_done
from calculators.ui.verdict_offers import calendar_as_told, verdict_offer

Store = Mapping[str, Mapping[str, Any]]


def _readiness(log: Log, settings: Settings, today: date, run_weekdays: tuple[int, ...]) -> Readiness:
    this_morning = next((h for h in log.hrv if h.day == today), None)
    return readiness(
        hrv_readings=log.hrv_readings(),
        daily_loads=log.daily_loads(),
        easy_pace=settings.easy_pace,
        hr_rest=settings.hr_rest,
        hr_max=settings.hr_max,
        tomorrow=log.tomorrow(today),
        next_easy=log.next_easy(today),
        plan_easy=log.plan_easy(today),
        plan_easy_km=log.plan_easy_km(today),
        soreness=this_morning.soreness if this_morning else None,
        sleep_hours=this_morning.sleep_hours if this_morning else None,
        run_weekdays=run_weekdays,
        usual_easy=usual_easy_minutes(log.runs, today),
        today=today,
        unit=settings.unit,
    )


def _page(
    store: Store, values: Mapping[str, str], context: Context, message: str = "", details: Html | None = None
) -> Html:
    """The page; ``message`` is the sentence the status line repeats, ``details`` what follows it (lists, a button)."""
    today = context.require_today()
    log = read_log(store, today, chosen_unit(values))
    notes = list(log.notes)
    try:
        settings = read_settings(values, log.plan, today)
    except InputError as error:
        if values.get("entry") == "settings":
            raise  # the reader is editing these numbers: the message goes beside the field
        # Out-of-range numbers kept in the profile must not block logging a run; say so instead.
        settings = read_settings({"units": values.get("units", "km")}, log.plan, today)
        notes.append(f"{error.message} It is not used until you correct it under “My numbers”.")
    # The page's own "Distances in" (one unit a screen, calculators.readiness_easy_run): the verdict and the calendar's
    # offer below it in that unit, even in the answer that changes it, before the profile has taken the change.
    profile = replace(context.reader_profile(), units=settings.unit)
    r = _readiness(log, settings, today, profile.run_weekdays)
    planned = log.tomorrow(today)
    tomorrow = today + timedelta(days=1)
    logs, plan = read_logs(store), read_plan(store)
    calendar = calendar_as_told(today, tomorrow, logs=logs, plan=plan, today=today, profile=profile)
    verdict = verdict_section(
        r,
        settings,
        today,
        tomorrow_run=planned.run if planned else None,
        comeback=log.comeback(today + timedelta(days=1), today=today, unit=settings.unit),
        dropped=log.strength_dropped(today + timedelta(days=1), today=today),
        # The calendar's own offer for tomorrow's session on an amber or red verdict: the advice is what it can do.
        offer=verdict_offer(calendar, plan, tomorrow, logs, profile),
        waiting=waits_for_check_in(logs.hrv, today),
        today_verdict=shown.readiness if (shown := calendar.day(today)) is not None else None,
    )
    notice = (
        el("div", {"class": "sl-notice", "data-message": True}, el("p", {"data-summary": True}, message), details)
        if message
        else None
    )
    if notice is not None:
        # The message is what the status line repeats; the verdict behind it is held (said with the message only
        # if it changed, and not again when the next answer shows it as it was: a form section switched).
        verdict = Html(verdict.replace(" data-summary", " data-summary-held", 1))
    return el(
        "div",
        {"class": "sl-result"},
        notice,
        *(el("p", {"class": "sl-result__note"}, note) for note in notes),
        verdict,
        load_section(
            r,
            log,
            today,
            week_start=profile.week_start,
            # Planned strength a lift on another day counts for is done, and one the calendar drops (a red verdict,
            # the comeback rule) is not planned, as the calendar, Today and the strength log say.
            strength_done=planned_strength_done(store, today),
            strength_dropped=dropped_sessions(
                logs,
                plan,
                today,
                week_bounds(today, profile.week_start)[1],
                today=today,
                profile=profile,
            ),
        ),
        log_tables(log, settings, today, offered_runs(log.runs, context.profile)),
    )


def _example() -> Html:
    """The prerendered result: a labelled made-up week, never something that looks like the reader's own log."""
    today = date(2026, 1, 15)
    store: dict[str, dict[str, Any]] = {
        "hrv": {
            (today - timedelta(days=n)).isoformat(): {"rmssd_ms": 52.0 if n == 0 else 70.0 - n % 4} for n in range(40)
        },
        "runs": {
            f"example-{n}": {
                "date": (today - timedelta(days=n)).isoformat(),
                "duration_s": 3000,
                "distance_m": 9000,
                "rpe": 5,
            }
            for n in range(150)
            if n % 7 not in (3, 6)  # five runs a week
        },
    }
    log = read_log(store, today)
    settings = read_settings({"vdot": "45", "hr_max": "188"}, None, today)
    r = _readiness(log, settings, today, ())
    return el(
        "div",
        {"class": "sl-result"},
        el(
            "p",
            {"class": "sl-notice", "data-summary": True},
            "Example, not your data: a made-up runner, five runs a week, whose HRV dropped this morning. "
            "Your own verdict appears here once the page has read this browser's storage.",
        ),
        Html(verdict_section(r, settings, today, tomorrow_run=None).replace(" data-summary", "", 1)),
    )


def compute(values: Mapping[str, str], context: Context) -> Reply:
    if context.store is None:
        return Reply(html=_example())
    return Reply(html=_page(context.store, values, context))


def save(values: Mapping[str, str], context: Context) -> Reply:
    """Save what the chosen entry form holds; a bad field stops here and nothing is stored."""
    store = context.require_store()
    saver = SAVERS.get(values.get("entry", ""))
    if saver is None:
        return Reply(html=_page(store, values, context, "Your numbers are kept in this browser's profile."))
    saved = saver(values, context, store)
    # A question comes alone (nothing stored until it is answered) or after what needs no asking (an HRV file's
    # new mornings are stored, and the values it disagrees on asked about).
    html = _page(after_ops(store, saved.ops), values, context, saved.message, saved.details)
    effects: tuple[dict[str, Any], ...] = () if saved.question is None else (saved.question,)
    entry = values.get("entry", "")
    if saved.ops and entry in ENTRY_BOXES:  # stored: its numbers leave the form
        effects += ({"type": "clear", "fields": list(ENTRY_BOXES[entry])},)
    return Reply(html=html, ops=tuple(saved.ops), effects=effects)


def _entry(args: Mapping[str, Any]) -> tuple[str, str]:
    collection, ident = args.get("collection"), args.get("id")
    if collection not in KINDS or not isinstance(ident, str) or not ident:
        raise InputError("action", "This button does not name a run or an HRV reading.")
    return collection, ident


def delete(values: Mapping[str, str], context: Context) -> Reply:
    """Ask first; the confirmation comes back as the same action, with the same args and ``confirmed=yes``."""
    store = context.require_store()
    collection, ident = _entry(context.args)
    if ident not in (store.get(collection) or {}):
        return Reply(html=_page(store, values, context, f"That {KINDS[collection]} is no longer stored."))
    value = store[collection][ident]
    # An entry left out as unreadable cannot be put back (restore checks what it stores), so it has no undo.
    undo = readable(collection, ident, value)
    if values.get("confirmed") != "yes":
        when = stored_date(collection, ident, value)
        what = (
            f"the {KINDS[collection]} of {day_words(date.fromisoformat(when), today=context.today)}"
            if when
            else f"this {KINDS[collection]}, which has no date that reads,"
        )
        after = "You can undo it just after." if undo else "It cannot be read, so this cannot be undone."
        question = f"Delete {what} from this browser? {after}"
        effect = confirm(question, "delete", "Delete", {"collection": collection, "id": ident}, destructive=True)
        return Reply(html=_page(store, values, context), effects=(effect,))
    ops = [{"op": "delete", "collection": collection, "id": ident}]
    args = {"collection": collection, "id": ident, "value": value}
    # The undo button follows the message, not in it: the status line repeats the message alone.
    button = action_button(f"Undo: put the {KINDS[collection]} back", "restore", args) if undo else None
    html = _page(after_ops(store, ops), values, context, f"The {KINDS[collection]} was deleted.", button)
    return Reply(html=html, ops=tuple(ops))


def _logged_run(store: Store, context: Context) -> Run | None:
    """The run the button names, listed or left out only for its date or pace; None when it is no longer there
    or a value of it does not read (then it can only be deleted)."""
    ident = context.args.get("id")
    runs = store.get("runs") or {}
    return stored_run(ident, runs[ident]) if isinstance(ident, str) and ident in runs else None


def _gone(store: Store, values: Mapping[str, str], context: Context) -> Reply:
    if context.args.get("id") in (store.get("runs") or {}):
        message = "That run cannot be corrected here: a value of it does not read. Delete it, or log it again."
    else:
        message = "That run is no longer in your log; nothing was changed."
    return Reply(html=_page(store, values, context, message))


def edit_run(values: Mapping[str, str], context: Context) -> Reply:
    """The editor of one logged run, in place of the page."""
    store = context.require_store()
    run = _logged_run(store, context)
    if run is None:
        return _gone(store, values, context)
    today, unit = context.require_today(), chosen_unit(values)
    # why it is left out, if it is, with its pace in the reader's unit as the left-out table says it
    left_out = read_log(store, today, unit).left_out
    why = next((e.why for e in left_out if e.collection == "runs" and e.id == run.id), None)
    return Reply(html=run_editor(run, unit, today, why))


def save_run(values: Mapping[str, str], context: Context) -> Reply:
    """Put the run back with what its editor's boxes hold; a bad box stops here and nothing is stored."""
    store = context.require_store()
    run = _logged_run(store, context)
    if run is None:
        return _gone(store, values, context)
    typed, unit, today = _typed(values, context), chosen_unit(values), context.require_today()
    corrected = corrected_run({**values, **typed}, store, run, unit, today)
    ops = list(corrected.ops)
    moved = ops[0]["value"] if ops and ops[0]["value"]["date"] != run.day.isoformat() else None
    if moved is not None and values.get("confirmed") != "yes":
        # Moved onto a day that already holds the same run (typed, and imported from the watch too), it would
        # double that day's load: ask, as logging it does. The glue re-sends no box of the editor with the answer,
        # so the question carries what was typed in them.
        boxes = {name: values.get(name, "") for name in EDITOR_BOXES}
        args = {"id": run.id, "typed": boxes}
        question = repeat_question(store, moved, today, unit, action="save_run", args=args, moved=run.id)
        if question is not None:
            return Reply(html=run_editor(run, unit, today, typed=boxes), effects=(question,))
    return Reply(html=_page(after_ops(store, ops), values, context, corrected.message), ops=tuple(ops))


def _typed(values: Mapping[str, str], context: Context) -> dict[str, str]:
    """The editor's boxes a confirmed move carries back in its ``args`` (none on a first save)."""
    typed = context.args.get("typed") if values.get("confirmed") == "yes" else None
    if not isinstance(typed, Mapping):
        return {}
    return {name: text for name, text in typed.items() if name in EDITOR_BOXES and isinstance(text, str)}


def race_offer(values: Mapping[str, str], context: Context) -> Reply:
    """The offer to make a logged run the recent race, asked for from its row: nothing changes until its button."""
    store, today = context.require_store(), context.require_today()
    run = _logged_run(store, context)
    plan = read_plan(store)
    offer = offer_for(run, context.profile, chosen_unit(values), today, plan=plan) if run is not None else None
    if run is None or offer is None:
        message = "That run is no longer one to offer as your recent race; your profile was not changed."
        return Reply(html=_page(store, values, context, message))
    return Reply(html=_page(store, values, context, offer_words(run, today), offer))


def use_race(values: Mapping[str, str], context: Context) -> Reply:
    """Make a logged run the profile's recent race, as the race calculator's button does."""
    store, today = context.require_store(), context.require_today()
    plan = read_plan(store)
    used = race_runs.use_race(
        store, context.profile_to_write(), context.args.get("id"), plan, chosen_unit(values), today
    )
    profile = used.ops[0]["value"] if used.ops else context.profile
    # The form's VDOT box is the profile's: the answer shows the page as the form will read once it follows.
    shown = {**values, "vdot": str(profile.get("vdot", values.get("vdot", "")))}
    html = _page(store, shown, replace(context, profile=profile), used.message, used.details)
    return Reply(html=html, ops=used.ops)


def restore(values: Mapping[str, str], context: Context) -> Reply:
    """Put back a run or HRV reading just deleted (the undo button carries it whole)."""
    store = context.require_store()
    collection, ident = _entry(context.args)
    value = context.args.get("value")
    kind = KINDS[collection]
    if not readable(collection, ident, value):
        raise InputError("action", f"The deleted {kind} could not be read back; restore it from a backup.")
    if ident in (store.get(collection) or {}):
        return Reply(html=_page(store, values, context, f"That {kind} is already in your log."))
    ops = [{"op": "put", "collection": collection, "id": ident, "value": value}]
    return Reply(html=_page(after_ops(store, ops), values, context, f"The {kind} is back in your log."), ops=tuple(ops))


CALCULATOR = Calculator(
    name="readiness",
    title="Run log, HRV and readiness",
    intro=(
        "Log runs (by hand or from GPX, TCX or FIT files) and morning HRV. You get your combined training load, "
        "the balance of strength and running, and a verdict for tomorrow with the easy run to do."
    ),
    fields=FIELDS,
    compute=compute,
    actions={
        "save": save,
        "delete": delete,
        "restore": restore,
        "edit_run": edit_run,
        "save_run": save_run,
        "race_offer": race_offer,
        race_runs.USE_RACE: use_race,
    },
    buttons=(("save", "Save"),),
    # calendar links: a run moved to another day takes its link along, or drops one that cannot hold there
    reads=("runs", "hrv", "strength", "plan", "calendar_links"),
    live=True,
    inputs=(EFFORTS_FIELD,),
)

"""The training calendar page: the season plan, runs and lifts in one place, and offers when life happens.

A week (day cards) or a month (a grid) around a date; a day's details log a run for that day, say
that a run done on another day counts for a planned session (a link, never a change to the log),
and, for a missed hard session or a red readiness day, offer a change to the plan that follows
the planner's rules, applied only when the reader accepts it, and undone on request while the
plan's week is still what the change made. Logged sessions are never deleted.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from calculators.calendar import month_bounds, week_bounds
from calculators.calendar_logs import Kind, link_op, read_logs, read_plan, unlink_op
from calculators.date_words import MONTH_NAMES, day_words
from calculators.entry_dates import check_entry_date
from calculators.errors import InputError
from calculators.plan_changes import (
    CHANGES_COLLECTION,
    PLAN_COLLECTION,
    PLAN_ID,
    apply_offer,
    read_changes,
    undo_change,
    undoable_changes,
)
from calculators.reschedule_case import Offer
from calculators.season import MAX_WEEKS, latest_race_date
from calculators.ui import race_runs
from calculators.ui.calculator import Calculator, Context, Field, Reply, after_ops
from calculators.ui.calendar_view import (
    day_details,
    history,
    left_out_notice,
    month_grid,
    totals_table,
    undo_button,
    week_cards,
)
from calculators.ui.html import Html, el, summary_line
from calculators.ui.readiness_data import repeat_question, run_value, stored_run
from calculators.ui.readiness_fields import ENTRY_BOXES, RUN_DISTANCE_BOXES
from calculators.ui.readiness_fields import FIELDS as READINESS_FIELDS
from calculators.ui.verdict_offers import calendar_as_told, offers_for
from calculators.units import PaceUnit

__all__ = ["CALCULATOR"]

Store = Mapping[str, Mapping[str, Any]]
#: The run log's own fields, in the box that logs a run for a day (same checks, same stored shape): the heart rate
#: too, optional, so a run logged here gets its TRIMP on the run log as one logged there does.
_RUN_INPUTS = tuple(f for f in READINESS_FIELDS if f.name in ENTRY_BOXES["run"])


def _inputs(unit: PaceUnit) -> tuple[Field, ...]:
    """The box's inputs as the reader sees them: the distance box of their unit only, labelled with it. Its help on
    the run log points to that form's "Distances in", which this page has not: the profile's unit holds here."""
    others = set(RUN_DISTANCE_BOXES.values()) - {RUN_DISTANCE_BOXES[unit]}
    return tuple(
        replace(f, help="") if f.name == RUN_DISTANCE_BOXES[unit] else f for f in _RUN_INPUTS if f.name not in others
    )


def _date(text: object, field: str, what: str, today: date) -> date:
    """A day the calendar can show: from ten years back (the logs' limit) to the planner's furthest race day."""
    if not text:
        return today
    try:
        day = date.fromisoformat(str(text))
    except ValueError:
        raise InputError(field, f"“{text}” is not a date: use the date picker (YYYY-MM-DD).") from None
    return check_entry_date(day, field, what=what, today=today, latest=latest_race_date(today))


def _page(
    values: Mapping[str, str],
    context: Context,
    store: Store,
    *,
    day: date | None,
    message: str = "",
    undo: str | None = None,
    opened: bool = False,
    details: Html | None = None,
) -> Reply:
    """The calendar around ``day`` (or the form's date); ``undo``: a change just made, its button by the message;
    ``opened``: the reader asked for ``day``'s details, and is taken to them; ``details``: what follows the message."""
    today = context.require_today()
    # a chosen day is shown in its own week or month
    around = day or _date(values.get("date"), "date", "“Around the date”", today)
    profile = context.reader_profile()
    unit = profile.units
    logs, plan = read_logs(store), read_plan(store)
    if values.get("view") == "month":
        first, last = month_bounds(around.year, around.month, profile.week_start)
        calendar = calendar_as_told(first, last, logs=logs, plan=plan, today=today, profile=profile, month=around.month)
        shown, title = month_grid(calendar, unit), f"{MONTH_NAMES[around.month - 1]} {around.year}"
    else:
        first, last = week_bounds(around, profile.week_start)
        calendar = calendar_as_told(first, last, logs=logs, plan=plan, today=today, profile=profile)
        shown, title = week_cards(calendar, unit), f"the week of {day_words(first, today=today)}"
    planned = [p for w in calendar.weeks for d in w.days if d.in_month for p in d.planned]
    done = sum(p.status == "done" for p in planned)
    missed = sum(p.status == "missed" for p in planned)
    # A dropped session (a red day's, or the comeback rule's easy day's) and a red day's run rested are not asked of
    # the reader: not counted as planned, but said.
    dropped = sum(p.status == "dropped" for p in planned)
    rested = sum(p.status == "rested" for p in planned)
    aside = [*([f"{dropped} dropped"] if dropped else []), *([f"{rested} rested on a red day"] if rested else [])]
    also = f" ({', '.join(aside)})" if aside else ""
    owed = len(planned) - dropped - rested
    summary = (
        f"Your calendar for {title}: {done} of {owed} planned sessions done{also}, {missed} missed."
        if plan
        else f"Your calendar for {title}. No season plan is saved yet: make one on the planner page."
    )
    selected = calendar.day(day) if day else None
    changes = read_changes(store)
    just_made = next((c for c in changes if c.id == undo), None)
    return Reply(
        html=el(
            "div",
            {"class": "sl-result sl-cal"},
            summary_line(summary, message, {"data-message": True}),
            # beside the message, not in it: the page reads the message aloud as the result's status
            el("p", None, undo_button(just_made, today=today, just_made=True)) if just_made else None,
            details,
            el("p", None, el("a", {"href": "../planner/"}, "Make or change your season plan")) if not plan else None,
            left_out_notice(logs),
            day_details(
                selected,
                calendar,
                *offers_for(calendar, plan, selected.day, logs, profile, hint=True),
                _inputs(unit),
                unit,
                opened=opened,
                runs={r.day for r in logs.runs},
                plan_days=plan.planned_days() if plan else None,
            )
            if selected
            else None,
            shown,
            totals_table(calendar, unit, profile.weight_unit),
            history(changes, undoable_changes(plan, store), today=today),
        )
    )


def _selected(context: Context) -> date:
    return _date(context.args.get("day"), "day", "The chosen day", context.require_today())


def compute(values: Mapping[str, str], context: Context) -> Reply:
    if context.store is None:  # build time: no reader's data, so no calendar that could be mistaken for theirs
        return Reply(
            html=el(
                "div",
                {"class": "sl-result"},
                el("p", {"data-summary": True}, "Your calendar appears here, from what this browser holds."),
                el("p", None, "It shows the season plan you saved and every run and strength session you logged."),
            )
        )
    return _page(values, context, context.store, day=None)


def show_day(values: Mapping[str, str], context: Context) -> Reply:
    return _page(values, context, context.require_store(), day=_selected(context), opened=True)


def _with(
    values: Mapping[str, str],
    context: Context,
    ops: list[dict[str, Any]],
    day: date | None,
    message: str,
    *,
    undo: str | None = None,
    details: Html | None = None,
) -> Reply:
    store = after_ops(context.require_store(), ops)
    shown = _page(values, context, store, day=day, message=message, undo=undo, details=details)
    return Reply(html=shown.html, ops=tuple(ops))


def log_run(values: Mapping[str, str], context: Context) -> Reply:
    day = _selected(context)
    today = context.require_today()
    if day > today:
        raise InputError("day", "A run can be logged for today or an earlier day.")
    store = context.require_store()
    unit = context.reader_profile().units
    # The box's values are in the result, and the answer to a confirmation re-sends only the form's: what was
    # typed comes back in the question's args (checked again, as typed).
    confirmed = values.get("confirmed") == "yes"
    typed = {f.name: str(context.args.get(f.name) or "") for f in _RUN_INPUTS} if confirmed else values
    value = run_value({**typed, "run_date": day.isoformat()}, today, unit)
    if not context.new_id:
        raise InputError("new_id", "The page did not send an id for the new run.")
    if not confirmed:
        # the same run logged on the run log (or here) before: storing it again would double the day's load
        args = {"day": day.isoformat(), **{f.name: values.get(f.name, "") for f in _RUN_INPUTS}}
        question = repeat_question(store, value, today, unit, action="log_run", args=args)
        if question is not None:
            return Reply(html=_page(values, context, store, day=day).html, effects=(question,))
    op = {"op": "put", "collection": "runs", "id": context.new_id, "value": value}
    # a parkrun logged here is offered as the recent race, as on the run log
    run = stored_run(context.new_id, value)
    offer = race_runs.offer_for(run, context.profile, unit, today, plan=read_plan(store)) if run is not None else None
    return _with(values, context, [op], day, f"Run of {day_words(day, today=today)} added to your log.", details=offer)


def use_race(values: Mapping[str, str], context: Context) -> Reply:
    """Make a run logged here the profile's recent race, as the race calculator's button does; the run's day stays
    open."""
    store, today = context.require_store(), context.require_today()
    unit = context.reader_profile().units
    used = race_runs.use_race(store, context.profile_to_write(), context.args.get("id"), read_plan(store), unit, today)
    profile = used.ops[0]["value"] if used.ops else context.profile
    reply = _page(
        values,
        replace(context, profile=profile),
        store,
        day=used.day,
        message=used.message,
        details=used.details,
    )
    return Reply(html=reply.html, ops=used.ops)


def _kind(context: Context) -> Kind:
    return "strength" if context.args.get("kind") == "strength" else "run"


def link(values: Mapping[str, str], context: Context) -> Reply:
    store = context.require_store()
    kind = _kind(context)
    today = context.require_today()
    planned = _date(context.args.get("planned"), "planned_date", "The planned day", today)
    op = link_op(kind, str(context.args.get("id")), planned, logs=read_logs(store), plan=read_plan(store), today=today)
    what = "run" if kind == "run" else "strength session"
    # The reply shows the day the reader was working on (a second entry there may need linking too); a page from
    # before the buttons said which day shows the planned one.
    shown = _selected(context) if context.args.get("day") else planned
    return _with(values, context, [op], shown, f"Done: this {what} counts for {day_words(planned, today=today)}.")


def unlink(values: Mapping[str, str], context: Context) -> Reply:
    op = unlink_op(_kind(context), str(context.args.get("id")))
    return _with(values, context, [op], _selected(context), "It no longer counts for another day's session.")


def accepted_change(context: Context) -> tuple[list[dict[str, Any]], Offer]:
    """The ops of the offer the reader chose (args ``day``, ``index``, ``kind``), recomputed from the stored plan (a
    stale page cannot apply an old one): the calendar's Accept and Today's, one source."""
    store, today = context.require_store(), context.require_today()
    day = _selected(context)
    profile = context.reader_profile()
    plan, logs = read_plan(store), read_logs(store)
    first, last = week_bounds(day, profile.week_start)
    calendar = calendar_as_told(first, last, logs=logs, plan=plan, today=today, profile=profile)
    offers, _ = offers_for(calendar, plan, day, logs, profile)
    index = context.args.get("index")
    if not isinstance(index, int) or not 0 <= index < len(offers) or offers[index].kind != context.args.get("kind"):
        raise InputError("day", "This offer no longer fits your plan or your log: here are the current ones.")
    if not context.new_id:
        raise InputError("new_id", "The page did not send an id for the change.")
    stored = (store.get(PLAN_COLLECTION) or {}).get(PLAN_ID)
    return list(apply_offer(stored, offers[index], change_id=context.new_id, today=today)), offers[index]


def accept(values: Mapping[str, str], context: Context) -> Reply:
    """Apply the offer the reader chose (:func:`accepted_change`)."""
    ops, offer = accepted_change(context)
    return _with(values, context, ops, _selected(context), f"Plan changed: {offer.description}", undo=context.new_id)


def undo(values: Mapping[str, str], context: Context) -> Reply:
    """Put a changed week back as it was, only while the stored plan still holds what the change made."""
    store = context.require_store()
    ident = str(context.args.get("id") or "")
    change = next((c for c in read_changes(store) if c.id == ident), None)
    stored = (store.get(PLAN_COLLECTION) or {}).get(PLAN_ID)
    ops = list(undo_change(stored, store.get(CHANGES_COLLECTION), ident))
    if change is None:  # a record too damaged for the history still names its week well enough to undo
        return _with(values, context, ops, None, "Change undone: that week of your plan is back as it was.")
    words = f"Change undone: “{change.description}” Your plan for that week is back as it was."
    return _with(values, context, ops, change.day, words)


CALCULATOR = Calculator(
    name="calendar",
    title="Training calendar",
    intro=(
        "Your season plan with the runs and strength sessions you logged, day by day: what was done, "
        "partly done, missed or extra, the week's totals, and the readiness verdict. Choose a day to log "
        "a run, or to move a session you missed or cannot make."
    ),
    fields=(
        Field(name="view", label="Show", default="week", options=(("week", "A week"), ("month", "A month"))),
        Field(
            name="date",
            label="Around the date",
            default="",
            input_type="date",
            # A day looked at once is not where the calendar opens next time: empty, it opens on the visit's day.
            kept=False,
            help=f"Empty means today. Any day from ten years back to {MAX_WEEKS} weeks ahead.",
        ),
    ),
    inputs=_RUN_INPUTS,
    compute=compute,
    submit_label="Show",
    actions={
        "day": show_day,
        "log_run": log_run,
        "link": link,
        "unlink": unlink,
        "accept": accept,
        "undo_change": undo,
        race_runs.USE_RACE: use_race,
    },
    reads=("plan", "runs", "strength", "hrv", "calendar_links", "plan_changes"),
)

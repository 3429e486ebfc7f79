"""Correcting a finished session from the history's Edit screen beyond its numbers: move it to the day it was
lifted, add a set it is missing, add an exercise it is missing (the boxes: :mod:`strength_history_boxes`).

Each action reads what was typed with the parsers that log a set live (:func:`corrected_set`) and the date
checks of every log (:mod:`calculators.strength_corrections`), and stores the session whole under its own id
only when all of it reads: bad input raises :class:`InputError` naming the box and the range, and returns no
store operation. A session moved to another day keeps its id, so its load, the weekly volume, records,
progression and the calendar's "done" follow; its calendar link follows the calendar's rule
(:func:`calculators.calendar_logs.link_after_move`), and a move off the plan's strength days counts it for the
nearest planned session of its kind, as finishing it on that day would have. A move can be undone from the
reply; an added set or exercise is removed from its own box, as any set is.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from calculators.calendar_logs import link_after_move
from calculators.date_words import day_words
from calculators.errors import InputError
from calculators.exercises import CATALOGUE
from calculators.strength import SETS_MAX, StrengthSet, check_date, exercise_name, session_load
from calculators.strength_corrections import DATE_WHAT, redated, with_exercise, with_set
from calculators.ui.calculator import Context, Reply, action_button, confirm
from calculators.ui.html import el, join
from calculators.ui.load_au import load_au
from calculators.ui.strength_custom import chosen_exercises, log_entry, own_names
from calculators.ui.strength_history_boxes import SET_COUNT, next_set_template
from calculators.ui.strength_history_edit import edit_title, edited_session, editor, gone_reply, put_ops
from calculators.ui.strength_plan import link_to_plan
from calculators.ui.strength_same_day import same_day_words
from calculators.ui.strength_screens import weight_unit
from calculators.ui.strength_set_edit import corrected_set, refuse_load, takes_load
from calculators.ui.strength_state import item_prescriptions, read_state
from calculators.ui.strength_view import set_text
from calculators.units import parse_optional_number

__all__ = ["add_logged_exercise", "add_logged_set", "redate_session"]


def _typed_day(values: Mapping[str, str], context: Context, today: date) -> date:
    """The date to move to: the undo's or the confirmed question's (``date`` in the button's arguments), else the
    date box's."""
    text = context.args.get("date")
    if not isinstance(text, str):
        text = values.get("date", "").strip()
    if not text:
        raise InputError("date", f"{DATE_WHAT}: choose the day you lifted.")
    return check_date(text, "date", today=today)


def redate_session(values: Mapping[str, str], context: Context) -> Reply:
    """Move a finished session to the date typed (or the undo's), asking first when that day holds another."""
    store, session, log = edited_session(context)
    if session is None:
        return gone_reply(store, values, context)
    today, unit = context.require_today(), weight_unit(context)
    state = read_state(store)
    day = _typed_day(values, context, today)
    title = edit_title(session, today)
    if day == session.date:
        return Reply(html=editor(session, f"The {title} is already on that date.", log=log, unit=unit, today=today))
    others = tuple(s for s in state.sessions if s.id != session.id)
    moved = redated(session, day, stored=others, today=today)
    question = same_day_words(others, day, today)
    if question and values.get("confirmed") != "yes":
        args = {"id": session.id, "date": day.isoformat()}
        effect = confirm(f"{question} Move it there anyway?", "redate_session", "Move the session", args)
        return Reply(html=editor(session, log=log, unit=unit, today=today), effects=(effect,))
    links, linked = link_after_move(store, "strength", session.id, day, today)
    kept = [link for link in state.links if (link.kind, link.entry_id) != ("strength", session.id)]
    if links or not linked:  # no link left: off the plan's strength days it counts as finishing there would
        found = link_to_plan(state.plan, others, tuple(kept), moved, today=today)
        if found is not None:
            links, linked = (*links, found[0]), f"{linked} {found[1]}"
    on = day_words(day, today=today)
    message = join(
        f"Moved the {title} to {on}: its load of ",
        load_au(session_load(session)),
        f" and its sets now count on {on}.{linked}",
    )
    undo = el(
        "p",
        {"class": "sl-notice", "data-undo": session.id},
        "Wrong day? ",
        action_button(
            f"Undo: move it back to {day_words(session.date, today=today)}",
            "redate_session",
            {"id": session.id, "date": session.date.isoformat()},
        ),
    )
    # The undo first, as after a deletion: the headline that says what moved is the editor's own.
    html = join(undo, editor(moved, message, log=log, unit=unit, today=today))
    return Reply(html=html, ops=(*put_ops(moved), *links))


def _entry_at(context: Context, count: int) -> int:
    e = context.args.get("entry")
    if isinstance(e, int) and not isinstance(e, bool) and 0 <= e < count:
        return e
    raise InputError("history", "That exercise is no longer in the session; nothing was changed.")


def add_logged_set(values: Mapping[str, str], context: Context) -> Reply:
    """Add a work set, typed as a set is corrected, after the last of one exercise of a finished session."""
    store, session, log = edited_session(context)
    if session is None:
        return gone_reply(store, values, context)
    e = _entry_at(context, len(session.exercises))
    entry, unit = session.exercises[e], weight_unit(context)
    item, known = next_set_template(entry), CATALOGUE.get(entry.exercise)
    where = f"New set {len(entry.sets) + 1} of {exercise_name(entry)}"
    needs_load = known is not None and known.kind == "load" and item.load_kg is not None
    barbell = known is not None and known.barbell
    refuse_load(values, known, where)
    new = corrected_set(
        values, item, where=where, load_required=needs_load, barbell=barbell, unit=unit, load=takes_load(known)
    )
    after = with_set(session, e, new)
    said = f"Added set {len(entry.sets) + 1} of {exercise_name(entry)}: {set_text(new, unit=unit)}."
    return Reply(html=editor(after, said, log=log, unit=unit, today=context.today), ops=put_ops(after))


def add_logged_exercise(values: Mapping[str, str], context: Context) -> Reply:
    """Add an exercise the session lacks, with as many sets alike as typed (its targets, and its rung on a ladder,
    those the log prescribed for that day, as finishing the session with it would have stored)."""
    store, session, log = edited_session(context)
    if session is None:
        return gone_reply(store, values, context)
    chosen = chosen_exercises(values, own_names(log))
    if len(chosen) != 1:
        which = "one exercise, not both" if chosen else "an exercise"
        raise InputError("custom_name", f"Choose {which}: from this session's exercises, or type your own's name.")
    (ex,) = chosen
    unit = weight_unit(context)
    what = f"Sets of {ex.name}"
    count = parse_optional_number(
        values.get(SET_COUNT, ""), field=SET_COUNT, what=what, low=1, high=SETS_MAX, whole=True
    )
    # A box that does not apply to the exercise is refused, not dropped: the reader meant something by it.
    held = ex.kind == "isometric"
    unused = "reps" if held else "hold"
    if values.get(unused, "").strip():
        counted = "held, in seconds: type them in Hold" if held else "counted in reps: leave Hold empty"
        raise InputError(unused, f"{ex.name}, new set: {ex.name} is {counted}.")
    hold = ex.hold_s[0] if ex.hold_s else 30
    template = StrengthSet(reps=1, hold_s=float(hold)) if held else StrengthSet(reps=1)
    where = f"{ex.name}, new set"
    refuse_load(values, ex, where)
    item = corrected_set(values, template, where=where, load_required=ex.kind == "load", barbell=ex.barbell, unit=unit)
    state = read_state(store)
    others = tuple(s for s in state.sessions if s.id != session.id)
    (p,) = item_prescriptions((ex,), others, session.date, state.plan, unit=unit)
    sets = (item,) * int(count or 1)
    after = with_exercise(session, log_entry(ex, p, sets))
    said = f"Added {ex.name}: {len(sets)} {'set' if len(sets) == 1 else 'sets'} of {set_text(item, unit=unit)}."
    return Reply(html=editor(after, said, log=log, unit=unit, today=context.today), ops=put_ops(after))

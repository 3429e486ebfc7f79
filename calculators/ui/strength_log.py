"""The strength log page: start Session A, B or a custom session, log each set, finish, see and correct the
history; export and import the log.

Each saved session is one entry in the collection ``strength`` (id = the
session's UUID, value = :meth:`StrengthSession.to_dict`); the session in
progress is kept in ``strength_draft`` so a reload at the gym loses nothing.
Every action checks its input first and returns no store operation when
anything is wrong: nothing already logged is changed by bad input.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from calculators.calendar_logs import LINKS_COLLECTION, Logs, link_op
from calculators.errors import InputError
from calculators.exercises import Exercise
from calculators.load import RPE_WORDS, rpe_scale
from calculators.profile import Profile
from calculators.progression import Prescription
from calculators.strength import StrengthSession, check_date
from calculators.ui import strength_history_add as history_add
from calculators.ui import strength_history_edit as history_edit
from calculators.ui.calculator import Calculator, Context, Field, Reply, after_ops, confirm
from calculators.ui.html import el
from calculators.ui.strength_custom import CATALOGUE_CHOICES, chosen_exercises, own_names
from calculators.ui.strength_draft_edit import PICKS_CLEARED, add_exercise, current, edit_set, put_draft, remove_set
from calculators.ui.strength_history import finished_view, history_view
from calculators.ui.strength_history_boxes import SET_COUNT
from calculators.ui.strength_io import export_csv_file, export_json, import_file
from calculators.ui.strength_left_open import left_open
from calculators.ui.strength_plan import (
    count_choice_buttons,
    count_choices,
    counted_for_words,
    link_to_plan,
    off_plan_words,
)
from calculators.ui.strength_rename import rename_lift, undo_rename
from calculators.ui.strength_reps_check import reps_check
from calculators.ui.strength_rest import rest_for, rest_timer, set_rest
from calculators.ui.strength_same_day import same_day_words
from calculators.ui.strength_screens import (
    draft_pairs,
    draft_reply,
    example,
    first_kind,
    next_up,
    show,
    week_start,
    weight_unit,
)
from calculators.ui.strength_set_edit import number, typed_set
from calculators.ui.strength_state import (
    COLLECTION,
    DRAFT_COLLECTION,
    DRAFT_ID,
    PLAN_COLLECTION,
    Draft,
    State,
    at_gym,
    draft_exercise,
    read_state,
)
from calculators.ui.strength_swap import as_planned, finished_entries
from calculators.ui.strength_swap_actions import skip_exercise, swap_exercise, unskip_exercise
from calculators.ui.strength_view import (
    SESSION_NAMES,
    has_plan,
    next_set,
    prescribed_set,
    session_label,
)
from calculators.ui.strength_warmups import log_warmup, remove_warmup
from calculators.units import count

__all__ = ["CALCULATOR"]

#: The Finish form's boxes, one session's own numbers: emptied once it is saved and never kept between visits, so a
#: quick "Finish and save" never stores last week's duration and effort as this session's load. They start empty,
#: not from the session's start: the log keeps no time per set, and a session finished at home later would count
#: the drive as training.
FINISH_BOXES = ("duration", "session_rpe")


# --- Actions --------------------------------------------------------------------------------------


def compute(values: Mapping[str, str], context: Context) -> Reply:
    if context.store is None:
        return Reply(html=example())
    return show(context.store, values, context)


def _typed_date(values: Mapping[str, str], today: date) -> date | None:
    """The date in the form's "Date of the session" field, checked; ``None`` when it is empty."""
    text = values.get("date", "").strip()
    return check_date(text, "date", today=today, recent_only=True) if text else None


#: The Session menu's first choice: the session the summary's "Next up" names, worked out at each start.
NEXT_UP = "next"


def _chosen_session(choice: str, state: State, today: date, profile: Profile) -> str:
    """The session to start: the one the reader chose in the menu, or for "Next up" the plan's (as the summary says
    it), so a menu left on Session A since last week does not start A on the plan's Session B day."""
    if choice == NEXT_UP:
        return first_kind(next_up(state, today, profile))
    if choice not in SESSION_NAMES:
        raise InputError("session", "Session: choose Next up, Session A, Session B or a custom session.")
    return choice


def start(values: Mapping[str, str], context: Context) -> Reply:
    store, today = context.require_store(), context.require_today()
    state = read_state(store)
    if state.draft is not None and left_open(state.draft, context):
        return show(store, values, context, "Finish or discard the session left open above before starting another.")
    if state.draft is not None:
        message = "A session is already in progress: finish or discard it first."
        return draft_reply(state, state.draft, message, unit=weight_unit(context), today=context.today)
    day = _typed_date(values, today) or today
    profile = context.reader_profile()  # its heart rates enter the verdict that may drop a session
    kind = _chosen_session(values.get("session", NEXT_UP), state, today, profile)
    items = chosen_exercises(values, own_names(state.sessions)) if kind == "custom" else ()
    draft = Draft(kind=kind, gym=at_gym(values), date=day, started=context.now, items=items)
    ops = put_draft(draft)
    # Not refused (the reader decides), but said: a day the plan keeps free of strength is a recovery day.
    off = off_plan_words(state.plan, state.sessions, state.logs, kind, day, today=today, profile=profile)
    notice = el("p", {"class": "sl-notice", "data-off-plan": True}, off) if off else None
    return show(
        after_ops(store, ops),
        values,
        context,
        details=notice,
        ops=ops,
        effects=(PICKS_CLEARED,) if kind == "custom" else (),
    )


#: Once a session is saved or discarded no set is left to rest for: a timer still counting down would call the
#: reader back to a set that is not there.
STOP_TIMER = {"type": "stop_timer"}


def log_set(values: Mapping[str, str], context: Context) -> Reply:
    """Log the next set of the exercise the button belongs to, with the numbers in the boxes beside it."""
    _, state, draft = current(context)
    unit = weight_unit(context)
    ex = draft_exercise(draft, context.args.get("exercise"))
    index = context.args.get("set")
    done = draft.sets.get(ex.id, ())
    if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index <= len(done):
        raise InputError("session", f"Log set {len(done) + 1} of {ex.name} next.")
    p = dict(draft_pairs(draft, state, unit=unit))[ex]
    where = f"Set {index + 1} of {ex.name}"
    if not has_plan(p, done[:index]) and not values.get("reps", "").strip():
        message = f"{where}, reps: type the reps you did (and the load) in its boxes, then tap “Log set {index + 1}”."
        raise InputError("reps", message)
    planned = prescribed_set(ex, p, done[:index])
    item = typed_set(values, planned, ex=ex, where=where, unit=unit)
    asks = f"{session_label(draft.kind)} asks for"
    check = reps_check(ex, index, item, planned, keep=context.args.get("keep_reps"), asks=asks, unit=unit)
    if check is not None and index == len(done) and has_plan(p, done[:index]):
        # Nothing is stored: the set's line asks, with the numbers as typed, until its button is tapped again.
        return draft_reply(state, draft, check.question, unit=unit, today=context.today, check=check)
    sets = {**draft.sets, ex.id: (*done[:index], item, *done[index + 1 :])}
    after = replace(draft, sets=sets)
    rest = rest_for(draft, ex, p.rest_s)
    timer = rest_timer(ex, index, rest, next_set(after, draft_pairs(after, state, unit=unit)))
    ops, logged = put_draft(after), (ex, index)
    return draft_reply(state, after, ops=ops, effects=(timer,), unit=unit, today=context.today, just_logged=logged)


def undo_set(values: Mapping[str, str], context: Context) -> Reply:
    _, state, draft = current(context)
    ex = draft_exercise(draft, context.args.get("exercise"))
    done = draft.sets.get(ex.id, ())
    unit = weight_unit(context)
    if not done:
        return draft_reply(state, draft, f"No set of {ex.name} is logged yet.", unit=unit, today=context.today)
    after = replace(draft, sets={**draft.sets, ex.id: done[:-1]})
    return draft_reply(state, after, ops=put_draft(after), unit=unit, today=context.today)


def discard(values: Mapping[str, str], context: Context) -> Reply:
    store = context.require_store()
    if values.get("confirmed") != "yes":
        question = "Discard the session in progress and every set logged in it? Saved sessions are not touched."
        return show(
            store,
            values,
            context,
            effects=(confirm(question, "discard", "Discard the session", destructive=True),),
        )
    ops = [{"op": "delete", "collection": DRAFT_COLLECTION, "id": DRAFT_ID}]
    words = "The session in progress was discarded."
    return show(after_ops(store, ops), values, context, words, ops=tuple(ops), effects=(STOP_TIMER,))


def _unlogged_question(draft: Draft, plan: tuple[tuple[Exercise, Prescription], ...]) -> str:
    """The question to ask before finishing with prescribed sets not logged ("" when every one is)."""
    short = [
        f"{ex.name}: {len(draft.sets.get(ex.id, ()))} of {count(p.sets, 'set')}"
        for ex, p in plan
        if ex.id not in draft.skips and len(draft.sets.get(ex.id, ())) < p.sets
    ]
    if not short:
        return ""
    which = "this exercise" if len(short) == 1 else "these exercises"
    return (
        f"Not every prescribed set is logged ({'; '.join(short)}). A set not logged counts as missed, "
        f"so {which} will not move up next time. Finish and save anyway?"
    )


def _nothing_to_save(draft: Draft, context: Context) -> str:
    """Why a session with no work set is not saved, and the ways on, each by its button's words. Warm-ups alone
    do not make one: they count for none of the work (strength_warmups), and a session saved with none would show
    in the history as done. The draft stays as it is, warm-ups included."""
    # A session left open since an earlier day shows only its notice: no set can be logged there, and its
    # discard button is "Discard it".
    stale = left_open(draft, context)
    discard = "tap “Discard it”" if stale else "tap “Discard this session”"
    log = "" if stale else "log one with “Log set” and tap “Finish and save” again; or "
    if not any(draft.warmups.values()):
        return f"Log at least one set before finishing, or {discard} to drop the session."
    return (
        "This session has only warm-ups, and a warm-up is not a work set: a session is saved with at least one "
        f"work set. To go on, {log}{discard} to drop the session, its warm-ups too. "
        "Nothing was saved, and the warm-ups are still logged."
    )


def finish(values: Mapping[str, str], context: Context) -> Reply:
    store, state, draft = current(context)
    today = context.require_today()
    if not draft.logged():
        # Named for no box of the form, so the page says it on the line under "Finish and save", where the reader
        # is, and not on the Session menu far above, which starts a session and is not what is wrong.
        raise InputError("sets", _nothing_to_save(draft, context))
    minutes = number(values, "duration", 1, 600, "min", "Duration")
    if minutes is None:
        raise InputError("duration", "Duration: enter how long the session took, from 1 to 600 minutes.")
    rpe = number(values, "session_rpe", 1, 10, "", "Session RPE")
    if rpe is None:
        raise InputError(
            "session_rpe", f"Session RPE: rate the whole session from 1 ({RPE_WORDS[1]}) to 10 ({RPE_WORDS[10]})."
        )
    if not context.new_id:
        raise InputError("session", "The page did not send an id for the new session; reload and try again.")
    # The date field stays on the form while the session is in progress, and a reader who started first and
    # then set the day they actually trained expects that day saved: the field wins, empty keeps the start's day.
    # A session left open since an earlier day is finished from its notice "as it was on" its day, whatever the
    # field holds: the field is no longer shown beside that session.
    typed = None if left_open(draft, context) else _typed_date(values, today)
    day = typed or draft.date
    unit = weight_unit(context)
    # Targets stay those of the prescription the reader lifted to (worked out for the day the session started).
    plan = draft_pairs(draft, state, unit=unit)
    # One question for both, as one "yes" answers it: the date shown first, as it is what the reader may change.
    question = " ".join(q for q in (same_day_words(state.sessions, day, today), _unlogged_question(draft, plan)) if q)
    if values.get("confirmed") != "yes" and question:
        if not question.endswith("?"):
            question += " Save it anyway?"
        return show(store, values, context, effects=(confirm(question, "finish", "Finish and save"),))
    exercises = [entry.to_dict() for entry in finished_entries(draft, plan)]
    data = {
        "id": context.new_id,
        "date": day.isoformat(),
        "kind": draft.kind,
        "duration_min": minutes,
        "rpe": rpe,
        "exercises": exercises,
    }
    session = StrengthSession.from_dict(data, today=max(today, day), path="session")
    ops: list[dict[str, Any]] = [
        {"op": "put", "collection": COLLECTION, "id": session.id, "value": session.to_dict()},
        {"op": "delete", "collection": DRAFT_COLLECTION, "id": DRAFT_ID},
    ]
    # Done on a day without planned strength, it stands for the nearest planned session of its kind, so that
    # one is not prescribed again the next day.
    linked = link_to_plan(state.plan, state.sessions, state.links, session, today=today)
    if linked is not None:
        ops.append(linked[0])
    after = read_state(after_ops(store, ops))
    upcoming = draft_pairs(as_planned(draft), after, today, unit=unit)
    # A custom session stands for no planned one by itself: the reader says which, if any.
    note = (
        el("p", {"data-counts-for": True}, linked[1])
        if linked
        else count_choice_buttons(state.plan, state.sessions, state.links, session, today=today)
    )
    html = el(
        "div",
        None,
        finished_view(session, state.sessions, upcoming, unit=unit, today=today, note=note),
        history_view(after.sessions, week_start=week_start(context), unit=unit, today=today),
    )
    return Reply(html=html, ops=tuple(ops), effects=({"type": "clear", "fields": list(FINISH_BOXES)}, STOP_TIMER))


def count_for(values: Mapping[str, str], context: Context) -> Reply:
    """Make a session done on a day without planned strength count for the planned one the reader chose among
    :func:`~calculators.ui.strength_plan.count_choices`, linked as the training calendar links it."""
    store, today = context.require_store(), context.require_today()
    state = read_state(store)
    session = next((s for s in state.sessions if s.id == context.args.get("id")), None)
    if session is None:
        raise InputError("session", "That session is not in your log any more.")
    others = tuple(s for s in state.sessions if s.id != session.id)  # its own link, if any, is being replaced
    choices = count_choices(state.plan, others, state.links, session.kind, session.date)
    target = next((p for p in choices if p.day is not None and p.day.isoformat() == context.args.get("planned")), None)
    if target is None or target.day is None or target.strength is None:
        raise InputError(
            "session", "That planned session cannot take this one any more: see the training calendar for those it can."
        )
    logs = Logs(strength=state.sessions, links=state.links)
    op = link_op("strength", session.id, target.day, logs=logs, plan=state.plan, today=today)
    words = counted_for_words(target.strength, target.day, today=today)
    return show(after_ops(store, (op,)), values, context, words, ops=(op,))


CALCULATOR = Calculator(
    name="strength",
    title="Strength log",
    intro="Today's prescription for Session A, B or your own pick, one tap per set, and the next session worked "
    "out for you. "
    "Your log stays in this browser.",
    fields=(
        Field(
            name="session",
            label="Session",
            default=NEXT_UP,
            options=(
                (NEXT_UP, "Next up (the session named below: your plan's next, or A and B by turns)"),
                *SESSION_NAMES.items(),
            ),
            # A choice is for this visit: kept, last week's Session A would start on the plan's Session B day.
            kept=False,
        ),
        Field(
            name="exercises",
            label="Exercises for a custom session",
            default="",
            options=CATALOGUE_CHOICES,
            multiple=True,
            show_when=("session", "custom"),
        ),
        Field(
            name="custom_name",
            label="Your own exercises (names, separated by commas)",
            default="",
            show_when=("session", "custom"),
            help="A name the catalogue knows (such as RDL) gets its prescription; any other is kept as you type it, "
            "and your numbers from last time come back next time.",
        ),
        Field(
            name="gym",
            label="Where",
            default="gym",
            options=(("gym", "At a gym (barbell)"), ("none", "No gym (bodyweight stand-ins)")),
            help="Dumbbells but no barbell: choose “No gym”. Its stand-ins start from your body weight and take "
            "dumbbells as added load once you reach the top of their reps.",
        ),
        Field(
            name="date",
            label="Date of the session",
            default="",
            input_type="date",
            kept=False,
            help="Empty means the day you start the session. You can change it until you finish: the session is "
            "saved on the date shown here.",
        ),
        # The session's duration and RPE are the entry's own, not settings (kept=False): found again at the next
        # visit, they would be logged as that session's. "Where" is kept, and the exercises picked until they are in
        # a session (PICKS_CLEARED).
        Field(name="duration", label="Duration (min)", default="", inputmode="numeric", enter="finish", kept=False),
        Field(
            name="session_rpe",
            kept=False,
            label="Session RPE (1–10)",
            default="",
            inputmode="decimal",
            help=f"How hard was the whole session, on the CR-10 scale (effort rated from 1 to 10): {rpe_scale()}.",
            enter="finish",
        ),
        Field(
            name="file",
            label="File to import",
            default="",
            accept=".json,.csv,application/json,text/csv",
            help="A Stridelab JSON export, or a Stridelab, Strong or Hevy CSV export. A workout already in your "
            "log from another app (the same day, exercises, sets, reps and loads) is not imported twice.",
        ),
        Field(
            name="weight_unit",
            label="Weights in a Strong file",
            default="profile",
            options=(
                ("profile", "as in my profile"),
                ("kg", "kg"),
                ("lb", "lb (converted to kg)"),
            ),
            help="Strong's comma-separated CSV does not say which unit its weights are in; Hevy, newer Strong and "
            "Stridelab files do, and are read as they say.",
        ),
    ),
    compute=compute,
    actions={
        "start": start,
        "log_set": log_set,
        "set_rest": set_rest,
        "undo_set": undo_set,
        "log_warmup": log_warmup,
        "remove_warmup": remove_warmup,
        "discard": discard,
        "finish": finish,
        "edit_set": edit_set,
        "remove_set": remove_set,
        "add_exercise": add_exercise,
        "swap_exercise": swap_exercise,
        "skip_exercise": skip_exercise,
        "unskip_exercise": unskip_exercise,
        "edit_session": history_edit.edit_session,
        "save_session": history_edit.save_session,
        "save_logged_set": history_edit.save_logged_set,
        "remove_logged_set": history_edit.remove_logged_set,
        "delete_session": history_edit.delete_session,
        "restore_session": history_edit.restore_session,
        "delete_unreadable": history_edit.delete_unreadable,
        "rename_lift": rename_lift,
        "undo_rename": undo_rename,
        "redate_session": history_add.redate_session,
        "add_logged_set": history_add.add_logged_set,
        "add_logged_exercise": history_add.add_logged_exercise,
        "export_json": export_json,
        "export_csv": export_csv_file,
        "import": import_file,
        "count_for": count_for,
    },
    buttons=(
        ("start", "Start session"),
        ("finish", "Finish and save"),
        ("export_json", "Export JSON"),
        ("export_csv", "Export CSV"),
        ("import", "Import file"),
    ),
    # Runs and HRV too: the readiness verdict and the comeback rule that drop a planned session come from them.
    reads=(COLLECTION, DRAFT_COLLECTION, PLAN_COLLECTION, LINKS_COLLECTION, "runs", "hrv"),
    live=False,
    # A set's numbers are typed beside it, in the next set's row or where a logged set is corrected
    # (strength_set_edit.set_inputs), never in the form: one box shared by every exercise logged one's load on another;
    # an exercise added to a finished session takes its count of sets alike (strength_history_boxes).
    inputs=(
        Field(name="reps", label="Reps", default="", inputmode="numeric"),
        Field(name="load", label="Load", default="", inputmode="decimal"),
        Field(name="rpe", label="RPE", default="", inputmode="decimal"),
        Field(name="hold", label="Hold (s)", default="", inputmode="numeric"),
        Field(name="height", label="Box height", default="", inputmode="decimal"),
        # An own lift's new name, typed in its box under the history (strength_rename).
        Field(name="new_name", label="New name", default=""),
        Field(name=SET_COUNT, label="Sets", default="", inputmode="numeric", kept=False),
        Field(name="skip_reason", label="Why skip", default=""),  # typed beside “Skip today” (strength_swap)
    ),
)

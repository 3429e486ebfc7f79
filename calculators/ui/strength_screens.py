"""The strength log's screens put together: the overview, the example, and the session in progress."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from calculators import units
from calculators.date_words import day_words
from calculators.exercises import Exercise, session_exercises
from calculators.profile import Profile
from calculators.progression import Prescription
from calculators.ui.calculator import Context, Reply, action_button
from calculators.ui.html import Html, el, join, summary_line
from calculators.ui.own_lift_slots import own_lifts_note, slot_lifts
from calculators.ui.strength_history import history_view
from calculators.ui.strength_left_open import left_open, left_open_notice
from calculators.ui.strength_plan import counted_sessions, counted_words, next_kept
from calculators.ui.strength_reps_check import RepsCheck
from calculators.ui.strength_state import Draft, State, at_gym, item_prescriptions, prescriptions, read_state
from calculators.ui.strength_view import draft_view, prescription_table, session_label, session_title
from calculators.units import WeightUnit

__all__ = [
    "NextUp",
    "draft_pairs",
    "draft_reply",
    "example",
    "first_kind",
    "next_up",
    "pairs",
    "session_to_start",
    "show",
    "week_start",
    "weight_unit",
]

_EXAMPLE_DAY = date(2026, 1, 5)  # any day: an empty history prescribes the same first session


def week_start(context: Context) -> int:
    """The profile's first day of the week (0 = Monday, 6 = Sunday), read as the profile reads it (``6``,
    ``"6"``, ``"sun"``); Monday when it is not given or does not read."""
    return context.reader_profile().week_start


def weight_unit(context: Context) -> WeightUnit:
    """The unit the reader's loads are shown and typed in: lb when their profile's units are miles, else kg
    (:attr:`calculators.profile.Profile.weight_unit`)."""
    return context.reader_profile().weight_unit


# --- Views ----------------------------------------------------------------------------------------


def pairs(
    kind: str, gym: bool, state: State, day: date, *, unit: WeightUnit
) -> tuple[tuple[Exercise, Prescription], ...]:
    """Each exercise of the session with today's prescription for it, its loads for a gym in ``unit``, then the
    reader's own lifts that go with it (:func:`calculators.ui.own_lift_slots.slot_lifts`) with theirs."""
    chosen = session_exercises("B" if kind == "B" else "A", gym=gym)
    own = slot_lifts(kind, state.sessions, day, state.plan, state.links)
    return (
        *zip(chosen, prescriptions(kind, gym, state.sessions, day, state.plan, unit=unit), strict=True),
        *zip(own, item_prescriptions(own, state.sessions, day, state.plan, unit=unit), strict=True),
    )


def draft_pairs(
    draft: Draft, state: State, day: date | None = None, *, unit: WeightUnit
) -> tuple[tuple[Exercise, Prescription], ...]:
    """Each exercise of the session in progress with its prescription for ``day`` (the session's date)."""
    day = day or draft.date
    # Each exercise's own, a swapped one's too: from its own history (strength_swaps).
    exercises = draft.exercises
    planned = item_prescriptions(exercises, state.sessions, day, state.plan, unit=unit)
    return tuple(zip(exercises, planned, strict=True))


def _unreadable_list(state: State, today: date) -> Html:
    """The stored sessions that do not read, each with why and a delete button: listed, not only counted, so
    the reader can clear one out (the button asks first)."""
    n = len(state.unreadable)
    it, they = ("it", "it is") if n == 1 else ("them", "they are")
    items = []
    for number, entry in enumerate(state.unreadable, start=1):
        when = day_words(day, today=today) if (day := entry.day) else None
        name = f"the unreadable session of {when}" if when else f"undated unreadable session {number}"
        items.append(
            el(
                "li",
                {"data-unreadable-id": entry.id},
                el("strong", None, when or "undated"),
                f": {entry.why} ",
                action_button(
                    "Delete", "delete_unreadable", {"id": entry.id}, aria_label=f"Delete {name}", destructive=True
                ),
            )
        )
    return el(
        "div",
        {"class": "sl-notice", "data-unreadable": n},
        el(
            "p",
            None,
            f"{units.count(n, 'stored session')} could not be read; {they} left untouched and not counted here. "
            f"Delete {it} if you do not need {it}, or log {it} again with the right numbers.",
        ),
        el("ul", None, *items),
    )


def _notes(state: State, today: date) -> list[Html]:
    notes = [_unreadable_list(state, today)] if state.unreadable else []
    if state.draft_unreadable:
        notes.append(
            el(
                "p",
                {"class": "sl-notice"},
                "A session in progress could not be read; it is left untouched. Starting a new session replaces it.",
            )
        )
    return notes


@dataclass(frozen=True, kw_only=True, slots=True)
class NextUp:
    """The session to do next. With a plan that covers today: the plan's next strength day (``day``; ``kind``
    None when the plan has none left) and what it plans today (``today``); without: A and B by turns."""

    kind: str | None
    day: date | None = None
    planned: bool = False
    today: str | None = None
    #: The session the plan has today when a logged one already counts for it, and why ("your session of
    #: Wednesday 9 December counts for it"): it is not prescribed again.
    done_today: str | None = None
    done_words: str = ""
    #: Why the plan's strength session of a day before ``day`` is not next: the training calendar drops it (a red
    #: verdict, or the first hard session back after days without a run: :mod:`calculators.ui.strength_drops`).
    dropped: str | None = None
    #: The session the plan has today when the calendar drops it (``dropped`` says why): not next up, but the one to
    #: lift if the reader lifts today all the same, as only it then counts for today (another kind counts for no
    #: planned session, and the plan would still owe both).
    today_dropped: str | None = None


def next_up(state: State, today: date, profile: Profile | None = None) -> NextUp:
    """What comes next: the saved plan's strength days, read as the calendar and Today read them, or, without a
    plan that reaches today, the session after the last A or B logged (nothing after a custom one).

    A session logged today is today's, as Today counts it: the plan's next one is then looked for from tomorrow.
    A planned session that a session done on another day counts for (linked on the training calendar, or when
    it was finished off the plan's strength days) is done, so the next one is the one after it. One the calendar
    drops (its verdict, from ``state``'s HRV and load and ``profile``'s numbers, is red, or its hard session is the
    first back after days without a run) is not next either, and the first such is said with why.
    """
    days = state.plan.planned_days() if state.plan is not None else {}
    if state.plan is not None and today in days:
        logged_today = any(s.date == today for s in state.sessions)
        start = today + timedelta(days=1) if logged_today else today
        found, skipped = next_kept(state.plan, state.logs, start, today=today, sessions=state.sessions, profile=profile)
        kind = found.strength if found else None
        # The first one dropped on the way, as the calendar marks it: said, so the reader knows why.
        dropped = skipped[0][1] if skipped else None
        # Once today's session is logged, or done on another day for it, the plan has nothing more for today; nor
        # once the calendar drops it.
        counted = counted_sessions(state.plan, state.sessions, state.links, today)
        back = any(day == today for day, _ in skipped)
        planned_today = None if logged_today or today in counted or back else days[today].strength
        return NextUp(
            kind=kind,
            day=found.day if found else None,
            planned=True,
            today=planned_today,
            done_today=days[today].strength if today in counted else None,
            done_words=counted_words(today, counted[today], today=today) if today in counted else "",
            dropped=dropped,
            today_dropped=days[today].strength if back else None,
        )
    last = state.sessions[-1].kind if state.sessions else None
    return NextUp(kind={"A": "B", "B": "A"}.get(last or ""))


def session_to_start(planned_today: str | None, next_kind: str | None = None) -> str:
    """The session Start begins when the reader has not chosen one, on the strength log and on Today alike: the plan's
    for today while nothing logged counts for it (``planned_today``), whether the calendar keeps or drops it (lifted
    all the same, it counts for today; the other one would count for no planned session, and the plan would still
    owe both), else ``next_kind`` (the plan's next, or A and B by turns), else A."""
    return planned_today or next_kind or "A"


def first_kind(up: NextUp) -> str:
    """The session to start, and to prescribe first, when the reader has not chosen one (:func:`session_to_start`)."""
    return session_to_start(up.today or up.today_dropped, up.kind)


def _next_words(up: NextUp, today: date) -> str:
    if not up.planned:
        return f" Next up: Session {up.kind}." if up.kind else ""
    if up.kind is None or up.day is None:
        words = " No strength session is left in your plan."
    elif up.day == today:
        words = f" Next up: Session {up.kind}, today in your plan."
    else:
        words = f" Next up: Session {up.kind} on {day_words(up.day, today=today)}, in your plan."
    if up.today_dropped:  # what Start begins (first_kind), said, as it is not the session named before it
        words += (
            f" If you lift today all the same, Start begins today's Session {up.today_dropped}, which counts for it."
        )
    return words


def _caption(kind: str, up: NextUp, today: date) -> tuple[str, date]:
    """“today” as the plan has it: the session it plans today, its next one, or another done today instead; and the
    day its prescription is for. The plan's next session is worked out for its own day, whose week may differ from
    today's (a Sunday's preview of Monday's Session A in a peak week: 2 of 4 sets, not the full dose)."""
    if not up.planned:
        return "today", today
    if kind == up.today:
        return "today in your plan", today
    if up.today is None and kind == up.kind and up.day is not None:
        return f"next in your plan, on {day_words(up.day, today=today)}", up.day
    return ("if you do it today instead" if up.today else "if you do it today"), today


def _overview(
    state: State,
    values: Mapping[str, str],
    context: Context,
    today: date,
    message: str = "",
    details: Html | None = None,
) -> Html:
    gym = at_gym(values)
    # A session left open since an earlier day is flagged above everything, which stays as it is without it.
    flag = left_open_notice(state.draft, context) if state.draft is not None else None
    unit = weight_unit(context)
    count = len(state.sessions)
    up = next_up(state, today, context.reader_profile())
    if count:
        last = state.sessions[-1]
        summary = (
            f"{units.count(count, 'strength session')} logged; "
            f"the last was {session_label(last.kind).replace('Custom', 'a custom')} on "
            f"{day_words(last.date, today=today)}."
        )
    else:
        summary = "No strength sessions logged yet. Choose a session above and tap “Start session”."
    summary += _next_words(up, today)
    # The session "Next up" names comes first: the one "Start session" starts unless the reader chooses another.
    first = first_kind(up)
    kinds = (first, "B" if first == "A" else "A")
    return el(
        "div",
        {"class": "sl-result"},
        flag,
        summary_line(summary, message, {"class": "sl-result__headline"}),
        details,
        el("p", {"class": "sl-notice", "data-strength-dropped": True}, up.dropped) if up.dropped else None,
        *_notes(state, today),
        el("h3", None, "Today's prescription"),
        *(
            # A session the plan has today that a logged one counts for is not prescribed again "if you do it
            # today": it is done, as the calendar, Today and the readiness page say.
            el(
                "p",
                {"data-done-today": kind},
                f"{session_title(kind, gym)}, today's in your plan, is done: {up.done_words}.",
            )
            if kind == up.done_today and kind != up.kind  # else it is the plan's next, on a later day
            else join(
                prescription_table(f"{session_title(kind, gym)}, {words}", planned, unit=unit),
                own_lifts_note(kind, (ex for ex, _ in planned)),
            )
            for kind in kinds
            for words, day in (_caption(kind, up, today),)
            for planned in (pairs(kind, gym, state, day, unit=unit),)
        ),
        history_view(state.sessions, week_start=week_start(context), unit=unit, today=today),
    )


def example() -> Html:
    empty = State(sessions=(), draft=None)
    return el(
        "div",
        {"class": "sl-result", "data-example": True},
        el(
            "p",
            {"class": "sl-result__headline", "data-summary": True},
            "Example only, not your data: the first Session A of someone with nothing logged yet. "
            "Your own log appears here once this page has read your browser's storage.",
        ),
        prescription_table("Example: a first Session A", pairs("A", True, empty, _EXAMPLE_DAY, unit="kg"), unit="kg"),
    )


def draft_reply(
    state: State,
    draft: Draft,
    message: str = "",
    *,
    unit: WeightUnit,
    today: date | None,
    just_logged: tuple[Exercise, int] | None = None,
    check: RepsCheck | None = None,
    **reply: Any,
) -> Reply:
    """The session in progress after an action; ``today`` names its date in words (the year only when not today's),
    ``just_logged`` the set the action logged, ``check`` a set asked about and not logged (:func:`draft_view`)."""
    pairs = draft_pairs(draft, state, unit=unit)
    html = draft_view(
        draft, pairs, state.sessions, message, unit=unit, today=today, just_logged=just_logged, check=check
    )
    return Reply(html=html, **reply)


def show(
    store: Mapping[str, Any],
    values: Mapping[str, str],
    context: Context,
    message: str = "",
    details: Html | None = None,
    **reply: Any,
) -> Reply:
    """The page after an action: ``message`` is the headline, ``details`` what follows it (an import's problems)."""
    state = read_state(store)
    if state.draft is not None and not left_open(state.draft, context):
        unit = weight_unit(context)
        plan = draft_pairs(state.draft, state, unit=unit)
        html = draft_view(state.draft, plan, state.sessions, message, details, unit=unit, today=context.today)
        return Reply(html=html, **reply)
    return Reply(html=_overview(state, values, context, context.require_today(), message, details), **reply)

"""A strength session left open since an earlier day: how the strength log knows one, and the notice it shows.

A session started and never finished stays in progress (``strength_draft``) so that a reload at the gym loses
nothing. Weeks later it is no longer the reader's session of the day: the log then shows its history and today's
prescription as usual, and says at the top that the old session is still open, with the two ways out (finish it as
it was on its own day, or discard it).
"""

from __future__ import annotations

from datetime import datetime

from calculators import units
from calculators.date_words import day_words
from calculators.load import local_date
from calculators.ui.calculator import Context, action_button
from calculators.ui.html import Html, el
from calculators.ui.strength_state import Draft
from calculators.ui.strength_view import session_label

__all__ = ["left_open", "left_open_notice", "left_open_words"]


def left_open(draft: Draft, context: Context) -> bool:
    """Whether the session in progress was started on a day before the reader's today (their local days).

    Its start, not its date, decides: a session started today for yesterday (the date field set back to log it
    after the fact) is today's work. A draft without a readable start time is judged by its date.
    """
    if context.today is None:
        return False
    try:
        started = datetime.fromisoformat(draft.started.replace("Z", "+00:00")) if draft.started else None
    except ValueError:
        started = None
    day = local_date(started, context.utc_offset) if started is not None else draft.date
    return day < context.today


def left_open_words(draft: Draft, context: Context) -> str:
    """Which session is open since when, as the log and Today both name it: "Session A of Tuesday 8 December 2026 was
    left open (2 sets logged, not in your history yet)"; each page says after it where to finish or discard it."""
    sets = units.count(draft.logged(), "set")
    when = day_words(draft.date, today=context.today)
    return f"{session_label(draft.kind)} of {when} was left open ({sets} logged, not in your history yet)"


def left_open_notice(draft: Draft, context: Context) -> Html:
    """The notice at the top of the log: which session is open since when, and its two buttons."""
    when = day_words(draft.date, today=context.today)
    name = session_label(draft.kind)
    return el(
        "div",
        {"class": "sl-notice", "data-left-open": draft.date.isoformat()},
        el(
            "p",
            None,
            f"{left_open_words(draft, context)}: fill in Duration and Session RPE above to finish it as it was on "
            "that day, or discard it.",
        ),
        el(
            "p",
            {"class": "sl-left-open__buttons"},
            action_button(f"Finish it as on {when}", "finish", primary=True),
            action_button("Discard it", "discard", destructive=True, aria_label=f"Discard the open {name} of {when}"),
        ),
    )

"""A strength session left open since an earlier day: how the strength log knows one, and the notice it shows.

A session started and never finished stays in progress (``strength_draft``) so that a reload at the gym loses
nothing. Weeks later it is no longer the reader's session of the day: the log then shows its history and today's
prescription as usual, and says at the top that the old session is still open, with the two ways out (finish it as
it was on its own day, or discard it).
"""

from __future__ import annotations

from datetime import timedelta

from calculators import units
from calculators.date_words import day_words
from calculators.load import local_date
from calculators.ui.calculator import Context, action_button, instant
from calculators.ui.html import Html, el
from calculators.ui.strength_state import Draft
from calculators.ui.strength_view import session_label

__all__ = ["STILL_LIFTING", "left_open", "left_open_notice", "left_open_words"]

#: Stridelab's choice: a session started this long ago or less is still being lifted, even when it began before
#: midnight. Sessions A and B take about 45 and 40 minutes (TRAINING-RULES.md); six hours leaves room for a long
#: break midway and is still shorter than a night, so a session forgotten in the evening is called left open the
#: next morning.
STILL_LIFTING = timedelta(hours=6)


def left_open(draft: Draft, context: Context) -> bool:
    """Whether the session in progress was left open: started on a day before the reader's today (their local
    days), and more than :data:`STILL_LIFTING` ago.

    Its start, not its date, decides: a session started today for yesterday (the date field set back to log it
    after the fact) is today's work. The start is the only time a draft keeps (its sets have none), so a session
    started at 23:30 and still being logged at 00:10 is judged by how long ago it started: it is still the session in
    progress, not one left open.
    A draft without a readable start time is judged by its date; without the time now, by the start's day.
    """
    if context.today is None:
        return False
    started = instant(draft.started)
    if started is None:
        return draft.date < context.today
    if local_date(started, context.utc_offset) >= context.today:
        return False
    now = instant(context.now)
    return now is None or now - started > STILL_LIFTING


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

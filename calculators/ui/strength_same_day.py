"""The question asked before a strength session is saved on a day the log already holds one: when it is finished,
and when a finished one is moved to that day from the history's Edit screen."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from calculators.date_words import day_words
from calculators.strength import StrengthSession
from calculators.ui.strength_view import session_label

__all__ = ["same_day_words"]


def same_day_words(sessions: Iterable[StrengthSession], day: date, today: date) -> str:
    """What to say before saving a session on ``day`` when the log already holds one that day ("" when not): a
    date left on the form from earlier would otherwise stack sessions on one day, and the next prescription is
    worked out from the days between sessions. Asked like the run log's question on a run logged twice."""
    there = [session_label(s.kind) for s in sessions if s.date == day]
    if not there:
        return ""
    which = " and ".join(dict.fromkeys(there))
    return f"You already logged {which} on {day_words(day, today=today)}: this one would be saved on that day too."

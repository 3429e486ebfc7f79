"""Where a log's history starts: the first entry after its last break of more than a week, unless the entries before
that break had become a habit of their own (Stridelab's rule).

A baseline (the HRV normal range) and a clock (the load ramp and form) both wait for some days of history before they
count. Counted from the first entry ever, one old imported reading or run skips that wait: two Garmin mornings from
November put a reader who started logging in December past her 14 days in a week. So a break of more than
:data:`BREAK_DAYS` days without an entry, a whole 7-day window with nothing in it (the window the 3-readings rule and
the ramp's acute load use), ends a history, and the next entry starts a new one.

Entries before a break still count when they had run for :attr:`settled_days` themselves (a reader back from a
fortnight's holiday keeps the habit they had built, and the averages that held it); a short burst before a break
(a few imported days) does not. Stridelab's reading of the history rules in TRAINING-RULES.md, written down on the
readiness page and in the HRV guide.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

__all__ = ["BREAK_DAYS", "history_start"]

#: More days than this between two entries is a break: a whole week with no entry in it.
BREAK_DAYS = 7


def history_start(days: Iterable[date], *, settled_days: int, kept_from: date | None = None) -> date | None:
    """The first day of the history that counts: the first entry after the last break of more than
    :data:`BREAK_DAYS` days, reaching back across a break only to entries that ran for ``settled_days`` (first to last
    entry, both counting) before it, and that still reach ``kept_from`` (the HRV range forgets readings older than 60
    days, and a habit it no longer holds is no baseline). None without entries.

    >>> d = date.fromisoformat
    >>> december = [d(f"2026-12-{n:02}") for n in range(7, 15)]
    >>> history_start([d("2026-11-20"), d("2026-11-21"), *december], settled_days=14)
    datetime.date(2026, 12, 7)
    >>> history_start([*(d(f"2026-10-{n:02}") for n in range(1, 29)), d("2026-11-10")], settled_days=14)
    datetime.date(2026, 10, 1)
    >>> history_start([d("2026-12-01"), d("2026-12-08")], settled_days=14)  # 7 days apart: no break
    datetime.date(2026, 12, 1)
    """
    ordered = sorted(set(days))
    if not ordered:
        return None
    # Each run as (first, last) entry, oldest first.
    runs: list[tuple[date, date]] = []
    for day in ordered:
        if runs and (day - runs[-1][1]).days <= BREAK_DAYS:
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    start = runs[-1][0]
    for first, last in reversed(runs[:-1]):
        if (last - first).days + 1 < settled_days or (kept_from is not None and last < kept_from):
            break
        start = first
    return start

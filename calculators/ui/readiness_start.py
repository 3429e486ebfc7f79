"""What a runner in their first weeks of logs gets from readiness, and from when: one sentence, said up front.

The HRV baseline, the load ramp and form each wait for their own history (:data:`calculators.hrv.HISTORY_DAYS_MIN`,
:data:`calculators.readiness.RAMP_HISTORY_DAYS`, :data:`calculators.readiness.FORM_HISTORY_DAYS`); a new runner would
otherwise read the verdict for weeks without knowing that more is coming, or when.
"""

from __future__ import annotations

from datetime import date, timedelta

from calculators.date_words import day_words
from calculators.hrv import HISTORY_DAYS_MIN
from calculators.readiness import (
    FORM_HISTORY_DAYS,
    FORM_HISTORY_WORDS,
    RAMP_HISTORY_DAYS,
    RAMP_HISTORY_WORDS,
    Readiness,
    counts_from,
)
from calculators.ui.html import Html, el

__all__ = ["still_to_come", "still_to_come_note"]


def _first(day: date, history_days: int) -> date | None:
    """The first day of a history that is ``history_days`` long on ``day`` (that day and the first both counting)."""
    return day - timedelta(days=history_days - 1) if history_days > 0 else None


def still_to_come(r: Readiness, today: date) -> str | None:
    """What the verdict does not use yet, each with the history it needs and the date it counts from, or None once
    all of it counts: "Your HRV baseline is ready after 14 days of readings (from Monday 4 January), the load ramp
    after 6 weeks of logs (from Sunday 27 December), and form (fitness − fatigue) after 18 weeks of logs (from Sunday
    21 March 2027)."

    HRV is left out for a reader who logs none (optional, and said so once elsewhere) and for one whose 14 days are
    behind them (too few recent readings is a different message). Without a load log yet, the spans are given
    without dates: they count from a first log still to come.
    """
    parts: list[tuple[str, str, date | None]] = []
    hrv = r.hrv
    if hrv.latest is not None and hrv.history_days < HISTORY_DAYS_MIN:
        first_reading = _first(hrv.day, hrv.history_days)
        ready = counts_from(first_reading, HISTORY_DAYS_MIN) if first_reading else None
        parts.append(("your HRV baseline", f"{HISTORY_DAYS_MIN} days of readings", ready))
    # The load model runs to the day after the log's last: its history counts that day too.
    first_log = _first(r.load.day, r.load.history_days)
    logged_days = max(r.load.history_days - 1, 0)
    for name, days, words in (
        ("the load ramp", RAMP_HISTORY_DAYS, RAMP_HISTORY_WORDS),
        ("form (fitness − fatigue)", FORM_HISTORY_DAYS, FORM_HISTORY_WORDS),
    ):
        if logged_days < days:
            parts.append((name, f"{words} of logs", counts_from(first_log, days) if first_log else None))
    if not parts:
        return None
    said = []
    for n, (name, span, ready) in enumerate(parts):
        when = f" (from {day_words(ready, today=today)})" if ready else ""
        said.append(f"{name} {'is ready ' if n == 0 else ''}after {span}{when}")
    listed = said[0] if len(said) == 1 else f"{', '.join(said[:-1])}{',' if len(said) > 2 else ''} and {said[-1]}"
    return f"{listed[0].upper()}{listed[1:]}."


def still_to_come_note(r: Readiness, today: date) -> Html | None:
    """:func:`still_to_come` as the paragraph the readiness page and Today show under the verdict's headline."""
    words = still_to_come(r, today)
    return el("p", {"data-still-to-come": True}, words) if words else None

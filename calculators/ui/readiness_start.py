"""What a runner in their first weeks of logs gets from readiness, and from when: one sentence, said up front.

The HRV baseline, the load ramp and form each wait for their own history (:data:`calculators.hrv.HISTORY_DAYS_MIN`;
:data:`calculators.load.SEED_DAYS` for the ramp, and for form to show, still settling, before it counts at
:data:`calculators.readiness_load.FORM_HISTORY_DAYS`); a new runner would otherwise read the verdict for weeks without
knowing that more is coming, or when.
"""

from __future__ import annotations

from datetime import date, timedelta

from calculators.date_words import day_words
from calculators.hrv import HISTORY_DAYS_MIN
from calculators.readiness import Readiness
from calculators.readiness_load import (
    FORM_HISTORY_DAYS,
    FORM_HISTORY_WORDS,
    RAMP_HISTORY_DAYS,
    SEED_WORDS,
    counts_from,
    load_stage,
    shows_after,
)
from calculators.ui.html import Html, el
from calculators.ui.plain_terms import FORM, RAMP

__all__ = ["still_to_come", "still_to_come_note"]


def _first(day: date, history_days: int) -> date | None:
    """The first day of a history that is ``history_days`` long on ``day`` (that day and the first both counting)."""
    return day - timedelta(days=history_days - 1) if history_days > 0 else None


def still_to_come(r: Readiness, today: date) -> str | None:
    """What the verdict does not use yet, each with the history it needs and the date it counts from, or None once
    all of it counts: "Your HRV baseline is ready on day 14 from your first reading (from Monday 4 January), the load
    ramp after 3 weeks of logs (from Sunday 6 December), and form (fitness − fatigue) after 18 weeks of logs (from
    Sunday 21 March 2027; shown from Sunday 6 December, still settling)". A runner whose first three weeks had next to
    no training (no usual week to start from) waits, as before, 6 weeks for the ramp and 18 for form.

    HRV is left out for a reader who logs none (optional, and said so once elsewhere) and for one whose 14 days are
    behind them (too few recent readings is a different message). Form shows, still settling, from the ramp's day
    (:func:`calculators.readiness_load.load_stage`), long before it counts: said, so the reader does not wait 18
    weeks to look, nor take the number shown for one the verdict uses. Without a load log yet, the spans are given
    without dates: they count from a first log still to come.
    """
    parts: list[tuple[str, str, str]] = []
    hrv = r.hrv
    if hrv.latest is not None and hrv.history_start is not None and hrv.history_days < HISTORY_DAYS_MIN:
        # Days from the first reading, not readings: the span says so (and names readings a break left out).
        after, ready = (
            f"on day {HISTORY_DAYS_MIN} from your first reading",
            _from(hrv.history_start, HISTORY_DAYS_MIN, today),
        )
        if hrv.before_break is not None:
            after += " after a week without any"
            ready += f"; readings up to {day_words(hrv.before_break, today=today)} do not count"
        parts.append(("your HRV baseline", after, f" ({ready})"))
    # The load model runs to the day after the log's last: its history counts that day too.
    first_log = _first(r.load.day, r.load.history_days)
    logged_days = max(r.load.history_days - 1, 0)
    seeded = r.load.seed is not None
    if load_stage(logged_days, RAMP_HISTORY_DAYS, seeded=seeded) == "young":
        days = shows_after(logged_days, RAMP_HISTORY_DAYS, seeded=seeded)
        ready = _from(first_log, days, today)
        parts.append((f"the load ramp ({RAMP})", f"after {days // 7} weeks of logs", f" ({ready})" if ready else ""))
    if load_stage(logged_days, FORM_HISTORY_DAYS, seeded=seeded) != "settled":
        days = shows_after(logged_days, FORM_HISTORY_DAYS, seeded=seeded)
        notes = [_from(first_log, FORM_HISTORY_DAYS, today)]
        if seeded:
            notes.append("shown meanwhile, still settling")
        elif days < FORM_HISTORY_DAYS:  # the usual week may yet start the averages: form shows, settling, from then
            notes.append(f"shown {_from(first_log, days, today) or f'after {SEED_WORDS}'}, still settling")
        noted = "; ".join(n for n in notes if n)
        parts.append((f"form ({FORM})", f"after {FORM_HISTORY_WORDS} of logs", f" ({noted})" if noted else ""))
    if not parts:
        return None
    said = [f"{name} {'is ready ' if n == 0 else ''}{span}{when}" for n, (name, span, when) in enumerate(parts)]
    listed = said[0] if len(said) == 1 else f"{', '.join(said[:-1])}{',' if len(said) > 2 else ''} and {said[-1]}"
    return f"{listed[0].upper()}{listed[1:]}."


def _from(first: date | None, days: int, today: date) -> str:
    """ "from Monday 4 January": the day ``days`` of history from ``first`` are behind, or "" without a first day (no
    log yet)."""
    return f"from {day_words(counts_from(first, days), today=today)}" if first else ""


def still_to_come_note(r: Readiness, today: date) -> Html | None:
    """:func:`still_to_come` as the paragraph the readiness page and Today show under the verdict's headline."""
    words = still_to_come(r, today)
    return el("p", {"data-still-to-come": True}, words) if words else None

"""How far back a typed or imported date may go: one rule for the run, HRV and strength logs and the calendar.

A date more than ten years back is a slip of the date picker's year box (0001-01-01,
1900-01-01), not a session anyone logs today, and a log that reaches that far makes
every week-by-week table hundreds of thousands of rows long. The rule applies to what
a reader enters or imports; entries already stored stay readable however old they grow.
"""

from __future__ import annotations

from datetime import date, timedelta

from calculators.date_words import day_words
from calculators.errors import InputError

__all__ = ["ENTRY_DAYS_BACK", "accepted_dates", "check_entry_date", "earliest_entry"]

#: Ten years of 365 days, the two or three leap days any ten years hold, and a week to spare,
#: so the date exactly ten years ago is always accepted.
ENTRY_DAYS_BACK = 3660


def earliest_entry(today: date) -> date:
    """The oldest date a reader may enter: :data:`ENTRY_DAYS_BACK` days before ``today``.

    >>> earliest_entry(date(2026, 11, 30))
    datetime.date(2016, 11, 22)
    """
    return today - timedelta(days=ENTRY_DAYS_BACK)


def accepted_dates(today: date, *, latest: date | None = None) -> str:
    """The dates :func:`check_entry_date` accepts, as its messages say them: in words, as every sentence on the
    site says a date (the date picker shows the field's own format).

    >>> accepted_dates(date(2026, 11, 30))
    'Enter a date from Tuesday 22 November 2016 to today (Monday 30 November).'
    """
    last = today if latest is None else latest
    until = f"today ({day_words(today, today=today)})" if last == today else day_words(last, today=today)
    return f"Enter a date from {day_words(earliest_entry(today), today=today)} to {until}."


def check_entry_date(day: date, field: str, *, what: str, today: date, latest: date | None = None) -> date:
    """``day`` when it lies from ten years before ``today`` to ``latest`` (default: today).

    ``what`` names the field for the reader (its label, e.g. "Date of the run").

    Raises:
        InputError: on ``field``, naming ``what`` and the accepted range of dates.
    """
    first, last = earliest_entry(today), today if latest is None else latest
    accepted = accepted_dates(today, latest=latest)
    typed = day_words(day, today=today)
    if day < first:
        raise InputError(field, f"{what} ({typed}) is more than ten years ago. {accepted}")
    if day > last:
        problem = "is in the future" if last == today else "is too far ahead"
        raise InputError(field, f"{what} ({typed}) {problem}. {accepted}")
    return day

"""What dates a log accepts: nothing after today, and nothing more than ten years back for what a reader types.

A date more than ten years back is a slip of the date picker's year box (0001-01-01,
1900-01-01), not a session anyone logs today, and a log that reaches that far makes
every week-by-week table hundreds of thousands of rows long. The rule applies to what
a reader enters or imports; entries already stored stay readable however old they grow.
"""

from __future__ import annotations

from datetime import date, timedelta

from calculators.date_words import day_words
from calculators.errors import InputError

__all__ = [
    "ENTRY_DAYS_BACK",
    "DateOutOfRange",
    "accepted_dates",
    "check_entry_date",
    "check_not_future",
    "earliest_entry",
]

#: Ten years of 365 days, the two or three leap days any ten years hold, and a week to spare,
#: so the date exactly ten years ago is always accepted.
ENTRY_DAYS_BACK = 3660


def earliest_entry(today: date) -> date:
    """The oldest date a reader may enter: :data:`ENTRY_DAYS_BACK` days before ``today``.

    >>> earliest_entry(date(2026, 11, 30))
    datetime.date(2016, 11, 22)
    """
    return today - timedelta(days=ENTRY_DAYS_BACK)


class DateOutOfRange(InputError):
    """A date outside what a log accepts. Its message starts with the field's own name (``what``), so a message
    that says where the date sits in a file need not name the field again."""


def accepted_dates(today: date, *, latest: date | None = None) -> str:
    """The dates :func:`check_entry_date` accepts, as its messages say them: in words, as every sentence on the
    site says a date (the date picker shows the field's own format).

    >>> accepted_dates(date(2026, 11, 30))
    'Enter a date from Tuesday 22 November 2016 to today (Monday 30 November).'
    """
    last = today if latest is None else latest
    until = f"today ({day_words(today, today=today)})" if last == today else day_words(last, today=today)
    return f"Enter a date from {day_words(earliest_entry(today), today=today)} to {until}."


def check_not_future(day: date, field: str, *, what: str, today: date) -> date:
    """``day`` when it is ``today`` or earlier: the rule for every dated entry, stored or new (training load,
    HRV readings and sessions are what happened, so none lies ahead).

    ``what`` names the field for the reader. A date the reader types or imports also meets the ten-year rule:
    :func:`check_entry_date`.

    >>> check_not_future(date(2026, 12, 1), "date", what="Date of the session", today=date(2026, 11, 30))
    Traceback (most recent call last):
    calculators.entry_dates.DateOutOfRange: date: Date of the session (Tuesday 1 December) is in the future. \
Enter today (Monday 30 November) or an earlier date.

    Raises:
        DateOutOfRange: on ``field``, naming ``what`` and the dates accepted.
    """
    if day > today:
        typed, until = day_words(day, today=today), day_words(today, today=today)
        raise DateOutOfRange(field, f"{what} ({typed}) is in the future. Enter today ({until}) or an earlier date.")
    return day


def check_entry_date(day: date, field: str, *, what: str, today: date, latest: date | None = None) -> date:
    """``day`` when it lies from ten years before ``today`` to ``latest`` (default: today).

    ``what`` names the field for the reader (its label, e.g. "Date of the run").

    Raises:
        DateOutOfRange: on ``field``, naming ``what`` and the accepted range of dates.
    """
    first, last = earliest_entry(today), today if latest is None else latest
    accepted = accepted_dates(today, latest=latest)
    typed = day_words(day, today=today)
    if day < first:
        raise DateOutOfRange(field, f"{what} ({typed}) is more than ten years ago. {accepted}")
    if day > last:
        problem = "is in the future" if last == today else "is too far ahead"
        raise DateOutOfRange(field, f"{what} ({typed}) {problem}. {accepted}")
    return day

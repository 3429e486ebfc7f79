"""Dates as a reader reads them: one form for sentences and headlines, one compact form for tables and charts.

A sentence or a headline says "Monday 23 November"; a table or a chart axis says "Mon 23 Nov". Either
carries the year only when it is not the reader's current year ("Friday 1 January 2027"), or when the
reader's today is not known. The names are spelt out here rather than taken from ``strftime``'s ``%A``
and ``%B``, which follow the C library's locale.

ISO 8601 (``2026-11-23``) stays for what a machine reads and for what a reader types: form values,
``data-`` attributes, stored entries, file names, CSV and JSON, and the messages that show the
format a date field takes.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

__all__ = ["MONTH_NAMES", "WEEKDAY_NAMES", "day_words", "short_day", "shows_year"]

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def shows_year(days: Iterable[date], *, today: date | None) -> bool:
    """Whether dates shown together need their year: one of them is outside ``today``'s year, or today is unknown.

    A table or chart asks once for all its dates, so its rows read alike.

    >>> shows_year([date(2026, 11, 23), date(2026, 12, 28)], today=date(2026, 11, 20))
    False
    >>> shows_year([date(2026, 12, 28), date(2027, 1, 4)], today=date(2026, 11, 20))
    True
    """
    return today is None or any(day.year != today.year for day in days)


def day_words(day: date, *, today: date | None) -> str:
    """``day`` as a sentence or a headline says it: weekday, day of the month and month, in words.

    The year follows when it is not ``today``'s (or ``today`` is not known).

    >>> day_words(date(2026, 11, 23), today=date(2026, 11, 20))
    'Monday 23 November'
    >>> day_words(date(2027, 1, 1), today=date(2026, 11, 20))
    'Friday 1 January 2027'
    """
    words = f"{WEEKDAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]}"
    return f"{words} {day.year}" if shows_year([day], today=today) else words


def short_day(day: date, *, year: bool = False, weekday: bool = True) -> str:
    """``day`` in a table cell or under a chart: "Mon 23 Nov", with ``year`` "Mon 23 Nov 2026".

    Pass ``year=shows_year(all_days, today=today)`` so every date of one table reads alike.

    >>> short_day(date(2026, 11, 23)), short_day(date(2026, 11, 23), year=True, weekday=False)
    ('Mon 23 Nov', '23 Nov 2026')
    """
    words = f"{day.day} {MONTH_NAMES[day.month - 1][:3]}"
    words = f"{WEEKDAY_NAMES[day.weekday()][:3]} {words}" if weekday else words
    return f"{words} {day.year}" if year else words

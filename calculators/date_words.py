"""Dates as a reader reads them: one form for sentences and headlines, one compact form for tables and charts.

A sentence or a headline says "Monday 23 November"; a table or a chart axis says "Mon 23 Nov". Either
carries the year only when it is not the reader's current year ("Friday 1 January 2027"), or when the
reader's today is not known. The names are spelt out here rather than taken from ``strftime``'s ``%A``
and ``%B``, which follow the C library's locale.

ISO 8601 (``2026-11-23``) stays for what a machine reads and for what a reader types: form values,
``data-`` attributes, stored entries, file names, CSV and JSON, and the messages that show the
format a date field takes.

The order follows the reader's region, as the browser's first language gives it: "Monday 23 November" in most of the
world, "Monday, November 23" in :data:`MONTH_FIRST_REGIONS` (the US). The region is the setting of one answer, not an
argument of each of the hundred-odd sentences that carry a date: the registry sets it around each call with
:func:`date_order` (as :func:`decimal.localcontext` sets a precision), and every date said during it follows.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date

__all__ = ["MONTH_FIRST_REGIONS", "MONTH_NAMES", "WEEKDAY_NAMES", "date_order", "day_words", "short_day", "shows_year"]

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


#: Regions whose readers write the month before the day ("March 7"): the US (Stridelab's rule, as
#: :data:`calculators.units.MILES_REGIONS` is for miles). Elsewhere the day comes first, as the site was written.
MONTH_FIRST_REGIONS = ("US",)
_MONTH_FIRST: ContextVar[bool] = ContextVar("month_first", default=False)


@contextmanager
def date_order(region: str | None) -> Iterator[None]:
    """Say every date inside the ``with`` block in the order of ``region`` (the country of the browser's first
    language, ``"US"`` for en-US; None when unknown: day first).

    >>> with date_order("US"):
    ...     day_words(date(2027, 3, 7), today=date(2026, 11, 20))
    'Sunday, March 7, 2027'
    """
    token = _MONTH_FIRST.set(region in MONTH_FIRST_REGIONS)
    try:
        yield
    finally:
        _MONTH_FIRST.reset(token)


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

    In a month-first region (:func:`date_order`): "Monday, November 23", "Friday, January 1, 2027".
    """
    weekday, month, year = WEEKDAY_NAMES[day.weekday()], MONTH_NAMES[day.month - 1], shows_year([day], today=today)
    if _MONTH_FIRST.get():
        return f"{weekday}, {month} {day.day}, {day.year}" if year else f"{weekday}, {month} {day.day}"
    words = f"{weekday} {day.day} {month}"
    return f"{words} {day.year}" if year else words


def short_day(day: date, *, year: bool = False, weekday: bool = True) -> str:
    """``day`` in a table cell or under a chart: "Mon 23 Nov", with ``year`` "Mon 23 Nov 2026".

    Pass ``year=shows_year(all_days, today=today)`` so every date of one table reads alike.

    >>> short_day(date(2026, 11, 23)), short_day(date(2026, 11, 23), year=True, weekday=False)
    ('Mon 23 Nov', '23 Nov 2026')

    In a month-first region (:func:`date_order`): "Mon, Nov 23", "Nov 23, 2026".
    """
    month = MONTH_NAMES[day.month - 1][:3]
    if _MONTH_FIRST.get():
        words = f"{month} {day.day}, {day.year}" if year else f"{month} {day.day}"
        return f"{WEEKDAY_NAMES[day.weekday()][:3]}, {words}" if weekday else words
    words = f"{day.day} {month}"
    words = f"{WEEKDAY_NAMES[day.weekday()][:3]} {words}" if weekday else words
    return f"{words} {day.year}" if year else words

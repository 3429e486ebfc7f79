"""Dates a reader reads: "Monday 23 November" in sentences and headlines, "Mon 23 Nov" in tables and charts."""

from __future__ import annotations

from datetime import date

import pytest

from calculators.date_words import date_order, day_words, short_day, shows_year
from calculators.registry import handle

TODAY = date(2026, 11, 20)


@pytest.mark.parametrize(
    ("day", "today", "words"),
    [
        (date(2026, 11, 23), TODAY, "Monday 23 November"),
        (date(2026, 1, 1), TODAY, "Thursday 1 January"),
        (date(2027, 1, 1), TODAY, "Friday 1 January 2027"),
        (date(2025, 12, 31), TODAY, "Wednesday 31 December 2025"),
        (date(2026, 11, 23), None, "Monday 23 November 2026"),  # no reader's today: the year says which
        (date(2028, 2, 29), date(2028, 3, 1), "Tuesday 29 February"),
    ],
)
def test_a_date_in_a_sentence_reads_as_words_with_the_year_only_when_it_is_not_this_one(
    day: date, today: date | None, words: str
) -> None:
    """Rule: weekday, day of the month, month; the year when it is not the reader's current year."""
    assert day_words(day, today=today) == words


@pytest.mark.parametrize(
    ("day", "year", "weekday", "words"),
    [
        (date(2026, 11, 23), False, True, "Mon 23 Nov"),
        (date(2026, 11, 23), True, True, "Mon 23 Nov 2026"),
        (date(2026, 9, 5), False, False, "5 Sep"),
        (date(2027, 1, 4), True, False, "4 Jan 2027"),
    ],
)
def test_a_table_date_is_compact(day: date, year: bool, weekday: bool, words: str) -> None:
    assert short_day(day, year=year, weekday=weekday) == words


def test_a_table_that_crosses_the_new_year_shows_the_year_on_every_row() -> None:
    """Rule: one form within a table, so the year is on all its dates or on none."""
    assert not shows_year([date(2026, 12, 21), date(2026, 12, 28)], today=TODAY)
    assert shows_year([date(2026, 12, 28), date(2027, 1, 4)], today=TODAY)
    assert shows_year([date(2026, 12, 28)], today=None)
    assert not shows_year([], today=TODAY)


@pytest.mark.parametrize(
    ("region", "today", "long", "short"),
    [
        ("US", TODAY, "Sunday, March 7, 2027", "Sun, Mar 7, 2027"),
        ("US", date(2027, 1, 1), "Sunday, March 7", "Sun, Mar 7"),
        ("GB", TODAY, "Sunday 7 March 2027", "Sun 7 Mar 2027"),
        ("GB", date(2027, 1, 1), "Sunday 7 March", "Sun 7 Mar"),
        (None, TODAY, "Sunday 7 March 2027", "Sun 7 Mar 2027"),  # a browser without a region: day first, as before
    ],
)
def test_dates_follow_the_readers_region(region: str | None, today: date, long: str, short: str) -> None:
    """Rule: a US reader reads the month first ("Sunday, March 7, 2027"); everyone else the day first."""
    day = date(2027, 3, 7)
    with date_order(region):
        assert day_words(day, today=today) == long
        assert short_day(day, year=day.year != today.year) == short
    assert day_words(day, today=date(2027, 1, 1)) == "Sunday 7 March"  # the order ends with the block


def _today_headline(dates: str | None) -> str:
    payload: dict[str, object] = {"values": {}, "today": "2027-03-07", "store": {}, "profile": {"units": "km"}}
    if dates is not None:
        payload["dates"] = dates
    reply = handle({"id": 1, "calculator": "today", "module": "today_page", "action": "compute", "payload": payload})
    assert reply["ok"], reply
    return str(reply["html"])


def test_every_page_says_dates_in_the_order_of_the_browser_it_was_asked_from() -> None:
    """The page sends its browser's region (``dates``) with every request, and the answer's dates follow it, whatever
    the profile's units (a km profile on a US browser still reads "March 7")."""
    assert "Today, Sunday, March 7</p>" in _today_headline("US")
    assert "Today, Sunday 7 March</p>" in _today_headline("GB")
    assert "Today, Sunday 7 March</p>" in _today_headline(None)

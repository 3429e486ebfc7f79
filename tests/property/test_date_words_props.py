"""A date in words names exactly one day: read back with the reader's today, it is the day written."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from calculators.date_words import MONTH_NAMES, WEEKDAY_NAMES, day_words, short_day

days = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))


def read_back(words: str, today: date) -> date:
    weekday, day, month, *year = words.split()
    found = date(int(year[0]) if year else today.year, MONTH_NAMES.index(month) + 1, int(day))
    assert WEEKDAY_NAMES[found.weekday()] == weekday
    return found


@given(days, days)
def test_words_read_back_as_the_same_day(day: date, today: date) -> None:
    """Rule: the year is left out only when it is the reader's, so the words still name one day."""
    words = day_words(day, today=today)
    assert read_back(words, today) == day
    assert (str(day.year) in words.split()) == (day.year != today.year)


@given(days, st.booleans())
def test_a_table_date_is_the_sentences_words_cut_short(day: date, year: bool) -> None:
    long = day_words(day, today=None if year else day).split()
    assert short_day(day, year=year).split() == [long[0][:3], long[1], long[2][:3], *long[3:]]

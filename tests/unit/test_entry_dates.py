"""The ten-year rule every log and the calendar share (calculators/entry_dates.py)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from calculators.entry_dates import ENTRY_DAYS_BACK, check_entry_date, earliest_entry
from calculators.errors import InputError

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize("today", [TODAY, date(2024, 2, 29), date(2025, 3, 1), date(2028, 12, 31)])
def test_the_date_exactly_ten_years_ago_is_always_accepted(today: date) -> None:
    """The limit is ten years and a week, so the date exactly ten years ago is accepted whatever the leap days."""
    ten_years = today.replace(year=today.year - 10, day=28 if (today.month, today.day) == (2, 29) else today.day)
    assert earliest_entry(today) < ten_years
    assert check_entry_date(ten_years, "day", what="The day", today=today) == ten_years


@pytest.mark.parametrize(
    ("day", "words"),
    [
        (date(1, 1, 1), "The day (Monday 1 January 1) is more than ten years ago."),
        (TODAY - timedelta(days=ENTRY_DAYS_BACK + 1), "The day (Monday 14 November 2016) is more than ten years ago."),
        (TODAY + timedelta(days=1), "The day (Tuesday 24 November) is in the future."),
    ],
)
def test_a_day_outside_the_range_is_refused_naming_the_field_and_the_range(day: date, words: str) -> None:
    with pytest.raises(InputError) as caught:
        check_entry_date(day, "day", what="The day", today=TODAY)
    assert caught.value.field == "day"
    assert caught.value.message == f"{words} Enter a date from Tuesday 15 November 2016 to today (Monday 23 November)."


def test_a_later_limit_is_named_as_a_date() -> None:
    latest = date(2027, 11, 22)
    assert check_entry_date(latest, "date", what="The day", today=TODAY, latest=latest) == latest
    with pytest.raises(InputError) as caught:
        check_entry_date(latest + timedelta(days=1), "date", what="The day", today=TODAY, latest=latest)
    assert (
        caught.value.message == "The day (Tuesday 23 November 2027) is too far ahead. "
        "Enter a date from Tuesday 15 November 2016 to Monday 22 November 2027."
    )

"""The ten-year rule every log and the calendar share (calculators/entry_dates.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest

from calculators import hrv, load, readiness, strength
from calculators.entry_dates import ENTRY_DAYS_BACK, check_entry_date, check_not_future, earliest_entry
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


def test_today_is_not_in_the_future_and_tomorrow_is() -> None:
    assert check_not_future(TODAY, "date", what="The day", today=TODAY) == TODAY
    with pytest.raises(InputError) as caught:
        check_not_future(TODAY + timedelta(days=1), "date", what="The day", today=TODAY)
    assert caught.value.field == "date"
    assert caught.value.message == (
        "The day (Tuesday 24 November) is in the future. Enter today (Monday 23 November) or an earlier date."
    )


TOMORROW = TODAY + timedelta(days=1)
_READINESS = {"hrv_readings": {}, "easy_pace": None, "hr_rest": None, "hr_max": None, "tomorrow": None}


@pytest.mark.parametrize(
    ("refuse", "field", "what"),
    [
        (lambda: load.fitness_fatigue({TOMORROW: 100.0}, today=TODAY), "date", "A day of training load"),
        (lambda: load.acwr({TOMORROW: 100.0}, today=TODAY), "date", "A day of training load"),
        (
            lambda: load.daily_loads([load.Session(day=TOMORROW, minutes=40, rpe=3)], today=TODAY),
            "date",
            "Date of the session",
        ),
        (lambda: hrv.hrv_status({TOMORROW: 60.0}, today=TODAY), "date", "Date of the HRV reading"),
        (
            lambda: strength.check_date(TOMORROW.isoformat(), "sessions.0.date", today=TODAY),
            "sessions.0.date",
            "Date of the session",
        ),
        (
            lambda: readiness.readiness(daily_loads={TOMORROW: 100.0}, today=TODAY, **_READINESS),
            "date",
            "A day of training load",
        ),
    ],
)
def test_every_log_refuses_a_future_date_in_one_wording(refuse: Callable[[], object], field: str, what: str) -> None:
    """Loads, sessions and HRV readings are what happened: each names its field and accepts today or earlier."""
    with pytest.raises(InputError) as caught:
        refuse()
    assert caught.value.field == field
    assert caught.value.message == (
        f"{what} (Tuesday 24 November) is in the future. Enter today (Monday 23 November) or an earlier date."
    )

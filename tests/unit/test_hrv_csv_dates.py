"""HRV CSV import applies the hand entry's date rule: from ten years back to today, through one function."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from calculators.errors import InputError
from calculators.hrv_csv import import_hrv_csv
from calculators.registry import handle
from calculators.ui.readiness_data import hrv_value

TODAY = date(2026, 11, 23)
OLDEST = "2016-11-15"  # ten years of 365 days, the leap days and a week before TODAY (calculators/entry_dates.py)


def save(values: dict[str, str]) -> dict[str, Any]:
    payload = {"values": values, "today": TODAY.isoformat(), "new_id": "x", "store": {}, "args": {}}
    return handle({"id": 1, "calculator": "readiness", "action": "save", "payload": payload})


def hand_entry_message(day: str) -> str:
    with pytest.raises(InputError) as caught:
        hrv_value({"hrv_date": day, "rmssd": "50"}, TODAY)
    return caught.value.message


@pytest.mark.parametrize("day", ["1990-01-01", "2016-11-14", "2026-11-24"])
def test_a_row_hand_entry_refuses_is_reported_with_the_same_words_and_not_imported(day: str) -> None:
    """A date more than ten years back or after today is refused as typed, and so in a CSV row."""
    result = import_hrv_csv(f"date,rmssd\n{day},50\n2026-11-20,55\n", today=TODAY)
    assert [r.day for r in result.readings] == [date(2026, 11, 20)]
    assert [(e.row, e.field, e.message) for e in result.errors] == [(2, "date", hand_entry_message(day))]


def test_the_oldest_date_and_today_are_imported() -> None:
    result = import_hrv_csv(f"date,rmssd\n{OLDEST},50\n{TODAY},52\n", today=TODAY)
    assert [r.day.isoformat() for r in result.readings] == [OLDEST, TODAY.isoformat()]
    assert result.errors == ()


def test_the_readiness_page_lists_the_old_row_and_stores_none_of_it() -> None:
    reply = save({"entry": "hrv_csv", "hrv_file": "date,rmssd\n1990-01-01,50\n2026-11-22,55\n"})
    assert reply["ok"], reply
    assert [op["id"] for op in reply["ops"]] == ["2026-11-22"]
    assert "Imported 1 HRV reading." in reply["html"]
    assert "1 row not imported; see why below." in reply["html"]
    assert "Row 2 (date): Date of the reading (Monday 1 January 1990) is more than ten years ago." in reply["html"]
    assert "Enter a date from Tuesday 15 November 2016 to today (Monday 23 November)." in reply["html"]

"""After a low weekend: the verdict stays red while the 7-day average is below the range (TRAINING-RULES.md), and the
words say why beside a morning back in range, with how many more such mornings bring the average back."""

from __future__ import annotations

import html as markup
import re
from datetime import date, timedelta
from typing import Any

import pytest

from calculators.hrv import hrv_status
from calculators.readiness import readiness
from calculators.readiness_hrv import mornings_to_range
from calculators.registry import handle

SATURDAY = date(2026, 11, 28)  # the low weekend: Saturday 48 ms, Sunday 44 ms
WEEK = [48, 44, 58, 66, 72, 74, 76]  # Saturday to Friday
USUAL = [66, 70, 72, 68, 74, 65, 71]  # the weeks before: a normal range of about 65–71 ms


def mornings(until: date) -> dict[date, float]:
    before = {SATURDAY - timedelta(days=n): float(USUAL[n % 7]) for n in range(1, 45)}
    after = {SATURDAY + timedelta(days=i): float(v) for i, v in enumerate(WEEK)}
    return {d: v for d, v in (before | after).items() if d <= until}


def verdict(day: date) -> Any:
    return readiness(
        hrv_readings=mornings(day),
        daily_loads={day: 300.0},
        easy_pace=None,
        hr_rest=None,
        hr_max=None,
        tomorrow=None,
        today=day,
    )


@pytest.mark.parametrize(("offset", "ms", "back_in"), [(3, "66", 5), (4, "72", 4), (5, "74", 3), (6, "76", 1)])
def test_a_morning_back_in_range_under_a_low_average_is_explained_with_the_mornings_it_takes(
    offset: int, ms: str, back_in: int
) -> None:
    day = SATURDAY + timedelta(days=offset)
    r = verdict(day)
    assert r.level == "red"  # the rule is kept: two days running below
    (said,) = [d for d in r.drivers if d.startswith("the latest morning's HRV")]
    average = re.search(r"7-day HRV average (\d+) ms", r.drivers[0])
    assert average is not None and f"the 7-day average, {average[1]} ms, still low" in said
    assert f"HRV, {ms} ms, is" in said and "Plews et al. 2013" in said
    more = "1 more morning like this one" if back_in == 1 else f"{back_in} more mornings like this one"
    assert said.endswith(f"{more} would bring the average back into your range")
    assert r.morning_back is not None and f"{ms} ms" in r.morning_back


def test_the_mornings_it_takes_are_computed_from_the_readings() -> None:
    """Adding that many mornings like the last one brings the average back in range; one fewer does not."""
    friday = SATURDAY + timedelta(days=6)
    readings = mornings(friday)
    assert mornings_to_range(readings, friday) == 1
    tuesday = SATURDAY + timedelta(days=3)
    n = mornings_to_range(mornings(tuesday), tuesday)
    assert n == 5
    fewer = mornings(tuesday) | {tuesday + timedelta(days=i): 66.0 for i in range(1, n)}
    assert verdict_state(fewer, tuesday + timedelta(days=n - 1)) == "below"
    assert mornings_to_range(mornings(SATURDAY + timedelta(days=2)), SATURDAY + timedelta(days=2)) is None  # 58 ms


def verdict_state(readings: dict[date, float], day: date) -> str:
    return hrv_status(readings, today=day).state


def test_the_calendar_card_says_a_good_morning_does_not_lift_the_red_at_once() -> None:
    friday = SATURDAY + timedelta(days=6)
    hrv = {d.isoformat(): {"rmssd_ms": v} for d, v in mornings(friday).items()}
    payload = {"values": {}, "args": {}, "today": friday.isoformat(), "store": {"hrv": hrv}, "profile": {"units": "km"}}
    page = markup.unescape(handle({"id": 1, "calculator": "calendar", "action": "compute", "payload": payload})["html"])
    assert (
        "Readiness: red; the latest morning's 76 ms is above the range, but the verdict follows the 7-day average, "
        "still low" in page
    )

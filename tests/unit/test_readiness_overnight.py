"""Tomorrow's verdict never changes overnight with nothing logged: before this morning's check-in it waits for it,
and today's verdict, made last night, is shown (readiness page and Today)."""

from __future__ import annotations

import html as markup
import re
from datetime import date, timedelta
from typing import Any

from calculators.registry import handle

SUNDAY = date(2026, 11, 22)
MONDAY = SUNDAY + timedelta(days=1)


def ask(calculator: str, store: dict[str, Any], today: date) -> str:
    payload = {
        "values": {},
        "today": today.isoformat(),
        "now": f"{today.isoformat()}T07:00:00.000Z",
        "new_id": "n1",
        "store": store,
        "args": {},
        "profile": {"units": "km"},
    }
    reply = handle({"id": 1, "calculator": calculator, "action": "compute", "payload": payload})
    assert reply["ok"], reply
    return re.sub(r"<[^>]+>", "", markup.unescape(reply["html"]))


def mornings(until: date) -> dict[str, Any]:
    return {(until - timedelta(days=n)).isoformat(): {"rmssd_ms": 62.0 + n % 5} for n in range(40)}


def test_sunday_evenings_verdict_for_monday_is_what_monday_morning_shows_until_the_check_in() -> None:
    store = {"hrv": mornings(SUNDAY)}
    for page in ("readiness", "today"):
        evening = ask(page, store, SUNDAY)
        made = re.search(r"Tomorrow's verdict: (.+?)\.", evening) or re.search(
            r"Tomorrow, Monday 23 November(.+?)\.", evening
        )
        assert made is not None and "waits" not in evening, page
        morning = ask(page, store, MONDAY)
        assert "Tomorrow's verdict waits for this morning's check-in" in morning, page
        assert f"Today's verdict, made last night: {made[1].strip()}." in morning, page
        assert "Tomorrow's verdict:" not in morning and "Tomorrow's easy run" not in morning, page
        logged = ask(page, {"hrv": mornings(MONDAY)}, MONDAY)
        assert "waits for this morning's check-in" not in logged, page


def test_a_check_in_without_hrv_also_lets_tomorrows_verdict_be_made() -> None:
    store = {"hrv": mornings(SUNDAY) | {MONDAY.isoformat(): {"soreness": 2}}}
    assert "waits for this morning's check-in" not in ask("today", store, MONDAY)


def test_a_reader_who_logs_no_mornings_is_never_kept_waiting() -> None:
    run = {"r1": {"date": SUNDAY.isoformat(), "duration_s": 3000, "distance_m": 9000, "rpe": 5}}
    for page in ("readiness", "today"):
        assert "waits for this morning's check-in" not in ask(page, {"runs": run}, MONDAY), page

"""Today shows this week's missed sessions with the training calendar's own offers, and its Accept changes the plan as
the calendar's does."""

from __future__ import annotations

import html as markup
import json
import re
from datetime import date, timedelta
from typing import Any

from calculators.planner import WeekPrefs, plan_season
from calculators.registry import handle

MONDAY = date(2026, 3, 2)
PLAN = plan_season(WeekPrefs(run_days=4, vdot=50), today=MONDAY, race_date=None, weeks=4)


def ask(calculator: str, action: str, store: dict[str, Any], today: date, args: dict[str, Any] | None = None) -> Any:
    payload = {
        "values": {},
        "args": args or {},
        "today": today.isoformat(),
        "now": f"{today.isoformat()}T07:00:00Z",
        "new_id": "c1",
        "store": store,
        "profile": {"units": "km"},
    }
    reply = handle({"id": 1, "calculator": calculator, "action": action, "payload": payload})
    assert reply["ok"], reply
    return reply


def offers(page: str) -> list[str]:
    lists = re.findall(r"<ul data-offers>(.*?)</ul>", page)
    return [re.sub(r"<[^>]+>", "", item).strip() for ul in lists for item in re.findall(r"<li>(.*?)</li>", ul)]


def test_yesterdays_missed_hard_session_is_on_today_with_the_calendars_offers_and_its_accept() -> None:
    hard = next(d.day for d in PLAN.days() if d.run in ("tempo", "intervals") and d.day and d.day.weekday() < 6)
    assert hard is not None
    today = hard + timedelta(days=1)
    # Every other run of the week done, so only the hard session is missed.
    runs = {
        f"r{d.day}": {"date": d.day.isoformat(), "duration_s": 3000, "distance_m": 9000, "rpe": 4}
        for d in PLAN.days()
        if d.day is not None and d.day < hard and d.run not in ("rest",)
    }
    store = {"plan": {"season": PLAN.to_dict()}, "runs": runs}
    page = markup.unescape(ask("today", "compute", store, today)["html"])
    assert "<h3>Missed this week</h3>" in page
    details = markup.unescape(ask("calendar", "day", store, today, {"day": hard.isoformat()})["html"])
    assert offers(details) and offers(page) == offers(details)
    button = re.search(r'data-action="accept" data-args="([^"]+)"', ask("today", "compute", store, today)["html"])
    assert button is not None
    args = json.loads(markup.unescape(button[1]))
    mine = ask("today", "accept", store, today, args)
    theirs = ask("calendar", "accept", store, today, args)
    assert mine["ops"] == theirs["ops"] and mine["ops"]
    assert "Plan changed: " in markup.unescape(mine["html"])
    quiet = markup.unescape(ask("today", "compute", store, hard)["html"])
    assert "Missed this week" not in quiet  # not missed on its own day

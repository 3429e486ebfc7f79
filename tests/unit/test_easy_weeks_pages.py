"""Easy weeks on the pages: the planner's choice and its note, and the lifting days on Today and the calendar."""

from __future__ import annotations

import html as markup
import re
from datetime import date
from typing import Any

from calculators.planner import WeekPrefs, plan_season
from calculators.registry import CALCULATORS, handle

MONDAY = date(2026, 12, 7)
#: Dev's week in the form: three runs on Tuesday, Thursday and Saturday, 7 miles a week.
DEV = {"run_days": "3", "available_days": "1,3,5", "volume_unit": "mi", "current_volume_mi": "7"}


def ask(calculator: str, module: str, values: dict[str, str], store: dict[str, Any], today: date) -> dict[str, Any]:
    payload = {
        "values": values,
        "args": {},
        "today": today.isoformat(),
        "now": f"{today.isoformat()}T07:00:00Z",
        "new_id": "n1",
        "store": store,
        "profile": {"units": "km"},
    }
    reply = handle({"id": 1, "calculator": calculator, "module": module, "action": "compute", "payload": payload})
    assert reply["ok"], reply
    return reply


def words(page: str) -> str:
    return re.sub(r"\s+", " ", markup.unescape(re.sub(r"<[^>]+>", " ", page)))


def planner_page(values: dict[str, str]) -> str:
    defaults = CALCULATORS["planner"].defaults()
    return str(ask("planner", "season_planner", {**defaults, **values}, {}, MONDAY)["html"])


def test_the_planner_offers_easy_weeks_and_says_where_the_strength_goes_as_stridelabs_rule() -> None:
    (field,) = (f for f in CALCULATORS["planner"].fields if f.name == "hard_runs")
    assert ("none", "None: easy weeks") in field.options
    page = planner_page({**DEV, "hard_runs": "none"})
    text = words(page)
    assert "Easy run + Session A" in text and "Easy run + Session B" in text
    assert "Tempo" not in text and "Intervals" not in text and "Two of your three runs are hard" not in text
    note = words(re.search(r"<p[^>]*data-easy-weeks[^>]*>.*?</p>", page, re.S).group(0))  # type: ignore[union-attr]
    assert "Session A on Tuesday and Session B on Thursday, each after that day's easy run" in note
    assert "Stridelab's rule" in note and "never lift on an easy day" in note
    assert 'href="../../guides/strength-training-for-runners/#weeks-with-no-hard-runs"' in page


def test_a_three_run_week_with_two_hard_runs_points_to_easy_weeks() -> None:
    text = words(planner_page(DEV))
    assert "Two of your three runs are hard" in text
    assert 'Choose "None: easy weeks" under Hard runs' in text


def test_ticked_hard_days_with_easy_weeks_carry_the_strength_and_the_note_says_so() -> None:
    page = planner_page({**DEV, "hard_runs": "none", "hard_days": "5"})
    note = words(re.search(r"<p[^>]*data-easy-weeks[^>]*>.*?</p>", page, re.S).group(0))  # type: ignore[union-attr]
    assert "the tempo and interval days you ticked carry the strength instead" in note
    assert "Session B on Saturday" in note


def test_today_and_the_calendar_show_the_lifting_day_as_an_easy_run_then_its_session() -> None:
    plan = plan_season(
        WeekPrefs(run_days=3, available_days=(1, 3, 5), volume_unit="mi", current_volume=7, easy_weeks=True),
        today=MONDAY,
        race_date=None,
        weeks=4,
    )
    store = {"plan": {"season": plan.to_dict()}}
    tuesday = date(2026, 12, 8)
    today = words(ask("today", "today_page", {}, store, tuesday)["html"])
    assert "Easy run" in today and "Start Session A" in today
    assert "run first and lift after" in today
    calendar = words(ask("calendar", "calendar_page", {}, store, tuesday)["html"])
    assert "Tue 8 Dec (today) Easy run" in calendar
    assert re.search(r"Tue 8 Dec \(today\) Easy run [^A-Z]*planned Session A: planned", calendar)


def test_the_second_hard_session_after_a_gap_says_it_is_as_planned_and_points_to_easy_weeks() -> None:
    """The comeback rule eases only the first hard session back (TRAINING-RULES.md and FORMULAS.md give no longer
    comeback): on the next one, full intervals with Session B, Today and the calendar point to easy weeks."""
    monday = date(2026, 3, 2)
    plan = plan_season(WeekPrefs(run_days=4, vdot=50), today=monday, race_date=None, weeks=4)
    first_week = [d for d in plan.days() if d.day is not None and d.day < date(2026, 3, 9) and d.minutes]
    runs = {
        f"r{n}": {"date": d.day.isoformat(), "duration_s": 3000, "distance_m": 9000, "rpe": 5}
        for n, d in enumerate(first_week)
        if d.day
    }
    back, second = (
        date(2026, 3, 16),
        date(2026, 3, 19),
    )  # an ill second week; Monday's tempo run back, Thursday's intervals
    hard = {d.day: d.run for d in plan.days() if d.day in (back, second)}
    assert hard == {back: "tempo", second: "intervals"}
    ran_back = runs | {"back": {"date": back.isoformat(), "duration_s": 3000, "distance_m": 9000, "rpe": 4}}
    store = {"plan": {"season": plan.to_dict()}, "runs": ran_back}
    today = words(ask("today", "today_page", {}, store, second)["html"])
    said = "Your second hard session back: the one on Monday 16 March was the easy one"
    assert said in today and 'Choose "None: easy weeks" under Hard runs in the planner' in today

    def details(day: date, today: date) -> str:
        payload = {"values": {}, "args": {"day": day.isoformat()}, "today": today.isoformat(), "store": store}
        reply = handle(
            {
                "id": 1,
                "calculator": "calendar",
                "module": "calendar_page",
                "action": "day",
                "payload": payload | {"profile": {}},
            }
        )
        found = re.search(r"<p data-day-advice>(.*?)</p>", markup.unescape(reply["html"]), re.S)
        return found.group(1) if found else ""

    assert details(second, back).startswith(said)
    assert "second hard session back" not in details(date(2026, 3, 23), back) + details(back, back)

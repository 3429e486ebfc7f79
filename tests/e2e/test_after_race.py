"""Around race day in a real Chromium, the clock set to the day: after the plan's race, Today and the strength log say
the same thing (no lifting yet, then lighter, plyometrics last); on race morning a red verdict keeps the race."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta

from playwright.sync_api import Page, expect

from calculators.planner import WeekPrefs, plan_season
from calculators.vdot import MARATHON_M

from .test_race_calculator import STARTUP_MS

KEY = "stridelab:/:v1:"  # the site is served at the root in tests
HALF = date(2027, 1, 3)
MARATHON = date(2027, 4, 25)


def open_on(page: Page, site_url: str, day: date, entries: dict[str, object], path: str) -> None:
    page.clock.set_fixed_time(datetime.combine(day, time(7)))
    page.goto(site_url)
    for key, value in entries.items():
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, json.dumps(value)])
    page.goto(site_url + path)
    page.wait_for_selector("[data-calculator][data-computed]", state="attached", timeout=STARTUP_MS)


def test_two_days_after_the_half_today_and_the_strength_log_both_say_no_lifting_yet(page: Page, site_url: str) -> None:
    plan = plan_season(
        WeekPrefs(run_days=4, vdot=45), today=date(2026, 10, 12), race_date=HALF, race_distance_m=21097.5
    )
    entries: dict[str, object] = {f"{KEY}plan:season": plan.to_dict()}
    tuesday = HALF + timedelta(days=2)
    open_on(page, site_url, tuesday, entries, "tools/today/")
    nudges = page.locator("[data-result] [data-nudges]")
    expect(nudges).to_contain_text("After your race on Sunday 3 January: easy running or cross-training first")
    expect(nudges).to_contain_text("no strength until Monday 11 January")
    expect(nudges).to_contain_text("plyometrics last, from Monday 25 January")

    page.goto(site_url + "tools/strength-log/")
    page.wait_for_selector("[data-calculator][data-computed]", state="attached", timeout=STARTUP_MS)
    result = page.locator("[data-result]")
    expect(result).to_contain_text("2 days after your race: easy running or cross-training first, no strength")
    expect(result).not_to_contain_text("3 × 20 contacts")  # Session B's pogo hops at full dose

    # A week later lifting is back, lighter, and plyometrics are still out.
    open_on(page, site_url, HALF + timedelta(days=9), {}, "tools/strength-log/")
    expect(result).to_contain_text("9 days after your race: lighter until day 22 (Stridelab's rule): 2 of 4 sets")
    expect(result).to_contain_text("9 days after your race: plyometrics come back last, from day 22")


def test_race_morning_with_a_red_verdict_keeps_the_race_as_the_eve_did(page: Page, site_url: str) -> None:
    plan = plan_season(
        WeekPrefs(run_days=4, vdot=45), today=date(2027, 1, 4), race_date=MARATHON, race_distance_m=MARATHON_M
    )
    entries: dict[str, object] = {f"{KEY}plan:season": plan.to_dict()}
    for n in range(40):  # four low mornings up to race morning: red
        entries[f"{KEY}hrv:{MARATHON - timedelta(days=n)}"] = {"rmssd_ms": 35.0 if n < 4 else 70.0 + n % 5}
    open_on(page, site_url, MARATHON, entries, "tools/today/")
    result = page.locator("[data-result]")
    expect(result.locator("[data-today-advice]")).to_contain_text("Today is race day: start conservatively.")
    readiness = result.locator("[data-today-readiness]")
    expect(readiness).to_contain_text("Today's verdict, from this morning's check-in: Red: race as planned, and start")
    expect(readiness).not_to_contain_text("Today's verdict, from this morning's check-in: Red: rest")

"""Today and the readiness page in Chromium: tomorrow's verdict waits for this morning's check-in, a good morning
under a low 7-day average is explained, with how many more such mornings bring it back, and Today offers what the
calendar offers for a session missed earlier in the week."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta

from playwright.sync_api import Page, expect

from calculators.planner import WeekPrefs, plan_season

from .test_race_calculator import STARTUP_MS

SUNDAY = date(2026, 11, 29)
USUAL = [66, 70, 72, 68, 74, 65, 71]  # a normal range of about 65–71 ms


def open_at(page: Page, site_url: str, path: str, when: datetime, hrv: dict[date, dict[str, float]]) -> None:
    page.clock.set_fixed_time(when)
    page.goto(site_url + path)
    page.wait_for_selector("[data-calculator][data-computed]", state="attached", timeout=STARTUP_MS)
    page.evaluate(
        "() => Object.keys(localStorage).filter(k => k.includes(':hrv:')).forEach(k => localStorage.removeItem(k))"
    )
    for day, value in hrv.items():
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [f"stridelab:/:v1:hrv:{day}", json.dumps(value)])
    page.reload()
    page.wait_for_selector("[data-calculator][data-computed]", state="attached", timeout=STARTUP_MS)


def steady(until: date) -> dict[date, dict[str, float]]:
    return {until - timedelta(days=n): {"rmssd_ms": float(USUAL[n % 7])} for n in range(40)}


def test_monday_morning_before_the_check_in_shows_last_nights_verdict_and_waits(page: Page, site_url: str) -> None:
    for path in ("tools/today/", "tools/readiness/"):
        open_at(page, site_url, path, datetime.combine(SUNDAY, time(21)), steady(SUNDAY))
        result = page.locator("[data-result]")
        expect(result).not_to_contain_text("waits for this morning's check-in")
        open_at(page, site_url, path, datetime.combine(SUNDAY + timedelta(days=1), time(7)), steady(SUNDAY))
        expect(result.locator("[data-waits]")).to_contain_text("Tomorrow's verdict waits for this morning's check-in")
        expect(result.locator("[data-waits]")).to_contain_text("Today's verdict, made last night: Green")


def test_a_76_ms_morning_under_a_low_average_says_why_red_and_for_how_long(page: Page, site_url: str) -> None:
    saturday = SUNDAY - timedelta(days=8)  # Saturday 21 November: 48 ms, Sunday 44 ms, then back up
    friday = saturday + timedelta(days=6)
    hrv = {saturday - timedelta(days=n): {"rmssd_ms": float(USUAL[n % 7])} for n in range(1, 45)}
    hrv |= {saturday + timedelta(days=i): {"rmssd_ms": float(v)} for i, v in enumerate([48, 44, 58, 66, 72, 74, 76])}
    for path in ("tools/readiness/", "tools/today/"):
        open_at(page, site_url, path, datetime.combine(friday, time(8)), hrv)
        result = page.locator("[data-result]")
        expect(result).to_contain_text("Red")
        expect(result).to_contain_text("latest morning's HRV, 76 ms, is above your normal range")
        expect(result).to_contain_text("Plews et al. 2013")
        expect(result).to_contain_text("1 more morning like this one would bring the average back into your range")


def test_fridays_today_offers_thursdays_missed_session_and_accept_changes_the_plan(page: Page, site_url: str) -> None:
    monday = date(2026, 3, 2)
    plan = plan_season(WeekPrefs(run_days=4, vdot=50), today=monday, race_date=None, weeks=4)
    hard = next(d.day for d in plan.days() if d.run in ("tempo", "intervals") and d.day and d.day.weekday() < 6)
    assert hard is not None
    page.clock.set_fixed_time(datetime.combine(hard + timedelta(days=1), time(8)))
    page.goto(site_url + "tools/today/")
    page.wait_for_selector("[data-calculator][data-computed]", state="attached", timeout=STARTUP_MS)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", ["stridelab:/:v1:plan:season", json.dumps(plan.to_dict())])
    page.reload()
    page.wait_for_selector("[data-calculator][data-computed]", state="attached", timeout=STARTUP_MS)
    missed = page.locator("[data-today-missed]")
    expect(page.get_by_role("heading", name="Missed this week")).to_be_visible()
    accept = missed.get_by_role("button", name="Accept").first
    expect(accept).to_be_visible()
    accept.click()
    expect(page.locator("[data-message]")).to_contain_text("Plan changed: ")
    changes = "() => Object.keys(localStorage).filter(k => k.includes(':plan_changes:')).length"
    assert page.evaluate(changes) == 1

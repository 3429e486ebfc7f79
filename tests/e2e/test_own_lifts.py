"""A lifter's own lifts in Chromium: squats and a leg press logged in a custom session on a Session A day come back
with the next Session A, on Today and on the strength log, each moved on by what its equipment allows."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from calculators.planner import WeekPrefs, plan_season

from .test_race_calculator import STARTUP_MS

KEY = "stridelab:/:v1:"  # the site is served at the root in tests


def _last_mondays_own_lifts(page: Page, site_url: str) -> date:
    """A season saved three weeks ago (Session A with Monday's tempo run), and last Monday's custom session with
    the lifter's own back squat (3 × 5 at 100 kg, RPE 8), leg press on a stack (3 × 10 at 100 kg) and pull-ups
    (3 × 8): the page's clock is set to this Monday, a Session A day."""
    real = date.today()
    monday = real - timedelta(days=real.weekday())
    page.clock.set_fixed_time(datetime.combine(monday, time(12)))
    page.goto(site_url)
    plan = plan_season(WeekPrefs(run_days=4, vdot=50), today=monday - timedelta(weeks=3), race_date=None, weeks=8)
    assert next(d for d in plan.days() if d.day == monday).strength == "A"
    session = {
        "id": "33333333-3333-4333-8333-333333333333",
        "date": (monday - timedelta(days=7)).isoformat(),
        "kind": "custom",
        "duration_min": 50,
        "rpe": 7,
        "exercises": [
            {"exercise": "custom", "name": "Squat (Barbell)", "sets": [{"reps": 5, "load_kg": 100, "rpe": 8}] * 3},
            {"exercise": "custom", "name": "Leg Press (Machine)", "sets": [{"reps": 10, "load_kg": 100}] * 3},
            {"exercise": "custom", "name": "Pull Up", "sets": [{"reps": 8}] * 3},
        ],
    }
    entries = {f"{KEY}plan:season": plan.to_dict(), f"{KEY}strength:{session['id']}": session}
    for key, value in entries.items():
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, json.dumps(value)])
    return monday


def test_own_lifts_logged_on_a_session_a_day_are_prescribed_with_the_next_session_a(page: Page, site_url: str) -> None:
    _last_mondays_own_lifts(page, site_url)
    page.goto(site_url + "tools/today/")
    page.wait_for_selector("[data-calculator][data-computed]", state="attached", timeout=STARTUP_MS)
    strength = page.locator("[data-result] [data-today-strength]")
    squat = strength.locator('[data-prescription="custom:squat (barbell)"]')
    expect(squat).to_contain_text("3 × 5 × 102.5 kg")
    expect(squat).to_contain_text("all sets completed at RPE ≤ 8: +2.5 kg")
    expect(strength.locator('[data-prescription="custom:leg press (machine)"]')).to_contain_text("3 × 10 × 105 kg")
    expect(strength.locator('[data-prescription="custom:pull up"]')).to_contain_text("3 × 9 reps")
    expect(strength.locator("[data-own-lifts]")).to_contain_text(
        "Your own lifts (Squat (Barbell), Leg Press (Machine), Pull Up) are from your latest Session A days."
    )
    axe = Axe().run(page, context="[data-calculator]")
    assert axe.violations_count == 0, axe.generate_report()

    page.goto(site_url + "tools/strength-log/")
    page.wait_for_selector("[data-calculator][data-computed]", state="attached", timeout=STARTUP_MS)
    log = page.locator("[data-result]")
    # Under Session A, today's in the plan, and not under Session B, shown after it.
    expect(log.locator('[data-prescription="custom:squat (barbell)"]')).to_have_count(1)
    expect(log.locator("table").first.locator('[data-prescription="custom:squat (barbell)"]')).to_contain_text(
        "3 × 5 × 102.5 kg"
    )

"""The planner page in Chromium: the browser's plan equals CPython's, and the calendar downloads."""

from __future__ import annotations

from datetime import date

import icalendar
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from calculators.registry import CALCULATORS
from calculators.ui.calculator import Context

from .test_race_calculator import STARTUP_MS, computed_after, normalised

PAGE = "tools/planner/"


def test_a_season_is_planned_in_the_browser_and_exported(page: Page, site_url: str) -> None:
    page.goto(site_url + PAGE)
    page.get_by_label("Race distance").select_option("21097.5")
    page.get_by_label("VDOT (optional, for paces)").fill("45")
    computed_after(page, lambda: page.get_by_label("Race date (optional)").fill("2027-03-14"))
    calc = CALCULATORS["planner"]
    values = {**calc.defaults(), "race_distance": "21097.5", "vdot": "45", "race_date": "2027-03-14"}
    today = date.fromisoformat(page.evaluate("() => new Date().toLocaleDateString('en-CA')"))
    expected = calc.compute(calc.read(values), Context(today=today, store={}))
    assert page.inner_html("[data-result]") == normalised(page, expected.html)
    axe = Axe().run(page)  # the live tables, not only the prerendered example the site-wide check sees
    assert axe.violations_count == 0, axe.generate_report()

    with page.expect_download() as download:
        page.get_by_role("button", name="Download calendar (.ics)").click()
    events = icalendar.Calendar.from_ical(download.value.path().read_bytes()).walk("VEVENT")
    assert events
    expect(page.locator("[data-summary]")).to_contain_text("one-time copy")


def test_no_training_day_is_refused_beside_the_field(page: Page, site_url: str) -> None:
    page.goto(site_url + PAGE)
    for box in page.get_by_role("group", name="Days you can train").get_by_role("checkbox").all():
        box.uncheck()
    expect(page.locator("#sl-planner-available_days-error")).to_contain_text("at least one day", timeout=STARTUP_MS)

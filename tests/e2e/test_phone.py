"""A beginner on a 390 × 844 touch phone: the tool on the first screen of every tool page, Today's Start that opens
the strength log with the session started, touch targets of 44 px, and dates in the order of her browser."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from calculators.planner import WeekPrefs, plan_season

from .conftest import Watch
from .test_accessibility import DOUBLE_THE_TEXT, OFF_THE_SCREEN, tool_pages
from .test_race_calculator import STARTUP_MS, computed_after

PHONE = {"width": 390, "height": 844}
KEY = "stridelab:/:v1:"  # the site is served at the root in tests
#: Touch, as a phone has it: CSS's (pointer: coarse) holds, as on the reviewer's phone.
TOUCH = {"viewport": PHONE, "has_touch": True, "is_mobile": True}
#: WCAG 2.5.5's target size, in CSS px.
TARGET_PX = 44


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_context_args, **TOUCH}


def watched(browser: Browser, watch: Watch, **options: Any) -> BrowserContext:
    """A new touch context (another language's browser) watched as the ``page`` fixture's is."""
    context = browser.new_context(**TOUCH, **options)
    context.on("request", watch.request)
    context.on("page", watch.attach)
    return context


@pytest.fixture
def us_phone(browser: Browser, watch: Watch) -> Iterator[BrowserContext]:
    context = watched(browser, watch, locale="en-US")
    yield context
    context.close()


def opened(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("[data-calculator][data-computed]", state="attached", timeout=STARTUP_MS)


def store(page: Page, entries: dict[str, object]) -> None:
    for key, value in entries.items():
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY + key, json.dumps(value)])


def stored(page: Page, collection: str) -> dict[str, Any]:
    raw: dict[str, str] = page.evaluate(
        "key => Object.fromEntries(Object.keys(localStorage).filter(k => k.startsWith(key))"
        ".map(k => [k, localStorage.getItem(k)]))",
        f"{KEY}{collection}:",
    )
    return {key: json.loads(value) for key, value in raw.items()}


def test_every_tool_page_shows_its_tool_on_a_phones_first_screen(page: Page, site_url: str, built_site: Path) -> None:
    """The calendar's form started 2.8 screens down, after a 461-word paragraph, and the readiness page's 3.5: each
    tool page now opens with a line or two, the tool, then the long explanation, collapsed."""
    low = {}
    for path in tool_pages(built_site):
        if path == "tools/":
            continue
        opened(page, site_url + path)
        top = page.locator("[data-calculator]").evaluate("section => section.getBoundingClientRect().top")
        if top > PHONE["height"] - 200:  # its title and its first field on the screen, not a sliver of its edge
            low[path] = top
        how = page.locator("article details", has_text="How this works")
        if how.count():
            expect(how).not_to_have_attribute("open", "")
    assert low == {}


def test_todays_start_opens_the_strength_log_with_the_session_started_once(page: Page, site_url: str) -> None:
    """ "Start Session A" left her on Today with "Go to the strength log": a tap and a page more. From the keyboard,
    Start now opens the strength log with the session started; back on Today, the session is in progress, and it is
    the one the log shows, not a second."""
    page.goto(site_url)
    today = date.fromisoformat(page.evaluate("() => new Date().toLocaleDateString('sv')"))
    monday = today - timedelta(days=today.weekday())
    prefs = WeekPrefs(run_days=4, vdot=40, hard_days=(today.weekday(), (today.weekday() + 3) % 7))
    plan = plan_season(prefs, today=monday, race_date=None, weeks=4)
    kind = next(d.strength for d in plan.days() if d.day == today)
    assert kind is not None
    store(page, {"plan:season": plan.to_dict()})

    opened(page, site_url + "tools/today/")
    strength = page.locator("[data-result] [data-today-strength]")
    expect(strength).to_contain_text("Start opens the strength log with the session started")
    start = strength.get_by_role("button", name=f"Start Session {kind}")
    start.focus()
    with page.expect_navigation(url=re.compile(r"/tools/strength-log/$")):
        page.keyboard.press("Enter")
    page.wait_for_selector("[data-calculator][data-computed]", state="attached", timeout=STARTUP_MS)
    result = page.locator("[data-result]")
    expect(result.get_by_role("button", name=re.compile(r"^Log set 1 of ")).first).to_be_visible()
    (draft,) = stored(page, "strength_draft").values()
    assert draft["kind"] == kind and draft["date"] == today.isoformat()

    opened(page, site_url + "tools/today/")
    expect(page.locator("[data-result]")).to_contain_text("A strength session is in progress.")
    expect(page.get_by_role("button", name=f"Start Session {kind}")).to_have_count(0)
    assert len(stored(page, "strength_draft")) == 1


def test_on_a_touch_screen_every_control_is_a_44_px_target_and_pages_still_reflow(
    page: Page, site_url: str, built_site: Path
) -> None:
    """A set's Reps, Load and RPE boxes were 68 × 33, "Swap or skip" 31 px tall, the skip reason's box 26 px and the
    month's day buttons 33 × 33. A check box or a radio button is measured by its label, the part a thumb taps."""
    small = """() => [...document.querySelectorAll(
        '[data-calculator] :is(input:not([type=checkbox], [type=radio]), select, textarea, button, summary, ' +
        'a.md-button), [data-calculator] label:has(> input:is([type=checkbox], [type=radio]))')]
      .filter(e => e.checkVisibility() && e.type !== 'hidden')
      .map(e => [e.getAttribute('aria-label') || e.name || e.textContent.trim(), e.getBoundingClientRect().height])
      .filter(([, height]) => height < 44 - 0.5)"""
    opened(page, site_url + "tools/strength-log/")
    computed_after(page, lambda: page.get_by_role("button", name="Start session").click())
    for details in page.locator("[data-result] [data-exercise] details").all():
        details.locator("summary").click()  # "Swap or skip": its Swap, reason box and Skip today
    expect(page.locator("[data-result] [data-exercise] details[open]").first).to_be_visible()
    assert page.evaluate(small) == []
    for path in ("tools/planner/", "tools/profile/", "tools/readiness/"):
        opened(page, site_url + path)
        assert page.evaluate(small) == [], path

    opened(page, site_url + "tools/calendar/")
    computed_after(page, lambda: page.get_by_label("Show").select_option("month"))
    days = page.locator("[data-result] .sl-cal__open")
    assert days.count() >= 28
    sizes = days.evaluate_all(
        "all => all.map(b => [b.getBoundingClientRect().width, b.getBoundingClientRect().height])"
    )
    assert all(w >= TARGET_PX - 0.5 and h >= TARGET_PX - 0.5 for w, h in sizes), sizes[:3]
    assert page.evaluate(small) == []

    # WCAG 1.4.10 still holds on a touch screen: at 320 px with the text doubled, the taller controls and the month's
    # wider day buttons push no tool page sideways, the month grid and a started session included.
    page.set_viewport_size({"width": 320, "height": 640})
    wide = {}
    for path in tool_pages(built_site):
        if path == "tools/":
            continue
        opened(page, site_url + path)
        if path == "tools/calendar/":
            computed_after(page, lambda: page.get_by_label("Show").select_option("month"))
        page.evaluate(DOUBLE_THE_TEXT)
        if page.evaluate("() => document.documentElement.scrollWidth") > 320:
            wide[path] = page.evaluate(OFF_THE_SCREEN, 320)[:5]
    assert wide == {}


def test_a_us_browser_reads_dates_month_first_and_a_british_one_day_first(
    us_phone: BrowserContext, browser: Browser, watch: Watch, site_url: str
) -> None:
    """ "Sunday 7 March 2027" read the British way on a US phone: every date Python writes follows the browser."""
    sunday = date(2027, 3, 7)
    us = us_phone.new_page()
    us.clock.set_fixed_time(datetime.combine(sunday, time(9)))
    opened(us, site_url + "tools/today/")
    expect(us.locator("[data-result] [data-summary]")).to_have_text("Today, Sunday, March 7")

    british = watched(browser, watch, locale="en-GB")
    try:
        uk = british.new_page()
        uk.clock.set_fixed_time(datetime.combine(sunday, time(9)))
        opened(uk, site_url + "tools/today/")
        expect(uk.locator("[data-result] [data-summary]")).to_have_text("Today, Sunday 7 March")
    finally:
        british.close()

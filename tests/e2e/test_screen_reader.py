"""A screen-reader user on the tool pages, from the keyboard: what the live regions are given to say for each action
(once, and nothing for a result as it was), and the page's headings as their list of headings reads them."""

from __future__ import annotations

import re
from itertools import pairwise

from playwright.sync_api import Page, expect

from .spoken import listen, spoken
from .test_calendar import missed_tempo_run
from .test_race_calculator import STARTUP_MS, computed_after

#: Every tool page, whatever it is called in the nav.
TOOL_PAGES = ("today", "calendar", "planner", "profile", "race-performance", "readiness", "strength-log", "your-data")


def open_tool(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("[data-calculator][data-computed]", state="attached", timeout=STARTUP_MS)
    page.wait_for_timeout(500)
    spoken(page)  # the page's first answer says its summary: not what these tests are about


def press(page: Page, name: str) -> list[str]:
    """Press a button from the keyboard and return what the live regions were given to say for it."""
    button = page.get_by_role("button", name=name, exact=True)
    button.focus()
    computed_after(page, lambda: page.keyboard.press("Enter"))
    page.wait_for_timeout(500)  # the same words set twice would come as two records
    return spoken(page)


def test_saving_the_plan_again_or_planning_it_again_says_nothing_new(page: Page, site_url: str) -> None:
    """After "Plan saved.", the next answer showing the week as it was said its summary again (the message had
    taken its place, so the page took it for new), and a second Save said nothing at all or the summary. One action,
    at most one announcement; a result as it was, none; a changed one, still said."""
    listen(page)
    open_tool(page, site_url + "tools/planner/")
    summary = page.locator("[data-result] [data-summary]")
    week = summary.inner_text()
    assert press(page, "Save this plan") == [summary.inner_text()]
    expect(summary).to_contain_text("Plan saved.")
    assert press(page, "Save this plan") == []
    assert press(page, "Plan") == []
    expect(summary).to_have_text(week)
    runs = page.get_by_label("Runs per week")
    runs.focus()
    computed_after(page, lambda: runs.select_option("3"))
    page.wait_for_timeout(500)
    assert spoken(page) == [summary.inner_text()] and "3 runs" in summary.inner_text()


def test_the_profile_saved_again_or_a_setting_outside_its_summary_says_nothing_new(page: Page, site_url: str) -> None:
    """ "Profile saved: VDOT 49.8, 5 days you can run." and then, at the next change of a setting the summary does not
    name (lifting weights in lb), "VDOT 49.8, 5 days you can run" again, as if something had changed."""
    listen(page)
    open_tool(page, site_url + "tools/profile/")
    # Each an error until the last (a race needs its time; fewer than 3 days): no answer to wait for before it.
    page.get_by_label("A recent race").select_option("5000")
    page.get_by_label("Its finish time").fill("20:00")
    for day in ("Monday", "Wednesday", "Friday"):
        page.get_by_role("group", name="Days you can run").get_by_role("checkbox", name=day).check()
    expect(page.locator("[data-result] [data-summary]")).to_have_text(
        re.compile(r"^VDOT [\d.]+ \(.+\), 3 days you can run$")
    )
    page.wait_for_timeout(1000)
    spoken(page)
    summary = page.locator("[data-result] [data-summary]")
    said = press(page, "Save profile")
    assert said == [summary.inner_text()] and said[0].startswith("Profile saved: VDOT "), said
    assert press(page, "Save profile") == []
    weights = page.get_by_label("Lifting weights in")
    weights.focus()
    computed_after(page, lambda: weights.select_option("lb"))
    page.wait_for_timeout(500)
    assert spoken(page) == []
    said = press(page, "Save profile")  # a changed profile saved: said, once
    assert said == [summary.inner_text()] and said[0].startswith("Profile saved: "), said


def test_a_change_accepted_on_the_calendar_is_said_once_and_the_week_not_again(page: Page, site_url: str) -> None:
    """ "Plan changed: …" stands in the week's summary's place; opening another day's details after it said the
    week's summary again, though the week was as the change had left it."""
    listen(page)
    _, day_name = missed_tempo_run(page, site_url)
    result = page.locator("[data-result]")
    computed_after(page, lambda: result.get_by_role("button", name=f"Details of {day_name}").click())
    page.wait_for_timeout(500)
    spoken(page)
    accept = result.locator("[data-offers] li").first.get_by_role("button", name="Accept")
    accept.focus()
    computed_after(page, lambda: page.keyboard.press("Enter"))
    page.wait_for_timeout(500)
    said = spoken(page)
    assert len(said) == 1 and said[0].startswith("Plan changed:"), said
    other = result.locator("[data-day]").last.get_by_role("button", name=re.compile("^Details of "))
    other.focus()
    computed_after(page, lambda: page.keyboard.press("Enter"))
    page.wait_for_timeout(500)
    assert spoken(page) == []


def test_each_tool_pages_headings_say_something_new_in_order_with_the_readers_data(page: Page, site_url: str) -> None:
    """With a plan saved and a strength session under way, as the answers show them in the browser: the calculator's
    h2 said the page's h1 again on seven tool pages, and the answer's headings came as h3 under the h1 once that h2
    was gone. One h1, first; no heading says the one above it again; no level skipped."""
    listen(page)
    missed_tempo_run(page, site_url)  # a season saved
    for tool in TOOL_PAGES:
        open_tool(page, site_url + f"tools/{tool}/")
        if tool == "strength-log":
            computed_after(page, lambda: page.get_by_role("button", name="Start session").click())
        outline: list[tuple[int, str]] = page.evaluate(
            """() => [...document.querySelectorAll("article :is(h1, h2, h3, h4, h5, h6)")]
                .filter((h) => h.checkVisibility())
                .map((h) => [Number(h.tagName[1]), h.textContent.replace("¶", "").trim()])"""
        )
        assert [level for level, _ in outline].count(1) == 1 and outline[0][0] == 1, (tool, outline)
        for (above, said), (level, words) in pairwise(outline):
            assert level <= above + 1, (tool, f"h{above} {said!r} then h{level} {words!r}")
            assert words != said, (tool, outline)

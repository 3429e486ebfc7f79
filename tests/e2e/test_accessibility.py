"""axe-core finds no violations on any page, in light mode, and on the busiest pages in dark mode too."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from calculators.date_words import day_words

from .test_guide_table_regions import show, show_every_table
from .test_race_calculator import computed_after

BUSIEST = ["", "guides/strength-training-for-runners/", "tools/race-performance/", "tools/your-data/"]


def test_no_axe_violations_on_any_page(page: Page, site_url: str, built_site: Path) -> None:
    axe = Axe()
    reports = []
    for html in sorted(built_site.rglob("index.html")):
        path = html.parent.relative_to(built_site).as_posix()
        page.goto(site_url + ("" if path == "." else f"{path}/"))
        results = axe.run(page)
        if results.violations_count:
            reports.append(f"{path}:\n{results.generate_report()}")
    assert reports == []


@pytest.mark.parametrize("path", BUSIEST)
def test_no_axe_violations_in_dark_mode(page: Page, site_url: str, path: str) -> None:
    page.emulate_media(color_scheme="dark")
    page.goto(site_url + path)
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_the_colours_follow_the_system_setting_after_the_first_visit(page: Page, site_url: str) -> None:
    """Material keeps the palette of a reader's first visit; its "(prefers-color-scheme)" entry makes each page
    ask the system again, so a phone that turns dark at night shows the site dark on the next visit."""
    body = page.locator("body")
    page.emulate_media(color_scheme="dark")
    page.goto(site_url)
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    page.emulate_media(color_scheme="light")
    page.reload()
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    expect(body).to_have_attribute("data-md-color-primary", "custom")  # the site's own colours, not Material's
    # A choice made with the toggle stays: light, then dark, then back to the system's setting.
    page.get_by_title("Using your device's setting: switch to always light").click()
    page.get_by_title("Always light: switch to always dark").click()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    page.reload()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    page.get_by_title("Always dark: switch back to your device's setting").click()
    page.reload()
    expect(body).to_have_attribute("data-md-color-scheme", "default")


# What a keyboard reader at 200 % zoom gets: a 1280 px screen's 640 CSS px.
ZOOMED = {"width": 640, "height": 720}

# Where focus is drawn: on the element itself, or for Material's palette switch (a 0 x 0 radio) on its label.
FOCUS_BOX = """() => {
  const focused = document.activeElement;
  const shown = focused.matches(".md-option") ? focused.nextElementSibling : focused;
  const box = shown.getBoundingClientRect();
  return {name: focused.getAttribute("aria-label") || focused.textContent.trim().slice(0, 40),
          x: box.x, y: box.y, width: box.width, height: box.height,
          visible: getComputedStyle(shown).visibility === "visible"};
}"""


def on_screen(box: dict[str, float | str | bool], viewport: dict[str, int]) -> bool:
    return (
        bool(box["visible"])
        and float(box["width"]) > 0
        and float(box["height"]) > 0
        and float(box["x"]) >= 0
        and float(box["y"]) >= 0
        and float(box["x"]) + float(box["width"]) <= viewport["width"]
    )


def test_at_200_percent_zoom_every_tab_stop_before_the_page_is_on_screen(page: Page, site_url: str) -> None:
    """The closed menu drawer and the closed search's results box take no Tab stop: they were parked off-screen
    or folded to nothing, and focus went where the reader could not see it."""
    page.set_viewport_size(ZOOMED)
    page.goto(site_url + "tools/today/")
    page.wait_for_selector("[data-calculator][data-computed]", state="attached")
    stops = []
    for _ in range(8):
        page.keyboard.press("Tab")
        page.wait_for_timeout(400)  # focusing the search field opens it, sliding in over 0.3 s
        box = page.evaluate(FOCUS_BOX)
        stops.append(box["name"])
        assert on_screen(box, ZOOMED), f"Tab stop {len(stops)} is off screen: {box}"
    assert stops[:2] == ["Skip to content", "Site menu"]
    assert "Refresh" in stops  # the page's own controls come straight after the header's


def test_the_menu_and_its_sections_open_and_close_from_the_keyboard(page: Page, site_url: str) -> None:
    """On Today the drawer opens on the Tools panel: focus goes to its back title, going back shows the whole
    menu with focus on Tools, every stop on the way is in view, and Escape closes it."""
    page.set_viewport_size(ZOOMED)
    page.goto(site_url + "tools/today/")
    menu = page.get_by_role("button", name="Site menu")
    menu.focus()
    expect(menu).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    back = page.get_by_label("Tools: back to the menu")
    expect(back).to_be_focused()
    page.wait_for_timeout(400)  # the drawer slides in over 0.25 s
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    page.keyboard.press("Enter")
    expect(page.locator("label[for='__nav_6'].md-nav__link")).to_be_focused()
    page.wait_for_timeout(400)  # the panel slides out over 0.25 s
    for _ in range(4):  # the whole menu, one stop after another, each in view
        box = page.evaluate(FOCUS_BOX)
        assert on_screen(box, ZOOMED), box
        page.keyboard.press("Shift+Tab")
    page.keyboard.press("Escape")
    expect(menu).to_be_focused()
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()


def test_tab_out_of_the_open_menu_closes_it_so_focus_is_never_under_its_shade(page: Page, site_url: str) -> None:
    """Past the drawer's last link, Tab went on to the page's own links and buttons while the drawer and its shade
    still covered them: the drawer now closes, as a tap beside it does, and the stop Tab reached is in view."""
    page.set_viewport_size(ZOOMED)
    page.goto(site_url + "tools/today/")
    menu = page.get_by_role("button", name="Site menu")
    menu.focus()
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    drawer = page.locator(".md-sidebar--primary")
    last = drawer.get_by_role("link", name="Your data")
    last.focus()
    page.keyboard.press("Tab")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(drawer).to_be_hidden()
    page.wait_for_timeout(400)  # the drawer slides out over 0.25 s
    box = page.evaluate(FOCUS_BOX)
    assert on_screen(box, ZOOMED), box
    assert page.evaluate("() => document.activeElement.closest('.md-content') !== null")


def test_on_a_wide_screen_the_navigation_is_still_in_the_tab_order(page: Page, site_url: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(site_url + "tools/today/")
    page.locator(".md-sidebar--primary").get_by_role("link", name="Strength log").focus()
    box = page.evaluate(FOCUS_BOX)
    assert box["name"] == "Strength log"
    assert on_screen(box, {"width": 1280, "height": 800})


def test_every_control_in_a_days_box_shows_the_same_focus_ring(page: Page, site_url: str) -> None:
    """The calendar's "Log a run" boxes sit outside the calculators' usual fields, and had only the browser's
    thin ring or none: every input, select and button there now gets the calculators' 3 px ring."""
    from .test_calendar import missed_tempo_run

    page.set_viewport_size(ZOOMED)
    today, _ = missed_tempo_run(page, site_url)
    result = page.locator("[data-result]")
    yesterday = today - timedelta(days=1)
    computed_after(page, lambda: page.get_by_label("Around the date").fill(yesterday.isoformat()))
    name = day_words(yesterday, today=today)
    computed_after(page, lambda: result.get_by_role("button", name=f"Details of {name}").click())
    controls = result.locator("[data-inputs]").locator("input, select, button")
    assert controls.count() >= 4  # duration, distance, RPE, the button that logs them
    for index in range(controls.count()):
        control = controls.nth(index)
        control.focus()
        page.keyboard.press("Shift+Tab")  # a ring shows for the keyboard's focus (:focus-visible)
        page.keyboard.press("Tab")
        expect(control).to_be_focused()
        ring = control.evaluate("e => [getComputedStyle(e).outlineStyle, getComputedStyle(e).outlineWidth]")
        assert ring == ["solid", "3px"], f"{control.evaluate('e => e.id || e.textContent')}: {ring}"


# 200 % text, as a reader who doubles the browser's text size gets it: the root font size doubled.
DOUBLE_THE_TEXT = """() => {
  const root = document.documentElement;
  root.style.fontSize = `${2 * parseFloat(getComputedStyle(root).fontSize)}px`;
}"""

# What runs off the right of a screen ``width`` wide, other than inside a box that scrolls (a wide table's).
OFF_THE_SCREEN = """width => [...document.body.querySelectorAll("*")].filter(element => {
  const box = element.getBoundingClientRect();
  if (box.width === 0 || box.right <= width + 0.5) return false;
  for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
    if (getComputedStyle(box).overflowX !== "visible") return false;
  }
  return true;
}).map(element => `${element.tagName.toLowerCase()}#${element.id}.${element.className}`)"""


def tool_pages(built_site: Path) -> list[str]:
    pages = built_site.glob("tools/**/index.html")
    return sorted(html.parent.relative_to(built_site).as_posix() + "/" for html in pages)


def test_at_200_percent_text_on_a_320_px_phone_every_tool_page_reads_without_scrolling_sideways(
    page: Page, site_url: str, built_site: Path
) -> None:
    """WCAG 1.4.4 and 1.4.10: with the text doubled on a 320 px screen, every field had at least 11 em (352 px), so
    labels, boxes and help ran off the calculator's box, and the header's search button off the screen: the pages
    were 423 px wide. Each of the readiness page's forms (what to log) is checked, not only the first."""
    page.set_viewport_size({"width": 320, "height": 640})
    wide = {}
    for path in tool_pages(built_site):
        page.goto(site_url + path)
        if page.locator("[data-calculator]").count():
            page.wait_for_selector("[data-calculator][data-computed]", state="attached")
        page.evaluate(DOUBLE_THE_TEXT)
        what = page.get_by_label("What do you want to log?")
        choices = what.locator("option").evaluate_all("all => all.map(o => o.value)") if what.count() else [""]
        for index, choice in enumerate(choices):
            if index:  # the first is the form as it opened
                computed_after(page, lambda what=what, choice=choice: what.select_option(choice))
            width = page.evaluate("() => document.documentElement.scrollWidth")
            if width > 320:
                wide[f"{path} {choice}".strip()] = (width, page.evaluate(OFF_THE_SCREEN, 320)[:5])
    assert wide == {}


def test_a_guide_table_is_a_tab_stop_only_while_it_is_wider_than_the_screen(page: Page, site_url: str) -> None:
    """At 400 % zoom (320 px) the training-load guide's week of sessions is wider than the screen: its box becomes
    a named region that takes focus, the arrow keys scroll it, and axe finds nothing on the page; its tables that
    fit take no Tab stop once shown. Back at 1280 px the week fits too: it keeps the focus, and its Tab stop, until
    the reader Tabs on (tests/e2e/test_guide_table_regions.py), and then no table is a Tab stop."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(site_url + "guides/training-load/")
    stops = page.locator(".sl-table-region[tabindex]")
    page.set_viewport_size({"width": 320, "height": 640})
    show_every_table(page)
    week = "Table: Day, Session, Minutes, RPE, Load (AU)"
    region = page.get_by_role("region", name=week)
    expect(region).to_have_attribute("tabindex", "0")
    expect(stops).to_have_count(1)
    assert page.locator(".sl-table-region").count() == 4
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    assert region.evaluate("box => box.scrollWidth > box.clientWidth")
    region.focus()
    page.keyboard.press("ArrowRight")
    expect(region).not_to_have_js_property("scrollLeft", 0)
    page.set_viewport_size({"width": 1280, "height": 800})
    expect(region).to_be_focused()
    page.keyboard.press("Tab")
    show_every_table(page)
    expect(stops).to_have_count(0)
    expect(page.get_by_role("region", name=week)).to_have_count(0)


def test_without_javascript_a_guide_table_wider_than_the_screen_still_scrolls_from_the_keyboard(
    browser: Browser, site_url: str
) -> None:
    """With JavaScript off, at 320 px the training-load guide's week could not be scrolled from the keyboard: its box
    became a region in the Tab order only from the script, and Material's CSS made the table itself, which takes no
    focus, the thing that scrolled. The box is built a region, and the table scrolls in it."""
    context = browser.new_context(java_script_enabled=False, viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(site_url + "guides/training-load/")
    region = page.get_by_role("region", name="Table: Day, Session, Minutes, RPE, Load (AU)")
    show(region)  # laid out only near the screen
    assert region.evaluate("box => box.scrollWidth > box.clientWidth")
    region.focus()
    expect(region).to_be_focused()
    page.keyboard.press("ArrowRight")
    expect(region).not_to_have_js_property("scrollLeft", 0)
    context.close()


def test_a_tool_table_is_a_tab_stop_only_while_it_is_wider_than_the_screen_after_each_new_result(
    page: Page, site_url: str
) -> None:
    """The race calculator's tables were Tab stops at any width. At 320 px its equivalent times are wider than the
    screen: that box is a named region the arrow keys scroll, and axe finds nothing; its paces fit and take no Tab
    stop. A new result replaces both tables, and the new ones are watched too: back at 1280 px neither is a Tab stop.
    """
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(site_url + "tools/race-performance/")
    page.wait_for_selector("[data-calculator][data-computed]", state="attached")
    stops = page.locator("[data-result] .sl-scroll[tabindex]")
    equivalents = page.get_by_role("region", name="Equivalent race times")
    expect(stops).to_have_count(1)
    expect(equivalents).to_have_attribute("tabindex", "0")
    expect(page.locator('[data-region-name="Training paces"]')).not_to_have_attribute("role", "region")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    equivalents.focus()
    page.keyboard.press("ArrowRight")
    expect(equivalents).not_to_have_js_property("scrollLeft", 0)
    computed_after(page, lambda: page.get_by_label("Finish time").fill("18:30"))
    expect(page.locator("[data-summary]")).to_contain_text("18:30")
    expect(stops).to_have_count(1)
    expect(equivalents).to_have_attribute("tabindex", "0")
    page.set_viewport_size({"width": 1280, "height": 800})
    expect(stops).to_have_count(0)
    expect(page.locator("[data-result] [data-region-name]")).to_have_count(2)

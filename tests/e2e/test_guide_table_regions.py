"""A guide's tables are laid out only when they near the screen (content-visibility: auto), and a table the keyboard
must scroll is still a Tab stop before then: on a phone with larger text, the strength guide's last table is wider
than the screen, and a reader Tabbing down the page reaches it."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from .conftest import LOCALE, Watch

STRENGTH_GUIDE = "guides/strength-training-for-runners/"
LAST = "Table: low transfer, why it falls short, do this instead"  # wider than 375 px at 150 % text
FITS = "Table: day, session, purpose"  # fits 375 px at 150 % text
PROGRESSION = "Table: exercise, how it progresses"  # fits 375 px at 150 % text

SKIPPED = "box => !box.querySelector('table').checkVisibility({ contentVisibilityAuto: true })"
#: Two frames: the page's resize observer reports what the last layout changed before the next frame is drawn.
TWO_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
ANY = re.compile(".*")


@pytest.fixture
def phone(browser: Browser, site_url: str) -> Iterator[Page]:
    """The strength guide on a 375 px phone whose reader has set the text size to 150 % (Chromium's default font
    size 24 px instead of 16), once the page's script has seen every box: two frames after the load event, the
    first report of its resize observer has been handled."""
    context = browser.new_context(viewport={"width": 375, "height": 800}, locale=LOCALE)
    watch = Watch()
    context.on("request", watch.request)
    page = context.new_page()
    watch.attach(page)
    context.new_cdp_session(page).send("Page.setFontSizes", {"fontSizes": {"standard": 24, "fixed": 20}})
    page.goto(site_url + STRENGTH_GUIDE)
    page.evaluate(TWO_FRAMES)
    yield page
    context.close()
    assert watch.problems == []


def show(box: Locator) -> None:
    """Scroll a table's box onto the screen, as a reader does, and wait until its table is laid out (polled from
    here: the page may run no script)."""
    box.scroll_into_view_if_needed()
    for _ in range(100):
        if not box.evaluate(SKIPPED):
            return
        box.page.wait_for_timeout(50)
    raise AssertionError(f"{box.get_attribute('data-region-name')} never laid out")


def show_every_table(page: Page) -> None:
    """Scroll past every guide table of the page, as a reader going down it does: a table is decided only once
    laid out, and a box far from the screen keeps its Tab stop, as built or as last decided, until it has been."""
    for box in page.locator(".sl-table-region").all():
        show(box)


def permalink(page: Page, heading_id: str) -> Locator:
    return page.locator(f'a.headerlink[href="#{heading_id}"]')


def test_a_table_wider_than_the_screen_far_down_a_guide_is_a_tab_stop_before_and_after_it_is_shown(
    phone: Page,
) -> None:
    """The last table is not laid out while it is far below the screen, so its box cannot yet tell that it
    scrolls: it stays the named region it was built as (it had lost its Tab stop, which it got back only once
    scrolled to, so a reader Tabbing down the page past an unshown table skipped it). Tab from the heading's link
    above it reaches it, a region with its name, and the arrow keys scroll it."""
    last = phone.locator(f'[data-region-name="{LAST}"]')
    assert last.evaluate(SKIPPED)
    expect(last).to_have_attribute("role", "region")
    expect(last).to_have_attribute("tabindex", "0")
    permalink(phone, "exercises-with-low-transfer-and-what-to-do-instead").focus()
    phone.keyboard.press("Tab")
    region = phone.get_by_role("region", name=LAST)
    expect(region).to_be_focused()
    assert not region.evaluate(SKIPPED)
    assert region.evaluate("box => box.scrollWidth > box.clientWidth")
    phone.keyboard.press("ArrowRight")
    expect(region).not_to_have_js_property("scrollLeft", 0)


def test_a_guide_table_that_fits_takes_no_tab_stop_once_shown(phone: Page) -> None:
    """Shown, a table that fits the screen is no region and no Tab stop: Tab from the heading's link above it goes
    on to the next heading's link."""
    fits = phone.locator(f'[data-region-name="{FITS}"]')
    show(fits)
    for name in ("tabindex", "role", "aria-label"):
        expect(fits).not_to_have_attribute(name, ANY)
    permalink(phone, "the-four-run-week").focus()
    phone.keyboard.press("Tab")
    expect(permalink(phone, "the-five-run-variant")).to_be_focused()


def test_a_table_tabbed_onto_before_it_is_shown_keeps_the_focus_until_the_reader_moves_on(phone: Page) -> None:
    """A reader can Tab onto a table before the browser has laid it out (Tab pressed quickly, or from a link far
    above it): it is still a Tab stop then. Shown, it fits, yet it keeps its Tab stop while it has the focus;
    taking that away would drop the focus to the page, and the next Tab would start again from the top. The next
    Tab goes on to the link of the heading after it ("Your own lifts"), and from then on the table is no Tab stop:
    Shift+Tab goes back to the heading's link above it. (The focus is put on the table by the script here, while it
    is not laid out: a real Tab reaches it then or not depending on how fast the reader is.)"""
    progression = phone.locator(f'[data-region-name="{PROGRESSION}"]')
    assert progression.evaluate(f"box => {{ const skipped = ({SKIPPED})(box); box.focus(); return skipped; }}")
    expect(progression).to_be_focused()
    show(progression)
    phone.evaluate(TWO_FRAMES)
    assert progression.evaluate("box => box.scrollWidth === box.clientWidth")
    expect(progression).to_be_focused()
    expect(progression).to_have_attribute("tabindex", "0")
    phone.keyboard.press("Tab")
    expect(permalink(phone, "your-own-lifts")).to_be_focused()
    expect(progression).not_to_have_attribute("tabindex", ANY)
    phone.keyboard.press("Shift+Tab")
    expect(permalink(phone, "progression-every-week-moves-something")).to_be_focused()

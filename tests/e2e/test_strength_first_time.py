"""A first-time lifter's strength log on a 390 px phone, in a real Chromium: how heavy to start, in lb on a US
browser and kg on a UK one, and a load typed in the reps box asked about in place before it is logged."""

from __future__ import annotations

import json
import re

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from .conftest import Watch
from .spoken import listen, spoken
from .test_race_calculator import STARTUP_MS, computed_after
from .test_strength_log import PAGE

DRAFT_KEY = "stridelab:/:v1:strength_draft:current"
PHONE = {"width": 390, "height": 844}


def start_session_a(page: Page, site_url: str) -> None:
    page.goto(site_url + PAGE)
    page.wait_for_selector("[data-calculator][data-computed]", state="attached", timeout=STARTUP_MS)
    computed_after(page, lambda: page.get_by_role("button", name="Start session").click())


def draft_sets(page: Page) -> dict[str, list[dict[str, object]]]:
    sets: dict[str, list[dict[str, object]]] = json.loads(page.evaluate("k => localStorage.getItem(k)", DRAFT_KEY))[
        "sets"
    ]
    return sets


def test_on_a_us_phone_she_is_told_how_heavy_to_start_and_65_reps_typed_for_a_load_is_asked_about(
    browser: Browser, site_url: str, watch: Watch
) -> None:
    """She has never lifted: beside the Romanian deadlift she reads what RPE 7 feels like and to start with the empty
    bar, 45 lb. She types 65 in the Reps box (and 65 lb): nothing is logged; the set's line asks, the question is the
    Reps box's description and is read out, her numbers stay, and the keyboard stays on "Log set 1". She corrects
    the reps to 5 and presses Enter: 5 × 65 lb is logged."""
    context = browser.new_context(locale="en-US", viewport=PHONE)
    context.on("request", watch.request)
    context.on("page", watch.attach)
    try:
        page = context.new_page()
        listen(page)
        start_session_a(page, site_url)
        rdl = page.locator("section[data-exercise=romanian_deadlift]")
        help_box = rdl.locator("[data-first-load]")
        expect(help_box).to_contain_text("you could do about 3 more reps with good form")
        expect(help_box).to_contain_text("Start light, with the empty bar (45 lb, or 35 lb)")
        assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]

        reps = rdl.get_by_label("Reps, set 1 of Romanian deadlift")
        load = rdl.get_by_label("Load (lb), set 1 of Romanian deadlift")
        log = rdl.get_by_role("button", name="Log set 1 of Romanian deadlift")
        reps.fill("65")
        load.fill("65")
        spoken(page)
        computed_after(page, log.click)
        question = "65 reps? Session A asks for 5 reps in set 1 of Romanian deadlift. Tap “Log set 1” again to keep 65"
        expect(rdl.locator("[data-reps-check]")).to_contain_text(question)
        expect(reps).to_have_accessible_description(re.compile(re.escape(question)))
        expect(reps).to_have_value("65")
        expect(load).to_have_value("65")
        expect(log).to_be_focused()
        assert any(question in words for words in spoken(page))
        assert not draft_sets(page).get("romanian_deadlift")  # nothing logged while asked
        axe = Axe().run(page, context="[data-calculator]")
        assert axe.violations_count == 0, axe.generate_report()
        assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]

        reps.fill("5")
        computed_after(page, lambda: reps.press("Enter"))
        expect(page.locator('li[data-set="romanian_deadlift:0"]')).to_contain_text("done 5 × 65 lb")
        expect(rdl.locator("[data-reps-check]")).to_have_count(0)
        expect(rdl.locator("[data-first-load]")).to_have_count(0)  # her load is found: set 2 starts from it
    finally:
        context.close()


def test_on_a_uk_phone_the_first_load_is_in_kg_and_tapping_log_set_again_keeps_the_reps(
    page: Page, site_url: str
) -> None:
    """The same first session on a UK browser: the empty bar is 20 kg. 12 reps of a planned 5 are asked about, and
    a second tap on "Log set 1" keeps them."""
    page.set_viewport_size(PHONE)
    start_session_a(page, site_url)
    rdl = page.locator("section[data-exercise=romanian_deadlift]")
    expect(rdl.locator("[data-first-load]")).to_contain_text("the empty bar (20 kg, or 15 kg)")
    rdl.get_by_label("Reps, set 1 of Romanian deadlift").fill("12")
    rdl.get_by_label("Load (kg), set 1 of Romanian deadlift").fill("40")
    log = rdl.get_by_role("button", name="Log set 1 of Romanian deadlift")
    computed_after(page, log.click)
    expect(rdl.locator("[data-reps-check]")).to_contain_text("12 reps? Session A asks for 5 reps")
    computed_after(page, log.click)
    expect(page.locator('li[data-set="romanian_deadlift:0"]')).to_contain_text("done 12 × 40 kg")
    assert draft_sets(page)["romanian_deadlift"][0]["reps"] == 12

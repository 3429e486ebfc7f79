"""The race-performance calculator as a reader uses it, in a real Chromium against the built site."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from calculators.ui.calculator import Context
from calculators.ui.html import lift_headings
from calculators.ui.race import CALCULATOR, compute

from .conftest import Watch

PAGE = "tools/race-performance/"
# Pyodide's cold start in a fresh context takes a few seconds; a slow CI machine gets room.
STARTUP_MS = 60_000


def computed_after(page: Page, action: Callable[[], None]) -> None:
    """Run ``action`` and wait until the browser has shown the Python result it caused."""
    before = page.get_attribute("[data-calculator]", "data-computed") or "0"
    action()
    page.wait_for_function(
        """before => {
            const section = document.querySelector('[data-calculator]');
            return Number(section.dataset.computed ?? 0) > Number(before) && !section.hasAttribute('aria-busy');
        }""",
        arg=before,
        timeout=STARTUP_MS,
    )


# Whether a table's box is a region in the Tab order is the browser's to decide (table_regions.js: only while
# the table is wider than the screen): a comparison with the HTML Python wrote leaves it out.
_UNDECIDED = """for (const box of root.querySelectorAll('[data-region-name]')) {
    for (const name of ['tabindex', 'role', 'aria-label']) box.removeAttribute(name);
}"""


def normalised(page: Page, html: str) -> str:
    """The browser's serialisation of a fragment, so CPython's and Pyodide's HTML compare like for like."""
    return page.evaluate(
        f"html => {{ const t = document.createElement('template'); t.innerHTML = html; const root = t.content;"
        f" {_UNDECIDED} return t.innerHTML; }}",
        html,
    )


def shown(page: Page) -> str:
    """The result on the page, as :func:`normalised` gives Python's."""
    return page.evaluate(
        f"() => {{ const root = document.querySelector('[data-result]').cloneNode(true); {_UNDECIDED}"
        " return root.innerHTML; }"
    )


def test_prerendered_result_is_there_without_javascript(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + PAGE)
    expect(page.locator("[data-summary]")).to_have_text("Example: VDOT 49.8 from 5 km in 20:00")
    expect(page.locator('[data-label="per km"]:text-is("4:16")')).to_have_count(1)  # T pace at VDOT 49.8
    expect(page.get_by_label("Finish time")).to_have_value("20:00")
    context.close()


@pytest.mark.parametrize(
    "values",
    [
        {"distance": "5k", "time": "19:57", "units": "km"},
        {"distance": "marathon", "time": "3:30:00", "units": "mi"},
        {"distance": "custom", "custom_distance": "8", "custom_unit": "km", "time": "33:10", "units": "km"},
        {"distance": "mile", "time": "5:05.5", "units": "mi"},
    ],
)
def test_browser_result_equals_cpython(page: Page, site_url: str, values: dict[str, str]) -> None:
    page.goto(site_url + PAGE)

    def fill() -> None:
        page.get_by_label("Race distance").select_option(values["distance"])
        if values["distance"] == "custom":
            page.get_by_label("Distance", exact=True).fill(values["custom_distance"])
            page.get_by_label("Unit", exact=True).select_option(values["custom_unit"])
        page.get_by_label("Show paces per").select_option(values["units"])
        page.get_by_label("Finish time").fill(values["time"])
        page.get_by_role("button", name="Calculate").click()

    computed_after(page, fill)
    # The page's own date and profile (the units it shared), as the browser sent them to Python.
    today = date.fromisoformat(page.evaluate("() => new Date().toLocaleDateString('sv')"))
    profile = json.loads(page.evaluate("() => localStorage.getItem('stridelab:/:v1:profile:profile')") or "{}")
    touched = frozenset(values)  # every field the test filled in
    expected = compute(CALCULATOR.read(values), Context(today=today, store={}, profile=profile, touched=touched)).html
    assert shown(page) == normalised(page, lift_headings(expected))  # as its tool page asks: under the page's h1
    expect(page.get_by_role("status")).to_have_text(page.inner_text("[data-summary]"))


def test_inputs_and_units_survive_a_reload(page: Page, site_url: str) -> None:
    page.goto(site_url + PAGE)

    def fill() -> None:
        page.get_by_label("Race distance").select_option("half")
        page.get_by_label("Show paces per").select_option("mi")
        page.get_by_label("Finish time").fill("1:45:00")
        page.get_by_label("Finish time").press("Enter")

    computed_after(page, fill)
    page.reload()
    expect(page.get_by_label("Race distance")).to_have_value("half")
    expect(page.get_by_label("Finish time")).to_have_value("1:45:00")
    expect(page.get_by_label("Show paces per")).to_have_value("mi")
    # The page was built with the default race; the reader's own is recomputed on load.
    expect(page.locator("[data-summary]")).to_contain_text("from a half marathon in 1:45:00", timeout=STARTUP_MS)
    expect(page.locator("[data-result]")).not_to_have_attribute("data-stale", "")


def test_results_update_as_the_reader_types(page: Page, site_url: str) -> None:
    page.goto(site_url + PAGE)
    # No button pressed: the input event alone recomputes, after a short pause in typing.
    computed_after(page, lambda: page.get_by_label("Finish time").fill("18:30"))
    expect(page.locator("[data-summary]")).to_contain_text("from 5 km in 18:30")


def _equivalents_overflow(page: Page) -> dict[str, float]:
    """How far the equivalents table runs past its box, and the right edges of its last column and of the page."""
    return page.evaluate(
        """() => {
            const box = document.querySelector('.sl-scroll[data-region-name="Equivalent race times"]');
            const cameron = [...box.querySelectorAll('tr > :last-child')].map(c => c.getBoundingClientRect().right);
            return {hidden: box.scrollWidth - box.clientWidth, right: Math.max(...cameron), page: innerWidth};
        }"""
    )


def test_a_phone_shows_all_three_models_equivalent_times_without_scrolling_sideways(page: Page, site_url: str) -> None:
    """At 375 px the race-times guide's three models (Daniels, Riegel, Cameron) sit side by side: the VDOT pace
    moves under the VDOT time, and a slow marathon in miles, the widest cells, still fits."""
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(site_url + PAGE)

    def slow_race() -> None:
        page.get_by_label("Show paces per").select_option("mi")
        page.get_by_label("Finish time").fill("35:00")
        page.get_by_label("Finish time").press("Enter")

    computed_after(page, slow_race)
    overflow = _equivalents_overflow(page)
    assert overflow["hidden"] <= 0 and overflow["right"] <= overflow["page"], overflow
    marathon = page.get_by_role("row", name=re.compile(r"^Marathon"))
    expect(marathon.locator(".sl-eq__pace")).to_be_visible()  # the pace, under the VDOT time
    expect(marathon.locator(".sl-eq__pace")).to_have_text(re.compile(r" /mi$"))
    expect(page.get_by_role("columnheader", name="VDOT pace")).to_be_hidden()
    axe = Axe().run(page, context="[data-calculator]")  # the pace under the time is read as easily as the time
    assert axe.violations_count == 0, axe.generate_report()

    page.set_viewport_size({"width": 1280, "height": 800})  # a laptop keeps the pace in its own column
    expect(page.get_by_role("columnheader", name="VDOT pace")).to_be_visible()
    expect(marathon.locator(".sl-eq__pace")).to_be_hidden()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1:75", "Seconds must be 0–59"),
        ("abc", "is not a time"),
        ("", "Enter a time"),
        ("9:00", "faster than this model allows"),
    ],
)
def test_bad_input_shows_a_message_beside_the_field_and_keeps_the_last_result(
    page: Page, site_url: str, text: str, message: str
) -> None:
    page.goto(site_url + PAGE)
    computed_after(page, lambda: page.get_by_label("Finish time").fill("19:57"))
    page.get_by_label("Finish time").fill(text)
    error = page.locator("#sl-vdot-time-error")
    expect(error).to_contain_text(message, timeout=STARTUP_MS)
    expect(page.get_by_label("Finish time")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("[data-result]")).to_have_attribute("data-stale", "")
    expect(page.locator("[data-summary]")).to_have_text("VDOT 50.0 from 5 km in 19:57")
    # Fixing the field clears the message and the stale mark.
    computed_after(page, lambda: page.get_by_label("Finish time").fill("19:00"))
    expect(error).to_be_empty()
    expect(page.locator("[data-result]")).not_to_have_attribute("data-stale", "")


def test_an_error_on_a_field_out_of_sight_is_said_in_the_status_not_as_a_highlighted_field(
    page: Page, site_url: str
) -> None:
    """ "Check the highlighted field" only when the reader can see that field; otherwise the status says the message."""
    page.goto(site_url + PAGE)
    computed_after(page, lambda: page.get_by_label("Finish time").fill("19:57"))
    unit = page.locator("[name=custom_unit]")  # shown only with a custom distance
    expect(unit).to_be_hidden()
    # A value no option offers (as a form kept by an older version could hold) is refused on that hidden field.
    unit.evaluate(
        "el => { el.add(new Option('furlongs', 'furlong')); el.value = 'furlong';"
        " el.dispatchEvent(new Event('change', { bubbles: true })); }"
    )
    expect(page.locator("[data-status]")).to_have_text("Choose one of: km, miles, metres.", timeout=STARTUP_MS)
    expect(unit).not_to_have_attribute("aria-invalid", "true")
    expect(page.locator("[data-result]")).to_have_attribute("data-stale", "")


def test_a_bad_input_kept_over_a_reload_does_not_pass_the_example_off_as_the_readers(page: Page, site_url: str) -> None:
    page.goto(site_url + PAGE)
    page.get_by_label("Race distance").select_option("10k")
    computed_after(page, lambda: page.get_by_label("Finish time").fill("45:00"))
    page.get_by_label("Finish time").fill("45:0x")
    expect(page.locator("#sl-vdot-time-error")).not_to_be_empty(timeout=STARTUP_MS)
    page.reload()
    expect(page.locator("#sl-vdot-time-error")).not_to_be_empty(timeout=STARTUP_MS)
    expect(page.locator("[data-status]")).to_have_text(
        re.compile(
            r"^Finish time: “45:0x” is not a time\. .* "
            r"Until it is corrected, the result below is the built-in example, not yours\.$"
        )
    )
    expect(page.locator("[data-result]")).to_have_attribute("data-stale", "example")
    badge = "el => getComputedStyle(el, '::before').content"
    assert page.locator("[data-result]").evaluate(badge) == '"Built-in example, not your result"'
    computed_after(page, lambda: page.get_by_label("Finish time").fill("45:00"))
    expect(page.locator("[data-summary]")).to_have_text("VDOT 45.3 from 10 km in 45:00")  # the reader's own
    expect(page.locator("[data-result]")).not_to_have_attribute("data-stale", "example")
    # The summary is spoken (a live region for screen readers only) but shown only once, in the result; and
    # once announced it is emptied, so a screen reader's browse mode reads the sentence once too.
    spoken = page.get_by_role("status")
    expect(spoken).to_have_text("VDOT 45.3 from 10 km in 45:00")
    assert (spoken.bounding_box() or {"height": 0})["height"] <= 1
    status = page.locator("[data-status]")
    expect(status).to_be_hidden()  # the status line has nothing of its own to show
    expect(spoken).to_have_text("", timeout=10_000)
    expect(page.locator("[data-summary]")).to_have_text("VDOT 45.3 from 10 km in 45:00")
    page.get_by_label("Finish time").fill("45:0x")
    expect(status).to_contain_text("Finish time: “45:0x” is not a time.")
    assert (status.bounding_box() or {"height": 0})["height"] > 1  # a message of its own shows
    page.wait_for_timeout(7_500)  # a message of a field's own stays, unlike the summary's echo
    expect(status).to_contain_text("Finish time: “45:0x” is not a time.")


def test_the_built_in_example_says_so_and_is_not_offered_for_the_profile_until_a_time_is_typed(
    page: Page, site_url: str
) -> None:
    """One tap must not save the example's 5 km in 20:00 as a beginner's recent race."""
    page.goto(site_url + PAGE)
    page.wait_for_selector("[data-calculator][data-computed]", state="attached", timeout=STARTUP_MS)
    result = page.locator("[data-result]")
    expect(page.locator("[data-summary]")).to_have_text("Example: VDOT 49.8 from 5 km in 20:00")
    expect(result).to_contain_text("This is an example, 5 km in 20:00, not your race. Type your own race time")
    save = page.get_by_role("button", name="Use as my recent race")
    expect(save).to_have_count(0)
    computed_after(page, lambda: page.get_by_label("Show paces per").select_option("mi"))
    expect(save).to_have_count(0)  # paces per mile are still the example's race
    computed_after(page, lambda: page.get_by_label("Finish time").fill("20:00"))  # a real 20:00 is theirs
    expect(page.locator("[data-summary]")).to_have_text("VDOT 49.8 from 5 km in 20:00")
    expect(save).to_have_count(1)
    page.reload()
    page.wait_for_selector("[data-calculator][data-computed]", state="attached", timeout=STARTUP_MS)
    expect(save).to_have_count(1)  # over a reload too


def test_choosing_other_distance_asks_for_it_without_an_error(page: Page, site_url: str) -> None:
    """With a marathon time kept, "Other distance…" is no "slower than this model covers for 8 km"."""
    page.goto(site_url + PAGE)
    page.get_by_label("Race distance").select_option("marathon")
    computed_after(page, lambda: page.get_by_label("Finish time").fill("3:30:00"))
    computed_after(page, lambda: page.get_by_label("Race distance").select_option("custom"))
    expect(page.get_by_label("Distance", exact=True)).to_have_value("")
    expect(page.locator("[data-summary]")).to_have_text(
        "Type your race's distance above: 1 to 50 km (0.63 to 31 miles)."
    )
    expect(page.locator("[aria-invalid=true]")).to_have_count(0)
    expect(page.locator("#sl-vdot-time-error")).to_be_empty()
    computed_after(page, lambda: page.get_by_label("Distance", exact=True).fill("30"))
    expect(page.locator("[data-summary]")).to_contain_text("from 30 km in 3:30:00")


def test_calculate_with_other_distance_empty_says_what_is_missing(page: Page, site_url: str) -> None:
    """Pressing Calculate with "Other distance…" and an empty box names the box and its range, on the box, in the
    status line and aloud, and takes the reader to it: the same prompt again would show and say nothing new."""
    page.goto(site_url + PAGE)
    computed_after(page, lambda: page.get_by_label("Race distance").select_option("custom"))
    box = page.get_by_label("Distance", exact=True)
    expect(box).not_to_have_attribute("aria-invalid", "true")  # asked for, not yet wrong
    page.get_by_role("button", name="Calculate").click()
    message = "Distance: enter a number between 1 and 50 km."
    expect(page.locator("#sl-vdot-custom_distance-error")).to_have_text(message, timeout=STARTUP_MS)
    expect(box).to_have_attribute("aria-invalid", "true")
    expect(box).to_be_focused()
    expect(page.locator("[data-status]")).to_contain_text(message)
    expect(page.get_by_role("status")).to_contain_text(message)  # spoken, not only shown


def test_custom_distance_appears_only_when_chosen_and_is_checked(page: Page, site_url: str) -> None:
    page.goto(site_url + PAGE)
    custom = page.get_by_label("Distance", exact=True)
    expect(custom).to_be_hidden()
    page.get_by_label("Race distance").select_option("custom")
    expect(custom).to_be_visible()
    custom.fill("0.5")
    expect(page.locator("#sl-vdot-custom_distance-error")).to_contain_text("between 1 and 50 km", timeout=STARTUP_MS)


def test_the_calculator_works_by_keyboard(page: Page, site_url: str) -> None:
    page.goto(site_url + PAGE)
    page.get_by_label("Race distance").focus()
    page.keyboard.press("Tab")  # to the finish time (the custom fields are hidden)
    expect(page.get_by_label("Finish time")).to_be_focused()

    def type_time() -> None:
        page.keyboard.press("Control+A")
        page.keyboard.type("40:00")
        page.keyboard.press("Enter")

    computed_after(page, type_time)
    expect(page.locator("[data-summary]")).to_contain_text("from 5 km in 40:00")


def test_blocked_storage_is_explained_and_the_calculator_still_works(page: Page, site_url: str) -> None:
    # As in Chrome with site data blocked: the localStorage getter itself throws.
    page.add_init_script(
        "Object.defineProperty(window, 'localStorage',"
        " { get() { throw new DOMException('blocked', 'SecurityError'); } });"
    )
    page.goto(site_url + PAGE)
    computed_after(page, lambda: page.get_by_label("Finish time").fill("21:00"))
    expect(page.get_by_role("alert")).to_contain_text("not letting this site store anything")
    expect(page.locator("[data-summary]")).to_contain_text("from 5 km in 21:00")


def test_a_missing_wheel_is_reported_not_hung(browser: Browser, site_url: str) -> None:
    # No service worker: it would answer the worker's requests before page.route could see them.
    context = browser.new_context(service_workers="block")
    watch = Watch()
    watch.allowed.append("404")  # the browser logs the failed download itself
    context.on("page", watch.attach)
    page = context.new_page()
    page.route("**/snapshot.json", lambda route: route.fulfill(status=404, body="gone"))  # a normal start
    page.route("**/calculators-*.whl", lambda route: route.fulfill(status=404, body="gone"))
    page.goto(site_url + PAGE)
    page.get_by_label("Finish time").fill("21:00")
    expect(page.locator("[data-status]")).to_contain_text("could not start", timeout=STARTUP_MS)
    expect(page.locator("[data-summary]")).to_have_text("Example: VDOT 49.8 from 5 km in 20:00")  # as built
    context.close()
    assert watch.problems == []


def test_an_engine_that_cannot_load_is_reported_not_hung(browser: Browser, site_url: str) -> None:
    context = browser.new_context(service_workers="block")
    watch = Watch()
    watch.allowed.append("404")
    context.on("page", watch.attach)
    page = context.new_page()
    page.route("**/worker.mjs", lambda route: route.fulfill(status=404, body="gone"))
    page.goto(site_url + PAGE)
    expect(page.locator("[data-status]")).to_contain_text("could not be loaded", timeout=STARTUP_MS)
    expect(page.locator("[data-summary]")).to_have_text("Example: VDOT 49.8 from 5 km in 20:00")
    context.close()
    assert watch.problems == []


def test_a_us_browser_with_no_profile_starts_the_race_calculator_and_planner_on_miles(
    browser: Browser, site_url: str
) -> None:
    """A US reader who has saved no profile meets miles on the race calculator and the planner (their example
    worked out again in miles), their unit for another distance and "Volume in" included; a unit chosen there is kept,
    and a VDOT typed on the planner makes a profile that keeps miles; a saved km profile, or an old one without units,
    wins over the region."""
    context = browser.new_context(locale="en-US")
    try:
        page = context.new_page()
        page.goto(site_url + PAGE)
        expect(page.get_by_label("Show paces per")).to_have_value("mi")
        marathon = page.get_by_role("row", name=re.compile(r"^Marathon"))
        expect(marathon.locator(".sl-eq__pace")).to_have_text(re.compile(r" /mi$"), timeout=STARTUP_MS)
        computed_after(page, lambda: page.get_by_label("Race distance").select_option("custom"))
        unit = page.get_by_label("Unit", exact=True)
        expect(unit).to_have_value("mi")
        computed_after(page, lambda: unit.select_option("m"))  # chosen here: kept
        page.reload()
        page.wait_for_selector("[data-calculator][data-computed]", state="attached", timeout=STARTUP_MS)
        expect(unit).to_have_value("m")

        page.goto(site_url + "tools/planner/")
        expect(page.get_by_label("Paces per", exact=True)).to_have_value("mi")
        page.wait_for_selector("[data-calculator][data-computed]", state="attached", timeout=STARTUP_MS)
        expect(page.get_by_label("Volume in")).to_have_value("mi")
        expect(page.locator("[data-volume-prompt]")).to_contain_text("from 3 to 155 miles")
        computed_after(page, lambda: page.get_by_label("VDOT (optional, for paces)").fill("45"))
        key = "stridelab:/:v1:profile:profile"  # the site is served at the root in tests
        profile = page.wait_for_function("key => localStorage.getItem(key)", arg=key, timeout=STARTUP_MS)
        assert json.loads(profile.json_value()) == {"vdot": "45", "units": "mi"}

        for saved in ({"units": "km"}, {"hr_max": "188"}):
            page.evaluate(
                """([key, value]) => {
                    localStorage.setItem(key, value);
                    for (const form of ['vdot', 'planner']) {
                        localStorage.removeItem(`stridelab:/:v1:settings:form:${form}`);
                    }
                }""",
                [key, json.dumps(saved)],
            )
            # "Volume in" starts from the profile's units once it has some (a profile without them: minutes, as built).
            volume = ("Volume in",) if "units" in saved else ()
            for url, labels in ((PAGE, ("Show paces per",)), ("tools/planner/", ("Paces per", *volume))):
                page.goto(site_url + url)
                # The form has read the store once it has answered (the built form is on km already); the planner's
                # answer for a km profile with no weekly volume is the prompt for it.
                page.wait_for_selector("[data-calculator][data-computed]", state="attached", timeout=STARTUP_MS)
                for label in labels:
                    expect(page.get_by_label(label, exact=True)).to_have_value("km")
            page.goto(site_url + PAGE)
            computed_after(page, lambda: page.get_by_label("Race distance").select_option("custom"))
            expect(page.get_by_label("Unit", exact=True)).to_have_value("km")
    finally:
        context.close()


def test_a_us_readers_units_on_the_race_calculator_and_planner_follow_a_km_profile_saved_later(
    browser: Browser, site_url: str
) -> None:
    """Started on miles from the region and used there, the unit for another distance and "Volume in" follow a
    profile the reader saves later in km, as they follow any change of the profile's units: the region's miles
    were a start, not the reader's choice."""
    context = browser.new_context(locale="en-US")
    try:
        page = context.new_page()
        page.goto(site_url + PAGE)
        page.wait_for_selector("[data-calculator][data-computed]", state="attached", timeout=STARTUP_MS)
        computed_after(page, lambda: page.get_by_label("Race distance").select_option("custom"))
        computed_after(page, lambda: page.get_by_label("Distance", exact=True).fill("3"))  # 3 miles in 20:00
        expect(page.get_by_label("Unit", exact=True)).to_have_value("mi")
        page.goto(site_url + "tools/planner/")
        page.wait_for_selector("[data-calculator][data-computed]", state="attached", timeout=STARTUP_MS)
        computed_after(page, lambda: page.get_by_label("Current weekly volume (miles)").fill("30"))

        key = "stridelab:/:v1:profile:profile"
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, json.dumps({"units": "km"})])
        page.reload()
        expect(page.get_by_label("Volume in")).to_have_value("km")
        # The km box is asked for, and the miles typed are kept in their own box, not read as km.
        message = page.locator("#sl-planner-current_volume_km-error")
        expect(message).to_contain_text("Your 30 miles (48.3 km) are kept in the miles box", timeout=STARTUP_MS)
        page.goto(site_url + PAGE)
        page.wait_for_selector("[data-calculator][data-computed]", state="attached", timeout=STARTUP_MS)
        expect(page.get_by_label("Unit", exact=True)).to_have_value("km")
    finally:
        context.close()

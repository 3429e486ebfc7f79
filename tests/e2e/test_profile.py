"""The profile set once (issue 9), on a phone: save it, see the planner start from it, edit it there, reload."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from typing import Any

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Locator, Page, expect

from calculators.units import format_pace
from calculators.vdot import training_paces

from .spoken import listen, spoken
from .test_race_calculator import STARTUP_MS, computed_after

PAGE = "tools/profile/"
PLANNER = "tools/planner/"
RACE = "tools/race-performance/"
KEY = "stridelab:/:v1:profile:profile"  # the site is served at the root in tests
RUN_DAYS = ("Monday", "Wednesday", "Friday", "Saturday", "Sunday")
HARD_DAYS = ("Monday", "Friday")


def open_page(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_function("() => document.querySelector('[data-calculator]').dataset.computed", timeout=STARTUP_MS)


def stored_profile(page: Page) -> dict[str, Any]:
    raw = page.evaluate("key => localStorage.getItem(key)", KEY)
    return json.loads(raw) if raw else {}


def expect_days(page: Page, group: str, ticked: tuple[str, ...]) -> None:
    boxes = page.get_by_role("group", name=group)
    for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"):
        box = boxes.get_by_role("checkbox", name=day)
        if day in ticked:
            expect(box).to_be_checked()
        else:
            expect(box).not_to_be_checked()


def test_a_profile_set_once_fills_the_planner_and_survives_a_reload(page: Page, site_url: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    open_page(page, site_url + PAGE)
    today = date.fromisoformat(page.evaluate("() => new Date().toLocaleDateString('sv')"))
    race = (today + timedelta(weeks=16)).isoformat()
    # The optional settings are out of the way on a first visit.
    expect(page.get_by_label("Resting heart rate (optional)")).to_be_hidden()
    axe = Axe().run(page)
    assert axe.violations_count == 0, axe.generate_report()

    page.get_by_label("Distances and paces in").select_option("mi")
    page.get_by_label("A recent race").select_option("5000")
    page.get_by_label("Its finish time").fill("20:00")
    for day in RUN_DAYS:
        page.get_by_role("group", name="Days you can run").get_by_role("checkbox", name=day).check()
    page.get_by_label("Next race date (optional)").fill(race)
    page.get_by_label("Its distance").select_option("21097.5")
    page.get_by_label("More settings (optional)").select_option("yes")
    hard = page.get_by_role("group", name="Tempo and interval days (none ticked: the planner chooses)")
    for day in HARD_DAYS:
        hard.get_by_role("checkbox", name=day).check()
    page.get_by_label("HR max (optional)").fill("188")
    computed_after(page, lambda: page.get_by_role("button", name="Save profile").click())

    summary = page.locator("[data-result] [data-summary]")
    # The score is said with what it is: a beginner has never met "VDOT".
    expect(summary).to_contain_text(
        "Profile saved: VDOT 49.8 (Daniels' fitness score from your race time, which sets your paces), 5 days you can "
        "run, race on"
    )
    threshold = format_pace(training_paces(49.8).threshold, "mi").removesuffix(" /mi")  # paces follow the miles choice
    expect(page.locator(f'[data-label="per mile"]:text-is("{threshold}")')).to_have_count(1)
    stored = stored_profile(page)
    assert {k: stored[k] for k in ("units", "vdot", "run_weekdays", "hard_days", "race_date", "hr_max")} == {
        "units": "mi",
        "vdot": "49.8",
        "run_weekdays": "0,2,4,5,6",
        "hard_days": "0,4",
        "race_date": race,
        "hr_max": "188",
    }
    axe = Axe().run(page)
    assert axe.violations_count == 0, axe.generate_report()

    # The planner starts from the profile …
    page.goto(site_url + PLANNER)
    expect(page.get_by_label("Race date (optional)")).to_have_value(race, timeout=STARTUP_MS)
    expect(page.get_by_label("Race distance")).to_have_value("21097.5")
    expect(page.get_by_label("VDOT (optional, for paces)")).to_have_value("49.8")
    expect(page.get_by_label("Paces per")).to_have_value("mi")
    expect(page.get_by_label("Runs per week")).to_have_value("5")  # one run on each day you can run
    expect_days(page, "Days you can train", RUN_DAYS)
    expect_days(page, "Tempo and interval days (none ticked: choose for me)", HARD_DAYS)
    # … in miles, and asks for the weekly volume before it plans: every run is sized from it.
    asked = page.locator("[data-result] [data-volume-prompt]")
    expect(asked).to_contain_text("enter how much you run in a week now, from 3 to 155 miles", timeout=STARTUP_MS)
    computed_after(page, lambda: page.get_by_label("Current weekly volume (miles)").fill("25"))
    expect(page.locator("[data-result]")).to_contain_text("weeks to race day")
    # … and an edit there is the profile's.
    computed_after(page, lambda: page.get_by_label("Race distance").select_option("42195"))
    assert stored_profile(page)["race_distance"] == "42195"
    computed_after(page, lambda: page.get_by_label("Runs per week").select_option("4"))
    assert stored_profile(page)["runs_per_week"] == "4"  # the planner's own number: it stays on a reload
    page.reload()
    page.wait_for_function("() => document.querySelector('[data-calculator]').dataset.computed", timeout=STARTUP_MS)
    expect(page.get_by_label("Runs per week")).to_have_value("4")
    expect(page.locator("[data-result] [data-summary]")).to_contain_text("This week: 4 runs")

    open_page(page, site_url + PAGE)
    page.reload()
    page.wait_for_function("() => document.querySelector('[data-calculator]').dataset.computed", timeout=STARTUP_MS)
    expect(page.get_by_label("Distances and paces in")).to_have_value("mi")
    expect(page.get_by_label("A recent race")).to_have_value("5000")
    expect(page.get_by_label("Its finish time")).to_have_value("20:00")
    expect(page.get_by_label("Next race date (optional)")).to_have_value(race)
    expect(page.get_by_label("Its distance")).to_have_value("42195")
    expect(page.get_by_label("HR max (optional)")).to_have_value("188")
    expect_days(page, "Days you can run", RUN_DAYS)
    expect_days(page, "Tempo and interval days (none ticked: the planner chooses)", HARD_DAYS)
    expect(page.locator("[data-result]")).to_contain_text("Marathon on")
    expect(page.locator("[data-result]")).to_contain_text("This is your saved profile")
    expect(page.locator("[data-result] [data-summary]")).to_contain_text("sets your paces), 5 days you can run")


def test_a_bad_value_is_named_beside_its_field_and_nothing_is_stored(page: Page, site_url: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    open_page(page, site_url + PAGE)
    page.get_by_label("A recent race").select_option("5000")
    page.get_by_label("Its finish time").fill("2:00")
    page.get_by_role("button", name="Save profile").click()
    expect(page.locator("#sl-profile-recent_time-error")).to_contain_text(
        "for 5 km. Enter a finish time between 12:01 and 42:38", timeout=STARTUP_MS
    )
    expect(page.get_by_label("Its finish time")).to_have_attribute("aria-invalid", "true")
    assert stored_profile(page) == {}  # only Save profile stores it, and only once every value is in range
    page.reload()  # what was typed is kept in the form, not in the profile other tools read
    expect(page.get_by_label("Its finish time")).to_have_value("2:00")


def test_save_flags_every_bad_field_at_once(page: Page, site_url: str) -> None:
    """ "Save profile checks every value": three bad values are three highlighted fields, each with its message."""
    open_page(page, site_url + PAGE)
    page.get_by_label("A recent race").select_option("5000")
    page.get_by_label("Its finish time").fill("4530")
    page.get_by_label("More settings (optional)", exact=False).select_option("yes")
    page.get_by_label("Resting heart rate (optional)").fill("abc")
    page.get_by_label("HR max (optional)").fill("9999")
    page.get_by_role("button", name="Save profile").click()
    expect(page.locator("#sl-profile-recent_time-error")).to_contain_text("could be seconds or minutes")
    expect(page.locator("#sl-profile-hr_rest-error")).to_contain_text("“abc” is not a number")
    expect(page.locator("#sl-profile-hr_max-error")).to_contain_text("9999 beats per minute is out of range")
    for label in ("Its finish time", "Resting heart rate (optional)", "HR max (optional)"):
        expect(page.get_by_label(label)).to_have_attribute("aria-invalid", "true")
    # The status line, read out once the reader has moved on, names the first field and its own message.
    status = page.locator("[data-status]")
    expect(status).to_contain_text(page.inner_text("#sl-profile-recent_time-error"))
    expect(status).to_have_text(
        re.compile(r"^Not saved: Its finish time: .* 2 more fields are highlighted\. The result below")
    )
    assert stored_profile(page) == {}
    page.get_by_label("HR max (optional)").fill("190")  # corrected: its message goes, the other two stay
    expect(page.locator("#sl-profile-hr_max-error")).to_be_empty()
    expect(page.locator("#sl-profile-hr_rest-error")).to_contain_text("“abc” is not a number")


def test_the_status_line_names_the_field_and_says_its_message(page: Page, site_url: str) -> None:
    """A screen reader hears the status line after the focus has moved on: "HR max: 250 … 100 and 230 …", not
    "Check the highlighted field"."""
    open_page(page, site_url + PAGE)
    page.get_by_label("More settings (optional)", exact=False).select_option("yes")
    page.get_by_label("HR max (optional)").fill("250")
    page.keyboard.press("Tab")
    page.get_by_role("button", name="Save profile").click()
    expect(page.locator("[data-status]")).to_have_text(
        "Not saved: HR max: 250 beats per minute is out of range. Enter a number between 100 and 230 beats per minute. "
        "The result below is still for your last valid input."
    )


def test_a_change_in_another_tool_stores_that_one_setting_in_the_profile(page: Page, site_url: str) -> None:
    # On a fresh browser, the planner's untouched fields (its run days among them) do not overwrite the
    # profile: only the setting the reader changed goes into it.
    open_page(page, site_url + PLANNER)
    computed_after(page, lambda: page.get_by_label("Race distance").select_option("42195"))
    assert stored_profile(page) == {"race_distance": "42195"}


def test_a_half_typed_shared_value_stays_in_its_form_until_it_is_valid(page: Page, site_url: str) -> None:
    # The run log's "My numbers" share the HR max with every tool: "19", on the way to 190, must not.
    open_page(page, site_url + "tools/readiness/")
    computed_after(page, lambda: page.get_by_label("What do you want to log?").select_option("settings"))
    page.get_by_label("HR max (optional)").fill("19")
    expect(page.locator("[data-error-for=hr_max]")).to_contain_text("HR max: 19 beats per minute is out of range")
    assert "hr_max" not in stored_profile(page)
    computed_after(page, lambda: page.get_by_label("HR max (optional)").fill("190"))
    assert stored_profile(page)["hr_max"] == "190"
    # A valid value typed while another field is wrong is not shared yet, but a reload keeps it as typed.
    page.get_by_label("Resting HR for TRIMP (optional)").fill("19")
    expect(page.locator("[data-error-for=hr_rest]")).to_contain_text("Resting HR for TRIMP: 19 beats per minute")
    page.get_by_label("HR max (optional)").fill("185")
    expect(page.locator("[data-error-for=hr_rest]")).to_contain_text("Resting HR for TRIMP: 19 beats per minute")
    page.reload()
    expect(page.get_by_label("HR max (optional)")).to_have_value("185")
    assert stored_profile(page)["hr_max"] == "190"
    computed_after(page, lambda: page.get_by_label("Resting HR for TRIMP (optional)").fill("48"))
    assert stored_profile(page)["hr_max"] == "185" and stored_profile(page)["hr_rest"] == "48"
    open_page(page, site_url + PAGE)
    expect(page.locator("[data-result]")).to_contain_text("rest 48, max 185 beats per minute")


def save_recent_race(page: Page, site_url: str, distance: str, time: str) -> None:
    open_page(page, site_url + PAGE)
    page.get_by_label("A recent race").select_option(distance)
    page.get_by_label("Its finish time").fill(time)
    computed_after(page, lambda: page.get_by_role("button", name="Save profile").click())
    expect(page.locator("[data-result] [data-summary]")).to_contain_text("Profile saved")


def test_the_race_calculator_starts_from_the_profile_race_and_trying_others_leaves_it(
    page: Page, site_url: str
) -> None:
    save_recent_race(page, site_url, "10000", "52:40")
    vdot = stored_profile(page)["vdot"]

    open_page(page, site_url + RACE)
    expect(page.get_by_label("Race distance")).to_have_value("10k")
    expect(page.get_by_label("Finish time")).to_have_value("52:40")
    expect(page.locator("[data-summary]")).to_have_text(f"VDOT {vdot} from 10 km in 52:40")

    # Trying another race here is this form's, over a reload, and the profile's race and VDOT stay.
    computed_after(page, lambda: page.get_by_label("Finish time").fill("1:10:00"))
    computed_after(page, lambda: page.get_by_label("Race distance").select_option("half"))
    page.reload()
    expect(page.locator("[data-summary]")).to_contain_text("from a half marathon in 1:10:00", timeout=STARTUP_MS)
    assert {k: stored_profile(page)[k] for k in ("recent_distance", "recent_time", "vdot")} == {
        "recent_distance": "10000",
        "recent_time": "52:40",
        "vdot": vdot,
    }

    # Saved from here, the race tried is the profile's, VDOT and all.
    expect(page.locator("[data-result]")).to_contain_text("Your profile's recent race is 10 km in 52:40.")
    computed_after(page, lambda: page.get_by_role("button", name="Use as my recent race").click())
    summary = page.locator("[data-summary]").inner_text()
    assert summary.startswith("Saved as your recent race: VDOT ") and summary.endswith(
        "from a half marathon in 1:10:00"
    )
    expect(page.locator("[data-result]")).to_contain_text("This is the recent race in your profile.")
    stored = stored_profile(page)
    assert (stored["recent_distance"], stored["recent_time"]) == ("21097.5", "1:10:00")
    assert f"VDOT {stored['vdot']} from" in summary
    open_page(page, site_url + PAGE)
    expect(page.get_by_label("A recent race")).to_have_value("21097.5")
    expect(page.get_by_label("Its finish time")).to_have_value("1:10:00")

    # A newer race saved in the profile is where the calculator starts again.
    save_recent_race(page, site_url, "5000", "24:10")
    open_page(page, site_url + RACE)
    expect(page.get_by_label("Race distance")).to_have_value("5k")
    expect(page.locator("[data-summary]")).to_contain_text("from 5 km in 24:10", timeout=STARTUP_MS)


def test_an_error_is_spoken_once_the_reader_pauses_not_at_every_key(page: Page, site_url: str) -> None:
    """Typing "1:45:00" at a key every 300 ms passes through "1", "1:", "1:4"…, each an error of its own: a screen
    reader is given only the last, once the reader pauses. The message shows beside the field as they type."""
    listen(page)
    open_page(page, site_url + PAGE)
    page.get_by_label("A recent race").select_option("5000")
    page.wait_for_timeout(2000)
    spoken(page)
    finish = page.get_by_label("Its finish time")
    finish.press_sequentially("1:45:0", delay=300)
    expect(page.locator("#sl-profile-recent_time-error")).not_to_be_empty()  # shown as they type
    assert [said for said in spoken(page) if "finish time" in said.lower()] == []
    finish.press_sequentially("0")
    expect(finish).to_have_attribute("aria-invalid", "true")
    page.wait_for_timeout(2500)
    errors = [said for said in spoken(page) if said.startswith("Its finish time")]
    assert len(errors) == 1 and "slower than this model covers for 5 km" in errors[0], errors


def test_a_field_the_reader_has_not_reached_is_not_said_to_be_wrong(page: Page, site_url: str) -> None:
    """A race distance chosen before its time does not make the time "missing" aloud, nor marked invalid: the
    reader has not got there yet. Run days ticked one by one are not "fewer than 3" at each tick, but once the
    reader leaves the group."""
    listen(page)
    open_page(page, site_url + PAGE)
    page.get_by_label("A recent race").select_option("5000")
    expect(page.locator("#sl-profile-recent_time-error")).to_contain_text("needs both")  # shown, as a hint
    page.wait_for_timeout(2000)
    assert not [said for said in spoken(page) if "needs both" in said]
    expect(page.get_by_label("Its finish time")).not_to_have_attribute("aria-invalid", "true")
    computed_after(page, lambda: page.get_by_label("Its finish time").fill("20:00"))

    days = page.get_by_role("group", name="Days you can run")
    days.get_by_role("checkbox", name="Monday").focus()
    page.keyboard.press("Space")
    page.wait_for_timeout(2000)
    days.get_by_role("checkbox", name="Wednesday").focus()
    page.keyboard.press("Space")
    page.wait_for_timeout(2000)
    assert [said for said in spoken(page) if "Choose at least" in said] == []
    page.get_by_label("Next race date (optional)").focus()
    page.wait_for_timeout(500)
    assert len([said for said in spoken(page) if "Choose at least" in said]) == 1


def test_the_planner_does_not_say_a_field_the_reader_has_not_reached_is_wrong(page: Page, site_url: str) -> None:
    """Opened after the profile is saved, the planner answers with a prompt for its weekly volume, with the range, and
    settles (data-computed): no error beside the field, nothing said to be wrong, no built-in example called the
    result, until the reader presses Plan."""
    listen(page)
    open_page(page, site_url + PAGE)
    page.get_by_label("A recent race").select_option("5000")
    page.get_by_label("Its finish time").fill("20:00")
    for day in RUN_DAYS:
        page.get_by_role("group", name="Days you can run").get_by_role("checkbox", name=day).check()
    computed_after(page, lambda: page.get_by_role("button", name="Save profile").click())
    page.goto(site_url + PLANNER)
    page.wait_for_selector("[data-calculator][data-computed]", state="attached", timeout=STARTUP_MS)
    volume = page.get_by_label("Current weekly volume (km)")
    message = page.locator("#sl-planner-current_volume_km-error")
    prompt = page.locator("[data-result] [data-summary]")
    expect(prompt).to_have_text(re.compile(r"^To plan your week, go to “Current weekly volume \(km\)” .* 5 to 250 km"))
    expect(page.locator("[data-result] table")).to_have_count(0)  # no plan sized from a figure never given
    page.wait_for_timeout(2000)
    expect(message).to_be_empty()
    expect(volume).not_to_have_attribute("aria-invalid", "true")
    expect(page.locator("[data-status]")).not_to_contain_text("built-in example")
    assert not [said for said in spoken(page) if said.startswith("Current weekly volume")]
    page.get_by_role("button", name="Plan", exact=True).click()
    expect(volume).to_have_attribute("aria-invalid", "true")
    expect(volume).to_be_focused()
    expect(message).to_contain_text("enter how much you run in a week now, from 5 to 250 km")
    page.wait_for_timeout(500)
    assert [said for said in spoken(page) if said.startswith("Current weekly volume: enter how much")]
    # Once a volume is typed, a slip is called wrong at once, as in any other box.
    volume.fill("2")
    expect(message).to_contain_text("Enter a number between 5 and 250 km")


def test_a_new_profile_starts_on_miles_in_the_united_states(browser: Browser, site_url: str) -> None:
    """A US phone with no profile starts on miles and saves miles; a saved profile, even one without units (km on
    every page), keeps what it says."""
    context = browser.new_context(locale="en-US")
    try:
        page = context.new_page()
        open_page(page, site_url + PAGE)
        expect(page.get_by_label("Distances and paces in")).to_have_value("mi")
        computed_after(page, lambda: page.get_by_role("button", name="Save profile").click())
        assert stored_profile(page)["units"] == "mi"
        for profile, shown in (({"units": "km"}, "km"), ({"hr_max": "188"}, "km")):
            page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, json.dumps(profile)])
            page.evaluate("() => localStorage.removeItem('stridelab:/:v1:settings:form:profile')")
            open_page(page, site_url + PAGE)
            expect(page.get_by_label("Distances and paces in")).to_have_value(shown)
    finally:
        context.close()


def hard_runs(page: Page, choice: str) -> Locator:
    """One of the Hard runs choices, shown as radio buttons in their labelled group."""
    return page.get_by_role("group", name="Hard runs").get_by_role("radio", name=choice)


def test_hard_runs_chosen_once_in_the_profile_start_the_planner_on_easy_weeks(page: Page, site_url: str) -> None:
    """A runner coming back from an injury says in the profile that they want no hard runs yet: the planner opens on
    easy weeks, and switching back there is the profile's too."""
    open_page(page, site_url + PAGE)
    for day in ("Monday", "Tuesday", "Thursday", "Saturday"):
        page.get_by_role("group", name="Days you can run").get_by_role("checkbox", name=day).check()
    hard_runs(page, "None: easy weeks").check()
    computed_after(page, lambda: page.get_by_role("button", name="Save profile").click())
    assert stored_profile(page)["hard_runs"] == "none"
    expect(page.locator("[data-result]")).to_contain_text("None: easy weeks")

    page.goto(site_url + PLANNER)
    expect(hard_runs(page, "None: easy weeks")).to_be_checked(timeout=STARTUP_MS)
    computed_after(page, lambda: page.get_by_label("Current weekly volume (km)").fill("30"))
    result = page.locator("[data-result]")
    expect(result.locator("[data-easy-weeks]")).to_contain_text("Easy weeks, no hard runs")
    expect(result.get_by_role("table", name="This week")).not_to_contain_text("Tempo run")
    computed_after(page, lambda: hard_runs(page, "Tempo and intervals").check())
    assert stored_profile(page)["hard_runs"] == ""
    expect(result.get_by_role("table", name="This week")).to_contain_text("Tempo run + Session A")


def test_a_profile_from_before_the_choice_leaves_easy_weeks_kept_on_the_planner(page: Page, site_url: str) -> None:
    """Before the profile had the choice, easy weeks were kept with the planner's form alone. That profile reads as
    no choice, and saved again untouched it stays so: the planner keeps its easy weeks."""
    page.goto(site_url + PLANNER)
    computed_after(page, lambda: hard_runs(page, "None: easy weeks").check())
    old = {k: v for k, v in stored_profile(page).items() if k != "hard_runs"}
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, json.dumps({**old, "units": "km"})])

    open_page(page, site_url + PAGE)
    # The row says what the planner opens on, and why the form beside it shows the other choice.
    expect(page.get_by_role("row", name="Hard runs")).to_contain_text(
        "None: easy weeks, as chosen on the planner (the form above shows Tempo and intervals until you choose here"
    )
    computed_after(page, lambda: page.get_by_role("button", name="Save profile").click())
    assert "hard_runs" not in stored_profile(page)
    page.goto(site_url + PLANNER)
    expect(hard_runs(page, "None: easy weeks")).to_be_checked(timeout=STARTUP_MS)

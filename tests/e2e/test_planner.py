"""The planner page in Chromium: the browser's plan equals CPython's, and the calendar downloads."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta

import icalendar
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from calculators.date_words import day_words, short_day
from calculators.registry import CALCULATORS
from calculators.ui.calculator import Context
from calculators.ui.html import lift_headings

from .test_calendar import KEY, open_calendar, stored
from .test_race_calculator import STARTUP_MS, computed_after, normalised, shown

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
    assert shown(page) == normalised(page, lift_headings(expected.html))  # its headings under the page's h1
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


def test_on_a_phone_each_day_of_the_week_is_a_card_with_every_cell_in_view(page: Page, site_url: str) -> None:
    """At 375 px the week's six columns (over 1000 px with paces) do not fit: each day is a card, its cells
    labelled, none off to the side, as the calendar shows a week's days."""
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(site_url + PAGE)
    computed_after(page, lambda: page.get_by_label("VDOT (optional, for paces)").fill("50"))
    table = page.get_by_role("table", name="This week")
    box = page.locator('[data-region-name="This week"]').bounding_box()
    assert box is not None
    for cell in table.get_by_role("cell").all():
        cell_box = cell.bounding_box()
        assert cell_box is not None and cell_box["x"] + cell_box["width"] <= box["x"] + box["width"] + 1
    tuesday = table.get_by_role("row").filter(has=page.get_by_role("rowheader", name=re.compile(r"^Tue \d")))
    expect(tuesday.get_by_role("cell", name="Pace:")).to_contain_text("/km")
    expect(tuesday.get_by_role("cell", name="Duration:")).to_contain_text("min")
    axe = Axe().run(page)
    assert axe.violations_count == 0, axe.generate_report()


def test_on_a_desktop_the_week_fits_the_page_with_the_why_column_in_view(page: Page, site_url: str) -> None:
    """At 1280 px a tempo pace's words kept on one line made the Pace column about 550 px wide: the Why column
    went past the page's content column and every row grew a blank band under it."""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url + PAGE)
    page.get_by_label("Runs per week").select_option("5")
    computed_after(page, lambda: page.get_by_label("VDOT (optional, for paces)").fill("48"))
    region = page.locator('[data-region-name="This week"]').bounding_box()
    table = page.get_by_role("table", name="This week").bounding_box()
    assert region is not None and table is not None and table["width"] <= region["width"] + 1
    why = page.get_by_role("columnheader", name="Why").bounding_box()
    assert why is not None and why["x"] + why["width"] <= region["x"] + region["width"] + 1
    assert why["width"] >= 180  # a sentence a few words a line, not one word


def test_without_a_vdot_the_week_says_how_hard_by_feel_fits_the_page_and_links_the_guide(
    page: Page, site_url: str
) -> None:
    """A runner with no race saw "—" for every pace and no word on what a tempo or an interval session is: each
    run now says how hard it is by feel and, under the week, each hard session its structure, the week still fits a
    desktop page, and the session's name opens the guide that explains it."""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url + PAGE)
    computed_after(page, lambda: page.get_by_label("Runs per week").select_option("5"))
    table = page.get_by_role("table", name="This week")
    tempo = table.get_by_role("row").filter(has=page.get_by_role("cell", name="Tempo run + Session A"))
    expect(tempo.get_by_role("cell").nth(3)).to_contain_text("By feel: comfortably hard")
    sessions = page.locator("[data-sessions]")
    # How much of it is steady is the week's tempo limit's business (test_planner.py): here, its words.
    expect(sessions).to_contain_text(re.compile(r"Monday's tempo run \(40 min\): easy warm-up, about \d+ min steady"))
    region = page.locator('[data-region-name="This week"]').bounding_box()
    box = table.bounding_box()
    assert region is not None and box is not None and box["width"] <= region["width"] + 1
    sessions.get_by_role("link", name="tempo run").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Lactate threshold explained")
    assert page.url.endswith("/guides/lactate-threshold/#tempo-runs")


def test_on_a_phone_each_week_of_the_season_is_a_card_with_its_key_sessions_in_view(page: Page, site_url: str) -> None:
    """At 375 px the season's Key sessions were off to the side and each week about 320 px high: each week is a
    card, as the days of "This week" are."""
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(site_url + PAGE)
    today = date.fromisoformat(page.evaluate("() => new Date().toLocaleDateString('en-CA')"))
    page.get_by_label("Race distance").select_option("21097.5")
    computed_after(page, lambda: page.get_by_label("Race date (optional)").fill(str(today + timedelta(weeks=14))))
    table = page.get_by_role("table", name="The season to race day")
    box = page.locator('[data-region-name="The season to race day"]').bounding_box()
    assert box is not None
    for cell in table.get_by_role("cell").all():
        cell_box = cell.bounding_box()
        assert cell_box is not None and cell_box["x"] + cell_box["width"] <= box["x"] + box["width"] + 1
    first = table.get_by_role("row").filter(has=page.get_by_role("rowheader")).first
    expect(first.get_by_role("cell", name="Key sessions:")).to_contain_text("Long run")
    expect(first.get_by_role("cell", name="Volume:")).to_contain_text("min")


def test_saving_the_plan_again_keeps_a_change_accepted_on_the_calendar(page: Page, site_url: str) -> None:
    """A red morning: tomorrow's long run made easy on the calendar, then the same plan saved again on the planner.
    The change stays in the plan, on the planner's "This week", and in the calendar's history with its Undo."""
    page.goto(site_url)
    today = date.fromisoformat(page.evaluate("() => new Date().toLocaleDateString('sv')"))
    tomorrow = today + timedelta(days=1)
    for n in range(40):  # four low HRV mornings after steady weeks: tomorrow is red, as on the calendar's own test
        key = f"{KEY}hrv:{today - timedelta(days=n)}"
        page.evaluate(
            "([k, v]) => localStorage.setItem(k, v)", [key, json.dumps({"rmssd_ms": 35.0 if n < 4 else 70.0 + n % 5})]
        )
    page.goto(site_url + PAGE)
    page.wait_for_selector("[data-calculator][data-computed]", state="attached", timeout=STARTUP_MS)
    page.get_by_label("Long run").select_option(str(tomorrow.weekday()))
    page.get_by_label("Race distance").select_option("42195")
    computed_after(
        page, lambda: page.get_by_label("Race date (optional)").fill((today + timedelta(weeks=16)).isoformat())
    )
    computed_after(page, lambda: page.get_by_role("button", name="Save this plan").click())

    open_calendar(page, site_url)
    result = page.locator("[data-result]")
    name = day_words(tomorrow, today=today)
    computed_after(page, lambda: result.get_by_role("button", name=f"Details of {name}").click())
    easier = result.locator("[data-details] [data-offers] li").filter(has_text="easy")
    computed_after(page, lambda: easier.first.get_by_role("button", name="Accept").click())
    changed = stored(page, "plan")["season"]

    page.goto(site_url + PAGE)
    page.wait_for_selector("[data-calculator][data-computed]", state="attached", timeout=STARTUP_MS)
    if tomorrow.weekday() != 0:  # on a Sunday tomorrow is next week's, not in "This week"
        week = page.get_by_role("table", name="This week")
        row = week.get_by_role("row").filter(
            has=page.get_by_role("rowheader", name=re.compile("^" + short_day(tomorrow)))
        )
        expect(row).not_to_contain_text("Long run")
    computed_after(page, lambda: page.get_by_role("button", name="Save this plan").click())
    expect(page.locator("[data-summary]")).to_have_text(
        "Plan saved. The strength log and the readiness check now follow it."
    )
    assert stored(page, "plan")["season"] == changed  # the same plan, the change and all
    open_calendar(page, site_url)
    expect(result).to_contain_text("Changes to your plan")
    expect(result.get_by_role("button", name=re.compile("^Undo this change"))).to_have_count(1)


def test_a_new_vdot_after_saving_says_the_saved_plan_keeps_its_paces_until_saved_again(
    page: Page, site_url: str
) -> None:
    """A new race moved the planner's paces while the calendar and Today kept the saved plan's: the planner says
    which VDOT each uses, and saving again makes them one."""
    page.goto(site_url + PAGE)
    vdot = page.get_by_label("VDOT (optional, for paces)")
    computed_after(page, lambda: vdot.fill("45.9"))
    computed_after(page, lambda: page.get_by_role("button", name="Save this plan").click())
    notice = page.locator("[data-saved-paces]")
    expect(notice).to_have_count(0)
    computed_after(page, lambda: vdot.fill("47"))
    expect(notice).to_contain_text("Your saved plan uses VDOT 45.9 paces; this plan uses VDOT 47.0 paces")
    computed_after(page, lambda: page.get_by_role("button", name="Save this plan").click())
    expect(notice).to_have_count(0)
    assert stored(page, "plan")["season"]["prefs"]["vdot"] == 47


def open_with(page: Page, site_url: str, entries: dict[str, object]) -> None:
    """The planner, opened with ``entries`` stored as they would be (key after the site's prefix → value), once it
    has answered."""
    page.goto(site_url)
    for key, value in entries.items():
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY + key, json.dumps(value)])
    page.goto(site_url + PAGE)
    page.wait_for_selector("[data-calculator][data-computed]", state="attached", timeout=STARTUP_MS)


def test_a_miles_runner_opens_the_planner_in_miles_and_a_unit_chosen_there_is_kept(page: Page, site_url: str) -> None:
    """Volume in starts from the profile's units and follows them while untouched; a unit the runner chose in the
    planner, or one in a planner form saved before, stays when the profile's units change."""
    unit = page.get_by_label("Volume in")
    open_with(page, site_url, {"profile:profile": {"units": "mi"}})
    expect(unit).to_have_value("mi", timeout=STARTUP_MS)
    expect(page.get_by_label("Current weekly volume (miles)")).to_be_visible()
    # No plan sized from the minutes box's starting 240 before the runner gives a volume: the box is asked for, as a
    # prompt, not as an error beside a box the runner has not reached yet.
    prompt = page.locator("[data-result] [data-volume-prompt]")
    expect(prompt).to_contain_text("enter how much you run in a week now, from 3 to 155 miles")
    error = page.locator("#sl-planner-current_volume_mi-error")
    expect(error).to_be_empty()
    computed_after(page, lambda: page.get_by_label("Current weekly volume (miles)").fill("30"))
    expect(prompt).to_have_count(0)
    expect(page.locator("[data-summary]")).to_be_visible()

    # The profile's units changed on another page: an untouched unit follows them.
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY + "profile:profile", json.dumps({"units": "km"})])
    page.reload()
    expect(unit).to_have_value("km", timeout=STARTUP_MS)
    # Minutes chosen here are the runner's: the profile's next change leaves them.
    computed_after(page, lambda: unit.select_option("min"))
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY + "profile:profile", json.dumps({"units": "mi"})])
    page.reload()
    page.wait_for_selector("[data-calculator][data-computed]", state="attached", timeout=STARTUP_MS)
    expect(unit).to_have_value("min")


def test_a_planner_form_saved_before_the_unit_followed_the_profile_keeps_its_unit(page: Page, site_url: str) -> None:
    """A form saved with minutes before Volume in started from the profile does not flip to the profile's miles."""
    values = {**CALCULATORS["planner"].defaults(), "current_volume": "300"}
    open_with(page, site_url, {"profile:profile": {"units": "mi"}, "settings:form:planner": {"values": values}})
    expect(page.get_by_label("Volume in")).to_have_value("min")
    expect(page.get_by_label("Current weekly volume (minutes)")).to_have_value("300")


def test_a_runner_not_ready_to_run_hard_chooses_easy_weeks_and_sees_strength_with_easy_runs(
    page: Page, site_url: str
) -> None:
    """Three runs with the guide's week are two hard runs; "None: easy weeks" makes every run easy and puts
    Sessions A and B after two easy runs, with the planner saying why (Stridelab's rule)."""
    page.goto(site_url + PAGE)
    page.get_by_label("Runs per week").select_option("3")
    expect(page.locator("[data-calculator]")).to_contain_text("Two of your three runs are hard", timeout=STARTUP_MS)
    hard_runs = page.get_by_role("group", name="Hard runs")
    expect(hard_runs).to_contain_text("Stridelab suggests easy weeks if you are new to running")
    computed_after(page, lambda: hard_runs.get_by_role("radio", name="None: easy weeks").check())
    table = page.get_by_role("table", name="This week")
    expect(table).not_to_contain_text("Tempo")
    expect(table).not_to_contain_text("Intervals")
    lifting = table.get_by_role("row").filter(has_text="Session A")
    expect(lifting).to_contain_text("Easy run + Session A")
    expect(lifting).to_contain_text("run first and lift after")
    expect(page.locator("[data-easy-weeks]")).to_contain_text("Stridelab's rule")
    calc = CALCULATORS["planner"]
    values = {**calc.defaults(), "run_days": "3", "hard_runs": "none"}
    today = date.fromisoformat(page.evaluate("() => new Date().toLocaleDateString('en-CA')"))
    expected = calc.compute(calc.read(values), Context(today=today, store={}))
    assert shown(page) == normalised(page, lift_headings(expected.html))  # its headings under the page's h1


def test_the_long_run_note_weighs_a_plan_by_distance_against_daniels_share_and_asks_for_a_pace(
    page: Page, site_url: str
) -> None:
    """Six runs from 60 to 80 km a week for a marathon, no VDOT: the note under the week gives Daniels' share for this
    60 km week (25 %, as the plan peaks past 64 km, and why), says the 150 minutes need a pace and where one comes from;
    with a VDOT it times the run and says the build grows the long run to that limit."""
    page.goto(site_url + PAGE)
    today = date.fromisoformat(page.evaluate("() => new Date().toLocaleDateString('en-CA')"))
    page.get_by_label("Runs per week").select_option("6")
    page.get_by_label("Volume in").select_option("km")
    page.get_by_label("Current weekly volume (km)").fill("60")
    page.get_by_label("Peak weekly volume (km, optional)").fill("80")
    page.get_by_label("Race distance").select_option("42195")
    computed_after(page, lambda: page.get_by_label("Race date (optional)").fill(str(today + timedelta(weeks=16))))
    note = page.locator("[data-long-run]")
    expect(note).to_contain_text("and to 150 minutes: 15 km in this week by the share alone (25 %).")
    expect(note).to_contain_text("That is 25 %, not 30 %, because your plan peaks at 80 km a week")
    expect(note).to_contain_text("The 150 minutes need a pace: give the planner your VDOT")
    expect(note.get_by_role("link", name="Daniels limits one long run")).to_have_attribute(
        "href", "../../guides/race-times-and-vdot/#how-long-the-long-run-is"
    )

    computed_after(page, lambda: page.get_by_label("VDOT (optional, for paces)").fill("50"))
    expect(note).to_contain_text("and to 150 minutes: 15 km in this week. That is 25 %, not 30 %")
    expect(note).to_contain_text("in the build and peak weeks of your marathon plan it grows to Daniels' limit")
    expect(note).not_to_contain_text("need a pace")


def test_a_runner_with_a_log_is_offered_its_weekly_volume_and_told_why_the_plans_long_run_is_shorter(
    page: Page, site_url: str
) -> None:
    """Eight weeks logged of 64 km with an 18 km, 95-minute Sunday long run; the runner plans a marathon from 62 km
    with six runs. The planner shows the log's 64 km beside the typed 62, which it keeps until the runner presses the
    button; under the week it says the plan's 15 km long run is shorter than each logged one, and why."""
    page.clock.set_fixed_time(datetime(2026, 12, 9, 9, 0))
    monday = date(2026, 12, 7)
    runs = {}
    for week in range(1, 9):
        for day, km, minutes in ((0, 10, 50), (1, 9, 45), (2, 10, 50), (3, 8, 40), (4, 9, 45), (6, 18, 95)):
            when = monday - timedelta(weeks=week) + timedelta(days=day)
            runs[f"runs:{week}-{day}"] = {
                "date": str(when),
                "duration_s": minutes * 60,
                "distance_m": km * 1000,
                "rpe": 4,
            }
    form = {
        **CALCULATORS["planner"].defaults(),
        "run_days": "6",
        "volume_unit": "km",
        "current_volume_km": "62",
        "peak_volume_km": "75",
        "race_distance": "42195",
        "race_date": "2027-03-28",
        "vdot": "55",
    }
    open_with(page, site_url, {**runs, "settings:form:planner": {"values": form}})
    offer = page.locator("[data-log-volume]")
    expect(offer).to_contain_text("Your run log: 64 km a week on average over the last 4 complete weeks")
    expect(offer).to_contain_text("The plan is sized from the 62 km you entered.")
    box = page.get_by_label("Current weekly volume (km)")
    expect(box).to_have_value("62")
    note = page.locator("[data-log-long-run]")
    expect(note).to_contain_text(
        "Your longest run in each of the last 4 complete weeks of your log: 18, 18, 18 and 18 km."
    )
    expect(note).to_contain_text("This week's long run, 15 km, is shorter than each of them")
    expect(note).to_contain_text("Daniels' 25 % allows 18 km in a week of 72 km")
    expect(note.get_by_role("link", name="Daniels limits one long run")).to_be_visible()

    computed_after(page, lambda: offer.get_by_role("button", name="Use 64 km as my current volume").click())
    expect(box).to_have_value("64")
    expect(page.locator("[data-summary]")).to_contain_text("Current weekly volume set to 64 km from your run log.")
    expect(page.locator("[data-long-run]")).to_contain_text("of the week's 64 km")
    page.reload()
    page.wait_for_selector("[data-calculator][data-computed]", state="attached", timeout=STARTUP_MS)
    expect(box).to_have_value("64")  # kept with the form, as if typed
    expect(page.locator("[data-log-volume]")).to_contain_text("The plan is sized from it.")

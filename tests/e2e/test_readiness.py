"""The run log and readiness page in Chromium: import a run and a week of HRV, see tomorrow, reload, delete."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, Route, expect

from calculators.date_words import day_words, short_day

from .confirm_dialog import check_confirm_dialog
from .spoken import listen, spoken
from .test_race_calculator import STARTUP_MS, computed_after

PAGE = "tools/readiness/"
# Tests that hold the worker's script back: with a service worker, it, not page.route, would answer that fetch.
NO_SERVICE_WORKER = pytest.mark.browser_context_args(service_workers="block")
GPX = Path(__file__).parents[1] / "fixtures" / "activity" / "run.gpx"
FIT = GPX.with_name("run.fit")


def open_page(page: Page, site_url: str) -> None:
    page.goto(site_url + PAGE)
    page.wait_for_selector("[data-calculator][data-computed]", state="attached", timeout=STARTUP_MS)


def save(page: Page) -> None:
    computed_after(page, lambda: page.get_by_role("button", name="Save", exact=True).click())


def test_import_a_run_and_a_week_of_hrv_see_tomorrow_and_reload(page: Page, site_url: str, tmp_path: Path) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    open_page(page, site_url)
    result = page.locator("[data-result]")
    today = date.fromisoformat(page.evaluate("() => new Date().toLocaleDateString('sv')"))
    gpx_day, fit_day = (day_words(date(2026, 11, day), today=today) for day in (17, 18))  # the files' runs

    computed_after(page, lambda: page.get_by_label("What do you want to log?").select_option("activity"))
    computed_after(page, lambda: page.get_by_label("Activity files").set_input_files(GPX))
    computed_after(page, lambda: page.get_by_label("How hard did the runs you import feel?").select_option("4"))
    save(page)
    expect(page.locator("[data-message]")).to_contain_text(f"Imported 5.56 km on {gpx_day} from a GPX file")
    assert not [url for url in fetched if "fitdecode" in url], "the FIT decoder loads only for a FIT file"
    # A FIT file (the decoder is installed now, on first use) with the GPX again: only the new run is added.
    computed_after(page, lambda: page.get_by_label("Activity files").set_input_files([GPX, FIT]))
    save(page)
    expect(page.locator("[data-message]")).to_contain_text("from a FIT file")
    assert [url for url in fetched if "fitdecode" in url]
    expect(page.locator("[data-message]")).to_contain_text("run.gpx: already in your log")
    expect(result.get_by_role("button", name=f"Delete run of {fit_day}")).to_have_count(1)
    save(page)  # the same files again
    expect(page.locator("[data-message]")).to_contain_text("already in your log: importing the same file again")
    expect(result.get_by_role("button", name="Delete run of")).to_have_count(2)

    week = "\n".join(f"{today - timedelta(days=n)},{60 + n % 3}" for n in range(7))
    csv = tmp_path / "hrv.csv"
    csv.write_text(f"date,rMSSD\n{week}\n")
    computed_after(page, lambda: page.get_by_label("What do you want to log?").select_option("hrv_csv"))
    computed_after(page, lambda: page.get_by_label("HRV CSV file").set_input_files(csv))
    save(page)
    expect(page.locator("[data-message]")).to_contain_text("Imported 7 HRV readings. Columns used: date from “date”")

    expect(result.locator("[data-verdict]")).to_contain_text("Baseline still building")
    expect(result.locator("[data-drivers]")).to_contain_text("day 7 of 14 from your first reading")
    expect(result.locator("[data-easy-run]")).to_contain_text("min")

    page.reload()
    page.wait_for_selector("[data-calculator][data-computed]", state="attached", timeout=STARTUP_MS)
    expect(result.get_by_role("button", name="Delete run of")).to_have_count(2)
    expect(result.get_by_role("button", name="Delete HRV of")).to_have_count(7)
    expect(result.locator("[data-verdict]")).to_contain_text("Tomorrow")
    expect(result.get_by_role("img", name="Chart of your morning HRV")).to_be_visible()
    axe = Axe().run(page)
    assert axe.violations_count == 0, axe.generate_report()


def test_a_bad_field_is_named_then_a_run_is_added_and_deleted_after_asking(page: Page, site_url: str) -> None:
    open_page(page, site_url)
    # Each edit recomputes the page: wait for it, so no result lands (and moves the button) mid-click.
    computed_after(page, lambda: page.get_by_label("Duration").fill("50:75"))
    computed_after(page, lambda: page.get_by_label("Distance (km)", exact=True).fill("10"))
    computed_after(page, lambda: page.get_by_label("How hard did the run feel? (RPE)").select_option("5"))
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("[data-error-for=run_duration]")).to_contain_text("Duration: seconds must be 0–59")

    computed_after(page, lambda: page.get_by_label("Duration").fill("50:00"))
    save(page)
    expect(page.locator("[data-message]")).to_contain_text("added to your log")
    # One run today is enough for the weekly chart, an image named in words before its table; the day-by-day chart
    # starts at the first log, so it waits for a second day, and its table gives today's numbers.
    result = page.locator("[data-result]")
    expect(result.get_by_role("img", name="Chart of your weekly load by type")).to_be_visible()
    expect(result.get_by_role("img", name="Chart of your fitness, fatigue and form")).to_have_count(0)
    expect(result.locator("caption", has_text="Fitness, fatigue and form")).to_be_visible()
    delete = page.locator("[data-result]").get_by_role("button", name="Delete run of")
    expect(delete).to_have_count(1)
    delete.click()
    page.get_by_role("dialog").get_by_role("button", name="Delete").click()
    expect(page.locator("[data-message]")).to_contain_text("The run was deleted")
    expect(delete).to_have_count(0)
    assert page.evaluate("() => Object.keys(localStorage).filter(k => k.includes(':runs:')).length") == 0
    undo = page.locator("[data-result]").get_by_role("button", name="Undo: put the run back")
    computed_after(page, undo.click)  # deleted by mistake
    expect(page.locator("[data-message]")).to_contain_text("The run is back in your log")
    expect(delete).to_have_count(1)


def test_several_imported_runs_each_get_their_own_effort_before_anything_is_stored(page: Page, site_url: str) -> None:
    """An interval session among easy runs must not take the easy runs' RPE: each run is asked, on a phone and
    by keyboard, and a run left without an effort is named while nothing is stored."""
    page.set_viewport_size({"width": 375, "height": 812})
    open_page(page, site_url)
    today = date.fromisoformat(page.evaluate("() => new Date().toLocaleDateString('sv')"))
    gpx_day, fit_day = (day_words(date(2026, 11, day), today=today) for day in (17, 18))  # the files' runs
    stored = "() => Object.entries(localStorage).filter(([k]) => k.includes(':runs:')).map(([, v]) => JSON.parse(v))"
    computed_after(page, lambda: page.get_by_label("What do you want to log?").select_option("activity"))
    computed_after(page, lambda: page.get_by_label("Activity files").set_input_files([GPX, FIT]))
    save(page)
    expect(page.locator("[data-message]")).to_contain_text("Nothing is saved yet: choose how hard these 2 runs felt")
    assert page.evaluate(stored) == []
    box = page.locator("[data-result]").get_by_role("group", name="How hard each run felt (2 runs)")
    gpx_box = box.get_by_label(f"The run of {gpx_day}, 5.56 km in")
    fit_box = box.get_by_label(f"The run of {fit_day}, 8.00 km in 45:00")
    expect(box).to_contain_text("Average heart rate 148 bpm, from the file.")
    # Every box fits the phone's width: no sideways scroll.
    assert page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")

    fit_box.focus()
    page.keyboard.press("End")  # a closed select takes the last option from the keyboard: 10
    box.get_by_role("button", name="Import these 2 runs").click()
    expect(box.locator("[data-box-error]")).to_contain_text(f"The run of {gpx_day}, 5.56 km in")
    expect(box.locator("[data-box-error]")).to_contain_text("from 1 (")
    expect(gpx_box).to_be_focused()
    assert page.evaluate(stored) == []  # refused: nothing stored

    box.get_by_label("Same for all runs left blank").select_option("3")
    computed_after(page, box.get_by_role("button", name="Import these 2 runs").click)
    expect(page.locator("[data-message]")).to_contain_text("Imported 2 runs, listed below.")
    assert sorted((run["source"], run["rpe"]) for run in page.evaluate(stored)) == [("fit", 10), ("gpx", 3)]
    axe = Axe().run(page)
    assert axe.violations_count == 0, axe.generate_report()


def test_one_imported_run_takes_the_reader_to_its_effort_box(page: Page, site_url: str) -> None:
    """Save on one FIT run without an effort said "Nothing is saved yet: choose how hard this run felt below" and
    left the focus on Save, the box far below on a phone, unmarked, beside a needless "Same for all runs left blank".
    The focus goes to the run's box, marked as the one to fill and described by what it needs."""
    page.set_viewport_size({"width": 375, "height": 812})
    open_page(page, site_url)
    stored = "() => Object.keys(localStorage).filter(k => k.includes(':runs:')).length"
    computed_after(page, lambda: page.get_by_label("What do you want to log?").select_option("activity"))
    computed_after(page, lambda: page.get_by_label("Activity files").set_input_files(FIT))
    save(page)
    expect(page.locator("[data-message]")).to_contain_text("Nothing is saved yet: choose how hard this run felt")
    box = page.locator("[data-result]").get_by_role("group", name="How hard this run felt")
    effort = box.get_by_role("combobox", name="The run of")
    expect(effort).to_be_focused()
    expect(effort).to_be_in_viewport()
    expect(effort).to_have_attribute("aria-invalid", "true")
    needs = "how hard did it feel? Choose from 1 ("
    expect(effort).to_have_accessible_description(re.compile(rf"^The run of .*{re.escape(needs)}"))
    expect(box.get_by_label("Same for all runs left blank")).to_have_count(0)
    expect(box.get_by_role("combobox")).to_have_count(1)

    box.get_by_role("button", name="Import this run").click()  # still empty: refused, said once, focus back
    expect(page.locator("[data-status]")).to_have_text(re.compile(rf"^Not saved: The run of [^?]*{re.escape(needs)}"))
    expect(effort).to_be_focused()
    expect(box.get_by_text(needs)).to_have_count(1)
    assert page.evaluate(stored) == 0

    effort.select_option("6")
    computed_after(page, box.get_by_role("button", name="Import this run").click)
    expect(page.locator("[data-message]")).to_contain_text("from a FIT file, RPE 6")
    assert page.evaluate(stored) == 1


def test_an_imported_runs_rpe_is_corrected_in_its_editor_and_a_bad_box_stores_nothing(
    page: Page, site_url: str
) -> None:
    open_page(page, site_url)
    computed_after(page, lambda: page.get_by_label("What do you want to log?").select_option("activity"))
    computed_after(page, lambda: page.get_by_label("Activity files").set_input_files(GPX))
    computed_after(page, lambda: page.get_by_label("How hard did the runs you import feel?").select_option("4"))
    save(page)
    expect(page.locator("[data-message]")).to_contain_text("Imported 5.56 km")
    stored = "() => Object.entries(localStorage).filter(([k]) => k.includes(':runs:')).map(([, v]) => JSON.parse(v))"
    (before,) = page.evaluate(stored)
    result = page.locator("[data-result]")
    computed_after(page, result.get_by_role("button", name="Edit run of").click)
    box = result.get_by_role("group", name="The run of")
    expect(box.get_by_label("How hard did it feel? (RPE)")).to_have_value("4")
    box.get_by_label("Duration (h:mm:ss)").fill("30:75")
    box.get_by_role("button", name="Save this run").click()
    expect(box.locator("[data-box-error]")).to_contain_text("Duration: seconds must be 0–59")
    expect(box.get_by_label("Duration (h:mm:ss)")).to_be_focused()
    assert page.evaluate(stored) == [before]  # a failed parse overwrites nothing
    box.get_by_label("Duration (h:mm:ss)").fill(box.get_by_label("Duration (h:mm:ss)").get_attribute("value") or "")
    box.get_by_label("How hard did it feel? (RPE)").select_option("7")
    computed_after(page, box.get_by_role("button", name="Save this run").click)
    expect(page.locator("[data-message]")).to_contain_text("corrected: RPE from 4 to 7; its load is now")
    assert page.evaluate(stored) == [before | {"rpe": 7}]  # the file's duration, distance and heart rate kept
    expect(result.get_by_role("table", name="Your runs").locator("tbody tr td").nth(3)).to_have_text("7")


def test_a_run_logged_on_the_wrong_day_is_moved_to_its_day_in_its_editor(page: Page, site_url: str) -> None:
    """Yesterday's run typed in today: Edit moves it to yesterday under the same id, a future date is refused
    in its box with the dates accepted, and nothing is stored until the date reads."""
    open_page(page, site_url)
    today = date.fromisoformat(page.evaluate("() => new Date().toLocaleDateString('sv')"))
    yesterday, tomorrow = today - timedelta(days=1), today + timedelta(days=1)
    computed_after(page, lambda: page.get_by_label("Duration").fill("50:00"))
    computed_after(page, lambda: page.get_by_label("Distance (km)", exact=True).fill("10"))
    computed_after(page, lambda: page.get_by_label("How hard did the run feel? (RPE)").select_option("5"))
    save(page)
    expect(page.locator("[data-message]")).to_contain_text("added to your log")
    stored = (
        "() => Object.entries(localStorage).filter(([k]) => k.includes(':runs:'))"
        ".map(([k, v]) => [k, JSON.parse(v).date])"
    )
    ((key, day),) = page.evaluate(stored)
    assert day == today.isoformat()

    result = page.locator("[data-result]")
    computed_after(page, result.get_by_role("button", name=f"Edit run of {day_words(today, today=today)}").click)
    box = result.get_by_role("group", name="The run of")
    expect(box.get_by_label("Date of the run")).to_have_value(today.isoformat())
    box.get_by_label("Date of the run").fill(tomorrow.isoformat())
    box.get_by_role("button", name="Save this run").click()
    expect(box.locator("[data-box-error]")).to_contain_text(
        f"Date of the run ({day_words(tomorrow, today=today)}) is in the future. Enter a date from"
    )
    assert page.evaluate(stored) == [[key, today.isoformat()]]  # a refused date stores nothing

    box.get_by_label("Date of the run").fill(yesterday.isoformat())
    computed_after(page, box.get_by_role("button", name="Save this run").click)
    moved = f"date from {day_words(today, today=today)} to {day_words(yesterday, today=today)}"
    expect(page.locator("[data-message]")).to_contain_text(moved)
    expect(page.locator("[data-message]")).to_contain_text(f"counts on {day_words(yesterday, today=today)}")
    assert page.evaluate(stored) == [[key, yesterday.isoformat()]]  # the same entry, at its new date
    expect(result.get_by_role("button", name=f"Edit run of {day_words(yesterday, today=today)}")).to_have_count(1)

    # The same run typed again today, then moved onto yesterday too: asked first, as logging it twice is; a "no"
    # keeps the editor as typed and stores nothing, a "yes" moves it. (A saved run left the form: typed again.)
    expect(page.get_by_label("Duration")).to_have_value("")
    computed_after(page, lambda: page.get_by_label("Duration").fill("50:00"))
    computed_after(page, lambda: page.get_by_label("Distance (km)", exact=True).fill("10"))
    computed_after(page, lambda: page.get_by_label("How hard did the run feel? (RPE)").select_option("5"))
    save(page)
    expect(page.locator("[data-message]")).to_contain_text("added to your log")
    computed_after(page, result.get_by_role("button", name=f"Edit run of {day_words(today, today=today)}").click)
    box.get_by_label("Date of the run").fill(yesterday.isoformat())
    box.get_by_role("button", name="Save this run").click()
    dialog = page.get_by_role("dialog", name="Please confirm")
    expect(dialog).to_contain_text("Move this one there too? Its load would count twice.")
    dialog.get_by_role("button", name="Cancel").click()
    expect(box.get_by_label("Date of the run")).to_have_value(yesterday.isoformat())
    assert sorted(day for _, day in page.evaluate(stored)) == [yesterday.isoformat(), today.isoformat()]
    box.get_by_role("button", name="Save this run").click()
    computed_after(page, dialog.get_by_role("button", name="Move it there").click)
    expect(page.locator("[data-message]")).to_contain_text(moved)
    assert [day for _, day in page.evaluate(stored)] == [yesterday.isoformat()] * 2


def release(page: Page, held: list[Route]) -> None:
    """Serve the worker script held back by a route (the page asks for it shortly after it loads)."""
    for _ in range(100):
        if held:
            break
        page.wait_for_timeout(50)
    assert len(held) == 1
    held[0].continue_()


@NO_SERVICE_WORKER
def test_a_run_saved_while_the_engine_starts_stays_saved_though_the_reader_typed_on(page: Page, site_url: str) -> None:
    # Save, then one more key at once, before the engine has started (its worker script held back): both wait
    # for it. The save must still show its run, and what the key asks for must be computed from the store the
    # save changed; else the log shows no run, and a runner saves it again (a second run, double the load).
    held: list[Route] = []
    page.route("**/worker.mjs", lambda route: held.append(route))
    page.goto(site_url + PAGE)
    page.get_by_label("Duration").fill("50:00")
    page.get_by_label("Distance (km)", exact=True).fill("10")
    page.get_by_label("How hard did the run feel? (RPE)").select_option("5")
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_label("Average heart rate (optional)").fill("150")
    assert page.evaluate("() => !document.documentElement.dataset.slEngineStart"), "the engine was already up"
    release(page, held)
    runs = page.locator("[data-result]").get_by_role("button", name="Delete run of")
    expect(runs).to_have_count(1, timeout=STARTUP_MS)
    page.wait_for_function("() => !document.querySelector('[data-calculator]').hasAttribute('aria-busy')")
    expect(runs).to_have_count(1)  # still there once everything asked for has answered
    assert page.evaluate("() => Object.keys(localStorage).filter(k => k.includes(':runs:')).length") == 1


@NO_SERVICE_WORKER
def test_a_second_tap_while_a_save_is_under_way_is_said_and_stores_nothing_more(page: Page, site_url: str) -> None:
    # The engine is held back (its worker script not yet served) so both taps come while the first waits.
    held: list[Route] = []
    page.route("**/worker.mjs", lambda route: held.append(route))
    page.goto(site_url + PAGE)
    page.get_by_label("Duration").fill("50:00")
    page.get_by_label("Distance (km)", exact=True).fill("10")
    page.get_by_label("How hard did the run feel? (RPE)").select_option("5")
    save_button = page.get_by_role("button", name="Save", exact=True)
    save_button.click()
    save_button.click()  # the first save waits for the engine's start
    expect(page.locator("[data-status]")).to_have_text(
        "Still working on your last request. Try again once it has answered."
    )
    release(page, held)
    expect(page.locator("[data-message]")).to_contain_text("added to your log", timeout=STARTUP_MS)
    assert page.evaluate("() => Object.keys(localStorage).filter(k => k.includes(':runs:')).length") == 1


def test_a_chosen_file_goes_to_python_with_the_save_not_with_every_change(page: Page, site_url: str) -> None:
    # A watch export can be hundreds of megabytes: read and sent at every key, it would stall the page.
    page.add_init_script(
        """const send = Worker.prototype.postMessage;
        window.__sent = [];
        Worker.prototype.postMessage = function (message, ...rest) {
          if (message?.action) window.__sent.push([message.action, Boolean(message.payload?.values?.activity_file)]);
          return send.call(this, message, ...rest);
        };"""
    )
    open_page(page, site_url)
    computed_after(page, lambda: page.get_by_label("What do you want to log?").select_option("activity"))
    computed_after(page, lambda: page.get_by_label("Activity files").set_input_files(GPX))
    computed_after(page, lambda: page.get_by_label("How hard did the runs you import feel?").select_option("4"))
    save(page)
    expect(page.locator("[data-message]")).to_contain_text("Imported 5.56 km")
    sent = page.evaluate("() => window.__sent")
    assert [with_file for action, with_file in sent if action == "save"] == [True]
    assert {with_file for action, with_file in sent if action == "compute"} == {False}


@NO_SERVICE_WORKER
def test_an_engine_that_starts_after_the_time_limit_shows_the_readers_log(page: Page, site_url: str) -> None:
    # A very slow connection: the page gives up on the engine after 90 s (the clock is moved on, not waited
    # for), then the engine arrives. The log must then show the reader's runs, not the built-in example.
    page.goto(site_url)
    today = page.evaluate("() => new Date().toLocaleDateString('sv')")
    run = {"date": today, "duration_s": 3000, "distance_m": 10000, "rpe": 5, "source": "hand"}
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", ["stridelab:/:v1:runs:r1", json.dumps(run)])
    held: list[Route] = []
    page.route("**/worker.mjs", lambda route: held.append(route))
    page.clock.install()
    page.goto(site_url + PAGE)
    expect(page.locator("[data-status]")).to_contain_text("Reading what this browser holds")
    page.wait_for_function("() => document.querySelector('[data-calculator]').hasAttribute('aria-busy')")
    page.clock.fast_forward("01:31")
    expect(page.locator("[data-status]")).to_contain_text("did not start within 90 seconds")
    # Meanwhile the reader tries to save another run: it cannot be done, and must not look done later.
    page.get_by_label("Duration").fill("40:00")
    page.get_by_label("Distance (km)", exact=True).fill("8")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("[data-status]")).to_contain_text("did not start within 90 seconds")
    release(page, held)
    day = date.fromisoformat(today)
    expect(
        page.locator("[data-result]").get_by_role("button", name=f"Delete run of {day_words(day, today=day)}")
    ).to_be_visible(timeout=STARTUP_MS)
    expect(page.locator("[data-status]")).to_contain_text("what you asked for before it had (a save, an import)")
    expect(page.locator("[data-result]").get_by_role("button", name="Delete run of")).to_have_count(1)
    assert page.evaluate("() => Object.keys(localStorage).filter(k => k.includes(':runs:')).length") == 1


def test_saving_the_same_typed_run_again_asks_before_counting_it_twice(page: Page, site_url: str) -> None:
    """A saved run leaves the form; the same run typed in again is asked about before it counts twice, and a "no"
    leaves it in the form, to log once the reader says so."""

    def type_run() -> None:
        computed_after(page, lambda: page.get_by_label("Duration").fill("30:00"))
        computed_after(page, lambda: page.get_by_label("Distance (km)", exact=True).fill("5"))
        computed_after(page, lambda: page.get_by_label("How hard did the run feel? (RPE)").select_option("4"))

    open_page(page, site_url)
    type_run()
    save(page)
    expect(page.locator("[data-message]")).to_contain_text("added to your log")
    expect(page.get_by_label("Duration")).to_have_value("")  # saved: its numbers left the form
    runs = "() => Object.keys(localStorage).filter(k => k.includes(':runs:')).length"
    type_run()
    page.get_by_role("button", name="Save", exact=True).click()
    dialog = page.get_by_role("dialog", name="Please confirm")
    expect(dialog).to_contain_text("You already logged a run of 30:00 and 5 km on")
    dialog.get_by_role("button", name="Cancel").click()
    expect(dialog).to_be_hidden()
    assert page.evaluate(runs) == 1
    expect(page.get_by_label("Duration")).to_have_value("30:00")  # not stored: still in the form
    page.get_by_role("button", name="Save", exact=True).click()
    computed_after(page, lambda: dialog.get_by_role("button", name="Log it again").click())
    assert page.evaluate(runs) == 2  # two real runs alike: kept once the reader says so


def test_a_second_hrv_reading_for_a_date_asks_before_replacing_the_first(page: Page, site_url: str) -> None:
    open_page(page, site_url)
    computed_after(page, lambda: page.get_by_label("What do you want to log?").select_option("hrv"))
    computed_after(page, lambda: page.get_by_label("rMSSD (ms").fill("62"))
    save(page)
    expect(page.locator("[data-message]")).to_contain_text("(62 ms) saved")
    readings = "() => Object.entries(localStorage).filter(([k]) => k.includes(':hrv:')).map(([, v]) => v)"
    computed_after(page, lambda: page.get_by_label("rMSSD (ms").fill("58"))
    page.get_by_role("button", name="Save", exact=True).click()
    dialog = page.get_by_role("dialog", name="Please confirm")
    expect(dialog).to_contain_text("You already saved an HRV reading for ")
    expect(dialog).to_contain_text(" (62 ms). Replace it with 58 ms?")
    check_confirm_dialog(page, dialog)
    dialog.get_by_role("button", name="Cancel").click()
    expect(dialog).to_be_hidden()
    assert [json.loads(v)["rmssd_ms"] for v in page.evaluate(readings)] == [62]  # Cancel keeps the stored one
    page.get_by_role("button", name="Save", exact=True).click()
    computed_after(page, lambda: dialog.get_by_role("button", name="Replace the reading").click())
    expect(page.locator("[data-message]")).to_contain_text("(58 ms) replaced the earlier one")
    assert [json.loads(v)["rmssd_ms"] for v in page.evaluate(readings)] == [58]


def test_a_second_hrv_file_adds_the_sleep_the_first_lacked_and_asks_before_replacing_a_value(
    page: Page, site_url: str, tmp_path: Path
) -> None:
    """The store takes the file's new parts at once, then the dialog asks about the values it disagrees on."""
    open_page(page, site_url)
    today = date.fromisoformat(page.evaluate("() => new Date().toLocaleDateString('sv')"))
    days = [today - timedelta(days=n) for n in (2, 1)]
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    first.write_text("Date;rMSSD;HR\n" + "".join(f"{d};60,5;{hr}\n" for d, hr in zip(days, (48, 45), strict=True)))
    second.write_text("date,rMSSD,HR,sleep_hours\n" + "".join(f"{d},60.5,48,7:30\n" for d in days))
    stored = "() => Object.entries(localStorage).filter(([k]) => k.includes(':hrv:')).map(([, v]) => JSON.parse(v))"
    computed_after(page, lambda: page.get_by_label("What do you want to log?").select_option("hrv_csv"))
    computed_after(page, lambda: page.get_by_label("HRV CSV file").set_input_files(first))
    save(page)
    expect(page.locator("[data-message]")).to_contain_text("Imported 2 HRV readings.")

    computed_after(page, lambda: page.get_by_label("HRV CSV file").set_input_files(second))
    page.get_by_role("button", name="Save", exact=True).click()
    dialog = page.get_by_role("dialog", name="Please confirm")
    expect(dialog).to_contain_text("1 stored reading differs from this file: resting HR in 1 reading")
    expect(page.locator("[data-message]")).to_contain_text("Added sleep to 2 readings.")
    dialog.get_by_role("button", name="Cancel").click()
    expect(dialog).to_be_hidden()
    assert sorted((r["sleep_hours"], r["resting_hr"]) for r in page.evaluate(stored)) == [(7.5, 45), (7.5, 48)]

    page.get_by_role("button", name="Save", exact=True).click()
    computed_after(page, lambda: dialog.get_by_role("button", name="Replace with the file’s values").click())
    expect(page.locator("[data-message]")).to_contain_text("Replaced resting HR in 1 reading with the file’s values.")
    assert [(r["sleep_hours"], r["resting_hr"]) for r in page.evaluate(stored)] == [(7.5, 48), (7.5, 48)]


def test_on_a_phone_chart_labels_and_table_captions_read_at_the_pages_size(page: Page, site_url: str) -> None:
    """At 375 px a 600-unit chart is drawn at about half size: its labels (and the legend, page text above it)
    must still read at 10 px or more, and a wide table's caption wraps within the box that scrolls."""
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(site_url)
    today = date.fromisoformat(page.evaluate("() => new Date().toLocaleDateString('sv')"))
    key = "stridelab:/:v1:runs:"  # the site is served at the root in tests
    for n in range(60):
        run = {"date": f"{today - timedelta(days=n)}", "duration_s": 3000, "distance_m": 9000, "rpe": 5}
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [f"{key}r{n}", json.dumps(run)])
    page.goto(site_url + PAGE)
    page.locator("[data-calculator]").scroll_into_view_if_needed()  # the worker starts once it is in view
    page.wait_for_selector("[data-calculator][data-computed]", state="attached", timeout=STARTUP_MS)
    for name in ("Chart of your fitness", "Chart of your weekly load"):
        chart = page.get_by_role("img", name=name)
        expect(chart).to_be_visible()
        heights = chart.evaluate(
            "svg => [...svg.querySelectorAll('text')].filter(t => t.getBBox().width && getComputedStyle(t).display"
            " !== 'none').map(t => t.getBoundingClientRect().height)"
        )
        assert heights and min(heights) >= 10, (name, heights)
    legend = page.locator("ul.sl-legend li").first
    assert legend.evaluate("li => parseFloat(getComputedStyle(li).fontSize)") >= 10
    caption = page.locator("caption", has_text="Fitness, fatigue and form")
    box = caption.evaluate(
        "c => [c.getBoundingClientRect().right, c.closest('.sl-scroll').getBoundingClientRect().right]"
    )
    assert box[0] <= box[1] + 0.5, box  # not cut off by the scrolling box's edge
    axe = Axe().run(page)
    assert axe.violations_count == 0, axe.generate_report()


@pytest.mark.parametrize("width", [1280, 375])
def test_the_run_logs_tables_fit_the_page_a_table_on_a_laptop_a_card_a_row_on_a_phone(
    page: Page, site_url: str, width: int
) -> None:
    """At 1280 px every table of the run log fits the page's column: no "Delet" behind a sideways scroll. At
    375 px they scrolled sideways (the runs about 610 px wide): each row is a card instead, its date, values and
    buttons together on screen, each value named by its column and each button by its run's date."""
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url)
    today = date.fromisoformat(page.evaluate("() => new Date().toLocaleDateString('sv')"))
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", ["stridelab:/:v1:profile:profile", '{"hr_max": "190"}'])
    entries: dict[str, object] = {}
    for i in range(3):  # long values: a half marathon from a watch, with heart rate (a TRIMP), and full HRV rows
        day = (today - timedelta(days=i + 20)).isoformat()
        run = {"date": day, "duration_s": 6300, "distance_m": 21097.5, "rpe": 7, "hr_avg": 158, "source": "fit"}
        entries[f"stridelab:/:v1:runs:r{i}"] = run
        entries[f"stridelab:/:v1:hrv:{day}"] = {"rmssd_ms": 103.3, "resting_hr": 48, "sleep_hours": 10.5, "soreness": 5}
    # one run dated after today: the table of entries left out of the log
    later = {"date": (today + timedelta(days=3)).isoformat(), "duration_s": 3000, "distance_m": 9000, "rpe": 5}
    entries["stridelab:/:v1:runs:later"] = later
    for key, value in entries.items():
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, json.dumps(value)])
    open_page(page, site_url)
    tables = page.locator("[data-result] .sl-scroll")
    expect(tables).to_have_count(5)  # fitness, weekly load, runs, HRV, left out
    for box in tables.all():
        sizes = box.evaluate("el => [el.clientWidth, el.scrollWidth]")
        assert sizes[1] <= sizes[0], f"{box.get_attribute('data-region-name')}: {sizes[1]} px in a {sizes[0]} px box"
    assert page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    first = day_words(today - timedelta(days=20), today=today)
    runs = page.locator('[data-result] .sl-scroll[data-region-name^="Your runs"] table')
    display = runs.evaluate("t => getComputedStyle(t).display")
    assert display == ("table" if width == 1280 else "block")
    row = runs.get_by_role("row").filter(has=page.get_by_role("button", name=f"Delete run of {first}"))
    expect(row.get_by_role("rowheader")).to_contain_text(short_day(today - timedelta(days=20)))
    expect(row.get_by_role("cell").filter(has_text="21.10 km")).to_have_attribute("data-label", "Distance")
    if width == 375:  # the run's date, distance, time and buttons in view together, one card
        row.get_by_role("rowheader").scroll_into_view_if_needed()
        expect(row.get_by_role("rowheader")).to_be_in_viewport(ratio=1)
        expect(row.get_by_role("cell").filter(has_text="1:45:00")).to_be_in_viewport(ratio=1)
        expect(row.get_by_role("cell").filter(has_text="21.10 km")).to_be_in_viewport(ratio=1)
        expect(row.get_by_role("button", name=f"Delete run of {first}")).to_be_in_viewport(ratio=1)
    expect(page.get_by_role("button", name=f"Delete HRV of {first}")).to_have_text("Delete")
    axe = Axe().run(page)
    assert axe.violations_count == 0, axe.generate_report()


def test_a_parkrun_logged_as_a_run_becomes_the_recent_race_only_from_its_button(page: Page, site_url: str) -> None:
    """A parkrun logged as a run, 5 km in 31:40 at RPE 9, is offered as the recent race where it is logged, with
    what the profile holds and what it becomes; the profile changes only when the reader presses the button."""
    key = "stridelab:/:v1:profile:profile"
    before = {"units": "km", "recent_distance": "10000", "recent_time": "52:40", "vdot": "38.2"}
    page.goto(site_url)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, json.dumps(before)])
    open_page(page, site_url)
    today = date.fromisoformat(page.evaluate("() => new Date().toLocaleDateString('sv')"))
    computed_after(page, lambda: page.get_by_label("Duration").fill("31:40"))
    computed_after(page, lambda: page.get_by_label("Distance (km)", exact=True).fill("5"))
    computed_after(page, lambda: page.get_by_label("How hard did the run feel? (RPE)").select_option("9"))
    save(page)
    offer = page.locator("[data-race-offer]")
    expect(offer).to_contain_text("Your profile's recent race is 10 km in 52:40. Your VDOT is 38.2 now")
    expect(offer).to_contain_text("As your recent race, this one makes your VDOT 28.9")
    button = offer.get_by_role(
        "button", name=f"Use as my recent race (5 km in 31:40 on {day_words(today, today=today)})"
    )
    expect(button).to_have_count(1)
    # the run's row offers it too, and the runs table still fits the page's column with that button
    runs = page.locator('[data-result] .sl-scroll[data-region-name^="Your runs"]')
    expect(runs.get_by_role("button", name="as my recent race")).to_have_count(1)
    sizes = runs.evaluate("el => [el.clientWidth, el.scrollWidth]")
    assert sizes[1] <= sizes[0], f"the runs table: {sizes[1]} px in a {sizes[0]} px box"
    assert json.loads(page.evaluate("k => localStorage.getItem(k)", key)) == before  # logging changed nothing

    # from the row, as on a later visit: the same offer first, then the button that stores it
    computed_after(page, runs.get_by_role("button", name="as my recent race").click)
    expect(page.locator("[data-message]")).to_contain_text("could be your recent race: here is what it would change")
    expect(button).to_have_count(1)
    assert json.loads(page.evaluate("k => localStorage.getItem(k)", key)) == before
    computed_after(page, button.click)
    expect(page.locator("[data-message]")).to_contain_text("Saved as your recent race: 5 km in 31:40 on")
    stored = json.loads(page.evaluate("k => localStorage.getItem(k)", key))
    assert stored == before | {"recent_distance": "5000", "recent_time": "31:40", "vdot": "28.9"}
    expect(page.get_by_role("button", name="as my recent race")).to_have_count(0)  # it is the recent race now


def test_an_entrys_numbers_typed_one_day_are_not_there_the_next(page: Page, site_url: str) -> None:
    """On the 23rd the HRV form held the 56 ms and 7:30 typed on the 22nd, and Save stored them as the 23rd's reading.
    A run's or a reading's own numbers are never kept with the form; what to log and the units, settings, still are."""
    yesterday = date.today() - timedelta(days=1)
    page.clock.set_fixed_time(datetime.combine(yesterday, time(7)))
    open_page(page, site_url)
    computed_after(page, lambda: page.get_by_label("Distances in").select_option("mi"))
    computed_after(page, lambda: page.get_by_label("Duration").fill("45:00"))
    computed_after(page, lambda: page.get_by_label("Distance (miles)").fill("5"))
    computed_after(page, lambda: page.get_by_label("How hard did the run feel? (RPE)").select_option("4"))
    computed_after(page, lambda: page.get_by_label("Average heart rate (optional)").fill("150"))
    computed_after(page, lambda: page.get_by_label("What do you want to log?").select_option("hrv"))
    computed_after(page, lambda: page.get_by_label("rMSSD (ms").fill("56"))
    computed_after(page, lambda: page.get_by_label("Resting heart rate (optional)").fill("48"))
    computed_after(page, lambda: page.get_by_label("Sleep last night (optional)").fill("7:30"))
    computed_after(page, lambda: page.get_by_label("Muscle soreness (optional)").select_option("2"))

    page.clock.set_fixed_time(datetime.combine(yesterday + timedelta(days=1), time(7)))
    page.reload()
    page.wait_for_selector("[data-calculator][data-computed]", state="attached", timeout=STARTUP_MS)
    expect(page.get_by_label("What do you want to log?")).to_have_value("hrv")
    for label in ("rMSSD (ms", "Resting heart rate (optional)", "Sleep last night (optional)"):
        expect(page.get_by_label(label)).to_have_value("")
    expect(page.get_by_label("Muscle soreness (optional)")).to_have_value("")
    computed_after(page, lambda: page.get_by_label("What do you want to log?").select_option("run"))
    expect(page.get_by_label("Distances in")).to_have_value("mi")
    for label in ("Duration", "Distance (miles)", "Average heart rate (optional)"):
        expect(page.get_by_label(label)).to_have_value("")
    expect(page.get_by_label("How hard did the run feel? (RPE)")).to_have_value("")


def test_a_save_that_stored_nothing_says_so_first(page: Page, site_url: str) -> None:
    """Save pressed with a Duration of "45.5" (seconds or minutes?) takes the reader to Duration and says "Not saved:"
    first, not only that the result below is still for the last valid input."""
    listen(page)
    open_page(page, site_url)
    computed_after(page, lambda: page.get_by_label("Distance (km)", exact=True).fill("10"))
    computed_after(page, lambda: page.get_by_label("How hard did the run feel? (RPE)").select_option("5"))
    computed_after(page, lambda: page.get_by_label("Duration").fill("45.5"))
    spoken(page)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_label("Duration")).to_be_focused()
    page.wait_for_timeout(500)
    said = [words for words in spoken(page) if "Duration" in words]
    assert len(said) == 1 and said[0].startswith("Not saved: Duration"), said
    expect(page.locator("[data-status]")).to_contain_text("Not saved: Duration")


def test_a_run_saved_is_said_once_and_the_verdict_is_not_said_again_for_a_form_switched(
    page: Page, site_url: str
) -> None:
    """After a run was saved, each answer whose verdict was as before said it again: switching "What do you want to
    log?" ("Baseline still building: train as planned …"), and typing the next run's numbers, so that a second
    run saved came as two announcements, the verdict and then "Run of … added". One action, one announcement."""
    listen(page)
    open_page(page, site_url)
    what = page.get_by_label("What do you want to log?")
    for run, distance in enumerate(("10", "12")):
        computed_after(page, lambda: page.get_by_label("Duration").fill("45:00"))
        computed_after(page, lambda d=distance: page.get_by_label("Distance (km)", exact=True).fill(d))
        computed_after(page, lambda: page.get_by_label("How hard did the run feel? (RPE)").select_option("5"))
        page.wait_for_timeout(300)
        if run:
            assert spoken(page) == []  # the next run's numbers typed: the verdict is as it was
        else:
            spoken(page)  # the page's first answer says its verdict
        save(page)
        page.wait_for_timeout(500)
        said = spoken(page)
        assert len(said) == 1 and said[0].startswith("Run of ") and "added to your log" in said[0], said
        for entry in ("hrv", "run"):
            computed_after(page, lambda entry=entry: what.select_option(entry))
            page.wait_for_timeout(300)
            assert spoken(page) == [], entry


def test_a_delete_says_nothing_over_its_question_and_its_undo_is_read_once(page: Page, site_url: str) -> None:
    """Delete says nothing as its question opens (it said the unchanged readiness verdict); Undo puts the focus
    on the summary, which the screen reader reads there, so the live region does not say it again."""
    listen(page)
    open_page(page, site_url)
    computed_after(page, lambda: page.get_by_label("Duration").fill("45:00"))
    computed_after(page, lambda: page.get_by_label("Distance (km)", exact=True).fill("10"))
    computed_after(page, lambda: page.get_by_label("How hard did the run feel? (RPE)").select_option("5"))
    save(page)
    page.wait_for_timeout(500)
    spoken(page)
    page.locator("[data-result]").get_by_role("button", name="Delete run of").click()
    expect(page.get_by_role("dialog", name="Please confirm")).to_be_visible()
    page.wait_for_timeout(500)
    assert spoken(page) == []  # the dialog's own words come next
    page.get_by_role("dialog").get_by_role("button", name="Delete").click()
    undo = page.locator("[data-result]").get_by_role("button", name="Undo: put the run back")
    expect(undo).to_be_visible()
    computed_after(page, undo.click)
    summary = page.locator("[data-result] [data-summary]")
    expect(summary).to_be_focused()
    page.wait_for_timeout(500)
    assert summary.inner_text() not in spoken(page)


def test_a_first_season_sees_its_form_and_ramp_from_3_weeks_marked_still_settling(page: Page, site_url: str) -> None:
    """A marathoner who started logging five weeks ago: form and the load ramp are shown as numbers, started from her
    usual week, and the page says in words, in the table and in the chart that both are still settling, and from when
    form counts towards the verdict; no form figure stands among the verdict's reasons."""
    today = date(2027, 3, 15)
    page.clock.set_fixed_time(datetime.combine(today, time(19, 0)))
    page.goto(site_url)
    first = today - timedelta(days=34)
    week = {0: (3000, 9000, 4), 2: (3600, 10000, 6), 3: (2700, 7500, 3), 5: (6000, 16000, 5)}  # Mon, Wed, Thu, Sat
    days = [first + timedelta(days=n) for n in range(35) if (first + timedelta(days=n)).weekday() in week]
    for n, day in enumerate(days):
        seconds, metres, rpe = week[day.weekday()]
        run = {"date": day.isoformat(), "duration_s": seconds, "distance_m": metres, "rpe": rpe}
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [f"stridelab:/:v1:runs:r{n}", json.dumps(run)])
    first = days[0]  # her first log: the days the averages fill count from it, rest days included
    open_page(page, site_url)
    result = page.locator("[data-result]")
    form_counts = day_words(first + timedelta(days=125), today=today)
    ramp_settled = day_words(first + timedelta(days=41), today=today)
    form = result.locator("[data-form][data-settling]")
    expect(form).to_contain_text("So you start tomorrow with form ")
    expect(form).to_contain_text(f"Still settling until {form_counts}")
    expect(form).to_contain_text("does not set the verdict")
    ramp = result.locator("[data-ramp][data-settling]")
    expect(ramp).to_contain_text("Load ramp ")
    expect(ramp).to_contain_text(f"Still settling until {ramp_settled}")
    expect(result.locator("[data-still-to-come]")).to_have_text(
        f"Form (how fresh you are: fitness − fatigue) is ready after 18 weeks of logs (from {form_counts}; shown "
        "meanwhile, still settling)."
    )
    tomorrow = result.locator("tr", has_text="(tomorrow)")
    expect(tomorrow.locator("td[data-label='Form % of fitness']")).to_have_text(re.compile(r"^[+−]\d+ % \(settling\)$"))
    expect(page.locator("ul.sl-legend li", has_text="Form, still settling")).to_have_count(1)
    expect(result.get_by_role("img", name=re.compile("outlined, fainter bars are form still settling"))).to_be_visible()
    expect(result.locator("[data-drivers]")).not_to_contain_text("%")
    axe = Axe().run(page)
    assert axe.violations_count == 0, axe.generate_report()


def test_a_runner_without_an_hrv_device_checks_in_with_sleep_and_soreness(page: Page, site_url: str) -> None:
    """The form says HRV is optional; sleep and soreness alone are saved, listed as not measured and make the verdict
    one step worse; an empty check-in is refused beside the rMSSD box and stores nothing."""
    open_page(page, site_url)
    entry = page.get_by_label("What do you want to log?")
    expect(entry.locator("option", has_text="Morning check-in")).to_have_count(1)
    computed_after(page, lambda: entry.select_option("hrv"))
    expect(page.get_by_label("rMSSD (ms, if you measure HRV)")).to_be_visible()
    readings = "() => Object.entries(localStorage).filter(([k]) => k.includes(':hrv:')).map(([, v]) => v)"
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("#sl-readiness-rmssd-error")).to_contain_text("Nothing to check in: enter this morning")
    assert page.evaluate(readings) == []
    computed_after(page, lambda: page.get_by_label("Sleep last night (optional)").fill("5:30"))
    computed_after(page, lambda: page.get_by_label("Muscle soreness (optional)").select_option("4"))
    save(page)
    expect(page.locator("[data-message]")).to_contain_text("(sleep 5.5 h, soreness 4 of 5; no HRV reading) saved")
    assert [json.loads(v)["rmssd_ms"] for v in page.evaluate(readings)] == [None]
    result = page.locator("[data-result]")
    expect(result.get_by_role("button", name="Delete the check-in of")).to_have_count(1)
    expect(result.locator("[data-worse]")).to_contain_text("moves the verdict one step worse")
    expect(result.locator("[data-no-hrv]")).to_contain_text("HRV is optional")  # a check-in is no HRV reading

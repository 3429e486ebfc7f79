"""Nothing the reader stores is lost: corrupt values, newer schemas, full storage, two tabs, backups."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Page, expect

from .confirm_dialog import check_confirm_dialog
from .conftest import Watch
from .test_race_calculator import STARTUP_MS, computed_after

CALC = "tools/race-performance/"
DATA = "tools/your-data/"
KEY = "stridelab:/:v1:"  # the site is served at the root in tests


def stored(page: Page) -> dict[str, Any]:
    """Every Stridelab key in localStorage, parsed where it parses."""
    raw: dict[str, str] = page.evaluate(
        "() => Object.fromEntries(Object.keys(localStorage).filter(k => k.startsWith('stridelab:'))"
        ".map(k => [k, localStorage.getItem(k)]))"
    )
    parsed: dict[str, Any] = {}
    for key, value in raw.items():
        try:
            parsed[key] = json.loads(value)
        except ValueError:
            parsed[key] = value
    return parsed


def put(page: Page, key: str, value: str) -> None:
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, value])


def test_corrupt_stored_data_is_moved_aside_and_the_reader_told(page: Page, site_url: str) -> None:
    page.goto(site_url + CALC)
    put(page, KEY + "settings:form:vdot", "{not json")
    put(page, KEY + "profile:profile", json.dumps({"units": "mi"}))
    page.reload()
    expect(page.get_by_role("alert")).to_contain_text("could not be read. It has been kept aside")
    quarantined = {k: v for k, v in stored(page).items() if ":quarantine:" in k}
    assert list(quarantined.values()) == ["{not json"]
    expect(page.get_by_label("Show paces per")).to_have_value("mi")  # the rest is unaffected
    computed_after(page, lambda: page.get_by_label("Finish time").fill("22:00"))
    expect(page.locator("[data-summary]")).to_contain_text("from 5 km in 22:00")


def test_an_unreadable_entry_that_cannot_be_kept_aside_is_left_as_it_is(page: Page, site_url: str) -> None:
    # Storage is full: the unreadable profile cannot be moved aside. It must stay, and no change may replace it.
    page.goto(site_url + CALC)
    put(page, KEY + "profile:profile", "{not json")
    page.add_init_script(
        """const setItem = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key, value) {
          if (key.includes(":quarantine:")) throw new DOMException("", "QuotaExceededError");
          return setItem.call(this, key, value);
        };"""
    )
    page.reload()
    expect(page.get_by_role("alert")).to_contain_text("too full to keep a copy aside")
    computed_after(page, lambda: page.get_by_label("Show paces per").select_option("mi"))  # a profile setting
    expect(page.locator("[data-result]")).to_contain_text("/mi")  # still calculates
    assert stored(page)[KEY + "profile:profile"] == "{not json"


def test_a_newer_schema_makes_the_page_read_only(page: Page, site_url: str) -> None:
    page.goto(site_url + CALC)
    put(page, "stridelab:/:v2:profile:profile", json.dumps({"units": "mi", "new_field": 1}))
    put(page, KEY + "profile:profile", json.dumps({"units": "km"}))
    before = stored(page)
    page.reload()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("saved by a newer version")
    expect(alert.get_by_role("button", name="Reload")).to_be_visible()
    computed_after(page, lambda: page.get_by_label("Show paces per").select_option("mi"))
    assert stored(page) == before  # nothing written, nothing downgraded


def test_full_storage_is_explained_and_nothing_stored_is_damaged(page: Page, site_url: str) -> None:
    page.goto(site_url + CALC)
    computed_after(page, lambda: page.get_by_label("Finish time").fill("23:00"))
    before = stored(page)
    page.add_init_script(
        "Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };"
    )
    page.reload()
    expect(page.get_by_label("Finish time")).to_have_value("23:00")  # still readable
    computed_after(page, lambda: page.get_by_label("Finish time").fill("24:00"))
    expect(page.get_by_role("alert")).to_contain_text("storage for this site is full")
    expect(page.locator("[data-summary]")).to_contain_text("from 5 km in 24:00")  # still calculates
    assert stored(page) == before


def test_a_run_that_does_not_fit_in_storage_is_not_shown_as_saved(page: Page, site_url: str) -> None:
    page.goto(site_url + "tools/readiness/")
    page.wait_for_selector("[data-calculator][data-computed]", state="attached", timeout=STARTUP_MS)
    page.evaluate("() => { Storage.prototype.setItem = () => { throw new DOMException('', 'QuotaExceededError'); }; }")
    computed_after(page, lambda: page.get_by_label("Duration").fill("50:00"))
    computed_after(page, lambda: page.get_by_label("Distance (km)", exact=True).fill("10"))
    computed_after(page, lambda: page.get_by_label("How hard did the run feel? (RPE)").select_option("5"))
    page.get_by_role("button", name="Save", exact=True).click()
    status = page.locator("[data-calculator] [data-status]")
    expect(status).to_have_text("This change could not be saved; see the message at the top of the page.")
    expect(page.get_by_role("alert")).to_contain_text("storage for this site is full")
    expect(page.locator("[data-result]")).not_to_contain_text("added to your log")
    expect(page.locator("[data-result]")).to_have_attribute("data-stale", "")
    assert not [key for key in stored(page) if ":runs:" in key]


def test_two_tabs_adding_at_once_keep_every_entry(context: BrowserContext, site_url: str, watch: Watch) -> None:
    tabs = [context.new_page() for _ in range(2)]
    for tab in tabs:
        tab.goto(site_url + CALC)
    # Both tabs start writing before either has finished.
    start = """([tab, count]) => { window.writes = import('/assets/stridelab/store.js').then(async (store) => {
        for (let i = 0; i < count; i++) {
            store.apply([{op: 'put', collection: 'runs', id: `${tab}-${i}`, value: {i}}]);
            await new Promise((resolve) => setTimeout(resolve, 0));
        }
        return true;
    }); }"""
    for n, tab in enumerate(tabs):
        tab.evaluate(start, [f"tab{n}", 25])
    for tab in tabs:
        assert tab.evaluate("() => window.writes") is True
    # Another tab's writes reach a page's localStorage shortly after, not at once.
    count = f"() => Object.keys(localStorage).filter(k => k.startsWith({json.dumps(KEY + 'runs:')})).length"
    tabs[0].wait_for_function(f"() => ({count})() === 50")
    assert tabs[1].evaluate(count) == 50


def test_a_change_in_one_tab_appears_in_the_other(context: BrowserContext, site_url: str, watch: Watch) -> None:
    first, second = context.new_page(), context.new_page()
    first.goto(site_url + CALC)
    second.goto(site_url + CALC)
    computed_after(first, lambda: first.get_by_label("Show paces per").select_option("mi"))
    expect(second.get_by_label("Show paces per")).to_have_value("mi", timeout=STARTUP_MS)
    expect(second.get_by_role("columnheader").filter(has_text="per ").first).to_have_text(
        "per mile", timeout=STARTUP_MS
    )


def test_what_is_typed_just_before_the_tab_closes_is_kept(context: BrowserContext, site_url: str, watch: Watch) -> None:
    first = context.new_page()
    first.goto(site_url + CALC)
    first.get_by_label("Finish time").fill("27:15")
    first.close()  # at once: no waiting for Python, nothing left to flush
    second = context.new_page()
    second.goto(site_url + CALC)
    expect(second.get_by_label("Finish time")).to_have_value("27:15")


def test_backup_clear_restore_gives_back_identical_data(page: Page, site_url: str, tmp_path: Path) -> None:
    page.goto(site_url + CALC)
    page.get_by_label("Race distance").select_option("marathon")  # with 20:00 still in the box: an error
    computed_after(page, lambda: page.get_by_label("Finish time").fill("3:29:59"))
    computed_after(page, lambda: page.get_by_label("Show paces per").select_option("mi"))  # the profile's
    page.goto(site_url + DATA)
    expect(page.locator("[data-summary]")).to_contain_text("holds 2 Stridelab entries", timeout=STARTUP_MS)
    before = stored(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download a backup").click()
    file = tmp_path / download.value.suggested_filename
    download.value.save_as(file)
    assert json.loads(file.read_text())["format"] == "stridelab-backup"
    expect(page.locator("[data-summary]")).to_contain_text("Backup downloaded")

    page.evaluate("() => localStorage.clear()")
    page.reload()
    expect(page.locator("[data-summary]")).to_have_text("This browser holds no Stridelab data yet.", timeout=STARTUP_MS)
    page.get_by_label("Backup file to restore").set_input_files(file)
    downloads: list[str] = []
    page.on("download", lambda download: downloads.append(download.suggested_filename))
    page.get_by_role("button", name="Restore from the file").click()
    # Every entry written is counted, the "last backup" it sets too: the page then lists as many as it says it added.
    expect(page.locator("[data-summary]")).to_contain_text(
        "added 3 entries, one of them the backup's date as your last backup"
    )
    # An empty browser has nothing to keep a copy of: no "before-restore" file of nothing.
    expect(page.locator("[data-summary]")).to_contain_text("held no Stridelab data before")
    assert downloads == []
    # The file restored is a backup made today: the page says so, not "never… download a backup now".
    expect(page.locator("[data-result]")).to_contain_text("Last backup: today")
    expect(page.locator("[data-backup-reminder]")).to_have_count(0)
    assert sum(int(n) for n in page.locator("[data-result] td.sl-num").all_inner_texts()) == 3  # as the page lists
    after = stored(page)
    made = json.loads(file.read_text())["created"]
    assert after.pop("stridelab:/:v1:settings:backup") == {"at": made}
    assert after == before


def test_a_backup_made_on_a_saturday_evening_in_new_york_is_saturdays(browser: Browser, site_url: str) -> None:
    """At 21:30 on Saturday 19 December in New York it is already Sunday in UTC: the file is named, and the page
    dates the backup, by the reader's own calendar day."""
    context = browser.new_context(timezone_id="America/New_York", accept_downloads=True)
    try:
        page = context.new_page()
        page.clock.set_fixed_time(datetime(2026, 12, 20, 2, 30, tzinfo=UTC))
        page.goto(site_url + DATA)
        expect(page.locator("[data-summary]")).to_contain_text("holds no Stridelab data", timeout=STARTUP_MS)
        with page.expect_download() as download:
            page.get_by_role("button", name="Download a backup").click()
        assert download.value.suggested_filename == "stridelab-backup-2026-12-19.json"
        expect(page.locator("[data-result]")).to_contain_text("Last backup: today (Saturday, December 19).")
    finally:
        context.close()


def test_a_restore_that_would_replace_newer_data_says_so_and_cancel_keeps_it(
    page: Page, site_url: str, tmp_path: Path
) -> None:
    """The phone's backup holds an older profile: the page says what it would replace before anything changes,
    Cancel keeps the laptop's, and "Restore and replace" restores it, downloads the laptop's data first and says
    what was replaced, as a status, not a headline."""
    page.goto(site_url + DATA)
    put(page, KEY + "profile:profile", json.dumps({"recent_distance": "21097.5", "recent_time": "1:35:00"}))
    page.reload()
    expect(page.locator("[data-summary]")).to_contain_text("holds 1 Stridelab entry", timeout=STARTUP_MS)
    phone = {"profile": {"profile": {"recent_distance": "42195", "recent_time": "3:25:00"}}}
    file = tmp_path / "phone.json"
    file.write_text(
        json.dumps({"format": "stridelab-backup", "schema": 1, "created": "2026-01-02T08:00:00Z", "collections": phone})
    )
    before = stored(page)
    page.get_by_label("Backup file to restore").set_input_files(file)
    page.get_by_role("button", name="Restore from the file").click()
    dialog = page.get_by_role("dialog", name="Please confirm")
    expect(dialog).to_contain_text(
        "This backup would replace your profile (recent race half marathon in 1:35:00 here, marathon in 3:25:00 in "
        "the backup)"
    )
    dialog.get_by_role("button", name="Cancel").click()
    assert stored(page) == before
    page.get_by_role("button", name="Restore from the file").click()
    with page.expect_download() as safety:
        dialog.get_by_role("button", name="Restore and replace").click()
    assert safety.value.suggested_filename.startswith("stridelab-before-restore-")
    expect(page.locator("[data-summary]")).to_contain_text("replaced your profile (recent race half marathon")
    assert stored(page)[KEY + "profile:profile"] == phone["profile"]["profile"]


def test_a_file_that_is_not_a_backup_changes_nothing(page: Page, site_url: str, tmp_path: Path) -> None:
    page.goto(site_url + CALC)
    computed_after(page, lambda: page.get_by_label("Finish time").fill("25:00"))
    computed_after(page, lambda: page.get_by_label("Show paces per").select_option("mi"))
    page.goto(site_url + DATA)
    expect(page.locator("[data-summary]")).to_contain_text("holds 2 Stridelab entries", timeout=STARTUP_MS)
    before = stored(page)
    (tmp_path / "strong.json").write_text('{"workouts": []}')
    page.get_by_label("Backup file to restore").set_input_files(tmp_path / "strong.json")
    page.get_by_role("button", name="Restore from the file").click()
    expect(page.locator("#sl-data-file-error")).to_contain_text("not a Stridelab backup")
    # A restore has no result of its inputs to go stale: the page says nothing changed, not "your last valid input".
    expect(page.locator("[data-status]")).to_have_text(
        re.compile(r"^Nothing was changed\. Backup file to restore: .*not a Stridelab backup")
    )
    expect(page.locator("[data-result]")).not_to_have_attribute("data-stale", re.compile(".*"))
    expect(page.locator("[data-summary]")).to_contain_text("holds 2 Stridelab entries")
    assert stored(page) == before


def test_delete_all_asks_and_cancel_keeps_everything(page: Page, site_url: str) -> None:
    # A phone in dark mode (the other confirmations are checked in light mode, at desktop width).
    page.set_viewport_size({"width": 375, "height": 800})
    page.emulate_media(color_scheme="dark")
    page.goto(site_url + CALC)
    computed_after(page, lambda: page.get_by_label("Finish time").fill("26:00"))
    computed_after(page, lambda: page.get_by_label("Show paces per").select_option("mi"))
    page.goto(site_url + DATA)
    expect(page.locator("[data-summary]")).to_contain_text("holds 2 Stridelab entries", timeout=STARTUP_MS)
    before = stored(page)
    page.get_by_role("button", name="Delete all my data").click()
    dialog = page.get_by_role("dialog", name="Please confirm")
    expect(dialog).to_contain_text("Delete all your Stridelab data")
    check_confirm_dialog(page, dialog)
    dialog.get_by_role("button", name="Cancel").click()
    assert stored(page) == before
    page.get_by_role("button", name="Delete all my data").click()
    expect(dialog).to_be_visible()
    page.keyboard.press("Escape")  # Escape is Cancel too
    expect(dialog).to_be_hidden()
    assert stored(page) == before
    page.get_by_role("button", name="Delete all my data").click()
    with page.expect_download() as copy:
        page.get_by_role("dialog", name="Please confirm").get_by_role("button", name="Delete everything").click()
    assert copy.value.suggested_filename.startswith("stridelab-before-delete-")
    expect(page.locator("[data-summary]")).to_contain_text("was deleted")
    assert not any(key.startswith(KEY) for key in stored(page))


def test_a_change_read_from_every_collection_counts_a_collection_then_empty(page: Page, site_url: str) -> None:
    # The data page reads "*": a plan another tab saved meanwhile, where there was none, must not be written over.
    page.goto(site_url + DATA)
    put(page, KEY + "plan:season", json.dumps({"weeks": []}))
    changed = page.evaluate(
        """async () => {
            const store = await import('/assets/stridelab/store.js');
            const op = [{op: 'put', collection: 'plan', id: 'season', value: {weeks: [1]}}];
            return [store.changedSince({'*': true}, op), store.changedSince({}, op)];
        }"""
    )
    assert changed == [True, False]  # read from every collection: changed; from named ones only: not checked

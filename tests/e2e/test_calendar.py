"""The training calendar in Chromium on a phone: a saved season, a missed tempo run moved by an accepted offer,
a run logged from a day's box, and all of it still there after a reload; a run logged in another tab; a red
readiness morning that offers an easier day."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, time, timedelta
from typing import Any

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, expect

from calculators.date_words import date_order, day_words
from calculators.planner import WeekPrefs, plan_season
from tests.unit.test_today_page import DEV_PLAN, _dev_runs, low_mornings

from .conftest import Watch
from .spoken import listen, spoken
from .test_race_calculator import STARTUP_MS, computed_after
from .test_readiness import open_page as open_log
from .test_readiness import save

KEY = "stridelab:/:v1:"  # the site is served at the root in tests


def open_calendar(page: Page, site_url: str) -> None:
    page.goto(site_url + "tools/calendar/")
    page.wait_for_selector("[data-calculator][data-computed]", state="attached", timeout=STARTUP_MS)


def stored(page: Page, collection: str) -> dict[str, object]:
    return page.evaluate(
        """prefix => Object.fromEntries(Object.keys(localStorage).filter(k => k.startsWith(prefix))
            .map(k => [k.slice(prefix.length), JSON.parse(localStorage.getItem(k))]))""",
        f"{KEY}{collection}:",
    )


def missed_tempo_run(page: Page, site_url: str) -> tuple[date, str]:
    """A season saved a week ago, opened on the calendar on the Wednesday of this week at Monday's tempo run, which
    was not done (a week already over offers nothing: the page's clock is set to its Wednesday, so the missed run's
    week still runs whatever day the test runs): today's date, and that day's name as the page writes it."""
    real = date.today()
    monday = real - timedelta(days=real.weekday())
    today = monday + timedelta(days=2)
    page.clock.set_fixed_time(datetime.combine(today, time(12)))
    page.goto(site_url)
    assert page.evaluate("() => new Date().toLocaleDateString('sv')") == today.isoformat()
    plan = plan_season(WeekPrefs(run_days=4, vdot=50), today=monday - timedelta(days=7), race_date=None, weeks=6)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [f"{KEY}plan:season", json.dumps(plan.to_dict())])
    tempo = next(d.day for d in plan.days() if d.run == "tempo" and d.day is not None and d.day >= monday)
    assert tempo < today
    open_calendar(page, site_url)
    computed_after(page, lambda: page.get_by_label("Around the date").fill(tempo.isoformat()))
    return today, day_words(tempo, today=today)


def test_a_missed_tempo_run_is_moved_and_a_forgotten_run_logged_on_a_phone(page: Page, site_url: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    today, day_name = missed_tempo_run(page, site_url)
    result = page.locator("[data-result]")
    expect(result.locator("[data-summary]")).to_contain_text("0 of")
    computed_after(page, lambda: result.get_by_role("button", name=f"Details of {day_name}").click())
    details = result.locator("[data-details]")
    expect(details).to_contain_text("Tempo run")
    expect(details).to_contain_text("missed")
    offers = details.locator("[data-offers] li")
    expect(offers.first).to_be_visible()
    first_offer = offers.first.inner_text()[:30]
    axe = Axe().run(page, context="[data-calculator]")
    assert axe.violations_count == 0, axe.generate_report()
    computed_after(page, lambda: offers.first.get_by_role("button", name="Accept").click())
    expect(result.locator("[data-summary]")).to_contain_text("Plan changed:")
    expect(result.locator("[data-history]")).to_contain_text(first_offer)
    assert len(stored(page, "plan_changes")) == 1

    # A run forgotten yesterday, logged from yesterday's box.
    yesterday = today - timedelta(days=1)
    computed_after(page, lambda: page.get_by_label("Around the date").fill(yesterday.isoformat()))
    name = day_words(yesterday, today=today)
    computed_after(page, lambda: result.get_by_role("button", name=f"Details of {name}").click())
    box = result.locator("[data-inputs]")
    box.get_by_label("How hard did the run feel? (RPE)").select_option("3")
    box.get_by_label("Duration").fill("42:00")
    box.get_by_label("Distance").fill("8")
    computed_after(page, lambda: box.get_by_label("Distance").press("Enter"))  # Enter logs the box's run
    expect(result.locator("[data-summary]")).to_contain_text(
        f"Run of {day_words(yesterday, today=today)} added to your log"
    )
    (run,) = stored(page, "runs").values()
    assert run == {
        "date": yesterday.isoformat(),
        "duration_s": 2520,
        "distance_m": 8000,
        "rpe": 3,
        "hr_avg": None,
        "source": "hand",
    }

    page.reload()
    page.wait_for_selector("[data-calculator][data-computed]", state="attached", timeout=STARTUP_MS)
    expect(result.locator("[data-history]")).to_contain_text(first_offer)
    # The day typed last time is not kept: "Empty means today", so the calendar opens on today's week again.
    expect(page.get_by_label("Around the date")).to_have_value("")
    expect(result.locator(f'[data-day="{today.isoformat()}"]')).to_have_count(1)
    computed_after(page, lambda: page.get_by_label("Around the date").fill(yesterday.isoformat()))
    computed_after(page, lambda: result.get_by_role("button", name=f"Details of {name}").click())
    expect(result.locator("[data-details]")).to_contain_text("Run 8.0 km in 42:00")


def test_today_on_a_phone_with_the_first_visit_setup_skipped(page: Page, site_url: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url)
    today = date.fromisoformat(page.evaluate("() => new Date().toLocaleDateString('sv')"))
    plan = plan_season(WeekPrefs(run_days=6, vdot=50), today=today, race_date=None, weeks=4)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [f"{KEY}plan:season", json.dumps(plan.to_dict())])
    planned = next(d for d in plan.days() if d.day == today)

    page.goto(site_url + "tools/today/")
    page.wait_for_selector("[data-calculator][data-computed]", state="attached", timeout=STARTUP_MS)
    result = page.locator("[data-result]")
    expect(result.locator("[data-summary]")).to_contain_text(f"Today, {day_words(today, today=today)}")
    expect(result.locator("[data-today-run]")).to_be_visible()
    setup = result.locator("[data-setup]")
    expect(setup.get_by_role("link", name="Set up your profile")).to_be_visible()
    axe = Axe().run(page, context="[data-calculator]")
    assert axe.violations_count == 0, axe.generate_report()
    computed_after(page, lambda: setup.get_by_role("button", name="Skip").click())
    expect(result.locator("[data-setup]")).to_have_count(0)
    if planned.strength:  # a hard day: Start opens the strength log with the session started
        with page.expect_navigation(url=re.compile(r"/tools/strength-log/$")):
            result.get_by_role("button", name=f"Start Session {planned.strength}").click()
        assert len(stored(page, "strength_draft")) == 1
        page.goto(site_url + "tools/today/")

    page.reload()
    page.wait_for_selector("[data-calculator][data-computed]", state="attached", timeout=STARTUP_MS)
    expect(result.locator("[data-summary]")).to_contain_text(f"Today, {day_words(today, today=today)}")
    expect(result.locator("[data-setup]")).to_have_count(0)


def test_a_run_logged_in_another_tab_appears_on_the_open_calendar(
    context: BrowserContext, site_url: str, watch: Watch
) -> None:
    calendar, log = context.new_page(), context.new_page()
    open_calendar(calendar, site_url)
    today = calendar.evaluate("() => new Date().toLocaleDateString('sv')")
    this_day = calendar.locator(f"[data-result] [data-day='{today}']")
    expect(this_day).to_contain_text("Nothing planned or logged")

    open_log(log, site_url)
    computed_after(log, lambda: log.get_by_label("Duration").fill("50:00"))
    computed_after(log, lambda: log.get_by_label("Distance (km)", exact=True).fill("10"))
    computed_after(log, lambda: log.get_by_label("How hard did the run feel? (RPE)").select_option("5"))
    save(log)
    expect(log.locator("[data-message]")).to_contain_text("added to your log")

    # The calendar, untouched, follows the shared store.
    expect(this_day).to_contain_text("Run 10.0 km in 50:00", timeout=STARTUP_MS)
    expect(this_day).to_contain_text("unplanned extra")


def test_a_red_morning_before_a_long_run_offers_an_easier_day(page: Page, site_url: str) -> None:
    """Four low HRV mornings after five steady weeks make tomorrow red; tomorrow's long run can become easy."""
    page.goto(site_url)
    today = date.fromisoformat(page.evaluate("() => new Date().toLocaleDateString('sv')"))
    tomorrow = today + timedelta(days=1)
    monday = today - timedelta(days=today.weekday())
    prefs = WeekPrefs(run_days=4, vdot=50, long_run_day=tomorrow.weekday())
    plan = plan_season(prefs, today=monday - timedelta(weeks=5), race_date=None, weeks=8)
    assert next(d.run for d in plan.days() if d.day == tomorrow) == "long"
    entries = {f"{KEY}plan:season": plan.to_dict()}
    for n in range(40):
        entries[f"{KEY}hrv:{today - timedelta(days=n)}"] = {"rmssd_ms": 35.0 if n < 4 else 70.0 + n % 5}
    for key, value in entries.items():
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, json.dumps(value)])

    open_calendar(page, site_url)
    result = page.locator("[data-result]")
    name = day_words(tomorrow, today=today)
    computed_after(page, lambda: result.get_by_role("button", name=f"Details of {name}").click())
    details = result.locator("[data-details]")
    expect(details).to_contain_text("Readiness: red")
    easier = details.locator("[data-offers] li").filter(has_text="easy")
    expect(easier.first).to_be_visible()
    computed_after(page, lambda: easier.first.get_by_role("button", name="Accept").click())
    expect(result.locator("[data-summary]")).to_contain_text("Plan changed:")
    (change,) = stored(page, "plan_changes").values()
    assert change["trigger"] == "red" and "easy run" in change["description"]


def test_a_change_accepted_by_mistake_is_undone_from_the_keyboard(page: Page, site_url: str) -> None:
    _, day_name = missed_tempo_run(page, site_url)
    result = page.locator("[data-result]")
    computed_after(page, lambda: result.get_by_role("button", name=f"Details of {day_name}").click())
    before = stored(page, "plan")
    accept = result.locator("[data-offers] li").first.get_by_role("button", name="Accept")
    accept.focus()
    computed_after(page, lambda: page.keyboard.press("Enter"))
    expect(result.locator("[data-summary]")).to_contain_text("Plan changed:")
    undo = result.get_by_role("button", name=re.compile(f"^Undo the change just made for {day_name}"))
    undo.focus()
    computed_after(page, lambda: page.keyboard.press("Enter"))
    expect(result.locator("[data-summary]")).to_contain_text("Change undone")
    assert stored(page, "plan") == before and stored(page, "plan_changes") == {}
    expect(result.get_by_role("button", name=re.compile("^Undo"))).to_have_count(0)


def test_a_days_details_opened_from_the_keyboard_on_a_phone_take_the_focus_and_come_into_view(
    page: Page, site_url: str
) -> None:
    """The details show above the seven day cards, on a phone far above the last day's button: Enter there takes
    the reader to them (their heading focused, so it is read out, and on screen), not nowhere."""
    listen(page)
    page.set_viewport_size({"width": 375, "height": 740})
    today, _ = missed_tempo_run(page, site_url)
    result = page.locator("[data-result]")
    last = result.locator("[data-day]").last
    name = day_words(date.fromisoformat(last.get_attribute("data-day") or ""), today=today)
    button = last.get_by_role("button", name=f"Details of {name}")
    button.focus()
    page.wait_for_timeout(500)
    spoken(page)
    computed_after(page, lambda: page.keyboard.press("Enter"))
    heading = result.locator("[data-details]").get_by_role("heading", level=2)  # under the page's h1
    expect(heading).to_have_text(name)
    expect(heading).to_be_focused()
    expect(heading).to_be_in_viewport()
    # The heading is read where the focus lands; the week's summary, as it was, is not said again.
    page.wait_for_timeout(500)
    assert result.locator("[data-summary]").inner_text() not in spoken(page)


def test_a_returning_reader_opening_today_hears_its_summary_only(page: Page, site_url: str) -> None:
    """No start-up progress, "Ready: results update as you type" (Today has nothing to type) nor "Saved for
    offline" on every visit: the day's summary is all that is said."""
    listen(page)
    page.goto(site_url + "tools/today/")
    page.wait_for_selector("[data-calculator][data-computed]", state="attached", timeout=STARTUP_MS)
    page.wait_for_timeout(3000)
    page.reload()
    page.wait_for_selector("[data-calculator][data-computed]", state="attached", timeout=STARTUP_MS)
    page.wait_for_timeout(3000)
    assert spoken(page) == [page.locator("[data-result] [data-summary]").inner_text()]


def test_a_red_day_back_after_a_week_off_gives_one_instruction_on_today_and_the_calendar(
    page: Page, site_url: str
) -> None:
    """A week without runs before today's tempo run, and four low HRV mornings: Today gives the red verdict's
    offer as its one instruction with the break as an "also", and the calendar's details of the day say the same."""
    page.goto(site_url)
    today = date.fromisoformat(page.evaluate("() => new Date().toLocaleDateString('sv')"))
    monday = today - timedelta(days=today.weekday())
    prefs = WeekPrefs(run_days=4, vdot=50, hard_days=(today.weekday(),))
    plan = plan_season(prefs, today=monday - timedelta(weeks=5), race_date=None, weeks=8)
    assert next(d.run for d in plan.days() if d.day == today) in ("tempo", "intervals")
    last = today - timedelta(days=9)
    entries: dict[str, object] = {f"{KEY}plan:season": plan.to_dict()}
    entries[f"{KEY}runs:r1"] = {"id": "r1", "date": last.isoformat(), "duration_s": 2700, "distance_m": 8000, "rpe": 5}
    for n in range(1, 41):
        entries[f"{KEY}hrv:{today - timedelta(days=n)}"] = {"rmssd_ms": 35.0 if n < 4 else 70.0 + n % 5}
    for key, value in entries.items():
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, json.dumps(value)])

    page.goto(site_url + "tools/today/")
    page.wait_for_selector("[data-calculator][data-computed]", state="attached", timeout=STARTUP_MS)
    result = page.locator("[data-result]")
    expect(result.locator("[data-today-advice]").first).to_contain_text("Last night's verdict for today: red.")
    expect(result.locator("[data-today-advice]").first).to_contain_text(
        "Also your first hard session back after 8 days without a run"
    )
    expect(result.locator("[data-today-comeback]")).to_have_count(0)

    open_calendar(page, site_url)
    result = page.locator("[data-result]")
    name = day_words(today, today=today)
    computed_after(page, lambda: result.get_by_role("button", name=f"Details of {name}").click())
    said = result.locator("[data-details] [data-day-advice]")
    expect(said).to_contain_text("Readiness: red.")
    expect(said).to_contain_text("Also your first hard session back after 8 days without a run")


def test_the_first_hard_session_back_drops_its_strength_session_on_today_the_calendar_and_the_strength_log(
    page: Page, site_url: str
) -> None:
    """A week without runs before today's hard session: the comeback rule runs it easy, so its strength session is
    not done today (strength goes with a hard run, never on an easy day). Today says why beside a Start that is no
    longer the main button, the calendar's day card reads it dropped and its details say why, and the strength
    log's "Next up" is the plan's next session, not today's. With Sessions A and B logged in earlier weeks, the log's
    Start on "Next up" begins today's session all the same, as Today's does: only it counts for today."""
    page.goto(site_url)
    today = date.fromisoformat(page.evaluate("() => new Date().toLocaleDateString('sv')"))
    monday = today - timedelta(days=today.weekday())
    prefs = WeekPrefs(run_days=4, vdot=50, hard_days=(today.weekday(),))
    plan = plan_season(prefs, today=monday - timedelta(weeks=5), race_date=None, weeks=8)
    mine = next(d for d in plan.days() if d.day == today)
    assert mine.run in ("tempo", "intervals") and mine.strength is not None
    after = next(d for d in plan.days() if d.day is not None and d.day > today and d.strength)
    assert after.strength != mine.strength  # A on the week's first hard day, B on its second
    entries: dict[str, object] = {f"{KEY}plan:season": plan.to_dict()}
    for n, (kind, back) in enumerate((("A", 17), ("B", 14)), start=1):
        ident = f"00000000-0000-4000-8000-{n:012d}"
        sets = [{"exercise": "nordic_curl", "sets": [{"reps": 3}]}]
        day = (today - timedelta(days=back)).isoformat()
        entries[f"{KEY}strength:{ident}"] = {
            "id": ident, "date": day, "kind": kind, "duration_min": 45, "rpe": 7, "exercises": sets
        }  # fmt: skip
    last = today - timedelta(days=9)
    entries[f"{KEY}runs:r1"] = {"id": "r1", "date": last.isoformat(), "duration_s": 2700, "distance_m": 8000, "rpe": 5}
    for key, value in entries.items():
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, json.dumps(value)])
    name = day_words(today, today=today)
    dropped = f"No Session {mine.strength} on {name}: your first hard session back is run easy"
    next_one = f"Session {after.strength} on {day_words(after.day, today=today)}" if after.day else ""

    page.goto(site_url + "tools/today/")
    page.wait_for_selector("[data-calculator][data-computed]", state="attached", timeout=STARTUP_MS)
    strength = page.locator("[data-result] [data-today-strength]")
    expect(strength.locator("[data-today-advice]")).to_contain_text(dropped)
    expect(strength.locator("[data-today-advice]")).to_contain_text(f"next strength session is {next_one}")
    start = strength.get_by_role("button", name=f"Start Session {mine.strength} anyway")
    expect(start).to_be_visible()
    expect(start).not_to_have_class(re.compile("md-button--primary"))

    open_calendar(page, site_url)
    result = page.locator("[data-result]")
    card = result.locator(f'[data-day="{today.isoformat()}"]')
    expect(card.locator('[data-status="dropped"]')).to_have_text(f"Session {mine.strength}: dropped")
    # Dropped, not owed: the week's count leaves it out of the sessions planned and says so.
    expect(result.locator("[data-summary]")).to_contain_text("planned sessions done (1 dropped), ")
    computed_after(page, lambda: result.get_by_role("button", name=f"Details of {name}").click())
    expect(result.locator("[data-details] [data-day-advice]")).to_contain_text(dropped)
    axe = Axe().run(page, context="[data-calculator]")
    assert axe.violations_count == 0, axe.generate_report()

    page.goto(site_url + "tools/strength-log/")
    page.wait_for_selector("[data-calculator][data-computed]", state="attached", timeout=STARTUP_MS)
    log = page.locator("[data-result]")
    expect(log.locator("[data-summary]")).to_contain_text(f"Next up: {next_one}, in your plan.")
    expect(log.locator("[data-strength-dropped]")).to_contain_text(dropped)
    expect(log.locator("[data-summary]")).to_contain_text(
        f"If you lift today all the same, Start begins today's Session {mine.strength}, which counts for it."
    )
    expect(page.get_by_label("Session", exact=True)).to_have_value("next")
    computed_after(page, lambda: page.get_by_role("button", name="Start session").click())
    draft = json.loads(page.evaluate("key => localStorage.getItem(key)", f"{KEY}strength_draft:current"))
    assert draft["kind"] == mine.strength and draft["date"] == today.isoformat()


def test_a_busy_hard_day_in_a_full_five_run_week_is_swapped_with_an_easy_run_that_bends_a_rule(
    page: Page, site_url: str
) -> None:
    """A runner of five days (Tuesday, Wednesday, Thursday, Saturday and Sunday), on the Monday of this week, cannot
    make Thursday's intervals: no move keeps every rule, so after the skip comes the swap with Wednesday's easy run,
    saying the rule it bends; accepted, the week shows the intervals on Wednesday and the easy run on Thursday."""
    real = date.today()
    monday = real - timedelta(days=real.weekday())
    page.clock.set_fixed_time(datetime.combine(monday, time(12)))
    page.goto(site_url)
    prefs = WeekPrefs(run_days=5, available_days=(1, 2, 3, 5, 6), vdot=46)
    plan = plan_season(prefs, today=monday - timedelta(days=7), race_date=None, weeks=6)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [f"{KEY}plan:season", json.dumps(plan.to_dict())])
    wednesday, thursday = monday + timedelta(days=2), monday + timedelta(days=3)
    days = {d.day: d.run for d in plan.days()}
    assert (days[wednesday], days[thursday]) == ("easy", "intervals")
    open_calendar(page, site_url)
    result = page.locator("[data-result]")
    name = day_words(thursday, today=monday)
    computed_after(page, lambda: result.get_by_role("button", name=f"Details of {name}").click())
    offers = result.locator("[data-details] [data-offers] li")
    expect(offers.first).to_contain_text("Skip it")
    swap = offers.nth(1)
    expect(swap).to_contain_text(f"Move intervals + Session B to {day_words(wednesday, today=monday)}")
    expect(swap).to_contain_text("It bends rules:")
    expect(swap).to_contain_text("stress days back to back")
    computed_after(page, lambda: swap.get_by_role("button", name="Accept").click())
    expect(result.locator("[data-summary]")).to_contain_text("Plan changed:")
    expect(result.locator(f'[data-day="{wednesday.isoformat()}"]')).to_contain_text("Intervals")
    expect(result.locator(f'[data-day="{thursday.isoformat()}"]')).to_contain_text("Easy run")
    (change,) = stored(page, "plan_changes").values()
    assert change["trigger"] == "busy" and change["kind"] == "move" and change["bent_rules"]
    (season,) = stored(page, "plan").values()
    runs = {d["day"]: d["run"] for w in season["weeks"] for d in w["plan"]["days"]}  # type: ignore[index]
    assert (runs[wednesday.isoformat()], runs[thursday.isoformat()]) == ("intervals", "easy")


def eve_on_today(context: BrowserContext, site_url: str, store: dict[str, dict[str, Any]], eve: date) -> Page:
    """A page of ``context`` at 7 pm on ``eve`` with ``store`` in its browser store, opened on Today."""
    page = context.new_page()
    page.clock.set_fixed_time(datetime.combine(eve, time(19)))
    page.goto(site_url)
    for collection, entries in store.items():
        for ident, value in entries.items():
            page.evaluate("([k, v]) => localStorage.setItem(k, v)", [f"{KEY}{collection}:{ident}", json.dumps(value)])
    page.goto(site_url + "tools/today/")
    page.wait_for_selector("[data-calculator][data-computed]", state="attached", timeout=STARTUP_MS)
    return page


def test_an_amber_eve_in_a_miles_plan_by_distance_names_the_swapped_easy_run_in_miles(
    browser: Browser, site_url: str
) -> None:
    """Dev, on a US phone with no profile saved (miles), plans in miles without a VDOT: his runs have a distance and no
    minutes. One low HRV morning on Monday 16 November makes Tuesday's tempo run amber: Today swaps it with Thursday's
    1.5-mile easy run and names that run in miles, cut back from its distance, not in minutes cut from his usual run
    (once longer than the 1.5 miles it replaces). Accepting the calendar's offer to run easy in the tempo run's place
    stores that run by distance, and Today then gives the same run again."""
    eve, tuesday = date(2026, 11, 16), date(2026, 11, 17)
    runs = {k: r for k, r in _dev_runs(back=False).items() if r["date"] <= eve.isoformat()}
    store = {**low_mornings(eve, 1, plan=DEV_PLAN), "runs": runs}
    context = browser.new_context(locale="en-US")
    try:
        page = eve_on_today(context, site_url, store, eve)
        readiness = page.locator("[data-result] [data-today-readiness]")
        expect(readiness).to_contain_text("Your plan has the tempo run tomorrow: swap it.")
        expect(readiness).to_contain_text(
            "Tomorrow's easy run: Shorter and slower: about 0.9–1.1 mi, slower than your usual easy runs, your next "
            "easy day's 1.5 mi, cut back."
        )
        expect(readiness).not_to_contain_text("min (your plan gives")

        open_calendar(page, site_url)
        result = page.locator("[data-result]")
        with date_order("US"):  # a US browser reads the month first
            name = day_words(tuesday, today=eve)
        computed_after(page, lambda: result.get_by_role("button", name=f"Details of {name}").click())
        details = result.locator("[data-details]")
        expect(details).to_contain_text("your next easy day's 1.5 mi, cut back")
        instead = details.locator("[data-offers] li").filter(has_text="Run easy on")
        computed_after(page, lambda: instead.get_by_role("button", name="Accept").click())
        expect(result.locator("[data-summary]")).to_contain_text("Plan changed:")
        plan = stored(page, "plan")["season"]
        assert isinstance(plan, dict)
        (day,) = [d for w in plan["weeks"] for d in w["plan"]["days"] if d["day"] == tuesday.isoformat()]
        assert (
            day["run"] == "easy"
            and day["minutes"] is None
            and day["cut_from_km"] == DEV_PLAN.planned_days()[date(2026, 11, 19)].km
        )

        page.goto(site_url + "tools/today/")
        page.wait_for_selector("[data-calculator][data-computed]", state="attached", timeout=STARTUP_MS)
        expect(readiness).to_contain_text(
            "Shorter and slower: about 0.9–1.1 mi, slower than your usual easy runs, as you accepted it on the "
            "training calendar."
        )
    finally:
        context.close()


def test_a_red_eve_in_a_miles_plan_by_distance_gives_the_very_easy_run_in_miles_never_over_the_plan(
    browser: Browser, site_url: str
) -> None:
    """Dev, on a US phone with no profile saved (miles), plans in miles without a VDOT. Four low HRV mornings to
    Friday 20 November make Saturday's 2-mile long run red: Today gave "20–30 min very easy", minutes his plan never
    gives, and the calendar's card and offer the same. They now give the run in miles, up to the 2 mi planned and
    30 min at most; accepting the offer stores that run by distance."""
    eve, saturday = date(2026, 11, 20), date(2026, 11, 21)
    runs = {k: r for k, r in _dev_runs(back=False).items() if r["date"] <= eve.isoformat()}
    store = {**low_mornings(eve, 4, plan=DEV_PLAN), "runs": runs}
    context = browser.new_context(locale="en-US")
    try:
        page = eve_on_today(context, site_url, store, eve)
        readiness = page.locator("[data-result] [data-today-readiness]")
        expect(readiness).to_contain_text(
            "Tomorrow's easy run: Rest, or very easy running or cross-training: up to the 2 mi planned, 30 min at most."
        )
        expect(readiness).not_to_contain_text("20–30 min")

        open_calendar(page, site_url)
        result = page.locator("[data-result]")
        card = result.locator(f'[data-day="{saturday.isoformat()}"]')
        expect(card).to_contain_text("Rest or a very easy run instead of the long run: up to 2 mi (30 min at most)")
        with date_order("US"):  # a US browser reads the month first
            name = day_words(saturday, today=eve)
        computed_after(page, lambda: result.get_by_role("button", name=f"Details of {name}").click())
        details = result.locator("[data-details]")
        offer = details.locator("[data-offers] li").filter(
            has_text=f"Make {name} an easy run of up to 2 mi (30 min at most), very easy, or rest."
        )
        computed_after(page, lambda: offer.get_by_role("button", name="Accept").click())
        expect(result.locator("[data-summary]")).to_contain_text("Plan changed:")
        plan = stored(page, "plan")["season"]
        assert isinstance(plan, dict)
        (day,) = [d for w in plan["weeks"] for d in w["plan"]["days"] if d["day"] == saturday.isoformat()]
        assert (day["run"], day["minutes"], day["km"]) == ("easy", None, DEV_PLAN.planned_days()[saturday].km)
        expect(card).to_contain_text("Rest or a very easy run: up to 2 mi (30 min at most)")
    finally:
        context.close()


def test_a_plan_made_in_miles_reads_in_km_on_today_and_the_readiness_page_for_a_reader_in_km(
    context: BrowserContext, watch: Watch, site_url: str
) -> None:
    """Dev's plan was made in miles; on a UK browser with no profile saved (km), four low HRV mornings to Friday 20
    November make Saturday's 2-mile long run red. Today gave the verdict's run as "up to the 3.2 km planned" and, in
    the calendar's offer beside it, "an easy run of up to 2 mi": one day in two units. Today and the readiness page
    now say both in km, the reader's unit (Stridelab's rule, calculators/readiness_easy_run.py)."""
    eve = date(2026, 11, 20)
    runs = {k: r for k, r in _dev_runs(back=False).items() if r["date"] <= eve.isoformat()}
    store = {**low_mornings(eve, 4, plan=DEV_PLAN), "runs": runs}
    offer = "Make Saturday 21 November an easy run of up to 3.2 km (30 min at most), very easy, or rest."
    in_miles = re.compile(r"\d mi\b")
    page = eve_on_today(context, site_url, store, eve)
    today = page.locator("[data-result] [data-today-readiness]")
    expect(today).to_contain_text(
        "Rest, or very easy running or cross-training: up to the 3.2 km planned, 30 min at most."
    )
    expect(today).to_contain_text(offer)
    expect(today).not_to_contain_text(in_miles)

    page.goto(site_url + "tools/readiness/")
    page.wait_for_selector("[data-calculator][data-computed]", state="attached", timeout=STARTUP_MS)
    verdict = page.locator("[data-result] [data-verdict]")
    expect(verdict).to_contain_text(offer)
    expect(verdict.locator("[data-easy-run]")).to_contain_text("up to the 3.2 km planned, 30 min at most")
    expect(verdict).not_to_contain_text(in_miles)


def test_an_easy_week_day_run_but_not_lifted_moves_its_session_to_todays_run_on_the_calendar(
    page: Page, site_url: str
) -> None:
    """An easy week: Monday 30 November's easy run is logged, Session A is not. The run alone made Monday read done,
    and the calendar offered nothing for the lift. On Tuesday, Monday's details now say why the lift is still owed
    and offer to do it after today's easy run, or skip it; accepted, Tuesday's card holds Session A and Monday reads
    as the run it was."""
    monday, tuesday = date(2026, 11, 30), date(2026, 12, 1)
    plan = plan_season(WeekPrefs(run_days=4, easy_weeks=True), today=monday, race_date=None, weeks=4)
    assert (plan.planned_days()[monday].strength, plan.planned_days()[tuesday].run) == ("A", "easy")
    page.clock.set_fixed_time(datetime.combine(tuesday, time(8)))
    page.goto(site_url)
    run = {"date": monday.isoformat(), "duration_s": 3000, "distance_m": 9000, "rpe": 3, "source": "hand"}
    for key, value in {f"{KEY}plan:season": plan.to_dict(), f"{KEY}runs:r1": run}.items():
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, json.dumps(value)])
    open_calendar(page, site_url)
    result = page.locator("[data-result]")
    monday_card = result.locator(f'[data-day="{monday.isoformat()}"]')
    expect(monday_card).to_contain_text("Session A: missed")
    name = day_words(monday, today=tuesday)
    computed_after(page, lambda: result.get_by_role("button", name=f"Details of {name}").click())
    details = result.locator("[data-details]")
    expect(details.locator("[data-lift-missed]")).to_have_text(
        "You ran the easy run but did not log Session A: it can still go with another easy run this week, or be "
        "skipped."
    )
    move = details.locator("[data-offers] li").filter(has_text="Move Session A to today")
    expect(move).to_contain_text(f"Move Session A to today ({day_words(tuesday, today=tuesday)}), after your easy run.")
    expect(details.locator("[data-offers] li").filter(has_text="Skip Session A this week")).to_have_count(1)
    computed_after(page, lambda: move.get_by_role("button", name="Accept").click())
    expect(result.locator("[data-summary]")).to_contain_text("Plan changed: Move Session A to today")
    (change,) = stored(page, "plan_changes").values()
    assert change["trigger"] == "missed" and change["moves"][0]["what"] == "Session A"
    expect(result.locator(f'[data-day="{tuesday.isoformat()}"]')).to_contain_text("Session A: planned")
    expect(monday_card).not_to_contain_text("Session A")

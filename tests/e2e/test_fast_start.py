"""The fast start in Chromium: a first visit over a fast connection downloads the build's memory snapshot, a
returning visit restores it from the browser's caches, and either answers exactly as a normal start does; a
snapshot that does not arrive in time, is damaged or is another build's falls back to a normal start that the
reader never notices.

Timings are the benchmark's business (benchmarks/startup.py); these tests check correctness only.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, BrowserType, Page, Route, expect

from .conftest import LOCALE, Watch
from .test_race_calculator import STARTUP_MS, computed_after, shown

CALCULATOR = "tools/race-performance/"
FIT = Path(__file__).parents[1] / "fixtures" / "activity" / "run.fit"


@pytest.fixture
def returning(
    browser_type: BrowserType, browser_type_launch_args: dict[str, Any], tmp_path: Path, site_url: str
) -> Iterator[BrowserContext]:
    """A reader's browser after one calculator visit over a fast connection (loopback), which started from the
    downloaded snapshot; the service worker has then saved the runtime and the snapshot."""
    context = browser_type.launch_persistent_context(
        str(tmp_path / "profile"), locale=LOCALE, **browser_type_launch_args
    )
    watch = Watch()
    context.on("request", watch.request)
    context.on("page", watch.attach)
    page = context.pages[0] if context.pages else context.new_page()
    watch.attach(page)
    page.goto(site_url + CALCULATOR)
    assert started(page) == "snapshot"
    page.wait_for_function(
        "() => navigator.serviceWorker.controller && document.documentElement.dataset.slOffline === 'all'",
        timeout=STARTUP_MS * 2,
    )
    yield context
    context.close()
    assert watch.problems == []


def started(page: Page) -> str:
    """How the engine started on this page: "snapshot" or "normal"."""
    page.wait_for_selector("html[data-sl-engine-start]", state="attached", timeout=STARTUP_MS)
    return page.evaluate("() => document.documentElement.dataset.slEngineStart")


def result_for(page: Page, time: str) -> str:
    """The result Python computes in this page for a 5 km in ``time``, without what the browser decides (whether a
    table's box scrolls, so is a region: :func:`shown`)."""
    page.get_by_label("Finish time").fill(time)
    page.get_by_label("Finish time").press("Enter")
    expect(page.locator("[data-summary]")).to_contain_text(f"from 5 km in {time}", timeout=STARTUP_MS)
    return shown(page)


def normal_start(browser: Browser, site_url: str, snapshot: Callable[[Route], None]) -> tuple[BrowserContext, Page]:
    """A first visit to the calculator whose snapshot is answered by ``snapshot``; no service worker, which
    would answer the worker's requests before ``route`` could see them."""
    context = browser.new_context(service_workers="block", locale=LOCALE)
    page = context.new_page()
    page.route("**/snapshot-*.bin", snapshot)
    page.goto(site_url + CALCULATOR)
    return context, page


def test_a_snapshot_that_does_not_arrive_in_time_gives_a_normal_start(browser: Browser, site_url: str) -> None:
    asked: list[Route] = []

    def too_slow(route: Route) -> None:  # a connection too slow for the snapshot: it never arrives
        asked.append(route)

    context, page = normal_start(browser, site_url, too_slow)
    watch = Watch()
    watch.attach(page)
    assert started(page) == "normal"
    assert len(asked) == 1  # it was downloaded, then given up on
    assert "from 5 km in 22:10" in result_for(page, "22:10")
    expect(page.locator("[data-status]")).not_to_contain_text("could not")
    context.close()
    assert watch.problems == []


def test_snapshot_starts_answer_exactly_as_a_normal_start(
    returning: BrowserContext, browser: Browser, site_url: str
) -> None:
    context, page = normal_start(browser, site_url, lambda route: route.fulfill(status=404, body="gone"))
    assert started(page) == "normal"
    normal = result_for(page, "21:07")
    context.close()
    assert result_for(returning.pages[0], "21:07") == normal  # downloaded on the first visit
    again = returning.new_page()
    again.goto(site_url + CALCULATOR)
    assert started(again) == "snapshot"
    assert result_for(again, "21:07") == normal
    # A library installed on demand still installs after a snapshot start: the FIT decoder.
    log = returning.new_page()
    log.goto(site_url + "tools/readiness/")
    assert started(log) == "snapshot"
    log.wait_for_selector("[data-calculator][data-computed]", state="attached", timeout=STARTUP_MS)
    computed_after(log, lambda: log.get_by_label("What do you want to log?").select_option("activity"))
    computed_after(log, lambda: log.get_by_label("Activity files").set_input_files(FIT))
    computed_after(log, lambda: log.get_by_label("How hard did the runs you import feel?").select_option("5"))
    computed_after(log, lambda: log.get_by_role("button", name="Save", exact=True).click())
    expect(log.locator("[data-message]")).to_contain_text("from a FIT file")


def warm_marks(page: Page) -> list[str]:
    """What the worker's warm-up (``warmUp`` in worker.mjs) has recorded as done, one address per Pyodide version."""
    return page.evaluate("async () => (await (await caches.open('stridelab:engine-warmed')).keys()).map((r) => r.url)")


def test_the_engine_warms_up_once_from_the_saved_runtime_and_answers_right_meanwhile(
    returning: BrowserContext, site_url: str
) -> None:
    """After its first answer, a start from the saved runtime answers every calculator's example for a while, so
    that Chromium keeps the compiled interpreter for the next visits; the reader's own answers come meanwhile, and
    right. A start from the network (the first visit) has nothing the browser could keep."""
    first = returning.pages[0]
    assert warm_marks(first) == []
    expected = {time: result_for(first, time) for time in ("20:45", "18:02")}
    page = returning.new_page()
    page.goto(site_url + CALCULATOR)
    assert started(page) == "snapshot"
    page.wait_for_selector("[data-calculator][data-computed]", state="attached", timeout=STARTUP_MS)
    for time, result in expected.items():  # asked while it warms up
        assert result_for(page, time) == result
    page.wait_for_selector("html[data-sl-engine-warmed]", state="attached", timeout=STARTUP_MS * 2)
    assert [mark.rsplit("/", 1)[-1] for mark in warm_marks(page)] == [f"warmed-{pyodide_version()}"]


def pyodide_version() -> str:
    package = Path(__file__).parents[2] / "node_modules" / "pyodide" / "package.json"
    version: str = json.loads(package.read_text())["version"]
    return version


def _replace_cached(page: Page, name_part: str, body: str | None, content_type: str) -> None:
    """Overwrite a file in the service worker's cache, as a damaged disk or a half-finished update might:
    with ``body``, or (None) with itself less its last 4 KB."""
    replaced = page.evaluate(
        """async ([namePart, body, type]) => {
            let done = 0;
            for (const name of await caches.keys()) {
                const cache = await caches.open(name);
                for (const request of await cache.keys()) {
                    if (request.url.includes(namePart)) {
                        const saved = await (await cache.match(request)).arrayBuffer();
                        const damaged = body ?? saved.slice(0, saved.byteLength - 4096);
                        await cache.put(request, new Response(damaged, { headers: { "content-type": type } }));
                        done++;
                    }
                }
            }
            return done;
        }""",
        [name_part, body, content_type],
    )
    assert replaced == 1


@pytest.mark.parametrize("damage", ["corrupt snapshot", "snapshot cut short", "snapshot of another build"])
def test_a_damaged_snapshot_falls_back_to_a_normal_start_unnoticed(
    returning: BrowserContext, site_url: str, built_site: Path, damage: str
) -> None:
    first = returning.pages[0]
    expected = result_for(first, "23:45")
    if damage == "corrupt snapshot":
        _replace_cached(first, "/snapshot-", "not a snapshot" * 1000, "application/octet-stream")
    elif damage == "snapshot cut short":  # all but its end is right: only the read's length tells
        _replace_cached(first, "/snapshot-", None, "application/octet-stream")
    else:
        about = json.loads((built_site / "assets" / "pyodide" / "snapshot.json").read_text())
        _replace_cached(first, "/snapshot.json", json.dumps(about | {"calculators": "0" * 64}), "application/json")
    again = returning.new_page()
    again.goto(site_url + CALCULATOR)
    assert started(again) == "normal"
    assert result_for(again, "23:45") == expected
    expect(again.locator("[data-status]")).not_to_contain_text("could not")


def test_a_calculator_far_down_a_guide_starts_the_engine_only_as_the_reader_nears_it(page: Page, site_url: str) -> None:
    # The readiness check on this guide reads the reader's log, so it computes at once; that waits for the
    # reader to come near it, and the page meanwhile loads no Pyodide byte.
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(site_url + "guides/hrv-and-readiness/", wait_until="networkidle")
    calculator = page.locator("[data-calculator]")
    box = calculator.bounding_box()
    assert box is not None and box["y"] > 2 * page.viewport_size["height"], "the calculator is not far down"
    assert not [url for url in fetched if "/assets/pyodide/" in url]
    assert page.evaluate("() => !document.documentElement.dataset.slEngineStart")

    calculator.scroll_into_view_if_needed()
    assert started(page) in ("snapshot", "normal")
    expect(calculator).to_have_attribute("data-computed", re.compile(r"\d+"), timeout=STARTUP_MS)


def test_a_tool_page_starts_the_engine_at_once_however_far_down_a_small_phone_puts_its_calculator(
    page: Page, site_url: str
) -> None:
    # The readiness page's calculator is its subject: more than two screens down (a tool page's lead is short, but at
    # 400 % zoom a 1280 × 600 window is 320 × 150 CSS px, and an offline notice adds more), it must still show the
    # reader's own verdict without a scroll, not the example beside "Reading…".
    page.set_viewport_size({"width": 320, "height": 150})
    page.goto(site_url + "tools/readiness/")
    calculator = page.locator("[data-calculator]")
    box = calculator.bounding_box()
    assert box is not None and box["y"] > 2 * 150, "the calculator is not far down"
    assert started(page) in ("snapshot", "normal")
    expect(calculator).to_have_attribute("data-computed", re.compile(r"\d+"), timeout=STARTUP_MS)
    expect(page.locator("[data-status]")).not_to_contain_text("Reading what this browser holds")

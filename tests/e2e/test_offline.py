"""The installable, offline, update-safe site in a real Chromium, against a server these tests stop and redeploy.

Each test gets its own persistent browser profile (a service worker and its caches, as a returning
reader has them) and its own server, which records every path it is asked for: "downloads only what
changed" and "no Pyodide byte on a guide" are counted at the server, where nothing can hide them.
"""

from __future__ import annotations

import html
import json
import shutil
import threading
import time
from collections import Counter
from collections.abc import Iterator
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, BrowserType, Page, expect

from build import ROOT, SiteHandler, build, read_headers_file
from theme.hooks.service_worker import read_manifest

from .conftest import LOCALE, Watch

CALCULATOR = "tools/race-performance/"
GUIDE = "guides/long-run-fueling/"  # no calculator on it
EDITED = "guides/training-load/"  # the page version 2 changes
V2_MARK = "A sentence that only version 2 of this guide has."
STARTUP_MS = 60_000


class Host:
    """Serves one built site on a fixed port; can be stopped, started again, and redeployed in place."""

    def __init__(self, site: Path, prefix: str = "") -> None:
        self.requests: list[str] = []  # every path asked for, in order
        self.port = 0
        self.prefix = prefix  # a sub-path the site is served under, such as "stridelab/"
        self.server: ThreadingHTTPServer | None = None
        self.deploy(site)
        self.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/{self.prefix}"

    def deploy(self, site: Path) -> None:
        self.rules = read_headers_file(site)
        if self.prefix:  # the site inside a folder, as GitHub Pages serves a project's pages
            root = site.parent / f"{site.name}-under-a-sub-path"
            root.mkdir(exist_ok=True)
            if not (root / self.prefix).exists():
                (root / self.prefix).symlink_to(site, target_is_directory=True)
            site = root
        self.folder = site

    def start(self) -> None:
        host = self

        class Handler(SiteHandler):
            # Chromium opens connections ahead of its requests, so the folder, the headers and whether the
            # server still answers are decided when a request arrives, not when its connection did.
            def parse_request(self) -> bool:
                if host.server is None or not super().parse_request():
                    self.close_connection = True
                    return False
                self.directory, self.rules = str(host.folder), host.rules
                return True

            def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
                host.requests.append(self.path.split("?", 1)[0])

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), partial(Handler, directory=str(self.folder)))
        self.port = self.server.server_port
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        """Nothing answers on the port any more: stricter than the browser's offline switch."""
        assert self.server is not None
        self.server.shutdown()
        self.server.server_close()
        self.server = None

    def since(self, mark: int) -> list[str]:
        return self.requests[mark:]


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Version 1 of the site, and version 2 with one guide edited (built back to back, from the same code)."""
    content = tmp_path_factory.mktemp("content-v2") / "content"
    shutil.copytree(ROOT / "content", content)
    guide = content / "guides" / "training-load.md"
    guide.write_text(guide.read_text().replace("\n## ", f"\n{V2_MARK}\n\n## ", 1))
    v1 = build(site_dir=tmp_path_factory.mktemp("v1") / "site")
    # Python's server dates files to the second (Last-Modified) and answers a conditional request with
    # 304 when the second is the same: a v2 built within a second of v1 would look unchanged.
    time.sleep(1.1)
    v2 = build(site_dir=tmp_path_factory.mktemp("v2") / "site", docs_dir=content)
    return v1, v2


@pytest.fixture
def host(versions: tuple[Path, Path]) -> Iterator[Host]:
    host = Host(versions[0])
    yield host
    if host.server:
        host.stop()


@pytest.fixture
def app(
    browser_type: BrowserType, browser_type_launch_args: dict[str, Any], tmp_path: Path
) -> Iterator[tuple[BrowserContext, Watch]]:
    """A persistent profile, as a returning reader's browser keeps its service worker; watched like `page`."""
    context = browser_type.launch_persistent_context(
        str(tmp_path / "profile"), locale=LOCALE, **browser_type_launch_args
    )
    watch = Watch()
    context.on("request", watch.request)
    context.on("page", watch.attach)
    for page in context.pages:
        watch.attach(page)
    yield context, watch
    context.close()
    assert watch.problems == []


def first_page(app: tuple[BrowserContext, Watch]) -> Page:
    context, _ = app
    return context.pages[0] if context.pages else context.new_page()


def wait_until_saved(page: Page, what: str, timeout: float = STARTUP_MS) -> None:
    """Until the service worker controls the page and has saved "pages" (the shell) or "all" (and the runtime)."""
    page.wait_for_function(
        "what => navigator.serviceWorker.controller && document.documentElement.dataset.slOffline === what",
        arg=what,
        timeout=timeout,
    )


def runtime_requests(paths: list[str]) -> Counter[str]:
    return Counter(path for path in paths if "/assets/pyodide/" in path)


def served_at(path: str) -> str:
    """The address the service worker fetches a file at: pages at their directory URL."""
    return "/" + (path.removesuffix("index.html") if path.endswith("index.html") else path)


def compute(page: Page, time: str) -> None:
    """Type a finish time and wait for the result Python computes for it in the browser."""
    page.get_by_label("Finish time").fill(time)
    page.get_by_label("Finish time").press("Enter")
    expect(page.locator("[data-summary]")).to_contain_text(f"from 5 km in {time}", timeout=STARTUP_MS)


def test_a_guide_caches_the_site_but_no_pyodide_byte_until_asked(
    app: tuple[BrowserContext, Watch], host: Host, versions: tuple[Path, Path]
) -> None:
    page = first_page(app)
    page.goto(host.url + GUIDE)
    wait_until_saved(page, "pages")
    assert runtime_requests(host.requests) == Counter()
    shell = read_manifest((versions[0] / "sw.js").read_text())["shell"]
    assert {served_at(path) for path in shell} <= set(host.requests)  # every page, the index, the assets
    status = page.get_by_label("Use Stridelab offline")
    expect(status).to_contain_text("Every page and the search already work offline")

    page.context.set_offline(True)
    expect(page.locator("[data-notice=offline]")).to_contain_text("You are offline. The guides and the search")
    page.context.set_offline(False)
    expect(page.locator("[data-notice=offline]")).to_have_count(0)

    page.get_by_role("button", name="Save for offline").click()
    wait_until_saved(page, "all")
    expect(status).to_contain_text("Saved for offline: every page, the search and the calculators")
    expect(page.get_by_role("button", name="Save for offline")).to_be_hidden()
    runtime = read_manifest((versions[0] / "sw.js").read_text())["runtime"]
    assert runtime_requests(host.requests) == Counter({served_at(path): 1 for path in runtime})


def test_a_calculator_page_never_opened_online_says_offline_what_it_needs_and_keeps_what_was_typed(
    app: tuple[BrowserContext, Watch], host: Host
) -> None:
    """Only a guide visited online, then offline an HRV reading saved on the readiness page: the reader was told
    "The calculator engine could not start: Failed to fetch dynamically imported module: http://…/pyodide.mjs"
    under a notice that offered "Save for offline", which cannot work offline."""
    context, watch = app
    page = first_page(app)
    page.goto(host.url + GUIDE)
    wait_until_saved(page, "pages")
    context.set_offline(True)
    watch.allowed.append("net::ERR_INTERNET_DISCONNECTED")  # Chromium logs each runtime file it could not fetch
    page.goto(host.url + "tools/readiness/")
    expect(page.locator("[data-notice=offline]")).to_have_text(
        "You are offline. The guides and the search still work, and your data is safe on this device. The "
        "calculators need a connection until their engine is saved here: once you are back online, open a "
        "calculator page or press “Save for offline”."
    )
    save_for_offline = page.get_by_role("button", name="Save for offline")
    expect(save_for_offline).to_be_hidden()
    needs = (
        "The calculators cannot start offline on this device yet: they need one visit to a calculator page with a "
        "connection first. Nothing is lost: what you typed is still in the form. Once you are online, reload this "
        "page; from then on the calculators work offline too."
    )
    status = page.locator("[data-calculator] [data-status]")
    expect(status).to_have_text(needs, timeout=STARTUP_MS)
    page.get_by_label("What do you want to log?").select_option("hrv")
    page.get_by_label("rMSSD (ms").fill("48")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(status).to_have_text(f"Not saved: {needs}")
    expect(page.get_by_label("rMSSD (ms")).to_have_value("48")
    context.set_offline(False)
    expect(save_for_offline).to_be_visible()


def test_after_one_calculator_visit_everything_works_with_the_server_gone(
    app: tuple[BrowserContext, Watch], host: Host, versions: tuple[Path, Path]
) -> None:
    context, watch = app
    page = first_page(app)
    page.goto(host.url + CALCULATOR)
    compute(page, "19:30")
    # The engine downloaded the runtime before the service worker existed; it is taken from the
    # browser's HTTP cache, not downloaded a second time.
    wait_until_saved(page, "all")
    assert set(runtime_requests(host.requests).values()) == {1}, runtime_requests(host.requests)
    host.stop()

    tab = context.new_page()
    tab.goto(host.url)
    expect(tab.get_by_role("heading", level=1)).to_contain_text("Stridelab")
    tab.goto(host.url + GUIDE)
    expect(tab.get_by_role("heading", name="Long-run fueling", level=1)).to_be_visible()
    search = tab.get_by_role("textbox", name="Search")
    search.focus()
    expect(tab.locator(".md-search-result__meta")).to_have_text("Type to start searching")  # the index has loaded
    search.press_sequentially("lactate threshold")  # key by key, as Material listens for keys
    expect(tab.locator(".md-search-result__item").first).to_contain_text("threshold", ignore_case=True)
    tab.keyboard.press("Escape")

    tab.goto(host.url + CALCULATOR)
    compute(tab, "18:45")

    context.set_offline(True)  # the browser now knows, and says so
    notice = tab.locator("[data-notice=offline]")
    expect(notice).to_have_text(
        "You are offline. Everything still works: the guides, the search, the calculators and your data, "
        "which stays on this device."
    )
    assert Axe().run(tab).violations_count == 0
    context.set_offline(False)
    expect(notice).to_have_count(0)

    # With the server still gone: a log entry is added offline and is there after a reload.
    tab.goto(host.url + "tools/readiness/")
    tab.wait_for_selector("[data-calculator][data-computed]", state="attached", timeout=STARTUP_MS)
    tab.get_by_label("What do you want to log?").select_option("run")
    tab.get_by_label("Duration").fill("41:00")
    tab.get_by_label("Distance (km)", exact=True).fill("8")
    tab.get_by_label("How hard did the run feel? (RPE)").select_option("4")
    tab.get_by_role("button", name="Save", exact=True).click()
    expect(tab.locator("[data-message]")).to_contain_text("added to your log", timeout=STARTUP_MS)
    tab.reload()
    expect(tab.locator("[data-result]")).to_contain_text("41:00", timeout=STARTUP_MS)

    watch.allowed.append("404")  # Chromium logs the page's own status
    response = tab.goto(host.url + "no/such/page/")
    assert response is not None and response.status == 404
    not_found = (versions[0] / "404.html").read_text().split("<title>")[1].split("</title>")[0]
    expect(tab).to_have_title(html.unescape(not_found))  # the site's own 404 page


#: Records every text the offline notice and the offline panel show, from the page's first moment: a wrong word
#: shown only until the service worker answers is gone before any later look could see it.
RECORD_OFFLINE_WORDS = """
window.slSaid = [];
new MutationObserver(() => {
  for (const node of document.querySelectorAll("[data-notice=offline], .sl-offline__status")) {
    if (node.textContent && !window.slSaid.includes(node.textContent)) window.slSaid.push(node.textContent);
  }
}).observe(document, { subtree: true, childList: true, characterData: true });
"""


def test_pages_opened_offline_never_say_a_saved_site_is_not_saved(
    app: tuple[BrowserContext, Watch], host: Host
) -> None:
    # Everything is saved; offline, the reader opens several pages in quick succession. Each page learns what is
    # saved from the service worker: until it has answered, a page must say nothing about it rather than "other
    # pages need a connection until this site is saved" or "Getting this site ready", which a page with a
    # calculator said until its engine had started.
    context, _ = app
    page = first_page(app)
    page.goto(host.url + CALCULATOR)
    compute(page, "19:30")
    wait_until_saved(page, "all")
    context.add_init_script(RECORD_OFFLINE_WORDS)
    context.set_offline(True)
    tabs = []
    for path in ("tools/today/", "tools/calendar/", "tools/strength-log/", "tools/planner/", GUIDE):
        tab = context.new_page()
        tab.goto(host.url + path, wait_until="commit")
        tabs.append(tab)
    for tab in tabs:
        expect(tab.locator("[data-notice=offline]")).to_have_text(
            "You are offline. Everything still works: the guides, the search, the calculators and your data, "
            "which stays on this device."
        )
        expect(tab.get_by_label("Use Stridelab offline")).to_contain_text("Saved for offline: every page")
        said = tab.evaluate("() => window.slSaid")
        assert not [words for words in said if "until this site is saved" in words or "Getting this" in words], said
        assert not [words for words in said if "until their engine is saved" in words], said
    for tab in tabs[:-1]:  # and every calculator page computes offline, as it did before
        tab.wait_for_selector("[data-calculator][data-computed]", state="attached", timeout=STARTUP_MS)
    context.set_offline(False)


def test_a_new_version_is_offered_never_mixed_and_downloads_only_what_changed(
    app: tuple[BrowserContext, Watch], host: Host, versions: tuple[Path, Path]
) -> None:
    v1, v2 = (read_manifest((site / "sw.js").read_text()) for site in versions)
    page = first_page(app)
    page.goto(host.url + CALCULATOR)
    wait_until_saved(page, "all", timeout=STARTUP_MS)  # a returning reader: runtime saved with version 1
    page.goto(host.url + EDITED)
    expect(page.get_by_text(V2_MARK)).to_have_count(0)

    host.deploy(versions[1])
    mark = len(host.requests)
    page.goto(host.url + GUIDE)  # any navigation makes the browser look for a new service worker
    update = page.get_by_role("button", name="Reload to update")
    try:
        expect(update).to_be_visible(timeout=30_000)
    except AssertionError:
        state = page.evaluate("""() => navigator.serviceWorker.getRegistration().then(
            (r) => [r.installing?.state, r.waiting?.state, r.active?.state])""")
        raise AssertionError(f"no update offered: requests {host.since(mark)}, workers {state}") from None
    expect(page.locator("[data-notice=update]")).to_contain_text("Update available")

    changed = {path for group in ("shell", "runtime") for path, rev in v2[group].items() if v1[group].get(path) != rev}
    assert EDITED + "index.html" in changed
    assert set(host.since(mark)) == {"/sw.js"} | {served_at(path) for path in changed}
    assert not {"/assets/pyodide/pyodide.asm.wasm", "/assets/pyodide/python_stdlib.zip"} & set(host.since(mark))

    # Until the reader accepts, version 1 serves version 1, even the page that changed.
    page.goto(host.url + EDITED)
    expect(page.get_by_text(V2_MARK)).to_have_count(0)
    expect(update).to_be_visible()

    mark = len(host.requests)
    with page.expect_event("load"):
        update.click()
    expect(page.get_by_text(V2_MARK)).to_be_visible()
    expect(page.locator("[data-notice=update]")).to_have_count(0)
    wait_until_saved(page, "all")
    assert set(host.since(mark)) <= {"/sw.js"}  # everything came from the cache
    cached = page.evaluate(
        """async () => (await Promise.all((await caches.keys()).map(async (n) => (await caches.open(n)).keys())))
            .flat().map((r) => r.url)"""
    )
    # Version 1's files are gone; exactly version 2's remain.
    assert sorted(url.split("?__rev=")[1] for url in cached) == sorted([*v2["shell"].values(), *v2["runtime"].values()])


def test_chromium_offers_the_install_and_installing_saves_the_runtime(
    app: tuple[BrowserContext, Watch], host: Host
) -> None:
    context, _ = app
    # The prompt itself is the browser's own dialog; record that the button asks for it.
    context.add_init_script(
        "BeforeInstallPromptEvent.prototype.prompt = async function () { window.__prompted = true; };"
    )
    page = first_page(app)
    page.goto(host.url + GUIDE)
    wait_until_saved(page, "pages")
    # Chromium fires beforeinstallprompt only for an installable site: manifest, icons, service worker.
    install = page.get_by_role("button", name="Install Stridelab")
    expect(install).to_be_visible()
    install.click()
    expect(install).to_be_hidden()
    assert page.evaluate("() => window.__prompted") is True
    assert runtime_requests(host.requests) == Counter()
    page.evaluate("() => window.dispatchEvent(new Event('appinstalled'))")
    wait_until_saved(page, "all")


def test_the_site_works_offline_under_a_sub_path(
    app: tuple[BrowserContext, Watch], versions: tuple[Path, Path]
) -> None:
    host = Host(versions[0], prefix="stridelab/")
    page = first_page(app)
    page.goto(host.url + GUIDE)
    wait_until_saved(page, "pages")
    scope = page.evaluate("navigator.serviceWorker.getRegistration().then((r) => new URL(r.scope).pathname)")
    assert scope == "/stridelab/"
    host.stop()
    page.goto(host.url + "guides/training-load/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Training load")
    page.goto(host.url)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Stridelab")


def test_a_site_that_cannot_be_saved_for_offline_says_so(
    app: tuple[BrowserContext, Watch], versions: tuple[Path, Path], tmp_path: Path
) -> None:
    # A deploy under way: one page on the server is already another version's, so the service worker's
    # install refuses it and fails. The panel says so, and offers no button that would wait for ever.
    site = tmp_path / "site"
    shutil.copytree(versions[0], site)
    changed = site / EDITED / "index.html"
    changed.write_text(changed.read_text().replace("</body>", "<!-- the next version -->\n</body>"))
    for copy in (changed.with_name("index.html.br"), changed.with_name("index.html.gz")):
        copy.unlink()
    host = Host(site)
    try:
        page = first_page(app)
        page.goto(host.url + GUIDE)
        expect(page.get_by_label("Use Stridelab offline")).to_contain_text(
            "could not be saved on this device for offline use", timeout=STARTUP_MS
        )
        expect(page.get_by_role("button", name="Save for offline")).to_be_hidden()
        expect(page.get_by_role("heading", name="Long-run fueling", level=1)).to_be_visible()  # the page still works
    finally:
        host.stop()


def test_a_saved_page_never_runs_the_python_of_a_newer_version(
    app: tuple[BrowserContext, Watch], versions: tuple[Path, Path], tmp_path: Path
) -> None:
    # The reader has read a guide: the pages are saved, the calculators' engine not yet. A new version with
    # other Python goes out; the reader then opens a calculator page of the saved version. Its engine must
    # not start on the new version's files, which its page was not made for: it says so instead.
    site = tmp_path / "site"
    shutil.copytree(versions[0], site)
    host = Host(site)
    try:
        page = first_page(app)
        page.goto(host.url + GUIDE)
        wait_until_saved(page, "pages")
        lock = site / "assets" / "pyodide" / "pyodide-lock.json"
        newer = json.loads(lock.read_text())
        newer["packages"]["calculators"]["sha256"] = "0" * 64  # as a new wheel would change it
        lock.write_text(json.dumps(newer))
        for copy in (lock.with_name(lock.name + ".br"), lock.with_name(lock.name + ".gz")):
            copy.unlink(missing_ok=True)
        page.goto(host.url + CALCULATOR)
        status = page.locator("[data-calculator] [data-status]")
        expect(status).to_contain_text("the site has been updated since this page was saved", timeout=STARTUP_MS)
        assert page.evaluate("() => !document.documentElement.dataset.slEngineStart")
    finally:
        host.stop()

"""The site search: Material's index is fetched, and its search worker started, only when the reader reaches
for the search (they would otherwise be built on every page, competing with the page's start), and then it
finds pages."""

from __future__ import annotations

from playwright.sync_api import Page, expect

INDEX = "search/search_index.json"


def test_the_index_loads_when_the_reader_reaches_for_the_search_and_finds_pages(page: Page, site_url: str) -> None:
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url) if request.url.endswith(INDEX) else None)
    workers: list[str] = []
    page.on("worker", lambda worker: workers.append(worker.url))
    page.goto(site_url + "guides/long-run-fueling/", wait_until="networkidle")
    assert asked == workers == []  # nothing yet: a reader who never searches never pays for it
    page.keyboard.press("/")  # Material's shortcut to the search field
    search = page.get_by_role("textbox", name="Search")
    expect(search).to_be_focused()
    search.press_sequentially("lactate threshold")  # key by key, as Material listens for keys
    expect(page.locator(".md-search-result__item").first).to_contain_text("threshold", ignore_case=True)
    assert asked == [site_url + INDEX]
    assert any("/workers/search." in url for url in workers)


def test_the_search_toggle_also_loads_the_index(page: Page, site_url: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})  # a phone: the search opens from its icon
    page.goto(site_url + "guides/long-run-fueling/", wait_until="networkidle")
    with page.expect_request(f"**/{INDEX}"):
        page.locator("label.md-header__button[for=__search]").click()
    page.get_by_role("textbox", name="Search").press_sequentially("fueling")
    expect(page.locator(".md-search-result__item").first).to_contain_text("fuel", ignore_case=True)

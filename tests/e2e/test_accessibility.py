"""axe-core finds no violations on any page, in light mode, and on the busiest pages in dark mode too."""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

BUSIEST = ["", "guides/strength-training-for-runners/", "tools/race-performance/", "tools/your-data/"]


def test_no_axe_violations_on_any_page(page: Page, site_url: str, built_site: Path) -> None:
    axe = Axe()
    reports = []
    for html in sorted(built_site.rglob("index.html")):
        path = html.parent.relative_to(built_site).as_posix()
        page.goto(site_url + ("" if path == "." else f"{path}/"))
        results = axe.run(page)
        if results.violations_count:
            reports.append(f"{path}:\n{results.generate_report()}")
    assert reports == []


@pytest.mark.parametrize("path", BUSIEST)
def test_no_axe_violations_in_dark_mode(page: Page, site_url: str, path: str) -> None:
    page.emulate_media(color_scheme="dark")
    page.goto(site_url + path)
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_the_colours_follow_the_system_setting_after_the_first_visit(page: Page, site_url: str) -> None:
    """Material keeps the palette of a reader's first visit; its "(prefers-color-scheme)" entry makes each page
    ask the system again, so a phone that turns dark at night shows the site dark on the next visit."""
    body = page.locator("body")
    page.emulate_media(color_scheme="dark")
    page.goto(site_url)
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    page.emulate_media(color_scheme="light")
    page.reload()
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    expect(body).to_have_attribute("data-md-color-primary", "custom")  # the site's own colours, not Material's
    # A choice made with the toggle stays: light, then dark, then back to the system's setting.
    page.get_by_title("Using your device's setting: switch to always light").click()
    page.get_by_title("Always light: switch to always dark").click()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    page.reload()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    page.get_by_title("Always dark: switch back to your device's setting").click()
    page.reload()
    expect(body).to_have_attribute("data-md-color-scheme", "default")

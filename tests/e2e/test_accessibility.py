"""axe-core finds no violations on any page, in light mode, and on the busiest pages in dark mode too."""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

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

"""The tool pages: one for each registered calculator, reachable from the Tools menu and the Tools page, each showing
its calculator's real result before any Python loads."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from build import ROOT
from calculators.registry import CALCULATORS
from calculators.ui.calculator import Context
from theme.hooks.calculator_blocks import embedded_calculators

TOOLS = ROOT / "content" / "tools"
TOOL_PAGES = sorted(p for p in TOOLS.glob("*.md") if embedded_calculators(p.read_text()))


def test_every_registered_calculator_has_a_tool_page_and_every_tool_page_a_registered_calculator() -> None:
    """A calculator no tool page embeds is one a reader cannot find from the Tools section."""
    embedded = {name for page in TOOL_PAGES for name in embedded_calculators(page.read_text())}
    assert embedded == set(CALCULATORS)


@pytest.mark.parametrize("page", TOOL_PAGES, ids=lambda page: page.stem)
def test_each_tool_page_ships_the_result_its_calculator_computes_for_its_example(built_site: Path, page: Path) -> None:
    """The page shows real numbers before any Python loads: what CPython's ``compute`` answers for the calculator's
    defaults with nothing of the reader's (an empty ``Context``, as the build has), whatever the example is."""
    html = (built_site / "tools" / page.stem / "index.html").read_text()
    for name in embedded_calculators(page.read_text()):
        calc = CALCULATORS[name]
        assert f'data-calculator="{name}"' in html
        assert str(calc.compute(calc.defaults(), Context()).html) in html, name


def test_the_profile_pages_headings_each_say_something_new(built_site: Path) -> None:
    """Its h1, its calculator's h2 and the answer's h3 were all "Your profile": a screen reader's list of headings,
    the quickest way round a page, read the same words three times."""
    html = (built_site / "tools" / "profile" / "index.html").read_text()
    headings = [re.sub(r"<[^>]+>|&para;", "", h).strip() for h in re.findall(r"<h[1-3]\b[^>]*>(.*?)</h[1-3]>", html)]
    assert headings[:3] == ["Your profile", "Your settings", "What your tools start from"]
    assert len(set(headings)) == len(headings), headings


def _nav_pages(entries: list[object]) -> list[str]:
    """Every page a part of ``nav`` lists (``- page.md`` or ``- Title: page.md``, sections included)."""
    pages: list[str] = []
    for entry in entries:
        for value in entry.values() if isinstance(entry, dict) else [entry]:
            pages.extend(_nav_pages(value) if isinstance(value, list) else [value])
    return pages


NAV_TOOLS = sorted(
    page.removeprefix("tools/")
    for page in _nav_pages(yaml.safe_load((ROOT / "mkdocs.yml").read_text())["nav"])
    if page.startswith("tools/") and page != "tools/index.md"
)


def test_every_tool_page_is_in_the_nav() -> None:
    """MkDocs builds a page left out of ``nav``, strict or not (it only logs it), and no menu leads to it."""
    assert sorted(p.name for p in TOOLS.glob("*.md") if p.name != "index.md") == NAV_TOOLS


def test_every_tool_page_in_the_nav_is_listed_on_the_tools_page() -> None:
    """The Tools page's table is where a reader looks for what the tools do."""
    listed = set(re.findall(r"^\| \[[^\]]+\]\(([^)#]+\.md)\)", (TOOLS / "index.md").read_text(), re.MULTILINE))
    assert set(NAV_TOOLS) <= listed

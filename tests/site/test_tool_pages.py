"""The tool pages: one for each registered calculator, reachable from the Tools menu and the Tools page, each showing
its calculator's real result before any Python loads."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import pytest
import yaml

from build import ROOT
from calculators.registry import CALCULATORS
from calculators.ui.calculator import Context
from calculators.ui.html import lift_headings
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
        # Its headings a level up: the page's h1 heads the calculator (see the outline test below).
        assert str(lift_headings(calc.compute(calc.defaults(), Context()).html)) in html, name


def outline(html: str) -> list[tuple[int, str]]:
    """The page's headings as a screen reader lists them: (level, words), in order, from its article."""
    article = html[html.index("<article") : html.index("</article>")]
    found = re.findall(r"<h([1-6])\b[^>]*>(.*?)</h\1>", article, re.DOTALL)
    return [(int(level), re.sub(r"<[^>]+>|&para;", "", words).strip()) for level, words in found]


@pytest.mark.parametrize("page", TOOL_PAGES, ids=lambda page: page.stem)
def test_each_tool_pages_headings_say_something_new_in_order(built_site: Path, page: Path) -> None:
    """The calculator's h2 said the page's h1 again on seven tool pages ("Strength log", then "Strength log"), and
    "Your settings" under "Your profile": a screen reader's list of headings, the quickest way round a page, read the
    same thing twice before anything new. The h1 heads the calculator; the answer's headings follow it, and no level
    is skipped (an h3 straight under the h1 reads as part of a section that is not there)."""
    html = (built_site / "tools" / page.stem / "index.html").read_text()
    headings = outline(html)
    assert headings[0][0] == 1 and [level for level, _ in headings].count(1) == 1, headings
    for (above, said), (level, words) in pairwise(headings):
        assert level <= above + 1, f"h{above} {said!r} then h{level} {words!r}"
        assert words != said, headings
    assert "sl-calc__title" not in html  # no heading of the calculator's own: the h1 is it


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

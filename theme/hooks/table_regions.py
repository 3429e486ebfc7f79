"""Give each Markdown table a keyboard-scrollable region named after the heading above it.

On a narrow screen a table wider than the page scrolls sideways in its box; a box that scrolls must take focus,
or a keyboard cannot scroll it (WCAG 2.1.1, axe's scrollable-region-focusable). The tools' tables get this from
``calculators/ui/html.py``; the guides' tables, written in Markdown, get it here. Whether a table overflows
depends on the reader's screen and text size, which the build cannot know: every such table gets the region.
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path
from typing import Any

# A plain `mkdocs build` from a checkout must find the sibling hook as a module too.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from theme.hooks.structured_data import visible_text

# A heading (h2 to h4) or a table as Python-Markdown writes them from Markdown: an id alone, a bare <table>. A
# calculator's title and tables carry a class: a table after a calculator is named by the guide's heading.
_HEADING_OR_TABLE = re.compile(r'<h(?P<level>[2-4]) id="[^"]*">(?P<heading>.*?)</h(?P=level)>|<table>', re.DOTALL)


def region_name(heading: str, number: int) -> str:
    """The region's name, e.g. "Table: What a week looks like in AU, scrolls sideways"; a heading's second
    table is "(2)"."""
    if not heading:
        return "Table, scrolls sideways"
    return f"Table: {heading}{f' ({number})' if number > 1 else ''}, scrolls sideways"


def add_table_regions(content: str) -> str:
    """Wrap each bare <table> in a focusable region; Material later wraps the table itself for its styling."""
    heading = ""
    count = 0
    out: list[str] = []
    last = 0
    for match in _HEADING_OR_TABLE.finditer(content):
        if match.group("level"):
            heading, count = visible_text(match.group("heading")), 0
            continue
        end = content.index("</table>", match.end()) + len("</table>")
        count += 1
        name = html.escape(region_name(heading, count), quote=True)
        region = f'<div class="sl-table-region" tabindex="0" role="region" aria-label="{name}">'
        out += [content[last : match.start()], region, content[match.start() : end], "</div>"]
        last = end
    return "".join(out) + content[last:]


def on_page_content(content: str, **_: Any) -> str:
    return add_table_regions(content)

"""Put each Markdown table in a box that scrolls sideways, with the name its region takes when it does.

On a narrow screen a table wider than the page scrolls sideways in its box; a box that scrolls must take focus,
or a keyboard cannot scroll it (WCAG 2.1.1, axe's scrollable-region-focusable). Whether a table overflows depends
on the reader's screen and text size, which the build cannot know. The build makes every box a named region in the
Tab order, so that without JavaScript a table wider than the screen still scrolls from the keyboard (a box with
nothing to scroll taking Tab is the lesser harm), and keeps its name in ``data-region-name`` too:
``theme/assets/stridelab/table_regions.js`` takes the box out of the Tab order while its table fits, and its role and
name with it (ARIA allows no aria-label on a box with no role), and gives them back when it scrolls. The tools' tables
(``calculators/ui/html.py``) are built the same way, and the same script decides for them.
"""

from __future__ import annotations

import html
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

# A plain `mkdocs build` from a checkout must find the sibling hook as a module too.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from theme.hooks.structured_data import visible_text

# A heading (h2 to h4) or a table as Python-Markdown writes them from Markdown: an id alone, a bare <table>. A
# calculator's title and tables carry a class: a table after a calculator is named by the guide's heading.
_HEADING_OR_TABLE = re.compile(r'<h(?P<level>[2-4]) id="[^"]*">(?P<heading>.*?)</h(?P=level)>|<table>', re.DOTALL)
_CAPTION = re.compile(r"<caption[^>]*>(?P<text>.*?)</caption>", re.DOTALL)
_HEAD = re.compile(r"<thead>(?P<row>.*?)</thead>", re.DOTALL)
_HEADER_CELL = re.compile(r"<th[^>]*>(?P<text>.*?)</th>", re.DOTALL)


def table_words(table: str, heading: str) -> str:
    """What a table is called: its caption, else its header row ("Day, Session, Minutes"), which says what is in
    it where a heading above may be shared by two tables, else that heading."""
    if caption := _CAPTION.search(table):
        return visible_text(caption.group("text"))
    head = _HEAD.search(table)
    cells = [visible_text(m.group("text")) for m in _HEADER_CELL.finditer(head.group("row"))] if head else []
    return ", ".join(cell for cell in cells if cell) or heading


def add_table_regions(content: str) -> str:
    """Wrap each bare <table> in a named region; Material later wraps the table itself for its styling. A name a page
    has already given is numbered: "Table: exercise, sets × reps, load, rest (2)"."""
    heading = ""
    given: Counter[str] = Counter()
    out: list[str] = []
    last = 0
    for match in _HEADING_OR_TABLE.finditer(content):
        if match.group("level"):
            heading = visible_text(match.group("heading"))
            continue
        end = content.index("</table>", match.end()) + len("</table>")
        words = table_words(content[match.start() : end], heading)
        name = f"Table: {words}" if words else "Table"
        given[name] += 1
        if given[name] > 1:
            name += f" ({given[name]})"
        named = html.escape(name, quote=True)
        region = (
            f'<div class="sl-table-region" tabindex="0" role="region" aria-label="{named}" data-region-name="{named}">'
        )
        out += [content[last : match.start()], region, content[match.start() : end], "</div>"]
        last = end
    return "".join(out) + content[last:]


def on_page_content(content: str, **_: Any) -> str:
    return add_table_regions(content)

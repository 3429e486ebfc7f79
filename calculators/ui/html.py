"""The one HTML builder: every text and attribute value is escaped here.

Fragments never carry ``style=``, ``on*`` attributes or ``javascript:`` URLs,
so the site runs under a strict Content-Security-Policy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from html import escape

__all__ = ["Html", "el", "join", "lift_headings", "result_heading", "scroll_table", "stacked_table", "summary_line"]

_NAME = re.compile(r"^[a-z][a-z0-9-]*$")
# Attribute names may be mixed case for inline SVG (viewBox, preserveAspectRatio).
_ATTRIBUTE = re.compile(r"^[a-zA-Z][a-zA-Z0-9-]*$")
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "col", "source", "wbr"})
# A heading's tags, opening and closing. Only markup can match: el escapes every "<" of text and attribute values.
_HEADING_TAG = re.compile(r"<(/?)h([3-6])(?=[\s>])")  # an answer's own: h3 and below


class Html(str):
    """Markup that is already safe; any other ``str`` is escaped as text."""

    __slots__ = ()


def _children(children: Iterable[object]) -> Iterable[str]:
    for child in children:
        if child is None or child is False:
            continue
        if isinstance(child, Html):
            yield child
        elif isinstance(child, str | int | float):
            yield escape(str(child), quote=False)
        else:
            yield from _children(child)  # type: ignore[arg-type]


def _attribute(name: str, value: object) -> str:
    key = name.rstrip("_").replace("_", "-")
    if not _ATTRIBUTE.match(key) or key.lower().startswith("on") or key.lower() == "style":
        raise ValueError(f"attribute {name!r} is not allowed in a fragment")
    if value is True:
        return f" {key}"
    text = str(value)
    if key in {"href", "src", "action"} and text.strip().lower().startswith("javascript:"):
        raise ValueError("javascript: URLs are not allowed in a fragment")
    return f' {key}="{escape(text, quote=True)}"'


def el(tag: str, attrs: Mapping[str, object] | None = None, *children: object) -> Html:
    """Build one element. Attribute values of ``None``/``False`` are left out; ``True`` writes a bare attribute.

    >>> el("td", {"class_": "num"}, "<5 km>")
    '<td class="num">&lt;5 km&gt;</td>'
    """
    if not _NAME.match(tag):
        raise ValueError(f"tag {tag!r} is not allowed")
    rendered = "".join(_attribute(k, v) for k, v in (attrs or {}).items() if v is not None and v is not False)
    if tag in _VOID:
        if children:
            raise ValueError(f"<{tag}> cannot have children")
        return Html(f"<{tag}{rendered}>")
    return Html(f"<{tag}{rendered}>{''.join(_children(children))}</{tag}>")


def join(*children: object) -> Html:
    """Concatenate children into one fragment, escaping plain text."""
    return Html("".join(_children(children)))


def result_heading(text: str) -> Html:
    """The heading at the top of a calculator's answer, under the calculator's own ``h2``: a screen-reader user
    reaches the answer with one press of H, as on the pages whose answers have headings of their own."""
    return el("h3", {"class": "sl-result__title"}, text)


def lift_headings(html: Html) -> Html:
    """``html`` with each heading one level up (h3 to h2, h4 to h3). An answer is built with its headings under the
    calculator's own h2; on the calculator's tool page, the page's h1 is its heading instead, and the answer's
    headings follow that, with no level skipped."""
    return Html(_HEADING_TAG.sub(lambda tag: f"<{tag[1]}h{int(tag[2]) - 1}", html))


def summary_line(summary: str, message: str = "", attrs: Mapping[str, object] | None = None) -> Html:
    """The result's summary (``data-summary``: what the page says aloud when it changes), or in its place a message
    about what the reader just did ("Plan saved."), which holds back the summary it stands in for
    (``data-summary-held``). The page then says the message, with the summary only if it changed, and says nothing
    when the next answer shows the summary as it was, or the same message again over it (Save pressed twice)."""
    held = summary if message else None
    return el("p", {**(attrs or {}), "data-summary": True, "data-summary-held": held}, message or summary)


def scroll_table(caption: str, *children: object, dense: bool = False) -> Html:
    """A captioned table that scrolls sideways on a narrow phone instead of overflowing the page.

    The wrapper is built as a named region in the Tab order, so a keyboard can scroll it even without JavaScript;
    ``theme/assets/stridelab/table_regions.js`` takes it out of the Tab order while the table fits, and names it
    again from ``data-region-name`` when it scrolls. ``dense``: many short columns (a log's
    table of ten), with less space between them, so the table fits the page's column on a laptop.
    """
    return _scrolling(caption, {"class": "sl-table sl-table--dense" if dense else "sl-table"}, *children)


def stacked_table(
    caption: str,
    head: Sequence[str],
    rows: Iterable[Sequence[object]],
    classes: Mapping[str, str] | None = None,
    *,
    dense: bool = False,
    row_attrs: Sequence[Mapping[str, object]] | None = None,
) -> Html:
    """A table that a phone shows as a card per row, for rows of long text no sideways scrolling makes readable.

    Each row's first cell heads its card; the others are labelled by their column (``head``), from their
    ``data-label`` (``.sl-table--stack`` in stridelab.css). ``classes`` gives a column's cells a class. A cell of
    None reads "—" in the table and is left off its card. The table says it is a table in ARIA roles, as CSS that
    changes a table's display can hide that from screen readers. ``dense``: many short values, as for
    :func:`scroll_table` (a table of ten fits the page's column on a laptop); a phone's card shows them side by side
    as they fit. ``row_attrs``: each row's own attributes (``data-session``), in the order of ``rows``.
    """

    def cell(label: str, value: object) -> Html:
        css = " ".join(c for c in ((classes or {}).get(label), "sl-none" if value is None else None) if c)
        return el("td", {"role": "cell", "data-label": label, "class": css or None}, "—" if value is None else value)

    rows = list(rows)
    body = (
        el(
            "tr",
            {**attrs, "role": "row"},
            el("th", {"scope": "row", "role": "rowheader"}, row[0]),
            *(cell(label, value) for label, value in zip(head[1:], row[1:], strict=True)),
        )
        for row, attrs in zip(rows, row_attrs if row_attrs is not None else [{}] * len(rows), strict=True)
    )
    columns = (el("th", {"scope": "col", "role": "columnheader"}, label) for label in head)
    return _scrolling(
        caption,
        {"class": "sl-table sl-table--stack" + (" sl-table--dense" if dense else ""), "role": "table"},
        el("thead", {"role": "rowgroup"}, el("tr", {"role": "row"}, *columns)),
        el("tbody", {"role": "rowgroup"}, *body),
    )


def _scrolling(caption: str, table: Mapping[str, object], *children: object) -> Html:
    return el(
        "div",
        {"class": "sl-scroll", "tabindex": "0", "role": "region", "aria-label": caption, "data-region-name": caption},
        el("table", table, el("caption", None, caption), *children),
    )

"""The HTML builder escapes every text and attribute and refuses what a strict CSP forbids."""

from __future__ import annotations

import pytest

from calculators.ui.html import Html, el, join, lift_headings, scroll_table, summary_line


def test_text_and_attributes_are_escaped() -> None:
    evil = '<img src=x onerror=alert(1)>"'
    fragment = el("p", {"title": evil, "class_": "note"}, evil)
    assert "<img" not in fragment
    assert fragment == (
        '<p title="&lt;img src=x onerror=alert(1)&gt;&quot;" class="note">&lt;img src=x onerror=alert(1)&gt;"</p>'
    )


def test_safe_fragments_nest_without_double_escaping() -> None:
    inner = el("b", None, "5 < 6")
    assert el("p", None, inner, " & more") == "<p><b>5 &lt; 6</b> &amp; more</p>"
    assert join("a<", inner) == "a&lt;<b>5 &lt; 6</b>"


def test_boolean_and_missing_attributes() -> None:
    assert el("input", {"hidden": True, "value": None, "disabled": False}) == "<input hidden>"


@pytest.mark.parametrize(
    ("attrs", "words"),
    [
        ({"onclick": "x()"}, "not allowed"),
        ({"style": "color:red"}, "not allowed"),
        ({"href": " JavaScript:alert(1)"}, "javascript:"),
        ({"bad name": "x"}, "not allowed"),
    ],
)
def test_fragments_never_carry_inline_script_or_style(attrs: dict[str, object], words: str) -> None:
    with pytest.raises(ValueError, match=words):
        el("a", attrs, "x")


def test_void_elements_take_no_children() -> None:
    with pytest.raises(ValueError):
        el("input", None, "text")


def test_scroll_table_is_keyboard_scrollable_and_captioned() -> None:
    """Built as a named region in the Tab order (scrollable without JavaScript), with the name table_regions.js
    gives it back when it scrolls again after it has fitted."""
    table = scroll_table("Paces", el("tbody", None))
    assert isinstance(table, Html)
    assert 'tabindex="0"' in table and 'aria-label="Paces"' in table and "<caption>Paces</caption>" in table
    assert 'data-region-name="Paces"' in table


def test_headings_lifted_for_a_tool_page_move_only_tags_never_typed_words() -> None:
    """On its tool page an answer's h3 and h4 become h2 and h3 (the page's h1 heads the calculator). A "<h3>" a
    reader typed is text, escaped, and is not a tag to move; an h2 (never in an answer) is not made an h1."""
    typed = "<h3>Tempo</h3>"
    answer = el("div", None, el("h3", {"class": "x"}, typed), el("h4", None, "Logged"), el("p", {"title": typed}, "a"))
    assert lift_headings(answer) == (
        '<div><h2 class="x">&lt;h3&gt;Tempo&lt;/h3&gt;</h2><h3>Logged</h3>'
        '<p title="&lt;h3&gt;Tempo&lt;/h3&gt;">a</p></div>'
    )
    assert lift_headings(el("h2", None, "Kept")) == "<h2>Kept</h2>"


def test_a_message_in_place_of_the_summary_holds_the_summary_back() -> None:
    """What an action did shows in the summary's place and carries the summary it stands in for, for the page to
    count as said; with no message, the summary alone."""
    assert summary_line("This week: 4 runs.") == "<p data-summary>This week: 4 runs.</p>"
    assert summary_line("This week: 4 runs.", "Plan saved.", {"class": "h"}) == (
        '<p class="h" data-summary data-summary-held="This week: 4 runs.">Plan saved.</p>'
    )

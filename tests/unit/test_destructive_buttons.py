"""Every button that deletes, discards or replaces the reader's data looks like one, on every page, and no safe
button does: Marco's "Delete all my data" was the same green as "Download a backup"."""

from __future__ import annotations

import re
from html import unescape
from typing import Any

from calculators.registry import handle
from calculators.ui.calculator import DESTRUCTIVE_BUTTON, render_calculator
from calculators.ui.data import CALCULATOR as DATA

from .test_data_page import RUN

NOW = "2026-11-23T08:00:00.000Z"
SESSION = {  # a catalogue exercise, so its set buttons name it as the log does ("Remove set 1 of Romanian deadlift")
    "id": "7d3f2c1e-8a4b-4c5d-9e6f-0a1b2c3d4e5f",
    "date": "2026-11-21",
    "kind": "A",
    "duration_min": 40.0,
    "rpe": 6.0,
    "exercises": [{"exercise": "romanian_deadlift", "sets": [{"reps": 5, "load_kg": 60.0}]}],
}
#: What a destructive button's words start with; a safe button's never do.
DESTRUCTIVE_WORDS = re.compile(r"^(Delete|Discard|Remove)\b")


def ask(calculator: str, action: str, store: dict[str, Any], args: dict[str, Any] | None = None) -> dict[str, Any]:
    payload = {"values": {}, "args": args or {}, "today": NOW[:10], "now": NOW, "new_id": "n1", "store": store}
    reply = handle({"id": 1, "calculator": calculator, "action": action, "payload": payload})
    assert reply["ok"], reply.get("error")
    return reply


def buttons(html: str) -> list[tuple[str, str]]:
    """Each button's words (its aria-label where it has one, which names it in full) and its class."""
    found = []
    for attributes, words in re.findall(r"<button([^>]*)>(.*?)</button>", html, flags=re.S):
        label = re.search(r'aria-label="([^"]*)"', attributes)
        css = re.search(r'class="([^"]*)"', attributes)
        found.append(
            (unescape(label.group(1) if label else re.sub(r"<[^>]+>", "", words)).strip(), css.group(1) if css else "")
        )
    return found


def test_the_data_pages_delete_button_looks_destructive_and_its_other_buttons_do_not() -> None:
    assert dict(buttons(str(render_calculator(DATA)))) == {
        "Download a backup": "md-button md-button--primary",
        "Restore from the file": "md-button md-button--primary",
        "Delete all my data": DESTRUCTIVE_BUTTON,
    }


def test_every_delete_discard_and_remove_button_in_the_logs_looks_destructive_and_only_those() -> None:
    pages = [
        ask("readiness", "compute", {"runs": {"r1": RUN}, "hrv": {"2026-11-22": {"rmssd_ms": 62.0}}})["html"],
        ask("readiness", "edit_run", {"runs": {"r1": RUN}}, {"id": "r1"})["html"],
        ask("strength", "edit_session", {"strength": {SESSION["id"]: SESSION}}, {"id": SESSION["id"]})["html"],
        ask("strength", "start", {"strength": {}, "strength_draft": {}})["html"],
    ]
    seen = [button for html in pages for button in buttons(html)]
    destructive = {words for words, css in seen if css == DESTRUCTIVE_BUTTON}
    assert {words for words, _ in seen if DESTRUCTIVE_WORDS.match(words)} == destructive
    for expected in (
        "Delete run of Friday 20 November",
        "Delete HRV of Sunday 22 November",
        "Delete this run",
        "Delete this session",
        "Discard this session",
        "Remove set 1 of Romanian deadlift",
    ):
        assert any(words.startswith(expected) for words in destructive), (expected, destructive)


def test_the_answer_that_deletes_or_replaces_is_a_destructive_one_in_the_dialog() -> None:
    """The dialog's confirming button takes the same look (effects.js reads ``destructive``)."""
    store = {"profile": {"profile": {"units": "km"}}}
    (asked,) = ask("data", "delete_all", store)["effects"]
    assert (asked["confirm_label"], asked.get("destructive")) == ("Delete everything", True)
    (finish,) = ask("strength", "discard", {"strength": {}, "strength_draft": {}})["effects"]
    assert (finish["confirm_label"], finish.get("destructive")) == ("Discard the session", True)

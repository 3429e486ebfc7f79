"""The guides and tool pages say what the training rules and the calculators do, and say it alike."""

from __future__ import annotations

import re
from pathlib import Path

from calculators.season import PEAK_STRENGTH_DOSE

CONTENT = Path(__file__).parents[2] / "content"


def _short_answer(page: str) -> str:
    """The text of a guide's ``!!! abstract "Short answer"`` box, its lines joined."""
    text = (CONTENT / "guides" / f"{page}.md").read_text(encoding="utf-8")
    box = text.split('!!! abstract "Short answer"\n', 1)[1].split("\n\n", 1)[0]
    return " ".join(box.split())


def test_the_strength_guide_s_short_answer_cuts_peak_weeks_as_the_rule_and_the_planner_do() -> None:
    """TRAINING-RULES.md: "cut strength volume by 30–50 %" in peak mileage weeks; the planner keeps
    PEAK_STRENGTH_DOSE of full volume. "Halve" is the rule's one end, not the planner's number."""
    short = _short_answer("strength-training-for-runners")
    assert "30–50 %" in short and "halve" not in short, short
    assert f"{round(PEAK_STRENGTH_DOSE * 100)} % of it" in short, short


def test_every_page_that_says_which_race_to_enter_gives_the_guide_s_advice() -> None:
    """The race-times guide: enter your latest all-out race and a new one after each race ("How often should I
    update my paces?"). No calculator asks when a race was run, so no page sets an age limit of its own."""
    pages = {
        p.relative_to(CONTENT).as_posix(): " ".join(p.read_text(encoding="utf-8").split())
        for p in CONTENT.rglob("*.md")
    }
    limits = {page: re.findall(r"race from the last [^.]*", text) for page, text in pages.items()}
    assert not {page: found for page, found in limits.items() if found}
    for page in ("tools/race-performance.md", "tools/profile.md"):
        assert "latest race run all out" in pages[page], page
        assert "race-times-and-vdot.md#which-race-should-i-enter-in-the-calculator" in pages[page], page

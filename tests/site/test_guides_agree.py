"""The guides and tool pages say what the training rules and the calculators do, and say it alike."""

from __future__ import annotations

import re
from pathlib import Path

from calculators import strength
from calculators.season import PEAK_STRENGTH_DOSE
from calculators.ui.readiness_fields import FIELDS as READINESS_FIELDS

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


def test_every_page_rates_a_session_on_the_range_the_logs_accept() -> None:
    """The run log and the strength log take a session RPE from 1 to 10; Foster's CR-10 runs from 0, but 0 is
    rest, a day with no session. A page that says "0–10" for the rating asks for a number no form takes."""
    [run] = [f for f in READINESS_FIELDS if f.name == "run_rpe"]
    lowest = min(int(value) for value, _ in run.options or () if value)
    assert lowest == strength.RPE_MIN == 1 and strength.RPE_MAX == 10
    pages = {
        p.relative_to(CONTENT).as_posix(): " ".join(p.read_text(encoding="utf-8").split())
        for p in CONTENT.rglob("*.md")
    }
    assert not {page for page, text in pages.items() if re.search(r"0[–-]10\b", text)}
    scale = pages["guides/training-load.md"]
    assert "from 0 (rest) to 10 (maximal)" in scale and "A session you log takes 1 to 10: 0 is rest" in scale

"""The guides and tool pages say what the training rules and the calculators do, and say it alike."""

from __future__ import annotations

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

"""One session-RPE scale everywhere: runs and lifts add up in one load, so every page words it alike.

The words are Foster's (Foster et al. 2001, Table 1: the modified CR-10), kept in :data:`calculators.load.RPE_WORDS`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from calculators.load import RPE_WORDS, rpe_scale
from calculators.ui.readiness_fields import FIELDS as READINESS_FIELDS
from calculators.ui.strength_log import CALCULATOR as STRENGTH

GUIDE = Path(__file__).parents[2] / "content" / "guides" / "training-load.md"


def test_the_words_are_fosters_session_rpe_anchors() -> None:
    """Foster 2001: 0 rest, 1 very, very easy, 2 easy, 3 moderate, 4 somewhat hard, 5 hard, 7 very hard, 10 maximal."""
    assert RPE_WORDS == {
        0: "rest",
        1: "very, very easy",
        2: "easy",
        3: "moderate",
        4: "somewhat hard",
        5: "hard",
        7: "very hard",
        10: "maximal",
    }


def test_the_training_load_guide_prints_the_same_scale() -> None:
    table = re.search(r"\| Rating \| Verbal anchor \|\n\|---\|---\|\n((?:\|.*\|\n)+)", GUIDE.read_text())
    assert table, "the guide's scale table is missing"
    rows = re.findall(r"\| (\d+) \| ([^|]+) \|", table.group(1))
    assert {int(n): word.strip() for n, word in rows} == RPE_WORDS


@pytest.mark.parametrize("name", ["run_rpe", "import_rpe"])
def test_the_run_logs_choices_carry_the_same_words(name: str) -> None:
    [field] = [f for f in READINESS_FIELDS if f.name == name]
    labels = dict(field.options or ())
    for n in range(1, 11):
        assert labels[str(n)] == (f"{n} {RPE_WORDS[n]}" if n in RPE_WORDS else str(n))


def test_both_logs_help_texts_give_the_same_points_of_the_scale() -> None:
    [run] = [f for f in READINESS_FIELDS if f.name == "run_rpe"]
    [lift] = [f for f in STRENGTH.fields if f.name == "session_rpe"]
    assert rpe_scale() == "1 very, very easy; 3 moderate; 5 hard; 7 very hard; 10 maximal"
    assert rpe_scale() in (run.help or "") and rpe_scale() in (lift.help or "")

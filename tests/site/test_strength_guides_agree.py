"""The strength guides say what the progression engine and the season planner do with a runner's strength work."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

from calculators.progression import next_prescription
from calculators.strength import ExerciseLog, StrengthSession, StrengthSet

CONTENT = Path(__file__).parents[2] / "content"


def _guide(page: str) -> str:
    """A guide's text with its lines joined."""
    return " ".join((CONTENT / "guides" / f"{page}.md").read_text(encoding="utf-8").split())


def test_the_strength_guide_s_deload_example_is_what_the_progression_prescribes() -> None:
    """The guide: missed reps twice running "takes about 10 % off (102.5 kg becomes 92.5 kg…)"; the log's
    prescription after two such sessions is that load, and the guide no longer says only "keep the load"."""
    found = re.search(r"about 10 % off \(([\d.]+) kg becomes ([\d.]+) kg", _guide("strength-training-for-runners"))
    assert found, "the guide gives no deload example"
    logged, deloaded = float(found[1]), float(found[2])
    today = date(2026, 11, 23)
    missed = tuple(StrengthSet(reps=reps, load_kg=logged) for reps in (5, 5, 5, 3))
    history = [
        StrengthSession(
            id=f"00000000-0000-4000-8000-{n:012d}",
            date=today - timedelta(days=days),
            kind="A",
            duration_min=45,
            rpe=7,
            exercises=(ExerciseLog(exercise="romanian_deadlift", target_reps=5, target_sets=4, sets=missed),),
        )
        for n, days in ((1, 13), (2, 6))
    ]
    p = next_prescription("romanian_deadlift", history, today=today)
    assert p.load_kg == deloaded and "deload about 10 %" in p.reason

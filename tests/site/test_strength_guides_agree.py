"""The strength guides say what the progression engine and the season planner do with a runner's strength work."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

from calculators.planner import WeekPrefs, plan_season
from calculators.progression import next_prescription
from calculators.season import PEAK_STRENGTH_DOSE
from calculators.strength import ExerciseLog, StrengthSession, StrengthSet
from calculators.vdot import MARATHON_M

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


def test_the_strength_guides_say_which_races_cut_strength_as_the_planner_does() -> None:
    """TRAINING-RULES.md gives the peak-week cut for a marathon build; both strength guides say a half marathon
    or shorter keeps full strength, and the planner's peak weeks do so (a half: 1.0; a marathon: the cut)."""
    for page in ("strength-training-for-runners", "periodising-strength"):
        assert re.search(r"for a half marathon[^.]* keeps full strength through the peak weeks", _guide(page)), page
    monday = date(2026, 12, 7)
    for distance, dose in ((MARATHON_M / 2, 1.0), (10_000.0, 1.0), (MARATHON_M, PEAK_STRENGTH_DOSE)):
        plan = plan_season(
            WeekPrefs(), today=monday, race_date=monday + timedelta(weeks=10, days=6), race_distance_m=distance
        )
        assert {w.strength_dose for w in plan.weeks if w.phase == "peak"} == {dose}, distance

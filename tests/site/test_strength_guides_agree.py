"""The strength guides say what the progression engine and the season planner do with a runner's strength work."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

from calculators.own_lifts import REPS_CEILING, own_prescription
from calculators.planner import WeekPrefs, plan_season
from calculators.progression import next_prescription
from calculators.season import PEAK_STRENGTH_DOSE
from calculators.strength import ExerciseLog, StrengthSession, StrengthSet
from calculators.ui.strength_custom import custom_exercise
from calculators.units import kg_from, weight_in
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


def test_the_readiness_page_states_the_strength_logs_break_rule_as_the_progression_applies_it() -> None:
    """content/tools/readiness.md said the strength log "after 14 days … restarts your loads lower", while the log
    repeats the last session at 14–20 days and restarts 10 % lower only from 21 days (20 % from 28). The page's
    numbers are the days at which the prescription changes, and the load it then gives."""
    page = " ".join((CONTENT / "tools" / "readiness.md").read_text(encoding="utf-8").split())
    found = re.search(
        r"(\d+) to (\d+) days after its last session it repeats that session, from (\d+) days it restarts the loads "
        r"(\d+) % lower, and from (\d+) days (\d+) % lower",
        page,
    )
    assert found, "the readiness page does not state the strength log's break rule"
    repeat_from, repeat_to, lower_from, lower_pct, lowest_from, lowest_pct = (int(n) for n in found.groups())
    assert repeat_to == lower_from - 1
    today = date(2026, 11, 23)
    done = tuple(StrengthSet(reps=5, load_kg=100.0, rpe=7) for _ in range(4))

    def load_after(days: int) -> tuple[float | None, str]:
        session = StrengthSession(
            id="00000000-0000-4000-8000-000000000001",
            date=today - timedelta(days=days),
            kind="A",
            duration_min=45,
            rpe=7,
            exercises=(ExerciseLog(exercise="romanian_deadlift", target_reps=5, target_sets=4, sets=done),),
        )
        p = next_prescription("romanian_deadlift", [session], today=today)
        return p.load_kg, p.reason

    assert load_after(repeat_from - 1)[0] > 100.0  # a week's gap steps up as usual
    for days in (repeat_from, repeat_to):
        repeated = f"{days} days since the last session (one missed): repeat it before moving on"
        assert load_after(days) == (100.0, repeated)
    for days, pct in ((lower_from, lower_pct), (lowest_from - 1, lower_pct), (lowest_from, lowest_pct)):
        load, reason = load_after(days)
        assert load is not None and load < 100.0 and f"restart {pct} % lower" in reason, days


def test_the_strength_guide_gives_the_steps_the_log_takes_for_a_lifters_own_lifts() -> None:
    """The guide's table of own-lift steps, per equipment, and the rep ceiling of a lift without a load, are the
    steps the strength log prescribes (Stridelab's rule, kept in calculators.load_units and calculators.own_lifts)."""
    text = _guide("strength-training-for-runners")
    today = date(2026, 11, 23)
    rows = {
        "barbell, smith machine, trap bar, EZ bar": "Squat",
        "a pair of dumbbells, typed both together": "Romanian Deadlift (Dumbbell)",
        "one dumbbell (a goblet squat, a one-arm row)": "Goblet Squat (Dumbbell)",
        "kettlebell": "Goblet Squat (Kettlebell)",
        "machine or cable stack": "Leg Press (Machine)",
    }
    for row, name in rows.items():
        steps = []
        for unit, load in (("kg", 40.0), ("lb", kg_from(100, "lb"))):
            sets = tuple(StrengthSet(reps=8, load_kg=load) for _ in range(3))
            entry = ExerciseLog(exercise="custom", name=name, sets=sets)
            done = StrengthSession(
                id="s", date=today - timedelta(days=7), kind="custom", duration_min=40, rpe=7, exercises=(entry,)
            )
            p = own_prescription(custom_exercise(name), (done,), today=today, unit=unit)  # type: ignore[arg-type]
            steps.append(round(weight_in(p.load_kg or 0.0, unit) - weight_in(load, unit), 1))
        assert f"| {row} | {steps[0]:g} kg ({steps[1]:g} lb)" in text, row
    assert f"up to {REPS_CEILING} reps a set" in text

"""Sessions imported from Strong and Hevy are measured against what their own sets aimed at.

Stridelab's rule (``calculators/strength_aims.py``): the first set at a load is what the sets at that load aimed
at, so a falling last set is a missed set and the load is not raised, while straight sets, a pyramid and a heavy
top set count as completed.
"""

from __future__ import annotations

from datetime import date

import pytest

from calculators.progression import Prescription, next_prescription
from calculators.strength_csv import import_csv

TODAY = date(2026, 11, 23)

STRONG_HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n"
)
HEVY_HEADER = (
    '"title","start_time","end_time","description","exercise_title","superset_id","exercise_notes",'
    '"set_index","set_type","weight_kg","reps","distance_km","duration_seconds","rpe"\n'
)


def strong(exercise: str, *sets: tuple[float, int], warm_up: tuple[float, int] | None = None, rpe: str = "8") -> str:
    """A Strong export of one session on Monday 16 November 2026: (kg, reps) per set, each at ``rpe``."""
    rows = (
        [f'2026-11-16 18:16:05,"Session A",52m,"{exercise}",W,{warm_up[0]},{warm_up[1]},0,0,"","",\n']
        if warm_up
        else []
    )
    rows += [
        f'2026-11-16 18:16:05,"Session A",52m,"{exercise}",{n},{kg},{reps},0,0,"","",{rpe}\n'
        for n, (kg, reps) in enumerate(sets, start=1)
    ]
    return STRONG_HEADER + "".join(rows)


def hevy(exercise: str, *sets: tuple[float | None, int | None, float | None]) -> str:
    """A Hevy export of one session on Monday 16 November 2026: (kg, reps, seconds) per set, no RPE."""
    rows = [
        f'"Session A","16 Nov 2026, 07:06","16 Nov 2026, 07:51","","{exercise}",,"",{n},"normal",'
        f"{'' if kg is None else kg},{'' if reps is None else reps},,{'' if seconds is None else seconds},\n"
        for n, (kg, reps, seconds) in enumerate(sets)
    ]
    return HEVY_HEADER + "".join(rows)


def next_after(text: str, exercise: str) -> Prescription:
    sessions = import_csv(text, today=TODAY).sessions
    return next_prescription(exercise, sessions, today=TODAY)


def test_a_strong_session_whose_last_set_falls_is_missed_and_keeps_its_load() -> None:
    """6, 6 and 3 reps at 80 kg: the third set fell short of the 6 the first set did, so no +2.5 kg, and the
    reason names the set."""
    p = next_after(strong("Romanian Deadlift (Barbell)", (80, 6), (80, 6), (80, 3)), "romanian_deadlift")
    assert p.load_kg == 80.0
    assert p.reason == "missed reps (set 3: 3 reps after 6 at the same load) last time: repeat the same session"


def test_an_honest_straight_strong_session_after_a_warm_up_is_completed() -> None:
    """A warm-up of 10 at 40 kg, then 5, 5, 5 at 80 kg: completed, +2.5 kg."""
    text = strong("Romanian Deadlift (Barbell)", (80, 5), (80, 5), (80, 5), warm_up=(40, 10))
    p = next_after(text, "romanian_deadlift")
    assert p.load_kg == 82.5
    assert p.reason == "all sets completed at RPE ≤ 8: +2.5 kg"


@pytest.mark.parametrize(
    "sets",
    [
        pytest.param(((60, 8), (70, 6), (80, 4)), id="pyramid: fewer reps as the load goes up"),
        pytest.param(((60, 5), (70, 5), (80, 3)), id="ramp to a heavy top set of 3"),
        pytest.param(((80, 3), (70, 5), (70, 5)), id="top set first, then back-off sets"),
    ],
)
def test_a_strong_pyramid_or_top_set_is_planned_not_missed(sets: tuple[tuple[int, int], ...]) -> None:
    """Fewer reps at a heavier load are what that load aimed at: the session is completed and the next load
    steps up from the heaviest one lifted, 80 kg (no set RPE, so no cap from a one-rep max estimated at RPE 8)."""
    p = next_after(strong("Hip Thrust (Barbell)", *sets, rpe=""), "hip_thrust")
    assert p.load_kg == 82.5
    assert p.reason == "all sets completed: +2.5 kg"


def test_a_falling_back_off_set_after_a_top_set_is_missed() -> None:
    """A top set of 3 at 80 kg, then 5 and 2 at 70 kg: the last back-off set fell short of the one before it."""
    p = next_after(strong("Hip Thrust (Barbell)", (80, 3), (70, 5), (70, 2)), "hip_thrust")
    assert p.load_kg == 80.0
    assert p.reason == "missed reps (set 3: 2 reps after 5 at the same load) last time: repeat the same session"


def test_a_hevy_session_whose_last_set_falls_repeats_the_first_sets_reps() -> None:
    """Bulgarian split squats, 8, 8, 5 reps with 20 kg: missed, so 8 reps again, not +1 rep from 5."""
    text = hevy("Bulgarian Split Squat", (20, 8, None), (20, 8, None), (20, 5, None))
    p = next_after(text, "bulgarian_split_squat")
    assert (p.reps, p.load_kg) == (8, 20.0)
    assert p.reason == "missed reps (set 3: 5 reps after 8 at the same load) last time: repeat the same session"


def test_a_straight_hevy_session_adds_a_rep() -> None:
    p = next_after(hevy("Bulgarian Split Squat", *[(20, 8, None)] * 3), "bulgarian_split_squat")
    assert (p.reps, p.load_kg) == (9, 20.0)
    assert p.reason == "all sets completed: +1 rep a set"


def test_a_hevy_hold_that_falls_short_is_held_again_at_the_first_sets_length() -> None:
    """Copenhagen planks held 30, 30 and 15 s: the last hold fell short, so 30 s again, not 15 s + 5 s."""
    text = hevy("Copenhagen Plank", (None, None, 30), (None, None, 30), (None, None, 15))
    p = next_after(text, "copenhagen_plank")
    assert p.hold_s == 30
    assert p.reason == (
        "a hold fell short (set 3: a 15 s hold after 30 s at the same load) last time: repeat the same session"
    )

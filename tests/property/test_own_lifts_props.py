"""The reader's own lift, any sets: each comes back as it was logged, moved the way the rules move the top set."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from calculators.own_lifts import own_prescription
from calculators.strength import ExerciseLog, StrengthSession, StrengthSet
from calculators.ui.strength_custom import custom_exercise
from calculators.units import kg_from, weight_in

TODAY = date(2026, 12, 7)
SQUAT = custom_exercise("Squat (Barbell)")


@given(
    st.lists(st.tuples(st.integers(1, 12), st.integers(9, 120)), min_size=1, max_size=8),
    st.sampled_from([7, 14, 21, 28]),
)
def test_every_set_keeps_its_reps_and_moves_with_the_top_set(sets: list[tuple[int, int]], days_ago: int) -> None:
    """Sets in pounds (5 lb steps, 45 to 600 lb) logged in Strong, one set at each load as in a ramp or a top
    single: all are completed, so a week later each is 5 lb heavier, after a missed week each is the same, and
    after two or three missed weeks each is lighter; the reps of each set never change."""
    at = {steps: reps for reps, steps in sets}  # one set a load: the first set at a load is what it aimed at
    logged = tuple(StrengthSet(reps=reps, load_kg=kg_from(steps * 5, "lb")) for steps, reps in at.items())
    entry = ExerciseLog(exercise="custom", name=SQUAT.name, sets=logged)
    last = StrengthSession(
        id="s",
        date=TODAY - timedelta(days=days_ago),
        kind="custom",
        duration_min=60,
        rpe=7,
        source="strong",
        exercises=(entry,),
    )
    p = own_prescription(SQUAT, (last,), today=TODAY, unit="lb")
    assert [s.reps for s in p.planned] == [s.reps for s in logged]
    before = [round(weight_in(s.load_kg or 0, "lb"), 1) for s in logged]
    after = [round(weight_in(s.load_kg or 0, "lb"), 1) for s in p.planned]
    assert all(load % 5 == 0 for load in after), after
    if days_ago == 7:
        assert all(a == b + 5 for a, b in zip(after, before, strict=True)), (before, after)
    elif days_ago == 14:
        assert after == before
    else:
        assert all(a <= b for a, b in zip(after, before, strict=True)) and max(after) < max(before)

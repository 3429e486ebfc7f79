"""The exercise catalogue against TRAINING-RULES.md's two sessions and issue 5's progression kinds."""

from __future__ import annotations

import pytest

from calculators.errors import InputError
from calculators.exercises import (
    CATALOGUE,
    PROGRESSION_KINDS,
    Exercise,
    get_exercise,
    match_exercise,
    session_exercises,
)


def test_session_a_is_the_posterior_chain_session() -> None:
    """Session A: Romanian deadlift, hip thrust, Bulgarian split squat, Nordic curl, heavy calf raise."""
    assert [ex.id for ex in session_exercises("A")] == [
        "romanian_deadlift",
        "hip_thrust",
        "bulgarian_split_squat",
        "nordic_curl",
        "calf_raise",
    ]


def test_session_b_is_single_leg_and_plyometric_with_the_plyometrics_first() -> None:
    """Session B: plyometrics, then single-leg squat progression, single-leg calf raise, Copenhagen plank and hip
    abduction. The guide: "Do the plyometrics first, while your legs are freshest"; the log lists them in that order."""
    assert [ex.id for ex in session_exercises("B")] == [
        "pogo_hops",
        "box_jump",
        "bounding",
        "single_leg_squat",
        "single_leg_calf_raise",
        "copenhagen_plank",
        "hip_abduction",
    ]


@pytest.mark.parametrize(
    ("exercise", "kind"),
    [
        ("romanian_deadlift", "load"),
        ("hip_thrust", "load"),
        ("nordic_curl", "reps_then_load"),
        ("bulgarian_split_squat", "reps_then_load"),
        ("pogo_hops", "plyometric"),
        ("box_jump", "plyometric"),
        ("bounding", "plyometric"),
        ("copenhagen_plank", "isometric"),
        ("single_leg_squat", "bodyweight_levels"),
    ],
)
def test_progression_kinds_follow_issue_5(exercise: str, kind: str) -> None:
    """Issue 5 names the kind of each exercise it lists."""
    assert get_exercise(exercise).kind == kind


def test_every_kind_is_used_and_known() -> None:
    kinds = {ex.kind for ex in CATALOGUE.values()}
    assert kinds == set(PROGRESSION_KINDS)


@pytest.mark.parametrize("exercise", [ex for ex in CATALOGUE.values() if ex.compound and ex.kind == "load"])
def test_compound_load_lifts_are_prescribed_in_the_guide_band(exercise: Exercise) -> None:
    """Compound lifts: 3–5 sets of 4–6 reps (TRAINING-RULES.md)."""
    assert 3 <= exercise.default_sets <= 5
    assert 4 <= exercise.rep_range[0] <= exercise.default_reps <= exercise.rep_range[1] <= 6


@pytest.mark.parametrize("exercise", list(CATALOGUE.values()), ids=list(CATALOGUE))
def test_every_entry_is_complete_for_its_kind(exercise: Exercise) -> None:
    low, high = exercise.rep_range
    assert 1 <= low <= exercise.default_reps <= high
    assert 1 <= exercise.default_sets <= 5
    assert 2.5 <= exercise.increment_kg <= exercise.large_increment_kg <= 5.0
    assert exercise.session in ("A", "B")
    if exercise.kind == "bodyweight_levels":
        assert len(exercise.levels) >= 2
    if exercise.kind == "plyometric":
        assert exercise.height_cm is not None or len(exercise.levels) >= 2
        assert low == high, "plyometrics progress by height or variant, not by more contacts"
    if exercise.kind == "isometric":
        assert exercise.hold_s is not None and exercise.hold_s[0] < exercise.hold_s[2]
    if exercise.height_cm is not None:
        start, step, top = exercise.height_cm
        assert start < top and step > 0
    if exercise.no_gym is not None:
        assert exercise.needs_gym
        assert not CATALOGUE[exercise.no_gym].needs_gym


def test_pistol_ladder_ends_at_the_pistol() -> None:
    """No gym: pistol progressions, progressed by difficulty over weeks (TRAINING-RULES.md)."""
    levels = get_exercise("single_leg_squat").levels
    assert levels[-1] == "Pistol squat"
    assert "box" in levels[0]


@pytest.mark.parametrize("session", ["A", "B"])
def test_without_a_gym_every_exercise_needs_no_gym(session: str) -> None:
    exercises = session_exercises(session, gym=False)  # type: ignore[arg-type]
    assert exercises
    assert not any(ex.needs_gym for ex in exercises)
    assert len(exercises) == len(session_exercises(session))  # type: ignore[arg-type]


def test_unknown_session_and_exercise_say_what_is_accepted() -> None:
    with pytest.raises(InputError) as caught:
        session_exercises("C")  # type: ignore[arg-type]
    assert caught.value.field == "session"
    with pytest.raises(InputError) as caught:
        get_exercise("leg_extension")
    assert caught.value.field == "exercise"
    assert "romanian_deadlift" in caught.value.message


def test_catalogue_is_read_only() -> None:
    with pytest.raises(TypeError):
        CATALOGUE["x"] = CATALOGUE["hip_thrust"]  # type: ignore[index]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Romanian Deadlift (Barbell)", ("romanian_deadlift", None)),
        ("Romanian Deadlift (Dumbbell)", None),
        ("Hip Thrust (Barbell)", ("hip_thrust", None)),
        ("Bulgarian Split Squat", ("bulgarian_split_squat", None)),
        ("Nordic Hamstrings Curls", ("nordic_curl", None)),
        ("Standing Calf Raise (Machine)", None),
        ("Standing Calf Raise (Barbell)", ("calf_raise", None)),
        ("Bulgarian Split Squat (Dumbbell)", ("bulgarian_split_squat", None)),
        ("Bulgarian Split Squat (Barbell)", None),
        ("Single Leg Standing Calf Raise (Dumbbell)", ("single_leg_calf_raise", None)),
        ("Hip Abduction (Cable)", ("hip_abduction", None)),
        ("Hip Abduction (Machine)", None),
        ("Nordic Hamstring Curl (Bodyweight)", ("nordic_curl", None)),
        ("Hip abduction (side-lying or cable)", ("hip_abduction", None)),
        ("Single Leg Standing Calf Raise", ("single_leg_calf_raise", None)),
        ("Copenhagen Plank", ("copenhagen_plank", None)),
        ("Box Jump", ("box_jump", None)),
        ("Pistol Squat", ("single_leg_squat", 4)),
        ("Assisted Pistol Squats", ("single_leg_squat", 3)),
        ("  hip-thrust  ", ("hip_thrust", None)),
        ("Bench Press (Barbell)", None),
        ("Deadlift (Barbell)", None),
        ("Leg Extension (Machine)", None),
        ("", None),
    ],
)
def test_other_apps_names_map_to_ours_where_possible(name: str, expected: tuple[str, int | None] | None) -> None:
    """Strong/Hevy names map to our exercises where possible; the rest stay custom (issue 5)."""
    assert match_exercise(name) == expected


def test_aliases_never_point_at_two_exercises() -> None:
    seen: dict[str, str] = {}
    for ex in CATALOGUE.values():
        for alias in (ex.name, *ex.aliases):
            matched = match_exercise(alias)
            assert matched is not None and matched[0] == ex.id, alias
            assert seen.setdefault(alias.lower(), ex.id) == ex.id


def test_the_barbell_lifts_are_the_gyms_loaded_lifts_and_no_bodyweight_one() -> None:
    """A barbell lift's ``load_kg`` is the bar's total, so 0 kg is a typing error there and nowhere else."""
    barbell = {ex.id for ex in CATALOGUE.values() if ex.barbell}
    assert barbell == {"romanian_deadlift", "hip_thrust", "calf_raise"}
    assert all(CATALOGUE[i].needs_gym and not CATALOGUE[i].bodyweight for i in barbell)

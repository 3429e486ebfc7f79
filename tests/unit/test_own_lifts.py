"""The reader's own lifts (a squat, a bench press, a deadlift from Strong) are coached by progression's rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest

from calculators.exercises import Exercise
from calculators.own_lifts import REPS_CEILING, own_prescription
from calculators.progression import Prescription, next_prescription
from calculators.season import PEAK_STRENGTH_DOSE
from calculators.strength import ExerciseLog, StrengthSession, StrengthSet
from calculators.ui.strength_custom import custom_exercise, log_entry
from calculators.ui.strength_view import describe
from calculators.units import kg_from

TODAY = date(2026, 12, 7)
DEADLIFT = custom_exercise("Deadlift (Barbell)")


@dataclass(frozen=True)
class Week:
    phase: str = "build"
    strength_dose: float = 1.0
    days_to_race: int | None = None


def lb(*sets: tuple[int, float]) -> tuple[StrengthSet, ...]:
    return tuple(StrengthSet(reps=reps, load_kg=kg_from(load, "lb")) for reps, load in sets)


def session(
    days_ago: int, name: str, sets: tuple[StrengthSet, ...], *, source: str | None = "strong"
) -> StrengthSession:
    entry = ExerciseLog(exercise="custom", name=name, sets=sets)
    return StrengthSession(
        id=f"s{days_ago}",
        date=TODAY - timedelta(days=days_ago),
        kind="custom",
        duration_min=60,
        rpe=7,
        source=source,
        exercises=(entry,),
    )


def sams_deadlift(days_ago: int = 7) -> StrengthSession:
    """Three sets of 3 at 405 lb and a top single at 425 lb, as Sam logged it in Strong."""
    return session(days_ago, "Deadlift (Barbell)", lb((3, 405), (3, 405), (3, 405), (1, 425)))


def prescribe(ex: Exercise, *history: StrengthSession, unit: str = "lb", week: Week | None = None) -> Prescription:
    return own_prescription(ex, history, today=TODAY, week_context=week, unit=unit)  # type: ignore[arg-type]


def test_every_set_is_kept_as_it_was_and_steps_up_after_a_completed_session() -> None:
    p = prescribe(DEADLIFT, sams_deadlift())
    assert describe(p, unit="lb") == "3 × 3 × 410 lb + 1 × 1 × 430 lb"
    assert p.reason == "all sets completed: +5 lb"
    assert [s.reps for s in p.planned] == [3, 3, 3, 1]


def test_in_kilograms_the_step_is_the_catalogues_and_every_set_lands_on_half_kilograms() -> None:
    p = prescribe(DEADLIFT, sams_deadlift(), unit="kg")
    assert describe(p, unit="kg") == "3 × 3 × 186.5 kg + 1 × 1 × 195.5 kg"
    assert all((s.load_kg or 0) * 2 == round((s.load_kg or 0) * 2) for s in p.planned)


def test_an_easy_session_takes_the_larger_step() -> None:
    easy = tuple(StrengthSet(reps=5, load_kg=kg_from(315, "lb"), rpe=6) for _ in range(3))
    p = prescribe(custom_exercise("Squat (Barbell)"), session(7, "Squat (Barbell)", easy))
    assert describe(p, unit="lb") == "3 × 5 × 325 lb"
    assert p.reason == "all sets completed at RPE ≤ 6: +10 lb"


def test_missed_reps_repeat_the_session_and_missed_twice_takes_about_ten_percent_off_every_set() -> None:
    short = lb((5, 225), (5, 225), (3, 225))
    once = prescribe(custom_exercise("Bench Press (Barbell)"), session(7, "Bench Press (Barbell)", short))
    assert describe(once, unit="lb") == "2 × 5 × 225 lb + 1 × 3 × 225 lb"
    assert once.reason.endswith("last time: repeat the same session")
    twice = prescribe(
        custom_exercise("Bench Press (Barbell)"),
        session(14, "Bench Press (Barbell)", short),
        session(7, "Bench Press (Barbell)", short),
    )
    assert twice.reason.startswith("missed reps two sessions running") and "deload about 10 %" in twice.reason
    assert {s.load_kg for s in twice.planned} == {kg_from(205, "lb")}


def test_three_missed_weeks_restart_every_set_lower() -> None:
    p = prescribe(DEADLIFT, sams_deadlift(days_ago=21))
    assert p.reason == "21 days since the last session (2 sessions missed): restart 10 % lower"
    assert describe(p, unit="lb") == "3 × 3 × 365 lb + 1 × 1 × 385 lb"


def test_a_marathons_peak_week_cuts_the_sets_and_holds_the_loads() -> None:
    p = prescribe(DEADLIFT, sams_deadlift(), week=Week(phase="peak", strength_dose=PEAK_STRENGTH_DOSE))
    assert describe(p, unit="lb") == "2 × 3 × 405 lb"
    assert p.reason == "peak week: 2 of 4 sets, same load: maintenance, not progression"


@pytest.mark.parametrize(
    ("week", "why"), [(Week(days_to_race=10), "10 days to the race"), (Week(strength_dose=0), "no strength")]
)
def test_no_lifting_in_the_last_two_weeks_before_a_race_or_a_week_without_strength(week: Week, why: str) -> None:
    p = prescribe(DEADLIFT, sams_deadlift(), week=week)
    assert p.sets == 0 and not p.planned
    assert describe(p, unit="lb") == "no strength today" and why in p.reason


def test_a_lift_without_load_gains_a_rep_a_set_and_a_hold_five_seconds() -> None:
    pull = session(7, "Pull-up", (StrengthSet(reps=8), StrengthSet(reps=8)), source=None)
    assert describe(prescribe(custom_exercise("Pull-up"), pull), unit="kg") == "2 × 9 reps, bodyweight"
    plank = session(7, "Plank", (StrengthSet(reps=1, hold_s=60.0),) * 3, source=None)
    assert describe(prescribe(custom_exercise("Plank"), plank), unit="kg") == "3 × 65 s"


def test_nothing_logged_yet_asks_for_the_readers_own_numbers() -> None:
    p = prescribe(DEADLIFT)
    assert p.sets == 0 and describe(p, unit="lb") == "your own numbers"


def test_a_session_logged_here_counts_a_set_not_done_as_missed() -> None:
    """What is stored carries the sets prescribed: three sets done of four is not completed, so no step up."""
    squat = custom_exercise("Squat")
    first = prescribe(squat, session(7, "Squat", lb((5, 315), (5, 315), (5, 315), (5, 315))))
    entry = log_entry(squat, first, first.planned[:3])
    assert (entry.target_sets, entry.target_reps) == (4, 5)
    logged = StrengthSession(id="here", date=TODAY, kind="custom", duration_min=50, rpe=7, exercises=(entry,))
    again = own_prescription(squat, (logged,), today=TODAY + timedelta(days=7), unit="lb")
    assert again.reason == "3 of 4 sets logged last time: same load"
    assert describe(again, unit="lb") == "4 × 5 × 320 lb"


def test_a_machine_calf_raise_imported_before_equipment_was_matched_is_the_readers_own_lift() -> None:
    """An older import filed Strong's "Standing Calf Raise (Machine)" under the barbell calf raise: its 180 lb
    machine sets no longer set the barbell lift's load, and come back as the machine lift they were."""
    machine = ExerciseLog(exercise="calf_raise", name="Standing Calf Raise (Machine)", sets=lb((8, 180), (8, 180)))
    stored = StrengthSession(
        id="old",
        date=TODAY - timedelta(days=7),
        kind="custom",
        duration_min=40,
        rpe=6,
        source="strong",
        exercises=(machine,),
    )
    barbell = next_prescription("calf_raise", (stored,), today=TODAY, unit="lb")
    assert barbell.load_kg is None and barbell.reason.startswith("first session")
    own = prescribe(custom_exercise("Standing Calf Raise (Machine)"), stored)
    assert describe(own, unit="lb") == "2 × 8 × 190 lb"  # a weight stack's 10 lb step


# --- the step the lift's equipment can make (Stridelab's rule) ------------------------------------


def logged(name: str, load_kg: float, *, reps: int = 8, rpe: float | None = None, count: int = 3) -> StrengthSession:
    return session(7, name, tuple(StrengthSet(reps=reps, load_kg=load_kg, rpe=rpe) for _ in range(count)), source=None)


@pytest.mark.parametrize(
    ("name", "unit", "load", "expected", "step"),
    [
        # A pair of dumbbells, typed both together: one dumbbell size a hand.
        ("Romanian Deadlift (Dumbbell)", "kg", 40.0, "3 × 8 × 45 kg", "+5 kg"),
        ("Romanian Deadlift (Dumbbell)", "lb", kg_from(80, "lb"), "3 × 8 × 90 lb", "+10 lb"),
        ("Dumbbell Bench Press", "kg", 50.0, "3 × 8 × 55 kg", "+5 kg"),
        # One dumbbell held: one size.
        ("Goblet Squat (Dumbbell)", "kg", 22.5, "3 × 8 × 25 kg", "+2.5 kg"),
        ("Single Arm Row (Dumbbell)", "lb", kg_from(50, "lb"), "3 × 8 × 55 lb", "+5 lb"),
        # Kettlebells: the next common size.
        ("Goblet Squat (Kettlebell)", "kg", 16.0, "3 × 8 × 20 kg", "+4 kg"),
        ("Goblet Squat (Kettlebell)", "lb", kg_from(30, "lb"), "3 × 8 × 40 lb", "+10 lb"),
        # A weight stack: one plate.
        ("Leg Press (Machine)", "kg", 100.0, "3 × 8 × 105 kg", "+5 kg"),
        ("Seated Cable Row", "lb", kg_from(120, "lb"), "3 × 8 × 130 lb", "+10 lb"),
        # A smith machine takes plates as a barbell does.
        ("Bench Press (Smith Machine)", "kg", 60.0, "3 × 8 × 62.5 kg", "+2.5 kg"),
        ("Bench Press (Smith Machine)", "lb", kg_from(135, "lb"), "3 × 8 × 140 lb", "+5 lb"),
    ],
)
def test_an_own_lift_steps_by_what_its_equipment_allows(
    name: str, unit: str, load: float, expected: str, step: str
) -> None:
    p = prescribe(custom_exercise(name), logged(name, load), unit=unit)
    assert describe(p, unit=unit) == expected  # type: ignore[arg-type]
    assert p.reason == f"all sets completed: {step}"


@pytest.mark.parametrize(
    ("name", "load"), [("Goblet Squat (Kettlebell)", 16.0), ("Romanian Deadlift (Dumbbell)", 40.0)]
)
def test_an_easy_session_on_sized_equipment_still_takes_one_size(name: str, load: float) -> None:
    """Two kettlebell sizes (+8 kg) or two dumbbell sizes a hand are a jump of a fifth or more: one size only."""
    once = prescribe(custom_exercise(name), logged(name, load), unit="kg")
    easy = prescribe(custom_exercise(name), logged(name, load, rpe=6), unit="kg")
    assert easy.planned == once.planned and easy.reason.startswith("all sets completed at RPE ≤ 6")


def test_a_barbell_lift_still_takes_the_larger_step_after_an_easy_session() -> None:
    p = prescribe(custom_exercise("Squat"), logged("Squat", 100.0, rpe=6), unit="kg")
    assert describe(p, unit="kg") == "3 × 8 × 105 kg"


def test_a_kettlebell_between_the_common_sizes_steps_to_the_next_common_one_and_says_so() -> None:
    p = prescribe(custom_exercise("Kettlebell Swing"), logged("Kettlebell Swing", 18.0), unit="kg")
    assert describe(p, unit="kg") == "3 × 8 × 20 kg"
    assert (
        p.reason == "all sets completed: +4 kg; the 18 kg logged is taken as 16 kg, as a kettlebell moves in 4 kg steps"
    )


def test_a_deload_and_a_back_off_set_land_on_the_equipments_sizes() -> None:
    name = "Romanian Deadlift (Dumbbell)"
    short = (StrengthSet(reps=8, load_kg=50.0), StrengthSet(reps=8, load_kg=50.0), StrengthSet(reps=5, load_kg=50.0))
    twice = prescribe(custom_exercise(name), session(14, name, short), session(7, name, short), unit="kg")
    assert {s.load_kg for s in twice.planned} == {45.0}
    back_off = (StrengthSet(reps=8, load_kg=40.0), StrengthSet(reps=8, load_kg=40.0), StrengthSet(reps=8, load_kg=30.0))
    up = prescribe(custom_exercise(name), session(7, name, back_off), unit="kg")
    assert describe(up, unit="kg") == "2 × 8 × 45 kg + 1 × 8 × 35 kg"
    bell = "Goblet Squat (Kettlebell)"
    heavy = (StrengthSet(reps=8, load_kg=24.0),) * 2 + (StrengthSet(reps=5, load_kg=24.0),)
    lighter = prescribe(custom_exercise(bell), session(14, bell, heavy), session(7, bell, heavy), unit="kg")
    assert {s.load_kg for s in lighter.planned} == {20.0}


# --- a lift without a load: reps up to the ceiling, then harder (Stridelab's rule) -----------------


def pull_ups(reps: int, days_ago: int = 7) -> StrengthSession:
    return session(days_ago, "Pull Up", (StrengthSet(reps=reps),) * 3, source=None)


def test_a_lift_without_a_load_gains_a_rep_up_to_the_ceiling() -> None:
    p = prescribe(custom_exercise("Pull Up"), pull_ups(REPS_CEILING - 1), unit="kg")
    assert (
        describe(p, unit="kg") == f"3 × {REPS_CEILING} reps, bodyweight"
        and p.reason == "all sets completed: +1 rep a set"
    )


@pytest.mark.parametrize(("reps", "most"), [(15, "the most"), (20, "past the 15")])
def test_at_the_ceiling_the_reps_stay_and_the_reason_says_to_make_it_harder(reps: int, most: str) -> None:
    p = prescribe(custom_exercise("Pull Up"), pull_ups(reps), unit="kg")
    assert describe(p, unit="kg") == f"3 × {reps} reps, bodyweight" and p.load_kg is None
    assert p.reason.startswith(f"all sets completed at {reps} reps a set, {most} the log adds reps to: keep {reps}")
    assert "added load" in p.reason and "harder variant" in p.reason


def test_once_load_is_added_the_lift_steps_by_load() -> None:
    weighted = session(7, "Pull Up", (StrengthSet(reps=8, load_kg=10.0),) * 3, source=None)
    p = prescribe(custom_exercise("Pull Up"), pull_ups(15, days_ago=14), weighted, unit="kg")
    assert describe(p, unit="kg") == "3 × 8 × 12.5 kg"


def test_an_own_lift_skipped_on_purpose_is_repeated_and_said_to_be_skipped() -> None:
    skip = StrengthSession(
        id="skip",
        date=TODAY - timedelta(days=7),
        kind="custom",
        duration_min=30,
        rpe=6,
        exercises=(ExerciseLog(exercise="custom", name="Deadlift (Barbell)", skipped=True, skip_reason="back tight"),),
    )
    p = prescribe(DEADLIFT, sams_deadlift(days_ago=14), skip)
    assert describe(p, unit="lb") == "3 × 3 × 405 lb + 1 × 1 × 425 lb"
    assert (
        p.reason
        == "14 days since the last session, skipped on Monday 30 November (back tight): repeat it before moving on"
    )

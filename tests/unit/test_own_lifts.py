"""The reader's own lifts (a squat, a bench press, a deadlift from Strong) are coached by progression's rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest

from calculators.exercises import Exercise
from calculators.own_lifts import own_prescription
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
    assert describe(own, unit="lb") == "2 × 8 × 185 lb"

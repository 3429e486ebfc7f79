"""One workout recorded by two apps (Strong history migrated into Hevy): told apart from a different workout, and
left out of an import with a word, so a week's volume and load are not counted twice."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from calculators.strength import ExerciseLog, StrengthSession, StrengthSet
from calculators.strength_copies import merge, same_workout

from .test_strength_page import apply, ask, empty, text

DAY = date(2026, 11, 17)
RDL_170_LB = 77.11  # 170 lb, as a pound import stores it


def session(
    ident: str,
    *exercises: tuple[str, list[dict[str, Any]]],
    day: date = DAY,
    source: str | None = "strong",
    minutes: float = 71,
) -> StrengthSession:
    """A session with ``exercises`` as (catalogue id or a custom name, sets)."""
    return StrengthSession(
        id=f"00000000-0000-4000-8000-{ident:0>12}",
        date=day,
        kind="custom",
        duration_min=minutes,
        rpe=6,
        source=source,
        exercises=tuple(
            ExerciseLog(exercise=name, sets=tuple(StrengthSet(**s) for s in sets))
            if name.islower()
            else ExerciseLog(exercise="custom", name=name, sets=tuple(StrengthSet(**s) for s in sets))
            for name, sets in exercises
        ),
    )


RDL = ("romanian_deadlift", [{"reps": 6, "load_kg": RDL_170_LB, "rpe": 8}] * 3)
SQUAT = ("Squat (Barbell)", [{"reps": 5, "load_kg": 90.72}] * 4)
STRONG = session("1", RDL, SQUAT)


def test_the_same_workout_from_another_app_is_one_workout() -> None:
    """Same day, exercises, sets, reps and loads: set RPE, minutes and the exercises' order are not compared
    (Hevy's export had no RPE and timed the workout its own way), and a kilogram load rounded to the 100 g
    (77.1 kg for 170 lb) is the same load."""
    hevy_rdl = ("romanian_deadlift", [{"reps": 6, "load_kg": 77.1}] * 3)
    hevy = session("2", SQUAT, hevy_rdl, source="hevy", minutes=65)
    assert same_workout(STRONG, hevy)
    merged = merge([hevy], [STRONG])
    assert (merged.sessions, merged.repeats, merged.removed) == ((), (STRONG,), ())


@pytest.mark.parametrize(
    ("other", "why"),
    [
        (session("2", RDL, SQUAT, day=date(2026, 11, 19)), "another day"),
        (session("2", RDL), "an exercise fewer"),
        (session("2", RDL, SQUAT, ("hip_thrust", [{"reps": 8, "load_kg": 100.0}])), "an exercise more"),
        (session("2", (RDL[0], RDL[1][:2]), SQUAT), "a set fewer"),
        (session("2", (RDL[0], [*RDL[1][:2], {"reps": 5, "load_kg": RDL_170_LB}]), SQUAT), "a rep fewer"),
        (session("2", (RDL[0], [{"reps": 6, "load_kg": 77.5}] * 3), SQUAT), "0.39 kg heavier: a real change"),
        (session("2", RDL, ("Front Squat (Barbell)", SQUAT[1])), "another exercise with the same sets"),
    ],
)
def test_a_different_workout_is_not_a_copy(other: StrengthSession, why: str) -> None:
    assert not same_workout(STRONG, other), why
    assert merge([other], [STRONG]).sessions == (other,), why


def test_a_session_whose_id_is_stored_replaces_it_and_is_no_copy_of_itself() -> None:
    merged = merge([STRONG], [STRONG])
    assert (merged.sessions, merged.repeats, merged.removed) == ((STRONG,), (), ())


def test_an_earlier_import_read_again_as_a_copy_of_another_apps_session_is_removed() -> None:
    """Strong read in kg by mistake, then Hevy's, then Strong again in lb: the new reading is Hevy's workout, so
    the wrong one goes and the workout is stored once, not twice."""
    wrong = session("1", ("romanian_deadlift", [{"reps": 6, "load_kg": 170.0}] * 3), SQUAT)
    hevy = session("2", RDL, SQUAT, source="hevy")
    merged = merge([STRONG], [wrong, hevy])
    assert (merged.sessions, merged.repeats, merged.removed) == ((), (hevy,), (STRONG.id,))


def test_of_two_copies_one_is_always_kept() -> None:
    """A file holding both copies (a backup of a log that has them twice) keeps one, never neither."""
    hevy = session("2", RDL, SQUAT, source="hevy")
    into_empty = merge([STRONG, hevy], [])
    assert (into_empty.sessions, into_empty.repeats) == ((STRONG,), (STRONG,))
    into_both = merge([STRONG, hevy], [STRONG, hevy])
    assert (into_both.sessions, into_both.removed) == ((hevy,), (STRONG.id,))


STRONG_CSV = """Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE
{rows}"""
HEVY_CSV = (
    "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,set_type,"
    "weight_lbs,reps,distance_miles,duration_seconds,rpe\n{rows}"
)


def strong_rows(day: str, rdl_lb: int) -> str:
    rows = [f"{day} 18:01:00,Lower A,1h 11m,Romanian Deadlift (Barbell),W,95,8,0,0,,,"]
    rows += [f"{day} 18:01:00,Lower A,1h 11m,Romanian Deadlift (Barbell),{n},{rdl_lb},6,0,0,,,8" for n in (1, 2, 3)]
    rows += [f"{day} 18:01:00,Lower A,1h 11m,Squat (Barbell),{n},200,5,0,0,,," for n in (1, 2, 3, 4)]
    rows += [f"{day} 18:01:00,Lower A,1h 11m,Treadmill,1,0,0,1.5,600,,,"]
    return "\n".join(rows)


def hevy_rows(day: str, rdl_lb: int) -> str:
    when = f'"{day}, 18:00","{day}, 19:05"'
    rows = [f'"Lower A",{when},"","Romanian Deadlift (Barbell)",,"",{n},normal,{rdl_lb},6,,,' for n in (0, 1, 2)]
    rows += [f'"Lower A",{when},"","Squat (Barbell)",,"",{n},normal,200,5,,,' for n in (0, 1, 2, 3)]
    return "\n".join(rows)


def test_importing_hevy_after_strong_leaves_out_the_workouts_already_stored_and_says_so() -> None:
    """Strong history migrated into Hevy, both exported: each workout is stored once, and the message counts
    the Hevy sessions left out; a Hevy workout that differs (175 lb, not 170) is imported."""
    store, miles = empty(), {"units": "mi"}
    strong = STRONG_CSV.format(rows="\n".join((strong_rows("2026-11-10", 165), strong_rows("2026-11-17", 170))))
    apply(store, ask("import", store, {"file": strong}, profile=miles))
    assert len(store["strength"]) == 2

    hevy = HEVY_CSV.format(rows="\n".join((hevy_rows("10 Nov 2026", 165), hevy_rows("17 Nov 2026", 170))))
    reply = apply(store, ask("import", store, {"file": hevy}, profile=miles))
    assert len(store["strength"]) == 2 and {s["source"] for s in store["strength"].values()} == {"strong"}
    assert reply["ops"] == []
    message = text(reply["html"])
    assert (
        "Imported 0 sessions from Hevy: 0 new, 0 replaced; 2 sessions left out as already stored from Strong "
        "(the same day, exercises, sets, reps and loads)."
    ) in message
    assert "Kept under" not in message and "no session RPE" not in message  # nothing of it was stored

    different = HEVY_CSV.format(rows="\n".join((hevy_rows("17 Nov 2026", 170), hevy_rows("19 Nov 2026", 175))))
    reply = apply(store, ask("import", store, {"file": different}, profile=miles))
    assert len(store["strength"]) == 3
    message = text(reply["html"])
    assert (
        "Imported 1 session from Hevy: 1 new, 0 replaced; 1 session left out as already stored from Strong" in message
    )


def test_a_strong_file_read_again_in_pounds_after_hevy_leaves_each_workout_once() -> None:
    """The unit note says to import again in the other unit, "replaced, not doubled": after a Hevy import of the
    same workouts, the corrected Strong sessions are Hevy's, so the wrong ones are removed, not kept beside them."""
    store = empty()
    strong = STRONG_CSV.format(rows="\n".join((strong_rows("2026-11-10", 165), strong_rows("2026-11-17", 170))))
    apply(store, ask("import", store, {"file": strong}))  # read in kg: a 170 kg Romanian deadlift
    hevy = HEVY_CSV.format(rows="\n".join((hevy_rows("10 Nov 2026", 165), hevy_rows("17 Nov 2026", 170))))
    apply(store, ask("import", store, {"file": hevy}))
    assert len(store["strength"]) == 4  # different loads: not the same workouts yet

    reply = apply(store, ask("import", store, {"file": strong, "weight_unit": "lb"}))
    assert sorted(s["source"] for s in store["strength"].values()) == ["hevy", "hevy"]
    assert (
        "Imported 0 sessions from Strong: 0 new, 0 replaced; 2 sessions left out as already stored from Hevy "
        "(the same day, exercises, sets, reps and loads), and 2 earlier copies removed, so each is stored once."
    ) in text(reply["html"])

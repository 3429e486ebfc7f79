"""e1RM formulas, the log's data model and its checks, volume load and personal records (FORMULAS.md, issue 5)."""

from __future__ import annotations

import copy
import json
import math
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from calculators.errors import InputError
from calculators.strength import (
    SCHEMA_VERSION,
    BodyweightWork,
    ExerciseLog,
    StrengthLog,
    StrengthSession,
    StrengthSet,
    best_set,
    bodyweight_work,
    e1rm,
    e1rm_in_range,
    e1rm_trend,
    exercise_key,
    exercise_name,
    new_records,
    personal_records,
    previous_entry,
    session_load,
    volume_load,
    weekly_volume,
)

TODAY = date(2026, 11, 23)
IDS = [f"00000000-0000-4000-8000-{n:012d}" for n in range(1, 20)]


def session_dict(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": IDS[0],
        "date": "2026-11-16",
        "kind": "A",
        "duration_min": 45,
        "rpe": 7,
        "exercises": [
            {
                "exercise": "romanian_deadlift",
                "target_reps": 5,
                "target_sets": 4,
                "sets": [{"reps": 5, "load_kg": 100, "rpe": 8}, {"reps": 5, "load_kg": 100}],
            },
            {"exercise": "nordic_curl", "sets": [{"reps": 4}]},
        ],
    }
    data.update(changes)
    return data


def log_dict(*sessions: dict[str, Any]) -> dict[str, Any]:
    return {"version": SCHEMA_VERSION, "sessions": list(sessions) or [session_dict()]}


def session(day: date, *entries: ExerciseLog, ident: int = 0, rpe: float = 7, minutes: float = 45) -> StrengthSession:
    return StrengthSession(id=IDS[ident], date=day, kind="A", duration_min=minutes, rpe=rpe, exercises=entries)


def lift(exercise: str, *sets: tuple[int, float | None], name: str | None = None) -> ExerciseLog:
    return ExerciseLog(exercise=exercise, name=name, sets=tuple(StrengthSet(reps=r, load_kg=w) for r, w in sets))


# --- e1RM -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("load", "reps", "method", "expected"),
    [
        (100, 5, "epley", 116.67),  # FORMULAS.md: 100 kg × 5 → Epley 116.67
        (100, 5, "brzycki", 112.50),  # … Brzycki 112.50
        (100, 10, "epley", 133.33),
        (100, 10, "brzycki", 133.33),  # the two formulas meet at 10 reps
        (60, 3, "epley", 66.0),
        (60, 3, "brzycki", 63.53),
        (140, 1, "epley", 140.0),  # a single is its own 1RM
        (140, 1, "brzycki", 140.0),
        (0, 5, "epley", 0.0),
    ],
)
def test_e1rm_matches_published_values(load: float, reps: int, method: str, expected: float) -> None:
    assert round(e1rm(load, reps, method), 2) == pytest.approx(expected, abs=0.005)


def test_e1rm_defaults_to_epley() -> None:
    assert e1rm(100, 5) == pytest.approx(100 * (1 + 5 / 30))


@pytest.mark.parametrize(("reps", "kept"), [(1, True), (10, True), (11, False), (65, False)])
def test_an_e1rm_counts_only_from_sets_of_at_most_ten_reps(reps: int, kept: bool) -> None:
    """Both formulas lose accuracy past ~10 reps: say so rather than pretend (FORMULAS.md)."""
    assert e1rm_in_range(reps) is kept


@pytest.mark.parametrize(
    ("load", "reps", "method", "field"),
    [
        (-1, 5, "epley", "load_kg"),
        (500.5, 5, "epley", "load_kg"),
        (math.nan, 5, "epley", "load_kg"),
        (math.inf, 5, "epley", "load_kg"),
        (True, 5, "epley", "load_kg"),
        ("100", 5, "epley", "load_kg"),
        (100, 0, "epley", "reps"),
        (100, 101, "epley", "reps"),
        (100, 5.5, "epley", "reps"),
        (100, True, "epley", "reps"),
        (100, 37, "brzycki", "reps"),
        (100, 5, "lombardi", "method"),
    ],
)
def test_e1rm_rejects_bad_input_naming_the_range(load: Any, reps: Any, method: str, field: str) -> None:
    with pytest.raises(InputError) as caught:
        e1rm(load, reps, method)
    assert caught.value.field == field
    assert any(ch.isdigit() for ch in caught.value.message) or field == "method"


# --- The log's data model -------------------------------------------------------------------------


def test_a_log_round_trips_exactly_through_json() -> None:
    data = log_dict(
        session_dict(),
        session_dict(
            id=IDS[1],
            date="2026-11-19",
            kind="custom",
            notes="Gym closed early",
            exercises=[{"exercise": "custom", "name": "Sled push", "sets": [{"reps": 3, "load_kg": 80.5}]}],
        ),
    )
    log = StrengthLog.from_dict(json.loads(json.dumps(data)), today=TODAY)
    assert log.to_dict() == data
    assert json.loads(json.dumps(log.to_dict())) == data


def test_the_golden_version_1_0_log_still_reads_and_round_trips() -> None:
    """Migrations keep golden fixtures of every past version (DESIGN.md, "User data"): 1.0 is the first."""
    text = (Path(__file__).parent.parent / "fixtures" / "strength" / "log-1.0.json").read_text(encoding="utf-8")
    log = StrengthLog.from_dict(json.loads(text), today=TODAY)
    assert [s.kind for s in log.sessions] == ["A", "B"]
    assert log.sessions[1].extra == {"device": {"note": "a field from a newer version, kept as is"}}
    assert log.to_dict() == json.loads(text)


def test_unknown_fields_are_kept_at_every_level() -> None:
    """Validation keeps unknown fields (DESIGN.md, "User data"): a newer tab's data survives an older tab."""
    data = log_dict(session_dict(mood={"sleep": 7}))
    data["device"] = "phone"
    data["sessions"][0]["exercises"][0]["tempo"] = "3-1-1"
    data["sessions"][0]["exercises"][0]["sets"][0]["side"] = ["left", "right"]
    original = copy.deepcopy(data)
    log = StrengthLog.from_dict(data, today=TODAY)
    assert log.to_dict() == original
    assert log.sessions[0].extra == {"mood": {"sleep": 7}}
    data["sessions"][0]["mood"]["sleep"] = 3  # the parsed log does not alias the input
    assert log.sessions[0].extra == {"mood": {"sleep": 7}}


def test_parsed_values_are_typed() -> None:
    log = StrengthLog.from_dict(log_dict(), today=TODAY)
    first = log.sessions[0]
    assert first.date == date(2026, 11, 16)
    assert first.exercises[0].sets[0] == StrengthSet(reps=5, load_kg=100.0, rpe=8.0)
    assert first.exercises[1].sets[0].load_kg is None  # bodyweight
    assert first.exercises[0].target_reps == 5


def _mutate(path: str, value: Any) -> dict[str, Any]:
    data = log_dict()
    keys = path.split(".")
    target: Any = data
    for key in keys[:-1]:
        target = target[int(key)] if key.isdigit() else target[key]
    if value is _DELETE:
        del target[keys[-1]]
    elif keys[-1].isdigit():
        target[int(keys[-1])] = value
    else:
        target[keys[-1]] = value
    return data


_DELETE = object()


@pytest.mark.parametrize(
    ("path", "value", "words"),
    [
        ("sessions.0.exercises.0.sets.1.reps", 0, "Reps: 0 is out of range. Enter a whole number between 1 and 100."),
        ("sessions.0.exercises.0.sets.1.reps", 200, "between 1 and 100"),
        ("sessions.0.exercises.0.sets.1.reps", "5", "Reps: “5” is not a number."),
        ("sessions.0.exercises.0.sets.1.reps", 5.5, "whole number"),
        ("sessions.0.exercises.0.sets.1.reps", True, "Reps: true is not a number."),
        ("sessions.0.exercises.0.sets.1.reps", _DELETE, "between 1 and 100"),
        ("sessions.0.exercises.0.sets.0.load_kg", -5, "0 and 500 kg"),
        ("sessions.0.exercises.0.sets.0.load_kg", 501, "0 and 500 kg"),
        (
            "sessions.0.exercises.0.sets.0.load_kg",
            "heavy",
            "Load: “heavy” is not a number. Enter a number between 0 and 500 kg.",
        ),
        ("sessions.0.exercises.0.sets.0.rpe", 11, "1 and 10"),
        ("sessions.0.exercises.0.sets.0.rpe", 0, "1 and 10"),
        ("sessions.0.exercises.0.sets.0.hold_s", 0, "1 and 600"),
        ("sessions.0.exercises.0.sets.0.height_cm", 200, "1 and 150"),
        ("sessions.0.exercises.0.level", 0, "Level: 0 is out of range. Enter a whole number between 1 and 20."),
        ("sessions.0.exercises.0.target_reps", 0, "between 1 and 100"),
        ("sessions.0.exercises.0.target_sets", 0, "between 1 and 50"),
        ("sessions.0.exercises.0.target_sets", 2.5, "Target sets: 2.5 is not a whole number."),
        ("sessions.0.exercises.0.exercise", "", "1 to 100 characters"),
        ("sessions.0.exercises.0.notes", "x" * 2001, "1 to 2000 characters"),
        ("sessions.0.exercises.0.sets.0", "5x100", "Expected a set here"),
        ("sessions.0.exercises.0.sets", {"reps": 5}, "Expected a list of sets"),
        ("sessions.0.exercises", "RDL", "list of exercises here; got “RDL”"),
        ("sessions.0.exercises.0.sets", [{"reps": 5}] * 51, "At most 50 sets fit in one exercise; this has 51"),
        ("sessions.0.date", "2026-11-24", "future"),
        ("sessions.0.date", "2026-13-01", "not a date"),
        ("sessions.0.date", "23/11/2026", "YYYY-MM-DD"),
        ("sessions.0.date", "20261116", "YYYY-MM-DD"),
        ("sessions.0.kind", "C", "A, B or custom"),
        ("sessions.0.duration_min", _DELETE, "Duration: no number is given. Enter a number between 1 and 600 minutes."),
        ("sessions.0.duration_min", 0, "1 and 600 minutes"),
        ("sessions.0.rpe", _DELETE, "1 and 10"),
        ("sessions.0.rpe", 10.5, "1 and 10"),
        ("sessions.0.id", "s1", "32 digits and letters a–f in five groups, as Stridelab writes it"),
        ("sessions.0", [], "Expected a session here"),
    ],
)
def test_bad_fields_raise_with_a_dotted_path_and_the_accepted_range(path: str, value: Any, words: str) -> None:
    """Bad input names the field (a dotted path into stored data) and says what is accepted (DESIGN.md)."""
    with pytest.raises(InputError) as caught:
        StrengthLog.from_dict(_mutate(path, value), today=TODAY)
    assert caught.value.field == path
    assert words in caught.value.message


def test_a_custom_exercise_needs_a_name() -> None:
    data = log_dict(session_dict(exercises=[{"exercise": "custom", "name": "  ", "sets": [{"reps": 5}]}]))
    with pytest.raises(InputError) as caught:
        StrengthLog.from_dict(data, today=TODAY)
    assert caught.value.field == "sessions.0.exercises.0.name"


def test_two_sessions_with_one_id_are_refused() -> None:
    with pytest.raises(InputError) as caught:
        StrengthLog.from_dict(log_dict(session_dict(), session_dict()), today=TODAY)
    assert caught.value.field == "sessions.1.id"


@pytest.mark.parametrize("data", [{}, [], "log", {"version": 1}, {"sessions": []}])
def test_a_file_that_is_not_ours_is_refused(data: Any) -> None:
    with pytest.raises(InputError) as caught:
        StrengthLog.from_dict(data, today=TODAY)
    assert caught.value.field == "version"
    assert "not a Stridelab strength log" in caught.value.message


@pytest.mark.parametrize("version", ["2.0", "0.9", "1", "v1.0"])
def test_another_major_version_is_refused(version: str) -> None:
    with pytest.raises(InputError) as caught:
        StrengthLog.from_dict({"version": version, "sessions": []}, today=TODAY)
    assert "1.x" in caught.value.message


def test_a_newer_minor_version_is_read_and_flagged() -> None:
    data = {"version": "1.7", "sessions": [session_dict(new_field=1)]}
    log = StrengthLog.from_dict(data, today=TODAY)
    assert log.newer_minor
    assert log.to_dict() == data
    assert not StrengthLog.from_dict(log_dict(), today=TODAY).newer_minor


def test_a_session_reads_on_its_own() -> None:
    parsed = StrengthSession.from_dict(session_dict(), today=TODAY)
    assert parsed.to_dict() == session_dict()
    with pytest.raises(InputError) as caught:
        StrengthSession.from_dict(session_dict(rpe=0), today=TODAY)
    assert caught.value.field == "session.rpe"


def test_session_dates_on_today_are_accepted() -> None:
    assert StrengthSession.from_dict(session_dict(date=TODAY.isoformat()), today=TODAY).date == TODAY


def test_names_and_notes_are_stored_as_given() -> None:
    """Exercise names and notes are text: the data layer keeps them literally, the renderer escapes them."""
    name = "<img src=x onerror=alert(1)>"
    data = session_dict(notes=name, exercises=[{"exercise": "custom", "name": name, "sets": [{"reps": 1}]}])
    parsed = StrengthSession.from_dict(data, today=TODAY)
    assert exercise_name(parsed.exercises[0]) == name
    assert parsed.notes == name


# --- Volume and load ------------------------------------------------------------------------------


def test_session_load_is_rpe_times_minutes() -> None:
    """Foster (2001): load = session RPE (CR-10) × minutes; 45 min at RPE 7 → 315 AU."""
    assert session_load(session(TODAY, rpe=7, minutes=45)) == 315


def test_volume_load_sums_reps_times_kg() -> None:
    """Volume load = Σ sets × reps × kg (FORMULAS.md)."""
    s = session(TODAY, lift("romanian_deadlift", *[(5, 100.0)] * 4), lift("hip_thrust", (6, 80.0), (6, 80.0)))
    assert volume_load(s) == 4 * 5 * 100 + 2 * 6 * 80


def test_bodyweight_sets_count_reps_or_bodyweight_when_given_never_the_added_load_alone() -> None:
    """Bodyweight exercises: count reps, or add bodyweight when the reader gives it (FORMULAS.md); a plate
    added to a Nordic curl is not counted as if it were all that moved."""
    s = session(
        TODAY,
        lift("nordic_curl", (5, None), (5, 2.5)),
        lift("custom", (10, None), name="Push-up"),
        lift("romanian_deadlift", (5, 100.0)),
    )
    assert volume_load(s) == 500
    assert bodyweight_work([s]) == BodyweightWork(reps=5 + 5 + 10)
    assert volume_load(s, bodyweight_kg=70) == 5 * 70 + 5 * 72.5 + 10 * 70 + 500
    with pytest.raises(InputError):
        volume_load(s, bodyweight_kg=5)


def test_bodyweight_work_counts_the_sets_volume_load_leaves_at_zero() -> None:
    """Bodyweight exercises count sets × reps (FORMULAS.md): Session B's single-leg squats as reps, pogo hops as
    jumps (ground contacts), Copenhagen planks as holds; a Nordic curl with a plate added counts as reps too."""
    plank = ExerciseLog(exercise="copenhagen_plank", sets=(StrengthSet(reps=1, hold_s=20),) * 2)
    s = session(
        TODAY,
        lift("single_leg_squat", *[(6, None)] * 3),
        lift("pogo_hops", *[(8, None)] * 3),
        plank,
        lift("nordic_curl", (4, None), (4, 5.0)),
        lift("romanian_deadlift", (5, 100.0)),
    )
    assert bodyweight_work([s]) == BodyweightWork(reps=18 + 4 + 4, jumps=24, holds=2)
    assert bodyweight_work([s, s]) == BodyweightWork(reps=52, jumps=48, holds=4)
    assert volume_load(s) == 500
    (week,) = weekly_volume([s])
    assert week.bodyweight == BodyweightWork(reps=26, jumps=24, holds=2)
    (with_body,) = weekly_volume([s], bodyweight_kg=60)
    assert with_body.bodyweight == BodyweightWork()  # its reps are in kg then


def test_weekly_volume_groups_by_the_readers_week_start() -> None:
    monday, sunday = date(2026, 11, 16), date(2026, 11, 22)
    sessions = [
        session(monday, lift("hip_thrust", (5, 100.0)), ident=0),
        session(sunday, lift("hip_thrust", (5, 100.0), (5, 100.0)), ident=1),
    ]
    (week,) = weekly_volume(sessions)
    assert (week.week_start, week.sessions, week.sets, week.reps) == (monday, 2, 3, 15)
    assert week.volume_load_kg == 1500
    assert week.session_load_au == 2 * 315
    by_sunday = weekly_volume(sessions, week_start=6)
    assert [w.week_start for w in by_sunday] == [date(2026, 11, 15), sunday]


def test_weekly_volume_keeps_empty_weeks_as_zeros() -> None:
    sessions = [
        session(date(2026, 11, 2), lift("hip_thrust", (5, 100.0))),
        session(date(2026, 11, 20), lift("hip_thrust", (5, 100.0)), ident=1),
    ]
    weeks = weekly_volume(sessions)
    assert [w.sessions for w in weeks] == [1, 0, 1]
    assert weeks[1].volume_load_kg == 0
    assert weekly_volume([]) == ()


@pytest.mark.parametrize("start", [-1, 7, 1.0, True])
def test_weekly_volume_rejects_a_bad_week_start(start: Any) -> None:
    with pytest.raises(InputError) as caught:
        weekly_volume([], week_start=start)
    assert caught.value.field == "week_start"


# --- Records and trends ---------------------------------------------------------------------------


def test_personal_records_track_e1rm_heaviest_and_most_reps() -> None:
    first = session(date(2026, 11, 2), lift("romanian_deadlift", (5, 100.0)), ident=0)
    second = session(date(2026, 11, 9), lift("romanian_deadlift", (3, 110.0), (12, 60.0)), ident=1)
    record = personal_records([second, first])["romanian_deadlift"]
    assert record.best_e1rm_kg == pytest.approx(121.0)  # 110 × (1 + 3/30)
    assert record.best_e1rm_date == second.date
    assert (record.heaviest_kg, record.heaviest_date) == (110.0, second.date)
    assert (record.most_reps, record.most_reps_date) == (12, second.date)
    assert record.name == "Romanian deadlift"


def test_new_records_compare_a_session_with_the_earlier_ones() -> None:
    first = session(date(2026, 11, 2), lift("romanian_deadlift", (5, 100.0)), ident=0)
    second = session(date(2026, 11, 9), lift("romanian_deadlift", (5, 102.5)), lift("hip_thrust", (5, 90.0)), ident=1)
    hits = new_records(second, [first, second])
    assert {(h.key, h.kind) for h in hits} == {("romanian_deadlift", "e1rm"), ("romanian_deadlift", "load")}
    assert next(h for h in hits if h.kind == "load").previous == 100.0
    assert new_records(first, []) == ()


def test_custom_exercises_group_by_name_whatever_the_case() -> None:
    a = session(date(2026, 11, 2), lift("custom", (5, 60.0), name="Bench Press"), ident=0)
    b = session(date(2026, 11, 9), lift("custom", (5, 65.0), name="bench  press"), ident=1)
    assert exercise_key(a.exercises[0]) == exercise_key(b.exercises[0]) == "custom:bench press"
    assert personal_records([a, b])["custom:bench press"].heaviest_kg == 65.0


def test_e1rm_trend_is_per_session_from_sets_of_at_most_ten_reps() -> None:
    sessions = [
        session(date(2026, 11, 9), lift("hip_thrust", (12, 80.0)), ident=1),
        session(date(2026, 11, 2), lift("hip_thrust", (5, 100.0), (5, 90.0)), ident=0),
        session(date(2026, 11, 12), lift("nordic_curl", (5, None)), ident=2),
    ]
    trend = e1rm_trend(sessions, "hip_thrust")
    assert [p.date for p in trend] == [date(2026, 11, 2)]  # 12 reps: past the formula's range, no point
    assert trend[0].e1rm_kg == pytest.approx(116.667, abs=0.001)
    assert e1rm_trend(sessions, "nordic_curl") == ()  # bodyweight sets have no e1RM
    assert e1rm_trend(sessions, "hip_thrust", method="brzycki")[0].e1rm_kg == pytest.approx(112.5)


def test_a_bodyweight_exercise_with_load_added_has_no_e1rm_only_its_heaviest_added_load() -> None:
    """A 5 lb (2.27 kg) plate on a single-leg calf raise is not a 7 lb one-rep max: a bodyweight exercise's added
    load is not what the body lifts (FORMULAS.md), so no e1RM, no e1RM record; a heavier plate is still a record."""
    first = session(date(2026, 11, 2), lift("single_leg_calf_raise", (12, 1.13)), ident=0)
    second = session(date(2026, 11, 9), lift("single_leg_calf_raise", (12, 2.27)), ident=1)
    assert e1rm_trend([first, second], "single_leg_calf_raise") == ()
    record = personal_records([first, second])["single_leg_calf_raise"]
    assert record.best_e1rm_kg is None and record.heaviest_kg == 2.27
    assert {h.kind for h in new_records(second, [first])} == {"load"}
    bench = session(date(2026, 11, 9), lift("custom", (5, 60.0), name="Bench press"), ident=2)
    assert e1rm_trend([bench], "custom:bench press")[0].e1rm_kg == pytest.approx(70.0)  # the reader's own lift


def test_a_set_of_many_reps_sets_no_e1rm_record_or_trend_point_that_dwarfs_the_real_ones() -> None:
    """A first-time lifter typed her load in the reps box: 65 × 65 lb (29.48 kg) read as a 205.8 lb one-rep max, her
    record for good, and her real sessions after it (5 × 65 lb, 5 × 70 lb) as a collapse to 75.8 lb. A set past 10
    reps is left out of e1RM (FORMULAS.md: the formulas lose accuracy past ~10 reps); the best set within them is
    the session's, and a session with none has no point. Most reps still counts the set as logged."""
    lb65, lb70 = 65 / 2.20462, 70 / 2.20462
    slip = session(date(2026, 11, 2), lift("romanian_deadlift", (65, lb65), (5, lb65)), ident=0)
    only = session(date(2026, 11, 5), lift("romanian_deadlift", (65, lb65)), ident=1)
    real = session(date(2026, 11, 9), lift("romanian_deadlift", (5, lb70)), ident=2)
    trend = e1rm_trend([slip, only, real], "romanian_deadlift")
    assert [(p.date, p.reps) for p in trend] == [(slip.date, 5), (real.date, 5)]
    assert trend[0].e1rm_kg == pytest.approx(lb65 * (1 + 5 / 30))
    record = personal_records([slip, only, real])["romanian_deadlift"]
    assert record.best_e1rm_kg == pytest.approx(lb70 * (1 + 5 / 30)) and record.best_e1rm_date == real.date
    assert record.most_reps == 65
    assert "e1rm" in {h.kind for h in new_records(real, [slip, only])}
    assert best_set(only.exercises[0]) is None


def test_the_previous_sessions_numbers_for_a_lift() -> None:
    """The previous session's numbers for the same exercise are shown beside each set (issue 5)."""
    older = session(date(2026, 11, 2), lift("hip_thrust", (5, 95.0)), ident=0)
    newer = session(date(2026, 11, 9), lift("hip_thrust", (5, 100.0)), lift("nordic_curl", (4, None)), ident=1)
    today = session(date(2026, 11, 16), lift("hip_thrust", (5, 102.5)), ident=2)
    found = previous_entry([today, older, newer], "hip_thrust", before=date(2026, 11, 16))
    assert found is not None and found.sets[0].load_kg == 100.0
    assert previous_entry([older], "hip_thrust", before=date(2026, 11, 2)) is None
    assert previous_entry([newer], "custom:bench press", before=TODAY) is None

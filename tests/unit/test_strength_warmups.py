"""Warm-up (ramp-up) sets: stored marked on the set, read back apart from the work sets, and counted for none of
the work: not in the sets' count, volume load, e1RM, records, "last time", progression or the CSV's set numbers."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from calculators import backup
from calculators.errors import InputError
from calculators.progression import next_prescription
from calculators.strength import (
    StrengthSession,
    best_set,
    personal_records,
    previous_entry,
    session_load,
    volume_load,
    weekly_volume,
)
from calculators.strength_csv import import_csv
from calculators.strength_csv_stridelab import export_csv

TODAY = date(2026, 11, 23)
IDENT = "11111111-1111-4111-8111-111111111111"


def stored(*, warmup: bool = True, day: str = "2026-11-16") -> dict[str, Any]:
    """A Session A whose Romanian deadlift had a ramp-up set of 20 × 60 kg before 3 of its 4 work sets."""
    ramp = [{"reps": 20, "load_kg": 60.0} | ({"warmup": True} if warmup else {})]
    return {
        "id": IDENT,
        "date": day,
        "kind": "A",
        "duration_min": 50,
        "rpe": 7,
        "exercises": [
            {
                "exercise": "romanian_deadlift",
                "target_reps": 5,
                "target_sets": 4,
                "sets": ramp + [{"reps": 5, "load_kg": 80.0, "rpe": 8}] * 3,
            }
        ],
    }


def session(**kwargs: Any) -> StrengthSession:
    return StrengthSession.from_dict(stored(**kwargs), today=TODAY)


def test_a_set_stored_without_the_key_reads_as_a_work_set() -> None:
    """Old data reads as work sets: a log from before warm-ups were kept is unchanged."""
    (entry,) = session(warmup=False).exercises
    assert len(entry.sets) == 4 and entry.warmups == ()


def test_a_warm_up_reads_apart_from_the_work_sets_and_is_written_back_as_stored() -> None:
    (entry,) = session().exercises
    assert [(s.reps, s.load_kg) for s in entry.warmups] == [(20, 60.0)]
    assert len(entry.sets) == 3 and not any(s.warmup for s in entry.sets)
    assert session().to_dict() == stored() | {"duration_min": 50.0, "rpe": 7.0}


def test_a_warm_up_flag_that_is_not_true_or_false_is_refused_naming_the_field() -> None:
    data = stored()
    data["exercises"][0]["sets"][0]["warmup"] = "yes"
    with pytest.raises(InputError) as caught:
        StrengthSession.from_dict(data, today=TODAY)
    assert caught.value.field == "session.exercises.0.sets.0.warmup"
    assert caught.value.message == "Expected true or false here; got “yes”."


def test_a_warm_up_is_left_out_of_the_volume_load_and_the_weeks_sets_and_reps() -> None:
    assert volume_load(session()) == 3 * 5 * 80.0
    (week,) = weekly_volume([session()])
    assert (week.sets, week.reps, week.volume_load_kg) == (3, 15, 1200.0)


def test_a_warm_up_is_left_out_of_e1rm_and_records() -> None:
    """20 × 60 kg would be an e1RM of 100 kg (Epley); the work sets' 5 × 80 kg is 93.3 kg."""
    (entry,) = session().exercises
    best = best_set(entry)
    assert best is not None and (best.load_kg, best.reps) == (80.0, 5)
    record = personal_records([session()])["romanian_deadlift"]
    assert record.most_reps == 5 and record.best_e1rm_kg == pytest.approx(80 * (1 + 5 / 30))


def test_last_time_shows_the_work_sets_only() -> None:
    last = previous_entry([session()], "romanian_deadlift", before=TODAY)
    assert last is not None and [(s.reps, s.load_kg) for s in last.sets] == [(5, 80.0)] * 3


def test_progression_does_not_read_a_warm_up_as_a_completed_set() -> None:
    """3 of 4 prescribed work sets logged is not "all sets completed", whatever ramp-up set came first."""
    p = next_prescription("romanian_deadlift", [session()], today=TODAY)
    counted_as_work = next_prescription("romanian_deadlift", [session(warmup=False)], today=TODAY)
    assert "all sets completed" in counted_as_work.reason and counted_as_work.load_kg == 82.5
    assert "all sets completed" not in p.reason and p.load_kg == 80.0


def test_the_combined_load_is_session_rpe_times_minutes_with_or_without_warm_ups() -> None:
    assert session_load(session()) == session_load(session(warmup=False)) == 7 * 50


def test_a_warm_up_survives_a_backup_round_trip() -> None:
    text = backup.make_backup({"strength": {IDENT: session().to_dict()}}, created="2026-11-23T18:00:00Z")
    parsed = backup.parse_backup(text)
    assert StrengthSession.from_dict(parsed.collections["strength"][IDENT], today=TODAY) == session()
    assert json.loads(text)["collections"]["strength"][IDENT]["exercises"][0]["sets"][0]["warmup"] is True


def test_a_warm_up_is_marked_w_in_the_csv_and_reads_back_as_a_warm_up() -> None:
    text = export_csv([session()])
    orders = [line.split(",")[11] for line in text.splitlines()[1:]]
    assert orders == ["W", "1", "2", "3"]  # as Strong writes its warm-ups: the work sets are numbered alone
    (back,) = import_csv(text, today=TODAY).sessions
    assert back == session()

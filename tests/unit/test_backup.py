"""Backups: exact round trips, refusal of anything that is not ours, migrations that keep unknown fields."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from calculators import backup
from calculators.errors import InputError
from calculators.profile import Profile

FIXTURES = Path(__file__).parent.parent / "fixtures" / "backups"


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("v*.json")), ids=lambda p: p.stem)
def test_every_past_schema_still_reads(fixture: Path) -> None:
    """Golden files of every schema version ever written stay readable by the current code."""
    parsed = backup.parse_backup(fixture.read_text())
    assert parsed.collections["profile"]["profile"]["units"] == "mi"
    assert parsed.collections["settings"]["form:vdot"]["values"]["time"] == "1:45:00"


def test_the_current_schema_writes_its_golden_file_byte_for_byte() -> None:
    golden = (FIXTURES / f"v{backup.SCHEMA_VERSION}.json").read_text().rstrip("\n")
    parsed = backup.parse_backup(golden)
    assert backup.make_backup(parsed.collections, created=parsed.created or "") == golden


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "it is not JSON"),
        ("Date,Exercise Name,Weight\n2026-11-20,Squat,100", "it is not JSON (a CSV, or another app's?)"),
        ('{"format": "stridelab-backup", "schema": 1, "collec', "it is cut short or damaged"),
        ("[1, 2, 3]", "not a Stridelab backup"),
        ('{"name": "Strong export"}', "not a Stridelab backup"),
        ('{"format": "stridelab-backup", "collections": {}}', "which version"),
        ('{"format": "stridelab-backup", "schema": true, "collections": {}}', "which version"),
        ('{"format": "stridelab-backup", "schema": 1}', "collections"),
        ('{"format": "stridelab-backup", "schema": 1, "collections": {"runs": [1]}}', "collections.runs"),
        ('{"format": "stridelab-backup", "schema": 99, "collections": {}}', "newer version"),
    ],
)
def test_anything_but_a_whole_backup_is_refused_with_a_reason(text: str, words: str) -> None:
    with pytest.raises(InputError) as caught:
        backup.parse_backup(text)
    assert caught.value.field == "file"
    assert words in caught.value.message


def test_unknown_top_level_fields_are_kept() -> None:
    text = json.dumps({"format": backup.FORMAT, "schema": 1, "collections": {}, "device": "phone"})
    assert backup.parse_backup(text).extra == {"device": "phone"}


def test_migrations_run_step_by_step_and_keep_unknown_fields(monkeypatch: pytest.MonkeyPatch) -> None:
    """A schema-1 file read by a schema-3 release goes 1→2→3, each step touching only what it knows."""

    def one_to_two(c: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
        return {
            **c,
            "profile": {
                k: {**v, "units": {"mi": "mile"}.get(v.get("units"), v.get("units"))} for k, v in c["profile"].items()
            },
        }

    def two_to_three(c: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
        return {**c, "profile": {k: {**v, "migrated": 3} for k, v in c["profile"].items()}}

    monkeypatch.setattr(backup, "SCHEMA_VERSION", 3)
    monkeypatch.setattr(backup, "MIGRATIONS", {1: one_to_two, 2: two_to_three})
    parsed = backup.parse_backup((FIXTURES / "v1.json").read_text())
    assert parsed.collections["profile"]["profile"] == {"units": "mile", "migrated": 3}
    assert parsed.collections["settings"]["backup"] == {"at": "2026-11-01T07:30:00.000Z"}


def test_merge_replaces_same_ids_only() -> None:
    ops = backup.merge_ops({"runs": {"b": {"km": 5}, "a": {"km": 10}}, "profile": {"profile": {"units": "km"}}})
    assert [(op["collection"], op["id"]) for op in ops] == [("profile", "profile"), ("runs", "a"), ("runs", "b")]
    assert all(op["op"] == "put" for op in ops)


def test_merge_leaves_out_the_entries_it_is_told_to() -> None:
    ops = backup.merge_ops({"runs": {"a": {"km": 10}, "b": {"km": 5}}}, leave_out={("runs", "a")})
    assert [(op["collection"], op["id"]) for op in ops] == [("runs", "b")]


def test_the_old_phones_copy_of_a_run_logged_on_the_new_phone_too_is_a_copy() -> None:
    """Golden file: the old phone's backup, five runs in miles, the last Sunday 13 December 1:30:00, 8.5 mi. The new
    phone logged that run as 13.68 km under its own id; an HRV reading of the same morning has the same id."""
    old = backup.parse_backup((FIXTURES / "old-phone-five-runs.json").read_text()).collections
    new = {
        "runs": {"n1": {"date": "2026-12-13", "duration_s": 5400, "distance_m": 13680.0, "rpe": 4, "hr_avg": 142}},
        "hrv": {"2026-12-13": {"rmssd_ms": 60.0}},
    }
    assert backup.copies(new, {**old, "hrv": {"2026-12-13": {"rmssd_ms": 61.0}}}) == {
        ("runs", "5a0c6f0e-1b1e-4d3a-9b7a-0c2b6f1e0005")
    }


def test_a_backup_from_before_the_hard_runs_choice_restores_a_profile_with_none_made() -> None:
    """Golden file: v1.json's profile has no Hard runs choice. It reads as none made (the guide's week), and is stored
    again without the key, so the planner keeps whatever its own form holds."""
    parsed = backup.parse_backup((FIXTURES / "v1.json").read_text())
    profile = Profile.from_dict(parsed.collections["profile"]["profile"])
    assert profile.easy_weeks is None
    assert "hard_runs" not in profile.to_dict()

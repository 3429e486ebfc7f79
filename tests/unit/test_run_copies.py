"""The same run logged on two devices is one run: what a restore leaves out, and what it keeps."""

from __future__ import annotations

from typing import Any

import pytest

from calculators.run_copies import repeats, same_run

#: Sunday 13 December, 1:30:00: typed as 8.5 mi on the old phone and 13.68 km on the new one.
OLD = {"date": "2026-12-13", "duration_s": 5400.0, "distance_m": 13679.4, "rpe": 4.0, "hr_avg": 142.0}
NEW = {"date": "2026-12-13", "duration_s": 5400, "distance_m": 13680.0, "rpe": 5.0, "hr_avg": None}


@pytest.mark.parametrize(
    ("other", "same"),
    [
        (NEW, True),  # effort and heart rate told differently: still one run
        ({**NEW, "distance_m": 13679.4 + 16.0}, True),  # a hundredth of a km one way, of a mile the other
        ({**NEW, "duration_s": 5400.4}, True),  # an activity file's tenth of a second
        ({**NEW, "date": "2026-12-12"}, False),
        ({**NEW, "duration_s": 5401}, False),  # another second typed
        ({**NEW, "distance_m": 13679.4 + 20.0}, False),
        ({**NEW, "distance_m": "13680"}, False),  # does not read: never matched
        ({**NEW, "duration_s": True}, False),
    ],
)
def test_the_same_day_time_and_distance_within_a_units_rounding_is_one_run(other: dict[str, Any], same: bool) -> None:
    assert same_run(OLD, other) is same
    assert same_run(other, OLD) is same


def test_a_restore_leaves_out_the_backups_copy_of_a_run_stored_here_under_another_id() -> None:
    incoming = {"old-1": OLD, "old-2": {**OLD, "date": "2026-12-12"}}
    assert repeats(incoming, {"new-1": NEW}) == {"old-1": "new-1"}


def test_a_run_under_its_own_id_replaces_itself_and_is_no_copy() -> None:
    assert repeats({"r1": OLD}, {"r1": NEW}) == {}


def test_a_run_the_backup_holds_twice_is_left_out_once_only() -> None:
    """Rule: each run here stands for one of the backup's: one logged again on purpose still arrives."""
    assert repeats({"a": OLD, "b": dict(OLD)}, {"new-1": NEW}) == {"a": "new-1"}

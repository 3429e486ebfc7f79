"""Strength off the plan's strength days: the planned session such a session counts for (TRAINING-RULES.md)."""

from __future__ import annotations

from datetime import date

import pytest

from calculators.planner import WeekPrefs, plan_season
from calculators.strength import StrengthSession
from calculators.ui.strength_plan import counts_for, next_planned

MONDAY = date(2026, 3, 2)
#: Session A on Mondays (tempo), B on Thursdays (intervals); Tuesday easy, Wednesday and Sunday rest.
PLAN = plan_season(WeekPrefs(run_days=4, vdot=50), today=MONDAY, race_date=None, weeks=4)


def lift(day: date, kind: str, n: int = 1) -> StrengthSession:
    data = {"id": f"00000000-0000-4000-8000-{n:012d}", "date": day.isoformat(), "kind": kind, "duration_min": 40}
    exercises = [{"exercise": "nordic_curl", "sets": [{"reps": 3}]}]
    return StrengthSession.from_dict(data | {"rpe": 7, "exercises": exercises}, today=date.max)


@pytest.mark.parametrize(
    ("day", "kind", "done", "expected"),
    [
        (date(2026, 3, 8), "A", (), date(2026, 3, 9)),  # Sunday: Monday's A, the next day
        (date(2026, 3, 3), "A", (), date(2026, 3, 2)),  # Tuesday after a missed Monday: it makes up for it
        (date(2026, 3, 3), "A", ((date(2026, 3, 2), "A"),), date(2026, 3, 9)),  # Monday's done: next Monday's
        (date(2026, 3, 3), "B", (), date(2026, 3, 5)),  # a Session B counts for a B only
        (date(2026, 3, 3), "custom", (), None),  # the reader's own pick stands for no planned session
        (date(2026, 3, 2), "A", (), None),  # Monday plans strength: the session is Monday's own
    ],
)
def test_a_session_off_the_plans_strength_days_counts_for_the_nearest_planned_one_of_its_kind_not_yet_done(
    day: date, kind: str, done: tuple[tuple[date, str], ...], expected: date | None
) -> None:
    sessions = tuple(lift(d, k, n) for n, (d, k) in enumerate(done, start=1))
    assert counts_for(PLAN, sessions, (), kind, day) == expected


def test_the_next_planned_session_skips_one_a_session_already_counts_for() -> None:
    monday_done = (lift(date(2026, 3, 9), "A"),)
    found = next_planned(PLAN, monday_done, (), date(2026, 3, 9))
    assert found is not None and (found.day, found.strength) == (date(2026, 3, 12), "B")
    found = next_planned(PLAN, (), (), date(2026, 3, 9))
    assert found is not None and (found.day, found.strength) == (date(2026, 3, 9), "A")

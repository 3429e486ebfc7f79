"""The day that would make room for a session no run day fits, were it one of the reader's run days."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from calculators.planner import WeekPrefs, plan_season
from calculators.reschedule import reschedule_offers
from calculators.reschedule_hint import days_that_would_fit

MONDAY = date(2026, 12, 14)
# A runner who runs on Tuesday, Thursday and Saturday: tempo + A, intervals + B, the long run.
THREE_DAYS = plan_season(
    WeekPrefs(run_days=3, available_days=(1, 3, 5), vdot=37.6), today=MONDAY - timedelta(days=7), race_date=None
)
TUE, WED, THU, FRI, SAT = (MONDAY + timedelta(days=n) for n in range(1, 6))
FRIDAY, SUNDAY = 4, 6


def test_the_week_is_the_three_day_runners() -> None:
    week = [d.run + (d.strength or "") for d in THREE_DAYS.weeks[1].plan.days]
    assert week == ["rest", "tempoA", "rest", "intervalsB", "rest", "long", "rest"]


@pytest.mark.parametrize(("trigger", "today"), [("busy", MONDAY), ("busy", WED), ("busy", THU), ("red", FRI)])
def test_with_no_run_day_free_the_days_that_would_fit_are_named(trigger: str, today: date) -> None:
    """Saturday's long run has nowhere to go among Tuesday, Thursday and Saturday; with Sunday it could move there.
    Wednesday and Friday, each the day after a hard session, would put the long run right after one, so they are
    not named, nor Monday, today or gone by."""
    offers = reschedule_offers(THREE_DAYS, SAT, trigger=trigger, today=today, run_weekdays=(1, 3, 5))  # type: ignore[arg-type]
    assert "move" not in [o.kind for o in offers]
    found = days_that_would_fit(THREE_DAYS, SAT, trigger=trigger, today=today, run_weekdays=(1, 3, 5))  # type: ignore[arg-type]
    assert found == (SUNDAY,)
    (move, *_) = reschedule_offers(THREE_DAYS, SAT, trigger=trigger, today=today, run_weekdays=(1, 3, 5, 6))  # type: ignore[arg-type]
    assert move.kind == "move" and move.bent_rules == () and move.description.startswith("Move the long run to Sunday")


def test_nothing_is_named_when_a_move_fits_already_or_no_single_day_would() -> None:
    assert days_that_would_fit(THREE_DAYS, SAT, trigger="busy", today=WED, run_weekdays=(1, 3, 5, 6)) == ()
    # Intervals missed on Thursday, found out on Friday: Saturday and Sunday come right before or after the long run.
    assert days_that_would_fit(THREE_DAYS, THU, trigger="missed", today=FRI) == ()
    # A week that is over: no day of it is left to run on.
    assert days_that_would_fit(THREE_DAYS, THU, trigger="missed", today=SAT + timedelta(days=2)) == ()

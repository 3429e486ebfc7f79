"""Properties of the training calendar (issue 9): weekly totals and planned-vs-done matching, for any logs."""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import Any

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from calculators.calendar import build_calendar
from calculators.calendar_logs import LINK_DAYS_MAX, link_op, read_logs
from calculators.planner import SeasonPlan
from calculators.profile import Profile
from calculators.strength import StrengthSession, volume_load

from .strategies_calendar import run_entry, run_logs, seasons, strength_logs

FIRST = date(2026, 3, 2)  # a Monday
DAYS = 42


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-6)


@settings(deadline=None, max_examples=60)
@given(
    runs=run_logs(first=FIRST, days=DAYS),
    lifts=strength_logs(first=FIRST, days=DAYS),
    week_start=st.sampled_from([0, 6]),
    plan=st.none() | seasons(today=FIRST),
    today=st.integers(min_value=0, max_value=DAYS + 7).map(lambda n: FIRST + timedelta(days=n)),
)
def test_weekly_totals_equal_the_sum_of_the_logs(
    runs: dict[str, Any], lifts: dict[str, Any], week_start: int, plan: SeasonPlan | None, today: date
) -> None:
    """ "Weekly totals equal the sum of the logs": km, minutes, strength volume and loads, week by week and overall."""
    logs = read_logs({"runs": runs, "strength": lifts})
    assert len(logs.runs) == len(runs) and len(logs.strength) == len(lifts)
    last, profile = FIRST + timedelta(days=DAYS - 1), Profile(week_start=week_start)
    calendar = build_calendar(FIRST, last, logs=logs, plan=plan, today=today, profile=profile)
    sessions = [StrengthSession.from_dict(v, today=date.max) for v in lifts.values()]
    for week in calendar.weeks:
        end = week.start + timedelta(days=7)
        mine = [r for r in runs.values() if week.start.isoformat() <= r["date"] < end.isoformat()]
        lifted = [s for s in sessions if week.start <= s.date < end]
        totals = week.totals
        assert totals.runs == len(mine)
        assert _close(totals.run_km, sum(r["distance_m"] for r in mine) / 1000)
        assert _close(totals.run_minutes, sum(r["duration_s"] for r in mine) / 60)
        assert _close(totals.run_load, sum(r["duration_s"] / 60 * r["rpe"] for r in mine))
        assert totals.strength_sessions == len(lifted)
        assert _close(totals.strength_volume_kg, sum(volume_load(s) for s in lifted))
        assert _close(totals.strength_load, sum(s.duration_min * s.rpe for s in lifted))
        assert _close(totals.combined_load, totals.run_load + totals.strength_load)
        shown = [item for day in week.days for item in day.logged]
        assert len(shown) == len(mine) + len(lifted)  # every log appears once, on its own date
    weeks = calendar.weeks
    assert sum(w.totals.runs for w in weeks) == len(runs)
    assert _close(sum(w.totals.run_km for w in weeks), sum(r["distance_m"] for r in runs.values()) / 1000)
    assert _close(sum(w.totals.strength_volume_kg for w in weeks), sum(volume_load(s) for s in sessions))


@st.composite
def late_runs(draw: st.DrawFn) -> tuple[SeasonPlan, date, date]:
    """A season, a planned run on a day D, and a later rest day within the link window on which it was run."""
    plan = draw(seasons(today=FIRST))
    days = {d.day: d for d in plan.days() if d.day is not None}
    pairs = [
        (day, day + timedelta(days=n))
        for day, d in days.items()
        if d.run != "rest"
        for n in range(1, LINK_DAYS_MAX + 1)
        if (later := days.get(day + timedelta(days=n))) is not None and later.run == "rest"
    ]
    assume(pairs)
    planned, run_on = draw(st.sampled_from(pairs))
    return plan, planned, run_on


@settings(deadline=None, max_examples=80)
@given(case=late_runs(), linked=st.booleans(), extra_days=st.integers(min_value=1, max_value=5))
def test_a_late_run_matches_its_plan_only_when_linked(
    case: tuple[SeasonPlan, date, date], linked: bool, extra_days: int
) -> None:
    """ "A run logged a day late still matches its planned session when the reader says so"; else it is unplanned."""
    plan, planned, run_on = case
    day = next(d for d in plan.days() if d.day == planned)
    minutes = day.minutes or (day.km * 5 if day.km else 60)  # what is not planned, at 5:00 /km
    distance = (day.km or minutes / 5) * 1000
    store: dict[str, Any] = {"runs": {"late": run_entry(run_on, duration_s=minutes * 60, distance_m=distance, rpe=5)}}
    if linked:
        op = link_op("run", "late", planned, logs=read_logs(store), plan=plan)
        store[op["collection"]] = {op["id"]: op["value"]}
    today = run_on + timedelta(days=extra_days)
    calendar = build_calendar(planned, run_on, logs=read_logs(store), plan=plan, today=today)
    item = next(i for i in calendar.day(planned).planned if i.kind == "run")  # type: ignore[union-attr]
    (logged,) = calendar.day(run_on).logged  # type: ignore[union-attr]
    if linked:
        assert item.status == "done" and item.matched == ("late",) and item.linked == ("late",)
        assert logged.counts_for == planned and logged.status == "done"
    else:
        assert item.status == "missed" and item.matched == ()
        assert logged.counts_for is None and logged.status == "unplanned"

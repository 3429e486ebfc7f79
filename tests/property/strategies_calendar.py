"""Hypothesis strategies for the profile, the training calendar and rescheduling (issue 9)."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

from calculators import vdot
from calculators.planner import VOLUME_LIMITS, SeasonPlan, WeekPrefs, plan_season
from calculators.profile import Profile
from calculators.run_pace import fastest_duration, slowest_duration

from .strategies import race_distances, table_vdots

weekdays = st.integers(min_value=0, max_value=6)
#: JSON values another release could keep in a stored entry under a key this one does not know.
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)


@st.composite
def profiles(draw: st.DrawFn) -> Profile:
    """Any profile the profile form accepts: every field given or not, unknown keys included."""
    runs = draw(st.sets(weekdays, min_size=3, max_size=6) | st.just(set()))
    hard = draw(st.sets(st.sampled_from(sorted(runs)), max_size=2)) if runs else draw(st.sets(weekdays, max_size=2))
    long_choices = sorted((runs or set(range(7))) - hard)
    race = draw(st.none() | st.tuples(st.sampled_from([3000.0, 5000.0, 10000.0, 21097.5]), table_vdots))
    time = None if race is None else round(vdot.race_time(race[1], race[0]), draw(st.sampled_from([0, 1, 2])))
    extra_keys = st.text(min_size=1, max_size=10).filter(lambda k: k not in Profile().to_dict())
    return Profile(
        units=draw(st.sampled_from(["km", "mi"])),
        vdot=draw(st.none() | st.floats(min_value=vdot.VDOT_MIN, max_value=vdot.VDOT_MAX)),
        recent_distance_m=None if race is None else race[0],
        recent_time_s=time,
        hr_rest=draw(st.none() | st.floats(min_value=25, max_value=99)),
        hr_max=draw(st.none() | st.floats(min_value=100, max_value=230)),
        sex=draw(st.sampled_from([None, "female", "male"])),
        run_weekdays=tuple(sorted(runs)),
        hard_days=tuple(sorted(hard)),
        long_run_day=draw(st.none() | st.sampled_from(long_choices)) if long_choices else None,
        week_start=draw(st.sampled_from([0, 6])),
        race_date=draw(st.none() | st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31))),
        race_distance_m=draw(st.none() | race_distances),
        extra=draw(st.dictionaries(extra_keys, json_values, max_size=3)),
    )


@st.composite
def seasons(draw: st.DrawFn, *, today: date = date(2026, 3, 4), easy_weeks_too: bool = False) -> SeasonPlan:
    """A season planned on ``today`` for any preferences (with ``easy_weeks_too``, easy weeks among them), to a race
    3 to 20 weeks away or without one."""
    unit = draw(st.sampled_from(["min", "km"]))
    low, high = VOLUME_LIMITS[unit]
    prefs = WeekPrefs(
        run_days=draw(st.integers(min_value=3, max_value=6)),
        available_days=tuple(draw(st.sets(weekdays, min_size=3))),
        hard_days=tuple(draw(st.sets(weekdays, max_size=2))),
        long_run_day=draw(st.none() | weekdays),
        volume_unit=unit,
        current_volume=draw(st.floats(min_value=low, max_value=high / 2)),
        vdot=draw(st.none() | table_vdots),
        easy_weeks=draw(st.booleans()) if easy_weeks_too else False,
    )
    race = draw(st.none() | st.integers(min_value=15, max_value=140).map(lambda n: today + timedelta(days=n)))
    distance = draw(st.none() | st.sampled_from([5000.0, 10000.0, 21097.5, 42195.0])) if race else None
    return plan_season(prefs, today=today, race_date=race, race_distance_m=distance, weeks=draw(st.integers(2, 8)))


def run_entry(day: date, *, duration_s: float, distance_m: float, rpe: float) -> dict[str, Any]:
    """A run as the run log stores it."""
    return {
        "date": day.isoformat(),
        "duration_s": duration_s,
        "distance_m": distance_m,
        "rpe": rpe,
        "hr_avg": None,
        "source": "hand",
    }


@st.composite
def run_logs(draw: st.DrawFn, *, first: date, days: int) -> dict[str, dict[str, Any]]:
    """The ``runs`` collection: up to 25 runs on any of ``days`` days from ``first``."""
    entries = {}
    for _ in range(draw(st.integers(min_value=0, max_value=25))):
        day = first + timedelta(days=draw(st.integers(min_value=0, max_value=days - 1)))
        # Any run a runner could do: no distance, or one covered at a pace within run_pace's bounds.
        distance = draw(st.just(0.0) | st.floats(min_value=100, max_value=100_000))
        fastest, slowest = (fastest_duration(distance), slowest_duration(distance)) if distance else (60, 24 * 3600)
        entries[str(uuid.UUID(int=draw(st.integers(min_value=0, max_value=2**64))))] = run_entry(
            day,
            duration_s=draw(st.floats(min_value=max(60, fastest), max_value=min(24 * 3600, slowest))),
            distance_m=distance,
            rpe=draw(st.floats(min_value=1, max_value=10)),
        )
    return entries


@st.composite
def strength_logs(draw: st.DrawFn, *, first: date, days: int) -> dict[str, dict[str, Any]]:
    """The ``strength`` collection: up to 12 sessions with catalogue, bodyweight and custom exercises."""
    entries = {}
    sets = st.lists(
        st.fixed_dictionaries(
            {"reps": st.integers(min_value=1, max_value=20)},
            optional={"load_kg": st.floats(min_value=0, max_value=300)},
        ),
        max_size=4,
    )
    exercise = st.sampled_from(["romanian_deadlift", "hip_thrust", "nordic_curl", "pogo_hops", "custom"])
    for _ in range(draw(st.integers(min_value=0, max_value=12))):
        ident = str(uuid.UUID(int=draw(st.integers(min_value=0, max_value=2**64))))
        chosen = draw(st.lists(exercise, max_size=4))
        entries[ident] = {
            "id": ident,
            "date": (first + timedelta(days=draw(st.integers(min_value=0, max_value=days - 1)))).isoformat(),
            "kind": draw(st.sampled_from(["A", "B", "custom"])),
            "duration_min": draw(st.floats(min_value=1, max_value=600)),
            "rpe": draw(st.floats(min_value=1, max_value=10)),
            "exercises": [
                {"exercise": e, "sets": draw(sets)} | ({"name": "Step-ups"} if e == "custom" else {}) for e in chosen
            ],
        }
    return entries

"""A session's minutes and km around its fast part, sized against its week: a tempo run's part at T pace, an
interval session's at I pace, and a marathon plan's long run's last part at M pace in the build and peak weeks.

:mod:`calculators.planner_sessions` says how large a fast part may be: about half of the session (Stridelab's
estimate), within Daniels' limits on one session's running at T, I or M pace, a share of the week's distance
(Daniels' Running Formula, 3rd ed., 2014). This module applies them to a planned week: the week's distance the
limits are taken against (:func:`week_for_limits`), then each session from its share of the week
(:func:`session_amounts`). Apart from the easy runs' amounts (:mod:`calculators.planner_amounts`), whose minutes
and km keep to the E range: a session's pair mixes two paces and has no range to keep to.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from calculators.planner_amounts import KM_PER_UNIT, easy_pace, round_to_step
from calculators.planner_sessions import QUALITY_SHARE, fast_km_most, fast_minutes, fast_minutes_most, fast_pace
from calculators.vdot import TrainingPaces
from calculators.week_prefs import VolumeUnit

__all__ = ["session_amounts", "week_for_limits"]


def session_amounts(
    run: str, amount: float, unit: VolumeUnit, paces: TrainingPaces | None, week_km: float, week_minutes: float
) -> tuple[int | None, float | None, int | None, float | None]:
    """A tempo or interval session's (or a marathon plan's long run's) minutes, km, and fast part's minutes and km,
    from its ``amount`` in the volume's ``unit`` (already rounded to its step).

    The fast part is about :data:`~calculators.planner_sessions.QUALITY_SHARE` of the session's time, cut to
    Daniels' limit against the week's ``week_km`` (:func:`~calculators.planner_sessions.fast_km_most`); with
    neither paces nor distance, Stridelab's approximation of it in minutes against ``week_minutes``. The rest of
    the session is easy, at the middle of the E range: its length stays as the week gives it.
    """
    easy = easy_pace(paces)
    pace = None if paces is None else fast_pace(run, paces)
    if unit == "min":
        minutes = int(amount)
        if paces is None or easy is None or pace is None:
            return minutes, None, fast_minutes(minutes, fast_minutes_most(run, week_minutes)), None
        fast = fast_minutes(minutes, fast_km_most(run, week_km, pace) * pace / 60)
        fast_km = fast * 60 / pace
        # Up to the half km: the session then counts at least its minutes at easy pace in the week's distance, as
        # the limit assumed (a week of 7 km at VDOT 35, rounded to the nearest, put 10.1 % of it at T).
        km = max(1.0, math.ceil((fast_km + (minutes - fast) * 60 / easy) * 2 - 1e-9) / 2)
        return minutes, km, fast, fast_km
    km = amount * KM_PER_UNIT[unit]
    if paces is None or easy is None or pace is None:
        # Half the distance, with no pace to halve the time by; cut to the tenth of the runner's unit below.
        step = 0.1 * KM_PER_UNIT[unit]
        return None, km, None, math.floor(min(km * QUALITY_SHARE, fast_km_most(run, week_km)) / step + 1e-9) * step
    # The fast part's km that take as long as the easy rest (half the time), or Daniels' limit if less.
    fast_km = min(km * easy / (easy + pace), fast_km_most(run, week_km, pace))
    minutes = int(round_to_step((fast_km * pace + (km - fast_km) * easy) / 60, "min"))
    return minutes, km, math.floor(fast_km * pace / 60 + 0.5), fast_km


def week_for_limits(
    others: Iterable[tuple[int | None, float | None]],
    sessions: Sequence[float],
    unit: VolumeUnit,
    paces: TrainingPaces | None,
) -> tuple[float, float]:
    """The week's km and minutes that Daniels' limits on a session's fast part are set against (planner_sessions),
    from the ``others`` runs' (minutes, km) and the ``sessions`` with a fast part, in the volume's ``unit``.

    A plan by distance knows each session's distance as it is. With a volume in minutes, a session's distance grows
    with its fast part, which the limit sets: the sessions are counted at easy pace, a little less distance than
    the plan's, so the limit errs short. The minutes matter only to a plan in minutes without paces.
    """
    others = list(others)
    other_km = sum(km for _, km in others if km is not None)
    if unit != "min":
        return other_km + sum(sessions) * KM_PER_UNIT[unit], 0.0
    easy = easy_pace(paces)
    sessions_km = 0.0 if easy is None else sum(sessions) * 60 / easy
    return other_km + sessions_km, sum(m for m, _ in others if m is not None) + sum(sessions)

"""The week and season planner (issue 4): strength on the hard-run days, periodised to race day, exported to a calendar.

The rules are TRAINING-RULES.md's "Where they go in the week" and "Progression";
numbers no source gives are Stridelab's and say so where they are set. This
module is the planner's public face; the work is done in

- :mod:`calculators.week_prefs` — :class:`WeekPrefs`, what the runner tells the planner;
- :mod:`calculators.week_rules` — the hard rules, shared with :func:`rule_violations`;
- :mod:`calculators.week_search` — every admissible layout of the week, scored, the best kept;
- :mod:`calculators.week_plan` — :class:`DayPlan`, :class:`WeekPlan`, what a planned week is;
- :mod:`calculators.week` — :func:`plan_week`, the days built from a layout;
- :mod:`calculators.week_reasons` — why each day is what it is;
- :mod:`calculators.planner_amounts` — runs that add up to the week; easy minutes and distance within the E range;
- :mod:`calculators.planner_fast_parts` — a session's minutes and km around its fast part, within Daniels' limits;
- :mod:`calculators.planner_sessions` — what a tempo or interval session is, and each run's effort by feel;
- :mod:`calculators.season` — :class:`SeasonPlan`, :func:`plan_season`, :class:`WeekContext`;
- :mod:`calculators.ics` — :func:`season_to_ics`;
- :mod:`calculators.plan_json` — :func:`season_from_dict`, the way back from :meth:`SeasonPlan.to_dict`.

>>> week = plan_week(WeekPrefs(run_days=4))
>>> [(d.run, d.strength) for d in week.days][:4]
[('tempo', 'A'), ('easy', None), ('rest', None), ('intervals', 'B')]
"""

from __future__ import annotations

from calculators.ics import season_to_ics
from calculators.plan_json import season_from_dict
from calculators.season import (
    NO_STRENGTH_DAYS,
    PEAK_STRENGTH_DOSE,
    SeasonPlan,
    SeasonWeek,
    WeekContext,
    plan_season,
    season_violations,
    week_context,
)
from calculators.week import plan_week
from calculators.week_plan import PHASES, DayPlan, WeekPlan, rule_violations
from calculators.week_prefs import (
    RUN_DAYS_MAX,
    RUN_DAYS_MIN,
    VOLUME_LIMITS,
    VOLUME_UNIT_WORDS,
    WEEKDAY_NAMES,
    WeekPrefs,
)
from calculators.week_rules import HARD_RUNS, RUN_TYPES, STRESS_RUNS
from calculators.week_search import BentRule

__all__ = [
    "HARD_RUNS",
    "NO_STRENGTH_DAYS",
    "PEAK_STRENGTH_DOSE",
    "PHASES",
    "RUN_DAYS_MAX",
    "RUN_DAYS_MIN",
    "RUN_TYPES",
    "STRESS_RUNS",
    "VOLUME_LIMITS",
    "VOLUME_UNIT_WORDS",
    "WEEKDAY_NAMES",
    "BentRule",
    "DayPlan",
    "SeasonPlan",
    "SeasonWeek",
    "WeekContext",
    "WeekPlan",
    "WeekPrefs",
    "plan_season",
    "plan_week",
    "rule_violations",
    "season_from_dict",
    "season_to_ics",
    "season_violations",
    "week_context",
]

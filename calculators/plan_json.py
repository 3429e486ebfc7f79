"""Reading a stored season plan back from JSON (the layout :meth:`SeasonPlan.to_dict` writes).

Every value is checked with a small typed getter; an error names the dotted
path of the value (``plan.weeks.3.plan.days.2.run``), as stored data has no form
field. A plan stored by a newer major version is refused, never guessed at.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date
from typing import Any

from calculators.errors import InputError
from calculators.season import SCHEMA_VERSION, SeasonPlan, SeasonWeek
from calculators.week_plan import PHASES, DayPlan, WeekPlan
from calculators.week_prefs import VOLUME_LIMITS, WeekPrefs
from calculators.week_search import BentRule

__all__ = ["season_from_dict", "week_from_dict"]


def _mapping(value: Any, path: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise InputError(path, "This part of the stored plan is not readable.")
    return value


def _list(value: Any, path: str) -> list[Any]:
    if not isinstance(value, list):
        raise InputError(path, "This part of the stored plan should be a list.")
    return value


def _str(value: Any, path: str, *, optional: bool = False) -> Any:
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise InputError(path, "This stored value should be text.")
    return value


def _num(value: Any, path: str, *, optional: bool = False) -> Any:
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise InputError(path, "This stored value should be a number.")
    return value


def _int(value: Any, path: str, *, optional: bool = False) -> Any:
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(path, "This stored value should be a whole number.")
    return value


def _date(value: Any, path: str, *, optional: bool = False) -> date | None:
    if value is None and optional:
        return None
    try:
        return date.fromisoformat(_str(value, path))
    except ValueError:
        raise InputError(path, f"“{value}” is not a date (YYYY-MM-DD).") from None


def _bent(value: Any, path: str) -> tuple[BentRule, ...]:
    rules = []
    for i, item in enumerate(_list(value, path)):
        item = _mapping(item, f"{path}.{i}")
        rules.append(
            BentRule(
                field=_str(item.get("field"), f"{path}.{i}.field", optional=True),
                message=_str(item.get("message"), f"{path}.{i}.message"),
            )
        )
    return tuple(rules)


def _day(data: Any, path: str) -> DayPlan:
    data = _mapping(data, path)
    pace = data.get("pace_s_per_km")
    if pace is not None:
        pace = _list(pace, f"{path}.pace_s_per_km")
        if len(pace) != 2:
            raise InputError(f"{path}.pace_s_per_km", "A pace range has two values.")
        pace = (float(_num(pace[0], f"{path}.pace_s_per_km.0")), float(_num(pace[1], f"{path}.pace_s_per_km.1")))
    try:
        return DayPlan(
            weekday=_int(data.get("weekday"), f"{path}.weekday"),
            run=_str(data.get("run"), f"{path}.run"),
            strength=_str(data.get("strength"), f"{path}.strength", optional=True),
            strength_volume=float(_num(data.get("strength_volume"), f"{path}.strength_volume")),
            intent=_str(data.get("intent"), f"{path}.intent"),
            reason=_str(data.get("reason"), f"{path}.reason"),
            minutes=_int(data.get("minutes"), f"{path}.minutes", optional=True),
            km=_num(data.get("km"), f"{path}.km", optional=True),
            pace_s_per_km=pace,
            day=_date(data.get("day"), f"{path}.day", optional=True),
            # Absent from a plan saved before the fast part was stored: its words then give no amount.
            fast_minutes=_int(data.get("fast_minutes"), f"{path}.fast_minutes", optional=True),
            fast_km=_num(data.get("fast_km"), f"{path}.fast_km", optional=True),
            # Absent from a plan saved before a long run could have a part at marathon pace.
            fast_pace_s_per_km=_num(data.get("fast_pace_s_per_km"), f"{path}.fast_pace_s_per_km", optional=True),
            # Absent from any day but an accepted "run easy instead", and from a plan saved before it was stored.
            cut_from=_int(data.get("cut_from"), f"{path}.cut_from", optional=True),
            cut_from_km=_num(data.get("cut_from_km"), f"{path}.cut_from_km", optional=True),
        )
    except ValueError as error:
        if isinstance(error, InputError):
            raise
        raise InputError(path, f"This stored day is not valid: {error}.") from None


def week_from_dict(data: Any, path: str) -> WeekPlan:
    """One week's plan from the JSON :meth:`WeekPlan.to_dict` wrote; an error names ``path``."""
    data = _mapping(data, path)
    days = tuple(_day(d, f"{path}.days.{i}") for i, d in enumerate(_list(data.get("days"), f"{path}.days")))
    if [d.weekday for d in days] != list(range(7)):
        raise InputError(f"{path}.days", "A stored week must have seven days, Monday to Sunday.")
    unit = _str(data.get("volume_unit"), f"{path}.volume_unit")
    phase = _str(data.get("phase"), f"{path}.phase")
    if unit not in VOLUME_LIMITS or phase not in PHASES:
        raise InputError(path, "This stored week has an unknown unit or phase.")
    return WeekPlan(
        days=days,
        volume=float(_num(data.get("volume"), f"{path}.volume")),
        volume_unit=unit,
        phase=phase,
        bent_rules=_bent(data.get("bent_rules", []), f"{path}.bent_rules"),
    )


def season_from_dict(data: Any) -> SeasonPlan:
    """A :class:`SeasonPlan` from the JSON :meth:`SeasonPlan.to_dict` wrote (``to_dict`` round-trips exactly).

    Raises:
        InputError: a value missing or of the wrong type (the field is its
            dotted path from ``plan``), or a newer major version of the layout.
    """
    data = _mapping(data, "plan")
    version = _int(data.get("version"), "plan.version")
    if version > SCHEMA_VERSION:
        raise InputError(
            "plan.version",
            f"This plan was saved by a newer version of Stridelab (layout {version}); reload the page to update.",
        )
    if version != SCHEMA_VERSION:
        raise InputError("plan.version", f"Layout {version} of a stored plan is not one this version can read.")
    prefs = WeekPrefs.from_dict(_mapping(data.get("prefs"), "plan.prefs"))
    weeks = []
    for i, item in enumerate(_list(data.get("weeks"), "plan.weeks")):
        path = f"plan.weeks.{i}"
        item = _mapping(item, path)
        start = _date(item.get("start"), f"{path}.start")
        assert start is not None
        weeks.append(
            SeasonWeek(
                start=start,
                phase=_str(item.get("phase"), f"{path}.phase"),
                volume=float(_num(item.get("volume"), f"{path}.volume")),
                volume_unit=_str(item.get("volume_unit"), f"{path}.volume_unit"),
                cutback=bool(item.get("cutback")),
                strength_dose=float(_num(item.get("strength_dose"), f"{path}.strength_dose")),
                plan=week_from_dict(item.get("plan"), f"{path}.plan"),
                key_sessions=tuple(
                    _str(k, f"{path}.key_sessions.{n}")
                    for n, k in enumerate(_list(item.get("key_sessions", []), f"{path}.key_sessions"))
                ),
            )
        )
    today = _date(data.get("today"), "plan.today")
    assert today is not None
    race_distance = _num(data.get("race_distance_m"), "plan.race_distance_m", optional=True)
    return SeasonPlan(
        prefs=prefs,
        today=today,
        race_date=_date(data.get("race_date"), "plan.race_date", optional=True),
        race_distance_m=None if race_distance is None else float(race_distance),
        weeks=tuple(weeks),
        bent_rules=_bent(data.get("bent_rules", []), "plan.bent_rules"),
        since=_date(data.get("since"), "plan.since", optional=True),
        climb_from=_date(data.get("climb_from"), "plan.climb_from", optional=True),
    )

"""Which days the planner's calendar exports have filled, kept in the browser, so a later export cancels only the
sessions an earlier one actually put in the reader's calendar (:func:`calculators.ics.season_to_ics`'s
``exported``), and a first export has no cancelled rest days at all.

One settings entry per exported plan (its id, :func:`calculators.ui.season_planner._plan_id`, one per race): the
days from today on that any export of it filled. Days already past are dropped when it is written again: an export
covers the plan from today on only.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

__all__ = ["SETTINGS_PREFIX", "exported_days", "record_export"]

#: The settings entry's id is this prefix and the plan id.
SETTINGS_PREFIX = "ics-export:"
#: An entry holds at most the days of the planner's longest season (52 weeks), whatever else was stored.
_DAYS_MAX = 52 * 7


def exported_days(store: Mapping[str, Mapping[str, Any]] | None, plan_id: str) -> frozenset[date]:
    """The days earlier exports of ``plan_id`` filled with a session; nothing for an entry that does not read (a
    first export then cancels nothing, which is what a calendar that never had the file needs)."""
    settings = (store or {}).get("settings") or {}
    entry = settings.get(SETTINGS_PREFIX + plan_id) if isinstance(settings, Mapping) else None
    listed = entry.get("days") if isinstance(entry, Mapping) else None
    if not isinstance(listed, list):
        return frozenset()
    days = set()
    for text in listed[:_DAYS_MAX]:
        try:
            days.add(date.fromisoformat(text))
        except (TypeError, ValueError):
            continue
    return frozenset(days)


def record_export(plan_id: str, earlier: frozenset[date], filled: tuple[date, ...], today: date) -> dict[str, Any]:
    """The store operation that remembers the days this export filled, with those earlier exports filled that are
    not past yet: a day cancelled now stays cancelled by the next export too, for a calendar that imports only it."""
    days = sorted({d for d in (*earlier, *filled) if d >= today})[:_DAYS_MAX]
    return {
        "op": "put",
        "collection": "settings",
        "id": SETTINGS_PREFIX + plan_id,
        "value": {"days": [d.isoformat() for d in days]},
    }

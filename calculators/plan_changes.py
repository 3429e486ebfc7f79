"""The season plan's history of changes: applying an accepted rescheduling offer, and reading what was changed.

An accepted offer (:mod:`calculators.reschedule`) changes one week of the stored plan
(collection ``plan``, id ``season``) and appends a change record to its own collection,
``plan_changes``, one entry per change (id: a fresh UUID from the page), so two tabs never
overwrite each other's history and regenerating the plan, which rewrites the plan entry, loses
none of it. A record holds the day it was applied, why (``missed`` or ``red``), the offer in
words, what moved from which date to which, the rules it bends and the week as it was before.
Logs are never touched: the operations name only ``plan`` and ``plan_changes``.
"""

from __future__ import annotations

from collections.abc import Mapping
from copy import deepcopy
from dataclasses import dataclass
from datetime import date
from typing import Any

from calculators.errors import InputError
from calculators.plan_json import season_from_dict
from calculators.reschedule import Move, Offer, OfferKind, Trigger
from calculators.season import _key_sessions  # the season's own summary of a week's key sessions

__all__ = ["CHANGES_COLLECTION", "PLAN_COLLECTION", "PLAN_ID", "PlanChange", "apply_offer", "read_changes"]

CHANGES_COLLECTION = "plan_changes"
PLAN_COLLECTION, PLAN_ID = "plan", "season"


def apply_offer(stored: Any, offer: Offer, *, change_id: str, today: date) -> tuple[dict[str, Any], ...]:
    """The store operations that apply an accepted offer: the plan's week, and a change record appended.

    ``stored`` is the plan as stored (``plan``/``season``); every key of it this version does not
    know is kept. The change record (collection ``plan_changes``, id ``change_id``, a fresh UUID)
    holds the day it was applied, the trigger, what moved and the week as it was, so the plan
    keeps its history even when it is regenerated. No operation touches a log.

    Raises:
        InputError: the stored plan does not read, or its week is no longer the one the offer was made for.
    """
    if not isinstance(change_id, str) or not change_id:
        raise InputError("new_id", "The page did not send an id for the change record.")
    plan = season_from_dict(stored)
    index = next((n for n, w in enumerate(plan.weeks) if w.start == offer.week_start), None)
    if index is None or plan.weeks[index].plan != offer.before:
        raise InputError("plan", "Your plan has changed since this offer was made. Look at the offers again.")
    ops: list[dict[str, Any]] = []
    if offer.week != offer.before:
        value = deepcopy(dict(stored))
        value["weeks"][index] = {
            **value["weeks"][index],
            "plan": offer.week.to_dict(),
            "key_sessions": list(_key_sessions(offer.week)),
        }
        season_from_dict(value)  # what is stored must read back
        ops.append({"op": "put", "collection": PLAN_COLLECTION, "id": PLAN_ID, "value": value})
    record = {
        "applied": today.isoformat(),
        "trigger": offer.trigger,
        "day": offer.day.isoformat(),
        "kind": offer.kind,
        "description": offer.description,
        "moves": [
            {"what": m.what, "from": m.from_day.isoformat(), "to": None if m.to_day is None else m.to_day.isoformat()}
            for m in offer.moves
        ],
        "bent_rules": list(offer.bent_rules),
        "week_start": offer.week_start.isoformat(),
        "before": offer.before.to_dict(),
    }
    ops.append({"op": "put", "collection": CHANGES_COLLECTION, "id": change_id, "value": record})
    return tuple(ops)


@dataclass(frozen=True, kw_only=True, slots=True)
class PlanChange:
    """One accepted offer, as the plan's history shows it."""

    id: str
    applied: date
    trigger: Trigger
    day: date
    kind: OfferKind
    description: str
    moves: tuple[Move, ...]


def _iso(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _change(ident: str, value: Any) -> PlanChange | None:
    if not isinstance(value, Mapping) or not isinstance(value.get("description"), str):
        return None
    applied, day, moves = _iso(value.get("applied")), _iso(value.get("day")), []
    items = value.get("moves")
    for item in items if isinstance(items, list) else []:
        start = _iso(item.get("from")) if isinstance(item, Mapping) else None
        if start is None or not isinstance(item.get("what"), str):
            return None
        moves.append(Move(what=item["what"], from_day=start, to_day=_iso(item.get("to"))))
    trigger, kind = value.get("trigger"), value.get("kind")
    if applied is None or day is None or trigger not in ("missed", "red") or kind not in ("move", "easy", "skip"):
        return None
    return PlanChange(
        id=ident,
        applied=applied,
        trigger=trigger,
        day=day,
        kind=kind,
        description=value["description"],
        moves=tuple(moves),
    )


def read_changes(store: Mapping[str, Mapping[str, Any]]) -> tuple[PlanChange, ...]:
    """The plan's history of accepted offers, oldest first; an entry that does not read is left out."""
    entries = store.get(CHANGES_COLLECTION) or {}
    found = [_change(str(k), v) for k, v in entries.items()] if isinstance(entries, Mapping) else []
    return tuple(sorted((c for c in found if c is not None), key=lambda c: (c.applied, c.day, c.id)))

"""The season plan's history of changes: applying an accepted rescheduling offer, and reading what was changed.

An accepted offer (:mod:`calculators.reschedule`) changes one week of the stored plan
(collection ``plan``, id ``season``) and appends a change record to its own collection,
``plan_changes``, one entry per change (id: a fresh UUID from the page), so two tabs never
overwrite each other's history, and saving the plan again, which rewrites the plan entry, deletes
only the records it says no longer fit. A record holds the day it was applied, why (``missed``, ``red``,
``amber`` or ``busy``), the offer in words, what moved from which date to which, the rules it bends, and the
week as it was before and as the change left it. The second is what makes an undo safe: a change is undone only while
the plan's week is still exactly what it made, so an undo never throws away a later change or a
new plan. The same pair lets a plan saved again keep its accepted changes (:func:`carry_changes`):
a change is made again on a new week that is still the week it was made on, and dropped otherwise.
Logs are never touched: the operations name only ``plan`` and ``plan_changes``.
"""

from __future__ import annotations

from collections.abc import Mapping
from copy import deepcopy
from dataclasses import dataclass
from datetime import date
from typing import Any

from calculators.errors import InputError
from calculators.plan_json import season_from_dict, week_from_dict
from calculators.reschedule_case import Move, Offer, OfferKind, Trigger
from calculators.season import SeasonPlan, _key_sessions  # _key_sessions: the season's own summary of a week
from calculators.week import planned_volume
from calculators.week_plan import WeekPlan

__all__ = [
    "CHANGES_COLLECTION",
    "PLAN_COLLECTION",
    "PLAN_ID",
    "PlanChange",
    "apply_offer",
    "carry_changes",
    "read_changes",
    "undo_change",
    "undoable_changes",
]

CHANGES_COLLECTION = "plan_changes"
PLAN_COLLECTION, PLAN_ID = "plan", "season"


def _put_week(stored: Any, index: int, week: WeekPlan, as_stored: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The operation that stores ``week`` as the plan's week ``index``, with its key sessions and its volume worked out
    again: the season table shows what the week now holds (a long run moved and an easy run dropped takes the easy
    run's distance off the week's total), not what the planner first gave it.

    ``as_stored`` is the week as it was stored, when there is one (an undo): stored as it is, so keys of
    a newer version stay. Every key of the stored plan this version does not know is kept.
    """
    value = deepcopy(dict(stored))
    plan = deepcopy(dict(as_stored)) if as_stored is not None else week.to_dict()
    value["weeks"][index] = {
        **value["weeks"][index],
        "plan": plan,
        "key_sessions": list(_key_sessions(week)),
        "volume": planned_volume(week.days, week.volume_unit),
    }
    season_from_dict(value)  # what is stored must read back
    return {"op": "put", "collection": PLAN_COLLECTION, "id": PLAN_ID, "value": value}


def apply_offer(stored: Any, offer: Offer, *, change_id: str, today: date) -> tuple[dict[str, Any], ...]:
    """The store operations that apply an accepted offer: the plan's week, and a change record appended.

    ``stored`` is the plan as stored (``plan``/``season``); every key of it this version does not
    know is kept. The change record (collection ``plan_changes``, id ``change_id``, a fresh UUID)
    holds the day it was applied, the trigger, what moved and the week as it was, so the plan
    keeps its history even when it is regenerated, and the week as the change left it, so
    :func:`undo_change` can tell whether it may still put the old one back. No operation touches a log.

    Raises:
        InputError: the stored plan does not read, or its week is no longer the one the offer was made for.
    """
    if not isinstance(change_id, str) or not change_id:
        raise InputError("new_id", "The page did not send an id for the change record.")
    plan = season_from_dict(stored)
    index = next((n for n, w in enumerate(plan.weeks) if w.start == offer.week_start), None)
    if index is None or plan.weeks[index].plan != offer.before:
        raise InputError("plan", "Your plan has changed since this offer was made. Look at the offers again.")
    ops = [_put_week(stored, index, offer.week)] if offer.week != offer.before else []
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
        "after": offer.week.to_dict(),  # an undo checks the plan still holds exactly this week
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
    if (
        applied is None
        or day is None
        or trigger not in ("missed", "red", "amber", "busy")
        or kind not in ("move", "easy", "skip")
    ):
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


def _changed_week(plan: SeasonPlan, record: Mapping[str, Any]) -> int | None:
    """The index of the record's week in ``plan`` while that week is still exactly what the change made."""
    start = _iso(record.get("week_start"))
    index = next((n for n, w in enumerate(plan.weeks) if w.start == start), None)
    # compared as plain JSON values: what the store gives back, whole numbers and all, equals what to_dict wrote
    if index is None or plan.weeks[index].plan.to_dict() != record.get("after"):
        return None
    return index


def _undoable(record: Any) -> bool:
    """A record that holds the week before and after; one made before changes kept ``after`` cannot be checked."""
    return isinstance(record, Mapping) and all(isinstance(record.get(k), Mapping) for k in ("before", "after"))


def _cannot(why: str) -> InputError:
    return InputError(
        "plan",
        f"This change can no longer be undone here: {why}. "
        "To change that week, make your plan again on the planner page.",
    )


def undo_change(stored_plan: Any, store_changes: Any, change_id: str) -> tuple[dict[str, Any], ...]:
    """The store operations that undo an accepted offer: its week put back as it was, its record deleted.

    ``stored_plan`` is the plan as stored (``plan``/``season``), ``store_changes`` the collection
    ``plan_changes``. Every key of the plan this version does not know is kept, and the week's key
    sessions are worked out again, as :func:`apply_offer` does. No operation touches a log.

    Raises:
        InputError: (field ``plan``) the record is gone or was made before changes could be undone,
            or the plan's week is no longer the one the change made (changed again, or a new plan).
    """
    record = store_changes.get(change_id) if isinstance(store_changes, Mapping) else None
    if record is None:
        raise _cannot("it is no longer in your plan's history")
    if not _undoable(record):
        raise _cannot("it was made before changes could be undone")
    if stored_plan is None:
        raise _cannot("no season plan is saved any more")
    plan = season_from_dict(stored_plan)
    index = _changed_week(plan, record)
    if index is None:
        raise _cannot("your plan has changed since (another change, or a new plan)")
    ops = []
    if record["before"] != record["after"]:  # a change that moved nothing put no plan, so there is none to undo
        try:
            ops.append(_put_week(stored_plan, index, week_from_dict(record["before"], "before"), record["before"]))
        except InputError:
            raise _cannot("the week as it was before was not recorded in full") from None
    ops.append({"op": "delete", "collection": CHANGES_COLLECTION, "id": change_id})
    return tuple(ops)


def undoable_changes(plan: SeasonPlan | None, store: Mapping[str, Mapping[str, Any]]) -> frozenset[str]:
    """The ids of the changes :func:`undo_change` would undo: their week in ``plan`` is still what they made."""
    entries = store.get(CHANGES_COLLECTION) or {}
    if plan is None or not isinstance(entries, Mapping):
        return frozenset()
    return frozenset(str(k) for k, v in entries.items() if _undoable(v) and _changed_week(plan, v) is not None)


def _weeks_read(record: Mapping[str, Any]) -> bool:
    """Whether the record's week before and after it both read back as weeks: only then can it be made again."""
    try:
        week_from_dict(record["before"], "before"), week_from_dict(record["after"], "after")
    except InputError:
        return False
    return True


def carry_changes(
    value: Mapping[str, Any], store_changes: Any, *, first: date
) -> tuple[dict[str, Any], tuple[dict[str, Any], ...], tuple[PlanChange, ...]]:
    """A new plan (as stored) with the accepted changes of its new weeks made again where they still fit.

    ``value`` is the plan about to be stored, whose weeks from ``first`` on are newly made (the weeks
    before it are kept as they were, with their changes); ``store_changes`` is the collection
    ``plan_changes``. A change is made again when the new week is exactly the week it was made on
    (changes to one week are followed in turn: the second was made on the week the first left), so
    the same plan saved again keeps every change. One that no longer fits (the reader changed the
    plan, its week is gone, or it was recorded before changes kept both weeks) is dropped: its
    record is deleted, so the calendar never lists a change the plan does not hold.

    Returns:
        The plan to store, the operations that delete the dropped records, and the dropped changes.
    """
    entries = store_changes if isinstance(store_changes, Mapping) else {}
    plan = deepcopy(dict(value))
    index = {str(w["start"]): n for n, w in enumerate(plan["weeks"])}
    by_week: dict[int, list[tuple[PlanChange, Mapping[str, Any]]]] = {}
    dropped: list[PlanChange] = []
    for change in read_changes({CHANGES_COLLECTION: entries}):  # oldest first: the order they were made in
        record = entries[change.id]
        start = _iso(record.get("week_start"))
        if start is not None and start < first:
            continue  # a week kept as it was, its changes with it
        n = None if start is None else index.get(start.isoformat())
        if n is None or not _undoable(record) or not _weeks_read(record):
            dropped.append(change)
        else:
            by_week.setdefault(n, []).append((change, record))
    for n, pending in by_week.items():
        week = plan["weeks"][n]["plan"]
        while (found := next((p for p in pending if p[1]["before"] == week), None)) is not None:
            pending.remove(found)
            week = found[1]["after"]
        dropped.extend(change for change, _ in pending)
        if week != plan["weeks"][n]["plan"]:
            plan = _put_week(plan, n, week_from_dict(week, "after"), week)["value"]
    ops = tuple({"op": "delete", "collection": CHANGES_COLLECTION, "id": c.id} for c in dropped)
    return plan, ops, tuple(sorted(dropped, key=lambda c: (c.applied, c.day, c.id)))

"""What the strength log page knows: the saved sessions and the session in progress, read safely from the store.

Stored entries came from the browser, so each one is checked with the log model
(:meth:`StrengthSession.from_dict`); one that does not read is listed (its id, its
date if that reads, and why) and left untouched until the reader deletes it. The session
in progress (the *draft*) lives in the collection ``strength_draft`` under the id
``current`` so a reload loses nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from calculators.calendar_logs import LINKS_COLLECTION, Link, Logs, read_logs, read_plan
from calculators.errors import InputError
from calculators.exercises import CATALOGUE, Exercise
from calculators.own_lifts import own_prescription
from calculators.progression import Prescription, next_prescription, session_prescriptions
from calculators.ranges import NumberRange
from calculators.season import SeasonPlan, week_context
from calculators.strength import (
    EXERCISES_MAX,
    SETS_MAX,
    StrengthSession,
    StrengthSet,
    check_date,
)
from calculators.strength_swaps import check_skips, check_swaps, swapped_exercises
from calculators.ui.strength_custom import exercise_from_dict, exercise_to_dict, is_custom
from calculators.units import WeightUnit

__all__ = [
    "COLLECTION",
    "DRAFT_COLLECTION",
    "DRAFT_ID",
    "PLAN_COLLECTION",
    "REST_RANGE",
    "Draft",
    "State",
    "Unreadable",
    "at_gym",
    "draft_exercise",
    "item_prescriptions",
    "prescriptions",
    "read_state",
    "remembered_gym",
]

COLLECTION = "strength"
#: The planner's collection: its season plan, when there is one, sets the week's strength dose.
PLAN_COLLECTION = "plan"
DRAFT_COLLECTION = "strength_draft"
DRAFT_ID = "current"
_DRAFT_VERSION = 1
#: The rest between sets the rest timer's −30 s / +30 s can choose (Stridelab's rule): down to one step of its buttons,
#: up to half an hour, past which it is a break, not a rest between two sets.
REST_RANGE = NumberRange(what="Rest", low=30, high=30 * 60, unit="s", whole=True)
#: Where the browser keeps the strength log form's inputs (the glue's ``form:<calculator name>`` settings entry).
FORM_SETTINGS_ID = "form:strength"

Store = Mapping[str, Mapping[str, Any]]


@dataclass(frozen=True, kw_only=True, slots=True)
class Draft:
    """The session being logged: which one, where, on what day, and the sets logged so far per exercise.

    A custom session lists its exercises in ``items`` (catalogue ones and the reader's own, in order);
    Sessions A and B take theirs from the catalogue.
    """

    kind: str  # "A", "B" or "custom"
    gym: bool
    date: date
    started: str | None
    sets: Mapping[str, tuple[StrengthSet, ...]] = field(default_factory=dict)
    items: tuple[Exercise, ...] = ()
    #: Ramp-up sets per exercise, apart from ``sets`` so they take no work set's place or number.
    warmups: Mapping[str, tuple[StrengthSet, ...]] = field(default_factory=dict)
    #: Session A's or B's exercises done instead of planned ones today, planned id → the id done
    #: (:mod:`calculators.strength_swaps`).
    swaps: Mapping[str, str] = field(default_factory=dict)
    #: Exercises skipped today, id → the reader's reason ("" for none given).
    skips: Mapping[str, str] = field(default_factory=dict)
    #: The rest between sets the reader chose today with the rest timer's −30 s / +30 s, id → seconds: the next
    #: set's timer of that exercise starts from it, for the rest of the session.
    rests: Mapping[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # A skip holds only while its exercise has no work set: a set logged for it after all (from another tab, or
        # a reload's older page) is kept, and the exercise is done, not skipped.
        if any(self.sets.get(key) for key in self.skips):
            kept = {key: why for key, why in self.skips.items() if not self.sets.get(key)}
            object.__setattr__(self, "skips", kept)
        # A rest chosen for an exercise swapped out since is not this session's any more (nor stored, so a draft
        # always reads back).
        if self.rests:
            known = {ex.id for ex in self.exercises}
            object.__setattr__(self, "rests", {key: s for key, s in self.rests.items() if key in known})

    @property
    def exercises(self) -> tuple[Exercise, ...]:
        if self.kind == "custom":
            return self.items
        return swapped_exercises(self.kind, self.gym, self.swaps)

    def to_dict(self) -> dict[str, Any]:
        out = {
            "version": _DRAFT_VERSION,
            "kind": self.kind,
            "gym": self.gym,
            "date": self.date.isoformat(),
            "started": self.started,
            "sets": {key: [s.to_dict() for s in sets] for key, sets in self.sets.items()},
        }
        if any(self.warmups.values()):  # written only when there are some, so a draft without reads as before
            out["warmups"] = {key: [s.to_dict() for s in sets] for key, sets in self.warmups.items() if sets}
        changed = (("swaps", self.swaps), ("skips", self.skips), ("rests", self.rests))
        out |= {name: dict(value) for name, value in changed if value}
        return out | ({"items": [exercise_to_dict(ex) for ex in self.items]} if self.kind == "custom" else {})

    @classmethod
    def from_dict(cls, data: object) -> Draft:
        """Read a stored draft; any problem raises :class:`InputError` (the page then sets the draft aside)."""
        if not isinstance(data, Mapping) or data.get("version") != _DRAFT_VERSION:
            raise InputError("draft", "not a session in progress")
        kind, gym, started = data.get("kind"), data.get("gym"), data.get("started")
        if kind not in ("A", "B", "custom") or not isinstance(gym, bool):
            raise InputError("draft", "unknown session")
        day = check_date(data.get("date"), "draft.date", today=date.max)
        raw, listed = data.get("sets"), data.get("items", [])
        if not isinstance(raw, Mapping) or not isinstance(listed, list) or len(listed) > EXERCISES_MAX:
            raise InputError("draft.sets", "no sets")
        items = tuple(exercise_from_dict(item, "draft.items") for item in listed) if kind == "custom" else ()
        swaps = check_swaps(kind, gym, data.get("swaps", {}), "draft.swaps")
        known = {ex.id for ex in (items if kind == "custom" else swapped_exercises(kind, gym, swaps))}
        sets = _draft_sets(raw, known, "sets")
        warmups = _draft_sets(data.get("warmups", {}), known, "warmups")
        skips = check_skips(data.get("skips", {}), known, "draft.skips")
        rests = _draft_rests(data.get("rests", {}), known)
        started = started if isinstance(started, str) else None
        return cls(
            kind=kind,
            gym=gym,
            date=day,
            started=started,
            sets=sets,
            items=items,
            warmups=warmups,
            swaps=swaps,
            skips=skips,
            rests=rests,
        )

    def logged(self) -> int:
        return sum(len(s) for s in self.sets.values())


def _draft_sets(raw: object, known: set[str], name: str) -> dict[str, tuple[StrengthSet, ...]]:
    """A stored draft's sets (or warm-ups) per exercise, each exercise one of the session's."""
    if not isinstance(raw, Mapping):
        raise InputError(f"draft.{name}", "no sets")
    sets: dict[str, tuple[StrengthSet, ...]] = {}
    for key, entries in raw.items():
        if key not in known or not isinstance(entries, list) or len(entries) > SETS_MAX:
            raise InputError(f"draft.{name}", f"unexpected exercise {key!r}")
        sets[key] = tuple(StrengthSet.from_dict(item, path=f"draft.{name}.{key}") for item in entries)
    return sets


def _draft_rests(raw: object, known: set[str]) -> dict[str, int]:
    """A stored draft's rests chosen with the timer, per exercise of the session, each in :data:`REST_RANGE`."""
    if not isinstance(raw, Mapping):
        raise InputError("draft.rests", "no rests")
    rests: dict[str, int] = {}
    for key, seconds in raw.items():
        if key not in known or isinstance(seconds, bool) or not isinstance(seconds, int):
            raise InputError("draft.rests", f"unexpected rest {key!r}")
        rests[key] = int(REST_RANGE.check(seconds, "draft.rests"))
    return rests


@dataclass(frozen=True, kw_only=True, slots=True)
class Unreadable:
    """A stored session that does not read: its store id, its date as stored (``""`` when none reads) and why."""

    id: str
    when: str
    why: str

    @property
    def day(self) -> date | None:
        """The stored date as a date, to name it in words; None when none reads."""
        return date.fromisoformat(self.when) if self.when else None


def _unreadable(ident: str, value: object, why: str) -> Unreadable:
    day = value.get("date") if isinstance(value, Mapping) else None
    try:
        when = check_date(day, "date", today=date.max).isoformat()
    except InputError:
        when = ""
    return Unreadable(id=ident, when=when, why=why)


@dataclass(frozen=True, kw_only=True, slots=True)
class State:
    """The reader's log as read from the store: sessions oldest first, the draft, and what did not read
    (stored sessions newest first, the undated last)."""

    sessions: tuple[StrengthSession, ...]
    draft: Draft | None
    unreadable: tuple[Unreadable, ...] = ()
    draft_unreadable: bool = False
    plan: SeasonPlan | None = None
    #: The training calendar's links: a session done on another day that counts for a planned one.
    links: tuple[Link, ...] = ()
    #: The runs, lifts, HRV readings and links as the training calendar reads them: a red verdict (from the HRV and
    #: the load) or the comeback rule (from the days run) drops a planned session
    #: (:func:`calculators.ui.strength_drops.dropped_sessions`).
    logs: Logs = field(default_factory=Logs)


def read_state(store: Store) -> State:
    """The saved sessions (each checked) and the draft; nothing that fails to read is lost or changed."""
    entries = store.get(COLLECTION) or {}
    sessions: list[StrengthSession] = []
    unreadable: list[Unreadable] = []
    for ident, value in entries.items() if isinstance(entries, Mapping) else ():
        try:
            # Stored dates are not checked against today: a clock or time-zone change must not hide a session.
            session = StrengthSession.from_dict(value, today=date.max)
        except InputError as error:
            unreadable.append(_unreadable(str(ident), value, error.message))
            continue
        except (TypeError, ValueError):
            unreadable.append(_unreadable(str(ident), value, "It is not a session as Stridelab stores one."))
            continue
        if session.id != ident:
            unreadable.append(_unreadable(str(ident), value, "Its id does not match the id it is filed under."))
            continue
        sessions.append(session)
    drafts = store.get(DRAFT_COLLECTION) or {}
    raw = drafts.get(DRAFT_ID) if isinstance(drafts, Mapping) else None
    draft, bad = None, False
    if raw is not None:
        try:
            draft = Draft.from_dict(raw)
        except (InputError, TypeError, ValueError):
            bad = True
    sessions.sort(key=lambda s: (s.date, s.id))
    # The plan as the calendar and Today read it, so the log names the same session for a day as they do.
    plan = read_plan(store)
    unreadable.sort(key=lambda entry: entry.when, reverse=True)
    logs = read_logs({name: store.get(name) or {} for name in (COLLECTION, "runs", "hrv", LINKS_COLLECTION)})
    return State(
        sessions=tuple(sessions),
        draft=draft,
        unreadable=tuple(unreadable),
        draft_unreadable=bad,
        plan=plan,
        links=logs.links,
        logs=logs,
    )


def at_gym(values: Mapping[str, object]) -> bool:
    """The strength log's "Where" choice in form ``values``: at a gym unless "No gym" is chosen (the form's
    default is the gym)."""
    return values.get("gym") != "none"


def remembered_gym(store: Store) -> bool:
    """The "Where" the strength log's form last held, as the browser keeps it: Today reads it here so that it
    prescribes and starts the session the strength log would (stand-ins for a reader without a gym)."""
    settings = store.get("settings") or {}
    entry = settings.get(FORM_SETTINGS_ID) if isinstance(settings, Mapping) else None
    values = entry.get("values") if isinstance(entry, Mapping) else None
    return at_gym(values) if isinstance(values, Mapping) else True


def prescriptions(
    kind: str,
    gym: bool,
    sessions: tuple[StrengthSession, ...],
    day: date,
    plan: SeasonPlan | None = None,
    *,
    unit: WeightUnit,
) -> tuple[Prescription, ...]:
    """Today's prescription for every exercise of Session A or B, from the saved sessions and the planner's week."""
    context = week_context(plan, day) if plan is not None else None
    return session_prescriptions(kind, sessions, today=day, week_context=context, gym=gym, unit=unit)  # type: ignore[arg-type]


def item_prescriptions(
    items: tuple[Exercise, ...],
    sessions: tuple[StrengthSession, ...],
    day: date,
    plan: SeasonPlan | None = None,
    *,
    unit: WeightUnit,
) -> tuple[Prescription, ...]:
    """Today's prescription for each exercise, loads a gym in ``unit`` can load: progression's for the catalogue's,
    and for the reader's own last time's sets moved on by the same rules (:mod:`calculators.own_lifts`)."""
    context = week_context(plan, day) if plan is not None else None
    return tuple(
        own_prescription(ex, sessions, today=day, week_context=context, unit=unit)
        if is_custom(ex)
        else next_prescription(ex.id, sessions, today=day, week_context=context, unit=unit)
        for ex in items
    )


def draft_exercise(draft: Draft, ident: object) -> Exercise:
    """The exercise of the session in progress that a button names (a catalogue id or a custom key)."""
    for ex in draft.exercises:
        if ex.id == ident:
            return ex
    if isinstance(ident, str) and ident in CATALOGUE:
        raise InputError("session", f"{CATALOGUE[ident].name} is not part of this session.")
    raise InputError("exercise", "That exercise is not part of this session.")

"""The strength log: estimated 1RM, the log's data model, volume load and personal records.

Formulas from ``shared/science/FORMULAS.md`` ("Strength", "Training load"):
Epley (1985) and Brzycki (1993) for the estimated one-rep max, volume load as
Σ reps × kg, and Foster's session RPE (2001) so a lifting session enters the
combined load like a run. The log validates itself on the way in
(:meth:`StrengthLog.from_dict`), field by field, with a dotted path to the
field at fault; the CSV import applies the same limits through the ``check_*``
functions.
"""

from __future__ import annotations

import json
import math
import re
import uuid
from collections.abc import Iterable, Mapping
from copy import deepcopy
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Literal, TypeAlias

from calculators import load as training_load
from calculators.entry_dates import check_entry_date, check_not_future
from calculators.errors import InputError
from calculators.exercises import CATALOGUE, match_exercise
from calculators.ranges import NumberRange

__all__ = [
    "E1RM_METHODS",
    "E1RM_REPS_MAX",
    "HEIGHT_MAX_CM",
    "HEIGHT_MIN_CM",
    "LOAD_MAX_KG",
    "LOAD_RANGE",
    "NAME_MAX",
    "NOTES_MAX",
    "REPS_CHECK_TIMES",
    "REPS_MAX",
    "REPS_MIN",
    "REPS_RANGE",
    "RPE_MAX",
    "RPE_MIN",
    "RPE_RANGE",
    "SCHEMA_VERSION",
    "SESSION_KINDS",
    "BodyweightWork",
    "ExerciseLog",
    "PersonalRecord",
    "RecordHit",
    "SessionKind",
    "StrengthLog",
    "StrengthSession",
    "StrengthSet",
    "TrendPoint",
    "WeekVolume",
    "best_set",
    "bodyweight_work",
    "check_date",
    "check_load",
    "check_number",
    "check_reps",
    "check_rpe",
    "e1rm",
    "e1rm_in_range",
    "e1rm_trend",
    "exercise_key",
    "exercise_name",
    "is_hold",
    "moves_body",
    "new_records",
    "personal_records",
    "previous_entry",
    "reps_far_above",
    "session_load",
    "volume_load",
    "weekly_volume",
]

E1RM_METHODS = ("epley", "brzycki")
#: Both formulas lose accuracy past about ten reps (FORMULAS.md: "say so rather than pretend"). Stridelab's rule: a
#: set of more reps sets no e1RM record and no trend point. Flagged "rough" and kept, one slip (65 reps typed for
#: a 65 lb load) read as a 205.8 lb one-rep max beside real ones of 75.8 lb, for good, and every real session after
#: it looked like a collapse; a set of many light reps says little about the heaviest single anyway.
E1RM_REPS_MAX = 10
_BRZYCKI_MAX_REPS = 36  # 37 − r reaches zero at 37 reps


def e1rm(load_kg: float, reps: int, method: str = "epley") -> float:
    """Estimated one-rep max (kg) from ``load_kg`` lifted for ``reps``.

    Epley (1985): ``w·(1 + r/30)``; Brzycki (1993): ``w·36/(37 − r)``. A single
    is its own 1RM, so one rep returns the load for both. Past 10 reps both are
    only a rough guess (see :func:`e1rm_in_range`).

    >>> round(e1rm(100, 5), 2), round(e1rm(100, 5, "brzycki"), 2)
    (116.67, 112.5)

    Raises:
        InputError: load outside 0–500 kg, reps outside 1–100 (1–36 for
            Brzycki, whose formula breaks down at 37), or an unknown method.
    """
    if method not in E1RM_METHODS:
        raise InputError("method", f"“{method}” is not an e1RM formula. Choose epley or brzycki.")
    if (
        isinstance(load_kg, bool)
        or not isinstance(load_kg, int | float)
        or not (math.isfinite(load_kg) and 0 <= load_kg <= LOAD_MAX_KG)
    ):
        raise InputError("load_kg", f"Load must be between 0 and {LOAD_MAX_KG:g} kg.")
    top = _BRZYCKI_MAX_REPS if method == "brzycki" else REPS_MAX
    if isinstance(reps, bool) or not isinstance(reps, int) or not REPS_MIN <= reps <= top:
        raise InputError("reps", f"Reps must be a whole number between {REPS_MIN} and {top} for {method.title()}.")
    if reps == 1:
        return float(load_kg)
    if method == "brzycki":
        return load_kg * 36.0 / (37 - reps)
    return load_kg * (1.0 + reps / 30.0)


def e1rm_in_range(reps: int) -> bool:
    """True when a set of this many reps gives an e1RM worth keeping: at most 10 (:data:`E1RM_REPS_MAX`)."""
    return reps <= E1RM_REPS_MAX


# --- The log's data model -------------------------------------------------------------------------

SCHEMA_VERSION = "1.0"
SessionKind: TypeAlias = Literal["A", "B", "custom"]
SESSION_KINDS: tuple[SessionKind, ...] = ("A", "B", "custom")
LOAD_MAX_KG = 500.0
REPS_MIN, REPS_MAX = 1, 100
RPE_MIN, RPE_MAX = 1.0, 10.0
DURATION_MAX_MIN = 600.0
HOLD_MAX_S = 600.0
HEIGHT_MIN_CM, HEIGHT_MAX_CM = 1.0, 150.0
LEVEL_MAX = 20
NAME_MAX, NOTES_MAX = 100, 2000
#: Caps that keep one log inside localStorage's ~5 MB (DESIGN.md): far above any real session.
SETS_MAX, EXERCISES_MAX, SESSIONS_MAX = 50, 30, 10_000
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_Date: TypeAlias = date  # for annotations inside classes whose field is called ``date``


def _show(value: object) -> str:
    """A value quoted in a message as a reader would write it (never Python's ``None`` or ``'x'``), cut short
    so a pasted essay does not become the message."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"  # as a JSON file writes it
    if isinstance(value, float):
        return f"{value:g}"
    shown = f"“{value}”" if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return shown if len(shown) <= 40 else shown[:37] + "…"


# What a set's numbers accept, as data: the log's checks raise :class:`OutOfRange` with them, and the CSV import
# words its own messages (row, column, the cell as written) from the same ranges.
REPS_RANGE = NumberRange(what="Reps", low=REPS_MIN, high=REPS_MAX, whole=True)
LOAD_RANGE = NumberRange(what="Load", low=0.0, high=LOAD_MAX_KG, unit="kg")
RPE_RANGE = NumberRange(what="RPE", low=RPE_MIN, high=RPE_MAX)


#: Stridelab's rule (no source gives a number): reps more than twice the set's planned reps, and more than 10, are
#: asked about before they are logged, as a likely slip (a load typed in the reps box: 65 reps planned as 5). Both
#: are needed: a Nordic curl planned at 3 and done 7 times is a good day, not a slip, and past 10 reps a set gives
#: no e1RM (:data:`E1RM_REPS_MAX`), so a slip up to there cannot become a record that stands for good.
REPS_CHECK_TIMES = 2


def reps_far_above(reps: int, planned: int) -> bool:
    """Whether ``reps`` done in a set planned at ``planned`` reps is likely a slip to ask about
    (:data:`REPS_CHECK_TIMES`): 65 reps of 5 is, 12 of 5 is, 7 of 3 and 10 of 4 are not.

    >>> reps_far_above(65, 5), reps_far_above(12, 5), reps_far_above(7, 3), reps_far_above(10, 4)
    (True, True, False, False)
    """
    return reps > REPS_CHECK_TIMES * planned and not e1rm_in_range(reps)


def check_reps(value: object, path: str) -> int:
    """Reps of one set: a whole number from 1 to 100."""
    return int(REPS_RANGE.check(value, path))


def check_number(value: object, path: str, *, low: float, high: float, what: str, unit: str = "") -> float:
    """A finite number in ``[low, high]`` (never a bool, never a clamp).

    Raises:
        OutOfRange: naming ``what`` and the range.
    """
    return NumberRange(what=what, low=low, high=high, unit=unit).check(value, path)


def check_load(value: object, path: str) -> float:
    """A load in kg: 0–500 (a bodyweight set has no load at all, not 0)."""
    return LOAD_RANGE.check(value, path)


def check_rpe(value: object, path: str) -> float:
    """An RPE: 1–10 (per set on the reps-in-reserve scale; per session on Foster's CR-10)."""
    return RPE_RANGE.check(value, path)


def check_date(text: object, path: str, *, today: date, recent_only: bool = False) -> date:
    """A ``YYYY-MM-DD`` date on or before ``today``.

    ``recent_only`` also refuses a date more than ten years back (:mod:`calculators.entry_dates`):
    for a date the reader types or imports, not for a stored session, which stays readable as it ages.
    """
    if not isinstance(text, str) or not _DATE.match(text):
        raise InputError(path, f"Dates are written YYYY-MM-DD, for example {today.isoformat()}; got {_show(text)}.")
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise InputError(path, f"{text} is not a date on the calendar.") from None
    if recent_only:  # a typed date: the message names the field and the dates it takes
        return check_entry_date(day, path, what="Date of the session", today=today)
    return check_not_future(day, path, what="Date of the session", today=today)


class _Fields:
    """Typed getters over one JSON object; every error names the dotted path of the field."""

    def __init__(self, data: object, path: str, what: str) -> None:
        if not isinstance(data, Mapping):
            raise InputError(
                path, f"Expected a {what} here, its parts named as Stridelab writes them; got {_show(data)}."
            )
        self.data, self.path = data, path

    def at(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def text(self, key: str, *, limit: int, required: bool = False) -> str | None:
        value = self.data.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, str) or (required and not value.strip()) or len(value) > limit:
            raise InputError(self.at(key), f"Expected text of 1 to {limit} characters; got {_show(value)}.")
        return value

    def whole(self, key: str, *, low: int, high: int, what: str) -> int | None:
        value = self.data.get(key)
        if value is None:
            return None
        return int(NumberRange(what=what, low=low, high=high, whole=True).check(value, self.at(key)))

    def number(
        self, key: str, *, low: float, high: float, what: str, unit: str = "", required: bool = False
    ) -> float | None:
        value = self.data.get(key)
        if value is None and not required:
            return None
        return check_number(value, self.at(key), low=low, high=high, what=what, unit=unit)

    def flag(self, key: str) -> bool:
        value = self.data.get(key, False)
        if not isinstance(value, bool):
            raise InputError(self.at(key), f"Expected true or false here; got {_show(value)}.")
        return value

    def items(self, key: str, *, limit: int) -> list[tuple[str, object]]:
        value = self.data.get(key, [])
        if not isinstance(value, list):
            raise InputError(self.at(key), f"Expected a list of {key} here; got {_show(value)}.")
        if len(value) > limit:
            holder = {"sessions": "log", "exercises": "session", "sets": "exercise"}.get(key, "list")
            raise InputError(self.at(key), f"At most {limit} {key} fit in one {holder}; this has {len(value)}.")
        return [(f"{self.at(key)}.{index}", item) for index, item in enumerate(value)]

    def extra(self, known: tuple[str, ...]) -> dict[str, Any]:
        return {k: deepcopy(v) for k, v in self.data.items() if k not in known}


def _put(out: dict[str, Any], **values: object) -> dict[str, Any]:
    out.update({k: v for k, v in values.items() if v is not None})
    return out


@dataclass(frozen=True, kw_only=True, slots=True)
class StrengthSet:
    """One logged set. ``load_kg`` None = bodyweight only; ``rpe`` on the reps-in-reserve scale.

    ``warmup`` marks a lighter ramp-up set before the work sets (stored only when true, so a log from before it
    was kept reads as work sets): :class:`ExerciseLog` keeps those apart, out of every count of the work done.
    """

    reps: int
    load_kg: float | None = None
    rpe: float | None = None
    hold_s: float | None = None
    height_cm: float | None = None
    warmup: bool = False
    extra: dict[str, Any] = field(default_factory=dict, hash=False)

    _KNOWN = ("reps", "load_kg", "rpe", "hold_s", "height_cm", "warmup")

    @classmethod
    def from_dict(cls, data: object, *, path: str = "set") -> StrengthSet:
        """Read and check one set; :class:`InputError` names the field by its dotted ``path``."""
        f = _Fields(data, path, "set")
        load = f.data.get("load_kg")
        return cls(
            reps=check_reps(f.data.get("reps"), f.at("reps")),
            load_kg=None if load is None else check_load(load, f.at("load_kg")),
            rpe=f.number("rpe", low=RPE_MIN, high=RPE_MAX, what="RPE"),
            hold_s=f.number("hold_s", low=1.0, high=HOLD_MAX_S, what="Hold time", unit="s"),
            height_cm=f.number("height_cm", low=HEIGHT_MIN_CM, high=HEIGHT_MAX_CM, what="Height", unit="cm"),
            warmup=f.flag("warmup"),
            extra=f.extra(cls._KNOWN),
        )

    def to_dict(self) -> dict[str, Any]:
        return _put(
            {"reps": self.reps},
            load_kg=self.load_kg,
            rpe=self.rpe,
            hold_s=self.hold_s,
            height_cm=self.height_cm,
            warmup=self.warmup or None,
        ) | deepcopy(self.extra)


@dataclass(frozen=True, kw_only=True, slots=True)
class ExerciseLog:
    """One exercise in a session: a catalogue id, or ``"custom"`` with the reader's own ``name``.

    ``level`` is the ladder rung (bodyweight levels, plyometric and isometric
    variants); ``target_reps`` the prescribed reps the sets were aimed at, and ``target_sets`` the number
    of sets prescribed (None when the session did not record it: an import, or a log from before it was kept).

    ``sets`` are the work sets only; ``warmups`` the ramp-up sets before them. Stored, both are in one list, the
    warm-ups marked (and written first, as they were lifted), so volume load, e1RM, records, "last time" and
    progression, which all read ``sets``, never count a ramp-up set as work.

    ``skipped`` marks an exercise of the session left out on purpose, with the reader's ``skip_reason`` if any: it
    has no work set, so progression passes over it as it does an exercise not done. ``replaces`` is the id of the
    planned exercise this one was done instead of (:mod:`calculators.strength_swaps`).
    """

    exercise: str
    sets: tuple[StrengthSet, ...] = ()
    warmups: tuple[StrengthSet, ...] = ()
    name: str | None = None
    level: int | None = None
    target_reps: int | None = None
    target_sets: int | None = None
    notes: str | None = None
    skipped: bool = False
    skip_reason: str | None = None
    replaces: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, hash=False)

    _KNOWN = (
        "exercise",
        "name",
        "level",
        "target_reps",
        "target_sets",
        "notes",
        "sets",
        "skipped",
        "skip_reason",
        "replaces",
    )

    @classmethod
    def from_dict(cls, data: object, *, path: str = "exercise") -> ExerciseLog:
        """Read and check one exercise and its sets (an id not in today's catalogue is kept as written)."""
        f = _Fields(data, path, "exercise")
        exercise = f.text("exercise", limit=NAME_MAX, required=True)
        name = f.text("name", limit=NAME_MAX)
        if exercise == "custom" and not (name and name.strip()):
            raise InputError(f.at("name"), "A custom exercise needs a name of 1 to 100 characters.")
        every = [StrengthSet.from_dict(item, path=p) for p, item in f.items("sets", limit=SETS_MAX)]
        skipped = f.flag("skipped")
        if skipped and any(not item.warmup for item in every):
            raise InputError(f.at("skipped"), "An exercise skipped has no work sets; this one has some.")
        return cls(
            exercise=exercise or "",
            name=name,
            level=f.whole("level", low=1, high=LEVEL_MAX, what="Level"),
            target_reps=f.whole("target_reps", low=REPS_MIN, high=REPS_MAX, what="Target reps"),
            target_sets=f.whole("target_sets", low=1, high=SETS_MAX, what="Target sets"),
            notes=f.text("notes", limit=NOTES_MAX),
            skipped=skipped,
            skip_reason=f.text("skip_reason", limit=NAME_MAX),
            replaces=f.text("replaces", limit=NAME_MAX),
            sets=tuple(item for item in every if not item.warmup),
            warmups=tuple(item for item in every if item.warmup),
            extra=f.extra(cls._KNOWN),
        )

    def to_dict(self) -> dict[str, Any]:
        out = _put(
            {"exercise": self.exercise},
            name=self.name,
            level=self.level,
            target_reps=self.target_reps,
            target_sets=self.target_sets,
            notes=self.notes,
            skipped=self.skipped or None,
            skip_reason=self.skip_reason,
            replaces=self.replaces,
        )
        warmups = [s.to_dict() | {"warmup": True} for s in self.warmups]
        return out | {"sets": warmups + [s.to_dict() for s in self.sets]} | deepcopy(self.extra)


@dataclass(frozen=True, kw_only=True, slots=True)
class StrengthSession:
    """One lifting session. ``rpe`` is the session RPE on Foster's CR-10 scale, asked once at the end.

    ``id`` is a UUID chosen by the caller (``crypto.randomUUID()`` in the glue);
    ``source`` names the app an imported session came from.
    """

    id: str
    date: date
    kind: SessionKind
    duration_min: float
    rpe: float
    exercises: tuple[ExerciseLog, ...] = ()
    notes: str | None = None
    source: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, hash=False)

    _KNOWN = ("id", "date", "kind", "duration_min", "rpe", "exercises", "notes", "source")

    @classmethod
    def from_dict(cls, data: object, *, today: _Date, path: str = "session") -> StrengthSession:
        """Read and check one session; its date may not be after ``today`` (the reader's local date)."""
        f = _Fields(data, path, "session")
        ident = f.text("id", limit=NAME_MAX, required=True) or ""
        try:
            uuid.UUID(ident)
        except ValueError:
            raise InputError(
                f.at("id"),
                "A session's id is 32 digits and letters a–f in five groups, as Stridelab writes it "
                f"(e.g. 6f1c2a7e-4b10-4d53-9a63-5b0f7a523c0e); got {_show(ident)}.",
            ) from None
        kind = f.data.get("kind")
        if kind not in SESSION_KINDS:
            raise InputError(f.at("kind"), f"A session is A, B or custom; got {_show(kind)}.")
        return cls(
            id=ident,
            date=check_date(f.data.get("date"), f.at("date"), today=today),
            kind=kind,
            duration_min=f.number(
                "duration_min", low=1.0, high=DURATION_MAX_MIN, what="Duration", unit="minutes", required=True
            )
            or 0.0,
            rpe=f.number("rpe", low=RPE_MIN, high=RPE_MAX, what="Session RPE (CR-10)", required=True) or 0.0,
            exercises=tuple(
                ExerciseLog.from_dict(item, path=p) for p, item in f.items("exercises", limit=EXERCISES_MAX)
            ),
            notes=f.text("notes", limit=NOTES_MAX),
            source=f.text("source", limit=NAME_MAX),
            extra=f.extra(cls._KNOWN),
        )

    def to_dict(self) -> dict[str, Any]:
        out = {
            "id": self.id,
            "date": self.date.isoformat(),
            "kind": self.kind,
            "duration_min": self.duration_min,
            "rpe": self.rpe,
            "exercises": [e.to_dict() for e in self.exercises],
        }
        return _put(out, notes=self.notes, source=self.source) | deepcopy(self.extra)


@dataclass(frozen=True, kw_only=True, slots=True)
class StrengthLog:
    """The whole log as stored and exported: a schema version and the sessions.

    A different major version is refused; a newer minor version is read (its
    unknown fields kept) and flagged by :attr:`newer_minor` so the page can say so.
    """

    version: str = SCHEMA_VERSION
    sessions: tuple[StrengthSession, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict, hash=False)

    _KNOWN = ("version", "sessions")

    @property
    def newer_minor(self) -> bool:
        return _version(self.version) > _version(SCHEMA_VERSION)

    @classmethod
    def from_dict(cls, data: object, *, today: date) -> StrengthLog:
        """Read and check a whole log (a backup file or the stored collection), keeping unknown fields.

        Raises:
            InputError: the first problem, with a dotted path such as
                ``sessions.3.exercises.0.sets.1.reps`` and the accepted range.
        """
        if not isinstance(data, Mapping) or not isinstance(data.get("version"), str):
            raise InputError("version", "This is not a Stridelab strength log: it has no version.")
        version = data["version"]
        if not re.fullmatch(r"\d+\.\d+", version) or _version(version)[0] != _version(SCHEMA_VERSION)[0]:
            major = SCHEMA_VERSION.split(".")[0]
            raise InputError(
                "version",
                f"This strength log has version {version}; this page reads version {major}.x. "
                "Reload to get the newest site, or use an export that matches.",
            )
        f = _Fields(data, "", "strength log")
        items = f.items("sessions", limit=SESSIONS_MAX)
        sessions = tuple(StrengthSession.from_dict(item, today=today, path=p) for p, item in items)
        seen: set[str] = set()
        for index, session in enumerate(sessions):
            if session.id in seen:
                raise InputError(f"sessions.{index}.id", f"Two sessions share the id {session.id}.")
            seen.add(session.id)
        return cls(version=version, sessions=sessions, extra=f.extra(cls._KNOWN))

    def to_dict(self) -> dict[str, Any]:
        return {"version": self.version, "sessions": [s.to_dict() for s in self.sessions]} | deepcopy(self.extra)


def _version(text: str) -> tuple[int, int]:
    major, minor = text.split(".")
    return int(major), int(minor)


# --- Volume, load and records ---------------------------------------------------------------------


def exercise_key(entry: ExerciseLog) -> str:
    """The key records, trends and progression group by: the catalogue id, or ``custom:<name>`` in lower case.

    An entry stored under a catalogue id with a name from another app that names other equipment is the reader's
    own lift too: imports before equipment was matched (:func:`calculators.exercises.match_exercise`) filed
    "Standing Calf Raise (Machine)" under the barbell calf raise, and its machine loads must not set that lift's.
    """
    if entry.exercise == "custom" or (
        entry.name and entry.exercise in CATALOGUE and match_exercise(entry.name) is None
    ):
        return "custom:" + " ".join((entry.name or "").lower().split())
    return entry.exercise


def exercise_name(entry: ExerciseLog) -> str:
    """The name to show: the catalogue's name, or the reader's own (shown as text, never HTML)."""
    known = CATALOGUE.get(entry.exercise)
    return entry.name or (known.name if known else entry.exercise)


def previous_entry(sessions: Iterable[StrengthSession], key: str, *, before: date) -> ExerciseLog | None:
    """The latest logged entry (with sets) of the lift ``key`` before the date ``before``.

    These are the previous session's numbers the log shows beside each set.
    """
    earlier = sorted((s for s in sessions if s.date < before), key=lambda s: s.date, reverse=True)
    for session in earlier:
        for entry in reversed(session.exercises):
            if entry.sets and exercise_key(entry) == key:
                return entry
    return None


def session_load(session: StrengthSession) -> float:
    """A session's load as every log counts it, runs and lifts alike (:func:`calculators.load.session_load`)."""
    return training_load.session_load(session.duration_min, session.rpe)


def moves_body(entry: ExerciseLog, item: StrengthSet) -> bool:
    """Whether ``item`` lifts the reader's body: a bodyweight exercise of the catalogue's (with or without load
    added to it), or a set of the reader's own exercise logged with no load."""
    known = CATALOGUE.get(entry.exercise)
    return known.bodyweight if known else item.load_kg is None


def is_hold(entry: ExerciseLog, item: StrengthSet) -> bool:
    """Whether ``item`` is a timed hold (a Copenhagen plank's set): its seconds are what it did, its one "rep" is
    no count."""
    known = CATALOGUE.get(entry.exercise)
    return item.hold_s is not None or (known is not None and known.kind == "isometric")


def _set_load(entry: ExerciseLog, item: StrengthSet, bodyweight_kg: float | None) -> float:
    if not moves_body(entry, item):
        return item.load_kg or 0.0
    # A plate or dumbbell held on a calf raise is a small part of what moves: counted alone it would make a
    # kg total (and a record) of a few kg that says nothing, so without the body's weight the set is reps.
    return (item.load_kg or 0.0) + bodyweight_kg if bodyweight_kg is not None else 0.0


def volume_load(session: StrengthSession, *, bodyweight_kg: float | None = None) -> float:
    """Volume load (kg) of a session: Σ reps × kg over every set (FORMULAS.md, "Strength").

    Bodyweight exercises count sets × reps instead (:func:`bodyweight_work`), with any load added to them,
    unless ``bodyweight_kg`` is given: then each of their sets counts the body's weight plus its added load.
    """
    if bodyweight_kg is not None and not (math.isfinite(bodyweight_kg) and 20 <= bodyweight_kg <= 300):
        raise InputError("bodyweight_kg", "Bodyweight must be between 20 and 300 kg.")
    return sum(item.reps * _set_load(entry, item, bodyweight_kg) for entry in session.exercises for item in entry.sets)


@dataclass(frozen=True, kw_only=True, slots=True)
class BodyweightWork:
    """The sets volume load leaves at 0 kg (nothing added to the body), counted as sets × reps instead
    (FORMULAS.md, "Strength": bodyweight exercises count sets × reps): jumps are a plyometric set's ground
    contacts, holds an isometric's sets, and reps everything else (single-leg squats, Nordic curls)."""

    reps: int = 0
    jumps: int = 0
    holds: int = 0


def bodyweight_work(sessions: Iterable[StrengthSession]) -> BodyweightWork:
    """The bodyweight work of ``sessions``: the sets with no kg in :func:`volume_load`, by what they are.

    A bodyweight exercise's set counts here with or without a plate or dumbbells added; a set of the reader's
    own exercise with a load has its kg in volume load, so it is not counted twice here.
    """
    reps = jumps = holds = 0
    for session in sessions:
        for entry in session.exercises:
            known = CATALOGUE.get(entry.exercise)
            for item in entry.sets:
                if _set_load(entry, item, None) > 0:
                    continue
                if is_hold(entry, item):
                    holds += 1
                elif known is not None and known.kind == "plyometric":
                    jumps += item.reps
                else:
                    reps += item.reps
    return BodyweightWork(reps=reps, jumps=jumps, holds=holds)


@dataclass(frozen=True, kw_only=True, slots=True)
class WeekVolume:
    """One week of lifting: counts, volume load (kg), bodyweight work and session load (AU, Foster 2001)."""

    week_start: date
    sessions: int
    sets: int
    reps: int
    volume_load_kg: float
    bodyweight: BodyweightWork
    session_load_au: float


def weekly_volume(
    sessions: Iterable[StrengthSession], *, week_start: int = 0, bodyweight_kg: float | None = None
) -> tuple[WeekVolume, ...]:
    """Weekly strength volume, oldest week first, with empty weeks between the first and last kept as zeros.

    ``week_start`` is the weekday a week begins on, as :meth:`date.weekday` counts
    (0 = Monday … 6 = Sunday), taken from the reader's profile.
    """
    if isinstance(week_start, bool) or not isinstance(week_start, int) or not 0 <= week_start <= 6:
        raise InputError("week_start", "The first day of the week must be 0 (Monday) to 6 (Sunday).")
    weeks: dict[date, list[StrengthSession]] = {}
    for session in sessions:
        start = session.date - timedelta(days=(session.date.weekday() - week_start) % 7)
        weeks.setdefault(start, []).append(session)
    if not weeks:
        return ()
    first, last = min(weeks), max(weeks)
    result = []
    for offset in range(0, (last - first).days + 1, 7):
        start = first + timedelta(days=offset)
        group = weeks.get(start, [])
        result.append(
            WeekVolume(
                week_start=start,
                sessions=len(group),
                sets=sum(len(e.sets) for s in group for e in s.exercises),
                reps=sum(i.reps for s in group for e in s.exercises for i in e.sets),
                volume_load_kg=sum(volume_load(s, bodyweight_kg=bodyweight_kg) for s in group),
                # With the body's weight given, bodyweight sets have their kg in volume load already.
                bodyweight=bodyweight_work(group) if bodyweight_kg is None else BodyweightWork(),
                session_load_au=sum(session_load(s) for s in group),
            )
        )
    return tuple(result)


@dataclass(frozen=True, kw_only=True, slots=True)
class TrendPoint:
    """The best e1RM of one session for one lift, from a set of at most 10 reps (:data:`E1RM_REPS_MAX`)."""

    date: date
    e1rm_kg: float
    load_kg: float
    reps: int


def best_set(entry: ExerciseLog, method: str = "epley") -> TrendPoint | None:
    """The set of ``entry`` with the highest e1RM (its ``date`` left as ``date.min``); None when no set has one.

    Only a loaded lift has an e1RM: a bodyweight exercise's added load is not what the body lifts (FORMULAS.md
    counts those sets as reps, or adds the body's weight, which the log does not know), so it has none. Nor has a
    set of more than 10 reps (:data:`E1RM_REPS_MAX`): the best set within them is the entry's.
    """
    best: TrendPoint | None = None
    for item in entry.sets:
        if item.load_kg is None or item.load_kg <= 0 or not e1rm_in_range(item.reps):
            continue
        if moves_body(entry, item):
            continue
        value = e1rm(item.load_kg, item.reps, method)
        if best is None or value > best.e1rm_kg:
            best = TrendPoint(date=date.min, e1rm_kg=value, load_kg=item.load_kg, reps=item.reps)
    return best


def e1rm_trend(sessions: Iterable[StrengthSession], key: str, *, method: str = "epley") -> tuple[TrendPoint, ...]:
    """Best e1RM per session for the lift ``key`` (see :func:`exercise_key`), oldest first; loaded sets of at most
    10 reps only (:func:`best_set`)."""
    points = []
    for session in sorted(sessions, key=lambda s: s.date):
        best = [p for e in session.exercises if exercise_key(e) == key if (p := best_set(e, method))]
        if best:
            top = max(best, key=lambda p: p.e1rm_kg)
            points.append(TrendPoint(date=session.date, e1rm_kg=top.e1rm_kg, load_kg=top.load_kg, reps=top.reps))
    return tuple(points)


@dataclass(frozen=True, kw_only=True, slots=True)
class PersonalRecord:
    """A lift's bests: estimated 1RM (from sets of at most 10 reps: :func:`best_set`), heaviest load, most reps in
    one set and longest hold, each with its date.

    A hold's set is timed, not counted (:func:`is_hold`): it has a longest hold and no reps (``most_reps`` 0)."""

    key: str
    name: str
    best_e1rm_kg: float | None
    best_e1rm_date: date | None
    heaviest_kg: float | None
    heaviest_date: date | None
    most_reps: int
    most_reps_date: date
    longest_hold_s: float | None = None
    longest_hold_date: date | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class RecordHit:
    """A record set in one session: ``kind`` is ``e1rm``, ``load``, ``reps`` or ``hold`` (seconds); ``previous`` is
    None for a first."""

    key: str
    name: str
    kind: str
    value: float
    previous: float | None


def personal_records(sessions: Iterable[StrengthSession], *, method: str = "epley") -> dict[str, PersonalRecord]:
    """Each lift's personal records by :func:`exercise_key`; a tie keeps the earlier date."""
    records: dict[str, PersonalRecord] = {}
    for session in sorted(sessions, key=lambda s: s.date):
        for entry in session.exercises:
            if not entry.sets:
                continue
            key, old = exercise_key(entry), records.get(exercise_key(entry))
            best = best_set(entry, method)
            heavy = max((i.load_kg for i in entry.sets if i.load_kg is not None), default=None)
            reps = max((i.reps for i in entry.sets if not is_hold(entry, i)), default=0)
            hold = max((i.hold_s for i in entry.sets if i.hold_s is not None), default=None)
            new_hold = hold is not None and (old is None or old.longest_hold_s is None or hold > old.longest_hold_s)
            new_e1rm = best is not None and (old is None or old.best_e1rm_kg is None or best.e1rm_kg > old.best_e1rm_kg)
            new_heavy = heavy is not None and (old is None or old.heaviest_kg is None or heavy > old.heaviest_kg)
            new_reps = old is None or reps > old.most_reps
            records[key] = PersonalRecord(
                key=key,
                name=exercise_name(entry),
                best_e1rm_kg=best.e1rm_kg if new_e1rm and best else (old.best_e1rm_kg if old else None),
                best_e1rm_date=session.date if new_e1rm else (old.best_e1rm_date if old else None),
                heaviest_kg=heavy if new_heavy else (old.heaviest_kg if old else None),
                heaviest_date=session.date if new_heavy else (old.heaviest_date if old else None),
                most_reps=reps if new_reps or old is None else old.most_reps,
                most_reps_date=session.date if new_reps or old is None else old.most_reps_date,
                longest_hold_s=hold if new_hold else (old.longest_hold_s if old else None),
                longest_hold_date=session.date if new_hold else (old.longest_hold_date if old else None),
            )
    return records


def new_records(
    session: StrengthSession, earlier: Iterable[StrengthSession], *, method: str = "epley"
) -> tuple[RecordHit, ...]:
    """The records ``session`` sets against ``earlier`` sessions (a lift's first session sets none)."""
    before = personal_records([s for s in earlier if s.id != session.id], method=method)
    after = personal_records([session], method=method)
    hits = []
    for key, now in after.items():
        old = before.get(key)
        if old is None:
            continue
        pairs = (
            ("e1rm", now.best_e1rm_kg, old.best_e1rm_kg),
            ("load", now.heaviest_kg, old.heaviest_kg),
            ("reps", float(now.most_reps), float(old.most_reps)),
            ("hold", now.longest_hold_s, old.longest_hold_s),
        )
        for kind, value, previous in pairs:
            if value is not None and (previous is None or value > previous):
                hits.append(RecordHit(key=key, name=now.name, kind=kind, value=value, previous=previous))
    return tuple(hits)

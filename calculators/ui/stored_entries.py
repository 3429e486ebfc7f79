"""Whether an entry may go into the store, collection by collection: the checks a restore runs before it writes.

Each collection is checked by the same reader the pages use on it, so a restored
entry is one every page can read. A collection this release does not know (one a
newer release added) is not checked: no page here reads it, and it is kept for the
release that does.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from calculators.calendar_logs import LINKS_COLLECTION, read_logs
from calculators.date_words import day_words
from calculators.errors import InputError
from calculators.load import session_load
from calculators.plan_changes import CHANGES_COLLECTION, read_changes
from calculators.plan_json import season_from_dict
from calculators.profile import Profile
from calculators.strength import StrengthSession
from calculators.ui import readiness_data
from calculators.ui.strength_state import DRAFT_COLLECTION, Draft

__all__ = ["entry_problem", "naming"]

_UNREADABLE = "it cannot be read"


def _strength(ident: str, value: Any, today: date) -> str | None:
    try:
        session = StrengthSession.from_dict(value, today=today)
        session_load(session.duration_min, session.rpe)
    except InputError as error:
        return error.message
    return None if session.id == ident else "its id does not match the id it is filed under"


def _raises(read: Callable[[Any], object]) -> Callable[[str, Any, date], str | None]:
    """A check from a reader that raises on a bad entry (whatever it raises: a restore must not crash)."""

    def check(ident: str, value: Any, today: date) -> str | None:
        try:
            read(value)
        except InputError as error:
            return error.message
        except (TypeError, ValueError, KeyError, AttributeError):
            return _UNREADABLE
        return None

    return check


def _link(ident: str, value: Any, today: date) -> str | None:
    logs = read_logs({LINKS_COLLECTION: {ident: value}})
    return _UNREADABLE if logs.unreadable else None


def _change(ident: str, value: Any, today: date) -> str | None:
    return None if read_changes({CHANGES_COLLECTION: {ident: value}}) else _UNREADABLE


def _settings(ident: str, value: Any, today: date) -> str | None:
    # Saved form inputs are checked by their calculator when the form is next shown; here only their shape.
    return None if isinstance(value, Mapping) else _UNREADABLE


_CHECKS: dict[str, Callable[[str, Any, date], str | None]] = {
    "runs": lambda ident, value, today: readiness_data.problem("runs", ident, value, today),
    "hrv": lambda ident, value, today: readiness_data.problem("hrv", ident, value, today),
    "strength": _strength,
    DRAFT_COLLECTION: _raises(Draft.from_dict),
    "profile": _raises(Profile.from_dict),
    "plan": _raises(season_from_dict),
    LINKS_COLLECTION: _link,
    CHANGES_COLLECTION: _change,
    "settings": _settings,
}

#: One entry of each collection, as a reader names it.
_ENTRY_NAMES = {
    "runs": "Run",
    "hrv": "HRV reading",
    "strength": "Strength session",
    DRAFT_COLLECTION: "Strength session in progress",
    "profile": "Profile",
    "plan": "Season plan",
    LINKS_COLLECTION: "Link between a logged and a planned session",
    CHANGES_COLLECTION: "Change to the season plan",
    "settings": "Saved calculator inputs",
}


def entry_problem(collection: str, ident: str, value: Any, *, today: date) -> str | None:
    """Why the entry may not be stored (a page would leave it out, or could not read it); None when it may."""
    check = _CHECKS.get(collection)
    return None if check is None else check(ident, value, today)


def naming(collection: str, ident: str, value: Any, *, today: date) -> str:
    """The entry as a reader recognises it: its kind and, where it has one, its date (in words when it reads
    as a date, else as stored)."""
    kind = _ENTRY_NAMES.get(collection, f"Entry in “{collection}”")
    when = ident if collection == "hrv" else value.get("date") if isinstance(value, Mapping) else None
    if not isinstance(when, str) or not when[:4].isdigit():
        return kind
    try:
        return f"{kind} of {day_words(date.fromisoformat(when), today=today)}"
    except ValueError:
        return f"{kind} of {when}"

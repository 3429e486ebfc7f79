"""Whether an entry may go into the store, collection by collection: the checks a restore runs before it writes.

Each collection is checked by the same reader the pages use on it, so a restored
entry is one every page can read. A collection this release does not know (one a
newer release added) is not checked: no page here reads it, and it is kept for the
release that does.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from calculators.calendar_logs import LINKS_COLLECTION, read_logs
from calculators.date_words import day_words
from calculators.errors import InputError
from calculators.load import session_load
from calculators.plan_changes import CHANGES_COLLECTION, read_changes
from calculators.plan_json import season_from_dict
from calculators.profile import Profile, accepted_words
from calculators.strength import StrengthSession
from calculators.ui import readiness_data
from calculators.ui.profile_page import SETTING_NAMES
from calculators.ui.strength_state import DRAFT_COLLECTION, Draft

__all__ = ["entry_problem", "naming"]

_UNREADABLE = "it cannot be read"
#: The longest stored text a message quotes whole.
_QUOTED = 40


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


def _profile(ident: str, value: Any, today: date) -> str | None:
    """The setting and what it may hold, then what the backup has: the profile's own words ("Choose …") are
    written for its form, where nothing else can be chosen."""
    try:
        Profile.from_dict(value)
    except InputError as error:
        stored = value.get(error.field) if isinstance(value, Mapping) else None
        accepted = accepted_words(error.field, stored)
        if accepted is None:  # a rule between two settings: the profile's message names both
            return error.message
        name = SETTING_NAMES.get(error.field, error.field)
        return f"“{name}” must be {accepted}; the backup has {_as_stored(stored)}"
    except (TypeError, ValueError, KeyError, AttributeError):
        return _UNREADABLE
    return None


def _as_stored(value: Any) -> str:
    """A stored value as a message quotes it: text as it is, anything else as JSON, cut to 40 characters."""
    if value is None:
        return "nothing"
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return f"“{text if len(text) <= _QUOTED else text[: _QUOTED - 1] + '…'}”"


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
    "profile": _profile,
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

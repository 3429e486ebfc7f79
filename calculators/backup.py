"""The reader's data as one file: backup, restore (merged by entry id), and step-by-step schema migrations.

The browser store keeps one collection per kind of data (``profile``, ``settings``,
and the logs as they land), each a mapping of entry id → entry. A backup is all
of them in one JSON document. Migrations are pure functions from one schema
version to the next; they keep every field they do not know, so data written by
a newer minor release survives an older one.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from calculators import run_copies
from calculators.errors import InputError
from calculators.strength import StrengthSession
from calculators.strength_copies import merge

__all__ = [
    "FORMAT",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "Backup",
    "copies",
    "make_backup",
    "merge_ops",
    "migrate",
    "parse_backup",
]

FORMAT = "stridelab-backup"
#: The schema major version this code writes. Bump it only with a migration from the previous one.
SCHEMA_VERSION = 1
#: ``MIGRATIONS[n]`` turns schema-n collections into schema n+1. Schema 1 is the first.
MIGRATIONS: dict[int, Callable[[dict[str, dict[str, Any]]], dict[str, dict[str, Any]]]] = {}

Collections = dict[str, dict[str, Any]]


@dataclass(frozen=True, kw_only=True, slots=True)
class Backup:
    """A parsed backup: its collections at the current schema, and what the file said about itself."""

    collections: Collections
    created: str | None
    schema: int
    extra: Mapping[str, Any]


def migrate(collections: Collections, from_version: int) -> Collections:
    """Bring collections from ``from_version`` up to :data:`SCHEMA_VERSION`, one step at a time."""
    if from_version > SCHEMA_VERSION:
        raise InputError(
            "file",
            f"This data was saved by a newer version of Stridelab (schema {from_version}; this page reads up to "
            f"{SCHEMA_VERSION}). Reload the site to get the newer version, then try again.",
        )
    for version in range(from_version, SCHEMA_VERSION):
        collections = MIGRATIONS[version](collections)
    return collections


def make_backup(collections: Mapping[str, Mapping[str, Any]], *, created: str) -> str:
    """Everything as one JSON document; keys sorted so the same data always gives the same file."""
    document = {"format": FORMAT, "schema": SCHEMA_VERSION, "created": created, "collections": collections}
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True)


def _collections(value: object) -> Collections:
    if not isinstance(value, dict):
        raise InputError("file", "The file has no “collections” section, so it is not a complete Stridelab backup.")
    for name, entries in value.items():
        if not isinstance(entries, dict):
            raise InputError(
                "file", f"The “{name}” part of the file is damaged (collections.{name} is not a list of entries)."
            )
    return {str(name): dict(entries) for name, entries in value.items()}


def parse_backup(text: str) -> Backup:
    """Read a backup file, refusing anything that is not a whole Stridelab backup.

    Raises:
        InputError: not JSON (e.g. truncated), not ours, or written by a newer schema.
    """
    try:
        document = json.loads(text)
    except ValueError:
        why = (
            "it is cut short or damaged"
            if text.lstrip().startswith("{")
            else "it is not JSON (a CSV, or another app's?)"
        )
        raise InputError(
            "file", f"This file is not a Stridelab backup: {why}. Choose the .json file made by “Download a backup”."
        ) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise InputError("file", "This file is not a Stridelab backup. Choose a file made by “Download a backup”.")
    schema = document.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise InputError("file", "The backup does not say which version wrote it, so it cannot be read safely.")
    collections = migrate(_collections(document.get("collections")), schema)
    created = document.get("created")
    extra = {k: v for k, v in document.items() if k not in {"format", "schema", "created", "collections"}}
    return Backup(
        collections=collections, created=created if isinstance(created, str) else None, schema=schema, extra=extra
    )


def _sessions(entries: Mapping[str, Any]) -> list[StrengthSession]:
    """The strength sessions that read; one that does not cannot be matched (a restore checks it on its own)."""
    sessions = []
    for value in entries.values():
        try:
            sessions.append(StrengthSession.from_dict(value, today=date.max))
        except (ValueError, TypeError):
            continue
    return sessions


def copies(current: Mapping[str, Mapping[str, Any]], incoming: Collections) -> frozenset[tuple[str, str]]:
    """``(collection, id)`` of the backup's entries that repeat one held here under another id.

    The same run or strength workout logged on the old phone and the new one has an id from each: runs match by
    :func:`calculators.run_copies.repeats`, workouts as the strength import matches them
    (:func:`calculators.strength_copies.merge`). An HRV reading's id is its morning, so the same morning is the
    same entry already.
    """
    runs = run_copies.repeats(incoming.get("runs") or {}, current.get("runs") or {})
    sessions = _sessions(incoming.get("strength") or {})
    kept = {session.id for session in merge(sessions, _sessions(current.get("strength") or {})).sessions}
    return frozenset(
        [*(("runs", ident) for ident in runs), *(("strength", s.id) for s in sessions if s.id not in kept)]
    )


def merge_ops(incoming: Collections, *, leave_out: Collection[tuple[str, str]] = ()) -> list[dict[str, Any]]:
    """Store operations that merge a backup into the current data by entry id.

    Entries in the backup replace entries with the same id; entries only in the
    browser are kept; those named in ``leave_out`` (``(collection, id)``, e.g. :func:`copies`) are not
    stored. Sorted, so a restore is the same operations every time.
    """
    return [
        {"op": "put", "collection": name, "id": ident, "value": value}
        for name in sorted(incoming)
        for ident, value in sorted(incoming[name].items())
        if (name, ident) not in leave_out
    ]

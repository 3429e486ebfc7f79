"""What a restore does to this browser's data, in words, before and after: the backup is merged by entry id
(:func:`calculators.backup.merge_ops`), so an entry held here under the same id is replaced by the backup's,
even when the one here is newer (a profile saved on the laptop after the phone's backup was made)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from calculators import units
from calculators.date_words import day_words
from calculators.vdot import race_words

__all__ = ["Preview", "preview"]

Store = Mapping[str, Mapping[str, Any]]

#: Kinds of entry as a count says them: (one, many). A kind a newer release adds is counted as "entries in …".
_KINDS = {
    "profile": ("profile", "profiles"),
    "settings": ("set of saved calculator inputs", "sets of saved calculator inputs"),
    "plan": ("season plan", "season plans"),
    "runs": ("run", "runs"),
    "strength": ("strength session", "strength sessions"),
    "strength_draft": ("strength session in progress", "strength sessions in progress"),
    "hrv": ("HRV reading", "HRV readings"),
    "calendar_links": ("link between a logged and a planned session", "links between logged and planned sessions"),
    "plan_changes": ("change to your season plan", "changes to your season plan"),
}


#: What makes an entry of the backup the same as one here under another id (:func:`calculators.backup.copies`).
_SAME = {"runs": "the same day, duration and distance", "strength": "the same day, exercises and sets"}


def _count(collection: str, n: int) -> str:
    one, many = _KINDS.get(collection, (f"entry in “{collection}”", f"entries in “{collection}”"))
    return units.count(n, one, many)


def _listed(parts: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    return " and ".join(parts) if len(parts) < 3 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _profile_items(profile: Mapping[str, Any], today: date) -> dict[str, str]:
    """The profile's values a runner recognises, in words, by what they are ("recent race": "half marathon in
    1:35:00"); a value left empty is not said."""
    unit = units.pace_unit(profile.get("units"))
    items: dict[str, str] = {}
    distance, time = profile.get("recent_distance"), profile.get("recent_time")
    try:
        if distance and time:
            items["recent race"] = f"{race_words(float(distance), unit, article=False)} in {time}"
    except (TypeError, ValueError):
        items["recent race"] = f"{distance} m in {time}"
    for key, label, unit_words in (
        ("vdot", "VDOT", ""),
        ("hr_max", "HR max", " beats per minute"),
        ("hr_rest", "resting HR", " beats per minute"),
    ):
        if profile.get(key) not in (None, ""):
            items[label] = f"{profile[key]}{unit_words}"
    if profile.get("units") in ("km", "mi"):
        items["units"] = "miles" if profile["units"] == "mi" else "km"
    race_day = profile.get("race_date")
    if isinstance(race_day, str) and race_day:
        try:
            items["next race"] = day_words(date.fromisoformat(race_day), today=today)
        except ValueError:
            items["next race"] = race_day
    return items


def _profile_change(here: Mapping[str, Any], backup: Mapping[str, Any], today: date) -> str:
    """How the backup's profile differs from this browser's, value by value ("" when nothing a reader sees)."""
    mine, theirs = _profile_items(here, today), _profile_items(backup, today)
    return "; ".join(
        f"{label} {mine.get(label, 'not given')} here, {theirs.get(label, 'not given')} in the backup"
        for label in dict.fromkeys([*mine, *theirs])
        if mine.get(label) != theirs.get(label)
    )


@dataclass(frozen=True, kw_only=True, slots=True)
class Preview:
    """A restore's effect by kind of entry (collection → count): ``replaced`` holds entries here that differ from
    the backup's of the same id, ``added`` the backup's entries this browser does not hold, ``same`` those it
    holds as they are, ``already`` the backup's entries left out as already held here under another id (the same
    run logged on both phones: :func:`calculators.backup.copies`). ``profile`` says how the profile here differs
    from the backup's ("" when it does not). ``stamped``: the restore writes the backup's date as the "last backup" of
    a browser that had none, one more entry there, counted with those added so the count is what was written (the
    backup's own "last backup" is left out of the rest: it follows its own rule)."""

    replaced: Mapping[str, int]
    added: Mapping[str, int]
    same: int
    profile: str
    already: Mapping[str, int]
    stamped: bool = False

    def replaces(self) -> bool:
        return bool(self.replaced)

    def _replaced_words(self) -> str:
        mine = f"your profile ({self.profile})" if self.profile else "your profile"
        return _listed([mine if name == "profile" else _count(name, n) for name, n in self.replaced.items()])

    def _already_words(self) -> str:
        """The entries left out as already here, as a clause ("" when none)."""
        listed = _listed([f"{_count(name, n)} ({_SAME.get(name, 'the same')})" for name, n in self.already.items()])
        return f"{listed} already logged in this browser" if listed else ""

    def question(self) -> str:
        """What to ask before a restore that replaces entries held here."""
        added = _listed([_count(name, n) for name, n in self.added.items()])
        already = self._already_words()
        return " ".join(
            [
                f"This backup would replace {self._replaced_words()} in this browser with the backup's, "
                "even where the one here is newer.",
                f"It would also add {added}." if added else "",
                f"It would leave out {already}, so none counts twice." if already else "",
                "Entries only in this browser are kept, and your data as it is now is downloaded first. "
                "Restore the backup?",
            ]
        ).replace("  ", " ")

    def done_words(self) -> str:
        """What a restore did, for its result."""
        added = sum(self.added.values()) + self.stamped
        stamp = ""
        if self.stamped:
            stamp = f"{', one of them' if added > 1 else ':'} the backup's date as your last backup"
        parts = [
            f"replaced {self._replaced_words()}" if self.replaced else "",
            f"added {units.count(added, 'entry', 'entries')}{stamp}" if added else "",
            f"{units.count(self.same, 'entry was', 'entries were')} already the same here" if self.same else "",
            f"left out {self._already_words()}" if self.already else "",
        ]
        return "; ".join(part for part in parts if part) or "nothing to add"


def preview(
    store: Store,
    incoming: Store,
    *,
    today: date,
    skip: tuple[tuple[str, str], ...] = (),
    copies: Collection[tuple[str, str]] = (),
) -> Preview:
    """What restoring ``incoming`` into ``store`` replaces and adds, leaving out the entries named in ``skip``
    (``(collection, id)``: "last backup", which a restore sets by its own rule); those named in ``copies`` are
    counted as already here."""
    replaced: dict[str, int] = {}
    added: dict[str, int] = {}
    already: dict[str, int] = {}
    same = 0
    for name in sorted(incoming):
        here = store.get(name) or {}
        for ident, value in incoming[name].items():
            if (name, ident) in skip:
                continue
            if (name, ident) in copies:
                already[name] = already.get(name, 0) + 1
            elif ident not in here:
                added[name] = added.get(name, 0) + 1
            elif here[ident] != value:
                replaced[name] = replaced.get(name, 0) + 1
            else:
                same += 1
    mine, theirs = (store.get("profile") or {}).get("profile"), incoming.get("profile", {}).get("profile")
    change = (
        _profile_change(mine, theirs, today)
        if isinstance(mine, Mapping) and isinstance(theirs, Mapping) and mine != theirs
        else ""
    )
    return Preview(replaced=replaced, added=added, same=same, profile=change, already=already)

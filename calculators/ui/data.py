"""“Your data”: what this browser holds, backup, restore and delete — the store seen from the reader's side."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from calculators import backup, units
from calculators.date_words import day_words
from calculators.errors import InputError
from calculators.load import local_date
from calculators.ui import restore_preview, stored_entries
from calculators.ui.calculator import Calculator, Context, Field, Reply, after_ops, confirm, instant
from calculators.ui.html import Html, el, scroll_table, summary_line

#: Collections in words; a collection a newer release adds is shown by its own name.
COLLECTION_NAMES = {
    "profile": "Profile (units and other shared settings)",
    "settings": "Saved calculator inputs",
    "plan": "Season plan",
    "runs": "Runs",
    "strength": "Strength sessions",
    "strength_draft": "Strength session in progress",
    "hrv": "HRV readings",
    "calendar_links": "Links between logged and planned sessions",
    "plan_changes": "Changes to your season plan",
}
#: Stridelab's rule: remind the reader once a backup is older than this.
BACKUP_REMINDER_DAYS = 30
_BACKUP_ID = "backup"
#: Not counted in what a restore replaces: "last backup" follows its own rule (:func:`_with_last_backup`).
_SKIPPED = (("settings", _BACKUP_ID),)
#: A refused restore names this many bad entries, then counts the rest.
_PROBLEMS_SHOWN = 5

Store = Mapping[str, Mapping[str, Any]]


def last_backup(store: Store, context: Context) -> tuple[str, bool]:
    """The last backup in words, and whether a reminder is due.

    Counted in the reader's calendar days, not in 24-hour spans of UTC: a backup made at 21:30 on Saturday in
    New York (Sunday in UTC) is Saturday's, and on Monday morning one made on Sunday evening is "yesterday".
    """
    entry = store.get("settings", {}).get(_BACKUP_ID)
    at = instant(entry.get("at")) if isinstance(entry, dict) else None
    if at is None:
        return "never", True
    day, today = local_date(at, context.utc_offset), context.today
    if today is None:
        return day_words(day, today=None), False
    days = (today - day).days
    words = "today" if days < 1 else "yesterday" if days < 2 else f"{days} days ago"
    return f"{words} ({day_words(day, today=today)})", days >= BACKUP_REMINDER_DAYS


def _persistence(environment: Mapping[str, Any]) -> Html:
    persisted = environment.get("persisted")
    if persisted is True:
        text = "Your browser has agreed to keep this data: it will not clear it to free space."
    elif persisted is False:
        text = (
            "Your browser may clear this data if the device runs short of space. "
            "Installing Stridelab as an app and keeping a backup protect it."
        )
    else:
        text = "Your browser does not say whether it will keep this data; a backup is the safe way to be sure."
    notes = [el("p", {"data-persistence": True}, text)]
    if environment.get("safari") and not environment.get("installed"):
        notes.append(
            el(
                "p",
                {"class": "sl-result__note"},
                "Safari deletes a website's stored data after seven days of using Safari without visiting it, "
                "unless the site has been added to the Home Screen. "
                "Add Stridelab to your Home Screen, or keep a backup.",
            )
        )
    return el("div", None, *notes)


def _summary(store: Store | None, context: Context, message: str = "") -> Html:
    if store is None:
        return el(
            "div",
            {"class": "sl-result"},
            el("p", {"data-summary": True}, "Your data appears here once this page has read your browser's storage."),
        )
    counts = {name: len(entries) for name, entries in store.items() if entries}
    total = sum(counts.values())
    last, due = last_backup(store, context)
    rows = [
        el("tr", None, el("th", {"scope": "row"}, COLLECTION_NAMES.get(name, name)), el("td", {"class": "sl-num"}, n))
        for name, n in sorted(counts.items())
    ]
    headline = (
        f"This browser holds {total} Stridelab {'entry' if total == 1 else 'entries'}."
        if total
        else "This browser holds no Stridelab data yet."
    )
    # What a button did is a status, in the body's type: as a headline it read like the page's answer, and a long
    # restore message filled the screen.
    return el(
        "div",
        {"class": "sl-result"},
        summary_line(headline, message, None if message else {"class": "sl-result__headline"}),
        scroll_table(
            "What is stored in this browser",
            el(
                "thead", None, el("tr", None, el("th", {"scope": "col"}, "Data"), el("th", {"scope": "col"}, "Entries"))
            ),
            el("tbody", None, *rows),
        )
        if rows
        else None,
        el("p", None, f"Last backup: {last}."),
        el(
            "p",
            {"class": "sl-notice", "data-backup-reminder": True},
            f"Your last backup is older than {BACKUP_REMINDER_DAYS} days, or there is none: "
            "download a backup now and keep it somewhere safe.",
        )
        if due and total
        else None,
        _persistence(context.environment),
    )


def _now(context: Context) -> str:
    context.require_now()  # a readable instant, or a message
    return str(context.now)


def _download(store: Store, now: str, name: str, today: date) -> dict[str, Any]:
    """The file of everything in ``store``, named by the reader's date (``today``), not by UTC's (``now``): made
    at 21:30 in New York, it is that day's backup."""
    filename = f"stridelab-{name}-{today.isoformat()}.json"
    return {
        "type": "download",
        "filename": filename,
        "mime": "application/json",
        "text": backup.make_backup(store, created=now),
    }


def compute(values: Mapping[str, str], context: Context) -> Reply:
    return Reply(html=_summary(context.store, context))


def download_backup(values: Mapping[str, str], context: Context) -> Reply:
    store, now = context.require_store(), _now(context)
    effect = _download(store, now, "backup", context.require_today())
    ops = [{"op": "put", "collection": "settings", "id": _BACKUP_ID, "value": {"at": now}}]
    return Reply(
        html=_summary(
            after_ops(store, ops), context, f"Backup downloaded as {effect['filename']}. Keep it somewhere safe."
        ),
        ops=tuple(ops),
        effects=(effect,),
    )


def _check_entries(collections: Mapping[str, Mapping[str, Any]], today: date) -> None:
    """Refuse the whole file when any entry fails the checks its page applies: a damaged or hand-edited
    backup must not replace good entries with ones the pages would leave out."""
    # A backup made where the day has already begun may hold tomorrow's date here.
    latest = today + timedelta(days=1)
    problems = [
        f"{stored_entries.naming(name, str(ident), value, today=today)}: {why.rstrip('.')}."
        for name, entries in sorted(collections.items())
        for ident, value in sorted(entries.items())
        if (why := stored_entries.entry_problem(name, str(ident), value, today=latest))
    ]
    if problems:
        more = len(problems) - _PROBLEMS_SHOWN
        rest = [f"And {units.count(more, 'more entry', 'more entries')}."] if more > 0 else []
        raise InputError(
            "file",
            " ".join(
                [
                    f"Nothing was restored: {units.count(len(problems), 'entry', 'entries')} in this file "
                    f"{'fails' if len(problems) == 1 else 'fail'} the checks Stridelab applies when you log them, "
                    "so the file was damaged or edited.",
                    *problems[:_PROBLEMS_SHOWN],
                    *rest,
                    "Choose a backup made by “Download a backup”.",
                ]
            ),
        )


def restore(values: Mapping[str, str], context: Context) -> Reply:
    store, now = context.require_store(), _now(context)
    if not values.get("file", "").strip():
        raise InputError(
            "file",
            "The file is empty, or none was chosen: choose a backup file (a .json file made by “Download a backup”).",
        )
    incoming = backup.parse_backup(values["file"])  # a bad file stops here: nothing is changed
    _check_entries(incoming.collections, context.require_today())
    # Merged by id, a backup's entry replaces the one here even when that is newer: said before, and asked.
    # The same run logged on the old phone and on this one is left out, not listed and counted twice.
    copies = backup.copies(store, incoming.collections)
    effect = restore_preview.preview(
        store, incoming.collections, today=context.require_today(), skip=_SKIPPED, copies=copies
    )
    if effect.replaces() and values.get("confirmed") != "yes":
        question = confirm(effect.question(), "restore", "Restore and replace", destructive=True)
        return Reply(html=_summary(store, context), effects=(question,))
    merged = backup.merge_ops(incoming.collections, leave_out=copies)
    # The copy first is there to undo the restore; an empty browser (a new phone) has nothing to undo to, and a file
    # of nothing only leaves the reader wondering which backup is theirs.
    held = any(entries for entries in store.values())
    safety = _download(store, now, "before-restore", context.require_today()) if held else None
    created = instant(incoming.created)
    made = (
        f" made on {day_words(local_date(created, context.utc_offset), today=context.require_today())}"
        if created
        else ""
    )
    before = (
        f"Your data from before the restore was downloaded first as {safety['filename']}."
        if safety
        else "This browser held no Stridelab data before, so there was nothing to download first."
    )
    ops = _with_last_backup(merged, store, incoming, now)
    # Written into a browser that had none, "last backup" is one more entry there: the count says what was written.
    written = {(op["collection"], op["id"]) for op in ops}
    stamped = ("settings", _BACKUP_ID) in written and _BACKUP_ID not in (store.get("settings") or {})
    effect = replace(effect, stamped=stamped)
    message = f"Restored a backup{made}: {effect.done_words()}. {before}"
    effects = (safety,) if safety else ()
    return Reply(html=_summary(after_ops(store, ops), context, message), ops=tuple(ops), effects=effects)


def _with_last_backup(
    ops: list[dict[str, Any]], store: Store, incoming: backup.Backup, now: str
) -> list[dict[str, Any]]:
    """``ops`` with "last backup" as the latest of: this browser's, the one the file carries, and the file itself.

    The file restored is a backup the reader holds, made when it says: after restoring one made today, "Last
    backup: never" and a reminder to make one would be false. Nor does a restore move the date back to the
    older one the file carries in its own settings. A time after now (a clock set wrong) is not believed.
    """
    stored = _at((store.get("settings") or {}).get(_BACKUP_ID))
    latest: tuple[datetime, str] | None = None
    for text in (stored, _at(incoming.collections.get("settings", {}).get(_BACKUP_ID)), incoming.created):
        at = instant(text) if isinstance(text, str) else None
        if at is not None and at <= (instant(now) or at) and (latest is None or at > latest[0]):
            latest = (at, str(text))
    kept = [op for op in ops if (op["collection"], op["id"]) != ("settings", _BACKUP_ID)]
    if latest is None or latest[1] == stored:  # nothing newer to say: this browser's entry stays as it is
        return kept
    return [*kept, {"op": "put", "collection": "settings", "id": _BACKUP_ID, "value": {"at": latest[1]}}]


def _at(entry: Any) -> Any:
    """The time a "last backup" entry holds, as stored (text), else None."""
    return entry.get("at") if isinstance(entry, dict) else None


def _in_sentence(name: str) -> str:
    """A collection's name inside a sentence: "runs", but "HRV readings"."""
    return name if name[:2].isupper() else name[:1].lower() + name[1:]


def delete_all(values: Mapping[str, str], context: Context) -> Reply:
    store, now = context.require_store(), _now(context)
    names = [
        _in_sentence(COLLECTION_NAMES.get(name, name).split(" (")[0])
        for name, entries in sorted(store.items())
        if entries
    ]
    if not names:
        return Reply(html=_summary(store, context, "There is nothing to delete: this browser holds no Stridelab data."))
    if values.get("confirmed") != "yes":
        question = (
            f"Delete all your Stridelab data from this browser: {', '.join(names)}? "
            "A backup file is downloaded first, so you can restore it."
        )
        return Reply(
            html=_summary(store, context),
            effects=(confirm(question, "delete_all", "Delete everything", destructive=True),),
        )
    safety = _download(store, now, "before-delete", context.require_today())
    ops = [
        {"op": "delete", "collection": name, "id": ident}
        for name, entries in sorted(store.items())
        for ident in sorted(entries)
    ]
    message = (
        f"All Stridelab data in this browser was deleted. To undo, restore {safety['filename']}, downloaded just now."
    )
    return Reply(html=_summary(after_ops(store, ops), context, message), ops=tuple(ops), effects=(safety,))


CALCULATOR = Calculator(
    name="data",
    title="Your data",
    intro="Everything Stridelab keeps lives in this browser only. Back it up, restore it, or delete it here.",
    fields=(Field(name="file", label="Backup file to restore", default="", accept=".json,application/json"),),
    compute=compute,
    actions={"backup": download_backup, "restore": restore, "delete_all": delete_all},
    buttons=(
        ("backup", "Download a backup"),
        ("restore", "Restore from the file"),
        ("delete_all", "Delete all my data"),
    ),
    destructive=("delete_all",),
    reads=("*",),
    live=False,
)

"""The “Your data” page: what it says about the store, and what each button asks the glue to do."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from calculators import backup
from calculators.errors import InputError
from calculators.registry import handle
from calculators.ui.calculator import Context, after_ops
from calculators.ui.data import CALCULATOR

FIXTURES = Path(__file__).parent.parent / "fixtures" / "backups"
NOW = "2026-11-23T08:00:00.000Z"
STORE = {
    "profile": {"profile": {"units": "km"}},
    "settings": {"form:vdot": {"values": {"time": "20:00"}}, "backup": {"at": "2026-10-01T08:00:00.000Z"}},
}


def ask(
    action: str,
    values: dict[str, str] | None = None,
    store: dict[str, Any] | None = None,
    *,
    now: str = NOW,
    today: str = NOW[:10],
    utc_offsets: list[list[Any]] | None = None,
    **env: Any,
) -> dict[str, Any]:
    payload = {
        "values": values or {},
        "now": now,
        "today": today,
        "store": STORE if store is None else store,
        "environment": env,
        "utc_offsets": utc_offsets,
    }
    return handle({"id": 1, "calculator": "data", "action": action, "payload": payload})


#: New York in winter, as the browser sends it: five hours behind UTC.
NEW_YORK = [["2025-11-02", -300]]


def test_summary_counts_entries_and_says_when_the_last_backup_was() -> None:
    reply = ask("compute")
    assert "holds 3 Stridelab entries" in reply["html"]
    assert "Last backup: 53 days ago (Thursday 1 October)" in reply["html"]
    assert "data-backup-reminder" in reply["html"]  # older than 30 days


def test_a_backup_from_last_year_is_dated_with_its_year() -> None:
    """Rule: a date in a sentence carries the year only when it is not the reader's."""
    old = {**STORE, "settings": {"backup": {"at": "2025-12-30T08:00:00.000Z"}}}
    assert "Last backup: 328 days ago (Tuesday 30 December 2025)." in ask("compute", store=old)["html"]


def test_no_reminder_right_after_a_backup_and_none_for_an_empty_browser() -> None:
    fresh = {**STORE, "settings": {"backup": {"at": "2026-11-20T08:00:00.000Z"}}}
    assert "data-backup-reminder" not in ask("compute", store=fresh)["html"]
    empty = ask("compute", store={})
    assert "holds no Stridelab data yet" in empty["html"] and "data-backup-reminder" not in empty["html"]


def test_prerendered_page_claims_no_data() -> None:
    html = str(CALCULATOR.compute({}, Context()).html)
    assert "appears here once this page has read" in html and "entries" not in html


@pytest.mark.parametrize(
    ("env", "words"),
    [
        ({"persisted": True}, "agreed to keep this data"),
        ({"persisted": False}, "may clear this data"),
        ({"persisted": False, "safari": True}, "seven days"),
    ],
)
def test_persistence_answer_is_shown(env: dict[str, Any], words: str) -> None:
    assert words in ask("compute", **env)["html"]


def test_safari_note_only_when_not_installed() -> None:
    assert "seven days" not in ask("compute", safari=True, installed=True)["html"]


def test_backup_downloads_everything_and_records_when() -> None:
    reply = ask("backup")
    (effect,) = reply["effects"]
    assert effect["type"] == "download" and effect["filename"] == "stridelab-backup-2026-11-23.json"
    assert backup.parse_backup(effect["text"]).collections == STORE
    assert reply["ops"] == [{"op": "put", "collection": "settings", "id": "backup", "value": {"at": NOW}}]
    assert "Last backup: today" in reply["html"]


def test_a_backup_made_on_a_saturday_evening_in_new_york_is_saturdays() -> None:
    """Rule: dates are the reader's local calendar days. At 21:30 on Saturday 19 December it is already Sunday in
    UTC: the file and the page still say Saturday."""
    evening = {"now": "2026-12-20T02:30:00.000Z", "today": "2026-12-19", "utc_offsets": NEW_YORK}
    reply = ask("backup", **evening)
    assert reply["effects"][0]["filename"] == "stridelab-backup-2026-12-19.json"
    assert "Last backup: today (Saturday 19 December)." in reply["html"]
    made = "stridelab-before-restore-2026-12-19.json"
    restored = ask("restore", {"file": backup.make_backup({"runs": {"r1": RUN}}, created=NOW)}, **evening)
    assert restored["effects"][0]["filename"] == made and made in restored["html"]
    deleted = ask("delete_all", {"confirmed": "yes"}, **evening)
    assert deleted["effects"][0]["filename"] == "stridelab-before-delete-2026-12-19.json"


@pytest.mark.parametrize(
    ("now", "today", "says"),
    [
        ("2027-01-11T13:00:00.000Z", "2027-01-11", "yesterday (Sunday 10 January)"),
        ("2027-01-12T13:00:00.000Z", "2027-01-12", "2 days ago (Sunday 10 January)"),
        ("2027-01-11T04:00:00.000Z", "2027-01-10", "today (Sunday 10 January)"),  # 23:00 the same evening
    ],
)
def test_the_last_backup_is_counted_in_the_readers_calendar_days(now: str, today: str, says: str) -> None:
    """A backup made on Sunday 10 January at 20:00 in New York (01:00 on Monday in UTC), read on Monday at 08:00,
    was "today (Sunday 10 January)" when counted in 24-hour spans of UTC."""
    store = {"settings": {"backup": {"at": "2027-01-11T01:00:00.000Z"}}}
    reply = ask("compute", store=store, now=now, today=today, utc_offsets=NEW_YORK)
    assert f"Last backup: {says}." in reply["html"]


def test_a_restored_backup_is_said_to_be_made_on_the_readers_day() -> None:
    file = backup.make_backup({"runs": {"r1": RUN}}, created="2026-11-21T02:00:00.000Z")  # Friday 21:00 in New York
    reply = ask("restore", {"file": file}, store={}, utc_offsets=NEW_YORK)
    assert "Restored a backup made on Friday 20 November" in reply["html"]


RUN = {"date": "2026-11-20", "duration_s": 3000.0, "distance_m": 10_000.0, "rpe": 5.0}
SESSION = {
    "id": "7d3f2c1e-8a4b-4c5d-9e6f-0a1b2c3d4e5f",
    "date": "2026-11-21",
    "kind": "A",
    "duration_min": 40.0,
    "rpe": 6.0,
    "exercises": [{"exercise": "rdl", "sets": [{"reps": 8, "load_kg": 60.0}]}],
}
GOOD = {
    "profile": {"profile": {"units": "km", "weights": "lb", "hr_max": "190"}},
    "runs": {"r1": RUN},
    "hrv": {"2026-11-22": {"rmssd_ms": 62.0, "sleep_hours": 7.5}},
    "strength": {SESSION["id"]: SESSION},
    "settings": {"form:vdot": {"values": {"time": "20:00"}}},
    "calendar_links": {"run:r1": {"kind": "run", "entry_id": "r1", "planned_date": "2026-11-20"}},
    "a_newer_release": {"x": [1, 2]},
}


def _with(collection: str, ident: str, value: Any) -> str:
    collections = {**GOOD, collection: {**GOOD.get(collection, {}), ident: value}}
    return backup.make_backup(collections, created="2026-11-22T00:00:00Z")


def test_a_whole_backup_with_every_kind_of_entry_restores() -> None:
    file = {"file": _with("runs", "r2", {**RUN, "date": "2026-11-24"})}  # tomorrow: a time zone
    reply = ask("restore", file | {"confirmed": "yes"})  # yes: its profile replaces this browser's
    assert reply["ok"], reply.get("error")
    assert "added 6 entries; 1 entry was already the same here" in reply["html"]
    assert len(reply["ops"]) == 9 and reply["ops"][-1]["id"] == "backup"  # and the file's date as the last backup


@pytest.mark.parametrize(
    ("collection", "ident", "value", "says"),
    [
        (
            "runs",
            "r1",
            {**RUN, "duration_s": 1e308},
            "Run of Friday 20 November: its duration is missing or not from 1",
        ),
        (
            "runs",
            "r1",
            {**RUN, "distance_m": "8,5"},
            "Run of Friday 20 November: its distance is missing or not from 0",
        ),
        ("runs", "r9", {**RUN, "date": "2027-06-01"}, "Run of Tuesday 1 June 2027: it is dated after today"),
        ("runs", "r9", {**RUN, "duration_s": 120.0}, "faster than any runner has gone"),
        (
            "hrv",
            "2026-11-22",
            {"rmssd_ms": -5},
            "HRV reading of Sunday 22 November: its rMSSD is missing or not from 5",
        ),
        (
            "strength",
            "not-a-uuid",
            {**SESSION, "id": "not-a-uuid"},
            "Strength session of Saturday 21 November: A session's id is 32 digits",
        ),
        ("strength", "7d3f2c1e-8a4b-4c5d-9e6f-0a1b2c3d4e50", SESSION, "does not match the id it is filed under"),
        ("profile", "profile", {"units": "km", "hr_max": "999"}, "Profile: "),
        (
            "profile",
            "profile",
            {"units": "mi", "weights": "st"},
            "Profile: “Lifting weights in” must be kg, lb, or empty for “as my distances”; the backup has “st”.",
        ),
        (
            "profile",
            "profile",
            {"units": "km", "hard_runs": "some"},
            "Profile: “Hard runs” must be “none” for easy weeks, or empty for tempo and intervals; the backup has "
            "“some”.",
        ),
        ("plan", "season", {"version": 1}, "Season plan: "),
        ("calendar_links", "run:r1", {"kind": "swim"}, "Link between a logged and a planned session: it cannot"),
        ("plan_changes", "c1", {"description": 3}, "Change to the season plan: it cannot be read"),
        ("settings", "form:vdot", "junk", "Saved calculator inputs: it cannot be read"),
    ],
)
def test_a_backup_with_an_entry_the_pages_would_refuse_changes_nothing(
    collection: str, ident: str, value: Any, says: str
) -> None:
    reply = ask("restore", {"file": _with(collection, ident, value)})
    assert reply["ok"] is False and "ops" not in reply and "effects" not in reply
    assert reply["error"]["field"] == "file"
    message = reply["error"]["message"]
    assert message.startswith("Nothing was restored: 1 entry in this file fails the checks") and says in message


@pytest.mark.parametrize(
    ("profile", "says"),
    [
        (
            {"units": "furlongs"},
            "Profile: “Distances and paces in” must be kilometres (km) or miles (mi); the backup has “furlongs”.",
        ),
        ({"units": 5}, "Profile: “Distances and paces in” must be kilometres (km) or miles (mi); the backup has “5”."),
        ({"sex": "x"}, "Profile: “Sex, for TRIMP” must be female, male, or empty; the backup has “x”."),
        ({"week_start": 3}, "Profile: “Weeks start on” must be 0 (Monday) or 6 (Sunday); the backup has “3”."),
        ({"vdot": "300"}, "Profile: “VDOT” must be a number from 20 to 90, or empty; the backup has “300”."),
        (
            {"hr_max": "999"},
            "Profile: “HR max” must be from 100 to 230 beats per minute, or empty; the backup has “999”.",
        ),
        (
            {"run_weekdays": "0,1"},
            "Profile: “Days you can run” must be 3 to 7 days of the week as numbers from 0 (Monday) to 6 (Sunday), "
            "or empty; the backup has “0,1”.",
        ),
        (
            {"long_run_day": "funday"},
            "Profile: “Long run day” must be a day of the week as a number from 0 (Monday) to 6 (Sunday), or empty; "
            "the backup has “funday”.",
        ),
        (
            {"race_date": "next week"},
            "Profile: “Next race date” must be a date written YYYY-MM-DD, or empty; the backup has “next week”.",
        ),
        (
            {"recent_distance": "5000", "recent_time": "abc"},
            "Profile: “Finish time of a recent race” must be a finish time as mm:ss or h:mm:ss, or empty; "
            "the backup has “abc”.",
        ),
        (
            {"race_distance": "3"},
            "Profile: “Next race distance” must be a distance in metres from 1000 to 50000, or empty; "
            "the backup has “3”.",
        ),
        (
            {"units": "x" * 60},
            f"Profile: “Distances and paces in” must be kilometres (km) or miles (mi); the backup has “{'x' * 39}…”.",
        ),
        # A rule between two settings: each value reads alone, so the profile's own words say which rule.
        (
            {"run_weekdays": "0,1,2", "hard_days": "4"},
            "Profile: Friday is not one of your run days; hard days are run days.",
        ),
        ({"recent_time": "19:57"}, "Profile: A recent race needs both its distance and its finish time, or neither."),
    ],
)
def test_a_refused_profile_says_which_setting_what_it_takes_and_what_the_backup_has(
    profile: dict[str, Any], says: str
) -> None:
    """The setting by its name on the profile page, never "Choose …": a backup has no box to choose in."""
    message = ask("restore", {"file": _with("profile", "profile", profile)})["error"]["message"]
    assert says in message
    assert "Choose kilometres" not in message and "Choose female" not in message


def test_a_refused_restore_names_the_first_bad_entries_and_counts_the_rest() -> None:
    runs = {f"r{i}": {**RUN, "rpe": 11} for i in range(7)}
    reply = ask("restore", {"file": backup.make_backup({"runs": runs}, created="2026-11-22T00:00:00Z")})
    message = reply["error"]["message"]
    assert message.count("its effort (RPE) is missing or not from 1 to 10") == 5
    assert "7 entries in this file fail" in message and "And 2 more entries." in message


def test_restore_saves_the_current_data_first_then_merges_by_id() -> None:
    incoming = {"profile": {"profile": {"units": "mi"}}, "runs": {"r1": RUN}}
    file = backup.make_backup(incoming, created="2026-11-01T00:00:00Z")
    reply = ask("restore", {"file": file, "confirmed": "yes"})
    (safety,) = reply["effects"]
    assert safety["filename"] == "stridelab-before-restore-2026-11-23.json"
    assert json.loads(safety["text"])["collections"] == STORE
    assert {(op["collection"], op["id"]) for op in reply["ops"]} == {
        ("profile", "profile"),
        ("runs", "r1"),
        ("settings", "backup"),  # the file is a backup made on 1 November, later than this browser's last
    }
    assert (
        "Restored a backup made on Sunday 1 November: replaced your profile (units km here, miles in the backup); "
        "added 1 entry." in reply["html"]
    )


def test_a_restore_that_would_replace_newer_data_here_says_what_and_asks_first() -> None:
    """Marco's laptop holds a half marathon, VDOT 47.9 and HR max 175 saved after his phone's backup: the restore
    names what the backup's profile would replace, counts the entries replaced and added, and changes nothing
    (downloads nothing) until he says yes; the result then says what was replaced."""
    laptop = {
        "profile": {
            "profile": {"recent_distance": "21097.5", "recent_time": "1:35:00", "vdot": "47.9", "hr_max": "175"}
        },
        "runs": {"r1": {**RUN, "rpe": 7.0}, "r2": RUN},
    }
    phone = {
        "profile": {"profile": {"recent_distance": "42195", "recent_time": "3:25:00", "vdot": "45.9", "hr_max": "182"}},
        "runs": {"r1": RUN, "r2": RUN, "r3": {**RUN, "date": "2026-11-19"}},
        "hrv": {"2026-11-22": {"rmssd_ms": 62.0}},
    }
    file = backup.make_backup(phone, created="2026-11-01T00:00:00Z")
    asked = ask("restore", {"file": file}, store=laptop)
    assert asked["ok"] and asked["ops"] == []
    (question,) = asked["effects"]
    assert (question["type"], question["action"], question["confirm_label"]) == (
        "confirm",
        "restore",
        "Restore and replace",
    )
    assert question["message"] == (
        "This backup would replace your profile (recent race half marathon in 1:35:00 here, marathon in 3:25:00 "
        "in the backup; VDOT 47.9 here, 45.9 in the backup; HR max 175 beats per minute here, 182 beats per minute "
        "in the backup) and 1 run in this browser with the backup's, even where the one here is newer. It would "
        "also add 1 HRV reading and 1 run. Entries only in this browser are kept, and your data as it is now is "
        "downloaded first. Restore the backup?"
    )
    done = ask("restore", {"file": file, "confirmed": "yes"}, store=laptop)
    assert [effect["type"] for effect in done["effects"]] == ["download"]  # this browser's data, first
    assert (
        "Restored a backup made on Sunday 1 November: replaced your profile (recent race half marathon"
        in (done["html"])
    )
    assert (
        "and 1 run; added 3 entries, one of them the backup's date as your last backup; 1 entry was already the same "
        "here." in done["html"]
    )


def test_a_run_logged_on_both_phones_is_restored_once_and_the_restore_says_so() -> None:
    """A new phone holds Sunday's 1:30:00, 13.68 km run; the old phone's backup holds it as 8.5 mi under its own
    id, and four other runs. The question says the copy is left out; the log then holds the run once."""
    old = (FIXTURES / "old-phone-five-runs.json").read_text()
    run = {"date": "2026-12-13", "duration_s": 5400, "distance_m": 13680.0, "rpe": 4, "hr_avg": 142, "source": "hand"}
    phone = {"profile": {"profile": {"units": "km"}}, "runs": {"n1": run}}
    at = {"now": "2026-12-14T13:00:00.000Z", "today": "2026-12-14", "utc_offsets": NEW_YORK}
    asked = ask("restore", {"file": old}, store=phone, **at)
    (question,) = asked["effects"]
    assert (
        "It would also add 4 runs. It would leave out 1 run (the same day, duration and distance) already logged in "
        "this browser, so none counts twice." in question["message"]
    )
    done = ask("restore", {"file": old, "confirmed": "yes"}, store=phone, **at)
    assert (
        "added 5 entries, one of them the backup's date as your last backup; left out 1 run (the same day, duration "
        "and distance) already logged" in done["html"]
    )
    stored = after_ops(phone, done["ops"])["runs"]
    assert len(stored) == 5 and [r for r in stored.values() if r["date"] == "2026-12-13"] == [run]


def test_a_strength_workout_logged_on_both_phones_is_restored_once() -> None:
    """As the strength import does (strength_copies): the same day, exercises and sets under another id."""
    copy = {**SESSION, "id": "7d3f2c1e-8a4b-4c5d-9e6f-0a1b2c3d4e50", "duration_min": 45.0, "rpe": 7.0}
    file = backup.make_backup({"strength": {copy["id"]: copy}}, created=NOW)
    reply = ask("restore", {"file": file}, store={"strength": {SESSION["id"]: SESSION}})
    assert [op for op in reply["ops"] if op["collection"] == "strength"] == []
    assert "left out 1 strength session (the same day, exercises and sets) already logged" in reply["html"]


@pytest.mark.parametrize("its_own_last_backup", [True, False])
def test_a_restore_says_as_many_entries_added_as_it_writes_and_the_page_then_lists(its_own_last_backup: bool) -> None:
    """A runner restored a backup of several collections into an empty browser: the page then listed 123 entries,
    all of them stored, while the message said "added 122 entries". The "last backup" the restore writes is one of
    them, whether the file carried its own (an older backup's date, replaced by the file's) or none."""
    collections: dict[str, Any] = {
        "profile": {"profile": {"units": "km"}},
        "runs": {f"r{n}": {**RUN, "date": f"2026-11-{n + 1:02d}"} for n in range(1, 6)},
        "hrv": {f"2026-11-{n:02d}": {"rmssd_ms": 60.0 + n} for n in range(1, 8)},
        "settings": {"form:vdot": {"values": {"time": "20:00"}}},
    }
    if its_own_last_backup:
        collections["settings"]["backup"] = {"at": "2026-11-01T08:00:00.000Z"}
    reply = ask("restore", {"file": backup.make_backup(collections, created=NOW)}, store={})
    assert reply["ok"], reply.get("error")
    written = len(reply["ops"])
    assert written == 15 and {op["op"] for op in reply["ops"]} == {"put"}
    listed = [int(n) for n in re.findall(r'<td class="sl-num">(\d+)</td>', reply["html"])]
    assert sum(listed) == written
    assert f"added {written} entries, one of them the backup's date as your last backup." in reply["html"]


def test_a_restore_that_only_adds_entries_is_not_asked_about() -> None:
    """Nothing here is replaced (a new phone, or entries only in the backup): the restore goes ahead at once."""
    reply = ask("restore", {"file": backup.make_backup({"runs": {"r1": RUN}}, created=NOW)})
    assert [effect["type"] for effect in reply["effects"]] == ["download"]
    assert "Restored a backup made on Monday 23 November: added 1 entry." in reply["html"]


def test_after_restoring_a_backup_made_today_the_last_backup_is_today_not_never() -> None:
    """The file restored is a backup the reader holds: "Last backup: never… download a backup now" would be false
    after restoring one made this morning, in a browser with no backup of its own (a new phone, or after Delete)."""
    made = backup.make_backup({"runs": {"r1": RUN}}, created="2026-11-23T07:00:00.000Z")
    reply = ask("restore", {"file": made}, store={})
    assert {"op": "put", "collection": "settings", "id": "backup", "value": {"at": "2026-11-23T07:00:00.000Z"}} in (
        reply["ops"]
    )
    assert "Last backup: today (Monday 23 November)." in reply["html"]
    assert "data-backup-reminder" not in reply["html"]


def test_a_restore_into_an_empty_browser_downloads_nothing_first_and_says_so() -> None:
    """A new phone holds nothing: a "before-restore" file would hold nothing either."""
    reply = ask("restore", {"file": backup.make_backup({"runs": {"r1": RUN}}, created=NOW)}, store={"runs": {}})
    assert reply["ok"] and reply["effects"] == []
    assert (
        "added 2 entries, one of them the backup's date as your last backup. This browser held no Stridelab data "
        "before, so there was nothing to download first." in (reply["html"])
    )
    assert "before-restore" not in reply["html"]


def test_a_restore_never_moves_the_last_backup_back_nor_believes_a_time_after_now() -> None:
    """An old file (carrying the older "last backup" of its day) leaves this browser's later one as it is."""
    old = backup.make_backup(
        {"runs": {"r1": RUN}, "settings": {"backup": {"at": "2026-09-01T08:00:00.000Z"}}},
        created="2026-09-02T08:00:00.000Z",
    )
    reply = ask("restore", {"file": old})
    assert [op for op in reply["ops"] if op["collection"] == "settings"] == []
    assert "Last backup: 53 days ago (Thursday 1 October)." in reply["html"]
    future = backup.make_backup({"runs": {"r1": RUN}}, created="2026-11-30T08:00:00.000Z")
    assert "Last backup: never." in ask("restore", {"file": future}, store={})["html"]


@pytest.mark.parametrize("text", ["", "{not json", '{"format": "other"}'])
def test_a_bad_file_changes_nothing(text: str) -> None:
    reply = ask("restore", {"file": text})
    assert reply["ok"] is False and reply["error"]["field"] == "file"
    assert "ops" not in reply


def test_delete_all_asks_first_then_downloads_a_copy_and_deletes_every_entry() -> None:
    first = ask("delete_all")
    (question,) = first["effects"]
    assert question["type"] == "confirm" and question["action"] == "delete_all"
    assert "profile, saved calculator inputs" in question["message"]
    with_hrv = ask("delete_all", store={**STORE, "hrv": {"2026-11-20": {"rmssd_ms": 60}}})["effects"][0]["message"]
    assert "HRV readings" in with_hrv  # an abbreviation stays in capitals
    assert first["ops"] == []
    done = ask("delete_all", {"confirmed": "yes"})
    assert done["effects"][0]["type"] == "download"
    assert sorted((op["collection"], op["id"]) for op in done["ops"]) == [
        ("profile", "profile"),
        ("settings", "backup"),
        ("settings", "form:vdot"),
    ]
    assert all(op["op"] == "delete" for op in done["ops"])


def test_actions_that_need_the_store_refuse_without_it() -> None:
    with pytest.raises(InputError):
        CALCULATOR.actions["backup"]({}, Context(now=NOW))


def test_a_backup_time_without_a_zone_is_read_as_utc() -> None:
    store = {**STORE, "settings": {"backup": {"at": "2026-11-20T08:00:00"}}}
    reply = ask("compute", store=store)
    assert reply["ok"] is True and "Last backup: 3 days ago" in reply["html"]


def test_restoring_an_empty_file_says_so_and_changes_nothing() -> None:
    reply = ask("restore", {"file": ""})
    assert not reply["ok"] and "ops" not in reply and reply["error"]["field"] == "file"
    assert reply["error"]["message"].startswith("The file is empty, or none was chosen")


def test_what_a_button_did_is_said_in_the_bodys_type_not_as_the_pages_headline() -> None:
    """A long restore message as a 1.6em bold headline filled a laptop's screen (Marco's restore1280.png)."""
    restored = ask("restore", {"file": backup.make_backup({"runs": {"r1": RUN}}, created=NOW)})["html"]
    assert re.search(r"<p data-summary[^>]*>Restored a backup made on Monday 23 November", restored)
    assert "sl-result__headline" not in restored
    assert 'class="sl-result__headline" data-summary>This browser holds 3' in ask("compute")["html"]

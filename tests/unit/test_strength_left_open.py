"""A strength session left open since an earlier day: the log still shows its history and today's prescription,
and flags the old session at the top with its two ways out (finish it as it was on its day, or discard it)."""

from __future__ import annotations

import copy
import json
import re
from datetime import date, timedelta
from html import unescape
from typing import Any

from calculators.registry import handle

from .test_strength_page import apply, text

STARTED = "2026-12-08"
STARTED_AT = "2026-12-08T18:00:00.000Z"
TODAY = "2027-01-18"
IDS = iter(f"00000000-0000-4000-8000-{n:012d}" for n in range(1, 10_000))
#: A Session A with Romanian deadlifts done as prescribed; copied onto the days of a restored backup.
RESTORED = {
    "kind": "A",
    "duration_min": 50,
    "rpe": 7,
    "exercises": [
        {"exercise": "romanian_deadlift", "target_reps": 5, "sets": [{"reps": 5, "load_kg": 55.0, "rpe": 7}] * 4},
    ],
}


def ask(
    action: str,
    store: dict[str, Any],
    values: dict[str, str] | None = None,
    args: dict[str, Any] | None = None,
    *,
    today: str = TODAY,
    now: str = "2027-01-18T17:00:00.000Z",
    offsets: list[list[Any]] | None = None,
) -> dict[str, Any]:
    payload = {
        "values": values or {},
        "args": args or {},
        "today": today,
        "now": now,
        "new_id": next(IDS),
        "store": store,
        "utc_offsets": offsets,
    }
    return apply(store, handle({"id": 1, "calculator": "strength", "action": action, "payload": payload}))


def buttons(html: str) -> list[tuple[str, str]]:
    """Each button's action and label, in page order."""
    return re.findall(r'data-action="([a-z_]+)"[^>]*>([^<]+)</button>', html)


def two_sets_then_restore(*, started_at: str = STARTED_AT, day: str = STARTED) -> dict[str, Any]:
    """Session A started and two sets logged, then a backup of eleven later sessions restored."""
    store: dict[str, Any] = {"strength": {}, "strength_draft": {}}
    on = {"today": day, "now": started_at}
    ask("start", store, {"session": "A", "date": day}, **on)
    for index in (0, 1):
        ask("log_set", store, {"load": "50"}, {"exercise": "romanian_deadlift", "set": index}, **on)
    for n in range(11):
        ident = f"11111111-1111-4111-8111-{n:012d}"
        when = (date(2026, 12, 10) + timedelta(days=3 * n)).isoformat()
        store["strength"][ident] = copy.deepcopy(RESTORED) | {"id": ident, "date": when}
    return store


def test_a_session_left_open_since_an_earlier_day_is_flagged_above_the_history_and_todays_prescription() -> None:
    store = two_sets_then_restore()
    html = ask("compute", store)["html"]
    words = text(html)
    assert words.startswith(
        "Session A of Tuesday 8 December 2026 was left open (2 sets logged, not in your history yet): fill in "
        "Duration and Session RPE above to finish it as it was on that day, or discard it."
    )
    assert buttons(html)[:2] == [("finish", "Finish it as on Tuesday 8 December 2026"), ("discard", "Discard it")]
    # The restored sessions are all there, and today's prescription is worked out from them.
    assert "11 strength sessions logged" in words and "Weekly strength volume" in words
    assert "Today's prescription" in words and "Romanian deadlift 4 × 5 × 57.5 kg" in words
    assert "first session" not in words.split("Romanian deadlift 4 × 5 × 57.5 kg", 1)[1].split("Hip thrust")[0]


def test_finishing_a_session_left_open_saves_it_on_its_own_day_with_the_sets_logged_then() -> None:
    """The notice's "Finish it as on …": the date field (left from another session) does not move it."""
    store = two_sets_then_restore()
    values = {"duration": "20", "session_rpe": "6", "date": "2027-01-17"}
    asked = ask("finish", store, values)
    (question,) = asked["effects"]
    assert question["type"] == "confirm" and "Romanian deadlift: 2 of 4 sets" in question["message"]
    reply = ask("finish", store, values | {"confirmed": "yes"})
    saved = next(op["value"] for op in reply["ops"] if op["collection"] == "strength")
    assert saved["date"] == STARTED and saved["duration_min"] == 20
    assert [len(e["sets"]) for e in saved["exercises"]] == [2]
    assert store["strength_draft"] == {} and len(store["strength"]) == 12
    assert "left open" not in text(ask("compute", store)["html"])


def test_starting_another_session_while_one_is_left_open_says_to_finish_or_discard_it_first() -> None:
    store = two_sets_then_restore()
    reply = ask("start", store, {"session": "B"})
    assert reply["ops"] == []
    words = text(reply["html"])
    assert "Finish or discard the session left open above before starting another." in words
    assert "left open (2 sets logged" in words and "Today's prescription" in words


def test_a_session_started_today_for_an_earlier_date_is_still_logged_set_by_set() -> None:
    """Back-dating a session to log it after the fact is today's work, not a session left open."""
    store: dict[str, Any] = {"strength": {}, "strength_draft": {}}
    ask("start", store, {"session": "A", "date": "2027-01-16"})
    html = ask("compute", store)["html"]
    assert "left open" not in text(html) and "data-draft" in html
    assert json.loads(unescape(re.findall(r'data-action="log_set" data-args="([^"]+)"', html)[0])) == {
        "exercise": "romanian_deadlift",
        "set": 0,
    }


def test_the_day_a_session_was_started_is_the_readers_local_day() -> None:
    """Started at 23:30 UTC on 8 December is 00:30 on 9 December in Paris: that evening's session is not old, even
    six and a half hours later. For a reader in UTC it began the day before, and that long ago it was left open."""
    store = two_sets_then_restore(started_at="2026-12-08T23:30:00.000Z", day="2026-12-09")
    paris = [["2026-10-25", 60]]
    later = "2026-12-09T06:00:00.000Z"
    html = ask("compute", store, today="2026-12-09", now=later, offsets=paris)["html"]
    assert "left open" not in text(html) and "data-draft" in html
    assert "left open" in text(ask("compute", store, today="2026-12-09", now=later)["html"])


PARIS = [["2026-10-25", 60]]  # UTC+1 in December


def test_a_session_lifted_past_midnight_is_still_the_session_in_progress() -> None:
    """Started at 23:30 in Paris on 8 December, a set logged at 00:10 on the 9th: the runner is still lifting, and
    the log shows their session and takes the set, not a notice that it was left open."""
    store = two_sets_then_restore(started_at="2026-12-08T22:30:00.000Z", day="2026-12-08")
    at_ten_past = {"today": "2026-12-09", "now": "2026-12-08T23:10:00.000Z", "offsets": PARIS}
    html = ask("compute", store, **at_ten_past)["html"]
    assert "left open" not in text(html) and "data-draft" in html
    assert "Tuesday 8 December: 2 of 18 sets logged." in text(html)
    ask("log_set", store, {"load": "50"}, {"exercise": "romanian_deadlift", "set": 2}, **at_ten_past)
    assert len(store["strength_draft"]["current"]["sets"]["romanian_deadlift"]) == 3


def test_a_session_from_last_night_is_left_open_the_next_morning() -> None:
    """The same session, unfinished, at 08:00 in Paris the next morning (eight and a half hours after its start):
    it was left open, and the log says so above today's prescription."""
    store = two_sets_then_restore(started_at="2026-12-08T22:30:00.000Z", day="2026-12-08")
    html = ask("compute", store, today="2026-12-09", now="2026-12-09T07:00:00.000Z", offsets=PARIS)["html"]
    assert text(html).startswith("Session A of Tuesday 8 December was left open (2 sets logged")


def test_a_session_started_six_hours_ago_on_an_earlier_day_is_still_in_progress_and_then_left_open() -> None:
    """Stridelab's line: six hours after its start (STILL_LIFTING) a session begun on an earlier day is left open."""
    store = two_sets_then_restore(started_at="2026-12-08T20:00:00.000Z", day="2026-12-08")
    on_the_ninth = {"today": "2026-12-09", "offsets": PARIS}
    assert "left open" not in text(ask("compute", store, now="2026-12-09T02:00:00.000Z", **on_the_ninth)["html"])
    assert "left open" in text(ask("compute", store, now="2026-12-09T02:01:00.000Z", **on_the_ninth)["html"])


def test_finishing_a_session_left_open_with_only_warm_ups_names_its_discard_it_button() -> None:
    """The notice offers no set to log, so the message names only its own button, "Discard it"."""
    store: dict[str, Any] = {"strength": {}, "strength_draft": {}}
    on = {"today": STARTED, "now": STARTED_AT}
    ask("start", store, {"session": "A", "date": STARTED}, **on)
    ask("log_warmup", store, {"reps": "5", "load": "40"}, {"exercise": "romanian_deadlift"}, **on)
    before = copy.deepcopy(store)
    payload = {
        "values": {"duration": "20", "session_rpe": "6"},
        "args": {},
        "today": TODAY,
        "now": "2027-01-18T17:00:00.000Z",
    }
    reply = handle({"id": 1, "calculator": "strength", "action": "finish", "payload": payload | {"store": store}})
    assert reply["ok"] is False and reply["error"]["message"] == (
        "This session has only warm-ups, and a warm-up is not a work set: a session is saved with at least one "
        "work set. To go on, tap “Discard it” to drop the session, its warm-ups too. "
        "Nothing was saved, and the warm-ups are still logged."
    )
    assert store == before

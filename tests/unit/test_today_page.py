"""Today: the day's run and strength from the plan, starting the session, the verdict, reminders, first-visit setup."""

from __future__ import annotations

import html as markup
import json
import re
from datetime import date, timedelta
from typing import Any

import pytest

from calculators.calendar_logs import read_logs, read_plan
from calculators.date_words import day_words
from calculators.exercises import session_exercises
from calculators.planner import WeekPrefs, plan_season
from calculators.registry import handle
from calculators.season import SeasonPlan
from calculators.ui.calculator import after_ops
from calculators.ui.strength_drops import dropped_sessions
from calculators.units import PaceUnit, format_duration
from calculators.vdot import MARATHON_M, race_time, vdot_from_race

MONDAY = date(2026, 3, 2)
PLAN = plan_season(WeekPrefs(run_days=4, vdot=50), today=MONDAY, race_date=None, weeks=4)
NOW = "2026-03-02T07:00:00Z"


def ask(
    action: str,
    store: dict[str, Any],
    *,
    today: date = MONDAY,
    profile: dict[str, Any] | None = None,
    args: dict[str, Any] | None = None,
) -> dict[str, Any]:
    payload = {
        "values": {},
        "args": args or {},
        "today": today.isoformat(),
        "now": NOW,
        "new_id": "n1",
        "store": store,
        "profile": profile if profile is not None else {"units": "km"},
    }
    return handle({"id": 1, "calculator": "today", "module": "today_page", "action": action, "payload": payload})


def day_with(run: str) -> date:
    return next(d.day for d in PLAN.days() if d.run == run and d.day is not None)


#: The third week's tempo run (Monday 16 March), the hard day the verdict tests judge.
TEMPO = [d for d in PLAN.days() if d.run == "tempo" and d.day is not None][2]
assert TEMPO.day is not None


def low_mornings(eve: date, low: int, plan: SeasonPlan = PLAN) -> dict[str, Any]:
    """A store with ``plan`` and 40 mornings of HRV up to ``eve``, the last ``low`` of them low (35 ms against about
    72): one low morning makes the day after ``eve`` amber, four make it red."""
    hrv = {(eve - timedelta(days=n)).isoformat(): {"rmssd_ms": 35.0 if n < low else 70.0 + n % 5} for n in range(40)}
    return {"plan": {"season": plan.to_dict()}, "hrv": hrv}


def test_an_empty_browser_is_sent_to_the_planner_and_the_logs() -> None:
    reply = ask("compute", {})
    assert reply["ok"], reply
    assert 'href="../planner/"' in reply["html"] and 'href="../readiness/"' in reply["html"]


def test_todays_run_comes_with_its_paces_and_the_strength_session_with_a_start_button() -> None:
    tempo = day_with("tempo")
    reply = ask("compute", {"plan": {"season": PLAN.to_dict()}}, today=tempo)
    assert reply["ok"], reply
    assert "Tempo run" in reply["html"] and "/km" in reply["html"] and ": planned" in reply["html"]
    assert re.search(r"Tempo run \d+ min \(\d+(\.\d)? km\) at ", reply["html"])  # the distance, as the planner has it
    assert "today's prescription" in reply["html"] and "Start Session A" in reply["html"]


def test_a_run_logged_on_a_rest_day_is_shown_and_the_day_not_called_a_rest_day_alone() -> None:
    """The plan's rest day stays named, and today's logged run is shown with its minutes, RPE and load."""
    rest = day_with("rest")
    run = {"r1": {"date": rest.isoformat(), "duration_s": 3600, "distance_m": 10000, "rpe": 7}}
    html = ask("compute", {"plan": {"season": PLAN.to_dict()}, "runs": run}, today=rest)["html"]
    assert "Rest day in your plan; you ran 60 min (RPE 7, load 420)." in html and "A rest day." not in html
    quiet = ask("compute", {"plan": {"season": PLAN.to_dict()}}, today=rest)["html"]
    assert "A rest day." in quiet and "you ran" not in quiet
    unplanned = ask("compute", {"runs": run}, today=rest)["html"]
    assert "No season plan is saved, so nothing is planned; you ran 60 min (RPE 7, load 420)." in unplanned


def test_starting_the_session_writes_the_strength_logs_own_draft() -> None:
    tempo = day_with("tempo")
    store: dict[str, Any] = {"plan": {"season": PLAN.to_dict()}}
    mine = ask("start_strength", store, today=tempo, args={"kind": "A"})
    assert mine["ok"], mine
    payload = {
        "values": {"session": "A", "gym": "gym", "date": ""},
        "today": tempo.isoformat(),
        "now": NOW,
        "store": store,
    }
    theirs = handle({"id": 2, "calculator": "strength", "action": "start", "payload": payload})
    assert mine["ops"] == theirs["ops"]
    again = ask("start_strength", after_ops(store, mine["ops"]), today=tempo, args={"kind": "A"})
    assert again["ops"] == [] and "already in progress" in again["html"]
    # Both open the strength log, where the sets are logged: the session just started, or the one already open
    # (another tab's), resumed rather than a second one started.
    assert mine["effects"] == again["effects"] == [{"type": "go", "href": "../strength-log/"}]


@pytest.mark.parametrize(
    ("hrv_days_ago", "due"),
    [(1, False), (3, True), (None, False)],
)
def test_a_missing_hrv_reading_is_a_reminder_only_for_someone_who_measures(hrv_days_ago: int | None, due: bool) -> None:
    today = MONDAY + timedelta(days=10)
    hrv = {} if hrv_days_ago is None else {(today - timedelta(days=hrv_days_ago)).isoformat(): {"rmssd_ms": 60.0}}
    backup = {"backup": {"at": NOW}}
    reply = ask("compute", {"hrv": hrv, "settings": backup}, today=today)
    assert reply["ok"], reply
    assert ("No HRV reading for" in reply["html"]) is due


def test_an_overdue_backup_is_a_reminder_once_there_is_something_to_lose() -> None:
    run = {"date": "2026-03-02", "duration_s": 1800.0, "distance_m": 6000.0, "rpe": 4.0, "source": "hand"}
    assert "Back up your data" in ask("compute", {"runs": {"r": run}})["html"]
    assert "Back up your data" not in ask("compute", {})["html"]


@pytest.mark.parametrize("distance_m", [21097.5, MARATHON_M])
def test_the_taper_is_announced_the_week_before_with_the_first_day_without_strength(distance_m: float) -> None:
    race = MONDAY + timedelta(weeks=6, days=6)
    prefs = WeekPrefs(run_days=4, vdot=50)
    plan = plan_season(prefs, today=MONDAY, race_date=race, race_distance_m=distance_m, weeks=7)
    taper = next(w.start for w in plan.weeks if w.phase == "taper")
    store = {"plan": {"season": plan.to_dict()}}
    page = markup.unescape(ask("compute", store, today=taper - timedelta(days=4))["html"])
    # The planner lifts nothing from the taper's Monday (13 days before the race), not only from race week.
    assert not [d.day for d in plan.days() if d.day and d.strength and d.day >= taper]
    when = day_words(taper, today=taper - timedelta(days=4))
    assert f"Your taper starts on {when}: less volume, the same intensity, and no strength from {when} " in page
    assert "race week" not in page
    assert "taper starts on" not in ask("compute", store, today=taper - timedelta(days=10))["html"]


def test_a_first_visit_offers_the_profile_setup_and_skip_remembers() -> None:
    first = ask("compute", {}, profile={})
    assert 'href="../profile/"' in first["html"] and "Skip" in first["html"]
    # a screen reader's list of buttons reads it alone: it says what it skips
    assert 'aria-label="Skip profile set-up"' in first["html"]
    skipped = ask("skip_setup", {}, profile={})
    (op,) = skipped["ops"]
    assert op["collection"] == "settings" and op["id"] == "today:setup-skipped"
    assert "Set up your profile" not in ask("compute", after_ops({}, skipped["ops"]), profile={})["html"]
    assert "Set up your profile" not in ask("compute", {}, profile={"units": "mi"})["html"]


def test_a_red_verdict_before_a_hard_day_points_to_the_offers() -> None:
    today = TEMPO.day - timedelta(days=1)
    store = low_mornings(today, 4)
    reply = ask("compute", store, today=today)
    assert reply["ok"], reply
    words = "The training calendar changes your plan for you: "
    assert "Red: rest, or very easy" in reply["html"] and words in reply["html"]
    calm = ask("compute", store, today=today - timedelta(days=5))
    assert words not in calm["html"]


def test_the_verdicts_drivers_say_how_far_below_the_range_in_ms() -> None:
    """As on the readiness page: "4 ms below your normal range", never in standard deviations ("SD")."""
    hrv = {(MONDAY - timedelta(days=n)).isoformat(): {"rmssd_ms": 60.0 if n % 2 else 68.0} for n in range(40)}
    hrv |= {(MONDAY - timedelta(days=n)).isoformat(): {"rmssd_ms": 40.0} for n in range(2)}
    page = ask("compute", {"hrv": hrv})["html"]
    assert re.search(r"<li>7-day HRV average \d+ ms, \d+ ms below your normal range of \d+–\d+ ms</li>", page), page
    assert not re.search(r"\bSD\b", page)


def test_a_run_left_out_of_the_load_is_said_with_a_link_to_the_run_log() -> None:
    impossible = {"date": MONDAY.isoformat(), "duration_s": 600.0, "distance_m": 9_000.0, "rpe": 5.0}
    page = ask("compute", {"runs": {"r1": impossible}})["html"]
    assert "1 run you stored fails a check" in page and "so it is left out here" in page
    assert 'href="../readiness/"' in page
    assert "data-left-out" not in ask("compute", {})["html"]


@pytest.mark.parametrize(
    ("low_days", "verdict", "run", "strength"),
    [
        (
            1,
            "amber",
            # Tuesday's verdict reads Monday's low morning until Tuesday's own: the swap of last evening cannot land.
            "Your next easy day, Tuesday 17 March, reads amber too until its own morning check-in, so a swap would "
            "only put the tempo run + Session A on another amber day. Run easy today instead: shorter and slower, as "
            "readiness says, no strength, and leave the tempo run",
            # The calendar's drop: strength never goes on an easy day, in the words every page gives it.
            "No Session A on Monday 16 March: an amber verdict runs the tempo run easy, and strength never goes on an "
            "easy day.",
        ),
        (
            4,
            "red",
            "Make Monday 16 March an easy run of 20–30 min, very easy, or rest",
            # The calendar's drop, in the sentence the calendar, the readiness page and the strength log give it.
            "No Session A on Monday 16 March: a red verdict drops strength that day. A session you lift that day all "
            "the same still counts: log it.",
        ),
    ],
)
def test_todays_hard_run_carries_the_advice_last_nights_verdict_gave(
    low_days: int, verdict: str, run: str, strength: str
) -> None:
    """What readiness said the evening before about today's tempo run shows with the run itself, as the training
    calendar's first offer for the day (here no swap fits: the next easy day follows the long run); a red verdict's
    strength drop reads as on every other page."""
    tempo = TEMPO.day
    eve = tempo - timedelta(days=1)
    store = low_mornings(eve, low_days)
    before = ask("compute", store, today=eve)["html"]
    # As the readiness page says it: the training calendar's first offer for the tempo run, with its dates.
    offer = (
        "swap it. Swap it with your next easy day: move the tempo run + Session A to Tuesday 17 March and the easy "
        "run to Monday 16 March."
        if verdict == "amber"
        else "move it. Move the tempo run + Session A to Tuesday 17 March and the easy run to Monday 16 March as "
        "20–30 min very easy (readiness red)."
    )
    assert f"Your plan has the tempo run tomorrow: {offer}" in markup.unescape(re.sub(r"<[^>]+>", "", before))
    page = ask("compute", store, today=tempo)["html"]
    assert f"Last night's verdict for today: {verdict}. {run}" in page and strength in page
    # The session can still be started, but not from the page's main button against the verdict.
    assert re.search(r'<button type="button" class="md-button" [^>]*>Start Session A anyway</button>', page)
    # The calendar offers to move a session on a red day only, so only then does Today point there.
    assert ("Move it on the training calendar" in page) == (verdict == "red")
    calm = low_mornings(eve, 0)
    assert "Last night's verdict" not in ask("compute", calm, today=tempo)["html"]


def test_a_red_move_that_takes_the_strength_session_along_does_not_also_say_to_drop_it() -> None:
    """TRAINING-RULES.md, red: "a hard session planned tomorrow becomes easy or moves, and strength that day is
    dropped". When the advice moves the tempo run with its Session A to Tuesday, Today and the readiness page say
    tomorrow has no strength because Session A moves with it, never also "Drop any strength session" beside the move.
    """
    from tests.unit.test_readiness_page import ask as ask_readiness

    eve = TEMPO.day - timedelta(days=1)
    store = low_mornings(eve, 4)
    pages = [ask("compute", store, today=eve)["html"], ask_readiness("compute", {}, store=store, today=eve)["html"]]
    for html in pages:
        text = markup.unescape(re.sub(r"<[^>]+>", "", html))
        assert "Move the tempo run + Session A to Tuesday 17 March" in text
        assert "No strength tomorrow: Session A moves with the tempo run." in text
        assert "Drop any strength session" not in text


def test_on_a_red_day_whose_move_takes_the_strength_session_along_every_page_says_it_moves() -> None:
    """TRAINING-RULES.md, red: "a hard session planned tomorrow becomes easy or moves, and strength that day is
    dropped". On the red day itself, beside the calendar's offer "Move the tempo run + Session A to Tuesday", Today,
    the calendar's day, the readiness page's week and the strength log say in one sentence that Session A moves with
    it, never that the verdict drops it. (Sunday's low sleep and one very low morning make Monday red; by Monday that
    morning has left the 7-day average, so Tuesday is green and takes the move.)"""
    from tests.unit.test_calendar_page import ask as ask_calendar

    tempo = [d.day for d in PLAN.days() if d.run == "tempo" and d.day is not None][2]
    eve = tempo - timedelta(days=1)
    hrv = {(eve - timedelta(days=n)).isoformat(): {"rmssd_ms": 70.0 + n % 5} for n in range(40)}
    hrv[(eve - timedelta(days=6)).isoformat()] = {"rmssd_ms": 5.0}
    hrv[eve.isoformat()] = {"rmssd_ms": 70.0, "sleep_hours": 5.0}
    store = {"plan": {"season": PLAN.to_dict()}, "hrv": hrv}
    pages = {
        "today": ask("compute", store, today=tempo)["html"],
        "calendar": ask_calendar("day", store, today=tempo, args={"day": tempo.isoformat()})["html"],
    }
    # The readiness page's week and the strength log's "Next up" name it through the same function.
    logs, plan = read_logs(store), read_plan(store)
    pages["strength_drops"] = dropped_sessions(logs, plan, tempo, tempo, today=tempo)[tempo]
    moves = "No Session A on Monday 16 March: it moves with the tempo run to Tuesday 17 March."
    for name, html in pages.items():
        text = markup.unescape(re.sub(r"<[^>]+>", "", html))
        assert moves in text, name
        assert "drops strength" not in text and "Drop today's strength" not in text, name
    today_text = markup.unescape(re.sub(r"<[^>]+>", "", pages["today"]))
    assert "Last night's verdict for today: red. Move the tempo run + Session A to Tuesday 17 March" in today_text
    assert "It moves with the tempo run: do it on the day you run that." not in today_text


def test_this_mornings_check_in_changes_today_not_only_tomorrow() -> None:
    """A sore, short-slept morning before a tempo day: the check-in decides the day it was made on."""
    tempo = [d.day for d in PLAN.days() if d.run == "tempo" and d.day is not None][2]
    hrv: dict[str, dict[str, Any]] = {
        (tempo - timedelta(days=n)).isoformat(): {"rmssd_ms": 70.0 + n % 5} for n in range(1, 40)
    }
    calm = ask("compute", {"plan": {"season": PLAN.to_dict()}, "hrv": hrv}, today=tempo)["html"]
    assert (
        "This morning's check-in for today" not in calm and "Last night's verdict" not in calm
    )  # a green night, nothing logged yet
    assert "Today's verdict, from this morning's check-in" not in calm
    assert "Tomorrow's verdict waits for this morning's check-in" in markup.unescape(calm)

    hrv[tempo.isoformat()] = {"rmssd_ms": 71.0, "soreness": 4, "sleep_hours": 5.0}
    page = ask("compute", {"plan": {"season": PLAN.to_dict()}, "hrv": hrv}, today=tempo)["html"]
    assert (
        "This morning's check-in for today: amber. Your next easy day, Tuesday 17 March, reads amber too until its own "
        "morning check-in, so a swap would only put the tempo run + Session A on another amber day. Run easy today "
        "instead: shorter and slower"
    ) in markup.unescape(page)
    assert "Today's verdict, from this morning's check-in: <strong>Amber: take it easier, because of: soreness" in page
    assert "No Session A on Monday 16 March: an amber verdict runs the tempo run easy, and strength never" in page


def test_a_normal_morning_after_an_illness_is_not_called_low_in_todays_verdict() -> None:
    """A 43 ms morning after 12 low ones: the 7-day average keeps today red, and the verdict says it is the
    average, with its value and the range, and that this morning's 43 ms is above the range."""
    hrv: dict[str, dict[str, Any]] = {
        (MONDAY - timedelta(days=n)).isoformat(): {"rmssd_ms": 38.0 + 8 * (n % 2)} for n in range(13, 60)
    }
    hrv |= {(MONDAY - timedelta(days=n)).isoformat(): {"rmssd_ms": 22.0 + 6 * (n % 2)} for n in range(1, 13)}
    hrv[MONDAY.isoformat()] = {"rmssd_ms": 43.0}
    page = ask("compute", {"plan": {"season": PLAN.to_dict()}, "hrv": hrv})["html"]
    today = re.search(r"Today's verdict, from this morning's check-in: <strong>(.*?)</strong>", page)
    assert today is not None, page
    assert re.fullmatch(
        r"Red: rest, or very easy, because of: 7-day HRV average below your normal range two days running "
        r"\(\d+ ms against \d+–\d+ ms; the latest morning's 43 ms is above the range\)",
        today.group(1),
    ), today.group(1)


def test_a_bad_morning_on_an_easy_day_shortens_todays_easy_run() -> None:
    easy = next(d for d in PLAN.days() if d.run == "easy" and d.day is not None and d.day > MONDAY + timedelta(14))
    hrv: dict[str, dict[str, Any]] = {
        (easy.day - timedelta(days=n)).isoformat(): {"rmssd_ms": 70.0 + n % 5} for n in range(1, 40)
    }
    hrv[easy.day.isoformat()] = {"rmssd_ms": 72.0, "soreness": 5}
    page = ask("compute", {"plan": {"season": PLAN.to_dict()}, "hrv": hrv}, today=easy.day)["html"]
    assert "This morning's check-in for today: amber. Shorter and slower:" in page
    assert f"instead of the planned {easy.minutes:.0f} min" in page


def test_the_headline_names_today_in_words() -> None:
    """Rule: a date in a headline reads "Monday 2 March", without the year the reader is in."""
    assert "Today, Monday 2 March</p>" in ask("compute", {})["html"]


def test_todays_strength_prescription_is_in_pounds_for_a_reader_in_miles() -> None:
    """Today shows the strength log's prescription in the reader's unit: 135 lb done, 140 lb next (+5 lb)."""
    tempo = day_with("tempo")
    last = {
        "id": "11111111-1111-4111-8111-111111111111",
        "date": (tempo - timedelta(days=7)).isoformat(),
        "kind": "A",
        "duration_min": 50,
        "rpe": 7,
        "exercises": [{"exercise": "romanian_deadlift", "sets": [{"reps": 5, "load_kg": 61.23, "rpe": 7}] * 4}],
    }
    store = {"plan": {"season": PLAN.to_dict()}, "strength": {last["id"]: last}}
    miles = ask("compute", store, today=tempo, profile={"units": "mi"})["html"]
    assert "4 × 5 × 140 lb" in miles and "+5 lb" in miles
    assert "4 × 5 × 63.5 kg" in ask("compute", store, today=tempo)["html"]  # in km: +2.5 kg from 61 kg


def test_before_a_hard_day_today_gives_the_advice_on_it_and_no_easy_run() -> None:
    """The plan's tempo run tomorrow stays on a green verdict: no easy run is invented beside it."""
    eve = day_with("tempo") + timedelta(days=6)  # the Sunday before the next Monday's tempo run
    hrv = {(eve - timedelta(days=n)).isoformat(): {"rmssd_ms": 70.0 + n % 5} for n in range(40)}
    html = ask("compute", {"plan": {"season": PLAN.to_dict()}, "hrv": hrv}, today=eve)["html"]
    assert "Your plan has the tempo run tomorrow: keep it." in html
    assert "Tomorrow's easy run" not in html and "min as planned" not in html


def test_tomorrows_easy_run_carries_its_pace_and_heart_rate_cap() -> None:
    """Today gives tomorrow's easy run the pace and HR cap the readiness page gives it, in the reader's unit."""
    today = day_with("tempo") - timedelta(days=2)
    hrv = {(today - timedelta(days=n)).isoformat(): {"rmssd_ms": 70.0 + n % 5} for n in range(40)}
    store = {"plan": {"season": PLAN.to_dict()}, "hrv": hrv}
    km = ask("compute", store, today=today, profile={"units": "km", "vdot": "50", "hr_max": "190"})["html"]
    assert "Keep to pace 4:55–5:34 /km and heart rate under 150 bpm." in km  # 79 % of 190, Daniels' E at VDOT 50
    miles = ask("compute", store, today=today, profile={"units": "mi"})["html"]
    assert re.search(r"Keep to pace \d+:\d\d–\d+:\d\d /mi\.", miles) and "heart rate under" not in miles


def test_without_a_plan_a_bad_morning_on_a_run_day_shortens_any_run_today() -> None:
    hrv: dict[str, dict[str, Any]] = {
        (MONDAY - timedelta(days=n)).isoformat(): {"rmssd_ms": 70.0 + n % 5} for n in range(1, 40)
    }
    hrv[MONDAY.isoformat()] = {"rmssd_ms": 71.0, "soreness": 4}
    runs_monday = {"units": "km", "run_weekdays": "0,2,4"}
    page = ask("compute", {"hrv": hrv}, profile=runs_monday)["html"]
    assert "No season plan is saved" in page
    assert "This morning's check-in for today: amber. Shorter and slower:" in page
    assert "nothing is planned for today" in page and "nothing is planned for tomorrow" not in page
    off = ask("compute", {"hrv": hrv}, profile={"units": "km", "run_weekdays": "1,3,5"})["html"]
    assert "Today is not one of your run days" in off


def test_without_hrv_the_load_only_verdict_shows_the_evening_it_is_made() -> None:
    runs = {
        f"r{n}": {
            "date": (MONDAY - timedelta(days=n)).isoformat(),
            "duration_s": 3000,
            "distance_m": 10000,
            "rpe": 5,
            "source": "manual",
        }
        for n in range(0, 60, 2)
    }
    page = ask("compute", {"runs": runs})["html"]
    assert "Tomorrow's verdict: <strong>From your training load: train as planned</strong>" in page


def test_a_runner_in_their_first_weeks_is_told_under_tomorrows_verdict_what_readiness_adds_and_from_when() -> None:
    """Three weeks of runs and five mornings of HRV: the HRV baseline and form each start to count on a date from the
    runner's own first reading or log (form shown meanwhile, still settling; the ramp counts from those three weeks),
    said once under the verdict; after 18 weeks of runs and with
    HRV in use, nothing is still to come and the sentence is gone."""

    def runs(days: int) -> dict[str, Any]:
        return {
            f"r{n}": {"date": (MONDAY - timedelta(days=n)).isoformat(), "duration_s": 3000, "distance_m": 10000,
                      "rpe": 5, "source": "manual"}
            for n in range(0, days, 2)
        }  # fmt: skip

    def mornings(days: int) -> dict[str, Any]:
        return {(MONDAY - timedelta(days=n)).isoformat(): {"rmssd_ms": 60.0 + n % 3} for n in range(days)}

    page = markup.unescape(ask("compute", {"runs": runs(21), "hrv": mornings(5)})["html"])
    said = re.search(r"<div data-today-readiness>.*?<p data-still-to-come>(.*?)</p>", page)
    assert said is not None and said.group(1) == (
        "Your HRV baseline is ready on day 14 from your first reading (from Wednesday 11 March) and form (how fresh "
        "you are: fitness − fatigue) after 18 weeks of logs (from Monday 15 June; shown meanwhile, still settling)."
    )
    settled = ask("compute", {"runs": runs(130), "hrv": mornings(30)})["html"]
    assert "data-today-readiness" in settled and "data-still-to-come" not in settled


def test_a_reader_without_hrv_is_told_once_that_it_is_optional_and_not_nagged_for_readings() -> None:
    """No "0 readings in the last 7 days (needs 3)" and no "no morning HRV yet" every day: one plain line that HRV is
    optional, what it adds, and a link to how to measure it. The young load says from when it counts, not how many
    days were "logged" (one run on Saturday, read on Monday: one log, not 3)."""
    run = {"r1": {"date": (MONDAY - timedelta(days=2)).isoformat(), "duration_s": 3000, "distance_m": 9000, "rpe": 6}}
    page = markup.unescape(ask("compute", {"plan": {"season": PLAN.to_dict()}, "runs": run})["html"])
    assert "0 readings" not in page and "needs 3" not in page and "No morning HRV" not in page
    assert page.count("HRV is optional.") == 1
    assert 'href="../../guides/hrv-and-readiness/#how-to-measure-well"' in page
    assert "Baseline still building: train as planned (your training load does not count yet)" in page
    assert "3 days" not in page and "your first log, Saturday 28 February" in page
    assert "from Friday 20 March" in page  # 3 weeks from the first log, that day included
    measured = {(MONDAY - timedelta(days=n)).isoformat(): {"rmssd_ms": 60.0} for n in range(4)}  # this morning too
    with_hrv = ask("compute", {"plan": {"season": PLAN.to_dict()}, "runs": run, "hrv": measured})["html"]
    assert "HRV is optional." not in with_hrv and "HRV not used yet: day 4 of 14 from your first reading" in with_hrv


def test_a_morning_verdict_while_hrv_builds_is_worded_as_the_readiness_page_words_it() -> None:
    hrv: dict[str, dict[str, Any]] = {(MONDAY - timedelta(days=n)).isoformat(): {"rmssd_ms": 70.0} for n in range(1, 5)}
    hrv[MONDAY.isoformat()] = {"rmssd_ms": 70.0, "sleep_hours": 4.5}
    page = ask("compute", {"hrv": hrv}, profile={"units": "km", "run_weekdays": "0,2,4"})["html"]
    assert "This morning's check-in for today: baseline still building, take it easier." in page
    assert "today: amber" not in page


def _first_week_run() -> dict[str, Any]:
    """The plan's first week run as planned, then nothing: an ill second week."""
    days = [d for d in PLAN.days() if d.day is not None and d.day < MONDAY + timedelta(days=7) and d.minutes]
    return {
        f"r{n}": {"date": d.day.isoformat(), "duration_s": (d.minutes or 0) * 60, "distance_m": 9000, "rpe": 5}
        for n, d in enumerate(days)
    }


def test_the_first_hard_session_after_an_ill_week_is_run_easy_on_the_day_and_the_eve() -> None:
    """Stridelab's rule: after 7 days or more without a run, the first hard session back is run easy, and Today says
    so beside the plan's tempo run on the return day, and in the advice on tomorrow's session the evening before."""
    store = {"plan": {"season": PLAN.to_dict()}, "runs": _first_week_run()}
    back = MONDAY + timedelta(days=14)  # the third Monday's tempo run; the last run was the first Saturday's long run
    page = markup.unescape(ask("compute", store, today=back)["html"])
    notice = re.search(r"<p class=\"sl-notice\" data-today-comeback>(.*?)</p>", page)
    assert notice is not None and notice.group(1).startswith(
        "Your first hard session back after 8 days without a run (the last was on Saturday 7 March): run easy "
        "instead of the tempo run for its planned 50 min, easy enough that you can talk in full sentences"
    )
    eve = markup.unescape(ask("compute", store, today=back - timedelta(days=1))["html"])
    assert "Your plan has the tempo run tomorrow: run it easy. </strong>Your first hard session back" in eve
    ran = store | {
        "runs": store["runs"] | {"back": {"date": back.isoformat(), "duration_s": 3000, "distance_m": 9000, "rpe": 4}}
    }
    assert "data-today-comeback" not in ask("compute", ran, today=back)["html"]  # done: nothing left to say


def test_the_first_hard_session_back_keeps_its_distance_on_today_as_on_the_planner() -> None:
    """A US runner read "Tempo run, easy: 65 min at 9:54–11:10 /mi: planned." on Today, no miles, where the planner
    gave the day's distance. The run turned easy keeps its distance beside its minutes, as an easy run's: the plan's
    6.5 mi in 50 min would be faster than E, so the tenth nearest it within the E range, in km and in miles."""
    store = {"plan": {"season": PLAN.to_dict()}, "runs": _first_week_run()}
    back = MONDAY + timedelta(days=14)  # the third Monday's tempo run, 50 min and 10.5 km in the plan
    km = re.sub(r"<[^>]+>", "", markup.unescape(ask("compute", store, today=back)["html"]))
    assert "Easy run instead of the tempo run: 50 min (10.1 km) at 4:55–5:34 /km: planned." in km
    page = ask("compute", store, today=back, profile={"units": "mi"})["html"]
    miles = re.sub(r"<[^>]+>", "", markup.unescape(page))
    assert "Easy run instead of the tempo run: 50 min (6.3 mi) at 7:55–8:57 /mi: planned." in miles


def test_the_first_hard_session_back_drops_its_strength_session_and_one_lifted_all_the_same_counts() -> None:
    """TRAINING-RULES.md: strength goes with a hard run, never on an easy day. The comeback rule runs Monday's tempo
    easy, so Session A is not done that day: Today says why and names the plan's next session, Start is no longer
    the main button, and the evening before says it too. A Session A logged that day all the same still counts."""
    store: dict[str, Any] = {"plan": {"season": PLAN.to_dict()}, "runs": _first_week_run()}
    back = MONDAY + timedelta(days=14)  # Monday 16 March: tempo + Session A; Thursday 19 March: intervals + Session B
    page = markup.unescape(ask("compute", store, today=back)["html"])
    strength = page[page.index("<h3>Strength</h3>") : page.index("<h3>Readiness</h3>")]
    assert (
        "No Session A on Monday 16 March: your first hard session back is run easy, and strength goes with a hard "
        "run, never on an easy day (that turns a recovery day into a stress day), so it is dropped that day. Your "
        "plan's next strength session is Session B on Thursday 19 March, with its hard run." in strength
    )
    assert "Start Session A anyway" in strength and "md-button--primary" not in strength
    eve = markup.unescape(ask("compute", store, today=back - timedelta(days=1))["html"])
    assert "<p data-strength-dropped>No Session A on Monday 16 March: your first hard session back" in eve
    ident = "00000000-0000-4000-8000-000000000002"
    sets = [{"exercise": "nordic_curl", "sets": [{"reps": 3}]}]
    lift = {"id": ident, "date": back.isoformat(), "kind": "A", "duration_min": 45, "rpe": 7, "exercises": sets}
    lifted = markup.unescape(ask("compute", store | {"strength": {ident: lift}}, today=back)["html"])
    assert "Session A (heavy, posterior chain: hamstrings, glutes, calves) is done for today." in lifted
    assert "No Session A on" not in lifted


def test_a_worse_verdict_for_a_planned_rest_day_says_rest_as_planned() -> None:
    """An amber verdict for the plan's rest day has no run to take easier: it says to rest as planned."""
    rest = MONDAY + timedelta(days=9)  # Wednesday, a rest day in the plan
    hrv = {(rest - timedelta(days=n)).isoformat(): {"rmssd_ms": 40.0 if n == 1 else 70.0 + n % 5} for n in range(1, 41)}
    page = ask("compute", {"plan": {"season": PLAN.to_dict()}, "hrv": hrv}, today=rest - timedelta(days=1))["html"]
    assert (
        "Tomorrow's verdict: <strong>Amber: rest as planned, because of: 7-day HRV average below your normal range"
        in page
    )
    assert "Tomorrow's verdict: <strong>Amber: take it easier" not in page  # today's own verdict may say it


def test_a_reader_without_a_gym_gets_the_stand_ins_on_today_as_on_the_strength_log() -> None:
    """Today prescribes and starts the session the strength log's "Where" (No gym) would: stand-ins, no barbell."""
    tempo = day_with("tempo")
    where = {"form:strength": {"values": {"session": "A", "gym": "none"}}}
    store: dict[str, Any] = {"plan": {"season": PLAN.to_dict()}, "settings": where}
    html = ask("compute", store, today=tempo)["html"]
    assert "Session A (heavy, posterior chain: hamstrings, glutes, calves), no gym: today's prescription" in html
    assert "Single-leg Romanian deadlift" in html and ">Romanian deadlift</th>" not in html
    mine = ask("start_strength", store, today=tempo, args={"kind": "A"})
    payload = {"values": {"session": "A", "gym": "none", "date": ""}, "today": tempo.isoformat(), "now": NOW}
    theirs = handle({"id": 2, "calculator": "strength", "action": "start", "payload": payload | {"store": store}})
    assert mine["ops"] == theirs["ops"] and mine["ops"][0]["value"]["gym"] is False


def test_todays_session_is_done_when_one_lifted_on_another_day_counts_for_it() -> None:
    """Session A lifted on Sunday, a day without planned strength, counts for Monday's (the strength log links it):
    Monday's Today says so and offers no Start, as the calendar and the strength log's "Next up" do."""
    monday = day_with("tempo") + timedelta(days=7)
    sunday = monday - timedelta(days=1)
    ident = "00000000-0000-4000-8000-000000000001"
    sets = [{"exercise": "nordic_curl", "sets": [{"reps": 3}]}]
    lift = {"id": ident, "date": sunday.isoformat(), "kind": "A", "duration_min": 40, "rpe": 7, "exercises": sets}
    link = {"kind": "strength", "entry_id": ident, "planned_date": monday.isoformat()}
    store = {"plan": {"season": PLAN.to_dict()}, "strength": {ident: lift}}
    page = markup.unescape(
        ask("compute", store | {"calendar_links": {f"strength:{ident}": link}}, today=monday)["html"]
    )
    assert f"is done: your session of {day_words(sunday, today=monday)} counts for it." in page
    assert "today's prescription" not in page and "start_strength" not in page
    unlinked = markup.unescape(ask("compute", store, today=monday)["html"])
    assert "today's prescription" in unlinked and "start_strength" in unlinked


def test_a_red_day_that_is_also_the_first_hard_session_back_gives_one_instruction() -> None:
    """On a red day the verdict's offer is the stricter and is the one instruction; the comeback rule is a short
    "also" in the same sentence, not a second notice telling the runner to run 50 min easy."""
    back = MONDAY + timedelta(days=14)
    hrv = {(back - timedelta(days=n)).isoformat(): {"rmssd_ms": 35.0 if n < 4 else 70.0 + n % 5} for n in range(1, 41)}
    store = {"plan": {"season": PLAN.to_dict()}, "runs": _first_week_run(), "hrv": hrv}
    page = markup.unescape(ask("compute", store, today=back)["html"])
    assert "data-today-comeback" not in page
    advice = re.search(r"<p class=\"sl-notice\" data-today-advice>(.*?)<a", page)
    assert advice is not None
    assert advice.group(1).startswith("Last night's verdict for today: red. Make Monday 16 March an easy run of 20–30")
    assert "Also your first hard session back after 8 days without a run" in advice.group(1)


def test_a_sore_morning_after_hrv_lapsed_names_it_mid_sentence_with_its_capitals() -> None:
    """A reader back to logging after a lapse has too few readings for HRV to count: Today says so in the morning
    verdict's sentence ("HRV too sparse"), never "baseline still building" nor a lowercased "hrv"."""
    hrv = {(MONDAY - timedelta(days=n)).isoformat(): {"rmssd_ms": 70.0 + n % 5} for n in range(8, 40)}
    hrv[MONDAY.isoformat()] = {"rmssd_ms": 70.0, "soreness": 4}
    page = markup.unescape(ask("compute", {"plan": {"season": PLAN.to_dict()}, "hrv": hrv})["html"])
    assert (
        "This morning's check-in for today: HRV too sparse (1 reading in the last 7 days, needs 3), take it easier."
        in page
    )


def test_todays_session_reads_as_the_calendar_reads_it_partly_done_with_what_is_missing() -> None:
    """Session A logged today without its Nordic curls is "partly done" on the calendar: Today says the same and
    what is missing, not "logged for today"; with every set it is done."""
    monday = day_with("tempo")
    ident = "00000000-0000-4000-8000-000000000002"
    every = [
        {"exercise": ex.id, "target_sets": 3, "sets": [{"reps": 5}] * 3} for ex in session_exercises("A", gym=True)
    ]
    short = [e for e in every if e["exercise"] != "nordic_curl"]

    def strength(exercises: list[dict[str, Any]]) -> str:
        lift = {"id": ident, "date": monday.isoformat(), "kind": "A", "duration_min": 40, "rpe": 7}
        store = {"plan": {"season": PLAN.to_dict()}, "strength": {ident: lift | {"exercises": exercises}}}
        return markup.unescape(ask("compute", store, today=monday)["html"])

    partly = strength(short)
    assert "is partly done for today: missing Nordic hamstring curl. " in partly and "logged for today" not in partly
    assert "is partly done for today: missing Nordic hamstring curl (1 of 3 sets)" in strength(
        [*short, {"exercise": "nordic_curl", "target_sets": 3, "sets": [{"reps": 3}]}]
    )
    assert "is done for today. " in strength(every)


def test_after_a_new_race_todays_paces_are_the_saved_plans_and_it_says_which_vdot() -> None:
    """The plan was saved at VDOT 50; the profile now has 52 (a new race). Tomorrow's easy run is paced as the
    plan's runs are, and Today says once, in the planner's words, which VDOT the paces come from."""
    today = day_with("tempo") - timedelta(days=2)
    hrv = {(today - timedelta(days=n)).isoformat(): {"rmssd_ms": 70.0 + n % 5} for n in range(40)}
    store = {"plan": {"season": PLAN.to_dict()}, "hrv": hrv}
    page = markup.unescape(ask("compute", store, today=today, profile={"units": "km", "vdot": "52"})["html"])
    assert "Keep to pace 4:55–5:34 /km" in page  # Daniels' E at VDOT 50, the plan's, as its runs on the calendar
    assert page.count("Your saved plan uses VDOT 50.0 paces; your profile now has VDOT 52.0.") == 1
    same = ask("compute", store, today=today, profile={"units": "km", "vdot": "50"})["html"]
    assert "data-today-paces" not in same


def test_a_session_lifted_on_another_day_with_sets_missing_makes_todays_partly_done() -> None:
    """Session A lifted on Sunday without its Nordic curls counts for Monday's: Today says it is partly done, which
    session counts, and what is missing, as the calendar does, not "done"."""
    monday = day_with("tempo") + timedelta(days=7)
    sunday = monday - timedelta(days=1)
    ident = "00000000-0000-4000-8000-000000000003"
    short = [
        {"exercise": ex.id, "target_sets": 3, "sets": [{"reps": 5}] * 3}
        for ex in session_exercises("A", gym=True)
        if ex.id != "nordic_curl"
    ]
    lift = {"id": ident, "date": sunday.isoformat(), "kind": "A", "duration_min": 40, "rpe": 7, "exercises": short}
    link = {"kind": "strength", "entry_id": ident, "planned_date": monday.isoformat()}
    store = {
        "plan": {"season": PLAN.to_dict()},
        "strength": {ident: lift},
        "calendar_links": {f"strength:{ident}": link},
    }
    page = markup.unescape(ask("compute", store, today=monday)["html"])
    words = day_words(sunday, today=monday)
    assert f"is partly done: your session of {words} counts for it; missing Nordic hamstring curl. " in page


def test_the_first_long_run_after_an_ill_week_is_cut_back_on_the_day_and_the_eve() -> None:
    """Stridelab's rule: after 7 days or more without a run, the first long run back is cut back as an amber morning
    cuts a run (60–70 % of its minutes); Today says so on the day, and the evening before says "run it shorter"."""
    store = {"plan": {"season": PLAN.to_dict()}, "runs": _first_week_run()}
    long_run = next(
        d for d in PLAN.days() if d.day is not None and d.day >= MONDAY + timedelta(days=14) and d.run == "long"
    )
    assert long_run.day is not None and long_run.minutes
    page = markup.unescape(ask("compute", store, today=long_run.day)["html"])
    notice = re.search(r"<p class=\"sl-notice\" data-today-comeback>(.*?)</p>", page)
    assert notice is not None and notice.group(1).startswith("Your first long run back after ")
    low, high = round(0.6 * long_run.minutes), round(0.7 * long_run.minutes)
    cut = f"run {low}–{high} min instead of the planned {long_run.minutes:g} min, easy enough that you can talk"
    assert cut in notice.group(1)
    assert "Stridelab's rule after 7 days or more without running" in notice.group(1)
    eve = markup.unescape(ask("compute", store, today=long_run.day - timedelta(days=1))["html"])
    assert "Your plan has the long run tomorrow: run it shorter. </strong>Your first long run back" in eve


def _run_list(page: str) -> str:
    found = re.search(r"<ul data-today-run>(.*?)</ul>", page)
    assert found is not None
    return found.group(1)


def test_a_day_whose_strength_is_dropped_gives_the_reason_that_applies_not_the_plans() -> None:
    """The plan's reason ("…then Session A: strength on Monday because it is a tempo day…") puts strength with the
    run; on a comeback day or a red day that drops it, Today leaves that reason out (the notices say why instead),
    and on a day as planned it stays."""
    back = MONDAY + timedelta(days=14)  # Monday 16 March: tempo + Session A, the first hard session back
    reason = next(d.reason for d in PLAN.days() if d.day == back)
    assert "Session A" in reason
    store = {"plan": {"season": PLAN.to_dict()}, "runs": _first_week_run()}
    assert reason not in _run_list(markup.unescape(ask("compute", store, today=back)["html"]))
    hrv = {(back - timedelta(days=n)).isoformat(): {"rmssd_ms": 35.0 if n < 4 else 70.0 + n % 5} for n in range(1, 41)}
    # Runs two and four days before: no gap, so only the verdict changes the day.
    recent = {
        f"x{n}": {"date": (back - timedelta(days=n)).isoformat(), "duration_s": 3000, "distance_m": 9000, "rpe": 5}
        for n in (2, 4)
    }
    red = markup.unescape(ask("compute", {"plan": store["plan"], "runs": recent, "hrv": hrv}, today=back)["html"])
    assert "Last night's verdict for today: red." in red and "first hard session back" not in red
    assert reason not in _run_list(red)
    calm = markup.unescape(ask("compute", {"plan": store["plan"], "runs": recent}, today=back)["html"])
    assert reason in _run_list(calm)


def test_today_a_marathon_builds_long_run_says_its_last_part_at_marathon_pace() -> None:
    """Today words the day's run as the calendar card does: a 3:45 marathoner's build long run ends at 5:20 /km."""
    plan = plan_season(
        WeekPrefs(run_days=4, vdot=vdot_from_race(MARATHON_M, 3 * 3600 + 45 * 60)),
        today=MONDAY,
        race_date=MONDAY + timedelta(weeks=10, days=6),
        race_distance_m=MARATHON_M,
    )
    long_run = next(d for w in plan.weeks if w.phase == "build" for d in w.plan.days if d.run == "long")
    assert long_run.day is not None and long_run.fast_minutes
    page = markup.unescape(ask("compute", {"plan": {"season": plan.to_dict()}}, today=long_run.day)["html"])
    assert f"the last {long_run.fast_minutes} min at 5:20 /km (marathon pace): planned." in _run_list(page)


def test_an_amber_day_that_runs_easy_in_the_long_runs_place_prescribes_no_marathon_pace() -> None:
    """TRAINING-RULES.md, amber: a hard session "is swapped with the next easy day"; with none left in the week the day
    is an easy run in its place, "60–70 % of the planned minutes", in "the slow half of the E range". A marathon
    build's long run is then told as that easy run, on Today and on the calendar, the evening before and on the day:
    its last part at marathon pace is not what the runner is to run that day. Run as told, it is done."""
    from tests.unit.test_calendar_page import ask as ask_calendar

    plan = plan_season(
        WeekPrefs(run_days=4, vdot=vdot_from_race(MARATHON_M, 3 * 3600 + 45 * 60)),
        today=MONDAY,
        race_date=MONDAY + timedelta(weeks=10, days=6),
        race_distance_m=MARATHON_M,
    )
    long_run = [d for w in plan.weeks if w.phase == "build" for d in w.plan.days if d.run == "long"][1]
    assert long_run.day is not None and long_run.fast_minutes
    eve = long_run.day - timedelta(days=1)
    store = low_mornings(eve, 1, plan)
    as_told = f"Easy run instead of the long run: 33–38 min (planned {long_run.minutes} min) at 6:08–6:31 /km"
    today = markup.unescape(ask("compute", store, today=long_run.day)["html"])
    assert (
        "Last night's verdict for today: amber. Your plan has no easy day later this week to swap it with. Run easy "
        "today instead"
    ) in markup.unescape(today)
    assert f"{as_told}: planned." in _run_list(today) and "marathon pace" not in _run_list(today)
    for day in (eve, long_run.day):
        card = ask_calendar("day", store, today=day, args={"day": long_run.day.isoformat()})["html"]
        text = markup.unescape(re.sub(r"<[^>]+>", "", card))
        assert f"{as_told}: planned" in text and "marathon pace" not in text, day
    ran = {"r1": {"date": long_run.day.isoformat(), "duration_s": 35 * 60, "distance_m": 5_800, "rpe": 3}}
    after = ask_calendar(
        "day", {**store, "runs": ran}, today=long_run.day + timedelta(days=1), args={"day": long_run.day.isoformat()}
    )
    assert f"{as_told}: done" in markup.unescape(re.sub(r"<[^>]+>", "", after["html"]))


#: The tempo run as an amber day's "Run easy today instead" tells it (the slow half of the E range).
AS_TOLD = f"Easy run instead of the tempo run: 33–38 min (planned {TEMPO.minutes} min) at 5:15–5:34 /km"


def test_an_amber_day_whose_offer_runs_easy_shows_the_easy_run_though_the_verdict_saw_a_swap() -> None:
    """The evening before, the verdict saw Tuesday's easy run to swap the tempo run with; on the day Tuesday's own
    verdict is amber, so the calendar cannot move a hard session onto it and its offer is "Run easy today instead".
    Today and the calendar's card then show that easy run, not the tempo run at its tempo pace beside it."""
    from tests.unit.test_calendar_page import ask as ask_calendar

    tempo = TEMPO
    assert tempo.day is not None and tempo.pace_s_per_km is not None
    store = low_mornings(tempo.day - timedelta(days=1), 1)
    today = markup.unescape(ask("compute", store, today=tempo.day)["html"])
    assert (
        "Last night's verdict for today: amber. Your next easy day, Tuesday 17 March, reads amber too until its own "
        "morning check-in, so a swap would only put the tempo run + Session A on another amber day. Run easy today "
        "instead"
    ) in markup.unescape(today)
    assert f"{AS_TOLD}: planned." in _run_list(today) and "4:15 /km" not in _run_list(today)
    week = ask_calendar("compute", store, today=tempo.day, values={"date": tempo.day.isoformat()})["html"]
    assert AS_TOLD in markup.unescape(re.sub(r"<[^>]+>", "", week))


def test_an_easy_run_logged_as_an_amber_day_told_it_is_judged_against_that_easy_run_that_day_and_after() -> None:
    """TRAINING-RULES.md, amber: 60–70 % of the planned minutes in the slow half of the E range, in the tempo run's
    place ("Run easy today instead"). The runner who ran 35 min easy as told reads it done against that easy run, on
    Today and on the calendar, that day and the next; Today's advice stays the easy run it was told, not the tempo run
    at its tempo pace "partly done" and offered again for a later day."""
    from tests.unit.test_calendar_page import ask as ask_calendar

    assert TEMPO.day is not None
    ran = {"r1": {"date": TEMPO.day.isoformat(), "duration_s": 35 * 60, "distance_m": 6_300, "rpe": 3}}
    store = {**low_mornings(TEMPO.day - timedelta(days=1), 1), "runs": ran}
    today = markup.unescape(ask("compute", store, today=TEMPO.day)["html"])
    assert f"{AS_TOLD}: done." in _run_list(today), _run_list(today)
    assert (
        "Last night's verdict for today: amber. Your next easy day, Tuesday 17 March, reads amber too until its own "
        "morning check-in, so a swap would only put the tempo run + Session A on another amber day. Run easy today "
        "instead"
    ) in markup.unescape(today)
    assert "do the tempo run on a later easy day" not in today
    for day in (TEMPO.day, TEMPO.day + timedelta(days=1)):
        card = ask_calendar("day", store, today=day, args={"day": TEMPO.day.isoformat()})["html"]
        assert f"{AS_TOLD}: done" in markup.unescape(re.sub(r"<[^>]+>", "", card)), day


def test_an_amber_day_run_easy_in_the_tempo_runs_place_reads_the_same_on_every_page() -> None:
    """TRAINING-RULES.md: "Never put strength on an easy day". The amber day whose tempo run is run easy in its place
    ("Run easy today instead", run as told) drops its Session A on every page in one sentence: Today, the calendar's
    day, the readiness page's week and the strength log's "Next up", which moves on to Session B. Each builds the
    calendar as the reader is told it (verdict_offers.calendar_as_told), so none shows the plan's tempo run day."""
    from tests.unit.test_calendar_page import ask as ask_calendar
    from tests.unit.test_readiness_page import ask as ask_readiness
    from tests.unit.test_strength_page import ask as ask_strength

    assert TEMPO.day is not None
    ran = {"r1": {"date": TEMPO.day.isoformat(), "duration_s": 35 * 60, "distance_m": 6_300, "rpe": 3}}
    store = {**low_mornings(TEMPO.day - timedelta(days=1), 1), "runs": ran}
    pages = {
        "today": ask("compute", store, today=TEMPO.day),
        "calendar": ask_calendar("day", store, today=TEMPO.day, args={"day": TEMPO.day.isoformat()}),
        "readiness": ask_readiness("compute", {}, store=store, today=TEMPO.day),
        "strength log": ask_strength("compute", store, today=TEMPO.day.isoformat()),
    }
    dropped = (
        "No Session A on Monday 16 March: an amber verdict runs the tempo run easy, and strength never goes on an easy "
        "day. A session you lift that day all the same still counts: log it."
    )
    for name, reply in pages.items():
        assert reply["ok"], (name, reply)
        text = markup.unescape(re.sub(r"<[^>]+>", "", reply["html"]))
        assert dropped in text, name
    for name in ("today", "calendar"):
        assert f"{AS_TOLD}: done" in markup.unescape(re.sub(r"<[^>]+>", "", pages[name]["html"])), name
    assert "Next up: Session B on Thursday 19 March" in markup.unescape(pages["strength log"]["html"])
    assert "Session A: dropped" in markup.unescape(re.sub(r"<[^>]+>", "", pages["calendar"]["html"]))


def test_a_session_without_a_vdot_says_how_hard_by_feel_and_how_to_split_it_as_the_planner_does() -> None:
    """Tom, a beginner without a race time, saw "Intervals 15 min: planned." and nothing about how hard, while the
    planner said "By feel: hard, about your race effort for 10–20 minutes" and gave the warm-up and repeats. Today
    gives him the planner's words; a runner with a VDOT has the pace, and still the split."""
    # 150 min a week: enough for two repeats of 3 min (a smaller week runs its intervals easy: planner_sessions)
    plan = plan_season(WeekPrefs(run_days=3, current_volume=150), today=MONDAY, race_date=None, weeks=4)
    intervals = next(d for d in plan.days() if d.run == "intervals" and d.day is not None)
    assert intervals.day is not None and intervals.fast_minutes is not None
    page = markup.unescape(ask("compute", {"plan": {"season": plan.to_dict()}}, today=intervals.day)["html"])
    run = page[page.index("data-today-run") :].split("</ul>", 1)[0]
    assert "By feel: hard, about your race effort for 10–20 minutes." in run
    assert (
        f"How to run it</a>: easy warm-up, about {intervals.fast_minutes} min hard in all, as repeats of 3–5 min "
        "with an easy jog between, easy cool-down." in run
    )
    long_day = next(d.day for d in plan.days() if d.run == "long")
    # On the day, how to run it comes before why the plan put it there, each on a line of its own.
    assert intervals.reason and run.index("By feel") < run.index("How to run it") < run.index(intervals.reason[:30])
    easy = ask("compute", {"plan": {"season": plan.to_dict()}}, today=long_day)
    assert "By feel: easy, you can talk in full sentences." in markup.unescape(easy["html"])
    tempo = day_with("tempo")  # PLAN has VDOT 50: the pace, no feel, and the split
    paced = markup.unescape(ask("compute", {"plan": {"season": PLAN.to_dict()}}, today=tempo)["html"])
    assert "By feel" not in paced and "How to run it</a>: easy warm-up, about " in paced


def test_after_the_plan_ends_the_easy_run_is_the_readers_usual_one_and_today_points_to_the_next_season() -> None:
    """Tom raced his 5 km on the plan's last Saturday; on the Monday after, Today said "Easy 50 min (nothing is planned
    for tomorrow: Stridelab's usual easy run)", longer than any run he had done, and nothing about what next. His own
    easy runs (30–45 min) set it now, and Today says the plan ended, with a link to plan the next season."""
    race = MONDAY + timedelta(days=26)  # Saturday 28 March
    plan = plan_season(WeekPrefs(run_days=3, current_volume=90), today=MONDAY, race_date=race, race_distance_m=5000)
    easy = [(2, 30), (4, 45), (6, 35), (9, 30), (11, 40)]  # days before the race, minutes, at RPE 3
    runs = {f"e{n}": {"date": (race - timedelta(days=n)).isoformat(), "duration_s": m * 60, "rpe": 3} for n, m in easy}
    runs["race"] = {"date": race.isoformat(), "duration_s": 1800, "distance_m": 5000, "rpe": 9}
    for entry in runs.values():
        entry.setdefault("distance_m", entry["duration_s"] / 60 * 150)
    store = {"plan": {"season": plan.to_dict()}, "runs": runs}
    after = markup.unescape(ask("compute", store, today=race + timedelta(days=2))["html"])
    assert "Easy 35 min (nothing is planned for tomorrow: about your usual easy run)" in after
    assert "50 min" not in after and "No season plan is saved" not in after
    link = '<a href="../planner/">plan your next season on the planner</a>.'
    assert f"Nothing is planned. Your plan ended on Saturday 28 March: {link}" in after
    last_day = max(plan.planned_days())
    assert last_day > race  # the race week's Sunday: still the plan's, so "Worth knowing" says what comes next
    eve = markup.unescape(ask("compute", store, today=last_day)["html"])
    assert 'Your plan ended on Saturday 28 March: <a href="../planner/">plan your next season' in eve
    assert "Your plan ended" not in markup.unescape(ask("compute", store, today=race - timedelta(days=1))["html"])


def open_since(day: date, kind: str = "B") -> dict[str, Any]:
    """A plan, and a session started on the strength log on ``day`` and never finished."""
    store: dict[str, Any] = {"plan": {"season": PLAN.to_dict()}}
    payload = {
        "values": {"session": kind, "gym": "gym", "date": ""},
        "today": day.isoformat(),
        "now": f"{day.isoformat()}T18:00:00Z",
        "store": store,
    }
    started = handle({"id": 2, "calculator": "strength", "action": "start", "payload": payload})
    return after_ops(store, started["ops"])


def test_a_session_left_open_since_an_earlier_day_is_named_and_todays_prescription_stays() -> None:
    """Today agrees with the strength log: a session started on an earlier day and never finished is named with its
    date in words and a link to finish or discard it there; today's session is still prescribed, without a Start
    the log would refuse. One started today is still the session in progress."""
    tempo = day_with("tempo")
    earlier = tempo - timedelta(days=5)
    page = markup.unescape(ask("compute", open_since(earlier), today=tempo)["html"])
    assert (
        f"Session B of {day_words(earlier, today=tempo)} was left open (0 sets logged, not in your history yet): "
        '<a href="../strength-log/">finish or discard it on the strength log</a> before starting today\'s.'
    ) in page
    assert "today's prescription" in page and "in progress" not in page and "start_strength" not in page
    same_day = markup.unescape(ask("compute", open_since(tempo), today=tempo)["html"])
    assert "A strength session is in progress." in same_day and "today's prescription" not in same_day


def test_starting_todays_session_while_an_old_one_is_left_open_says_what_to_do_first() -> None:
    """The strength log keeps one session open and asks to finish or discard the old one first: Today's Start
    (from a page shown before) writes nothing and says so, and the old session stays as it was."""
    tempo = day_with("tempo")
    earlier = tempo - timedelta(days=5)
    reply = ask("start_strength", open_since(earlier), today=tempo, args={"kind": "A"})
    assert reply["ok"], reply
    assert reply["ops"] == []
    assert (
        f"Not started: finish or discard the session left open since {day_words(earlier, today=tempo)} on the "
        "strength log first."
    ) in markup.unescape(reply["html"])


def test_a_session_left_open_is_named_beside_todays_session_once_it_is_logged() -> None:
    """With today's session logged, the old one is still named (it is not in the history), without "before starting"."""
    tempo = day_with("tempo")
    earlier = tempo - timedelta(days=5)
    ident = "00000000-0000-4000-8000-000000000002"
    sets = [{"exercise": "nordic_curl", "sets": [{"reps": 3}]}]
    lift = {"id": ident, "date": tempo.isoformat(), "kind": "A", "duration_min": 40, "rpe": 7, "exercises": sets}
    store = open_since(earlier) | {"strength": {ident: lift}}
    page = markup.unescape(ask("compute", store, today=tempo)["html"])
    assert "finish or discard it on the strength log</a>." in page and "before starting" not in page
    assert "Session A (heavy, posterior chain: hamstrings, glutes, calves) is done for today." in page


def test_a_session_left_open_is_a_reminder_on_a_day_without_strength() -> None:
    """With no strength planned today there is no Strength section; the old session heads "Worth knowing"."""
    rest = day_with("rest")
    earlier = rest - timedelta(days=5)
    page = markup.unescape(ask("compute", open_since(earlier), today=rest)["html"])
    reminders = page.split("<h3>Worth knowing</h3>")[1]
    assert reminders.startswith(
        f"<ul data-nudges><li>Session B of {day_words(earlier, today=rest)} was left open (0 sets logged, not in your "
        'history yet): <a href="../strength-log/">finish or discard it on the strength log</a>.</li>'
    )
    assert "<h3>Strength</h3>" not in page


@pytest.mark.parametrize("vdot", [50, None])
def test_a_runs_plan_reason_has_a_line_of_its_own_with_a_vdot_or_without(vdot: int | None) -> None:
    """Tuesday's easy run: its status line ends at "planned.", and why the plan put it there follows on a line of its
    own, whether the run has a pace (a VDOT) or is said by feel (none), so Today reads the same either way."""
    plan = plan_season(WeekPrefs(run_days=4, vdot=vdot), today=MONDAY, race_date=None, weeks=4)
    tuesday = MONDAY + timedelta(days=1)
    reason = plan.planned_days()[tuesday].reason
    page = ask("compute", {"plan": {"season": plan.to_dict()}}, today=tuesday)["html"]
    item = re.search(r"<ul data-today-run><li>(.*?)</li></ul>", page)
    assert item is not None and item.group(1).startswith("Easy run 55 min")
    lines = markup.unescape(item.group(1)).split("<br>")
    assert lines[0].endswith(": planned.") and lines[-1] == reason.strip()  # by feel, without a VDOT, in between


def test_a_red_evening_before_a_long_run_with_no_day_to_move_it_to_says_very_easy_or_rest() -> None:
    """Red the evening before the week's long run, which has no later day to move to: the calendar's offer is an
    easy run of 20–30 min, very easy, or rest, and the advice opens with those words, not only "run it easy"."""
    from tests.unit.test_readiness_page import ask as ask_readiness

    long_run = [d.day for d in PLAN.days() if d.run == "long" and d.day is not None][2]
    eve = long_run - timedelta(days=1)
    store = low_mornings(eve, 4)
    for page in (
        ask("compute", store, today=eve)["html"],
        ask_readiness("compute", {}, store=store, today=eve)["html"],
    ):
        said = markup.unescape(re.sub(r"<[^>]+>", "", page))
        assert "Your plan has the long run tomorrow: run it very easy, or rest. Make " in said
        assert "an easy run of 20–30 min, very easy, or rest" in said


def _run_told(store: dict[str, Any], today: date) -> list[str]:
    """The tempo day's run as Today and the calendar's card give it on ``today``: its minutes and pace, in words."""
    from tests.unit.test_calendar_page import ask as ask_calendar

    assert TEMPO.day is not None
    card = ask_calendar("day", store, today=today, args={"day": TEMPO.day.isoformat()})["html"]
    pages = [_run_list(markup.unescape(ask("compute", store, today=today)["html"])), card]
    runs = [
        re.search(r"(\d+–\d+ min)[^:]*? (at [\d:–]+ /km)", markup.unescape(re.sub(r"<[^>]+>", "", p))) for p in pages
    ]
    return [" ".join(found.groups()) if found else "" for found in runs]


@pytest.mark.parametrize(
    ("low", "run"), [(1, "Easy run, cut back: 33–38 min"), (4, "Rest or a very easy run: 20–30 min")]
)
def test_an_amber_or_red_days_easy_run_reads_the_same_after_accept_as_before(low: int, run: str) -> None:
    """TRAINING-RULES.md, amber: "60–70 % of the planned minutes", in the slow half of the E range; red: "rest, or
    20–30 min very easy". The calendar's "Run easy today instead" plans that run: once accepted, the day's verdict
    gives it again, never cuts the cut (amber read 22–25 min, "planned 36 min"), on Today and the calendar, and the
    plan's cut minutes are not named as if they were a run of its own."""
    from tests.unit.test_calendar_page import accept_first_offer, browser_store

    assert TEMPO.day is not None
    store = low_mornings(TEMPO.day - timedelta(days=1), low)
    before = _run_told(store, TEMPO.day)
    assert before[0] and before == [before[0]] * 2, before
    reply = accept_first_offer(store, TEMPO.day, TEMPO.day)  # on the day: "Run easy today instead", or "Make … easy"
    after = browser_store(store, reply["ops"])
    assert _run_told(after, TEMPO.day) == before
    assert f"{run} at 5:15–5:34 /km: planned." in _run_list(
        markup.unescape(ask("compute", after, today=TEMPO.day)["html"])
    )


def test_an_easy_run_accepted_the_evening_before_is_not_cut_again_whatever_the_mornings_verdict() -> None:
    """Accepted the evening before from an amber verdict, the easy run in the tempo run's place reads the same on the
    readiness page that evening; on the day an amber morning gives that same run again, and a green one the run as
    accepted (36 min, the plan's), neither a cut of it."""
    from tests.unit.test_calendar_page import ask as ask_calendar
    from tests.unit.test_calendar_page import browser_store
    from tests.unit.test_readiness_page import ask as ask_readiness

    assert TEMPO.day is not None
    eve = TEMPO.day - timedelta(days=1)
    store = low_mornings(eve, 1)
    said = "Shorter and slower: 33–38 min in the slow half of your E range"
    assert said in markup.unescape(ask_readiness("compute", {}, store=store, today=eve)["html"])
    card = ask_calendar("day", store, today=eve, args={"day": TEMPO.day.isoformat()})["html"]
    offers = [json.loads(markup.unescape(a)) for a in re.findall(r'data-action="accept" data-args="([^"]*)"', card)]
    reply = ask_calendar("accept", store, today=eve, args=next(a for a in offers if a["kind"] == "easy"))
    assert reply["ok"], reply
    after = browser_store(store, reply["ops"])
    assert said in markup.unescape(ask_readiness("compute", {}, store=after, today=eve)["html"])
    for low, run in [(1, "Easy run, cut back: 33–38 min"), (0, "Easy run 36 min (6.5 km)")]:
        morning = {**after, "hrv": low_mornings(TEMPO.day, low)["hrv"]}
        today = _run_list(markup.unescape(ask("compute", morning, today=TEMPO.day)["html"]))
        assert f"{run} at 5:15–5:34 /km: planned." in today, (low, today)


def test_an_easy_run_accepted_on_an_amber_day_does_not_shorten_a_later_amber_days_run_in_the_week() -> None:
    """TRAINING-RULES.md, amber: "60–70 % of the planned minutes". With no easy day left to swap with, a later amber
    day's easy run in the intervals' place is cut from the week's easy run; Monday's accepted "Run easy today instead"
    counts as the run it was cut from, so Thursday reads 30–35 min with or without it, not a cut of Monday's cut."""
    from tests.unit.test_calendar_page import accept_first_offer, browser_store

    assert TEMPO.day is not None
    store = low_mornings(TEMPO.day - timedelta(days=1), 1)
    accepted = browser_store(store, accept_first_offer(store, TEMPO.day, TEMPO.day)["ops"])
    thursday = TEMPO.day + timedelta(days=3)
    hrv = low_mornings(thursday - timedelta(days=1), 1)["hrv"]  # Thursday's own verdict amber
    runs = [
        _run_list(markup.unescape(ask("compute", {**s, "hrv": hrv}, today=thursday)["html"])) for s in (store, accepted)
    ]
    assert (
        runs[0] == runs[1] and "Easy run instead of intervals: 30–35 min (planned 50 min) at 5:15–5:34 /km" in runs[0]
    ), runs


#: Dev: a US runner, 3 runs a week (Tuesday, Thursday, Saturday) planned in miles without a VDOT, so the plan gives
#: distances and no minutes; his runs last 25–30 min. A 9-day break, Sunday 22 to Monday 30 November 2026; back on
#: Tuesday 1 December.
DEV_PLAN = plan_season(
    WeekPrefs(run_days=3, available_days=(1, 3, 5), volume_unit="mi", current_volume=6),
    today=date(2026, 10, 26),
    race_date=None,
    weeks=8,
)
DEV_BACK = date(2026, 12, 1)


def _dev_runs(*, back: bool) -> dict[str, Any]:
    """Dev's runs from 27 October to Saturday 21 November (25–30 min at RPE 3), and, with ``back``, his first run back
    on Tuesday 1 December."""
    days = [date(2026, 10, 27) + timedelta(days=n) for n in range(26)]
    runs = {
        f"r{d}": {"date": d.isoformat(), "duration_s": (25 + d.day % 6) * 60, "distance_m": 4000, "rpe": 3}
        for d in days
        if d.weekday() in (1, 3, 5)
    }
    if back:
        runs["back"] = {"date": DEV_BACK.isoformat(), "duration_s": 28 * 60, "distance_m": 4300, "rpe": 3}
    return runs


def test_the_first_long_run_back_planned_by_distance_is_cut_in_miles_and_dated_from_the_break() -> None:
    """Dev's Saturday 5 December read "Long run, cut back: 3 mi: planned", the full distance, then "run 60–70 % of its
    planned time (never under 20 min)" of a plan with no time, and "after 9 days without a run (the last was on
    Saturday 21 November)" four days after he ran. The cut is now in the plan's own unit, 60–70 % of its 3 mi, on the
    run's line and in the sentence, and the sentence names the break by its dates."""
    long_run = date(2026, 12, 5)
    assert DEV_PLAN.planned_days()[long_run].run == "long" and DEV_PLAN.planned_days()[long_run].minutes is None
    store = {"plan": {"season": DEV_PLAN.to_dict()}, "runs": _dev_runs(back=True)}
    page = markup.unescape(
        re.sub(r"<[^>]+>", "", ask("compute", store, today=long_run, profile={"units": "mi"})["html"])
    )
    assert "Long run, cut back: about 1.8–2.1 mi (planned 3 mi): planned." in page
    assert (
        "Your first long run back after your 9-day break (Sunday 22 November to Monday 30 November): run about 1.8–2.1 "
        "mi instead of the planned 3 mi, easy enough that you can talk" in page
    )
    assert "cut back as an amber morning cuts a run (60–70 % of its distance)." in page
    assert "without a run" not in page and "of its planned time" not in page and "of its minutes" not in page
    from tests.unit.test_calendar_page import ask as ask_calendar

    card = ask_calendar("day", store, today=long_run, args={"day": long_run.isoformat()}, profile={"units": "mi"})
    text = markup.unescape(re.sub(r"<[^>]+>", "", card["html"]))
    assert "Long run, cut back: about 1.8–2.1 mi (planned 3 mi): planned" in text
    assert "after your 9-day break (Sunday 22 November to Monday 30 November): run about 1.8–2.1 mi" in text
    # Run at the cut's low end, it is done, as a cut run by minutes is.
    ran = store | {
        "runs": store["runs"]
        | {"long": {"date": long_run.isoformat(), "duration_s": 1200, "distance_m": 2900, "rpe": 3}}
    }
    card = ask_calendar("day", ran, today=long_run, args={"day": long_run.isoformat()}, profile={"units": "mi"})
    assert "Long run, cut back: about 1.8–2.1 mi (planned 3 mi): done" in markup.unescape(card["html"])


def test_an_amber_day_in_a_plan_by_distance_runs_the_weeks_easy_distance_cut_back_one_size_eve_and_morning() -> None:
    """Dev's amber eve before a hard day with no easy day left in the week to swap with read "Tomorrow's easy run:
    Shorter and slower: 30–35 min, … cut back from Stridelab's usual 50 min", longer than any run he does, and on the
    morning the same run read by its distance. It then read his own usual 28 min cut to 20 min, in minutes his plan
    never gives. The stand-in is now the plan week's easy run, Thursday's 1.5 mi, cut back by distance, in miles, and
    the evening's verdict, the morning's run line, the calendar's card and the offer it applies all give that one
    size. Friday 20 November, before Saturday's long run: Sunday rests."""
    from calculators.calendar_logs import read_logs as logs_of
    from calculators.profile import Profile
    from calculators.ui.verdict_offers import told_offer
    from tests.unit.test_calendar_page import ask as ask_calendar

    eve, saturday = date(2026, 11, 20), date(2026, 11, 21)
    runs = {k: r for k, r in _dev_runs(back=False).items() if r["date"] <= eve.isoformat()}
    store = {**low_mornings(eve, 1, plan=DEV_PLAN), "runs": runs}
    assert DEV_PLAN.planned_days()[saturday].run == "long" and DEV_PLAN.planned_days()[saturday].minutes is None
    said = (
        "Shorter and slower: about 0.9–1.1 mi, slower than your usual easy runs, cut back from your plan's usual "
        "1.5 mi (no easy day is left this week to swap with)."
    )
    evening = markup.unescape(re.sub(r"<[^>]+>", "", ask("compute", store, today=eve, profile={"units": "mi"})["html"]))
    assert f"Tomorrow's easy run: {said}" in evening and "50 min" not in evening
    run = (
        "Easy run instead of the long run: about 0.9–1.1 mi (planned 2 mi), easy enough that you can talk in full "
        "sentences: planned."
    )
    morning = ask("compute", store, today=saturday, profile={"units": "mi"})["html"]
    assert run in markup.unescape(re.sub(r"<[^>]+>", "", morning))
    card = ask_calendar("day", store, today=saturday, args={"day": saturday.isoformat()}, profile={"units": "mi"})
    text = markup.unescape(re.sub(r"<[^>]+>", "", card["html"]))
    assert run.removesuffix(".") in text and said in text and "50 min" not in text
    # No easy day is left after Saturday: the card says so, never that "your next easy day" cannot take the long run.
    assert "Your next easy day" not in text and "Your plan has no easy day later this week to swap it with." in text
    offer = told_offer(DEV_PLAN, saturday, logs=logs_of(store), today=eve, profile=Profile(units="mi"))
    assert offer is not None and offer.kind == "easy"
    kept = offer.week.days[saturday.weekday()]
    assert kept.minutes is None and kept.cut_from_km == pytest.approx(1.5 * 1.609344)
    assert kept.km is not None and 0.9 * 1.609344 <= kept.km <= 1.05 * 1.609344


def test_race_day_reads_its_distance_and_the_race_calculators_finish_time_not_its_minutes() -> None:
    """Claire (VDOT 43.6) saw "Race 214 min (42.2 km) at 5:04 /km": a runner reads a race by its finish time. Today
    and the calendar say "Race 42.2 km, about 3:33:49 at 5:04 /km", the time the race calculator predicts."""
    race = date(2027, 4, 18)
    plan = plan_season(WeekPrefs(run_days=5, vdot=43.6), today=race - timedelta(days=20), race_date=race,
                       race_distance_m=MARATHON_M)  # fmt: skip
    assert format_duration(race_time(43.6, MARATHON_M)) == "3:33:49"  # the race calculator's prediction
    store = {"plan": {"season": plan.to_dict()}}
    today = markup.unescape(ask("compute", store, today=race)["html"])
    assert "Race 42.2 km, about 3:33:49 at 5:04 /km" in today and "214 min" not in today
    calendar = handle({"id": 1, "calculator": "calendar", "action": "compute", "payload": {
        "values": {}, "args": {}, "today": race.isoformat(), "now": NOW, "store": store, "profile": {"units": "km"},
    }})  # fmt: skip
    assert "Race 42.2 km, about 3:33:49 at 5:04 /km" in markup.unescape(calendar["html"])


def test_an_amber_eve_before_a_hard_day_in_a_plan_by_distance_swaps_with_the_weeks_easy_run() -> None:
    """Dev's Monday 16 November (a low morning: amber before Tuesday's tempo run) read "Your plan has no easy day later
    this week to swap it with" though Thursday holds his 1.5 mi easy run: the search counted only easy days with
    minutes, and a plan by distance gives none. The verdict now swaps with Thursday's easy run, and the calendar's first
    offer makes that same swap."""
    from calculators.calendar_logs import read_logs as logs_of
    from calculators.profile import Profile
    from calculators.ui.verdict_offers import told_offer
    from tests.unit.test_calendar_page import ask as ask_calendar

    eve, tuesday, thursday = date(2026, 11, 16), date(2026, 11, 17), date(2026, 11, 19)
    days = DEV_PLAN.planned_days()
    assert days[tuesday].run == "tempo" and days[thursday].run == "easy" and days[thursday].minutes is None
    runs = {k: r for k, r in _dev_runs(back=False).items() if r["date"] <= eve.isoformat()}
    store = {**low_mornings(eve, 1, plan=DEV_PLAN), "runs": runs}
    page = markup.unescape(re.sub(r"<[^>]+>", "", ask("compute", store, today=eve, profile={"units": "mi"})["html"]))
    swap = (
        "Swap it with your next easy day: move the tempo run + Session A to Thursday 19 November and the easy run to "
        "Tuesday 17 November."
    )
    # The run brought forward has a distance and no minutes: cut back from that distance, in his plan's miles.
    run = (
        "Shorter and slower: about 0.9–1.1 mi, slower than your usual easy runs, your next easy day's 1.5 mi, cut back."
    )
    assert "no easy day later this week" not in page and "run it easy" not in page
    assert "Your plan has the tempo run tomorrow: swap it." in page and swap in page and run in page
    offer = told_offer(DEV_PLAN, tuesday, logs=logs_of(store), today=eve, profile=Profile(units="mi"))
    assert offer is not None and offer.kind == "move" and offer.description == swap
    card = ask_calendar("day", store, today=eve, args={"day": tuesday.isoformat()}, profile={"units": "mi"})
    text = markup.unescape(re.sub(r"<[^>]+>", "", card["html"]))
    assert "no easy day later this week" not in text and run in text and swap in text


def beginners_15_minute_tuesday() -> tuple[SeasonPlan, date, date]:
    """A beginner's 60-minute week of three runs, whose Tuesday 3 November is a 15-minute easy run, with its eve."""
    plan = plan_season(
        WeekPrefs(run_days=3, available_days=(1, 3, 5), volume_unit="min", current_volume=60),
        today=date(2026, 10, 26),
        race_date=None,
        weeks=4,
    )
    eve, tuesday = date(2026, 11, 2), date(2026, 11, 3)
    assert (plan.planned_days()[tuesday].run, plan.planned_days()[tuesday].minutes) == ("easy", 15)
    return plan, eve, tuesday


def test_an_amber_eve_before_a_beginners_15_minute_easy_run_keeps_it_at_15_minutes_never_20() -> None:
    """A beginner's plan of 60 minutes a week gives 15-minute easy runs. The amber rule's "never under 20 min" made
    the evening before's verdict, and the calendar's card, a 20-minute run: longer than the run it replaced. The run
    now stays at its planned 15 min, only slower, and the card shows no cut."""
    from tests.unit.test_calendar_page import ask as ask_calendar

    plan, eve, _tuesday = beginners_15_minute_tuesday()
    store = low_mornings(eve, 1, plan=plan)
    page = markup.unescape(re.sub(r"<[^>]+>", "", ask("compute", store, today=eve, profile={"units": "km"})["html"]))
    assert "Slower, not shorter: 15 min, slower than your usual easy runs, as planned" in page
    assert "20 min," not in page and "Shorter and slower" not in page
    card = ask_calendar("compute", store, today=eve, profile={"units": "km"})
    text = markup.unescape(re.sub(r"<[^>]+>", " ", card["html"]))
    assert "Easy run 15 min" in re.sub(r"\s+", " ", text) and "cut back" not in text


def test_a_red_day_in_a_plan_by_distance_is_up_to_the_planned_distance_in_miles_on_every_page() -> None:
    """Dev's red eve before Saturday's 2-mile long run read "Rest, or 20–30 min very easy running or cross-training":
    minutes his plan never gives, longer than some of his runs. Today, the readiness page, the calendar's card and
    the offer it applies now all say the run up to its planned 2 mi, in miles, and the house rule's 30 min at most; a
    run well past either is the plan's run, with the distance and minutes run beside the verdict's."""
    from calculators.calendar_logs import read_logs as logs_of
    from calculators.profile import Profile
    from calculators.ui.verdict_offers import told_offer
    from tests.unit.test_calendar_page import ask as ask_calendar
    from tests.unit.test_readiness_page import ask as ask_readiness

    eve, saturday = date(2026, 11, 20), date(2026, 11, 21)
    runs = {k: r for k, r in _dev_runs(back=False).items() if r["date"] <= eve.isoformat()}
    store = {**low_mornings(eve, 4, plan=DEV_PLAN), "runs": runs}
    said = "Rest, or very easy running or cross-training: up to the 2 mi planned, 30 min at most."
    offer = "Make Saturday 21 November an easy run of up to 2 mi (30 min at most), very easy, or rest."

    def text(page: dict[str, Any]) -> str:
        return re.sub(r"\s+", " ", markup.unescape(re.sub(r"<[^>]+>", " ", page["html"])))

    evening = text(ask("compute", store, today=eve, profile={"units": "mi"}))
    assert f"Tomorrow's easy run: {said}" in evening and "20–30 min" not in evening
    readiness_page = text(ask_readiness("compute", {"units": "mi"}, store=store, today=eve))
    assert said in readiness_page and offer in readiness_page
    assert "If you move at all: up to 2 mi (30 min at most) very easy, or cross-training" in readiness_page
    run = "Rest or a very easy run instead of the long run: up to 2 mi (30 min at most): planned"
    assert run in text(ask("compute", store, today=saturday, profile={"units": "mi"}))
    card = text(ask_calendar("day", store, today=saturday, args={"day": saturday.isoformat()}, profile={"units": "mi"}))
    assert run in card and said in card and offer in card and "min (planned" not in card
    told = told_offer(DEV_PLAN, saturday, logs=logs_of(store), today=eve, profile=Profile(units="mi"))
    assert told is not None and told.description == offer
    kept = told.week.days[saturday.weekday()]
    assert (kept.minutes, kept.km) == (None, DEV_PLAN.planned_days()[saturday].km)
    # 40 min is well past the 30 min at most, though 2.1 mi is about the distance.
    ran = store | {"runs": runs | {"sat": {"date": "2026-11-21", "duration_s": 2400, "distance_m": 3300, "rpe": 3}}}
    card = text(ask_calendar("day", ran, today=saturday, args={"day": saturday.isoformat()}, profile={"units": "mi"}))
    assert (
        "Long run 2 mi: done, 2.1 mi in 40 min; the red verdict had suggested rest, or up to 2 mi (30 min at most) "
        "very easy" in card
    )


#: Kim: Dev's week planned in km (10 km a week, no VDOT: distances and no minutes), whose Saturday 21 November is a
#: 3.5 km long run after Thursday's 2 km easy run.
KIM_PLAN = plan_season(
    WeekPrefs(run_days=3, available_days=(1, 3, 5), volume_unit="km", current_volume=10),
    today=date(2026, 10, 26),
    race_date=None,
    weeks=8,
)


@pytest.mark.parametrize(
    ("plan", "unit", "red_run", "other"),
    [(DEV_PLAN, "km", "up to 3.2 km (30 min at most)", "mi"), (KIM_PLAN, "mi", "up to 2.2 mi (30 min at most)", "km")],
    ids=["plan in miles, reader in km", "plan in km, reader in miles"],
)
def test_a_red_day_planned_in_another_unit_is_said_in_the_readers_unit_on_every_page(
    plan: SeasonPlan, unit: PaceUnit, red_run: str, other: str
) -> None:
    """Dev's plan was made in miles; with his profile in km, the readiness page and Today gave Saturday's red-day run
    "up to the 3.2 km planned" and, in the offer just below it, "an easy run of up to 2 mi": one day in two units on
    one screen. Stridelab's rule (calculators.readiness_easy_run): a planned day is said in the reader's unit on
    every page that describes it, offers included; the plan's own unit is the planner's. Either way round."""
    from calculators.calendar_logs import read_logs as logs_of
    from calculators.profile import Profile
    from calculators.ui.verdict_offers import told_offer
    from tests.unit.test_calendar_page import ask as ask_calendar
    from tests.unit.test_readiness_page import ask as ask_readiness

    eve, saturday = date(2026, 11, 20), date(2026, 11, 21)
    assert plan.planned_days()[saturday].run == "long" and plan.planned_days()[saturday].minutes is None
    runs = {k: r for k, r in _dev_runs(back=False).items() if r["date"] <= eve.isoformat()}
    store = {**low_mornings(eve, 4, plan=plan), "runs": runs}
    offer = f"Make Saturday 21 November an easy run of {red_run}, very easy, or rest."

    def text(page: dict[str, Any]) -> str:
        return re.sub(r"\s+", " ", markup.unescape(re.sub(r"<[^>]+>", " ", page["html"])))

    pages = {
        "Today": text(ask("compute", store, today=eve, profile={"units": unit})),
        "readiness": text(ask_readiness("compute", {"units": unit}, store=store, today=eve, profile={"units": unit})),
        "calendar": text(
            ask_calendar("day", store, today=eve, args={"day": saturday.isoformat()}, profile={"units": unit})
        ),
    }
    for name, page in pages.items():
        assert offer in page, name
        assert not re.search(rf"\d {other}\b", page), (name, re.findall(rf"[^.]*\d {other}\b[^.]*", page))
    told = told_offer(plan, saturday, logs=logs_of(store), today=eve, profile=Profile(units=unit))
    assert told is not None and told.description == offer


def test_a_red_eve_before_a_beginners_15_minute_easy_run_offers_15_minutes_never_20_to_30() -> None:
    """TRAINING-RULES.md, red: "rest, or 20–30 min very easy"; a beginner whose easy runs are 15 min was told 20–30
    min, twice the run it replaced. Today and the calendar's card now give 15 min, never over the run planned."""
    from tests.unit.test_calendar_page import ask as ask_calendar

    plan, eve, tuesday = beginners_15_minute_tuesday()
    store = low_mornings(eve, 4, plan=plan)
    said = "Rest, or 15 min very easy running or cross-training, no longer than the 15 min planned."
    page = markup.unescape(re.sub(r"<[^>]+>", "", ask("compute", store, today=eve)["html"]))
    assert f"Tomorrow's easy run: {said}" in page and "20–30" not in page
    card = ask_calendar("day", store, today=tuesday, args={"day": tuesday.isoformat()})
    text = re.sub(r"\s+", " ", markup.unescape(re.sub(r"<[^>]+>", " ", card["html"])))
    assert "Rest or a very easy run: 15 min: planned" in text and said in text


def test_a_short_night_while_the_baseline_builds_says_why_the_tempo_run_is_not_swapped() -> None:
    """Maya, 14 December, HRV baseline still building, slept 5 h: the verdict is amber for today and, until Tuesday's
    own check-in, for Tuesday, the easy day the amber rule would swap the tempo run with. Today says so before it says
    to run easy and leave the tempo run out, and names the run as a runner would ("Easy run instead of the tempo run",
    not "Tempo run, easy")."""
    monday = date(2026, 12, 14)
    plan = plan_season(WeekPrefs(run_days=4, vdot=50), today=monday - timedelta(days=7), race_date=None, weeks=4)
    assert (plan.planned_days()[monday].run, plan.planned_days()[monday + timedelta(days=1)].run) == ("tempo", "easy")
    hrv: dict[str, dict[str, Any]] = {(monday - timedelta(days=n)).isoformat(): {"rmssd_ms": 46.0} for n in range(8)}
    hrv[monday.isoformat()]["sleep_hours"] = 5.0
    page = ask("compute", {"plan": {"season": plan.to_dict()}, "hrv": hrv}, today=monday)["html"]
    text = re.sub(r"\s+", " ", markup.unescape(re.sub(r"<[^>]+>", " ", page)))
    assert (
        "Your next easy day, Tuesday 15 December, reads amber too until its own morning check-in, so a swap would only "
        "put the tempo run + Session A on another amber day. Run easy today instead: shorter and slower"
    ) in text
    assert "Easy run instead of the tempo run: 33–38 min (planned 50 min)" in text and "Tempo run, easy" not in text


def test_the_rpe_in_todays_strength_why_is_said_in_plain_words() -> None:
    """A first session's "Why" asks for "a load you could lift for 8 reps (RPE 7)": Today has no set beside it, so
    it says what RPE is, in the strength log's words, once under the prescription."""
    reply = ask("compute", {"plan": {"season": PLAN.to_dict()}}, today=day_with("tempo"))
    page = markup.unescape(reply["html"])
    assert "(RPE 7)" in page
    words = re.findall(r"<p [^>]*data-rpe-words[^>]*>(.*?)</p>", page)
    assert words == ["RPE is how hard a set feels, from 1 to 10: 10 = no rep left, 8 = two left."]
    assert page.index("(RPE 7)") < page.index("data-rpe-words")


def own_squat(day: date, ident: str = "22222222-2222-4222-8222-222222222222") -> dict[str, Any]:
    """A custom session on ``day`` with the lifter's own back squat, 3 × 5 at 100 kg at RPE 8, and his own pull-ups."""
    return {
        "id": ident,
        "date": day.isoformat(),
        "kind": "custom",
        "duration_min": 40,
        "rpe": 7,
        "exercises": [
            {"exercise": "custom", "name": "Squat (Barbell)", "sets": [{"reps": 5, "load_kg": 100.0, "rpe": 8}] * 3},
            {"exercise": "custom", "name": "Pull Up", "sets": [{"reps": 8}] * 3},
        ],
    }


def test_own_lifts_logged_on_a_session_a_day_are_prescribed_with_todays_session_a() -> None:
    """The lifter squats on his Session A days in a custom session: next Session A day, Today shows the squat's next
    numbers with the catalogue's, under Session A (not Session B)."""
    tempo = day_with_all("tempo")[1]  # the plan's second Monday: its first lifted in the custom session
    last = own_squat(tempo - timedelta(days=7))
    page = ask("compute", {"plan": {"season": PLAN.to_dict()}, "strength": {last["id"]: last}}, today=tempo)["html"]
    rows = re.findall(r'data-prescription="([^"]+)"', page)
    assert rows[-2:] == ["custom:squat (barbell)", "custom:pull up"]
    assert rows[0] == session_exercises("A")[0].id  # the catalogue's first, as before
    assert "3 × 5 × 102.5 kg" in page and "3 × 9 reps" in page
    intervals = next(d for d in day_with_all("intervals") if d > tempo)
    other = ask("compute", {"plan": {"season": PLAN.to_dict()}, "strength": {last["id"]: last}}, today=intervals)
    assert "custom:squat" not in other["html"]  # Session B's day: not B's lift


def day_with_all(run: str) -> list[date]:
    return [d.day for d in PLAN.days() if d.run == run and d.day is not None]


def test_a_marathons_peak_week_cuts_an_own_lifts_sets_on_today_as_it_cuts_the_catalogues() -> None:
    plan = plan_season(
        WeekPrefs(run_days=4, vdot=vdot_from_race(MARATHON_M, 3 * 3600 + 45 * 60)),
        today=MONDAY,
        race_date=MONDAY + timedelta(weeks=16, days=6),
        race_distance_m=MARATHON_M,
    )
    peak = next(d for d in plan.days() if d.strength == "A" and d.strength_volume < 1 and d.day is not None)
    assert peak.day is not None
    last = own_squat(peak.day - timedelta(days=7))
    page = ask("compute", {"plan": {"season": plan.to_dict()}, "strength": {last["id"]: last}}, today=peak.day)["html"]
    assert "2 × 5 × 100 kg" in page and "peak week: 2 of 3 sets, same load: maintenance, not progression" in page


def test_race_morning_with_a_red_verdict_keeps_the_race_as_its_eve_said() -> None:
    race = MONDAY + timedelta(weeks=6, days=6)
    plan = plan_season(WeekPrefs(run_days=4, vdot=50), today=MONDAY, race_date=race, race_distance_m=MARATHON_M)
    eve = markup.unescape(
        ask("compute", low_mornings(race - timedelta(days=1), 4, plan), today=race - timedelta(1))["html"]
    )
    assert "Your plan has the race tomorrow: keep it." in eve and "Tomorrow is race day: start conservatively." in eve
    page = markup.unescape(ask("compute", low_mornings(race, 4, plan), today=race)["html"])
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
    assert "This morning's check-in for today: red. Today is race day: start conservatively." in text
    assert "Today's verdict, from this morning's check-in: Red: race as planned, and start conservatively" in text
    # No advice to rest beside the race, nor an offer to move it.
    assert "Today's verdict, from this morning's check-in: Red: rest" not in text
    assert "Move it on the training calendar" not in text


def test_a_rest_day_before_a_hard_session_a_red_verdict_eases_does_not_say_to_arrive_fresh_for_it() -> None:
    eve = TEMPO.day - timedelta(days=1)
    assert PLAN.planned_days()[eve].run == "rest" and "arrive fresh" in PLAN.planned_days()[eve].reason
    text = markup.unescape(ask("compute", low_mornings(eve, 4), today=eve)["html"])
    assert "arrive fresh" not in text
    assert "A rest day. Tomorrow's verdict is red: see under Readiness below what it offers for the tempo run" in text
    assert "Your plan has the tempo run tomorrow: " in text  # the offer it points to
    # A calm eve keeps the plan's reason.
    calm = markup.unescape(ask("compute", {"plan": {"season": PLAN.to_dict()}}, today=eve)["html"])
    assert PLAN.planned_days()[eve].reason in calm


HALF = plan_season(
    WeekPrefs(run_days=4, vdot=45), today=date(2026, 10, 12), race_date=date(2027, 1, 3), race_distance_m=21097.5
)


def _after_the_half(today: date) -> dict[str, Any]:
    """The store once a marathon plan is saved on the planner the day after the half's plan ended."""
    values = {"race_date": "2027-04-25", "race_distance": "42195", "vdot": "45", "run_days": "4", "units": "km"}
    payload = {"values": values, "today": today.isoformat(), "now": f"{today}T07:00:00Z", "new_id": "p1"}
    store: dict[str, Any] = {"plan": {"season": HALF.to_dict()}}
    saved = handle({"id": 1, "calculator": "planner", "action": "save", "payload": payload | {"store": store}})
    return after_ops(store, tuple(saved["ops"]))


def _text(page: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", markup.unescape(page)))


def test_after_the_plans_race_today_says_easy_running_first_and_when_lifting_comes_back() -> None:
    store = {"plan": {"season": HALF.to_dict()}}
    text = _text(ask("compute", store, today=date(2027, 1, 5))["html"])
    assert (
        "After your race on Sunday 3 January: easy running or cross-training first, and no strength until Monday 11 "
        "January, once the soreness has settled; then lighter sessions with fewer sets, and plyometrics last, from "
        "Monday 25 January (Stridelab's rule" in text
    )
    later = _text(ask("compute", store, today=date(2027, 1, 12))["html"])
    assert "lighter strength sessions with fewer sets for now, and plyometrics last, from Monday 25 January" in later
    assert "After your race" not in ask("compute", store, today=date(2027, 1, 25))["html"]


def test_a_new_plan_saved_the_day_after_a_race_drops_its_first_weeks_lifting_on_today_and_the_calendar() -> None:
    monday = date(2027, 1, 4)
    store = _after_the_half(monday)
    plan = read_plan(store)
    assert plan is not None and plan.planned_days()[monday].strength == "A"  # the planner's week knows no race
    text = _text(ask("compute", store, today=monday)["html"])
    assert "No Session A on Monday 4 January: 1 day after your race: easy running or cross-training first" in text
    assert "Start Session A anyway" in text  # not the page's main button
    dropped = dropped_sessions(read_logs(store), plan, monday, monday + timedelta(days=13), today=monday)
    assert sorted(dropped) == [monday, date(2027, 1, 7)]  # Monday's and Thursday's; the next week lifts, lighter
    back = _text(ask("compute", store, today=date(2027, 1, 11))["html"])
    assert "8 days after your race: lighter until day 22 (Stridelab's rule): 2 of 4 sets" in back

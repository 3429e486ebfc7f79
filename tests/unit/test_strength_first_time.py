"""A first-time lifter's strength log: how heavy to start, a load typed in the reps box, and the small slips a
reviewer met as a 34-year-old runner who had never lifted (390 px phone, en-US then en-GB)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from html import unescape
from typing import Any

import pytest

from calculators.progression import next_prescription
from calculators.strength import ExerciseLog, StrengthSession, StrengthSet
from calculators.ui.strength_view import set_text

from .test_strength_page import LAST_WEEK, apply, ask, empty, text

MILES = {"units": "mi"}
SET_1 = {"exercise": "romanian_deadlift", "set": 0}
TODAY = date(2026, 11, 23)


def started(profile: dict[str, Any] | None = None, history: dict[str, Any] | None = None) -> dict[str, Any]:
    store = empty() | {"strength": history or {}}
    apply(store, ask("start", store, {"session": "A"}, profile=profile))
    return store


def section(html: str, exercise: str) -> str:
    found = re.search(rf'<section[^>]*data-exercise="{exercise}".*?</section>', html, re.S)
    assert found, exercise
    return found.group(0)


# --- 1. How heavy to start ------------------------------------------------------------------------


@pytest.mark.parametrize(("profile", "bar"), [(MILES, "the empty bar (45 lb, or 35 lb)"), ({}, "(20 kg, or 15 kg)")])
def test_a_first_barbell_session_says_how_to_find_the_load_in_the_readers_unit(
    profile: dict[str, Any], bar: str
) -> None:
    """No 1RM, and RPE 7 means nothing yet: beside each barbell lift of a first session the log says what RPE 7 feels
    like and how to find the load (the empty bar, a little more each set), in lb in the US and kg elsewhere."""
    store = started(profile)
    html = ask("compute", store, profile=profile)["html"]
    for lift in ("romanian_deadlift", "hip_thrust", "calf_raise"):
        words = text(section(html, lift))
        assert "you could do about 3 more reps with good form" in words
        assert bar in words and "Log as warm-up" in words and "learn the movement" in words
    assert "data-first-load" not in section(html, "nordic_curl")  # started from the body's weight: no load to find
    why = text(section(html, "romanian_deadlift"))
    assert "start light and find a load for 5 reps that leaves about 3 more in you (RPE 7)" in why


def test_the_first_load_help_goes_once_a_work_set_is_logged_and_never_shows_with_a_load_prescribed() -> None:
    store = started()
    after = apply(store, ask("log_set", store, {"reps": "5", "load": "40"}, SET_1))["html"]
    assert 'data-first-load="romanian_deadlift"' not in after and 'data-first-load="hip_thrust"' in after
    with_history = started(history={LAST_WEEK["id"]: LAST_WEEK})  # 4 × 5 × 60 kg last week: 62.5 kg prescribed
    assert 'data-first-load="romanian_deadlift"' not in ask("compute", with_history)["html"]


# --- 2a. Reps far above the plan's are asked about --------------------------------------------------


def test_a_load_typed_in_the_reps_box_is_asked_about_in_place_and_nothing_is_lost() -> None:
    """Session A asked for 5 reps; she typed 65 reps (and 65 lb). Nothing is logged: the set's line asks, with her
    numbers still in its boxes, the question tied to the Reps box, and the keyboard kept on "Log set 1"."""
    store = started(MILES)
    reply = ask("log_set", store, {"reps": "65", "load": "65", "rpe": "7"}, SET_1, profile=MILES)
    assert reply["ok"] and reply["ops"] == [] and reply["effects"] == []  # no set stored, no rest timer
    html = reply["html"]
    question = "65 reps? Session A asks for 5 reps in set 1 of Romanian deadlift. Tap “Log set 1” again to keep 65"
    assert text(html).startswith(question)  # the headline, read out
    line = re.search(r'<li data-set="romanian_deadlift:0".*?</li>', html, re.S)
    assert line is not None
    item = line.group(0)
    reps = re.search(r'<input[^>]*name="reps"[^>]*>', item)
    assert reps and 'value="65"' in reps.group(0)
    described = re.search(r'aria-describedby="([^"]+)"', reps.group(0))
    assert described and re.search(rf'id="{described.group(1)}"[^>]*>{re.escape(question)}', unescape(item))
    assert re.search(r'name="load" value="65"', item) and re.search(r'name="rpe" value="7"', item)
    assert html.count("data-focus") == 1 and re.search(r'"keep_reps": 65[^>]*data-focus>Log set 1<', unescape(item))
    assert "romanian_deadlift" not in str(store["strength_draft"]["current"]["sets"])


def test_tapping_log_set_again_keeps_the_reps_and_a_corrected_box_logs_without_asking() -> None:
    store = started(MILES)
    kept = ask("log_set", store, {"reps": "65", "load": "65"}, SET_1 | {"keep_reps": 65}, profile=MILES)
    assert "Set 1 of Romanian deadlift logged: 65 × 65 lb" in text(kept["html"])
    store = started(MILES)
    fixed = ask("log_set", store, {"reps": "5", "load": "65"}, SET_1 | {"keep_reps": 65}, profile=MILES)
    assert "Set 1 of Romanian deadlift logged: 5 × 65 lb" in text(fixed["html"])
    # Kept for 65, then changed to 60: a new number is asked about again.
    again = ask("log_set", store, {"reps": "60", "load": "65"}, SET_1 | {"keep_reps": 65}, profile=MILES)
    assert again["ops"] == [] and text(again["html"]).startswith("60 reps?")


@pytest.mark.parametrize(
    ("exercise", "values", "asked"),
    [
        ("romanian_deadlift", {"reps": "11", "load": "60"}, True),
        ("romanian_deadlift", {"reps": "10", "load": "60"}, False),
        ("nordic_curl", {"reps": "7"}, False),
    ],
)
def test_only_reps_past_twice_the_plan_and_past_ten_are_asked_about(
    exercise: str, values: dict[str, str], asked: bool
) -> None:
    """Stridelab's rule: 11 of 5 is a likely slip; 10 of 5, or 7 Nordic curls of 3, a good day, logged at once."""
    store = started()
    reply = ask("log_set", store, values, {"exercise": exercise, "set": 0})
    assert (reply["ops"] == []) is asked


# --- 3. Small slips ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "words"),
    [
        (StrengthSet(reps=1, rpe=10), "1 rep, bodyweight @ RPE 10"),
        (StrengthSet(reps=6, load_kg=0.0), "6 reps, bodyweight"),
        (StrengthSet(reps=6), "6 reps, bodyweight"),
        (StrengthSet(reps=5, height_cm=30.48), "5 reps at 12 in"),
        (StrengthSet(reps=5, load_kg=29.48), "5 × 65 lb"),
    ],
)
def test_a_set_in_words_counts_one_rep_as_one_and_a_set_of_no_load_as_bodyweight(item: StrengthSet, words: str) -> None:
    assert set_text(item, unit="lb") == words


def test_a_missed_set_counts_its_sets_in_the_singular_too() -> None:
    store = started()
    nordic = {"exercise": "nordic_curl", "set": 0}
    html = apply(store, ask("log_set", store, {"reps": "1", "rpe": "10"}, nordic))["html"]
    assert "Set 1 of Nordic hamstring curl logged: 1 rep, bodyweight, RPE 10 (1 of 18 sets)." in text(html)


def bodyweight(exercise: str, reps: int, *, aim: int, rpe: float, level: int | None = None) -> StrengthSession:
    sets = tuple(StrengthSet(reps=reps, rpe=rpe) for _ in range(3))
    entry = ExerciseLog(exercise=exercise, sets=sets, level=level, target_reps=aim, target_sets=3)
    return StrengthSession(
        id="33333333-3333-4333-8333-333333333333",
        date=TODAY - timedelta(days=7),
        kind="B",
        duration_min=40,
        rpe=8,
        exercises=(entry,),
    )


@pytest.mark.parametrize(
    ("exercise", "level", "aim", "easier"),
    [("single_leg_squat", 2, 5, "Single-leg squat to a high box"), ("pogo_hops", 3, 20, "Double-leg pogo forward")],
)
def test_reps_far_short_at_rpe_10_step_down_the_catalogues_ladder(
    exercise: str, level: int, aim: int, easier: str
) -> None:
    """Half the reps or fewer at RPE 10 on bodyweight work: repeating it would be the same failure, so the next
    session is one level down the catalogue's ladder (Stridelab's rule), as a deload steps it."""
    p = next_prescription(exercise, [bodyweight(exercise, aim // 2, aim=aim, rpe=10, level=level)], today=TODAY)
    assert (p.level, p.level_name) == (level - 1, easier) and p.reason.endswith("at RPE 10 last time: one level easier")
    # Short, but not at the limit (RPE 9) or not far short: repeat, as before.
    assert (
        next_prescription(exercise, [bodyweight(exercise, aim // 2, aim=aim, rpe=9, level=level)], today=TODAY).level
        == level
    )
    close = bodyweight(exercise, aim - 1, aim=aim, rpe=10, level=level)
    assert next_prescription(exercise, [close], today=TODAY).level == level


def test_a_nordic_curl_far_short_at_rpe_10_says_it_is_already_the_easiest_step() -> None:
    """The catalogue has no easier Nordic curl (no levels): the log says 3 reps is already its easiest step, not
    "repeat the same session" as if more were expected."""
    p = next_prescription("nordic_curl", [bodyweight("nordic_curl", 1, aim=3, rpe=10)], today=TODAY)
    assert (p.reps, p.load_kg) == (3, None)
    assert p.reason.endswith(
        "(set 1: 1 of 3 reps; set 2: 1 of 3 reps; set 3: 1 of 3 reps) at RPE 10 last time: same as "
        "last time, already the easiest step"
    )

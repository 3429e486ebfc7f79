"""A run logged at a race's distance and a race's effort (a parkrun) is offered as the profile's recent race, on the
run log and the calendar, and stored exactly as the race calculator's button stores it, only when the reader asks."""

from __future__ import annotations

import html as markup
from datetime import date
from typing import Any

import pytest

from calculators.planner import WeekPrefs, plan_season
from calculators.registry import CALCULATORS, handle
from calculators.ui.recent_race import RACE_RPE_MIN

TODAY = date(2027, 1, 30)  # a Saturday: parkrun day
NEW_ID = "6f1c2a3e-0000-4000-8000-000000000001"
PROFILE = {"units": "km", "recent_distance": "10000", "recent_time": "52:40", "vdot": "38.2", "hr_max": "188"}
PARKRUN = {
    "entry": "run",
    "run_date": TODAY.isoformat(),
    "run_duration": "31:40",
    "run_distance": "5.0",
    "run_rpe": "9",
}
OFFER = "Use as my recent race (5 km in 31:40 on Saturday 30 January)"


def ask(
    calculator: str,
    action: str,
    values: dict[str, str],
    *,
    store: dict[str, Any] | None = None,
    args: dict[str, Any] | None = None,
    profile: dict[str, Any] | None = None,
) -> dict[str, Any]:
    payload = {
        "values": values,
        "today": TODAY.isoformat(),
        "now": "2027-01-30T10:00:00.000Z",
        "new_id": NEW_ID,
        "store": store or {},
        "args": args or {},
        "profile": PROFILE if profile is None else profile,
    }
    reply = handle({"id": 1, "calculator": calculator, "action": action, "payload": payload})
    assert reply["ok"], reply
    return reply


def logged(values: dict[str, str], profile: dict[str, Any] | None = None) -> dict[str, Any]:
    """The run log's answer to saving ``values`` as a run."""
    return ask("readiness", "save", values, profile=profile)


def text(reply: dict[str, Any]) -> str:
    return markup.unescape(reply["html"])


def stored(reply: dict[str, Any]) -> dict[str, Any]:
    """The store once the reply's ops are applied to an empty one."""
    store: dict[str, Any] = {}
    for op in reply["ops"]:
        store.setdefault(op["collection"], {})[op["id"]] = op["value"]
    return store


def race_calculator_record(profile: dict[str, Any]) -> dict[str, Any]:
    """What the race calculator's "Use as my recent race" stores for 5 km in 31:40 over ``profile``."""
    reply = ask("vdot", "save_race", {"distance": "5k", "time": "31:40", "units": "km"}, profile=profile)
    (op,) = reply["ops"]
    return dict(op)


def test_a_parkrun_logged_as_a_run_offers_itself_as_the_recent_race_saying_what_changes() -> None:
    """Tom's parkrun, 5 km in 31:40 at RPE 9: the answer says the run was logged, what the profile holds now and
    what it becomes, with the one button; the profile is not changed by logging."""
    reply = logged(PARKRUN)
    (op,) = reply["ops"]
    assert op["collection"] == "runs"  # the profile waits for the reader's click
    shown = text(reply)
    assert "Run of Saturday 30 January added to your log." in shown
    assert "Your profile's recent race is 10 km in 52:40. Your VDOT is 38.2 now (easy 6:06–6:53 /km" in shown
    assert "As your recent race, this one makes your VDOT 28.9 (easy 7:35–8:31 /km, threshold 6:36 /km)" in shown
    assert shown.count(OFFER) == 1
    assert '"id": "6f1c2a3e-0000-4000-8000-000000000001"' in shown  # the button names the run just logged


@pytest.mark.parametrize(
    ("changed", "why"),
    [
        ({"run_rpe": "4"}, "an easy 5 km is no race"),
        ({"run_rpe": str(RACE_RPE_MIN - 1)}, "a tempo effort is no race"),
        ({"run_distance": "6.3"}, "6.3 km is no race distance"),
    ],
)
def test_no_offer_for_a_run_that_is_no_race(changed: dict[str, str], why: str) -> None:
    reply = logged(PARKRUN | changed)
    assert "Use as my recent race" not in reply["html"], why
    assert "Use as race" not in reply["html"], why  # nor in its row of the run log


def test_a_watchs_5_06_km_is_the_5_km_race() -> None:
    assert "Use as my recent race (5 km in 31:40 on Saturday 30 January)" in text(
        logged(PARKRUN | {"run_distance": "5.06"})
    )


def test_accepting_stores_the_record_the_race_calculators_button_stores() -> None:
    runs = stored(logged(PARKRUN))
    reply = ask("readiness", "use_race", {}, store=runs, args={"id": NEW_ID})
    (op,) = reply["ops"]
    assert op == race_calculator_record(PROFILE)
    assert op["value"] == PROFILE | {"recent_distance": "5000", "recent_time": "31:40", "vdot": "28.9"}
    shown = text(reply)
    assert "Saved as your recent race: 5 km in 31:40 on Saturday 30 January." in shown
    assert ">Use as race<" not in shown  # its row offers it no more: it is the recent race now
    assert "Your VDOT is now 28.9 (easy 7:35–8:31 /km, threshold 6:36 /km); it was 38.2 (easy 6:06–6:53 /km" in shown
    # From an empty profile too: the same record as the race calculator's.
    (first,) = ask("readiness", "use_race", {}, store=runs, args={"id": NEW_ID}, profile={})["ops"]
    assert first == race_calculator_record({})


def test_no_offer_for_the_run_that_is_already_the_recent_race() -> None:
    profile = PROFILE | {"recent_distance": "5000", "recent_time": "31:40", "vdot": "28.9"}
    reply = logged(PARKRUN, profile=profile)
    assert "Use as my recent race" not in reply["html"] and "Use as race" not in reply["html"]
    again = ask("readiness", "use_race", {}, store=stored(reply), args={"id": NEW_ID}, profile=profile)
    assert again["ops"] == [] and "That run is your recent race already" in text(again)


def test_the_runs_row_offers_it_and_its_button_shows_the_offer_before_anything_changes() -> None:
    runs = stored(logged(PARKRUN))
    page = text(ask("readiness", "compute", {}, store=runs))
    assert 'aria-label="Use the run of Saturday 30 January as my recent race"' in page
    asked = ask("readiness", "race_offer", {}, store=runs, args={"id": NEW_ID})
    assert asked["ops"] == []
    shown = text(asked)
    assert "Your run of Saturday 30 January could be your recent race" in shown and OFFER in shown
    assert "Your profile's recent race is 10 km in 52:40." in shown


def test_a_saved_plan_without_a_vdot_is_said_to_need_saving_again_on_the_planner() -> None:
    """A beginner's plan, saved with no race, paces by feel: the new VDOT reaches its days only once saved again."""
    plan = plan_season(WeekPrefs(run_days=3, vdot=None), today=date(2026, 12, 7), race_date=None, weeks=12).to_dict()
    store = stored(logged(PARKRUN)) | {"plan": {"season": plan}}
    shown = text(ask("readiness", "use_race", {}, store=store, args={"id": NEW_ID}))
    assert "Your saved plan uses no VDOT, so no paces; your profile now has VDOT 28.9." in shown
    assert (
        'save the plan again on the planner to use the new paces. <a href="../planner/">Open the planner</a>' in shown
    )
    same = plan_season(WeekPrefs(run_days=3, vdot=28.9), today=date(2026, 12, 7), race_date=None, weeks=12).to_dict()
    store["plan"] = {"season": same}
    assert "Open the planner" not in ask("readiness", "use_race", {}, store=store, args={"id": NEW_ID})["html"]


def test_a_run_gone_since_stores_nothing_and_says_so() -> None:
    reply = handle(
        {
            "id": 1,
            "calculator": "readiness",
            "action": "use_race",
            "payload": {"values": {}, "today": TODAY.isoformat(), "store": {}, "args": {"id": NEW_ID}, "profile": {}},
        }
    )
    assert not reply["ok"] and "your profile was not changed" in reply["error"]["message"]


CALENDAR_RUN = {"run_duration": "31:40", "run_distance": "5.0", "run_rpe": "9"}


def test_the_calendars_quick_log_offers_a_parkrun_and_stores_the_same_record() -> None:
    reply = ask("calendar", "log_run", CALENDAR_RUN, args={"day": TODAY.isoformat()})
    (op,) = reply["ops"]
    assert op["collection"] == "runs"
    shown = text(reply)
    assert "Run of Saturday 30 January added to your log." in shown and shown.count(OFFER) == 1
    assert "Your profile's recent race is 10 km in 52:40." in shown
    used = ask("calendar", "use_race", {}, store=stored(reply), args={"id": NEW_ID})
    (profile_op,) = used["ops"]
    assert profile_op == race_calculator_record(PROFILE)
    assert "Saved as your recent race: 5 km in 31:40 on Saturday 30 January." in text(used)
    assert "Log a run on" in text(used)  # the run's day stays open, where the reader logged it
    assert "Use as my recent race" not in text(used)


@pytest.mark.parametrize("changed", [{"run_rpe": "4"}, {"run_distance": "6.3"}])
def test_the_calendar_offers_no_race_for_an_easy_5_km_or_a_6_3_km_run(changed: dict[str, str]) -> None:
    reply = ask("calendar", "log_run", CALENDAR_RUN | changed, args={"day": TODAY.isoformat()})
    assert "Use as my recent race" not in reply["html"]


def sent(calculator: str, store: dict[str, Any]) -> dict[str, Any]:
    """The part of ``store`` the page's glue sends to ``calculator``: the collections it reads."""
    return {name: value for name, value in store.items() if name in CALCULATORS[calculator].reads}


KEEPS = (
    "the planner uses them; Today, the training calendar and the readiness check keep your saved plan's paces until "
    "you save it again on the planner"
)


def test_with_a_saved_plan_the_offer_says_only_the_planner_uses_the_new_paces_until_it_is_saved_again() -> None:
    """Before the button, the offer said "the planner, Today and the readiness check use them", and after it the
    answer said Today follows the saved plan until it is saved again: with a saved plan from another VDOT, the offer
    says so first, wherever the race is offered; with no saved plan, or one from this race's VDOT, it says the
    new paces are used everywhere."""
    old = plan_season(WeekPrefs(run_days=3, vdot=38.2), today=date(2026, 12, 7), race_date=None, weeks=12).to_dict()
    plan = {"plan": {"season": old}}
    offers = [
        ask("readiness", "save", PARKRUN, store=plan),
        ask("readiness", "race_offer", {}, store=stored(logged(PARKRUN)) | plan, args={"id": NEW_ID}),
        ask("calendar", "log_run", CALENDAR_RUN, store=plan, args={"day": TODAY.isoformat()}),
        # the race calculator's page sends only the collections it reads, as the glue does
        ask("vdot", "compute", {"distance": "5k", "time": "31:40", "units": "km"}, store=sent("vdot", plan)),
    ]
    for reply in offers:
        assert f"makes your VDOT 28.9 (easy 7:35–8:31 /km, threshold 6:36 /km); {KEEPS}." in text(reply)
    assert "the planner, Today and the readiness check use them" in text(logged(PARKRUN))
    same = plan_season(WeekPrefs(run_days=3, vdot=28.9), today=date(2026, 12, 7), race_date=None, weeks=12).to_dict()
    assert KEEPS not in text(ask("readiness", "save", PARKRUN, store={"plan": {"season": same}}))

"""A morning check-in without an HRV device: sleep and soreness alone are saved, move the verdict one step worse
(also while HRV is not used yet) and never count as HRV readings."""

from __future__ import annotations

import html as markup
from datetime import date, timedelta
from typing import Any

from calculators.calendar_logs import read_logs
from calculators.registry import handle
from calculators.ui.calculator import after_ops
from calculators.ui.readiness_data import readable
from calculators.ui.stored_entries import entry_problem

TODAY = date(2026, 11, 23)


def ask(calculator: str, action: str, store: dict[str, Any], values: dict[str, str] | None = None) -> dict[str, Any]:
    payload = {
        "values": values or {},
        "today": TODAY.isoformat(),
        "now": "2026-11-23T08:00:00.000Z",
        "new_id": "n1",
        "store": store,
        "args": {},
        "profile": {"units": "km"},
    }
    return handle({"id": 1, "calculator": calculator, "action": action, "payload": payload})


def steady_runs(days: int = 150) -> dict[str, Any]:
    """A runner who logs an easy hour every other day for ``days`` days: the load counts, and it says green."""
    return {
        f"r{n}": {"date": (TODAY - timedelta(days=n)).isoformat(), "duration_s": 3600, "distance_m": 10000, "rpe": 4}
        for n in range(1, days, 2)
    }


def test_sleep_and_soreness_alone_are_saved_as_a_check_in_without_an_hrv_reading() -> None:
    reply = ask("readiness", "save", {}, {"entry": "hrv", "sleep_hours": "5:30", "soreness": "4"})
    assert reply["ok"], reply
    (op,) = reply["ops"]
    assert op["id"] == "2026-11-23" and op["value"]["rmssd_ms"] is None
    assert op["value"]["sleep_hours"] == 5.5 and op["value"]["soreness"] == 4
    page = markup.unescape(reply["html"])
    assert "Morning check-in for Monday 23 November (sleep 5.5 h, soreness 4 of 5; no HRV reading) saved." in page


def test_a_check_in_with_nothing_in_it_is_refused_on_the_rmssd_box_and_nothing_is_stored() -> None:
    reply = ask("readiness", "save", {}, {"entry": "hrv", "resting_hr": "48"})
    assert reply["ok"] is False and not reply.get("ops")
    assert reply["error"]["field"] == "rmssd"
    assert "rMSSD (5 to 300 ms), your sleep (0 to 24 hours) or your soreness (1 to 5)" in reply["error"]["message"]


def test_rmssd_added_later_the_same_morning_keeps_the_check_ins_sleep() -> None:
    store = after_ops({}, ask("readiness", "save", {}, {"entry": "hrv", "sleep_hours": "7"})["ops"])
    asked = ask("readiness", "save", store, {"entry": "hrv", "rmssd": "60"})
    assert asked["effects"][0]["message"] == (
        "You already saved a morning check-in for Monday 23 November (sleep 7 h; no HRV reading). "
        "Replace it with 60 ms? Its sleep (7 h) would be kept, as you left that empty."
    )


def test_a_check_in_reads_in_every_path_and_old_readings_still_do() -> None:
    """The log, the calendar's logs and the backup/restore check all take a check-in; one with nothing is left out."""
    checkin, old, empty = {"sleep_hours": 5.0}, {"rmssd_ms": 60.0}, {"rmssd_ms": None}
    assert readable("hrv", "2026-11-20", checkin) and readable("hrv", "2026-11-20", old)
    assert not readable("hrv", "2026-11-20", empty) and not readable("hrv", "2026-11-20", {"rmssd_ms": 900.0})
    assert entry_problem("hrv", "2026-11-20", checkin, today=TODAY) is None
    assert entry_problem("hrv", "2026-11-20", empty, today=TODAY) is not None
    logs = read_logs({"hrv": {"2026-11-20": checkin, "2026-11-21": old, "2026-11-22": empty}})
    assert sorted(logs.hrv) == [date(2026, 11, 20), date(2026, 11, 21)]
    assert logs.hrv[date(2026, 11, 20)].rmssd_ms is None and logs.hrv[date(2026, 11, 20)].sleep_hours == 5.0


def test_check_ins_never_count_as_hrv_readings() -> None:
    """20 mornings of sleep alone build no HRV history: the page still says HRV is optional, and 2 readings in the last
    7 days among daily check-ins stay too sparse (the 3-in-7 rule counts real rMSSD only)."""
    checkins = {(TODAY - timedelta(days=n)).isoformat(): {"sleep_hours": 7.5} for n in range(20)}
    page = markup.unescape(ask("readiness", "compute", {"runs": steady_runs(), "hrv": checkins})["html"])
    assert "HRV is optional." in page and "From your training load: train as planned" in page
    readings = {(TODAY - timedelta(days=n)).isoformat(): {"rmssd_ms": 70.0 + n % 3} for n in range(7, 40)}
    readings |= {(TODAY - timedelta(days=n)).isoformat(): {"rmssd_ms": 70.0} for n in (1, 2)}
    store = {"runs": steady_runs(), "hrv": {**readings, **{k: v for k, v in checkins.items() if k not in readings}}}
    sparse = markup.unescape(ask("readiness", "compute", store)["html"])
    assert "HRV too sparse (2 readings in the last 7 days" in sparse


def test_a_sore_check_in_makes_the_load_only_verdict_one_step_worse_on_every_page() -> None:
    store = {"runs": steady_runs(), "hrv": {TODAY.isoformat(): {"soreness": 4}}}
    page = markup.unescape(ask("readiness", "compute", store)["html"])
    assert "From your training load: take it easier, because of: soreness 4 of 5" in page
    assert (
        "with HRV not used yet, Stridelab's rule takes that step from your training load's verdict): your training "
        "load alone would say “train as planned”; it now says “take it easier”." in page
    )
    today = markup.unescape(ask("today", "compute", store)["html"])
    assert "soreness 4 of 5 moves the verdict one step worse" in today
    calendar = markup.unescape(ask("calendar", "compute", store)["html"])
    assert "Readiness: amber, from your training load; one step worse for soreness 4 of 5" in calendar
    rested = markup.unescape(ask("readiness", "compute", {"runs": steady_runs(), "hrv": {}})["html"])
    assert "From your training load: train as planned" in rested and "one step worse" not in rested

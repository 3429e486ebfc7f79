"""The sentence that tells a runner in their first weeks what readiness will add, and from when."""

from __future__ import annotations

from datetime import date

import pytest

from calculators.ui.readiness_start import still_to_come
from tests.unit.test_readiness import TODAY, ago, check, hrv, loads

#: Five mornings of HRV, the first on Thursday 19 November (TODAY is Monday 23 November 2026).
NEW_HRV = {ago(n): 60.0 for n in range(5)}


@pytest.mark.parametrize(("readings", "days", "said"), [
    (NEW_HRV, 10, "Your HRV baseline is ready on day 14 from your first reading (from Wednesday 2 December), the "
                  "load ramp (how fast your training load is rising) after 3 weeks of logs (from Friday 4 December), "
                  "and form (how fresh you are: fitness − fatigue) after 18 weeks of logs (from Friday 19 March 2027; "
                  "shown from Friday 4 December, still settling)."),
    (NEW_HRV, 21, "Your HRV baseline is ready on day 14 from your first reading (from Wednesday 2 December) and "
                  "form (how fresh you are: fitness − fatigue) after 18 weeks of logs (from Monday 8 March 2027; shown "
                  "meanwhile, still settling)."),
    ({}, 21, "Form (how fresh you are: fitness − fatigue) is ready after 18 weeks of logs (from Monday 8 March 2027; "
             "shown meanwhile, still settling)."),
    (hrv(), 50, "Form (how fresh you are: fitness − fatigue) is ready after 18 weeks of logs (from Sunday 7 February "
                "2027; shown meanwhile, still settling)."),
    ({}, 0, "The load ramp (how fast your training load is rising) is ready after 3 weeks of logs and form (how fresh "
            "you are: fitness − fatigue) after 18 weeks of logs (shown after 3 weeks, still settling)."),
    (hrv(), 130, None),
])  # fmt: skip
def test_a_new_runner_is_told_what_comes_when_counted_from_their_own_first_log(
    readings: dict[date, float], days: int, said: str | None
) -> None:
    """The HRV baseline needs 14 days from the first reading and the ramp 3 weeks of logs; form shows from those 3
    weeks, still settling, and counts after 126 days, each counted from the first reading or log, that day included (the
    constants the verdict itself waits for). Only what does not count yet is named; once everything counts the
    sentence is gone. HRV is left out for a reader who logs none: it is optional, and the page says so once
    elsewhere."""
    r = check(readings, loads(days=days) if days else {})
    assert still_to_come(r, TODAY) == said


def test_the_dates_count_from_the_first_log_rest_days_included_not_from_days_with_a_log() -> None:
    """One run on Saturday 21 November, read on Monday: the ramp counts from the 21st day from that Saturday, that
    day included, whatever was logged since; and the reasons below the sentence do not give the dates again."""
    r = check({}, {ago(2): 300.0})
    said = still_to_come(r, TODAY)
    assert said is not None and said.startswith(
        "The load ramp (how fast your training load is rising) is ready after 3 weeks of logs (from Friday 11 December"
    )
    assert not any("from Friday 11 December" in d for d in r.drivers)


def test_first_weeks_with_next_to_nothing_logged_wait_6_weeks_for_the_ramp_and_18_for_form() -> None:
    """One run, then two empty weeks: no usual week to start the averages from, so the ramp waits for its 6 weeks and
    form shows only when it counts, as before the start was seeded."""
    r = check({}, {ago(29): 300.0} | {ago(n): 300.0 for n in range(8)})
    assert still_to_come(r, TODAY) == (
        "The load ramp (how fast your training load is rising) is ready after 6 weeks of logs (from Saturday 5 "
        "December) and form (how fresh you are: fitness − fatigue) after 18 weeks of logs (from Saturday 27 February "
        "2027)."
    )


def test_old_imported_readings_do_not_bring_the_baseline_forward_and_the_page_says_why() -> None:
    """Two mornings imported from late October, then five from Thursday 19 November: the baseline is ready 14 days
    from that Thursday, as for a reader with no old readings, and both the sentence and the reason say the October
    readings do not count."""
    imported = NEW_HRV | {ago(30): 55.0, ago(29): 58.0}
    r = check(imported, {})
    said = still_to_come(r, TODAY)
    assert said is not None and said.startswith(
        "Your HRV baseline is ready on day 14 from your first reading after a week without any (from Wednesday "
        "2 December; readings up to Sunday 25 October do not count)"
    )
    assert r.drivers[0] == (
        "HRV not used yet: day 5 of 14 from your first reading after a week without any, Thursday 19 November "
        "(readings up to Sunday 25 October do not count)"
    )

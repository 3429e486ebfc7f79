"""Coming back after days without running: the plan's first hard session back is run easy and its first long run back
cut back (Stridelab's rule)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from calculators.reschedule_comeback import COMEBACK_DAYS, comeback, comeback_day, one_instruction, strength_dropped
from calculators.week_plan import DayPlan

MONDAY = date(2027, 1, 4)


def day(n: int, run: str, minutes: float | None = 30, strength: str | None = None) -> tuple[date, DayPlan]:
    d = MONDAY + timedelta(days=n)
    volume = 1.0 if strength else 0.0
    return d, DayPlan(weekday=d.weekday(), day=d, run=run, minutes=minutes, strength=strength, strength_volume=volume)


#: Monday tempo + Session A, Tuesday easy, Thursday intervals + Session B, Saturday long: three weeks of it.
PLAN = dict(
    day(n + 7 * w, run, strength=kind)
    for w in (0, 1, 2)
    for n, run, kind in ((0, "tempo", "A"), (1, "easy", None), (3, "intervals", "B"), (5, "long", None))
)


def runs_until(last: date) -> set[date]:
    """A run every other day for three weeks up to ``last``."""
    return {last - timedelta(days=2 * n) for n in range(11)}


@pytest.mark.parametrize(("days_off", "said"), [(COMEBACK_DAYS - 1, False), (COMEBACK_DAYS, True), (20, True)])
def test_the_first_hard_session_after_a_week_without_running_is_run_easy(days_off: int, said: bool) -> None:
    """Rule: after 7 days or more without a run, the first hard session back is run easy, and the words say why."""
    back = MONDAY + timedelta(days=7)  # the second Monday's tempo run
    words = comeback(runs_until(back - timedelta(days=days_off + 1)), PLAN, back)
    assert (words is not None) == said
    if words is not None:
        assert words.startswith(f"Your first hard session back after {days_off} days without a run (the last was on ")
        # The talk test, never "E pace": it holds for a runner without a VDOT, who has no E pace (the card has it).
        assert (
            "run easy instead of the tempo run for its planned 30 min, easy enough that you can talk in full" in words
        )
        assert "E pace" not in words
        assert "Stridelab's rule after 7 days or more without running" in words


def test_an_easy_run_back_first_still_leaves_the_hard_session_easy_and_a_hard_one_done_ends_it() -> None:
    """Back with the plan's easy Tuesday, the Thursday intervals are still the first hard session back; once they
    were run, the next tempo is planned as usual."""
    ill = runs_until(MONDAY - timedelta(days=1))  # nothing from Monday to Monday
    tuesday, thursday = MONDAY + timedelta(days=8), MONDAY + timedelta(days=10)
    words = comeback(ill | {tuesday}, PLAN, thursday)
    assert words is not None and "run easy instead of intervals" in words
    assert comeback(ill | {tuesday, thursday}, PLAN, MONDAY + timedelta(days=14)) is None


def test_only_hard_days_after_a_real_gap_get_it() -> None:
    gap = runs_until(MONDAY - timedelta(days=1))
    assert comeback(gap, PLAN, MONDAY + timedelta(days=8)) is None  # the easy Tuesday: nothing to ease
    assert comeback(set(), PLAN, MONDAY + timedelta(days=7)) is None  # no run logged yet: a first run, not a return
    assert comeback(gap, {}, MONDAY + timedelta(days=7)) is None  # no plan, no hard session


def test_the_first_hard_session_back_drops_its_strength_session_and_names_the_next_one() -> None:
    """TRAINING-RULES.md: strength goes with a hard run, never on an easy day ("that turns a recovery day into a
    stress day"). The first hard session back is run easy, so its strength session is dropped that day, as a red day
    drops it, and the plan's next strength session is named; any other day keeps its strength."""
    ill = runs_until(MONDAY - timedelta(days=1))
    back = MONDAY + timedelta(days=7)
    words = strength_dropped(ill, PLAN, back, today=back)
    assert words is not None and words.startswith(
        "No Session A on Monday 11 January: your first hard session back is run easy, and strength goes with a hard "
        "run, never on an easy day (that turns a recovery day into a stress day), so it is dropped that day. Your "
        "plan's next strength session is Session B on Thursday 14 January, with its hard run."
    )
    assert "still counts" in words
    assert strength_dropped(ill | {back}, PLAN, back + timedelta(days=3), today=back) is None  # back on Monday
    assert strength_dropped(runs_until(back - timedelta(days=1)), PLAN, back, today=back) is None  # no gap
    assert strength_dropped(ill, PLAN, back + timedelta(days=1), today=back) is None  # the easy Tuesday: no strength


def test_only_the_next_hard_session_ahead_is_the_first_back_while_no_run_is_logged_yet() -> None:
    """Read with today's date, the plan's hard sessions still to come are read as run: the next one is the first
    back, not every one after it; one in the past that was not run leaves the gap open to the next."""
    ill = runs_until(MONDAY - timedelta(days=1))
    monday, thursday = MONDAY + timedelta(days=7), MONDAY + timedelta(days=10)
    assert comeback_day(ill, PLAN, monday, today=monday - timedelta(days=2))
    assert not comeback_day(ill, PLAN, thursday, today=monday - timedelta(days=2))
    assert comeback_day(ill, PLAN, thursday, today=monday + timedelta(days=1))  # Monday passed without a run
    assert comeback_day(ill, PLAN, thursday)  # without today: the runs logged alone say it


def test_the_first_long_run_back_is_cut_back_as_an_amber_morning_cuts_a_run() -> None:
    """Rule: after 7 days or more without a run, the first long run back is 60–70 % of its planned minutes (the amber
    share, TRAINING-RULES.md "Tomorrow's easy run"), never under 20, and the words say why; the ones after it are run
    as planned."""
    plan = dict(PLAN) | dict([day(12, "long", minutes=120)])
    ill = runs_until(MONDAY - timedelta(days=1))  # nothing from Monday to Monday
    words = comeback(ill, plan, MONDAY + timedelta(days=12), today=MONDAY + timedelta(days=8))
    assert words is not None
    assert words.startswith("Your first long run back since your last run on Sunday 3 January: ")
    assert "run 72–84 min instead of the planned 120 min, easy enough that you can talk in full sentences" in words
    assert "Stridelab's rule after 7 days or more without running" in words
    assert "as an amber morning cuts a run (60–70 % of its minutes, never under 20)" in words
    assert not comeback_day(ill, plan, MONDAY + timedelta(days=12))  # no strength goes with a long run to drop
    short = dict(PLAN) | dict([day(12, "long", minutes=25)])
    assert "run 20 min instead of the planned 25 min" in (comeback(ill, short, MONDAY + timedelta(days=12)) or "")
    # Once a long run was run since the gap, the next is planned as usual; the hard sessions keep their own first.
    done = ill | {MONDAY + timedelta(days=12)}
    assert comeback(done, plan, MONDAY + timedelta(days=19)) is None
    assert comeback(done, plan, MONDAY + timedelta(days=14)) is not None  # no tempo or intervals run since


def test_only_the_next_long_run_ahead_is_the_first_back() -> None:
    """Read from today, the second long run ahead comes after the first: it is not cut too."""
    ill = runs_until(MONDAY - timedelta(days=1))
    today = MONDAY + timedelta(days=8)
    assert comeback(ill, PLAN, MONDAY + timedelta(days=12), today=today) is not None
    assert comeback(ill, PLAN, MONDAY + timedelta(days=19), today=today) is None


@pytest.mark.parametrize("advice", ["Rest today.", "Shorter and slower: 20–21 min in the slow half of your E range."])
def test_a_red_or_amber_morning_wins_over_the_cut_long_run(advice: str) -> None:
    """As for a hard session, the verdict's own run is the instruction and the cut long run a short "also"."""
    ill = runs_until(MONDAY - timedelta(days=1))
    said = one_instruction(advice, ill, PLAN, MONDAY + timedelta(days=12))
    assert said == (
        f"{advice} Also your first long run back after 12 days without a run: Stridelab's rule cuts it back when you "
        "run it."
    )


def test_a_day_ahead_dates_the_gap_instead_of_counting_it_up_to_that_day() -> None:
    """Before any run is logged after the gap, today's hard session counts the days without a run up to today, and a
    day ahead names the last run's date with no count: Marco read "11 days" on Monday's tempo and "16" on Saturday's
    long run for one gap, and a count up to today would read under the rule's 7 days two days before it applies."""
    ill = runs_until(MONDAY - timedelta(days=12))  # the last run 12 days before Monday: 11 days without one
    monday, saturday = MONDAY, MONDAY + timedelta(days=5)
    assert "hard session back after 11 days without a run (the last was on" in (
        comeback(ill, PLAN, monday, today=monday) or ""
    )
    ahead = comeback(ill, PLAN, saturday, today=monday) or ""
    assert ahead.startswith("Your first long run back since your last run on Wednesday 23 December 2026: run ")
    assert "days without a run:" not in ahead
    said = one_instruction("Rest today.", ill, PLAN, saturday, today=monday)
    assert said == (
        "Rest today. Also your first long run back since your last run on Wednesday 23 December 2026: Stridelab's "
        "rule cuts it back when you run it."
    )
    # Once the day has come, or without a today to read from, the count is the day's own.
    assert "after 16 days without a run" in (comeback(ill, PLAN, saturday, today=saturday) or "")
    assert "after 16 days without a run" in (comeback(ill, PLAN, saturday) or "")

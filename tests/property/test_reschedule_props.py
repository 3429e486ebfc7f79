"""Properties of the "when life happens" offers (issue 9): the planner's rules hold or are named; logs are safe."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.plan_changes import CHANGES_COLLECTION, apply_offer
from calculators.plan_json import season_from_dict
from calculators.planner import SeasonPlan, rule_violations, season_violations
from calculators.readiness_easy_run import RED_ALTERNATIVE_MINUTES
from calculators.reschedule import reschedule_offers
from calculators.reschedule_case import Offer
from calculators.ui.calculator import after_ops

from .strategies_calendar import run_logs, seasons, strength_logs

PLANNED_ON = date(2026, 3, 4)


@st.composite
def cases(draw: st.DrawFn) -> tuple[SeasonPlan, date, str, date]:
    """A season (easy weeks or not), a day in it, a trigger, and a today the trigger allows (missed: on or after;
    red, amber, busy: on or before)."""
    plan = draw(seasons(today=PLANNED_ON, easy_weeks_too=True))
    days = [d.day for d in plan.days() if d.day is not None]
    day = draw(st.sampled_from(days))
    trigger = draw(st.sampled_from(["missed", "red", "amber", "busy"]))
    shift = draw(st.integers(min_value=0, max_value=8))
    today = day + timedelta(days=shift) if trigger == "missed" else day - timedelta(days=shift)
    return plan, day, trigger, today


def _offers(case: tuple[SeasonPlan, date, str, date]) -> tuple[Offer, ...]:
    plan, day, trigger, today = case
    return reschedule_offers(plan, day, trigger=trigger, today=today)  # type: ignore[arg-type]


@settings(deadline=None, max_examples=120)
@given(cases())
def test_every_offer_keeps_the_rules_or_names_the_bent_one(case: tuple[SeasonPlan, date, str, date]) -> None:
    """ "The rescheduling offer always satisfies the planner's hard rules or names the bent one.\""""
    plan, day, _, today = case
    offers = _offers(case)
    assert len(offers) <= 3
    for offer in offers:
        assert set(rule_violations(offer.week, cyclic=False, easy_weeks=plan.prefs.easy_weeks)) <= set(offer.bent_rules)
        after = season_from_dict(after_ops({"plan": {"season": plan.to_dict()}}, _ops(plan, offer))["plan"]["season"])
        new = set(season_violations(after)) - set(season_violations(plan))
        assert {line.split(": ", 1)[1] for line in new} <= set(offer.bent_rules)
        for before, now in zip(offer.before.days, offer.week.days, strict=True):
            assert now.weekday == before.weekday and now.day == before.day
            if before.day is not None and before.day < today and before.day != day:
                assert now == before  # the past is history
            if before.run == "race" or now.run == "race":
                assert now == before  # race day never moves
        assert offer.description and offer.description[0].isupper()


@settings(deadline=None, max_examples=120)
@given(case=cases(), red=st.sets(st.integers(min_value=0, max_value=1)))
def test_no_offer_puts_a_hard_session_or_the_long_run_on_a_red_day(
    case: tuple[SeasonPlan, date, str, date], red: set[int]
) -> None:
    """TRAINING-RULES.md, readiness red: "a hard session planned tomorrow becomes easy or moves"."""
    plan, day, trigger, today = case
    red_days = frozenset(today + timedelta(days=n) for n in red)
    for offer in reschedule_offers(plan, day, trigger=trigger, today=today, red_days=red_days):  # type: ignore[arg-type]
        for before, now in zip(offer.before.days, offer.week.days, strict=True):
            if now.day in red_days and now.run != before.run:
                assert now.run not in ("tempo", "intervals", "long")
            if now.run == "easy" and now.day in red_days and now != before:  # "20–30 min very easy", moved or not
                if now.minutes is not None:
                    assert now.minutes <= RED_ALTERNATIVE_MINUTES[1]
                else:  # a plan by distance alone: at most the distance of the run it replaces, which it remembers
                    assert now.km is not None and now.cut_from_km is not None and now.km <= now.cut_from_km
                assert now.strength is None


@settings(deadline=None, max_examples=120)
@given(case=cases(), profile_days=st.just(()) | st.sets(st.integers(min_value=0, max_value=6), min_size=3))
def test_a_move_goes_only_to_days_the_reader_runs_and_bends_no_rule_but_off_a_busy_day(
    case: tuple[SeasonPlan, date, str, date], profile_days: set[int] | tuple[()]
) -> None:
    """Only a day the reader can run (the profile's run days, else the plan's) takes a moved session, and a move
    that would bend a rule the plan kept is not offered (easy or skip is), except off a busy day, where the reader
    cannot run: there it comes after every offer that keeps the rules, and names each rule it bends."""
    plan, day, trigger, today = case
    run_weekdays = tuple(sorted(profile_days))
    can_run = set(run_weekdays or plan.prefs.available_days)
    offers = reschedule_offers(plan, day, trigger=trigger, today=today, run_weekdays=run_weekdays)  # type: ignore[arg-type]
    keeping = sum(not o.bends for o in offers)
    easy = plan.prefs.easy_weeks
    for n, offer in enumerate(offers):
        if offer.kind != "move":
            continue
        for before, now in zip(offer.before.days, offer.week.days, strict=True):
            if now != before and now.run != "rest":
                assert now.weekday in can_run
        new = set(rule_violations(offer.week, cyclic=False, easy_weeks=easy)) - set(
            rule_violations(offer.before, cyclic=False, easy_weeks=easy)
        )
        after = season_from_dict(after_ops({"plan": {"season": plan.to_dict()}}, _ops(plan, offer))["plan"]["season"])
        across = {line.split(": ", 1)[1] for line in set(season_violations(after)) - set(season_violations(plan))}
        assert new | across <= set(offer.bends)
        if offer.bends:
            assert trigger == "busy" and n >= keeping


@settings(deadline=None, max_examples=120)
@given(case=cases(), done=st.sets(st.integers(min_value=-3, max_value=6)))
def test_an_offer_moves_at_most_one_other_session_never_onto_today_nor_a_day_done(
    case: tuple[SeasonPlan, date, str, date], done: set[int]
) -> None:
    """No offer moves anything onto today or a day gone by, nor moves or plans again a session done; an offer moves
    at most the session itself and one other, so one sentence says it."""
    plan, day, trigger, today = case
    done_days = frozenset(today + timedelta(days=n) for n in done) - {day}
    offers = reschedule_offers(plan, day, trigger=trigger, today=today, done=done_days)  # type: ignore[arg-type]
    for offer in offers:
        assert len(offer.moves) <= 2
        for before, now in zip(offer.before.days, offer.week.days, strict=True):
            if before.day in done_days or (before.day is not None and before.day <= today and before.day != day):
                assert now == before
    assert reschedule_offers(plan, day, trigger=trigger, today=today, done=frozenset({day})) == ()  # type: ignore[arg-type]


def _ops(plan: SeasonPlan, offer: Offer) -> tuple[dict[str, Any], ...]:
    return apply_offer(plan.to_dict(), offer, change_id="change-1", today=offer.day)


@settings(deadline=None, max_examples=60)
@given(
    case=cases(),
    runs=run_logs(first=PLANNED_ON, days=60),
    lifts=strength_logs(first=PLANNED_ON, days=60),
    choice=st.integers(min_value=0, max_value=2),
)
def test_applying_an_offer_never_removes_a_logged_session(
    case: tuple[SeasonPlan, date, str, date], runs: dict[str, Any], lifts: dict[str, Any], choice: int
) -> None:
    """ "Logged sessions are never deleted by a plan change": the ops touch only the plan and its history."""
    plan, _, _, today = case
    offers = _offers(case)
    if not offers:
        return
    offer = offers[choice % len(offers)]
    hrv = {"2026-03-04": {"rmssd_ms": 60}}
    store = {"plan": {"season": plan.to_dict()}, "runs": runs, "strength": lifts, "hrv": hrv}
    before = json.loads(json.dumps(store))
    ops = apply_offer(store["plan"]["season"], offer, change_id="change-1", today=today)
    assert {op["collection"] for op in ops} <= {"plan", CHANGES_COLLECTION}
    assert all(op["op"] == "put" for op in ops)
    after = after_ops(store, ops)
    for name in ("runs", "strength", "hrv"):
        assert after[name] == before[name]
    assert after[CHANGES_COLLECTION]["change-1"]["description"] == offer.description
    assert store == before  # the stored plan handed in is not changed in place

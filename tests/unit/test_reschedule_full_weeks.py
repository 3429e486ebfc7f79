"""When life happens in a full week: a busy day in a five-run week, a long run swapped off a busy day, and an easy
week's lifting day moved (calculators/reschedule_moves.py, Stridelab's rules for a busy day and for easy weeks)."""

from __future__ import annotations

import html as markup
from datetime import timedelta

from calculators.plan_changes import apply_offer, read_changes
from calculators.plan_json import season_from_dict
from calculators.planner import WeekPrefs, plan_season, rule_violations
from calculators.reschedule import reschedule_offers
from calculators.ui.calculator import after_ops

from .test_calendar_page import ask
from .test_reschedule import FIVE_DAYS, MON, MONDAY, SAT, SUN, THU, TUE, WED, layout, layout_of

STACKED = "Wednesday and Thursday are stress days back to back: an easy day or rest should follow each stress day."
STRENGTH_AFTER = "Strength on Thursday comes the day after Wednesday's stress day, which should be easy or rest."
# An easy week (Hard runs: "None: easy weeks") of four runs: Session A after Monday's easy run, B after Thursday's.
EASY_WEEKS = plan_season(
    WeekPrefs(run_days=4, vdot=50, easy_weeks=True), today=MONDAY - timedelta(days=7), race_date=None, weeks=4
)


def test_a_busy_hard_day_in_a_full_week_swaps_with_the_nearest_easy_run_naming_the_rule_it_bends() -> None:
    """Tuesday's tempo run, every run day taken (Monday and Friday are not run days): no move keeps every rule, so
    after the skip comes the swap with Wednesday's easy run, which keeps the session and the week's volume and says
    it puts two stress days back to back; then the same move with the easy run left out, for a day the runner
    cannot run at all. Saturday, the day before the long run, would bend a rule as well, and is further away."""
    assert layout_of(FIVE_DAYS.weeks[1].plan) == ["rest", "tempoA", "easy", "intervalsB", "rest", "easy", "long"]
    offers = reschedule_offers(FIVE_DAYS, TUE, trigger="busy", today=MON)
    assert [(o.kind, o.description, layout(o), o.bends) for o in offers] == [
        ("skip", "Skip it: rest on Tuesday 10 March, no strength; the rest of the week stays as planned.",
         ["rest", "rest", "easy", "intervalsB", "rest", "easy", "long"], ()),
        ("move", "Move the tempo run + Session A to Wednesday 11 March and the easy run to Tuesday 10 March (if you "
         "can run easy that day).",
         ["rest", "easy", "tempoA", "intervalsB", "rest", "easy", "long"], (STACKED, STRENGTH_AFTER)),
        ("move", "Move the tempo run + Session A to Wednesday 11 March; rest on Tuesday 10 March; drop the easy run of "
         "Wednesday 11 March.",
         ["rest", "rest", "tempoA", "intervalsB", "rest", "easy", "long"], (STACKED, STRENGTH_AFTER)),
    ]  # fmt: skip
    swap = offers[1]
    assert swap.week.volume == swap.before.volume and swap.bent_rules == swap.bends
    assert set(rule_violations(swap.week, cyclic=False)) == set(swap.bends)


def test_a_busy_interval_day_in_a_full_week_swaps_with_the_easy_run_before_it() -> None:
    """Thursday's intervals: Wednesday's easy run comes to Thursday, the intervals to Wednesday, the day after the
    tempo run, and the offer says so; accepted, the week is stored with the rule it bends in the change record."""
    offers = reschedule_offers(FIVE_DAYS, THU, trigger="busy", today=MON)
    assert [o.kind for o in offers] == ["skip", "move", "move"]
    swap = offers[1]
    assert layout(swap) == ["rest", "tempoA", "intervalsB", "easy", "rest", "easy", "long"]
    assert swap.description == (
        "Move intervals + Session B to Wednesday 11 March and the easy run to Thursday 12 March (if you can run easy "
        "that day)."
    )
    assert swap.bends[0] == (
        "Tuesday and Wednesday are stress days back to back: an easy day or rest should follow each stress day."
    )
    plan_op, change_op = apply_offer(FIVE_DAYS.to_dict(), swap, change_id="c-9", today=MON)
    assert season_from_dict(plan_op["value"]).weeks[1].plan == swap.week
    assert change_op["value"]["bent_rules"] == list(swap.bent_rules)
    (change,) = read_changes({"plan_changes": {"c-9": change_op["value"]}})
    assert change.description == swap.description


def test_a_bent_move_is_only_for_a_busy_day() -> None:
    """Missed on Tuesday and found out the same day, the tempo run has no later day that keeps the rules: the runner
    can still run easy today, so no move that bends a rule is offered."""
    offers = reschedule_offers(FIVE_DAYS, TUE, trigger="missed", today=TUE)
    assert [o.kind for o in offers] == ["easy", "skip"] and all(not o.bends for o in offers)


def test_a_busy_long_run_swaps_onto_the_easy_run_day_naming_the_rest_before_it() -> None:
    """Sunday's long run: onto Saturday with Saturday's easy run left out keeps every rule (four runs then) and
    comes first; the swap that keeps all five runs puts rest, not an easy run, the day before the new long run, and
    is offered after the skip, naming that one rule (Stridelab's rule: not relaxed, as the planner keeps it)."""
    offers = reschedule_offers(FIVE_DAYS, SUN, trigger="busy", today=MON)
    assert [(o.kind, layout(o)) for o in offers] == [
        ("move", ["rest", "tempoA", "easy", "intervalsB", "rest", "long", "rest"]),
        ("skip", ["rest", "tempoA", "easy", "intervalsB", "rest", "easy", "rest"]),
        ("move", ["rest", "tempoA", "easy", "intervalsB", "rest", "long", "easy"]),
    ]
    drop, _, swap = offers
    assert drop.bends == () and drop.week.volume < drop.before.volume
    assert swap.description == (
        "Move the long run to Saturday 14 March and the easy run to Sunday 15 March (if you can run easy that day)."
    )
    assert swap.bends == (
        "With five or more run days the day before the long run (Friday) should be an easy run, as in the guide's "
        "five-day week.",
    )
    assert swap.week.volume == swap.before.volume


def test_an_easy_weeks_lift_on_a_busy_day_moves_alone_onto_the_next_easy_run() -> None:
    """Monday's easy run + Session A, busy: Session A goes after Tuesday's easy run, and Monday keeps its easy run if
    the runner can fit it in; otherwise Monday rests. Both keep easy weeks' rules: an easy day or rest after each
    lifting day (Tuesday's lift, then Wednesday's rest before Thursday's)."""
    assert layout_of(EASY_WEEKS.weeks[1].plan) == ["easyA", "easy", "rest", "easyB", "rest", "long", "rest"]
    offers = reschedule_offers(EASY_WEEKS, MON, trigger="busy", today=MON - timedelta(days=1))
    assert [(o.kind, o.description, layout(o)) for o in offers] == [
        ("move", "Move Session A to Tuesday 10 March, after that day's easy run; keep the easy run of Monday 9 March "
         "(if you can run easy that day).", ["easy", "easyA", "rest", "easyB", "rest", "long", "rest"]),
        ("move", "Move Session A to Tuesday 10 March, after that day's easy run; rest on Monday 9 March.",
         ["rest", "easyA", "rest", "easyB", "rest", "long", "rest"]),
        ("skip", "Skip it: rest on Monday 9 March, no strength; the rest of the week stays as planned.",
         ["rest", "easy", "rest", "easyB", "rest", "long", "rest"]),
    ]  # fmt: skip
    before, (keep, rest, _) = EASY_WEEKS.weeks[1].plan, offers
    for offer in (keep, rest):
        assert offer.bent_rules == () == rule_violations(offer.week, cyclic=False, easy_weeks=True)
    # Each run stays as planned: only the lift moves.
    assert [d.minutes for d in keep.week.days] == [d.minutes for d in before.days]
    tuesday = keep.week.days[1]
    assert (tuesday.strength, tuesday.strength_volume) == ("A", before.days[0].strength_volume)
    assert tuesday.reason == "Easy run, then Session A moved here from Monday 9 March (busy that day)."
    assert keep.week.days[0].reason == "Easy run; Session A moved to Tuesday 10 March (busy that day)."
    assert [(m.what, m.from_day, m.to_day) for m in rest.moves] == [
        ("Session A", MON, TUE),
        ("the easy run", MON, None),
    ]


def test_an_easy_weeks_lift_moves_with_its_easy_run_onto_a_free_day() -> None:
    """Thursday's easy run + Session B, busy: Wednesday is free, with Tuesday's easy run before it and Friday's rest
    after it, so the whole day moves there."""
    offers = reschedule_offers(EASY_WEEKS, THU, trigger="busy", today=MON)
    assert offers[0].description == "Move the easy run + Session B to Wednesday 11 March; rest on Thursday 12 March."
    assert layout(offers[0]) == ["easyA", "easy", "easyB", "rest", "rest", "long", "rest"]
    assert offers[0].bent_rules == ()


def test_a_missed_easy_weeks_lift_moves_to_a_later_easy_run_and_its_run_stays_as_history() -> None:
    """Monday's lift missed, found out that day: Session A goes after Tuesday's easy run; Monday's easy run stays in
    the plan (it was missed, not moved), and no "run easy instead" is offered, the day being an easy run already."""
    offers = reschedule_offers(EASY_WEEKS, MON, trigger="missed", today=MON)
    assert [(o.kind, o.description) for o in offers] == [
        ("move", "Move Session A to Tuesday 10 March, after that day's easy run."),
        ("skip", "Skip it: rest on Monday 9 March, no strength; the rest of the week stays as planned."),
    ]
    assert layout(offers[0]) == ["easy", "easyA", "rest", "easyB", "rest", "long", "rest"]


def test_an_easy_weeks_lift_never_lands_where_its_rules_or_readiness_forbid() -> None:
    """No lift on a red day (its strength would be dropped), none onto a day that lifts already, none the day after
    the long run; with Tuesday red, no move of Monday's lift keeps the rules (Wednesday and Friday come right before
    another lifting day or the long run, Sunday after the long run): the skip comes first, and the move after it
    names the rule it bends."""
    offers = reschedule_offers(
        EASY_WEEKS, MON, trigger="busy", today=MON - timedelta(days=1), red_days=frozenset({TUE})
    )
    assert [(o.kind, bool(o.bends)) for o in offers] == [("skip", False), ("move", True)]
    for offer in offers:
        assert offer.week.days[1].strength is None and offer.week.days[6].strength is None
        assert sum(d.strength is not None for d in offer.week.days) <= 2
    # An amber lifting day gets the readiness page's advice, not a move.
    assert reschedule_offers(EASY_WEEKS, MON, trigger="amber", today=MON) == ()


def test_in_easy_weeks_the_long_run_is_not_moved_to_the_day_before_a_lift() -> None:
    """The guide's week rests after the long run, so no move puts a hard session the day after it; in easy weeks the
    lifts are the stress days, so Saturday's long run, busy, does not go to Sunday, the day before next Monday's
    Session A. No move keeps every rule then: the one after the skip names the rule it bends."""
    assert EASY_WEEKS.weeks[2].plan.days[0].strength == "A"
    offers = reschedule_offers(EASY_WEEKS, SAT, trigger="busy", today=WED)
    assert all(o.week.days[6].run != "long" for o in offers)
    assert [(o.kind, bool(o.bends)) for o in offers] == [("skip", False), ("move", True)]


def test_the_calendar_offers_to_move_a_missed_lift_and_accepting_it_changes_the_week() -> None:
    """On the calendar, an easy week's lifting day has offers as a hard session has: ahead of a busy Monday, to move
    Session A to Tuesday's easy run, which accepted stores the week with Session A on Tuesday; missed, found out on
    Tuesday, to skip it (no later day keeps the rules by then: Wednesday and Friday come right before a lift or the
    long run, Sunday right after it)."""
    store = {"plan": {"season": EASY_WEEKS.to_dict()}}
    args = {"day": MON.isoformat()}
    sunday = MON - timedelta(days=1)
    details = markup.unescape(ask("day", store, today=sunday, args=args)["html"])
    assert "Change the plan" in details
    assert (
        "Move Session A to Tuesday 10 March, after that day's easy run; keep the easy run of Monday 9 March" in details
    )
    accept = ask("accept", store, today=sunday, args=args | {"trigger": "busy", "index": 0, "kind": "move"})
    assert accept["ok"], accept
    week = season_from_dict(after_ops(store, accept["ops"])["plan"]["season"]).weeks[1].plan
    assert layout_of(week) == ["easy", "easyA", "rest", "easyB", "rest", "long", "rest"]
    missed = markup.unescape(ask("day", store, today=TUE, args=args)["html"])
    assert "Change the plan" in missed and "Skip the easy run + Session A this week" in missed

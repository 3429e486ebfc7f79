"""When life happens (issue 9): rescheduling offers against the guide's week, and applying one to the stored plan."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest

from calculators.errors import InputError
from calculators.plan_changes import CHANGES_COLLECTION, apply_offer, read_changes, undo_change
from calculators.plan_json import season_from_dict
from calculators.planner import WeekPrefs, plan_season, rule_violations, season_violations
from calculators.readiness_easy_run import easy_run
from calculators.reschedule import reschedule_offers
from calculators.ui.planner_tables import season_table
from calculators.units import PaceUnit

MONDAY = date(2026, 3, 9)
# The guide's four-run week (TRAINING-RULES.md): Mon tempo + A, Tue easy, Thu intervals + B, Sat long.
PLAN = plan_season(WeekPrefs(run_days=4, vdot=50), today=MONDAY - timedelta(days=7), race_date=None, weeks=4)
MON, TUE, WED, THU, FRI, SAT, SUN = (MONDAY + timedelta(days=n) for n in range(7))


Expected = tuple[str, str, list[str]]  # kind, description, the week's runs (+ strength)


def layout_of(week: Any) -> list[str]:
    return [d.run + (d.strength or "") for d in week.days]


def layout(offer: Any) -> list[str]:
    return layout_of(offer.week)


@pytest.mark.parametrize(
    ("trigger", "day", "today", "offers"),
    [
        (  # later days: Friday and Sunday come right before or after the long run, Saturday is the long run's
            "red",
            THU,
            WED,
            [
                ("easy", "Make Thursday 12 March an easy run of 20–30 min, very easy, or rest; no strength that day.",
                 ["tempoA", "easy", "rest", "easy", "rest", "long", "rest"]),
                ("skip", "Skip it: rest on Thursday 12 March, no strength; the rest of the week stays as planned.",
                 ["tempoA", "easy", "rest", "rest", "rest", "long", "rest"]),
            ],
        ),
        (
            "missed",
            THU,
            FRI,
            [
                ("skip", "Skip intervals + Session B this week; the rest of the week stays as planned.",
                 ["tempoA", "easy", "rest", "intervalsB", "rest", "long", "rest"]),
            ],
        ),
        (  # TRAINING-RULES.md, amber: "a hard session planned tomorrow is swapped with the next easy day"
            "amber",
            MON,
            MON,
            [
                ("move", "Swap it with your next easy day: move the tempo run + Session A to Tuesday 10 March and "
                 "the easy run to Monday 9 March.",
                 ["easy", "tempoA", "rest", "intervalsB", "rest", "long", "rest"]),
                ("easy", "Run easy today instead: shorter and slower, as readiness says, no strength, and leave the "
                 "tempo run + Session A out this week.",
                 ["easy", "easy", "rest", "intervalsB", "rest", "long", "rest"]),
                ("skip", "Skip it: rest on Monday 9 March, no strength; the rest of the week stays as planned.",
                 ["rest", "easy", "rest", "intervalsB", "rest", "long", "rest"]),
            ],
        ),
        (  # Sunday would put the long run the day before Monday's tempo run
            "red",
            SAT,
            FRI,
            [
                ("easy", "Make Saturday 14 March an easy run of 20–30 min, very easy, or rest.",
                 ["tempoA", "easy", "rest", "intervalsB", "rest", "easy", "rest"]),
                ("skip", "Skip it: rest on Saturday 14 March; the rest of the week stays as planned.",
                 ["tempoA", "easy", "rest", "intervalsB", "rest", "rest", "rest"]),
            ],
        ),
    ],
)  # fmt: skip
def test_offers_for_the_guides_week(
    trigger: str, day: date, today: date, offers: list[tuple[str, str, list[str]]]
) -> None:
    found = reschedule_offers(PLAN, day, trigger=trigger, today=today)  # type: ignore[arg-type]
    assert [(o.kind, o.description, layout(o)) for o in found] == offers
    for offer in found:
        assert offer.bent_rules == () == rule_violations(offer.week, cyclic=False)


def test_a_red_day_easy_run_has_no_strength_and_very_easy_paces() -> None:
    """TRAINING-RULES.md, red: "rest, or 20–30 min very easy"; strength that day is dropped. Very easy is the slow
    half of the E range, as the readiness page gives the red day's optional run."""
    (easy,) = [o for o in reschedule_offers(PLAN, THU, trigger="red", today=WED) if o.kind == "easy"]
    day = easy.week.days[3]
    assert (day.run, day.strength, day.minutes) == ("easy", None, 30)
    fast, slow = PLAN.weeks[1].plan.days[1].pace_s_per_km or (0.0, 0.0)  # the plan's own E range
    assert day.pace_s_per_km == ((fast + slow) / 2, slow)


def test_a_session_missed_today_can_become_an_easy_run() -> None:
    offers = reschedule_offers(PLAN, THU, trigger="missed", today=THU)
    assert [o.kind for o in offers] == ["easy", "skip"]  # no move: today is under way, later days break a rule
    easy = offers[0]
    usual, session = PLAN.weeks[1].plan.days[1].minutes or 0, PLAN.weeks[1].plan.days[3].minutes or 0
    assert easy.week.days[3].minutes == min(usual, session)  # the plan's easy run, never longer than the session
    assert easy.description.startswith("Run easy today instead")


def test_a_session_missed_today_in_a_plan_by_distance_becomes_the_weeks_easy_run_in_miles() -> None:
    """A plan in miles without a VDOT gives its easy runs no minutes: the easy run offered for a tempo run missed today
    was the runner's own usual easy run, "28 min at easy pace", in minutes his plan never gives. It is now the week's
    easy run by distance, Thursday's 1.5 mi, in miles, as an amber day's stand-in is sized, and no longer than the
    session it replaces."""
    from tests.unit.test_today_page import DEV_PLAN

    tuesday, thursday = date(2026, 11, 17), date(2026, 11, 19)
    days = DEV_PLAN.planned_days()
    assert days[tuesday].run == "tempo" and days[tuesday].minutes is None and days[thursday].minutes is None
    offers = reschedule_offers(DEV_PLAN, tuesday, trigger="missed", today=tuesday, usual_easy=28, unit="mi")
    (easy,) = [o for o in offers if o.kind == "easy"]
    run = easy.week.days[tuesday.weekday()]
    assert (run.run, run.minutes, run.km) == ("easy", None, days[thursday].km)
    assert run.cut_from is None and run.cut_from_km is None  # the week's run as it is, not a verdict's cut
    assert easy.description.startswith("Run easy today instead: 1.5 mi at easy pace, no strength")
    shorter = replace(days[tuesday], km=1.0 * 1.609344)  # a session shorter than the easy run caps it
    week = DEV_PLAN.weeks[3]
    assert week.start <= tuesday < week.start + timedelta(days=7)
    plan = replace(DEV_PLAN, weeks=(*DEV_PLAN.weeks[:3], replace(week, plan=replace(week.plan, days=tuple(
        shorter if d.day == tuesday else d for d in week.plan.days))), *DEV_PLAN.weeks[4:]))  # fmt: skip
    (capped,) = [
        o for o in reschedule_offers(plan, tuesday, trigger="missed", today=tuesday, unit="mi") if o.kind == "easy"
    ]
    assert capped.week.days[tuesday.weekday()].km == shorter.km and "1 mi at easy pace" in capped.description


def test_a_red_day_in_a_miles_plan_by_distance_offers_up_to_the_days_own_distance_in_miles() -> None:
    """TRAINING-RULES.md, red: "rest, or 20–30 min very easy". A plan in miles without a VDOT was offered "20–30 min"
    for a 2-mile long run (and a 1.5-mile easy run moved onto a red day became 30 min): in minutes the plan never gives,
    and possibly longer than the run. Now the offer names the run in miles, up to the session's own distance and 30 min
    at most, as the verdict does, and the day keeps that distance."""
    from tests.unit.test_today_page import DEV_PLAN

    monday, tuesday, saturday = date(2026, 11, 16), date(2026, 11, 17), date(2026, 11, 21)
    days = DEV_PLAN.planned_days()
    (easy,) = [
        o for o in reschedule_offers(DEV_PLAN, saturday, trigger="red", today=monday, unit="mi") if o.kind == "easy"
    ]
    assert easy.description == (
        "Make Saturday 21 November an easy run of up to 2 mi (30 min at most), very easy, or rest."
    )
    run = easy.week.days[saturday.weekday()]
    assert (run.run, run.minutes, run.km, run.cut_from_km) == ("easy", None, days[saturday].km, days[saturday].km)
    # Tuesday's tempo run moved to Thursday on a red Tuesday: Thursday's easy run comes to Tuesday, by distance.
    move = next(
        o for o in reschedule_offers(DEV_PLAN, tuesday, trigger="red", today=monday, unit="mi") if o.kind == "move"
    )
    assert "the easy run to Tuesday 17 November as up to 1.5 mi (30 min at most) very easy (readiness red)" in (
        move.description
    )
    moved = move.week.days[tuesday.weekday()]
    assert (moved.run, moved.minutes, moved.km, moved.strength) == ("easy", None, days[date(2026, 11, 19)].km, None)


def test_an_amber_days_easy_run_in_a_plan_by_distance_is_the_swapped_days_distance_cut_back_and_kept_so() -> None:
    """A plan in miles without a VDOT: the amber offer to run easy in the tempo run's place plans the easy run the
    verdict names (Thursday's 1.5 mi, cut to 60–70 %), by distance, not the runner's usual 28 min cut back, which would
    be longer than the run it replaces. Accepted, the day keeps the distance it was cut from, so its verdict gives the
    same run again, never a cut of it."""
    plan = plan_season(
        WeekPrefs(run_days=3, available_days=(1, 3, 5), volume_unit="mi", current_volume=6),
        today=date(2026, 10, 26),
        race_date=None,
        weeks=8,
    )
    monday, tuesday, thursday = date(2026, 11, 16), date(2026, 11, 17), date(2026, 11, 19)
    swapped = plan.planned_days()[thursday]
    assert swapped.run == "easy" and swapped.minutes is None and swapped.km == pytest.approx(1.5 * 1.609344)
    offers = reschedule_offers(plan, tuesday, trigger="amber", today=monday, usual_easy=28)
    (easy,) = [o for o in offers if o.kind == "easy"]
    run = easy.week.days[tuesday.weekday()]
    assert run.minutes is None and run.cut_from is None and run.cut_from_km == swapped.km
    assert run.km is not None and 0.6 * swapped.km <= run.km <= 0.7 * swapped.km  # the middle of the verdict's cut
    stored = apply_offer(plan.to_dict(), easy, change_id="c-1", today=monday)[0]["value"]
    kept = season_from_dict(stored).planned_days()[tuesday]
    assert kept == run
    from tests.unit.test_readiness import check, hrv

    again = check(hrv(low_days=1), tomorrow=kept, easy_pace=None, unit="mi").next_easy_run
    assert again is not None and again.summary == (
        "Shorter and slower: about 0.9–1.1 mi, slower than your usual easy runs, as you accepted it on the training "
        "calendar."
    )


@pytest.mark.parametrize(
    ("unit", "easy_run", "red_run"),
    [("km", "2.4 km", "up to 2.4 km (30 min at most)"), ("mi", "1.5 mi", "up to 1.5 mi (30 min at most)")],
)
def test_offers_in_a_plan_made_in_miles_name_distances_in_the_readers_unit(
    unit: PaceUnit, easy_run: str, red_run: str
) -> None:
    """A plan made in miles by a reader whose profile is in km: the offers said "1.5 mi" beside a card and a verdict
    in km. Each offer now says its distance in the reader's unit (one unit a screen, readiness_easy_run), and the
    reason a moved day keeps in the plan names no unit at all, since it outlasts a change of units."""
    plan = plan_season(
        WeekPrefs(run_days=3, available_days=(1, 3, 5), volume_unit="mi", current_volume=6),
        today=date(2026, 10, 26),
        race_date=None,
        weeks=8,
    )
    monday, tuesday = date(2026, 11, 16), date(2026, 11, 17)
    missed = {o.kind: o for o in reschedule_offers(plan, tuesday, trigger="missed", today=tuesday, unit=unit)}
    assert missed["easy"].description.startswith(f"Run easy today instead: {easy_run} at easy pace, no strength")
    red = {o.kind: o for o in reschedule_offers(plan, tuesday, trigger="red", today=monday, unit=unit)}
    assert red["easy"].description.startswith(f"Make Tuesday 17 November an easy run of {red_run}, very easy")
    assert red["move"].description.endswith(
        f"the easy run to Tuesday 17 November as {red_run} very easy (readiness red)."
    )
    kept = red["move"].week.days[tuesday.weekday()].reason
    assert kept.endswith("Readiness is red that day: up to the distance planned (30 min at most) very easy, or rest.")
    other = "mi" if unit == "km" else "km"
    words = [o.description for o in (*missed.values(), *red.values())] + [d.reason for d in red["move"].week.days]
    assert not [w for w in words if f" {other} " in f"{w} " or f" {other})" in w or f" {other}," in w]


#: The guide's easy weeks (every run easy, Sessions A and B after two of them): Mon easy + A, Tue easy, Thu easy + B,
#: Sat long.
EASY_WEEKS = plan_season(
    WeekPrefs(run_days=4, easy_weeks=True), today=MONDAY - timedelta(days=7), race_date=None, weeks=4
)


def test_a_lift_missed_after_its_run_is_skipped_when_no_later_hard_run_of_the_week_is_free() -> None:
    """Monday's tempo run was run, Session A was not: the run alone made the day done, so the calendar offered
    nothing. The lift now gets what a missed one gets. In the guide's week the only later hard run, Thursday's
    intervals, carries Session B already and strength never goes on an easy day, so the one offer is to skip it; the
    day gone by stays as it was, its run logged."""
    assert reschedule_offers(PLAN, MON, trigger="missed", today=TUE, done=frozenset({MON})) == ()  # the day is done
    offers = reschedule_offers(PLAN, MON, trigger="missed", today=TUE, done=frozenset({MON}), lift_only=True)
    assert [(o.kind, o.description) for o in offers] == [
        ("skip", "Skip Session A this week; the rest of the week stays as planned.")
    ]
    (skip,) = offers
    assert skip.lift_only and skip.week == skip.before
    assert [(m.what, m.from_day, m.to_day) for m in skip.moves] == [("Session A", MON, None)]


def test_a_lift_missed_after_its_run_moves_alone_to_the_next_day_whose_run_can_carry_it() -> None:
    """An easy week's Session A, missed on Monday after its easy run: on Tuesday it goes with today's easy run (the
    lift comes after the run), Monday's run stays as it was run, and the week keeps its rules: Monday, without its
    lift, is no stress day, and Wednesday rests before Thursday's Session B."""
    offers = reschedule_offers(EASY_WEEKS, MON, trigger="missed", today=TUE, done=frozenset({MON}), lift_only=True)
    assert [o.kind for o in offers] == ["move", "skip"]
    move = offers[0]
    assert move.description == "Move Session A to today (Tuesday 10 March), after your easy run."
    assert layout(move) == ["easy", "easyA", "rest", "easyB", "rest", "long", "rest"] and move.bends == ()
    assert not rule_violations(move.week, cyclic=False, easy_weeks=True)
    monday, tuesday = move.week.days[0], move.week.days[1]
    assert monday.minutes == EASY_WEEKS.weeks[1].plan.days[0].minutes  # the run as it was planned and run
    assert monday.reason == "Easy run; Session A moved to Tuesday 10 March (missed)."
    assert tuesday.reason == "Easy run, then Session A moved here from Monday 9 March (missed)."
    # Tuesday run already (done) or red: no day left this week, so the skip alone.
    for kept in ({"done": frozenset({MON, TUE})}, {"red_days": frozenset({TUE})}):
        found = reschedule_offers(EASY_WEEKS, MON, trigger="missed", today=TUE, lift_only=True, **kept)
        assert [o.kind for o in found] == ["skip"], kept
    # Never the day before the long run (it would follow a stress day), nor two lifts on one day (Thursday).
    later = reschedule_offers(EASY_WEEKS, MON, trigger="missed", today=WED, done=frozenset({MON}), lift_only=True)
    assert [o.kind for o in later] == ["skip"]


def test_a_lift_missed_after_its_run_never_moves_into_the_last_14_days_before_a_race() -> None:
    """TRAINING-RULES.md: "Two weeks before race day: drop strength entirely". Monday 9 March's Session A, 15 days
    before a race on Tuesday 24 March, has no day to go to: Tuesday is 14 days before it."""
    plan = plan_season(
        WeekPrefs(run_days=4, easy_weeks=True), today=MONDAY - timedelta(days=7), race_date=MON + timedelta(days=15),
        weeks=4,
    )  # fmt: skip
    assert plan.planned_days()[MON].strength == "A" and plan.planned_days()[THU].strength is None
    offers = reschedule_offers(plan, MON, trigger="missed", today=TUE, done=frozenset({MON}), lift_only=True)
    assert [o.kind for o in offers] == ["skip"]


def test_a_session_missed_in_a_week_already_over_gets_no_offer() -> None:
    """A runner looking back at last week's missed tempo run is offered nothing: "Skip it this week" would be about
    a week that has ended."""
    assert reschedule_offers(PLAN, THU, trigger="missed", today=SUN) != ()  # its week still runs
    assert reschedule_offers(PLAN, THU, trigger="missed", today=SUN + timedelta(days=1)) == ()


def test_a_session_missed_on_a_red_day_becomes_the_red_days_very_easy_run() -> None:
    """TRAINING-RULES.md, red: "rest, or 20–30 min very easy"; not the week's usual easy run."""
    offers = reschedule_offers(PLAN, THU, trigger="missed", today=THU, red_days=frozenset({THU}))
    (easy,) = [o for o in offers if o.kind == "easy"]
    day = easy.week.days[3]
    assert (day.run, day.strength, day.minutes) == ("easy", None, 30)
    assert easy.description == (
        "Readiness is red today: run 20–30 min very easy instead, or rest, no strength, "
        "and leave intervals + Session B out this week."
    )


def test_no_move_is_offered_when_every_layout_would_break_a_rule() -> None:
    """Intervals missed Thursday, found out on Saturday: on Saturday they come the day before Sunday's long run, on
    Sunday the day before next Monday's tempo run; TRAINING-RULES.md: an easy day or rest follows each stress day."""
    offers = reschedule_offers(PLAN, THU, trigger="missed", today=SAT)
    assert [(o.kind, o.bent_rules) for o in offers] == [("skip", ())]


# The reader who runs on Tuesday, Wednesday, Thursday, Saturday and Sunday: never on Monday or Friday.
FIVE_DAYS = plan_season(
    WeekPrefs(run_days=5, available_days=(1, 2, 3, 5, 6), vdot=46),
    today=MONDAY - timedelta(days=7),
    race_date=None,
    weeks=4,
)


def test_a_move_puts_sessions_only_on_days_the_reader_runs() -> None:
    """A session the reader cannot make on Thursday goes to Wednesday while every day is a run day; with a profile
    that runs on Monday, Tuesday, Thursday, Saturday and Sunday no move keeps the rules: never to Wednesday, a rest
    day because the reader cannot run then (Tuesday and Sunday would follow a hard session or the long run). The
    move offered after the skip, off a busy day, bends a rule and says so, and uses only the reader's run days."""
    (move, *_) = reschedule_offers(PLAN, THU, trigger="busy", today=MON)
    assert layout(move) == ["tempoA", "easy", "intervalsB", "rest", "rest", "long", "rest"]
    offers = reschedule_offers(PLAN, THU, trigger="busy", today=MON, run_weekdays=(0, 1, 3, 5, 6))
    assert [(o.kind, bool(o.bends)) for o in offers] == [("skip", False), ("move", True)]
    bent = offers[1]
    assert bent.week.days[2].run == "rest"  # never Wednesday
    assert bent.bends[0] == (
        "Monday and Tuesday are stress days back to back: an easy day or rest should follow each stress day."
    )


@pytest.mark.parametrize(
    ("trigger", "day", "today"),
    [("missed", TUE, WED), ("missed", WED, THU), ("red", WED, TUE), ("missed", FRI, SAT)],
)
def test_nothing_to_offer(trigger: str, day: date, today: date) -> None:
    """A missed easy run or rest day needs no reshuffle; a red rest day is already rest."""
    assert reschedule_offers(PLAN, day, trigger=trigger, today=today) == ()  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("trigger", "day", "today", "words"),
    [
        ("missed", THU, WED, "Only a session on or before today (Wednesday 11 March) can be missed."),
        ("red", THU, FRI, "A red readiness day is today (Friday 13 March) or later."),
        ("red", date(2027, 1, 4), WED, "Monday 4 January 2027 is not in your saved plan."),
    ],
)
def test_refused_days(trigger: str, day: date, today: date, words: str) -> None:
    with pytest.raises(InputError) as caught:
        reschedule_offers(PLAN, day, trigger=trigger, today=today)  # type: ignore[arg-type]
    assert caught.value.field == "day" and words in caught.value.message


def test_race_week_moves_keep_the_planners_race_rules() -> None:
    """No hard run in the last two days before the race, no strength in the last 14 days, race day fixed."""
    race = date(2026, 4, 5)  # a Sunday
    plan = plan_season(WeekPrefs(run_days=5, vdot=50), today=MONDAY, race_date=race, race_distance_m=10000.0)
    week = plan.weeks[-1]
    hard = next(d for d in week.plan.days if d.run in ("tempo", "intervals"))
    assert hard.day is not None
    offers = reschedule_offers(plan, hard.day, trigger="red", today=hard.day)
    assert [o.kind for o in offers] == ["move", "easy", "skip"]
    for offer in offers:
        for day in offer.week.days:
            assert day.day is not None
            if day.run in ("tempo", "intervals"):
                assert (race - day.day).days > 2
            assert day.strength is None
        assert offer.week.days[6] == week.plan.days[6]


def test_apply_writes_the_week_and_a_change_record() -> None:
    stored = PLAN.to_dict() | {"note": "kept"}
    offer = reschedule_offers(PLAN, THU, trigger="busy", today=MON)[0]
    plan_op, change_op = apply_offer(stored, offer, change_id="c-1", today=MON)
    assert (plan_op["op"], plan_op["collection"], plan_op["id"]) == ("put", "plan", "season")
    value = plan_op["value"]
    assert value["note"] == "kept" and stored["weeks"][1]["plan"] == PLAN.weeks[1].plan.to_dict()
    after = season_from_dict(value)
    assert after.weeks[1].plan == offer.week and after.weeks[0] == PLAN.weeks[0]
    assert value["weeks"][1]["key_sessions"] == [
        # 240 min at VDOT 50 (about 45.6 km): Daniels' 10 % at T and 8 % at I, less than half of 50 min.
        "Tempo run 50 min + Session A (Mon): about 19 min at tempo effort",
        "Intervals 50 min + Session B (Wed): about 14 min hard, in 3–5 min repeats",
        "Long run 85 min (Sat)",
    ]
    assert set(season_violations(after)) <= set(season_violations(PLAN))
    assert (change_op["collection"], change_op["id"]) == (CHANGES_COLLECTION, "c-1")
    record = change_op["value"]
    assert record["applied"] == MON.isoformat() and record["trigger"] == "busy" and record["kind"] == "move"
    assert record["moves"] == [{"what": "intervals + Session B", "from": THU.isoformat(), "to": WED.isoformat()}]
    assert record["before"] == PLAN.weeks[1].plan.to_dict()
    (change,) = read_changes({CHANGES_COLLECTION: {"c-1": record}})
    assert change.description == offer.description and change.moves == offer.moves and change.day == THU


def test_skipping_a_past_session_changes_only_the_history() -> None:
    (offer,) = [o for o in reschedule_offers(PLAN, THU, trigger="missed", today=FRI) if o.kind == "skip"]
    (op,) = apply_offer(PLAN.to_dict(), offer, change_id="c-2", today=FRI)
    assert op["collection"] == CHANGES_COLLECTION


def test_a_stale_offer_is_refused() -> None:
    offer = reschedule_offers(PLAN, THU, trigger="busy", today=MON)[0]
    stored = apply_offer(PLAN.to_dict(), offer, change_id="c-1", today=MON)[0]["value"]
    with pytest.raises(InputError) as caught:
        apply_offer(stored, offer, change_id="c-3", today=WED)
    assert caught.value.field == "plan"
    with pytest.raises(InputError) as caught:
        apply_offer(PLAN.to_dict(), offer, change_id="", today=WED)
    assert caught.value.field == "new_id"


def test_read_changes_skips_what_does_not_read() -> None:
    good = {"applied": "2026-03-11", "trigger": "red", "day": "2026-03-12", "kind": "skip", "description": "Skip it."}
    store = {CHANGES_COLLECTION: {"b": good, "a": good | {"applied": "2026-03-10"}, "bad": {"trigger": "red"}}}
    assert [c.id for c in read_changes(store)] == ["a", "b"]
    assert read_changes({}) == ()


# Tempo on Tuesday, intervals on Friday, the long run on Sunday; Tuesday 8 December missed, found out on Thursday.
TUESDAY_TEMPO = plan_season(
    WeekPrefs(run_days=4, hard_days=(1, 4), long_run_day=6, vdot=50),
    today=date(2026, 11, 30),
    race_date=None,
    weeks=4,
)
TUE_8, WED_9, THU_10, SUN_13 = date(2026, 12, 8), date(2026, 12, 9), date(2026, 12, 10), date(2026, 12, 13)


def test_no_offer_moves_a_hard_session_or_the_long_run_onto_a_red_day() -> None:
    """TRAINING-RULES.md, red: "a hard session planned tomorrow becomes easy or moves" — so none is moved there."""
    (unaware, *_) = reschedule_offers(PLAN, THU, trigger="busy", today=MON)
    assert unaware.week.days[2].run == "intervals"  # the layout a red Wednesday must rule out
    offers = reschedule_offers(PLAN, THU, trigger="busy", today=MON, red_days=frozenset({WED}))
    assert [o.kind for o in offers if not o.bends] == ["skip"]
    assert all(o.week.days[2].run == "rest" for o in offers)


def test_a_red_day_swaps_with_the_next_easy_run_cut_to_the_red_days_very_easy_run() -> None:
    """TRAINING-RULES.md, red: "rest, or 20–30 min very easy"; readiness: "make tomorrow easy (or rest) and move the
    session later in the week". Tuesday's easy run comes to Monday, cut short; the tempo run takes Tuesday."""
    (move, *_) = reschedule_offers(PLAN, MON, trigger="red", today=MON)
    assert layout(move) == ["easy", "tempoA", "rest", "intervalsB", "rest", "long", "rest"]
    usual, red = PLAN.weeks[1].plan.days[1], move.week.days[0]
    assert (usual.run, usual.minutes) == ("easy", 55)
    assert (red.run, red.minutes, red.strength) == ("easy", 30, None)
    assert red.km is not None and usual.km is not None and red.km < usual.km
    assert red.reason == (
        "Easy run moved here from Tuesday 10 March to make room for the tempo run + Session A moved from Monday"
        " 9 March (readiness red). Readiness is red that day: 20–30 min very easy, or rest."
    )
    assert move.week.days[1].reason == "Tempo run moved here from Monday 9 March (readiness red)."
    assert move.description == (
        "Move the tempo run + Session A to Tuesday 10 March and the easy run to Monday 9 March"
        " as 20–30 min very easy (readiness red)."
    )


def test_a_red_days_swap_never_puts_the_easy_run_on_a_day_the_reader_no_longer_runs() -> None:
    """The plan has the tempo run on Monday, but the profile's run days have changed since and leave Monday out:
    Tuesday's easy run cannot come to Monday, so the tempo run moves on its own and Monday is rest."""
    (move, *_) = reschedule_offers(PLAN, MON, trigger="red", today=MON, run_weekdays=(1, 2, 3, 5))
    assert move.kind == "move"
    assert move.week.days[0].run == "rest"
    for before, now in zip(move.before.days, move.week.days, strict=True):
        if now != before and now.run != "rest":
            assert now.weekday in (1, 2, 3, 5)


def test_an_amber_offer_on_a_day_that_is_red_gives_the_red_days_very_easy_run() -> None:
    """Amber's swap would bring the next easy run forward, cut to 60–70 %; on a day readiness has since made red it is
    20–30 min very easy (TRAINING-RULES.md, red), not the next easy run's minutes ("20–70 min")."""
    offers = reschedule_offers(PLAN, MON, trigger="amber", today=MON, red_days=frozenset({MON}))
    (easy,) = [o for o in offers if o.kind == "easy"]
    assert easy.week.days[0].minutes is not None and easy.week.days[0].minutes <= 30
    assert "run 20–30 min very easy instead" in easy.description


def test_an_amber_swap_that_would_follow_the_long_run_is_not_offered() -> None:
    """Tempo on Tuesday, its next easy day the Sunday after Saturday's long run: the swap the amber verdict asks for
    would put the tempo run the day after the long run, so the offers are to run easy or skip, and no day is named
    without its date."""
    plan = plan_season(
        WeekPrefs(run_days=4, available_days=(1, 3, 5, 6), vdot=42), today=MONDAY, race_date=None, weeks=4
    )
    assert layout_of(plan.weeks[1].plan) == ["rest", "tempoA", "rest", "intervalsB", "rest", "long", "easy"]
    offers = reschedule_offers(plan, TUE, trigger="amber", today=TUE)
    # The easy run the swap would bring forward, as readiness names it ("your next easy day's … min, cut back"), cut
    # as readiness cuts it: the readiness page and Today give this very offer, so the two numbers must agree.
    sunday = plan.weeks[1].plan.days[6].minutes or 0
    assert offers[0].week.days[1].minutes == easy_run("amber", sunday, None, None, None).minutes < sunday
    assert [(o.kind, o.description) for o in offers] == [
        (
            "easy",
            "A swap with your next easy day, Sunday 15 March, would put the tempo run + Session A the day after the "
            "long run. Run easy today instead: shorter and slower, as readiness says, no strength, and leave the "
            "tempo run + Session A out this week.",
        ),
        ("skip", "Skip it: rest on Tuesday 10 March, no strength; the rest of the week stays as planned."),
    ]


def test_no_offer_moves_anything_onto_today_or_a_past_day_nor_a_session_done() -> None:
    """The tempo run missed on Monday, found out on Tuesday: Tuesday is under way, so it is not moved there (and
    Wednesday, Friday and Sunday would each put it next to another hard day or the long run). A session done
    already is neither moved nor a partner: with Wednesday's run logged, a busy Thursday has no move to Wednesday."""
    offers = reschedule_offers(PLAN, MON, trigger="missed", today=TUE)
    assert [o.kind for o in offers] == ["skip"] and offers[0].week.days[1] == PLAN.weeks[1].plan.days[1]
    offers = reschedule_offers(PLAN, THU, trigger="busy", today=MON, done=frozenset({WED}))
    assert [o.kind for o in offers if not o.bends] == ["skip"]
    assert all(o.week.days[2] == PLAN.weeks[1].plan.days[2] for o in offers)
    assert reschedule_offers(PLAN, THU, trigger="busy", today=MON, done=frozenset({THU})) == ()


@pytest.mark.parametrize(
    ("day", "today", "description", "runs"),
    [
        (  # Wednesday, before it, keeps an easy day either side; Friday would come the day before the long run
            THU,
            MON,
            "Move intervals + Session B to Wednesday 11 March; rest on Thursday 12 March.",
            ["tempoA", "easy", "intervalsB", "rest", "rest", "long", "rest"],
        ),
        (  # Tuesday's easy run makes room, to Wednesday: the one other session an offer may move
            MON,
            MON - timedelta(days=1),
            "Move the tempo run + Session A to Tuesday 10 March and the easy run to Wednesday 11 March; rest on "
            "Monday 9 March.",
            ["rest", "tempoA", "easy", "intervalsB", "rest", "long", "rest"],
        ),
    ],
)
def test_a_session_the_reader_cannot_make_moves_earlier_or_later(
    day: date, today: date, description: str, runs: list[str]
) -> None:
    """A day known to be busy: the session may go to any day of its week from today on, by the same rules; no easy
    run is offered for a day the reader cannot run."""
    offers = reschedule_offers(PLAN, day, trigger="busy", today=today)
    assert [o.kind for o in offers] == ["move", "skip"]
    move, skip = offers
    assert (move.description, layout(move), move.bent_rules) == (description, runs, ())
    assert skip.description.startswith(f"Skip it: rest on {day:%A}")
    assert move.week.days[day.weekday()].reason.endswith("(busy that day).")


def test_a_busy_day_changes_no_day_before_today_and_puts_nothing_on_itself() -> None:
    """Moving earlier stops at tomorrow: today is under way and the days before it are history. The busy day itself
    becomes rest."""
    for today in (MON, TUE, WED, THU):
        past = today.weekday() + 1
        for offer in reschedule_offers(PLAN, THU, trigger="busy", today=today):
            assert offer.week.days[: min(past, 3)] == PLAN.weeks[1].plan.days[: min(past, 3)]
            assert offer.week.days[3].run == "rest" and offer.week.days[3].strength is None


def test_only_a_session_from_today_on_can_be_moved_ahead() -> None:
    with pytest.raises(InputError) as caught:
        reschedule_offers(PLAN, THU, trigger="busy", today=FRI)
    assert caught.value.field == "day" and "from today (Friday 13 March) on" in caught.value.message
    assert reschedule_offers(PLAN, TUE, trigger="busy", today=MON) == ()  # an easy run needs no reshuffle


def test_a_change_for_a_busy_day_is_kept_in_the_history() -> None:
    (move, _) = reschedule_offers(PLAN, THU, trigger="busy", today=MON)
    _, change_op = apply_offer(PLAN.to_dict(), move, change_id="c-4", today=MON)
    (change,) = read_changes({CHANGES_COLLECTION: {"c-4": change_op["value"]}})
    assert (change.trigger, change.description) == ("busy", move.description)


def test_an_amber_swap_never_lands_the_hard_session_on_a_day_already_amber() -> None:
    """Monday amber, tomorrow's verdict amber too: moving the tempo run to Tuesday would only be swapped again."""
    plain = reschedule_offers(PLAN, MON, trigger="amber", today=MON)
    assert plain[0].kind == "move" and plain[0].moves[0].to_day == MON + timedelta(days=1)
    offers = reschedule_offers(PLAN, MON, trigger="amber", today=MON, amber_days=frozenset({MON + timedelta(days=1)}))
    assert [o.kind for o in offers] == ["easy", "skip"]


def test_an_amber_day_that_cannot_swap_says_why_before_it_runs_easy_in_place() -> None:
    """The amber rule swaps the hard session with the next easy day; when it cannot, the easy run in its place says
    what stopped the swap, so "leave the tempo run out this week" is not read as the rule itself. Offered beside the
    swap, the easy run needs no such reason."""
    (easy, _) = reschedule_offers(PLAN, MON, trigger="amber", today=MON, amber_days=frozenset({TUE}))
    assert easy.description == (
        "Your next easy day, Tuesday 10 March, reads amber too until its own morning check-in, so a swap would only "
        "put the tempo run + Session A on another amber day. Run easy today instead: shorter and slower, as readiness "
        "says, no strength, and leave the tempo run + Session A out this week."
    )
    red = reschedule_offers(PLAN, MON, trigger="amber", today=MON, red_days=frozenset({TUE}))[0]
    assert red.description.startswith("Your next easy day, Tuesday 10 March, reads red too")
    last = reschedule_offers(PLAN, THU, trigger="amber", today=THU)  # no easy day after Thursday's intervals
    assert last[0].kind == "easy"
    assert last[0].description.startswith("Your plan has no easy day later this week to swap it with. Run easy today")
    beside = reschedule_offers(PLAN, MON, trigger="amber", today=MON)
    assert beside[1].kind == "easy" and beside[1].description.startswith("Run easy today instead")


# Claire: a marathon on Sunday 18 April 2027, planned in km for 18 weeks, running Tuesday, Wednesday, Thursday,
# Saturday and Sunday, the long run on Sunday.
CLAIRE_RACE = date(2027, 4, 18)
CLAIRE = plan_season(
    WeekPrefs(
        run_days=5,
        available_days=(1, 2, 3, 5, 6),
        volume_unit="km",
        current_volume=45,
        peak_volume=65,
        vdot=45,
    ),
    today=date(2026, 12, 14),
    race_date=CLAIRE_RACE,
    race_distance_m=42195.0,
)
CLAIRE_TODAY, CLAIRE_SUNDAY = date(2027, 3, 17), date(2027, 3, 21)


def test_a_week_changed_on_the_calendar_shows_what_it_now_holds_in_the_season_table() -> None:
    """A long run moved onto Saturday's easy run, which is dropped: the week's total in the season table is the
    sum of the runs left, not the planner's first figure; an undo puts the first figure back."""
    index = next(n for n, w in enumerate(CLAIRE.weeks) if w.start == date(2027, 3, 15))
    week = CLAIRE.weeks[index]
    runs = [d.km for d in week.plan.days if d.km is not None]
    assert (week.phase, week.volume, sum(runs)) == ("peak", 65, 65)  # as planned, the total is the runs' sum
    (move, *_) = reschedule_offers(CLAIRE, CLAIRE_SUNDAY, trigger="busy", today=CLAIRE_TODAY)
    dropped = week.plan.days[5]
    assert [(m.from_day, m.to_day) for m in move.moves][1] == (date(2027, 3, 20), None)
    left = sum(runs) - (dropped.km or 0)
    assert move.week.volume == left
    plan_op, change_op = apply_offer(CLAIRE.to_dict(), move, change_id="c-5", today=CLAIRE_TODAY)
    after = season_from_dict(plan_op["value"])
    assert after.weeks[index].volume == left
    (row,) = [r for r in str(season_table(after)).split("<tr") if 'datetime="2027-03-15"' in r]
    assert f">{left:g} km<" in row and f">{week.volume:g} km<" in str(season_table(CLAIRE))
    (undo, _) = undo_change(plan_op["value"], {"c-5": change_op["value"]}, "c-5")
    assert season_from_dict(undo["value"]).weeks[index].volume == week.volume


def test_a_long_run_moved_off_a_busy_day_swaps_with_the_easy_run_it_displaces() -> None:
    """Four runs (Tuesday, Thursday, Saturday, Sunday), Sunday 21 March busy: the long run takes Saturday and
    Saturday's easy run comes to Sunday, so the week keeps its volume. The reader may not be able to run at all on
    the busy day, so the move that drops the easy run follows as the fallback."""
    prefs = WeekPrefs(
        run_days=4, available_days=(1, 3, 5, 6), long_run_day=6, vdot=45, volume_unit="km", current_volume=40
    )
    plan = plan_season(prefs, today=date(2027, 3, 15), race_date=None, weeks=2)
    before = plan.weeks[0].plan
    assert layout_of(before) == ["rest", "tempoA", "rest", "intervalsB", "rest", "easy", "long"]
    offers = reschedule_offers(plan, date(2027, 3, 21), trigger="busy", today=date(2027, 3, 17))
    assert [(o.kind, o.description, layout(o)) for o in offers] == [
        (
            "move",
            "Move the long run to Saturday 20 March and the easy run to Sunday 21 March (if you can run easy that "
            "day).",
            ["rest", "tempoA", "rest", "intervalsB", "rest", "long", "easy"],
        ),
        (
            "move",
            "Move the long run to Saturday 20 March; rest on Sunday 21 March; drop the easy run of Saturday 20 March.",
            ["rest", "tempoA", "rest", "intervalsB", "rest", "long", "rest"],
        ),
        ("skip", "Skip it: rest on Sunday 21 March; the rest of the week stays as planned.",
         ["rest", "tempoA", "rest", "intervalsB", "rest", "easy", "rest"]),
    ]  # fmt: skip
    swap = offers[0]
    assert swap.bent_rules == () and swap.week.volume == before.volume
    assert swap.week.days[6].minutes == before.days[5].minutes  # the easy run as planned, not cut
    assert swap.week.days[6].reason == (
        "Easy run moved here from Saturday 20 March to make room for the long run moved from Sunday 21 March "
        "(busy that day)."
    )
    assert [(m.from_day, m.to_day) for m in swap.moves] == [
        (date(2027, 3, 21), date(2027, 3, 20)),
        (date(2027, 3, 20), date(2027, 3, 21)),
    ]

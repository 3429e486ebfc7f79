"""When life happens (issue 9): rescheduling offers against the guide's week, and applying one to the stored plan."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from calculators.errors import InputError
from calculators.plan_changes import CHANGES_COLLECTION, apply_offer, read_changes
from calculators.plan_json import season_from_dict
from calculators.planner import WeekPrefs, plan_season, rule_violations, season_violations
from calculators.reschedule import reschedule_offers

MONDAY = date(2026, 3, 9)
# The guide's four-run week (TRAINING-RULES.md): Mon tempo + A, Tue easy, Thu intervals + B, Sat long.
PLAN = plan_season(WeekPrefs(run_days=4, vdot=50), today=MONDAY - timedelta(days=7), race_date=None, weeks=4)
MON, TUE, WED, THU, FRI, SAT, SUN = (MONDAY + timedelta(days=n) for n in range(7))


Expected = tuple[str, str, list[str]]  # kind, description, the week's runs (+ strength)


def layout(offer: Any) -> list[str]:
    return [d.run + (d.strength or "") for d in offer.week.days]


@pytest.mark.parametrize(
    ("trigger", "day", "today", "offers"),
    [
        (
            "red",
            THU,
            WED,
            [
                ("move", "Move intervals + Session B to Saturday and the long run to Friday; rest on Thursday.",
                 ["tempoA", "easy", "rest", "rest", "long", "intervalsB", "rest"]),
                ("easy", "Make Thursday an easy run of 20–30 min, very easy, or rest; no strength that day.",
                 ["tempoA", "easy", "rest", "easy", "rest", "long", "rest"]),
                ("skip", "Skip it: rest on Thursday, no strength; the rest of the week stays as planned.",
                 ["tempoA", "easy", "rest", "rest", "rest", "long", "rest"]),
            ],
        ),
        (
            "missed",
            THU,
            FRI,
            [
                ("move", "Move intervals + Session B to Saturday and the long run to Friday.",
                 ["tempoA", "easy", "rest", "rest", "long", "intervalsB", "rest"]),
                ("skip", "Skip intervals + Session B this week; the rest of the week stays as planned.",
                 ["tempoA", "easy", "rest", "intervalsB", "rest", "long", "rest"]),
            ],
        ),
        (
            "missed",
            MON,
            TUE,
            [
                ("move", "Move the tempo run + Session A to Tuesday and the easy run to Wednesday.",
                 ["rest", "tempoA", "easy", "intervalsB", "rest", "long", "rest"]),
                ("skip", "Skip the tempo run + Session A this week; the rest of the week stays as planned.",
                 ["tempoA", "easy", "rest", "intervalsB", "rest", "long", "rest"]),
            ],
        ),
        (
            "red",
            SAT,
            FRI,
            [
                ("move", "Move the long run to Sunday; rest on Saturday.",
                 ["tempoA", "easy", "rest", "intervalsB", "rest", "rest", "long"]),
                ("easy", "Make Saturday an easy run of 20–30 min, very easy, or rest.",
                 ["tempoA", "easy", "rest", "intervalsB", "rest", "easy", "rest"]),
                ("skip", "Skip it: rest on Saturday; the rest of the week stays as planned.",
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


def test_a_red_day_easy_run_has_no_strength_and_easy_paces() -> None:
    """TRAINING-RULES.md, red: "rest, or 20–30 min very easy"; strength that day is dropped."""
    (easy,) = [o for o in reschedule_offers(PLAN, THU, trigger="red", today=WED) if o.kind == "easy"]
    day = easy.week.days[3]
    assert (day.run, day.strength, day.minutes) == ("easy", None, 30)
    assert day.pace_s_per_km == PLAN.weeks[1].plan.days[1].pace_s_per_km  # the plan's own E range


def test_a_session_missed_today_can_become_an_easy_run() -> None:
    offers = reschedule_offers(PLAN, THU, trigger="missed", today=THU)
    assert [o.kind for o in offers] == ["move", "easy", "skip"]
    easy = offers[1]
    assert easy.week.days[3].minutes == PLAN.weeks[1].plan.days[1].minutes
    assert easy.description.startswith("Run easy today instead")


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


@pytest.mark.parametrize(
    ("day", "description", "runs"),
    [
        (
            THU,
            "Move intervals + Session B to Sunday and the long run to Saturday; rest on Thursday; "
            "drop Saturday's easy run.",
            ["rest", "tempoA", "easy", "rest", "rest", "long", "intervalsB"],
        ),
        (  # Wednesday's easy run stays put: the easy run left out is Saturday's, whose day the long run takes
            TUE,
            "Move the tempo run + Session A to Sunday and the long run to Saturday; rest on Tuesday; "
            "drop Saturday's easy run.",
            ["rest", "rest", "easy", "intervalsB", "rest", "long", "tempoA"],
        ),
    ],
)
def test_a_move_puts_sessions_only_on_days_the_reader_runs(day: date, description: str, runs: list[str]) -> None:
    """A red day's session never moves to Friday, a rest day because the reader cannot run then."""
    week = [d.run + (d.strength or "") for d in FIVE_DAYS.weeks[1].plan.days]
    assert week == ["rest", "tempoA", "easy", "intervalsB", "rest", "easy", "long"]
    (move, *_) = reschedule_offers(FIVE_DAYS, day, trigger="red", today=day)
    assert (move.kind, move.description, layout(move), move.bent_rules) == ("move", description, runs, ())


def test_the_profiles_run_days_decide_where_a_session_can_move() -> None:
    """A plan made for any day, a profile that now runs on Monday, Tuesday, Thursday, Saturday and Sunday."""
    (move, *_) = reschedule_offers(PLAN, THU, trigger="red", today=WED)
    assert layout(move)[4] == "long"  # Friday, while every day is a run day
    offers = reschedule_offers(PLAN, THU, trigger="red", today=WED, run_weekdays=(0, 1, 3, 5, 6))
    assert [o.kind for o in offers] == ["easy", "skip"]  # Friday is out, and Saturday or Sunday would break a rule


def test_a_past_week_can_only_be_skipped() -> None:
    offers = reschedule_offers(PLAN, THU, trigger="missed", today=SUN + timedelta(days=3))
    assert [o.kind for o in offers] == ["skip"] and offers[0].week == offers[0].before


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
    offer = reschedule_offers(PLAN, THU, trigger="red", today=WED)[0]
    plan_op, change_op = apply_offer(stored, offer, change_id="c-1", today=WED)
    assert (plan_op["op"], plan_op["collection"], plan_op["id"]) == ("put", "plan", "season")
    value = plan_op["value"]
    assert value["note"] == "kept" and stored["weeks"][1]["plan"] == PLAN.weeks[1].plan.to_dict()
    after = season_from_dict(value)
    assert after.weeks[1].plan == offer.week and after.weeks[0] == PLAN.weeks[0]
    assert value["weeks"][1]["key_sessions"] == [
        "Tempo run 50 min + Session A (Mon)",
        "Long run 85 min (Fri)",
        "Intervals 50 min + Session B (Sat)",
    ]
    assert set(season_violations(after)) <= set(season_violations(PLAN))
    assert (change_op["collection"], change_op["id"]) == (CHANGES_COLLECTION, "c-1")
    record = change_op["value"]
    assert record["applied"] == WED.isoformat() and record["trigger"] == "red" and record["kind"] == "move"
    assert record["moves"][0] == {"what": "intervals + Session B", "from": THU.isoformat(), "to": SAT.isoformat()}
    assert record["before"] == PLAN.weeks[1].plan.to_dict()
    (change,) = read_changes({CHANGES_COLLECTION: {"c-1": record}})
    assert change.description == offer.description and change.moves == offer.moves and change.day == THU


def test_skipping_a_past_session_changes_only_the_history() -> None:
    (offer,) = [o for o in reschedule_offers(PLAN, THU, trigger="missed", today=FRI) if o.kind == "skip"]
    (op,) = apply_offer(PLAN.to_dict(), offer, change_id="c-2", today=FRI)
    assert op["collection"] == CHANGES_COLLECTION


def test_a_stale_offer_is_refused() -> None:
    offer = reschedule_offers(PLAN, THU, trigger="red", today=WED)[0]
    stored = apply_offer(PLAN.to_dict(), offer, change_id="c-1", today=WED)[0]["value"]
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
    (unaware, *_) = reschedule_offers(TUESDAY_TEMPO, TUE_8, trigger="missed", today=WED_9)
    assert unaware.week.days[2].run == "tempo"  # the layout a red Wednesday must rule out
    offers = reschedule_offers(TUESDAY_TEMPO, TUE_8, trigger="missed", today=WED_9, red_days=frozenset({WED_9}))
    assert offers and all(o.week.days[2].run not in ("tempo", "intervals", "long") for o in offers)
    move = next(o for o in offers if o.kind == "move")
    assert layout(move) == ["rest", "rest", "easy", "long", "intervalsB", "rest", "tempoA"]
    # a red Thursday leaves no layout that keeps the rules: the long run would come the day after a hard session
    offers = reschedule_offers(TUESDAY_TEMPO, TUE_8, trigger="missed", today=THU_10, red_days=frozenset({THU_10}))
    assert [o.kind for o in offers] == ["skip"]


def test_an_easy_run_shifted_onto_a_red_day_becomes_the_red_days_very_easy_run() -> None:
    """TRAINING-RULES.md, red: "20–30 min very easy or rest" — also for an easy run a move puts there."""
    plan = plan_season(WeekPrefs(run_days=4, vdot=50), today=date(2026, 11, 23), race_date=None, weeks=3)
    mon, tue, wed = date(2026, 11, 30), date(2026, 12, 1), date(2026, 12, 2)
    (usual, *_) = reschedule_offers(plan, mon, trigger="missed", today=tue)
    (move, *_) = reschedule_offers(plan, mon, trigger="missed", today=tue, red_days=frozenset({wed}))
    assert layout(move) == layout(usual)
    shifted = usual.week.days[2]
    assert (shifted.run, shifted.minutes) == ("easy", 50)  # the week's usual easy run, from Tuesday
    red = move.week.days[2]
    assert (red.run, red.minutes, red.strength) == ("easy", 30, None)
    assert red.km is not None and shifted.km is not None and red.km < shifted.km
    assert red.reason == (
        "Easy run moved here from Tuesday to make room for the tempo run + Session A missed on Monday."
        " Readiness is red that day: 20–30 min very easy, or rest."
    )
    assert move.description == (
        "Move the tempo run + Session A to Tuesday and the easy run to Wednesday"
        " as 20–30 min very easy (readiness red)."
    )


def test_each_moved_day_says_what_was_missed_and_what_moved_to_make_room() -> None:
    """The reason Today and the calendar show: the long run came from Sunday, which was not missed."""
    (move, *_) = reschedule_offers(TUESDAY_TEMPO, TUE_8, trigger="missed", today=THU_10)
    reasons = {d.day: d.reason for d in move.week.days}
    assert reasons[TUE_8] == "The tempo run + Session A moved to Sunday (missed)."
    assert reasons[THU_10] == (
        "Long run moved here from Sunday to make room for the tempo run + Session A missed on Tuesday."
    )
    assert reasons[SUN_13] == "Tempo run moved here from Tuesday (missed)."
    (red, *_) = reschedule_offers(PLAN, THU, trigger="red", today=WED)
    assert red.week.days[4].reason == (
        "Long run moved here from Saturday to make room for intervals + Session B moved from Thursday (readiness red)."
    )


@pytest.mark.parametrize(
    ("day", "today", "description", "runs"),
    [
        (  # Wednesday, before it, keeps an easy day either side; Friday would come the day before the long run
            THU,
            MON,
            "Move intervals + Session B to Wednesday; rest on Thursday.",
            ["tempoA", "easy", "intervalsB", "rest", "rest", "long", "rest"],
        ),
        (  # found out on the day itself: only later days are left
            THU,
            THU,
            "Move intervals + Session B to Saturday and the long run to Friday; rest on Thursday.",
            ["tempoA", "easy", "rest", "rest", "long", "intervalsB", "rest"],
        ),
        (
            SAT,
            WED,
            "Move the long run to Sunday; rest on Saturday.",
            ["tempoA", "easy", "rest", "intervalsB", "rest", "rest", "long"],
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
    """Moving earlier stops at today: the days before it are history. The busy day itself becomes rest."""
    for today in (MON, TUE, WED, THU):
        past = today.weekday()
        for offer in reschedule_offers(PLAN, THU, trigger="busy", today=today):
            assert offer.week.days[:past] == PLAN.weeks[1].plan.days[:past]
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

"""A lifter's own lifts go with the Session A or B they were logged with: Today and the strength log show them there."""

from __future__ import annotations

from datetime import date, timedelta

from calculators.calendar_logs import Link
from calculators.planner import WeekPrefs, plan_season
from calculators.strength import ExerciseLog, StrengthSession, StrengthSet
from calculators.ui.own_lift_slots import own_lifts_note, slot_lifts, slot_of

MONDAY = date(2026, 3, 2)  # the plan lifts Session A on Mondays and Session B on Thursdays
PLAN = plan_season(WeekPrefs(run_days=4, vdot=50), today=MONDAY, race_date=None, weeks=4)


def lifted(day: date, kind: str, *names: str, ident: str = "", skipped: tuple[str, ...] = ()) -> StrengthSession:
    entries = tuple(
        ExerciseLog(exercise="custom", name=name, sets=(StrengthSet(reps=5, load_kg=100.0),) * 3) for name in names
    ) + tuple(ExerciseLog(exercise="custom", name=name, skipped=True) for name in skipped)
    hip = (ExerciseLog(exercise="hip_thrust", sets=(StrengthSet(reps=6, load_kg=80.0),)),) if kind != "custom" else ()
    return StrengthSession(
        id=ident or f"{day}-{kind}",
        date=day,
        kind=kind,
        duration_min=45,
        rpe=7,
        exercises=(*hip, *entries),  # type: ignore[arg-type]
    )


def test_a_custom_session_stands_for_the_planned_session_of_its_day_its_link_or_an_a_or_b_that_day() -> None:
    on_a_day = lifted(MONDAY, "custom", "Squat")
    assert slot_of(on_a_day, (on_a_day,), PLAN) == "A"
    friday = MONDAY + timedelta(days=4)  # a rest day in the plan
    linked = lifted(friday, "custom", "Squat", ident="fri")
    link = Link(kind="strength", entry_id="fri", planned_date=MONDAY + timedelta(days=3))  # Thursday's Session B
    assert slot_of(linked, (linked,), PLAN, (link,)) == "B"
    assert slot_of(linked, (linked,), PLAN) is None
    beside = lifted(friday, "B")
    assert slot_of(linked, (linked, beside)) == "B"  # no plan: the B logged the same day


def test_the_own_lifts_of_the_slots_last_two_days_are_shown_latest_first_and_catalogue_lifts_are_not() -> None:
    today = MONDAY + timedelta(days=21)  # the plan's fourth Monday
    sessions = (
        lifted(MONDAY, "A", "Front Squat"),  # three sessions ago: dropped since
        lifted(MONDAY + timedelta(days=7), "custom", "Deadlift (Barbell)", "Bench Press (Barbell)"),
        lifted(MONDAY + timedelta(days=11), "B", "Pull Up"),  # Session B's
        lifted(MONDAY + timedelta(days=14), "A", "Squat (Barbell)", skipped=("Deadlift (Barbell)",)),
    )
    with_plan = slot_lifts("A", sessions, today, PLAN)
    assert [ex.name for ex in with_plan] == ["Squat (Barbell)", "Deadlift (Barbell)", "Bench Press (Barbell)"]
    # Without a plan the custom session stands for no session: Session A's last two are the first and the last.
    assert [ex.name for ex in slot_lifts("A", sessions, today)] == [
        "Squat (Barbell)",
        "Deadlift (Barbell)",
        "Front Squat",
    ]
    assert [ex.id for ex in slot_lifts("B", sessions, today, PLAN)] == ["custom:pull up"]
    assert slot_lifts("A", sessions[1:], MONDAY + timedelta(days=6), PLAN) == ()  # nothing logged with A yet


def test_the_note_under_a_session_names_its_own_lifts_as_text_and_says_where_to_log_them() -> None:
    day = MONDAY + timedelta(days=7)
    sessions = (lifted(MONDAY, "custom", "<b>Squat</b>"),)
    own = slot_lifts("A", sessions, day, PLAN)
    note = own_lifts_note("A", own)
    assert note is not None
    assert "Your own lifts (&lt;b&gt;Squat&lt;/b&gt;) are from your latest Session A days" in str(note)
    assert "custom session" in str(note)
    assert own_lifts_note("A", []) is None

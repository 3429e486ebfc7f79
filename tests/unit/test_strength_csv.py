"""CSV export (one row per set) and imports of our CSV and Strong/Hevy exports (issue 5)."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from calculators.errors import InputError
from calculators.strength import ExerciseLog, StrengthSession, StrengthSet
from calculators.strength_csv import import_csv
from calculators.strength_csv_rows import CsvImportError
from calculators.strength_csv_stridelab import COLUMNS, export_csv

TODAY = date(2026, 11, 23)
FIXTURES = Path(__file__).parent.parent / "fixtures" / "strength"
XSS = "<img src=x onerror=alert(1)>"


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def sample_sessions() -> tuple[StrengthSession, ...]:
    return (
        StrengthSession(
            id="00000000-0000-4000-8000-000000000001",
            date=date(2026, 11, 16),
            kind="A",
            duration_min=47.5,
            rpe=7,
            notes='Tempo first, then lifts; felt "heavy"\nsecond line',
            exercises=(
                ExerciseLog(
                    exercise="romanian_deadlift",
                    target_reps=5,
                    target_sets=4,
                    sets=(StrengthSet(reps=5, load_kg=102.5, rpe=8), StrengthSet(reps=4, load_kg=102.5, rpe=9.5)),
                ),
                ExerciseLog(
                    exercise="custom",
                    name=XSS,
                    notes='=HYPERLINK("http://x")',
                    sets=(StrengthSet(reps=10, load_kg=None),),
                ),
                ExerciseLog(exercise="romanian_deadlift", sets=(StrengthSet(reps=8, load_kg=60.0),)),
            ),
        ),
        StrengthSession(
            id="00000000-0000-4000-8000-000000000002",
            date=date(2026, 11, 19),
            kind="B",
            duration_min=40,
            rpe=6,
            source="stridelab",
            exercises=(
                ExerciseLog(exercise="single_leg_squat", level=3, sets=(StrengthSet(reps=6),)),
                ExerciseLog(exercise="copenhagen_plank", level=1, sets=(StrengthSet(reps=1, hold_s=30.0),) * 3),
                ExerciseLog(exercise="box_jump", sets=(StrengthSet(reps=5, height_cm=45.0, rpe=6),)),
                ExerciseLog(
                    exercise="custom", name="  Sled, push; 'heavy'  ", sets=(StrengthSet(reps=3, load_kg=0.1 + 0.2),)
                ),
            ),
        ),
    )


# --- export ---------------------------------------------------------------------------------------


def test_export_writes_one_row_per_set_with_the_header() -> None:
    rows = list(csv.reader(io.StringIO(export_csv(sample_sessions()))))
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) - 1 == sum(len(e.sets) for s in sample_sessions() for e in s.exercises)
    first = dict(zip(COLUMNS, rows[1], strict=True))
    assert (first["Date"], first["Exercise"], first["Reps"], first["Weight (kg)"], first["RPE"]) == (
        "2026-11-16",
        "romanian_deadlift",
        "5",
        "102.5",
        "8",
    )


def test_export_sorts_sessions_by_date() -> None:
    text = export_csv(reversed(sample_sessions()))
    dates = [row[0] for row in csv.reader(io.StringIO(text))][1:]
    assert dates == sorted(dates)


def test_export_guards_spreadsheet_formulas() -> None:
    """A note like =HYPERLINK(…) is written as text, so a spreadsheet never runs it (OWASP CSV injection)."""
    rows = list(csv.DictReader(io.StringIO(export_csv(sample_sessions()))))
    assert rows[2]["Exercise Notes"].startswith("'=")


def test_export_then_import_reproduces_the_sessions() -> None:
    """CSV export/import round trip (issue 5): names with commas, quotes, newlines and HTML survive as text."""
    sessions = sample_sessions()
    result = import_csv(export_csv(sessions), today=TODAY)
    assert result.source == "stridelab"
    assert result.sessions == sessions
    assert result.sessions[0].exercises[1].name == XSS
    assert result.skipped == () and result.estimated == ()


def test_an_export_from_before_target_sets_were_kept_still_imports() -> None:
    """An older Stridelab CSV has no “Target Sets” column: its sessions read, with the sets' target not recorded."""
    rows = list(csv.reader(io.StringIO(export_csv(sample_sessions()))))
    column = COLUMNS.index("Target Sets")
    buffer = io.StringIO()
    csv.writer(buffer).writerows([row[:column] + row[column + 1 :] for row in rows])
    result = import_csv(buffer.getvalue(), today=TODAY)
    assert result.sessions[0].exercises[0].target_sets is None
    assert result.sessions[0].exercises[0].target_reps == 5


def swapped_and_skipped() -> StrengthSession:
    """Session A at a busy gym: the Romanian deadlift swapped for its single-leg stand-in, the hip thrust skipped
    (its warm-up done before the bench was taken), the calf raise skipped with no reason given."""
    return StrengthSession(
        id="00000000-0000-4000-8000-000000000003",
        date=date(2026, 11, 20),
        kind="A",
        duration_min=35,
        rpe=6,
        exercises=(
            ExerciseLog(
                exercise="single_leg_rdl",
                replaces="romanian_deadlift",
                target_reps=8,
                sets=(StrengthSet(reps=8, load_kg=16.0),) * 3,
            ),
            ExerciseLog(
                exercise="hip_thrust",
                skipped=True,
                skip_reason="=machine taken, bench too",
                warmups=(StrengthSet(reps=5, load_kg=40.0, warmup=True),),
            ),
            ExerciseLog(exercise="calf_raise", skipped=True),
            ExerciseLog(exercise="nordic_curl", skipped=True, skip_reason="sore"),
        ),
    )


def test_a_csv_round_trip_keeps_skipped_exercises_with_their_reasons_and_swaps() -> None:
    """The JSON export kept them and the CSV did not: re-imported, a skipped hip thrust came back as not done at all
    and the stand-in as a lift of its own. Now each survives export then import in Stridelab's CSV."""
    session = swapped_and_skipped()
    text = export_csv([*sample_sessions(), session])
    assert import_csv(text, today=TODAY).sessions == (*sample_sessions(), session)
    rows = [row for row in csv.DictReader(io.StringIO(text)) if row["Session ID"] == session.id]
    assert [(r["Exercise"], r["Set Order"], r["Skipped"], r["Skip Reason"], r["Replaces"]) for r in rows] == [
        ("single_leg_rdl", "1", "", "", "romanian_deadlift"),
        ("single_leg_rdl", "2", "", "", "romanian_deadlift"),
        ("single_leg_rdl", "3", "", "", "romanian_deadlift"),
        ("hip_thrust", "W", "yes", "'=machine taken, bench too", ""),  # a reason is text, never a formula
        ("calf_raise", "", "yes", "", ""),  # no set at all: a row of its own, its set cells empty
        ("nordic_curl", "", "yes", "sore", ""),
    ]
    assert all(r["Reps"] == r["Weight (kg)"] == "" for r in rows[4:])


def test_a_replaced_exercise_from_an_edited_backup_is_written_as_text_not_a_formula() -> None:
    """A backup edited by hand can hold any text where the planned exercise's id goes: the CSV writes it as text."""
    sled = ExerciseLog(exercise="custom", name="Sled", replaces="=1+1", sets=(StrengthSet(reps=3),))
    session = replace(swapped_and_skipped(), exercises=(sled,))
    text = export_csv([session])
    assert next(csv.DictReader(io.StringIO(text)))["Replaces"] == "'=1+1"
    assert import_csv(text, today=TODAY).sessions == (session,)


def test_an_export_from_before_skips_and_swaps_were_written_still_imports() -> None:
    """An older Stridelab CSV has no Skipped, Skip Reason or Replaces column: its sessions read, as done as planned."""
    rows = list(csv.reader(io.StringIO(export_csv(sample_sessions()))))
    kept = [i for i, column in enumerate(COLUMNS) if column not in ("Skipped", "Skip Reason", "Replaces")]
    assert len(kept) == len(COLUMNS) - 3
    result = import_csv(_edited([[row[i] for i in kept] for row in rows]), today=TODAY)
    assert result.sessions == sample_sessions() and result.problems == ()


@pytest.mark.parametrize(
    ("column", "cell", "words"),
    [
        (
            "Skipped",
            "maybe",
            [
                "Row 10, column Skipped: “maybe” is not “yes”. Write “yes” for an exercise skipped, or leave it empty.",
                "Row 10, column Reps: the cell is empty. Enter a whole number between 1 and 100.",
            ],
        ),
        ("Reps", "5", ["Row 10, column Skipped: An exercise skipped has no work sets; this one has some."]),
    ],
)
def test_a_skip_that_does_not_read_leaves_out_its_session_named_by_row_and_column(
    column: str, cell: str, words: list[str]
) -> None:
    rows = list(csv.reader(io.StringIO(export_csv([sample_sessions()[0], swapped_and_skipped()]))))
    assert rows[9][COLUMNS.index("Exercise")] == "calf_raise"  # row 10 of the file: the skipped calf raise
    rows[9][COLUMNS.index(column)] = cell
    rows[9][COLUMNS.index("Set Order")] = "1" if column == "Reps" else ""
    result = import_csv(_edited(rows), today=TODAY)
    assert result.sessions == (sample_sessions()[0],)
    assert [problem.words() for problem in result.problems] == words


def test_an_empty_log_exports_only_the_header() -> None:
    assert export_csv([]).strip() == ",".join(COLUMNS)


# --- Strong and Hevy ------------------------------------------------------------------------------


def test_strong_export_maps_names_and_keeps_the_rest_as_custom() -> None:
    result = import_csv(fixture("strong.csv"), today=TODAY)
    assert result.source == "strong"
    first, second = result.sessions
    assert [e.exercise for e in first.exercises] == ["romanian_deadlift", "hip_thrust", "nordic_curl", "custom"]
    assert first.exercises[3].name == "Bench Press (Barbell)"
    assert result.custom_names == ("Bench Press (Barbell)",)
    assert [s.load_kg for s in first.exercises[0].sets] == [60.0, 80.0, 80.0]
    assert [s.rpe for s in first.exercises[0].sets] == [None, 7.0, 8.0]
    assert first.exercises[2].sets[0].load_kg is None  # Strong writes 0 for bodyweight
    assert first.exercises[2].notes == "partner held ankles"
    assert (first.date, first.duration_min, first.kind, first.source) == (date(2026, 10, 5), 52.0, "custom", "strong")
    assert first.notes == "Legs felt fresh"
    assert second.duration_min == 65.0 and second.notes == "Morning, heavy"
    assert second.exercises[0].exercise == "single_leg_squat" and second.exercises[0].level == 4
    plank = second.exercises[1]
    assert plank.exercise == "copenhagen_plank" and plank.sets[0].hold_s == 30.0 and plank.sets[0].reps == 1
    assert [r.row for r in result.skipped] == [8]  # the treadmill row


def test_imported_sessions_get_the_default_session_rpe_and_are_listed_as_estimated() -> None:
    """Neither app records Foster's session RPE, which readiness needs: the import says it guessed."""
    result = import_csv(fixture("strong.csv"), today=TODAY, default_session_rpe=7)
    assert {s.rpe for s in result.sessions} == {7.0}
    assert result.estimated == tuple(s.id for s in result.sessions)


def test_importing_the_same_file_twice_gives_the_same_ids() -> None:
    """Import merges by entry id (DESIGN.md): re-importing a file must not duplicate sessions."""
    once = import_csv(fixture("hevy.csv"), today=TODAY)
    twice = import_csv(fixture("hevy.csv"), today=TODAY)
    assert [s.id for s in once.sessions] == [s.id for s in twice.sessions]
    assert len({s.id for s in once.sessions}) == 2


def test_strong_semicolon_export_with_decimal_commas_and_warm_ups() -> None:
    result = import_csv(fixture("strong_semicolon.csv"), today=TODAY)
    first, second = result.sessions
    squat = first.exercises[0]
    assert squat.exercise == "custom" and squat.name == "Squat (Barbell)"
    assert [(s.reps, s.load_kg, s.rpe) for s in squat.sets] == [(5, 62.5, 8.0), (5, 62.5, 8.5)]
    assert first.duration_min == 50.0
    # A dumbbell RDL and a machine calf raise are not the catalogue's barbell lifts: kept under their own names.
    assert (first.exercises[1].exercise, first.exercises[1].name) == ("custom", "Romanian Deadlift (Dumbbell)")
    assert (second.exercises[0].exercise, second.exercises[0].name) == ("custom", "Standing Calf Raise (Machine)")
    assert result.custom_names == ("Squat (Barbell)", "Romanian Deadlift (Dumbbell)", "Standing Calf Raise (Machine)")
    assert [s.reps for s in second.exercises[0].sets] == [6, 8]  # a drop set is a real set
    # Strong's "W" row is a warm-up of the squat, kept apart from its work sets; the rest timer is no set.
    assert [(s.reps, s.load_kg) for s in squat.warmups] == [(8, 40.0)]
    assert {r.row for r in result.skipped} == {6}


def test_strong_weights_in_pounds_when_the_reader_says_so() -> None:
    result = import_csv(fixture("strong.csv"), today=TODAY, weight_unit="lb")
    assert result.sessions[0].exercises[1].sets[0].load_kg == pytest.approx(45.36)
    assert result.assumed_unit == "lb"  # the import message says which unit was taken


@pytest.mark.parametrize("name", ["strong_semicolon.csv", "hevy.csv", "hevy_lbs.csv"])
def test_a_file_that_states_its_unit_ignores_the_readers_choice(name: str) -> None:
    """The chosen unit is for Strong's comma-separated CSV only: a file that says kg or lb is read as it says."""
    as_said = import_csv(fixture(name), today=TODAY)
    chosen_lb = import_csv(fixture(name), today=TODAY, weight_unit="lb")
    assert chosen_lb.sessions == as_said.sessions
    assert chosen_lb.assumed_unit is None


def test_strong_legacy_file_with_a_weight_unit_column() -> None:
    text = (
        "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;Seconds;"
        "Notes;Workout Notes;Workout Duration\n"
        '2026-01-11 12:31:54;"Leg";"Hip Thrust (Barbell)";1;220;lbs;5;;;;0;"";"";45m\n'
        '2026-01-11 12:31:54;"Leg";"Hip Thrust (Barbell)";2;100;kg;5;;;;0;;;45m\n'
    )
    (only,) = import_csv(text, today=TODAY).sessions
    assert [s.load_kg for s in only.exercises[0].sets] == [pytest.approx(99.79), 100.0]
    assert only.duration_min == 45.0


@pytest.mark.parametrize("column", ["Weight (lbs)", "Weight (lb)", "weight_lbs"])
def test_a_strong_file_that_names_pounds_in_its_header_is_converted_whatever_the_choice(column: str) -> None:
    """Strong's newer export names the unit in the header, as the app is set: 135 lb is 61.23 kg (× 0.45359237)."""
    header, *rows = fixture("strong.csv").splitlines()
    text = "\n".join([header.replace(",Weight,", f",{column},"), *rows]).replace(",100.0,6,", ",135,6,")
    for chosen in ("kg", "lb"):
        result = import_csv(text, today=TODAY, weight_unit=chosen)
        assert result.sessions[0].exercises[1].sets[0].load_kg == round(135 * 0.45359237, 2) == 61.23
        assert result.assumed_unit is None


def test_a_row_with_no_weight_unit_takes_the_readers_choice_and_an_unknown_unit_is_named() -> None:
    text = (
        "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;Seconds;"
        "Notes;Workout Notes;Workout Duration\n"
        '2026-01-11 12:31:54;"Leg";"Hip Thrust (Barbell)";1;135;;5;;;;0;"";"";45m\n'
        '2026-01-11 12:31:54;"Leg";"Hip Thrust (Barbell)";2;100;kg;5;;;;0;;;45m\n'
        '2026-01-12 12:31:54;"Arms";"Curl";1;20;st;5;;;;0;;;45m\n'
    )
    result = import_csv(text, today=TODAY, weight_unit="lb")
    (only,) = result.sessions
    assert [s.load_kg for s in only.exercises[0].sets] == [61.23, 100.0]
    assert result.assumed_unit == "lb"
    assert [(p.row, p.column) for p in result.problems] == [(4, "Weight Unit")]
    assert "it takes kg or lbs" in result.problems[0].message
    assert import_csv(text, today=TODAY).sessions[0].exercises[0].sets[0].load_kg == 135.0


def test_a_strong_file_of_bodyweight_sets_assumes_no_unit() -> None:
    text = "\n".join(line for line in fixture("strong.csv").splitlines() if "2026-10-08" in line or "Date" in line)
    assert import_csv(text, today=TODAY, weight_unit="lb").assumed_unit is None


def test_hevy_export_in_kg() -> None:
    result = import_csv(fixture("hevy.csv"), today=TODAY)
    assert result.source == "hevy"
    a, b = result.sessions
    assert (a.date, a.duration_min, a.notes) == (date(2026, 10, 19), 45.0, "Tempo first")
    assert [e.exercise for e in a.exercises] == ["romanian_deadlift", "bulgarian_split_squat", "custom"]
    assert [(s.reps, s.load_kg, s.rpe) for s in a.exercises[0].sets] == [(5, 82.5, 8.0), (5, 82.5, 8.5)]
    assert a.exercises[1].notes == "dumbbells"
    assert result.custom_names == ("Leg Extension (Machine)",)
    assert b.exercises[0].level == 3 and b.exercises[0].sets[0].load_kg is None
    assert b.exercises[1].sets[0].hold_s == 25.0
    # Hevy's "warmup" set_type is kept as a warm-up of the deadlift, out of its work sets; the treadmill is not.
    assert [(s.reps, s.load_kg) for s in a.exercises[0].warmups] == [(10, 40.0)]
    assert {r.row for r in result.skipped} == {9}


def test_hevy_export_in_pounds_is_converted_to_kg() -> None:
    result = import_csv(fixture("hevy_lbs.csv"), today=TODAY)
    assert result.sessions[0].exercises[0].sets[0].load_kg == pytest.approx(83.91)  # 185 lb


def test_imported_logs_export_and_import_again_unchanged() -> None:
    for name in ("strong.csv", "strong_semicolon.csv", "hevy.csv", "hevy_lbs.csv"):
        sessions = import_csv(fixture(name), today=TODAY).sessions
        assert import_csv(export_csv(sessions), today=TODAY).sessions == sessions, name


# --- failures: the sessions that read come in, each bad row is named ------------------------------


def _edited(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "old", "new", "row", "kept"),
    [
        ("strong.csv", ",80.0,5,0,0,", ",80.0,200,0,0,", 3, date(2026, 10, 8)),
        ("strong_semicolon.csv", '"1";"62,5";5;"8"', '"1";"62,5";5;"80"', 3, date(2026, 10, 15)),
        ("hevy.csv", ",82.5,5,,,8\n", ",-82.5,5,,,8\n", 3, date(2026, 10, 22)),
    ],
)
def test_a_bad_row_leaves_out_its_session_and_the_rest_comes_in(
    name: str, old: str, new: str, row: int, kept: date
) -> None:
    """One bad row no longer refuses the file: its session is left out whole and named, the others import."""
    text = fixture(name)
    assert old in text
    result = import_csv(text.replace(old, new, 1), today=TODAY)
    assert [s.date for s in result.sessions] == [kept]
    (left,) = result.left_out
    assert row in left.rows and left.id not in {s.id for s in result.sessions}
    assert left.id == next(s.id for s in import_csv(text, today=TODAY).sessions if s.date != kept)
    assert [p.row for p in result.problems] == [row]


def test_our_own_csv_with_a_bad_row_keeps_the_other_session() -> None:
    rows = list(csv.reader(io.StringIO(export_csv(sample_sessions()))))
    rows[7][COLUMNS.index("RPE")] = "11"  # a set of the second session
    result = import_csv(_edited(rows), today=TODAY)
    assert result.sessions == sample_sessions()[:1]
    (left,) = result.left_out
    assert (left.id, left.day, left.title) == (sample_sessions()[1].id, "2026-11-19", "Session B")
    assert left.rows == (6, 7, 8, 9, 10, 11)
    assert [p.words() for p in result.problems] == [
        "Row 8, column RPE: “11” is out of range. Enter a number between 1 and 10."
    ]


def test_a_file_cut_off_brings_in_the_sessions_before_the_cut() -> None:
    """A cut file (a download stopped, a file synced half-way) keeps what is whole; the cut session stays out."""
    text = export_csv(sample_sessions())
    second = text.index(sample_sessions()[1].id)
    for cut in (text.index("single_leg_squat") + 3, len(text) - 12, second + 5):  # second + 5: inside its id
        result = import_csv(text[:cut], today=TODAY)
        assert result.sessions == sample_sessions()[:1], cut
        assert [s.id for s in result.left_out] in ([sample_sessions()[1].id], [None]), cut
        assert "cut off" in result.problems[0].message, cut


def test_a_row_cut_before_its_session_is_known_leaves_out_the_session_above() -> None:
    """Cut inside the date: the row may continue the session above, so that session is not imported half."""
    text = fixture("strong.csv")
    with pytest.raises(CsvImportError) as caught:
        import_csv(text[: text.index("2026-10-08") + 4], today=TODAY)
    assert "no session in the file read completely" in caught.value.message
    result = import_csv(text[: text.index("Morning") + 3], today=TODAY)  # the date says it is a new session
    assert [s.date for s in result.sessions] == [date(2026, 10, 5)]
    assert [(s.day, s.rows) for s in result.left_out] == [("2026-10-08", (9,))]


def test_a_file_cut_inside_quotes_stops_there_and_says_so() -> None:
    text = export_csv(sample_sessions())
    cut = text[: text.index("second line") - 3]
    with pytest.raises(CsvImportError) as caught:
        import_csv(cut, today=TODAY)
    assert "Row 2: the file is cut off here, or a quotation mark in this row is not closed" in caught.value.message


@pytest.mark.parametrize(
    "text",
    [
        ",".join(COLUMNS) + "\r\n",
        fixture("strong.csv").splitlines()[0],
        fixture("hevy.csv").splitlines()[0] + "\n\n",
    ],
)
def test_a_file_with_only_its_header_imports_nothing_and_says_so(text: str) -> None:
    with pytest.raises(CsvImportError) as caught:
        import_csv(text, today=TODAY)
    assert caught.value.message == "Nothing was imported: no sessions were found. The file has its header row only."


# --- failures: clear messages, nothing imported ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "empty"),
        ("\n\n", "empty"),
        ("name,age\nAda,36\n", "not a Stridelab, Strong or Hevy CSV export"),
        ('{"version": "1.0", "sessions": []}', "not a Stridelab, Strong or Hevy CSV export"),
    ],
)
def test_a_file_that_is_not_an_export_is_refused(text: str, words: str) -> None:
    with pytest.raises(CsvImportError) as caught:
        import_csv(text, today=TODAY)
    assert words in caught.value.message
    assert caught.value.field == "file"
    assert isinstance(caught.value, InputError)


def test_every_bad_row_is_reported_with_its_row_number() -> None:
    """Zero reps, 200 reps, negative or absurd loads, RPE outside 1–10: each row named; no session reads, so
    nothing is imported."""
    rows = list(csv.reader(io.StringIO(export_csv(sample_sessions()))))
    col = {name: i for i, name in enumerate(COLUMNS)}
    rows[1][col["Reps"]] = "0"
    rows[2][col["Reps"]] = "200"
    rows[3][col["Weight (kg)"]] = "-5"
    rows[4][col["Weight (kg)"]] = "600"
    rows[5][col["RPE"]] = "11"
    rows[6][col["Reps"]] = "five"
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    with pytest.raises(CsvImportError) as caught:
        import_csv(buffer.getvalue(), today=TODAY)
    found = {(e.row, e.column) for e in caught.value.errors}
    assert found >= {(2, "Reps"), (3, "Reps"), (4, "Weight (kg)"), (5, "Weight (kg)"), (6, "RPE"), (7, "Reps")}
    assert caught.value.message.startswith("Nothing was imported: no session in the file read completely. ")
    assert "Row 2, column Reps" in caught.value.message


def test_a_session_in_the_future_is_left_out() -> None:
    result = import_csv(export_csv(sample_sessions()), today=date(2026, 11, 17))
    assert result.sessions == sample_sessions()[:1]
    assert [p.words() for p in result.problems] == [
        "Row 6, column Date: Date of the session (Thursday 19 November) is in the future. "
        "Enter today (Tuesday 17 November) or an earlier date."
    ]


def test_a_session_whose_rows_disagree_is_left_out() -> None:
    rows = list(csv.reader(io.StringIO(export_csv(sample_sessions()))))
    rows[2][COLUMNS.index("Session RPE")] = "9"
    result = import_csv(_edited(rows), today=TODAY)
    assert result.sessions == sample_sessions()[1:]
    assert [p.row for p in result.problems] == [3]


def test_foreign_rows_with_bad_values_leave_out_their_session() -> None:
    text = fixture("hevy.csv").replace(",82.5,5,,,8\n", ",-82.5,5,,,8\n").replace(",20,8,,,", ",20,8,,,14")
    result = import_csv(text, today=TODAY)
    assert {(e.row, e.column) for e in result.problems} == {(3, "weight_kg"), (5, "rpe")}
    assert [s.date for s in result.sessions] == [date(2026, 10, 22)]
    assert [s.title for s in result.left_out] == ["Session A"]


@pytest.mark.parametrize("cell", ["1e2", "inf", "nan", "1_00"])
def test_a_number_no_form_accepts_is_refused_with_its_row(cell: str) -> None:
    """Numbers are read as the forms read them (units.read_decimal): "1e2" is not 100 lb."""
    text = fixture("hevy_lbs.csv").replace(",185,5,,,8\n", f",{cell},5,,,8\n", 1)
    result = import_csv(text, today=TODAY)
    assert [(e.row, e.column) for e in result.problems] == [(3, "weight_lbs")]
    assert result.problems[0].words() == (
        f"Row 3, column weight_lbs: “{cell}” is not a number (digits with a decimal point or comma, e.g. 82.5). "
        "Enter a number between 0 and 1102.31 lb."
    )


_INTERNAL = ("load_kg", "hold_s", "session.", "sessions.", "UUID", "None", "got '", "version:")


@pytest.mark.parametrize(
    ("name", "old", "new", "words"),
    [
        (
            "hevy.csv",
            ",82.5,5,,,8\n",
            ",-82.5,5,,,8\n",
            "Row 3, column weight_kg: “-82.5” is out of range. Enter a number between 0 and 500 kg.",
        ),
        (
            "hevy_lbs.csv",
            ",185,5,,,8\n",
            ",1200,5,,,8\n",
            "Row 3, column weight_lbs: “1200” is out of range. Enter a number between 0 and 1102.31 lb.",
        ),
        (
            "hevy.csv",
            ",82.5,5,,,8\n",
            ",82.5,5.5,,,8\n",
            "Row 3, column reps: “5.5” is not a whole number. Enter a whole number between 1 and 100.",
        ),
        (
            "hevy.csv",
            ",20,8,,,",
            ",20,8,,,14",
            "Row 5, column rpe: “14” is out of range. Enter a number between 1 and 10.",
        ),
        (
            "hevy.csv",
            ",,,25,",
            ",,,900,",
            "Row 8, column duration_seconds: “900” is out of range. Enter a number between 1 and 600 s.",
        ),
        (
            "strong.csv",
            "2026-10-08 07:30:00",
            "last Tuesday",
            "Row 9, column Date: “last Tuesday” is not a date this import reads, such as 2026-10-19 07:06:00.",
        ),
        (
            "strong.csv",
            ",0,4,0,0,",
            ",0,four,0,0,",
            "Row 6, column Reps: “four” is not a whole number. Enter a whole number between 1 and 100.",
        ),
    ],
)
def test_a_bad_row_in_an_apps_export_is_named_by_its_column_and_accepted_range(
    name: str, old: str, new: str, words: str
) -> None:
    """The reader sees the file's own column name, the cell as written and what is accepted: no field names."""
    text = fixture(name)
    assert old in text
    (problem,) = import_csv(text.replace(old, new, 1), today=TODAY).problems
    assert problem.words() == words


def test_a_bad_row_in_our_csv_is_named_in_plain_words() -> None:
    rows = list(csv.reader(io.StringIO(export_csv(sample_sessions()))))
    col = {name: i for i, name in enumerate(COLUMNS)}
    rows[6][col["Reps"]] = ""
    rows[7][col["Level"]] = "25"
    rows[8][col["Session RPE"]] = "9"
    rows[9][col["Height (cm)"]] = "tall"
    for row in rows[1:5]:
        row[col["Session ID"]] = "s1"
    with pytest.raises(CsvImportError) as caught:
        import_csv(_edited(rows), today=TODAY)
    assert [e.words() for e in caught.value.errors] == [
        "Row 2, column Session ID: A session's id is 32 digits and letters a–f in five groups, as Stridelab "
        "writes it (e.g. 6f1c2a7e-4b10-4d53-9a63-5b0f7a523c0e); got “s1”.",
        "Row 7, column Reps: the cell is empty. Enter a whole number between 1 and 100.",
        "Row 8, column Level: “25” is out of range. Enter a whole number between 1 and 20.",
        "Row 9, column Session ID: this session's date, kind, duration, session RPE, notes or source differ from "
        "its first row, row 6. Every row of a session repeats them.",
        "Row 10, column Height (cm): “tall” is not a number (digits with a decimal point or comma, e.g. 82.5). "
        "Enter a number between 1 and 150 cm.",
    ]
    assert not any(word in caught.value.message for word in _INTERNAL)


def test_a_session_too_big_for_the_log_is_named_by_its_row() -> None:
    """A limit only a whole session can break is named on the session's (or the exercise's) first row."""
    header, first = fixture("strong.csv").splitlines()[:2]
    sets = [first.replace(",1,60.0,", f",{n},60.0,") for n in range(1, 52)]
    result = import_csv("\n".join([header, *sets, *fixture("strong.csv").splitlines()[8:]]), today=TODAY)
    assert [p.words() for p in result.problems] == ["Row 2: At most 50 sets fit in one exercise; this has 51."]
    assert [s.date for s in result.sessions] == [date(2026, 10, 8)]


def test_a_tiny_load_exports_as_plain_digits_and_imports_again() -> None:
    """Our own export must stay importable: a load of 0.00001 kg is written without an exponent."""
    session = StrengthSession(
        id="00000000-0000-4000-8000-000000000003",
        date=date(2026, 11, 16),
        kind="A",
        duration_min=40,
        rpe=6,
        exercises=(ExerciseLog(exercise="romanian_deadlift", sets=(StrengthSet(reps=5, load_kg=1e-05),)),),
    )
    text = export_csv([session])
    assert "0.00001" in text and "e-05" not in text
    assert import_csv(text, today=TODAY).sessions == (session,)


def test_a_file_of_only_rest_timers_imports_nothing() -> None:
    text = fixture("strong_semicolon.csv").splitlines()
    with pytest.raises(CsvImportError) as caught:
        import_csv("\n".join((text[0], text[5])), today=TODAY)
    assert caught.value.message == (
        "Nothing was imported: no sessions were found. Every row is a rest timer or cardio, "
        "which the strength log does not take."
    )


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"weight_unit": "stone"}, "weight_unit"),
        ({"default_session_rpe": 0}, "default_session_rpe"),
        ({"default_duration_min": 0}, "default_duration_min"),
    ],
)
def test_bad_import_options_are_refused(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(InputError) as caught:
        import_csv(fixture("strong.csv"), today=TODAY, **kwargs)  # type: ignore[arg-type]
    assert caught.value.field == field

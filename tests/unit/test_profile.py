"""The reader's profile (issue 9): the stored shape other calculators write, validation, the planner's defaults."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from calculators.errors import InputError
from calculators.profile import Profile, accepted_words, read_profile
from calculators.vdot import vdot_from_race

TODAY = date(2026, 3, 4)


def test_defaults_are_km_monday_and_nothing_else_given() -> None:
    profile = Profile()
    assert (profile.units, profile.week_start, profile.vdot, profile.easy_pace) == ("km", 0, None, None)
    assert Profile.from_dict({}) == profile


def test_reads_what_the_shared_form_fields_store() -> None:
    """The glue stores ``data-profile`` fields as typed: text, with "" for an empty box."""
    stored = {"units": "mi", "vdot": "52.3", "hr_max": "190", "hr_rest": "", "sex": "female", "week_start": 6}
    profile = Profile.from_dict(stored)
    assert (profile.units, profile.vdot, profile.hr_max, profile.hr_rest, profile.sex) == (
        "mi",
        52.3,
        190.0,
        None,
        "female",
    )
    assert profile.week_start == 6
    written = profile.to_dict()
    assert {k: written[k] for k in stored} == stored


def test_unknown_keys_are_kept() -> None:
    stored = {"units": "km", "weight_unit": "lb", "later": {"nested": [1, 2]}}
    written = Profile.from_dict(stored).to_dict()
    assert written["weight_unit"] == "lb" and written["later"] == {"nested": [1, 2]}


def test_loads_are_in_pounds_for_a_reader_in_miles_else_in_kilograms() -> None:
    """Stridelab's rule, written once: the strength log and the Strong import's default both read it."""
    assert Profile.from_dict({"units": "mi"}).weight_unit == "lb"
    assert Profile.from_dict({"units": "km"}).weight_unit == "kg" and Profile().weight_unit == "kg"


@pytest.mark.parametrize(
    ("stored", "unit"),
    [
        ({"units": "mi", "weights": "kg"}, "kg"),  # a UK reader: miles on the road, kilograms in the gym
        ({"units": "km", "weights": "lb"}, "lb"),  # a Canadian one: kilometres, pounds
        ({"units": "mi", "weights": ""}, "lb"),  # "as my distances"
        ({"units": "mi"}, "lb"),  # a profile stored before the choice existed
        ({"units": "km"}, "kg"),
    ],
)
def test_a_chosen_lifting_unit_wins_over_the_one_the_distances_suggest(stored: dict[str, str], unit: str) -> None:
    """Rule: ``weights`` ("kg" or "lb") is the unit of loads when given; empty or missing, miles mean lb, else kg."""
    profile = Profile.from_dict(stored)
    assert profile.weight_unit == unit
    assert profile.to_dict()["weights"] == stored.get("weights", "")
    assert Profile.from_dict(profile.to_dict()) == profile


@pytest.mark.parametrize("value", ["stone", "KG", 5, ["kg"]])
def test_an_unknown_lifting_unit_is_refused_with_a_plain_message(value: Any) -> None:
    with pytest.raises(InputError) as caught:
        Profile.from_dict({"units": "mi", "weights": value})
    assert (caught.value.field, caught.value.message) == (
        "weights",
        "Choose kg or lb for lifting weights, or “as my distances”.",
    )
    assert read_profile({"units": "mi", "weights": "stone"}).profile.weight_unit == "lb"


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("run_weekdays", "0,1,3,5", (0, 1, 3, 5)),
        ("run_weekdays", "mon,tue,thu,sat", (0, 1, 3, 5)),
        ("run_weekdays", ["5", 0, "Tuesday", "thu"], (0, 1, 3, 5)),
        ("run_weekdays", "", ()),
        ("week_start", "sun", 6),
        ("week_start", "0", 0),
        ("week_start", "", 0),
        ("long_run_day", "5", 5),
        ("long_run_day", "", None),
        ("race_date", "2026-10-04", date(2026, 10, 4)),
        ("race_distance", "21097.5", 21097.5),
        ("vdot", "52,5", 52.5),
    ],
)
def test_accepted_values(key: str, value: Any, expected: Any) -> None:
    attribute = {"race_distance": "race_distance_m"}.get(key, key)
    assert getattr(Profile.from_dict({key: value}), attribute) == expected


@pytest.mark.parametrize(
    ("values", "field", "words"),
    [
        ({"units": "m"}, "units", "km"),
        ({"vdot": "95"}, "vdot", "between 20 and 90"),
        ({"vdot": "fast"}, "vdot", "not a number"),
        ({"hr_max": "250"}, "hr_max", "between 100 and 230"),
        ({"hr_rest": "10"}, "hr_rest", "between 25 and 120"),
        (
            {"hr_rest": "120", "hr_max": "120"},
            "hr_rest",
            "120 beats per minute must be below your HR max, 120 beats per minute",
        ),
        ({"sex": "other"}, "sex", "female, male"),
        ({"week_start": "wed"}, "week_start", "Monday or on Sunday"),
        ({"week_start": "someday"}, "week_start", "Monday to Sunday"),
        ({"run_weekdays": "0,3"}, "run_weekdays", "at least 3 days you can run"),
        ({"run_weekdays": "0,2,4", "hard_days": "0,3"}, "hard_days", "Thursday"),
        ({"run_weekdays": "0,2,4", "long_run_day": "5"}, "long_run_day", "run days"),
        ({"hard_days": "0,3", "long_run_day": "3"}, "long_run_day", "not a hard day"),
        ({"recent_distance": "5000"}, "recent_time", "both"),
        ({"recent_time": "20:00"}, "recent_distance", "both"),
        ({"recent_distance": "500", "recent_time": "2:00"}, "recent_distance", "1 km and 50 km"),
        ({"recent_distance": "5000", "recent_time": "8:00"}, "recent_time", "faster"),
        ({"units": "mi", "recent_distance": "21097.5", "recent_time": "40:00"}, "recent_time", "for a half marathon."),
        ({"units": "mi", "recent_distance": "12000", "recent_time": "9:00"}, "recent_time", "for 7.46 miles."),
        ({"recent_distance": "5000", "recent_time": "20:75"}, "recent_time", "0–59"),
        ({"race_date": "next May"}, "race_date", "YYYY-MM-DD"),
        ({"race_distance": "100000"}, "race_distance", "between 1 km and 50 km"),
    ],
)
def test_bad_values_name_their_field_and_the_range(values: dict[str, Any], field: str, words: str) -> None:
    with pytest.raises(InputError) as caught:
        Profile.from_dict(values)
    assert caught.value.field == field
    assert words in caught.value.message


@pytest.mark.parametrize("seconds", [1e20, float("inf"), -1.0, 60.0])
def test_a_stored_race_time_in_seconds_out_of_range_names_the_real_range(seconds: float) -> None:
    """No message shows "inf" as a bound: a stored finish time lies between 3:00 and 6:00:00, said in seconds."""
    with pytest.raises(InputError) as caught:
        Profile.from_dict({"recent_distance": "5000", "recent_time": seconds})
    assert caught.value.field == "recent_time"
    assert caught.value.message.endswith("Enter a number between 180 and 21600 seconds.")
    assert "inf" not in caught.value.message


def test_a_recent_race_gives_the_vdot() -> None:
    """A recent race → VDOT (Daniels & Gilbert), to one decimal, as the race calculator shows it."""
    profile = Profile.from_dict({"recent_distance": "5000", "recent_time": "20:00"})
    assert profile.vdot == round(vdot_from_race(5000, 1200), 1) == profile.race_vdot
    assert profile.to_dict()["vdot"] == f"{profile.vdot:g}"
    assert profile.to_dict()["recent_time"] == "20:00"
    assert profile.easy_pace is not None


def test_a_typed_vdot_wins_when_reading_and_a_new_race_on_the_form_replaces_it() -> None:
    """Another calculator may have changed the VDOT since; a race the form brings anew sets it from the race."""
    stored = {"vdot": "45", "recent_distance": "10000", "recent_time": "40:00"}
    assert Profile.from_dict(stored).vdot == 45.0
    assert Profile.from_form(stored, today=TODAY).vdot == round(vdot_from_race(10000, 2400), 1)


def test_the_form_keeps_a_vdot_set_by_hand_when_its_race_is_the_stored_one() -> None:
    """A VDOT set by hand after the race was saved is the reader's: the same race does not replace it."""
    stored = Profile.from_dict({"vdot": "50", "recent_distance": "5000", "recent_time": "22:30"})
    form = {"vdot": "50", "recent_distance": "5000", "recent_time": "22:30", "hr_max": "190"}
    profile = Profile.from_form(form, today=TODAY, stored=stored)
    assert profile.vdot == 50.0 and profile.race_vdot == 43.4 and profile.hr_max == 190.0


@pytest.mark.parametrize(
    "race",
    [
        {"recent_distance": "10000", "recent_time": "40:00"},  # another distance
        {"recent_distance": "5000", "recent_time": "21:00"},  # a faster time
        {"recent_distance": "", "recent_time": ""},  # no race stored before
    ],
)
def test_a_race_that_differs_from_the_stored_one_sets_the_vdot(race: dict[str, str]) -> None:
    """The race sets the VDOT when the race is what the reader changed on the form."""
    stored = Profile.from_dict({"vdot": "50", **race})
    form = {"vdot": "50", "recent_distance": "5000", "recent_time": "22:30"}
    assert Profile.from_form(form, today=TODAY, stored=stored).vdot == 43.4


def test_race_time_fractions_round_trip() -> None:
    profile = Profile.from_dict({"recent_distance": "1609.344", "recent_time": "4:59.37"})
    assert profile.to_dict()["recent_time"] == "4:59.37"
    assert Profile.from_dict(profile.to_dict()) == profile


@pytest.mark.parametrize("race", ["2026-03-03", "2026-03-01"])
def test_the_form_refuses_a_race_date_in_the_past(race: str) -> None:
    assert Profile.from_dict({"race_date": race}).race_date == date.fromisoformat(race)  # stored: kept as it is
    with pytest.raises(InputError) as caught:
        Profile.from_form({"race_date": race, "race_distance": "5000"}, today=TODAY)
    assert (caught.value.field, caught.value.message) == (
        "race_date",
        "The race date has passed: choose today (Wednesday 4 March) or later, or leave it empty.",
    )


@pytest.mark.parametrize(
    ("key", "typed", "message"),
    [
        ("hr_max", "190,5", "HR max: 190.5 beats per minute is not a whole number. "
         "Enter a whole number between 100 and 230 beats per minute."),
        ("hr_rest", "48.5", "Resting heart rate: 48.5 beats per minute is not a whole number. "
         "Enter a whole number between 25 and 120 beats per minute."),
    ],
)  # fmt: skip
def test_the_form_takes_heart_rates_in_whole_beats(key: str, typed: str, message: str) -> None:
    """A heart rate is set in whole beats: "190,5" is a slip and is refused, not saved as 190.5 bpm; a comma
    or point before a zero is still read, and a fraction already stored still reads."""
    with pytest.raises(InputError) as caught:
        Profile.from_form({key: typed}, today=TODAY)
    assert (caught.value.field, caught.value.message) == (key, message)
    assert getattr(Profile.from_form({key: "110,0"}, today=TODAY), key) == 110.0
    assert getattr(Profile.from_dict({key: "110.5"}), key) == 110.5


def test_the_form_takes_a_race_today() -> None:
    """A race can be today: only a past race date is refused."""
    profile = Profile.from_form({"race_date": "2026-03-04", "race_distance": "5000"}, today=TODAY)
    assert (profile.race_date, profile.race_distance_m) == (TODAY, 5000.0)


def test_the_form_takes_a_race_up_to_the_planners_52_weeks_and_names_the_last_day_in_words() -> None:
    """A race the profile saves is one the planner plans to: never further than it plans (season.MAX_WEEKS)."""
    last = Profile.from_form({"race_date": "2027-03-03", "race_distance": "42195"}, today=TODAY)
    assert last.race_date == date(2027, 3, 3)  # 52 weeks after Wednesday 4 March 2026
    with pytest.raises(InputError) as caught:
        Profile.from_form({"race_date": "2027-03-04", "race_distance": "42195"}, today=TODAY)
    assert caught.value.field == "race_date"
    assert "at most 52 weeks ahead, Wednesday 3 March 2027 at the latest" in caught.value.message
    assert Profile.from_dict({"race_date": "2036-11-01"}).race_date == date(2036, 11, 1)  # stored: kept as it is


def test_the_form_refuses_a_race_date_under_no_race() -> None:
    """With "No race" chosen a date is not saved: the planner would read it as a race to plan to."""
    with pytest.raises(InputError) as caught:
        Profile.from_form({"race_date": "2026-09-20", "race_distance": ""}, today=TODAY)
    assert (caught.value.field, caught.value.message) == (
        "race_distance",
        "“No race” is chosen but a race date is given: choose your race's distance, or clear the date.",
    )
    assert Profile.from_form({"race_date": "", "race_distance": ""}, today=TODAY).race_date is None


def test_read_profile_leaves_out_only_what_does_not_read() -> None:
    reading = read_profile({"units": "mi", "hr_max": "19", "hr_rest": "50", "recent_distance": "5000"})
    assert reading.profile.units == "mi" and reading.profile.hr_rest == 50.0 and reading.profile.hr_max is None
    assert reading.profile.recent_distance_m is None
    assert {p.field for p in reading.problems} == {"hr_max", "recent_time"}
    assert read_profile("not a profile").profile == Profile()


def test_the_days_you_can_run_set_the_planners_runs_per_week() -> None:
    """Five days ticked are five runs: the planner starts from one run on each (at most six, its maximum)."""
    five = Profile.from_form({"run_weekdays": "0,1,3,5,6"}, today=TODAY)
    assert five.runs_per_week == 5 and five.to_dict()["runs_per_week"] == "5"
    assert Profile.from_form({"run_weekdays": "0,1,2,3,4,5,6"}, today=TODAY).runs_per_week == 6
    assert Profile.from_form({}, today=TODAY).to_dict()["runs_per_week"] == ""  # no days: the planner's own 4


def test_runs_per_week_chosen_on_the_planner_stay_until_the_days_change() -> None:
    """The planner stores the number the reader chose; saving the profile again keeps it, new days replace it."""
    stored = Profile.from_dict({"run_weekdays": "0,1,3,5,6", "runs_per_week": "4"})
    kept = Profile.from_form({"run_weekdays": "0,1,3,5,6", "hr_max": "190"}, today=TODAY, stored=stored)
    assert kept.runs_per_week == 4
    assert Profile.from_form({"run_weekdays": "0,1,3,5"}, today=TODAY, stored=stored).runs_per_week == 4  # 4 days
    assert Profile.from_form({"run_weekdays": "0,1,2,3,5,6"}, today=TODAY, stored=stored).runs_per_week == 6
    older = Profile.from_dict({"run_weekdays": "0,1,3,5,6"})  # stored before runs per week were kept
    assert Profile.from_form({"run_weekdays": "0,1,3,5,6"}, today=TODAY, stored=older).runs_per_week == 5


@pytest.mark.parametrize("runs", ["2", "7", "4.5", "four"])
def test_runs_per_week_outside_the_planners_choices_are_refused(runs: str) -> None:
    with pytest.raises(InputError) as caught:
        Profile.from_dict({"runs_per_week": runs})
    assert caught.value.field == "runs_per_week"
    assert accepted_words("runs_per_week", runs) == "a whole number from 3 to 6, or empty"
    assert accepted_words("runs_per_week", "5") is None


@pytest.mark.parametrize(
    ("stored", "easy_weeks", "kept"),
    [
        ({"units": "mi"}, None, None),  # stored before the choice (tests/fixtures/backups/v1.json's profile)
        ({"hard_runs": ""}, False, ""),  # "Tempo and intervals", the guide's week
        ({"hard_runs": "none"}, True, "none"),  # "None: easy weeks"
    ],
)
def test_the_hard_runs_choice_is_the_planners_value_and_an_older_profile_has_none(
    stored: dict[str, Any], easy_weeks: bool | None, kept: str | None
) -> None:
    """A profile from before the choice reads as no choice and is stored again without the key, so easy weeks
    chosen on the planner's form before then are not overridden by a "Tempo and intervals" nobody chose."""
    profile = Profile.from_dict(stored)
    assert profile.easy_weeks is easy_weeks
    assert profile.to_dict().get("hard_runs") == kept
    assert Profile.from_dict(profile.to_dict()) == profile


def test_a_hard_runs_value_the_planner_does_not_offer_is_refused_naming_the_choices() -> None:
    with pytest.raises(InputError) as caught:
        Profile.from_dict({"hard_runs": "tempo"})
    assert caught.value.field == "hard_runs"
    assert "“Tempo and intervals” or “None: easy weeks”" in caught.value.message
    assert accepted_words("hard_runs", "tempo") == "“none” for easy weeks, or empty for tempo and intervals"
    assert read_profile({"units": "mi", "hard_runs": 3}).profile.units == "mi"  # the rest still reads

"""The race-performance calculator's form and result, as the page shows them."""

from __future__ import annotations

import re
from datetime import date

import pytest

from calculators.errors import InputError
from calculators.ui.calculator import Calculator, Context, Field, Reply, render_calculator
from calculators.ui.html import el
from calculators.ui.race import CALCULATOR, compute
from calculators.units import format_duration, format_pace, parse_duration
from calculators.vdot import RACES, training_paces, vdot_from_race


def result(**values: str) -> str:
    return str(compute(CALCULATOR.read(values), Context()).html)


def test_prerendered_calculator_has_a_labelled_form_and_a_real_default_result() -> None:
    page = render_calculator(CALCULATOR)
    for field in CALCULATOR.fields:
        assert f'<label for="sl-vdot-{field.name}">' in page
        assert f'id="sl-vdot-{field.name}-error"' in page
    assert "VDOT 49.8" in page  # 5 km in 20:00, computed by the same code the browser runs
    # The status line shows; the glue's hidden live region beside it speaks. A live role on both would have a
    # screen reader hear each message twice.
    assert '<p class="sl-calc__status" data-status>' in page and 'role="status"' not in page


def test_result_lists_every_preset_with_three_models() -> None:
    html = result(distance="10k", time="41:21")
    for _, label, _ in RACES:
        assert f'<th scope="row">{label}' in html
    assert "Riegel" in html and "Cameron" in html and "Daniels" in html
    assert html.count("sl-row--yours") == 1


def test_training_paces_per_km_per_mile_and_per_400m() -> None:
    html = result(distance="5k", time="19:57", units="km")
    assert 'data-label="per km" class="sl-num">4:15<' in html  # T pace at VDOT 50, the unit in the column's header
    assert 'data-label="per mile" class="sl-num">6:51<' in html
    assert re.search(r'data-label="per km" class="sl-num">4:5\d–5:3\d<', html)  # E, "4:56–5:34": one unit, once
    assert re.search(r"I · Interval.*?94 s", html)
    # Paces come from the VDOT shown, 50.0, not the exact 49.95 (below 50, R is I less 20 s/km: 86 s).
    assert re.search(r"R · Repetition.*?88 s", html)


def test_mile_preference_puts_miles_first() -> None:
    km = result(distance="5k", time="19:57", units="km")
    mi = result(distance="5k", time="19:57", units="mi")
    assert km.index("per km") < km.index("per mile")
    assert mi.index("per mile") < mi.index("per km")
    assert "/mi</td>" in mi.split("<caption>Equivalent race times")[1].split("<caption>Training paces")[0]


def test_custom_distance_appears_in_the_table_in_order() -> None:
    html = result(distance="custom", custom_distance="8", custom_unit="km", time="33:00")
    rows = re.findall(r'<th scope="row">([^<]+)', html)
    assert rows.index("8 km") == rows.index("5 km") + 1
    assert "from 8 km in 33:00" in html


def test_custom_distance_in_miles() -> None:
    html = result(distance="custom", custom_distance="5", custom_unit="mi", time="35:00")
    assert "from 5 miles in 35:00" in html


def test_check_box_groups_and_date_fields_render_and_validate() -> None:
    days = Field(
        name="days", label="Run days", default="0,3", options=(("0", "Mon"), ("3", "Thu"), ("5", "Sat")), multiple=True
    )
    race = Field(name="race", label="Race date", default="", input_type="date")
    calc = Calculator(
        name="demo",
        title="Demo",
        intro="",
        fields=(days, race),
        compute=lambda v, c: Reply(html=el("p", None, v["days"])),
    )
    html = render_calculator(calc)
    assert '<fieldset class="sl-field sl-field--choices" data-multiple="days"' in html
    assert '<input type="checkbox" name="days" value="0" checked>' in html
    assert '<input type="checkbox" name="days" value="5">' in html
    assert 'type="date"' in html
    assert calc.read({"days": ""})["days"] == ""  # none chosen is a choice, not the default
    with pytest.raises(InputError, match="Mon, Thu, Sat") as caught:
        calc.read({"days": "0,9"})
    assert caught.value.field == "days"


# The accepted finish times: VDOT 90 to 20 (calculators.vdot), within 3:00–6:00:00, rounded inwards to the second.
FINISH_TIME_RANGES = [("5k", "5 km", "12:01", "42:38"), ("marathon", "a marathon", "1:55:28", "6:00:00")]


@pytest.mark.parametrize(("distance", "named", "fast", "slow"), FINISH_TIME_RANGES)
@pytest.mark.parametrize(("end", "outside"), [("fast", -1), ("slow", 1)])
def test_a_finish_time_just_outside_the_model_is_refused_with_the_range_for_the_distance(
    distance: str, named: str, fast: str, slow: str, end: str, outside: int
) -> None:
    """Outside the model's range, the message is on the finish time and gives the accepted range for that distance."""
    bound = parse_duration(fast if end == "fast" else slow)
    with pytest.raises(InputError) as caught:
        result(distance=distance, time=format_duration(bound + outside))
    assert caught.value.field == "time"
    assert f"for {named}" in caught.value.message
    assert f"between {fast} and {slow}" in caught.value.message
    assert "VDOT 90 to 20" in caught.value.message


@pytest.mark.parametrize(("distance", "fast", "slow"), [(d, fast, slow) for d, _, fast, slow in FINISH_TIME_RANGES])
def test_the_range_shown_is_itself_accepted(distance: str, fast: str, slow: str) -> None:
    """A reader who types back either end of the range shown gets a result."""
    for typed in (fast, slow):
        html = result(distance=distance, time=typed)
        assert re.search(rf"VDOT \d+\.\d<span[^>]*> from [^<]+ in {typed}</span>", html)


def test_the_range_for_a_distance_in_miles_names_the_miles() -> None:
    with pytest.raises(InputError) as caught:
        result(distance="custom", custom_distance="3", custom_unit="mi", time="2:00:00")
    assert caught.value.field == "time"
    assert "for 3 miles. Enter a finish time between 11:35 and 41:06" in caught.value.message


def test_the_longest_race_limit_is_named_when_it_ends_the_range() -> None:
    with pytest.raises(InputError) as caught:
        result(distance="marathon", time="7:00:00")
    assert "at most 6:00:00, the longest race this calculator takes" in caught.value.message


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("20", "“20” could be seconds or minutes. Type it as mm:ss or h:mm:ss, for example 20:00 for 20 minutes."),
        ("22.30", "“22.30” has a point where a time has a colon. Type mm:ss or h:mm:ss: 22:30."),
    ],
)
def test_a_finish_time_without_a_colon_is_asked_about_not_read_as_seconds(typed: str, words: str) -> None:
    with pytest.raises(InputError) as caught:
        result(distance="5k", time=typed)
    assert (caught.value.field, caught.value.message) == ("time", words)


def test_a_finish_time_with_decimal_seconds_still_reads() -> None:
    assert "from 5 km in 19:58" in result(distance="5k", time="19:57.5")


def test_every_recent_race_the_profile_offers_is_one_the_calculator_starts_from() -> None:
    # The profile stores metres; the calculator's drop-down names races. A profile race it could not
    # show would leave the calculator on its last race, with the profile's time beside it.
    from calculators.ui.profile_page import FIELDS

    offered = dict(next(f for f in FIELDS if f.name == "recent_distance").options)
    distance = next(f for f in CALCULATOR.fields if f.name == "distance")
    mapped = dict(distance.profile_values)
    assert set(offered) - {""} == set(mapped)
    for metres, key in mapped.items():
        assert offered[metres] == dict(distance.options)[key]  # the same race, by the same name
    page = render_calculator(CALCULATOR)
    # The distance and the finish time, together; the unit for another distance starts on its own (data-keep-choice).
    assert page.count('data-profile-start="recent_') == 2 and page.count("data-profile-start=") == 3


PROFILE = {"units": "km", "recent_distance": "10000", "recent_time": "52:40", "vdot": "38.2", "hr_max": "188"}


def reader(profile: dict[str, str]) -> Context:
    return Context(today=date(2026, 12, 7), store={}, profile=profile)


def test_a_race_other_than_the_profiles_offers_to_become_it_and_saving_changes_only_the_race_and_vdot() -> None:
    values = CALCULATOR.read({"distance": "half", "time": "1:52:00"})
    shown = str(compute(values, reader(PROFILE)).html)
    assert "Your profile's recent race is 10 km in 52:40. Your VDOT is 38.2 now (easy 6:06–6:53 /km" in shown
    # what it becomes, before the one button that stores it, which names the race it stores
    assert "As your recent race, this one makes your VDOT 39.5 (easy 5:57–6:42 /km, threshold 5:09 /km)" in shown
    assert ">Use as my recent race (half marathon in 1:52:00)</button>" in shown

    reply = CALCULATOR.action("save_race")(values, reader(PROFILE))
    (op,) = reply.ops
    score = vdot_from_race(21097.5, parse_duration("1:52:00"))
    assert op["value"] == PROFILE | {"recent_distance": "21097.5", "recent_time": "1:52:00", "vdot": f"{score:.1f}"}
    assert f"Saved as your recent race: VDOT {score:.1f}" in str(reply.html)
    assert "This is the recent race in your profile." in str(reply.html)
    assert "Use as my recent race" not in str(reply.html)


def test_the_profiles_own_race_says_so_and_an_empty_profile_is_offered_the_race() -> None:
    same = str(compute(CALCULATOR.read({"distance": "10k", "time": "52:40"}), reader(PROFILE)).html)
    assert "This is the recent race in your profile." in same and "Use as my recent race" not in same
    empty = str(compute(CALCULATOR.read({"distance": "10k", "time": "52:40"}), reader({})).html)
    assert "Your profile has no recent race yet." in empty and "Use as my recent race" in empty


def test_a_distance_the_profile_cannot_name_is_not_offered_and_not_saved() -> None:
    values = CALCULATOR.read({"distance": "custom", "custom_distance": "8", "time": "40:00"})
    assert "Use as my recent race" not in str(compute(values, reader(PROFILE)).html)
    with pytest.raises(InputError) as refused:
        CALCULATOR.action("save_race")(values, reader(PROFILE))
    assert refused.value.field == "distance"


def test_the_built_page_offers_no_save_as_there_is_no_reader_yet() -> None:
    assert "Use as my recent race" not in render_calculator(CALCULATOR)


def test_training_paces_are_cards_on_a_phone_each_pace_labelled_by_its_column() -> None:
    html = result(distance="5k", time="19:57", units="mi")
    paces = html[html.index('aria-label="Training paces"') :]
    assert 'class="sl-table sl-table--stack"' in paces
    assert paces.count('class="sl-num sl-none">—<') == 3  # E, M and T have no 400 m time: left off their cards
    assert 'data-label="per mile" class="sl-num">6:51<' in paces and 'data-label="What it is for">Tempo runs' in paces


def test_the_untouched_example_says_so_and_offers_no_save() -> None:
    """The built-in 5 km in 20:00, with no race in the profile and nothing typed, is an example: saved with one
    tap, it would give a beginner a 20:00 runner's paces."""
    shown = str(compute(CALCULATOR.read({}), reader({})).html)
    assert "Example: VDOT 49.8" in shown
    assert "This is an example, 5 km in 20:00, not your race. Type your own race time" in shown
    assert "Use as my recent race" not in shown


def test_a_time_the_reader_typed_is_theirs_even_when_it_equals_the_example() -> None:
    typed = Context(today=date(2026, 12, 7), store={}, touched=frozenset({"time"}))
    shown = str(compute(CALCULATOR.read({"time": "20:00"}), typed).html)
    assert "Example" not in shown and "Use as my recent race" in shown
    # Only the race's own fields count: paces shown per mile are still the example's.
    units_only = Context(today=date(2026, 12, 7), store={}, touched=frozenset({"units"}))
    assert "Example: VDOT 49.8" in str(compute(CALCULATOR.read({"units": "mi"}), units_only).html)


def test_the_profiles_race_of_5_km_in_20_minutes_is_not_an_example() -> None:
    profile = {"units": "km", "recent_distance": "5000", "recent_time": "20:00", "vdot": "49.8"}
    shown = str(compute(CALCULATOR.read({}), reader(profile)).html)
    assert "Example" not in shown and "This is the recent race in your profile." in shown


def test_other_distance_chosen_asks_for_the_distance_before_checking_the_time() -> None:
    """Choosing "Other distance…" with a marathon time kept raises no error about a distance nobody typed."""
    values = CALCULATOR.read({"distance": "custom", "time": "3:30:00"})
    assert values["custom_distance"] == ""  # no made-up 8 km to check the time against
    shown = str(compute(values, reader({})).html)
    assert "Type your race's distance above: 1 to 50 km (0.63 to 31 miles)." in shown
    assert "VDOT" not in shown


def test_an_empty_other_distance_is_refused_once_calculate_is_pressed() -> None:
    """Calculate pressed: the empty box is called wrong, named, with its range; a form kept with every field counted
    as touched (an older version's) still only asks for it."""
    values = CALCULATOR.read({"distance": "custom", "custom_unit": "mi", "time": "3:30:00"})
    kept = Context(today=date(2026, 12, 7), store={}, touched=frozenset(values))
    assert "Type your race's distance above" in str(compute(values, kept).html)
    with pytest.raises(InputError) as caught:
        compute(values, Context(today=date(2026, 12, 7), store={}, pressed=True))
    assert (caught.value.field, caught.value.message) == (
        "custom_distance",
        "Distance: enter a number between 0.63 and 31 miles.",
    )


def test_a_distance_in_miles_is_refused_in_the_words_of_the_boxs_help() -> None:
    """The help and the error say one range, in miles as the drop-down names them, rounded inward (0.63 to 31) so
    every number in it is a race the model takes: 0.62 miles (998 m) used to pass the box and be refused in km."""
    (box,) = (field for field in CALCULATOR.fields if field.name == "custom_distance")
    assert box.help == "1 to 50 km (0.63 to 31 miles)."
    pressed = Context(today=date(2026, 12, 7), store={}, pressed=True)
    for typed in ("0.62", "31.07"):
        values = CALCULATOR.read({"distance": "custom", "custom_unit": "mi", "custom_distance": typed, "time": "20:00"})
        with pytest.raises(InputError) as caught:
            compute(values, pressed)
        assert (caught.value.field, caught.value.message) == (
            "custom_distance",
            f"Distance: {typed} miles is out of range. Enter a number between 0.63 and 31 miles.",
        )
    for typed, time in (("0.63", "4:00"), ("31", "4:00:00")):
        values = CALCULATOR.read({"distance": "custom", "custom_unit": "mi", "custom_distance": typed, "time": time})
        assert "VDOT" in str(compute(values, pressed).html)


@pytest.mark.parametrize(
    ("values", "shown"),
    [
        ({"distance": "custom", "custom_distance": "8", "custom_unit": "km", "time": "20:00"}, "VDOT 89.1"),
        ({"distance": "5k", "time": "12:01"}, "VDOT 90.0"),
    ],
)
def test_a_result_beyond_daniels_tables_says_to_check_the_race(values: dict[str, str], shown: str) -> None:
    """Daniels' tables end at VDOT 85, about world-record level: a faster result is read back with a note to
    check the time and the distance, not as plain world-record paces."""
    html = result(**values)
    assert f"{shown} is beyond Daniels' tables, which end at VDOT 85, about world-record level: check that" in html


def test_a_result_within_daniels_tables_has_no_such_note() -> None:
    assert "beyond Daniels' tables" not in result(distance="5k", time="12:40")  # VDOT 84.9


def test_the_marathon_row_is_run_at_the_marathon_pace_every_page_gives() -> None:
    """One VDOT, the tenth shown and stored in the profile, gives the equivalent times and the paces: a 10 km in
    52:30 (VDOT 37.786, shown 37.8) has its marathon row at 9:10 /mi, as the M pace here, on the Profile, the planner,
    Today and the calendar, not 9:11 from the unrounded VDOT beside it; the runner's own race still reads 52:30."""
    html = result(distance="10k", time="52:30", units="mi")
    marathon = format_pace(training_paces(37.8).marathon, "mi")
    assert marathon == "9:10 /mi"
    row = re.search(r'Marathon</th><td class="sl-num">([^<]*)<span class="sl-eq__pace">([^<]*)<', html)
    assert row is not None and row.group(2) == marathon
    assert f'M · Marathon</th><td role="cell" data-label="per mile" class="sl-num">{marathon.split()[0]}<' in html
    assert re.search(r'10 km<span class="sl-tag"> your race</span></th><td class="sl-num">52:30<', html)

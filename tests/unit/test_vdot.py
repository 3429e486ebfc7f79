"""VDOT against the published Daniels tables (Daniels' Running Formula, 3rd ed.) and the other predictors."""

from __future__ import annotations

import pytest

from calculators import vdot
from calculators.errors import InputError
from calculators.units import parse_duration

MARATHON = vdot.MARATHON_M
HALF = MARATHON / 2

# Race times printed in Daniels' Running Formula (3rd ed.) for VDOT 50, from shared/science/FORMULAS.md.
VDOT_50_RACES = [(5000, "19:57"), (10000, "41:21"), (HALF, "1:31:35"), (MARATHON, "3:10:49")]


@pytest.mark.parametrize(("meters", "printed"), VDOT_50_RACES)
def test_race_times_match_the_book_within_a_quarter_percent(meters: float, printed: str) -> None:
    assert vdot.race_time(50, meters) == pytest.approx(parse_duration(printed), rel=0.0025)


@pytest.mark.parametrize(("meters", "printed"), VDOT_50_RACES)
def test_a_book_race_gives_vdot_50(meters: float, printed: str) -> None:
    assert vdot.vdot_from_race(meters, parse_duration(printed)) == pytest.approx(50, abs=0.2)


def test_training_paces_match_the_book_at_vdot_50() -> None:
    paces = vdot.training_paces(50)
    fast, slow = paces.easy
    assert fast == pytest.approx(parse_duration("4:56"), abs=3)
    assert slow == pytest.approx(parse_duration("5:34"), abs=3)
    assert paces.marathon == pytest.approx(parse_duration("4:31"), abs=3)
    assert paces.threshold == pytest.approx(parse_duration("4:15"), abs=3)
    # The book prints I as 3:55/km and, rounded on its own, 93 s per 400 m.
    assert paces.interval == pytest.approx(parse_duration("3:55"), abs=3)
    assert paces.interval * 0.4 == pytest.approx(93, abs=1.5)
    assert paces.repetition * 0.4 == pytest.approx(87, abs=1.5)


def test_paces_get_faster_in_the_book_order() -> None:
    p = vdot.training_paces(45)
    assert p.easy[1] > p.easy[0] > p.marathon > p.threshold > p.interval > p.repetition


def test_riegel_and_cameron_match_the_published_example() -> None:
    # 5 km in 20:00 → marathon 3:11:49 (Riegel), 3:15:11 (Cameron); shared/science/FORMULAS.md.
    assert vdot.riegel(1200, 5000, MARATHON) == pytest.approx(parse_duration("3:11:49"), abs=1)
    assert vdot.cameron(1200, 5000, MARATHON) == pytest.approx(parse_duration("3:15:11"), abs=1)


def test_predictors_return_the_input_for_the_same_distance() -> None:
    assert vdot.riegel(1200, 5000, 5000) == pytest.approx(1200)
    assert vdot.cameron(1200, 5000, 5000) == pytest.approx(1200)


@pytest.mark.parametrize(
    ("meters", "seconds", "field", "words"),
    [
        (5000, 9 * 60, "time", "faster than this model allows"),  # a 5 km in 9 minutes
        (MARATHON, 9 * 3600, "time", "between 3:00 and 6:00:00"),  # a marathon in 9 hours
        (0, 1200, "distance", "between 1 km and 50 km"),
        (-5000, 1200, "distance", "between 1 km and 50 km"),
        (100000, 30000, "distance", "between 1 km and 50 km"),
        (5000, 0, "time", "between 3:00 and 6:00:00"),
        (5000, -60, "time", "between 3:00 and 6:00:00"),
        (5000, float("nan"), "time", "between 3:00 and 6:00:00"),
        (1000, 5 * 3600, "time", "slower than this model covers"),
    ],
)
def test_races_outside_the_model_name_the_field(meters: float, seconds: float, field: str, words: str) -> None:
    with pytest.raises(InputError) as caught:
        vdot.vdot_from_race(meters, seconds)
    assert caught.value.field == field
    assert words in caught.value.message


@pytest.mark.parametrize("score", [19.9, 90.1, float("nan"), -3])
def test_vdot_outside_the_accepted_band_is_refused(score: float) -> None:
    with pytest.raises(InputError):
        vdot.training_paces(score)
    with pytest.raises(InputError):
        vdot.race_time(score, 5000)


@pytest.mark.parametrize("meters", [1000, 1500, 1609.344, 5000, 10000, HALF, MARATHON, 50000])
def test_race_time_range_ends_are_accepted_and_a_second_beyond_is_not(meters: float) -> None:
    """The range shown to a reader is rounded inwards: each end is accepted, one second beyond is refused."""
    fast, slow = vdot.race_time_range(meters)
    assert fast == int(fast) and slow == int(slow)
    assert vdot.VDOT_MIN <= vdot.vdot_from_race(meters, fast) <= vdot.VDOT_MAX
    assert vdot.VDOT_MIN <= vdot.vdot_from_race(meters, slow) <= vdot.VDOT_MAX
    for beyond in (fast - 1, slow + 1):
        with pytest.raises(InputError) as caught:
            vdot.vdot_from_race(meters, beyond)
        assert caught.value.field == "time"


def test_race_time_range_refuses_a_distance_outside_the_model() -> None:
    with pytest.raises(InputError) as caught:
        vdot.race_time_range(60000)
    assert caught.value.field == "distance"


@pytest.mark.parametrize(
    ("typed", "meters", "hint"),
    [
        ("1:30", HALF, "so this one is 1 minute 30 seconds; for 1 hour 30 minutes, type 1:30:00."),
        ("3:10", MARATHON, "so this one is 3 minutes 10 seconds; for 3 hours 10 minutes, type 3:10:00."),
        ("0:19", 5000, "so this one is 19 seconds; for 19 minutes, type 19:00."),
        ("0:20", 10000, None),  # 20 minutes is no 10 km finish either: no other reading to offer
        ("1:15", 1600, None),  # nor are 75 minutes for 1600 m
    ],
)
def test_a_time_refused_as_too_fast_says_how_it_was_read_when_minutes_were_meant(
    typed: str, meters: float, hint: str | None
) -> None:
    """A runner typing "1:30" for a 90-minute half marathon is told it read as minutes and seconds, and what to type."""
    with pytest.raises(InputError) as caught:
        vdot.check_race_time(parse_duration(typed), meters, field="time", distance="the race")
    message = caught.value.message
    assert message.startswith("That finish time is faster than this model allows for the race.")
    assert (hint is not None and message.endswith(hint)) or (hint is None and "read as" not in message)

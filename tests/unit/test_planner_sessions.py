"""How a planned tempo run or interval session is run, and how hard each run is by feel."""

from __future__ import annotations

import pytest

from calculators.planner_sessions import (
    QUALITY_SHARE,
    effort_words,
    fast_km_most,
    fast_minutes,
    fast_minutes_most,
    fast_part_words,
    interval_race_minutes,
    structure_words,
)
from calculators.vdot import training_paces, vo2max_fraction


def test_interval_effort_is_the_race_length_daniels_interval_band_matches() -> None:
    """I pace is 95–100 % of VO2max (FORMULAS.md); Daniels & Gilbert's F(t) says how long a race is run at each."""
    fast, slow = interval_race_minutes()
    assert (fast, slow) == (10, 20)
    assert vo2max_fraction(11) == pytest.approx(1.0, abs=0.002)
    assert vo2max_fraction(21) == pytest.approx(0.95, abs=0.002)


@pytest.mark.parametrize(
    ("fast", "distance", "words"),
    [
        (8, "", "easy warm-up, about 8 min steady at tempo effort, easy cool-down."),
        (20, "", "easy warm-up, about 20 min steady at tempo effort, easy cool-down."),
        (
            25,
            "",
            "easy warm-up, about 25 min at tempo effort as cruise intervals of 5–15 min with 1–2 min easy between, "
            "easy cool-down.",
        ),
        (
            None,
            "4.5 km",
            "easy warm-up, about 4.5 km at tempo effort (steady for up to about 20 min; beyond that, as cruise "
            "intervals of 5–15 min with 1–2 min easy between), easy cool-down.",
        ),
        (
            None,
            "",
            "easy warm-up, at tempo effort (steady for up to about 20 min; beyond that, as cruise intervals of 5–15 "
            "min with 1–2 min easy between), easy cool-down.",
        ),
    ],
)
def test_a_tempo_is_steady_up_to_about_20_minutes_at_t_and_cruise_intervals_beyond(
    fast: int | None, distance: str, words: str
) -> None:
    """The lactate-threshold guide: a steady tempo of about 20 minutes; more at T in cruise intervals. Without the
    fast part's minutes, its distance; with neither (a plan saved before it was stored), no amount."""
    assert structure_words("tempo", fast, distance) == words


def test_the_words_say_the_fast_part_the_plan_stores() -> None:
    assert fast_part_words("intervals", 15) == "about 15 min hard, in 3–5 min repeats"
    assert structure_words("intervals", 15).startswith("easy warm-up, about 15 min hard in all")
    assert fast_part_words("tempo", None, "3 mi") == "about 3 mi at tempo effort"
    assert fast_part_words("long", None) == structure_words("easy", 40) == ""


def test_daniels_limits_a_session_to_8_percent_of_the_week_at_i_at_most_10_km_and_10_percent_at_t() -> None:
    """Daniels' Running Formula (3rd ed.): I pace in one session, the lesser of 10 km and 8 % of weekly mileage; T
    pace, about 10 % of weekly mileage."""
    assert fast_km_most("intervals", 70.0) == pytest.approx(5.6)
    assert fast_km_most("intervals", 125.0) == pytest.approx(10.0)
    assert fast_km_most("intervals", 200.0) == 10.0
    assert fast_km_most("tempo", 70.0) == pytest.approx(7.0)
    assert fast_km_most("tempo", 200.0) == pytest.approx(20.0)


@pytest.mark.parametrize("vdot", [20.0, 35.5, 50.0, 70.0, 90.0])
@pytest.mark.parametrize("run", ["tempo", "intervals"])
def test_without_paces_the_minutes_limit_keeps_within_daniels_share_at_any_vdot(run: str, vdot: float) -> None:
    """Stridelab's minutes for Daniels' limits: at any VDOT, that many minutes at T or I pace are no more than the
    share of a week run otherwise at the slowest easy pace, nor more than 10 km at I."""
    paces = training_paces(vdot)
    fast_pace = paces.threshold if run == "tempo" else paces.interval
    for week_minutes in (60.0, 360.0, 900.0):
        fast_km = fast_minutes_most(run, week_minutes) * 60 / fast_pace
        week_km = fast_km + (week_minutes - fast_minutes_most(run, week_minutes)) * 60 / paces.easy[1]
        assert fast_km <= fast_km_most(run, week_km) + 1e-9


def test_the_fast_part_is_about_half_a_session_and_never_past_the_limit() -> None:
    assert QUALITY_SHARE == 0.5
    assert fast_minutes(75, 100.0) == 38  # half, rounded
    assert fast_minutes(75, 21.9) == 21  # the limit, rounded down
    assert fast_minutes(15, 4.6) == 4


def test_every_run_says_how_hard_it_is_and_rest_says_nothing() -> None:
    for run in ("easy", "long", "tempo", "intervals", "race"):
        assert effort_words(run)
    assert effort_words("rest") == effort_words("cross") == ""

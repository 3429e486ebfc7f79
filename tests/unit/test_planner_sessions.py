"""How a planned tempo run or interval session is run, and how hard each run is by feel."""

from __future__ import annotations

import pytest

from calculators.planner_sessions import (
    QUALITY_SHARE,
    effort_words,
    fast_part_words,
    interval_race_minutes,
    structure_words,
)
from calculators.vdot import vo2max_fraction


def test_interval_effort_is_the_race_length_daniels_interval_band_matches() -> None:
    """I pace is 95–100 % of VO2max (FORMULAS.md); Daniels & Gilbert's F(t) says how long a race is run at each."""
    fast, slow = interval_race_minutes()
    assert (fast, slow) == (10, 20)
    assert vo2max_fraction(11) == pytest.approx(1.0, abs=0.002)
    assert vo2max_fraction(21) == pytest.approx(0.95, abs=0.002)


@pytest.mark.parametrize(
    ("minutes", "words"),
    [
        (15, "easy warm-up, about 8 min steady at tempo effort, easy cool-down."),
        (40, "easy warm-up, about 20 min steady at tempo effort, easy cool-down."),
        (
            50,
            "easy warm-up, about 25 min at tempo effort as cruise intervals of 5–15 min with 1–2 min easy between, "
            "easy cool-down.",
        ),
        (
            None,
            "easy warm-up, about half of it at tempo effort (steady for up to about 20 min; beyond that, as cruise "
            "intervals of 5–15 min with 1–2 min easy between), easy cool-down.",
        ),
    ],
)
def test_a_tempo_is_steady_up_to_about_20_minutes_at_t_and_cruise_intervals_beyond(
    minutes: int | None, words: str
) -> None:
    """The lactate-threshold guide: a steady tempo of about 20 minutes; more at T in cruise intervals."""
    assert structure_words("tempo", minutes) == words


def test_the_fast_part_is_the_share_the_plan_counts() -> None:
    """The words say the same share of a hard session as week.py uses to turn its distance into minutes."""
    assert QUALITY_SHARE == 0.5
    assert fast_part_words("intervals", 30) == "about 15 min hard, in 3–5 min repeats"
    assert structure_words("intervals", 30).startswith("easy warm-up, about 15 min hard in all")
    assert fast_part_words("long", 90) == structure_words("easy", 40) == ""


def test_every_run_says_how_hard_it_is_and_rest_says_nothing() -> None:
    for run in ("easy", "long", "tempo", "intervals", "race"):
        assert effort_words(run)
    assert effort_words("rest") == effort_words("cross") == ""

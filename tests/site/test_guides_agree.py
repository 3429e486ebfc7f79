"""The guides and tool pages say what the training rules and the calculators do, and say it alike."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

from calculators import strength
from calculators.exercises import get_exercise
from calculators.load import CHRONIC_DAYS, FITNESS_DAYS, acwr, ewma_kept, fitness_fatigue, model_kept, seed_load
from calculators.load_units import load_step
from calculators.planner import WeekPrefs, plan_season
from calculators.planner_sessions import QUALITY_SHARE, SESSION_LIMITS, SESSION_MINUTES_MOST
from calculators.readiness_easy_run import HR_CAP_EASY
from calculators.readiness_load import (
    FORM_HEAVY_PCT,
    FORM_HISTORY_DAYS,
    FORM_VERY_HEAVY_PCT,
    RAMP_HISTORY_DAYS,
    RAMP_HISTORY_WORDS,
    RAMP_SAME_BAND,
    SEED_WORDS,
)
from calculators.readiness_plan import DEFAULT_EASY_MINUTES
from calculators.season import PEAK_STRENGTH_DOSE
from calculators.ui.readiness_fields import FIELDS as READINESS_FIELDS
from calculators.units import KG_PER_LB, format_pace, format_pace_range
from calculators.vdot import MARATHON_M, training_paces
from calculators.week import MARATHON_PHASES
from calculators.week_plan import sets_share
from tests.unit.test_readiness_page import _runs, ask

CONTENT = Path(__file__).parents[2] / "content"
#: The training-load guide's reference four-run week, in AU.
REFERENCE_WEEK_AU = 1805


def _short_answer(page: str) -> str:
    """The text of a guide's ``!!! abstract "Short answer"`` box, its lines joined."""
    text = (CONTENT / "guides" / f"{page}.md").read_text(encoding="utf-8")
    box = text.split('!!! abstract "Short answer"\n', 1)[1].split("\n\n", 1)[0]
    return " ".join(box.split())


def test_the_strength_guide_s_short_answer_cuts_peak_weeks_as_the_rule_and_the_planner_do() -> None:
    """TRAINING-RULES.md: "cut strength volume by 30–50 %" in peak mileage weeks; the planner keeps each
    exercise's sets at PEAK_STRENGTH_DOSE, which the short answer gives as the sets the log prescribes, not as a
    percentage no exercise's count is. "Halve" is the rule's one end, not the planner's number."""
    short = _short_answer("strength-training-for-runners")
    assert "30–50 %" in short and "halve" not in short, short
    assert f"at {sets_share(PEAK_STRENGTH_DOSE)}, 2 of 4 or 2 of 3" in short, short
    assert f"{round(PEAK_STRENGTH_DOSE * 100)} %" not in short, short


def test_the_strength_guide_quotes_a_peak_weeks_dose_in_the_planners_words() -> None:
    """The guide tells the reader what the planner shows for a peak week's sessions: the words of
    :func:`calculators.week_plan.sets_share`, which the planner's tables, Today and the calendar all give."""
    text = " ".join((CONTENT / "guides" / "strength-training-for-runners.md").read_text(encoding="utf-8").split())
    assert f'shows a peak week\'s sessions at "{sets_share(PEAK_STRENGTH_DOSE)}"' in text


def test_every_page_that_says_which_race_to_enter_gives_the_guide_s_advice() -> None:
    """The race-times guide: enter your latest all-out race and a new one after each race ("How often should I
    update my paces?"). No calculator asks when a race was run, so no page sets an age limit of its own."""
    pages = {
        p.relative_to(CONTENT).as_posix(): " ".join(p.read_text(encoding="utf-8").split())
        for p in CONTENT.rglob("*.md")
    }
    limits = {page: re.findall(r"race from the last [^.]*", text) for page, text in pages.items()}
    assert not {page: found for page, found in limits.items() if found}
    for page in ("tools/race-performance.md", "tools/profile.md"):
        assert "latest race run all out" in pages[page], page
        assert "race-times-and-vdot.md#which-race-should-i-enter-in-the-calculator" in pages[page], page


def test_every_page_rates_a_session_on_the_range_the_logs_accept() -> None:
    """The run log and the strength log take a session RPE from 1 to 10; Foster's CR-10 runs from 0, but 0 is
    rest, a day with no session. A page that says "0–10" for the rating asks for a number no form takes."""
    [run] = [f for f in READINESS_FIELDS if f.name == "run_rpe"]
    lowest = min(int(value) for value, _ in run.options or () if value)
    assert lowest == strength.RPE_MIN == 1 and strength.RPE_MAX == 10
    pages = {
        p.relative_to(CONTENT).as_posix(): " ".join(p.read_text(encoding="utf-8").split())
        for p in CONTENT.rglob("*.md")
    }
    assert not {page for page, text in pages.items() if re.search(r"0[–-]10\b", text)}
    scale = pages["guides/training-load.md"]
    assert "from 0 (rest) to 10 (maximal)" in scale and "A session you log takes 1 to 10: 0 is rest" in scale


def _steady_year_then(factor: float) -> tuple[dict[date, float], date]:
    """A year of the reference week (1,805 AU spread evenly over its days), then a week ``factor`` times as heavy;
    with that week's last day."""
    first = date(2025, 1, 6)
    days = [first + timedelta(days=n) for n in range(53 * 7)]
    loads = {day: REFERENCE_WEEK_AU / 7 * (factor if n >= 52 * 7 else 1) for n, day in enumerate(days)}
    return loads, days[-1]


def test_the_training_load_guide_s_harder_week_table_is_what_the_model_gives() -> None:
    """Form is read the morning after the week (the model's form is yesterday's fitness − fatigue); the ramp on the
    week's last day, as the text says, since the next morning's ramp already counts a day without load."""
    text = (CONTENT / "guides" / "training-load.md").read_text(encoding="utf-8")
    table = text.split("### How form and ramp respond to a harder week", 1)[1].split("\n\n")[2]
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in table.splitlines()[2:]]
    factors = {"30 % more": 1.3, "60 % more": 1.6, "twice as much": 2.0, "two and a half times": 2.5}
    expected = []
    for label, factor in factors.items():
        loads, last = _steady_year_then(factor)
        pct = fitness_fatigue(loads, today=last + timedelta(days=1)).form_pct or 0.0
        band = " (very heavy)" if pct < FORM_VERY_HEAVY_PCT else " (heavy)" if pct < FORM_HEAVY_PCT else ""
        ramp = acwr(loads, today=last).ratio or 0.0
        expected.append([label, f"{REFERENCE_WEEK_AU * factor:,.0f}", f"−{-pct:.0f} %{band}", f"{ramp:.2f}"])
    assert rows == expected
    loads, last = _steady_year_then(2.0)
    next_morning = acwr(loads, today=last + timedelta(days=1)).ratio or 0.0
    said = f"ramp of only {expected[2][3]} on its last day, and by the next morning, with nothing logged yet,"
    assert f"{said} {next_morning:.2f}" in " ".join(text.split())


def test_tomorrow_s_easy_run_opens_with_a_short_lead_and_a_list_of_what_it_starts_from() -> None:
    """A phone reader scans the defaults (the readiness check's 50 minutes and 79 % cap) in a list, not in one
    sentence with a parenthesis of exceptions."""
    text = (CONTENT / "guides" / "hrv-and-readiness.md").read_text(encoding="utf-8")
    lead, items = text.split("## Tomorrow's easy run\n\n", 1)[1].split("\n\n", 2)[:2]
    assert all(len(sentence.split()) <= 20 for sentence in re.split(r"(?<=[.:])\s", lead)), lead
    starts = [line for line in items.splitlines() if line.startswith("- **")]
    assert len(starts) == len(items.splitlines()) >= 3, items
    assert f"{DEFAULT_EASY_MINUTES} minutes" in items and f"{round(HR_CAP_EASY * 100)} % of your maximum" in items


def _guide(page: str) -> str:
    return " ".join((CONTENT / "guides" / f"{page}.md").read_text(encoding="utf-8").split())


def test_the_guides_marathon_pace_long_run_is_the_one_the_planner_plans() -> None:
    """The race-times guide says what the planner does with M: Daniels' limits as the planner keeps them, about half
    of the long run, only in a marathon plan's build and peak weeks, and its worked example is the planner's own
    plan. The periodising guide's build phase and the easy-running guide point there rather than promise more."""
    text = _guide("race-times-and-vdot")
    section = text.split("### Marathon pace in the long run", 1)[1].split("## FAQ", 1)[0]
    assert SESSION_LIMITS["long"] == (0.20, 29.0) and SESSION_MINUTES_MOST["long"] == 110
    assert "the lesser of 20 % of the week's mileage and 18 miles (29 km)" in section
    assert "the lesser of 110 minutes and 18 miles" in section
    assert QUALITY_SHARE == 0.5 and "About half of the long run is at M" in section
    assert {"build", "peak"} == MARATHON_PHASES and "in a marathon plan's build and peak weeks" in section
    example = re.search(
        r"VDOT (\d+) with (\w+) runs a week and a peak week of (\d+) minutes, the peak weeks' long run is (\d+) min, "
        r"the last (\d+) min at (\d:\d\d)/km",
        section,
    )
    assert example is not None, section
    vdot, runs, volume = float(example[1]), {"four": 4, "five": 5}[example[2]], float(example[3])
    prefs = WeekPrefs(run_days=runs, vdot=vdot, peak_volume=volume)
    season = plan_season(prefs, today=date(2026, 12, 7), race_date=date(2027, 4, 11), race_distance_m=MARATHON_M)
    peaks = [day for week in season.weeks if week.phase == "peak" for day in week.plan.days if day.run == "long"]
    assert peaks and {(d.minutes, d.fast_minutes) for d in peaks} == {(int(example[4]), int(example[5]))}
    assert format_pace(training_paces(vdot).marathon, "km") == f"{example[6]} /km"
    build = _guide("periodising-strength").split("## Build:", 1)[1].split(" ## ", 1)[0]
    assert "sections at marathon pace" not in build
    assert "build and peak weeks" in build and "race-times-and-vdot.md#marathon-pace-in-the-long-run" in build
    easy = _guide("how-to-run-easy")
    assert "race-times-and-vdot.md#marathon-pace-in-the-long-run" in easy


def test_the_training_load_guide_says_what_the_readiness_page_shows_beside_the_ramp() -> None:
    """The guide once said the readiness page shows the plain weekly totals beside the ramp; the page no longer does
    (one load figure, the one the verdict uses). The guide says what the page says."""
    page = ask("compute", {}, store={"runs": _runs(60)})["html"]
    guide = (CONTENT / "guides" / "training-load.md").read_text(encoding="utf-8")
    assert ("In plain totals" in page) == ("shows the plain weekly totals" in guide)
    assert "not a plain ratio of weekly totals" in page and "never a plain ratio of weekly totals" in guide


def test_the_training_load_guide_says_when_the_ramp_appears_and_how_it_words_a_steady_load() -> None:
    """The guide gives the day the readiness page starts to show the ramp, the band it words "about the same as", and
    what a load the same every day reads then and a week before: the page's own constants and the model's numbers."""
    guide = " ".join((CONTENT / "guides" / "training-load.md").read_text(encoding="utf-8").split())
    first = date(2026, 1, 5)

    def steady(days: int) -> str:
        loads = {first + timedelta(days=n): 300.0 for n in range(days)}
        return f"{acwr(loads, today=first + timedelta(days=days - 1)).ratio or 0.0:.2f}"

    low, high = 1 - RAMP_SAME_BAND, 1 + RAMP_SAME_BAND
    assert f'calls a ramp between {low:.2f} and {high:.2f} "about the same as" your usual load' in guide
    assert f"which still reads {steady(RAMP_HISTORY_DAYS)} when a ramp started from zero first appears" in guide
    assert f'marked "still settling" until {RAMP_HISTORY_WORDS} ({RAMP_HISTORY_DAYS} days) of logs' in guide
    assert f"Both averages start from your usual week once {SEED_WORDS} are logged" in guide
    assert f"five weeks in, a load the same every day would still read {steady(35)}" in guide


#: The guide's example week: two 40-minute easy runs at RPE 3 and a 2-hour long run at RPE 5, from a Monday.
EXAMPLE_WEEK = {0: 120.0, 2: 120.0, 5: 600.0}


def _lowest_form_highest_ramp(first_weeks: list[dict[int, float]], *, seeded: bool) -> tuple[str, str]:
    """Form % at its lowest and the ramp at its highest over days 21 to 125 of a log that opens with ``first_weeks``
    and then runs :data:`EXAMPLE_WEEK` every week; with ``seeded`` False, after a year of the example weeks instead
    (what the start stands in for), as the page reads them each evening."""
    weeks = [*first_weeks, *[EXAMPLE_WEEK] * 20]
    before = [] if seeded else [EXAMPLE_WEEK] * 52
    first = date(2026, 1, 5)
    start = first - timedelta(weeks=len(before))
    log = {
        start + timedelta(weeks=w, days=d): load
        for w, week in enumerate([*before, *weeks])
        for d, load in week.items()
        if load
    }
    forms, ramps = [], []
    for day in range(21, 126):
        today = first + timedelta(days=day - 1)
        seen = {d: v for d, v in log.items() if d <= today}
        seed = seed_load(seen, today=today) if seeded else None
        form = fitness_fatigue(seen, today=today + timedelta(days=1), seed=seed).form_pct
        ramp = acwr(seen, today=today, seed=seed).ratio
        forms.append(form or 0.0)
        ramps.append(ramp or 0.0)
    return f"{min(forms):.0f}".replace("-", "−"), f"{max(ramps):.2f}"


def test_the_training_load_guide_gives_the_seeds_numbers_as_the_model_reads_them() -> None:
    """Stridelab's rule for a first season: the averages start from the median of the first three weeks. The guide's
    figures for the example week, an ill second week, easy first weeks and the start's weight are the model's."""
    guide = " ".join((CONTENT / "guides" / "training-load.md").read_text(encoding="utf-8").split())
    usual = _lowest_form_highest_ramp([EXAMPLE_WEEK] * 3, seeded=True)
    year = _lowest_form_highest_ramp([EXAMPLE_WEEK] * 3, seeded=False)
    assert (
        f"reads form at lowest {usual[0]} % and a ramp of at most {usual[1]}, against {year[0]} % and {year[1]} after "
        "a year of those weeks" in guide
    )
    ill = _lowest_form_highest_ramp([EXAMPLE_WEEK, {}, EXAMPLE_WEEK], seeded=True)
    ill_year = _lowest_form_highest_ramp([EXAMPLE_WEEK, {}, EXAMPLE_WEEK], seeded=False)
    assert f"form reads at lowest {ill[0]} % over the following months, against {ill_year[0]} %" in guide
    half = {d: v / 2 for d, v in EXAMPLE_WEEK.items()}
    easy = _lowest_form_highest_ramp([half, half, EXAMPLE_WEEK], seeded=True)
    easy_year = _lowest_form_highest_ramp([half, half, EXAMPLE_WEEK], seeded=False)
    assert f"form later reads {easy[0]} % where a year of history would read {easy_year[0]} %" in guide

    def left(kept: float, days: int) -> str:
        return f"{100 * kept**days:.0f} %"

    fitness, chronic = model_kept(FITNESS_DAYS), ewma_kept(CHRONIC_DAYS)
    assert (
        f"{left(fitness, 21)} of it is left after 3 weeks, {left(fitness, 42)} after 6 and "
        f"{left(fitness, FORM_HISTORY_DAYS)} after 18" in guide
    )
    assert f"({left(chronic, 21)} is left after 3 weeks, {left(chronic, RAMP_HISTORY_DAYS)} after 6)" in guide


def test_the_guides_weekly_load_step_in_pounds_is_the_one_the_strength_log_adds() -> None:
    """A runner lifting in pounds sees the strength log add 5 lb (2.3 kg), or 10 lb after an easy session: the
    strength guides give those pound steps beside their 2.5–5 kg, so the log's step does not look below the guide's."""
    for name in ("romanian_deadlift", "hip_thrust"):
        lift = get_exercise(name)
        assert (lift.increment_kg, lift.large_increment_kg) == (2.5, 5.0)
        steps = tuple(
            load_step(kg, barbell=lift.barbell, unit="lb") for kg in (lift.increment_kg, lift.large_increment_kg)
        )
        for page in ("strength-training-for-runners", "periodising-strength"):
            assert f"add 2.5–5 kg ({steps[0]:g}–{steps[1]:g} lb)" in _guide(page), (name, page)


def test_every_load_a_strength_guide_gives_in_pounds_is_its_kilograms_converted() -> None:
    """A load in brackets in pounds is the kilograms before it in pounds (1 lb = 0.45359237 kg), to the pound: from
    the kilograms shown, or from the load they round ("about 117 kg (257 lb)": 100 kg by Epley is 116.67 kg)."""
    for page in ("strength-training-for-runners", "periodising-strength"):
        pairs = re.findall(r"([\d,.]+) kg \(([\d,]+) lb\)", _guide(page))
        assert pairs, page
        for kg, lb in ((float(kg.replace(",", "")), int(lb.replace(",", ""))) for kg, lb in pairs):
            assert round((kg - 0.5) / KG_PER_LB) <= lb <= round((kg + 0.5) / KG_PER_LB), (page, kg, lb)


def test_the_easy_running_guides_e_paces_per_km_and_per_mile_are_the_calculators() -> None:
    """The guide's table of E ranges gives each per kilometre and per mile, as the calculator gives them."""
    rows = re.findall(r"\| (\d+) \| [\d:]+ \| ([\d:–]+) \| ([\d:–]+) \|", _guide("how-to-run-easy"))
    assert [int(vdot) for vdot, _, _ in rows] == [30, 40, 50, 60]
    for vdot, km, mile in rows:
        easy = training_paces(float(vdot)).easy
        assert (km, mile) == tuple(format_pace_range(easy, unit, with_unit=False) for unit in ("km", "mi")), vdot

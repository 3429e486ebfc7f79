"""The planner's notes in words: what saving without a race plans, what the saved plan runs to, and the
accepted changes a save drops."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from calculators import planner
from calculators.calendar import week_bounds
from calculators.date_words import day_words
from calculators.errors import InputError
from calculators.plan_changes import PlanChange
from calculators.planner_sessions import structure_words
from calculators.season import CUTBACK_FACTOR
from calculators.ui.html import Html, el, join
from calculators.units import METERS_PER_KM, PaceUnit, format_duration, format_pace
from calculators.vdot import MARATHON_M
from calculators.week_plan import RUN_NAMES, fast_distance, marathon_part
from calculators.week_prefs import VolumeUnit
from calculators.week_rules import HARD_RUNS

__all__ = [
    "differs_note",
    "dropped_words",
    "example_volume_words",
    "last_day",
    "no_race_words",
    "paces_note",
    "plan_start_words",
    "saved_note",
    "saved_paces_note",
    "sessions_words",
    "three_runs_words",
]


def last_day(season: planner.SeasonPlan) -> date:
    """The Sunday of the season's last week: the last day the saved plan plans."""
    return season.weeks[-1].start + timedelta(days=6)


def _amount(volume: float, unit: VolumeUnit) -> str:
    return f"{round(volume, 1):g} {planner.VOLUME_UNIT_WORDS[unit]}"


def no_race_words(season: planner.SeasonPlan) -> str:
    """What saving without a race stores, in words: the reader sees the weeks the calendar and Today will follow."""
    unit, weeks = season.prefs.volume_unit, season.weeks
    full = [w.volume for w in weeks if not w.cutback]
    volume = (
        _amount(full[0], unit) if full[0] == full[-1] else f"from {_amount(full[0], unit)} to {_amount(full[-1], unit)}"
    )
    cutback = next((w.start for w in weeks if w.cutback), None)
    lighter = (
        f"; every fourth week, from the week of {day_words(cutback, today=season.today)}, is a cutback week at "
        f"{CUTBACK_FACTOR * 100:g} % of the week before"
        if cutback
        else ""
    )
    end = day_words(last_day(season), today=season.today)
    return (
        f"Without a race, saving plans the next {len(weeks)} weeks, to {end}: "
        f"this week's layout every week, {volume} a week{lighter}. "
        "Add a race date to see the season to race day, week by week."
    )


def plan_start_words(season: planner.SeasonPlan, week_start: int) -> str:
    """Why "This week" has fewer than seven days: the reader's week began before the plan's first Monday (a Sunday
    week start, on Monday to Saturday), and nothing is planned before it. Empty when the week is whole."""
    start, first = season.weeks[0].start, week_bounds(season.today, week_start)[0]
    if first >= start:
        return ""
    # A week starts on Monday or Sunday (the profile's rule), so only that Sunday can come before the plan.
    listed = f"{day_words(first, today=season.today)} is not listed"
    return f"Your plan starts on {day_words(start, today=season.today)}, so {listed}."


def three_runs_words(layout: Sequence[planner.DayPlan], shown: Sequence[planner.DayPlan]) -> str:
    """Why two of three runs are hard in the plan's ``layout``, what keeps most of the running easy, and the run to
    add first; empty for any other layout, and in race week (``shown``), which is laid out around the race."""
    runs = [day.run for day in layout if day.run not in ("rest", "cross")]
    if len(runs) != 3 or sum(run in HARD_RUNS for run in runs) != 2 or any(day.run == "race" for day in shown):
        return ""
    # The strength sessions stay on the two hard-run days whatever the number of runs (TRAINING-RULES.md), so three
    # runs leave no easy one. "At least half" is planner_fast_parts' own count: a hard run's fast part is about half
    # of it, less where Daniels' limits cut it (planner_sessions); a marathon build's long run's part at marathon pace
    # is the same.
    marathon = any(day.run == "long" and (day.fast_minutes or day.fast_km) for day in shown)
    long_run = (
        "at least half of the long run, whose last part is at marathon pace in the build and peak weeks"
        if marathon
        else "all of the long run"
    )
    return (
        "Two of your three runs are hard because each of the two strength sessions goes with a hard run. Most of "
        f"your running time is still easy: {long_run}, and each hard run's warm-up and cool-down (with the "
        "recoveries between intervals), at least half of a hard run as the planner counts it. When you can run a "
        "fourth day, choose 4 runs per week: the run it adds is an easy one."
    )


#: The guide that explains each kind of run, from the planner's page (tools/planner/).
GUIDES = {
    "tempo": "../../guides/lactate-threshold/#tempo-runs",
    "intervals": "../../guides/race-times-and-vdot/#training-paces-e-m-t-i-r",
    "easy": "../../guides/how-to-run-easy/",
    "long": "../../guides/race-times-and-vdot/#marathon-pace-in-the-long-run",
    "marathon": "../../guides/race-times-and-vdot/#marathon-specificity",
}


def _marathon_time(day: planner.DayPlan, unit: PaceUnit) -> list[object]:
    """After a marathon build's long run with a pace, the marathon time that pace is: M is the predicted marathon time
    over 42.195 km (FORMULAS.md), so a runner with a goal in mind sees what the plan's pace aims at, and where the
    race-times guide says how far a marathon prediction can be trusted. Empty for any other run."""
    if day.run != "long" or day.fast_pace_s_per_km is None:
        return []
    pace = format_pace(day.fast_pace_s_per_km, unit)
    predicted = format_duration(day.fast_pace_s_per_km * MARATHON_M / METERS_PER_KM)
    guide = el("a", {"href": GUIDES["marathon"]}, "how far to trust it")
    return [f" {pace} is the pace of the {predicted} marathon your VDOT predicts (", guide, ")."]


def sessions_words(shown: Sequence[planner.DayPlan], unit: PaceUnit) -> Html | None:
    """How to run each hard session of the week shown, one sentence a day, each naming its guide; None without one.

    A session's minutes and a pace (or none, without a VDOT) do not say what to do in it. The sentences go under
    the table: in it they made the week's columns too tall, and a link there breaks inside a word in a narrow column.
    """
    sentences: list[object] = []
    for day in shown:
        if how := structure_words(day.run, day.fast_minutes, fast_distance(day, unit)):
            # A plan by distance without a VDOT has no minutes: its distance, in the reader's unit, says the same.
            amount = f" ({day.minutes} min)" if day.minutes else f" ({day.distance_words(unit)})" if day.km else ""
            run = el("a", {"href": GUIDES[day.run]}, RUN_NAMES[day.run].lower())
            sentences += [" ", f"{planner.WEEKDAY_NAMES[day.weekday]}'s ", run, f"{amount}: {how}"]
            sentences += _marathon_time(day, unit)
    if not sentences:
        return None
    # A marathon build's long run has its sentence above: the "other runs" are the ones without one.
    easy = any(day.run == "easy" or (day.run == "long" and not marathon_part(day, unit)) for day in shown)
    guide = el("a", {"href": GUIDES["easy"]}, "how to run easy")
    tail = (" The other runs are easy (see ", guide, ").") if easy else ()
    return join("How to run this week's hard sessions.", *sentences, *tail)


def example_volume_words(minutes: str, long_run: int | None) -> str:
    """The plan is sized from the form's starting volume and nothing is saved yet: say so first, with what it makes of
    the week (its ``long_run`` minutes) and the range to enter, rather than let a first plan quietly rest on a figure
    the reader never gave."""
    low, high = planner.VOLUME_LIMITS["min"]
    makes = f", which makes the long run {long_run} minutes" if long_run else ""
    return (
        f"Not your plan yet: it is sized from {minutes} minutes of running a week, the form's starting figure{makes}. "
        f"Enter the minutes you run in a week now under “Current weekly volume” ({low:g}–{high:g} minutes, or choose "
        "km or miles under “Volume in”)."
    )


def _vdot_words(vdot: float | None) -> str:
    return "no VDOT, so no paces" if vdot is None else f"VDOT {vdot:.1f} paces"


def paces_note(saved: planner.SeasonPlan | InputError | None, vdot: float | None, *, goes_on: bool = False) -> str:
    """Whether the saved plan's paces are the ones shown here; empty when they are (or there is no saved plan).

    The calendar and Today read the paces stored with the saved plan's days; this page plans from the VDOT in the
    form, which follows the profile. After a new race the two differ, and only saving again brings the new paces
    to the other tools: the page says so rather than show one set of paces here and another there. ``goes_on``: the
    plan shown goes on with the saved one's climb, so saving changes no week's volume, and the note says so.
    """
    if not _paces_differ(saved, vdot) or not isinstance(saved, planner.SeasonPlan):
        return ""
    keeps = " Saving keeps the volumes your saved plan has for this week and the weeks to come." if goes_on else ""
    return (
        f"Your saved plan uses {_vdot_words(saved.prefs.vdot)}; this plan uses {_vdot_words(vdot)}, the VDOT your "
        "profile now has. The training calendar and Today follow the saved plan: save this plan to use these paces "
        f"there.{keeps}"
    )


def saved_paces_note(saved: planner.SeasonPlan | InputError | None, vdot: float | None) -> str:
    """:func:`paces_note` as Today says it, away from the planner: which VDOT's paces the day follows, and how to
    change them; empty when the saved plan's VDOT is the profile's ``vdot``."""
    if not _paces_differ(saved, vdot) or not isinstance(saved, planner.SeasonPlan):
        return ""
    return (
        f"Your saved plan uses {_vdot_words(saved.prefs.vdot)}; your profile now has "
        f"{'no VDOT' if vdot is None else f'VDOT {vdot:.1f}'}. Today and the training calendar follow the saved plan, "
        "tomorrow's easy run too: save the plan again on the planner to use the new paces."
    )


def _paces_differ(saved: planner.SeasonPlan | InputError | None, vdot: float | None) -> bool:
    if not isinstance(saved, planner.SeasonPlan):
        return False
    old = saved.prefs.vdot
    same = old == vdot if old is None or vdot is None else abs(old - vdot) < 0.05  # as shown, to a tenth
    return not same


#: The changed weeks a note lists before it counts the rest: enough for a taper and a peak, short on a phone.
_CHANGES_LISTED = 6


def differs_note(saved: planner.SeasonPlan | InputError | None, shown: planner.SeasonPlan) -> Html | None:
    """How saving the plan shown would change the saved one's volumes, week by week, where it starts from, and how to
    keep the saved weeks; None when they agree (or there is no saved plan, or its volume is in another unit).

    The planner goes on with the saved plan's climb when the form asks for the same one (the season planner's
    ``_goes_on``). Otherwise it plans from the form: its first week, today's, starts from the current weekly volume,
    which may be the figure typed when the plan was first made. Saving then replaces the saved weeks (two taper weeks
    cut to half, say): the reader sees each change before saving, not after.
    """
    if not isinstance(saved, planner.SeasonPlan) or saved.prefs.volume_unit != shown.prefs.volume_unit:
        return None
    stored = {week.start: week.volume for week in saved.weeks}
    differ = [week for week in shown.weeks if week.start in stored and abs(stored[week.start] - week.volume) > 0.01]
    if not differ:
        return None
    unit, first, today = shown.prefs.volume_unit, shown.weeks[0], shown.today
    items = [
        el(
            "li",
            None,
            f"Week of {day_words(w.start, today=today)}: {_amount(stored[w.start], unit)} → {_amount(w.volume, unit)}",
        )
        for w in differ[:_CHANGES_LISTED]
    ]
    more = len(differ) - _CHANGES_LISTED
    if more > 0:
        items.append(el("li", None, f"and {more} more week{'s' if more > 1 else ''}"))
    current, old = shown.prefs.current_volume, saved.prefs
    given = saved.climb_from or saved.today
    typed = (
        f", the figure your saved plan was made from on {day_words(given, today=today)}"
        if old.current_volume == current
        else ""
    )
    starts = f"This plan starts this week from your current weekly volume, {_amount(current, unit)}{typed}"
    here = f"; your saved plan has {_amount(stored[first.start], unit)} this week." if first.start in stored else "."
    if shown.race_date is not None and shown.race_date == saved.race_date:
        peak = "no peak volume" if old.peak_volume is None else f"{_amount(old.peak_volume, unit)} at the peak"
        keep = (
            "To keep your saved plan's weeks and bring in only new paces or days, enter the volumes it was made "
            f"with: {_amount(old.current_volume, unit)} as your current weekly volume, and {peak}."
        )
    else:
        keep = "Enter the amount you run in a week now as your current weekly volume if it is not that."
    return el(
        "div",
        {"class": "sl-notice", "data-saved-differs": True},
        el("p", None, "Saving this plan changes your saved plan's weeks (the weeks before this one stay):"),
        el("ul", None, *items),
        el("p", None, f"{starts}{here} {keep}"),
    )


def saved_note(saved: planner.SeasonPlan | InputError | None, today: date | None) -> str:
    """What the saved plan runs to, or why there is none to follow."""
    if saved is None:
        return "Save this plan to let the strength log and the readiness check follow it."
    if isinstance(saved, InputError):
        return f"A saved plan is stored in this browser but cannot be read: {saved.message}"
    if saved.race_date is not None:
        race = f"to race day on {day_words(saved.race_date, today=today)}"
    elif saved.weeks:
        race = f"without a race to {day_words(last_day(saved), today=today)} (save it again before then to go on)"
    else:
        race = "without a race"
    return f"Your saved plan runs {race}; the strength log and the readiness check follow it."


def dropped_words(dropped: tuple[PlanChange, ...], today: date | None, *, saved: bool) -> str:
    """The accepted changes that no longer fit the plan, named: before saving (it drops them) or after (dropped)."""
    if not dropped:
        return ""
    listed = "; ".join(f"“{c.description}” (for {day_words(c.day, today=today)})" for c in dropped)
    one = len(dropped) == 1
    if saved:
        return (
            f" {'This change' if one else 'These changes'} you accepted on the calendar no longer "
            f"{'fits' if one else 'fit'} the new plan, so {'it was' if one else 'they were'} dropped: {listed}."
        )
    return (
        f"Saving this plan drops {'a change' if one else 'changes'} you accepted on the calendar, as "
        f"{'it no longer fits' if one else 'they no longer fit'} it: {listed}."
    )

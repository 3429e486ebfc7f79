"""Your profile: the settings every calculator starts from, set once (issue 9).

Each field is kept in the shared profile entry under its own name (``profile=``), so the page
always shows the current profile and an edit in another tool shows here too. Only **Save profile**
stores them (``profile_on_save``; the glue keeps the form's values as typed, apart from the
profile): it checks every value with :meth:`calculators.profile.Profile.from_form`, works out the
VDOT from the recent race when the race is new and stores the checked profile, merged into the
stored entry so keys other tools wrote are kept. A VDOT set by hand in another tool is shown as
stored, beside what the saved race gives, and **Use … from your race** stores the race's instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from calculators import vdot
from calculators.calendar_logs import read_plan
from calculators.date_words import day_words
from calculators.errors import InputError, InputErrors
from calculators.profile import COLLECTION, EASY_WEEKS, ENTRY_ID, Profile, read_each, read_profile
from calculators.ui.calculator import Calculator, Context, Field, Reply, action_button
from calculators.ui.html import Html, el, result_heading, stacked_table, summary_line
from calculators.ui.plain_terms import VDOT
from calculators.ui.planner_easy import HARD_RUNS_HELP, HARD_RUNS_OPTIONS
from calculators.ui.planner_notes import saved_paces_note
from calculators.ui.season_planner import RACES
from calculators.units import (
    REGION_UNITS,
    Meters,
    PaceUnit,
    form_number,
    format_duration,
    format_pace_range,
)
from calculators.week_prefs import WEEKDAY_NAMES

__all__ = ["CALCULATOR", "FIELDS", "KEYS", "compute", "save", "use_race_vdot"]


_DAYS = tuple((str(i), name) for i, name in enumerate(WEEKDAY_NAMES))
_RECENT = (("", "None"), *((form_number(meters), label) for _, label, meters in vdot.RACES))
_MORE = ("more", "yes")
_BUILD_DAY = date(2026, 1, 5)  # build time has no reader's date; the default form has no race date to check


def _optional(field: Field) -> Field:
    return replace(field, show_when=_MORE)


_FORM = (
    # A new profile starts on the reader's country's unit (a US phone on miles, and so pounds "as my distances"); a
    # saved profile keeps its own.
    Field(
        name="units",
        label="Distances and paces in",
        default="km",
        options=(("km", "km"), ("mi", "miles")),
        locale_values=REGION_UNITS,
    ),
    Field(
        name="weights",
        label="Lifting weights in",
        default="",
        options=(("", "as my distances"), ("kg", "kg"), ("lb", "lb")),
        help="“As my distances” means lb if you run in miles, else kg. The strength log shows and takes loads in it, "
        "and box heights in inches with lb, cm with kg.",
    ),
    Field(
        name="recent_distance",
        label="A recent race",
        default="",
        options=_RECENT,
        # A beginner has no race to give: say what the plan does without one and how to get one.
        help="For your VDOT and paces. No race yet? Leave it empty: the planner then says how hard each run is by "
        "feel. A solo 5 km time trial after an easy week gives you one.",
    ),
    Field(
        name="recent_time",
        label="Its finish time",
        default="",
        placeholder="mm:ss",
        help="mm:ss or h:mm:ss, for example 24:30 or 1:52:00.",
    ),
    Field(
        name="run_weekdays",
        label="Days you can run",
        default="",
        options=_DAYS,
        multiple=True,
        help="At least 3. The planner puts your runs (3 to 6 a week) on these days.",
    ),
    # A beginner or a runner coming back says here, once, whether to plan hard runs yet: the planner starts from it.
    Field(
        name="hard_runs",
        label="Hard runs",
        default="",
        options=HARD_RUNS_OPTIONS,
        radios=True,
        help=f"{HARD_RUNS_HELP} The planner starts from it.",
    ),
    Field(name="race_date", label="Next race date (optional)", default="", input_type="date"),
    Field(name="race_distance", label="Its distance", default="", options=RACES),
    Field(
        name="more",
        label="More settings (optional): hard days, long run, week start, heart rate",
        default="",
        options=(("", "Not now"), ("yes", "Show them")),
    ),
    _optional(
        Field(
            name="hard_days",
            label="Tempo and interval days (none ticked: the planner chooses)",
            default="",
            options=_DAYS,
            multiple=True,
            help="Among your run days.",
        )
    ),
    _optional(
        Field(
            name="long_run_day",
            label="Long run day",
            default="",
            options=(("", "The planner chooses"), *_DAYS),
            help="One of your run days that is not a hard day.",
        )
    ),
    _optional(
        Field(name="week_start", label="Weeks start on", default="0", options=(("0", "Monday"), ("6", "Sunday")))
    ),
    _optional(
        Field(
            name="hr_rest",
            label="Resting heart rate (optional)",
            default="",
            inputmode="numeric",
            help="25 to 120 beats per minute, below HR max.",
        )
    ),
    _optional(
        Field(
            name="hr_max",
            label="HR max (optional)",
            default="",
            inputmode="numeric",
            help="100 to 230 beats per minute.",
        )
    ),
    _optional(
        Field(
            name="sex",
            label="Sex, for TRIMP (optional)",
            default="",
            options=(("", "Not given"), ("female", "Female"), ("male", "Male")),
            help="Only the heart-rate load formula (TRIMP) uses it: its weighting differs for women and men.",
        )
    ),
)
#: The profile keys this form sets: each field is kept under its own name.
KEYS = tuple(f.name for f in _FORM if f.name != "more")
FIELDS = tuple(f if f.name == "more" else replace(f, profile=f.name) for f in _FORM)
_HIDDEN = {f.name: f.label for f in FIELDS if f.show_when == _MORE}
_ORDER = {f.name: i for i, f in enumerate(FIELDS)}
#: Each stored setting as a message away from this form names it (a restored backup's): its label without
#: "(optional)", the race fields said whose, and the VDOT other tools set.
SETTING_NAMES = {f.name: f.label.split(" (")[0] for f in FIELDS if f.name != "more"} | {
    "recent_distance": "Distance of a recent race",
    "recent_time": "Finish time of a recent race",
    "race_distance": "Next race distance",
    "runs_per_week": "Runs per week (set on the planner)",
    "vdot": "VDOT",
}


#: Fields left out together when one is refused, so the other is not refused too for its sake: a recent
#: race's distance and time, and the next race's date when its distance is ("“No race” … a race date").
_TOGETHER = {"recent_distance": ("recent_time",), "recent_time": ("recent_distance",), "race_distance": ("race_date",)}


def _checked(values: Mapping[str, str], context: Context) -> Profile:
    """The form's profile; unless its recent race is new, the VDOT stored (e.g. typed in the planner) is kept.

    Every bad value is reported at once (the page says "Save profile checks every value"), each on its field.
    """
    stored = read_profile(context.profile).profile
    data: dict[str, object] = {key: values[key] for key in KEYS}
    if stored.easy_weeks is None and "hard_runs" not in context.touched:
        # Not chosen yet (a profile from before the choice): the form's untouched "Tempo and intervals" is no choice,
        # and saved as one it would override easy weeks chosen and kept on the planner's form before then.
        del data["hard_runs"]
    data["vdot"] = stored.vdot
    today = context.today or _BUILD_DAY
    reading = read_each(data, lambda form: Profile.from_form(form, today=today, stored=stored), together=_TOGETHER)
    if not reading.problems:
        return reading.profile
    shown = [error for error in reading.problems if error.field not in _HIDDEN or values.get("more") == "yes"]
    hidden = [error for error in reading.problems if error not in shown]
    if hidden:  # their own messages would be hidden with them: one message on "More settings" says each
        said = []
        for error in hidden:
            label = _HIDDEN[error.field]
            named = error.message.startswith(label.removesuffix(" (optional)"))  # "HR max: 300 … is out of range"
            said.append(f"{'' if named else label + ': '}{error.message}")
        where = "It is" if len(hidden) == 1 else "They are"
        shown.append(InputError("more", f"{' '.join(said)} {where} among the optional settings: choose “Show them”."))
    if len(shown) == 1:
        raise shown[0]
    raise InputErrors(sorted(shown, key=lambda error: _ORDER.get(error.field, len(_ORDER))))


def _days(days: tuple[int, ...], none: str) -> str:
    return ", ".join(WEEKDAY_NAMES[d] for d in days) or none


#: Where the browser keeps the planner form's inputs (the glue's ``form:<calculator name>`` settings entry).
_PLANNER_FORM = "form:planner"


def _planner_kept(store: Mapping[str, Any] | None) -> str:
    """The Hard runs value the planner's own form keeps (``""`` when it keeps none): what the planner opens on while
    the profile has no choice."""
    settings = (store or {}).get("settings")
    entry = settings.get(_PLANNER_FORM) if isinstance(settings, Mapping) else None
    values = entry.get("values") if isinstance(entry, Mapping) else None
    kept = values.get("hard_runs") if isinstance(values, Mapping) else None
    return kept if kept in dict(HARD_RUNS_OPTIONS) else ""


def _hard_runs_words(easy_weeks: bool | None, planner_kept: str) -> str:
    """The Hard runs choice as the form names it. Not chosen (a profile from before the choice, or none saved), the
    form shows "Tempo and intervals" and the planner opens on what its own form keeps (``planner_kept``): the same
    words when they agree, else both, so the row never reads as a third thing ("Not chosen") beside the form."""
    names = dict(HARD_RUNS_OPTIONS)
    if easy_weeks is not None:
        return names[EASY_WEEKS if easy_weeks else ""]
    if planner_kept == "":
        return names[""]
    return (
        f"{names[planner_kept]}, as chosen on the planner (the form above shows {names['']} until you choose here "
        "and save)"
    )


def _weights_words(profile: Profile) -> str:
    """The unit loads are in, and why when the reader did not choose it: "lb, as your distances are in miles"."""
    if profile.weights is not None:
        return profile.weight_unit
    return f"{profile.weight_unit}, as your distances are in {'miles' if profile.units == 'mi' else 'kilometres'}"


def _race(meters: Meters | None, unit: PaceUnit) -> str:
    """A race distance at the start of a table cell: "Half marathon", "12 km"; "A race" when not given."""
    words = "a race" if meters is None else vdot.race_words(meters, unit, article=False)
    return words[0].upper() + words[1:]


def _race_words(profile: Profile) -> str:
    """The recent race as the VDOT row names it: "your 5 km in 22:30"; "" without one."""
    distance, time = profile.recent_distance_m, profile.recent_time_s
    if distance is None or time is None:
        return ""
    return f"your {vdot.race_words(distance, profile.units, article=False)} in {format_duration(time)}"


def _vdot_words(profile: Profile) -> str:
    """The VDOT as it is, and where it comes from; a race that gives another one is named beside it."""
    if profile.vdot is None:
        return "Not known yet: add a recent race."
    if profile.race_vdot is None:
        return f"{profile.vdot:g}, as entered in another tool"
    if profile.vdot == profile.race_vdot:
        return f"{profile.vdot:.1f}, from {_race_words(profile)}"
    return f"{profile.vdot:g}, as entered in another tool ({_race_words(profile)} gives {profile.race_vdot:.1f})"


def _race_offer(profile: Profile) -> Html | None:
    """A button that stores the saved race's VDOT over one set by hand elsewhere; None when they agree."""
    race = profile.race_vdot
    if race is None or profile.vdot is None or profile.vdot == race:
        return None
    return el(
        "p",
        {"class": "sl-result__note"},
        f"Your VDOT {profile.vdot:g} was set in another tool, and saving keeps it. ",
        action_button(f"Use {race:.1f} from your race", "use_race_vdot"),
    )


def _rows(profile: Profile, today: date | None, planner_kept: str) -> tuple[tuple[str, str, str], ...]:
    """Each setting in words, and the tools that start from it; ``planner_kept``: :func:`_planner_kept`."""
    race = "Not given"
    if profile.recent_distance_m is not None and profile.recent_time_s is not None:
        race = f"{_race(profile.recent_distance_m, profile.units)} in {format_duration(profile.recent_time_s)}"
    goal = "No race"
    if profile.race_date is not None:
        goal = f"{_race(profile.race_distance_m, profile.units)} on {day_words(profile.race_date, today=today)}"
    rates = (("rest", profile.hr_rest), ("max", profile.hr_max))
    heart = ", ".join(f"{what} {bpm:g}" for what, bpm in rates if bpm is not None)
    long = "The planner chooses" if profile.long_run_day is None else WEEKDAY_NAMES[profile.long_run_day]
    return (
        ("Units", "miles" if profile.units == "mi" else "kilometres", "Race calculator, planner, run log, calendar"),
        ("Lifting weights", _weights_words(profile), "Strength log, Strong import, calendar, Today"),
        ("Recent race", race, "Gives the VDOT"),
        ("VDOT", _vdot_words(profile), "Paces in the planner, the run log's easy run, Today"),
        ("Days you can run", _days(profile.run_weekdays, "Not given"), "Planner, calendar, Today"),
        ("Hard days", _days(profile.hard_days, "The planner chooses"), "Planner, offers when a session is missed"),
        ("Long run", long, "Planner"),
        ("Hard runs", _hard_runs_words(profile.easy_weeks, planner_kept), "Planner"),
        (
            "Weeks start on",
            WEEKDAY_NAMES[profile.week_start],
            "Weekly totals on the strength log and readiness pages, calendar, planner's week",
        ),
        ("Next race", goal, "Planner (the season to race day), Today"),
        ("Heart rate", f"{heart} beats per minute" if heart else "Not given", "Run log: HR cap and TRIMP load"),
        ("Sex, for TRIMP", (profile.sex or "not given").capitalize(), "Run log: TRIMP load"),
    )


def _paces(score: float, unit: PaceUnit) -> Html:
    """Daniels' E, M and T paces for ``score`` (as :func:`calculators.vdot.training_paces` gives them)."""
    paces = vdot.training_paces(score)
    # The unit is in the column's header, once: "/mi" in each cell made the table wider than a 375 px phone.
    rows = (
        ("E · Easy", format_pace_range(paces.easy, unit, with_unit=False), "Easy and long runs"),
        ("M · Marathon", format_pace_range((paces.marathon,), unit, with_unit=False), "Marathon-pace runs"),
        (
            "T · Threshold",
            format_pace_range((paces.threshold,), unit, with_unit=False),
            "Tempo runs and cruise intervals",
        ),
    )
    per = "per mile" if unit == "mi" else "per km"
    # A card per pace on a phone, as the race calculator's paces table: three columns do not fit 320 px.
    return stacked_table(
        f"Training paces for VDOT {score:.1f}", ("Pace", per, "For"), rows, {per: "sl-num"}, dense=True
    )


def _headline(profile: Profile, today: date | None) -> str:
    # The headline is what a reader hears and reads first once saved: the score is said with what it is.
    parts = [f"VDOT {profile.vdot:.1f} ({VDOT})" if profile.vdot is not None else "No VDOT yet: add a recent race"]
    if profile.run_weekdays:
        parts.append(f"{len(profile.run_weekdays)} days you can run")
    if profile.race_date is not None:
        parts.append(f"race on {day_words(profile.race_date, today=today)}")
    return ", ".join(parts)


def _view(profile: Profile, note: str, context: Context, paces: str = "", done: str = "") -> Html:
    """The profile in words; ``done`` says what an action did, in front of the summary it then repeats."""
    today = context.today
    summary = _headline(profile, today)
    return el(
        "div",
        {"class": "sl-result"},
        # Not "Your profile" again: the page's h1 says it, and a screen reader's list of headings read it three times.
        result_heading("What your tools start from"),
        summary_line(summary, f"{done}: {summary}." if done else "", {"class": "sl-result__headline"}),
        el("p", {"class": "sl-result__note"}, note),
        el("p", {"class": "sl-notice", "data-plan-paces": True}, paces) if paces else None,
        _race_offer(profile),
        _paces(profile.vdot, profile.units) if profile.vdot is not None else None,
        # A card per setting on a phone: three columns of words were wider than a 320 px screen, a few words a line.
        stacked_table(
            "Your profile, and the tools that use it",
            ("Setting", "Yours", "Used by"),
            _rows(profile, today, _planner_kept(context.store)),
        ),
        el(
            "p",
            {"class": "sl-result__note"},
            "Your profile is kept only in this browser: nothing leaves your device. "
            "It is part of the backup on the “Your data” page.",
        ),
    )


def compute(values: Mapping[str, str], context: Context) -> Reply:
    """The profile the form describes, in words, and whether it is the one stored."""
    profile = _checked(values, context)
    if context.store is None:
        note = "Example for an empty profile. Your own shows here once the page has read this browser's data."
    elif context.profile and replace(read_profile(context.profile).profile, extra={}) == profile:
        # Only a stored profile is saved: none read as its defaults equals an untouched form where those are km.
        note = "This is your saved profile: every tool starts from it."
    else:
        note = "Not saved yet: “Save profile” checks these settings and stores them for every tool."
    return Reply(html=_view(profile, note, context))


def save(values: Mapping[str, str], context: Context) -> Reply:
    """Check the form and store it as the profile, keeping the keys other tools stored; nothing on bad input."""
    profile = _checked(values, context)
    value = {**dict(context.profile), **profile.to_dict()}
    op = {"op": "put", "collection": COLLECTION, "id": ENTRY_ID, "value": value}
    note = "Every tool now starts from it; change it here or in any tool."
    return Reply(html=_view(profile, note, context, _plan_paces(profile, context), "Profile saved"), ops=(op,))


def _plan_paces(profile: Profile, context: Context) -> str:
    """A new race's VDOT reaches the saved plan only when it is saved again: say so where the race is saved, not
    only on Today, days later; "" when the saved plan's paces are the profile's (or no plan is saved)."""
    return saved_paces_note(read_plan(context.store or {}), profile.vdot)


def use_race_vdot(values: Mapping[str, str], context: Context) -> Reply:
    """Store the saved recent race's VDOT over one set by hand elsewhere; only the VDOT changes in the store."""
    stored = read_profile(context.profile).profile
    if stored.race_vdot is None:
        raise InputError("recent_distance", "Save a recent race first: its distance and finish time give the VDOT.")
    value = {**dict(context.profile), "vdot": replace(stored, vdot=stored.race_vdot).to_dict()["vdot"]}
    op = {"op": "put", "collection": COLLECTION, "id": ENTRY_ID, "value": value}
    profile = _checked(values, replace(context, profile=value))
    paces = _plan_paces(profile, context)
    done = "Your race's VDOT is stored"
    return Reply(html=_view(profile, "Every tool now starts from it.", context, paces, done), ops=(op,))


CALCULATOR = Calculator(
    name="profile",
    title="Your settings",  # the page's h1 is "Your profile"
    intro="Set these once: every tool starts from them. Only the first few matter for a start.",
    fields=FIELDS,
    compute=compute,
    actions={"save": save, "use_race_vdot": use_race_vdot},
    buttons=(("save", "Save profile"),),
    reads=(COLLECTION, "plan", "settings"),
    profile_on_save=True,
)

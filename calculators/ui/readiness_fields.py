"""The readiness page's form: one drop-down chooses what to log, and only that entry's fields are shown."""

from __future__ import annotations

from calculators.load import RPE_WORDS, rpe_scale
from calculators.ui.calculator import SHARED_UNITS_HELP, Field
from calculators.units import REGION_UNITS, PaceUnit
from calculators.week_prefs import VOLUME_UNIT_WORDS as UNIT_WORDS

__all__ = ["ENTRY_BOXES", "FIELDS", "RUN_DISTANCE_BOXES", "RUN_HR_MAX", "RUN_HR_MIN"]

#: The average heart rate a run typed by hand may have, in beats per minute: the parser's limits
#: (readiness_data) and the words the form and the run editor show with the box. Here, with the box, because
#: readiness_data already imports this module.
RUN_HR_MIN, RUN_HR_MAX = 40.0, 230.0

#: Each unit's box for a run's distance, shown while "Distances in" is that unit, so a distance is read only in
#: the unit it was typed in (one box kept the number when the unit changed: 10 typed as km was saved as 10
#: miles). The km box keeps the one box's name, km being the default. The planner's volume boxes do the same.
RUN_DISTANCE_BOXES: dict[PaceUnit, str] = {"km": "run_distance", "mi": "run_distance_mi"}
#: The boxes of one entry's own numbers, by the entry they log. Never kept between visits (``kept=False``), and
#: emptied once the entry is stored (the glue's "clear" effect), as the strength log's set boxes are: left filled
#: after Save, they would ask to be saved again. The entry's date stays, for the next run of a week typed in late.
ENTRY_BOXES: dict[str, tuple[str, ...]] = {
    "run": ("run_duration", *RUN_DISTANCE_BOXES.values(), "run_rpe", "run_hr"),
    "hrv": ("rmssd", "resting_hr", "sleep_hours", "soreness"),
}
_OTHER_UNIT: dict[PaceUnit, str] = {
    "km": "To type it in miles, choose miles under “Distances in”.",
    "mi": "To type it in km, choose kilometres under “Distances in”.",
}

_RPE = (("", "Choose…"), *((str(n), f"{n} {RPE_WORDS[n]}" if n in RPE_WORDS else str(n)) for n in range(1, 11)))


def _when(entry: str) -> tuple[str, str]:
    return ("entry", entry)


# A logged entry's own values (a run's duration, distance, RPE and heart rate, an import's RPE; a reading's rMSSD,
# resting HR, sleep and soreness) are never kept with the form's inputs (kept=False), like its date: found again at
# the next visit, they were saved as that day's (56 ms typed on the 22nd stored as the 23rd's reading, skewing the
# HRV baseline the verdict uses). What to log, the units and the profile's numbers are settings, and are kept.
FIELDS = (
    Field(
        name="entry",
        label="What do you want to log?",
        default="run",
        options=(
            ("run", "A run, by hand"),
            ("activity", "Runs from files (GPX, TCX, FIT or a zip)"),
            ("hrv", "Morning check-in: sleep, soreness, HRV if you measure it"),
            ("hrv_csv", "HRV readings from a CSV file"),
            ("settings", "My numbers: VDOT and heart rates"),
        ),
    ),
    Field(
        name="run_date",
        label="Date of the run",
        default="",
        input_type="date",
        kept=False,
        help="Empty means today.",
        show_when=_when("run"),
    ),
    Field(
        name="run_duration",
        kept=False,
        label="Duration",
        default="",
        placeholder="h:mm:ss",
        help="mm:ss or h:mm:ss, for example 45:00 or 1:05:30; a whole number is minutes (45 is 45:00).",
        show_when=_when("run"),
    ),
    *(
        Field(
            name=name,
            kept=False,
            label=f"Distance ({UNIT_WORDS[unit]})",
            default="",
            inputmode="decimal",
            help=_OTHER_UNIT[unit],
            show_when=(_when("run"), ("units", unit)),
        )
        for unit, name in RUN_DISTANCE_BOXES.items()
    ),
    Field(
        name="run_rpe",
        kept=False,
        label="How hard did the run feel? (RPE)",
        default="",
        options=_RPE,
        help=f"The whole run, rated when you finished: {rpe_scale()}.",
        show_when=_when("run"),
    ),
    Field(
        name="run_hr",
        kept=False,
        label="Average heart rate (optional)",
        default="",
        inputmode="numeric",
        help=f"{RUN_HR_MIN:g} to {RUN_HR_MAX:g} beats per minute.",
        show_when=_when("run"),
    ),
    Field(
        name="activity_file",
        label="Activity files (GPX, TCX, FIT or a zip)",
        default="",
        accept=".gpx,.tcx,.fit,.gz,.zip,application/gpx+xml,application/vnd.garmin.tcx+xml,application/zip",
        binary=True,
        help="Choose one file or many, or your watch app's bulk export (zip). "
        "A run already in your log is not added twice.",
        show_when=_when("activity"),
    ),
    Field(
        name="import_rpe",
        kept=False,
        label="How hard did the runs you import feel? (RPE, optional)",
        default="",
        options=_RPE,
        help="Files hold no effort rating, and the load needs one. With many files, you give each run its own "
        "before anything is saved; this one fills those you leave blank.",
        show_when=_when("activity"),
    ),
    Field(
        name="hrv_date",
        label="Date of the reading",
        default="",
        input_type="date",
        kept=False,
        help="Empty means today.",
        show_when=_when("hrv"),
    ),
    Field(
        name="rmssd",
        kept=False,
        label="rMSSD (ms, if you measure HRV)",
        default="",
        inputmode="decimal",
        help="From your HRV app, 5 to 300 ms. No HRV device? Leave it empty: sleep or soreness alone is a check-in, "
        "and it counts in the verdict.",
        show_when=_when("hrv"),
    ),
    Field(
        name="resting_hr",
        kept=False,
        label="Resting heart rate (optional)",
        default="",
        inputmode="numeric",
        help="25 to 120 beats per minute.",
        show_when=_when("hrv"),
    ),
    Field(
        name="sleep_hours",
        kept=False,
        label="Sleep last night (optional)",
        default="",
        placeholder="h:mm",
        help="Hours and minutes (7:30) or hours (7.5), 0 to 24 hours.",
        show_when=_when("hrv"),
    ),
    Field(
        name="soreness",
        kept=False,
        label="Muscle soreness (optional)",
        default="",
        options=(
            ("", "Not given"),
            ("1", "1 none"),
            ("2", "2 a little"),
            ("3", "3 some"),
            ("4", "4 sore"),
            ("5", "5 very sore"),
        ),
        show_when=_when("hrv"),
    ),
    Field(
        name="hrv_file",
        label="HRV CSV file",
        default="",
        accept=".csv,text/csv",
        help="Exports from HRV4Training, Elite HRV, Garmin or WHOOP (physiological_cycles.csv): columns are found "
        "by their headers.",
        show_when=_when("hrv_csv"),
    ),
    Field(
        name="vdot",
        label="VDOT (optional)",
        default="",
        inputmode="decimal",
        profile="vdot",
        help="20 to 90, from the race calculator; gives your E pace range.",
        show_when=_when("settings"),
    ),
    Field(
        name="hr_max",
        label="HR max (optional)",
        default="",
        inputmode="numeric",
        profile="hr_max",
        help="100 to 230 beats per minute; gives tomorrow's heart-rate cap.",
        show_when=_when("settings"),
    ),
    Field(
        name="hr_rest",
        label="Resting HR for TRIMP (optional)",
        default="",
        inputmode="numeric",
        profile="hr_rest",
        help="25 to 120 beats per minute, below HR max.",
        show_when=_when("settings"),
    ),
    Field(
        name="sex",
        label="Sex, for TRIMP (optional)",
        default="",
        options=(("", "Not given"), ("female", "Female"), ("male", "Male")),
        profile="sex",
        show_when=_when("settings"),
    ),
    Field(
        name="units",
        label="Distances in",
        default="km",
        options=(("km", "kilometres"), ("mi", "miles")),
        profile="units",
        locale_values=REGION_UNITS,
        help=SHARED_UNITS_HELP,
    ),
)

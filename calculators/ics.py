"""The season as an iCalendar file (RFC 5545) that Google Calendar, Apple Calendar and Outlook import.

One all-day event (``DTSTART;VALUE=DATE``) per training day from the plan's
``today`` on. Lines end in CRLF and are folded at 75 octets without splitting a
UTF-8 character (RFC 5545 §3.1); text values are escaped (§3.3.11). ``DTSTAMP``
is passed in (there is no clock here) and each UID is the plan id and the date,
so exporting the same plan again updates the same events instead of adding copies.

A day of the plan's span with no session now that an earlier export of the same plan
put a session on (``exported``: the browser keeps which days each export filled,
:mod:`calculators.ui.ics_exports`) is a cancelled event under the same UID
(``STATUS:CANCELLED``, §3.8.1.11): a file that left the day out would leave that
session in the reader's calendar. A day no export ever filled is left out: a first
export holds sessions only, never a cancelled rest day. Every event carries a
``SEQUENCE`` (§3.8.7.4) taken from the export time, so each export is a later
revision of every day than the one before it and a calendar app takes its version.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import UTC, date, datetime, timedelta

from calculators import __version__
from calculators.errors import InputError
from calculators.planner_sessions import effort_words, structure_words
from calculators.season import SeasonPlan
from calculators.units import METERS_PER_KM, PaceUnit, format_duration, format_pace_range
from calculators.vdot import race_words
from calculators.week_plan import PACE_FOR, RUN_NAMES, DayPlan, fast_distance, finish_words, marathon_part, sets_share
from calculators.week_rules import HARD_RUNS

__all__ = ["escape_text", "fold_line", "season_to_ics", "session_days"]

PRODID = f"-//Stridelab//Season planner {__version__}//EN"
#: SEQUENCE counts seconds from here: it only has to grow from one export to the next, and from 2020 it stays inside
#: the 32-bit integer calendar apps store it in until 2088.
_SEQUENCE_FROM = datetime(2020, 1, 1, tzinfo=UTC)
_PLAN_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")
_SESSION_WORDS = {
    "A": "Session A: compound strength, posterior chain (about 45 min), after the run",
    "B": "Session B: single-leg and plyometric (about 40 min), after the run",
}


_REST_WORDS = (
    "No session planned this day. From Stridelab's planner: a session an earlier copy put here has moved or gone."
)


def escape_text(value: str) -> str:
    r"""Escape a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newline.

    >>> escape_text("Easy; 50 min, E pace\nHR cap")
    'Easy\\; 50 min\\, E pace\\nHR cap'
    """
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\n", "\\n")
    )


def fold_line(line: str) -> str:
    """Fold a content line into pieces of at most 75 octets, each continuation starting with a space."""
    pieces, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > 75:
            pieces.append(current)
            current, size = " ", 1
        current += char
        size += width
    pieces.append(current)
    return "\r\n".join(pieces)


def _summary(day: DayPlan, unit: PaceUnit) -> str:
    text = RUN_NAMES[day.run]
    if day.run == "race" and day.km is not None:
        text += f" ({race_words(day.km * METERS_PER_KM, unit, article=False)})"  # "Race (marathon)"
        if day.finish_s is not None:
            text += f", about {format_duration(day.finish_s)}"
    elif day.minutes is not None:
        # Both, as the calendar page writes them: the minutes to plan the day by, the distance a watch shows.
        text += f" {day.minutes} min" + ("" if day.km is None else f" ({day.distance_words(unit)})")
    elif day.km is not None:
        text += f" {day.distance_words(unit)}"
    if day.strength:
        text += f" + Session {day.strength}"
    return text


def _description(day: DayPlan, phase: str, unit: PaceUnit) -> str:
    lines = [
        f"{day.intent.capitalize()} ({phase} phase)." if day.intent else f"{phase.capitalize()} phase.",
        day.reason,
    ]
    if day.run == "race":
        # As Today and the calendar word it: "Race 42.2 km, about 3:33:49 at 5:04 /km".
        pace = "" if day.pace_s_per_km is None else f" at {format_pace_range(day.pace_s_per_km, unit)}"
        lines.append(f"Race {finish_words(day, unit)}{pace}.")
    elif day.pace_s_per_km is not None:
        lines.append(
            f"Pace: {format_pace_range(day.pace_s_per_km, unit)}"
            + (f" {PACE_FOR[day.run]}." if day.run in PACE_FOR else ".")
        )
    else:
        # No VDOT, no paces: how hard by feel, as the planner's table and Today say it, not nothing at all.
        lines.append(effort_words(day.run))
    if day.run in HARD_RUNS:
        # How the session is split, in the planner's and Today's words: minutes alone hide the warm-up and cool-down.
        how = structure_words(day.run, day.fast_minutes, fast_distance(day, unit))
        lines.append(f"How to run it: {how}" if how else "")
    if marathon := marathon_part(day, unit):
        lines.append(f"Then {marathon}.")
    if day.strength:
        share = "" if day.strength_volume >= 1 else f" at {sets_share(day.strength_volume)}"
        lines.append(_SESSION_WORDS[day.strength] + share + ".")
    lines.append("From Stridelab's planner: a one-time copy; re-export after changing the plan.")
    return "\n".join(line for line in lines if line)


def _has_session(day: DayPlan) -> bool:
    return day.run != "rest" or day.strength is not None


def session_days(plan: SeasonPlan) -> tuple[date, ...]:
    """The days from ``plan.today`` on that an export of ``plan`` fills with a session, in order."""
    return tuple(d.day for d in plan.days() if d.day is not None and d.day >= plan.today and _has_session(d))


def season_to_ics(
    plan: SeasonPlan,
    *,
    dtstamp: datetime,
    plan_id: str,
    unit: PaceUnit = "km",
    exported: Collection[date] = (),
) -> str:
    """The season as an RFC 5545 calendar: one all-day event per training day from ``plan.today`` on, and a
    cancelled one (same UID) for each day in ``exported`` (the days an earlier export of this plan filled) that has no
    session now, which takes that session away.

    ``dtstamp`` is when the file is made (a naive time is taken as UTC, from 2020 on), and gives every event its
    ``SEQUENCE``, so a later export is a later revision of each day;
    ``plan_id`` is the stored plan's id and makes each event's UID
    (``<plan_id>-<YYYYMMDD>@stridelab``); ``unit`` is for paces and distances (km or mi).

    Raises:
        InputError: ``plan_id`` empty or not made of letters, digits, ``.``, ``_`` and ``-``; ``dtstamp`` before
            2020.
    """
    if not isinstance(plan_id, str) or not _PLAN_ID.match(plan_id):
        raise InputError("plan_id", "The plan id must be 1–128 letters, digits, dots, dashes or underscores.")
    if not isinstance(dtstamp, datetime):
        raise InputError("dtstamp", "The export time must be a date and time.")
    stamp = dtstamp.replace(tzinfo=UTC) if dtstamp.tzinfo is None else dtstamp.astimezone(UTC)
    if stamp < _SEQUENCE_FROM:
        raise InputError("dtstamp", "The export time must be in 2020 or later.")
    sequence = int((stamp - _SEQUENCE_FROM).total_seconds())
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Stridelab training plan",
    ]
    for week in plan.weeks:
        for day in week.plan.days:
            if day.day is None or day.day < plan.today:
                continue
            if not _has_session(day):
                if day.day not in exported:
                    continue  # no copy of this plan ever put a session here: nothing to take away
                summary, description, status = "Rest", _REST_WORDS, ["STATUS:CANCELLED"]
            else:
                summary, description, status = _summary(day, unit), _description(day, week.phase, unit), []
            lines += [
                "BEGIN:VEVENT",
                f"UID:{plan_id}-{day.day:%Y%m%d}@stridelab",
                f"DTSTAMP:{stamp:%Y%m%dT%H%M%SZ}",
                f"SEQUENCE:{sequence}",
                *status,
                f"DTSTART;VALUE=DATE:{day.day:%Y%m%d}",
                f"DTEND;VALUE=DATE:{day.day + timedelta(days=1):%Y%m%d}",
                f"SUMMARY:{escape_text(summary)}",
                f"DESCRIPTION:{escape_text(description)}",
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
    lines.append("END:VCALENDAR")
    return "".join(fold_line(line) + "\r\n" for line in lines)

"""The strength log's history: sessions by week, weekly volume, e1RM trends, records, and a finished session.

Loads and volume loads are computed in kg, as stored, and shown in the reader's ``unit`` (kg, or lb).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date

from calculators.date_words import day_words, short_day, shows_year
from calculators.exercises import CATALOGUE, Exercise
from calculators.load_units import load_words
from calculators.progression import Prescription
from calculators.strength import (
    E1RM_REPS_MAX,
    BodyweightWork,
    PersonalRecord,
    RecordHit,
    StrengthSession,
    TrendPoint,
    best_set,
    bodyweight_work,
    e1rm_trend,
    exercise_key,
    exercise_name,
    moves_body,
    new_records,
    personal_records,
    session_load,
    volume_load,
    weekly_volume,
)
from calculators.strength_swaps import entry_words
from calculators.ui.html import Html, el, join, scroll_table, stacked_table
from calculators.ui.load_au import AU, load_au
from calculators.ui.strength_custom import rename_panel
from calculators.ui.strength_view import prescription_table, session_label, set_text, warmup_words
from calculators.ui.volume_words import volume_words
from calculators.units import WeightUnit, weight_in

__all__ = ["finished_view", "history_view"]

#: The catalogue's lifts with an e1RM: those loaded on a bar, whose load typed is all that is lifted
#: (:attr:`Exercise.barbell`, :func:`calculators.strength.best_set`). Named, so the note never says "bodyweight
#: exercises have none" above a calf raise's e1RM without saying which exercises those are.
_BAR_LIFTS = [f"“{e.name}”" for e in CATALOGUE.values() if e.barbell]
EPLEY_NOTE = (
    "e1RM is your estimated one-rep max: the heaviest load you could lift once, worked out from a set you did "
    "by the Epley formula, load × (1 + reps ÷ 30). Past 10 reps the formula is only a rough guess, so a set of "
    "more than 10 reps gives none (Stridelab's rule): many light reps would read as a far heavier lift than your "
    "real sets, and stay your record. "
    f"Only the bar lifts have one, {', '.join(_BAR_LIFTS[:-1])} and {_BAR_LIFTS[-1]} (the load you type is the "
    "bar's total), and exercises of your own logged with a load. No other exercise of Sessions A and B, nor a "
    "no-gym stand-in, has one, even with a plate or dumbbells added: it moves your body, and your body is most "
    "of what it lifts."
)
_RECORD_WORDS = {
    "e1rm": "best estimated 1RM",
    "load": "heaviest set",
    "reps": "most reps in a set",
    "hold": "longest hold",
}


def _head(*names: object) -> Html:
    return el("thead", None, el("tr", None, *(el("th", {"scope": "col"}, n) for n in names)))


def _num(value: float) -> str:
    return f"{round(value):,}"


def _e1rm(kg: float, unit: WeightUnit) -> str:
    """An estimated 1RM or a record, in words, to the tenth of a kg or lb."""
    return f"{round(weight_in(kg, unit), 1):g} {unit}"


#: Weeks the volume table shows, newest first: two training years, to compare a season with the last. Older
#: weeks stay in the log and its exports; a session stored with a slip of the year box (0001-01-01) no
#: longer makes a table of a hundred thousand empty weeks.
WEEKS_SHOWN = 104


def _weeks(sessions: Sequence[StrengthSession], week_start: int, unit: WeightUnit, today: date | None) -> Html:
    newest = max((s.date for s in sessions), default=None)
    recent = [s for s in sessions if newest is not None and (newest - s.date).days < 7 * WEEKS_SHOWN]
    weeks = weekly_volume(recent, week_start=week_start)[-WEEKS_SHOWN:]
    year = shows_year((w.week_start for w in weeks), today=today)
    rows = [
        (
            # "Week of Mon 30 Nov", as the calendar's weekly totals: a phone's card shows no column head above it.
            f"Week of {short_day(w.week_start, year=year)}",
            w.sessions,
            w.sets,
            volume_words(w.volume_load_kg, w.bodyweight, unit),
            load_au(w.session_load_au),
        )
        for w in reversed(weeks)
    ]
    head = ("Week", "Sessions", "Sets", "Volume", "Session load")
    return stacked_table(
        f"Weekly strength volume, newest week first (at most the last {WEEKS_SHOWN})",
        head,
        rows,
        dict.fromkeys(head[1:], "sl-num"),
        dense=True,
    )


def _notes_of(session: StrengthSession) -> str:
    """The session's and its exercises' notes, as plain text."""
    parts = [session.notes or ""] + [f"{exercise_name(e)}: {e.notes}" for e in session.exercises if e.notes]
    return " · ".join(p for p in parts if p)


def _edit_button(session: StrengthSession, today: date | None) -> Html:
    """“Edit” for one finished session (as :func:`action_button` builds it, with a name that says which)."""
    return el(
        "button",
        {
            "type": "button",
            "class": "md-button sl-strength__edit-button",
            "data-action": "edit_session",
            "data-args": json.dumps({"id": session.id}),
            "aria-label": f"Edit or delete the session of {day_words(session.date, today=today)}",
        },
        "Edit",
    )


def _sessions(sessions: Sequence[StrengthSession], unit: WeightUnit, today: date | None) -> Html:
    with_notes = any(_notes_of(s) for s in sessions)
    year = shows_year((s.date for s in sessions), today=today)
    newest = list(reversed(sessions))
    rows = [
        (
            join(short_day(s.date, year=year), " ", _edit_button(s, today)),
            session_label(s.kind),
            f"{s.duration_min:g} min",
            f"{s.rpe:g}",
            volume_words(volume_load(s), bodyweight_work([s]), unit),
            ", ".join(entry_words(e) for e in s.exercises),
            *((_notes_of(s) or None,) if with_notes else ()),
        )
        for s in newest
    ]
    columns = ("Date", "Session", "Duration", "Session RPE", "Volume", "Exercises", *(("Notes",) if with_notes else ()))
    return stacked_table(
        "Sessions, newest first",
        columns,
        rows,
        dict.fromkeys(("Duration", "Session RPE", "Volume"), "sl-num"),
        row_attrs=[{"data-session": s.id} for s in newest],
    )


def _chart(name: str, points: Sequence[TrendPoint], unit: WeightUnit, today: date | None) -> Html | None:
    """A small line chart of one lift's e1RM; the table after it is the text alternative."""
    if len(points) < 2:
        return None
    width, height, pad = 320, 120, 8
    first, last = points[0].date.toordinal(), points[-1].date.toordinal()
    low, high = min(p.e1rm_kg for p in points), max(p.e1rm_kg for p in points)
    span_x, span_y = max(1, last - first), max(1.0, high - low)
    xy = [
        (
            pad + (p.date.toordinal() - first) / span_x * (width - 2 * pad),
            height - pad - (p.e1rm_kg - low) / span_y * (height - 2 * pad),
        )
        for p in points
    ]
    line = " ".join(f"{'M' if i == 0 else 'L'}{x:.1f} {y:.1f}" for i, (x, y) in enumerate(xy))
    summary = (
        f"Chart of the estimated 1RM for {name}: {_e1rm(points[0].e1rm_kg, unit)} on "
        f"{day_words(points[0].date, today=today)}, {_e1rm(points[-1].e1rm_kg, unit)} on "
        f"{day_words(points[-1].date, today=today)}. The table below lists every session."
    )
    return el(
        "svg",
        {
            "class": "sl-chart",
            "viewBox": f"0 0 {width} {height}",
            "width": "100%",
            "role": "img",
            "aria-label": summary,
            "focusable": "false",
        },
        el("path", {"d": line, "fill": "none", "stroke": "currentColor", "stroke-width": "2"}),
        *(
            el("rect", {"x": f"{x - 3:.1f}", "y": f"{y - 3:.1f}", "width": "6", "height": "6", "fill": "currentColor"})
            for x, y in xy
        ),
    )


def _trends(sessions: Sequence[StrengthSession], unit: WeightUnit, today: date | None) -> Html:
    keys = sorted({exercise_key(e) for s in sessions for e in s.exercises if e.sets})
    tables: list[Html | None] = []
    for key in keys:
        points = e1rm_trend(sessions, key)
        if not points:
            continue
        name = next(exercise_name(e) for s in sessions for e in s.exercises if exercise_key(e) == key)
        year = shows_year((p.date for p in points), today=today)
        rows = [
            el(
                "tr",
                None,
                el("th", {"scope": "row"}, short_day(p.date, year=year)),
                el("td", None, f"{p.reps} × {load_words(p.load_kg, unit)}"),
                el("td", {"class": "sl-num"}, _e1rm(p.e1rm_kg, unit)),
            )
            for p in points
        ]
        tables.append(_chart(name, points, unit, today))
        tables.append(
            scroll_table(f"e1RM trend: {name}", _head("Date", "Best set", "e1RM (Epley)"), el("tbody", None, *rows))
        )
    return join(tables)


def _reps_or_hold(record: PersonalRecord) -> str:
    """A record's most reps, or for a timed exercise its longest hold ("15 s"): a hold's one "rep" is no count."""
    words = [str(record.most_reps)] if record.most_reps else []
    if record.longest_hold_s is not None:
        words.append(f"{record.longest_hold_s:g} s")
    return "; ".join(words) or "–"


def _records(sessions: Sequence[StrengthSession], unit: WeightUnit) -> Html | None:
    records = personal_records(sessions)
    if not records:
        return None
    rows = [
        (
            r.name,
            _e1rm(r.best_e1rm_kg, unit) if r.best_e1rm_kg else "–",
            (_added_words if _added(r.key) else load_words)(r.heaviest_kg, unit) if r.heaviest_kg else "–",
            _reps_or_hold(r),
        )
        for r in sorted(records.values(), key=lambda r: r.name.lower())
    ]
    head = ("Lift", "Best e1RM", "Heaviest set", "Most reps or longest hold")
    return stacked_table("Personal records", head, rows, dict.fromkeys(head[1:], "sl-num"))


def history_view(
    sessions: Sequence[StrengthSession], *, week_start: int = 0, unit: WeightUnit, today: date | None
) -> Html:
    """Sessions by week with the weekly volume, e1RM trend per lift (tables) and personal records; dates
    carry their year when one is not ``today``'s."""
    if not sessions:
        return el("p", {"data-history": "empty"}, "Your finished sessions will be listed here, week by week.")
    return el(
        "div",
        {"class": "sl-strength__history", "data-history": len(sessions)},
        el("h3", None, "History"),
        _weeks(sessions, week_start, unit, today),
        _sessions(sessions, unit, today),
        el("h3", None, "Estimated 1RM trend per lift"),
        el("p", None, EPLEY_NOTE),
        _trends(sessions, unit, today),
        _records(sessions, unit),
        rename_panel(sessions),
    )


def _lift_rows(session: StrengthSession, unit: WeightUnit) -> Html:
    rows = []
    for entry in session.exercises:
        best = best_set(entry)
        estimate = "–" if best is None else _e1rm(best.e1rm_kg, unit)
        if best is None and any(s.load_kg and not moves_body(entry, s) for s in entry.sets):
            # Loaded, and still none: every set was past the formula's reps, which the reader is told, not left
            # to guess at a dash.
            estimate = f"none: over {E1RM_REPS_MAX} reps"
        # The ramp-up sets first, as lifted, named as such: the e1RM beside them is the work sets' only.
        done = [warmup_words(entry.warmups, unit=unit), "; ".join(set_text(s, unit=unit) for s in entry.sets)]
        sets = ". ".join(part for part in done if part) or ("skipped" if entry.skipped else "")
        rows.append((entry_words(entry), sets, estimate))
    return stacked_table(
        "This session, lift by lift", ("Exercise", "Sets", "e1RM (Epley)"), rows, {"e1RM (Epley)": "sl-num"}
    )


def _added(key: str) -> bool:
    """Whether the lift ``key`` is a bodyweight exercise, whose loads are load added to the body."""
    known = CATALOGUE.get(key)
    return known is not None and known.bodyweight


def _added_words(kg: float, unit: WeightUnit) -> str:
    """A load added to a bodyweight exercise, “+5 lb”, so it is not read as all that was lifted."""
    return f"+{load_words(kg, unit)}"


def _record_words(hit: RecordHit) -> str:
    return "heaviest added load" if hit.kind == "load" and _added(hit.key) else _RECORD_WORDS.get(hit.kind, hit.kind)


def _record_value(hit: RecordHit, value: float, unit: WeightUnit) -> str:
    if hit.kind == "reps":
        return str(int(value))
    if hit.kind == "hold":
        return f"{value:g} s"
    return _added_words(value, unit) if hit.kind == "load" and _added(hit.key) else _e1rm(value, unit)


def finished_view(
    session: StrengthSession,
    earlier: Sequence[StrengthSession],
    upcoming: Sequence[tuple[Exercise, Prescription]],
    *,
    unit: WeightUnit,
    today: date | None,
    note: Html | None = None,
) -> Html:
    """A session just saved: volume load, e1RM per lift, records set, and the next prescription with its reason;
    ``note`` follows the headline (the planned session it counts for)."""
    hits = new_records(session, earlier)
    upcoming_title = f"Next {session_label(session.kind)}" if session.kind in ("A", "B") else "Next time"
    bodyweight = bodyweight_work([session])
    # "Volume load" is Σ reps × kg; with bodyweight sets counted as reps beside it, it is the session's "volume".
    volume = f"{'Volume load' if bodyweight == BodyweightWork() else 'Volume'} "
    volume += volume_words(volume_load(session), bodyweight, unit)
    headline = f"Saved: {session_label(session.kind)} on {day_words(session.date, today=today)}."
    loads = join(
        f"{volume}; session load {_num(session_load(session))} ",
        AU,
        f" (session RPE {session.rpe:g} × {session.duration_min:g} min).",
    )
    if hits:
        records = el(
            "ul",
            {"data-records": len(hits)},
            *(
                el(
                    "li",
                    None,
                    f"{h.name}: new {_record_words(h)}, {_record_value(h, h.value, unit)}",
                    f" (was {_record_value(h, h.previous, unit)})" if h.previous is not None else "",
                )
                for h in hits
            ),
        )
    else:
        first = not any(
            exercise_key(e) in {exercise_key(x) for x in session.exercises} for s in earlier for e in s.exercises
        )
        records = el(
            "p",
            {"data-records": 0},
            "Records start from your second session of a lift." if first else "No new personal records this time.",
        )
    return el(
        "div",
        {"class": "sl-result", "data-finished": session.id},
        el("p", {"class": "sl-result__headline", "data-summary": True}, headline),
        note,
        el("p", {"data-volume": True}, loads),
        el("p", None, EPLEY_NOTE),  # before the table, so e1RM is explained where it is first read
        _lift_rows(session, unit),
        el("h3", None, "Personal records"),
        records,
        el("h3", None, upcoming_title) if upcoming else None,
        prescription_table(f"{upcoming_title}: the prescription and why", upcoming, unit=unit) if upcoming else None,
    )

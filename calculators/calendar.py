"""The training calendar: planned sessions, logged runs and lifts, planned vs done, weekly totals and readiness.

Dates are the reader's local dates; a week starts on Monday or Sunday (the profile's
``week_start``). The logs and the plan come from :mod:`calculators.calendar_logs`, which reads
the store's own shapes and the reader's links.

**Planned vs done** (Stridelab's house rules). A planned run or strength session is matched by the logs of its own date,
or by a log the reader linked to it (a run done a day late); it is *done* when they add up to at least 80 % of the
planned minutes (:data:`DONE_SHARE`: planned durations come in 5-minute steps and a watch stopped at a crossing should
not make a run partial), *partly done* below that, *missed* when its date has passed with nothing logged, and *planned*
until then (today included). A run cut back is compared the same way with the minutes it was cut to, the lower end of
its range, as its card shows it (:func:`_cut_back`): an amber verdict's shorter run and the comeback rule's first long
run back (60–70 % of the planned minutes, :func:`calculators.readiness_easy_run.amber_minutes`), so a runner who runs it
as told reads *done*, not *partly done*. A red verdict asks for rest, or 20–30 min very easy (TRAINING-RULES.md,
"Tomorrow's easy run"; never over the run it replaces, and in a plan by distance alone up to its distance and 30 min at
most: :data:`calculators.readiness_easy_run.RED_ALTERNATIVE_MINUTES`), for an easy run and a hard session alike: its
day's run is *rested*, not missed, once it has passed with nothing logged, and *done* with any run up to the top of that
range and the same 80 % margin above it (30 min / :data:`DONE_SHARE`: a watch stopped late should not make it more than
asked); a run well beyond that is shown as the plan's run it was, judged against the plan, with the verdict's range
beside it (:attr:`PlannedItem.beyond`); a run linked to it from another day, which the verdict did not ask about, is
judged against the plan alone. A strength session is *dropped* while nothing is logged for it on a day whose readiness
verdict is red (TRAINING-RULES.md, "Tomorrow's easy run": "strength that day is dropped"), on the first hard session
back after days without a run: that hard session is run easy, and strength never goes on an easy day
(:func:`calculators.reschedule_comeback.strength_dropped`), and, for the same reason, on an amber day whose hard session
runs easy in its place. One rule for all three (:func:`_drops_strength`); a session lifted that day all the same counts
as any other. A logged session that no planned item takes is *unplanned*. Without planned minutes the distance is
compared instead, and without either any log is done. A strength session logged set by set is done when every prescribed
set is (:func:`calculators.calendar_lifts.lift_status`); one without that detail (imported) is compared with an estimate
of its minutes, the guide's "about 45" (Session A) and "about 40" (Session B) times the day's strength dose
(TRAINING-RULES.md, "The two sessions"), which no page shows as the session's length.

**Weekly totals** add up the logs by their own dates (a linked run counts in the week it was
run): running km and minutes, strength volume load from :func:`calculators.strength.weekly_volume`
(bodyweight sets counted as reps), and session loads from :class:`calculators.load.Session`
(Foster 2001), with the strength vs running balance of :func:`calculators.load.weekly_balance`.

**Readiness** per day is :func:`calculators.readiness.readiness` as the evening before gave it
for that day, for every day up to tomorrow (tomorrow's is today's verdict). Each call runs the
load model over the whole history, yet a month of a three-year log takes about 0.1 s in
CPython (measured on a shared 2-core machine), so no day is left out.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal, TypeAlias

from calculators.after_race import no_lift_race
from calculators.calendar_lifts import lift_status
from calculators.calendar_logs import LINK_DAYS_MAX, Kind, Logs, hrv_readings, lift_session, plans_kind
from calculators.errors import InputError
from calculators.load import DAILY_LOAD_MAX, Balance, weekly_balance
from calculators.profile import Profile
from calculators.readiness import Readiness, readiness
from calculators.readiness_easy_run import RED_ALTERNATIVE_MINUTES, amber_km, amber_minutes
from calculators.readiness_plan import next_easy_day, plan_easy_km, plan_easy_minutes, usual_easy_minutes
from calculators.reschedule_comeback import Change, comeback_day, comeback_run
from calculators.season import SeasonPlan, week_context
from calculators.strength import BodyweightWork, SessionKind, bodyweight_work, weekly_volume
from calculators.vdot import training_paces
from calculators.week_plan import PACE_FOR, RUN_NAMES, DayPlan

__all__ = [
    "DONE_SHARE",
    "STRENGTH_MINUTES",
    "Calendar",
    "CalendarDay",
    "CalendarWeek",
    "LoggedItem",
    "PlannedItem",
    "RunChange",
    "Status",
    "WeekTotals",
    "build_calendar",
    "month_bounds",
    "pacing_vdot",
    "week_bounds",
]

Status: TypeAlias = Literal["done", "partly done", "missed", "rested", "dropped", "planned", "unplanned"]
#: What a card says beside a run's name once changed: the comeback rule's, a run cut back, or a red verdict's rest.
RunChange: TypeAlias = Literal["easy", "cut back", "rest or very easy"]
Counts: TypeAlias = Mapping[tuple[Kind, str], date | None]  # (kind, entry id) → the planned date it counts for

#: At or above this share of the planned minutes a session is done; below it, partly done (house rule).
DONE_SHARE = 0.8
#: An estimate of a full strength session's minutes (TRAINING-RULES.md: Session A about 45 min, B about 40), for
#: a session logged without its sets only: the sets decide for one logged on the strength log.
STRENGTH_MINUTES = {"A": 45.0, "B": 40.0}


@dataclass(frozen=True, kw_only=True, slots=True)
class PlannedItem:
    """A planned run or strength session and how it went; ``matched`` are the log entry ids that count for it;
    ``plan`` the day's plan it comes from (its distance in words, as the planner shows it:
    :meth:`DayPlan.distance_words`); ``comeback`` what the comeback rule does with a run still to run (today or
    ahead, no run logged that day): "easy" (its pace is then the E pace) or "cut back"
    (:func:`calculators.reschedule_comeback.comeback_run`), None otherwise; ``cut`` the minutes a run cut back is
    cut to (:func:`_cut_back`), low and high, whether run yet or not: its status is judged against the low end;
    ``or_rest`` that the cut is a red verdict's, rest or a very easy run of ``cut`` minutes, any of which is done;
    ``beyond`` that red verdict's minutes when the run logged went well beyond them: the item is then the plan's run,
    judged against the plan, and ``cut`` None (``beyond_km`` the same for a run planned by distance alone: the most
    that very easy run may be); ``cut_km`` the distance a run planned by distance alone is cut to
    (the comeback rule's first long run back), low and high, judged as ``cut`` is."""

    kind: Kind
    day: date
    plan: DayPlan
    name: str
    minutes: float | None
    km: float | None
    pace_s_per_km: tuple[float, float] | None
    pace_for: str  # what the pace is for, in a quality run (week.PACE_FOR); "" when it is the whole run's
    status: Status
    done_minutes: float
    done_km: float
    matched: tuple[str, ...]
    linked: tuple[str, ...]
    comeback: Change | None = None
    cut: tuple[int, int] | None = None
    cut_km: tuple[float, float] | None = None
    or_rest: bool = False
    beyond: tuple[int, int] | None = None
    beyond_km: tuple[float, float] | None = None
    eased: bool = False

    @property
    def change(self) -> RunChange | None:
        """What the day's run is changed to, in a word a card shows beside its name: a red verdict's rest or very easy
        run (stricter than the comeback rule's easy run, so it wins), the comeback rule's, else "cut back" for a run
        an amber verdict cuts."""
        if self.or_rest and (self.cut is not None or self.cut_km is not None):
            return "rest or very easy"
        if self.eased and (self.cut is not None or self.cut_km is not None):
            return "easy"  # an amber verdict's easy run in the session's place, not the session cut back
        return self.comeback or ("cut back" if self.cut or self.cut_km else None)


@dataclass(frozen=True, kw_only=True, slots=True)
class LoggedItem:
    """A logged entry on its own date; ``counts_for`` is the planned date it matched, None when unplanned;
    ``session`` the strength session's kind ("A", "B" or "custom"), None for a run."""

    kind: Kind
    id: str
    day: date
    minutes: float
    km: float | None
    load: float
    counts_for: date | None
    status: Status
    session: SessionKind | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class CalendarDay:
    """One local day: its plan, the planned items with their status, what was logged, and readiness."""

    day: date
    plan: DayPlan | None
    planned: tuple[PlannedItem, ...]
    logged: tuple[LoggedItem, ...]
    readiness: Readiness | None
    in_month: bool = True


@dataclass(frozen=True, kw_only=True, slots=True)
class WeekTotals:
    """A week's logs added up (by their own dates) beside what was planned; loads in AU (Foster 2001)."""

    start: date
    runs: int
    run_km: float
    run_minutes: float
    run_load: float
    strength_sessions: int
    strength_volume_kg: float
    strength_bodyweight: BodyweightWork
    strength_load: float
    combined_load: float
    planned_run_minutes: float
    planned_run_km: float
    balance: Balance


@dataclass(frozen=True, kw_only=True, slots=True)
class CalendarWeek:
    """Seven days from the profile's week start, and their totals."""

    start: date
    days: tuple[CalendarDay, ...]
    totals: WeekTotals


@dataclass(frozen=True, kw_only=True, slots=True)
class Calendar:
    """Whole weeks from ``first`` to ``last`` as built on ``today``."""

    first: date
    last: date
    today: date
    week_start: int
    weeks: tuple[CalendarWeek, ...]

    def day(self, day: date) -> CalendarDay | None:
        """The day ``day`` when the calendar shows it."""
        return next((d for w in self.weeks for d in w.days if d.day == day), None)


def week_bounds(day: date, week_start: int = 0) -> tuple[date, date]:
    """The first and last day of the week holding ``day``; weeks start on ``week_start`` (0 = Monday, 6 = Sunday)."""
    first = day - timedelta(days=(day.weekday() - week_start) % 7)
    return first, first + timedelta(days=6)


def month_bounds(year: int, month: int, week_start: int = 0) -> tuple[date, date]:
    """The whole weeks that cover a month, as a month grid shows them."""
    following = date(year + month // 12, month % 12 + 1, 1)
    return week_bounds(date(year, month, 1), week_start)[0], week_bounds(following - timedelta(days=1), week_start)[1]


def _match(logs: Logs, days: Mapping[date, DayPlan]) -> Counts:
    """Which planned date each logged entry counts for: a valid link's, else its own when that plans its kind."""
    links = {(link.kind, link.entry_id): link.planned_date for link in logs.links}
    entries: list[tuple[Kind, str, date, str | None]] = [("run", r.id, r.day, None) for r in logs.runs]
    entries += [("strength", s.id, s.date, s.kind) for s in logs.strength]
    found: dict[tuple[Kind, str], date | None] = {}
    for kind, ident, day, session in entries:  # a Session B counts for a Session A neither on its day nor linked
        linked = links.get((kind, ident))
        if linked and abs((linked - day).days) <= LINK_DAYS_MAX and plans_kind(days.get(linked), kind, session):
            found[(kind, ident)] = linked
        else:
            found[(kind, ident)] = day if plans_kind(days.get(day), kind, session) else None
    return found


def _status(
    planned: tuple[float | None, float | None], done: tuple[float, float], count: int, late: bool, rest: bool = False
) -> Status:
    """``rest``: resting was what the day asked for (a red verdict), so a day passed with nothing logged is rested."""
    if count == 0:
        return ("rested" if rest else "missed") if late else "planned"
    for want, have in zip(planned, done, strict=True):
        if want:
            return "done" if have >= DONE_SHARE * want else "partly done"
    return "done"


def _planned_items(
    day: date,
    plan: DayPlan,
    logs: Logs,
    counts: Counts,
    today: date,
    *,
    dropped: bool = False,
    run_as: tuple[Change, tuple[float, float] | None] | None = None,
    cut: Cut | None = None,
) -> tuple[PlannedItem, ...]:
    """The day's planned run and strength session with their status; ``dropped``: the day's strength session is
    dropped unless a logged one counts for it (:func:`_drops_strength`); ``run_as``: what
    the comeback rule does with the run, and the E pace an easy one is run at; ``cut``: the minutes the run is cut
    back to and the pace it is then run at, if the cut changes it (:func:`_cut_back`)."""
    items = []
    for kind in ("run", "strength"):
        if not plans_kind(plan, kind):
            continue
        if kind == "run":
            taken = [(r.id, r.day, r.duration_s / 60, r.distance_m / 1000) for r in logs.runs]
        else:
            taken = [(s.id, s.date, s.duration_min, 0.0) for s in logs.strength]
        mine = [t for t in taken if counts.get((kind, t[0])) == day]
        done = (sum(t[2] for t in mine), sum(t[3] for t in mine))
        beyond: Cut | None = None
        if kind == "run":
            want: tuple[float | None, float | None] = (plan.minutes, plan.km)
            judged = want
            name, pace = RUN_NAMES[plan.run], plan.pace_s_per_km
            # A run linked from another day was not run under this day's red verdict: it is the plan's run, done late.
            late = any(t[1] != day for t in mine)
            if cut is not None and cut.or_rest and (late or _beyond_red(cut, done)):
                # Well beyond what the red verdict allowed: shown as the plan's run it was, and judged as one.
                beyond, cut = (None if late else cut), None
            if run_as is not None and run_as[0] == "easy":
                pace = run_as[1]  # the hard session's own pace is not what the runner runs that day
            if cut is not None:
                # Run as told, it is done: judged against the minutes it was cut to, or, where rest was asked, any run.
                judged = (
                    (None, None)
                    if cut.or_rest
                    else (cut.minutes[0], plan.km)
                    if cut.minutes
                    else (None, cut.km[0] if cut.km else plan.km)
                )
                pace = cut.pace or (None if cut.or_rest else pace)  # never a hard session's pace on a red day
            by_sets = None
        else:
            want = judged = (STRENGTH_MINUTES[plan.strength or "A"] * plan.strength_volume, None)
            name, pace = f"Session {plan.strength}", None
            by_sets = lift_status([s for s in logs.strength if counts.get((kind, s.id)) == day])
        rests = kind == "run" and cut is not None and cut.or_rest
        items.append(
            PlannedItem(
                kind=kind,
                day=day,
                plan=plan,
                name=name,
                minutes=want[0],
                km=want[1],
                pace_s_per_km=pace,
                pace_for=PACE_FOR.get(plan.run, "") if kind == "run" and not (run_as or cut) else "",
                status="dropped"
                if dropped and kind == "strength" and not mine
                else by_sets or _status(judged, done, len(mine), day < today, rest=rests),
                done_minutes=done[0],
                done_km=done[1],
                matched=tuple(t[0] for t in mine),
                linked=tuple(t[0] for t in mine if t[1] != day),
                comeback=run_as[0] if run_as is not None and kind == "run" else None,
                cut=cut.minutes if cut is not None and kind == "run" else None,
                cut_km=cut.km if cut is not None and kind == "run" else None,
                or_rest=rests,
                beyond=None if beyond is None else beyond.minutes,
                beyond_km=None if beyond is None else beyond.km,
                eased=kind == "run" and cut is not None and cut.eased,
            )
        )
    return tuple(items)


def _readiness(
    day: date,
    logs: Logs,
    loads: Mapping[date, float],
    days: Mapping[date, DayPlan],
    profile: Profile,
    vdot: float | None,
) -> Readiness | None:
    """The verdict for ``day``: from its own morning's check-in once that is logged (its HRV, sleep and soreness
    decide the day), else the one the evening before gave; the load is the evening before's either way."""
    eve = day - timedelta(days=1)
    own = day in logs.hrv
    hrv = hrv_readings(logs.hrv, day if own else eve)
    before = {d: min(v, DAILY_LOAD_MAX) for d, v in loads.items() if d <= eve}
    if not hrv and not before:
        return None
    morning = logs.hrv.get(day if own else eve)
    try:
        return readiness(
            hrv_readings=hrv,
            daily_loads=before,
            easy_pace=None if vdot is None else training_paces(vdot).easy,
            hr_rest=profile.hr_rest,
            hr_max=profile.hr_max,
            tomorrow=days.get(day),
            next_easy=next_easy_day(days, day),
            plan_easy=plan_easy_minutes(days, day),
            plan_easy_km=plan_easy_km(days, day),
            soreness=morning.soreness if morning else None,
            sleep_hours=morning.sleep_hours if morning else None,
            run_weekdays=profile.run_weekdays,
            usual_easy=usual_easy_minutes(logs.runs, eve),
            today=eve,
            morning=own,
            unit=profile.units,  # a run planned by distance alone is named in the reader's unit, as the card names it
        )
    except InputError:
        return None


def _totals(start: date, logs: Logs, days: tuple[CalendarDay, ...], plan: SeasonPlan | None, today: date) -> WeekTotals:
    end = start + timedelta(days=7)
    runs = [r for r in logs.runs if start <= r.day < end]
    lifts = [s for s in logs.strength if start <= s.date < end]
    volume = weekly_volume(lifts, week_start=start.weekday())
    sessions = [r.session for r in runs] + [lift_session(s) for s in lifts]
    context = None if plan is None else week_context(plan, start)
    race = None if plan is None else plan.race_date
    runs_planned = [d.plan for d in days if d.plan is not None and d.plan.run != "rest"]
    return WeekTotals(
        start=start,
        runs=len(runs),
        run_km=sum(r.distance_m for r in runs) / 1000,
        run_minutes=sum(r.duration_s for r in runs) / 60,
        run_load=sum(s.load for s in sessions if s.kind == "run"),
        strength_sessions=len(lifts),
        strength_volume_kg=sum(w.volume_load_kg for w in volume),
        strength_bodyweight=bodyweight_work(lifts),
        strength_load=sum(s.load for s in sessions if s.kind == "strength"),
        combined_load=sum(s.load for s in sessions),
        planned_run_minutes=sum(p.minutes or 0 for p in runs_planned),
        planned_run_km=sum(p.km or 0.0 for p in runs_planned),
        balance=weekly_balance(
            sessions, week_start=start, peak=bool(context and context.strength_cut), race_date=race, today=today
        ),
    )


def _logged(
    day: date, logs: Logs, counts: Counts, items: Mapping[tuple[Kind, date], PlannedItem]
) -> tuple[LoggedItem, ...]:
    """The entries logged on ``day``, each with the planned date it counts for and that item's status."""
    found: list[tuple[Kind, str, float, float | None, float, SessionKind | None]] = [
        ("run", r.id, r.duration_s / 60, r.distance_m / 1000, r.session.load, None) for r in logs.runs if r.day == day
    ]
    found += [
        ("strength", s.id, s.duration_min, None, lift_session(s).load, s.kind) for s in logs.strength if s.date == day
    ]
    out = []
    for kind, ident, minutes, km, load, session in found:
        to = counts.get((kind, ident))
        status: Status = "unplanned" if to is None else items[(kind, to)].status
        out.append(
            LoggedItem(
                kind=kind,
                id=ident,
                day=day,
                minutes=minutes,
                km=km,
                load=load,
                counts_for=to,
                status=status,
                session=session,
            )
        )
    return tuple(out)


def pacing_vdot(plan: SeasonPlan | None, vdot: float | None, today: date) -> float | None:
    """The VDOT a verdict's easy run is paced from: the saved plan's while the plan runs on (its days carry the paces
    of the VDOT it was saved with), so a day never shows two sets of paces; else ``vdot`` (the profile's), else the
    plan's. Today, the training calendar and the run log's readiness all take it from here."""
    planned = plan.prefs.vdot if plan is not None else None
    if planned is not None and plan is not None and any(d >= today for d in plan.planned_days()):
        return planned
    return vdot if vdot is not None else planned


def _drops_strength(
    run_days: frozenset[date],
    days: Mapping[date, DayPlan],
    day: date,
    today: date,
    verdict: Readiness | None,
    cut: Cut | None = None,
) -> bool:
    """Whether ``day``'s strength session is dropped: its readiness verdict is red (:attr:`Readiness.drop_strength`),
    its hard session is the first back after days without a run, so run easy
    (:func:`calculators.reschedule_comeback.comeback_day`), or an amber verdict runs easy in its place (``cut``, the
    day's run as :func:`_cut_back` cuts it): "Never put strength on an easy day" (TRAINING-RULES.md, "Where they go
    in the week"). Either way it is not a session the runner owes: the card reads "dropped", not planned or missed,
    and the week's count leaves it out of the sessions planned. So is one in the first days after one of the plan's
    races (:func:`calculators.after_race.no_lift_race`)."""
    if days[day].strength is None:
        return False
    if no_lift_race((d for d, p in days.items() if p.run == "race"), day) is not None:
        return True  # the first days after a race have no lifting (calculators.after_race, Stridelab's rule)
    eased = cut is not None and cut.eased
    return (verdict is not None and verdict.drop_strength) or eased or comeback_day(run_days, days, day, today=today)


@dataclass(frozen=True, kw_only=True, slots=True)
class Cut:
    """The minutes a run is cut back to, low and high, and the pace it is then run at (None: the plan's, or with
    ``or_rest`` none); ``or_rest``: a red verdict's cut, rest or a very easy run of these minutes; ``eased``: an amber
    verdict's easy run in the place of a hard session or the long run, which it leaves out this week; ``km``: the
    distance, low and high, a run planned by distance alone is cut back to (``minutes`` None)."""

    minutes: tuple[int, int] | None
    pace: tuple[float, float] | None
    km: tuple[float, float] | None = None
    or_rest: bool = False
    eased: bool = False


def _cut_back(
    run_days: frozenset[date],
    days: Mapping[date, DayPlan],
    day: date,
    today: date,
    verdict: Readiness | None,
    eased: bool = False,
) -> Cut | None:
    """How ``day``'s run is cut back, or None when it is not: a red verdict's rest or very easy run (its easy run,
    TRAINING-RULES.md "Tomorrow's easy run": "rest, or 20–30 min very easy", for a hard session too, which the verdict
    makes easy), an amber verdict's shorter, slower run (60–70 % of the planned minutes, or in the place of a hard
    session or the long run of its stand-in easy run, :func:`calculators.readiness_plan.stand_in_minutes`), or the
    comeback rule's first long run back, cut by the same share (:func:`calculators.reschedule_comeback.comeback_run`).
    One rule for all, before and after the run: the card shows the cut, and the run is done against its low end, as the
    runner was told to run it (on a red day, against rest: any run up to the top). ``eased``: the training calendar's
    offer for an amber day runs easy in the session's place although the verdict saw an easy day to swap with (a swap
    the week's rules or the next day's verdict refuse), so the day's run is that easy run too."""
    plan = days[day]
    if plan.run == "rest":
        return None
    # A verdict's run has minutes of its own, with the plan's or without (a plan by distance): its cut applies either
    # way, so the day's card gives the run the evening before's verdict gave, one size, not the plan's distance.
    easy = verdict.next_easy_run if verdict is not None else None
    # Red rests, an easy or hard run alike (a race it keeps: no easy run then).
    # By distance alone, the run is up to its distance (readiness_easy_run.red_run_words): ``km`` then holds it.
    if verdict is not None and verdict.level == "red" and easy and easy.rest and (easy.minutes_range or easy.km_range):
        return Cut(minutes=easy.minutes_range, km=easy.km_range, pace=easy.pace_s_per_km, or_rest=True)
    # An amber verdict cuts an easy run; a hard session or the long run it swaps instead (hard_day), or, with no easy
    # day left in the week to swap with, runs easy in its place: that easy run is the day's run, and a marathon long
    # run's part at marathon pace or a tempo's pace is not what the runner is told to run that day.
    in_place = verdict is not None and (verdict.hard_day is None or verdict.hard_day.in_place or eased)
    if verdict is not None and verdict.level == "amber" and in_place and easy and (easy.minutes_range or easy.km_range):
        # A run planned by distance alone is cut by distance, as the verdict names it (readiness_easy_run.amber_km); an
        # easy run of 20 min or under is run as planned, only slower (readiness_easy_run.amber_minutes): no cut for the
        # card to show.
        eased_run = verdict.hard_day is not None
        kept = bool(easy.minutes_range and plan.minutes and not plan.cut_from and easy.minutes_range[0] >= plan.minutes)
        if eased_run or not kept:
            return Cut(minutes=easy.minutes_range, km=easy.km_range, pace=easy.pace_s_per_km, eased=eased_run)
    if not plan.minutes:
        return _comeback_cut(run_days, days, day, today)
    if comeback_run(run_days, days, day, today=today) == "cut back":
        return Cut(minutes=amber_minutes(plan.minutes), pace=None)
    return None


def _beyond_red(cut: Cut, done: tuple[float, float]) -> bool:
    """Whether the minutes and km ``done`` go well beyond a red verdict's very easy run (``cut``): over the top of its
    minutes, or, for a run planned by distance alone, over its distance or the house rule's 30 min, with the
    :data:`DONE_SHARE` margin a watch stopped late is given."""
    most = cut.minutes[1] if cut.minutes else RED_ALTERNATIVE_MINUTES[1]
    return done[0] > most / DONE_SHARE or (cut.km is not None and done[1] > cut.km[1] / DONE_SHARE)


def _comeback_cut(run_days: frozenset[date], days: Mapping[date, DayPlan], day: date, today: date) -> Cut | None:
    """The comeback rule's first long run back when the plan gives it a distance and no minutes (a plan by distance
    without a VDOT): cut by the same share of its distance (:func:`calculators.readiness_easy_run.amber_km`), in place
    of a share of a time the plan never gave."""
    plan = days[day]
    if plan.minutes or not plan.km or comeback_run(run_days, days, day, today=today) != "cut back":
        return None
    return Cut(minutes=None, km=amber_km(plan.km), pace=None)


def _run_as(
    run_days: frozenset[date], days: Mapping[date, DayPlan], day: date, today: date, easy: tuple[float, float] | None
) -> tuple[Change, tuple[float, float] | None] | None:
    """What the comeback rule does with ``day``'s run while it is still to run (today or ahead, no run logged that
    day), as the day's details say it (:func:`calculators.reschedule_comeback.one_instruction`), with the E pace."""
    if day < today or day in run_days:
        return None
    change = comeback_run(run_days, days, day, today=today)
    return None if change is None else (change, easy)


def build_calendar(
    first: date,
    last: date,
    *,
    logs: Logs,
    plan: SeasonPlan | None,
    today: date,
    profile: Profile | None = None,
    month: int | None = None,
    eased: Collection[date] = (),
) -> Calendar:
    """Every day from the week of ``first`` to the week of ``last``, with plan, logs, status, totals and readiness.

    ``month`` marks the days outside that month (a month grid's leading and trailing days). ``eased``: the amber days
    whose hard session or long run the calendar's offer runs easy in its place (:func:`_cut_back`), which only the
    offers know (:func:`calculators.ui.verdict_offers.calendar_as_told`).
    The VDOT for the E pace is the profile's, else the saved plan's (as the run log does).

    Raises:
        InputError: a range of more than a year.
    """
    profile = profile or Profile()
    start, end = week_bounds(first, profile.week_start)[0], week_bounds(last, profile.week_start)[1]
    if (end - start).days > 7 * 54:
        raise InputError("last", "A calendar shows at most a year at a time.")
    # A plan saved on a Thursday fills its first week from the Monday, but Monday to Wednesday were over by then,
    # so nothing was planned for them (SeasonPlan.planned_days).
    days = plan.planned_days() if plan else {}
    counts = _match(logs, days)
    loads = logs.daily_loads()
    vdot = pacing_vdot(plan, profile.vdot, today)
    shown = [start + timedelta(days=n) for n in range((end - start).days + 1)]
    tomorrow = today + timedelta(days=1)
    wanted = (set(shown) | {d for d in counts.values() if d}) & days.keys()
    run_days = frozenset(r.day for r in logs.runs)
    easy = None if vdot is None else training_paces(vdot).easy
    # Each day's verdict up to tomorrow, the evening before's or its own morning's: it is shown, and a red one drops
    # the day's strength session.
    verdicts = {d: _readiness(d, logs, loads, days, profile, vdot) for d in set(shown) | wanted if d <= tomorrow}
    cuts = {d: _cut_back(run_days, days, d, today, verdicts.get(d), eased=d in eased) for d in wanted}
    items = {
        (p.kind, p.day): p
        for d in wanted
        for p in _planned_items(
            d,
            days[d],
            logs,
            counts,
            today,
            dropped=_drops_strength(run_days, days, d, today, verdicts.get(d), cuts[d]),
            run_as=_run_as(run_days, days, d, today, easy),
            cut=cuts[d],
        )
    }
    calendar_days = [
        CalendarDay(
            day=day,
            plan=days.get(day),
            planned=tuple(items[(k, day)] for k in ("run", "strength") if (k, day) in items),
            logged=_logged(day, logs, counts, items),
            readiness=verdicts.get(day),
            in_month=month is None or day.month == month,
        )
        for day in shown
    ]
    weeks = []
    for n in range(0, len(shown), 7):
        week = tuple(calendar_days[n : n + 7])
        weeks.append(CalendarWeek(start=shown[n], days=week, totals=_totals(shown[n], logs, week, plan, today)))
    return Calendar(first=start, last=end, today=today, week_start=profile.week_start, weeks=tuple(weeks))

"""The strength log's session screen: today's prescription, the sets logged so far and the buttons to log the next.

Every exercise name, level name and note goes through :func:`el` as text, so a
name such as ``<img src=x onerror=alert(1)>`` shows literally. Loads are stored in kg and shown in the
reader's ``unit`` (kg or lb, as their profile says: :attr:`calculators.profile.Profile.weight_unit`); box heights
are stored in cm and shown in cm, or in inches for a reader in lb (:func:`calculators.load_units.height_words`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from calculators.date_words import day_words
from calculators.errors import InputError
from calculators.exercises import Exercise
from calculators.load_units import height_words, load_shown, load_words
from calculators.own_lifts import FIRST_TIME
from calculators.progression import BAR_KG, BAR_LB, Prescription, plates_per_side
from calculators.strength import StrengthSession, StrengthSet, previous_entry
from calculators.ui.calculator import action_button
from calculators.ui.html import Html, el, join, stacked_table, summary_line
from calculators.ui.strength_custom import add_panel, own_names
from calculators.ui.strength_first_load import first_load_help
from calculators.ui.strength_reps_check import RepsCheck
from calculators.ui.strength_set_edit import load_help, set_editor, set_inputs, takes_load
from calculators.ui.strength_state import Draft
from calculators.ui.strength_swap import skipped_section, swap_panel
from calculators.units import WeightUnit, count, duration_words

__all__ = [
    "SESSION_NAMES",
    "describe",
    "draft_view",
    "effective_load",
    "has_plan",
    "next_set",
    "planned_words",
    "plates_line",
    "prescribed_set",
    "prescription_table",
    "session_label",
    "session_title",
    "set_rows",
    "set_text",
]

SESSION_NAMES = {
    "A": "Session A (heavy, posterior chain: hamstrings, glutes, calves)",
    "B": "Session B (single-leg and plyometric)",
    "custom": "Custom session (pick your exercises)",
}


def session_label(kind: str) -> str:
    """“Session A”, “Session B” or “Custom session”."""
    return f"Session {kind}" if kind in ("A", "B") else "Custom session"


def session_title(kind: str, gym: bool) -> str:
    """Session A's or B's full name, and ", no gym" when its gym lifts are swapped for their stand-ins."""
    return f"{SESSION_NAMES[kind]}{'' if gym else ', no gym'}"


def describe(p: Prescription, *, unit: WeightUnit) -> str:
    """Today's work for one exercise in words: sets × reps × load, the level, the box height or the hold."""
    if p.kind == "custom" and (p.planned or p.reason == FIRST_TIME):
        return planned_words(p.planned, unit=unit) or "your own numbers"
    if p.sets == 0:
        return "no strength today"
    level = f", level {p.level}: {p.level_name}" if p.level and p.level_name else ""
    if p.kind == "isometric":
        return f"{p.sets} × {p.hold_s or 0} s hold a side{level}"
    if p.kind == "plyometric":
        where = f" onto a {height_words(p.height_cm, unit)} box" if p.height_cm else level
        return f"{p.sets} × {p.contacts or p.reps} contacts{where}"
    if p.kind == "load":
        if p.load_kg:
            return f"{p.sets} × {p.reps} × {load_words(p.load_kg, unit)}"
        return f"{p.sets} × {p.reps}, load of your choice"
    added = f" + {load_words(p.load_kg, unit)}" if p.load_kg else ", bodyweight"
    return f"{p.sets} × {p.reps}{added}{level}"


def planned_words(sets: tuple[StrengthSet, ...], *, unit: WeightUnit) -> str:
    """The sets of the reader's own lift, alike ones counted together: “3 × 3 × 410 lb + 1 × 430 lb”."""
    groups: list[tuple[int, StrengthSet]] = []
    for item in sets:
        if groups and groups[-1][1] == item:
            groups[-1] = (groups[-1][0] + 1, item)
        else:
            groups.append((1, item))
    return " + ".join(f"{n} × {set_text(item, unit=unit)}" for n, item in groups)


def set_text(item: StrengthSet, *, unit: WeightUnit, rpe: str = " @ RPE ") -> str:
    """One logged set in words: “5 × 60 kg @ RPE 8”, “5 × 135 lb”, “30 s”, “5 reps at 35 cm”, “5 reps at 14 in”,
    “6 reps, bodyweight”, “1 rep @ RPE 10”; ``rpe`` goes before the set's RPE (“, RPE ” in a sentence).

    A set with no load, or a load of 0 (a bodyweight exercise's box typed as 0, or an import's empty weight), lifted
    nothing but the body: “6 × 0 lb” read as a set of nothing."""
    if item.hold_s is not None:
        text = f"{item.hold_s:g} s"
    elif item.load_kg:
        text = f"{item.reps} × {load_words(item.load_kg, unit)}"
    else:
        # A jump's set is onto a box, said next; any other set without a load is the body's weight.
        text = count(item.reps, "rep") + ("" if item.height_cm is not None else ", bodyweight")
    if item.height_cm is not None:
        text += f" at {height_words(item.height_cm, unit)}"
    if item.rpe is not None:
        text += f"{rpe}{item.rpe:g}"
    return text


def warmup_words(warmups: Iterable[StrengthSet], *, unit: WeightUnit) -> str:
    """A finished session's ramp-up sets in a line, "Warm-up: 5 × 60 kg; 8 × 80 kg" ("" when there are none)."""
    shown = "; ".join(set_text(item, unit=unit) for item in warmups)
    return f"Warm-up: {shown}" if shown else ""


def warmup_list(ex: Exercise, warmups: tuple[StrengthSet, ...], *, unit: WeightUnit) -> Html | None:
    """The ramp-up sets logged for ``ex``, each with a button that removes it; None when there are none."""
    if not warmups:
        return None
    return el(
        "ul",
        {"class": "sl-strength__warmups", "data-warmups": ex.id},
        *(
            el(
                "li",
                {"data-warmup": f"{ex.id}:{i}"},
                f"Warm-up: {set_text(item, unit=unit)} ",
                action_button(
                    "Remove",
                    "remove_warmup",
                    {"exercise": ex.id, "warmup": i},
                    aria_label=f"Remove warm-up {i + 1} of {ex.name}",
                ),
            )
            for i, item in enumerate(warmups)
        ),
    )


def next_set(draft: Draft, pairs: tuple[tuple[Exercise, Prescription], ...]) -> tuple[Exercise, int] | None:
    """The set a reader goes on with: the first not logged yet, as its exercise and index; None when all are."""
    for ex, p in pairs:
        done = draft.sets.get(ex.id, ())
        if len(done) < set_rows(p, done) and ex.id not in draft.skips:
            return ex, len(done)
    return None


def effective_load(ex: Exercise, p: Prescription, done: tuple[StrengthSet, ...]) -> float | None:
    """The load for the next set: the prescription's, or, where it prescribes none, the load of the set just logged.

    That is a first session's chosen load, and equally the dumbbells a lifter held on a bodyweight lift (a Bulgarian
    split squat done at 8 × 40 kg): the next set's boxes show the same load, not bodyweight.
    """
    if p.load_kg is not None or ex.kind == "isometric" or not done:
        return p.load_kg
    return done[-1].load_kg


def has_plan(p: Prescription, done: tuple[StrengthSet, ...]) -> bool:
    """False for the reader's own exercise before any numbers exist: there is nothing to log “as prescribed”."""
    return p.kind != "custom" or bool(p.sets or done)


def set_rows(p: Prescription, done: tuple[StrengthSet, ...]) -> int:
    """How many set lines to show: the prescribed sets, or more once logged; one extra for the reader's own."""
    return max(p.sets, len(done) + 1) if p.kind == "custom" else max(p.sets, len(done))


def prescribed_set(ex: Exercise, p: Prescription, done: tuple[StrengthSet, ...]) -> StrengthSet:
    """The set as prescribed, ready to log (the reader's own exercise: the set just logged, or last time's)."""
    if p.kind == "custom":
        if len(done) < len(p.planned):
            return p.planned[len(done)]
        return replace(done[-1], rpe=None) if done else StrengthSet(reps=max(1, p.reps), load_kg=p.load_kg)
    if ex.kind == "isometric":
        return StrengthSet(reps=1, hold_s=float(p.hold_s) if p.hold_s else None)
    return StrengthSet(reps=max(1, p.reps), load_kg=effective_load(ex, p, done), height_cm=p.height_cm)


def plates_line(ex: Exercise, load: float | None, *, unit: WeightUnit) -> Html | None:
    """Plates per side for the barbell lifts: on a 20 kg bar, or in pounds on a 45 lb bar with pound plates."""
    if not (ex.compound and ex.needs_gym) or load is None:
        return None
    bar = f"{BAR_KG if unit == 'kg' else BAR_LB:g} {unit} bar"
    try:
        # In lb the tenth of a pound shown (135, not 134.99 from 61.23 kg) is what the plates must make.
        plates = plates_per_side(load if unit == "kg" else load_shown(load, unit), unit=unit)
    except InputError:
        text = f"Plates: {load_words(load, unit)} cannot be loaded exactly on a {bar} with standard plates."
    else:
        each = " + ".join(f"{p:g}" for p in plates) or "none"
        text = f"Plates per side for {load_words(load, unit)} on a {bar}: {each}" + (f" {unit}." if plates else ".")
    return el("p", {"class": "sl-strength__plates", "data-plates": ex.id}, text)


def prescription_table(caption: str, pairs: Iterable[tuple[Exercise, Prescription]], *, unit: WeightUnit) -> Html:
    """A card per exercise on a phone: three columns of sentences squeezed to a few words a line ran wider than it."""
    pairs = list(pairs)
    return stacked_table(
        caption,
        ("Exercise", "Prescription", "Why"),
        ((ex.name, describe(p, unit=unit), p.reason) for ex, p in pairs),
        row_attrs=[{"data-prescription": ex.id} for ex, _ in pairs],
    )


def _set_item(
    ex: Exercise,
    p: Prescription,
    index: int,
    done: tuple[StrengthSet, ...],
    last: StrengthSet | None,
    *,
    unit: WeightUnit,
    focus: bool = False,
    check: RepsCheck | None = None,
) -> Html:
    """One set's line; ``focus`` marks its button as where the keyboard goes on (the session's next set); ``check``
    the question on this set's reps, when it has one."""
    logged = done[index] if index < len(done) else None
    # The reader's own lift plans each set (a top single after triples): a later line shows its own.
    planned = p.planned[index] if len(done) <= index < len(p.planned) else prescribed_set(ex, p, done)
    asked = check if check is not None and check.exercise == ex.id and check.index == index == len(done) else None
    extra = p.kind == "custom" and 0 < p.sets <= index
    number = f"Set {index + 1}{' (one more, if you like)' if extra else ''}: "
    parts: list[object] = [el("span", {"class": "sl-strength__set-number"}, number)]
    if logged is not None:
        parts.append(el("strong", None, f"done {set_text(logged, unit=unit)}"))
    elif not has_plan(p, done):
        parts.append("type your reps (and load) in the boxes here")
    elif ex.kind == "load" and planned.load_kg is None:
        parts.append(
            f"{count(p.reps, 'rep')} at the load you choose{', typed in its box here' if index == len(done) else ''}"
        )
    else:
        parts.append(f"to do {set_text(planned, unit=unit)}")
    if last is not None:
        parts.append(el("span", {"class": "sl-strength__last"}, f" · last time {set_text(last, unit=unit)}"))
    tail: Html | None = None
    args = {"exercise": ex.id, "set": index}
    if logged is not None:
        tail = set_editor(
            logged,
            what=f"set {index + 1} of {ex.name}",
            save=("edit_set", args),
            remove=("remove_set", args),
            unit=unit,
            load=takes_load(ex),
        )
    elif index == len(done):
        # The set's numbers are typed beside it, shown as prescribed: on a phone the next set is screens below the
        # form, and boxes shared by every exercise logged one lift's load on another. One tap logs what the boxes
        # hold, so a changed number (an RPE) is logged with the set, never dropped; Enter in a box taps it too.
        what = f"set {index + 1} of {ex.name}"
        # Asked about its reps, the boxes keep what was typed (load and RPE too), and the same button, told the reps
        # to keep, logs them when tapped again: nothing typed is lost, and the keyboard stays on it.
        shown = asked.typed if asked else planned if has_plan(p, done) else None
        described = asked.anchor if asked else None
        log_args = {**args, "keep_reps": asked.typed.reps} if asked else args
        tail = el(
            "span",
            {"class": "sl-strength__edit-box sl-strength__next", "data-inputs": True},
            *set_inputs(shown, what, unit=unit, load=takes_load(ex), reps_described=described),
            action_button(
                f"Log set {index + 1}", "log_set", log_args, primary=True, aria_label=f"Log {what}", focus=focus
            ),
            # Beside it, as it takes the same boxes: a ramp-up set takes no work set's place.
            action_button("Log as warm-up", "log_warmup", {"exercise": ex.id}, aria_label=f"Log as warm-up: {ex.name}"),
        )
    question = (
        el("p", {"class": "sl-notice", "id": asked.anchor, "data-reps-check": True}, asked.question) if asked else None
    )
    return el("li", {"data-set": f"{ex.id}:{index}", "data-logged": "true" if logged else None}, *parts, tail, question)


# In-page targets: an open session's exercises, the form's Duration box (the strength log's own calculator
# is the page's first, so its fields' ids start "sl-strength-": calculator_blocks.py), and the button under the
# session that discards it (no field of the form is called "discard").
EXERCISE_ANCHOR = "sl-strength-exercise-"
FINISH_ANCHOR = "#sl-strength-duration"
DISCARD_ANCHOR = "sl-strength-discard"


def jump_links(names: tuple[str, ...]) -> Html:
    """Links to each exercise of an open session, to the finish and to the button that discards it: from the top
    of a long session, a keyboard goes to the third exercise, to Duration or to "Discard this session" in two key
    presses, not fifty Tabs. The link only goes there: the button, and the question it asks, still discard."""
    links = [el("a", {"href": f"#{EXERCISE_ANCHOR}{n}"}, name) for n, name in enumerate(names, start=1)]
    links.append(el("a", {"href": FINISH_ANCHOR}, "Finish"))
    links.append(el("a", {"href": f"#{DISCARD_ANCHOR}"}, "Discard"))
    separated: list[object] = []
    for link in links:
        separated += [" · ", link] if separated else [link]
    return el(
        "nav", {"class": "sl-strength__jump", "aria-label": "This session"}, el("p", None, "Jump to: ", *separated)
    )


def rest_line(draft: Draft, ex: Exercise) -> Html | None:
    """The rest the lifter chose today for ``ex`` with the timer's buttons, which its next sets' timers start from;
    None while it rests as usual."""
    chosen = draft.rests.get(ex.id)
    if chosen is None:
        return None
    return el(
        "p", {"data-rest": ex.id}, f"Rest between sets today: {duration_words(chosen)}, as you set it on the timer."
    )


def draft_view(
    draft: Draft,
    pairs: tuple[tuple[Exercise, Prescription], ...],
    history: tuple[StrengthSession, ...],
    message: str,
    details: Html | None = None,
    *,
    unit: WeightUnit,
    today: date | None,
    just_logged: tuple[Exercise, int] | None = None,
    check: RepsCheck | None = None,
) -> Html:
    """The session in progress: every exercise with its prescription, sets, last time's numbers and buttons.
    ``just_logged`` is the exercise and index of the set an action has just logged: the headline says it first;
    ``check`` a set asked about before it is logged: the headline asks, and the keyboard stays on its button."""
    total = sum(max(p.sets, len(draft.sets.get(ex.id, ()))) for ex, p in pairs if ex.id not in draft.skips)
    title = session_label(draft.kind) if draft.kind == "custom" else SESSION_NAMES[draft.kind]
    when = day_words(draft.date, today=today)
    count_words = f"{draft.logged()} of {count(total, 'set')}"
    summary = f"{title}, {when}: {count_words} logged."
    if draft.kind == "custom" and not pairs:
        summary = f"Custom session, {when}: add your exercises below."
    if just_logged and not message:
        # Read out after every set: what was logged, briefly, not the session's long title 18 times a session.
        ex, index = just_logged
        logged = set_text(draft.sets[ex.id][index], unit=unit, rpe=", RPE ")
        message = f"Set {index + 1} of {ex.name} logged: {logged} ({count_words})."
    blocks = []
    # The set a keyboard user goes on with after logging one: the first not logged yet.
    going_on = next_set(draft, pairs)
    current = check.exercise if check else going_on[0].id if going_on else None
    for number, (ex, p) in enumerate(pairs, start=1):
        if ex.id in draft.skips:
            blocks.append(skipped_section(ex, draft.skips[ex.id], f"{EXERCISE_ANCHOR}{number}"))
            continue
        done = draft.sets.get(ex.id, ())
        previous = previous_entry(history, ex.id, before=draft.date)
        last_sets = previous.sets if previous else ()
        blocks.append(
            el(
                "section",
                {"class": "sl-strength__exercise", "data-exercise": ex.id, "id": f"{EXERCISE_ANCHOR}{number}"},
                el("h3", None, ex.name),
                el("p", None, el("strong", None, f"Today: {describe(p, unit=unit)}."), f" Why: {p.reason}."),
                rest_line(draft, ex),
                # Before any work set: once one is logged, its load is the next set's.
                None if done else first_load_help(ex, p, unit=unit),
                plates_line(ex, effective_load(ex, p, done), unit=unit),
                swap_panel(draft, ex),
                warmup_list(ex, draft.warmups.get(ex.id, ()), unit=unit),
                el(
                    "ol",
                    {"class": "sl-strength__sets"},
                    *(
                        _set_item(
                            ex,
                            p,
                            i,
                            done,
                            last_sets[i] if i < len(last_sets) else None,
                            unit=unit,
                            focus=ex.id == current,
                            check=check,
                        )
                        for i in range(set_rows(p, done))
                    ),
                ),
                action_button("Undo the last set", "undo_set", {"exercise": ex.id}) if done else None,
            )
        )
    return el(
        "div",
        {"class": "sl-result", "data-draft": draft.kind},
        summary_line(summary, message, {"class": "sl-result__headline"}),
        jump_links(tuple(ex.name for ex, _ in pairs)),
        details,
        el(
            "p",
            None,
            "The next set's boxes show it as prescribed: tap “Log set” as it is, or change the reps or load and "
            f"add its RPE (10 = no rep left; 8 = two left), then tap it. {load_help(unit)} "
            "A lighter ramp-up set: type its reps and load there and tap “Log as warm-up”; it is not counted as a set. "
            "A rest timer starts after each set (−30 s and +30 s change it, and that exercise's next sets today "
            "rest as long); “Correct” beside a logged set changes "
            "or removes it. Rack taken or a sore knee: “Swap or skip” under an exercise not started yet. "
            "The sets are kept in this browser as you go.",
        ),
        join(blocks),
        add_panel(draft.items, own_names(history)) if draft.kind == "custom" else None,
        el(
            "p",
            {"class": "sl-strength__finish"},
            "When you are done, ",
            el("a", {"href": FINISH_ANCHOR}, "fill in Duration and Session RPE"),
            " above and tap “Finish and save”.",
        ),
        action_button("Discard this session", "discard", destructive=True, anchor=DISCARD_ANCHOR),
    )

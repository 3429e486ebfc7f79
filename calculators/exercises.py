"""The exercise catalogue: Session A and Session B, each exercise with its progression kind.

The two sessions, the exercises in them, the no-gym options and how each one
progresses are the rules in ``shared/science/TRAINING-RULES.md`` ("The two
sessions", "Progression"). Rep ranges, default sets, increments, heights, hold
times and rest times are Stridelab's house numbers inside the guide's bands
(compound lifts 3–5 sets of 4–6 reps; see FORMULAS.md, "Strength").

>>> get_exercise("romanian_deadlift").kind
'load'
>>> match_exercise("Romanian Deadlift (Barbell)")
('romanian_deadlift', None)
>>> match_exercise("Romanian Deadlift (Dumbbell)") is None
True
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal, TypeAlias

from calculators.errors import InputError

__all__ = [
    "CATALOGUE",
    "PROGRESSION_KINDS",
    "Exercise",
    "ProgressionKind",
    "SessionName",
    "get_exercise",
    "match_exercise",
    "named_implements",
    "plain_name",
    "session_exercises",
]

ProgressionKind: TypeAlias = Literal["load", "reps_then_load", "plyometric", "isometric", "bodyweight_levels"]
SessionName: TypeAlias = Literal["A", "B"]
PROGRESSION_KINDS: tuple[ProgressionKind, ...] = (
    "load",
    "reps_then_load",
    "plyometric",
    "isometric",
    "bodyweight_levels",
)


@dataclass(frozen=True, kw_only=True, slots=True)
class Exercise:
    """One catalogue exercise and the numbers its progression uses.

    Attributes:
        rep_range: lowest and highest reps per set (for plyometrics: ground
            contacts per set, which stay fixed).
        default_reps: reps prescribed for a load-kind lift, and the contacts of
            a plyometric set; other kinds start at the bottom of ``rep_range``.
        increment_kg: the usual weekly step; ``large_increment_kg`` the step
            after an easy session (all sets at RPE ≤ 6).
        bodyweight: the body is the main load; ``load_kg`` in the log is added
            load (a plate, dumbbells, a backpack) and ``None`` means none.
            Otherwise a loaded lift's ``load_kg`` is all that is lifted (see :attr:`barbell`).
        dumbbells: how many dumbbells hold the added load (2 a pair, 1 one, 0 a plate, a backpack or a
            cable): the log takes them together, so a prescribed load moves in whole dumbbell steps
            (:func:`calculators.load_units.load_grid`).
        levels: the ladder of harder variants, easiest first (level 1).
        height_cm: ``(start, step, top)`` box height for jumps.
        hold_s: ``(start, step, top)`` hold time for isometrics, per side.
        no_gym: id of the catalogue exercise to do instead without a gym
            (``None`` when this one needs no gym).
        stand_in: only a no-gym stand-in, not part of the session itself.
        equipment: what it is done with, as Strong and Hevy name it in brackets after an exercise
            ("Hip Thrust (Barbell)"): a name from another app that states other equipment is another exercise.
    """

    id: str
    name: str
    session: SessionName
    kind: ProgressionKind
    rep_range: tuple[int, int]
    default_sets: int
    default_reps: int
    increment_kg: float = 2.5
    large_increment_kg: float = 2.5
    bodyweight: bool = False
    compound: bool = False
    dumbbells: int = 0
    levels: tuple[str, ...] = ()
    height_cm: tuple[float, float, float] | None = None
    hold_s: tuple[int, int, int] | None = None
    needs_gym: bool = False
    no_gym: str | None = None
    rest_s: int = 120
    stand_in: bool = False
    aliases: tuple[str, ...] = ()
    equipment: tuple[str, ...] = ("bodyweight",)

    @property
    def barbell(self) -> bool:
        """A gym lift loaded on a bar (Romanian deadlift, hip thrust, heavy calf raise): its ``load_kg`` is the
        bar's total, the bar included, so 0 kg is a typing error (an empty bar is 20 kg, or 15 kg). The
        reader's own exercises are not: their equipment is not known.

        >>> get_exercise("hip_thrust").barbell, get_exercise("nordic_curl").barbell
        (True, False)
        """
        return self.kind == "load" and not self.bodyweight

    def sets_at(self, dose: float) -> int:
        """The sets this exercise takes in a week whose strength ``dose`` is under 1 (a marathon's peak weeks): its
        sets times the dose, rounded, at least 1 and at least one fewer than in full. The strength log prescribes
        them and the planner's words for the dose count them, so the two say one number.

        At the planner's 0.6 every exercise takes 2 sets, 2 of 4 or 2 of 3: a cut of 50 % or 33 %, inside
        TRAINING-RULES.md's 30–50 % ("one session, or half the sets").

        >>> get_exercise("hip_thrust").sets_at(0.6), get_exercise("nordic_curl").sets_at(0.6)
        (2, 2)
        """
        return max(1, min(self.default_sets - 1, round(self.default_sets * dose)))


_EXERCISES = (
    # Session A — compound, posterior chain (TRAINING-RULES.md).
    Exercise(
        id="romanian_deadlift",
        name="Romanian deadlift",
        session="A",
        kind="load",
        rep_range=(4, 6),
        default_sets=4,
        default_reps=5,
        increment_kg=2.5,
        large_increment_kg=5.0,
        compound=True,
        needs_gym=True,
        no_gym="single_leg_rdl",
        rest_s=180,
        equipment=("barbell",),
        aliases=("romanian deadlift", "rdl"),
    ),
    Exercise(
        id="hip_thrust",
        name="Hip thrust",
        session="A",
        kind="load",
        rep_range=(4, 6),
        default_sets=4,
        default_reps=6,
        increment_kg=2.5,
        large_increment_kg=5.0,
        compound=True,
        needs_gym=True,
        no_gym="single_leg_hip_thrust",
        rest_s=180,
        equipment=("barbell",),
        aliases=("hip thrust", "barbell hip thrust"),
    ),
    Exercise(
        id="bulgarian_split_squat",
        name="Bulgarian split squat",
        session="A",
        kind="reps_then_load",
        rep_range=(6, 10),
        default_sets=3,
        default_reps=6,
        bodyweight=True,
        compound=True,
        dumbbells=2,  # the guide: "dumbbells once you reach" the top of the range
        rest_s=120,
        equipment=("bodyweight", "dumbbell"),
        aliases=("bulgarian split squat", "rear foot elevated split squat"),
    ),
    Exercise(
        id="nordic_curl",
        name="Nordic hamstring curl",
        session="A",
        kind="reps_then_load",
        rep_range=(3, 8),
        default_sets=3,
        default_reps=3,
        bodyweight=True,
        rest_s=120,
        aliases=("nordic hamstring curl", "nordic hamstrings curl", "nordic hamstrings curls", "nordic curl"),
    ),
    Exercise(
        id="calf_raise",
        name="Heavy standing calf raise",
        session="A",
        kind="load",
        rep_range=(6, 8),
        default_sets=4,
        default_reps=6,
        increment_kg=2.5,
        large_increment_kg=5.0,
        needs_gym=True,
        no_gym="single_leg_calf_raise",
        rest_s=120,
        equipment=("barbell",),
        aliases=("standing calf raise", "calf raise"),
    ),
    # Session B — single-leg and plyometric (TRAINING-RULES.md). The plyometrics come first, as the guide
    # says ("Do the plyometrics first, while your legs are freshest"): quick, springy ground contacts are the
    # point of them, and they are quickest before the calf and hip work has tired the same muscles.
    Exercise(
        id="pogo_hops",
        name="Pogo hops",
        session="B",
        kind="plyometric",
        rep_range=(20, 20),
        default_sets=3,
        default_reps=20,
        bodyweight=True,
        rest_s=90,
        levels=(
            "Double-leg pogo in place",
            "Double-leg pogo forward",
            "Single-leg pogo in place",
            "Single-leg pogo forward",
        ),
        aliases=("pogo hops", "pogo jumps", "pogos"),
    ),
    Exercise(
        id="box_jump",
        name="Box jump",
        session="B",
        kind="plyometric",
        rep_range=(5, 5),
        default_sets=4,
        default_reps=5,
        bodyweight=True,
        height_cm=(30.0, 5.0, 75.0),
        rest_s=90,
        aliases=("box jump", "box jumps"),
    ),
    Exercise(
        id="bounding",
        name="Bounding",
        session="B",
        kind="plyometric",
        rep_range=(10, 10),
        default_sets=3,
        default_reps=10,
        bodyweight=True,
        rest_s=90,
        levels=("Skipping for height", "Alternate-leg bounding", "Single-leg hops"),
        aliases=("bounding", "bounds", "alternate leg bounding"),
    ),
    Exercise(
        id="single_leg_squat",
        name="Single-leg squat (pistol progression)",
        session="B",
        kind="bodyweight_levels",
        rep_range=(5, 8),
        default_sets=3,
        default_reps=5,
        bodyweight=True,
        levels=(
            "Single-leg squat to a high box",
            "Single-leg squat to a low box",
            "Assisted pistol squat (hold a post)",
            "Pistol squat",
        ),
        aliases=("single leg box squat", "single leg squat", "pistol squat progression"),
    ),
    Exercise(
        id="single_leg_calf_raise",
        name="Single-leg calf raise on a step",
        session="B",
        kind="reps_then_load",
        rep_range=(8, 12),
        default_sets=3,
        default_reps=8,
        bodyweight=True,
        dumbbells=1,  # the guide: "a dumbbell once you reach" the top of the range
        rest_s=90,
        equipment=("bodyweight", "dumbbell"),
        aliases=("single leg calf raise", "single leg standing calf raise", "single leg calf raise on a step"),
    ),
    Exercise(
        id="copenhagen_plank",
        name="Copenhagen adductor plank",
        session="B",
        kind="isometric",
        rep_range=(1, 1),
        default_sets=3,
        default_reps=1,
        bodyweight=True,
        hold_s=(15, 5, 45),
        levels=("Short lever (knee on the bench)", "Long lever (foot on the bench)"),
        rest_s=60,
        aliases=("copenhagen plank", "copenhagen adductor plank", "copenhagen side plank"),
    ),
    Exercise(
        id="hip_abduction",
        name="Hip abduction (side-lying or cable)",
        session="B",
        kind="reps_then_load",
        rep_range=(10, 15),
        default_sets=3,
        default_reps=10,
        bodyweight=True,
        rest_s=60,
        equipment=("bodyweight", "cable", "band"),
        aliases=("hip abduction", "side lying hip abduction", "cable hip abduction"),
    ),
    # No-gym stand-ins for the barbell lifts ("No gym" in TRAINING-RULES.md).
    Exercise(
        id="single_leg_rdl",
        name="Single-leg Romanian deadlift",
        session="A",
        kind="reps_then_load",
        rep_range=(8, 12),
        default_sets=3,
        default_reps=8,
        bodyweight=True,
        stand_in=True,
        equipment=("bodyweight", "dumbbell"),  # the backpack the guide names, or a dumbbell, is added load
        aliases=("single leg romanian deadlift", "single leg rdl", "single leg deadlift"),
    ),
    Exercise(
        id="single_leg_hip_thrust",
        name="Single-leg hip thrust",
        session="A",
        kind="reps_then_load",
        rep_range=(8, 15),
        default_sets=3,
        default_reps=8,
        bodyweight=True,
        stand_in=True,
        aliases=("single leg hip thrust", "single leg glute bridge"),
    ),
)

#: Every exercise by id, in session order (read-only).
CATALOGUE: Mapping[str, Exercise] = MappingProxyType({exercise.id: exercise for exercise in _EXERCISES})

# Names from Strong and Hevy that name one rung of a ladder, not the exercise in general.
_LEVEL_ALIASES: Mapping[str, tuple[str, int]] = MappingProxyType(
    {
        "pistol squat": ("single_leg_squat", 4),
        "pistol squats": ("single_leg_squat", 4),
        "assisted pistol squat": ("single_leg_squat", 3),
        "assisted pistol squats": ("single_leg_squat", 3),
    }
)


#: The implements Strong and Hevy name in brackets ("Squat (Barbell)", "Standing Calf Raise (Machine)"), as the
#: :attr:`Exercise.equipment` words they are. Another bracket ("Hip abduction (side-lying or cable)", our own name)
#: names no implement and is left out of matching, as before.
_IMPLEMENTS: Mapping[str, str] = MappingProxyType(
    {
        "barbell": "barbell",
        "dumbbell": "dumbbell",
        "dumbbells": "dumbbell",
        "machine": "machine",
        "smith machine": "smith machine",
        "cable": "cable",
        "band": "band",
        "resistance band": "band",
        "bodyweight": "bodyweight",
        "body weight": "bodyweight",
        "kettlebell": "kettlebell",
        "trap bar": "trap bar",
        "ez bar": "ez bar",
        "plate": "plate",
    }
)


def _implements(name: str) -> set[str]:
    """The implements a name states in brackets: “Romanian Deadlift (Dumbbell)” → {"dumbbell"}."""
    found = (
        _IMPLEMENTS.get(" ".join(re.sub(r"[^a-z0-9]+", " ", inside).split()))
        for inside in _BRACKETS.findall(name.lower())
    )
    return {word for word in found if word}


_BRACKETS = re.compile(r"\(([^)]*)\)")


def named_implements(name: str) -> set[str]:
    """The implements a lift's name states: in brackets, as Strong and Hevy put them ("Romanian Deadlift
    (Dumbbell)"), else as its own words ("Dumbbell Bench Press", "Smith Machine Squat": a smith machine, not a
    machine as well).

    >>> named_implements("Goblet Squat (Kettlebell)"), named_implements("Smith Machine Squat")
    ({'kettlebell'}, {'smith machine'})
    """
    bracketed = _implements(name)
    if bracketed:
        return bracketed
    words, found = f" {plain_name(name)} ", set()
    for phrase in sorted(_IMPLEMENTS, key=len, reverse=True):
        if f" {phrase} " in words:
            found.add(_IMPLEMENTS[phrase])
            words = words.replace(f" {phrase} ", " ")
    return found


def plain_name(name: str) -> str:
    """A name as matching reads it: lower case, brackets dropped, punctuation and hyphens as spaces.

    >>> plain_name("Squat (Barbell)"), plain_name("  squat")
    ('squat', 'squat')
    """
    without_brackets = re.sub(r"\([^)]*\)", " ", name.lower())
    return " ".join(re.sub(r"[^a-z0-9]+", " ", without_brackets).split())


_ALIASES: Mapping[str, tuple[str, int | None]] = MappingProxyType(
    {
        **{plain_name(alias): (ex.id, None) for ex in _EXERCISES for alias in (ex.name, *ex.aliases)},
        **_LEVEL_ALIASES,
    }
)


def get_exercise(exercise_id: str) -> Exercise:
    """The catalogue entry for ``exercise_id``.

    Raises:
        InputError: the id is not in the catalogue.
    """
    try:
        return CATALOGUE[exercise_id]
    except (KeyError, TypeError):
        known = ", ".join(CATALOGUE)
        message = f"“{exercise_id}” is not in the exercise catalogue. Known exercises: {known}."
        raise InputError("exercise", message) from None


def session_exercises(session: SessionName, *, gym: bool = True) -> tuple[Exercise, ...]:
    """The exercises of Session A or B, in order; without a gym, each gym lift is swapped for its stand-in."""
    if session not in ("A", "B"):
        raise InputError("session", f"“{session}” is not a session. Choose A or B.")
    chosen = [ex for ex in _EXERCISES if ex.session == session and not ex.stand_in]
    if not gym:
        chosen = [CATALOGUE[ex.no_gym] if ex.needs_gym and ex.no_gym else ex for ex in chosen]
    return tuple(chosen)


def match_exercise(name: str) -> tuple[str, int | None] | None:
    """Our exercise id (and ladder level, when the name pins one) for a name from another app, or ``None``.

    Matching ignores case and punctuation. The equipment in brackets that Strong and Hevy append must be one
    the exercise is done with ("Hip Thrust (Barbell)" is our hip thrust): a dumbbell Romanian deadlift or a
    machine calf raise is another lift, with its own loads, and never gets a barbell lift's prescription.

    >>> match_exercise("Assisted Pistol Squats")
    ('single_leg_squat', 3)
    >>> match_exercise("Bench Press (Barbell)") is None
    True
    >>> match_exercise("Standing Calf Raise (Machine)") is None
    True
    """
    found = _ALIASES.get(plain_name(name))
    if found is None or not _implements(name) <= set(CATALOGUE[found[0]].equipment):
        return None
    return found

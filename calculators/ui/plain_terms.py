"""Training jargon in plain words, for the first place a page says each term.

A beginner meets "VDOT 28.9", "RPE 7", "form" and "load ramp" in results before any guide: each is said once in the
words the guides use for it (the home page's "Daniels' fitness score", the training load guide's "fitness (a slow
42-day average), fatigue (a fast 7-day average) and form (fitness minus fatigue)", the strength log's "10 = no rep
left; 8 = two left"), so every page explains it alike. A term's later uses on the same page go without.
"""

from __future__ import annotations

__all__ = ["FATIGUE", "FITNESS", "FORM", "RAMP", "SET_RPE", "VDOT"]

#: After "VDOT 28.9": what the number is and what it does.
VDOT = "Daniels' fitness score from your race time, which sets your paces"
#: A set's RPE, as the strength log asks for it beside each set.
SET_RPE = "RPE is how hard a set feels, from 1 to 10: 10 = no rep left, 8 = two left"
#: After "fitness 210": the training load guide's words.
FITNESS = "a slow 42-day average of your training load"
#: After "fatigue 35", following :data:`FITNESS`.
FATIGUE = "a fast 7-day one"
#: After "form": what it tells a runner, and what it is.
FORM = "how fresh you are: fitness − fatigue"
#: After "the load ramp".
RAMP = "how fast your training load is rising"

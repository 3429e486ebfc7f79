"""A session load as the pages print it: a whole number and "AU", with what AU means in its ``title``.

AU, arbitrary units, is session effort (RPE, 1–10) × minutes (Foster et al. 2001; the training load
guide's unit). The tool pages say so in words before their first load; the ``<abbr>`` repeats it wherever
a load is printed, for a reader who lands on a number first. An accessible name (``aria-label``, a
button's label) takes plain text, so it writes "AU" without the element.

>>> load_au(1250.4)
'1,250 <abbr title="arbitrary units: session effort (1–10) × minutes">AU</abbr>'
"""

from __future__ import annotations

from calculators.ui.html import Html, el, join

__all__ = ["AU", "AU_MEANING", "load_au"]

AU_MEANING = "arbitrary units: session effort (1–10) × minutes"
#: "AU" as a page prints it, in a column heading or after a number.
AU = el("abbr", {"title": AU_MEANING}, "AU")


def load_au(au: float) -> Html:
    """A session-RPE load (RPE × minutes) in whole units with a thousands separator, then :data:`AU`."""
    return join(f"{au:,.0f} ", AU)

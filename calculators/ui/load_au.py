"""A session load as the pages print it: a whole number and "AU", with what AU means in its ``title``.

AU, arbitrary units, is session effort (RPE, 1–10) × minutes (Foster et al. 2001; the training load
guide's unit). The first "AU" of each result says so in words (:func:`explain_first_au`): a touch screen cannot open
the ``<abbr>``'s ``title``, which repeats it wherever a load is printed. An accessible name (``aria-label``, a
button's label) takes plain text, so it writes "AU" without the element.

>>> load_au(1250.4)
'1,250 <abbr title="arbitrary units: session effort (1–10) × minutes">AU</abbr>'
"""

from __future__ import annotations

from calculators.ui.html import Html, el, join

__all__ = ["AU", "AU_MEANING", "explain_first_au", "load_au"]

AU_MEANING = "arbitrary units: session effort (1–10) × minutes"
#: "AU" as a page prints it, in a column heading or after a number.
AU = el("abbr", {"title": AU_MEANING}, "AU")


def load_au(au: float) -> Html:
    """A session-RPE load (RPE × minutes) in whole units with a thousands separator, then :data:`AU`."""
    return join(f"{au:,.0f} ", AU)


def explain_first_au(html: Html) -> Html:
    """``html`` (a whole result) with its first :data:`AU` followed by what it means, in visible words.

    >>> explain_first_au(join(load_au(250), " and ", load_au(315))).count("(arbitrary units")
    1
    """
    return Html(html.replace(AU, join(AU, f" ({AU_MEANING})"), 1))

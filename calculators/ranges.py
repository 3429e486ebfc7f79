"""A number's accepted range, and the one wording every message on the site gives it.

A form box, a stored log and a CSV import refuse a number out of range in the same words
("RPE: 11 is out of range. Enter a number between 1 and 10."). A check raises :class:`OutOfRange`,
which carries the field, the range and the value, so the CSV import words its own message (row,
column, the cell as written) from the same range instead of reading another message's text.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from calculators.errors import InputError

__all__ = ["NumberRange", "OutOfRange"]

# Past this size a number shows in scientific notation ("1e+20"), which no runner typed: it is called too large.
_SHOWN_MAX = 1e9


def _plain(value: float) -> str:
    """A number as a reader writes it: "82.5", "0.0001", never "1e-04"."""
    return f"{value:.10f}".rstrip("0").rstrip(".") if not value.is_integer() else str(int(value))


@dataclass(frozen=True, kw_only=True, slots=True)
class NumberRange:
    """What a number field accepts: ``low`` to ``high`` (inclusive) in ``unit``, whole numbers only with ``whole``;
    with ``low_open``, more than ``low`` (a barbell's load: 0 is no lift), so ``low`` is never offered as valid.

    ``what`` names the field as the reader knows it ("Reps", "Session RPE") and starts each message; ``entered``,
    when given, says what the box takes in place of "a number" ("the bar's total in kg, the bar included").

    >>> NumberRange(what="Reps", low=1, high=100, whole=True).words()
    'Enter a whole number between 1 and 100.'
    >>> NumberRange(what="Load", low=0, high=1100, unit="lb", low_open=True).words()
    'Enter a number more than 0, up to 1100 lb.'
    """

    what: str
    low: float
    high: float
    unit: str = ""
    whole: bool = False
    low_open: bool = False
    entered: str = ""

    def span(self) -> str:
        """The numbers accepted, with the unit: "between 1 and 10", "more than 0, up to 1100 lb"."""
        unit = f" {self.unit}" if self.unit else ""
        if self.low_open:
            return f"more than {self.low:g}, up to {self.high:g}{unit}"
        return f"between {self.low:g} and {self.high:g}{unit}"

    def words(self) -> str:
        """The range as every message on the site says it."""
        if self.entered:
            return f"Enter {self.entered}: {self.span()}."
        return f"Enter a {'whole ' if self.whole else ''}number {self.span()}."

    def holds(self, value: float) -> bool:
        """Whether ``value`` lies in the range (not whether it is whole)."""
        above = self.low < value if self.low_open else self.low <= value
        return above and value <= self.high

    def check(self, value: object, field: str) -> float:
        """``value`` as a float when it is a finite number in range (whole, if asked); never a bool, never clamped.

        >>> NumberRange(what="RPE", low=0, high=10).check(True, "rpe")
        Traceback (most recent call last):
        calculators.ranges.OutOfRange: rpe: RPE: true is not a number. Enter a number between 0 and 10.

        Raises:
            OutOfRange: on ``field``, naming :attr:`what` and the range.
        """
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise OutOfRange(field, self, value)
        if not math.isfinite(value) or not self.holds(value):
            raise OutOfRange(field, self, value)
        if self.whole and not isinstance(value, int):
            raise OutOfRange(field, self, value)
        return float(value)


def _problem(rule: NumberRange, value: object) -> str:
    """What is wrong with ``value`` under ``rule``, in words, the value as a reader would write it."""
    unit = f" {rule.unit}" if rule.unit else ""
    if value is None:
        return "no number is given"
    if isinstance(value, bool):
        return f"{'true' if value else 'false'} is not a number"  # as a JSON file writes it
    if not isinstance(value, int | float):
        shown = str(value)
        return f"“{shown if len(shown) <= 40 else shown[:37] + '…'}” is not a number"
    if math.isnan(value):
        return "the value is not a number"
    if abs(value) >= _SHOWN_MAX and not rule.holds(value):
        return f"the value is too {'large' if value > rule.high else 'small'}"
    if rule.holds(value):  # in range, so the check refused a fraction
        return f"{value!r}{unit} is not a whole number"
    return f"{_plain(float(value))}{unit} is out of range"


class OutOfRange(InputError):
    """A number refused by a :class:`NumberRange`: ``field``, ``rule`` (the range) and ``value`` (as given).

    Its message is the log's and the form's; the CSV import words its own from ``rule``, with the cell as written.
    """

    def __init__(self, field: str, rule: NumberRange, value: object) -> None:
        super().__init__(field, f"{rule.what}: {_problem(rule, value)}. {rule.words()}")
        self.rule = rule
        self.value = value

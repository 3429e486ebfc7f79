"""The one error type every calculator raises for bad input."""

from __future__ import annotations

__all__ = ["InputError"]


class InputError(ValueError):
    """Input a runner can fix: names the form field and says what is accepted.

    ``field`` is the name of the form field (or a dotted path into stored data,
    e.g. ``sessions.3.sets.1.reps``); ``message`` is a plain-language sentence
    that says what is wrong and what range is accepted.
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message

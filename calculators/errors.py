"""The one error type every calculator raises for bad input, and the signal for a package loaded on demand."""

from __future__ import annotations

__all__ = ["InputError", "MissingPackage"]


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


class MissingPackage(Exception):  # a request more than a failure: the worker loads it and asks again
    """A library the browser loads only when it is needed (the FIT decoder) is not installed yet.

    The registry answers with the error code ``package`` and the package's name;
    the worker installs it from the site's lock and sends the same request again.
    Actions are pure functions of their request, so asking twice is safe.
    """

    def __init__(self, package: str) -> None:
        super().__init__(package)
        self.package = package

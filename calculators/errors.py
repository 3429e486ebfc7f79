"""The one error type every calculator raises for bad input, and the signal for a package loaded on demand."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["InputError", "InputErrors", "MissingPackage"]


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


class InputErrors(InputError):
    """Several fields a runner can fix, reported together: a form that checks every value ("Save profile")
    flags each bad one at once, rather than one per attempt.

    It is the first error as well (``field``, ``message``), so code that handles one still works;
    ``errors`` holds them all, in the form's order. The registry sends each field's message, and the
    glue highlights every field it names.
    """

    def __init__(self, errors: Sequence[InputError]) -> None:
        if not errors:
            raise ValueError("InputErrors needs at least one error")
        super().__init__(errors[0].field, errors[0].message)
        self.errors = tuple(errors)


class MissingPackage(Exception):  # a request more than a failure: the worker loads it and asks again
    """A library the browser loads only when it is needed (the FIT decoder) is not installed yet.

    The registry answers with the error code ``package`` and the package's name;
    the worker installs it from the site's lock and sends the same request again.
    Actions are pure functions of their request, so asking twice is safe.
    """

    def __init__(self, package: str) -> None:
        super().__init__(package)
        self.package = package

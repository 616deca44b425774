"""The one error path: a mistake the user can fix is a :class:`UserError`; anything else is
a bug.

The CLI turns a ``UserError`` into its message and exit code 2, the dashboard into an
inline message; every other exception is an internal error (exit 1, a log line with the
traceback). A ``UserError`` names the file, option or store it is about and says what is
allowed. It subclasses ``ValueError`` so that library callers validating values keep
working, but a bare ``ValueError``, ``KeyError`` or ``RuntimeError`` is never taken for
the user's mistake.
"""

from __future__ import annotations

__all__ = ["UserError", "OptionError", "InputProblem", "LoadError"]


class UserError(ValueError):
    """A mistake in what the user gave (a file, an option, a name): the message says what
    is wrong and what is allowed."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class OptionError(UserError):
    """A command-line option or dashboard setting outside what is allowed."""

    def __init__(self, option: str, message: str):
        self.option = option
        super().__init__(f"{option}: {message}")


class InputProblem(UserError):
    """One problem in the user's input, located in a file."""

    def __init__(self, file: str, line: int | None, field: str, message: str):
        self.file, self.line, self.field, self.message = file, line, field, message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


class LoadError(UserError):
    """A case that cannot be loaded: one or more located problems."""

    def __init__(self, problems: list[InputProblem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

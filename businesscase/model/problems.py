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

import math

from businesscase.text import TEXTS, t
from businesscase.text import formatting as fmt

from .parameters import percent_hint

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
    """One problem in the user's input, located in a file.

    ``message`` is English (the CLI's and the log's); a problem of a known ``kind`` with its
    ``values`` is also worded in the interface's language by :meth:`text`."""

    def __init__(
        self,
        file: str,
        line: int | None,
        field: str,
        message: str,
        kind: str = "",
        values: dict | None = None,
    ):
        self.file, self.line, self.field, self.message = file, line, field, message
        self.kind, self.values = kind, dict(values or {})
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"

    def text(self, lang: str = "nl") -> str:
        """The problem in the language: where (file, line, field) and what is allowed."""
        where = (
            t("problem_at_line", lang, file=self.file, line=self.line) if self.line else self.file
        )
        field = f" {t('problem_field', lang, field=self.field)}:" if self.field else ""
        return f"{where}:{field} {problem_message(self.kind, self.values, self.message, lang)}"


class LoadError(UserError):
    """A case that cannot be loaded: one or more located problems."""

    def __init__(self, problems: list[InputProblem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    def text(self, lang: str = "nl") -> str:
        return "\n".join(p.text(lang) for p in self.problems)


# The kinds of problem a parameter's own check raises (see parameters.Parameter): their
# "allowed" text and the percent hint are worded again in the language.
RANGE_KINDS = ("out_of_range", "not_finite", "not_whole")


def problem_message(kind: str, values: dict, english: str, lang: str) -> str:
    """A problem's message in the language; the English message where the catalogue has no
    wording for the kind."""
    key = f"problem_{kind}"
    if not kind or key not in TEXTS:
        return english
    fields = {k: v for k, v in values.items() if not k.endswith(("_key", "_like"))}
    if kind in RANGE_KINDS:
        v = float(values.get("v", 0.0))
        fields["v"] = fmt.compact(v, lang, 6) if math.isfinite(v) else str(v)
        fields["allowed"] = t(values.get("allowed_key", "allowed_finite"), lang)
        fields["hint"] = percent_hint(v, lang) if values.get("percent_like") else ""
    if kind == "unknown_field":
        listed = fields.pop("fields", "")
        fields["allowed"] = t("problem_allowed_fields", lang, fields=listed) if listed else ""
    if kind == "missing_field":
        listed = fields.pop("choice_list", "")
        fields["choices"] = t("problem_choices", lang, choices=listed) if listed else ""
    try:
        return t(key, lang, **fields)
    except (KeyError, IndexError, ValueError):
        return english

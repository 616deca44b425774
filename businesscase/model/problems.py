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

from businesscase.text import TEXTS, in_language, t
from businesscase.text import formatting as fmt

from .parameters import percent_hint, refusal

__all__ = [
    "Fixed",
    "UserError",
    "OptionError",
    "InputProblem",
    "LoadError",
    "nested",
    "part",
    "refusal",
    "worded",
]


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

    A problem has a ``kind`` and its ``values``: the catalogue entry ``problem_<kind>``
    words it in Dutch and English side by side (:meth:`text`). ``message`` is the English
    (the CLI's and the log's): given, or else worded from that same entry."""

    def __init__(
        self,
        file: str,
        line: int | None,
        field: str,
        message: str = "",
        kind: str = "",
        values: dict | None = None,
        place: Worded | None = None,
    ):
        """``place``: where in the file, worded in the language (a sheet and a cell);
        ``file`` is then its English wording."""
        self.kind, self.values, self.place = kind, dict(values or {}), place
        self.file, self.line, self.field = file, line, field
        self.message = message or worded(kind, self.values)
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"

    def text(self, lang: str = "nl") -> str:
        """The problem in the language: where (file, line, field) and what is allowed."""
        file = self.file if self.place is None else shown(self.place, lang)
        where = t("problem_at_line", lang, file=file, line=self.line) if self.line else file
        field = f" {t('problem_field', lang, field=self.field)}:" if self.field else ""
        message = in_language(
            lang, self.message, lambda lg: problem_message(self.kind, self.values, self.message, lg)
        )
        return f"{where}:{field} {message}"


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


def worded(kind: str, values: dict, lang: str = "en") -> str:
    """A problem of a kind with its values, worded from the catalogue (English unless asked
    otherwise); the kind itself where the catalogue has no wording for it."""
    return problem_message(kind, values, kind, lang)


class Fixed(float):
    """A number shown with a fixed number of decimals in each language's format (a size
    in MB: "5.0" in English, "5,0" in Dutch)."""

    decimals: int

    def __new__(cls, value: float, decimals: int) -> Fixed:
        number = super().__new__(cls, value)
        number.decimals = decimals
        return number


class Worded(dict):
    """A nested problem or a piece of a wording inside a problem's values: worded in the
    language of the problem around it, and in English where it is shown as text."""

    def __str__(self) -> str:
        return shown(self, "en")


def nested(kind: str, values: dict | None = None, english: str = "") -> Worded:
    """A problem inside another problem's values (a theme's case that does not load, an
    include that cannot be read): worded in the same language as the problem around it."""
    return Worded(problem_kind=kind, values=dict(values or {}), english=english)


def part(key: str, **values) -> Worded:
    """A piece of a problem's wording from the catalogue (``(no drivers defined)``), worded
    in the language of the problem around it."""
    return Worded(text_key=key, values=values)


def shown(value, lang: str) -> str:
    """A value in a problem's wording: a nested problem or piece in the language, numbers
    as the language writes them, a list as its items; text as written."""
    if isinstance(value, dict) and "problem_kind" in value:
        return problem_message(
            value["problem_kind"], value["values"], value.get("english", ""), lang
        )
    if isinstance(value, dict) and "text_key" in value:
        return t(value["text_key"], lang, **_fields(value["values"], lang))
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, Fixed):
        return fmt.number(value, value.decimals, lang)
    if isinstance(value, int):
        return fmt.number(value, 0, lang) if abs(value) >= 10_000 else str(value)
    if isinstance(value, float):
        return fmt.compact(value, lang, 6) if math.isfinite(value) else str(value)
    if isinstance(value, (list, tuple)):
        return ", ".join(shown(v, lang) for v in value)
    return str(value)


def _fields(values: dict, lang: str) -> dict[str, str]:
    return {k: shown(v, lang) for k, v in values.items() if not k.endswith(("_key", "_like"))}


def problem_message(kind: str, values: dict, english: str, lang: str) -> str:
    """A problem's message in the language; the English message where the catalogue has no
    wording for the kind."""
    key = f"problem_{kind}"
    if not kind or key not in TEXTS:
        return english
    fields = _fields(values, lang)
    if kind in RANGE_KINDS:
        v = float(values.get("v", 0.0))
        fields["v"] = fmt.compact(v, lang, 6) if math.isfinite(v) else str(v)
        fields["allowed"] = t(values.get("allowed_key", "allowed_finite"), lang)
        fields["hint"] = percent_hint(v, lang) if values.get("percent_like") else ""
    try:
        return t(key, lang, **fields)
    except (KeyError, IndexError, ValueError):
        return english

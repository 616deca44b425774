"""Excel defined names for the workbook's inputs and figures, derived from parameter keys.

The rule: a defined name is the parameter's dotted key, words and dots kept
(``costs.host.amount``, ``drivers.dwellings``, ``net_position.gemeente``), unless Excel
forbids that name. Excel (and LibreOffice reading it) refuses a name that

- starts with a digit or with anything but a letter, ``_`` or ``\\``,
- holds a character other than letters, digits, ``_``, ``.`` and ``\\`` (so no spaces
  or dashes),
- looks like a cell reference, in A1 style (``AB12``, ``xfd1``) or R1C1 style (``R1C1``,
  ``R``, ``C``, ``r2c``),
- is longer than 255 characters.

The escape, applied to each dot-separated word of the key on its own:

1. every character Excel forbids becomes ``_`` (``care-home`` → ``care_home``);
2. a word that starts with a digit, or that looks like an A1 or R1C1 reference, gets a
   leading ``_`` (``ab12`` → ``_ab12``, ``r1c1`` → ``_r1c1``, ``2030`` → ``_2030``);
3. names are compared without regard to case, as Excel does: a name that another
   parameter already has gets ``_2``, ``_3``, … appended.

The ids of a case (``^[a-z][a-z0-9_]*$``) make steps 1 and 3 rare; the sections of a key
(``costs``, ``drivers``, …) are never a cell reference, so the first word never needs it.
"""

from __future__ import annotations

import re

__all__ = ["NameBook", "defined_name"]

MAX_NAME = 255
_FORBIDDEN = re.compile(r"[^A-Za-z0-9_\\]")
_A1 = re.compile(r"^[A-Za-z]{1,3}[0-9]+$")
_R1C1 = re.compile(r"^([Rr][0-9]*)?([Cc][0-9]*)?$")


def _word(word: str) -> str:
    word = _FORBIDDEN.sub("_", word) or "_"
    if word[0].isdigit() or _A1.match(word) or _R1C1.match(word):
        word = "_" + word
    return word


def defined_name(key: str) -> str:
    """The Excel defined name of a parameter key (the rule in this module's docstring),
    before the case-insensitive de-duplication of :class:`NameBook`."""
    return ".".join(_word(w) for w in key.split("."))[:MAX_NAME]


class NameBook:
    """The defined names of one workbook: key → name, distinct without regard to case."""

    def __init__(self) -> None:
        self.names: dict[str, str] = {}
        self._taken: set[str] = set()

    def add(self, key: str) -> str:
        if key in self.names:
            return self.names[key]
        base = defined_name(key)
        name, n = base, 1
        while name.casefold() in self._taken:
            n += 1
            suffix = f"_{n}"
            name = base[: MAX_NAME - len(suffix)] + suffix
        self._taken.add(name.casefold())
        self.names[key] = name
        return name

    def __getitem__(self, key: str) -> str:
        return self.names[key]

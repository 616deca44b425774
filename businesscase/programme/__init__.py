"""A programme of themes: a coalition's partners once, several themes (facilities,
formulas), each with its own willing participants; the split per theme, summed per partner.

>>> from businesscase.programme import load_programme, programme_split
>>> split = programme_split(load_programme("assumptions/programmes/zuidoost_illustrative.yaml"))
>>> split.table, split.pays, split.status
"""

from .load import is_programme_file, load_programme
from .split import LEFT, NO_FLOWS, TAKING_PART, ProgrammeSplit, programme_split
from .themes import theme_case

__all__ = [
    "LEFT",
    "NO_FLOWS",
    "ProgrammeSplit",
    "TAKING_PART",
    "is_programme_file",
    "load_programme",
    "programme_split",
    "theme_case",
]

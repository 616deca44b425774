"""The core's names that the views show: split methods, benefit bases, flow types, the
metrics "Waarom dit getal?" explains and the columns of a split. Views read them here,
through the state, so that no view imports a core package that computes (engine,
allocation, uncertainty, scenarios, io, export). Texts come from the one catalogue
(:mod:`businesscase.text`), which views may read directly."""

from businesscase.allocation import BASES, METHODS, PER_DRAW_METHODS
from businesscase.engine import LINE_FILTERS, PARTNER_FIGURES, WELLBEING_TOTALS
from businesscase.export import ALLOCATION_COLUMNS
from businesscase.io import MAX_FILE_BYTES
from businesscase.model import FLOW_TYPES

# Every headline total the ledger explains; a partner's figures are PARTNER_FIGURES.
WHY_METRICS = tuple(LINE_FILTERS)

__all__ = [
    "ALLOCATION_COLUMNS",
    "BASES",
    "FLOW_TYPES",
    "MAX_FILE_BYTES",
    "METHODS",
    "PER_DRAW_METHODS",
    "PARTNER_FIGURES",
    "WELLBEING_TOTALS",
    "WHY_METRICS",
]

"""The one state object of a dashboard session (:class:`CaseState`): what the user chose
and changed, and the core's answers to it, including the uncertainty analyses, the
scenario store and the comparison, and the exports. Views render it and forward clicks."""

from .case import CaseState, case_files
from .problems import problem_text
from .uncertainty import BREAK_EVEN_TARGETS, BreakEven, MonteCarloRun, Tornado
from .vocabulary import (
    ALLOCATION_COLUMNS,
    BASES,
    FLOW_TYPES,
    MAX_FILE_BYTES,
    METHODS,
    PARTNER_FIGURES,
    PER_DRAW_METHODS,
    WELLBEING_TOTALS,
    WHY_METRICS,
)

__all__ = [
    "ALLOCATION_COLUMNS",
    "BASES",
    "BREAK_EVEN_TARGETS",
    "BreakEven",
    "CaseState",
    "FLOW_TYPES",
    "MAX_FILE_BYTES",
    "METHODS",
    "MonteCarloRun",
    "PARTNER_FIGURES",
    "PER_DRAW_METHODS",
    "Tornado",
    "WELLBEING_TOTALS",
    "WHY_METRICS",
    "case_files",
    "problem_text",
]

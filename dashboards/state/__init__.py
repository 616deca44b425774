"""The one state object of a dashboard session (:class:`CaseState`): what the user chose
and changed, and the core's answers to it, including the uncertainty analyses, the
scenario store and the comparison, and the exports. Views render it and forward clicks."""

from .case import CaseState, case_files
from .problems import problem_text
from .uncertainty import BREAK_EVEN_TARGETS, BreakEven, MonteCarloRun, Tornado
from .vocabulary import (ALLOCATION_COLUMNS, BASES, FLOW_TYPES, MAX_FILE_BYTES, METHODS,
                         WHY_METRICS, irr_text, method_description, method_name)

__all__ = ["ALLOCATION_COLUMNS", "BASES", "BREAK_EVEN_TARGETS", "BreakEven", "CaseState",
           "FLOW_TYPES", "MAX_FILE_BYTES", "METHODS", "MonteCarloRun", "Tornado",
           "WHY_METRICS", "case_files", "irr_text", "method_description", "method_name",
           "problem_text"]

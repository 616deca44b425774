"""The engine: a case becomes one ledger of yearly flows per partner and line item;
every metric, chart and export is read from it."""

from .evaluate import driver_values, evaluate
from .metrics import ratio
from .result import FLOW_TYPES, OUTCOME_CATEGORIES, Result
from .why import LINE_FILTERS, why

__all__ = ["FLOW_TYPES", "LINE_FILTERS", "OUTCOME_CATEGORIES", "Result", "driver_values",
           "evaluate", "ratio", "why"]

"""The engine: a case becomes one ledger of yearly flows per partner and line item;
every metric, chart and export is read from it.

Modules: ``cashflow`` (time profiles, indexation, the SROI chain, discounting), ``lines``
(one line builder per formula: costs, revenues, outcomes, overlap corrections),
``evaluate`` (assembles the ledger), ``result`` (the ledger and its metrics), ``metrics``
and ``why``.

Units in docstrings
-------------------
Every numeric argument states its unit in square brackets after its type and shape, as
pvlib does::

    amount : ndarray (D, 1)  [€ per year, real prices of the price year]
    t : ndarray (T + 1,)  [year index 0..horizon]
    deadweight : float or ndarray (D, 1)  [fraction 0..1]

``D`` is the number of draws (1 without Monte Carlo), ``T`` the horizon in operating
years, ``L`` the number of ledger lines. *Real* euros are at the prices of the case's
``price_year``; *nominal* euros are of the year itself.
"""

from .evaluate import driver_values, evaluate
from .investor import investor_view, investors
from .metrics import ratio
from .result import OUTCOME_CATEGORIES, Result
from .wellbeing import WELLBEING_TOTALS, WellbeingLayer, wellbeing_layer
from .why import LINE_FILTERS, PARTNER_FIGURES, FigureExplanation, why, why_figure

__all__ = [
    "FigureExplanation",
    "PARTNER_FIGURES",
    "LINE_FILTERS",
    "OUTCOME_CATEGORIES",
    "Result",
    "driver_values",
    "evaluate",
    "investor_view",
    "investors",
    "ratio",
    "wellbeing_layer",
    "WELLBEING_TOTALS",
    "WellbeingLayer",
    "why",
    "why_figure",
]

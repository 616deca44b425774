""" "Why this number?": the ledger lines and parameters behind a headline figure."""

from __future__ import annotations

import pandas as pd

from businesscase.model import FINANCIAL_FLOW_TYPES, parameters_behind

from .result import TRANSFER_CATEGORY, Result

LINE_FILTERS = {
    "social_npv": lambda ln: True,
    "pv_benefits": lambda ln: ln.role == "benefit" and ln.category != TRANSFER_CATEGORY,
    "pv_costs": lambda ln: ln.role == "cost" and ln.category != TRANSFER_CATEGORY,
    "sroi_ratio": lambda ln: ln.category != TRANSFER_CATEGORY,
    "investment": lambda ln: ln.category == "investment",
    "payback_year": lambda ln: True,
}


def why(result: Result, metric: str, partner: str | None = None, lang: str = "nl") -> pd.DataFrame:
    """Ledger lines behind a figure, summed over the years, largest first.

    metric: a key of LINE_FILTERS for totals, or "net_position" / "financial_npv" with a
    partner. Columns: item, label, partner, category, flow_type, value (euros, present
    value; financial present value for financial_npv), parameters (keys it depends on).
    """
    if partner is not None:
        value_column = "pv_financial" if metric == "financial_npv" else "pv_social"
        keep = (
            (lambda ln: ln.partner == partner and ln.flow_type in FINANCIAL_FLOW_TYPES)
            if metric == "financial_npv"
            else (lambda ln: ln.partner == partner)
        )
    else:
        if metric not in LINE_FILTERS:
            raise KeyError(f"no breakdown for {metric!r}; choose from {', '.join(LINE_FILTERS)}")
        value_column, keep = "pv_social", LINE_FILTERS[metric]
    values = getattr(result, value_column)[0].sum(axis=-1)
    if metric == "investment":
        values = result.real[0][:, 0]
    rows = [
        {
            "item": ln.item,
            "label": ln.label(lang),
            "partner": ln.partner,
            "category": ln.category,
            "flow_type": ln.flow_type,
            "value": float(v),
            "parameters": ", ".join(parameters_behind(result.case, ln.item)),
        }
        for ln, v in zip(result.lines, values)
        if keep(ln) and abs(v) >= 0.005
    ]
    frame = pd.DataFrame(
        rows, columns=["item", "label", "partner", "category", "flow_type", "value", "parameters"]
    )
    return frame.reindex(frame.value.abs().sort_values(ascending=False).index).reset_index(
        drop=True
    )

""" "Why this number?": the ledger lines, parameters and formula behind every figure.

Every headline total and every partner figure (net position, benefits, costs, their
ratio, financial NPV, IRR, payback, onrendabele top) is explained from the same ledger the
figure is read from: the lines with their values, each line's formula in words, the
parameters with their values, units and sources (the economics included), and for a ratio
its numerator and denominator.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from businesscase.model import (
    FINANCIAL_FLOW_TYPES,
    INDEX_CATEGORIES,
    parameter_labels,
    parameters_behind,
)
from businesscase.text import formatting as fmt
from businesscase.text import t, unit_text

from .formula_words import find_item, item_formula
from .investor import investor_view, own_rate
from .result import TRANSFER_CATEGORY, Line, Result

LINE_FILTERS: dict[str, Callable[[Line], bool]] = {
    "social_npv": lambda ln: True,
    "pv_benefits": lambda ln: ln.role == "benefit" and ln.category != TRANSFER_CATEGORY,
    "pv_costs": lambda ln: ln.role == "cost" and ln.category != TRANSFER_CATEGORY,
    "sroi_ratio": lambda ln: ln.category != TRANSFER_CATEGORY,
    "investment": lambda ln: ln.category == "investment",
    "operating_cost_first_year": lambda ln: ln.category == "operating",
    "payback_year": lambda ln: True,
}
"""The headline totals, and the ledger lines each is a sum of."""

PARTNER_FIGURES = (
    "net_position",
    "pv_benefits",
    "pv_costs",
    "benefit_cost_ratio",
    "financial_npv",
    "irr",
    "financial_payback_year",
    "unprofitable_top",
)
"""The figures of one partner that can be explained."""

FINANCIAL_FIGURES = frozenset(
    {"financial_npv", "irr", "financial_payback_year", "unprofitable_top"}
)
LINE_COLUMNS = ["item", "label", "partner", "category", "flow_type", "value", "parameters"]
PARAMETER_COLUMNS = [
    "key",
    "label",
    "value",
    "unit",
    "year",
    "source",
    "estimate",
    "confidence",
]


@dataclass(frozen=True)
class FigureExplanation:
    """A figure, the formula that gives it (in words, with its numbers), the ledger lines
    it is read from with their formulas, and the parameters behind them.

    ``lines`` has columns item, label, partner, category, flow_type, value [€: present value
    at the social rate; at the partner's own rate, nominal, for a financial figure; real in
    year 0 or 1 for the investment and the first year's operating cost], parameters (keys),
    formula (words). ``parameters`` has key, value, unit, year, source (or the reasoning of
    an estimate), estimate, confidence. ``numerator``/``denominator`` are set for a ratio.
    """

    figure: str
    partner: str | None
    value: float
    text: str
    lines: pd.DataFrame
    parameters: pd.DataFrame
    numerator: float | None = None
    denominator: float | None = None


def why(result: Result, metric: str, partner: str | None = None, lang: str = "nl") -> pd.DataFrame:
    """Ledger lines behind a figure, summed over the years, largest first (the ``lines`` of
    :func:`why_figure`, without the formulas)."""
    keep, values = _selection(result, metric, partner)
    return _lines(result, keep, values, lang, formulas=None)


def why_figure(
    result: Result, figure: str, partner: str | None = None, lang: str = "nl"
) -> FigureExplanation:
    """Explain one figure of ``result`` (first draw): a key of LINE_FILTERS, or with a
    partner one of PARTNER_FIGURES."""
    keep, values = _selection(result, figure, partner)
    financial = partner is not None and figure in FINANCIAL_FIGURES
    rate = own_rate(result, partner) if financial and partner else _social_rate(result)
    formulas = {
        ln.item: item_formula(result.case, ln.item, rate, lang) for ln in result.lines if keep(ln)
    }
    lines = _lines(result, keep, values, lang, formulas)
    value, text, num, den = _formula(result, figure, partner, lines, rate, lang)
    return FigureExplanation(
        figure=figure,
        partner=partner,
        value=value,
        text=text,
        lines=lines,
        parameters=_parameters(result, lines, financial, partner, lang),
        numerator=num,
        denominator=den,
    )


def _social_rate(result: Result) -> float:
    return float(result.case.economics.social_discount_rate.value)


def _selection(result: Result, figure: str, partner: str | None):
    """(which lines, the value of each line) for a figure."""
    if partner is not None:
        if partner not in result.partners:
            raise KeyError(
                f"unknown partner {partner!r}; partners are {', '.join(result.partners)}"
            )
        if figure not in PARTNER_FIGURES:
            raise KeyError(
                f"no breakdown for {figure!r} of a partner; choose from "
                f"{', '.join(PARTNER_FIGURES)}"
            )
        if figure in FINANCIAL_FIGURES:
            values = (result.nominal if figure == "irr" else result.pv_financial)[0].sum(-1)
            return (
                lambda ln: ln.partner == partner and ln.flow_type in FINANCIAL_FLOW_TYPES
            ), values
        side = {"pv_benefits": "benefit", "pv_costs": "cost"}.get(figure)
        return (
            lambda ln: ln.partner == partner and (side is None or ln.role == side)
        ), result.line_pv[0]
    if figure not in LINE_FILTERS:
        raise KeyError(f"no breakdown for {figure!r}; choose from {', '.join(LINE_FILTERS)}")
    values = result.line_pv[0]
    if figure == "investment":
        values = result.real[0][:, 0]
    elif figure == "operating_cost_first_year":
        values = result.real[0][:, min(1, result.real.shape[-1] - 1)]
    return LINE_FILTERS[figure], values


def _lines(result, keep, values, lang, formulas: dict[str, str] | None) -> pd.DataFrame:
    rows = [
        {
            "item": ln.item,
            "label": ln.label(lang),
            "partner": ln.partner,
            "category": ln.category,
            "flow_type": ln.flow_type,
            "value": float(v),
            "parameters": ", ".join(parameters_behind(result.case, ln.item)),
            **({"formula": formulas.get(ln.item, "")} if formulas is not None else {}),
        }
        for ln, v in zip(result.lines, values)
        if keep(ln) and abs(v) >= 0.005
    ]
    columns = LINE_COLUMNS + (["formula"] if formulas is not None else [])
    frame = pd.DataFrame(rows, columns=columns)
    order = frame.value.abs().sort_values(ascending=False, kind="stable").index
    return frame.reindex(order).reset_index(drop=True)


def _parameters(
    result: Result, lines: pd.DataFrame, financial: bool, partner, lang: str
) -> pd.DataFrame:
    """The parameters behind the lines, then the economics the figure is discounted and
    indexed with."""
    case = result.case
    keys: list[str] = []
    for text in lines.parameters:
        keys += [k for k in text.split(", ") if k and k not in keys]
    if financial:
        own = f"partners.{partner}.financial_discount_rate"
        has_own = partner in case.partner_ids and case.partner(partner).financial_discount_rate
        keys += [own if has_own else "economics.financial_discount_rate", "economics.inflation"]
    else:
        keys.append("economics.social_discount_rate")
    used = {getattr(find_item(case, item), "indexation", "") for item in lines.item}
    keys += [f"economics.real_indexation.{c}" for c in INDEX_CATEGORIES if c in used]
    params = dict(case.parameters())
    names = parameter_labels(case, lang)
    rows = []
    for key in dict.fromkeys(keys):
        p = params.get(key)
        if p is None:
            continue
        rows.append(
            {
                "key": key,
                "label": names[key],
                "value": float(p.value),
                "unit": unit_text(p.unit, lang),
                "year": p.year,
                "source": (p.reasoning if p.estimate else p.source) or "",
                "estimate": p.estimate,
                "confidence": p.confidence.value,
            }
        )
    return pd.DataFrame(rows, columns=PARAMETER_COLUMNS)


def _formula(result, figure, partner, lines, rate, lang):
    """(value, the formula in words with its numbers, numerator, denominator)."""
    r = fmt.percent(rate, 2, lang)
    money = lambda v: fmt.euro(v, 0, lang)  # noqa: E731
    benefits = float(lines.value[lines.value > 0].sum()) if len(lines) else 0.0
    costs = float(-lines.value[lines.value < 0].sum()) if len(lines) else 0.0
    num = den = None
    if partner is None:
        totals = result.total_arrays
        value = float(totals[figure][0])
        fields = {"rate": r, "price_year": result.case.meta.price_year, "n": len(lines)}
        if figure == "sroi_ratio":
            num, den = float(totals["pv_benefits"][0]), float(totals["pv_costs"][0])
            fields |= {"numerator": money(num), "denominator": money(den)}
        elif figure == "social_npv":
            fields |= {
                "benefits": money(float(totals["pv_benefits"][0])),
                "costs": money(float(totals["pv_costs"][0])),
            }
        fields["value"] = fmt.format_metric(figure, value, lang)
        return value, t(f"why_formula_{figure}", lang, **fields), num, den
    who = result.partner_label(partner, lang)
    j = result.partners.index(partner)
    fields = {"partner": who, "rate": r, "n": len(lines)}
    if figure == "unprofitable_top":
        view = investor_view(result, partner)
        value = view.unprofitable_top
        fields |= {"investment": money(view.investment), "operating": money(view.operating_pv)}
    elif figure == "irr":
        value = float(result.partner_irr[0, j])
        note = str(result.partner_irr_note[0, j])
        fields["value"] = fmt.irr_text(value, note, lang)
        return value, t("why_formula_irr", lang, **fields), None, None
    else:
        value = float(result.partner_arrays[figure][0, j])
    if figure == "benefit_cost_ratio":
        num = float(result.partner_arrays["pv_benefits"][0, j])
        den = float(result.partner_arrays["pv_costs"][0, j])
        fields |= {"numerator": money(num), "denominator": money(den)}
    fields |= {"benefits": money(benefits), "costs": money(costs)}
    fields["inflation"] = fmt.percent(float(result.case.economics.inflation.value), 1, lang)
    fields["value"] = fmt.format_metric(
        "payback_year" if figure == "financial_payback_year" else figure, value, lang
    )
    return value, t(f"why_formula_partner_{figure}", lang, **fields), num, den

"""Evaluate a case into one ledger of line items × years, vectorised over draws.

``evaluate(case)`` builds, for every line item (a cost, its replacements and residual
value, a revenue on both sides, an outcome and its overlap correction), the nominal
flow per year; real and present values follow from it. These arrays *are* the ledger:
:attr:`Result.ledger` is their tidy view, and every metric in :mod:`businesscase.result`
is a sum over them, so partners always add up to the totals.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from businesscase.model import EXTERNAL, INDEX_CATEGORIES, Case, derived_order

from . import cashflow as cf
from .lines import (
    Flow,
    ItemInputs,
    Timeline,
    carried_by_partners,
    cost_lines,
    outcome_lines,
    overlap_corrections,
    revenue_lines,
)
from .result import Result

__all__ = ["evaluate"]


def evaluate(case: Case, draws: Mapping[str, np.ndarray] | None = None) -> Result:
    """Evaluate a case; optionally many draws at once.

    Parameters
    ----------
    case : Case
    draws : mapping of parameter key (see ``Case.parameters()``) to a 1-D array of
        values, one per draw; all arrays have the same length D. A parameter whose
        ``value`` is itself a 1-D array is treated the same way.

    Returns
    -------
    Result with arrays of shape (D, lines, T + 1); D = 1 without draws.
    """
    values, n_draws = _parameter_values(case, draws)
    time = timeline(case, values, n_draws)
    flows = ledger_flows(case, values, time)
    lines = [line for line, _ in flows]
    real = (
        np.stack([r for _, r in flows], axis=1)
        if flows
        else np.zeros((n_draws, 0, time.horizon + 1))
    )
    nominal = real * deflator(case, values, time)[:, None, :]
    social_df = cf.discount_factor(
        values["economics.social_discount_rate"], time.t, case.economics.discounting
    )
    return Result(
        case=case,
        lines=lines,
        t=time.t,
        nominal=nominal,
        real=real,
        pv_social=real * social_df[:, None, :],
        pv_financial=nominal * financial_discount_factors(case, values, lines, time),
        social_discount_factor=social_df,
    )


def timeline(case: Case, values: Mapping[str, np.ndarray], n_draws: int) -> Timeline:
    """The year index 0..T and each category's real price index over it.

    Flows are built in real terms (price-year euros); nominal = real × deflator, so
    inflation moves only nominal (financial) figures.
    """
    T = case.meta.horizon
    t = np.arange(T + 1, dtype=float)
    since_price = _years_since_price_year(case, t)
    index = {
        cat: np.broadcast_to(
            cf.index_factor(values[f"economics.real_indexation.{cat}"], since_price),
            (n_draws, T + 1),
        )
        for cat in INDEX_CATEGORIES
    }
    return Timeline(t=t, horizon=T, n_draws=n_draws, index=index)


def deflator(case: Case, values: Mapping[str, np.ndarray], time: Timeline) -> np.ndarray:
    """(1 + inflation)^(year − price year), ndarray (D, T + 1)  [factor, real → nominal]."""
    return np.broadcast_to(
        cf.index_factor(values["economics.inflation"], _years_since_price_year(case, time.t)),
        (time.n_draws, time.horizon + 1),
    )


def _years_since_price_year(case: Case, t: np.ndarray) -> np.ndarray:
    """Calendar year of each t minus the price year, ndarray (T + 1,)  [years]."""
    return case.meta.start_year + t - case.meta.price_year


def ledger_flows(case: Case, values: Mapping[str, np.ndarray], time: Timeline) -> list[Flow]:
    """Every line of the ledger with its real flow: costs, revenues, outcomes, then the
    overlap corrections of each group (in the order its first member appears), each line
    booked to a role carried by the role's partners."""

    def inputs(prefix: str) -> ItemInputs:
        return ItemInputs(values, prefix, time.n_draws)

    flows: list[Flow] = []
    for cost in case.costs:
        flows += cost_lines(cost, inputs(f"costs.{cost.id}"), time)
    for revenue in case.revenues:
        flows += revenue_lines(revenue, inputs(f"revenues.{revenue.id}"), time)
    groups: dict[str, list[list[Flow]]] = {}
    for outcome in case.outcomes:
        gross = outcome_lines(outcome, inputs(f"outcomes.{outcome.id}"), time)
        flows += gross
        if outcome.overlap_group:
            groups.setdefault(outcome.overlap_group, []).append(gross)
    for name, members in groups.items():
        flows += overlap_corrections(members, values[f"overlap_groups.{name}.alpha"], time)
    return carried_by_partners(flows, case.carriers())


def financial_discount_factors(
    case: Case, values: Mapping[str, np.ndarray], lines: list, time: Timeline
) -> np.ndarray:
    """Each line discounted at its partner's financial rate (the case's default rate for
    partners without one, and for ``external``), ndarray (D, L, T + 1)  [factor]."""
    default = values["economics.financial_discount_rate"]
    rates = {
        p.id: (
            values[f"partners.{p.id}.financial_discount_rate"]
            if p.financial_discount_rate is not None
            else default
        )
        for p in case.partners
    }
    rates[EXTERNAL] = default
    line_rates = (
        np.stack([rates[ln.partner] for ln in lines], axis=1)
        if lines
        else np.zeros((time.n_draws, 0, 1))
    )
    return (1.0 + line_rates) ** -cf.discount_exponent(time.t, case.economics.discounting)


def driver_values(case: Case) -> dict[str, float]:
    """Every driver's value, derived drivers computed (single evaluation)."""
    values, _ = _parameter_values(case, None)
    return {
        k.split(".", 1)[1]: float(v[0, 0]) for k, v in values.items() if k.startswith("drivers.")
    }


def _parameter_values(case: Case, draws: Mapping[str, np.ndarray] | None):
    """Every parameter as an array (D, 1), with draws substituted."""
    raw = {key: np.asarray(p.value, dtype=float) for key, p in case.parameters()}
    for key, arr in (draws or {}).items():
        if key not in raw:
            close = [k for k in raw if k.split(".")[-1] == key.split(".")[-1]][:5]
            hint = f"; similar keys: {', '.join(close)}" if close else ""
            raise KeyError(f"draws: no parameter {key!r} in this case{hint}")
        raw[key] = np.asarray(arr, dtype=float)
    sizes = {a.size for a in raw.values() if a.ndim > 0 and a.size != 1}
    if len(sizes) > 1:
        raise ValueError(f"draw arrays differ in length: {sorted(sizes)}; use one length D")
    n_draws = sizes.pop() if sizes else 1
    out = {}
    for key, a in raw.items():
        if a.ndim > 1:
            raise ValueError(f"{key}: draws must be a 1-D array, got shape {a.shape}")
        out[key] = (
            np.broadcast_to(a.reshape(-1, 1), (n_draws, 1))
            if a.size > 1
            else np.full((n_draws, 1), float(a.reshape(-1)[0]))
        )
    for name in derived_order(case):
        d = case.derived_drivers[name]
        value = np.ones((n_draws, 1))
        for m in d.product:
            value = value * out[f"drivers.{m}"]
        for m in d.divide_by:
            value = value / out[f"drivers.{m}"]
        out[f"drivers.{name}"] = value
    return out, n_draws

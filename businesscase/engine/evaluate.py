"""Evaluate a case into one ledger of line items × years, vectorised over draws.

``evaluate(case)`` builds, for every line item (a cost, its replacements and residual
value, a revenue on both sides, an outcome and its overlap correction), the nominal
flow per year; real and present values follow from it. These arrays *are* the ledger:
:attr:`Result.ledger` is their tidy view, and every metric in :mod:`businesscase.result`
is a sum over them, so partners always add up to the totals.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Mapping

import numpy as np

from . import cashflow as cf
from .result import Line, Result
from businesscase.model import (EXTERNAL, Case, CostKind, Direction, Effect, Residual,
                                RevenueTiming, derived_order)

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
    T = case.meta.horizon
    t = np.arange(T + 1, dtype=float)
    since_price = case.meta.start_year + t - case.meta.price_year
    econ = case.economics

    def v(key: str) -> np.ndarray:
        return values[key]

    # Flows are built in real terms (price_year euros); nominal = real × deflator, so
    # inflation moves only nominal (financial) figures.
    index = {cat: np.broadcast_to(cf.index_factor(v(f"economics.real_indexation.{cat}"), since_price),
                                  (n_draws, T + 1))
             for cat in ("wages", "prices", "rents", "care_tariffs")}
    deflator = np.broadcast_to(cf.index_factor(v("economics.inflation"), since_price), (n_draws, T + 1))

    def quantity(names: list[str]) -> np.ndarray:
        q = np.ones((n_draws, 1))
        for name in names:
            q = q * v(f"drivers.{name}")
        return q

    lines: list[Line] = []
    flows: list[np.ndarray] = []

    def add(line: Line, real: np.ndarray, always: bool = True):
        real = np.broadcast_to(real, (n_draws, T + 1))
        if always or np.any(real != 0):
            lines.append(line)
            flows.append(real)

    for c in case.costs:
        key = f"costs.{c.id}"
        amount = v(f"drivers.{c.amount_driver}") if c.amount_driver else v(f"{key}.amount")
        base = amount * quantity(c.quantity)
        idx = index[c.indexation]
        common = dict(item=c.id, partner=c.payer, role="cost", flow_type=c.flow_type.value,
                      label=c.label)
        if c.kind is CostKind.investment:
            life = v(f"{key}.lifetime")
            add(Line(category="investment", **common), -base * cf.one_off_profile(t) * idx)
            add(Line(category="replacement", **common),
                -base * cf.replacement_profile(t, life, T) * idx, always=False)
            if c.residual is Residual.linear:
                share = cf.residual_share(life, T)
                add(Line(category="residual_value", **common),
                    base * share * (t == T) * idx, always=False)
        else:
            add(Line(category="operating", **common), -base * cf.operating_profile(t) * idx)

    for r in case.revenues:
        base = v(f"revenues.{r.id}.amount") * quantity(r.quantity)
        profile = cf.one_off_profile(t) if r.timing is RevenueTiming.one_off else cf.operating_profile(t)
        real = base * profile * index[r.indexation]
        add(Line(item=r.id, partner=r.to, role="benefit", category="revenue",
                 flow_type="cash", label=r.label), real)
        add(Line(item=r.id, partner=r.from_, role="cost", category="revenue",
                 flow_type="cash", label=r.label), -real)

    # group -> [(line indices of one member outcome, which of them are savings)]
    groups: dict[str, list[list[int]]] = defaultdict(list)
    for o in case.outcomes:
        key = f"outcomes.{o.id}"
        chain = (quantity(o.quantity)
                 * cf.impact_factor(v(f"{key}.deadweight"), v(f"{key}.attribution"),
                                    v(f"{key}.displacement"))
                 * cf.outcome_profile(t, v(f"{key}.first_year"), v(f"{key}.duration"),
                                      v(f"{key}.drop_off"), v(f"{key}.ramp_up_years"),
                                      recurring=o.effect is Effect.recurring))
        member = []
        for prefix, comp in o.gross_lines():
            proxy = v(f"drivers.{comp.proxy_driver}") if comp.proxy_driver else v(f"{prefix}.proxy")
            sign = -1.0 if comp.direction is Direction.cost else 1.0
            member.append(len(lines))
            add(Line(item=o.id, partner=comp.pocket,
                     role="cost" if comp.direction is Direction.cost else "benefit",
                     category="outcome", flow_type=comp.flow_type,
                     label=comp.label or o.label, component=comp.id),
                sign * chain * proxy * index[comp.indexation])
        if o.overlap_group:
            groups[o.overlap_group].append(member)

    for name, members in groups.items():
        alpha = v(f"overlap_groups.{name}.alpha")[:, :, None]
        # A member's size is its gross saving; its cost components scale with it, since
        # the overlap is in the effect (the same months, hours or contacts).
        size = np.stack([sum((flows[i] for i in m if lines[i].role == "benefit"),
                             np.zeros((n_draws, T + 1))) for m in members], axis=1)
        scale = cf.overlap_scale(size, alpha)
        for j, m in enumerate(members):
            for i in m:
                add(lines[i].with_category("overlap_correction"),
                    -flows[i] * (1.0 - scale[:, j]), always=False)

    real = np.stack(flows, axis=1) if flows else np.zeros((n_draws, 0, T + 1))
    nominal = real * deflator[:, None, :]
    social_df = cf.discount_factor(v("economics.social_discount_rate"), t, econ.discounting)
    rates = {p.id: (v(f"partners.{p.id}.financial_discount_rate")
                    if p.financial_discount_rate is not None
                    else v("economics.financial_discount_rate"))
             for p in case.partners}
    rates[EXTERNAL] = v("economics.financial_discount_rate")
    line_rates = (np.stack([rates[ln.partner] for ln in lines], axis=1)
                  if lines else np.zeros((n_draws, 0, 1)))
    financial_df = (1.0 + line_rates) ** -cf.discount_exponent(t, econ.discounting)

    return Result(
        case=case,
        lines=lines,
        t=t,
        nominal=nominal,
        real=real,
        pv_social=real * social_df[:, None, :],
        pv_financial=nominal * financial_df,
        social_discount_factor=social_df,
    )


def driver_values(case: Case) -> dict[str, float]:
    """Every driver's value, derived drivers computed (single evaluation)."""
    values, _ = _parameter_values(case, None)
    return {k.split(".", 1)[1]: float(v[0, 0]) for k, v in values.items() if k.startswith("drivers.")}


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
        out[key] = np.broadcast_to(a.reshape(-1, 1), (n_draws, 1)) if a.size > 1 \
            else np.full((n_draws, 1), float(a.reshape(-1)[0]))
    for name in derived_order(case):
        d = case.derived_drivers[name]
        value = np.ones((n_draws, 1))
        for m in d.product:
            value = value * out[f"drivers.{m}"]
        for m in d.divide_by:
            value = value / out[f"drivers.{m}"]
        out[f"drivers.{name}"] = value
    return out, n_draws

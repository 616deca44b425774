"""Line builders: each item of a case becomes its ledger lines, one formula at a time.

Every builder returns :data:`Flow` pairs, a ledger :class:`~.result.Line` with its real
flow per year (price-year euros; nominal figures follow in :func:`~.evaluate.evaluate`),
in the order the ledger lists them. Units follow the engine's bracket convention (see
:mod:`businesscase.engine`); ``D`` is the number of draws, ``T`` the horizon.

Read top to bottom: costs (investment, replacement, residual value, operating), revenues
(a transfer booked on both sides), outcomes (the SROI chain per gross line) and the overlap
corrections that count an overlap group once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

import numpy as np

from businesscase.model import (
    CostItem,
    CostKind,
    Direction,
    Effect,
    FlowType,
    Outcome,
    Residual,
    RevenueItem,
    RevenueTiming,
)

from . import cashflow as cf
from .result import Line

Flow = tuple[Line, np.ndarray]
"""A ledger line and its real flow, ndarray (D, T + 1)  [€ per year, real prices of the
price year]."""


@dataclass(frozen=True)
class Timeline:
    """The years of a case and the real price index of each cost category over them."""

    t: np.ndarray  # (T + 1,)  [year index 0..horizon]
    horizon: int  # [years of operation, T]
    n_draws: int  # [draws, D]
    index: Mapping[
        str, np.ndarray
    ]  # category → (D, T + 1)  [factor, real change since the price year]

    def per_year(self, real: np.ndarray) -> np.ndarray:
        """A flow broadcast to one row per draw: (D, T + 1)."""
        return np.broadcast_to(real, (self.n_draws, self.horizon + 1))


@dataclass(frozen=True)
class ItemInputs:
    """The parameter values one item reads, each an ndarray (D, 1) in its own unit.

    ``own(field)`` is the item's own parameter (``costs.<id>.amount``), ``driver(name)`` a
    driver's value, ``at(key)`` any parameter by its full key.
    """

    values: Mapping[str, np.ndarray]
    prefix: str
    n_draws: int

    def at(self, key: str) -> np.ndarray:
        return self.values[key]

    def own(self, field: str) -> np.ndarray:
        return self.values[f"{self.prefix}.{field}"]

    def driver(self, name: str) -> np.ndarray:
        return self.values[f"drivers.{name}"]

    def quantity(self, names: list[str]) -> np.ndarray:
        """The product of the named drivers, ndarray (D, 1)  [units]; 1 for none."""
        q = np.ones((self.n_draws, 1))
        for name in names:
            q = q * self.driver(name)
        return q


def kept(flows: list[Flow]) -> list[Flow]:
    """The flows that are not zero in every draw and year: a renewal, residual value or
    overlap correction that does not occur gets no line."""
    return [(line, real) for line, real in flows if np.any(real != 0)]


# -- costs -----------------------------------------------------------------------------------
def investment_lines(
    line: Line,
    base: np.ndarray,
    lifetime: np.ndarray,
    index: np.ndarray,
    time: Timeline,
    residual: Residual,
) -> list[Flow]:
    """An investment at t = 0, its renewals within the horizon and the value left at the end.

    Parameters
    ----------
    line : Line  [the cost's line; its category is set here]
    base : ndarray (D, 1)  [€, real prices of the price year: amount × quantity]
    lifetime : ndarray (D, 1)  [years]
    index : ndarray (D, T + 1)  [factor, real change of the cost's category]
    time : Timeline
    residual : Residual  [linear: the straight-line value of the unused lifetime is booked
        back at t = T]
    """
    t, T = time.t, time.horizon
    flows = [
        (line.with_category("investment"), time.per_year(-base * cf.one_off_profile(t) * index))
    ]
    flows += kept(
        [
            (
                line.with_category("replacement"),
                time.per_year(-base * cf.replacement_profile(t, lifetime, T) * index),
            )
        ]
    )
    if residual is Residual.linear:
        share = cf.residual_share(lifetime, T)
        flows += kept(
            [(line.with_category("residual_value"), time.per_year(base * share * (t == T) * index))]
        )
    return flows


def operating_line(line: Line, base: np.ndarray, index: np.ndarray, time: Timeline) -> list[Flow]:
    """A yearly cost in every operating year t = 1..T.

    Parameters
    ----------
    base : ndarray (D, 1)  [€ per year, real prices of the price year: amount × quantity]
    index : ndarray (D, T + 1)  [factor, real change of the cost's category]
    """
    return [
        (
            line.with_category("operating"),
            time.per_year(-base * cf.operating_profile(time.t) * index),
        )
    ]


def cost_lines(cost: CostItem, inputs: ItemInputs, time: Timeline) -> list[Flow]:
    """The lines of one cost item, paid by its payer: investment (with replacements and
    residual value) or operating cost."""
    amount = inputs.driver(cost.amount_driver) if cost.amount_driver else inputs.own("amount")
    base = amount * inputs.quantity(cost.quantity)
    index = time.index[cost.indexation]
    line = Line(
        item=cost.id,
        partner=cost.payer,
        role="cost",
        category="",
        flow_type=cost.flow_type.value,
        label=cost.label,
    )
    if cost.kind is CostKind.investment:
        return investment_lines(line, base, inputs.own("lifetime"), index, time, cost.residual)
    return operating_line(line, base, index, time)


# -- revenues --------------------------------------------------------------------------------
def revenue_lines(revenue: RevenueItem, inputs: ItemInputs, time: Timeline) -> list[Flow]:
    """A payment from one pocket to another, booked on both sides (it cancels in every
    societal figure): received by ``to``, paid by ``from`` (``external`` for money from
    outside the partnership). One-off at t = 0 or yearly in t = 1..T.

    The amount is read as  [€ (per year if yearly), real prices of the price year]  per
    unit of quantity.
    """
    base = inputs.own("amount") * inputs.quantity(revenue.quantity)
    profile = (
        cf.one_off_profile(time.t)
        if revenue.timing is RevenueTiming.one_off
        else cf.operating_profile(time.t)
    )
    real = time.per_year(base * profile * time.index[revenue.indexation])
    received = Line(
        item=revenue.id,
        partner=revenue.to,
        role="benefit",
        category="revenue",
        flow_type=FlowType.cash.value,
        label=revenue.label,
    )
    paid = replace(received, partner=revenue.from_, role="cost")
    return [(received, real), (paid, time.per_year(-real))]


# -- outcomes --------------------------------------------------------------------------------
def outcome_chain(
    quantity: np.ndarray,
    deadweight: np.ndarray,
    attribution: np.ndarray,
    displacement: np.ndarray,
    profile: np.ndarray,
) -> np.ndarray:
    """The SROI chain shared by every gross line of an outcome, per unit of proxy.

    quantity × (1 − deadweight) × (1 − attribution) × (1 − displacement) × profile(t).

    Parameters
    ----------
    quantity : ndarray (D, 1)  [units reached: the product of the outcome's drivers]
    deadweight, attribution, displacement : ndarray (D, 1)  [fraction 0..1]
    profile : ndarray (D, T + 1)  [share 0..1 of the full yearly effect in year t]
    """
    return quantity * cf.impact_factor(deadweight, attribution, displacement) * profile


def outcome_lines(outcome: Outcome, inputs: ItemInputs, time: Timeline) -> list[Flow]:
    """One line per gross component of an outcome, in the pocket that gains or pays it:
    chain × proxy × index, negative for a component that is a cost to its pocket.

    The proxy is read as  [€ per unit of quantity per year, real prices of the price year].
    """
    profile = cf.outcome_profile(
        time.t,
        inputs.own("first_year"),
        inputs.own("duration"),
        inputs.own("drop_off"),
        inputs.own("ramp_up_years"),
        recurring=outcome.effect is Effect.recurring,
    )
    chain = outcome_chain(
        inputs.quantity(outcome.quantity),
        inputs.own("deadweight"),
        inputs.own("attribution"),
        inputs.own("displacement"),
        profile,
    )
    flows = []
    for prefix, comp in outcome.gross_lines():
        proxy = (
            inputs.driver(comp.proxy_driver) if comp.proxy_driver else inputs.at(f"{prefix}.proxy")
        )
        is_cost = comp.direction is Direction.cost
        sign = -1.0 if is_cost else 1.0
        line = Line(
            item=outcome.id,
            partner=comp.pocket,
            role="cost" if is_cost else "benefit",
            category="outcome",
            flow_type=FlowType(comp.flow_type).value,
            label=comp.label or outcome.label,
            component=comp.id,
        )
        flows.append((line, time.per_year(sign * chain * proxy * time.index[comp.indexation])))
    return flows


# -- overlap corrections ---------------------------------------------------------------------
def overlap_corrections(members: list[list[Flow]], alpha: np.ndarray, time: Timeline) -> list[Flow]:
    """Corrections so that an overlap group counts once: largest member + alpha × the others.

    A member's size is its gross saving (its benefit lines); its cost components scale with
    it, since the overlap is in the effect (the same months, hours or contacts). Each line
    is corrected by −flow × (1 − scale).

    Parameters
    ----------
    members : list of each member outcome's gross lines, in the case's order
    alpha : ndarray (D, 1)  [fraction 0..1 of the non-dominant members counted]
    """
    zero = np.zeros((time.n_draws, time.horizon + 1))
    size = np.stack(
        [sum((real for line, real in m if line.role == "benefit"), zero) for m in members], axis=1
    )
    scale = cf.overlap_scale(size, alpha[:, :, None])
    return kept(
        [
            (line.with_category("overlap_correction"), time.per_year(-real * (1.0 - scale[:, j])))
            for j, m in enumerate(members)
            for line, real in m
        ]
    )


# -- roles ----------------------------------------------------------------------------------
def carried_by_partners(
    flows: list[Flow], carriers: Mapping[str, list[tuple[str, float]]]
) -> list[Flow]:
    """Each line booked to a role becomes one line per partner of the role, carrying its
    share of the flow (:meth:`businesscase.model.Case.carriers`); a line booked to one
    partner, or to a role only one partner fills, stays as it is. The shares of a role add
    up to 1, so the partners together carry exactly what the role carried.
    """
    out: list[Flow] = []
    for line, real in flows:
        who = carriers.get(line.partner)
        if who is None or (len(who) == 1 and who[0][0] == line.partner):
            out.append((line, real))
            continue
        for partner, share in who:
            out.append(
                (replace(line, partner=partner, booked_to=line.partner, share=share), real * share)
            )
    return out


__all__ = [
    "carried_by_partners",
    "Flow",
    "ItemInputs",
    "Timeline",
    "cost_lines",
    "investment_lines",
    "operating_line",
    "outcome_chain",
    "outcome_lines",
    "overlap_corrections",
    "revenue_lines",
]

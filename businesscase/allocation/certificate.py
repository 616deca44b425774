"""Kohlberg's criterion as a certificate for a (pre-)nucleolus found by constraint generation.

x is the pre-nucleolus iff, for every level α, the coalitions with excess ≥ α form a
balanced collection; the nucleolus (x an imputation) iff each such collection together
with the singletons at their lower bound, B0 = {{i}: x_i = v(i)}, is weakly balanced:
positive weights on the collection, non-negative ones on B0 (Kohlberg 1971).

Only the generated coalitions are known, so the check has two parts per level α_k (the
distinct excesses of the generated coalitions, highest first):
- an LP: the generated collection D_k with excess ≥ α_k is (weakly) balanced;
- the oracle: every coalition outside span(D_k ∪ B0⁺) has excess ≤ α_{k+1}, B0⁺ being the
  singletons of B0 that some weak balancing weighs positively. A coalition inside that
  span can join a balanced collection with a small positive weight, so the true
  collections at every level between α_{k+1} and α_k are balanced too.
Once the span is the whole space every coalition lies in it and the remaining levels hold.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.optimize import linprog

from .oracle import Oracle
from .span import Span

TIGHT = 1e-7  # excesses closer than this are one level (units of the game's scale)
CERTIFIED = 1e-6  # largest deviation a certified result may have (units of the scale)


@dataclass
class Certificate:
    certified: bool  # Kohlberg's criterion holds within the tolerance
    max_deviation: float  # largest violation found (euros): efficiency, bounds, excess
    levels: int  # levels checked


def _weights(D: np.ndarray, B0: np.ndarray) -> np.ndarray | None:
    """Weak balancing of D relative to the singletons B0: None if there is none, else the
    mask of B0 members that can carry a positive weight. The weights form a cone, so
    λ_S ≥ 1 is a normalisation and the u_i (≤ w_i, ≤ 1) reach 1 wherever w_i can be > 0."""
    n = D.shape[1]
    d, b = len(D), len(B0)
    # variables: λ (d), w (b), u (b), c;  D^T λ + e_B0 w − c 1 = 0
    A_eq = np.hstack([D.T, np.eye(n)[:, B0], np.zeros((n, b)), -np.ones((n, 1))])
    A_ub = np.hstack([np.zeros((b, d)), -np.eye(b), np.eye(b), np.zeros((b, 1))])
    c = np.r_[np.zeros(d + b), -np.ones(b), 0.0]
    bounds = [(1.0, None)] * d + [(0.0, None)] * b + [(0.0, 1.0)] * b + [(0.0, None)]
    res = linprog(
        c,
        A_ub=A_ub if b else None,
        b_ub=np.zeros(b) if b else None,
        A_eq=A_eq,
        b_eq=np.zeros(n),
        bounds=bounds,
        method="highs",
    )
    if res.status != 0:
        return None
    return res.x[d + b : d + 2 * b] > 0.5


def kohlberg(
    oracle: Oracle,
    chis: np.ndarray,
    values: np.ndarray,
    x: np.ndarray,
    vN: float,
    singles: np.ndarray | None,
) -> Certificate:
    """Check x against Kohlberg's criterion (all amounts in units of the game's scale).

    chis, values: the generated coalitions (0/1 rows) and their v⁺; singles: v⁺({i}) for
    the nucleolus, None for the pre-nucleolus.

    Only levels where the span grows are checked: a coalition that joins D inside the span
    of the balanced collection above it keeps it balanced, and an oracle check that no
    coalition outside a span exceeds α_{k+1} also shows it for the levels above.
    """
    n = len(x)
    deviation = abs(float(x.sum()) - vN)
    B0 = np.zeros(0, dtype=int)
    if singles is not None:
        deviation = max(deviation, float(np.max(singles - x)))
        B0 = np.flatnonzero(x - singles <= TIGHT)
    e = values - chis @ x
    order = np.argsort(-e)
    levels: list[float] = []
    for value in e[order]:
        if not levels or value < levels[-1] - TIGHT:
            levels.append(float(value))

    def above(span: Span | None, level: float) -> float:
        """How far the worst coalition outside the span exceeds the level, when that is
        more than the tolerance (else 0)."""
        found = oracle.violators(x, span, level + CERTIFIED)
        if not len(found):
            return 0.0
        return float(np.max(oracle.value_plus(found) - found @ x)) - level

    # Above the top level there must be nothing at all.
    deviation = max(deviation, above(None, levels[0]))
    span = Span(n)
    G: np.ndarray | None = None
    positive = np.zeros(len(B0), dtype=bool)
    checked = 0
    for k, alpha in enumerate(levels):
        D = chis[e >= alpha - TIGHT]
        grew = False
        for chi in D:  # the float conditions skip rows already in the span, exactly
            if G is None or np.any(np.abs(G @ chi) > 0.5):
                span.add(chi)
                G = span.conditions()
                grew = True
        last = k + 1 == len(levels)
        if grew:
            checked += 1
            weights = _weights(D, B0)
            if weights is None:
                return Certificate(False, float("inf"), checked)
            positive = weights
        level_span = span.copy()
        for i in B0[positive]:
            level_span.add(np.eye(n)[i])
        if level_span.rank == n:
            return Certificate(deviation <= CERTIFIED, deviation, checked)
        if last:
            return Certificate(False, float("inf"), checked)
        next_grows = any(
            np.any(np.abs(G @ chi) > 0.5) for chi in chis[(e >= levels[k + 1] - TIGHT)]
        )
        if next_grows:
            deviation = max(deviation, above(level_span, levels[k + 1]))
    return Certificate(False, float("inf"), checked)

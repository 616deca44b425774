"""The split closest to the fair one within every partner's stated limit (the confidential
contribution round's outcome), as numbers.

Given fair contributions f_i, limits L_i (the most each partner would pay) and the cost to
cover C, all in euros a year at the case's price year (real), with Σ f_i = C:

- a deal exists when Σ L_i ≥ C; otherwise the shortfall is C − Σ L_i (one total: which
  partner's limit fell short is never part of the answer);
- the proposed split solves, on HiGHS, the linear program

      minimise t  subject to  −t ≤ x_i − f_i ≤ t,  x_i ≤ L_i,  Σ x_i = C,

  the smallest largest deviation from the fair split. Its optimum is rarely unique (with
  one partner held below its fair share by its limit, any way of spreading the rest within
  that deviation is optimal), so further linear programs, at that t, minimise the second
  largest deviation, then the third, and so on (the lexicographic minimax, see ``_solve``):
  the unique split that spreads what the short partners leave over the others as evenly as
  their limits allow, x_i = min(L_i, f_i + μ) with μ set so that Σ x_i = C, which
  tests/test_round_outcome.py checks independently. (A quadratic second stage, Σ (x_i −
  f_i)² on HiGHS's QP solver, gives the same split but fails with "Solve error" when the
  limits leave exactly one split, Σ L_i = C.)

There is no lower bound on x_i: the fair split itself may ask a partner that gains to
receive money (a negative contribution), and the proposal may too. With limits at or
above 0 and fair contributions at or above 0 every proposed x_i is at or above 0 as well,
since a contribution only moves up from its fair value unless its own limit holds it down.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

# euros a year: limits this close to the cost still cover it (rounding of typed-in cents)
COVER_TOLERANCE = 0.01


@dataclass(frozen=True)
class LimitedSplit:
    """The outcome of the limits against the fair split, in euros a year (real).

    ``contributions``: the proposed contribution per partner (empty without a deal);
    ``shortfall``: what the limits together leave uncovered (0 with a deal);
    ``largest_deviation``: the largest |x_i − f_i| of the proposal (0 without a deal)."""

    deal: bool
    cost_to_cover: float
    contributions: dict[str, float] = field(default_factory=dict)
    shortfall: float = 0.0
    largest_deviation: float = 0.0

    @property
    def covered_share(self) -> float:
        """The limits together as a fraction of the cost (1 with a deal; NaN without cost)."""
        if self.deal:
            return 1.0
        if not self.cost_to_cover:
            return float("nan")
        return (self.cost_to_cover - self.shortfall) / self.cost_to_cover


def closest_within_limits(
    fair: Mapping[str, float], limits: Mapping[str, float], cost_to_cover: float
) -> LimitedSplit:
    """The proposed split within the limits (see the module's text) [€ a year].

    fair: partner → fair contribution; limits: partner → the most it would pay (a partner
    of ``fair`` without a limit counts as 0); cost_to_cover: what the partners together
    must pay, the sum of ``fair``."""
    partners = list(fair)
    unknown = set(limits) - set(partners)
    if unknown:
        raise ValueError(f"limits of partners outside the split: {', '.join(sorted(unknown))}")
    f = np.array([float(fair[p]) for p in partners])
    cap = np.array([float(limits.get(p, 0.0)) for p in partners])
    cost = float(cost_to_cover)
    if not (np.isfinite(f).all() and np.isfinite(cap).all() and np.isfinite(cost)):
        raise ValueError("fair contributions, limits and cost must be finite numbers")
    if abs(f.sum() - cost) > max(COVER_TOLERANCE, 1e-9 * abs(cost)):
        raise ValueError(f"the fair contributions sum to {f.sum():.2f}, not the cost {cost:.2f}")
    gap = cost - cap.sum()
    if gap > COVER_TOLERANCE:
        return LimitedSplit(False, cost, shortfall=float(gap))
    if gap > 0:  # covered up to the tolerance: spread the cents so that Σ x = C is feasible
        cap = cap + gap / len(cap)
    x = _solve(f, cap, cost)
    return LimitedSplit(
        True,
        cost,
        contributions=dict(zip(partners, (float(v) for v in x))),
        largest_deviation=float(np.abs(x - f).max()),
    )


def _solve(f: np.ndarray, cap: np.ndarray, cost: float) -> np.ndarray:
    """The lexicographic minimax split by Ogryczak's sums of the k largest deviations: for
    k = 1, 2, … minimise the sum of the k largest |x_i − f_i| with the sums found for
    smaller k held, each an LP on the one HiGHS model (warm started). k = 1 is the minimax
    program itself; it stops once the k-th largest deviation is 0."""
    from .highs_model import INF, Model  # HiGHS only when a round closes: a fast CLI start

    n = len(f)
    # Scaled to about 1, so that HiGHS's absolute tolerances mean the same on any case.
    scale = max(1.0, float(np.abs(f).max()), abs(cost))
    fs, caps, cs = f / scale, cap / scale, cost / scale
    eye = np.eye(n)
    model = Model()
    x = model.add_cols(np.zeros(n), -INF, caps)
    d = model.add_cols(np.zeros(n), 0.0, INF)  # d_i ≥ |x_i − f_i|
    model.add_rows(np.hstack([-eye, eye]), -fs, INF)
    model.add_rows(np.hstack([eye, eye]), fs, INF)
    model.add_rows(np.append(np.ones(n), np.zeros(n))[None, :], cs, cs)
    held = 0.0  # the sum of the k − 1 largest deviations, as found
    values = np.zeros(2 * n)
    for k in range(1, n + 1):
        # the sum of the k largest d_i is min over r of k·r + Σ max(0, d_i − r)
        r = model.add_cols([0.0], -INF, INF)
        s = model.add_cols(np.zeros(n), 0.0, INF)
        cols = model.cols
        rows = np.zeros((n, cols))
        rows[:, d] = -eye
        rows[:, r] = 1.0
        rows[:, s] = eye
        model.add_rows(rows, 0.0, INF)  # s_i ≥ d_i − r
        objective = np.zeros(cols)
        objective[r], objective[s] = k, 1.0
        model.set_costs(objective)
        values, _, _ = model.solve()
        total = float(objective @ values)
        if total - held <= 1e-12 or k == n:
            break  # the k-th largest deviation is 0: so are the rest
        row = np.zeros((1, cols))
        row[0, r], row[0, s] = k, 1.0
        model.add_rows(row, -INF, total + 1e-10 * max(1.0, total))
        held = total
    return values[x] * scale


__all__ = ["LimitedSplit", "closest_within_limits"]

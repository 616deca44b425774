"""Separation oracle for the stay-out game v⁺ of a structured game, any number of players.

v⁺(S) = max(v(S), 0) for proper S, so the largest excess v⁺(S) − x(S) is the larger of
two maxima: v(S) − x(S) (a small MILP on the structure, as ``StructuredGame.max_excess``)
and −x(S) (staying out: a closed form, or a MILP once coalitions must be excluded).

Coalitions whose excess is already determined (their vector in the span of the fixed
coalitions and N) are excluded exactly: with integer conditions G (χ in the span iff
G χ = 0, see ``span.Span``) a non-determined S has g_q · χ_S ≠ 0 for some row q, and since
g_q · χ_S is an integer this is |g_q · χ_S| ≥ 1, a disjunction with two binaries per row.
All amounts are in units of the game's scale (max |amount|).
"""

from __future__ import annotations

import numpy as np
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, milp

from .structured import StructuredGame

# HiGHS stops at an absolute gap of 1e-6 in objective units; scaling the objective up makes
# that gap 1e-9 of the largest amount, below the tolerances of the nucleolus.
OBJECTIVE_SCALE = 1e3


class Oracle:
    """Coalition values and most-excess coalitions of v⁺ (amounts divided by ``scale``)."""

    def __init__(self, game: StructuredGame, scale: float):
        self.n = n = game.n
        index = {p: i for i, p in enumerate(game.players)}
        self.R = np.zeros((len(game.benefits), n))
        for k, b in enumerate(game.benefits):
            self.R[k, [index[p] for p in b.players]] = 1.0
        self.U = np.zeros((len(game.costs), n))
        for j, c in enumerate(game.costs):
            self.U[j, [index[p] for p in c.players]] = 1.0
        self.B = np.array([b.amount for b in game.benefits]) / scale
        self.C = np.array([c.amount for c in game.costs]) / scale
        self.calls = 0
        self._base = self._structure_rows()

    # -- values ------------------------------------------------------------------------------
    def value(self, chi: np.ndarray) -> np.ndarray:
        """v(S) for coalition vectors (rows of chi, 0/1)."""
        chi = np.atleast_2d(chi)
        earned = (chi @ self.R.T) >= self.R.sum(1) - 0.5
        incurred = (chi @ self.U.T) > 0.5
        return earned.astype(float) @ self.B - incurred.astype(float) @ self.C

    def value_plus(self, chi: np.ndarray) -> np.ndarray:
        """v⁺(S) for proper coalitions: max(v(S), 0)."""
        return np.maximum(self.value(chi), 0.0)

    # -- the work MILP structure -------------------------------------------------------------
    def _structure_rows(self):
        """Rows holding y_k = 1[R_k ⊆ S] and z_j = 1[U_j ∩ S ≠ ∅] exactly (both signs)."""
        n, K, J = self.n, len(self.B), len(self.C)
        rows, cols, vals, lo, hi = [], [], [], [], []
        r = 0
        for k in range(K):
            members = np.flatnonzero(self.R[k])
            for i in members:  # y_k − s_i ≤ 0
                rows += [r, r]
                cols += [n + k, i]
                vals += [1.0, -1.0]
                lo.append(-np.inf)
                hi.append(0.0)
                r += 1
            rows += [r] * (1 + len(members))  # y_k − Σ s_i ≥ 1 − |R_k|
            cols += [n + k, *members]
            vals += [1.0] + [-1.0] * len(members)
            lo.append(1.0 - len(members))
            hi.append(np.inf)
            r += 1
        for j in range(J):
            members = np.flatnonzero(self.U[j])
            for i in members:  # s_i − z_j ≤ 0
                rows += [r, r]
                cols += [i, n + K + j]
                vals += [1.0, -1.0]
                lo.append(-np.inf)
                hi.append(0.0)
                r += 1
            rows += [r] * (1 + len(members))  # z_j − Σ s_i ≤ 0
            cols += [n + K + j, *members]
            vals += [1.0] + [-1.0] * len(members)
            lo.append(-np.inf)
            hi.append(0.0)
            r += 1
        A = sparse.csr_array((vals, (rows, cols)), shape=(r, n + K + J))
        return A, np.array(lo), np.array(hi)

    # -- maximisation ------------------------------------------------------------------------
    def _solve(self, c, A, lo, hi, integral) -> np.ndarray:
        self.calls += 1
        res = milp(
            c * OBJECTIVE_SCALE,
            constraints=LinearConstraint(A, lo, hi),
            integrality=integral,
            bounds=Bounds(0, 1),
            options={"mip_rel_gap": 0.0},
        )
        if res.status != 0:
            raise RuntimeError(f"separation MILP failed: {res.message}")
        return res.x[: self.n] > 0.5

    def _with_exclusion(self, A, lo, hi, width: int, G: np.ndarray | None):
        """Append |S| in 1..n−1 and, with G, the rows keeping S out of the span."""
        n = self.n
        m = 0 if G is None else len(G)
        total = width + 2 * m
        size = sparse.csr_array((np.ones(n), (np.zeros(n, int), np.arange(n))), shape=(1, total))
        blocks = [sparse.hstack([A, sparse.csr_array((A.shape[0], 2 * m))]), size]
        lows, highs = [lo, [1.0]], [hi, [n - 1.0]]
        if m:
            assert G is not None
            M = np.abs(G).sum(1) + 1.0
            g = sparse.hstack([sparse.csr_array(G), sparse.csr_array((m, total - n))]).tocsr()
            plus = sparse.csr_array((-M, (np.arange(m), width + np.arange(m))), shape=(m, total))
            minus = sparse.csr_array((M, (np.arange(m), width + m + np.arange(m))), (m, total))
            pick = np.zeros((1, total))
            pick[0, width:] = 1.0
            blocks += [g + plus, g + minus, sparse.csr_array(pick)]
            lows += [1.0 - M, np.full(m, -np.inf), [1.0]]  # g·s ≥ 1 − M(1 − p_q)
            highs += [np.full(m, np.inf), M - 1.0, [np.inf]]  # g·s ≤ −1 + M(1 − m_q)
        A = sparse.vstack(blocks).tocsr()
        integral = np.zeros(total)
        integral[:n] = 1
        integral[width:] = 1
        return A, np.concatenate(lows), np.concatenate(highs), integral

    def work(self, x: np.ndarray, G: np.ndarray | None) -> np.ndarray:
        """The proper (non-determined) S maximising v(S) − x(S)."""
        A, lo, hi = self._base
        c = -np.r_[-x, self.B, -self.C]
        A, lo, hi, integral = self._with_exclusion(A, lo, hi, A.shape[1], G)
        c = np.r_[c, np.zeros(A.shape[1] - len(c))]
        return self._solve(c, A, lo, hi, integral)

    def stay(self, x: np.ndarray, G: np.ndarray | None) -> np.ndarray:
        """The proper (non-determined) S maximising −x(S): the players with x_i < 0,
        clipped to a proper non-empty group, unless that group is excluded."""
        order = np.argsort(x)
        k = int(np.clip((x < 0).sum(), 1, self.n - 1))
        chi = np.zeros(self.n, dtype=bool)
        chi[order[:k]] = True
        if G is None or np.any(np.abs(G @ chi) > 0.5):
            return chi
        A = sparse.csr_array((0, self.n))
        A, lo, hi, integral = self._with_exclusion(A, np.zeros(0), np.zeros(0), self.n, G)
        c = np.r_[x, np.zeros(A.shape[1] - self.n)]
        return self._solve(c, A, lo, hi, integral)

    def best(self, x: np.ndarray, G: np.ndarray | None) -> list[np.ndarray]:
        """Coalition vectors holding the largest v⁺-excess (work and stay-out candidates)."""
        return [self.work(x, G), self.stay(x, G)]

"""(Pre-)nucleolus by a sequence of linear programs on scipy's HiGHS.

Round k minimises the largest excess ε over the coalitions not yet fixed. A coalition is
then fixed only if it is tight in *every* optimal solution of that round: each candidate
is tested by minimising its own excess over the optimal face. Fixing the coalitions that
happen to be tight at the one vertex the solver returns is a documented mistake
(Guajardo & Jörnsten 2015, "Common mistakes in computing the nucleolus").

Constraint generation keeps the LPs small: each LP starts from a working set of
coalitions and adds the most violated ones (found by evaluating all excesses with numpy)
until none is violated. Values are scaled by max |v| so tolerances are relative.
"""

from __future__ import annotations

import numpy as np

TOL = 1e-8  # violation of a constraint, relative to max |v| after scaling
TIGHT = 1e-7  # an excess this close to the round's level counts as tight
ADD_PER_ROUND = 64  # violated coalitions added to the working set per LP re-solve


class _Problem:
    def __init__(self, n: int, v: np.ndarray, individually_rational: bool):
        self.n = n
        self.scale = max(1.0, float(np.abs(v).max()))
        masks = np.arange(1, (1 << n) - 1, dtype=np.int64)  # proper non-empty coalitions
        self.masks = masks
        self.M = ((masks[:, None] >> np.arange(n)) & 1).astype(float)
        self.v = v[masks] / self.scale
        self.vN = v[(1 << n) - 1] / self.scale
        self.active = np.ones(len(masks), dtype=bool)
        self.eq_rows = [np.ones(n)]
        self.eq_rhs = [self.vN]
        singles = v[[1 << i for i in range(n)]] / self.scale
        self.bounds = [(s, None) for s in singles] if individually_rational else [(None, None)] * n
        # Start with singletons and their complements: they bound every coalition's excess.
        start = np.zeros(len(masks), dtype=bool)
        pc = self.M.sum(1)
        start[(pc == 1) | (pc == n - 1)] = True
        self.working = start

    # -- one LP with constraint generation ---------------------------------------------------
    def _lp(self, c, rows_of, extra_ub=None, extra_bounds=()):
        """Solve min c·z over z = (x, extra...) subject to excess(S) ≤ bound for active S.

        rows_of(idx) -> (A_ub rows, b_ub) for the given coalition indices.
        Returns (z, objective) or raises if the LP fails.
        """
        n_extra = len(c) - self.n
        A_eq = np.hstack([np.array(self.eq_rows), np.zeros((len(self.eq_rows), n_extra))])
        b_eq = np.array(self.eq_rhs)
        bounds = list(self.bounds) + list(extra_bounds)
        while True:
            idx = np.flatnonzero(self.working & self.active)
            A_ub, b_ub = rows_of(idx)
            if extra_ub is not None:
                A_ub = np.vstack([A_ub, extra_ub[0]])
                b_ub = np.concatenate([b_ub, extra_ub[1]])
            from scipy.optimize import linprog  # scipy only once a split is asked for

            res = linprog(
                c,
                A_ub=A_ub if len(b_ub) else None,
                b_ub=b_ub if len(b_ub) else None,
                A_eq=A_eq,
                b_eq=b_eq,
                bounds=bounds,
                method="highs",
            )
            if res.status != 0:
                raise RuntimeError(f"nucleolus LP failed: {res.message}")
            z = res.x
            violated = self._violations(z, rows_of)
            if violated.size == 0:
                return z, res.fun
            self.working[violated[:ADD_PER_ROUND]] = True

    def _violations(self, z, rows_of):
        idx = np.flatnonzero(self.active & ~self.working)
        if idx.size == 0:
            return idx
        A, b = rows_of(idx)
        slack = b - A @ z
        bad = slack < -TOL
        order = np.argsort(slack[bad])
        return idx[bad][order]

    # -- the rounds ----------------------------------------------------------------------------
    def solve(self) -> np.ndarray:
        n = self.n
        fixed_matrix = np.ones((1, n))
        x: np.ndarray | None = None
        while np.linalg.matrix_rank(fixed_matrix) < n and self.active.any():
            # min ε s.t. v(S) − x(S) ≤ ε  ⇔  −x(S) − ε ≤ −v(S)
            def rows_min_eps(idx):
                return np.hstack([-self.M[idx], -np.ones((len(idx), 1))]), -self.v[idx]

            z, eps = self._lp(np.r_[np.zeros(n), 1.0], rows_min_eps, extra_bounds=[(None, None)])
            x = z[:n]
            tight = self._always_tight(eps, x)
            added = False
            for i in tight:
                candidate = np.vstack([fixed_matrix, self.M[i]])
                if np.linalg.matrix_rank(candidate) > np.linalg.matrix_rank(fixed_matrix):
                    fixed_matrix = candidate
                    self.eq_rows.append(self.M[i])
                    self.eq_rhs.append(self.v[i] - eps)
                    added = True
                self.active[i] = False
            if not added:  # every tight coalition was already determined: cannot happen in theory
                raise RuntimeError("nucleolus: no progress in a round (numerical trouble)")
            # Coalitions in the span of the fixed ones have a determined excess: drop them.
            self._drop_determined(fixed_matrix)
        # x is now the unique solution of the fixed equalities.
        A = np.array(self.eq_rows)
        b = np.array(self.eq_rhs)
        if np.linalg.matrix_rank(A) == n:
            x = np.linalg.lstsq(A, b, rcond=None)[0]
        elif x is None:  # no round ran, yet the fixed equalities leave the split open
            raise RuntimeError("nucleolus: no coalition to fix the split with")
        return x * self.scale

    def _always_tight(self, eps: float, x: np.ndarray) -> list[int]:
        """Coalitions tight in every optimum of this round (tested one by one)."""
        e = self.v - self.M @ x
        candidates = np.flatnonzero(self.active & (e >= eps - TIGHT))
        if candidates.size == 0:
            return []

        def rows_face(idx):  # excess ≤ ε*, not loosened by the tolerance
            return -self.M[idx], eps - self.v[idx]

        # Filter: one LP pushing every candidate's slack up at once; a candidate with
        # positive slack at some optimum is not always tight.
        k = candidates.size
        slack_rows = np.hstack([-self.M[candidates], np.eye(k)])

        def rows_filter(idx):
            A, b = rows_face(idx)
            return np.hstack([A, np.zeros((len(idx), k))]), b

        z, _ = self._lp(
            np.r_[np.zeros(self.n), -np.ones(k)],
            rows_filter,
            extra_ub=(slack_rows, eps - self.v[candidates]),
            extra_bounds=[(0.0, 1.0)] * k,
        )
        maybe = candidates[z[self.n :] <= TIGHT]
        # Confirm each remaining candidate: minimise its excess over the optimal face.
        tight = []
        for i in maybe:
            zx, _ = self._lp(-self.M[i], rows_face)
            if self.v[i] - self.M[i] @ zx >= eps - TIGHT:
                tight.append(int(i))
        if not tight:  # numerical corner: fix the candidate closest to always tight
            tight = [int(maybe[0] if maybe.size else candidates[0])]
        return tight

    def _drop_determined(self, fixed_matrix: np.ndarray) -> None:
        idx = np.flatnonzero(self.active)
        if idx.size == 0:
            return
        q, _ = np.linalg.qr(fixed_matrix.T)  # orthonormal basis of the fixed span
        rank = np.linalg.matrix_rank(fixed_matrix)
        basis = q[:, :rank]
        residual = self.M[idx] - (self.M[idx] @ basis) @ basis.T
        determined = np.abs(residual).max(axis=1) < 1e-9
        self.active[idx[determined]] = False


def solve(n: int, v: np.ndarray, individually_rational: bool) -> np.ndarray:
    """The nucleolus (individually_rational=True) or pre-nucleolus of the game v."""
    if n == 1:
        return np.array([v[1]], dtype=float)
    return _Problem(n, np.asarray(v, dtype=float), individually_rational).solve()

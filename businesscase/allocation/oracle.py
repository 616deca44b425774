"""Separation oracle for the stay-out game v⁺ of a structured game, any number of players.

v⁺(S) = max(v(S), 0) for proper S, so the largest excess v⁺(S) − x(S) is the larger of
two maxima: v(S) − x(S) (a small MILP on the structure, as ``StructuredGame.max_excess``)
and −x(S) (staying out: a closed form, or a MILP once coalitions must be excluded).

The nucleolus needs coalitions whose excess is not yet determined (their vector outside
the span of the fixed coalitions and N). The span's 0/1 vectors are constant on its atoms
(players no fixed coalition tells apart), so the MILP excludes the span exactly by asking
for a coalition that splits an atom, or whose atom vector breaks a condition of the span
restricted to the atoms (``span.Span.atom_conditions``; along the nucleolus's rounds there
is none: the fixed coalitions span every union of atoms, as measured at 35 partners).
Excluding coalitions one by one with no-good cuts was tried first and dropped: at 35
partners the MILP met hundreds of determined coalitions above the level.

The question asked is "is any coalition above this level?": a row holds the objective
above it, and HiGHS stops at the first coalition it finds, or proves there is none.
Before any MILP, a vectorised local search (``ascend``) tries one-player flips from many
coalitions at once; it finds most violated coalitions, and the MILP is left to prove that
none is left. All amounts are in units of the game's scale (max |amount|).
"""

from __future__ import annotations

import heapq

import numpy as np
from scipy import sparse

from .highs_model import Model
from .span import Span
from .structured import StructuredGame

# HiGHS stops at an absolute gap of 1e-6 in objective units; scaling the objective up makes
# that gap 1e-9 of the largest amount, below the tolerances of the nucleolus.
OBJECTIVE_SCALE = 1e3
TOL = 1e-9  # excess above the cut-off that counts as above it (units of the scale): a
# cut-off closer to the tight coalitions leaves HiGHS repairing near-feasible points
STAY_LIMIT = 20_000  # stay-out candidates enumerated before the MILP takes over
STAY_BATCH = 256  # stay-out candidates checked against the span at once
MAX_NEAR_MISSES = 200  # coalitions at the level cut off before a separation gives up


def determined(chis: np.ndarray, G: np.ndarray | None) -> np.ndarray:
    """Which rows of chis lie in the span described by G (G None: the span of N alone,
    which holds no proper coalition)."""
    chis = np.atleast_2d(chis)
    if G is None:
        return np.zeros(len(chis), dtype=bool)
    if not len(G):
        return np.ones(len(chis), dtype=bool)
    return ~np.any(np.abs(chis @ G.T) > 0.5, axis=1)


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
        self.size_R = self.R.sum(1)
        self.calls = 0
        self.near_misses = 0  # MILP answers whose exact excess was not above the level
        self._base = self._structure_rows()
        self._work_milp: Model | None = None
        self._stay_milp: Model | None = None

    # -- values ------------------------------------------------------------------------------
    def value(self, chi: np.ndarray) -> np.ndarray:
        """v(S) for coalition vectors (rows of chi, 0/1)."""
        chi = np.atleast_2d(chi)
        earned = (chi @ self.R.T) >= self.size_R - 0.5
        incurred = (chi @ self.U.T) > 0.5
        return earned.astype(float) @ self.B - incurred.astype(float) @ self.C

    def value_plus(self, chi: np.ndarray) -> np.ndarray:
        """v⁺(S) for proper coalitions: max(v(S), 0)."""
        return np.maximum(self.value(chi), 0.0)

    # -- local search --------------------------------------------------------------------------
    def _flip_excess(self, chis: np.ndarray, x: np.ndarray) -> np.ndarray:
        """(m, n): the excess of each coalition with player i flipped in or out.

        A flip changes only the streams one player short of complete (a join completes
        them) or complete (a leave breaks them), and the costs no member pays yet (a join)
        or one member pays alone (a leave): four matrix products over the streams, so the
        work is m·n·(K + J) in BLAS rather than an (m, n, K) array of comparisons."""
        missing = self.size_R[None, :] - chis @ self.R.T  # (m, K) members short
        paying = chis @ self.U.T  # (m, J) members that incur each cost
        complete, one_short = np.abs(missing) < 0.5, np.abs(missing - 1.0) < 0.5
        unpaid, alone = paying < 0.5, np.abs(paying - 1.0) < 0.5
        v = complete.astype(float) @ self.B - (~unpaid).astype(float) @ self.C
        join = (one_short * self.B) @ self.R - (unpaid * self.C) @ self.U
        leave = (alone * self.C) @ self.U - (complete * self.B) @ self.R
        inside = chis > 0.5
        flipped = v[:, None] + np.where(inside, leave, join)
        sign = 1.0 - 2.0 * chis  # +1 joins, −1 leaves
        e = np.maximum(flipped, 0.0) - (chis @ x)[:, None] - sign * x[None, :]
        size = chis.sum(1)[:, None] + sign
        e[(size < 0.5) | (size > self.n - 0.5)] = -np.inf
        return e

    def ascend(self, chis: np.ndarray, x: np.ndarray, steps: int | None = None) -> np.ndarray:
        """Steepest ascent of the excess over one-player flips from every row of chis at
        once; returns every coalition visited (proper ones only)."""
        current = np.unique(np.atleast_2d(chis).astype(float), axis=0)
        size = current.sum(1)
        current = current[(size >= 1) & (size <= self.n - 1)]
        visited = [current]
        e = self.value_plus(current) - current @ x
        for _ in range(self.n if steps is None else steps):
            if not len(current):
                break
            ef = self._flip_excess(current, x)
            j = ef.argmax(1)
            best = ef[np.arange(len(current)), j]
            gain = best > e + 1e-12
            if not gain.any():
                break
            current = current[gain].copy()
            rows = np.arange(len(current))
            current[rows, j[gain]] = 1.0 - current[rows, j[gain]]
            e = best[gain]
            visited.append(current)
        return np.unique(np.vstack(visited), axis=0)

    # -- the work MILP structure -------------------------------------------------------------
    def _structure_rows(self):
        """Rows holding y_k = 1[R_k ⊆ S] and z_j = 1[U_j ∩ S ≠ ∅] exactly (both signs)."""
        n, K, J = self.n, len(self.B), len(self.C)
        rows, cols, vals, lo, hi = [], [], [], [], []
        r = 0

        def add(columns, values, low, high):
            nonlocal r
            rows.extend([r] * len(columns))
            cols.extend(columns)
            vals.extend(values)
            lo.append(low)
            hi.append(high)
            r += 1

        for k in range(K):
            members = np.flatnonzero(self.R[k]).tolist()
            for i in members:
                add([n + k, i], [1.0, -1.0], -np.inf, 0.0)  # y_k ≤ s_i
            # y_k ≥ Σ s_i − |R_k| + 1
            add([n + k, *members], [1.0] + [-1.0] * len(members), 1.0 - len(members), np.inf)
        for j in range(J):
            members = np.flatnonzero(self.U[j]).tolist()
            for i in members:
                add([i, n + K + j], [1.0, -1.0], -np.inf, 0.0)  # s_i ≤ z_j
            add([n + K + j, *members], [1.0] + [-1.0] * len(members), -np.inf, 0.0)  # z_j ≤ Σ s_i
        A = sparse.csr_array((vals, (rows, cols)), shape=(r, n + K + J))
        return A, np.array(lo), np.array(hi)

    # -- maximisation ------------------------------------------------------------------------
    def _work_model(self) -> Model:
        """The work MILP, built once: s (n, binary), y (K), z (J); maximise
        Σ B y − Σ C z − Σ x s over proper S. Calls change the costs of s and add their
        no-good and exclusion rows for one solve."""
        if self._work_milp is None:
            A, lo, hi = self._base
            m = Model(maximise=True, presolve=False, heuristics=False)
            # HiGHS's default integrality tolerance (1e-6) lets s_i = 1 − 1e-6 carry a
            # coalition at the level over the cut-off: a near miss and one more MILP each
            # (28 of 100 solves at 35 dense partners; none at 1e-9).
            m.h.setOptionValue("mip_feasibility_tolerance", 1e-9)
            n = self.n
            m.add_cols(np.zeros(n), 0.0, 1.0, integral=True)
            m.add_cols(np.r_[self.B, -self.C] * OBJECTIVE_SCALE, 0.0, 1.0)
            m.add_rows(A, lo, hi)
            m.add_rows(np.r_[np.ones(n), np.zeros(A.shape[1] - n)][None, :], 1.0, n - 1.0)
            self._work_milp = m
        return self._work_milp

    def _stay_model(self) -> Model:
        """The stay-out MILP, built once: s (n, binary); maximise −Σ x s over proper S."""
        if self._stay_milp is None:
            m = Model(maximise=True, presolve=False, heuristics=False)
            m.add_cols(np.zeros(self.n), 0.0, 1.0, integral=True)
            m.add_rows(np.ones((1, self.n)), 1.0, self.n - 1.0)
            self._stay_milp = m
        return self._stay_milp

    def _maximise(self, m: Model, x, span: Span | None, above: float, excess) -> np.ndarray | None:
        """A coalition outside the span (None: any proper one) whose objective in m, with
        −x as the costs of s, exceeds ``above``; None if there is none. A row holds the
        objective above ``above`` (a cut-off: the branch and bound prunes every node that
        cannot beat it), and the solve stops at the first such coalition.

        HiGHS accepts a point that meets the cut-off row only within its tolerances, and
        the coalitions tight at the level lie just there: a coalition whose exact
        ``excess`` is not above the level would end a round with real violators left (seen
        at 24 players). It is cut off by a no-good row and the search goes on. The rows
        and columns added are removed again."""
        n = self.n
        rows, cols = m.rows, m.cols
        try:
            m.set_costs(-x * OBJECTIVE_SCALE)
            if span is not None:
                self._exclude(m, span)
            cost = np.zeros(m.cols)
            cost[:n] = -x
            if m is self._work_milp:
                cost[n : n + len(self.B) + len(self.C)] = np.r_[self.B, -self.C]
            m.add_rows(cost[None, :] * OBJECTIVE_SCALE, (above + TOL) * OBJECTIVE_SCALE, np.inf)
            for _ in range(MAX_NEAR_MISSES + 1):
                self.calls += 1
                z = m.first_above((above + TOL) * OBJECTIVE_SCALE)
                if z is None:
                    return None
                chi = (z[:n] > 0.5).astype(float)
                if float(excess(chi)) > above:
                    return chi
                self.near_misses += 1
                no_good = np.zeros((1, m.cols))
                no_good[0, :n] = 1.0 - 2.0 * chi  # Σ_{i∉S} s_i + Σ_{i∈S} (1 − s_i) ≥ 1
                m.add_rows(no_good, 1.0 - chi.sum(), np.inf)
        finally:
            m.truncate(rows, cols)
        raise RuntimeError("nucleolus: the separation MILP keeps returning coalitions at the level")

    def _exclude(self, m: Model, span: Span) -> None:
        """Keep s out of the span: s splits a group of ``span.atoms`` (binary w_A, with a
        member in and a member out), or its group vector breaks a row h of
        ``span.atom_conditions`` (|h·s| ≥ 1: binaries p_h and m_h, big-M)."""
        n = self.n
        atoms = [a for a in span.atoms() if len(a) > 1]
        H = span.atom_conditions()
        k = len(H)
        first = m.cols
        m.add_cols(np.zeros(len(atoms) + 2 * k), 0.0, 1.0, integral=True)
        width = m.cols
        if atoms:
            split = np.zeros((len(atoms), width))
            for r, a in enumerate(atoms):
                split[r, a] = 1.0
            w = np.zeros((len(atoms), width))
            w[np.arange(len(atoms)), first + np.arange(len(atoms))] = 1.0
            sizes = np.array([len(a) for a in atoms], dtype=float)
            m.add_rows(split - w, 0.0, np.inf)  # a member in: Σ_A s ≥ w_A
            m.add_rows(split + w, -np.inf, sizes)  # a member out: Σ_A (1 − s) ≥ w_A
        if k:
            M = np.abs(H).sum(1) + 1.0
            base = first + len(atoms)
            h = np.hstack([H, np.zeros((k, width - n))])
            plus, minus = h.copy(), h.copy()
            plus[np.arange(k), base + np.arange(k)] = -M
            minus[np.arange(k), base + k + np.arange(k)] = M
            m.add_rows(plus, 1.0 - M, np.inf)  # h·s ≥ 1 − M(1 − p_h)
            m.add_rows(minus, -np.inf, M - 1.0)  # h·s ≤ −1 + M(1 − m_h)
        pick = np.zeros((1, width))
        pick[0, first:] = 1.0
        m.add_rows(pick, 1.0, np.inf)

    def _work(self, x, span: Span | None, above: float) -> np.ndarray | None:
        """A proper S outside the span with v(S) − x(S) > above, or None."""
        return self._maximise(
            self._work_model(), x, span, above, lambda chi: self.value(chi)[0] - chi @ x
        )

    def _stay(self, x, span: Span | None, above: float) -> np.ndarray | None:
        """A proper S outside the span with −x(S) > above, or None."""
        return self._maximise(self._stay_model(), x, span, above, lambda chi: -chi @ x)

    def stay_out(self, x: np.ndarray, G, above: float, limit: int = STAY_LIMIT):
        """The proper non-determined S of largest −x(S), or one showing it is at most
        ``above``; None if that takes more than ``limit`` candidates.

        The best group is T = {i: x_i < 0}; any other S falls short of it by
        Σ_{i ∈ S △ T} |x_i|, so the groups come in order of the smallest subset sums of |x|
        (a heap over sorted weights: each subset's children add the next weight, or move
        its last one on), and the first proper non-determined one is the answer.
        """
        n = self.n
        w = np.abs(x)
        order = np.argsort(w)
        sw = w[order]
        base = x < 0
        top = -float(x[base].sum())
        heap: list[tuple[float, tuple[int, ...]]] = [(0.0, ())]
        popped = 0
        while heap and popped < limit:
            # Candidates come off the heap in order and are checked a batch at a time: one
            # product with G for a few hundred groups instead of one each.
            batch: list[tuple[float, np.ndarray]] = []
            while heap and len(batch) < STAY_BATCH and popped < limit:
                penalty, D = heapq.heappop(heap)
                popped += 1
                if D:
                    j = D[-1]
                    if j + 1 < n:
                        heapq.heappush(heap, (penalty + sw[j + 1], D + (j + 1,)))
                        heapq.heappush(heap, (penalty - sw[j] + sw[j + 1], D[:-1] + (j + 1,)))
                else:
                    heapq.heappush(heap, (float(sw[0]), (0,)))
                chi = base.astype(float)
                flip = order[list(D)]
                chi[flip] = 1.0 - chi[flip]
                if 1 <= chi.sum() <= n - 1:
                    batch.append((penalty, chi))
                if top - penalty <= above:
                    break  # every later group is at most the level: no need to look on
            if not batch:
                continue
            fixed = determined(np.array([c for _, c in batch]), G)
            for (penalty, chi), gone in zip(batch, fixed):
                if top - penalty <= above or not gone:
                    return chi
        return None

    def violators(self, x: np.ndarray, span: Span | None, above: float) -> np.ndarray:
        """Proper coalitions outside the span (None: any) whose v⁺-excess at x exceeds
        ``above`` (rows; at most two), or none: then no such coalition exceeds it by more
        than TOL. v⁺(S) − x(S) = max(v(S) − x(S), −x(S)), so one MILP asks for a group
        working on its own and one (or the enumeration of ``stay_out``) for a group
        staying out."""
        G = None if span is None else span.conditions()
        found = []
        stay = self.stay_out(x, G, above + TOL)
        if stay is None:
            stay = self._stay(x, span, above)
        if stay is not None and float(-stay @ x) > above:
            found.append(stay)
        work = self._work(x, span, above)
        if work is not None:
            found.append(work)
        return np.array(found).reshape(-1, self.n)

"""(Pre-)nucleolus of a structured game's stay-out game v⁺, without enumerating 2^n groups.

The sequence of linear programs of ``nucleolus.py``: round k minimises the largest excess
ε over the coalitions whose excess is not yet determined, then fixes coalitions that are
tight in *every* optimum. No list of coalitions exists here: every LP starts from a working
set and asks the separation oracle (``oracle.Oracle``: a local search, then a MILP on the
structure) for violated coalitions until none is left. Coalitions whose excess is already
determined (in the span of the fixed ones and N) are excluded from the oracle exactly.

Which coalitions to fix is read from the duals: once no constraint is violated, the LP's
dual solution is optimal for the LP over all coalitions, and by complementary slackness a
coalition with a positive dual is tight in every optimal x (Maschler, Peleg & Shapley
1979; the dual-based rounds of Fromen 1997). A basic dual solution weighs at least one
coalition outside the span, so each round raises the rank, and there are at most n rounds.
An IR bound x_i ≥ v⁺(i) with a positive dual is fixed the same way.

The result comes with a certificate (``certificate.kohlberg``): Kohlberg's criterion on the
generated coalitions, and the oracle's word that no other coalition breaks it.
Amounts are euros (any unit); tolerances are relative to the largest |amount|.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .certificate import Certificate, kohlberg
from .highs_model import Model
from .oracle import Oracle, determined
from .span import Span
from .structured import StructuredGame

TOL = 1e-9  # violation of an excess constraint, relative to the scale
POSITIVE_DUAL = 1e-9  # a dual above this is positive (the duals of ε add up to 1)
MAX_PLAYERS = 100
ADD_PER_ROUND = 60  # violated coalitions added to the working set per separation
SEEDS = 40  # working coalitions of largest excess the local search starts from


@dataclass
class LargeNucleolus:
    """The (pre-)nucleolus with how it was found and its certificate."""

    x: pd.Series  # euros per player
    rounds: int  # LP rounds (levels fixed)
    oracle_calls: int  # separation MILPs solved, certificate included
    lps: int  # linear programs solved
    certificate: Certificate


class _Solver:
    def __init__(self, game: StructuredGame, individually_rational: bool):
        amounts = [abs(s.amount) for s in game.benefits + game.costs]
        self.scale = max(amounts + [1e-300])
        self.n = n = game.n
        self.oracle = Oracle(game, self.scale)
        self.vN = float(game.value(game.players)) / self.scale
        self.span = Span(n)
        self.span.add(np.ones(n))
        self.G: np.ndarray | None = None  # the span of N holds no proper coalition
        self.eq_rows = [np.ones(n)]
        self.eq_rhs = [self.vN]
        eye = np.eye(n)
        self.singles = self.oracle.value_plus(eye)
        self.ir = individually_rational
        self.working: dict[bytes, tuple[np.ndarray, float]] = {}
        self.generated: dict[bytes, tuple[np.ndarray, float]] = {}
        # One LP for all rounds, re-solved from its last basis: x (n), then ε; a row
        # x(S) + ε ≥ v⁺(S) per working coalition, x(F) = v⁺(F) − ε_F per fixed one.
        self.lp = Model()
        # HiGHS's default 1e-7 lets a working row be violated by more than TOL; the oracle
        # would then return that coalition again instead of a new one.
        self.lp.h.setOptionValue("primal_feasibility_tolerance", 1e-10)
        self.lp.h.setOptionValue("dual_feasibility_tolerance", 1e-10)
        lower = self.singles if self.ir else np.full(n, -np.inf)
        self.lp.add_cols(np.zeros(n), lower, np.inf)
        self.lp.add_cols([1.0], -np.inf, np.inf)
        self.lp.add_rows(np.r_[np.ones(n), 0.0][None, :], self.vN, self.vN)
        self.row_of: dict[bytes, int] = {}
        R = self.oracle.R
        start = [eye, R, 1.0 - R]
        if n > 2:
            start.append(1.0 - eye)
        self._add(self._proper(np.vstack(start)))
        self.levels: list[float] = []
        self.lps = 0

    def _proper(self, chis: np.ndarray) -> np.ndarray:
        size = chis.sum(1)
        chis = chis[(size >= 1) & (size <= self.n - 1)]
        return chis[~determined(chis, self.G)]

    def _add(self, chis: np.ndarray) -> int:
        new: dict[bytes, tuple[np.ndarray, float]] = {}
        for chi, vp in zip(chis, self.oracle.value_plus(chis)):
            key = chi.astype(bool).tobytes()
            if key not in self.working and key not in new:
                new[key] = (chi.astype(float), float(vp))
        if not new:
            return 0
        # One call for all the rows: at 24 players and 360 streams the start set alone is
        # 400 coalitions, and a call per row took longer than the rounds.
        chis_new = np.array([c for c, _ in new.values()])
        vps = np.array([v for _, v in new.values()])
        rows = self.lp.add_rows(np.hstack([chis_new, np.ones((len(new), 1))]), vps, np.inf)
        for (key, entry), row in zip(new.items(), rows):
            self.working[key] = self.generated[key] = entry
            self.row_of[key] = int(row)
        return len(new)

    def _matrix(self):
        chis = np.array([c for c, _ in self.working.values()]).reshape(-1, self.n)
        vp = np.array([v for _, v in self.working.values()])
        return chis, vp

    # -- one round -----------------------------------------------------------------------------
    def _lp(self):
        """min ε over the working set: returns x, ε, the coalitions' and bounds' duals."""
        n = self.n
        self.lps += 1
        z, row_dual, col_dual = self.lp.solve()
        rows = np.array([self.row_of[key] for key in self.working], dtype=int)
        return z[:n], float(z[n]), row_dual[rows], col_dual[:n]

    def _separate(self, x: np.ndarray, eps: float) -> np.ndarray:
        """Non-determined coalitions with excess above ε that are not in the working set,
        most violated first: from the local search, else from the exact oracle."""
        chis, vp = self._matrix()
        seeds = chis[np.argsort(-(vp - chis @ x))[:SEEDS]]
        found = self._violated(self.oracle.ascend(np.vstack([seeds, self.oracle.R]), x), x, eps)
        if len(found):
            return found
        span = None if self.G is None else self.span
        exact = self.oracle.violators(x, span, eps + TOL)
        if not len(exact):
            return exact
        return self._violated(np.vstack([exact, self.oracle.ascend(exact, x)]), x, eps)

    def _violated(self, chis: np.ndarray, x: np.ndarray, eps: float) -> np.ndarray:
        chis = self._proper(chis)
        e = self.oracle.value_plus(chis) - chis @ x
        keep = [
            i
            for i in np.argsort(-e)
            if e[i] > eps + TOL and chis[i].astype(bool).tobytes() not in self.working
        ]
        return chis[keep[:ADD_PER_ROUND]]

    def _round(self):
        while True:
            x, eps, duals, bound_duals = self._lp()
            found = self._separate(x, eps)
            if not len(found):
                return x, eps, duals, bound_duals
            self._add(found)

    # -- the rounds ----------------------------------------------------------------------------
    def solve(self) -> np.ndarray:
        n = self.n
        eye = np.eye(n)
        while self.span.rank < n:
            _, eps, duals, bound_duals = self._round()
            keys = list(self.working)
            fixed = 0
            for key, d in zip(keys, duals):
                chi, vp = self.working[key]
                if d > POSITIVE_DUAL and self.span.add(chi):
                    self._fix(chi, vp - eps)
                    fixed += 1
            if self.ir:
                for i in np.flatnonzero(bound_duals > POSITIVE_DUAL):
                    if self.span.add(eye[i]):
                        self._fix(eye[i], self.singles[i])
                        fixed += 1
            if not fixed:
                raise RuntimeError("nucleolus: no coalition has a positive dual (numerical)")
            self.levels.append(eps)
            self._drop_determined()
        A, b = np.array(self.eq_rows), np.array(self.eq_rhs)
        return np.linalg.solve(A, b)  # one row per rank step: square and regular

    def _fix(self, chi: np.ndarray, value: float) -> None:
        self.eq_rows.append(chi)
        self.eq_rhs.append(value)
        self.lp.add_rows(np.r_[chi, 0.0][None, :], value, value)

    def _drop_determined(self) -> None:
        if self.span.rank == self.n:
            self.working.clear()
            return
        G = self.span.conditions()
        if np.abs(G).max() * self.n > 2.0**52:
            raise RuntimeError("nucleolus: span conditions too large for exact arithmetic")
        self.G = G
        chis, _ = self._matrix()
        for key, gone in zip(list(self.working), determined(chis, G)):
            if gone:  # its row stays in the LP, free, so the basis carries over
                self.lp.set_row_bounds([self.row_of.pop(key)], -np.inf, np.inf)
                del self.working[key]


def structured_nucleolus(game: StructuredGame, individually_rational: bool) -> LargeNucleolus:
    """Nucleolus (individually_rational=True) or pre-nucleolus of v⁺ for a structured game,
    up to MAX_PLAYERS players. Raises ValueError when the imputation set is empty."""
    n = game.n
    if n > MAX_PLAYERS:
        raise ValueError(f"{n} players: the structured nucleolus goes up to {MAX_PLAYERS}")
    index = pd.Index(game.players, name="player")
    if n == 1:
        x = pd.Series([game.value(game.players)], index=index, dtype=float)
        return LargeNucleolus(x, 0, 0, 0, Certificate(True, 0.0, 0))
    if individually_rational:
        # Asked before the LP is built: fair_split then goes on to the pre-nucleolus.
        scale = max([abs(st.amount) for st in game.benefits + game.costs] + [1e-300])
        singles = [max(float(game.value([p])), 0.0) for p in game.players]
        total = float(game.value(game.players))
        if sum(singles) > total + 1e-9 * max(scale, abs(total)):
            raise ValueError("the imputation set is empty (Σ v(i) > v(N)); use the pre-nucleolus")
    s = _Solver(game, individually_rational)
    x = s.solve()
    chis, vps = zip(*s.generated.values())
    cert = kohlberg(
        s.oracle,
        np.array(chis),
        np.array(vps),
        x,
        s.vN,
        s.singles if individually_rational else None,
    )
    cert.max_deviation *= s.scale
    return LargeNucleolus(
        pd.Series(x * s.scale, index=index, dtype=float),
        len(s.levels),
        s.oracle.calls,
        s.lps,
        cert,
    )

"""(Pre-)nucleolus of a structured game's stay-out game v⁺, without enumerating 2^n groups.

The same sequence of linear programs as ``nucleolus.py``: round k minimises the largest
excess ε over the coalitions not yet fixed, then fixes the coalitions tight in *every*
optimum (Guajardo & Jörnsten 2015). Here no list of coalitions exists: every LP starts
from a working set and asks the separation oracle (``oracle.Oracle``, a MILP on the
structure) for the most violated coalition until none is left. Coalitions whose excess is
already determined (in the span of the fixed ones and N) are excluded from the oracle
exactly. The "tight in every optimum" test runs over the optimal face, itself described by
every excess constraint, so its LPs use the oracle too.

The result comes with a certificate (``certificate.kohlberg``): Kohlberg's criterion on the
generated coalitions, and the oracle's word that no other coalition breaks it.
Amounts are euros (any unit); tolerances are relative to the largest |amount|.

Status (issue 14, open): exact and certified on small games (the tests compare it with the
explicit nucleolus), but not yet fast enough for 35+ partners (4–10 s at 20, no convergence
in 10 minutes at 35: round 1's optimal face is large and the cutting planes zigzag), so
``fair_split`` does not use it yet and still refuses the nucleolus above 16 partners.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.optimize import linprog

from .certificate import Certificate, kohlberg
from .oracle import Oracle
from .span import Span
from .structured import StructuredGame

TOL = 1e-8  # violation of an excess constraint, relative to the scale
TIGHT = 1e-7  # slack below this counts as tight
MAX_PLAYERS = 100
DEBUG = False
# In-out separation: measured slower than plain cutting planes at 20 players (issue 14,
# work in progress), so it is off.
IN_OUT = False
ADD_PER_CALL = 32  # violated coalitions added to the working set per oracle call


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
        self.bounds = [(s, None) for s in self.singles] if self.ir else [(None, None)] * n
        self.working: dict[bytes, tuple[np.ndarray, float]] = {}
        self.generated: dict[bytes, tuple[np.ndarray, float]] = {}
        start = np.vstack([eye, 1.0 - eye]) if n > 2 else eye
        self._add(start)
        self.levels: list[float] = []
        self.lps = 0

    def _add(self, chis: np.ndarray) -> int:
        added = 0
        for chi, vp in zip(chis, self.oracle.value_plus(chis)):
            key = chi.astype(bool).tobytes()
            if key not in self.working:
                self.working[key] = (chi.astype(float), float(vp))
                self.generated[key] = self.working[key]
                added += 1
        return added

    def _matrix(self):
        chis = np.array([c for c, _ in self.working.values()]).reshape(-1, self.n)
        vp = np.array([v for _, v in self.working.values()])
        return chis, vp

    # -- one LP with constraint generation ----------------------------------------------------
    def _lp(self, c, face: float | None, extra_ub=None, extra_bounds=(), inside=None):
        """min c·z, z = (x, extras), every non-determined excess ≤ ε (z[n], face None) or
        ≤ face; extra_ub = (rows over z, rhs) for the filter's slacks.

        Plain cutting planes zigzag in 40 dimensions; the oracle separates at a point
        halfway between the LP's optimum and a point known to satisfy every constraint
        (in-out separation, Ben-Ameur & Neto 2007): a violated cut there also cuts the
        optimum off, and a point without one becomes the new inner point. Once the two
        objectives meet, the inner point is an optimum of the full LP (within TOL): the
        relaxation's value bounds the full one. ``inside``: a feasible z, if known.
        """
        n = self.n
        n_extra = len(c) - n
        A_eq = np.hstack([np.array(self.eq_rows), np.zeros((len(self.eq_rows), n_extra))])
        b_eq = np.array(self.eq_rhs)
        bounds = list(self.bounds) + list(extra_bounds)
        z_in = inside if IN_OUT else None
        while True:
            chis, vp = self._matrix()
            A = np.hstack([-chis, np.zeros((len(vp), n_extra))])
            if face is None:
                A[:, n] = -1.0  # −x(S) − ε ≤ −v⁺(S)
                b = -vp
            else:
                b = face - vp
            if extra_ub is not None:
                A, b = np.vstack([A, extra_ub[0]]), np.r_[b, extra_ub[1]]
            self.lps += 1
            res = linprog(c, A_ub=A, b_ub=b, A_eq=A_eq, b_eq=b_eq, bounds=bounds, method="highs")
            if res.status != 0:
                raise RuntimeError(f"nucleolus LP failed: {res.message}")
            z_out = res.x
            if IN_OUT and z_in is None and face is None:
                z_in = z_out.copy()
                z_in[n] = max(z_out[n], self._worst(z_out[:n]))
            if z_in is not None and c @ z_in - res.fun <= TOL:
                return z_in, float(c @ z_in)  # feasible, and as good as the relaxation
            z = z_out if z_in is None else 0.5 * (z_in + z_out)
            if DEBUG:
                print("lp", self.lps, len(vp), self.oracle.calls, flush=True)
            found = self._violators(z[:n], z[n] if face is None else face)
            if len(found):
                self._add(found)
            elif z_in is None:
                return z_out, res.fun
            else:
                z_in = z

    def _worst(self, x: np.ndarray) -> float:
        """The largest excess of a non-determined coalition at x (exact, by the oracle)."""
        return max(float(self.oracle.value_plus(c)[0] - c @ x) for c in self.oracle.best(x, self.G))

    def _violators(self, x: np.ndarray, level: float) -> np.ndarray:
        """The oracle's most violated coalitions, with those of their neighbours (one
        player more or less) that are violated too: more cuts per MILP."""
        found = self._keep(self._ascent(x), x, level)
        if not len(found):
            best = [c.astype(float) for c in self.oracle.best(x, self.G)]
            flips = np.vstack([np.abs(c[None, :] - np.eye(self.n)) for c in best])
            found = self._keep(np.vstack([np.array(best), flips]), x, level)
        return found

    def _keep(self, chis: np.ndarray, x: np.ndarray, level: float) -> np.ndarray:
        """The proper, non-determined, new coalitions among chis violating the level,
        most violated first."""
        size = chis.sum(1)
        chis = chis[(size >= 1) & (size <= self.n - 1)]
        if self.G is not None:
            chis = chis[np.any(np.abs(chis @ self.G.T) > 0.5, axis=1)]
        e = self.oracle.value_plus(chis) - chis @ x
        keep = [
            i
            for i in np.argsort(-e)
            if e[i] > level + TOL and chis[i].astype(bool).tobytes() not in self.working
        ]
        return chis[keep[:ADD_PER_CALL]]

    def _ascent(self, x: np.ndarray, seeds: int = 24) -> np.ndarray:
        """Cheap pricing before the exact MILP: steepest ascent of the excess over
        one-player flips, from the working coalitions with the largest excess and from the
        benefit streams' required sets. Returns the coalitions it visited."""
        chis, vp = self._matrix()
        top = chis[np.argsort(-(vp - chis @ x))[:seeds]]
        current = np.unique(np.vstack([top, self.oracle.R, np.eye(self.n)]), axis=0)
        eye = np.eye(self.n)
        visited = [current]
        e = self.oracle.value_plus(current) - current @ x
        for _ in range(self.n):
            flips = np.abs(current[:, None, :] - eye[None, :, :])  # (m, n, n)
            flat = flips.reshape(-1, self.n)
            size = flat.sum(1)
            ef = self.oracle.value_plus(flat) - flat @ x
            ef[(size < 1) | (size > self.n - 1)] = -np.inf
            ef = ef.reshape(len(current), self.n)
            j = ef.argmax(1)
            gain = ef[np.arange(len(current)), j] > e + TOL
            if not gain.any():
                break
            current = flips[np.arange(len(current)), j][gain]
            e = ef[np.arange(len(gain)), j][gain]
            visited.append(current)
        return np.unique(np.vstack(visited), axis=0)

    # -- the rounds ----------------------------------------------------------------------------
    def solve(self) -> np.ndarray:
        n = self.n
        while self.span.rank < n:
            z, _ = self._lp(np.r_[np.zeros(n), 1.0], None, extra_bounds=[(None, None)])
            eps, x = float(z[n]), z[:n]
            tight = self._always_tight(eps, x)
            for key in tight:
                chi, vp = self.working[key]
                if self.span.add(chi):
                    self.eq_rows.append(chi)
                    self.eq_rhs.append(vp - eps)
            self.levels.append(eps)
            self._drop_determined()
        A, b = np.array(self.eq_rows), np.array(self.eq_rhs)
        return np.linalg.solve(A, b)  # one row per rank step: square and regular

    def _always_tight(self, eps: float, x: np.ndarray) -> list[bytes]:
        """Working coalitions tight in every optimum of this round.

        One LP pushes the slack of every candidate up at once (capped at 1); a candidate
        with positive slack is not always tight. Repeated on the rest until no remaining
        candidate can be slack: the slacks are affine on the face, so an average of points
        would show any candidate that can be slack somewhere.
        """
        keys = [k for k, (chi, vp) in self.working.items() if vp - chi @ x >= eps - TIGHT]
        while keys:
            k = len(keys)
            chis = np.array([self.working[key][0] for key in keys])
            vps = np.array([self.working[key][1] for key in keys])
            slack_rows = np.hstack([-chis, np.eye(k)])
            z, _ = self._lp(
                np.r_[np.zeros(self.n), -np.ones(k)],
                eps,
                extra_ub=(slack_rows, eps - vps),
                extra_bounds=[(0.0, 1.0)] * k,
                inside=np.r_[x, np.zeros(k)],
            )
            slack = z[self.n :]
            if slack.sum() <= TIGHT:
                return keys
            keys = [key for key, s in zip(keys, slack) if s <= TIGHT]
        raise RuntimeError("nucleolus: no coalition is tight in every optimum (numerical)")

    def _drop_determined(self) -> None:
        if self.span.rank == self.n:
            self.working.clear()
            return
        G = self.span.conditions()
        if np.abs(G).max() * self.n > 2.0**52:
            raise RuntimeError("nucleolus: span conditions too large for exact arithmetic")
        self.G = G
        for key in [k for k, (chi, _) in self.working.items() if not np.any(np.abs(G @ chi) > 0.5)]:
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
    s = _Solver(game, individually_rational)
    if individually_rational and s.singles.sum() > s.vN + 1e-9 * max(1.0, abs(s.vN)):
        raise ValueError("the imputation set is empty (Σ v(i) > v(N)); use the pre-nucleolus")
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

"""Games with the business-case structure, and Shapley sampling for large generic games.

A structured game is a sum of unanimity games (a benefit stream B_k that needs every
player in R_k) and union cost games (a cost C_j incurred as soon as any player of U_j
takes part):

    v(S) = Σ_k B_k · 1[R_k ⊆ S] − Σ_j C_j · 1[S ∩ U_j ≠ ∅]

Its Shapley value has an exact closed form for any number of players,

    φ_i = Σ_{k: i ∈ R_k} B_k / |R_k| − Σ_{j: i ∈ U_j} C_j / |U_j|,

because the Shapley value is additive and splits each unanimity or union game equally
among the players it involves.

Amounts may have either sign: a benefit stream with a negative amount is an extra cost
that arises only when all of R_k take part (the gross cost side of an outcome, such as
extra home care while a nursing-home admission is postponed). The closed form, the
explicit game and the max-excess program hold for both signs.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .game import MAX_EXPLICIT_PLAYERS, TUGame


@dataclass(frozen=True)
class Stream:
    """A benefit (earned when all of `players` take part) or a cost (incurred when any of
    them does). The amount may be negative: a negative benefit is a loss that needs all of
    `players`, a negative cost a gain that needs any of them."""

    name: str
    amount: float
    players: frozenset


@dataclass
class StructuredGame:
    players: list
    benefits: list[Stream] = field(default_factory=list)
    costs: list[Stream] = field(default_factory=list)

    def __post_init__(self):
        known = set(self.players)
        for s in self.benefits + self.costs:
            if not s.players:
                raise ValueError(f"{s.name}: a stream needs at least one player")
            if not s.players <= known:
                raise ValueError(f"{s.name}: unknown players {sorted(s.players - known)}")

    @property
    def n(self) -> int:
        return len(self.players)

    def value(self, coalition) -> float:
        S = frozenset(coalition)
        return sum(b.amount for b in self.benefits if b.players <= S) - sum(
            c.amount for c in self.costs if c.players & S
        )

    def shapley(self) -> pd.Series:
        """Exact closed form, any number of players."""
        phi = dict.fromkeys(self.players, 0.0)
        for b in self.benefits:
            for p in b.players:
                phi[p] += b.amount / len(b.players)
        for c in self.costs:
            for p in c.players:
                phi[p] -= c.amount / len(c.players)
        return pd.Series(phi, dtype=float).rename_axis("player")

    def to_tugame(self) -> TUGame:
        """The explicit game (up to MAX_EXPLICIT_PLAYERS players), vectorised over masks."""
        n = self.n
        if n > MAX_EXPLICIT_PLAYERS:
            raise ValueError(f"{n} players: too many to enumerate")
        index = {p: i for i, p in enumerate(self.players)}
        masks = np.arange(1 << n, dtype=np.int64)
        v = np.zeros(1 << n)
        for b in self.benefits:
            need = sum(1 << index[p] for p in b.players)
            v += b.amount * ((masks & need) == need)
        for c in self.costs:
            any_of = sum(1 << index[p] for p in c.players)
            v -= c.amount * ((masks & any_of) != 0)
        return TUGame(self.players, v)

    def max_excess(self, x) -> tuple[frozenset, float]:
        """The proper coalition S maximising v(S) − x(S), for any number of players.

        A small mixed-integer program (HiGHS): s_i ∈ {0, 1} membership; y_k = 1[R_k ⊆ S]
        (benefit k earned) and z_j = 1[U_j ∩ S ≠ ∅] (cost j incurred), held exactly by
        y_k ≤ s_i and y_k ≥ Σ_{i∈R_k} s_i − |R_k| + 1, z_j ≥ s_i and z_j ≤ Σ_{i∈U_j} s_i.
        Both sides are needed once amounts can be negative: the objective no longer pushes
        y_k up and z_j down by itself.
        """
        x = np.array([float(x[p]) for p in self.players]) if not isinstance(x, np.ndarray) else x
        n, K, J = self.n, len(self.benefits), len(self.costs)
        index = {p: i for i, p in enumerate(self.players)}
        # variables: s (n), y (K), z (J); maximise Σ B y − Σ C z − Σ x s
        c = -np.r_[-x, [b.amount for b in self.benefits], [-c.amount for c in self.costs]]
        rows, lo, hi = [], [], []  # type: list[np.ndarray], list[float], list[float]

        def row():
            return np.zeros(n + K + J)

        def constrain(coefficients: np.ndarray, low: float, high: float) -> None:
            rows.append(coefficients)
            lo.append(low)
            hi.append(high)

        for k, b in enumerate(self.benefits):
            all_in = row()
            all_in[n + k] = 1
            for p in b.players:
                r = row()
                r[n + k], r[index[p]] = 1, -1  # y_k − s_i ≤ 0
                constrain(r, -np.inf, 0)
                all_in[index[p]] = -1
            # y_k − Σ s_i ≥ 1 − |R_k|
            constrain(all_in, 1 - len(b.players), np.inf)
        for j, cs in enumerate(self.costs):
            any_in = row()
            any_in[n + K + j] = 1
            for p in cs.players:
                r = row()
                r[index[p]], r[n + K + j] = 1, -1  # s_i − z_j ≤ 0
                constrain(r, -np.inf, 0)
                any_in[index[p]] = -1
            constrain(any_in, -np.inf, 0)  # z_j − Σ s_i ≤ 0
        size = np.r_[np.ones(n), np.zeros(K + J)]
        constrain(size, 1, n - 1)  # proper, non-empty
        from scipy.optimize import Bounds, LinearConstraint, milp  # only when asked for

        res = milp(
            c,
            constraints=LinearConstraint(np.array(rows), lo, hi),
            integrality=np.r_[np.ones(n), np.zeros(K + J)],
            bounds=Bounds(0, 1),
            # HiGHS stops at a 0.01% gap by default: on a group's excess of €60 that
            # is €0.006 short of the true maximum, so the stability check would not
            # be exact. The program is small; ask for the optimum.
            options={"mip_rel_gap": 0.0},
        )
        if res.status != 0:
            raise RuntimeError(f"max-excess MILP failed: {res.message}")
        members = frozenset(p for p, s in zip(self.players, res.x[:n]) if s > 0.5)
        return members, float(-res.fun)

    def null_players(self) -> list:
        """Players that never change any coalition's value, read from the structure.

        The game is a sum of unanimity games: streams (and single-payer costs, as negative
        streams) on the same set of players are merged into one coefficient, the Harsanyi
        dividend of that set. A player is null exactly when every set holding it has a zero
        dividend and it is in no shared (union) cost with a non-zero amount; in particular
        a player in no stream at all is null.
        """
        dividends: dict[frozenset, float] = {}
        for b in self.benefits:
            dividends[b.players] = dividends.get(b.players, 0.0) + b.amount
        shared: set[str] = set()
        for c in self.costs:
            if len(c.players) == 1:
                dividends[c.players] = dividends.get(c.players, 0.0) - c.amount
            elif c.amount != 0:
                shared |= c.players
        scale = max([1.0] + [abs(s.amount) for s in self.benefits + self.costs])
        active = set(shared)
        for players, amount in dividends.items():
            if abs(amount) > 1e-12 * scale:
                active |= players
        return [p for p in self.players if p not in active]

    def restricted(self, players) -> StructuredGame:
        """The subgame on a subset T of the players: v(S) for S ⊆ T only.

        A benefit that needs someone outside T is never earned there; a cost is incurred
        when any of its players within T takes part. Restricted to the non-null players
        (``null_players``) it is the game with the null players left out.
        """
        keep = set(players)
        return StructuredGame(
            [p for p in self.players if p in keep],
            [b for b in self.benefits if b.players <= keep],
            [Stream(c.name, c.amount, c.players & keep) for c in self.costs if c.players & keep],
        )


def sampled_shapley(
    players: Sequence,
    v: Callable[[frozenset], float],
    permutations: int,
    seed: int = 0,
    delta: float = 0.05,
):
    """Shapley value by permutation sampling (Castro, Gómez & Tejada 2009).

    Returns (estimate, standard_error, hoeffding_halfwidth) as Series: with probability
    1 − delta each estimate is within the Hoeffding half-width r·sqrt(ln(2/δ) / (2m)) of
    the true value, r being the observed range of that player's marginal contributions
    (a bound that is exact when r is the true range).
    """
    players = list(players)
    n = len(players)
    rng = np.random.default_rng(seed)
    contributions = np.empty((permutations, n))
    for m in range(permutations):
        order = rng.permutation(n)
        coalition: set = set()
        before = 0.0
        for i in order:
            coalition.add(players[i])
            after = v(frozenset(coalition))
            contributions[m, i] = after - before
            before = after
    est = contributions.mean(0)
    se = contributions.std(0, ddof=1) / math.sqrt(permutations)
    spread = contributions.max(0) - contributions.min(0)
    half = spread * math.sqrt(math.log(2 / delta) / (2 * permutations))
    idx = pd.Index(players, name="player")
    return pd.Series(est, idx), pd.Series(se, idx), pd.Series(half, idx)

"""Transferable-utility games on bitmasks, with the classic solution concepts.

A coalition is a bitmask over the players (bit i = player i in the order given); the
characteristic function is a numpy array ``v`` of length 2^n with ``v[0] = 0``.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from . import blocs as _blocs
from . import nucleolus as _nucleolus

MAX_EXPLICIT_PLAYERS = 22


def popcounts(n: int) -> np.ndarray:
    """Number of players in each coalition mask 0 .. 2^n − 1."""
    pc = np.zeros(1 << n, dtype=np.int8)
    for b in range(n):
        pc[1 << b : 1 << (b + 1)] = pc[: 1 << b] + 1
    return pc


def incidence(n: int) -> np.ndarray:
    """(2^n, n) boolean matrix: row S has True for the players in S."""
    masks = np.arange(1 << n, dtype=np.int64)
    return ((masks[:, None] >> np.arange(n)) & 1).astype(bool)


class TUGame:
    """A game in characteristic-function form, v(S) for every coalition S.

    Parameters
    ----------
    players : sequence of hashable player names
    values : ndarray (2^n,), v by bitmask (bit i = players[i]); v[0] must be 0
    """

    def __init__(self, players: Sequence, values: np.ndarray):
        self.players = list(players)
        n = len(self.players)
        if len(set(self.players)) != n:
            raise ValueError("player names must be unique")
        if n > MAX_EXPLICIT_PLAYERS:
            raise ValueError(
                f"{n} players: explicit games go up to {MAX_EXPLICIT_PLAYERS}; "
                "use a StructuredGame (closed forms) or sampling"
            )
        v = np.asarray(values, dtype=float)
        if v.shape != (1 << n,):
            raise ValueError(f"expected {1 << n} values for {n} players, got {v.shape}")
        if v[0] != 0:
            raise ValueError("v(empty coalition) must be 0")
        self.v = v
        self._index = {p: i for i, p in enumerate(self.players)}

    # -- construction ----------------------------------------------------------------------
    @classmethod
    def from_lex(cls, players: Sequence, values: Sequence[float]) -> TUGame:
        """Values of the non-empty coalitions by size, then lexicographic (R CoopGame order):
        for players A, B, C: A, B, C, AB, AC, BC, ABC."""
        n = len(players)
        v = np.zeros(1 << n)
        order = [
            sum(1 << i for i in combo)
            for k in range(1, n + 1)
            for combo in itertools.combinations(range(n), k)
        ]
        if len(values) != len(order):
            raise ValueError(f"expected {len(order)} values for {n} players, got {len(values)}")
        v[order] = values
        return cls(players, v)

    @classmethod
    def from_function(cls, players: Sequence, v: Callable[[frozenset], float]) -> TUGame:
        """Evaluate v(frozenset of players) on every coalition."""
        players = list(players)
        n = len(players)
        if n > MAX_EXPLICIT_PLAYERS:
            raise ValueError(f"{n} players: too many coalitions to enumerate")
        values = np.zeros(1 << n)
        for mask in range(1, 1 << n):
            values[mask] = v(frozenset(p for i, p in enumerate(players) if mask >> i & 1))
        return cls(players, values)

    # -- basics ----------------------------------------------------------------------------
    @property
    def n(self) -> int:
        return len(self.players)

    @property
    def grand(self) -> int:
        return (1 << self.n) - 1

    def mask(self, coalition: Iterable) -> int:
        try:
            return sum(1 << self._index[p] for p in coalition)
        except KeyError as exc:
            raise KeyError(f"unknown player {exc.args[0]!r}; players are {self.players}") from None

    def members(self, mask: int) -> list:
        return [p for i, p in enumerate(self.players) if mask >> i & 1]

    def value(self, coalition: Iterable) -> float:
        return float(self.v[self.mask(coalition)])

    def _vector(self, x) -> np.ndarray:
        if isinstance(x, (Mapping, pd.Series)):
            return np.array([float(x[p]) for p in self.players])
        x = np.asarray(x, dtype=float)
        if x.shape != (self.n,):
            raise ValueError(f"an allocation has {self.n} entries")
        return x

    def _series(self, x: np.ndarray) -> pd.Series:
        # tupleize_cols=False: a quotient game's players are tuples, not a MultiIndex.
        index = pd.Index(self.players, name="player", tupleize_cols=False)
        return pd.Series(x, index=index, dtype=float)

    def excesses(self, x) -> np.ndarray:
        """e(S, x) = v(S) − x(S) for every mask (length 2^n)."""
        x = self._vector(x)
        return self.v - incidence(self.n) @ x

    # -- solutions -------------------------------------------------------------------------
    def shapley(self) -> pd.Series:
        """Exact Shapley value by vectorised enumeration of all coalitions.

        φ_i = Σ_{S ∌ i} |S|! (n − |S| − 1)! / n! · (v(S ∪ i) − v(S)).
        """
        n = self.n
        pc = popcounts(n)
        weights = np.array(
            [math.factorial(s) * math.factorial(n - s - 1) / math.factorial(n) for s in range(n)]
        )
        phi = np.empty(n)
        for i in range(n):
            # Masks split on bit i: [..., 0, ...] without i and [..., 1, ...] with i.
            pairs = self.v.reshape(-1, 2, 1 << i)
            without = pc.reshape(-1, 2, 1 << i)[:, 0, :]
            phi[i] = np.sum(weights[without] * (pairs[:, 1, :] - pairs[:, 0, :]))
        return self._series(phi)

    def _bloc_indices(self, blocs: Sequence[Iterable]) -> list[list[int]]:
        return [[self._index_of(p) for p in bloc] for bloc in blocs]

    def _index_of(self, player) -> int:
        try:
            return self._index[player]
        except KeyError:
            raise KeyError(f"unknown player {player!r}; players are {self.players}") from None

    def quotient(self, blocs: Sequence[Iterable]) -> TUGame:
        """The game between the blocs: each bloc is one player, v_Q(R) = v(∪_{k ∈ R} B_k).

        A bloc is named by the tuple of its members, in the order given.
        """
        indices = self._bloc_indices(blocs)
        masks = _blocs.bloc_masks(self.n, indices)
        names = [tuple(self.players[i] for i in bloc) for bloc in indices]
        return TUGame(names, _blocs.quotient_values(self.v, masks))

    def owen(self, blocs: Sequence[Iterable]) -> pd.Series:
        """Exact Owen value (Owen 1977) for a partition of the players into blocs.

        In words: the blocs arrive in a random order, all orders equally likely, and within
        each bloc its members arrive in a random order; a player gets its expected marginal
        contribution over these orders, in which each bloc's members come in one block.
        Equivalently: the blocs split v(N) by the Shapley value of the quotient game, and
        within bloc B_k the members split that by the Shapley value of the game that values
        a coalition T ⊆ B_k with the other blocs in random order before it.

        For i in bloc B_k, with m blocs, Q_R the union of the blocs in R, r = |R|, t = |T|:

            φ_i = Σ_{R ⊆ M∖{k}} Σ_{T ⊆ B_k∖{i}} r!(m−r−1)!/m! · t!(b_k−t−1)!/b_k!
                  · [v(Q_R ∪ T ∪ {i}) − v(Q_R ∪ T)].

        One bloc per player, or one bloc of all players, gives the Shapley value.
        """
        return self._series(_blocs.owen_values(self.v, self.n, self._bloc_indices(blocs)))

    def stay_out(self) -> TUGame:
        """The game in which a group may also stay out and gain nothing: v⁺(S) = max(v(S), 0)
        for every proper group S, v⁺(N) = v(N) (the convention of the case game's nucleolus
        and stability check)."""
        values = np.maximum(self.v, 0.0)
        values[-1] = self.v[-1]
        return TUGame(self.players, values)

    def equal_surplus(self) -> pd.Series:
        """x_i = v(i) + (v(N) − Σ_j v(j)) / n."""
        singles = self.v[[1 << i for i in range(self.n)]]
        return self._series(singles + (self.v[self.grand] - singles.sum()) / self.n)

    def proportional(self, weights) -> pd.Series:
        """v(N) split in proportion to non-negative weights (e.g. benefits received)."""
        w = self._vector(weights)
        if np.any(w < 0) or w.sum() <= 0:
            raise ValueError("proportional weights must be non-negative with a positive sum")
        return self._series(self.v[self.grand] * w / w.sum())

    def nucleolus(self) -> pd.Series:
        """Nucleolus over imputations (x(N) = v(N), x_i ≥ v(i)); empty imputation set raises."""
        singles = self.v[[1 << i for i in range(self.n)]]
        if singles.sum() > self.v[self.grand] + 1e-9 * max(1.0, np.abs(self.v).max()):
            raise ValueError("the imputation set is empty (Σ v(i) > v(N)); use prenucleolus()")
        return self._series(_nucleolus.solve(self.n, self.v, individually_rational=True))

    def prenucleolus(self) -> pd.Series:
        """Pre-nucleolus: as the nucleolus, over all efficient vectors."""
        return self._series(_nucleolus.solve(self.n, self.v, individually_rational=False))

    def core_excess(self, x) -> tuple[frozenset, float]:
        """The proper coalition with the largest excess v(S) − x(S), and that excess.

        A positive excess means that coalition would do better on its own.
        """
        e = self.excesses(x)
        e[[0, self.grand]] = -np.inf
        worst = int(np.argmax(e))
        return frozenset(self.members(worst)), float(e[worst])

    def in_core(self, x, tol: float = 1e-9) -> bool:
        """x is efficient and no coalition can do better on its own."""
        xv = self._vector(x)
        scale = max(1.0, float(np.abs(self.v).max()))
        if abs(xv.sum() - self.v[self.grand]) > tol * scale:
            return False
        return self.core_excess(xv)[1] <= tol * scale

    def is_core_empty(self) -> bool:
        """True if no allocation is in the core (checked with the pre-nucleolus)."""
        return not self.in_core(self.prenucleolus(), tol=1e-7)

    def __repr__(self) -> str:
        shown = ", ".join(map(str, self.players[:6])) + ("…" if self.n > 6 else "")
        return f"TUGame({self.n} players: {shown})"

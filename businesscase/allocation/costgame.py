"""Cost games and the separable-cost methods of multi-purpose projects.

In a cost game c(S) is what serving coalition S on its own would cost. The separable cost
of i is m_i = c(N) − c(N ∖ i), what i adds last; the non-separable rest is
g = c(N) − Σ m_j. The methods differ in how they split g:

- SCRB (separable costs, remaining benefits; US water projects): in proportion to
  r_i = min(b_i, c(i)) − m_i, the justifiable cost beyond the separable one.
- Alternate cost avoided (ACA): the same with r_i = c(i) − m_i, i.e. SCRB when every
  benefit exceeds the stand-alone cost. MatTuGames calls this 'ACA'.
- ENSC (equal non-separable costs): g / n each. MatTuGames' option named 'SCRB' is this.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .game import TUGame


class CostGame:
    """c(S) for every coalition; allocations are cost shares (they sum to c(N))."""

    def __init__(self, players, costs: np.ndarray):
        self._game = TUGame(players, costs)  # reuse bitmask bookkeeping and validation
        self.players = self._game.players
        self.c = self._game.v

    @classmethod
    def from_lex(cls, players, values) -> CostGame:
        g = TUGame.from_lex(players, values)
        return cls(g.players, g.v)

    @classmethod
    def from_function(cls, players, c) -> CostGame:
        g = TUGame.from_function(players, c)
        return cls(g.players, g.v)

    @property
    def n(self) -> int:
        return len(self.players)

    def _singles(self) -> np.ndarray:
        return self.c[[1 << i for i in range(self.n)]]

    def savings_game(self) -> TUGame:
        """v(S) = Σ_{i∈S} c(i) − c(S): what S saves by cooperating."""
        from .game import incidence

        return TUGame(self.players, incidence(self.n) @ self._singles() - self.c)

    def _from_savings(self, x: pd.Series) -> pd.Series:
        return pd.Series(self._singles() - x.to_numpy(), index=x.index)

    def shapley(self) -> pd.Series:
        return self._game.shapley()  # linear: the Shapley value of c is the cost share

    def nucleolus(self) -> pd.Series:
        """Cost nucleolus: stand-alone cost minus the nucleolus of the savings game."""
        return self._from_savings(self.savings_game().nucleolus())

    def separable_costs(self) -> tuple[pd.Series, float]:
        grand = (1 << self.n) - 1
        m = np.array([self.c[grand] - self.c[grand & ~(1 << i)] for i in range(self.n)])
        return pd.Series(m, index=pd.Index(self.players, name="player")), float(
            self.c[grand] - m.sum()
        )

    def scrb(self, benefits=None) -> pd.Series:
        """Separable costs, remaining benefits. Without benefits: alternate cost avoided."""
        m, g = self.separable_costs()
        alternative = self._singles()
        if benefits is not None:
            b = np.array([float(benefits[p]) for p in self.players])
            alternative = np.minimum(b, alternative)
        r = alternative - m.to_numpy()
        if np.any(r < -1e-9):
            raise ValueError("a justifiable cost is below its separable cost: SCRB is undefined")
        share = r / r.sum() if r.sum() > 0 else np.full(self.n, 1 / self.n)
        return m + share * g

    def alternate_cost_avoided(self) -> pd.Series:
        return self.scrb(None)

    def ensc(self) -> pd.Series:
        """Equal split of the non-separable costs."""
        m, g = self.separable_costs()
        return m + g / self.n

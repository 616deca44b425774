"""Exact linear span of 0/1 coalition vectors, for the nucleolus of large structured games.

A coalition whose vector lies in the span of the fixed coalitions has a determined excess
and must not be separated again. Rows are kept in reduced echelon form over the rationals,
so membership is decided exactly (no rank tolerance), and the complement of the span is
described by integer conditions: χ lies in the span iff g_q · χ = 0 for every free column q.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np


class Span:
    """The span of added 0/1 (or integer) vectors of length n, in exact arithmetic."""

    def __init__(self, n: int):
        self.n = n
        self.rows: list[list[Fraction]] = []  # reduced echelon form
        self.pivots: list[int] = []
        self._conditions: np.ndarray | None = None

    def copy(self) -> Span:
        other = Span(self.n)
        other.rows = [list(r) for r in self.rows]
        other.pivots = list(self.pivots)
        return other

    @property
    def rank(self) -> int:
        return len(self.rows)

    def _reduce(self, vector) -> list[Fraction]:
        r = [a if isinstance(a, Fraction) else Fraction(int(a)) for a in vector]
        for row, p in zip(self.rows, self.pivots):
            if r[p]:
                f = r[p]
                r = [a - f * b for a, b in zip(r, row)]
        return r

    def contains(self, vector) -> bool:
        return not any(self._reduce(vector))

    def add(self, vector) -> bool:
        """Add a vector; True if it raised the rank."""
        r = self._reduce(vector)
        p = next((i for i, a in enumerate(r) if a), None)
        if p is None:
            return False
        pivot = r[p]
        r = [a / pivot for a in r]
        for i, row in enumerate(self.rows):  # keep the form reduced
            if row[p]:
                f = row[p]
                self.rows[i] = [a - f * b for a, b in zip(row, r)]
        self.rows.append(r)
        self.pivots.append(p)
        self._conditions = None
        return True

    def conditions(self) -> np.ndarray:
        """Integer matrix G (one row per free column): χ in the span iff G χ = 0."""
        if self._conditions is None:
            self._conditions = self._compute_conditions()
        return self._conditions

    def atoms(self) -> list[np.ndarray]:
        """The players no vector of the span tells apart (equal columns), in groups.

        Every 0/1 vector of the span is constant on each group, so a coalition that
        splits a group is outside it; a coalition that splits none is a union of groups,
        and lies in the span iff its group vector satisfies ``atom_conditions``."""
        groups: dict[tuple, list[int]] = {}
        for j in range(self.n):
            groups.setdefault(tuple(row[j] for row in self.rows), []).append(j)
        return [np.array(g) for g in groups.values()]

    def atom_conditions(self) -> np.ndarray:
        """Integer rows h over the players (non-zero only at each group's first member):
        a union of groups lies in the span iff h · χ = 0 for every row. None at all when
        the span holds every union of groups, as it does along the nucleolus's rounds."""
        atoms = self.atoms()
        reps = [int(a[0]) for a in atoms]
        inner = Span(len(reps))
        for row in self.rows:
            inner.add([row[r] for r in reps])
        H = inner.conditions()
        out = np.zeros((len(H), self.n))
        out[:, reps] = H
        return out

    def _compute_conditions(self) -> np.ndarray:
        pivot_set = set(self.pivots)
        out = []
        for q in range(self.n):
            if q in pivot_set:
                continue
            # χ_q must equal Σ_i χ_{p_i} · row_i[q] for χ in the span
            g = [Fraction(0)] * self.n
            g[q] = Fraction(1)
            for row, p in zip(self.rows, self.pivots):
                g[p] -= row[q]
            lcd = math.lcm(*(a.denominator for a in g))
            out.append([int(a * lcd) for a in g])
        return np.array(out, dtype=float).reshape(len(out), self.n)

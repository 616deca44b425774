"""Games with a coalition structure: partners that negotiate as blocs.

A coalition structure is a partition of the players into blocs B_1 .. B_m (all corporations,
all care providers, ...). The functions here work on the bitmask representation of
``TUGame`` (bit i = player i, ``v`` of length 2^n); ``TUGame.owen`` and ``TUGame.quotient``
are the public face.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np


def bloc_masks(n: int, blocs: Sequence[Sequence[int]]) -> list[int]:
    """The player bitmask of each bloc, after checking that the blocs partition 0 .. n − 1."""
    seen: list[int] = [i for bloc in blocs for i in bloc]
    if any(len(bloc) == 0 for bloc in blocs):
        raise ValueError("a bloc must have at least one player")
    if sorted(seen) != list(range(n)):
        twice = sorted({i for i in seen if seen.count(i) > 1})
        missing = sorted(set(range(n)) - set(seen))
        raise ValueError(
            "the blocs must partition the players: "
            f"in more than one bloc {twice}, in none {missing}"
        )
    return [sum(1 << i for i in bloc) for bloc in blocs]


def union_masks(masks: Sequence[int]) -> np.ndarray:
    """For every subset R of the given disjoint masks (as a bitmask over them), their union."""
    out = np.zeros(1 << len(masks), dtype=np.int64)
    for k, mask in enumerate(masks):
        out[1 << k : 1 << (k + 1)] = out[: 1 << k] | mask
    return out


def quotient_values(v: np.ndarray, masks: Sequence[int]) -> np.ndarray:
    """v_Q(R) = v(∪_{k ∈ R} B_k): the game played between the blocs, by bitmask over blocs."""
    return v[union_masks(masks)]


def _shapley_weights(size: int) -> np.ndarray:
    """w[s] = s! (size − s − 1)! / size!, the chance that exactly s given others come first."""
    return np.array(
        [
            math.factorial(s) * math.factorial(size - s - 1) / math.factorial(size)
            for s in range(size)
        ]
    )


def owen_values(v: np.ndarray, n: int, blocs: Sequence[Sequence[int]]) -> np.ndarray:
    """The Owen value of player 0 .. n − 1 for the partition ``blocs`` (lists of indices).

    φ_i = Σ_{R ⊆ M∖{k}} Σ_{T ⊆ B_k∖{i}} r!(m−r−1)!/m! · t!(b_k−t−1)!/b_k!
          · [v(Q_R ∪ T ∪ {i}) − v(Q_R ∪ T)],  for i ∈ B_k,

    vectorised as a (2^(m−1) × 2^(b_k − 1)) table of coalitions per player.
    """
    masks = bloc_masks(n, blocs)
    m = len(masks)
    phi = np.zeros(n)
    bloc_weights = _shapley_weights(m)
    for k, bloc in enumerate(blocs):
        others = [mask for j, mask in enumerate(masks) if j != k]
        q_r = union_masks(others)
        r_sizes = np.array([bin(r).count("1") for r in range(1 << (m - 1))])
        w_r = bloc_weights[r_sizes]
        b = len(bloc)
        member_weights = _shapley_weights(b)
        for i in bloc:
            mates = [1 << j for j in bloc if j != i]
            t_masks = union_masks(mates)
            w_t = member_weights[[bin(t).count("1") for t in range(1 << (b - 1))]]
            without = q_r[:, None] | t_masks[None, :]
            gain = v[without | (1 << i)] - v[without]
            phi[i] = w_r @ gain @ w_t
    return phi

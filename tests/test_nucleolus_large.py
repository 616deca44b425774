"""The structured (pre-)nucleolus by constraint generation equals the explicit one."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from businesscase.allocation import Stream, StructuredGame, TUGame
from businesscase.allocation.nucleolus_large import structured_nucleolus


def random_game(n: int, seed: int) -> StructuredGame:
    rng = np.random.default_rng(seed)
    players = [f"p{i}" for i in range(n)]

    def pick(k):
        return frozenset(rng.choice(players, size=k, replace=False).tolist())

    benefits = [
        Stream(f"b{k}", float(rng.uniform(-3e4, 1e5)), pick(int(rng.integers(1, min(n, 4) + 1))))
        for k in range(2 * n)
    ]
    costs = [Stream(f"c{j}", float(rng.uniform(1e3, 5e4)), pick(1)) for j in range(n)]
    if n > 2:
        costs.append(Stream("shared", 2e4, pick(2)))
    return StructuredGame(players, benefits, costs)


def stay_out(game: StructuredGame) -> TUGame:
    tu = game.to_tugame()
    v = np.maximum(tu.v, 0.0)
    v[-1] = tu.v[-1]
    return TUGame(tu.players, v)


@settings(max_examples=15, deadline=None)
@given(st.integers(2, 8), st.integers(0, 10_000), st.booleans())
def test_equals_the_explicit_nucleolus(n, seed, individually_rational):
    game = random_game(n, seed)
    tu = stay_out(game)
    scale = max(abs(s.amount) for s in game.benefits + game.costs)
    try:
        expected = tu.nucleolus() if individually_rational else tu.prenucleolus()
    except ValueError:
        return
    found = structured_nucleolus(game, individually_rational)
    np.testing.assert_allclose(found.x.to_numpy(), expected.to_numpy(), atol=1e-6 * scale)
    assert found.certificate.certified
    assert abs(found.x.sum() - game.value(game.players)) <= 1e-6 * scale

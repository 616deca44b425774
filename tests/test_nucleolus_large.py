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


@settings(max_examples=30, deadline=None)
@given(st.integers(2, 14), st.integers(0, 10_000), st.booleans())
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


def test_above_the_enumeration_limit_it_equals_the_explicit_nucleolus():
    """17 players: fair_split's path above 16 against the enumeration of 2^17 groups."""
    for seed in (3,):
        game = random_game(17, seed)
        tu = stay_out(game)
        scale = max(abs(s.amount) for s in game.benefits + game.costs)
        try:
            expected, ir = tu.nucleolus(), True
        except ValueError:
            expected, ir = tu.prenucleolus(), False
        found = structured_nucleolus(game, ir)
        np.testing.assert_allclose(found.x.to_numpy(), expected.to_numpy(), atol=1e-6 * scale)
        assert found.certificate.certified


def test_a_wrong_point_is_not_certified():
    """The certificate can fail: moving the nucleolus a little breaks Kohlberg's criterion."""
    from businesscase.allocation.certificate import kohlberg
    from businesscase.allocation.nucleolus_large import _Solver

    game = random_game(9, 11)
    solver = _Solver(game, False)
    x = solver.solve()
    chis, vps = (np.array(a) for a in zip(*solver.generated.values()))
    assert kohlberg(solver.oracle, chis, vps, x, solver.vN, None).certified
    moved = x.copy()
    moved[0] += 1e-3
    moved[1] -= 1e-3
    assert not kohlberg(solver.oracle, chis, vps, moved, solver.vN, None).certified


def test_a_separation_answer_at_the_level_does_not_end_a_round():
    """24 players, seed 0: HiGHS returned coalitions that meet the cut-off row only within
    its tolerance (excess at the level, not above it), and the round ended with violated
    coalitions left; the result was 2,620 euros off and not certified."""
    game = random_game(24, 0)
    found = structured_nucleolus(game, True)
    assert found.certificate.certified
    assert found.certificate.max_deviation <= 1e-6 * 1e5


@settings(max_examples=25, deadline=None)
@given(st.integers(2, 12), st.integers(0, 10_000))
def test_the_local_search_scores_every_flip_as_the_game_does(n, seed):
    """The local search scores a one-player flip from the streams it completes or breaks;
    each score must be the excess of the flipped coalition computed from the game."""
    from businesscase.allocation.oracle import Oracle

    game = random_game(n, seed)
    oracle = Oracle(game, 1.0)
    rng = np.random.default_rng(seed)
    chis = (rng.random((12, n)) < 0.5).astype(float)
    x = rng.normal(size=n) * 1_000
    scored = oracle._flip_excess(chis, x)
    for a, chi in enumerate(chis):
        for i in range(n):
            flipped = chi.copy()
            flipped[i] = 1.0 - flipped[i]
            if not 1 <= flipped.sum() <= n - 1:
                assert scored[a, i] == -np.inf
                continue
            members = [p for p, inside in zip(game.players, flipped) if inside]
            expected = max(game.value(members), 0.0) - flipped @ x
            assert abs(scored[a, i] - expected) <= 1e-6 * max(1.0, abs(expected))

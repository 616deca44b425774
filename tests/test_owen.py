"""The Owen value of a game whose players negotiate in blocs (Owen 1977), and its quotient game.

Checked against: the Shapley value in the two trivial partitions, efficiency and the null
player, the quotient-game property, a 3-player game worked out by hand, a published example,
and a brute-force average over every order that keeps each bloc together.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from businesscase.allocation import TUGame

PLAYERS = "ABCDEFG"


@st.composite
def games_with_blocs(draw, min_players: int = 2, max_players: int = 7):
    """A random game with a random partition of its players into blocs."""
    n = draw(st.integers(min_players, max_players))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    values = np.round(rng.normal(0, 10, 1 << n), 3)
    values[0] = 0.0
    players = list(PLAYERS[:n])
    labels = draw(st.lists(st.integers(0, n - 1), min_size=n, max_size=n))
    blocs = [[p for p, lab in zip(players, labels) if lab == k] for k in sorted(set(labels))]
    return TUGame(players, values), blocs


def with_null_player(game: TUGame, null: int) -> TUGame:
    """The same game where player ``null`` adds exactly nothing to any coalition."""
    v = game.v.copy()
    bit = 1 << null
    for mask in range(1 << game.n):
        if mask & bit:
            v[mask] = v[mask & ~bit]
    return TUGame(game.players, v)


def owen_by_orders(game: TUGame, blocs: list[list[str]]) -> np.ndarray:
    """Average marginal contribution over all orders in which each bloc comes in one piece."""
    total = np.zeros(game.n)
    count = 0
    for bloc_order in itertools.permutations(blocs):
        for inner in itertools.product(*(itertools.permutations(b) for b in bloc_order)):
            mask = 0
            for player in itertools.chain.from_iterable(inner):
                i = game.players.index(player)
                total[i] += game.v[mask | 1 << i] - game.v[mask]
                mask |= 1 << i
            count += 1
    return total / count


@settings(max_examples=60, deadline=None)
@given(games_with_blocs())
def test_every_player_its_own_bloc_or_all_in_one_gives_the_shapley_value(case):
    game, _ = case
    shapley = game.shapley().to_numpy()
    singletons = [[p] for p in game.players]
    np.testing.assert_allclose(game.owen(singletons).to_numpy(), shapley, atol=1e-9)
    np.testing.assert_allclose(game.owen([game.players]).to_numpy(), shapley, atol=1e-9)


@settings(max_examples=60, deadline=None)
@given(games_with_blocs(), st.data())
def test_the_owen_value_is_efficient_and_gives_a_null_player_nothing(case, data):
    game, blocs = case
    assert game.owen(blocs).sum() == pytest.approx(game.v[game.grand], abs=1e-9)
    null = data.draw(st.integers(0, game.n - 1))
    nulled = with_null_player(game, null)
    assert nulled.owen(blocs).iloc[null] == pytest.approx(0.0, abs=1e-9)
    assert nulled.owen(blocs).sum() == pytest.approx(nulled.v[nulled.grand], abs=1e-9)


@settings(max_examples=60, deadline=None)
@given(games_with_blocs())
def test_a_bloc_together_gets_its_shapley_value_in_the_quotient_game(case):
    game, blocs = case
    owen = game.owen(blocs)
    quotient = game.quotient(blocs)
    assert quotient.players == [tuple(b) for b in blocs]
    for bloc, share in quotient.shapley().items():
        assert owen[list(bloc)].sum() == pytest.approx(share, abs=1e-9)


@settings(max_examples=40, deadline=None)
@given(games_with_blocs(max_players=6))
def test_the_owen_value_is_the_average_over_orders_that_keep_blocs_together(case):
    game, blocs = case
    np.testing.assert_allclose(game.owen(blocs).to_numpy(), owen_by_orders(game, blocs), atol=1e-9)


def test_a_three_player_game_worked_out_by_hand():
    # v(12) = v(13) = v(123) = 1, every other coalition 0; blocs {1, 2} and {3}.
    # The orders that keep {1, 2} together: 123, 213, 312, 321.
    #   player 1: 0 (first), 1 (v12 − v2), 1 (v13 − v3), 1 (v123 − v23)  -> 3/4
    #   player 2: 1 (v12 − v1), 0 (first), 0 (v123 − v13), 0 (v23 − v3)  -> 1/4
    #   player 3: 0 (v123 − v12) twice, 0 (first) twice                  -> 0
    # Quotient game: v_Q({12}) = 1, v_Q({3}) = 0, v_Q(both) = 1, so the blocs get 1 and 0.
    # Shapley without blocs, for contrast: (2/3, 1/6, 1/6); the bloc takes 3's share.
    game = TUGame.from_lex([1, 2, 3], [0, 0, 0, 1, 1, 0, 1])
    assert game.owen([[1, 2], [3]]).tolist() == pytest.approx([0.75, 0.25, 0.0], abs=1e-12)
    assert game.quotient([[1, 2], [3]]).shapley().tolist() == pytest.approx([1.0, 0.0])


def test_the_published_example_of_the_r_package_game_theory_allocation():
    # GameTheoryAllocation (A. Saavedra-Nieves), Owen_value, example:
    # https://rdrr.io/cran/GameTheoryAllocation/man/Owen_value.html
    # c = (1, 1, 2, 1, 2, 2, 2) in lexicographic order, unions {1, 2} and {3}:
    # Owen value (0.25, 0.25, 1.5), Shapley value (1/3, 1/3, 4/3). The value is linear,
    # so a cost game and a profit game take the same formula.
    game = TUGame.from_lex([1, 2, 3], [1, 1, 2, 1, 2, 2, 2])
    assert game.owen([[1, 2], [3]]).tolist() == pytest.approx([0.25, 0.25, 1.5], abs=1e-12)
    assert game.shapley().tolist() == pytest.approx([1 / 3, 1 / 3, 4 / 3], abs=1e-12)


def test_sixteen_players_in_four_blocs_add_up():
    rng = np.random.default_rng(16)
    n = 16
    game = TUGame(list(range(n)), np.concatenate([[0.0], rng.normal(0, 1, (1 << n) - 1)]))
    blocs = [list(range(k, k + 4)) for k in range(0, n, 4)]
    owen = game.owen(blocs)
    assert owen.sum() == pytest.approx(game.v[game.grand], abs=1e-8)
    for bloc, share in game.quotient(blocs).shapley().items():
        assert owen[list(bloc)].sum() == pytest.approx(share, abs=1e-8)


@pytest.mark.parametrize(
    "blocs, message",
    [
        ([["A", "B"], ["B", "C"]], "more than one bloc"),
        ([["A"], ["B"]], "in none"),
        ([["A", "B", "C"], []], "at least one player"),
    ],
)
def test_blocs_that_are_not_a_partition_are_refused(blocs, message):
    game = TUGame.from_lex(["A", "B", "C"], [0, 0, 0, 1, 1, 0, 1])
    with pytest.raises(ValueError, match=message):
        game.owen(blocs)


def test_an_unknown_player_in_a_bloc_is_named():
    game = TUGame.from_lex(["A", "B", "C"], [0, 0, 0, 1, 1, 0, 1])
    with pytest.raises(KeyError, match="'Z'"):
        game.owen([["A", "B"], ["C", "Z"]])

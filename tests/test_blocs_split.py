"""The split when partners negotiate as blocs: the Owen value and the nucleolus between blocs.

Checked against: the explicit ``TUGame.owen`` and ``TUGame.quotient`` by brute force on
random structured games, the Shapley value in the trivial partitions, the quotient-game
property, the explicit nucleolus of the quotient game, the reduced game by enumeration,
efficiency and the null player on random cases with roles and random partitions, and a
case with three corporations in one role (shares 50/30/20) worked out by hand.
"""

from __future__ import annotations

import time

import numpy as np
import pytest
from builders import base_case, cost, outcome, p, partner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from businesscase import evaluate
from businesscase.allocation import (
    METHODS,
    Stream,
    StructuredGame,
    TUGame,
    allocate,
    case_game,
    check_proposal,
    net_after_draws,
    split_weights,
)
from businesscase.allocation.bloc_split import (
    MAX_EXPLICIT_BLOCS,
    bloc_nucleolus,
    bloc_partition,
    owen,
    quotient,
    reduced,
)
from businesscase.allocation.case_game import fair_split
from businesscase.io.validate import case_from_data
from businesscase.model import UserError

NULL_ZERO = set(METHODS) - {"equal_surplus"}  # equal surplus shares with everyone
GAME_METHODS = {"shapley", "owen", "nucleolus", "prenucleolus", "bloc_nucleolus"}
"""Null in the game's sense (a benefit and a cost that cancel, too) gives 0 for these; the
others give 0 to a partner with no stream and no cost."""
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# -- random structured games -------------------------------------------------------------------
@st.composite
def structured_games(draw, min_players: int = 1, max_players: int = 8):
    """A random structured game (benefits of either sign, single-payer and union costs) and a
    random partition of its players, as player → bloc label."""
    n = draw(st.integers(min_players, max_players))
    players = [f"p{i}" for i in range(n)]
    some = st.sets(st.sampled_from(players), min_size=1)
    amount = st.integers(-50, 100).map(float)
    benefits = [
        Stream(f"b{k}", draw(amount), frozenset(draw(some))) for k in range(draw(st.integers(0, 5)))
    ]
    costs = [
        Stream(f"c{k}", draw(amount), frozenset(draw(some))) for k in range(draw(st.integers(0, 4)))
    ]
    labels = draw(st.lists(st.sampled_from("XYZW"), min_size=n, max_size=n))
    return StructuredGame(players, benefits, costs), dict(zip(players, labels))


def bloc_lists(players, bloc_of) -> list[list[str]]:
    order = list(dict.fromkeys(bloc_of[p] for p in players))
    return [[p for p in players if bloc_of[p] == b] for b in order]


@SETTINGS
@given(structured_games())
def test_the_closed_form_owen_value_is_the_explicit_one(case):
    game, bloc_of = case
    explicit = game.to_tugame().owen(bloc_lists(game.players, bloc_of))
    np.testing.assert_allclose(owen(game, bloc_of)[game.players], explicit, atol=1e-9)


@SETTINGS
@given(structured_games(min_players=9, max_players=10))
def test_the_closed_form_owen_value_is_the_explicit_one_at_ten_players(case):
    game, bloc_of = case
    explicit = game.to_tugame().owen(bloc_lists(game.players, bloc_of))
    np.testing.assert_allclose(owen(game, bloc_of)[game.players], explicit, atol=1e-9)


@SETTINGS
@given(structured_games())
def test_owen_is_shapley_with_one_bloc_per_partner_or_one_bloc_of_all(case):
    game, _ = case
    shapley = game.shapley()
    np.testing.assert_allclose(owen(game, {p: p for p in game.players}), shapley, atol=1e-9)
    np.testing.assert_allclose(owen(game, dict.fromkeys(game.players, "all")), shapley, atol=1e-9)


@SETTINGS
@given(structured_games())
def test_the_structured_quotient_is_the_explicit_quotient_and_owen_sums_to_its_shapley(case):
    game, bloc_of = case
    blocs = bloc_lists(game.players, bloc_of)
    q = quotient(game, bloc_of)
    assert q.players == [bloc_of[b[0]] for b in blocs]
    np.testing.assert_allclose(q.to_tugame().v, game.to_tugame().quotient(blocs).v, atol=1e-9)
    phi = owen(game, bloc_of)
    for bloc, share in q.shapley().items():
        members = [p for p in game.players if bloc_of[p] == bloc]
        assert phi[members].sum() == pytest.approx(share, abs=1e-9)
    assert phi.sum() == pytest.approx(game.value(game.players), abs=1e-9)


def explicit_stay_out_nucleolus(tu: TUGame):
    values = np.maximum(tu.v, 0.0)
    values[-1] = tu.v[-1]
    plus = TUGame(tu.players, values)
    try:
        return plus.nucleolus()
    except ValueError:
        return plus.prenucleolus()


@SETTINGS
@given(structured_games(), st.sampled_from(["shares", "game"]))
def test_between_blocs_the_nucleolus_of_the_explicit_quotient_game(case, within):
    game, bloc_of = case
    x = bloc_nucleolus(game, bloc_of, within=within)
    assert x.sum() == pytest.approx(game.value(game.players), abs=1e-6)
    null = set(game.null_players())
    assert all(x[p] == 0.0 for p in null)
    active = [p for p in game.players if p not in null]
    if not active:
        return
    # The second route: the explicit game of the active partners, its explicit quotient.
    blocs = bloc_lists(active, bloc_of)
    tu = TUGame.from_function(active, game.value)
    between = explicit_stay_out_nucleolus(tu.quotient(blocs))
    for bloc, amount in between.items():
        assert x[list(bloc)].sum() == pytest.approx(amount, abs=1e-6)


@SETTINGS
@given(structured_games(), st.data())
def test_the_reduced_game_is_the_game_with_the_others_present_and_paid(case, data):
    game, bloc_of = case
    bloc = [p for p in game.players if bloc_of[p] == bloc_of[game.players[0]]]
    others = [p for p in game.players if p not in bloc]
    paid = data.draw(st.integers(-100, 100).map(float))
    w = reduced(game, bloc, paid)
    assert w.value([]) == 0.0
    for mask in range(1, 1 << len(bloc)):
        T = [q for i, q in enumerate(bloc) if mask >> i & 1]
        assert w.value(T) == pytest.approx(game.value(T + others) - paid, abs=1e-9)


def test_within_by_shares_follows_the_shares_and_skips_null_members():
    game = StructuredGame(
        ["a", "b", "c", "d"],
        [Stream("x", 100.0, frozenset({"a", "b", "c"}))],
        [Stream("k", 40.0, frozenset({"a"}))],
    )
    # One bloc of all: it gets v(N) = 60; the null partner d has a share but gets 0.
    x = bloc_nucleolus(game, dict.fromkeys("abcd", "all"), {"a": 1, "b": 2, "c": 3, "d": 4})
    assert x.to_dict() == pytest.approx({"a": 10.0, "b": 20.0, "c": 30.0, "d": 0.0})
    zero = bloc_nucleolus(game, dict.fromkeys("abcd", "all"), dict.fromkeys("abcd", 0.0))
    assert zero.to_dict() == pytest.approx({"a": 20.0, "b": 20.0, "c": 20.0, "d": 0.0})


def test_owen_is_instant_for_a_hundred_partners_and_the_nucleolus_limit_is_named():
    rng = np.random.default_rng(100)
    players = [f"p{i}" for i in range(100)]
    benefits = [
        Stream(f"b{k}", float(rng.integers(1, 1000)), frozenset(rng.choice(players, 4)))
        for k in range(300)
    ]
    costs = [
        Stream(f"c{i}", float(rng.integers(1, 500)), frozenset({p})) for i, p in enumerate(players)
    ]
    game = StructuredGame(players, benefits, costs)
    bloc_of = {p: f"bloc{i % 7}" for i, p in enumerate(players)}
    start = time.perf_counter()
    phi = owen(game, bloc_of)
    elapsed = time.perf_counter() - start
    assert elapsed < 1.0
    assert phi.sum() == pytest.approx(game.value(players), abs=1e-6)
    q = quotient(game, bloc_of).shapley()
    for bloc, share in q.items():
        assert phi[[p for p in players if bloc_of[p] == bloc]].sum() == pytest.approx(share)
    assert bloc_nucleolus(game, bloc_of).sum() == pytest.approx(game.value(players), abs=1e-6)
    many = {p: f"bloc{i % (MAX_EXPLICIT_BLOCS + 1)}" for i, p in enumerate(players)}
    with pytest.raises(UserError, match=f"up to {MAX_EXPLICIT_BLOCS} blocs"):
        bloc_nucleolus(game, many)
    with pytest.raises(UserError, match=f"up to {MAX_EXPLICIT_BLOCS} partners"):
        bloc_nucleolus(game, {p: f"bloc{i % 4}" for i, p in enumerate(players)}, within="game")


# -- the partition -----------------------------------------------------------------------------
def test_the_partition_by_role_and_as_given():
    players = ["a", "b", "c"]
    assert bloc_partition(players) == {"a": "a", "b": "b", "c": "c"}
    roles = {"a": "corp", "b": "corp", "c": "c", "gone": "corp"}
    assert bloc_partition(players, roles) == {"a": "corp", "b": "corp", "c": "c"}
    # Given: an absent partner of the case is ignored, a partner left out is its own bloc.
    assert bloc_partition(players, roles, {"a": "x", "gone": "x"}) == {"a": "x", "b": "b", "c": "c"}
    with pytest.raises(UserError, match="not in the case: nobody"):
        bloc_partition(players, roles, {"a": "x", "nobody": "x"})
    with pytest.raises(UserError, match="'b' is in no bloc, and a bloc is called 'b'"):
        bloc_partition(players, roles, {"a": "b"})


# -- random cases ------------------------------------------------------------------------------
ROLES = ("rol_a", "rol_b")


@st.composite
def random_cases(draw):
    """A small case with roles and shares (shuffled partner order), a bystander with no line
    that is named in the game, absent partners, and a random partition of the partners."""
    n = draw(st.integers(2, 6))
    ids = [f"q{i}" for i in range(n)]
    types = ["corporation", "care_provider", "municipality", "other", "health_insurer"]
    partners = []
    for pid in ids:
        role = draw(st.sampled_from([None, *ROLES]))
        extra = {} if role is None else {"role": role, "share": draw(st.integers(1, 100))}
        partners.append(partner(pid, draw(st.sampled_from(types)), **extra))
    partners.append(partner("bystander", "other"))
    partners = draw(st.permutations(partners))
    roles_in_use = sorted({q["role"] for q in partners if "role" in q})
    targets = st.sampled_from(ids + roles_in_use)
    data = base_case(horizon=2, rate=0.0)
    data["partners"] = partners
    data["drivers"] = {"one": p(1)}
    # A role must be named by a line: each role in use pays one cost.
    data["costs"] = [cost(f"r_{role}", role, draw(st.integers(10, 500))) for role in roles_in_use]
    data["costs"] += [
        cost(f"k{k}", draw(targets), draw(st.integers(10, 500)))
        for k in range(draw(st.integers(1, 4)))
    ]
    data["outcomes"] = [
        outcome(
            f"o{k}",
            draw(targets),
            ["one"],
            draw(st.integers(0, 800)),
            needs=sorted(draw(st.sets(targets, max_size=3))),
            flow_type=draw(st.sampled_from(["cashable_saving", "non_cashable_saving"])),
        )
        for k in range(draw(st.integers(1, 4)))
    ]
    result = evaluate(case_from_data(data))
    absent = draw(st.sets(st.sampled_from(ids), max_size=n - 1))
    participants = draw(st.permutations([q for q in [*ids, "bystander"] if q not in absent]))
    labels = st.sampled_from(["B1", "B2", "B3"])
    blocs = draw(
        st.one_of(st.none(), st.fixed_dictionaries({q: labels for q in [*ids, "bystander"]}))
    )
    return result, participants, blocs


@SETTINGS
@given(random_cases(), st.sampled_from(["shares", "game"]))
def test_every_method_adds_up_and_gives_a_null_partner_nothing_for_any_partition(case, within):
    result, participants, blocs = case
    cg = case_game(result, participants=participants)
    null = set(cg.null_players())
    in_streams = {q for s in cg.game.benefits + cg.game.costs for q in s.players}
    no_flows = set(cg.players) - in_streams
    assert "bystander" in no_flows <= null
    for method in METHODS:
        try:
            x = fair_split(cg, method, blocs, within)
        except UserError as exc:
            assert "no benefit" in str(exc), exc
            continue
        assert x.sum() == pytest.approx(cg.total_value, abs=1e-6), method
        if method in NULL_ZERO:
            for q in null if method in GAME_METHODS else no_flows:
                assert x[q] == pytest.approx(0.0, abs=1e-9), (method, q)
    # The per-draw Owen split is the same linear map as the closed form.
    W, players = split_weights(result, participants=participants, blocs=blocs)
    per_draw = net_after_draws(result.line_pv, W, "owen")[0]
    np.testing.assert_allclose(per_draw, fair_split(cg, "owen", blocs)[players], atol=1e-6)


# -- a case with roles, by hand ----------------------------------------------------------------
def corporations_case():
    """Three corporations in role woningcorporatie (shares 50/30/20) pay a room of 1,000
    (PV, year 0) in proportion, a welfare organisation pays a host of 200; the municipality
    gains 2,100 (year 1, no discounting) when the corporations' role and welfare take part."""
    data = base_case(horizon=1, rate=0.0)
    data["partners"] = [
        partner("c1", "corporation", role="woningcorporatie", share=50),
        partner("c2", "corporation", role="woningcorporatie", share=30),
        partner("c3", "corporation", role="woningcorporatie", share=20),
        partner("welzijn", "welfare_organisation"),
        partner("gem", "municipality"),
    ]
    data["drivers"] = {"one": p(1)}
    data["costs"] = [
        cost("room", "woningcorporatie", 1_000, kind="investment", lifetime=1),
        cost("host", "welzijn", 200),
    ]
    data["outcomes"] = [
        outcome(
            "gp",
            "gem",
            ["one"],
            2_100,
            needs=["woningcorporatie", "welzijn"],
            flow_type="non_cashable_saving",
        )
    ]
    return evaluate(case_from_data(data))


def test_three_corporations_in_one_role_split_by_hand():
    r = corporations_case()
    # By role, three blocs: the corporations (W), welzijn (Z), gem (G). Between blocs:
    # v(W) = −1,000, v(Z) = −200, every other group short of all 0 or less, v(WZG) = 900;
    # with staying out every group short of all claims 0, so the nucleolus is 300 each.
    # Within W by the shares 50/30/20: 150, 90, 60.
    a = allocate(r, "bloc_nucleolus")
    assert a.table.net_after.to_dict() == pytest.approx(
        {"c1": 150, "c2": 90, "c3": 60, "welzijn": 300, "gem": 300}, abs=1e-6
    )
    # Within W by the reduced game: with Z and G present and paid 600, a group T of the
    # corporations is worth Σ_T a_i − 800, a = (1,050 − 500, 630 − 300, 420 − 200) =
    # (550, 330, 220); staying out, only {c1, c2} claims something (80). The nucleolus
    # equalises the three single excesses: 100 each.
    game = allocate(r, "bloc_nucleolus", within="game").table.net_after
    assert game.to_dict() == pytest.approx(
        {"c1": 100, "c2": 100, "c3": 100, "welzijn": 300, "gem": 300}, abs=1e-6
    )
    # Owen by role: each corporation's part of the outcome (1,050, 630, 420) needs three
    # blocs, a third each; each carries its own cost. Every stream meets each bloc in one
    # partner, so here it is the Shapley value.
    owen_role = allocate(r, "owen").table.net_after
    expected = {"c1": -150, "c2": -90, "c3": -60, "welzijn": 500, "gem": 700}
    assert owen_role.to_dict() == pytest.approx(expected, abs=1e-6)
    assert allocate(r, "shapley").table.net_after.to_dict() == pytest.approx(expected, abs=1e-6)
    # Two blocs, corporations and the social side: a part of the outcome now goes half to
    # the corporation, half to the social bloc and within it a quarter each to welzijn
    # and gem: c1 = 525 − 500, welzijn = 2,100 / 4 − 200, gem = 2,100 / 4.
    two = {"c1": "corp", "c2": "corp", "c3": "corp", "welzijn": "social", "gem": "social"}
    owen_two = allocate(r, "owen", blocs=two).table.net_after
    assert owen_two.to_dict() == pytest.approx(
        {"c1": 25, "c2": 15, "c3": 10, "welzijn": 325, "gem": 525}, abs=1e-6
    )
    # Nucleolus between the two blocs: each alone loses, so 450 each; the corporations
    # split theirs 50/30/20.
    nuc_two = allocate(r, "bloc_nucleolus", blocs=two).table.net_after
    assert nuc_two.to_dict() == pytest.approx(
        {"c1": 225, "c2": 135, "c3": 90, "welzijn": 225, "gem": 225}, abs=1e-6
    )


def test_a_proposal_is_measured_against_the_bloc_methods_and_a_bad_partition_refused():
    r = corporations_case()
    two = {"c1": "corp", "c2": "corp", "c3": "corp", "welzijn": "social", "gem": "social"}
    # The proposal that is the Owen split of the two blocs is at distance 0 from it.
    owen_two = allocate(r, "owen", blocs=two).table
    per_year = owen_two.fair_contribution_per_year.to_dict()
    check = check_proposal(r, per_year, blocs=two)
    assert check.distance_per_year["owen"] == pytest.approx(0.0, abs=1e-6)
    assert check.distance_per_year["bloc_nucleolus"] > 0
    with pytest.raises(UserError, match="not in the case"):
        check_proposal(r, per_year, blocs={"c9": "corp"})
    with pytest.raises(UserError, match="allowed: shares, game"):
        check_proposal(r, per_year, within="roles")

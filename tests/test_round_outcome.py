"""The outcome of a contribution round: the split closest to the fair one within every
partner's limit, worked by hand on three partners, and its properties over random cases.

The hand cases share one fair split: A 10,000, B 6,000, C 4,000 euros a year, cost to
cover 20,000 a year."""

import math

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from businesscase.allocation import allocate, closest_within_limits
from businesscase.engine import evaluate
from businesscase.io import default_case_path, load_case
from businesscase.scenarios.round_outcome import round_outcome

FAIR = {"A": 10_000.0, "B": 6_000.0, "C": 4_000.0}
COST = 20_000.0


def test_limits_above_the_fair_contributions_give_the_fair_split():
    split = closest_within_limits(FAIR, {"A": 12_000, "B": 7_000, "C": 5_000}, COST)
    assert split.deal and split.shortfall == 0
    assert split.contributions == pytest.approx(FAIR, abs=1e-6)
    assert split.largest_deviation == pytest.approx(0, abs=1e-6)


def test_limits_exactly_at_the_fair_contributions_still_make_a_deal():
    split = closest_within_limits(FAIR, dict(FAIR), COST)
    assert split.deal
    assert split.contributions == pytest.approx(FAIR, abs=1e-6)


def test_limits_short_of_the_cost_report_only_the_total_shortfall():
    # 9,000 + 5,000 + 3,000 = 17,000 against 20,000: 3,000 short, 85 % covered
    split = closest_within_limits(FAIR, {"A": 9_000, "B": 5_000, "C": 3_000}, COST)
    assert not split.deal
    assert split.shortfall == pytest.approx(3_000)
    assert split.covered_share == pytest.approx(0.85)
    assert split.contributions == {}


def test_a_limit_below_the_fair_share_moves_the_rest_as_evenly_as_the_limits_allow():
    # A may pay 7,000: 3,000 of its fair 10,000 must come from B and C. Evenly would be
    # 1,500 each, but C's limit of 4,500 lets it take only 500, so B takes 2,500:
    # A 7,000 (−3,000), B 8,500 (+2,500), C 4,500 (+500). The largest deviation, 3,000, is
    # A's and unavoidable; (7,000, 9,000, 4,000) reaches it too, but puts more on B.
    split = closest_within_limits(FAIR, {"A": 7_000, "B": 9_000, "C": 4_500}, COST)
    assert split.deal
    assert split.contributions == pytest.approx({"A": 7_000, "B": 8_500, "C": 4_500}, abs=1e-4)
    assert split.largest_deviation == pytest.approx(3_000, abs=1e-4)


def test_with_room_everywhere_the_gap_is_shared_equally():
    # A may pay 8,000: B and C each take half of the 2,000 it leaves.
    split = closest_within_limits(FAIR, {"A": 8_000, "B": 50_000, "C": 50_000}, COST)
    assert split.contributions == pytest.approx({"A": 8_000, "B": 7_000, "C": 5_000}, abs=1e-4)


def test_a_partner_the_fair_split_pays_may_be_paid_in_the_proposal_too():
    # the fair split gives A 500 a year (a negative contribution); its limit of 0 allows that
    split = closest_within_limits({"A": -500.0, "B": 20_500.0}, {"A": 0, "B": 30_000}, COST)
    assert split.contributions == pytest.approx({"A": -500, "B": 20_500}, abs=1e-4)


def test_a_partner_without_a_limit_counts_as_zero():
    split = closest_within_limits(FAIR, {"A": 30_000, "B": 30_000}, COST)
    assert split.contributions == pytest.approx({"A": 12_000, "B": 8_000, "C": 0}, abs=1e-4)


def test_limits_of_strangers_and_a_cost_that_is_not_the_fair_total_are_refused():
    with pytest.raises(ValueError, match="outside the split"):
        closest_within_limits(FAIR, {"D": 1.0}, COST)
    with pytest.raises(ValueError, match="not the cost"):
        closest_within_limits(FAIR, {}, COST + 100)


def water_level(fair: dict, limits: dict, cost: float) -> dict:
    """The lexicographic minimax split, independently: x_i = min(L_i, f_i + μ) with μ
    found by bisection so that the x_i sum to the cost."""
    lo, hi = -1e9, 1e9
    for _ in range(300):
        mu = (lo + hi) / 2
        if sum(min(limits[p], fair[p] + mu) for p in fair) < cost:
            lo = mu
        else:
            hi = mu
    return {p: min(limits[p], fair[p] + hi) for p in fair}


money = st.floats(min_value=0, max_value=200_000, allow_nan=False, allow_infinity=False)


@st.composite
def cases(draw):
    n = draw(st.integers(min_value=1, max_value=9))
    fair = {
        f"p{i}": draw(st.floats(min_value=-20_000, max_value=100_000, allow_nan=False))
        for i in range(n)
    }
    limits = {p: draw(money) for p in fair}
    return fair, limits


@settings(max_examples=150, deadline=None)
@given(cases())
@example(({"p0": 10_000.0, "p1": 6_000.0, "p2": 4_000.0}, {"p0": 0, "p1": 0, "p2": 20_000}))
def test_the_proposal_keeps_every_limit_sums_to_the_cost_and_is_fair_when_it_can_be(case):
    fair, limits = case
    cost = math.fsum(fair.values())
    split = closest_within_limits(fair, limits, cost)
    scale = max(1.0, abs(cost), *map(abs, fair.values()))
    tol = 1e-6 * scale
    if sum(limits.values()) < cost - 0.01:
        assert not split.deal
        assert split.shortfall == pytest.approx(cost - sum(limits.values()), abs=tol)
        return
    assert split.deal
    x = split.contributions
    assert all(x[p] <= limits[p] + tol for p in fair)
    assert math.fsum(x.values()) == pytest.approx(cost, abs=tol)
    if all(limits[p] >= fair[p] for p in fair):
        assert x == pytest.approx(fair, abs=tol)
    assert x == pytest.approx(water_level(fair, limits, cost), abs=tol)
    worst = max(abs(x[p] - fair[p]) for p in fair)
    assert split.largest_deviation == pytest.approx(worst, abs=tol)


# -- on a real case: the round's outcome uses the case's fair split and cost to cover


@pytest.fixture(scope="module")
def shapley():
    case = load_case(default_case_path())
    allocation = allocate(evaluate(case), "shapley", "financial")
    fair = allocation.table["fair_contribution_per_year"].to_dict()
    return case, fair, allocation.case_game.cost_to_cover_per_year


def test_limits_at_the_fair_contributions_give_the_fair_split_of_the_case(shapley):
    case, fair, cost = shapley
    assert sum(fair.values()) == pytest.approx(cost)
    outcome = round_outcome(1, case, "shapley", "financial", list(fair), dict(fair))
    assert outcome.deal
    assert outcome.contributions_per_year == pytest.approx(fair, abs=0.01)
    assert outcome.cost_to_cover_per_year == pytest.approx(cost)
    assert outcome.below_fair() == []
    assert outcome.payments == [] or all(p.per_year > 0 for p in outcome.payments)


def test_no_limits_fall_short_by_the_whole_cost(shapley):
    case, fair, cost = shapley
    outcome = round_outcome(1, case, "shapley", "financial", list(fair), {})
    assert not outcome.deal and outcome.entered == 0
    assert outcome.shortfall_per_year == pytest.approx(cost)
    assert outcome.contributions_per_year == {} and outcome.payments == []


def test_partners_not_invited_are_held_at_their_fair_contribution(shapley):
    case, fair, _cost = shapley
    first, second = sorted(fair, key=fair.get, reverse=True)[:2]
    # the two largest payers are asked, each with 1,000 a year less than its fair share
    # and room left: the others stay at fair, the two cannot cover their part
    limits = {first: fair[first] - 1_000, second: fair[second] - 1_000}
    outcome = round_outcome(1, case, "shapley", "financial", [first, second], limits)
    assert outcome.cost_to_cover_per_year == pytest.approx(fair[first] + fair[second])
    assert not outcome.deal and outcome.shortfall_per_year == pytest.approx(2_000)
    assert sorted(outcome.held_at_fair) == sorted(set(fair) - {first, second})
    limits = {first: fair[first] - 1_000, second: fair[second] + 5_000}
    outcome = round_outcome(1, case, "shapley", "financial", [first, second], limits)
    assert outcome.deal
    assert outcome.contributions_per_year[first] == pytest.approx(fair[first] - 1_000, abs=0.01)
    assert outcome.contributions_per_year[second] == pytest.approx(fair[second] + 1_000, abs=0.01)
    for p in outcome.held_at_fair:
        assert outcome.contributions_per_year[p] == pytest.approx(fair[p], abs=0.01)
    assert outcome.below_fair() == [first]

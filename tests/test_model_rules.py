"""Each rule stated once: bounds on the model, one enum per list, public reads of ranges and
line present values, and line builders one can call on their own."""

from __future__ import annotations

import math

import numpy as np
import pytest
from pydantic import ValidationError

from builders import ASSUMPTIONS, label
from businesscase import evaluate, load_case
from businesscase.allocation import (BASES, METHODS, PER_DRAW_METHODS, BenefitBasis,
                                     SplitMethod, net_after_draws, split_weights)
from businesscase.cli.commands import build_parser
from businesscase.engine.lines import Timeline, investment_lines, outcome_chain
from businesscase.engine.result import Line
from businesscase.model import (FINANCIAL_FLOW_TYPES, FLOW_TYPES, FlowType, InvalidChange,
                                Meta, Residual, UserError, check_value, meta_bounds)
from businesscase.model.items import CostFlowType, OutcomeFlowType
from businesscase.model.parameters import (Amount, DiscountRate, Fraction, Lifetime, Rate,
                                           Years)

CASE = load_case(ASSUMPTIONS / "meeting_space.yaml")


def meta(**fields):
    data = {"name": "x", "formulas": ["meeting_space"], "price_year": 2025,
            "start_year": 2025, "horizon": 10, "zero_alternative": label("nothing")}
    return Meta.model_validate({**data, **fields})


@pytest.mark.parametrize("key", ["meta.horizon", "meta.start_year"])
def test_meta_bounds_are_what_the_model_and_the_edits_allow(key):
    low, high = meta_bounds(key)
    assert (low, high) == {"meta.horizon": (1, 50), "meta.start_year": (1990, 2100)}[key]
    field = key.split(".")[1]
    for ok in (low, high):
        meta(**{field: ok})
        assert check_value(CASE, key, ok) == ok
    for wrong in (low - 1, high + 1):
        with pytest.raises(ValidationError):
            meta(**{field: wrong})
        with pytest.raises(InvalidChange, match=f"a whole number from {low} to {high}"):
            check_value(CASE, key, wrong)


@pytest.mark.parametrize("kind,low,high", [
    (Fraction, 0.0, 1.0), (Rate, -0.5, 1.0), (DiscountRate, 0.0, 0.5), (Amount, 0.0, math.inf),
    (Years, 0.0, 100.0), (Lifetime, 1.0, 100.0)])
def test_a_parameter_kind_says_its_allowed_range_and_validates_by_it(kind, low, high):
    assert kind.allowed_range() == (low, high)
    base = {"unit": "u", "year": 2024, "estimate": True, "reasoning": "test",
            "confidence": "low"}
    edge = high if math.isfinite(high) else 1e12
    for v in (low, edge):
        kind.model_validate({**base, "value": v, "low": v, "high": v})
    for v in (low - 1, high + 1):
        if math.isfinite(v):
            with pytest.raises(ValidationError):
                kind.model_validate({**base, "value": v, "low": v, "high": v})


def test_the_flow_type_lists_come_from_one_enum():
    assert FLOW_TYPES == ("cash", "in_kind", "cashable_saving", "non_cashable_saving",
                          "societal_value")
    assert FLOW_TYPES == tuple(FlowType)
    assert {f.value for f in CostFlowType} | {f.value for f in OutcomeFlowType} == set(FLOW_TYPES)
    assert FINANCIAL_FLOW_TYPES == {"cash", "in_kind", "cashable_saving"}
    assert f"{FlowType.cash}" == "cash"  # a StrEnum formats as its value in texts and files


def test_the_method_and_basis_lists_come_from_their_enums():
    assert METHODS == tuple(m.value for m in SplitMethod)
    assert BASES == ("cash", "financial", "societal") == tuple(b.value for b in BenefitBasis)
    assert set(PER_DRAW_METHODS) < set(METHODS)
    result = evaluate(CASE)
    weights, players = split_weights(result)
    for method in METHODS:
        if method in PER_DRAW_METHODS:
            assert net_after_draws(result.line_pv, weights, method).shape == (1, len(players))
        else:
            with pytest.raises(UserError):
                net_after_draws(result.line_pv, weights, method)


@pytest.mark.parametrize("argv,ok", [
    (["montecarlo", "x.yaml", "--method", "equal_surplus"], True),
    (["montecarlo", "x.yaml", "--method", "nucleolus"], False),
    (["allocate", "x.yaml", "--method", "nucleolus"], True),
    (["allocate", "x.yaml", "--basis", "societal"], True),
    (["allocate", "x.yaml", "--basis", "wellbeing"], False)])
def test_the_cli_offers_the_choices_of_the_enums(argv, ok, capsys):
    if ok:
        build_parser().parse_args(argv)
    else:
        with pytest.raises(SystemExit):
            build_parser().parse_args(argv)


def test_line_pv_is_public_and_sums_to_the_partners_net_positions():
    result = evaluate(CASE)
    np.testing.assert_array_equal(result.line_pv, result.pv_social.sum(axis=-1))
    net = result.by_partner.net_position
    for pid in result.partners:
        mine = sum(v for ln, v in zip(result.lines, result.line_pv[0]) if ln.partner == pid)
        assert mine == pytest.approx(net[pid], abs=0.005)


def test_an_investment_line_builder_on_its_own():
    # 1,000 with a lifetime of 3 over 4 years: bought at t = 0, renewed at t = 3, which
    # serves year 4 only: 2/3 of it is left at t = 4.
    t = np.arange(5.0)
    time = Timeline(t=t, horizon=4, n_draws=1, index={})
    line = Line(item="kit", partner="woco", role="cost", category="", flow_type="cash",
                label=label("kit"))
    flows = investment_lines(line, np.array([[1_000.0]]), np.array([[3.0]]), np.ones((1, 5)),
                             time, Residual.linear)
    assert [ln.category for ln, _ in flows] == ["investment", "replacement", "residual_value"]
    np.testing.assert_allclose(flows[0][1], [[-1_000, 0, 0, 0, 0]])
    np.testing.assert_allclose(flows[1][1], [[0, 0, 0, -1_000, 0]])
    np.testing.assert_allclose(flows[2][1], [[0, 0, 0, 0, 1_000 * 2 / 3]])
    none = investment_lines(line, np.array([[1_000.0]]), np.array([[4.0]]), np.ones((1, 5)),
                            time, Residual.none)
    assert [ln.category for ln, _ in none] == ["investment"]  # no renewal, no residual


def test_the_outcome_chain_on_its_own():
    # 20 reached × (1 − 0.25) × (1 − 0.2) × (1 − 0.1) = 10.8 per unit of proxy at full effect.
    chain = outcome_chain(np.array([[20.0]]), 0.25, 0.2, 0.1, np.array([[0.0, 0.5, 1.0]]))
    np.testing.assert_allclose(chain, [[0.0, 5.4, 10.8]])

""" "Why this number?" for every figure: the lines add up to it, a ratio shows its two
terms, the formula carries the figure, and the CLI says the same."""

from __future__ import annotations

import json
import math

import pytest
from builders import ASSUMPTIONS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from businesscase import evaluate, load_case
from businesscase.cli.commands import main
from businesscase.engine import LINE_FILTERS, PARTNER_FIGURES, investor_view, why_figure
from businesscase.model import apply_changes
from businesscase.text import formatting as fmt

CASES = sorted(ASSUMPTIONS.glob("*.yaml"))
SUMS = {"social_npv", "pv_benefits", "net_position", "financial_npv"}
NEGATED = {"pv_costs", "investment", "operating_cost_first_year", "unprofitable_top"}


def check(result, figure, partner):
    e = why_figure(result, figure, partner)
    total = float(e.lines.value.sum())
    if partner is None:
        expected = float(result.total_arrays[figure][0])
    elif figure == "unprofitable_top":
        expected = investor_view(result, partner).unprofitable_top
    elif figure == "irr":
        expected = float(result.partner_irr[0, result.partners.index(partner)])
    else:
        expected = float(result.partner_arrays[figure][0, result.partners.index(partner)])
    assert e.value == pytest.approx(expected, nan_ok=True)
    if figure in SUMS:
        assert total == pytest.approx(expected, abs=0.01 * max(1, len(e.lines)))
    elif figure in NEGATED:
        assert -total == pytest.approx(expected, abs=0.01 * max(1, len(e.lines)))
    if figure in {"sroi_ratio", "benefit_cost_ratio"} and e.denominator:
        assert e.numerator / e.denominator == pytest.approx(expected)
    if math.isfinite(expected) and figure not in {"payback_year", "financial_payback_year"}:
        kind = "irr" if figure == "irr" else figure
        assert fmt.format_metric(kind, expected, "nl") in e.text
    # The economics the figure is discounted with are among the parameters behind it.
    keys = set(e.parameters.key)
    assert keys & {
        "economics.social_discount_rate",
        "economics.financial_discount_rate",
        *{f"partners.{p}.financial_discount_rate" for p in result.partners},
    }
    assert all(e.lines.formula.str.len() > 0) or figure == "payback_year"
    return e


@pytest.mark.parametrize("path", CASES, ids=lambda x: x.stem)
def test_every_figure_of_every_shipped_case(path):
    result = evaluate(load_case(path))
    for figure in LINE_FILTERS:
        check(result, figure, None)
    for partner in result.partners:
        for figure in PARTNER_FIGURES:
            check(result, figure, partner)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(CASES), st.data())
def test_lines_add_up_with_partners_absent(path, data):
    case = load_case(path)
    absent = data.draw(st.lists(st.sampled_from(case.partner_ids), max_size=3, unique=True))
    result = evaluate(apply_changes(case, {}, absent=absent))
    partner = data.draw(st.sampled_from(result.partners))
    figure = data.draw(st.sampled_from(PARTNER_FIGURES))
    check(result, figure, partner)


def test_a_line_formula_in_words():
    result = evaluate(load_case(ASSUMPTIONS / "meeting_space.yaml"))
    e = why_figure(result, "net_position", "welzijnsorganisatie")
    host = e.lines.set_index("item").loc["host", "formula"]
    # 312 hours × the integral hourly cost, with the wage index, at the social rate.
    assert host.startswith("per jaar: 312 ")
    assert "index lonen (1,0% per jaar boven de inflatie)" in host
    assert host.endswith("contant gemaakt tegen 2,25%")
    params = e.parameters.set_index("key")
    assert params.loc["drivers.host_hours", "value"] == 312
    assert params.loc["economics.real_indexation.wages", "value"] == 0.01


def test_cli_why_for_a_partner(capsys):
    path = str(ASSUMPTIONS / "meeting_space.yaml")
    assert (
        main(
            ["why", path, "--figure", "unprofitable_top", "--partner", "woningcorporatie", "--json"]
        )
        == 0
    )
    out = json.loads(capsys.readouterr().out)
    view = investor_view(evaluate(load_case(path)), "woningcorporatie")
    assert out["value"] == pytest.approx(view.unprofitable_top)
    assert "Onrendabele top" in out["formula"]
    assert main(["why", path, "--figure", "irr"]) == 2  # a partner's figure needs --partner
    assert "--partner" in capsys.readouterr().err
    assert main(["why", path, "--figure", "net_position", "--partner", "nobody"]) == 2

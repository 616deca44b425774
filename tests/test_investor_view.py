"""The investor's own view: the onrendabele top worked by hand, and its identities."""

from __future__ import annotations

import pytest
from builders import ASSUMPTIONS, base_case, cost, label, outcome, p

from businesscase import evaluate, load_case
from businesscase.engine import investor_view, investors
from businesscase.model import Case


def small_case(rate=0.05, horizon=5) -> Case:
    """The corporation fits out a room (10,000, lifetime 10), receives a fee of 1,500 a
    year from the municipality and saves 400 a year on tenant turnover (cashable); no
    inflation or indexation; its own rate is 5% (the case's financial rate)."""
    data = base_case(horizon=horizon, financial=rate)
    data["costs"] = [cost("fit_out", "woco", 10_000, kind="investment", lifetime=10)]
    data["revenues"] = [
        {"id": "fee", "label": label("fee"), "to": "woco", "from": "gem", "amount": p(1_500)}
    ]
    data["drivers"] = {"one": p(1)}
    data["outcomes"] = [
        outcome("turnover", "woco", ["one"], 400, flow_type="cashable_saving", effect="recurring"),
        outcome("wellbeing", "woco", ["one"], 9_999, flow_type="societal_value"),
    ]
    return Case.model_validate(data)


def test_onrendabele_top_by_hand():
    view = investor_view(evaluate(small_case()), "woco")
    # Worked by hand at 5%: annuity factor over 5 years = (1 − 1.05^−5) / 0.05 = 4.329477;
    # fee and saving 1,900 × 4.329477 = 8,226.006; the residual value of half the
    # lifetime, 5,000 at the end of year 5, is worth 5,000 / 1.05^5 = 3,917.631; together
    # 12,143.637, so the top is 10,000 − 12,143.637 = −2,143.64.
    annuity = (1 - 1.05**-5) / 0.05
    own = 1_900 * annuity + 5_000 / 1.05**5
    assert view.rate == 0.05
    assert view.investment == pytest.approx(10_000, abs=0.005)
    assert view.operating_pv == pytest.approx(own, abs=0.005)
    assert view.unprofitable_top == pytest.approx(10_000 - own, abs=0.005)
    assert round(10_000 - own, 2) == -2_143.64  # it earns itself back: a negative top
    # The societal value (wellbeing) is no cash flow: it is not in the top.
    assert view.net_position > view.financial_npv + 9_999


def test_onrendabele_top_at_a_higher_own_rate():
    # At 8% the same flows are worth less: 1,900 × 3.992710 + 5,000 / 1.469328
    # = 7,586.149 + 3,402.916 = 10,989.065.
    view = investor_view(evaluate(small_case(rate=0.08)), "woco")
    own = 1_900 * (1 - 1.08**-5) / 0.08 + 5_000 / 1.08**5
    assert view.unprofitable_top == pytest.approx(10_000 - own, abs=0.005)
    assert round(10_000 - own, 2) == -989.07


@pytest.mark.parametrize("path", sorted(ASSUMPTIONS.glob("*.yaml")), ids=lambda x: x.stem)
def test_top_is_minus_the_financial_npv_for_every_investor(path):
    result = evaluate(load_case(path))
    assert investors(result)
    for partner in investors(result):
        view = investor_view(result, partner)
        assert view.unprofitable_top == pytest.approx(-view.financial_npv, abs=0.01)
        assert view.investment > 0

"""The engine against numpy-financial, vectorised draws against single evaluations, and the
default case's coverage. The cases worked out by hand, with their figures, are data in
tests/examples/ (run by tests/test_examples.py)."""

import numpy as np
import numpy_financial as npf
import pytest
from builders import base_case, cost, outcome, p

from businesscase import evaluate
from businesscase.io.validate import case_from_data


def hand_case(convention="end_of_year"):
    """3 years, 2 partners, one investment, one outcome with every SROI factor.

    Prices at 2024, start 2025; inflation 2%; prices move with inflation (real 0%), wages
    1% a year faster (real 1%, nominal 1.01 × 1.02 − 1 = 3.02%).
    """
    data = base_case(
        horizon=3,
        price_year=2024,
        start_year=2025,
        convention=convention,
        inflation=0.02,
        prices=0.0,
        wages=0.01,
        financial=0.05,
    )
    data["drivers"] = {"residents": p(50), "share_lonely": p(0.4)}
    data["costs"] = [
        cost("fit_out", "woco", 10_000, kind="investment", lifetime=5, indexation="prices")
    ]
    data["outcomes"] = [
        outcome(
            "less_loneliness",
            "gem",
            ["residents", "share_lonely"],
            500,
            deadweight=0.25,
            attribution=0.2,
            displacement=0.1,
            drop_off=0.1,
            ramp_up=2,
            duration=3,
            indexation="wages",
            flow_type="societal_value",
        )
    ]
    return case_from_data(data)


def test_npv_and_irr_match_numpy_financial():
    r = evaluate(hand_case())
    flows = r.financial_flows_per_year[0, r.partners.index("woco")]
    # npf.npv does not discount values[0] (t = 0): the same as our end-of-year convention.
    assert r.by_partner.loc["woco", "financial_npv"] == pytest.approx(
        npf.npv(0.05, flows), abs=1e-9
    )

    from businesscase.engine.metrics import irr, npv

    rng = np.random.default_rng(7)
    series = np.concatenate([-rng.uniform(50, 150, (40, 1)), rng.uniform(0, 40, (40, 10))], axis=1)
    ours = irr(series)
    theirs = np.array([npf.irr(s) for s in series])
    np.testing.assert_allclose(ours, theirs, atol=1e-9)
    np.testing.assert_allclose(npv(0.07, series), [npf.npv(0.07, s) for s in series], rtol=1e-12)
    assert np.isnan(irr(np.array([1.0, 2.0, 3.0])))  # no sign change: no IRR


def test_vectorised_draws_equal_separate_evaluations():
    case = hand_case()
    dw = np.array([0.0, 0.25, 0.5, 0.9])
    many = evaluate(
        case,
        draws={
            "outcomes.less_loneliness.deadweight": dw,
            "costs.fit_out.lifetime": np.array([5, 2, 3, 1]),
        },
    )
    assert many.n_draws == 4
    for i, (d, life) in enumerate(zip(dw, [5, 2, 3, 1])):
        single = case.model_copy(deep=True)
        single.outcomes[0].deadweight.value = d
        single.costs[0].lifetime.value = life
        one = evaluate(single)
        assert many.total_arrays["social_npv"][i] == pytest.approx(
            one.totals["social_npv"], abs=1e-9
        )
        np.testing.assert_allclose(
            many.partner_arrays["net_position"][i], one.partner_arrays["net_position"][0], atol=1e-9
        )


def test_parameter_value_may_itself_be_an_array_of_draws():
    case = hand_case()
    case.drivers["residents"].value = np.array([50.0, 100.0])
    r = evaluate(case)
    assert r.n_draws == 2
    gain = r.partner_arrays["pv_benefits"][:, r.partners.index("gem")]
    assert gain[1] == pytest.approx(2 * gain[0])  # the outcome is linear in residents


def test_default_case_exercises_every_feature():
    from businesscase import default_case_path, load_case

    r = evaluate(load_case(default_case_path()))
    led = r.ledger
    nonzero = led[led.nominal != 0]
    categories = set(nonzero.category)
    assert {
        "investment",
        "replacement",
        "residual_value",
        "operating",
        "revenue",
        "outcome",
        "overlap_correction",
    } <= categories
    assert set(nonzero.flow_type) == {
        "cash",
        "in_kind",
        "cashable_saving",
        "non_cashable_saving",
        "societal_value",
    }
    assert "external" in set(nonzero.partner)  # a subsidy from outside
    internal = nonzero[(nonzero.category == "revenue") & (nonzero.partner != "external")]
    assert len(set(internal.partner)) == 2  # a payment between two partners
    case = r.case
    assert {c.indexation for c in case.costs} >= {"wages", "prices", "rents"}
    assert any(o.first_year.value > 1 for o in case.outcomes)
    assert any(o.ramp_up_years.value > 1 and o.drop_off.value > 0 for o in case.outcomes)
    assert all(o.needs for o in case.outcomes)

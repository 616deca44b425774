"""Cases worked out by hand; the engine must match to the cent."""

import numpy as np
import numpy_financial as npf
import pytest

from builders import base_case, cost, outcome, p
from businesscase import evaluate
from businesscase.io.validate import case_from_data

CENT = 0.005


def hand_case(convention="end_of_year"):
    """3 years, 2 partners, one investment, one outcome with every SROI factor.

    Prices at 2024, start 2025; inflation 2%; prices move with inflation (real 0%), wages
    1% a year faster (real 1%, nominal 1.01 × 1.02 − 1 = 3.02%).
    """
    data = base_case(horizon=3, price_year=2024, start_year=2025, convention=convention,
                     inflation=0.02, prices=0.0, wages=0.01, financial=0.05)
    data["drivers"] = {"residents": p(50), "share_lonely": p(0.4)}
    data["costs"] = [cost("fit_out", "woco", 10_000, kind="investment", lifetime=5,
                          indexation="prices")]
    data["outcomes"] = [outcome("less_loneliness", "gem", ["residents", "share_lonely"], 500,
                                deadweight=0.25, attribution=0.2, displacement=0.1,
                                drop_off=0.1, ramp_up=2, duration=3, indexation="wages",
                                flow_type="societal_value")]
    return case_from_data(data)


def test_hand_worked_case_matches_to_the_cent():
    r = evaluate(hand_case())
    # Investment: 10,000 at 2024 prices paid at t = 0 (2025): nominal 10,000 × 1.02.
    inv_nominal = -10_000 * 1.02
    inv_real = -10_000.0
    # Lifetime 5 > horizon 3: no replacement; residual 1 − 3/5 = 40% at t = 3 (2028).
    res_nominal = 0.4 * 10_000 * 1.02 ** 4
    res_real = 4_000.0
    # Outcome: 50 residents × 0.4 lonely = 20; 20 × 500 × 0.75 × 0.8 × 0.9 = 5,400 a year.
    # Ramp-up 2 years: 50% in year 1; drop-off 10%: ×0.9 in year 2, ×0.81 in year 3.
    # Proxy indexed with real wages (1%) from 2024; nominal adds inflation (2%).
    out_real = [0.0, 2_700 * 1.01 ** 2, 4_860 * 1.01 ** 3, 4_374 * 1.01 ** 4]
    out_nominal = [x * 1.02 ** (k + 1) for k, x in enumerate(out_real)]
    df = [1 / 1.0225 ** k for k in range(4)]  # end of year, t = 0 undiscounted
    pv_costs_woco = -(inv_real * df[0] + res_real * df[3])
    pv_benefit_gem = sum(x * d for x, d in zip(out_real, df))

    bp = r.by_partner
    assert bp.loc["woco", "pv_costs"] == pytest.approx(pv_costs_woco, abs=CENT)
    assert bp.loc["woco", "pv_costs"] == pytest.approx(10_000 - 4_000 / 1.0225 ** 3, abs=CENT)
    assert bp.loc["gem", "pv_benefits"] == pytest.approx(pv_benefit_gem, abs=CENT)
    assert bp.loc["gem", "benefits_societal_value"] == pytest.approx(pv_benefit_gem, abs=CENT)
    assert r.totals["social_npv"] == pytest.approx(pv_benefit_gem - pv_costs_woco, abs=CENT)
    assert r.totals["sroi_ratio"] == pytest.approx(pv_benefit_gem / pv_costs_woco, rel=1e-12)
    # The corporation's financial view: nominal flows at its 5% rate.
    assert bp.loc["woco", "financial_npv"] == pytest.approx(inv_nominal + res_nominal / 1.05 ** 3,
                                                            abs=CENT)
    # Ledger lines, year by year.
    led = r.ledger.set_index(["item", "category", "t"])
    assert led.loc[("fit_out", "investment", 0), "nominal"] == pytest.approx(inv_nominal, abs=CENT)
    assert led.loc[("fit_out", "residual_value", 3), "real"] == pytest.approx(res_real, abs=CENT)
    for k in range(4):
        assert led.loc[("less_loneliness", "outcome", k), "nominal"] == pytest.approx(
            out_nominal[k], abs=CENT)
    # Cumulative PV: −10,000, then about −7,307 (2026) and −2,521 (2027), positive in 2028.
    assert r.totals["payback_year"] == 2028


def test_first_year_undiscounted_shifts_discounting_by_one_year():
    r = evaluate(hand_case("first_year_undiscounted"))
    out_real = [0.0, 2_700 * 1.01 ** 2, 4_860 * 1.01 ** 3, 4_374 * 1.01 ** 4]
    df = [1.0, 1.0, 1 / 1.0225, 1 / 1.0225 ** 2]
    expected = sum(x * d for x, d in zip(out_real, df))
    assert r.by_partner.loc["gem", "pv_benefits"] == pytest.approx(expected, abs=CENT)


def sroi_example(convention):
    """The worked example in the documentation of the public-value Rust crate
    (src/impact_measurement.rs; not the SROI guide, whose worked example is "Wheels to
    Meals"): 60 participants × 8,500, deadweight 40%, attribution 30%, drop-off 30% in
    year 2, two years, 3.5%, input 250,000. Its answers (1.436, 1.388) are recomputed
    by hand below."""
    data = base_case(horizon=2, rate=0.035, convention=convention)
    data["drivers"] = {"participants": p(60)}
    data["costs"] = [cost("programme", "woco", 250_000, kind="investment", lifetime=2,
                          residual="none")]
    data["outcomes"] = [outcome("outcome", "gem", ["participants"], 8_500, deadweight=0.4,
                                attribution=0.3, drop_off=0.3, duration=2)]
    return evaluate(case_from_data(data))


def test_public_value_crate_example_first_year_undiscounted():
    # Year 1: 510,000 × 0.6 × 0.7 = 214,200; year 2: × 0.7 = 149,940 (discounted once).
    r = sroi_example("first_year_undiscounted")
    expected = (214_200 + 149_940 / 1.035) / 250_000
    assert expected == pytest.approx(1.436, abs=5e-4)
    assert r.totals["sroi_ratio"] == pytest.approx(expected, rel=1e-12)


def test_public_value_crate_example_end_of_year():
    r = sroi_example("end_of_year")
    expected = (214_200 / 1.035 + 149_940 / 1.035 ** 2) / 250_000
    assert expected == pytest.approx(1.388, abs=5e-4)
    assert r.totals["sroi_ratio"] == pytest.approx(expected, rel=1e-12)


def test_npv_and_irr_match_numpy_financial():
    r = evaluate(hand_case())
    flows = r.financial_flows_per_year[0, r.partners.index("woco")]
    # npf.npv does not discount values[0] (t = 0): the same as our end-of-year convention.
    assert r.by_partner.loc["woco", "financial_npv"] == pytest.approx(npf.npv(0.05, flows), abs=1e-9)

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
    many = evaluate(case, draws={"outcomes.less_loneliness.deadweight": dw,
                                 "costs.fit_out.lifetime": np.array([5, 2, 3, 1])})
    assert many.n_draws == 4
    for i, (d, life) in enumerate(zip(dw, [5, 2, 3, 1])):
        single = case.model_copy(deep=True)
        single.outcomes[0].deadweight.value = d
        single.costs[0].lifetime.value = life
        one = evaluate(single)
        assert many.total_arrays["social_npv"][i] == pytest.approx(one.totals["social_npv"], abs=1e-9)
        np.testing.assert_allclose(many.partner_arrays["net_position"][i],
                                   one.partner_arrays["net_position"][0], atol=1e-9)


def test_replacement_and_residual_with_short_lifetime():
    # Lifetime 2 over 5 years: bought at t = 0, renewed at t = 2 and 4; the last serves
    # year 5 only, so half its value is left at t = 5.
    data = base_case(horizon=5, rate=0.0)
    data["costs"] = [cost("kit", "woco", 1_000, kind="investment", lifetime=2)]
    r = evaluate(case_from_data(data))
    led = r.ledger.groupby(["category", "t"])["real"].sum()
    assert led[("investment", 0)] == -1_000
    assert led[("replacement", 2)] == -1_000 and led[("replacement", 4)] == -1_000
    assert led[("replacement", 3)] == 0
    assert led[("residual_value", 5)] == pytest.approx(500)
    assert r.totals["pv_costs"] == pytest.approx(2_500)


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
    assert {"investment", "replacement", "residual_value", "operating", "revenue", "outcome",
            "overlap_correction"} <= categories
    assert set(nonzero.flow_type) == {"cash", "in_kind", "cashable_saving",
                                      "non_cashable_saving", "societal_value"}
    assert "external" in set(nonzero.partner)           # a subsidy from outside
    internal = nonzero[(nonzero.category == "revenue") & (nonzero.partner != "external")]
    assert len(set(internal.partner)) == 2               # a payment between two partners
    case = r.case
    assert {c.indexation for c in case.costs} >= {"wages", "prices", "rents"}
    assert any(o.first_year.value > 1 for o in case.outcomes)
    assert any(o.ramp_up_years.value > 1 and o.drop_off.value > 0 for o in case.outcomes)
    assert all(o.needs for o in case.outcomes)

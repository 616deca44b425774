"""Property tests over the invariants of the engine, allocation and Monte Carlo."""

import copy

import numpy as np
import pytest
from builders import base_case, cost, outcome, p, partner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from businesscase import evaluate
from businesscase.allocation import allocate
from businesscase.io.validate import case_from_data
from businesscase.uncertainty import monte_carlo

SETTINGS = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
TYPES = [
    "corporation",
    "municipality",
    "health_insurer",
    "care_office",
    "care_provider",
    "welfare_organisation",
    "residents",
    "other",
]
FLOW = ["cashable_saving", "non_cashable_saving", "societal_value"]


@st.composite
def cases(draw):
    n = draw(st.integers(2, 5))
    ids = [f"p{i}" for i in range(n)]
    data = base_case(
        horizon=draw(st.integers(1, 30)),
        rate=draw(st.floats(0.0, 0.08)),
        convention=draw(st.sampled_from(["end_of_year", "first_year_undiscounted"])),
        inflation=draw(st.floats(0.0, 0.04)),
        prices=draw(st.floats(0.0, 0.04)),
        wages=draw(st.floats(0.0, 0.05)),
        financial=draw(st.floats(0.0, 0.1)),
    )
    data["partners"] = [partner(i, draw(st.sampled_from(TYPES))) for i in ids]
    data["drivers"] = {"n": p(draw(st.floats(1, 200)))}
    money = st.floats(1, 1e5)
    data["costs"] = [
        cost(
            f"c{j}",
            draw(st.sampled_from(ids)),
            draw(money),
            kind=(kind := draw(st.sampled_from(["investment", "operating"]))),
            lifetime=draw(st.integers(1, 40)) if kind == "investment" else None,
            flow_type=draw(st.sampled_from(["cash", "in_kind"])),
        )
        for j in range(draw(st.integers(1, 4)))
    ]
    data["outcomes"] = [
        outcome(
            f"o{k}",
            draw(st.sampled_from(ids)),
            ["n"],
            draw(money),
            deadweight=draw(st.floats(0, 0.9)),
            attribution=draw(st.floats(0, 0.9)),
            displacement=draw(st.floats(0, 0.5)),
            drop_off=draw(st.floats(0, 0.5)),
            ramp_up=draw(st.integers(0, 4)),
            first_year=draw(st.integers(1, 5)),
            duration=draw(st.integers(1, 30)),
            flow_type=draw(st.sampled_from(FLOW)),
            needs=draw(st.lists(st.sampled_from(ids), max_size=3, unique=True)),
        )
        for k in range(draw(st.integers(1, 4)))
    ]
    return data


MONEY_TOTALS = [
    "pv_costs",
    "pv_benefits",
    "social_npv",
    "pv_transfers",
    "investment",
    "operating_cost_first_year",
]
MONEY_PARTNER = ["pv_costs", "pv_benefits", "net_position", "financial_npv"]


@SETTINGS
@given(cases())
def test_ledger_reconciles(data):
    r = evaluate(case_from_data(data))
    assert r.by_partner.net_position.sum() == pytest.approx(r.totals["social_npv"], abs=0.005)
    assert r.ledger.pv_social.sum() == pytest.approx(r.totals["social_npv"], abs=0.005)
    by_partner = r.ledger.groupby("partner").pv_social.sum().reindex(r.partners, fill_value=0.0)
    np.testing.assert_allclose(
        by_partner[r.partners], r.by_partner.net_position[r.partners], atol=0.005
    )


@SETTINGS
@given(cases(), st.sampled_from([0.5, 3.0, 1000.0]))
def test_scaling_money_scales_money_results_and_leaves_ratios(data, k):
    scaled = copy.deepcopy(data)
    for item in scaled["costs"]:
        for f in ("value", "low", "high"):
            item["amount"][f] *= k
    for o in scaled["outcomes"]:
        for f in ("value", "low", "high"):
            o["proxy"][f] *= k
    a, b = evaluate(case_from_data(data)), evaluate(case_from_data(scaled))
    for key in MONEY_TOTALS:
        assert b.totals[key] == pytest.approx(k * a.totals[key], rel=1e-9, abs=1e-6)
    for key in ("sroi_ratio",):
        assert b.totals[key] == pytest.approx(a.totals[key], rel=1e-9, nan_ok=True)
    assert (np.isnan(a.totals["payback_year"]) and np.isnan(b.totals["payback_year"])) or a.totals[
        "payback_year"
    ] == b.totals["payback_year"]
    for key in MONEY_PARTNER:
        np.testing.assert_allclose(b.by_partner[key], k * a.by_partner[key], rtol=1e-9, atol=1e-6)
    np.testing.assert_allclose(b.by_partner.irr, a.by_partner.irr, rtol=1e-6, atol=1e-9)


@SETTINGS
@given(cases(), st.randoms(use_true_random=False))
def test_renaming_and_reordering_partners_changes_only_labels(data, rnd):
    ids = [pt["id"] for pt in data["partners"]]
    rename = {i: f"x{n}_{i}" for n, i in enumerate(ids)}
    other = copy.deepcopy(data)
    rnd.shuffle(other["partners"])
    for pt in other["partners"]:
        pt["id"] = rename[pt["id"]]
        pt["name"] = {"nl": "Naam " + pt["id"], "en": "Name " + pt["id"]}
    for c in other["costs"]:
        c["payer"] = rename[c["payer"]]
    for o in other["outcomes"]:
        o["pocket"] = rename[o["pocket"]]
        o["needs"] = [rename[x] for x in o["needs"]]
    a, b = evaluate(case_from_data(data)), evaluate(case_from_data(other))
    for key in MONEY_TOTALS + ["sroi_ratio"]:
        assert b.totals[key] == pytest.approx(a.totals[key], rel=1e-12, abs=1e-9, nan_ok=True)
    for pid in ids:
        for key in MONEY_PARTNER:
            assert b.by_partner.loc[rename[pid], key] == pytest.approx(
                a.by_partner.loc[pid, key], rel=1e-12, abs=1e-9
            )
    sa, sb = allocate(a, "shapley"), allocate(b, "shapley")
    # Partners without a line that nothing needs are left out of the game, in both.
    assert {rename[pid] for pid in sa.table.index} == set(sb.table.index)
    for pid in sa.table.index:
        assert sb.table.loc[rename[pid], "net_after"] == pytest.approx(
            sa.table.loc[pid, "net_after"], abs=1e-6
        )


@SETTINGS
@given(
    st.lists(st.floats(1, 1e6), min_size=1, max_size=40), st.floats(0.0, 0.3), st.floats(0.001, 0.2)
)
def test_npv_falls_as_the_discount_rate_rises_for_positive_future_flows(flows, rate, step):
    from businesscase.engine.metrics import npv

    values = np.r_[0.0, flows]  # nothing at t = 0, positive afterwards
    assert npv(rate + step, values) < npv(rate, values)


@SETTINGS
@given(
    cases(),
    st.sampled_from(["shapley", "nucleolus", "equal_surplus", "proportional_benefit"]),
    st.sampled_from(["cash", "financial", "societal"]),
)
def test_allocation_is_efficient(data, method, basis):
    r = evaluate(case_from_data(data))
    try:
        a = allocate(r, method, basis)
    except ValueError as exc:  # proportional with no benefit at all is refused, with a reason
        assert "no benefit" in str(exc)
        return
    assert a.table.net_after.sum() == pytest.approx(a.total_value, abs=1e-6)
    assert a.table.fair_contribution.sum() == pytest.approx(a.case_game.cost_to_cover, abs=1e-6)


@SETTINGS
@given(cases())
def test_symmetric_partners_get_the_same_shapley_share(data):
    # Two partners with identical roles: both needed by every outcome, neither pays or gets.
    data["partners"] += [partner("twin_a"), partner("twin_b")]
    for o in data["outcomes"]:
        o["needs"] = sorted(set(o["needs"]) | {"twin_a", "twin_b"})
    a = allocate(evaluate(case_from_data(data)), "shapley", "societal")
    assert a.table.loc["twin_a", "net_after"] == pytest.approx(a.table.loc["twin_b", "net_after"])


@SETTINGS
@given(cases())
def test_monte_carlo_with_collapsed_ranges_equals_the_deterministic_result(data):
    case = case_from_data(data)
    det = evaluate(case)
    mc = monte_carlo(case, 50, seed=1)  # builders give every parameter low = high = value
    np.testing.assert_array_equal(
        mc.result.total_arrays["social_npv"], det.total_arrays["social_npv"]
    )

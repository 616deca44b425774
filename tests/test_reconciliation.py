"""Every case in assumptions/: the ledger reconciles; partners sum to the totals to the cent."""

import numpy as np
import pytest

from builders import ASSUMPTIONS
from businesscase import evaluate, load_case

CASE_FILES = sorted(p for p in ASSUMPTIONS.glob("*.yaml"))


def test_there_are_cases_to_check():
    assert any(p.name == "meeting_space.yaml" for p in CASE_FILES)


@pytest.mark.parametrize("path", CASE_FILES, ids=[p.stem for p in CASE_FILES])
def test_ledger_reconciles(path):
    r = evaluate(load_case(path))
    ledger, bp, totals = r.ledger, r.by_partner, r.totals
    # The tidy ledger has a row per line item and year.
    assert len(ledger) == len(r.lines) * (r.case.meta.horizon + 1)
    by_partner = ledger.groupby("partner")["pv_social"].sum()
    for pid in r.partners:
        assert by_partner.get(pid, 0.0) == pytest.approx(bp.loc[pid, "net_position"], abs=0.005)
    # Sums over partners equal the totals, to the cent.
    assert round(bp.net_position.sum(), 2) == round(totals["social_npv"], 2)
    assert round(ledger.pv_social.sum(), 2) == round(totals["social_npv"], 2)
    assert round(bp.pv_costs.sum(), 2) == round(totals["pv_costs"], 2)
    assert round(bp.pv_benefits.sum(), 2) == round(totals["pv_benefits"], 2)
    # Costs and benefits per partner add up to the net position, by flow type too.
    assert np.allclose(bp.pv_benefits - bp.pv_costs, bp.net_position, atol=0.005)
    ft_benefits = bp[[c for c in bp.columns if c.startswith("benefits_")]].sum(axis=1)
    ft_costs = bp[[c for c in bp.columns if c.startswith("costs_")]].sum(axis=1)
    assert np.allclose(ft_benefits, bp.pv_benefits, atol=0.005)
    assert np.allclose(ft_costs, bp.pv_costs, atol=0.005)
    # Social value and inputs come from the same ledger lines.
    outcomes = ledger[ledger.category.isin(["outcome", "overlap_correction"])].pv_social.sum()
    inputs = -ledger[ledger.category.isin(["investment", "replacement", "residual_value",
                                           "operating"])].pv_social.sum()
    assert outcomes == pytest.approx(totals["pv_social_value"], abs=0.005)
    assert inputs == pytest.approx(totals["pv_inputs"], abs=0.005)
    # Transfers between partners and from outside cancel in the total.
    assert ledger[ledger.category == "revenue"].pv_social.sum() == pytest.approx(0.0, abs=1e-6)
    # Real = nominal deflated; PV = real discounted.
    assert np.allclose(ledger.pv_social, ledger.real * r.social_discount_factor[0][ledger.t])

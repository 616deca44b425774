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
    # Partners' costs and benefits include the transfers they pay and receive; the
    # societal totals do not (one definition, businesscase/engine/result.py).
    assert round(bp.pv_costs.sum() - totals["pv_transfers"], 2) == round(totals["pv_costs"], 2)
    assert round(bp.pv_benefits.sum() - totals["pv_transfers"], 2) == round(
        totals["pv_benefits"], 2
    )
    # Costs and benefits per partner add up to the net position, by flow type too.
    assert np.allclose(bp.pv_benefits - bp.pv_costs, bp.net_position, atol=0.005)
    ft_benefits = bp[[c for c in bp.columns if c.startswith("benefits_")]].sum(axis=1)
    ft_costs = bp[[c for c in bp.columns if c.startswith("costs_")]].sum(axis=1)
    assert np.allclose(ft_benefits, bp.pv_benefits, atol=0.005)
    assert np.allclose(ft_costs, bp.pv_costs, atol=0.005)
    # Societal costs and benefits come from the same ledger lines, transfers left out;
    # the SROI ratio is their quotient.
    own = ledger[ledger.category != "revenue"]
    assert -own[own.role == "cost"].pv_social.sum() == pytest.approx(totals["pv_costs"], abs=0.005)
    assert own[own.role == "benefit"].pv_social.sum() == pytest.approx(
        totals["pv_benefits"], abs=0.005
    )
    assert totals["sroi_ratio"] == pytest.approx(totals["pv_benefits"] / totals["pv_costs"])
    assert totals["pv_benefits"] - totals["pv_costs"] == pytest.approx(
        totals["social_npv"], abs=0.005
    )
    # The chart of costs and benefits per year uses the same definition.
    per_year = r.per_year("pv_social")
    assert per_year.costs.sum() == pytest.approx(totals["pv_costs"], abs=0.005)
    assert per_year.benefits.sum() == pytest.approx(totals["pv_benefits"], abs=0.005)
    # Transfers between partners and from outside cancel in the total.
    assert ledger[ledger.category == "revenue"].pv_social.sum() == pytest.approx(0.0, abs=1e-6)
    # Real = nominal deflated; PV = real discounted.
    assert np.allclose(ledger.pv_social, ledger.real * r.social_discount_factor[0][ledger.t])

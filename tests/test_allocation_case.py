"""The split derived from a business case."""

import json
import subprocess
import sys

import numpy as np
import pytest

from builders import ASSUMPTIONS, base_case, cost, outcome, p, partner
from businesscase import evaluate, load_case
from businesscase.allocation import METHODS, allocate, case_game, check_proposal, settle
from businesscase.assumptions import case_from_data


def small_case():
    """Corporation pays a room (1,000 PV a year 0), welfare pays a host; outcomes:
    insurer gains 900 needing corp + welfare; municipality gains 600 needing corp.
    A care provider takes part but is needed by nothing and receives nothing."""
    data = base_case(horizon=1, rate=0.0)
    data["partners"] = [partner("woco", "corporation"), partner("welzijn", "welfare_organisation"),
                        partner("zvw", "health_insurer"), partner("gem", "municipality"),
                        partner("zorg", "care_provider")]
    data["drivers"] = {"one": p(1)}
    data["costs"] = [cost("room", "woco", 1_000, kind="investment", lifetime=1),
                     cost("host", "welzijn", 200)]
    data["outcomes"] = [
        outcome("gp", "zvw", ["one"], 900, needs=["woco", "welzijn"], flow_type="non_cashable_saving"),
        outcome("turnover", "gem", ["one"], 600, needs=["woco"], flow_type="cashable_saving")]
    return evaluate(case_from_data(data))


def test_case_game_closed_form_by_hand():
    r = small_case()
    a = allocate(r, "shapley")
    x = a.table.net_after
    # gp (900) shared by woco, welzijn, zvw: 300 each; turnover (600) by woco, gem: 300 each.
    # Own costs: woco 1,000, welzijn 200.
    assert x["woco"] == pytest.approx(300 + 300 - 1_000)
    assert x["welzijn"] == pytest.approx(300 - 200)
    assert x["zvw"] == pytest.approx(300)
    assert x["gem"] == pytest.approx(300)
    assert x["zorg"] == 0.0  # needed by nothing, receives nothing: gets nothing
    # The fair contributions cover exactly the cost.
    assert a.table.fair_contribution.sum() == pytest.approx(1_200)
    assert a.case_game.cost_to_cover == pytest.approx(1_200)
    # Payments: zvw pays 600, gem pays 300; woco receives 700, welzijn 200.
    paid = {(t.payer, t.receiver): t.pv for t in a.transfers}
    assert sum(paid.values()) == pytest.approx(900)
    assert len(a.transfers) <= 3


@pytest.mark.parametrize("method", METHODS)
def test_every_method_covers_the_cost_and_null_partner_gets_nothing(method):
    r = small_case()
    a = allocate(r, method)
    assert a.table.fair_contribution.sum() == pytest.approx(a.case_game.cost_to_cover, abs=1e-6)
    assert a.table.net_after.sum() == pytest.approx(a.total_value, abs=1e-6)
    if method not in ("as_is", "equal_surplus"):  # equal surplus shares with everyone
        assert a.table.loc["zorg", "net_after"] == pytest.approx(0.0, abs=1e-6)


@pytest.mark.parametrize("name", ["meeting_space", "community_builder", "care_in_complex",
                                  "meeting_space_community_builder"])
@pytest.mark.parametrize("basis", ["cash", "financial", "societal"])
def test_fair_contributions_sum_to_the_cost_on_every_case(name, basis):
    r = evaluate(load_case(ASSUMPTIONS / f"{name}.yaml"))
    for method in ("shapley", "nucleolus", "proportional_benefit", "equal_surplus"):
        a = allocate(r, method, basis)
        assert a.table.fair_contribution.sum() == pytest.approx(a.case_game.cost_to_cover, abs=0.01)
        # Applying the transfers to today's contributions gives the fair ones.
        after = a.table.contribution_today.copy()
        for t in a.transfers:
            after[t.payer] += t.pv
            after[t.receiver] -= t.pv
        np.testing.assert_allclose(after, a.table.fair_contribution, atol=len(r.partners) * 1.0)


def test_the_total_value_is_the_case_total_under_the_societal_basis():
    r = evaluate(load_case(ASSUMPTIONS / "meeting_space.yaml"))
    cg = case_game(r, "societal")
    # Everything counts, external subsidy included as a benefit of the corporation: the
    # coalition's value is the MKBA balance plus the subsidy paid from outside.
    external = -r.by_partner.loc["external", "net_position"]
    assert cg.total_value == pytest.approx(r.totals["social_npv"] + external, abs=0.01)
    # Residents' wellbeing counts for the municipality.
    assert cg.benefit["bewoners"] == 0 and cg.benefit["gemeente"] > 0


def test_negative_case_is_said_plainly():
    r = evaluate(load_case(ASSUMPTIONS / "community_builder.yaml"))
    a = allocate(r, "shapley")
    assert a.is_negative
    assert "geen verdeling maakt iedere partij beter af" in a.explain("nl")
    assert "no split makes every partner better off" in a.explain("en")


def test_positive_case_can_be_stable():
    r = small_case()  # v(N) = 1,500 − 1,200 = 300
    a = allocate(r, "nucleolus")
    assert a.total_value == pytest.approx(300)
    assert a.is_stable and "stabiel" in a.explain("nl")


def test_core_check_names_a_group_that_does_better_alone():
    r = small_case()
    a = allocate(r, "as_is")  # the corporation pays 1,000 and gets only 600 back via no one
    assert not a.is_stable
    assert "woco" in a.core_group
    assert a.core_excess > 0


def test_coalition_of_the_willing():
    r = small_case()
    a = allocate(r, "shapley", participants=["woco", "gem", "zvw", "zorg"])
    # Without the welfare organisation: no host cost, no gp outcome (900 lost).
    assert a.total_value == pytest.approx(600 - 1_000)
    assert sum(s.amount for s in a.case_game.lost) == pytest.approx(900)
    assert "welzijn" not in a.table.index


def test_proposal_is_checked():
    r = small_case()
    ok = check_proposal(r, {"woco": 0, "welzijn": 0, "zvw": 750, "gem": 450})
    assert ok.covers_cost and ok.shortfall == pytest.approx(0)
    assert ok.allocation.is_stable
    short = check_proposal(r, {"zvw": 600, "gem": 300})
    assert not short.covers_cost and short.shortfall == pytest.approx(300)
    greedy = check_proposal(r, {"woco": 0, "welzijn": 0, "zvw": 1_200, "gem": 0})
    assert "zvw" in greedy.worse_off  # pays 1,200 for 900
    assert greedy.allocation.core_group == frozenset({"zvw"})
    assert greedy.distance_per_year["shapley"] > 0


def test_settle_needs_few_payments():
    import pandas as pd
    change = pd.Series({"a": 500.0, "b": -500.0, "c": 300.0, "d": -200.0, "e": -100.0})
    transfers = settle(change, 1.0)
    assert [(t.payer, t.receiver, t.pv) for t in transfers] == [
        ("a", "b", 500.0), ("c", "d", 200.0), ("c", "e", 100.0)]


def test_cli_allocate_prints_table_transfers_and_explanation():
    out = subprocess.run([sys.executable, "-m", "businesscase.cli", "allocate",
                          str(ASSUMPTIONS / "care_in_complex.yaml"), "--method", "shapley"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "Eerlijke bijdrage" in out.stdout and "betaalt" in out.stdout
    assert "Methode: Shapley-waarde" in out.stdout
    js = subprocess.run([sys.executable, "-m", "businesscase.cli", "allocate", "--json",
                         "--without", "zorgaanbieder"], capture_output=True, text=True, timeout=120)
    data = json.loads(js.stdout)
    assert "zorgaanbieder" not in {row["id"] for row in data["partners"]}
    bad = subprocess.run([sys.executable, "-m", "businesscase.cli", "allocate", "--without", "nobody"],
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "unknown partner" in bad.stderr

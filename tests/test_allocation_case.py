"""The split derived from a business case."""

import json
import subprocess
import sys

import numpy as np
import pytest

from builders import ASSUMPTIONS, base_case, cost, outcome, p, partner
from businesscase import evaluate, load_case
from businesscase.allocation import (METHODS, allocate, case_game, check_proposal, explanation,
                                     settle)
from businesscase.io.validate import case_from_data


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
    assert "zorg" not in x.index  # no ledger line, needed by nothing: not in the game
    named = allocate(r, "shapley", participants=["woco", "welzijn", "zvw", "gem", "zorg"])
    assert named.table.net_after["zorg"] == 0.0  # named explicitly: in, and gets nothing
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
    a = allocate(r, method, participants=r.case.partner_ids)
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
    assert "geen verdeling maakt iedere partij beter af" in explanation(a, "nl")
    assert "no split makes every partner better off" in explanation(a, "en")


def test_positive_case_can_be_stable():
    r = small_case()  # v(N) = 1,500 − 1,200 = 300
    a = allocate(r, "nucleolus")
    assert a.total_value == pytest.approx(300)
    assert a.is_stable and "stabiel" in explanation(a, "nl")


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


# -- a payment whose counterpart is absent does not happen -------------------------------------

def case_with_room_fee(room=1_000, fee=150):
    """small_case plus a room fee of `fee` a year from the welfare organisation to the
    corporation (a transfer between partners, not part of the game)."""
    data = base_case(horizon=1, rate=0.0)
    data["partners"] = [partner("woco", "corporation"), partner("welzijn", "welfare_organisation"),
                        partner("zvw", "health_insurer"), partner("gem", "municipality"),
                        partner("zorg", "care_provider")]
    data["drivers"] = {"one": p(1)}
    data["costs"] = [cost("room", "woco", room, kind="investment", lifetime=1),
                     cost("host", "welzijn", 200)]
    data["revenues"] = [{"id": "fee", "label": {"nl": "fee", "en": "fee"}, "to": "woco",
                         "from": "welzijn", "amount": p(fee)}]
    data["outcomes"] = [
        outcome("gp", "zvw", ["one"], 900, needs=["woco", "welzijn"], flow_type="non_cashable_saving"),
        outcome("turnover", "gem", ["one"], 600, needs=["woco"], flow_type="cashable_saving")]
    return evaluate(case_from_data(data))


@pytest.mark.parametrize("method", METHODS)
def test_payment_to_an_absent_partner_is_left_out_on_both_sides(method):
    r = case_with_room_fee()
    # The corporation is absent: the welfare organisation pays its host, not the room fee.
    cg = case_game(r, participants=["welzijn", "zvw", "gem"])
    assert cg.contribution_today["welzijn"] == pytest.approx(200)
    assert cg.cost_to_cover == pytest.approx(200)
    # The welfare organisation is absent: the corporation does not receive the fee.
    cg = case_game(r, participants=["woco", "zvw", "gem"])
    assert cg.contribution_today["woco"] == pytest.approx(1_000)
    # Both in: the fee moves 150 from one to the other and nets out.
    full = case_game(r)
    assert full.contribution_today[["woco", "welzijn"]].tolist() == pytest.approx([850, 350])
    for participants in (["welzijn", "zvw", "gem"], ["woco", "zvw", "gem"], None):
        try:
            a = allocate(r, method, participants=participants)
        except ValueError as exc:
            assert "no benefit" in str(exc)
            continue
        assert a.table.fair_contribution.sum() == pytest.approx(a.case_game.cost_to_cover, abs=0.01)
        assert a.table.net_after.sum() == pytest.approx(a.total_value, abs=0.01)


def test_meeting_space_without_the_corporation_adds_up():
    # Issue 11: fair contributions summed to 337,146 against 352,933 to cover, the gap
    # being the room fee the welfare organisation pays the absent corporation.
    r = evaluate(load_case(ASSUMPTIONS / "meeting_space.yaml"))
    without = [p for p in r.case.partner_ids if p != "woningcorporatie"]
    for basis in ("cash", "financial", "societal"):
        cg = case_game(r, basis, participants=without)
        own = -sum(v for ln, v in zip(r.lines, r.line_pv[0])
                   if ln.partner == "welzijnsorganisatie" and ln.category != "revenue")
        assert cg.contribution_today["welzijnsorganisatie"] == pytest.approx(own)
        for method in METHODS:
            try:
                a = allocate(r, method, basis, without)
            except ValueError as exc:
                assert "no benefit" in str(exc)
                continue
            assert a.table.fair_contribution.sum() == pytest.approx(cg.cost_to_cover, abs=0.01)
            assert a.table.net_after.sum() == pytest.approx(cg.total_value, abs=0.01)


def test_monte_carlo_weights_leave_out_the_same_payments():
    from businesscase.allocation.case_game import net_after_draws, split_weights
    r = case_with_room_fee()
    for participants in (["welzijn", "zvw", "gem"], ["woco", "zvw", "gem"], None):
        cg = case_game(r, participants=participants)
        W, players = split_weights(r, participants=participants)
        assert players == cg.players
        pv = r.line_pv
        np.testing.assert_allclose((pv @ W["today"])[0], cg.contribution_today[players], atol=1e-9)
        for method in ("shapley", "as_is", "proportional_benefit", "equal_surplus"):
            if method == "proportional_benefit" and cg.benefit.sum() <= 0:
                continue  # refused by fair_split: nothing to be proportional to
            np.testing.assert_allclose(net_after_draws(pv, W, method)[0],
                                       allocate(r, method, participants=participants)
                                       .table.net_after[players], atol=1e-9)


# -- null partners -------------------------------------------------------------------------------

NULL_ZERO = ("shapley", "nucleolus", "prenucleolus", "proportional_benefit",
             "proportional_cashable", "as_is")


@pytest.mark.parametrize("room", [1_000, 5_000])  # v(N) = +300 and −3,700
def test_null_partner_gets_exactly_nothing_also_in_a_negative_case(room):
    r = case_with_room_fee(room=room)
    a0 = allocate(r, "shapley", participants=r.case.partner_ids)
    assert a0.total_value == pytest.approx(1_500 - 200 - room)
    assert a0.case_game.null_players() == ["zorg"]
    for method in NULL_ZERO:
        a = allocate(r, method, participants=r.case.partner_ids)
        assert a.table.loc["zorg", "net_after"] == 0.0, method
        assert a.table.loc["zorg", "fair_contribution"] == 0.0, method
        assert a.table.net_after.sum() == pytest.approx(a.total_value, abs=0.01)
        # The others get what they get without the null partner in the game.
        b = allocate(r, method)
        assert "zorg" not in b.table.index
        np.testing.assert_allclose(a.table.net_after[b.table.index], b.table.net_after, atol=0.01)


def test_equal_surplus_gives_a_null_partner_a_share_and_says_so():
    from businesscase.allocation import method_description
    r = case_with_room_fee(room=5_000)
    a = allocate(r, "equal_surplus", participants=r.case.partner_ids)
    alone = {p: max(a.case_game.game.value([p]), 0.0) for p in a.case_game.players}
    share = (a.total_value - sum(alone.values())) / 5
    assert a.table.loc["zorg", "net_after"] == pytest.approx(share) and share < 0
    assert "niets bijdraagt en niets ontvangt" in method_description("equal_surplus", "nl")
    assert "adds nothing and receives nothing" in method_description("equal_surplus", "en")


def test_default_game_leaves_out_partners_without_lines_unless_named():
    r = small_case()
    assert "zorg" not in case_game(r).players
    assert "zorg" in case_game(r, participants=r.case.partner_ids).players
    # A partner needed by an outcome stays in even without a line of its own.
    data = base_case(horizon=1, rate=0.0)
    data["partners"].append(partner("enabler"))
    data["drivers"] = {"one": p(1)}
    data["outcomes"] = [outcome("o", "gem", ["one"], 100, needs=["enabler"])]
    cg = case_game(evaluate(case_from_data(data)), "societal")
    assert cg.players == ["gem", "enabler"]  # woco: no line, needed by nothing


# -- outcomes booked gross: a stream with a negative amount --------------------------------------

def with_gross_cost(result, item, pocket, fraction, flow_type="cashable_saving"):
    """Add the cost side of an outcome booked gross, as the engine will: category
    'outcome', role 'cost', values −fraction × the outcome's own line, in another pocket."""
    from dataclasses import replace
    from businesscase.engine.result import Line
    i = next(k for k, ln in enumerate(result.lines) if ln.item == item and ln.category == "outcome")
    line = Line(item=item, partner=pocket, role="cost", category="outcome", flow_type=flow_type,
                label=result.lines[i].label)

    def grow(a):
        return np.concatenate([a, -fraction * a[:, i:i + 1]], axis=1)
    return replace(result, lines=result.lines + [line], nominal=grow(result.nominal),
                   real=grow(result.real), pv_social=grow(result.pv_social),
                   pv_financial=grow(result.pv_financial))


def test_a_gross_outcome_is_a_negative_stream_needing_its_partners_and_pocket():
    r = with_gross_cost(small_case(), "gp", "zorg", 0.5)  # extra care: −450 for the provider
    cg = case_game(r)
    assert "zorg" in cg.players  # it has a line now
    gross = [s for s in cg.game.benefits if s.amount < 0]
    assert len(gross) == 1
    assert gross[0].amount == pytest.approx(-450)
    assert gross[0].players == frozenset({"woco", "welzijn", "zorg"})
    assert cg.total_value == pytest.approx(300 - 450)
    assert cg.benefit["zorg"] == pytest.approx(-450)
    tu = cg.game.to_tugame()
    np.testing.assert_allclose(cg.game.shapley()[cg.players], tu.shapley(), atol=1e-9)
    # −450 shared by the three it needs: the provider bears 150, not 450.
    assert fair_split_of(cg, "shapley")["zorg"] == pytest.approx(-150)
    for method in METHODS:
        a = allocate(r, method)
        assert a.table.fair_contribution.sum() == pytest.approx(a.case_game.cost_to_cover, abs=0.01)
        assert a.table.net_after.sum() == pytest.approx(a.total_value, abs=0.01)
        _, excess = tu.core_excess(a.table.net_after)
        # The stability check on the structure agrees with enumeration (stay-out aside).
        _, milp = a.case_game.game.max_excess(a.table.net_after)
        assert milp == pytest.approx(excess, abs=1e-6)
    # Proportional to benefit: a partner left with a net loss takes no share of the cost.
    prop = allocate(r, "proportional_benefit").table
    assert prop.loc["zorg", "fair_contribution"] == pytest.approx(0.0)
    # Monte Carlo weights carry the negative stream the same way.
    from businesscase.allocation.case_game import split_weights
    W, players = split_weights(r)
    np.testing.assert_allclose((r.line_pv @ W["shapley"])[0], cg.game.shapley()[players], atol=1e-9)


def fair_split_of(cg, method):
    from businesscase.allocation.case_game import fair_split
    return fair_split(cg, method)

"""A proposal in percentages of the cost to cover or in euros a year, with a switch; a value
in the wrong unit is refused with a message that names the partner and what is allowed."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from businesscase.allocation import ProposalError, contribution_per_year, proposal_per_year
from dashboards.state import CaseState


@pytest.mark.parametrize(
    ("entry", "unit", "expected"),
    [
        ("40", "percent", 400.0),
        ("40%", "percent", 400.0),
        ("12,5", "percent", 125.0),
        (40, "percent", 400.0),
        ("12.000", "euro", 12_000.0),  # Dutch: twelve thousand
        ("€ 1.234,50", "euro", 1_234.5),
        ("", "euro", 0.0),
        (None, "percent", 0.0),
    ],
)
def test_an_entry_in_its_unit(entry, unit, expected):
    assert contribution_per_year("p", "P", entry, unit, 1_000.0, "nl") == pytest.approx(expected)


@pytest.mark.parametrize(
    ("entry", "unit", "says"),
    [
        ("20%", "euro", "is een percentage"),
        ("€ 20", "percent", "is een bedrag"),
        ("20 euro", "percent", "is een bedrag"),
        ("veertig", "percent", "geen getal"),
        ("140", "percent", "tussen 0 en 100%"),
        ("-5", "euro", "0 of meer"),
    ],
)
def test_a_value_in_the_wrong_unit_is_refused(entry, unit, says):
    with pytest.raises(ProposalError) as err:
        proposal_per_year({"gemeente": entry}, unit, 1_000.0, {"gemeente": "Gemeente"}, "nl")
    assert err.value.partner == "gemeente"
    assert err.value.message.startswith("Gemeente: ")
    assert says in err.value.message


def test_forty_forty_twenty_in_the_dashboard_state():
    s = CaseState()
    cost = s.allocation.case_game.cost_to_cover_per_year
    # By hand: the partners pay today what the split has to cover; its sum a year.
    today = s.allocation.table.contribution_today.sum() / s.allocation.case_game.annuity_factor
    assert cost == pytest.approx(today)
    s.proposal_unit = "percent"
    s.proposal = {"woningcorporatie": "40%", "gemeente": "40", "welzijnsorganisatie": "20"}
    assert s.proposal_problem == ""
    assert s.proposal_check.covers_cost
    assert s.proposal_check.shortfall == pytest.approx(0.0, abs=0.01)
    together, share, _ = s.proposal_together()
    assert share == pytest.approx(1.0)
    assert together == pytest.approx(cost)
    # The same proposal typed in euros gives the same check.
    euros = {
        "woningcorporatie": 0.4 * cost,
        "gemeente": 0.4 * cost,
        "welzijnsorganisatie": 0.2 * cost,
    }
    other = CaseState()
    other.proposal = euros
    assert other.proposal_check.allocation.table.net_after.to_dict() == pytest.approx(
        s.proposal_check.allocation.table.net_after.to_dict()
    )


def test_wrong_unit_keeps_what_was_typed_and_the_switch_converts():
    s = CaseState()
    s.proposal = {"gemeente": "20%"}
    assert "is een percentage" in s.proposal_problem
    assert s.proposal_check is None
    assert s.proposal == {"gemeente": "20%"}  # nothing the user typed is lost
    s.proposal = {"gemeente": "12000", "woningcorporatie": "x"}
    s.set_proposal_unit("percent")
    cost = s.allocation.case_game.cost_to_cover_per_year
    assert s.proposal["gemeente"] == pytest.approx(round(100 * 12_000 / cost, 4))
    assert s.proposal["woningcorporatie"] == "x"  # unreadable: kept as typed
    assert "geen getal" in s.proposal_problem
    s.proposal = {"gemeente": s.proposal["gemeente"]}
    s.set_proposal_unit("euro")
    assert s.proposal["gemeente"] == pytest.approx(12_000, abs=1)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_percentages_that_add_up_to_100_cover_the_cost(data):
    s = CaseState()
    partners = [p for p in s.case.partner_ids if p in s.allocation.table.index]
    absent = data.draw(st.lists(st.sampled_from(partners), max_size=2, unique=True))
    s.absent = absent
    players = list(s.allocation.table.index)
    weights = data.draw(st.lists(st.integers(0, 10), min_size=len(players), max_size=len(players)))
    if sum(weights) == 0:
        weights[0] = 1
    shares = [100 * w / sum(weights) for w in weights]
    s.proposal_unit = "percent"
    s.proposal = {p: f"{v:.10f}".replace(".", ",") for p, v in zip(players, shares)}
    assert s.proposal_problem == ""
    assert s.proposal_check.shortfall == pytest.approx(0.0, abs=0.05)

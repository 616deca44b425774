"""Roles and shares: the partners of a role carry its flows in proportion to their shares.

Checked by hand on a small case, and on the shipped cases against a second computation:
the same case with the role filled by one partner (today's files), evaluated separately.
"""

from __future__ import annotations

import random
from collections import defaultdict

import numpy as np
import pytest
from builders import ASSUMPTIONS, base_case, cost, outcome, p, partner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from businesscase import evaluate, load_case
from businesscase.allocation import allocate, case_game
from businesscase.io.validate import case_from_data
from businesscase.model import Case

CENT = 0.005
SHIPPED = ["meeting_space", "community_builder", "care_in_complex", "meeting_space_care_in_complex"]
SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def split_role_case():
    """The small case of test_allocation_case with the corporation role filled by three
    corporations owning 50%, 30% and 20% of the dwellings."""
    data = base_case(horizon=1, rate=0.0)
    data["partners"] = [
        partner("corp_a", "corporation", role="woco", share=50),
        partner("corp_b", "corporation", role="woco", share=30),
        partner("corp_c", "corporation", role="woco", share=20),
        partner("welzijn", "welfare_organisation"),
        partner("zvw", "health_insurer"),
        partner("gem", "municipality"),
    ]
    data["drivers"] = {"one": p(1)}
    data["costs"] = [
        cost("room", "woco", 1_000, kind="investment", lifetime=1),
        cost("host", "welzijn", 200),
    ]
    data["outcomes"] = [
        outcome(
            "gp", "zvw", ["one"], 900, needs=["woco", "welzijn"], flow_type="non_cashable_saving"
        ),
        outcome("turnover", "gem", ["one"], 600, needs=["woco"], flow_type="cashable_saving"),
    ]
    return case_from_data(data)


def test_three_corporations_carry_the_role_by_hand():
    r = evaluate(split_role_case())
    pv = r.line_pv[0]
    paid = {ln.partner: -v for ln, v in zip(r.lines, pv) if ln.item == "room"}
    assert paid == pytest.approx({"corp_a": 500, "corp_b": 300, "corp_c": 200})
    x = allocate(r, "shapley").table.net_after
    # gp 900 splits into 450/270/180, each shared by zvw, welzijn and one corporation;
    # turnover 600 into 300/180/120, each shared by gem and one corporation.
    assert x["corp_a"] == pytest.approx(150 + 150 - 500)
    assert x["corp_b"] == pytest.approx(90 + 90 - 300)
    assert x["corp_c"] == pytest.approx(60 + 60 - 200)
    assert x["welzijn"] == pytest.approx(150 + 90 + 60 - 200)
    assert x["zvw"] == pytest.approx(300)
    assert x["gem"] == pytest.approx(300)


def test_a_corporation_leaving_loses_its_part_only():
    r = evaluate(split_role_case())
    players = ["corp_a", "corp_b", "welzijn", "zvw", "gem"]
    cg = case_game(r, participants=players)
    assert cg.total_value == pytest.approx(450 + 270 + 300 + 180 - 500 - 300 - 200)
    assert sum(s.amount for s in cg.lost) == pytest.approx(180 + 120)
    x = allocate(r, "shapley", participants=players).table.net_after
    assert x.to_dict() == pytest.approx(
        {"corp_a": -200, "corp_b": -120, "welzijn": 40, "zvw": 240, "gem": 240}
    )


# -- the shipped cases, with one role split over several partners ---------------------------
def _with_split_role(name: str, role: str, shares: list[float], seed: int) -> tuple[Case, Case]:
    """(the shipped case, the same case with `role` carried by len(shares) partners)."""
    case = load_case(ASSUMPTIONS / f"{name}.yaml")
    data = case.model_dump()
    original = next(q for q in data["partners"] if q["id"] == role)
    members = []
    for j, share in enumerate(shares):
        member = dict(original, share=share, role=role)
        if j:
            member["id"] = f"{role}_{j + 1}"
            member["name"] = {"nl": f"{original['name']['nl']} {j + 1}", "en": f"x {role} {j + 1}"}
            member["financial_discount_rate"] = None
        members.append(member)
    others = [q for q in data["partners"] if q["id"] != role]
    data["partners"] = others + members
    random.Random(seed).shuffle(data["partners"])
    return case, Case.model_validate(data)


def _roles_with_lines(name: str) -> list[str]:
    r = evaluate(load_case(ASSUMPTIONS / f"{name}.yaml"))
    return sorted({ln.partner for ln in r.lines} - {"external"})


@st.composite
def split_roles(draw):
    name = draw(st.sampled_from(SHIPPED))
    role = draw(st.sampled_from(_ROLES[name]))
    shares = draw(
        st.lists(st.one_of(st.just(0.0), st.floats(0.01, 1_000.0)), min_size=1, max_size=5).filter(
            lambda s: sum(s) > 0
        )
    )
    return name, role, shares, draw(st.integers(0, 10_000))


_ROLES = {name: _roles_with_lines(name) for name in SHIPPED}


@SETTINGS
@given(split_roles())
def test_a_roles_flows_are_conserved_to_the_cent(drawn):
    name, role, shares, seed = drawn
    case, split = _with_split_role(name, role, shares, seed)
    before, after = evaluate(case), evaluate(split)
    members = {q.id: q.share / sum(shares) for q in split.partners if q.role_id == role}
    grouped: dict[tuple, list] = defaultdict(list)
    for k, ln in enumerate(after.lines):
        partner_key = role if ln.partner in members else ln.partner
        grouped[(ln.item, ln.category, ln.component, ln.role, partner_key)].append(k)
    assert len(grouped) == len(before.lines)
    for k, ln in enumerate(before.lines):
        rows = grouped[(ln.item, ln.category, ln.component, ln.role, ln.partner)]
        for array in ("real", "pv_social"):
            carried = getattr(after, array)[:, rows, :].sum(axis=1)
            assert np.abs(carried - getattr(before, array)[:, k, :]).max() < CENT
        for row in rows:
            partner_id = after.lines[row].partner
            if partner_id in members:
                np.testing.assert_allclose(
                    after.real[:, row, :], members[partner_id] * before.real[:, k, :], atol=1e-9
                )
    for key in ("social_npv", "pv_costs", "pv_benefits", "pv_transfers"):
        assert after.totals[key] == pytest.approx(before.totals[key], abs=CENT)


@SETTINGS
@given(split_roles(), st.sampled_from(["cash", "financial", "societal"]))
def test_the_partners_of_a_role_together_get_the_roles_shapley_value(drawn, basis):
    """Second method: the closed-form Shapley value of the role filled by one partner."""
    name, role, shares, seed = drawn
    case, split = _with_split_role(name, role, shares, seed)
    whole = allocate(evaluate(case), "shapley", basis).table.net_after
    parts = allocate(evaluate(split), "shapley", basis).table.net_after
    members = [q.id for q in split.partners if q.role_id == role]
    scale = max(1.0, float(whole.abs().max()))
    if role in whole.index:
        assert parts.reindex(members).fillna(0).sum() == pytest.approx(
            whole[role], abs=1e-9 * scale
        )
    for other in whole.index.difference([role]):
        assert parts[other] == pytest.approx(whole[other], abs=1e-9 * scale)


@SETTINGS
@given(
    split_roles(),
    st.sampled_from(["shapley", "as_is", "proportional_benefit", "equal_surplus", "nucleolus"]),
    st.sampled_from(["financial", "societal"]),
    st.data(),
)
def test_splits_add_up_with_any_partners_absent(drawn, method, basis, data):
    name, role, shares, seed = drawn
    _, split = _with_split_role(name, role, shares, seed)
    result = evaluate(split)
    ids = split.partner_ids
    present = data.draw(st.lists(st.sampled_from(ids), min_size=1, unique=True))
    try:
        a = allocate(result, method, basis, participants=present)
    except ValueError as exc:  # nothing to split proportionally, or no partner left
        assert "no" in str(exc)
        return
    scale = max(1.0, abs(a.total_value), a.case_game.cost_to_cover)
    assert a.table.net_after.sum() == pytest.approx(a.total_value, abs=1e-6 * scale)
    assert a.table.fair_contribution.sum() == pytest.approx(
        a.case_game.cost_to_cover, abs=1e-6 * scale
    )
    if method in ("shapley", "nucleolus"):
        for null in a.case_game.null_players():
            assert a.table.net_after[null] == pytest.approx(0.0, abs=1e-6 * scale)

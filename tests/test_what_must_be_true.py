""" "What must be true": the values at which the social balance and each losing partner
break even, for the strongest drivers."""

from __future__ import annotations

import math

import numpy as np
import pytest
from builders import ASSUMPTIONS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from businesscase import evaluate, load_case
from businesscase.model import apply_changes
from businesscase.uncertainty import break_even, tornado
from businesscase.uncertainty.breakeven import losing_partners, what_must_be_true

CASES = sorted(ASSUMPTIONS.glob("*.yaml"))


def target_at(case, key, value, target):
    result = evaluate(case, {key: np.array([value])})
    if target == "social_npv":
        return float(result.total_arrays["social_npv"][0])
    return float(result.partner_arrays["net_position"][0, result.partners.index(target)])


def check_table(case, table):
    for row in table.itertuples():
        if math.isnan(row.break_even):
            continue
        assert abs(target_at(case, row.parameter, row.break_even, row.target)) <= 0.01
        assert row.in_range == (row.low <= row.break_even <= row.high)


def test_default_case_by_hand():
    case = load_case(ASSUMPTIONS / "meeting_space.yaml")
    table = what_must_be_true(case)
    strongest = list(tornado(case).index[:5])
    assert list(dict.fromkeys(table.parameter)) == strongest
    # Every default case is negative; the losing partners are those with a negative net.
    net = evaluate(case).by_partner.net_position
    losing = [p for p in net.index if net[p] < -0.005 and p != "external"]
    assert set(losing_partners(case)) == set(losing)
    assert set(table.target) == {"social_npv", *losing}
    # Dwellings move the social balance linearly: the root from the tornado's two points.
    tor = tornado(case).loc["drivers.dwellings"]
    slope = (tor.at_high - tor.at_low) / (tor.high - tor.low)
    now = float(evaluate(case).totals.social_npv)
    by_line = 60 - now / slope
    row = table[(table.parameter == "drivers.dwellings") & (table.target == "social_npv")].iloc[0]
    assert row.break_even == pytest.approx(by_line, rel=1e-9)
    assert not row.in_range  # 233 dwellings, above the range of 30–120
    # The municipality pays only the activities budget: it breaks even when that is 0.
    row = table[(table.parameter == "costs.activities.amount") & (table.target == "gemeente")]
    assert row.break_even.iloc[0] == pytest.approx(0.0, abs=1e-6)
    check_table(case, table)


@pytest.mark.parametrize("path", CASES, ids=lambda x: x.stem)
def test_matches_brent_on_every_shipped_case(path):
    case = load_case(path)
    table = what_must_be_true(case)
    for row in table.itertuples():
        target = "social_npv" if row.target == "social_npv" else "net_position"
        partner = None if row.target == "social_npv" else row.target
        other = break_even(case, row.parameter, target, partner)
        if other is None:
            assert math.isnan(row.break_even)
        else:
            assert row.break_even == pytest.approx(other, rel=1e-6, abs=1e-6)
    check_table(case, table)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(CASES), st.data())
def test_roots_hold_with_partners_absent(path, data):
    case = load_case(path)
    absent = data.draw(st.lists(st.sampled_from(case.partner_ids), max_size=3, unique=True))
    top = data.draw(st.integers(1, 6))
    case = apply_changes(case, {}, absent=absent)
    table = what_must_be_true(case, top=top)
    assert table.parameter.nunique() == min(top, len(table.parameter.unique()))
    assert not set(table.target) & set(absent)
    check_table(case, table)

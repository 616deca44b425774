"""Tornado: each end of each range equals a separate evaluation with that one value changed."""

import pytest
from builders import ASSUMPTIONS

from businesscase import evaluate, load_case
from businesscase.uncertainty import tornado


def test_tornado_matches_separate_evaluations():
    case = load_case(ASSUMPTIONS / "meeting_space.yaml")
    table = tornado(case)
    assert list(table.swing) == sorted(table.swing, reverse=True)
    for key in list(table.index[:3]) + ["outcomes.less_loneliness.deadweight"]:
        for end in ("low", "high"):
            changed = case.model_copy(deep=True)
            changed.parameter(key).value = table.loc[key, end]
            expected = evaluate(changed).totals["social_npv"]
            assert table.loc[key, f"at_{end}"] == pytest.approx(expected, abs=0.005)


def test_tornado_for_one_partner():
    case = load_case(ASSUMPTIONS / "meeting_space.yaml")
    table = tornado(case, "net_position", partner="woningcorporatie")
    changed = case.model_copy(deep=True)
    key = "drivers.social_rent_per_month"  # the lost rent's amount
    changed.parameter(key).value = table.loc[key, "high"]
    r = evaluate(changed)
    assert table.loc[key, "at_high"] == pytest.approx(
        r.by_partner.loc["woningcorporatie", "net_position"], abs=0.005
    )
    # The municipality's activities budget does not touch the corporation.
    assert table.loc["costs.activities.amount", "swing"] == pytest.approx(0.0, abs=1e-9)

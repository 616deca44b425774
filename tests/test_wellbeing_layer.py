"""The wellbeing layer is a second valuation beside the balance, never in it (issue 15,
point 10): the balance, the partners' positions and the split are the same with or
without it; its totals are worked by hand, and by a second method (the wellbeing values
booked as ordinary outcomes in place of those they replace)."""

from __future__ import annotations

import pytest
from builders import ASSUMPTIONS, base_case, cost, outcome, p
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from businesscase import evaluate, load_case
from businesscase.allocation import allocate, default_participants
from businesscase.engine import wellbeing_layer
from businesscase.io.validate import case_from_data
from businesscase.model import LoadError, apply_changes

CASES = ["meeting_space.yaml", "community_builder.yaml", "care_in_complex.yaml"]


def test_a_worked_example():
    """10 persons a year, 0.07 QALY each, €50,000 a QALY: €35,000 a year for 2 years at
    2.25%, minus the €1,000 a year of the proxy it replaces."""
    data = base_case(horizon=2)
    data["drivers"] = {"persons": p(10), "qaly": p(0.07), "per_qaly": p(50_000)}
    data["derived_drivers"] = {
        "value_per_person": {"unit": "€ per person", "product": ["qaly", "per_qaly"]}
    }
    data["costs"] = [cost("host", "woco", 20_000)]
    data["outcomes"] = [outcome("company", "gem", ["persons"], 100, effect="recurring")]
    data["wellbeing"] = [
        {
            **outcome("company_qaly", "gem", ["persons"], 0, effect="recurring"),
            "proxy": "value_per_person",
            "replaces": ["company"],
        }
    ]
    case = case_from_data(data)
    r = evaluate(case)
    layer = wellbeing_layer(r)
    d1, d2 = 1 / 1.0225, 1 / 1.0225**2
    assert layer.total("pv_wellbeing") == pytest.approx(35_000 * (d1 + d2), abs=0.01)
    assert layer.total("pv_replaced") == pytest.approx(1_000 * (d1 + d2), abs=0.01)
    balance = float(r.totals.social_npv)
    assert balance == pytest.approx((1_000 - 20_000) * (d1 + d2), abs=0.01)
    assert layer.total("social_npv_with_wellbeing") == pytest.approx(
        (35_000 - 20_000) * (d1 + d2), abs=0.01
    )
    assert layer.total("sroi_with_wellbeing") == pytest.approx(35_000 / 20_000)


def test_a_case_without_wellbeing_has_no_layer():
    assert wellbeing_layer(evaluate(case_from_data(base_case()))) is None


def test_a_replaced_outcome_must_exist_and_ids_stay_unique():
    data = base_case()
    data["drivers"] = {"persons": p(10)}
    data["outcomes"] = [outcome("company", "gem", ["persons"], 100)]
    data["wellbeing"] = [
        {**outcome("company", "gem", ["persons"], 5), "replaces": ["no_such_outcome"]}
    ]
    with pytest.raises(LoadError) as err:
        case_from_data(data)
    text = str(err.value)
    assert "wellbeing[company].replaces" in text and "no_such_outcome" in text
    assert "wellbeing[company].id" in text and "also an outcome" in text


def _without_wellbeing(case):
    return case.model_copy(update={"wellbeing": []})


def _booked_in_the_balance(case):
    """The second method: the wellbeing values as ordinary outcomes, in place of the
    outcomes they replace (overlap groups left out on both sides)."""
    replaced = {r for w in case.wellbeing for r in w.replaces}
    plain = [o.model_copy(update={"overlap_group": None}) for o in case.outcomes]
    kept = [o for o in plain if o.id not in replaced]
    added = [
        type(case.outcomes[0]).model_validate(w.model_dump(exclude={"replaces"}))
        for w in case.wellbeing
    ]
    return case.model_copy(
        update={"outcomes": kept + added, "overlap_groups": {}, "wellbeing": []}
    ), case.model_copy(update={"outcomes": plain, "overlap_groups": {}})


@pytest.mark.parametrize("name", CASES)
def test_the_shipped_layer_agrees_with_booking_it_in_the_balance(name):
    case = load_case(ASSUMPTIONS / name)
    assert case.wellbeing, f"{name} ships no wellbeing values"
    booked, stripped = _booked_in_the_balance(case)
    layer = wellbeing_layer(evaluate(stripped))
    assert layer.total("social_npv_with_wellbeing") == pytest.approx(
        float(evaluate(booked).totals.social_npv), abs=0.01
    )
    assert layer.total("pv_wellbeing") > 0


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.sampled_from(CASES),
    absent=st.lists(st.integers(0, 6), max_size=3, unique=True),
    qaly=st.floats(0.0, 0.2),
    per_qaly=st.floats(0.0, 150_000),
)
def test_the_balance_and_the_split_never_move_with_the_layer(name, absent, qaly, per_qaly):
    base = load_case(ASSUMPTIONS / name)
    changes = {"drivers.value_per_qaly": per_qaly}
    for key, _ in base.parameters():
        if key.startswith("drivers.qaly_"):
            changes[key] = qaly
    ids = base.partner_ids
    away = [ids[i] for i in absent if i < len(ids)]
    case = apply_changes(base, changes, absent=away)
    with_layer, without = evaluate(case), evaluate(_without_wellbeing(case))
    assert with_layer.totals.equals(without.totals)
    assert with_layer.by_partner.equals(without.by_partner)
    participants = default_participants(with_layer, "financial")
    a = allocate(with_layer, "shapley", "financial", participants).table
    b = allocate(without, "shapley", "financial", participants).table
    assert a.equals(b)
    layer = wellbeing_layer(with_layer)
    assert layer.total("social_npv_with_wellbeing") == pytest.approx(
        float(with_layer.totals.social_npv)
        - layer.total("pv_replaced")
        + layer.total("pv_wellbeing"),
        abs=1e-6,
    )

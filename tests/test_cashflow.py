"""Small pure functions against hand-computed values."""

import numpy as np
import pytest
from builders import base_case, outcome, p

from businesscase import evaluate
from businesscase.engine import cashflow as cf
from businesscase.io.validate import case_from_data
from businesscase.model import Discounting

T = np.arange(6.0)


def test_fading_profile_ramp_drop_off_and_duration():
    # first year 2, ramp 3 years, drop-off 10%, lasts 3 years: t = 2, 3, 4.
    got = cf.outcome_profile(
        T, first_year=2, duration=3, drop_off=0.1, ramp_up_years=3, recurring=False
    )
    assert got == pytest.approx([0, 0, 1 / 3, 0.9 * 2 / 3, 0.81 * 1.0, 0])


def test_recurring_profile_keeps_its_level_while_running_and_fades_after():
    # A service from t = 1 for 3 years (t = 1, 2, 3), ramp 2 years, drop-off 40% a year
    # after it ends: 50%, 100%, 100% while it runs, then 60%, 36%.
    got = cf.outcome_profile(
        T, first_year=1, duration=3, drop_off=0.4, ramp_up_years=2, recurring=True
    )
    assert got == pytest.approx([0, 0.5, 1.0, 1.0, 0.6, 0.36])
    # A service that stops during its ramp fades from the level it reached (1 of 3 years).
    got = cf.outcome_profile(
        T, first_year=1, duration=1, drop_off=0.5, ramp_up_years=3, recurring=True
    )
    assert got == pytest.approx([0, 1 / 3, 1 / 6, 1 / 12, 1 / 24, 1 / 48])
    # Drop-off 100%: the effect stops with the service.
    got = cf.outcome_profile(
        T, first_year=2, duration=2, drop_off=1.0, ramp_up_years=1, recurring=True
    )
    assert got == pytest.approx([0, 0, 1, 1, 0, 0])


def test_recurring_drop_off_does_not_touch_a_service_that_runs_to_the_horizon():
    case = base_case(horizon=5, rate=0.0)
    case["drivers"] = {"n": p(1)}
    values = []
    for drop in (0.0, 0.3, 0.9):
        data = {
            **case,
            "outcomes": [
                outcome("a", "gem", ["n"], 100, drop_off=drop, duration=5, effect="recurring")
            ],
        }
        values.append(evaluate(case_from_data(data)).totals["pv_benefits"])
    assert values == pytest.approx([500, 500, 500])


def test_discounting_conventions():
    assert cf.discount_factor(0.1, T[:3], Discounting.end_of_year) == pytest.approx(
        [1, 1 / 1.1, 1 / 1.21]
    )
    assert cf.discount_factor(0.1, T[:3], Discounting.first_year_undiscounted) == pytest.approx(
        [1, 1, 1 / 1.1]
    )


def test_replacement_and_residual():
    assert cf.replacement_profile(np.arange(11.0), 3, 10).tolist() == [
        0,
        0,
        0,
        1,
        0,
        0,
        1,
        0,
        0,
        1,
        0,
    ]
    assert cf.residual_share(3, 10) == pytest.approx(2 / 3)  # renewed at 9, used 1 of 3 years
    assert cf.residual_share(5, 10) == pytest.approx(0.0)
    assert cf.residual_share(20, 10) == pytest.approx(0.5)


def test_overlap_group_counts_largest_plus_alpha_of_the_rest():
    data = base_case(horizon=1, rate=0.0)
    data["drivers"] = {"n": p(1)}
    data["outcomes"] = [
        outcome("a", "gem", ["n"], 300, overlap_group="g"),
        outcome("b", "woco", ["n"], 100, overlap_group="g"),
    ]
    data["overlap_groups"] = {
        "g": {"label": {"nl": "g", "en": "g"}, "alpha": p(0.5), "members": ["a", "b"]}
    }
    r = evaluate(case_from_data(data))
    # Naive 400; group value 300 + 0.5 × 100 = 350; each keeps 350/400 of its value.
    assert r.totals["pv_benefits"] == pytest.approx(350)
    assert r.by_partner.loc["gem", "pv_benefits"] == pytest.approx(300 * 350 / 400)
    assert r.by_partner.loc["woco", "pv_benefits"] == pytest.approx(100 * 350 / 400)

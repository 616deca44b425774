"""A Monte Carlo run is evaluated a chunk of draws at a time and keeps only the figures of
each draw (issue 17): every draw's figures are those of the case evaluated at that draw's
parameters, whatever chunk it fell in, and a large run stays within a chunk's memory plus
a few numbers per draw."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import numpy as np
import pytest

import businesscase.uncertainty.montecarlo as mc_module
from businesscase.allocation import allocate
from businesscase.engine import evaluate
from businesscase.io import load_case
from businesscase.uncertainty import monte_carlo
from businesscase.uncertainty.limits import bytes_per_draw, memory_needed

ASSUMPTIONS = Path(__file__).resolve().parents[1] / "assumptions"


@pytest.mark.parametrize("chunk", [7, 16, 10_000])
def test_every_draw_is_the_case_at_its_parameters_in_any_chunk(monkeypatch, chunk):
    monkeypatch.setattr(mc_module, "CHUNK", chunk)
    case = load_case(ASSUMPTIONS / "care_in_complex.yaml")
    mc = monte_carlo(
        case,
        40,
        seed=3,
        correlations={("drivers.dwellings", "economics.social_discount_rate"): 0.4},
    )
    assert mc.n == 40 and len(mc.split_net) == 40
    draws = mc.draws
    assert all(len(v) == 40 for v in draws.values())
    for d in (0, 8, 17, 39):
        single = case.model_copy(deep=True)
        for key, values in draws.items():
            single.parameter(key).value = float(values[d])
        r = evaluate(single)
        assert mc.result.total_arrays["social_npv"][d] == pytest.approx(
            r.totals["social_npv"], abs=0.01
        )
        net = dict(zip(mc.result.partners, mc.result.partner_arrays["net_position"][d]))
        for pid, value in zip(r.partners, r.partner_arrays["net_position"][0]):
            assert net[pid] == pytest.approx(value, abs=0.01)
        expected = allocate(r, "shapley").table.net_after
        np.testing.assert_allclose(mc.split_net.iloc[d][expected.index], expected, atol=0.01)


def test_a_run_of_one_chunk_draws_as_runs_always_did():
    """Up to one chunk, the draws are the seed's, as before chunking: saved seeds give the
    same figures."""
    from businesscase.uncertainty import sample_parameters

    case = load_case(ASSUMPTIONS / "meeting_space.yaml")
    run = monte_carlo(case, 30, seed=5)
    drawn = sample_parameters(case, 30, 5)
    assert run.draws.keys() == drawn.keys()
    for key, values in drawn.items():
        np.testing.assert_array_equal(run.draws[key], values)


def test_a_large_run_stays_within_one_chunk_of_memory():
    case = load_case(ASSUMPTIONS / "meeting_space_community_builder.yaml")
    n = 40_000
    seen = []
    tracemalloc.start()
    try:
        run = monte_carlo(case, n, seed=1, progress=lambda done, total: seen.append(done))
        run.summary(), run.probability_better_off()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert seen == list(range(mc_module.CHUNK, n + 1, mc_module.CHUNK))
    assert peak < memory_needed(case, n)
    assert peak < n * bytes_per_draw(case) / 3  # all at once would need this

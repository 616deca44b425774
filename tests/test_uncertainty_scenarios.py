"""Monte Carlo, break-even, optimism bias, the scenario store and comparison."""

import subprocess
import sys
import textwrap

import numpy as np
import pytest
from builders import ASSUMPTIONS, base_case, cost, outcome, p

from businesscase import evaluate, load_case
from businesscase.io.case_yaml import case_from_yaml, case_to_yaml
from businesscase.io.validate import case_from_data
from businesscase.model.problems import OptionError, UserError
from businesscase.scenarios import ScenarioStore, compare
from businesscase.uncertainty import break_even, monte_carlo, optimism_bias, sample_parameters
from businesscase.uncertainty.optimism import load_optimism_bias

MS = ASSUMPTIONS / "meeting_space.yaml"


def collapsed(case):
    out = case.model_copy(deep=True)
    for _, prm in out.parameters():
        prm.low = prm.high = prm.value
    return out


def test_monte_carlo_with_collapsed_ranges_equals_the_deterministic_result():
    case = load_case(MS)
    mc = monte_carlo(collapsed(case), 500, seed=1)
    det = evaluate(case)
    assert np.all(mc.result.total_arrays["social_npv"] == det.totals["social_npv"])
    np.testing.assert_array_equal(
        mc.result.partner_arrays["net_position"][0], det.partner_arrays["net_position"][0]
    )


def test_monte_carlo_is_reproducible_with_a_seed():
    case = load_case(MS)
    a, b = monte_carlo(case, 300, seed=7), monte_carlo(case, 300, seed=7)
    np.testing.assert_array_equal(
        a.result.total_arrays["social_npv"], b.result.total_arrays["social_npv"]
    )
    c = monte_carlo(case, 300, seed=8)
    assert not np.array_equal(
        a.result.total_arrays["social_npv"], c.result.total_arrays["social_npv"]
    )


def linear_case(distribution):
    """NPV = 100 × proxy − 1,000 with rate 0 and one year: linear in the proxy."""
    data = base_case(horizon=1, rate=0.0)
    data["drivers"] = {"n": p(100)}
    data["costs"] = [cost("c", "woco", 1_000)]
    data["outcomes"] = [outcome("o", "gem", ["n"], 10)]
    data["outcomes"][0]["proxy"] = {**p(10, 4, 22), "distribution": distribution}
    return case_from_data(data)


@pytest.mark.parametrize(
    "distribution,mean",
    [
        ("pert", (4 + 4 * 10 + 22) / 6),  # PERT mean (a + 4m + b) / 6
        ("triangular", (4 + 10 + 22) / 3),  # triangular mean (a + m + b) / 3
        ("uniform", (4 + 22) / 2),
    ],
)
def test_sample_mean_of_a_linear_output_converges_to_its_analytic_mean(distribution, mean):
    mc = monte_carlo(linear_case(distribution), 200_000, seed=2)
    npv = mc.result.total_arrays["social_npv"]
    expected = 100 * mean - 1_000
    assert npv.mean() == pytest.approx(expected, abs=4 * npv.std() / np.sqrt(npv.size))


def test_correlated_parameters_keep_their_margins():
    case = load_case(MS)
    k1, k2 = "drivers.share_taking_part", "drivers.host_hours"
    draws = sample_parameters(case, 50_000, 3, {(k1, k2): 0.7})
    assert np.corrcoef(draws[k1], draws[k2])[0, 1] == pytest.approx(0.7, abs=0.03)
    prm = case.parameter(k1)
    assert draws[k1].min() >= prm.low and draws[k1].max() <= prm.high
    with pytest.raises(OptionError, match="positive definite"):
        sample_parameters(
            case,
            10,
            1,
            {(k1, k2): 0.99, (k1, "drivers.room_area"): 0.99, (k2, "drivers.room_area"): -0.99},
        )


@pytest.mark.parametrize("method", ["shapley", "as_is", "proportional_benefit", "equal_surplus"])
def test_probability_better_off_uses_the_chosen_split_of_each_draw(method):
    from businesscase.allocation import allocate

    case = load_case(ASSUMPTIONS / "care_in_complex.yaml")
    mc = monte_carlo(case, 40, seed=4, method=method)
    for d in (0, 17, 39):
        single = case.model_copy(deep=True)
        for key, values in mc.draws.items():
            single.parameter(key).value = float(values[d])
        expected = allocate(evaluate(single), method).table.net_after
        np.testing.assert_allclose(mc.split_net.iloc[d][expected.index], expected, atol=0.01)
    assert mc.probability_better_off().between(0, 1).all()


@pytest.mark.parametrize(
    "case_file,key,target,partner",
    [
        ("care_in_complex.yaml", "drivers.cic_months_delayed", "social_npv", None),
        (
            "meeting_space.yaml",
            "drivers.tenant_changes_avoided",
            "financial_npv",
            "woningcorporatie",
        ),
        ("care_in_complex.yaml", "costs.cic_night_care.amount", "net_position", "zorgaanbieder"),
    ],
)
def test_break_even_gives_zero_within_a_cent(case_file, key, target, partner):
    case = load_case(ASSUMPTIONS / case_file)
    value = break_even(case, key, target, partner)
    assert value is not None
    changed = case.model_copy(deep=True)
    changed.parameter(key).value = value
    r = evaluate(changed)
    result = r.totals["social_npv"] if partner is None else r.by_partner.loc[partner, target]
    assert abs(result) < 0.01


def test_no_break_even_is_said():
    assert break_even(load_case(MS), "drivers.host_hours") is None  # negative at any hours


def test_optimism_bias_raises_costs_and_lowers_and_delays_benefits():
    case = load_case(MS)
    bias = load_optimism_bias()
    biased = optimism_bias(case, bias)
    fit = case.costs[[c.id for c in case.costs].index("fit_out")]
    assert biased.parameter("costs.fit_out.amount").value == pytest.approx(
        fit.amount.value * (1 + bias.cost_uplift[fit.amount.confidence.value])
    )
    lo = case.parameter("outcomes.less_loneliness.proxy")
    assert biased.parameter("outcomes.less_loneliness.proxy").value == pytest.approx(
        lo.value * (1 - bias.benefit_cut[lo.confidence.value])
    )
    assert biased.parameter("outcomes.less_loneliness.first_year").value == 2  # low: a year later
    assert evaluate(biased).totals["social_npv"] < evaluate(case).totals["social_npv"]
    assert "24%" in bias.describe("en")


def test_scenario_store_keeps_every_version(tmp_path):
    store = ScenarioStore(tmp_path / "s.db")
    case = load_case(MS)
    v1 = store.save("Plan A", case, {"drivers.room_area": 60}, notes="start", author="Ans")
    changed = case.model_copy(deep=True)
    changed.parameter("drivers.room_area").value = 90
    v2 = store.save("Plan A", changed, {"drivers.room_area": 90}, scenario_id=v1.scenario_id)
    assert (v1.number, v2.number) == (1, 2)
    first, meta = store.open(v1.scenario_id, 1)
    assert first.drivers["room_area"].value == 60 and meta.author == "Ans"
    assert case_to_yaml(first) == case_to_yaml(case)  # identical to what was saved
    assert evaluate(first).totals["social_npv"] == evaluate(case).totals["social_npv"]
    latest, _ = store.open(v1.scenario_id)
    assert latest.drivers["room_area"].value == 90
    # The same name again is a new scenario, not an overwrite.
    other = store.save("Plan A", case)
    assert other.scenario_id != v1.scenario_id
    assert len(store.versions(v1.scenario_id)) == 2 and len(store.scenarios()) == 2


def test_store_reopened_by_a_new_process_is_intact(tmp_path):
    db = tmp_path / "s.db"
    store = ScenarioStore(db)
    v = store.save("Buurtkamer Zwolle", load_case(MS), notes="agreed 12 Nov")
    expected = evaluate(load_case(MS)).totals["social_npv"]
    script = textwrap.dedent(f"""
        from businesscase import evaluate
        from businesscase.scenarios import ScenarioStore
        case, v = ScenarioStore({str(db)!r}).open({v.scenario_id}, 1)
        print(v.notes, repr(float(evaluate(case).totals["social_npv"])))
    """)
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    notes, value = out.stdout.rsplit(" ", 1)
    assert notes == "agreed 12 Nov" and float(value) == expected


def test_export_and_import_round_trip(tmp_path):
    store = ScenarioStore(tmp_path / "s.db")
    v = store.save(".. evil: name*?", load_case(MS))
    path = store.export_yaml(v.scenario_id, tmp_path)
    assert path.parent == tmp_path and "/" not in path.name and ".." not in path.name
    again = store.import_yaml(path, name="imported")
    case, _ = store.open(again.scenario_id)
    assert evaluate(case).totals["social_npv"] == evaluate(load_case(MS)).totals["social_npv"]
    assert case_from_yaml(path.read_text()).meta.name == load_case(MS).meta.name


def test_bad_scenario_names_are_refused(tmp_path):
    store = ScenarioStore(tmp_path / "s.db")
    for bad in ("", "   ", "a\x00b", "x" * 500, "../../etc/passwd", "a\\b"):
        with pytest.raises(UserError):
            store.save(bad, load_case(MS))


def test_compare_ranks_scenarios_and_reports_municipal_money():
    cases = [
        (n, load_case(ASSUMPTIONS / f"{n}.yaml"))
        for n in ("meeting_space", "community_builder", "care_in_complex")
    ]
    frame = compare(cases)
    assert list(frame.sort_values("rank").index) == list(
        frame.sort_values("social_npv", ascending=False).index
    )
    ms = evaluate(cases[0][1])
    assert frame.loc["meeting_space", "municipal_cost"] == pytest.approx(
        ms.by_partner.loc["gemeente", "pv_costs"]
    )
    assert frame.loc["meeting_space", "value_per_municipal_euro"] == pytest.approx(
        ms.totals["pv_benefits"] / ms.by_partner.loc["gemeente", "pv_costs"]
    )
    with pytest.raises(UserError, match="2 to 6"):
        compare(cases[:1])


def test_cli_montecarlo_tornado_compare_and_scenarios(tmp_path):
    def run(*args):
        return subprocess.run(
            [sys.executable, "-m", "businesscase.cli", *args],
            capture_output=True,
            text=True,
            timeout=180,
            cwd=tmp_path,
        )

    out = run("montecarlo", "--draws", "500", "--seed", "1", "--json")
    assert out.returncode == 0, out.stderr
    assert '"social_npv"' in out.stdout
    assert run("tornado", "--top", "3").stdout.count("→") == 6
    assert "rank" in run("compare", str(MS), str(ASSUMPTIONS / "care_in_complex.yaml")).stdout
    assert run("scenario", "save", str(MS), "--name", "A").returncode == 0
    assert "A" in run("scenario", "list").stdout
    bad = run("breakeven", "--parameter", "drivers.nothing")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr

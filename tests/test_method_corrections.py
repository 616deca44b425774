"""Errors of method a critical reviewer found (issue 11), each with a test that fails
without its fix: gross lines per pocket, real figures that inflation leaves alone, one
definition of costs and benefits, an explicit outcome model, overlap groups that agree,
one price for a welfare worker, a stated zero alternative."""

import json

import numpy as np
import pytest
from builders import ASSUMPTIONS, ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from businesscase import evaluate, load_case
from businesscase.engine.evaluate import driver_values
from businesscase.export.summary import summary_dict, summary_text

CASES = sorted(ASSUMPTIONS.glob("*.yaml"))
CASE_IDS = [p.stem for p in CASES]
LOADED = {p.stem: load_case(p) for p in CASES}
CENT = 0.01


# -- inflation is neutral for every real figure ------------------------------------------


@settings(max_examples=30, deadline=None, derandomize=True)
@given(name=st.sampled_from(CASE_IDS), inflation=st.floats(-0.02, 0.10))
def test_inflation_alone_moves_no_real_or_social_figure(name, inflation):
    case = LOADED[name]
    base = evaluate(case)
    # Many inflation rates in one vectorised call, the shipped one first.
    r = evaluate(
        case, draws={"economics.inflation": np.array([case.economics.inflation.value, inflation])}
    )
    assert np.allclose(r.real[1], base.real[0], atol=1e-9)
    assert abs(r.total_arrays["social_npv"][1] - base.totals["social_npv"]) < CENT
    assert np.allclose(
        r.partner_arrays["net_position"][1], base.partner_arrays["net_position"][0], atol=CENT
    )
    # The nominal flows do move (they are real × inflation), unless inflation is unchanged.
    if abs(inflation - case.economics.inflation.value) > 1e-6 and r.nominal.size:
        assert not np.allclose(r.nominal[1], base.nominal[0])


def test_inflation_is_not_in_the_social_tornado():
    from businesscase.uncertainty import tornado

    table = tornado(LOADED["meeting_space"], "social_npv")
    assert table.loc["economics.inflation", "swing"] == pytest.approx(0.0, abs=CENT)


# -- gross lines, each in its own pocket ---------------------------------------------------


@pytest.mark.parametrize(
    "name,item",
    [("care_in_complex", "cic_delayed_admission"), ("meeting_space", "delayed_admission")],
)
def test_delayed_admission_is_booked_gross_per_pocket(name, item):
    case = LOADED[name]
    r = evaluate(case)
    lines = r.ledger[(r.ledger.item == item) & (r.ledger.category == "outcome")]
    by_component = lines.groupby(["component", "partner", "role"]).real.sum()
    assert set(by_component.index) == {
        ("nursing_home_care_avoided", "zorgkantoor", "benefit"),
        ("care_at_home", "zorgkantoor", "cost"),
        ("dwelling_kept", "bewoners", "cost"),
    }
    # Worked by hand for the last year (ramp-up over, real prices of 2024 grown by the
    # real indexation): months delayed a year × proxy × (1 − deadweight)(1 − attribution).
    o = next(x for x in case.outcomes if x.id == item)
    d = driver_values(case)
    months = np.prod([d[q] for q in o.quantity])
    months *= (1 - o.deadweight.value) * (1 - o.attribution.value) * (1 - o.displacement.value)
    T = case.meta.horizon
    years = case.meta.start_year + T - case.meta.price_year
    care = (1 + case.economics.real_indexation.care_tariffs.value) ** years
    rent = (1 + case.economics.real_indexation.rents.value) ** years
    last = lines[lines.t == T].set_index("component").real
    assert last["nursing_home_care_avoided"] == pytest.approx(months * 9465 * care, abs=CENT)
    assert last["care_at_home"] == pytest.approx(-months * 43.3 * 61.78 * care, abs=CENT)
    assert last["dwelling_kept"] == pytest.approx(-months * 612 * rent, abs=CENT)
    # The care office's financial view sees the cash it pays, not the capacity it frees.
    assert (
        r.by_partner.loc["zorgkantoor", "financial_npv"]
        < 0
        < r.by_partner.loc["zorgkantoor", "net_position"]
    )


def test_no_outcome_proxy_is_a_net_difference_between_pockets():
    """The netted proxies of the first version said so in their unit or reasoning."""
    for name, case in LOADED.items():
        for o in case.outcomes:
            for key, comp in o.gross_lines():
                if comp.proxy is None:
                    continue
                text = f"{comp.proxy.unit} {comp.proxy.reasoning or ''}".lower()
                assert "net of extra care" not in text and "less about a third" not in text, (
                    name,
                    key,
                )


# -- one definition of costs and benefits --------------------------------------------------


@pytest.mark.parametrize("name", CASE_IDS)
def test_report_json_and_workbook_agree_on_costs_benefits_and_sroi(name):
    import io

    from openpyxl import load_workbook

    from businesscase.export import workbook_bytes

    r = evaluate(LOADED[name])
    totals = r.totals
    as_json = summary_dict(r)["totals"]
    assert as_json["pv_costs"] == pytest.approx(totals["pv_costs"])
    assert as_json["sroi_ratio"] == pytest.approx(totals["pv_benefits"] / totals["pv_costs"])
    assert "benefit_cost_ratio" not in as_json  # one ratio, not two
    wb = load_workbook(io.BytesIO(workbook_bytes(r)), data_only=True)
    cells = {
        row[0]: row[1]
        for row in wb["Samenvatting"].iter_rows(values_only=True)
        if len(row) > 1 and row[0]
    }
    shown = [
        v for k, v in cells.items() if isinstance(k, str) and k.startswith("Contante waarde kosten")
    ]
    assert shown and shown[0] == pytest.approx(totals["pv_costs"])
    # The text report's total row shows the same costs and ratio as the key figures.
    text = summary_text(r, "en")
    total_row = next(ln for ln in text.splitlines() if ln.strip().startswith("Total"))
    assert f"€{totals['pv_costs']:,.0f}" in total_row
    assert f"{totals['sroi_ratio']:.2f}" in total_row


def test_the_meeting_space_total_no_longer_counts_transfers():
    r = evaluate(LOADED["meeting_space"])
    bp, totals = r.by_partner, r.totals
    # The room fee and the SOO subsidy are in partners' costs and benefits, not in society's.
    assert totals["pv_transfers"] > 0
    assert bp.pv_costs.sum() - totals["pv_costs"] == pytest.approx(totals["pv_transfers"], abs=CENT)
    assert totals["sroi_ratio"] == pytest.approx(totals["pv_benefits"] / totals["pv_costs"])


# -- financial NPV for every partner with flows, IRR or the reason -------------------------


def test_financial_npv_shown_for_every_partner_and_irr_or_its_reason():
    r = evaluate(LOADED["meeting_space"])
    text = summary_text(r, "en")
    welfare = next(ln for ln in text.splitlines() if ln.strip().startswith("Welfare organisation"))
    fin = r.by_partner.loc["welzijnsorganisatie", "financial_npv"]
    assert fin < -200_000 and f"-€{-fin:,.0f}" in welfare
    assert "no change of sign" in welfare
    municipality = next(ln for ln in text.splitlines() if ln.strip().startswith("Municipality"))
    assert "-€65,724" in municipality  # hidden behind "–" before
    assert "no financial flows" in text
    notes = dict(zip(r.partners, r.partner_irr_note[0]))
    assert notes["welzijnsorganisatie"] == "no_sign_change" and notes["zorgaanbieder"] == "no_flows"


def test_irr_is_computed_where_defined_even_without_an_investment():
    from builders import base_case, cost, outcome, p

    from businesscase.io.validate import case_from_data

    data = base_case(horizon=4, rate=0.0)
    data["drivers"] = {"n": p(1)}
    # The municipality pays 1,000 at the start and saves 400 a year: an IRR by hand;
    # the corporation only receives, so it has no investment to earn a return on.
    data["costs"] = [cost("startup", "gem", 1000, kind="investment", lifetime=50, residual="none")]
    data["outcomes"] = [
        outcome("save", "gem", ["n"], 400, flow_type="cashable_saving", duration=4),
        outcome("gift", "woco", ["n"], 10, flow_type="cashable_saving", duration=4),
    ]
    r = evaluate(case_from_data(data))
    notes = dict(zip(r.partners, r.partner_irr_note[0]))
    assert notes == {"woco": "no_investment", "gem": ""}
    import numpy_financial as npf

    assert r.by_partner.loc["gem", "irr"] == pytest.approx(npf.irr([-1000, 400, 400, 400, 400]))


# -- outcomes have an explicit model ---------------------------------------------------------


@pytest.mark.parametrize("name", CASE_IDS)
def test_recurring_outcomes_do_not_decay_while_the_service_runs(name):
    case = LOADED[name]
    r = evaluate(case)
    T = case.meta.horizon
    for o in case.outcomes:
        assert o.effect.value in ("recurring", "fading")
        if o.effect.value != "recurring" or o.first_year.value + o.duration.value <= T:
            continue
        lines = r.ledger[(r.ledger.item == o.id) & (r.ledger.category == "outcome")]
        ramp_done = int(o.first_year.value + max(o.ramp_up_years.value, 1) - 1)
        real_index = lines.groupby("t").real.sum()
        steady = real_index.loc[ramp_done:T].to_numpy()
        # Only the real indexation of the proxy changes the level once the ramp is done.
        growth = steady[1:] / steady[:-1]
        assert np.all(growth >= 1 - 1e-9) or np.allclose(steady, 0), (name, o.id)


def test_drop_off_of_a_recurring_outcome_only_matters_after_the_service_ends():
    case = LOADED["meeting_space"]
    key = "outcomes.less_loneliness.drop_off"
    r = evaluate(case, draws={key: np.array([0.0, 0.5, 1.0])})
    assert np.ptp(r.total_arrays["social_npv"]) == pytest.approx(0.0, abs=CENT)
    shorter = evaluate(
        case,
        draws={
            key: np.array([0.0, 0.5, 1.0]),
            "outcomes.less_loneliness.duration": np.array([5.0, 5.0, 5.0]),
        },
    )
    npv = shorter.total_arrays["social_npv"]
    assert npv[0] > npv[1] > npv[2]


# -- overlap groups that agree; the combined meeting space + care case ----------------------


def test_combined_meeting_space_and_care_counts_delayed_admission_once():
    ms, cic = evaluate(LOADED["meeting_space"]), evaluate(LOADED["care_in_complex"])
    both = evaluate(LOADED["meeting_space_care_in_complex"])
    group = LOADED["meeting_space_care_in_complex"].overlap_groups["nursing_home_delay"]
    assert sorted(group.members) == ["cic_delayed_admission", "delayed_admission"]
    alpha = group.alpha.value

    def saving(r, item):
        led = r.ledger[
            (r.ledger.item == item)
            & (r.ledger.component == "nursing_home_care_avoided")
            & (r.ledger.category == "outcome")
        ]
        return led.set_index("t").real.reindex(range(len(r.t)), fill_value=0.0).to_numpy()

    a, b = saving(ms, "delayed_admission"), saving(cic, "cic_delayed_admission")
    naive = a + b
    counted = np.maximum(a, b) + alpha * np.minimum(a, b)
    scale = np.divide(counted, naive, out=np.ones_like(naive), where=naive > 0)

    def gross(r, item, role):
        led = r.ledger[
            (r.ledger.item == item) & (r.ledger.category == "outcome") & (r.ledger.role == role)
        ]
        return led.groupby("t").real.sum().reindex(range(len(r.t)), fill_value=0.0).to_numpy()

    df = both.social_discount_factor[0]
    lost_benefit = (
        (gross(ms, "delayed_admission", "benefit") + gross(cic, "cic_delayed_admission", "benefit"))
        * (1 - scale)
        * df
    ).sum()
    saved_cost = -(
        (gross(ms, "delayed_admission", "cost") + gross(cic, "cic_delayed_admission", "cost"))
        * (1 - scale)
        * df
    ).sum()
    assert lost_benefit > 1_000  # the overlap is real money
    assert both.totals["pv_benefits"] == pytest.approx(
        ms.totals["pv_benefits"] + cic.totals["pv_benefits"] - lost_benefit, abs=CENT
    )
    assert both.totals["pv_costs"] == pytest.approx(
        ms.totals["pv_costs"] + cic.totals["pv_costs"] - saved_cost, abs=CENT
    )


# -- one price for a welfare worker, the payer a stated choice -------------------------------


def test_the_host_and_the_community_builder_cost_the_same_per_hour():
    d = driver_values(LOADED["meeting_space_community_builder"])
    by_hand = 3800 * 12 * 1.172 * 1.27 * 1.2 / 1400
    assert d["welfare_cost_per_hour"] == pytest.approx(by_hand)
    r = evaluate(LOADED["meeting_space_community_builder"])
    led = r.ledger[(r.ledger.t == 1) & (r.ledger.category == "operating")].set_index("item")
    host_hours = d["host_hours"]
    cb_hours = d["cb_fte"] * d["welfare_productive_hours_per_fte"]
    wages = 1 + LOADED["meeting_space"].economics.real_indexation.wages.value
    assert -led.loc["host", "real"] / host_hours == pytest.approx(by_hand * wages**2)
    assert -led.loc["cb_staff", "real"] / cb_hours == pytest.approx(by_hand * wages**2)


def test_every_cost_states_why_its_payer_pays(tmp_path):
    from businesscase.io.provenance import provenance_problems

    text = (ASSUMPTIONS / "meeting_space.yaml").read_text()
    start = text.index("    payer_reasoning:")
    end = text.index("\n", start) + 1
    path = tmp_path / "meeting_space.yaml"
    path.write_text(text[:start] + text[end:])
    problems = provenance_problems(path)
    assert len(problems) == 1 and "missing payer_reasoning" in problems[0].message


# -- zero alternative and price years --------------------------------------------------------


@pytest.mark.parametrize("name", CASE_IDS)
def test_every_case_states_its_zero_alternative_in_the_report_and_json(name):
    case = LOADED[name]
    r = evaluate(case)
    for lang in ("nl", "en"):
        text = case.meta.zero_alternative(lang).strip()
        assert len(text) > 40
        assert text in summary_text(r, lang)
    assert json.dumps(summary_dict(r)["case"]["zero_alternative"])


def test_every_formula_document_states_its_zero_alternative():
    docs = sorted((ROOT / "docs" / "formulas").glob("*.md"))
    assert len(docs) >= 5
    for doc in docs:
        assert "## Zero alternative" in doc.read_text(), doc.name


def test_the_documents_show_the_current_results():
    """docs/formulas/results.py writes each document's results from its case file."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "doc_results", ROOT / "docs" / "formulas" / "results.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for doc in sorted((ROOT / "docs" / "formulas").glob("*.md")):
        assert module.updated(doc) == doc.read_text(), (
            f"{doc.name} shows stale results: run python docs/formulas/results.py"
        )


@pytest.mark.parametrize("name", CASE_IDS)
def test_every_money_figure_is_at_the_case_price_year(name):
    assert LOADED[name].price_year_mismatches() == []


def test_a_money_figure_of_another_year_is_a_warning():
    case = LOADED["meeting_space"].model_copy(deep=True)
    case.parameter("costs.activities.amount").year = 2022
    assert [k for k, _ in case.price_year_mismatches()] == ["costs.activities.amount"]
    assert "costs.activities.amount: amount at 2022 prices" in summary_text(evaluate(case), "en")

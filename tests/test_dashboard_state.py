"""The dashboard's state object without a browser: it only asks the core."""

from pathlib import Path

import pytest
from builders import ASSUMPTIONS

from businesscase import evaluate, load_case
from businesscase.allocation import allocate
from businesscase.model.edits import apply_changes
from dashboards.state import CaseState

CASE = str(ASSUMPTIONS / "meeting_space.yaml")


def test_valid_edit_matches_the_core_and_invalid_edit_keeps_the_last_good_state():
    s = CaseState(case_file=CASE)
    assert s.set_value("outcomes.less_loneliness.deadweight", "0,5") is None
    expected = evaluate(
        apply_changes(load_case(CASE), {"outcomes.less_loneliness.deadweight": 0.5})
    )
    assert s.result.totals["social_npv"] == pytest.approx(expected.totals["social_npv"], abs=0.005)
    before = s.result.totals["social_npv"]
    error = s.set_value("outcomes.less_loneliness.deadweight", "1,5")
    assert error and "fraction between 0 and 1" in error
    assert s.result.totals["social_npv"] == before
    assert s.changes == {"outcomes.less_loneliness.deadweight": 0.5}


def test_two_sessions_do_not_share_edits():
    a, b = CaseState(case_file=CASE), CaseState(case_file=CASE)
    a.set_value("drivers.room_area", "90")
    assert b.changes == {} and b.case.drivers["room_area"].value == 60


def test_method_and_participants_follow_the_core():
    s = CaseState(case_file=CASE)
    s.method = "nucleolus"
    s.set_taking_part([p for p in s.case.partner_ids if p != "zorgaanbieder"])
    case = apply_changes(load_case(CASE), {}, absent=["zorgaanbieder"])
    expected = allocate(
        evaluate(case), "nucleolus", "financial", [p.id for p in case.partners if p.takes_part]
    )
    assert (
        s.allocation.table.fair_contribution - expected.table.fair_contribution
    ).abs().max() < 0.005


def test_partner_removal_is_refused_while_it_is_used():
    s = CaseState(case_file=CASE)
    error = s.remove_partner("gemeente")
    assert error and "gemeente" in error
    assert "gemeente" in s.case.partner_ids and s.removed == []
    assert s.remove_partner("zorgaanbieder") is None
    assert "zorgaanbieder" not in s.case.partner_ids
    assert s.add_partner("Kerk De Hoeksteen") is None
    assert "kerk_de_hoeksteen" in s.case.partner_ids


def test_locked_state_ignores_edits():
    s = CaseState(case_file=CASE)
    s.locked = True
    s.set_value("drivers.room_area", "90")
    assert s.changes == {}
    before = s.result.totals.social_npv
    other = (Path(CASE).parent / "community_builder.yaml").read_bytes()
    assert "vergrendeld" in (s.import_file(other, "cb.yaml") or "")
    assert s.result.totals.social_npv == before and s.changes == {}
    assert s.add_partner_rows([]) is None and s.set_role("gemeente", "", 1.0) is None
    assert s.roles == {}


def test_downloads_include_a_fresh_monte_carlo_run_only():
    import io

    from openpyxl import load_workbook

    from dashboards.views.analysis import UncertaintyPage
    from dashboards.views.results import ResultsPage

    s = CaseState(case_file=CASE)
    results, uncertainty = ResultsPage(state=s), UncertaintyPage(state=s)
    uncertainty.draws.value = 200
    uncertainty._run_mc()
    book = load_workbook(io.BytesIO(results.downloads[0].callback().getvalue()))
    assert "Onzekerheid" in book.sheetnames
    s.set_value("drivers.room_area", "70")  # the run no longer fits the case
    book = load_workbook(io.BytesIO(results.downloads[0].callback().getvalue()))
    assert "Onzekerheid" not in book.sheetnames


def test_the_dashboard_binds_to_localhost_unless_told_otherwise(monkeypatch):
    import dashboards.app as app_module

    calls = []
    monkeypatch.setattr(app_module.pn, "serve", lambda *a, **kw: calls.append(kw))
    app_module.main([])
    app_module.main(["--address", "0.0.0.0", "--port", "8080"])
    assert calls[0]["address"] == "localhost" and calls[0]["port"] == 5006
    assert calls[0]["websocket_max_message_size"] <= 10 * 1024 * 1024
    assert calls[1]["address"] == "0.0.0.0"

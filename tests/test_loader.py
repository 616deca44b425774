"""Loader: includes, merging, plain-dict validation, range warnings."""

import json
import shutil
import subprocess
import sys

import pytest
from builders import ASSUMPTIONS, base_case, outcome, p
from hypothesis import example, given, settings
from hypothesis import strategies as st

from businesscase import LoadError, load_case
from businesscase.io.validate import case_from_data


def test_default_case_uses_shared_includes():
    case = load_case(ASSUMPTIONS / "meeting_space.yaml")
    assert [pt.id for pt in case.partners] == [
        "woningcorporatie",
        "gemeente",
        "zorgverzekeraar",
        "zorgkantoor",
        "zorgaanbieder",
        "welzijnsorganisatie",
        "bewoners",
    ]
    assert case.economics.social_discount_rate.value == 0.0225
    assert case.partner("woningcorporatie").financial_discount_rate.value == 0.05


def test_case_overrides_included_mapping_and_appends_lists(tmp_path):
    shutil.copytree(ASSUMPTIONS / "shared", tmp_path / "shared")
    (tmp_path / "shared" / "economics.yaml").rename(tmp_path / "shared" / "econ.yaml")
    text = (
        (ASSUMPTIONS / "meeting_space.yaml")
        .read_text()
        .replace("  - shared/economics.yaml", "  - shared/econ.yaml")
    )
    text += """
partners:
  - id: kerk
    name: {nl: Kerk, en: Church}
    type: other
economics:
  discounting: first_year_undiscounted
"""
    path = tmp_path / "case.yaml"
    path.write_text(text)
    case = load_case(path)
    assert case.partner_ids[-1] == "kerk" and len(case.partners) == 8
    assert case.economics.discounting.value == "first_year_undiscounted"
    assert case.economics.social_discount_rate.value == 0.0225  # kept from the include


def test_problem_in_an_included_file_names_that_file(tmp_path):
    (tmp_path / "partners.yaml").write_text(
        "partners:\n  - id: woco\n    name: {nl: W, en: W}\n    type: landlord\n"
    )
    path = tmp_path / "case.yaml"
    path.write_text(
        (ASSUMPTIONS / "meeting_space.yaml")
        .read_text()
        .replace("shared/partners.yaml", "partners.yaml")
        .replace("shared/economics.yaml", str(ASSUMPTIONS / "shared" / "economics.yaml"))
        .replace(
            "shared/reference_complex.yaml", str(ASSUMPTIONS / "shared" / "reference_complex.yaml")
        )
        .replace("shared/welfare_staff.yaml", str(ASSUMPTIONS / "shared" / "welfare_staff.yaml"))
        .replace("shared/care_prices.yaml", str(ASSUMPTIONS / "shared" / "care_prices.yaml"))
        .replace("shared/overlap_groups.yaml", str(ASSUMPTIONS / "shared" / "overlap_groups.yaml"))
        .replace("shared/wellbeing.yaml", str(ASSUMPTIONS / "shared" / "wellbeing.yaml"))
    )
    with pytest.raises(LoadError) as err:
        load_case(path)
    first = err.value.problems[0]
    assert first.file.endswith("partners.yaml") and first.line == 4
    assert "'corporation'" in first.message


def test_plain_data_is_validated_with_paths():
    data = base_case()
    data["outcomes"] = [{"id": "x"}]
    with pytest.raises(LoadError) as err:
        case_from_data(data)
    fields = {pr.field for pr in err.value.problems}
    assert {"outcomes[x].effect", "outcomes[x].quantity", "outcomes[x].deadweight"} <= fields
    # A complete outcome without a pocket or proxy is told what it needs.
    full = outcome("x", "gem", ["n"], 1.0)
    del full["pocket"], full["proxy"]
    data["drivers"], data["outcomes"] = {"n": p(1)}, [full]
    with pytest.raises(LoadError) as err:
        case_from_data(data)
    assert "needs pocket, flow_type and proxy" in str(err.value)


def test_value_outside_its_range_is_a_warning_not_an_error(tmp_path):
    data = base_case()
    data["drivers"] = {"dwellings": p(200, 30, 120)}
    case = case_from_data(data)
    assert [k for k, _ in case.out_of_range()] == ["drivers.dwellings"]


def test_json_output_is_machine_readable():
    out = subprocess.run(
        [sys.executable, "-m", "businesscase.cli", "run", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["conventions"]["discounting"] == "end_of_year"
    partners = {row["id"]: row for row in data["partners"]}
    assert "woningcorporatie" in partners and "external" in partners
    assert sum(r["net_position"] for r in data["partners"]) == pytest.approx(
        data["totals"]["social_npv"], abs=0.01
    )


# -- reserved ids ------------------------------------------------------------------------------

RESERVED_CASE = ASSUMPTIONS.parent / "tests" / "bad_inputs" / "reserved_partner_id.yaml"


def test_a_partner_may_not_take_the_id_of_the_outside_money():
    """Before: a partner 'external' merged with the pseudo-partner: its costs left the
    split and its name became "Outside the partnership"."""
    with pytest.raises(LoadError) as err:
        load_case(RESERVED_CASE)
    [problem] = err.value.problems
    assert (problem.line, problem.field) == (20, "partners[external].id")
    assert "reserved for money from outside the partnership" in problem.message


def test_every_way_in_refuses_the_reserved_id(tmp_path):
    from businesscase.io.case_yaml import case_from_yaml
    from businesscase.io.loader import load_upload
    from businesscase.model.edits import apply_changes
    from businesscase.scenarios import ScenarioStore

    text = RESERVED_CASE.read_text()
    for load in (
        lambda: case_from_yaml(text, "scenario 1 v1"),  # stored scenarios, workbooks
        lambda: load_upload(text.encode(), "case.yaml"),  # the dashboard upload
        lambda: ScenarioStore(tmp_path / "s.db").import_yaml(RESERVED_CASE),
    ):
        with pytest.raises(LoadError) as err:
            load()
        assert "partners[external].id" in str(err.value)
    base = load_case(RESERVED_CASE.parent / "valid_case.yaml")
    with pytest.raises(ValueError, match="reserved for money from outside"):
        apply_changes(
            base, {}, added=[{"id": "external", "name": {"nl": "E", "en": "E"}, "type": "other"}]
        )


def test_the_dashboard_gives_a_partner_called_external_another_id():
    from dashboards.state import CaseState

    state = CaseState(case_file=str(RESERVED_CASE.parent / "valid_case.yaml"))
    assert state.add_partner("External") is None and state.message == ""
    assert state.case.partner_ids == ["woco", "gem", "external_2"]
    assert state.result.partner_label("external_2", "en") == "External"
    assert state.result.partner_label("external", "en") == "Outside the partnership"


@settings(max_examples=300, deadline=None)
@given(
    name=st.text(max_size=120),
    taken=st.sets(st.from_regex(r"\A[a-z][a-z0-9_]{0,10}\Z"), max_size=5),
)
@example(name="External", taken=set())
@example(name="Café Ç", taken=set())
@example(name="x" * 100, taken=set())
def test_an_id_made_from_any_name_is_valid_unused_and_unreserved(name, taken):
    from businesscase.model import RESERVED_IDS, Partner, free_partner_id

    ident = free_partner_id(name, taken)
    assert ident not in taken and ident not in RESERVED_IDS
    Partner.model_validate({"id": ident, "name": {"nl": "x", "en": "x"}, "type": "other"})

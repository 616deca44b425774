"""Loader: includes, merging, plain-dict validation, range warnings."""

import json
import shutil
import subprocess
import sys

import pytest

from builders import ASSUMPTIONS, base_case, outcome, p
from businesscase import LoadError, load_case
from businesscase.assumptions import case_from_data


def test_default_case_uses_shared_includes():
    case = load_case(ASSUMPTIONS / "meeting_space.yaml")
    assert [pt.id for pt in case.partners] == [
        "woningcorporatie", "gemeente", "zorgverzekeraar", "zorgkantoor", "zorgaanbieder",
        "welzijnsorganisatie", "bewoners"]
    assert case.economics.social_discount_rate.value == 0.0225
    assert case.partner("woningcorporatie").financial_discount_rate.value == 0.05


def test_case_overrides_included_mapping_and_appends_lists(tmp_path):
    shutil.copytree(ASSUMPTIONS / "shared", tmp_path / "shared")
    (tmp_path / "shared" / "economics.yaml").rename(tmp_path / "shared" / "econ.yaml")
    text = (ASSUMPTIONS / "meeting_space.yaml").read_text().replace(
        "  - shared/economics.yaml", "  - shared/econ.yaml")
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
        "partners:\n  - id: woco\n    name: {nl: W, en: W}\n    type: landlord\n")
    path = tmp_path / "case.yaml"
    path.write_text((ASSUMPTIONS / "meeting_space.yaml").read_text()
                    .replace("shared/partners.yaml", "partners.yaml")
                    .replace("shared/economics.yaml", str(ASSUMPTIONS / "shared" / "economics.yaml"))
                    .replace("shared/reference_complex.yaml",
                             str(ASSUMPTIONS / "shared" / "reference_complex.yaml"))
                    .replace("shared/welfare_staff.yaml", str(ASSUMPTIONS / "shared" / "welfare_staff.yaml"))
                    .replace("shared/care_prices.yaml", str(ASSUMPTIONS / "shared" / "care_prices.yaml"))
                    .replace("shared/overlap_groups.yaml",
                             str(ASSUMPTIONS / "shared" / "overlap_groups.yaml")))
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
    out = subprocess.run([sys.executable, "-m", "businesscase.cli", "run", "--json"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["conventions"]["discounting"] == "end_of_year"
    partners = {row["id"]: row for row in data["partners"]}
    assert "woningcorporatie" in partners and "external" in partners
    assert sum(r["net_position"] for r in data["partners"]) == pytest.approx(
        data["totals"]["social_npv"], abs=0.01)

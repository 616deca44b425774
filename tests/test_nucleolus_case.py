"""The nucleolus of a case above 16 partners: computed by constraint generation and
certified, up to the 100 partners a case may have."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from businesscase import evaluate, load_case
from businesscase.allocation import allocate
from businesscase.cli import main
from dashboards.state import CaseState

FORTY = Path(__file__).resolve().parent / "large" / "forty_partners.yaml"


def test_forty_partners_who_are_all_needed_split_the_value_equally(capsys):
    """Every partner is needed for the one outcome, so every group short of all forty has
    v⁺ = 0 and the (pre-)nucleolus gives each the same: the total value / 40 (by hand)."""
    result = evaluate(load_case(FORTY))
    for method in ("nucleolus", "prenucleolus"):
        a = allocate(result, method)
        table = a.table
        assert len(table) == 40
        share = a.case_game.total_value / 40
        assert share > 0
        assert (table.net_after - share).abs().max() < 0.005
    assert main(["allocate", "--method", "nucleolus", str(FORTY)]) == 0
    assert "Traceback" not in capsys.readouterr().err


def test_the_dashboard_computes_it_too():
    state = CaseState(case_file=str(FORTY))
    state.method = "nucleolus"
    assert not state.message
    assert state.allocation.method == "nucleolus"
    table = state.allocation.table
    assert (table.net_after - table.net_after.mean()).abs().max() < 0.005


def many_partners(tmp_path: Path, n: int) -> Path:
    """The forty-partner case with partners added until n are needed."""
    data = yaml.safe_load(FORTY.read_text())
    have = {p["id"] for p in data["partners"]}
    extra = [f"q{i:03d}" for i in range(n - len(have))]
    data["partners"] += [{"id": q, "name": {"nl": q, "en": q}, "type": "other"} for q in extra]
    data["outcomes"][0]["needs"] += extra
    path = tmp_path / f"partners_{n}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True))
    return path


def test_a_case_of_101_partners_is_refused_where_it_is_written(tmp_path, capsys):
    """No case reaches a game above the nucleolus's 100: the case itself stops at 100."""
    path = many_partners(tmp_path, 101)
    assert main(["allocate", "--method", "nucleolus", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path.name}:" in err and "partners: List should have at most 100 items" in err, err
    assert "Traceback" not in err


@pytest.mark.parametrize("n", [60, 100])
def test_many_needed_partners_still_split_equally(tmp_path, n):
    result = evaluate(load_case(many_partners(tmp_path, n)))
    a = allocate(result, "nucleolus")
    share = a.case_game.total_value / n
    assert (a.table.net_after - share).abs().max() < 0.005

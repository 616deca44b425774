"""The bad-input catalogue: every file in tests/bad_inputs/ gets a message naming file, line
and field and saying what is allowed; exit code 2 from the CLI; an inline message in the
dashboard with the last good state kept; no file or stored scenario changed."""

import hashlib
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook

from businesscase import evaluate, load_case
from businesscase.allocation import allocate
from businesscase.cli import main
from businesscase.export import workbook
from businesscase.scenarios import ScenarioStore
from dashboards.state import CaseState

HERE = Path(__file__).resolve().parent / "bad_inputs"
EXPECTED = yaml.safe_load((HERE / "expected.yaml").read_text())
VALID = HERE / "valid_case.yaml"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_catalogue_has_at_least_thirty_cases():
    assert len(EXPECTED) + len(GENERATED) >= 30
    assert all((HERE / e["file"]).exists() for e in EXPECTED.values())


def test_the_valid_case_is_valid():
    assert evaluate(load_case(VALID)).totals["social_npv"] != 0


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_cli_names_file_line_and_field(name, capsys):
    e = EXPECTED[name]
    path = HERE / e["file"]
    before = digest(path)
    code = main([*(e.get("command") or ["run"]), str(path)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "Traceback" not in err
    assert e["message"] in err, err
    shown = e.get("reported_file", e["file"].split("/")[-1])
    where = f"{shown}:{e['line']}:" if e["line"] else shown
    assert where in err, err
    if e["field"]:
        assert f" {e['field']}" in err, err
    assert digest(path) == before  # the user's file is untouched


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_dashboard_shows_the_message_and_keeps_the_last_good_state(name):
    e = EXPECTED[name]
    if e.get("command"):  # valid to load; the nucleolus refusal is checked below
        return
    state = CaseState(case_file=str(VALID))
    good = state.result.totals["social_npv"]
    path = HERE / e["file"]
    if "/" in e["file"]:  # a case with includes is chosen from its folder, not uploaded
        state.case_file = str(path)
        error = state.message
    else:
        error = state.import_file(path.read_bytes(), path.name)
    assert error and e["message"] in error and e.get("reported_file", path.name) in error
    assert state.result.totals["social_npv"] == good and state.base.meta.name == "Kleine buurtkamer"


def test_forty_partners_nucleolus_is_refused_in_the_dashboard_too():
    state = CaseState(case_file=str(HERE / "forty_partners.yaml"))
    state.method = "nucleolus"
    assert "up to 16 partners" in state.message
    assert state.allocation.method == "shapley"  # the last good split stays


# -- generated bad inputs (too big, binary or not YAML to keep as files) ---------------------

def make_big(tmp):
    path = tmp / "big.yaml"
    with path.open("w") as f:
        f.write("meta:\n  name: " + "x" * (50 * 1024 * 1024) + "\n")
    return path, None, "at most 5 MB"


def make_bomb(tmp):
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        prev, cur = chr(96 + i), chr(97 + i)
        lines.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 10) + "]")
    path = tmp / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n")
    return path, None, "alias bomb"


def make_latin1(tmp):
    path = tmp / "latin1.yaml"
    path.write_bytes(VALID.read_text().replace("Kleine buurtkamer", "Café de Buurt").encode("cp1252"))
    return path, 3, "not UTF-8"


def make_excel_text(tmp):
    result = evaluate(load_case(VALID))
    path = tmp / "case.xlsx"
    wb = workbook(result, allocate(result))
    ws = wb["Aannames"]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(row=r, column=1).value == "drivers.dwellings")
    ws.cell(row=row, column=5).value = "zestig"
    wb.save(path)
    return path, f"cell E{row}", "'zestig' is not a number"


GENERATED = {"file_of_50_mb": make_big, "alias_bomb": make_bomb, "non_utf8_bytes": make_latin1,
             "excel_text_in_number_cell": make_excel_text}


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_bad_inputs(name, tmp_path, capsys):
    path, where, message = GENERATED[name](tmp_path)
    before = digest(path)
    code = main(["run", str(path)])
    err = capsys.readouterr().err
    assert code == 2 and message in err and path.name in err, err
    if isinstance(where, int):
        assert f"{path.name}:{where}:" in err
    elif where:
        assert where in err and "drivers.dwellings" in err
    assert digest(path) == before
    if name != "file_of_50_mb":
        state = CaseState(case_file=str(VALID))
        error = state.import_file(path.read_bytes(), path.name)
        assert error and message in error and state.base.meta.name == "Kleine buurtkamer"
    else:
        state = CaseState(case_file=str(VALID))
        assert "at most 5 MB" in state.import_file(path.read_bytes(), path.name)


def test_scenario_name_with_path_separators(tmp_path, capsys):
    db = tmp_path / "s.db"
    store = ScenarioStore(db)
    store.save("Plan A", load_case(VALID))
    before = [(v.scenario_id, v.number) for v in store.scenarios()]
    code = main(["scenario", "--db", str(db), "save", str(VALID), "--name", "../../etc/passwd"])
    err = capsys.readouterr().err
    assert code == 2 and "cannot contain / or" in err
    assert [(v.scenario_id, v.number) for v in ScenarioStore(db).scenarios()] == before
    assert not (tmp_path.parent / "etc").exists()

"""The living workbook: named inputs, the ledger as formulas, and a real spreadsheet engine
(headless LibreOffice) that recalculates it to the cent of the engine's figures, untouched
and after changing assumptions; the recalculated workbook still reads back as a case."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import pytest
from builders import ASSUMPTIONS
from libreoffice import recalculate, soffice
from openpyxl import load_workbook

from businesscase import evaluate, load_case
from businesscase.export import workbook
from businesscase.export.names import NameBook, defined_name
from businesscase.export.workbook_formulas import FIRST_YEAR_COLUMN
from businesscase.export.workbook_sheets import HEADLINES
from businesscase.io import default_case_path
from businesscase.io.workbook import case_from_workbook
from businesscase.model import Discounting, apply_changes
from businesscase.programme import load_programme, theme_case
from businesscase.text import t

CASES = sorted(ASSUMPTIONS.glob("*.yaml"))
PROGRAMME = ASSUMPTIONS / "programmes" / "zuidoost_illustrative.yaml"
CENT = 0.005


def _cell(wb, name: str):
    (sheet, ref), *_ = list(wb.defined_names[name].destinations)
    return wb[sheet][ref.replace("$", "")]


def _changes(case, proxy_factor: float = 3.5) -> dict[str, float]:
    """The issue's change: the discount rate, the dwellings, a proxy and a cost."""
    keys = [k for k, _ in case.parameters()]
    proxy = next(k for k in keys if k.endswith(".proxy"))
    cost = next(k for k in keys if k.startswith("costs.") and k.endswith(".amount"))
    value = {k: float(p.value) for k, p in case.parameters()}
    return {
        "economics.social_discount_rate": 0.04,
        "drivers.dwellings": value["drivers.dwellings"] + 7,
        proxy: value[proxy] * proxy_factor,
        cost: value[cost] * 0.6,
    }


# -- without a spreadsheet engine ---------------------------------------------------------
@pytest.mark.parametrize(
    ("key", "name"),
    [
        ("costs.host.amount", "costs.host.amount"),
        ("drivers.ab12", "drivers._ab12"),
        ("drivers.r1c1", "drivers._r1c1"),
        ("drivers.r", "drivers._r"),
        ("drivers.xfd1048576", "drivers._xfd1048576"),
        ("drivers.2030", "drivers._2030"),
        ("drivers.care-home x", "drivers.care_home_x"),
        ("drivers.abcd12", "drivers.abcd12"),  # four letters: no column
    ],
)
def test_a_key_becomes_a_defined_name_excel_allows(key, name):
    assert defined_name(key) == name


def test_names_are_distinct_without_regard_to_case():
    book = NameBook()
    assert book.add("drivers.a_b") == "drivers.a_b"
    assert book.add("drivers.A_B") == "drivers.A_B_2"


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_every_parameter_is_named_and_every_ledger_cell_is_a_formula(path):
    case = load_case(path)
    wb = workbook(evaluate(case))
    for key, _ in case.parameters():
        cell = _cell(wb, defined_name(key))
        assert cell.parent.title == t("sheet_assumptions", "nl")
        assert isinstance(cell.value, float), key
        assert wb[cell.parent.title].cell(row=cell.row, column=1).value == key
    for name in (*HEADLINES, *(f"net_position.{p}" for p in case.partner_ids)):
        assert str(_cell(wb, name).value).startswith("="), name
    ws = wb[t("sheet_calculation", "nl")]
    ledger = [row for row in ws.iter_rows(min_row=2) if row[6].value and row[8].value is not None]
    assert ledger
    for row in ledger:
        values = row[FIRST_YEAR_COLUMN - 1 : FIRST_YEAR_COLUMN + case.meta.horizon + 1]
        assert all(c.data_type == "f" for c in values), row[0].coordinate


def test_english_workbook_has_english_sheets():
    result = evaluate(load_case(default_case_path()))
    names = workbook(result, lang="en").sheetnames
    assert names[0] == "Read me" and "Calculation" in names and "Results" in names


# -- recalculated by LibreOffice -------------------------------------------------------------
@pytest.fixture(scope="module")
def recalculated(tmp_path_factory):
    """Every shipped case untouched, and the default case with the issue's change made in
    its assumption cells, recalculated by LibreOffice in one run."""
    soffice()
    here = tmp_path_factory.mktemp("living")
    sources, expected = [], {}
    for path in CASES:
        case = load_case(path)
        target = here / f"{path.stem}.xlsx"
        workbook(evaluate(case)).save(target)
        sources.append(target)
        expected[path.stem] = evaluate(case)
    base = load_case(default_case_path())
    # the other discounting convention, and a programme theme whose roles are carried by
    # several partners each, in English
    undiscounted = base.model_copy(deep=True)
    undiscounted.economics.discounting = Discounting.first_year_undiscounted
    programme = load_programme(PROGRAMME)
    theme = theme_case(programme, programme.themes[0].id)
    for label, case, lang in (("undiscounted", undiscounted, "nl"), ("theme", theme, "en")):
        target = here / f"{label}.xlsx"
        workbook(evaluate(case), lang=lang).save(target)
        sources.append(target)
        expected[label] = evaluate(case)
    for label, changes in (
        ("changed", _changes(base)),
        ("pays_back", _changes(base, proxy_factor=80.0)),
    ):
        wb = workbook(evaluate(base))
        for key, value in changes.items():
            _cell(wb, defined_name(key)).value = value
        target = here / f"{label}.xlsx"
        wb.save(target)
        sources.append(target)
        expected[label] = evaluate(apply_changes(base, changes))
    out = here / "out"
    recalculate(sources, out, here / "profile")
    return out, expected


def _deviations(wb, result) -> dict[str, float]:
    """|LibreOffice − engine| per headline and partner; a figure the engine cannot give
    (NaN) must be a text in the workbook."""
    out = {}
    figures = {k: float(result.totals[k]) for k in HEADLINES}
    figures |= {
        f"net_position.{p}": float(result.by_partner.loc[p, "net_position"])
        for p in result.partners
    }
    for name, expected in figures.items():
        got = _cell(wb, name).value
        if not math.isfinite(expected):
            assert isinstance(got, str), (name, got)
            continue
        assert isinstance(got, (int, float)), (name, got)
        out[name] = abs(got - expected)
    return out


@pytest.mark.parametrize(
    "label", [p.stem for p in CASES] + ["changed", "pays_back", "undiscounted", "theme"]
)
def test_libreoffice_recalculates_the_engine_to_the_cent(recalculated, label):
    out, expected = recalculated
    wb = load_workbook(out / f"{label}.xlsx", data_only=True)
    deviations = _deviations(wb, expected[label])
    assert max(deviations.values()) < CENT, deviations
    if label == "pays_back":
        assert math.isfinite(expected[label].totals["payback_year"])


def test_the_change_moved_the_figures(recalculated):
    """Not a stale cache: the changed workbook's figures differ from the untouched one."""
    out, _ = recalculated
    changed = load_workbook(out / "changed.xlsx", data_only=True)
    default = Path(default_case_path()).stem
    untouched = load_workbook(out / f"{default}.xlsx", data_only=True)
    assert abs(_cell(changed, "social_npv").value - _cell(untouched, "social_npv").value) > 1000


def test_the_recalculated_workbook_reads_back(recalculated):
    out, expected = recalculated
    path = out / "changed.xlsx"
    result = evaluate(case_from_workbook(path))
    for key in HEADLINES:
        a, b = float(result.totals[key]), float(expected["changed"].totals[key])
        assert (math.isnan(a) and math.isnan(b)) or a == pytest.approx(b, abs=CENT), key
    run = subprocess.run(
        [sys.executable, "-m", "businesscase.cli", "run", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr


# -- no formula from user text ------------------------------------------------------------
INJECTIONS = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "@SUM(A1:A9)", "-1+1"]


def _inject(data, attack: str, counter: list[int]):
    """Every text field a user fills: partner names, line labels, sources and reasons."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in ("name", "label") and isinstance(value, dict) and "nl" in value:
                counter[0] += 1
                data[key] = {"nl": f"{attack} {counter[0]}", "en": f"{attack} {counter[0]}"}
            elif key in ("source", "reasoning") and isinstance(value, str):
                data[key] = attack
            else:
                _inject(value, attack, counter)
    elif isinstance(data, list):
        for value in data:
            _inject(value, attack, counter)


@pytest.mark.parametrize("attack", INJECTIONS)
def test_no_text_field_becomes_a_formula(attack):
    from businesscase.model import Case

    data = load_case(default_case_path()).model_dump(mode="json", by_alias=True)
    _inject(data, attack, [0])
    case = Case.model_validate(data)
    wb = workbook(evaluate(case))
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row]
    formulas = [c for c in cells if c.data_type == "f"]
    assert formulas and not [c.coordinate for c in formulas if attack in str(c.value)]
    texts = [c for c in cells if isinstance(c.value, str) and attack in c.value]
    assert {c.data_type for c in texts} == {"s"}
    sheets = {c.parent.title for c in texts}
    for key in ("sheet_assumptions", "sheet_calculation", "sheet_results"):
        assert t(key, "nl") in sheets, key

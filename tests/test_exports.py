"""Exports: the workbook and its way back in, the report and the agreement sheets."""

import re
import subprocess
import sys

import numpy as np
import pytest
from builders import ASSUMPTIONS
from openpyxl import load_workbook
from pypdf import PdfReader

from businesscase import LoadError, evaluate, load_case
from businesscase.allocation import allocate
from businesscase.export import agreements_html, html_to_pdf, report_html, workbook
from businesscase.export.excel import column_title
from businesscase.export.report_html import chromium_path, output_label
from businesscase.uncertainty import monte_carlo

MS = ASSUMPTIONS / "meeting_space.yaml"


@pytest.fixture(scope="module")
def evaluated():
    case = load_case(MS)
    result = evaluate(case)
    return result, allocate(result, "shapley"), monte_carlo(case, 300, seed=1)


@pytest.fixture(scope="module")
def exported(evaluated, tmp_path_factory):
    path = tmp_path_factory.mktemp("xlsx") / "case.xlsx"
    workbook(*evaluated).save(path)
    return path


def test_workbook_numbers_equal_the_ledger_and_results(evaluated, exported):
    result, allocation, mc = evaluated
    wb = load_workbook(exported)
    assert wb.sheetnames[:7] == [
        "Lees mij",
        "Samenvatting",
        "Aannames",
        "Kasstromen",
        "Per partij",
        "Verdeling",
        "Onzekerheid",
    ]
    flows = wb["Kasstromen"]
    head = [c.value for c in flows[1]]
    ledger = result.ledger
    assert flows.max_row - 1 == len(ledger) and flows.freeze_panes == "A2"
    for column in ("nominal", "real", "pv_social", "pv_financial"):
        j = head.index(column_title(column, "nl")) + 1
        cells = [flows.cell(row=r, column=j) for r in range(2, flows.max_row + 1)]
        assert all(c.data_type == "n" for c in cells)  # numbers, not text
        # Excel keeps 15 significant digits: equal to far below a cent.
        np.testing.assert_allclose(
            [c.value for c in cells], ledger[column].to_numpy(), rtol=1e-14, atol=1e-9
        )
    partners = wb["Per partij"]
    phead = [c.value for c in partners[1]]
    for r in range(2, partners.max_row + 1):
        pid = partners.cell(row=r, column=1).value
        for col in ("pv_costs", "pv_benefits", "net_position", "financial_npv"):
            cell = partners.cell(row=r, column=phead.index(column_title(col, "nl")) + 1)
            assert cell.data_type == "n"
            assert cell.value == pytest.approx(result.by_partner.loc[pid, col], rel=1e-14, abs=1e-9)
    split = wb["Verdeling"]
    shead = [c.value for c in split[1]]
    for r in range(2, 2 + len(allocation.table)):
        pid = split.cell(row=r, column=1).value
        assert split.cell(
            row=r, column=shead.index(column_title("fair_contribution", "nl")) + 1
        ).value == pytest.approx(
            allocation.table.loc[pid, "fair_contribution"], rel=1e-14, abs=1e-9
        )
    summary = {row[0]: row[1] for row in wb["Samenvatting"].iter_rows(values_only=True) if row}
    assert summary["MKBA-saldo (t.o.v. nulalternatief)"] == pytest.approx(
        result.totals["social_npv"], rel=1e-14
    )
    unc = {row[0]: row for row in wb["Onzekerheid"].iter_rows(values_only=True) if row}
    assert unc[output_label("social_npv", result, "nl")][3] == pytest.approx(
        mc.summary().loc["social_npv", "p50"], rel=1e-14
    )
    assert wb["Aannames"].column_dimensions["L"].width >= 60  # readable widths


def test_round_trip_gives_identical_results(evaluated, exported):
    result = evaluated[0]
    back = evaluate(load_case(exported))
    assert back.totals.equals(result.totals)
    np.testing.assert_array_equal(back.pv_social, result.pv_social)


def test_an_edited_value_changes_exactly_what_depends_on_it(exported, tmp_path):
    wb = load_workbook(exported)
    ws = wb["Aannames"]
    row = next(
        r
        for r in range(2, ws.max_row + 1)
        if ws.cell(row=r, column=1).value == "costs.activities.amount"
    )
    ws.cell(row=row, column=5).value = 8000
    path = tmp_path / "edited.xlsx"
    wb.save(path)
    before, after = evaluate(load_case(MS)), evaluate(load_case(path))
    changed = {
        ln.item
        for i, ln in enumerate(after.lines)
        if not np.array_equal(after.nominal[0, i], before.nominal[0, i])
    }
    assert changed == {"activities"}
    assert after.by_partner.loc["gemeente", "pv_costs"] == pytest.approx(
        before.by_partner.loc["gemeente", "pv_costs"] * 8000 / 5000
    )


def test_invalid_value_in_the_workbook_names_sheet_cell_and_field(exported, tmp_path):
    wb = load_workbook(exported)
    ws = wb["Aannames"]
    row = next(
        r
        for r in range(2, ws.max_row + 1)
        if ws.cell(row=r, column=1).value == "drivers.share_taking_part"
    )
    ws.cell(row=row, column=5).value = "veel"
    path = tmp_path / "bad.xlsx"
    wb.save(path)
    with pytest.raises(LoadError) as err:
        load_case(path)
    assert f"sheet 'Aannames' cell E{row}" in str(err.value)
    assert "drivers.share_taking_part" in str(err.value) and "not a number" in str(err.value)
    out = subprocess.run(
        [sys.executable, "-m", "businesscase.cli", "run", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 2 and f"cell E{row}" in out.stderr


def test_report_html_is_self_contained(evaluated):
    text = report_html(*evaluated)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", text)
    assert "<link" not in text and "<script" not in text and "@import" not in text
    for needle in (
        "MKBA-saldo",
        "Eerlijke verdeling",
        "Betalingen",
        "Onzekerheid",
        "Bijlage: alle aannames",
        "Afsprakenblad: Woningcorporatie",
        "<svg",
    ):
        assert needle in text
    english = report_html(*evaluated, lang="en")
    assert "Fair split" in english and "Agreement sheet: Housing corporation" in english


def test_pdf_has_a_page_per_agreement_sheet(evaluated, tmp_path):
    chromium_path()  # a missing browser is a failure here, not a skip
    result, allocation, mc = evaluated
    pdf = html_to_pdf(report_html(result, allocation, mc), tmp_path / "report.pdf")
    pages = [p.extract_text() for p in PdfReader(pdf).pages]
    sheets = [i for i, text in enumerate(pages) if "Afsprakenblad:" in text]
    assert len(sheets) == len(allocation.table)  # one page each, in order
    assert sheets == list(range(sheets[0], sheets[0] + len(sheets)))
    assert "MKBA-saldo" in pages[0] and any("Bijlage" in p for p in pages[sheets[-1] + 1 :])
    assert PdfReader(pdf).pages[0].mediabox.width == pytest.approx(595.3, abs=1)  # A4
    if subprocess.run(["which", "pdftoppm"], capture_output=True).returncode == 0:
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "60",
                "-png",
                "-f",
                "1",
                "-l",
                "3",
                str(pdf),
                str(tmp_path / "page"),
            ],
            check=True,
            timeout=120,
        )
        assert len(list(tmp_path.glob("page*.png"))) == 3


def test_agreements_download_has_one_sheet_per_partner(evaluated):
    result, allocation, _ = evaluated
    text = agreements_html(result, allocation, "en")
    assert text.count("class='sheet'") == len(allocation.table)
    assert "Review moment" in text and "2027" in text

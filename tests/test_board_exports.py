"""Exports fit for a board (issue 15, point 11): a PDF without blank pages, agreement
sheets only for partners with flows and each with a signature block, a workbook with
Dutch headers and every figure filled, and the comparison of scenarios as its own file."""

from __future__ import annotations

import io

import pytest
from builders import ASSUMPTIONS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from pypdf import PdfReader

from businesscase import evaluate, load_case
from businesscase.allocation import allocate, default_participants
from businesscase.engine import wellbeing_layer
from businesscase.export import (
    agreements_html,
    comparison_workbook_bytes,
    html_to_pdf,
    report_html,
    workbook_bytes,
)
from businesscase.export.report_html import SIGNATURE_FIELDS
from businesscase.model import apply_changes
from businesscase.scenarios import compare
from businesscase.text import TEXTS, flow_label, t

CASES = ["meeting_space.yaml", "community_builder.yaml", "care_in_complex.yaml"]


def evaluated(name: str, absent=()):
    case = apply_changes(load_case(ASSUMPTIONS / name), {}, absent=list(absent))
    result = evaluate(case)
    return result, allocate(result, "shapley", "financial", default_participants(result))


@pytest.mark.parametrize(("name", "absent"), [(CASES[0], ()), (CASES[2], ("gemeente",))])
def test_the_pdf_has_no_blank_page(name, absent, tmp_path):
    result, allocation = evaluated(name, absent)
    pdf = html_to_pdf(report_html(result, allocation), tmp_path / "report.pdf")
    pages = [p.extract_text().strip() for p in PdfReader(pdf).pages]
    assert pages and all(len(text) > 40 for text in pages), [len(x) for x in pages]
    assert t("report_title", "nl") in pages[0]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.sampled_from(CASES),
    absent=st.lists(st.integers(0, 6), max_size=3, unique=True),
    lang=st.sampled_from(["nl", "en"]),
)
def test_agreement_sheets_only_for_partners_with_flows_each_with_a_signature_block(
    name, absent, lang
):
    ids = load_case(ASSUMPTIONS / name).partner_ids
    result, allocation = evaluated(name, [ids[i] for i in absent if i < len(ids)])
    text = agreements_html(result, allocation, lang)
    sheets = text.split("class='sheet'")[1:]
    assert len(sheets) == len(allocation.table)
    with_flows = set(result.partners) - set(result.without_flows)
    assert set(allocation.table.index) <= with_flows
    for pid in result.without_flows:
        assert f": {result.partner_label(pid, lang)}</h1>" not in text
    for sheet in sheets:
        for field in SIGNATURE_FIELDS:
            assert f"<td>{t(f'sign_{field}', lang)}</td>" in sheet


def _headers(wb) -> list[tuple[str, str]]:
    out = []
    for ws in wb.worksheets:
        if ws.sheet_state == "hidden" or ws.title == t("sheet_summary", "nl"):
            continue
        out += [(ws.title, c.value) for c in ws[1] if c.value is not None]
    return out


@pytest.mark.parametrize("name", CASES)
def test_the_workbook_speaks_dutch_and_fills_every_figure(name):
    result, allocation = evaluated(name)
    wb = load_workbook(io.BytesIO(workbook_bytes(result, allocation, lang="nl")))
    dutch = {v["nl"] for v in TEXTS.values()}
    dutch |= {
        f"{t(side, 'nl')}: {flow_label(ft, 'nl')}"
        for side in ("benefits", "costs")
        for ft in ("cash", "in_kind", "cashable_saving", "non_cashable_saving", "societal_value")
    }
    # a year (int) heads a year column
    raw = [
        (s, h) for s, h in _headers(wb) if h not in dutch and h != "key" and not isinstance(h, int)
    ]
    assert not raw, raw
    summary = {r[0]: r[1] for r in wb[t("sheet_summary", "nl")].iter_rows(values_only=True) if r}
    payback = summary[t("payback_year", "nl")]
    assert payback not in (None, ""), "the payback year is blank"
    if not isinstance(payback, (int, float)):
        assert payback == t("never", "nl")
    layer = wellbeing_layer(result)
    assert summary[t("social_npv_with_wellbeing", "nl")] == pytest.approx(
        layer.total("social_npv_with_wellbeing")
    )


def test_the_comparison_download_holds_the_compared_figures():
    cases = [(n, load_case(ASSUMPTIONS / n)) for n in CASES]
    frame = compare(cases).sort_values("rank")
    names = {p.id: p.name("nl") for p in cases[0][1].partners}
    wb = load_workbook(io.BytesIO(comparison_workbook_bytes(frame, names, "nl")))
    ws = wb.active
    head = [c.value for c in ws[1]]
    rows = {r[0]: dict(zip(head, r)) for r in ws.iter_rows(min_row=2, values_only=True)}
    assert list(rows) == list(frame.index)  # best first
    for scenario, row in rows.items():
        assert row[t("social_npv", "nl")] == pytest.approx(frame.loc[scenario, "social_npv"])
        assert row[t("social_npv_with_wellbeing", "nl")] == pytest.approx(
            frame.loc[scenario, "social_npv_with_wellbeing"]
        )
        assert row[f"{t('net_position', 'nl')}: {names['gemeente']}"] == pytest.approx(
            frame.loc[scenario, "net.gemeente"]
        )
    assert not [c for r in ws.iter_rows() for c in r if c.data_type in ("f", "e")]

"""The Excel workbook: summary, assumptions (editable, and read back), yearly flows, per
partner results, the fair split and payments, uncertainty. Real numbers with number
formats, frozen headers, readable widths, Dutch or English labels.

The assumptions sheet can be edited and imported as a case: the whole case travels in a
hidden sheet (read back by :mod:`businesscase.io.workbook`). The workbook lives: each
assumption's value cell has a defined name (:mod:`.names`), and the calculation and
results sheets compute the ledger and the headlines as formulas on those names
(:mod:`.workbook_formulas`, :mod:`.workbook_sheets`; docs/workbook.md).

Every row is written through :func:`.cells.put_row`, so no text a user typed becomes a
formula.
"""

from __future__ import annotations

import io
import math

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from businesscase.allocation import Allocation, explanation
from businesscase.engine import WELLBEING_TOTALS, Result, wellbeing_layer
from businesscase.io import CASE_SHEET, KEY_HEADER, case_to_yaml
from businesscase.model import Case, case_title, parameter_table
from businesscase.text import (
    TEXTS,
    MetricKind,
    flow_label,
    format_metric,
    language,
    metric_kind,
    t,
    total_label,
)

from .cells import put_row, put_text_row
from .report_html import output_label
from .summary import PARTNER_KEYS, TOTAL_KEYS
from .workbook_sheets import computed_note, living_sheets, name_inputs

EURO = "#,##0;[Red]-#,##0"
EURO2 = "#,##0.00;[Red]-#,##0.00"
RATIO = "0.00"
# Excel's number format for each kind of metric (businesscase.text.formatting says which
# metric is which kind, and how it reads as text)
NUMBER_FORMATS = {
    MetricKind.euros: EURO,
    MetricKind.ratio: RATIO,
    MetricKind.year: "0",
    MetricKind.rate: "0.0%",
    MetricKind.probability: "0%",
}
BOLD = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="DDE3EA")
ESTIMATE_FILL = PatternFill("solid", fgColor="FFF3C4")

ASSUMPTION_COLUMNS = [  # (field, width, number format); the header is the field's text
    ("key", 44, None),
    ("group", 12, None),
    ("item", 30, None),
    ("field", 24, None),
    ("value", 12, "General"),
    ("unit", 26, None),
    ("low", 10, "General"),
    ("high", 10, "General"),
    ("confidence", 10, None),
    ("estimate", 10, None),
    ("year", 8, "0"),
    ("source", 80, None),
    ("name", 44, None),
]
VALUE_COLUMN = 5  # where businesscase.io.workbook and the defined names find each value


def column_title(key: str, lang: str) -> str:
    """The header of a data column in the language: a flow type's side and label, or the
    column's text in the catalogue."""
    if key.startswith(("benefits_", "costs_")):
        side, flow_type = key.split("_", 1)
        return f"{t(side, lang)}: {flow_label(flow_type, lang)}"
    if key.startswith("label_"):
        key = "label"
    return t(f"col_{key}" if f"col_{key}" in TEXTS else key, lang)


def _name(sheet: str, lang: str) -> str:
    return t(f"sheet_{sheet}", lang)


def _assumption_header(field: str, lang: str) -> str:
    """The read-back key column keeps its file-format name in both languages."""
    return KEY_HEADER if field == "key" else t(field, lang)


def _header(ws, titles: list[str], widths: list[int]) -> None:
    put_row(ws, titles)
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
        cell = ws.cell(row=1, column=i)
        cell.font, cell.fill = BOLD, HEAD_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"


def _numbered_row(ws, values: list) -> int:
    """:func:`.cells.put_row` for a row of at least one value, whose number is known."""
    row = put_row(ws, values)
    assert row is not None
    return row


def _formats(ws, row: int, fmts: list[str | None]) -> None:
    for i, f in enumerate(fmts, start=1):
        if f:
            ws.cell(row=row, column=i).number_format = f


def workbook(
    result: Result,
    allocation: Allocation | None = None,
    montecarlo=None,
    lang: str = "nl",
    base: Case | None = None,
) -> Workbook:
    """Build the workbook for one evaluation (and optionally its split and Monte Carlo)."""
    case = result.case
    wb = Workbook()
    ws = wb.active
    ws.title = _name("summary", lang)
    put_row(ws, [t("case", lang), case.meta.name])
    # The case as it now is: its size from the drivers in force, not the size of a name.
    put_row(ws, [t("case_now", lang), case_title(case, lang)])
    put_row(
        ws,
        [t("period", lang), f"{case.meta.start_year}–{case.meta.start_year + case.meta.horizon}"],
    )
    put_row(ws, [t("prices_of", lang), case.meta.price_year])
    put_row(ws, [t("discounting", lang), t(case.economics.discounting.value, lang)])
    row = _numbered_row(ws, [t("social_rate", lang), case.economics.social_discount_rate.value])
    ws.cell(row=row, column=2).number_format = "0.00%"
    put_row(ws, [t("zero_alternative", lang), case.meta.zero_alternative(lang).strip()])
    put_row(ws, [])
    row = _numbered_row(ws, [t("key_figures", lang)])
    ws.cell(row=row, column=1).font = BOLD
    for key in TOTAL_KEYS:
        value = float(result.totals[key])
        # A figure that does not exist says why ("niet binnen de looptijd"), never a blank.
        shown = value if math.isfinite(value) else format_metric(key, value, lang)
        row = _numbered_row(ws, [total_label(key, lang), shown])
        ws.cell(row=row, column=2).number_format = NUMBER_FORMATS[metric_kind(key)]
    layer = wellbeing_layer(result)
    if layer is not None:
        put_row(ws, [])
        row = _numbered_row(ws, [t("wellbeing_title", lang)])
        ws.cell(row=row, column=1).font = BOLD
        for key in WELLBEING_TOTALS:
            value = layer.total(key)
            shown = value if math.isfinite(value) else format_metric(key, value, lang)
            row = _numbered_row(ws, [t(key, lang), shown])
            ws.cell(row=row, column=2).number_format = NUMBER_FORMATS[metric_kind(key)]
    put_row(ws, [t("sroi_definition", lang)])
    put_row(
        ws,
        [
            t(
                "figures_at_export",
                lang,
                computed=computed_note(lang),
                results=t("sheet_results", lang),
            )
        ],
    )
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 48, 22

    ws = wb.create_sheet(_name("assumptions", lang))
    _header(
        ws,
        [_assumption_header(c[0], lang) for c in ASSUMPTION_COLUMNS],
        [c[1] for c in ASSUMPTION_COLUMNS],
    )
    table = parameter_table(case, base or case, lang)
    input_rows: dict[str, int] = {}
    for meta in ("horizon", "start_year"):
        input_rows[f"meta.{meta}"] = _numbered_row(
            ws,
            [
                f"meta.{meta}",
                "meta",
                "",
                meta,
                getattr(case.meta, meta),
                "years" if meta == "horizon" else "year",
            ],
        )
    for row in table.itertuples():
        r = _numbered_row(
            ws,
            [
                row.key,
                row.group,
                row.item,
                row.field,
                float(row.value),
                row.unit,
                float(row.low),
                float(row.high),
                row.confidence,
                t("yes", lang) if row.estimate else "",
                int(row.year),
                row.source,
                row.name,
            ],
        )
        input_rows[row.key] = r
        _formats(ws, r, [c[2] for c in ASSUMPTION_COLUMNS])
        if row.estimate:
            ws.cell(row=r, column=10).fill = ESTIMATE_FILL

    assumptions = ws
    bounds = {row.key: (float(row.low), float(row.high)) for row in table.itertuples()}

    ws = wb.create_sheet(_name("flows", lang))
    ledger = result.ledger
    cols = [
        "year",
        "t",
        "partner",
        "item",
        f"label_{language(lang)}",
        "category",
        "role",
        "flow_type",
        "nominal",
        "real",
        "pv_social",
        "pv_financial",
    ]
    _header(
        ws, [column_title(c, lang) for c in cols], [8, 5, 22, 24, 40, 18, 9, 20, 14, 14, 14, 14]
    )
    for row in ledger[cols].itertuples(index=False):
        words = [
            row[2],
            row[3],
            row[4],
            t(f"category_{row[5]}", lang),
            t(f"role_{row[6]}", lang),
            flow_label(row[7], lang),
        ]
        r = _numbered_row(ws, [int(row[0]), int(row[1]), *words, *(float(x) for x in row[8:])])
        _formats(ws, r, [None] * 8 + [EURO2] * 4)

    ws = wb.create_sheet(_name("partners", lang))
    bp = result.shown_by_partner
    pcols = list(PARTNER_KEYS) + [c for c in bp.columns if c.startswith(("benefits_", "costs_"))]
    _header(
        ws,
        [column_title(c, lang) for c in ["id", "partner", *pcols, "irr_note"]],
        [22, 26] + [16] * len(pcols) + [30],
    )
    for pid, row in bp.iterrows():
        r = _numbered_row(
            ws,
            [pid, result.partner_label(pid, lang)]
            + [
                float(row[c]) if math.isfinite(row[c]) else format_metric(c, row[c], lang)
                for c in pcols
            ]
            + [t(f"irr_{row.irr_note}", lang) if row.irr_note else ""],
        )
        _formats(ws, r, [None, None] + [NUMBER_FORMATS[metric_kind(c)] for c in pcols])

    if allocation is not None:
        ws = wb.create_sheet(_name("split", lang))
        acols = list(allocation.table.columns)
        _header(
            ws,
            [column_title(c, lang) for c in ["id", "partner", *acols]],
            [22, 26] + [18] * len(acols),
        )
        for pid, row in allocation.table.iterrows():
            r = _numbered_row(
                ws, [pid, allocation.label(pid, lang)] + [float(row[c]) for c in acols]
            )
            _formats(ws, r, [None, None] + [EURO] * len(acols))
        put_row(ws, [])
        put_row(ws, [column_title(c, lang) for c in ("payer", "receiver", "pv", "per_year")])
        for tr in allocation.transfers:
            r = _numbered_row(ws, [tr.payer, tr.receiver, float(tr.pv), float(tr.per_year)])
            _formats(ws, r, [None, None, EURO, EURO])
        put_row(ws, [])
        for paragraph in explanation(allocation, lang).split("\n\n"):
            put_row(ws, [paragraph])

    if montecarlo is not None:
        ws = wb.create_sheet(_name("uncertainty", lang))
        summary = montecarlo.summary()
        _header(
            ws,
            [column_title(c, lang) for c in ("output", "mean", "p10", "p50", "p90", "p_positive")],
            [40, 16, 16, 16, 16, 12],
        )
        for name, row in summary.iterrows():
            r = _numbered_row(
                ws,
                [output_label(name, result, lang)]
                + [float(row[c]) for c in ("mean", "p10", "p50", "p90", "p_positive")],
            )
            number = NUMBER_FORMATS[metric_kind(name)]
            _formats(
                ws,
                r,
                [None, number, number, number, number, NUMBER_FORMATS[MetricKind.probability]],
            )
        put_row(ws, [f"{montecarlo.n} {t('draws', lang)}, seed {montecarlo.seed}"])

    names = name_inputs(wb, assumptions, input_rows, VALUE_COLUMN, bounds, lang)
    living_sheets(wb, result, names, allocation, lang)

    hidden = wb.create_sheet(CASE_SHEET)
    # split on "\n" only: str.splitlines() also breaks at U+2028, U+0085 and the like,
    # which the YAML keeps inside its texts
    for line in case_to_yaml(base or case).split("\n"):
        put_text_row(hidden, line)
    hidden.sheet_state = "hidden"
    return wb


def workbook_bytes(*args, **kwargs) -> bytes:
    buffer = io.BytesIO()
    workbook(*args, **kwargs).save(buffer)
    return buffer.getvalue()

"""The Excel workbook: summary, assumptions (editable, and read back), yearly flows, per
partner results, the fair split and payments, uncertainty. Real numbers with number
formats, frozen headers, readable widths, Dutch or English labels.

The assumptions sheet can be edited and imported as a case: the whole case travels in a
hidden sheet, and every value in the assumptions sheet is applied on top of it.

Every row is written through :func:`.cells.put_row`, so no text a user typed becomes a
formula; every workbook read passes :mod:`.zipguard` first, so none can be a zip bomb.
"""

from __future__ import annotations

import io
from os import PathLike
from pathlib import Path
from typing import BinaryIO

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ..assumptions import LoadError
from ..edits import InvalidChange, apply_changes, check_value, parameter_table
from ..report import PARTNER_KEYS, TOTAL_KEYS
from ..i18n import t, total_label
from ..result import Result
from ..schema import Case
from ..yaml_source import InputProblem
from .cells import put_row, put_text_row
from .zipguard import ADVICE, bounded_workbook, display_name

SHEETS = {"summary": ("Samenvatting", "Summary"), "assumptions": ("Aannames", "Assumptions"),
          "flows": ("Kasstromen", "Flows"), "partners": ("Per partij", "Per partner"),
          "split": ("Verdeling", "Fair split"), "uncertainty": ("Onzekerheid", "Uncertainty")}
CASE_SHEET = "_case"
KEY_HEADER, VALUE_HEADERS = "key", ("Waarde", "Value")
EURO = '#,##0;[Red]-#,##0'
EURO2 = '#,##0.00;[Red]-#,##0.00'
RATIO = '0.00'
BOLD = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="DDE3EA")
ESTIMATE_FILL = PatternFill("solid", fgColor="FFF3C4")

ASSUMPTION_COLUMNS = [  # (field, nl header, en header, width, number format)
    ("key", "key", "key", 44, None), ("group", "Groep", "Group", 12, None),
    ("item", "Onderdeel", "Item", 30, None), ("field", "Aanname", "Assumption", 24, None),
    ("value", "Waarde", "Value", 12, "General"), ("unit", "Eenheid", "Unit", 26, None),
    ("low", "Laag", "Low", 10, "General"), ("high", "Hoog", "High", 10, "General"),
    ("confidence", "Zekerheid", "Confidence", 10, None),
    ("estimate", "Schatting", "Estimate", 10, None), ("year", "Jaar", "Year", 8, "0"),
    ("source", "Bron of onderbouwing", "Source or reasoning", 80, None)]


def _name(sheet: str, lang: str) -> str:
    nl, en = SHEETS[sheet]
    return en if lang == "en" else nl


def _header(ws, titles: list[str], widths: list[int]) -> None:
    put_row(ws, titles)
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
        cell = ws.cell(row=1, column=i)
        cell.font, cell.fill = BOLD, HEAD_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"


def _formats(ws, row: int, fmts: list[str | None]) -> None:
    for i, f in enumerate(fmts, start=1):
        if f:
            ws.cell(row=row, column=i).number_format = f


def workbook(result: Result, allocation=None, montecarlo=None, lang: str = "nl",
             base: Case | None = None) -> Workbook:
    """Build the workbook for one evaluation (and optionally its split and Monte Carlo)."""
    from ..scenarios import case_to_yaml
    case = result.case
    wb = Workbook()
    ws = wb.active
    ws.title = _name("summary", lang)
    put_row(ws, [t("case", lang), case.meta.name])
    put_row(ws, [t("period", lang), f"{case.meta.start_year}–{case.meta.start_year + case.meta.horizon}"])
    put_row(ws, [t("prices_of", lang), case.meta.price_year])
    put_row(ws, [t("discounting", lang), t(case.economics.discounting.value, lang)])
    row = put_row(ws, [t("social_rate", lang), case.economics.social_discount_rate.value])
    ws.cell(row=row, column=2).number_format = "0.00%"
    put_row(ws, [t("zero_alternative", lang), case.meta.zero_alternative(lang).strip()])
    put_row(ws, [])
    row = put_row(ws, [t("key_figures", lang)])
    ws.cell(row=row, column=1).font = BOLD
    for key in TOTAL_KEYS:
        value = float(result.totals[key])
        row = put_row(ws, [total_label(key, lang), value if value == value else None])
        ws.cell(row=row, column=2).number_format = (
            RATIO if key == "sroi_ratio" else "0" if key == "payback_year" else EURO)
    put_row(ws, [t("sroi_definition", lang)])
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 48, 22

    ws = wb.create_sheet(_name("assumptions", lang))
    _header(ws, [c[2] if lang == "en" else c[1] for c in ASSUMPTION_COLUMNS],
            [c[3] for c in ASSUMPTION_COLUMNS])
    table = parameter_table(case, base or case, lang)
    for meta in ("horizon", "start_year"):
        put_row(ws, [f"meta.{meta}", "meta", "", meta, getattr(case.meta, meta),
                     "years" if meta == "horizon" else "year"])
    for row in table.itertuples():
        r = put_row(ws, [row.key, row.group, row.item, row.field, float(row.value), row.unit,
                         float(row.low), float(row.high), row.confidence,
                         ("yes" if lang == "en" else "ja") if row.estimate else "",
                         int(row.year), row.source])
        _formats(ws, r, [c[4] for c in ASSUMPTION_COLUMNS])
        if row.estimate:
            ws.cell(row=r, column=10).fill = ESTIMATE_FILL

    ws = wb.create_sheet(_name("flows", lang))
    ledger = result.ledger
    cols = ["year", "t", "partner", "item", "label_en" if lang == "en" else "label_nl", "category",
            "role", "flow_type", "nominal", "real", "pv_social", "pv_financial"]
    _header(ws, cols, [8, 5, 22, 24, 40, 18, 9, 20, 14, 14, 14, 14])
    for row in ledger[cols].itertuples(index=False):
        r = put_row(ws, [int(row[0]), int(row[1]), *row[2:8], *(float(x) for x in row[8:])])
        _formats(ws, r, [None] * 8 + [EURO2] * 4)

    ws = wb.create_sheet(_name("partners", lang))
    bp = result.by_partner
    pcols = list(PARTNER_KEYS) + [c for c in bp.columns if c.startswith(("benefits_", "costs_"))]
    _header(ws, ["id", t("partner", lang)] + pcols + ["irr_note"], [22, 26] + [16] * len(pcols) + [30])
    for pid, row in bp.iterrows():
        r = put_row(ws, [pid, result.partner_label(pid, lang)] +
                        [None if row[c] != row[c] else float(row[c]) for c in pcols] +
                        [t(f"irr_{row.irr_note}", lang) if row.irr_note else ""])
        _formats(ws, r, [None, None] + [
            RATIO if c == "benefit_cost_ratio" else "0.0%" if c == "irr" else EURO for c in pcols])

    if allocation is not None:
        ws = wb.create_sheet(_name("split", lang))
        acols = list(allocation.table.columns)
        _header(ws, ["id", t("partner", lang)] + acols, [22, 26] + [18] * len(acols))
        for pid, row in allocation.table.iterrows():
            r = put_row(ws, [pid, allocation.label(pid, lang)] + [float(row[c]) for c in acols])
            _formats(ws, r, [None, None] + [EURO] * len(acols))
        put_row(ws, [])
        put_row(ws, ["payer", "receiver", "pv", "per_year"])
        for tr in allocation.transfers:
            r = put_row(ws, [tr.payer, tr.receiver, float(tr.pv), float(tr.per_year)])
            _formats(ws, r, [None, None, EURO, EURO])
        put_row(ws, [])
        for paragraph in allocation.explain(lang).split("\n\n"):
            put_row(ws, [paragraph])

    if montecarlo is not None:
        ws = wb.create_sheet(_name("uncertainty", lang))
        summary = montecarlo.summary()
        _header(ws, ["output", "mean", "p10", "p50", "p90", "p_positive"], [40, 16, 16, 16, 16, 12])
        for name, row in summary.iterrows():
            r = put_row(ws, [name] + [float(row[c]) for c in ("mean", "p10", "p50", "p90", "p_positive")])
            fmt = RATIO if name == "sroi_ratio" else EURO
            _formats(ws, r, [None, fmt, fmt, fmt, fmt, "0%"])
        put_row(ws, [f"draws {montecarlo.n}, seed {montecarlo.seed}"])

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


def case_from_workbook(source: str | PathLike | bytes | BinaryIO, name: str | None = None) -> Case:
    """The case of an exported workbook with the assumptions sheet's values applied.

    `source` is a path, the file's bytes or a binary file; `name` is what messages call
    it (default: the path). The zip is checked against bombs before openpyxl reads it
    (see :mod:`.zipguard`). Raises LoadError naming the file, and the sheet, cell and
    field of every invalid value.
    """
    from ..scenarios import case_from_yaml
    label = display_name(source, name)
    short = Path(label).name
    try:
        data = bounded_workbook(source, label)
    except InputProblem as problem:
        raise LoadError([problem]) from None
    try:
        # read-only: rows are parsed as they are read, so memory does not grow with the
        # sheets' size, and sheets other than the two read here are never parsed
        wb = load_workbook(data, read_only=True, data_only=True)
    except Exception as exc:  # a zip that is no workbook, or a damaged one
        raise _damaged(label, exc) from None
    try:
        return _read_case(wb, label, short, case_from_yaml)
    except InputProblem as problem:
        raise LoadError([problem]) from None
    finally:
        wb.close()


def _damaged(label: str, exc: Exception) -> LoadError:
    """Not readable, said without echoing the file's content or a temporary path."""
    if isinstance(exc, KeyError):
        reason = "a part of the workbook is missing"
    elif type(exc).__name__ in ("ParseError", "XMLSyntaxError", "ExpatError"):
        reason = "its XML is damaged"
    else:
        reason = f"openpyxl: {type(exc).__name__}"
    return LoadError([InputProblem(label, None, "", f"not a readable Excel workbook ({reason}); "
                                   f"{ADVICE}")])


def _rows(sheet, label: str):
    """(row number, values) of every row, also past a wrong dimension in the sheet. openpyxl
    parses a sheet only while it is read: its errors mean a damaged file, nothing else."""
    sheet.reset_dimensions()
    rows = enumerate(sheet.iter_rows(values_only=True), start=1)
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except Exception as exc:
            raise _damaged(label, exc) from None
        yield row


def _read_case(wb, label: str, short: str, case_from_yaml) -> Case:
    if CASE_SHEET not in wb.sheetnames:
        raise InputProblem(label, None, "", "this workbook was not exported by businesscase "
                           "(no hidden sheet '_case')")
    text = "\n".join("".join("" if v is None else str(v) for v in values)
                     for _, values in _rows(wb[CASE_SHEET], label))
    base = case_from_yaml(text, f"{short}[{CASE_SHEET}]")
    sheet = next((wb[n] for n in (SHEETS["assumptions"]) if n in wb.sheetnames), None)
    if sheet is None:
        raise InputProblem(label, None, "", "no sheet 'Aannames' or 'Assumptions'")
    rows = _rows(sheet, label)
    header = list(next(rows, (1, ()))[1])
    try:
        key_col = header.index(KEY_HEADER)
        value_col = next(header.index(h) for h in VALUE_HEADERS if h in header)
    except (ValueError, StopIteration):
        raise InputProblem(short, None, sheet.title, "the header row needs the columns "
                           "'key' and 'Waarde' (or 'Value')") from None
    changes, problems = {}, []
    for r, values in rows:
        key, value = (values[c] if c < len(values) else None for c in (key_col, value_col))
        if not key:
            continue
        key = str(key)
        where = f"{short} sheet '{sheet.title}' cell {get_column_letter(value_col + 1)}{r}"
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
            problems.append(InputProblem(where, None, key, f"{shown} is not a number; "
                                         "type a number in this cell"))
            continue
        try:
            changes[key] = check_value(base, key, value)
        except InvalidChange as exc:
            problems.append(InputProblem(where, None, key, exc.message))
    if problems:
        raise LoadError(problems)
    return apply_changes(base, changes)

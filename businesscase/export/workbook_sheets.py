"""The living workbook's own sheets: named inputs on the assumptions sheet, the calculation
sheet (:mod:`.workbook_formulas`), the results as formulas with defined names, the payments
between partners per year and a "Lees mij" sheet with the conventions.

Figures a spreadsheet formula cannot reproduce (the fair split, the nucleolus, Monte
Carlo) stay values, marked as computed by businesscase with its version and date.
"""

from __future__ import annotations

import datetime as dt
import math
from importlib import metadata

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation

from businesscase.engine import Result
from businesscase.text import format_metric, t, total_label

from .cells import Formula, put_row
from .names import NameBook
from .workbook_formulas import FIRST_YEAR_COLUMN, HEAD_FIELDS, Calculation
from .workbook_lines import build

__all__ = ["HEADLINES", "computed_note", "living_sheets", "name_inputs"]

HEADLINES = ("social_npv", "sroi_ratio", "pv_costs", "pv_benefits", "payback_year")
EURO2 = "#,##0.00;[Red]-#,##0.00"
FORMATS = {
    "social_npv": EURO2,
    "sroi_ratio": "0.00",
    "pv_costs": EURO2,
    "pv_benefits": EURO2,
    "payback_year": "0",
}
BOLD = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="DDE3EA")
INPUT_FILL = PatternFill("solid", fgColor="E8F0FE")
INPUT_FONT = Font(color="1F4E9E")


def version() -> str:
    try:
        return metadata.version("businesscase")
    except metadata.PackageNotFoundError:  # a source tree that was never installed
        return "dev"


def computed_note(lang: str) -> str:
    """ "berekend door businesscase <version> op <date>": the mark of a value that is not a
    formula."""
    return t("computed_by", lang, version=version(), date=dt.date.today().isoformat())


def _define(wb, name: str, sheet: str, cell: str) -> None:
    wb.defined_names[name] = DefinedName(name, attr_text=f"{quote_sheetname(sheet)}!{cell}")


def _header(ws, titles: list, widths: list[int]) -> None:
    put_row(ws, titles)
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
        cell = ws.cell(row=1, column=i)
        cell.font, cell.fill = BOLD, HEAD_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def name_inputs(
    wb, ws, rows: dict[str, int], value_column: int, bounds: dict[str, tuple[float, float]], lang
) -> NameBook:
    """Give every value cell of the assumptions sheet the defined name of its key (see
    :mod:`.names`), style it as an input and warn (softly, as the model does) when a value
    leaves the parameter's range low–high."""
    names = NameBook()
    col = get_column_letter(value_column)
    validations: dict[tuple[float, float], DataValidation] = {}
    for key, row in rows.items():
        _define(wb, names.add(key), ws.title, f"${col}${row}")
        cell = ws.cell(row=row, column=value_column)
        cell.fill, cell.font = INPUT_FILL, INPUT_FONT
        low, high = bounds.get(key, (math.nan, math.nan))
        if not (math.isfinite(low) and math.isfinite(high)):
            continue
        dv = validations.get((low, high))
        if dv is None:
            dv = DataValidation(
                type="decimal",
                operator="between",
                formula1=repr(float(low)),
                formula2=repr(float(high)),
                errorStyle="warning",
                showErrorMessage=True,
                errorTitle=t("range", lang),
                error=t("input_out_of_range", lang, low=f"{low:g}", high=f"{high:g}"),
            )
            validations[(low, high)] = dv
            ws.add_data_validation(dv)
        dv.add(f"{col}{row}")
    return names


def living_sheets(wb, result: Result, names: NameBook, allocation, lang: str) -> None:
    """The calculation, results, payments and read-me sheets of one evaluation."""
    calc = build(
        Calculation(
            case=result.case,
            names=names,
            lang=lang,
            words=lambda key: t(key, lang),
            partner_name=lambda pid: result.partner_label(pid, lang),
        )
    )
    calc_ws = _calculation_sheet(wb, calc, lang)
    _results_sheet(wb, calc, calc_ws.title, result, lang)
    if allocation is not None:
        _payments_sheet(wb, allocation, result, lang)
    _readme_sheet(wb, result, lang)


def _calculation_sheet(wb, calc: Calculation, lang: str):
    ws = wb.create_sheet(t("sheet_calculation", lang))
    T = calc.horizon
    titles = [t(f"calc_col_{f}", lang) for f in HEAD_FIELDS]
    years = [calc.case.meta.start_year + k for k in range(T + 1)]  # row 3 follows start_year
    _header(
        ws,
        [*titles, *years, t("col_pv_social", lang)],
        [18, 16, 34, 16, 22, 8, 14, 14, 8] + [13] * (T + 1) + [16],
    )
    for r, row in enumerate(calc.rows, start=2):
        values = list(row.head) + [None] * (len(HEAD_FIELDS) - len(row.head))
        if row.cells is not None:
            for k in range(1 if row.single else T + 1):
                value = calc.formula(row, k)
                values.append(Formula(f"={value}") if isinstance(value, str) else value)
        if row.pv:
            values.append(
                Formula(
                    f"=SUMPRODUCT({calc.column(0)}{r}:{calc.last_column}{r},"
                    f"{calc.column(0)}$5:{calc.last_column}$5)"
                )
            )
        put_row(ws, values)
    for row_number in calc.ledger_rows:
        for k in range(T + 2):
            ws.cell(row=row_number, column=FIRST_YEAR_COLUMN + k).number_format = EURO2
    for name in calc.case.derived_drivers:
        r = calc.at[f"derived.{name}"]
        _define(wb, calc.names[f"drivers.{name}"], ws.title, f"${calc.column(0)}${r}")
    ws.freeze_panes = ws.cell(row=2, column=FIRST_YEAR_COLUMN)
    return ws


def _results_sheet(wb, calc: Calculation, calc_title: str, result: Result, lang: str) -> None:
    ws = wb.create_sheet(t("sheet_results", lang))
    sheet = quote_sheetname(calc_title)
    rows = calc.ledger_rows

    def span(column: str) -> str:
        if not rows:
            return f"{sheet}!${column}$1:${column}$1"
        return f"{sheet}!${column}${rows[0]}:${column}${rows[-1]}"

    partner, role, cat, pv = span("D"), span("F"), span("G"), span(calc.pv_column)
    _header(
        ws,
        [t("col_output", lang), t("live_formula", lang), t("at_export", lang), t("col_name", lang)],
        [40, 20, 20, 28],
    )
    partners = calc.partners
    first_partner = 2 + len(HEADLINES) + 2  # after the headlines, a blank row and a header
    nets = f"C{first_partner}:C{first_partner + len(partners) - 1}"
    totals = result.totals
    never = format_metric("payback_year", math.nan, lang).replace('"', '""')
    none = format_metric("sroi_ratio", math.nan, lang).replace('"', '""')
    formulas = {
        "social_npv": f"=SUM({nets})",
        "pv_benefits": f'=SUMPRODUCT(({role}="benefit")*({cat}<>"revenue")*{pv})',
        "pv_costs": f'=0-SUMPRODUCT(({role}="cost")*({cat}<>"revenue")*{pv})',
        "sroi_ratio": f'=IF(pv_costs<>0,pv_benefits/pv_costs,"{none}")',
        "payback_year": (
            f"=IFERROR(MATCH(TRUE,{sheet}!${calc.column(0)}${calc.at['stays']}:"
            f"${calc.last_column}${calc.at['stays']},0)-1+{calc.names['meta.start_year']},"
            f'"{never}")'
        ),
    }
    for i, key in enumerate(HEADLINES):
        value = float(totals[key])
        r = put_row(
            ws,
            [
                total_label(key, lang),
                Formula(formulas[key]),
                value if math.isfinite(value) else format_metric(key, value, lang),
                key,
            ],
        )
        assert r == 2 + i
        _define(wb, key, ws.title, f"$B${r}")
        for column in (2, 3):
            ws.cell(row=r, column=column).number_format = FORMATS[key]
    put_row(ws, [])
    head = put_row(
        ws,
        [t("col_id", lang), t("partner", lang), t("net_position", lang), t("at_export", lang)]
        + [t("col_name", lang), t("pv_costs", lang), t("pv_benefits", lang)],
    )
    assert head == first_partner - 1
    for c in range(1, 8):
        ws.cell(row=head, column=c).font = BOLD
    net = result.by_partner["net_position"] if result.n_draws == 1 else None
    for r, pid in enumerate(partners, start=head + 1):
        name = f"net_position.{pid}"
        key = calc.names.add(name)
        put_row(
            ws,
            [
                pid,
                result.partner_label(pid, lang),
                Formula(f"=SUMPRODUCT(({partner}=$A{r})*{pv})"),
                float(net[pid]) if net is not None and pid in net.index else None,
                key,
                Formula(f'=0-SUMPRODUCT(({partner}=$A{r})*({role}="cost")*{pv})'),
                Formula(f'=SUMPRODUCT(({partner}=$A{r})*({role}="benefit")*{pv})'),
            ],
        )
        _define(wb, key, ws.title, f"$C${r}")
        for c in (3, 4, 6, 7):
            ws.cell(row=r, column=c).number_format = EURO2
    put_row(ws, [])
    put_row(ws, [t("at_export_note", lang), computed_note(lang)])
    ws.freeze_panes = "A2"


def _payments_sheet(wb, allocation, result: Result, lang: str) -> None:
    """The payments that implement the split, per operating year: values computed by
    businesscase (a split is not a spreadsheet formula)."""
    ws = wb.create_sheet(t("sheet_payments", lang))
    case = result.case
    years = [case.meta.start_year + k for k in range(1, case.meta.horizon + 1)]
    _header(
        ws,
        [t("col_payer", lang), t("col_receiver", lang), t("col_pv", lang), *years],
        [26, 26, 16] + [12] * len(years),
    )
    for tr in allocation.transfers:
        r = put_row(
            ws,
            [allocation.label(tr.payer, lang), allocation.label(tr.receiver, lang), float(tr.pv)]
            + [float(tr.per_year)] * len(years),
        )
        for c in range(3, 4 + len(years)):
            ws.cell(row=r, column=c).number_format = EURO2
    put_row(ws, [])
    put_row(ws, [t("payments_note", lang, method=allocation.method)])
    put_row(ws, [computed_note(lang)])
    ws.freeze_panes = "C2"


def _readme_sheet(wb, result: Result, lang: str) -> None:
    case = result.case
    ws = wb.create_sheet(t("sheet_readme", lang), 0)
    ws.column_dimensions["A"].width = 110
    text = t(
        "readme_text",
        lang,
        price_year=case.meta.price_year,
        start=case.meta.start_year,
        end=case.meta.start_year + case.meta.horizon,
        discounting=t(case.economics.discounting.value, lang),
        calculation=t("sheet_calculation", lang),
        results=t("sheet_results", lang),
        assumptions=t("sheet_assumptions", lang),
    )
    r = put_row(ws, [t("readme_title", lang)])
    ws.cell(row=r, column=1).font = Font(bold=True, size=14)
    for paragraph in text.split("\n"):
        r = put_row(ws, [paragraph])
        if r is not None:
            ws.cell(row=r, column=1).alignment = Alignment(wrap_text=True, vertical="top")
    put_row(ws, [])
    put_row(ws, [computed_note(lang)])

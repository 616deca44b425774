"""The comparison of scenarios as its own workbook: one row per scenario, best first, with
the balance, the wellbeing layer beside it, the municipal view and every partner's net
position and fair contribution. Headers in the language; no cell is a formula."""

from __future__ import annotations

import io
import math

import pandas as pd
from openpyxl import Workbook

from businesscase.text import format_metric, metric_kind, t

from .cells import put_row
from .excel import BOLD, HEAD_FILL, NUMBER_FORMATS

SCENARIO_COLUMNS = (
    "rank",
    "social_npv",
    "sroi_ratio",
    "social_npv_with_wellbeing",
    "sroi_with_wellbeing",
    "municipal_cost",
    "value_per_municipal_euro",
)


def comparison_workbook_bytes(
    frame: pd.DataFrame, partner_names: dict[str, str], lang: str = "nl"
) -> bytes:
    """The comparison (from :func:`businesscase.scenarios.compare`) as an .xlsx file.

    partner_names : partner id → name in the language, for the per-partner columns
    """
    wb = Workbook()
    ws = wb.active
    ws.title = t("sc_compare", lang)[:31]
    partners = [c.split(".", 1)[1] for c in frame.columns if c.startswith("net.")]
    keys = [*SCENARIO_COLUMNS, *(f"net.{p}" for p in partners), *(f"fair.{p}" for p in partners)]
    head = [t("sc_scenario", lang)] + [_title(k, partner_names, lang) for k in keys]
    put_row(ws, head)
    for i in range(1, len(head) + 1):
        ws.cell(row=1, column=i).font, ws.cell(row=1, column=i).fill = BOLD, HEAD_FILL
        ws.column_dimensions[ws.cell(row=1, column=i).column_letter].width = 22
    ws.freeze_panes = "B2"
    for name, row in frame.iterrows():
        values: list = [str(name)]
        for key in keys:
            value = float(row[key]) if key in row.index else math.nan
            values.append(value if math.isfinite(value) else format_metric(key, value, lang))
        put_row(ws, values)
        r = ws.max_row
        for j, key in enumerate(keys, start=2):
            ws.cell(row=r, column=j).number_format = (
                "0" if key == "rank" else NUMBER_FORMATS[metric_kind(key.split(".")[0])]
            )
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _title(key: str, partner_names: dict[str, str], lang: str) -> str:
    if key == "rank":
        return t("sc_rank", lang)
    if key.startswith(("net.", "fair.")):
        kind, partner = key.split(".", 1)
        word = t("net_position" if kind == "net" else "fair_contribution", lang)
        return f"{word}: {partner_names.get(partner, partner)}"
    if key == "municipal_cost":
        return t("sc_municipal_cost", lang)
    if key == "value_per_municipal_euro":
        return t("sc_value_per_municipal_euro", lang)
    return t(key, lang)

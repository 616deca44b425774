"""Exports for the meeting table: Excel workbook (and back), printable report, agreement
sheets per partner."""

from .comparison import comparison_workbook_bytes
from .excel import workbook, workbook_bytes
from .programme import programme_dict, programme_text
from .report_html import (
    CHROMIUM_FLAGS,
    agreements_html,
    chromium_path,
    html_to_pdf,
    report_html,
)
from .report_sections import (
    MUST_BE_TRUE_HEAD,
    investor_rows,
    investor_tornado_rows,
    must_be_true_rows,
)
from .summary import (
    ALLOCATION_COLUMNS,
    allocation_dict,
    allocation_text,
    summary_dict,
    summary_text,
)

__all__ = [
    "MUST_BE_TRUE_HEAD",
    "investor_rows",
    "investor_tornado_rows",
    "must_be_true_rows",
    "ALLOCATION_COLUMNS",
    "CHROMIUM_FLAGS",
    "agreements_html",
    "comparison_workbook_bytes",
    "allocation_dict",
    "allocation_text",
    "chromium_path",
    "html_to_pdf",
    "programme_dict",
    "programme_text",
    "report_html",
    "summary_dict",
    "summary_text",
    "workbook",
    "workbook_bytes",
]

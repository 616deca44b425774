"""Exports for the meeting table: Excel workbook (and back), printable report, agreement
sheets per partner."""

from .excel import case_from_workbook, workbook, workbook_bytes
from .report_html import agreement_sheet, agreements_html, html_to_pdf, report_html

__all__ = ["agreement_sheet", "agreements_html", "case_from_workbook", "html_to_pdf",
           "report_html", "workbook", "workbook_bytes"]

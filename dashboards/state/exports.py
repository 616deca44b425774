"""The files a session downloads, built fresh from the state on every click. A Monte Carlo
run goes into the workbook and the report only while it still fits the case."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from businesscase.allocation import Allocation
from businesscase.engine import Result
from businesscase.export import agreements_html, html_to_pdf, report_html, workbook_bytes
from businesscase.uncertainty import MonteCarloResult


class ExportsMixin:
    """The downloads of a :class:`CaseState`."""

    # Held by CaseState; declared (not assigned, so nothing is shadowed) for the type checker.
    result: Result
    allocation: Allocation
    lang: str
    current_montecarlo: Callable[[], MonteCarloResult | None]

    def workbook_bytes(self) -> bytes:
        return workbook_bytes(self.result, self.allocation, self.current_montecarlo(), self.lang)

    def report_html(self) -> str:
        return report_html(self.result, self.allocation, self.current_montecarlo(), self.lang)

    def report_pdf(self) -> bytes:
        with tempfile.TemporaryDirectory() as tmp:
            return html_to_pdf(self.report_html(), Path(tmp) / "rapport.pdf").read_bytes()

    def agreements_html(self) -> str:
        return agreements_html(self.result, self.allocation, self.lang)

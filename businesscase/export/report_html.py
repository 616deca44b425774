"""The printable report: one self-contained HTML page (inline CSS and SVG charts, no
external resources, works offline), a PDF printed from it by headless Chromium, and the
agreement sheet (afsprakenblad) of every partner, one A4 page each."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from businesscase.allocation import explanation
from businesscase.engine import Result
from businesscase.model import case_title, parameter_labels, parameter_table
from businesscase.text import format_metric, t, total_label
from businesscase.text import formatting as fmt
from businesscase.uncertainty import tornado

from .report_parts import CSS, HEAD, POLICY
from .report_parts import esc as _e
from .report_parts import partner_chart as _partner_chart
from .report_parts import table as _table
from .report_parts import year_chart as _year_chart
from .report_sections import investor_section, must_be_true_section, wellbeing_section

REVIEW_AFTER_YEARS = 2
SIGNATURE_FIELDS = ("name", "function", "date", "place", "signature")


def _headline(result: Result, lang: str) -> str:
    cards = []
    for key in (
        "social_npv",
        "sroi_ratio",
        "pv_benefits",
        "pv_costs",
        "investment",
        "payback_year",
    ):
        shown = format_metric(key, float(result.totals[key]), lang)
        cards.append(
            f"<div class='card'><div class='l'>{_e(total_label(key, lang))}</div>"
            f"<div class='v'>{_e(shown)}</div></div>"
        )
    return "<div class='cards'>" + "".join(cards) + "</div>"


def report_html(
    result: Result,
    allocation,
    montecarlo=None,
    lang: str = "nl",
    agreements: bool = True,
    appendix: bool = True,
) -> str:
    """The whole report as one HTML string."""
    case = result.case
    econ = case.economics
    eur = lambda x: fmt.euro(x, 0, lang)  # noqa: E731
    parts = [
        f"<h1>{_e(t('report_title', lang))}</h1>",
        f"<div class='meta'>{_e(case_title(case, lang))} · "
        f"{case.meta.start_year}–{case.meta.start_year + case.meta.horizon} · "
        f"{_e(t('prices_of', lang))} {case.meta.price_year} · "
        f"{_e(t(econ.discounting.value, lang))}, {_e(t('social_rate', lang))} "
        f"{fmt.percent(econ.social_discount_rate.value, 2, lang)}</div>",
        f"<p class='zero'><strong>{_e(t('zero_alternative', lang))}:</strong> "
        f"{_e(case.meta.zero_alternative(lang).strip())}</p>",
        _headline(result, lang),
        f"<p class='def'>{_e(t('sroi_definition', lang))}</p>",
        wellbeing_section(result, lang),
        f"<div class='section'><h2>{_e(t('report_per_year', lang))}</h2>"
        f"{_year_chart(result, lang)}</div>",
    ]
    bp = result.shown_by_partner
    columns = ("pv_costs", "pv_benefits", "net_position", "financial_npv", "irr")
    rows = [
        [result.partner_label(p, lang)]
        + [format_metric(c, r[c], lang, note=r.irr_note if c == "irr" else "") for c in columns]
        for p, r in bp.iterrows()
    ]
    totals = result.totals
    rows.append(
        [
            t("total_pv_transfers", lang),
            eur(-totals["pv_transfers"]),
            eur(-totals["pv_transfers"]),
            eur(0.0),
            "",
            "",
        ]
    )
    rows.append(
        [
            t("total", lang),
            eur(totals["pv_costs"]),
            eur(totals["pv_benefits"]),
            eur(totals["social_npv"]),
            "",
            format_metric("sroi_ratio", totals["sroi_ratio"], lang),
        ]
    )
    parts.append(
        f"<div class='section'><h2>{_e(t('report_who', lang))}</h2>{_partner_chart(result, lang)}"
        + _table(
            [
                t("partner", lang),
                t("pv_costs", lang),
                t("pv_benefits", lang),
                t("net_position", lang),
                t("financial_npv", lang),
                t("irr", lang),
            ],
            rows,
            {1, 2, 3, 4},
        )
        + _without_flows(result, lang)
        + "</div>"
    )
    parts.append(investor_section(result, lang))
    parts.append(must_be_true_section(result, lang))
    a = allocation
    columns = (
        "benefit",
        "contribution_today",
        "fair_contribution",
        "fair_contribution_per_year",
        "net_after",
    )
    rows = [[a.label(p, lang)] + [eur(r[c]) for c in columns] for p, r in a.table.iterrows()]
    head = [t("partner", lang)] + [t(c, lang) for c in columns]
    words = "".join(f"<p>{_e(p)}</p>" for p in explanation(a, lang).split("\n\n"))
    parts.append(
        f"<div class='section'><h2>{_e(t('fair_split', lang))}</h2>"
        + _table(head, rows, {1, 2, 3, 4, 5})
        + words
        + "</div>"
    )
    if montecarlo is not None:
        summary = montecarlo.summary()
        rows = [
            [output_label(name, result, lang)]
            + [format_metric(name, r[c], lang) for c in ("p10", "p50", "p90")]
            + [format_metric("p_positive", r.p_positive, lang)]
            for name, r in summary.iterrows()
        ]
        parts.append(
            f"<div class='section'><h2>{_e(t('uncertainty', lang))}</h2>"
            f"<p>{fmt.number(montecarlo.n, 0, lang)} {_e(t('draws', lang))}, "
            f"seed {montecarlo.seed}</p>"
            + _table(["", "P10", "P50", "P90", "P(>0)"], rows, {1, 2, 3, 4})
            + "</div>"
        )
    if agreements:
        parts += [agreement_sheet(result, a, pid, lang) for pid in a.table.index]
    if appendix:
        table = parameter_table(case, case, lang)
        rows = [
            [
                f"{r.name} ({r.key})" if r.name != r.key else r.key,
                f"{fmt.compact(r.value, lang)} {r.unit}",
                f"{fmt.compact(r.low, lang)} – {fmt.compact(r.high, lang)}",
                r.confidence,
                (f"{t('estimate', lang).lower()}: " if r.estimate else "") + r.source,
            ]
            for r in table.itertuples()
        ]
        parts.append(
            f"<div class='appendix'><h2>{_e(t('report_appendix', lang))}</h2>"
            + _table(
                [t(k, lang) for k in ("name", "value", "range", "confidence", "source_short")],
                rows,
            )
            + "</div>"
        )
    return (
        f"<!DOCTYPE html><html lang='{_e(lang)}'><head>{HEAD}"
        f"<title>{_e(case_title(case, lang))}</title><style>{CSS}</style></head><body>"
        + "".join(parts)
        + "</body></html>"
    )


def output_label(name: str, result: Result, lang: str) -> str:
    """'net_position.gemeente' → 'Saldo: Gemeente'; totals by their own label."""
    if name.startswith("net_position."):
        return f"{t('net_position', lang)}: {result.partner_label(name.split('.', 1)[1], lang)}"
    return t(name, lang)


def agreement_sheet(result: Result, allocation, partner: str, lang: str = "nl") -> str:
    """One page for one partner: what it pays and receives a year, its payments, the
    assumptions its part depends on most, and when the partners look again."""
    a, case = allocation, result.case
    row = a.table.loc[partner]
    per = a.case_game.annuity_factor
    eur = lambda x: fmt.euro(x, 0, lang)  # noqa: E731
    name = a.label(partner, lang)
    pays = [
        [a.label(tr.receiver, lang), eur(tr.per_year)] for tr in a.transfers if tr.payer == partner
    ]
    gets = [
        [a.label(tr.payer, lang), eur(tr.per_year)] for tr in a.transfers if tr.receiver == partner
    ]
    sens = tornado(case, "net_position", partner).head(5)
    names = parameter_labels(case, lang)
    sens_rows = [
        [
            names.get(k, k),
            f"{fmt.compact(r.low, lang)} → {eur(r.at_low)}",
            f"{fmt.compact(r.high, lang)} → {eur(r.at_high)}",
        ]
        for k, r in sens.iterrows()
        if r.swing > 0.5
    ]
    review_year = case.meta.start_year + min(REVIEW_AFTER_YEARS, case.meta.horizon)
    first, last = a.case_game.horizon
    none = [[t("none", lang), ""]]
    parts = [
        f"<div class='sheet'><h1>{_e(t('agreement_sheet', lang))}: {_e(name)}</h1>",
        f"<div class='meta'>{_e(case_title(case, lang))} · {first}–{last} · "
        f"{_e(t('prices_of', lang))} {case.meta.price_year}</div>",
        _table(
            ["", ""],
            [
                [t("contribution_per_year", lang), eur(row.fair_contribution_per_year)],
                [t("receives_per_year", lang), eur(row.benefit / per)],
                [t("net_position", lang) + " (PV)", eur(row.net_after)],
            ],
            {1},
        ),
        f"<h2>{_e(t('transfers', lang))}</h2>",
        _table([t("pays_to", lang), t("contribution_per_year", lang)], pays or none, {1}),
        _table([t("receives_from", lang), t("contribution_per_year", lang)], gets or none, {1}),
        f"<h2>{_e(t('depends_most', lang))}</h2>",
        _table(
            [t("name", lang), t("low", lang).lower(), t("high", lang).lower()],
            sens_rows or [[t("none", lang), "", ""]],
            {1, 2},
        ),
        f"<h2>{_e(t('review_moment', lang))}</h2>"
        f"<p>{_e(t('review_text', lang, year=review_year))}</p>",
        f"<div class='sign'><p>{_e(t('agreed_on_behalf', lang))} {_e(name)}</p>"
        + _table(
            ["", ""],
            [[t(f"sign_{field}", lang), ""] for field in SIGNATURE_FIELDS],
        )
        + "</div></div>",
    ]
    return "".join(parts)


def _without_flows(result: Result, lang: str) -> str:
    """The partners left out of the per-partner table and chart, named once."""
    names = [result.partner_label(p, lang) for p in result.without_flows]
    if not names:
        return ""
    return f"<p class='without-flows'>{_e(t('without_flows', lang, names=', '.join(names)))}</p>"


def agreements_html(result: Result, allocation, lang: str = "nl") -> str:
    """All agreement sheets as their own document (a separate download)."""
    sheets = "".join(agreement_sheet(result, allocation, p, lang) for p in allocation.table.index)
    return (
        f"<!DOCTYPE html><html lang='{_e(lang)}'><head>{HEAD}<title>"
        f"{_e(t('agreement_sheet', lang))}</title><style>{CSS}</style></head>"
        f"<body>{sheets}</body></html>"
    )


# Chromium as a quiet, sandbox-free worker in a container: no GPU, no network of its own,
# no first-run or sync chatter. The PDF export, the browser tests and the benchmarks all
# launch it with these.
CHROMIUM_FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def chromium_path() -> str:
    for candidate in (
        os.environ.get("BUSINESSCASE_CHROMIUM"),
        "chromium",
        "chromium-browser",
        "google-chrome",
    ):
        found = shutil.which(candidate) if candidate else None
        if found:
            return found
    raise RuntimeError(
        "PDF export needs Chromium (Debian: apt-get install chromium); "
        "or set BUSINESSCASE_CHROMIUM to its path"
    )


def _with_policy(html_text: str) -> str:
    """The document with the policy as the first thing in its <head> (added to any HTML
    given, not only to the reports built here)."""
    match = re.search(r"<head\b[^>]*>", html_text, re.IGNORECASE)
    if match:
        return html_text[: match.end()] + POLICY + html_text[match.end() :]
    doctype = re.match(r"\s*<!doctype[^>]*>", html_text, re.IGNORECASE)
    at = doctype.end() if doctype else 0
    return html_text[:at] + f"<head>{POLICY}</head>" + html_text[at:]


def html_to_pdf(html_text: str, pdf_path: str | Path, timeout: float = 120) -> Path:
    """Print HTML to PDF with headless Chromium (the browser the tests already use).

    Scripts never run and nothing is loaded besides the one file: the content security
    policy says so (Chromium 156's --blink-settings=scriptEnabled=false would do the first,
    but then it writes no PDF at all). The browser profile lives in a folder of its own."""
    pdf_path = Path(pdf_path).resolve()
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory() as profile:
        source = Path(tmp) / "report.html"
        source.write_text(_with_policy(html_text), encoding="utf-8")
        cmd = [
            chromium_path(),
            "--headless",
            *CHROMIUM_FLAGS,
            "--disable-extensions",
            f"--user-data-dir={profile}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf_path}",
            source.as_uri(),
        ]
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        if not pdf_path.exists() or pdf_path.stat().st_size == 0:
            raise RuntimeError(f"Chromium did not write the PDF: {out.stderr[-500:]}")
    return pdf_path

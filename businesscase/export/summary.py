"""A result as a summary: a JSON-ready dict and readable text, Dutch or English."""

from __future__ import annotations

import math

from businesscase.allocation import Allocation, explanation, method_name
from businesscase.engine import Result
from businesscase.model import case_title
from businesscase.text import LANGUAGES, format_metric, t, total_label
from businesscase.text import formatting as fmt

TOTAL_KEYS = (
    "investment",
    "operating_cost_first_year",
    "pv_costs",
    "pv_benefits",
    "social_npv",
    "sroi_ratio",
    "payback_year",
    "pv_transfers",
)
PARTNER_KEYS = (
    "pv_costs",
    "pv_benefits",
    "net_position",
    "benefit_cost_ratio",
    "financial_npv",
    "irr",
)


def _clean(value):
    value = float(value)
    return None if not math.isfinite(value) else value


def summary_dict(result: Result) -> dict:
    """Machine-readable summary of a single evaluation (NaN becomes None)."""
    case = result.case
    econ = case.economics
    totals = result.totals
    return {
        "case": {
            "name": case.meta.name,
            "title": case_title(case),
            "location": case.meta.location,
            "zero_alternative": {
                "nl": case.meta.zero_alternative.nl.strip(),
                "en": case.meta.zero_alternative.en.strip(),
            },
            "formulas": [f.value for f in case.meta.formulas],
            "price_year": case.meta.price_year,
            "start_year": case.meta.start_year,
            "horizon": case.meta.horizon,
        },
        "conventions": {
            "discounting": econ.discounting.value,
            "social_discount_rate": econ.social_discount_rate.value,
            "money": f"euros at {case.meta.price_year} prices (real) unless nominal",
            "definitions": t("sroi_definition", "en"),
        },
        "totals": {k: _clean(v) for k, v in totals.items()},
        "partners": [
            {
                "id": pid,
                "name": result.partner_label(pid, "nl"),
                "name_en": result.partner_label(pid, "en"),
                **{k: _clean(v) for k, v in row.items() if k not in ("has_investment", "irr_note")},
                "irr_note": row["irr_note"] or None,
                "has_investment": bool(row["has_investment"]),
            }
            for pid, row in result.by_partner.iterrows()
        ],
        "warnings": [
            {"parameter": key, "value": p.value, "low": p.low, "high": p.high}
            for key, p in case.out_of_range()
        ],
        "price_year_warnings": [
            {"parameter": key, "year": p.year} for key, p in case.price_year_mismatches()
        ],
    }


def summary_text(result: Result, lang: str = "nl") -> str:
    case, totals = result.case, result.totals
    econ = case.economics
    formulas = ", ".join(t(f.value, lang) for f in case.meta.formulas)
    first, last = case.meta.start_year, case.meta.start_year + case.meta.horizon
    lines = [
        f"{t('case', lang)}: {case_title(case, lang)}",
        f"{t('zero_alternative', lang)}: {case.meta.zero_alternative(lang).strip()}",
        f"{t('location', lang)}: {case.meta.location or '–'}    {t('formulas', lang)}: {formulas}",
        f"{t('period', lang)}: {first}–{last} ({case.meta.horizon} {t('years', lang)}), "
        f"{t('prices_of', lang)} {case.meta.price_year}",
        f"{t('discounting', lang)}: {t(econ.discounting.value, lang)}, "
        f"{t('social_rate', lang)} {fmt.percent(econ.social_discount_rate.value, 2, lang)}",
        "",
        t("key_figures", lang),
        "  " + t("sroi_definition", lang),
    ]
    for key in TOTAL_KEYS:
        shown = format_metric(key, totals[key], lang)
        label = total_label(key, lang)
        lines.append(f"  {label:<54}{shown:>16}")
    lines += ["", t("per_partner", lang)]
    header = [t("partner", lang)] + [t(k, lang) for k in PARTNER_KEYS]
    rows = []
    for pid, row in result.shown_by_partner.iterrows():
        rows.append(
            [result.partner_label(pid, lang)]
            + [
                format_metric(k, row[k], lang, note=row.irr_note if k == "irr" else "")
                for k in PARTNER_KEYS
            ]
        )
    rows.append(
        [
            t("total_pv_transfers", lang),
            fmt.euro(-totals["pv_transfers"], 0, lang),
            fmt.euro(-totals["pv_transfers"], 0, lang),
            fmt.euro(0.0, 0, lang),
            "",
            "",
            "",
        ]
    )
    rows.append(
        [t("total", lang)]
        + [
            format_metric(k, totals[k], lang)
            for k in ("pv_costs", "pv_benefits", "social_npv", "sroi_ratio")
        ]
        + ["", ""]
    )
    widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(len(header))]

    def render(r):
        return (
            "  "
            + r[0].ljust(widths[0])
            + "".join(str(c).rjust(w + 2) for c, w in zip(r[1:], widths[1:]))
        )

    lines.append(render(header))
    lines += [render(r) for r in rows]
    if result.without_flows:
        names = ", ".join(result.partner_label(p, lang) for p in result.without_flows)
        lines.append("  " + t("without_flows", lang, names=names))
    lines += ["", t("financial_note", lang)]
    warnings = case.out_of_range()
    mismatched = case.price_year_mismatches()
    if warnings or mismatched:
        lines += ["", t("warnings", lang) + ":"]
        for key, p in warnings:
            lines.append(
                f"  {key}: "
                + t(
                    "outside_range",
                    lang,
                    value=fmt.number(p.value, 4, lang),
                    low=fmt.number(p.low, 4, lang),
                    high=fmt.number(p.high, 4, lang),
                )
            )
        for key, p in mismatched:
            lines.append(
                f"  {key}: "
                + t("other_price_year", lang, year=p.year, price_year=case.meta.price_year)
            )
    return "\n".join(lines)


ALLOCATION_COLUMNS = (
    "benefit",
    "contribution_today",
    "fair_contribution",
    "fair_contribution_per_year",
    "net_before",
    "net_after",
    "change_per_year",
)


def allocation_text(allocation: Allocation, lang: str = "nl") -> str:
    """The allocation table, the payments and the explanation."""
    headers = [t("partner", lang)] + [t(c, lang) for c in ALLOCATION_COLUMNS]
    rows = [
        [allocation.label(pid, lang)] + [fmt.euro(row[c], 0, lang) for c in ALLOCATION_COLUMNS]
        for pid, row in allocation.table.iterrows()
    ]
    widths = [max(len(r[i]) for r in rows + [list(headers)]) for i in range(len(headers))]

    def render(r: list[str]) -> str:
        return (
            "  "
            + r[0].ljust(widths[0])
            + "".join(c.rjust(w + 2) for c, w in zip(r[1:], widths[1:]))
        )

    title = (
        f"{t('fair_split', lang)}: {method_name(allocation.method, lang)} "
        f"({allocation.case_game.basis.value})"
    )
    out = [title, "", render(list(headers))] + [render(r) for r in rows]
    return "\n".join(out + ["", explanation(allocation, lang)])


def allocation_dict(allocation: Allocation) -> dict:
    return {
        "method": allocation.method,
        "basis": allocation.case_game.basis.value,
        "total_value": _clean(allocation.total_value),
        "cost_to_cover": _clean(allocation.case_game.cost_to_cover),
        "partners": [
            {"id": pid, **{k: _clean(v) for k, v in row.items()}}
            for pid, row in allocation.table.iterrows()
        ],
        "transfers": [
            {
                "payer": t.payer,
                "receiver": t.receiver,
                "pv": _clean(t.pv),
                "per_year": _clean(t.per_year),
            }
            for t in allocation.transfers
        ],
        "stable": allocation.is_stable,
        "core_group": sorted(allocation.core_group),
        "core_excess": _clean(allocation.core_excess),
        "explanation": {lang: explanation(allocation, lang) for lang in LANGUAGES},
    }

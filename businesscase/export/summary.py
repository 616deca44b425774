"""A result as a summary: a JSON-ready dict and readable text, Dutch or English."""

from __future__ import annotations

import math

from businesscase.text import formatting as fmt
from businesscase.text import t, total_label
from businesscase.engine import Result

TOTAL_KEYS = ("investment", "operating_cost_first_year", "pv_costs", "pv_benefits",
              "social_npv", "sroi_ratio", "payback_year", "pv_transfers")
PARTNER_KEYS = ("pv_costs", "pv_benefits", "net_position", "benefit_cost_ratio",
                "financial_npv", "irr")


def _clean(value):
    value = float(value)
    return None if not math.isfinite(value) else value


def summary_dict(result: Result) -> dict:
    """Machine-readable summary of a single evaluation (NaN becomes None)."""
    case = result.case
    econ = case.economics
    totals = result.totals
    return {
        "case": {"name": case.meta.name, "location": case.meta.location,
                 "zero_alternative": {"nl": case.meta.zero_alternative.nl.strip(),
                                      "en": case.meta.zero_alternative.en.strip()},
                 "formulas": [f.value for f in case.meta.formulas],
                 "price_year": case.meta.price_year, "start_year": case.meta.start_year,
                 "horizon": case.meta.horizon},
        "conventions": {"discounting": econ.discounting.value,
                        "social_discount_rate": econ.social_discount_rate.value,
                        "money": f"euros at {case.meta.price_year} prices (real) unless nominal",
                        "definitions": t("sroi_definition", "en")},
        "totals": {k: _clean(v) for k, v in totals.items()},
        "partners": [
            {"id": pid, "name": result.partner_label(pid, "nl"),
             "name_en": result.partner_label(pid, "en"),
             **{k: _clean(v) for k, v in row.items() if k not in ("has_investment", "irr_note")},
             "irr_note": row["irr_note"] or None,
             "has_investment": bool(row["has_investment"])}
            for pid, row in result.by_partner.iterrows()],
        "warnings": [{"parameter": key, "value": p.value, "low": p.low, "high": p.high}
                     for key, p in case.out_of_range()],
        "price_year_warnings": [{"parameter": key, "year": p.year}
                                for key, p in case.price_year_mismatches()],
    }


def summary_text(result: Result, lang: str = "nl") -> str:
    case, totals = result.case, result.totals
    econ = case.economics
    formulas = ", ".join(t(f.value, lang) for f in case.meta.formulas)
    first, last = case.meta.start_year, case.meta.start_year + case.meta.horizon
    lines = [
        f"{t('case', lang)}: {case.meta.name}",
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
        value = totals[key]
        if key == "sroi_ratio":
            shown = fmt.number(value, 2, lang)
        elif key == "payback_year":
            shown = fmt.year(value) if math.isfinite(value) else t("never", lang)
        else:
            shown = fmt.euro(value, 0, lang)
        label = total_label(key, lang)
        lines.append(f"  {label:<54}{shown:>16}")
    lines += ["", t("per_partner", lang)]
    header = [t("partner", lang)] + [t(k, lang) for k in PARTNER_KEYS]
    rows = []
    for pid, row in result.by_partner.iterrows():
        rows.append([result.partner_label(pid, lang),
                     fmt.euro(row.pv_costs, 0, lang), fmt.euro(row.pv_benefits, 0, lang),
                     fmt.euro(row.net_position, 0, lang),
                     fmt.number(row.benefit_cost_ratio, 2, lang),
                     fmt.euro(row.financial_npv, 0, lang),
                     irr_text(row.irr, row.irr_note, lang)])
    bp = result.by_partner
    rows.append([t("total_pv_transfers", lang), fmt.euro(-totals["pv_transfers"], 0, lang),
                 fmt.euro(-totals["pv_transfers"], 0, lang), fmt.euro(0.0, 0, lang), "", "", ""])
    rows.append([t("total", lang), fmt.euro(totals["pv_costs"], 0, lang),
                 fmt.euro(totals["pv_benefits"], 0, lang), fmt.euro(totals["social_npv"], 0, lang),
                 fmt.number(totals["sroi_ratio"], 2, lang), "", ""])
    widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(len(header))]
    def render(r):
        return "  " + r[0].ljust(widths[0]) + "".join(
            str(c).rjust(w + 2) for c, w in zip(r[1:], widths[1:]))
    lines.append(render(header))
    lines += [render(r) for r in rows]
    lines += ["", t("financial_note", lang)]
    warnings = case.out_of_range()
    mismatched = case.price_year_mismatches()
    if warnings or mismatched:
        lines += ["", t("warnings", lang) + ":"]
        for key, p in warnings:
            lines.append(f"  {key}: " + t("outside_range", lang, value=fmt.number(p.value, 4, lang),
                                         low=fmt.number(p.low, 4, lang), high=fmt.number(p.high, 4, lang)))
        for key, p in mismatched:
            lines.append(f"  {key}: " + t("other_price_year", lang, year=p.year,
                                         price_year=case.meta.price_year))
    return "\n".join(lines)


def irr_text(irr: float, note: str, lang: str = "nl") -> str:
    """The IRR where it is defined, otherwise why not (see Result.partner_irr_note)."""
    return fmt.percent(irr, 1, lang) if not note else t(f"irr_{note}", lang)


ALLOCATION_COLUMNS = ("benefit", "contribution_today", "fair_contribution",
                      "fair_contribution_per_year", "net_before", "net_after", "change_per_year")


def allocation_text(allocation, lang: str = "nl") -> str:
    """The allocation table, the payments and the explanation."""
    from businesscase.allocation import method_name
    headers = [t("partner", lang)] + [t(c, lang) for c in ALLOCATION_COLUMNS]
    rows = [[allocation.label(pid, lang)] + [fmt.euro(row[c], 0, lang) for c in ALLOCATION_COLUMNS]
            for pid, row in allocation.table.iterrows()]
    widths = [max(len(r[i]) for r in rows + [list(headers)]) for i in range(len(headers))]
    render = lambda r: "  " + r[0].ljust(widths[0]) + "".join(  # noqa: E731
        c.rjust(w + 2) for c, w in zip(r[1:], widths[1:]))
    title = ("Fair split" if lang == "en" else "Eerlijke verdeling") + \
        f": {method_name(allocation.method, lang)} ({allocation.case_game.basis.value})"
    out = [title, "", render(list(headers))] + [render(r) for r in rows]
    return "\n".join(out + ["", allocation.explain(lang)])


def allocation_dict(allocation) -> dict:
    return {
        "method": allocation.method,
        "basis": allocation.case_game.basis.value,
        "total_value": _clean(allocation.total_value),
        "cost_to_cover": _clean(allocation.case_game.cost_to_cover),
        "partners": [{"id": pid, **{k: _clean(v) for k, v in row.items()}}
                     for pid, row in allocation.table.iterrows()],
        "transfers": [{"payer": t.payer, "receiver": t.receiver, "pv": _clean(t.pv),
                       "per_year": _clean(t.per_year)} for t in allocation.transfers],
        "stable": allocation.is_stable,
        "core_group": sorted(allocation.core_group),
        "core_excess": _clean(allocation.core_excess),
        "explanation": {"nl": allocation.explain("nl"), "en": allocation.explain("en")},
    }

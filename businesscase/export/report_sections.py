"""The report's sections for the asset manager and the sceptic: the wellbeing layer beside
the balance, "what must be true" for a negative case, and the investor's view (the
onrendabele top, own-rate figures and what moves the investor's own position)."""

from __future__ import annotations

import math

import pandas as pd

from businesscase.engine import WELLBEING_TOTALS, Result, investor_view, investors, wellbeing_layer
from businesscase.model import parameter_labels
from businesscase.text import format_metric, irr_text, t, unit_text
from businesscase.text import formatting as fmt
from businesscase.uncertainty import tornado, what_must_be_true

from .report_parts import esc, table

TORNADO_ROWS = 5


def wellbeing_section(result: Result, lang: str) -> str:
    """The wellbeing layer's totals under their own heading; '' without one."""
    layer = wellbeing_layer(result)
    if layer is None:
        return ""
    rows = [[t(k, lang), format_metric(k, layer.total(k), lang)] for k in WELLBEING_TOTALS]
    return (
        f"<div class='section'><h2>{esc(t('wellbeing_title', lang))}</h2>"
        + table(["", ""], rows, {1})
        + f"<p>{esc(t('wellbeing_about', lang))}</p></div>"
    )


def must_be_true_rows(frame: pd.DataFrame, result: Result, lang: str) -> list[list[str]]:
    """The what-must-be-true table as text rows: parameter, now, range, confidence, target,
    break-even (marked when outside the range)."""
    case = result.case
    names = parameter_labels(case, lang)
    units = {k: unit_text(p.unit, lang) for k, p in case.parameters()}
    rows = []
    for r in frame.itertuples():
        target = (
            t("social_npv", lang)
            if r.target == "social_npv"
            else result.partner_label(r.target, lang)
        )
        if math.isfinite(r.break_even):
            at = fmt.compact(r.break_even, lang)
            at += "" if r.in_range else f" ({t('mbt_outside', lang)})"
        else:
            at = t("mbt_none", lang)
        rows.append(
            [
                names.get(r.parameter, r.parameter),
                f"{fmt.compact(r.value, lang)} {units.get(r.parameter, '')}".strip(),
                f"{fmt.compact(r.low, lang)} – {fmt.compact(r.high, lang)}",
                t(f"confidence_{r.confidence}", lang),
                f"{target} ({fmt.euro(r.now, 0, lang)})",
                at,
            ]
        )
    return rows


MUST_BE_TRUE_HEAD = ("name", "mbt_now", "range", "confidence", "mbt_target", "mbt_break_even")


def must_be_true_section(result: Result, lang: str) -> str:
    frame = what_must_be_true(result.case)
    head = [t(k, lang) for k in MUST_BE_TRUE_HEAD]
    body = (
        table(head, must_be_true_rows(frame, result, lang))
        if len(frame)
        else f"<p>{esc(t('mbt_positive', lang))}</p>"
    )
    return (
        f"<div class='section'><h2>{esc(t('mbt_title', lang))}</h2>"
        f"<p>{esc(t('mbt_about', lang))}</p>{body}</div>"
    )


def investor_rows(result: Result, partner: str, lang: str) -> list[list[str]]:
    """The investor's figures at its own rate, beside the social return."""
    v = investor_view(result, partner)
    eur = lambda x: fmt.euro(x, 0, lang)  # noqa: E731
    return [
        [t("inv_rate", lang), fmt.percent(v.rate, 2, lang)],
        [t("investment", lang), eur(v.investment)],
        [t("inv_operating_pv", lang), eur(v.operating_pv)],
        [t("unprofitable_top", lang), eur(v.unprofitable_top)],
        [t("financial_npv", lang), eur(v.financial_npv)],
        [t("irr", lang), irr_text(v.irr, v.irr_note, lang)],
        [t("financial_payback_year", lang), format_metric("payback_year", v.payback_year, lang)],
        [t("net_position", lang), eur(v.net_position)],
        [t("social_npv", lang), eur(v.social_npv)],
        [t("sroi_ratio", lang), format_metric("sroi_ratio", v.sroi_ratio, lang)],
    ]


def investor_tornado_rows(result: Result, partner: str, lang: str) -> list[list[str]]:
    """The assumptions that move the investor's own net position most."""
    frame = tornado(result.case, "net_position", partner).head(TORNADO_ROWS)
    names = parameter_labels(result.case, lang)
    return [
        [
            names.get(key, key),
            f"{fmt.compact(r.low, lang)} – {fmt.compact(r.high, lang)}",
            fmt.euro(r.at_low, 0, lang),
            fmt.euro(r.at_high, 0, lang),
        ]
        for key, r in frame.iterrows()
    ]


def investor_section(result: Result, lang: str) -> str:
    """One block per investing partner; '' when no partner invests."""
    parts = []
    for partner in investors(result):
        name = result.partner_label(partner, lang)
        head = [t("name", lang), t("range", lang), t("inv_low", lang), t("inv_high", lang)]
        parts.append(
            f"<div class='section'><h2>{esc(t('inv_title', lang))}: {esc(name)}</h2>"
            f"<p>{esc(t('inv_about', lang))}</p>"
            + table(["", ""], investor_rows(result, partner, lang), {1})
            + f"<h3>{esc(t('inv_tornado', lang, partner=name))}</h3>"
            + table(head, investor_tornado_rows(result, partner, lang), {2, 3})
            + "</div>"
        )
    return "".join(parts)

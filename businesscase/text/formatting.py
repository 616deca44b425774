"""Numbers as people read them: Dutch (€ 1.234.567, 2,25%) or English (€1,234,567, 2.25%)."""

from __future__ import annotations

import math
from enum import Enum

from .catalogue import t


def _group(value: float, decimals: int, lang: str) -> str:
    text = f"{abs(value):,.{decimals}f}"
    if lang == "nl":
        text = text.replace(",", "_").replace(".", ",").replace("_", ".")
    return ("-" if value < 0 and float(text.replace(".", "").replace(",", "")) != 0 else "") + text


def number(value: float | None, decimals: int = 0, lang: str = "nl") -> str:
    if value is None or not math.isfinite(value):
        return "–"
    return _group(value, decimals, lang)


def euro(value: float | None, decimals: int = 0, lang: str = "nl") -> str:
    """€ 1.234.567 in Dutch, €1,234,567 in English; '–' for a missing value."""
    if value is None or not math.isfinite(value):
        return "–"
    text = _group(value, decimals, lang)
    sign, digits = ("-", text[1:]) if text.startswith("-") else ("", text)
    return f"{sign}€ {digits}" if lang == "nl" else f"{sign}€{digits}"


def euro_axis_style(lang: str = "nl") -> dict[str, str]:
    """How a euro tick is written in a language: the separators, the sign before the number
    and the word for millions (the browser's axes read the same, see euro_axis)."""
    if lang == "en":
        return {"thousands": ",", "decimal": ".", "euro": "€", "millions": "m"}
    return {"thousands": ".", "decimal": ",", "euro": "€ ", "millions": " mln"}


def euro_axis(value: float | None, lang: str = "nl") -> str:
    """A chart axis tick: € 20.000, and millions short (€ 1,2 mln; English €20,000 and
    €1.2m). The dashboard's axes apply the same rule in the browser to the same style."""
    if value is None or not math.isfinite(value):
        return "–"
    style = euro_axis_style(lang)
    sign = "-" if value < 0 else ""
    if abs(value) < 999_950:
        digits = f"{round(abs(value)):,d}".replace(",", style["thousands"])
        return ("" if digits == "0" else sign) + style["euro"] + digits
    millions = f"{abs(value) / 1e6:.1f}".removesuffix(".0").replace(".", style["decimal"])
    return sign + style["euro"] + millions + style["millions"]


def percent(fraction: float | None, decimals: int = 2, lang: str = "nl") -> str:
    if fraction is None or not math.isfinite(fraction):
        return "–"
    return _group(fraction * 100, decimals, lang) + "%"


def year(value: float | None) -> str:
    if value is None or not math.isfinite(value):
        return "–"
    return str(int(value))


def compact(value: float | None, lang: str = "nl", decimals: int = 4) -> str:
    """A parameter value without trailing zeros: 104, 0,0225, 1.500."""
    if value is None or not math.isfinite(value):
        return "–"
    text = _group(value, decimals, lang)
    point = "," if lang == "nl" else "."
    if point in text:
        text = text.rstrip("0").rstrip(point)
    return text


# -- metrics: one rule per kind of figure -----------------------------------------------------


class MetricKind(str, Enum):
    euros = "euros"  # € 1.234.567, whole euros
    ratio = "ratio"  # 1,23: euros of benefit per euro of cost
    year = "year"  # 2031; a balance that never turns: "niet binnen de looptijd"
    rate = "rate"  # 5,1%: a return a year, one decimal
    probability = "probability"  # 85%: a share of the draws, whole percents


METRIC_KINDS = {  # every metric that is not euros; a partner's metric is "name.partner"
    "sroi_ratio": MetricKind.ratio,
    "sroi_with_wellbeing": MetricKind.ratio,
    "benefit_cost_ratio": MetricKind.ratio,
    "value_per_municipal_euro": MetricKind.ratio,
    "payback_year": MetricKind.year,
    "irr": MetricKind.rate,
    "p_positive": MetricKind.probability,
}


def metric_kind(key: str) -> MetricKind:
    """The kind of a metric key ('sroi_ratio', 'net_position.gemeente', ...)."""
    return METRIC_KINDS.get(key.split(".", 1)[0], MetricKind.euros)


def format_metric(key: str, value: float | None, lang: str = "nl", note: str = "") -> str:
    """A metric as people read it, by its kind; '–' where there is no value. ``note`` is
    why an IRR is not defined (see Result.partner_irr_note): then that reason is shown."""
    kind = metric_kind(key)
    if note:
        return t(f"irr_{note}", lang)
    if kind is MetricKind.ratio:
        return number(value, 2, lang)
    if kind is MetricKind.year:
        if value is None:
            return "–"
        return year(value) if math.isfinite(value) else t("never", lang)
    if kind is MetricKind.rate:
        return percent(value, 1, lang)
    if kind is MetricKind.probability:
        return percent(value, 0, lang)
    return euro(value, 0, lang)


def irr_text(irr: float, note: str, lang: str = "nl") -> str:
    """The IRR where it is defined, otherwise why not (see Result.partner_irr_note)."""
    return format_metric("irr", irr, lang, note=note)

"""Numbers as people read them: Dutch (€ 1.234.567, 2,25%) or English (€1,234,567, 2.25%)."""

from __future__ import annotations

import math


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

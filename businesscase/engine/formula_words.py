"""Each line item's formula in words, with the case's numbers: "312 u × € 64,20 × lonen
(+1,0% per jaar), contant tegen 2,25%". The words say what the line builders
(:mod:`.lines`) compute; the numbers are the parameter values in force."""

from __future__ import annotations

from businesscase.model import Case, CostItem, Outcome, RevenueItem
from businesscase.text import formatting as fmt
from businesscase.text import t

from .evaluate import driver_values


def _unit(case: Case, name: str) -> str:
    if name in case.drivers:
        return case.drivers[name].unit
    return case.derived_drivers[name].unit


def _quantity(case: Case, names: list[str], values: dict[str, float], lang: str) -> list[str]:
    return [f"{fmt.compact(values[n], lang)} ({_unit(case, n)})" for n in names]


def _money(value: float, lang: str) -> str:
    return fmt.euro(value, 2 if abs(value) < 1000 else 0, lang)


def _index(case: Case, category: str, lang: str) -> str:
    rate = float(getattr(case.economics.real_indexation, category).value)
    if rate == 0:
        return ""
    return t(
        "why_indexed", lang, category=t(f"field_{category}", lang), rate=fmt.percent(rate, 1, lang)
    )


def item_formula(case: Case, item: str, rate: float, lang: str = "nl") -> str:
    """The formula of a line item in words, discounted at ``rate`` [fraction a year]."""
    values = driver_values(case)
    found = find_item(case, item)
    if found is None:
        return ""
    factors: list[str] = []
    if isinstance(found, CostItem):
        factors += _quantity(case, found.quantity, values, lang)
        amount = found.amount.value if found.amount else values[found.amount_driver or ""]
        factors.append(_money(float(amount), lang))
        lead = t("why_per_year", lang) if found.kind.value == "operating" else t("why_once", lang)
        if found.lifetime is not None:
            lead += " " + t("why_lifetime", lang, years=fmt.compact(found.lifetime.value, lang))
        index = _index(case, found.indexation, lang)
    elif isinstance(found, RevenueItem):
        factors += _quantity(case, found.quantity, values, lang)
        factors.append(_money(float(found.amount.value), lang))
        lead = t("why_per_year", lang) if found.timing.value == "yearly" else t("why_once", lang)
        index = _index(case, found.indexation, lang)
    else:
        factors += _quantity(case, found.quantity, values, lang)
        proxies = []
        for _, c in found.gross_lines():
            proxy = c.proxy.value if c.proxy else values[c.proxy_driver or ""]
            proxies.append(_money(float(proxy), lang))
        factors.append(" / ".join(proxies) if len(proxies) > 1 else proxies[0])
        for field in ("deadweight", "attribution", "displacement"):
            share = float(getattr(found, field).value)
            if share:
                factors.append(f"(1 − {t(f'field_{field}', lang)} {fmt.percent(share, 0, lang)})")
        lead = t("why_per_year", lang)
        index = _index(case, found.indexation, lang)
    words = " × ".join(factors) + (f" {index}" if index else "")
    return t("why_item", lang, formula=words, lead=lead, rate=fmt.percent(rate, 2, lang))


def find_item(case: Case, item: str) -> CostItem | RevenueItem | Outcome | None:
    """The cost, revenue or outcome with that id (None for an overlap correction)."""
    for section in (case.costs, case.revenues, case.outcomes):
        for x in section:
            if x.id == item:
                return x
    return None

"""A proposal as the table speaks it: each partner's contribution in euros a year, or as a
percentage of the cost to cover a year. A value typed in the other unit is refused with a
message, never read as the wrong one ("20%" is not €20)."""

from __future__ import annotations

import math

from businesscase.model import parse_number
from businesscase.text import formatting as fmt
from businesscase.text import t

PROPOSAL_UNITS = ("euro", "percent")


class ProposalError(ValueError):
    """A contribution that cannot be read; ``message`` says which and what is allowed."""

    def __init__(self, partner: str, message: str):
        super().__init__(message)
        self.partner, self.message = partner, message


def _marked(text: str) -> tuple[bool, bool]:
    return "%" in text, "€" in text or "eur" in text.lower()


def contribution_per_year(
    partner: str, label: str, entry, unit: str, cost_per_year: float, lang: str = "nl"
) -> float:
    """One partner's entry as euros a year [€ a year]: a number in the unit of the
    proposal (``euro``: euros a year; ``percent``: percent of ``cost_per_year``)."""
    if unit not in PROPOSAL_UNITS:
        raise ValueError(f"unit must be one of {', '.join(PROPOSAL_UNITS)}, not {unit!r}")
    if entry is None or (isinstance(entry, str) and not entry.strip()):
        return 0.0
    if isinstance(entry, (int, float)) and not isinstance(entry, bool):
        value = float(entry)
        if not math.isfinite(value):
            raise ProposalError(partner, t("proposal_not_number", lang, partner=label, text=entry))
    else:
        text = str(entry).strip()
        percent, euro = _marked(text)
        if percent and unit == "euro":
            raise ProposalError(partner, t("proposal_is_percent", lang, partner=label, text=text))
        if euro and unit == "percent":
            raise ProposalError(partner, t("proposal_is_euro", lang, partner=label, text=text))
        cleaned = text.replace("%", "").replace("€", "")
        cleaned = cleaned.lower().replace("euro", "").replace("eur", "").strip()
        try:
            value = parse_number(cleaned, lang)
        except ValueError:
            raise ProposalError(
                partner, t("proposal_not_number", lang, partner=label, text=text)
            ) from None
    if unit == "percent":
        if not 0 <= value <= 100:
            raise ProposalError(
                partner,
                t("proposal_percent_range", lang, partner=label, text=fmt.compact(value, lang)),
            )
        return value / 100 * cost_per_year
    if value < 0:
        raise ProposalError(
            partner, t("proposal_negative", lang, partner=label, text=fmt.compact(value, lang))
        )
    return value


def proposal_per_year(
    entries: dict, unit: str, cost_per_year: float, labels: dict[str, str], lang: str = "nl"
) -> dict[str, float]:
    """Every partner's entry as euros a year; the first entry that cannot be read raises
    :class:`ProposalError` naming the partner and what is allowed."""
    return {
        p: contribution_per_year(p, labels.get(p, p), v, unit, cost_per_year, lang)
        for p, v in entries.items()
    }


def in_unit(per_year: float, unit: str, cost_per_year: float) -> float:
    """A contribution [€ a year] in the unit of a proposal (percent: of the cost a year)."""
    if unit == "percent":
        return 100 * per_year / cost_per_year if cost_per_year else 0.0
    return per_year

"""What a partner's own page of a round shows: the case as it affects that partner (what it
pays today, what it gains, its fair contribution under the round's method) and the round's
progress, read with that partner's code. Never a limit: not another partner's, and not its
own either (anyone who finds the link in a browser history would read it; the page shows
what the partner typed only while the page is open)."""

from __future__ import annotations

from dataclasses import dataclass, field

from businesscase.allocation import allocate, explanation
from businesscase.engine import evaluate
from businesscase.model import Case
from businesscase.text import LANGUAGES

from .round_outcome import RoundOutcome


@dataclass(frozen=True)
class PartnerTerms:
    """The case for one partner under the round's split [€; per year: real, at the case's
    price year, over the operating years; present value: discounted over the horizon]."""

    partner: str
    labels: dict[str, str]  # language → the partner's name
    today_per_year: float
    benefit_per_year: float
    fair_per_year: float
    today_pv: float
    benefit_pv: float
    fair_pv: float
    explanation: dict[str, str] = field(default_factory=dict)  # language → text
    names: dict[str, dict[str, str]] = field(default_factory=dict)  # every partner's name


@dataclass(frozen=True)
class PartnerView:
    """A partner's page of a round: the round, its progress in counts, the partner's own
    entry time (never its amount) and, once closed, the outcome everyone sees."""

    round_id: int
    name: str
    method: str
    basis: str
    state: str
    closed_at: str | None
    partner: str
    entered: int
    invited: int
    own_entered_at: str | None
    terms: PartnerTerms
    outcome: RoundOutcome | None


def partner_terms(case: Case, method: str, basis: str, partner: str) -> PartnerTerms:
    allocation = allocate(evaluate(case), method, basis)
    row = allocation.table.loc[partner]
    a = float(allocation.case_game.annuity_factor)
    return PartnerTerms(
        partner,
        {lang: allocation.label(partner, lang) for lang in LANGUAGES},
        float(row.contribution_today) / a,
        float(row.benefit) / a,
        float(row.fair_contribution_per_year),
        float(row.contribution_today),
        float(row.benefit),
        float(row.fair_contribution),
        {lang: explanation(allocation, lang) for lang in LANGUAGES},
        {
            p: {lang: allocation.label(p, lang) for lang in LANGUAGES}
            for p in allocation.case_game.players
        },
    )

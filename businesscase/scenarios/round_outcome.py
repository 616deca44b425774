"""The outcome of a contribution round, worked out from the case, the round's split method
and basis, and the partners' limits; plain numbers for the CLI and a page to word.

Money is in euros a year at the case's price year (real), over the operating years, as the
fair split gives it (``fair_contribution_per_year``; its present value is that times the
annuity factor of the split).

Partners not invited to the round are not asked: they are held at their fair contribution,
and the invited partners' limits must cover the rest of the cost to cover. An invited
partner that has not entered counts with a limit of 0.

What the outcome holds is what the proposed split itself shows, and nothing of a limit
beyond it: with a deal, each partner's proposed contribution (and so, where a limit held a
partner below its fair share, that this was so); without one, only the total shortfall.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field

from businesscase.allocation import allocate, check_proposal, closest_within_limits
from businesscase.engine import evaluate
from businesscase.model import Case

# euros a year: a deviation from the fair contribution smaller than this is rounding
CENT = 0.005


@dataclass(frozen=True)
class FairTerms:
    """The fair split a round works with [€ a year]: per partner of the split its fair
    contribution, and the cost to cover together."""

    method: str
    basis: str
    price_year: int
    fair_per_year: dict[str, float]
    cost_to_cover_per_year: float
    annuity_factor: float

    @property
    def players(self) -> list[str]:
        return list(self.fair_per_year)


@dataclass(frozen=True)
class Payment:
    """A payment between partners that moves today's contributions to the proposed ones."""

    payer: str
    receiver: str
    per_year: float  # € a year


@dataclass(frozen=True)
class RoundOutcome:
    """The outcome of a closed round [€ a year, real, at ``price_year``].

    deal: the limits cover what the invited partners must cover. With a deal,
    ``contributions_per_year`` holds the proposed contribution of every partner of the
    split (invited or held at its fair contribution), ``stable`` whether no group of
    partners would do better on its own (the core check; ``core_group`` the group that
    gains most by leaving, ``core_excess_per_year`` by how much) and ``payments`` the
    payments between partners that implement it. Without a deal: ``shortfall_per_year``,
    the total only. ``themes_checked`` is False for a round on a single case: a smaller
    scope (a theme left out) needs a programme round, which is not built yet."""

    round_id: int
    deal: bool
    method: str
    basis: str
    price_year: int
    cost_to_cover_per_year: float  # what the invited partners must cover together
    invited: list[str]
    held_at_fair: list[str]
    entered: int
    fair_per_year: dict[str, float]
    contributions_per_year: dict[str, float] = field(default_factory=dict)
    shortfall_per_year: float = 0.0
    covered_share: float = 1.0
    stable: bool | None = None
    core_group: list[str] = field(default_factory=list)
    core_excess_per_year: float = 0.0
    payments: list[Payment] = field(default_factory=list)
    themes_checked: bool = False
    case_sha256: str = ""
    scenario_id: int | None = None
    scenario_number: int | None = None
    computed_at: str = ""

    def to_dict(self) -> dict:
        data = asdict(self)
        if isinstance(data["covered_share"], float) and math.isnan(data["covered_share"]):
            data["covered_share"] = None
        return data

    @classmethod
    def from_dict(cls, data: dict) -> RoundOutcome:
        data = dict(data)
        data["payments"] = [Payment(**p) for p in data.get("payments", [])]
        if data.get("covered_share") is None:
            data["covered_share"] = float("nan")
        return cls(**data)

    def below_fair(self) -> list[str]:
        """Partners whose proposed contribution is below their fair one (their limit held
        them there): what the split shows by itself, nothing more."""
        return [
            p
            for p, x in self.contributions_per_year.items()
            if x < self.fair_per_year.get(p, x) - CENT
        ]


def fair_terms(case: Case, method: str, basis: str) -> FairTerms:
    """The fair split of ``case`` under ``method`` and ``basis`` (a UserError when the
    method cannot split this case)."""
    allocation = allocate(evaluate(case), method, basis)
    cg = allocation.case_game
    fair = allocation.table["fair_contribution_per_year"]
    return FairTerms(
        method,
        str(basis),
        case.meta.price_year,
        {p: float(fair[p]) for p in cg.players},
        float(cg.cost_to_cover_per_year),
        float(cg.annuity_factor),
    )


def round_outcome(
    round_id: int,
    case: Case,
    method: str,
    basis: str,
    invited: list[str],
    limits: dict[str, float],
    **record,
) -> RoundOutcome:
    """The outcome of a round on ``case`` with the invited partners' ``limits`` [€ a year]
    (an invited partner missing from ``limits`` counts as 0). ``record``: case_sha256,
    scenario_id, scenario_number, computed_at, stored with the outcome."""
    result = evaluate(case)
    allocation = allocate(result, method, basis)
    cg = allocation.case_game
    fair_col = allocation.table["fair_contribution_per_year"]
    fair = {p: float(fair_col[p]) for p in cg.players}
    held = [p for p in cg.players if p not in invited]
    cost = float(cg.cost_to_cover_per_year) - sum(fair[p] for p in held)
    split = closest_within_limits(
        {p: fair[p] for p in invited}, {p: float(limits.get(p, 0.0)) for p in invited}, cost
    )
    common = dict(
        round_id=round_id,
        method=method,
        basis=str(basis),
        price_year=case.meta.price_year,
        cost_to_cover_per_year=cost,
        invited=list(invited),
        held_at_fair=held,
        entered=sum(1 for p in invited if p in limits),
        fair_per_year=fair,
        **record,
    )
    if not split.deal:
        return RoundOutcome(
            deal=False,
            shortfall_per_year=split.shortfall,
            covered_share=split.covered_share,
            **common,
        )
    proposed = {p: split.contributions.get(p, fair[p]) for p in cg.players}
    check = check_proposal(result, proposed, basis, participants=cg.players)
    proposal = check.allocation
    a = cg.annuity_factor
    return RoundOutcome(
        deal=True,
        contributions_per_year=proposed,
        stable=bool(proposal.is_stable),
        core_group=[p for p in cg.players if p in proposal.core_group],
        core_excess_per_year=max(0.0, float(proposal.core_excess) / a),
        payments=[Payment(tr.payer, tr.receiver, float(tr.per_year)) for tr in proposal.transfers],
        **common,
    )

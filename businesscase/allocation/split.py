"""An allocation of a case: the fair contributions, the payments that implement them and the
stability check, as numbers (:mod:`.explain` puts them in words)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from businesscase.engine import Result

from .bloc_split import within_bloc
from .case_game import CaseGame, case_game, core_violation, fair_split
from .methods import METHODS, BenefitBasis

MIN_TRANSFER = 1.0  # euros (PV): smaller differences are rounding, not payments


@dataclass(frozen=True)
class Transfer:
    payer: str
    receiver: str
    pv: float
    per_year: float


@dataclass
class Allocation:
    method: str
    case_game: CaseGame
    table: pd.DataFrame  # per partner, euros (PV unless 'per_year')
    transfers: list[Transfer]
    core_group: frozenset  # the group that does best on its own (may be empty)
    core_excess: float  # how much better it does; ≤ 0 means the split is stable
    result: Result

    @property
    def total_value(self) -> float:
        return self.case_game.total_value

    @property
    def is_negative(self) -> bool:
        return self.total_value < 0

    @property
    def is_stable(self) -> bool:
        return self.core_excess <= max(MIN_TRANSFER, 1e-9 * abs(self.total_value))

    def label(self, partner: str, lang: str = "nl") -> str:
        return self.result.partner_label(partner, lang)


def allocate(
    result: Result,
    method: str = "shapley",
    basis: BenefitBasis | str = BenefitBasis.financial,
    participants: list[str] | None = None,
    holders: dict[str, str] | None = None,
    blocs: dict[str, str] | None = None,
    within: str = "shares",
) -> Allocation:
    """Split a case fairly with a named method (see ``METHODS``).

    blocs (partner id → bloc id; None: by role) and within (``shares`` or ``game``): the
    partition and the split within a bloc for the bloc methods (see :mod:`.bloc_split`).
    """
    cg = case_game(result, basis, participants, holders)
    return _allocation(result, cg, method, fair_split(cg, method, blocs, within))


def check_proposal(
    result: Result,
    contributions_per_year: dict[str, float],
    basis: BenefitBasis | str = BenefitBasis.financial,
    participants: list[str] | None = None,
    holders: dict[str, str] | None = None,
    blocs: dict[str, str] | None = None,
    within: str = "shares",
) -> ProposalCheck:
    """Check contributions typed in by the partners (euros a year over the operating years);
    the distances to the bloc methods use ``blocs`` and ``within`` (as in ``allocate``)."""
    cg = case_game(result, basis, participants, holders)
    unknown = set(contributions_per_year) - set(cg.players)
    if unknown:
        raise ValueError(f"not taking part: {', '.join(sorted(unknown))}")
    pv = pd.Series(
        {p: float(contributions_per_year.get(p, 0.0)) * cg.annuity_factor for p in cg.players}
    )
    # a wrong partition or within is refused, not skipped with the methods below
    cg.bloc_of(blocs)
    within_bloc(within)
    net_after = cg.benefit - pv
    allocation = _allocation(result, cg, "proposal", net_after)
    distances = {}
    for m in METHODS:
        try:
            other = fair_split(cg, m, blocs, within)
        except ValueError:
            continue
        distances[m] = float((cg.benefit - other - pv).abs().sum() / cg.annuity_factor / 2)
    return ProposalCheck(
        allocation,
        shortfall=float(cg.cost_to_cover - pv.sum()),
        worse_off=[p for p in cg.players if net_after[p] < -MIN_TRANSFER],
        distance_per_year=distances,
    )


@dataclass
class ProposalCheck:
    allocation: Allocation
    shortfall: float  # PV of costs not covered (negative: surplus)
    worse_off: list[str]  # partners worse off than by not joining
    distance_per_year: dict[str, float]  # euros a year that change hands between it and a method

    @property
    def covers_cost(self) -> bool:
        return self.shortfall <= MIN_TRANSFER

    @property
    def together_per_year(self) -> float:
        """The proposed contributions together [€ a year]."""
        cg = self.allocation.case_game
        return cg.cost_to_cover_per_year - self.shortfall / cg.annuity_factor

    @property
    def share_of_cost(self) -> float:
        """The proposal together as a fraction of the cost to cover (NaN without cost)."""
        cost = self.allocation.case_game.cost_to_cover_per_year
        return self.together_per_year / cost if cost else float("nan")


def _allocation(result: Result, cg: CaseGame, method: str, net_after: pd.Series) -> Allocation:
    players = cg.players
    net_after = net_after.reindex(players).astype(float)
    net_before = (cg.benefit - cg.contribution_today).reindex(players)
    fair = cg.benefit - net_after
    table = pd.DataFrame(
        {
            "benefit": cg.benefit,
            "contribution_today": cg.contribution_today,
            "net_before": net_before,
            "fair_contribution": fair,
            "fair_contribution_per_year": fair / cg.annuity_factor,
            "net_after": net_after,
            "change": fair - cg.contribution_today,
            "change_per_year": (fair - cg.contribution_today) / cg.annuity_factor,
        }
    ).reindex(players)
    table.index.name = "partner"
    group, excess = core_violation(cg, net_after)
    return Allocation(
        method, cg, table, settle(table["change"], cg.annuity_factor), group, excess, result
    )


def settle(change: pd.Series, annuity_factor: float) -> list[Transfer]:
    """Payments that move today's split to the fair one: who pays whom.

    A partner whose contribution must rise pays one whose contribution must fall. Exact
    matches are settled first (one payment closes both sides); the rest is matched
    largest to largest, which needs at most (partners − 1) payments.
    """
    pay = {p: v for p, v in change.items() if v > MIN_TRANSFER}
    get = {p: -v for p, v in change.items() if v < -MIN_TRANSFER}
    transfers: list[Transfer] = []

    def add(payer, receiver, amount):
        transfers.append(Transfer(payer, receiver, amount, amount / annuity_factor))

    for p in sorted(pay, key=pay.__getitem__, reverse=True):
        q = next(
            (
                q
                for q in sorted(get, key=get.__getitem__, reverse=True)
                if abs(get[q] - pay[p]) <= MIN_TRANSFER
            ),
            None,
        )
        if q is not None:
            add(p, q, pay.pop(p))
            get.pop(q)
    payers = [[p, v] for p, v in sorted(pay.items(), key=lambda kv: -kv[1])]
    receivers = [[q, v] for q, v in sorted(get.items(), key=lambda kv: -kv[1])]
    i = j = 0
    while i < len(payers) and j < len(receivers):
        amount = min(payers[i][1], receivers[j][1])
        if amount > MIN_TRANSFER:
            add(payers[i][0], receivers[j][0], amount)
        payers[i][1] -= amount
        receivers[j][1] -= amount
        if payers[i][1] <= MIN_TRANSFER:
            i += 1
        if receivers[j][1] <= MIN_TRANSFER:
            j += 1
    return transfers


__all__ = ["Allocation", "ProposalCheck", "Transfer", "allocate", "check_proposal", "settle"]

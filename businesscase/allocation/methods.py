"""The choices a split is made with: what counts as benefit, and the split methods."""

from __future__ import annotations

from enum import Enum, StrEnum

from businesscase.model import FlowType


class BenefitBasis(str, Enum):
    """What counts as a partner's benefit in the game (see :mod:`.case_game`)."""

    cash = "cash"  # cashable savings and cash received
    financial = "financial"  # also non-cashable savings (capacity freed)
    societal = "societal"  # also societal value, held by the partner that has it as a goal


BASES: tuple[str, ...] = tuple(b.value for b in BenefitBasis)

CASHABLE: frozenset[str] = frozenset({FlowType.cash.value, FlowType.cashable_saving.value})
"""The flow types that are money in a budget: the ``cash`` basis and proportional_cashable."""

COUNTED: dict[BenefitBasis, frozenset[str]] = {
    BenefitBasis.cash: CASHABLE,
    BenefitBasis.financial: CASHABLE | {FlowType.non_cashable_saving.value},
    BenefitBasis.societal: CASHABLE
    | {FlowType.non_cashable_saving.value, FlowType.societal_value.value},
}
"""The flow types counted as benefit under each basis."""


class SplitMethod(StrEnum):
    """The named ways to split the gain of a partnership (see :func:`.case_game.fair_split`)."""

    shapley = "shapley"
    owen = "owen"  # blocs first, each bloc then within (see :mod:`.bloc_split`)
    nucleolus = "nucleolus"
    bloc_nucleolus = "bloc_nucleolus"
    prenucleolus = "prenucleolus"
    equal_surplus = "equal_surplus"
    proportional_benefit = "proportional_benefit"
    proportional_cashable = "proportional_cashable"
    as_is = "as_is"


METHODS: tuple[str, ...] = tuple(m.value for m in SplitMethod)

PER_DRAW_METHODS: tuple[str, ...] = (
    SplitMethod.shapley.value,
    SplitMethod.owen.value,
    SplitMethod.as_is.value,
    SplitMethod.proportional_benefit.value,
    SplitMethod.equal_surplus.value,
)
"""The methods linear in the ledger's flows, so Monte Carlo splits every draw by matrix
products (:func:`.case_game.net_after_draws`)."""

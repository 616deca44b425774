"""Fair allocation: a cooperative-game toolkit and the split derived from a business case.

>>> from businesscase.allocation import TUGame
>>> g = TUGame.from_lex(["A", "B", "C"], [0, 0, 0, 1, 1, 0, 1])
>>> g.shapley(), g.nucleolus()
"""

from .case_game import case_game, default_participants, net_after_draws, split_weights
from .costgame import CostGame
from .explain import explanation, method_description, method_name, transfer_sentences
from .game import TUGame
from .limits import closest_within_limits
from .methods import BASES, METHODS, PER_DRAW_METHODS, BenefitBasis, SplitMethod
from .proposal import (
    PROPOSAL_UNITS,
    ProposalError,
    contribution_per_year,
    in_unit,
    proposal_per_year,
)
from .split import Allocation, ProposalCheck, allocate, check_proposal, settle
from .structured import Stream, StructuredGame, sampled_shapley

__all__ = [
    "Allocation",
    "BASES",
    "BenefitBasis",
    "CostGame",
    "METHODS",
    "PER_DRAW_METHODS",
    "PROPOSAL_UNITS",
    "ProposalCheck",
    "ProposalError",
    "SplitMethod",
    "Stream",
    "StructuredGame",
    "TUGame",
    "allocate",
    "case_game",
    "check_proposal",
    "closest_within_limits",
    "contribution_per_year",
    "default_participants",
    "explanation",
    "in_unit",
    "method_description",
    "method_name",
    "net_after_draws",
    "proposal_per_year",
    "sampled_shapley",
    "settle",
    "split_weights",
    "transfer_sentences",
]

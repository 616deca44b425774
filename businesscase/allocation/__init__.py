"""Fair allocation: a cooperative-game toolkit and the split derived from a business case.

>>> from businesscase.allocation import TUGame
>>> g = TUGame.from_lex(["A", "B", "C"], [0, 0, 0, 1, 1, 0, 1])
>>> g.shapley(), g.nucleolus()
"""

from .case_game import METHODS, BenefitBasis, CaseGame, case_game, default_participants
from .costgame import CostGame
from .game import TUGame
from .split import Allocation, ProposalCheck, Transfer, allocate, check_proposal, settle
from .structured import Stream, StructuredGame, sampled_shapley
from .texts import method_description, method_name

__all__ = ["Allocation", "BenefitBasis", "CaseGame", "CostGame", "METHODS", "ProposalCheck",
           "Stream", "StructuredGame", "TUGame", "Transfer", "allocate", "case_game",
           "check_proposal", "default_participants", "method_description", "method_name",
           "sampled_shapley", "settle"]

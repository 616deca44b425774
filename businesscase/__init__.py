"""Social business case for shared facilities in Dutch housing, welfare and care.

>>> from businesscase import load_case, evaluate
>>> result = evaluate(load_case("assumptions/meeting_space.yaml"))
>>> result.ledger        # one tidy table: year × partner × line item
>>> result.totals        # MKBA balance, SROI ratio, payback year, ...
>>> result.by_partner    # costs, benefits, net position, financial NPV/IRR per partner
"""

from businesscase.engine import Result, evaluate
from businesscase.io import default_case_path, load_case
from businesscase.model import Case, LoadError

__all__ = ["Case", "LoadError", "Result", "default_case_path", "evaluate", "load_case"]

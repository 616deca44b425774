"""Named scenarios: saved in a database with every version kept, exported and imported
as case YAML, compared side by side; and the confidential contribution rounds kept beside
them."""

from .compare import compare, unique_labels
from .database import StoreError
from .round_codes import Throttle
from .round_outcome import RoundOutcome
from .round_records import FACILITATOR, MAX_CONDITION, RoundError, RoundStatus
from .round_views import PartnerView
from .rounds import RoundStore
from .store import Draft, ScenarioStore, Version, check_draft_key

__all__ = [
    "Draft",
    "FACILITATOR",
    "MAX_CONDITION",
    "PartnerView",
    "RoundStatus",
    "RoundError",
    "RoundOutcome",
    "RoundStore",
    "Throttle",
    "ScenarioStore",
    "check_draft_key",
    "StoreError",
    "Version",
    "compare",
    "unique_labels",
]

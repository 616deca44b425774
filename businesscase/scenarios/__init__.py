"""Named scenarios: saved in a database with every version kept, exported and imported
as case YAML, compared side by side."""

from .compare import compare, unique_labels
from .database import StoreError
from .store import Draft, ScenarioStore, Version, check_draft_key

__all__ = [
    "Draft",
    "ScenarioStore",
    "check_draft_key",
    "StoreError",
    "Version",
    "compare",
    "unique_labels",
]

"""Named scenarios: saved in a database with every version kept, exported and imported
as case YAML, compared side by side."""

from .compare import compare, unique_labels
from .database import StoreError
from .store import ScenarioStore, Version

__all__ = ["ScenarioStore", "StoreError", "Version", "compare", "unique_labels"]

"""Named scenarios: saved in a database with every version kept, exported and imported
as case YAML, compared side by side."""

from .compare import compare
from .serialise import case_from_yaml, case_to_yaml
from .store import ScenarioStore, Version

__all__ = ["ScenarioStore", "Version", "case_from_yaml", "case_to_yaml", "compare"]
